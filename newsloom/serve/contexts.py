"""What each page template needs beyond its view's model: the model laid out for reading (sources side
by side by language, a story's reports in columns with their leads, marked-up text, chart bars).

Each function is ``(request, connection, model) -> template names``; the model is dumped to plain
data first, so templates read dicts whether a value came from a view or from here.
"""

from __future__ import annotations

import json
from functools import cache
from typing import Any
from urllib.parse import urlencode

from fastapi import Request

from newsloom.events.queries import event_detail
from newsloom.serve.charts import MAP_VIEWBOX, horizontal_bars, map_spots, network_chart, vertical_bars
from newsloom.serve.i18n import COOKIE, choose_language
from newsloom.store import Connection
from newsloom.store.articles import load_article
from newsloom.views.articles import LEAD_CHARS, ArticleDetail, article_titles, marked_paragraphs
from newsloom.views.common import Model, Page
from newsloom.views.entities import EntityDetail
from newsloom.views.events import EventDetail
from newsloom.views.events import evidence_segments as segments_of
from newsloom.views.map import EventMap
from newsloom.views.network import Network
from newsloom.views.stories import StoryDetail, storylines_view
from newsloom.views.timeline import Timeline, TimelineQuery, cached, earlier_than, stats_view, timeline_view
from newsloom.views.titles import story_titles, storyline_names
from newsloom.views.trends import Trends
from newsloom.views.trust import Trust

#: Reports a story page shows per language, and events it lists (a story of hundreds stays readable).
STORY_REPORTS_PER_LANGUAGE = 30
STORY_EVENTS = 60
#: Storylines listed above the first page of stories.
STORYLINES_SHOWN = 50


def plain(model: Model) -> dict[str, Any]:
    return model.model_dump(mode="json")


def reader_language(request: Request) -> str:
    """The UI language of the request (as ``pages.render`` chooses it): titles are picked in it."""
    return choose_language(
        request.query_params.get("lang"), request.cookies.get(COOKIE), request.headers.get("accept-language")
    )


def _listing(request: Request, found: Page[Any], name: str, *params: str) -> dict[str, Any]:
    """A page of a list: its rows under ``name``, whether there is more, and the filters as given."""
    given = {param: request.query_params.get(param) or None for param in params}
    return {name: plain(found)["items"], "more": found.next_offset is not None, **given}


def articles(request: Request, _conn: Connection, found: Page[Any]) -> dict[str, Any]:
    return _listing(request, found, "articles", "language")


def article(_request: Request, _conn: Connection, found: ArticleDetail) -> dict[str, Any]:
    record = plain(found)
    return {"article": record, "paragraphs": marked_paragraphs(record)}


def events(request: Request, _conn: Connection, found: Page[Any]) -> dict[str, Any]:
    return _listing(request, found, "events", "type", "entity")


def event(_request: Request, _conn: Connection, found: EventDetail) -> dict[str, Any]:
    record = plain(found)
    return {"event": record, "by_language": sources_by_language(record)}


def entity_trust(articles: int, languages: int) -> dict[str, Any]:
    """An entity's trust mark: the articles naming it and the languages it is named in (no confidence)."""
    return plain(Trust(sources=articles, languages=languages, confidence=None))


def entities(request: Request, _conn: Connection, found: Page[Any]) -> dict[str, Any]:
    listing = _listing(request, found, "entities", "q", "type")
    marks = {
        e["id"]: entity_trust(int(e.get("articles") or 0), len(e.get("names") or {}))
        for e in listing["entities"]
    }
    return {**listing, "q": listing["q"] or "", "entity_trust": marks}


def entity(_request: Request, conn: Connection, found: EntityDetail) -> dict[str, Any]:
    record = plain(found)
    titles = article_titles(conn, [a.id for a in found.articles])
    trust = entity_trust(len(found.articles), len(found.names))
    return {
        "entity": record,
        "names": found.names,
        "events": record["events"],
        "titles": titles,
        "trust": trust,
    }


def stories(request: Request, conn: Connection, found: Page[Any]) -> dict[str, Any]:
    listing = _listing(request, found, "stories")
    first = found.offset == 0
    views = storylines_view(conn, limit=STORYLINES_SHOWN).items if first else []
    lines = [plain(line) for line in views]
    shown = [s["id"] for s in listing["stories"]] + [s["id"] for line in lines for s in line["stories"]]
    return {
        **listing, "storylines": lines, "storyline_names": storyline_names(conn, views),
        "story_titles": story_titles(conn, shown, reader_language(request)),
    }  # fmt: skip


def story(request: Request, conn: Connection, found: StoryDetail) -> dict[str, Any]:
    titles = story_titles(conn, [found.id], reader_language(request))
    lines = storyline_names(conn, [found.storyline]) if found.storyline else {}
    return {
        **story_columns(conn, plain(found)),
        "story_title": titles.get(found.id),
        "storyline_names": lines,
    }


def timeline(request: Request, conn: Connection, found: Timeline) -> dict[str, Any]:
    counts = plain(stats_view(conn, found.date_from, found.date_to, found.trust))
    return {
        "days": plain(found)["items"],
        "more": found.next_offset is not None,
        "counts": counts,
        "charts": charts(counts),
        "earlier": earlier_than(conn, found.date_from) if found.date_from else None,
        "date_to": request.query_params.get("date_to"),
        "missing": None,
        "hidden": found.hidden,
        "show_uncertain": found.show_uncertain,
        "pager_params": timeline_params(request, found),
        **timeline_titles(request, conn, found),
    }


def timeline_titles(request: Request, conn: Connection, found: Timeline) -> dict[str, Any]:
    """The titles of the stories on a timeline page in the reader's language, and their storylines' names."""
    stories_shown = [group.story for day in found.items for group in day.groups if group.story is not None]
    return {
        "story_titles": story_titles(conn, [s.id for s in stories_shown], reader_language(request)),
        "storyline_names": timeline_storyline_names(conn, found),
    }


def timeline_storyline_names(conn: Connection, found: Timeline) -> dict[int, str]:
    """The names of the storylines on a timeline page, kept until the store changes: naming one reads
    its first stories whole (``views.titles.principal_actors``), 0.13-0.34 s for the 29 lines of the
    home page on 10,000 articles, the largest part of the page; every variant of the page (the
    reader's language, the trust switch) shares them."""
    lines = sorted(
        {g.story.storyline for d in found.items for g in d.groups if g.story and g.story.storyline}
    )
    names: dict[int, str] = cached(conn, ("storyline_names", *lines), lambda: storyline_names(conn, lines))
    return names


def warm_timeline(conn: Connection, days: int) -> None:
    """Compute the home page's parts (the default window's timeline, its counts and storyline names)
    before the first reader asks: at start, what a reader would otherwise wait for."""
    found = timeline_view(conn, TimelineQuery(limit=days))
    stats_view(conn, found.date_from, found.date_to, found.trust)
    timeline_storyline_names(conn, found)


def timeline_params(request: Request, found: Timeline) -> dict[str, str]:
    """The timeline's query a pager link keeps (the end date, the trust switch)."""
    params = {"date_to": request.query_params.get("date_to") or ""}
    if found.show_uncertain:
        params["show_uncertain"] = "true"
    return {name: value for name, value in params.items() if value}


def charts(counts: dict[str, Any]) -> dict[str, Any]:
    per_day = [(d["date"], d["count"]) for d in counts.get("per_day", [])]
    per_type = [(t["type"], t["count"]) for t in counts.get("per_type", [])]
    return {
        "per_day": vertical_bars(
            "Events per day", per_day, width=480, height=170, hrefs=[f"#day-{d}" for d, _ in per_day]
        ),
        "per_type": horizontal_bars("Events per type", per_type, width=340, row=20),
    }


def sources_by_language(event: dict[str, Any]) -> list[dict[str, Any]]:
    """An event's sources grouped by language: ``[{language, sources: [...]}]`` (most sources first)."""
    groups: dict[str, list[dict[str, Any]]] = {}
    for source in event.get("sources") or []:
        groups.setdefault(source.get("language") or "", []).append(source)
    return [
        {"language": lang, "sources": items}
        for lang, items in sorted(groups.items(), key=lambda item: (-len(item[1]), item[0]))
    ]


def evidence_segments(source: dict[str, Any]) -> list[tuple[str, str | None]]:
    """The evidence sentence cut at the words the event was read from: [(text, kind or None), ...]
    (the view's ``spans``: the recorded offsets, never a search of the trigger's word, unless the
    store predates them; see ``views.events.source_spans``)."""
    return segments_of(str(source.get("sentence") or ""), source.get("spans") or [])


def story_columns(conn: Connection, story: dict[str, Any]) -> dict[str, Any]:
    """A story page: its reports side by side by language (with each lead), and its events."""
    by_language = story.get("articles_by_language") or {}
    columns = []
    for language, reports in sorted(by_language.items(), key=lambda item: (-len(item[1]), item[0])):
        shown = []
        for report in reports[:STORY_REPORTS_PER_LANGUAGE]:
            report = dict(report)
            article = load_article(conn, report["id"]) if report.get("passage") is None else None
            lead = report.get("passage") or (article.text.strip().split("\n", 1)[0] if article else "")
            if report.get("title") and lead.startswith(str(report["title"])[:60]):
                lead = ""  # an untitled report is shown by its lead already
            report["lead"] = lead[:LEAD_CHARS] + ("…" if len(lead) > LEAD_CHARS else "")
            report["outlet"] = article.meta("outlet") if article else None
            shown.append(report)
        columns.append({"language": language, "articles": shown, "more": len(reports) - len(shown)})
    events = []
    for event in (story.get("events") or [])[:STORY_EVENTS]:
        detail = event_detail(conn, event["id"])
        if detail:
            detail["n_sources"] = len(detail.get("sources") or [])
            detail.setdefault("source", [a.get("name") for a in detail.get("actors", {}).get("source", [])])
            detail.setdefault("target", [a.get("name") for a in detail.get("actors", {}).get("target", [])])
        events.append(detail or event)
    events.sort(key=lambda e: (e.get("parent_id") is not None, e.get("date") or "9999", e["id"]))
    return {"story": story, "columns": columns, "events": events, "titles": story.get("titles") or {}}


#: Series drawn per dimension on the trends page (the CSV holds them all).
TREND_SERIES = 8


def trends(request: Request, _conn: Connection, found: Trends) -> dict[str, Any]:
    """One small bar chart per type and per country (the largest TREND_SERIES of each), week by week."""

    def charts_of(series: list[Any]) -> list[Any]:
        return [
            vertical_bars(line.key, list(zip(found.weeks, line.counts, strict=True)), width=320, height=120)
            for line in series[:TREND_SERIES]
        ]

    params = {name: request.query_params.get(name) for name in ("date_from", "date_to", "all_dates")}
    csv_query = urlencode({name: value for name, value in params.items() if value})
    every_date = urlencode({**{name: value for name, value in params.items() if value}, "all_dates": "true"})
    return {
        "trends": plain(found),
        "all_dates_url": f"/trends?{every_date}",
        "type_charts": charts_of(found.types),
        "country_charts": charts_of(found.countries),
        "csv_url": "/api/trends.csv" + (f"?{csv_query}" if csv_query else ""),
        "more_types": max(0, len(found.types) - TREND_SERIES),
        "more_countries": max(0, len(found.countries) - TREND_SERIES),
    }


def _csv_url(request: Request, path: str) -> str:
    """The CSV download of a chart, with the page's filters."""
    names = ("date_from", "date_to", "type")
    query = urlencode({n: request.query_params[n] for n in names if request.query_params.get(n)})
    return path + (f"?{query}" if query else "")


def network(request: Request, _conn: Connection, found: Network) -> dict[str, Any]:
    """The actor network drawn as an SVG (force layout, server-side) and its edges as a list."""
    record = plain(found)
    return {
        "network": record,
        "chart": network_chart(record),
        "csv_url": _csv_url(request, "/api/network.csv"),
    }


#: The world's land, drawn under the map's points (see pages/world/README.md).
WORLD_OUTLINE = "world/land-110m.json"


def event_map(request: Request, _conn: Connection, found: EventMap) -> dict[str, Any]:
    """The event places on the world's outline (equirectangular, server-side) and as a list."""
    record = plain(found)
    return {
        "event_map": record, "spots": map_spots(record["points"]), "outline": world_outline(),
        "viewbox": " ".join(map(str, MAP_VIEWBOX)), "csv_url": _csv_url(request, "/api/map.csv"),
    }  # fmt: skip


@cache
def world_outline() -> str:
    """The SVG path of the world's land (packaged, about 24 KB)."""
    from importlib import resources

    text = (resources.files("newsloom.serve.pages") / WORLD_OUTLINE).read_text(encoding="utf-8")
    return str(json.loads(text)["path"])
