"""Search results as a person looks at them: articles, events and entities in one ranked list, each
hit with its language, a snippet and where the query matched it (the index is ``serve.search``)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Protocol

from pydantic import computed_field

from newsloom.views.common import Model
from newsloom.views.support import Support, support_of
from newsloom.views.trust import Trust

KINDS = ("article", "event", "entity")


class Searchable(Protocol):
    """A search index: ranked hits, each with its ``language`` and ``matched_by`` and giving its
    record with ``to_dict()`` (asked only of the hits shown)."""

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
    trust: Trust | None = None  # an event's reports, languages and confidence (None for others)
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
    #: Some result holds the query's words or is an entity it names; False: all are by meaning only.
    exact: bool
    #: Said when nothing holds the query's words but reports close in meaning are shown.
    notice: str | None
    #: Results per language (first FACET_DEPTH results of the unfiltered search), most first: where
    #: to look in other languages.
    languages: dict[str, int]


@dataclass(frozen=True)
class SearchQuery:
    q: str
    kind: str | None = None
    language: str | None = None
    limit: int = 20
    offset: int = 0


#: Results read to count the languages of the unfiltered search.
FACET_DEPTH = 200
EXACT_REASONS = frozenset({"text", "name"})


def search_view(index: Searchable, query: SearchQuery) -> SearchResults:
    """One page of ranked hits for the words of ``query.q`` (any language, diacritics optional),
    with the number of results in each language and whether any result holds the query's words."""
    kinds = (query.kind,) if query.kind else KINDS
    everything = index.search(query.q, kinds=kinds, language=None, limit=FACET_DEPTH, offset=0)
    if query.language is None:
        shown = everything[query.offset : query.offset + query.limit + 1]
    else:
        shown = index.search(
            query.q, kinds=kinds, language=query.language, limit=query.limit + 1, offset=query.offset
        )
    hits = [h.to_dict() for h in shown]  # the snippets of the hits shown only
    counts: dict[str, int] = {}
    for hit in everything:
        if hit.language:
            counts[hit.language] = counts.get(hit.language, 0) + 1
    exact = any(EXACT_REASONS & set(hit.matched_by or ()) for hit in everything)
    more = len(hits) > query.limit
    notice = None
    if everything and not exact:
        notice = f"No report holds the words “{query.q}”: these results are close in meaning only."
    return SearchResults(
        query=query.q, items=[SearchHit.model_validate(h) for h in hits[: query.limit]],
        limit=query.limit, offset=query.offset, next_offset=query.offset + query.limit if more else None,
        exact=exact, notice=notice, languages=dict(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))),
    )  # fmt: skip
