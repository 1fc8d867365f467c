"""The result types of the entity stage."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from newsloom.serialize import to_dict

ENTITY_TYPES = ("person", "organization", "place")


@dataclass(frozen=True, slots=True)
class Mention:
    """A person, organization or place named in the body: ``article.text[start:end] == text``."""

    start: int
    end: int
    text: str
    type: str  # person | organization | place
    sentence: int | None = None
    key: str = ""  # in-article canonical key (gazetteer id or folded full name) after coreference
    canonical: str | None = None  # canonical name (with diacritics where known)
    role: str | None = None  # role vocabulary id, e.g. deputy_head_of_government
    role_text: str | None = None  # the title as written ("Phó Thủ tướng")
    role_of: str | None = None  # organization/country the role belongs to, when said
    rule: str = ""  # which recogniser found it
    score: float = 1.0

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = to_dict(self)
        return data
