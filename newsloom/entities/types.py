"""The result types of the entity stage."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from newsloom.serialize import to_dict

ENTITY_TYPES = ("person", "organization", "place", "name")  # name: a name whose type is unknown
#: A mention is a name ("Bùi Thanh Sơn", "UNODC") or a title standing for a person ("Phó Thủ tướng").
MENTION_KINDS = ("name", "title")


@dataclass(frozen=True, slots=True)
class Role:
    """A title held by the person a mention names, as said in the text."""

    role: str  # role vocabulary id (newsloom.entities.rules.ROLES)
    text: str  # the title as written
    of: str | None = None  # key of the organization/country it belongs to, when said


@dataclass(frozen=True, slots=True)
class Mention:
    """A person, organization or place named in the body: ``article.text[start:end] == text``."""

    start: int
    end: int
    text: str
    type: str  # person | organization | place | name (a name whose type is unknown)
    sentence: int | None = None
    key: str = ""  # in-article canonical key (gazetteer id or folded full name) after coreference
    canonical: str | None = None  # canonical name (with diacritics where known)
    role: str | None = None  # role vocabulary id, e.g. deputy_head_of_government
    role_text: str | None = None  # the title as written ("Phó Thủ tướng")
    role_of: str | None = None  # organization/country the role belongs to, when said
    rule: str = ""  # which recogniser found it
    score: float = 1.0
    kind: str = "name"  # name | title (a title standing for a person named elsewhere)
    roles: tuple[Role, ...] = ()  # every title attached here; role/role_text/role_of mirror the first

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = to_dict(self)
        return data
