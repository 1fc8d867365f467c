"""Entities as a person looks at them: a list or a search by any name, and one entity with its
names per language, roles over time, articles and the events it took part in."""

from __future__ import annotations

from dataclasses import dataclass

from pydantic import computed_field

from newsloom.entities.queries import entity_detail, find_entity, list_entities
from newsloom.events.queries import list_events
from newsloom.store import Connection
from newsloom.views.common import Model, Page, page_of
from newsloom.views.events import EventSummary
from newsloom.views.names import role_words, with_canonical_names

#: Events an entity's view lists.
ENTITY_EVENTS = 50


class EntitySummary(Model):
    """An entity in a list (a search by name leaves out the counts it does not read)."""

    id: int
    name: str
    type: str
    names: dict[str, list[str]]
    articles: int
    mentions: int | None = None
    first_seen: str | None = None
    last_seen: str | None = None


class Alias(Model):
    alias: str
    language: str
    count: int


class RoleEvidence(Model):
    article_id: str
    text: str


class Role(Model):
    """A role held over a span of article dates, with the sentence that first gave it."""

    role: str
    of: str | None
    of_id: int | None
    title: str
    first_seen: str | None
    last_seen: str | None
    count: int
    evidence: RoleEvidence

    @computed_field  # type: ignore[prop-decorator]
    @property
    def label(self) -> str:
        """The role in words ("Deputy Prime Minister"), never its internal id."""
        return role_words(self.role) or self.title


class EntityArticle(Model):
    id: str
    path: str | None
    published: str | None
    mentions: int


class EntityDetail(Model):
    """One entity: aliases per language, roles over time, articles, and its events."""

    id: int
    key: str
    name: str
    type: str
    gazetteer_id: str | None
    first_seen: str | None
    last_seen: str | None
    mentions: int
    aliases: list[Alias]
    roles: list[Role]
    articles: list[EntityArticle]
    events: list[EventSummary]

    @property
    def names(self) -> dict[str, list[str]]:
        """Aliases by language."""
        found: dict[str, list[str]] = {}
        for alias in self.aliases:
            found.setdefault(alias.language, []).append(alias.alias)
        return found


@dataclass(frozen=True)
class EntityQuery:
    q: str | None = None  # any alias, any language
    type: str | None = None
    limit: int = 20
    offset: int = 0


def entities_view(conn: Connection, query: EntityQuery) -> Page[EntitySummary]:
    """Entities by article count; with ``q``, the entities having that name in any language."""
    if query.q is not None:
        found = [e for e in find_entity(conn, query.q) if query.type is None or e.get("type") == query.type]
        rows = found[query.offset : query.offset + query.limit + 1]
    else:
        rows = list_entities(conn, type=query.type, limit=query.limit + 1, offset=query.offset)
    return page_of([EntitySummary.model_validate(r) for r in rows], query.limit, query.offset)


def entity_view(conn: Connection, entity_id: int) -> EntityDetail | None:
    """One entity with the events it took part in (by its canonical name); None if there is none."""
    record = entity_detail(conn, entity_id)
    if record is None:
        return None
    events = list_events(conn, entity=record.get("name"), limit=ENTITY_EVENTS)
    return EntityDetail.model_validate({**record, "events": with_canonical_names(conn, events)})


def find_entity_view(conn: Connection, name: str) -> tuple[EntityDetail | None, list[EntitySummary]]:
    """The best-known entity having ``name`` (any language), and the others that also have it."""
    found = [EntitySummary.model_validate(e) for e in find_entity(conn, name)]
    if not found:
        return None, []
    return entity_view(conn, found[0].id), found[1:]
