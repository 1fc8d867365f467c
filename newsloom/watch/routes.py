"""Web routes of the watcher: each alert as an Atom feed, source health and fired alerts (JSON and a page)."""

from __future__ import annotations

from html import escape
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response
from pydantic import BaseModel
from starlette.concurrency import run_in_threadpool

from newsloom.serve.errors import ERROR_SCHEMA, ApiError
from newsloom.store.watch import alert_by_name, hits_of
from newsloom.watch.atom import render_atom
from newsloom.watch.health import fired_alerts, source_health

router = APIRouter(
    tags=["watch"],
    responses={404: {"description": "Not found", "content": {"application/json": {"schema": ERROR_SCHEMA}}}},
)

#: entries in an alert's Atom feed (newest first)
ATOM_ENTRIES = 100


def _atom(request: Request, name: str) -> str | None:
    with request.app.state.store.connect() as conn:
        alert = alert_by_name(conn, name)
        if alert is None:
            return None
        return render_atom(alert, hits_of(conn, alert.id, ATOM_ENTRIES), str(request.url))


@router.get(
    "/alerts/{name}.atom",
    response_class=Response,
    responses={200: {"description": "An Atom 1.0 feed", "content": {"application/atom+xml": {}}}},
)
async def alert_feed(request: Request, name: str) -> Response:
    """What the alert NAME fired, as an Atom feed any feed reader can subscribe to."""
    body = await run_in_threadpool(_atom, request, name)
    if body is None:
        raise ApiError(404, f"No alert named {name!r}. `newsloom alerts list` shows the names.")
    return Response(body, media_type="application/atom+xml; charset=utf-8")


class SourceHealth(BaseModel):
    url: str
    name: str
    kind: str  # feed | sitemap | section ("" before the first poll)
    paused: bool
    last_status: str | None  # "200", "304" or a short fault (http-500, timeout, not-a-feed, ...)
    last_error: str | None
    failures: int  # consecutive
    items_seen: int
    items: dict[str, int]  # by state: pending, done, failed
    last_poll: str | None
    next_poll: str | None
    healthy: bool


class FiredAlert(BaseModel):
    name: str
    kind: str
    query: dict[str, Any]
    fired: int
    recent: list[dict[str, Any]]  # the payloads sent, newest first


class WatchHealth(BaseModel):
    sources: list[SourceHealth]
    alerts: list[FiredAlert]


def _health(request: Request) -> dict[str, Any]:
    store = request.app.state.store
    return {"sources": source_health(store), "alerts": fired_alerts(store, limit=10)}


@router.get("/watch/sources", response_model=WatchHealth)
async def watch_health(request: Request) -> dict[str, Any]:
    """Each watched source's health (last poll, status, failures, items) and each alert's recent firings."""
    return await run_in_threadpool(_health, request)


@router.get("/watch", response_class=HTMLResponse)
async def watch_page(request: Request) -> HTMLResponse:
    """A plain page: source health, then what each alert fired."""
    data = await run_in_threadpool(_health, request)
    rows = "".join(
        f"<tr class='{'ok' if s['healthy'] else 'bad'}'><td>{escape(s['url'])}</td><td>{escape(s['kind'] or '-')}</td>"
        f"<td>{escape(str(s['last_status'] or '-'))}{' (paused)' if s['paused'] else ''}</td><td>{s['failures']}</td>"
        f"<td>{s['items_seen']}</td><td>{escape(s['last_poll'] or 'never')}</td>"
        f"<td>{escape((s['last_error'] or '')[:160])}</td></tr>"
        for s in data["sources"]
    )
    alerts = "".join(
        f"<h3>{escape(a['name'])} <small>{escape(a['kind'])}, fired {a['fired']} "
        f"(<a href='/alerts/{escape(a['name'])}.atom'>Atom</a>)</small></h3><ul>"
        + "".join(
            f"<li><a href='{escape(h['article'].get('url') or '#')}'>{escape(h['article'].get('title') or h['key'])}</a>"
            f" - {escape(h['matched'])}</li>"
            for h in a["recent"]
        )
        + "</ul>"
        for a in data["alerts"]
    )
    html = (
        "<!doctype html><html><head><meta charset='utf-8'><title>newsloom watch</title>"
        "<style>body{font-family:sans-serif;margin:2em}td,th{padding:.2em .6em;text-align:left}"
        ".bad td{background:#fee}</style></head><body><h1>Watched sources</h1><table>"
        "<tr><th>source</th><th>kind</th><th>status</th><th>failures</th><th>items</th><th>last poll</th>"
        f"<th>error</th></tr>{rows}</table><h2>Alerts</h2>{alerts or '<p>No alerts.</p>'}</body></html>"
    )
    return HTMLResponse(html)
