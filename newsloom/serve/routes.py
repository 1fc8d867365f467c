"""Every read route, as a table: (path, endpoint, response model, template).

Each endpoint calls one view of :mod:`newsloom.views` and returns its model. The API serves it under
``/api`` as JSON with the model as its ``response_model`` (so ``/openapi.json`` documents it); the
page at the same path renders the model with its template, or returns the same JSON when the client
asks for ``application/json`` (datasette's ``DataView.data()`` idea: the data once, several renderings).
"""

from __future__ import annotations

import inspect
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Query, Request
from fastapi.encoders import jsonable_encoder
from fastapi.responses import JSONResponse, Response

from newsloom.serve import contexts
from newsloom.serve.errors import ApiError, not_found
from newsloom.store import Connection
from newsloom.views.articles import ArticleDetail, ArticleQuery, ArticleSummary, article_view, articles_view
from newsloom.views.common import Page
from newsloom.views.corrections import CorrectionQuery, CorrectionRecord, corrections_view
from newsloom.views.entities import EntityDetail, EntityQuery, EntitySummary, entities_view, entity_view
from newsloom.views.events import EventDetail, EventQuery, EventSummary, event_view, events_view
from newsloom.views.map import EventMap, MapQuery, map_view
from newsloom.views.network import DEFAULT_EDGES, MAX_EDGES, Network, NetworkQuery, network_view
from newsloom.views.search import SearchQuery, SearchResults, search_view
from newsloom.views.stories import (
    StoryDetail,
    Storyline,
    StoryQuery,
    StorySummary,
    stories_view,
    story_view,
    storylines_view,
)
from newsloom.views.timeline import (
    Timeline,
    TimelineQuery,
    TimelineStats,
    TrustFilter,
    stats_view,
    timeline_view,
)
from newsloom.views.trends import Trends, TrendsQuery, trends_view

#: Most rows one page of any list returns (and the default page size).
MAX_LIMIT = 100
DEFAULT_LIMIT = 20
#: Deepest offset accepted: past it a client should narrow its filters instead of paging.
MAX_OFFSET = 100_000
#: Days one timeline page shows (a week reads well on a phone).
TIMELINE_DAYS_PER_PAGE = 7
#: Highest page number a page route takes (``?page=N``, N rows of its page size each).
MAX_PAGE = 5000

Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description=f"Rows per page (1-{MAX_LIMIT}).")]
Offset = Annotated[int, Query(ge=0, le=MAX_OFFSET, description="Rows to skip.")]
Language = Annotated[
    str | None, Query(pattern=r"^([a-z]{2,3})?$", description="ISO 639-1 language code, e.g. vi, en, id.")
]
DateFrom = Annotated[date | None, Query(description="First day (YYYY-MM-DD), included.")]
DateTo = Annotated[date | None, Query(description="Last day (YYYY-MM-DD), included.")]
EventType = Annotated[
    str | None, Query(pattern=r"^([A-Za-z]{3,12})?$", description="PLOVER type, e.g. CONSULT.")
]
ActorName = Annotated[str | None, Query(max_length=200, description="Any name of an actor.")]
MinSources = Annotated[
    int, Query(ge=0, le=10_000, description="Only records reported by at least this many articles.")
]
MinConfidence = Annotated[
    float, Query(ge=0.0, le=1.0, description="Only records at least this confident (0-1).")
]
ShowUncertain = Annotated[
    bool,
    Query(
        description="Also show single-source events of low confidence or not checked by the model (hidden by default)."
    ),
]
EntityType = Annotated[Literal["person", "organization", "place", "name"] | None, Query()]


def connection(request: Request) -> Iterator[Connection]:
    """A read connection to the store for one request."""
    with request.app.state.store.connect() as conn:
        yield conn


Conn = Annotated[Connection, Depends(connection)]


def iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


def check_range(date_from: date | None, date_to: date | None) -> None:
    if date_from and date_to and date_from > date_to:
        raise ApiError(422, f"date_from ({date_from}) is after date_to ({date_to}); swap them.")


def numeric_id(raw: str, what: str) -> int:
    """An id from the URL as the integer it must be, else a 404 naming it."""
    if not (raw.isascii() and raw.isdigit()) or len(raw) > 18:  # "²".isdigit() is True, int("²") fails
        raise not_found(what, raw)
    return int(raw)


# -- endpoints: parameters in, one view's model out -------------------------------------------------


def list_articles(
    conn: Conn, language: Language = None, date_from: DateFrom = None, date_to: DateTo = None,
    limit: Limit = DEFAULT_LIMIT, offset: Offset = 0,
) -> Page[ArticleSummary]:  # fmt: skip
    """Stored articles (duplicates left out), filtered by language and publication date."""
    check_range(date_from, date_to)
    return articles_view(conn, ArticleQuery(language or None, iso(date_from), iso(date_to), limit, offset))


def get_article(conn: Conn, article_id: str) -> ArticleDetail:
    """Metadata with provenance, boilerplate, sentences, mentions (with entity ids), times and events."""
    found = article_view(conn, article_id)
    if found is None:
        raise not_found("article", article_id)
    return found


def list_events(
    conn: Conn, date_from: DateFrom = None, date_to: DateTo = None, type: EventType = None,
    entity: ActorName = None, language: Language = None, limit: Limit = DEFAULT_LIMIT, offset: Offset = 0,
    min_sources: MinSources = 0, min_confidence: MinConfidence = 0.0,
) -> Page[EventSummary]:  # fmt: skip
    """Merged events, filtered by date range, PLOVER type, actor (any alias), source language and trust
    (reporting articles, confidence); each with its trust mark."""
    check_range(date_from, date_to)
    query = EventQuery(
        iso(date_from), iso(date_to), type.upper() if type else None, entity or None, language or None, limit,
        offset, min_sources=min_sources, min_confidence=min_confidence,
    )  # fmt: skip
    return events_view(conn, query)


def get_event(conn: Conn, event_id: str) -> EventDetail:
    """Every source's evidence sentence and language, and where the sources disagree."""
    found = event_view(conn, numeric_id(event_id, "event"))
    if found is None:
        raise not_found("event", event_id)
    return found


def get_timeline(
    conn: Conn, date_from: DateFrom = None, date_to: DateTo = None,
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT, description="Days per page.")] = 31, offset: Offset = 0,
    min_sources: MinSources = 0, min_confidence: MinConfidence = 0.0, show_uncertain: ShowUncertain = False,
) -> Timeline:  # fmt: skip
    """Days (newest first) with their events grouped by story; without a range, the month up to the
    newest event. Single-source events of low confidence or not checked by the model are hidden unless
    ``show_uncertain``."""
    check_range(date_from, date_to)
    query = TimelineQuery(
        iso(date_from), iso(date_to), limit=limit, offset=offset, min_sources=min_sources,
        min_confidence=min_confidence, show_uncertain=show_uncertain,
    )  # fmt: skip
    return timeline_view(conn, query)


def get_stats(
    conn: Conn, date_from: DateFrom = None, date_to: DateTo = None, min_sources: MinSources = 0,
    min_confidence: MinConfidence = 0.0, show_uncertain: ShowUncertain = False,
) -> TimelineStats:  # fmt: skip
    """Events per day and per PLOVER type, and articles per language: the events the timeline with the
    same trust filters shows."""
    check_range(date_from, date_to)
    trust = TrustFilter(min_sources, min_confidence, show_uncertain)
    return stats_view(conn, iso(date_from), iso(date_to), trust)


def list_entities(
    conn: Conn,
    q: Annotated[str | None, Query(max_length=200, description="Any alias, any language.")] = None,
    type: EntityType = None, limit: Limit = DEFAULT_LIMIT, offset: Offset = 0,
) -> Page[EntitySummary]:  # fmt: skip
    """Entities by article count; with ``q``, the entities having that name in any language."""
    return entities_view(conn, EntityQuery(q or None, type, limit, offset))


def get_entity(conn: Conn, entity_id: str) -> EntityDetail:
    """Aliases per language, roles over time with evidence, articles, and events it took part in."""
    found = entity_view(conn, numeric_id(entity_id, "entity"))
    if found is None:
        raise not_found("entity", entity_id)
    return found


def list_stories(conn: Conn, limit: Limit = DEFAULT_LIMIT, offset: Offset = 0) -> Page[StorySummary]:
    """Stories, each with its title per language, date and number of reports."""
    return stories_view(conn, StoryQuery(limit=limit, offset=offset))


def get_story(conn: Conn, story_id: str) -> StoryDetail:
    """Articles by language, events, entities and dates of one story."""
    found = story_view(conn, numeric_id(story_id, "story"))
    if found is None:
        raise not_found("story", story_id)
    return found


def list_storylines(conn: Conn, limit: Limit = DEFAULT_LIMIT, offset: Offset = 0) -> Page[Storyline]:
    """Stories linked over days, each storyline with its stories in order."""
    return storylines_view(conn, limit, offset)


def search(
    request: Request,
    q: Annotated[str, Query(min_length=1, max_length=300, description="Words in any language.")],
    kind: Annotated[Literal["article", "event", "entity"] | None, Query(description="Only this kind.")] = None,
    language: Language = None, limit: Limit = DEFAULT_LIMIT, offset: Offset = 0,
) -> SearchResults:  # fmt: skip
    """Articles, events and entities in one ranked list, each hit with its language."""
    if not q.strip():
        raise ApiError(422, "query parameter q: give words to search for, e.g. ?q=cybercrime.")
    return search_view(request.app.state.search, SearchQuery(q, kind, language or None, limit, offset))


AllDates = Annotated[
    bool,
    Query(
        description="Every dated event, however far from the articles' publication dates (by default the "
        "weeks around them; an event dated outside, such as a background fact from years before, is "
        "counted in `outside`)."
    ),
]


def get_trends(
    conn: Conn, date_from: DateFrom = None, date_to: DateTo = None, all_dates: AllDates = False
) -> Trends:
    """Events per PLOVER type and per actor country, week by week, over the span of the articles'
    publication dates unless dates or all_dates are given (CSV at /api/trends.csv)."""
    check_range(date_from, date_to)
    return trends_view(conn, TrendsQuery(iso(date_from), iso(date_to), all_dates))


def get_network(
    conn: Conn, date_from: DateFrom = None, date_to: DateTo = None, type: EventType = None,
    limit: Annotated[int, Query(ge=1, le=MAX_EDGES, description="Strongest edges kept.")] = DEFAULT_EDGES,
) -> Network:  # fmt: skip
    """Who met, agreed with, accused whom: actors (canonical names) joined by the events of the period,
    each edge with its count, types and event ids (CSV at /api/network.csv)."""
    check_range(date_from, date_to)
    return network_view(
        conn, NetworkQuery(iso(date_from), iso(date_to), type.upper() if type else None, limit)
    )


def get_map(
    conn: Conn, date_from: DateFrom = None, date_to: DateTo = None, type: EventType = None
) -> EventMap:
    """Where the events of the period happened: places with coordinates, event counts and ids (CSV at
    /api/map.csv)."""
    check_range(date_from, date_to)
    return map_view(conn, MapQuery(iso(date_from), iso(date_to), type.upper() if type else None))


# -- the table -------------------------------------------------------------------------------------------

#: Extra template context a page needs beyond the model: (request, connection, model) -> names.
Context = Callable[[Request, Connection, Any], dict[str, Any]]


@dataclass(frozen=True)
class Route:
    """A read route: its path, the endpoint giving the view's model, and the page rendering it."""

    path: str
    endpoint: Callable[..., Any]
    model: Any
    summary: str
    template: str | None = None  # None: JSON only (no page)
    context: Context | None = None
    page_size: int = DEFAULT_LIMIT  # rows (or days) per page of the page rendering
    page_path: str | None = None  # where the page is, when not at ``path``


def list_corrections(
    conn: Conn,
    target_kind: Annotated[
        Literal["event", "entity", "story"] | None,
        Query(description="Only corrections of events, entities or stories."),
    ] = None,
    target_id: Annotated[
        int | None, Query(ge=1, le=2**31 - 1, description="Only corrections naming this id.")
    ] = None,
    active: Annotated[bool, Query(description="Only corrections in force (not undone).")] = False,
    limit: Limit = DEFAULT_LIMIT,
    offset: Offset = 0,
) -> Page[CorrectionRecord]:
    """Corrections newest first: what, when, why, by which token, undone or not (see docs/corrections.md)."""
    return corrections_view(conn, CorrectionQuery(target_kind, target_id, not active, limit, offset))


ROUTES: tuple[Route, ...] = (
    Route("/articles", list_articles, Page[ArticleSummary], "List articles", "articles.html", contexts.articles),
    Route(
        "/articles/{article_id}", get_article, ArticleDetail, "One article with its evidence", "article.html",
        contexts.article,
    ),
    Route("/events", list_events, Page[EventSummary], "List events", "events.html", contexts.events),
    Route(
        "/events/{event_id}", get_event, EventDetail, "One event with all its sources", "event.html",
        contexts.event,
    ),
    Route(
        "/timeline", get_timeline, Timeline, "Events by day, grouped into stories", "timeline.html",
        contexts.timeline, page_size=TIMELINE_DAYS_PER_PAGE, page_path="/",
    ),
    Route("/stats", get_stats, TimelineStats, "Counts for charts"),
    Route(
        "/entities", list_entities, Page[EntitySummary], "List or find entities", "entities.html",
        contexts.entities,
    ),
    Route(
        "/entities/{entity_id}", get_entity, EntityDetail, "One entity: names, roles over time, events",
        "entity.html", contexts.entity,
    ),
    Route("/stories", list_stories, Page[StorySummary], "List stories", "stories.html", contexts.stories),
    Route(
        "/stories/{story_id}", get_story, StoryDetail, "One story with its reports by language", "story.html",
        contexts.story,
    ),
    Route("/storylines", list_storylines, Page[Storyline], "List storylines"),
    Route("/corrections", list_corrections, Page[CorrectionRecord], "List corrections (the audit record)"),
    Route(
        "/trends", get_trends, Trends, "Events per type and country per week", "trends.html", contexts.trends,
    ),
    Route("/search", search, SearchResults, "Cross-lingual search"),
    Route("/network", get_network, Network, "Who met whom: the actor network", "network.html", contexts.network),
    Route("/map", get_map, EventMap, "Where events happened", "map.html", contexts.event_map),
)  # fmt: skip


#: What a route takes besides its endpoint's parameters: none for the API; ``page`` and ``lang`` for a page.
PAGE_PARAMETERS = frozenset({"page", "lang"})  # lang: the interface's language (see serve.i18n)


def known_parameters(route: Route, extra: frozenset[str] = frozenset()) -> Callable[[Request], None]:
    """A check that a request names only the query parameters ``route`` takes: a misspelt filter
    (``?form=2025-01-01``) is a 422 naming what the route takes, never silently ignored."""
    in_path = set(re.findall(r"{(\w+)}", route.path))
    names = {
        n for n in inspect.signature(route.endpoint).parameters if n not in {"conn", "request", *in_path}
    }
    takes = ", ".join(sorted(names | extra)) or "no query parameters"

    def check(request: Request) -> None:
        unknown = sorted(set(request.query_params) - names - extra)
        if unknown:
            raise ApiError(
                422, f"Unknown query parameter {', '.join(map(repr, unknown))}. This route takes: {takes}."
            )

    return check


def add_api_routes(router: APIRouter, routes: tuple[Route, ...] = ROUTES) -> None:
    """Every route under the router's prefix, as JSON documented by its model."""
    for route in routes:
        router.add_api_route(
            route.path, route.endpoint, methods=["GET"], response_model=route.model, summary=route.summary,
            dependencies=[Depends(known_parameters(route))],
        )  # fmt: skip


def asks_for_json(request: Request) -> bool:
    """A page request that asks for JSON rather than HTML (``Accept: application/json``)."""
    accept = request.headers.get("accept", "")
    return "application/json" in accept and "text/html" not in accept


def page_number(request: Request) -> int:
    """The ``?page=N`` of a page request (1 when absent), or a 422 that says what it takes."""
    raw = request.query_params.get("page", "1")
    if not (raw.isascii() and raw.isdigit()) or len(raw) > 6 or not 1 <= int(raw) <= MAX_PAGE:
        raise ApiError(422, f"page must be a whole number from 1 to {MAX_PAGE}, not {raw!r}.")
    return int(raw)


def page_endpoint(route: Route, render: Callable[..., Response]) -> Callable[..., Response]:
    """The page of a route: the same endpoint, paged by ``?page=N``, rendered by its template (or
    the model as JSON when the client asks for it)."""
    assert route.template is not None
    template = route.template
    own = inspect.signature(route.endpoint, eval_str=True)
    wanted = set(own.parameters)

    check_parameters = known_parameters(route, PAGE_PARAMETERS)

    def page(**values: Any) -> Response:
        request: Request = values["request"]
        check_parameters(request)
        number = page_number(request)
        if "limit" in wanted and "limit" not in request.query_params:
            values["limit"] = route.page_size
        if "offset" in wanted and "offset" not in request.query_params:
            values["offset"] = (number - 1) * values["limit"]
        found = route.endpoint(**{name: value for name, value in values.items() if name in wanted})
        if asks_for_json(request):
            return JSONResponse(jsonable_encoder(found))
        extra = route.context(request, values["conn"], found) if route.context else {}
        return render(request, template, data=found, page=number, **extra)

    added = [
        inspect.Parameter(name, inspect.Parameter.KEYWORD_ONLY, annotation=annotation)
        for name, annotation in (("request", Request), ("conn", Conn))
        if name not in wanted
    ]
    parameters = [p.replace(kind=inspect.Parameter.KEYWORD_ONLY) for p in own.parameters.values()]
    page.__signature__ = inspect.Signature([*parameters, *added], return_annotation=Response)  # type: ignore[attr-defined]
    page.__name__ = f"{route.endpoint.__name__}_page"
    page.__doc__ = route.endpoint.__doc__
    return page
