"""The REST API (FastAPI) and the app that also serves the web pages: ``create_app(db, token)``.

Every route calls an importable function (the store's, a domain's ``queries`` module, search,
uploads); lists are paginated with ``limit``/``offset``; every error has one shape (see ``errors``).
"""

from __future__ import annotations

import threading
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager
from datetime import date
from typing import Annotated, Any, Literal

import sqlalchemy as sa
from fastapi import APIRouter, Depends, FastAPI, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import StreamingResponse
from pydantic import BaseModel, Field
from starlette.datastructures import UploadFile

import newsloom
from newsloom.serve import domains
from newsloom.serve.errors import ERROR_SCHEMA, ApiError, install_error_handler, not_found
from newsloom.serve.search import KINDS, SearchIndex
from newsloom.serve.security import GuardMiddleware, check_token, given_token
from newsloom.store import Store

#: Most rows one page of any list returns (and the default page size).
MAX_LIMIT = 100
DEFAULT_LIMIT = 20
#: Deepest offset accepted: past it a client should narrow its filters instead of paging.
MAX_OFFSET = 100_000
#: Longest text ``compare`` takes (characters): a long feature article, not a book.
MAX_COMPARE_CHARS = 100_000

Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description=f"Rows per page (1-{MAX_LIMIT}).")]
Offset = Annotated[int, Query(ge=0, le=MAX_OFFSET, description="Rows to skip.")]
Language = Annotated[
    str | None, Query(pattern=r"^[a-z]{2,3}$", description="ISO 639-1 language code, e.g. vi, en, id.")
]
DateFrom = Annotated[date | None, Query(description="First day (YYYY-MM-DD), included.")]
DateTo = Annotated[date | None, Query(description="Last day (YYYY-MM-DD), included.")]

ERROR_RESPONSES: dict[int | str, dict[str, Any]] = {
    status: {"description": text, "content": {"application/json": {"schema": ERROR_SCHEMA}}}
    for status, text in (
        (404, "Not found"),
        (422, "Invalid parameters"),
        (501, "This part of newsloom is not installed"),
    )
}
WRITE_RESPONSES: dict[int | str, dict[str, Any]] = {
    **ERROR_RESPONSES,
    **{
        status: {"description": text, "content": {"application/json": {"schema": ERROR_SCHEMA}}}
        for status, text in (
            (401, "No token sent"),
            (403, "Wrong token, or writes are off"),
            (413, "Upload too large"),
            (415, "Not a file type newsloom reads"),
        )
    },
}


def connection(request: Request) -> Iterator[sa.Connection]:
    """A read connection to the store for one request."""
    with request.app.state.store.connect() as conn:
        yield conn


Conn = Annotated[sa.Connection, Depends(connection)]


def page(items: list[Any], limit: int, offset: int) -> dict[str, Any]:
    """One page of a list fetched with ``limit + 1`` rows: the extra row says there is a next page."""
    return {
        "items": items[:limit],
        "limit": limit,
        "offset": offset,
        "next_offset": offset + limit if len(items) > limit else None,
    }


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


def _check_range(date_from: date | None, date_to: date | None) -> None:
    if date_from and date_to and date_from > date_to:
        raise ApiError(422, f"date_from ({date_from}) is after date_to ({date_to}); swap them.")


router = APIRouter(prefix="/api", responses=ERROR_RESPONSES)


@router.get("", summary="What this server offers")
def api_index(request: Request, conn: Conn) -> dict[str, Any]:
    """Version, stored articles (near-duplicates included), and which parts of newsloom are installed."""
    from newsloom.store.migrations.m0001_articles import articles

    stored = conn.execute(sa.select(sa.func.count()).select_from(articles)).scalar()  # an index count
    return {
        "name": "newsloom",
        "version": newsloom.__version__,
        "articles": stored,
        "writes": bool(request.app.state.token),
        "parts": {name: domains.available(name) for name in domains.DOMAIN_MODULES},
        "openapi": "/openapi.json",
    }


# -- articles -------------------------------------------------------------------------------------
@router.get("/articles", summary="List articles")
def list_articles(
    conn: Conn, language: Language = None, date_from: DateFrom = None, date_to: DateTo = None,
    limit: Limit = DEFAULT_LIMIT, offset: Offset = 0,
) -> dict[str, Any]:  # fmt: skip
    """Stored articles (duplicates left out), filtered by language and publication date."""
    from newsloom.serve.records import list_articles as summaries

    _check_range(date_from, date_to)
    items = summaries(
        conn,
        language=language,
        date_from=_iso(date_from),
        date_to=_iso(date_to),
        limit=limit + 1,
        offset=offset,
    )
    return page(items, limit, offset)


@router.get("/articles/{article_id}", summary="One article with its evidence")
def get_article(conn: Conn, article_id: str) -> dict[str, Any]:
    """Metadata with provenance, boilerplate, sentences, mentions (with entity ids), times and events."""
    from newsloom.serve.records import article_detail

    record = article_detail(conn, article_id)
    if record is None:
        raise not_found("article", article_id)
    return record


# -- events ---------------------------------------------------------------------------------------
@router.get("/events", summary="List events")
def list_events(
    conn: Conn, date_from: DateFrom = None, date_to: DateTo = None,
    type: Annotated[str | None, Query(pattern=r"^[A-Za-z]{3,12}$", description="PLOVER type, e.g. CONSULT.")] = None,
    entity: Annotated[str | None, Query(min_length=1, max_length=200, description="Any name of an actor.")] = None,
    language: Language = None, limit: Limit = DEFAULT_LIMIT, offset: Offset = 0,
) -> dict[str, Any]:  # fmt: skip
    """Merged events, filtered by date range, PLOVER type, actor (any alias) and source language."""
    _check_range(date_from, date_to)
    items = domains.call(
        "events", "list_events", conn, date_from=_iso(date_from), date_to=_iso(date_to),
        type=type.upper() if type else None, entity=entity, language=language, limit=limit + 1, offset=offset,
    )  # fmt: skip
    return page(list(items), limit, offset)


@router.get("/events/{event_id}", summary="One event with all its sources")
def get_event(conn: Conn, event_id: str) -> dict[str, Any]:
    """Every source's evidence sentence and language, and where the sources disagree."""
    key = domains.key_for("events", "event_detail", event_id)
    event = domains.call("events", "event_detail", conn, key) if key is not None else None
    if not event:
        raise not_found("event", event_id)
    return dict(event)


@router.get("/timeline", summary="Events by day, grouped into stories")
def get_timeline(
    conn: Conn, date_from: DateFrom = None, date_to: DateTo = None,
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT, description="Days per page.")] = 31, offset: Offset = 0,
) -> dict[str, Any]:  # fmt: skip
    """Days (newest first) with their events grouped by story; without a range, the month up to the
    newest event."""
    from newsloom.serve.timeline import default_window, timeline_days

    _check_range(date_from, date_to)
    start, end = default_window(conn, _iso(date_from), _iso(date_to))
    days = timeline_days(conn, date_from=start, date_to=end)
    return {"date_from": start, "date_to": end, **page(days[offset : offset + limit + 1], limit, offset)}


@router.get("/stats", summary="Counts for charts")
def get_stats(conn: Conn, date_from: DateFrom = None, date_to: DateTo = None) -> dict[str, Any]:
    """Events per day and per PLOVER type, and articles per language."""
    from newsloom.serve.timeline import event_counts

    _check_range(date_from, date_to)
    return event_counts(conn, date_from=_iso(date_from), date_to=_iso(date_to))


# -- entities -------------------------------------------------------------------------------------
@router.get("/entities", summary="List or find entities")
def list_entities(
    conn: Conn,
    q: Annotated[str | None, Query(min_length=1, max_length=200, description="Any alias, any language.")] = None,
    type: Annotated[Literal["person", "organization", "place"] | None, Query()] = None,
    limit: Limit = DEFAULT_LIMIT, offset: Offset = 0,
) -> dict[str, Any]:  # fmt: skip
    """Entities by article count; with ``q``, the entities having that name in any language."""
    if q is not None:
        found = [
            e
            for e in domains.call("entities", "find_entity", conn, q)
            if type is None or e.get("type") == type
        ]
        return page(found[offset : offset + limit + 1], limit, offset)
    items = domains.call("entities", "list_entities", conn, type=type, limit=limit + 1, offset=offset)
    return page(list(items), limit, offset)


@router.get("/entities/{entity_id}", summary="One entity: names, roles over time, events")
def get_entity(conn: Conn, entity_id: str) -> dict[str, Any]:
    """Aliases per language, roles over time with evidence, articles, and events it took part in."""
    from newsloom.serve.timeline import entity_events

    key = domains.key_for("entities", "entity_detail", entity_id)
    entity = domains.call("entities", "entity_detail", conn, key) if key is not None else None
    if not entity:
        raise not_found("entity", entity_id)
    return {**entity, "events": entity_events(conn, entity)}


# -- stories --------------------------------------------------------------------------------------
@router.get("/stories", summary="List stories")
def list_stories(conn: Conn, limit: Limit = DEFAULT_LIMIT, offset: Offset = 0) -> dict[str, Any]:
    """Stories, each with its title per language, date and number of reports."""
    items = domains.call("stories", "list_stories", conn, limit=limit + 1, offset=offset)
    return page(list(items), limit, offset)


@router.get("/stories/{story_id}", summary="One story with its reports by language")
def get_story(conn: Conn, story_id: str) -> dict[str, Any]:
    """Articles by language, events, entities and dates of one story."""
    key = domains.key_for("stories", "story_detail", story_id)
    story = domains.call("stories", "story_detail", conn, key) if key is not None else None
    if not story:
        raise not_found("story", story_id)
    return dict(story)


@router.get("/storylines", summary="List storylines")
def list_storylines(conn: Conn, limit: Limit = DEFAULT_LIMIT, offset: Offset = 0) -> dict[str, Any]:
    """Stories linked over days, each storyline with its stories in order."""
    items = domains.call("stories", "list_storylines", conn, limit=limit + 1, offset=offset)
    return page(list(items), limit, offset)


# -- search, compare ------------------------------------------------------------------------------
@router.get("/search", summary="Cross-lingual search")
def search(
    request: Request,
    q: Annotated[str, Query(min_length=1, max_length=300, description="Words in any language.")],
    kind: Annotated[Literal["article", "event", "entity"] | None, Query(description="Only this kind.")] = None,
    language: Language = None, limit: Limit = DEFAULT_LIMIT, offset: Offset = 0,
) -> dict[str, Any]:  # fmt: skip
    """Articles, events and entities in one ranked list, each hit with its language."""
    index: SearchIndex = request.app.state.search
    kinds = (kind,) if kind else KINDS
    hits = index.search(q, kinds=kinds, language=language, limit=limit + 1, offset=offset)
    return {"query": q, **page([h.to_dict() for h in hits], limit, offset)}


class CompareRequest(BaseModel):
    """Two texts to compare, in any languages."""

    text_a: str = Field(min_length=1, max_length=MAX_COMPARE_CHARS)
    text_b: str = Field(min_length=1, max_length=MAX_COMPARE_CHARS)
    lang_a: str | None = Field(default=None, pattern=r"^[a-z]{2,3}$")
    lang_b: str | None = Field(default=None, pattern=r"^[a-z]{2,3}$")


@router.post("/compare", summary="How similar two articles are (SemEval-2022 Task 8 scale)")
def compare(body: CompareRequest) -> dict[str, Any]:
    """Geography, entities, time, narrative, style, tone and overall, each 1 (very similar) to 4."""
    scores = compare_scores(body.text_a, body.text_b, body.lang_a, body.lang_b)
    return {"scores": scores, "scale": "1 = very similar ... 4 = very dissimilar"}


def compare_scores(text_a: str, text_b: str, lang_a: str | None = None, lang_b: str | None = None) -> Any:
    """``newsloom.compare.compare_texts``, its refusals of a text turned into 422s."""
    try:
        return domains.call("compare", "compare_texts", text_a, text_b, lang_a=lang_a, lang_b=lang_b)
    except (ValueError, TypeError) as exc:  # compare_texts names what is wrong with a text
        raise ApiError(422, str(exc)) from exc
    except FileNotFoundError as exc:  # the trained model is not shipped in this installation
        raise ApiError(501, f"compare is not available: {exc}") from exc


# -- writes ---------------------------------------------------------------------------------------
_UPLOAD_BODY = {
    "requestBody": {
        "required": True,
        "content": {
            "multipart/form-data": {
                "schema": {
                    "type": "object",
                    "required": ["file"],
                    "properties": {"file": {"type": "string", "format": "binary"}},
                }
            }
        },
    }
}


@router.post(
    "/ingest", status_code=201, summary="Upload an article (text, HTML, feed or JSONL)",
    responses=WRITE_RESPONSES, openapi_extra=_UPLOAD_BODY,
)  # fmt: skip
async def ingest(request: Request) -> dict[str, Any]:
    """Run every stage and corpus step on the uploaded file. Needs the token (``Authorization: Bearer``)."""
    check_token(request.app.state.token, given_token(request))
    upload = await _read_upload(request)
    return await run_in_threadpool(run_ingest, request.app, upload)


async def _read_upload(request: Request) -> tuple[str | None, str | None, bytes]:
    from newsloom.serve.uploads import MAX_UPLOAD_BYTES

    media = request.headers.get("content-type", "").split(";", 1)[0].strip().lower()
    if media != "multipart/form-data":
        raise ApiError(415, "Send the file as multipart/form-data in a field named 'file'.")
    async with request.form(max_files=1, max_fields=8) as form:
        upload = form.get("file")
        if not isinstance(upload, UploadFile):
            raise ApiError(422, "The form has no file: send it in a field named 'file'.")
        data = await upload.read(MAX_UPLOAD_BYTES + 1)
        return upload.filename, upload.content_type, data


def run_ingest(app: FastAPI, upload: tuple[str | None, str | None, bytes]) -> dict[str, Any]:
    """One upload at a time through the pipeline, then the search index catches up."""
    from newsloom.serve.uploads import ingest_upload

    with app.state.write_lock:
        result = ingest_upload(app.state.store, *upload)
        app.state.search.refresh(force=True)
    return result


# -- exports --------------------------------------------------------------------------------------
MEDIA_TYPES = {"jsonl": "application/x-ndjson", "plover": "application/x-ndjson", "csv": "text/csv"}


@router.get("/export", summary="Download an export", response_class=StreamingResponse)
def export(
    request: Request,
    what: Annotated[Literal["articles", "entities", "events", "stories"], Query()] = "articles",
    format: Annotated[Literal["jsonl", "csv", "plover"], Query()] = "jsonl",
) -> StreamingResponse:
    """The same export as ``newsloom export --what ... --format ...``, as a file download."""
    from newsloom.exports import available_exports, export_lines

    if what not in available_exports():
        raise ApiError(501, f"Exporting {what} is not available in this installation.")
    if format == "plover" and what != "events":
        raise ApiError(422, "The plover format is for events only: use what=events&format=plover.")
    store: Store = request.app.state.store

    def lines() -> Iterator[bytes]:
        with store.connect() as conn:
            for line in export_lines(conn, what, format):
                yield (line + "\n").encode("utf-8")

    extension = "csv" if format == "csv" else "jsonl"
    filename = f"newsloom-{what}{'-plover' if format == 'plover' else ''}.{extension}"
    return StreamingResponse(
        lines(),
        media_type=MEDIA_TYPES[format],
        headers={"Content-Disposition": f'attachment; filename="{filename}"'},
    )


# -- the app --------------------------------------------------------------------------------------
def create_app(db: str, token: str | None = None, *, embeddings: bool = True) -> FastAPI:
    """The API and web UI over the store at ``db``; writes need ``token`` (None: writes are off)."""
    from newsloom.serve.pages import make_templates
    from newsloom.serve.pages import router as pages_router
    from newsloom.watch.routes import router as watch_router

    store = Store.open(db)
    search_index = SearchIndex(store, use_embeddings=embeddings)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        await run_in_threadpool(search_index.refresh, True)  # build the index before the first request
        yield
        store.close()

    app = FastAPI(
        title="newsloom",
        version=newsloom.__version__,
        description="Cross-lingual news events, entities and stories. Errors: "
        '`{"error": {"code", "message"}}`. Writes need `Authorization: Bearer <NEWSLOOM_TOKEN>`.',
        docs_url=None,  # the interactive docs pull scripts from a CDN: none are served here
        redoc_url=None,
        openapi_url="/openapi.json",
        lifespan=lifespan,
    )
    app.state.store = store
    app.state.token = token or None
    app.state.search = search_index
    app.state.write_lock = threading.Lock()
    app.state.templates = make_templates()
    app.add_middleware(GuardMiddleware)
    install_error_handler(app)
    app.include_router(router)
    app.include_router(pages_router)
    app.include_router(watch_router)
    return app
