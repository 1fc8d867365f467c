"""The web UI: server-rendered Jinja2 pages (autoescaped), one stylesheet and one small script.

Pages call the same functions as the API routes (records, search, timeline, the domains' queries);
the templates only lay the data out. Static files are served from a fixed list, never by path.
"""

from __future__ import annotations

from datetime import date
from functools import cache
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import FileResponse, RedirectResponse, Response
from fastapi.templating import Jinja2Templates
from jinja2 import ChainableUndefined, Environment, FileSystemLoader

from newsloom.serve import domains
from newsloom.serve.errors import ApiError, not_found
from newsloom.store import Connection

PAGES = Path(__file__).parent
#: Files under /static/ (name -> media type); anything else is a 404.
STATIC_FILES = {"style.css": "text/css", "app.js": "text/javascript"}
PAGE_SIZE = 20

router = APIRouter(include_in_schema=False)


def language_name(code: str | None) -> str:
    """'vi' -> 'Vietnamese' (CLDR names through babel); unknown codes stay as they are."""
    if not code:
        return "unknown language"
    return _language_names().get(code, code)


@cache
def _language_names() -> dict[str, str]:
    try:
        from babel import Locale

        return {str(k): str(v) for k, v in Locale("en").languages.items()}
    except Exception:  # babel missing or without data: codes are still readable
        return {}


def make_templates() -> Jinja2Templates:
    """Templates with autoescaping on for every file (never only by extension)."""
    environment = Environment(
        loader=FileSystemLoader(str(PAGES)),
        autoescape=True,
        undefined=ChainableUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    environment.globals["language_name"] = language_name
    environment.filters["language_name"] = language_name
    from newsloom.serve.timeline import evidence_segments

    environment.globals["evidence"] = evidence_segments
    return Jinja2Templates(env=environment)


def connection(request: Request) -> Any:
    with request.app.state.store.connect() as conn:
        yield conn


Conn = Annotated[Connection, Depends(connection)]
Page = Annotated[int, Query(ge=1, le=5000)]
DateParam = Annotated[date | None, Query()]
#: Days one timeline page shows (a week reads well on a phone).
TIMELINE_DAYS_PER_PAGE = 7


def render(request: Request, template: str, status: int = 200, **context: Any) -> Response:
    templates: Jinja2Templates = request.app.state.templates
    context.setdefault("query", "")
    context.setdefault("writes", bool(request.app.state.token))
    return templates.TemplateResponse(request, template, context, status_code=status)


def _paging(page: int, size: int = PAGE_SIZE) -> tuple[int, int]:
    return size, (page - 1) * size


@router.get("/static/{name}")
def static(name: str) -> Response:
    if name == "favicon.svg":
        return favicon()
    if name not in STATIC_FILES:
        raise ApiError(404, f"No static file {name!r}.")
    return FileResponse(
        PAGES / name, media_type=STATIC_FILES[name], headers={"Cache-Control": "max-age=3600"}
    )


#: The tab icon, kept here so that it ships with the code (four lines of a loom on blue).
FAVICON = (
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="6" '
    'fill="#1f4e79"/><path d="M7 9h18M7 16h18M7 23h18M11 6v20M21 6v20" stroke="#fff" stroke-width="2.2" '
    'fill="none"/></svg>'
)


@router.get("/favicon.ico")
def favicon() -> Response:
    return Response(FAVICON, media_type="image/svg+xml", headers={"Cache-Control": "max-age=86400"})


@router.get("/")
def timeline_page(request: Request, conn: Conn, page: Page = 1, date_to: DateParam = None) -> Response:
    """The timeline of a window of days (the month up to the newest event, or up to ``date_to``)."""
    from newsloom.serve.timeline import default_window, earlier_than, event_counts, timeline_days

    days: list[dict[str, Any]] = []
    counts: dict[str, Any] = {"per_day": [], "per_type": [], "per_language": []}
    missing, earlier = None, None
    try:
        start, end = default_window(conn, None, date_to.isoformat() if date_to else None)
        days = timeline_days(conn, start, end)
        counts = event_counts(conn, start, end)
        earlier = earlier_than(conn, start) if start else None
    except ApiError as exc:
        if exc.status != 501:
            raise
        missing = exc.message
    size, offset = _paging(page, TIMELINE_DAYS_PER_PAGE)
    return render(
        request, "timeline.html", days=days[offset : offset + size], page=page, more=len(days) > offset + size,
        counts=counts, missing=missing, charts=_charts(counts), earlier=earlier, date_to=date_to,
    )  # fmt: skip


def _charts(counts: dict[str, Any]) -> dict[str, Any]:
    from newsloom.serve.charts import horizontal_bars, vertical_bars

    per_day = [(d["date"], d["count"]) for d in counts.get("per_day", [])]
    per_type = [(t["type"], t["count"]) for t in counts.get("per_type", [])]
    return {
        "per_day": vertical_bars(
            "Events per day", per_day, width=480, height=170, hrefs=[f"#day-{d}" for d, _ in per_day]
        ),
        "per_type": horizontal_bars("Events per type", per_type, width=340, row=20),
    }


@router.get("/articles")
def articles_page(
    request: Request, conn: Conn, page: Page = 1,
    language: Annotated[str | None, Query(pattern=r"^[a-z]{2,3}$")] = None,
) -> Response:  # fmt: skip
    from newsloom.serve.records import list_articles

    size, offset = _paging(page)
    items = list_articles(
        conn, language=language, date_from=None, date_to=None, limit=size + 1, offset=offset
    )
    return render(
        request, "articles.html", articles=items[:size], page=page, more=len(items) > size, language=language
    )


@router.get("/articles/{article_id}")
def article_page(request: Request, conn: Conn, article_id: str) -> Response:
    from newsloom.serve.records import article_detail, marked_paragraphs

    record = article_detail(conn, article_id)
    if record is None:
        raise not_found("article", article_id)
    return render(request, "article.html", article=record, paragraphs=marked_paragraphs(record))


@router.get("/events")
def events_page(
    request: Request, conn: Conn, page: Page = 1,
    type: Annotated[str | None, Query(pattern=r"^[A-Za-z]{3,12}$")] = None,
    entity: Annotated[str | None, Query(max_length=200)] = None,
) -> Response:  # fmt: skip
    size, offset = _paging(page)
    items = domains.call(
        "events", "list_events", conn, type=type.upper() if type else None, entity=entity or None,
        limit=size + 1, offset=offset,
    )  # fmt: skip
    items = list(items)
    return render(
        request,
        "events.html",
        events=items[:size],
        page=page,
        more=len(items) > size,
        type=type,
        entity=entity,
    )


@router.get("/events/{event_id}")
def event_page(request: Request, conn: Conn, event_id: str) -> Response:
    from newsloom.serve.timeline import sources_by_language

    key = domains.key_for("events", "event_detail", event_id)
    event = domains.call("events", "event_detail", conn, key) if key is not None else None
    if not event:
        raise not_found("event", event_id)
    return render(request, "event.html", event=event, by_language=sources_by_language(event))


@router.get("/entities")
def entities_page(
    request: Request, conn: Conn, page: Page = 1, q: Annotated[str | None, Query(max_length=200)] = None,
    type: Annotated[str | None, Query(pattern=r"^(person|organization|place)$")] = None,
) -> Response:  # fmt: skip
    size, offset = _paging(page)
    if q:
        items = [
            e for e in domains.call("entities", "find_entity", conn, q) if not type or e.get("type") == type
        ]
        items = items[offset : offset + size + 1]
    else:
        items = list(
            domains.call("entities", "list_entities", conn, type=type, limit=size + 1, offset=offset)
        )
    return render(
        request,
        "entities.html",
        entities=items[:size],
        page=page,
        more=len(items) > size,
        q=q or "",
        type=type,
    )


@router.get("/entities/{entity_id}")
def entity_page(request: Request, conn: Conn, entity_id: str) -> Response:
    from newsloom.serve.timeline import entity_events

    key = domains.key_for("entities", "entity_detail", entity_id)
    entity = domains.call("entities", "entity_detail", conn, key) if key is not None else None
    if not entity:
        raise not_found("entity", entity_id)
    names: dict[str, list[str]] = {}
    for alias in entity.get("aliases") or []:
        names.setdefault(alias.get("language") or "", []).append(alias.get("alias") or "")
    try:
        events = entity_events(conn, entity)
    except ApiError:
        events = []
    from newsloom.serve.records import article_titles

    titles = article_titles(conn, [a["id"] for a in entity.get("articles") or []])
    return render(request, "entity.html", entity=entity, names=names, events=events, titles=titles)


@router.get("/stories")
def stories_page(request: Request, conn: Conn, page: Page = 1) -> Response:
    size, offset = _paging(page)
    items = list(domains.call("stories", "list_stories", conn, limit=size + 1, offset=offset))
    lines: list[Any] = []
    if domains.available("stories", "list_storylines") and page == 1:
        lines = list(domains.call("stories", "list_storylines", conn, limit=50, offset=0))
    return render(
        request, "stories.html", stories=items[:size], storylines=lines, page=page, more=len(items) > size
    )


@router.get("/stories/{story_id}")
def story_page(request: Request, conn: Conn, story_id: str) -> Response:
    from newsloom.serve.timeline import story_view

    key = domains.key_for("stories", "story_detail", story_id)
    story = domains.call("stories", "story_detail", conn, key) if key is not None else None
    if not story:
        raise not_found("story", story_id)
    return render(request, "story.html", **story_view(conn, story))


@router.get("/search")
def search_page(
    request: Request, q: Annotated[str, Query(max_length=300)] = "", page: Page = 1,
    kind: Annotated[str | None, Query(pattern=r"^(article|event|entity)$")] = None,
) -> Response:  # fmt: skip
    from newsloom.serve.search import KINDS

    size, offset = _paging(page)
    hits = []
    if q.strip():
        kinds = (kind,) if kind else KINDS
        hits = request.app.state.search.search(q, kinds=kinds, limit=size + 1, offset=offset)
    return render(
        request, "search.html", query=q, hits=hits[:size], page=page, more=len(hits) > size, kind=kind
    )


@router.get("/upload")
def upload_page(request: Request) -> Response:
    return render(request, "upload.html", result=None, error=None)


@router.post("/upload")
async def upload_submit(request: Request) -> Response:
    """The upload form: the token travels in the form (it is also what stops cross-site posts)."""
    from fastapi.concurrency import run_in_threadpool
    from starlette.datastructures import UploadFile

    from newsloom.serve.api import run_ingest
    from newsloom.serve.security import check_token, given_token
    from newsloom.serve.uploads import MAX_UPLOAD_BYTES

    if request.headers.get("content-type", "").split(";", 1)[0].strip().lower() != "multipart/form-data":
        raise ApiError(415, "Send the form as multipart/form-data.")
    async with request.form(max_files=1, max_fields=8) as form:
        token = form.get("token")
        check_token(request.app.state.token, given_token(request, token if isinstance(token, str) else None))
        upload = form.get("file")
        if not isinstance(upload, UploadFile) or not upload.filename:
            raise ApiError(422, "Choose a file to upload.")
        data = await upload.read(MAX_UPLOAD_BYTES + 1)
        args = (upload.filename, upload.content_type, data)
    result = await run_in_threadpool(run_ingest, request.app, args)
    if len(result["articles"]) == 1:
        return RedirectResponse(f"/articles/{result['articles'][0]['id']}", status_code=303)
    return render(request, "upload.html", result=result, error=None)


@router.get("/compare")
def compare_page(request: Request) -> Response:
    return render(request, "compare.html", scores=None, text_a="", text_b="")


@router.post("/compare")
async def compare_submit(request: Request) -> Response:
    from fastapi.concurrency import run_in_threadpool

    from newsloom.serve.api import MAX_COMPARE_CHARS, compare_scores

    async with request.form(max_files=0, max_fields=8) as form:
        text_a, text_b = str(form.get("text_a") or ""), str(form.get("text_b") or "")
    if not text_a.strip() or not text_b.strip():
        raise ApiError(422, "Paste a text in both boxes.")
    if max(len(text_a), len(text_b)) > MAX_COMPARE_CHARS:
        raise ApiError(413, f"Each text may hold {MAX_COMPARE_CHARS:,} characters at most.")
    scores = await run_in_threadpool(compare_scores, text_a, text_b)
    return render(request, "compare.html", scores=scores, text_a=text_a, text_b=text_b)
