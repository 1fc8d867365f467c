"""Search results as a person looks at them: articles, events and entities in one ranked list, each
hit with its language, a snippet and where the query matched it (the index is ``serve.search``)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Protocol

from pydantic import computed_field

from newsloom.views.common import Model
from newsloom.views.support import Support, support_of

KINDS = ("article", "event", "entity")


class Searchable(Protocol):
    """A search index: ranked hits, each giving its record with ``to_dict()``."""

    def search(
        self, query: str, *, kinds: tuple[str, ...], language: str | None, limit: int, offset: int
    ) -> list[Any]: ...


class SearchHit(Model):
    kind: str  # article | event | entity
    id: str
    title: str
    language: str
    languages: list[str]
    published: str | None
    score: float
    matched_by: list[str]  # text | name | meaning
    snippet: str
    highlights: list[tuple[int, int]]  # [start, end) of each match in the snippet
    url: str
    api: str

    @computed_field  # type: ignore[prop-decorator]
    @property
    def support(self) -> Support | None:
        """How well the hit's language is read (first-class or basic support); None for an entity
        or a hit without a language."""
        return support_of(self.language) if self.language and self.kind != "entity" else None


class SearchResults(Model):
    query: str
    items: list[SearchHit]
    limit: int
    offset: int
    next_offset: int | None


@dataclass(frozen=True)
class SearchQuery:
    q: str
    kind: str | None = None
    language: str | None = None
    limit: int = 20
    offset: int = 0


def search_view(index: Searchable, query: SearchQuery) -> SearchResults:
    """One page of ranked hits for the words of ``query.q`` (any language, diacritics optional)."""
    kinds = (query.kind,) if query.kind else KINDS
    hits = index.search(
        query.q, kinds=kinds, language=query.language, limit=query.limit + 1, offset=query.offset
    )
    more = len(hits) > query.limit
    return SearchResults(
        query=query.q, items=[SearchHit.model_validate(h.to_dict()) for h in hits[: query.limit]],
        limit=query.limit, offset=query.offset, next_offset=query.offset + query.limit if more else None,
    )  # fmt: skip
