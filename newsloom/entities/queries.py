"""Reading the entity store: the functions behind ``newsloom entities``, ``newsloom entity NAME``,
``newsloom export --what entities`` and the API. Each returns plain data (dicts and lists); the
SQL is in :mod:`newsloom.store.entities`."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from newsloom.entities.names import folded_name
from newsloom.entities.types import ENTITY_TYPES
from newsloom.errors import NewsloomError
from newsloom.store import Connection
from newsloom.store import entities as store

#: How many rows ``find_entity`` returns at most.
FIND_LIMIT = store.FIND_LIMIT


def list_entities(
    conn: Connection, type: str | None = None, limit: int = 50, offset: int = 0
) -> list[dict[str, Any]]:
    """Entities by article count: id, canonical name, type, names seen per language, article count."""
    if type is not None and type not in ENTITY_TYPES:
        raise NewsloomError(f"Unknown entity type {type!r}: use one of {', '.join(ENTITY_TYPES)}.")
    return store.list_entities(conn, type=type, limit=limit, offset=offset)


def find_entity(conn: Connection, name: str) -> list[dict[str, Any]]:
    """Entities having ``name`` (any language, any diacritics or case) as an alias; else whose
    alias starts with it. Best known first."""
    return store.find_entity(conn, folded_name(name))


def entity_detail(conn: Connection, entity_id: int) -> dict[str, Any] | None:
    """One entity with its aliases, roles over time and articles; None if there is no such id."""
    return store.entity_detail(conn, entity_id)


def export_entities(conn: Connection, batch: int = 500) -> Iterator[dict[str, Any]]:
    """Every entity as one JSON-ready dict: id, name, type, aliases, roles, articles (input paths)."""
    return store.export_entities(conn, batch)
