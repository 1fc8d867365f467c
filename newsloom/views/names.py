"""Names and roles as a person reads them: an event's actors under the canonical name of the entity
they are linked to (in its own script, "Lương Cường", not the first spelling seen, "Luong Cuong"),
and roles as words of a language pack ("Deputy Prime Minister", not ``deputy_head_of_government``)."""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache
from typing import Any

from newsloom.entities.rules import ROLE_BY_ORGANIZATION
from newsloom.lang import load_part
from newsloom.store import Connection
from newsloom.store import events as event_rows

#: The language roles are written in when the reader's is not known (the UI's language).
ROLE_LANGUAGE = "en"


def _rename(names: list[Any], renamed: dict[str, str]) -> list[Any]:
    return [renamed.get(n, n) if isinstance(n, str) else n for n in names]


def retitle(title: str, renamed: dict[str, str]) -> str:
    """``title`` with each first spelling replaced by its canonical name (longest first)."""
    for old in sorted(renamed, key=len, reverse=True):
        title = title.replace(old, renamed[old])
    return title


def with_canonical_names(conn: Connection, records: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """Event summary records (``id``, ``title``, ``source``, ``target`` names) under canonical names."""
    records = list(records)
    renamed = event_rows.canonical_actor_names(conn, [r["id"] for r in records])
    shown = []
    for record in records:
        names = renamed.get(record["id"])
        if names:
            record = {
                **record, "title": retitle(record["title"], names), "source": _rename(record["source"], names),
                "target": _rename(record["target"], names),
            }  # fmt: skip
        shown.append(record)
    return shown


def with_canonical_actors(conn: Connection, record: dict[str, Any]) -> dict[str, Any]:
    """An event detail record whose actors carry their canonical name and their role in words."""
    names = event_rows.canonical_actor_names(conn, [record["id"]]).get(record["id"], {})
    actors = {
        side: [
            {
                **a,
                "name": names.get(a.get("name") or "", a.get("name")),
                "role_name": role_words(a.get("role")),
            }
            for a in record["actors"].get(side, [])
        ]
        for side in ("source", "target")
    }
    return {**record, "title": retitle(record["title"], names), "actors": actors}


@cache
def _words_of_roles(language: str) -> dict[str, str]:
    """Role id -> the first title of the language's pack that gives it ("Deputy Prime Minister")."""
    words: dict[str, str] = {}
    for title, role in load_part(language, "entities").titles.items():
        words.setdefault(role, title)
    return words


def role_words(role: str | None, language: str = ROLE_LANGUAGE) -> str | None:
    """A role id as words of ``language``'s pack; a role narrowed by its organization falls back to
    its general title; a role no pack names is written out from its id without underscores."""
    if not role:
        return None
    words = _words_of_roles(language)
    if role in words:
        return words[role]
    general = next((base for (base, _), narrow in ROLE_BY_ORGANIZATION.items() if narrow == role), None)
    if general and general in words:
        return words[general]
    return role.replace("_", " ").capitalize()
