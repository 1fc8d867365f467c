"""The REST API (FastAPI) and the app that also serves the web pages: ``create_app(db, token)``.

The read routes come from the table in ``routes`` (each one view of ``newsloom.views``, its model the
route's ``response_model``); here are the index, compare, ingest and export. Lists are paginated with
``limit``/``offset``; every error has one shape (see ``errors``).
"""

from __future__ import annotations

import functools
import logging
import threading
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager
from typing import Annotated, Any, Literal

from fastapi import APIRouter, FastAPI, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import Response, StreamingResponse
from pydantic import BaseModel, Field
from starlette.datastructures import UploadFile

import newsloom
from newsloom.errors import StoreError
from newsloom.serve.actions import MAX_COMPARE_CHARS, IngestResult, compare_scores, run_ingest
from newsloom.serve.cache import KeptResponses, ResponseCache, StoreVersion
from newsloom.serve.errors import ERROR_SCHEMA, ApiError, install_error_handler
from newsloom.serve.routes import (
    AllDates,
    Conn,
    DateFrom,
    DateTo,
    EventType,
    add_api_routes,
    get_map,
    get_network,
    get_trends,
)
from newsloom.serve.search import SearchIndex
from newsloom.serve.security import GuardMiddleware, check_token, given_token
from newsloom.store import Store
from newsloom.store.articles import article_version, count_articles
from newsloom.store.db import READ_ONLY_HINT, ReadOnlyStoreError, is_writable
from newsloom.store.search import index_version
from newsloom.views.common import Model
from newsloom.views.compare import CompareResult

log = logging.getLogger("newsloom.serve")

#: The parts of newsloom a server offers (every one ships in the package).
PARTS = ("articles", "entities", "events", "stories", "compare", "search")

ERROR_RESPONSES: dict[int | str, dict[str, Any]] = {
    status: {"description": text, "content": {"application/json": {"schema": ERROR_SCHEMA}}}
    for status, text in (
        (404, "Not found"),
        (422, "Invalid parameters"),
        (501, "The compare model is not shipped in this installation"),
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
            (503, "The store is read-only (or cannot be written): nothing was stored"),
        )
    },
}


router = APIRouter(prefix="/api", responses=ERROR_RESPONSES)


class ServerInfo(Model):
    """What this server offers."""

    name: str
    version: str
    articles: int  # stored, near-duplicates included
    writes: bool  # whether uploads are on (a token is set)
    parts: dict[str, bool]
    openapi: str


@router.get("", summary="What this server offers")
def api_index(request: Request, conn: Conn) -> ServerInfo:
    """Version, stored articles (near-duplicates included), and which parts of newsloom there are."""
    return ServerInfo(
        name="newsloom", version=newsloom.__version__, articles=count_articles(conn, include_duplicates=True),
        writes=bool(request.app.state.token), parts=dict.fromkeys(PARTS, True), openapi="/openapi.json",
    )  # fmt: skip


add_api_routes(router)


class CompareRequest(BaseModel):
    """Two texts to compare, in any languages."""

    text_a: str = Field(min_length=1, max_length=MAX_COMPARE_CHARS)
    text_b: str = Field(min_length=1, max_length=MAX_COMPARE_CHARS)
    lang_a: str | None = Field(default=None, pattern=r"^[a-z]{2,3}$")
    lang_b: str | None = Field(default=None, pattern=r"^[a-z]{2,3}$")


COMPARE_RESPONSES: dict[int | str, dict[str, Any]] = {
    status: {"description": text, "content": {"application/json": {"schema": ERROR_SCHEMA}}}
    for status, text in (
        (413, "A text over the character cap"),
        (503, "Too many compares at once: retry later"),
    )
}


@router.post(
    "/compare",
    summary="How similar two articles are (SemEval-2022 Task 8 scale)",
    responses=COMPARE_RESPONSES,
)
def compare(body: CompareRequest) -> CompareResult:
    """Geography, entities, time, narrative, style, tone and overall, each 1 (very similar) to 4."""
    return compare_scores(body.text_a, body.text_b, body.lang_a, body.lang_b)


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
async def ingest(request: Request) -> IngestResult:
    """Run every stage and corpus step on the uploaded file. Needs the token (``Authorization: Bearer``)."""
    check_token(request.app.state.token, given_token(request))
    if request.app.state.read_only:  # refused before the upload is read and processed
        raise ReadOnlyStoreError(f"The store is read-only: nothing was stored. {READ_ONLY_HINT}")
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


@router.get("/trends.csv", summary="Events per type and country per week, as CSV", response_class=Response)
def trends_csv_download(
    conn: Conn, date_from: DateFrom = None, date_to: DateTo = None, all_dates: AllDates = False
) -> Response:
    """The trends of ``/api/trends`` as a CSV file: week, dimension (type or country), key, count."""
    from newsloom.views.trends import trends_csv

    found = get_trends(conn, date_from, date_to, all_dates)
    headers = {"Content-Disposition": 'attachment; filename="newsloom-trends.csv"'}
    return Response(trends_csv(found), media_type="text/csv; charset=utf-8", headers=headers)


@router.get("/network.csv", summary="The actor network's edges, as CSV", response_class=Response)
def network_csv_download(
    conn: Conn, date_from: DateFrom = None, date_to: DateTo = None, type: EventType = None
) -> Response:
    """Every edge of ``/api/network`` (not only the strongest): source, target, count, types, event ids."""
    from newsloom.views.network import MAX_EDGES, network_csv

    found = get_network(conn, date_from, date_to, type, MAX_EDGES)
    headers = {"Content-Disposition": 'attachment; filename="newsloom-network.csv"'}
    return Response(network_csv(found), media_type="text/csv; charset=utf-8", headers=headers)


@router.get("/map.csv", summary="Event places, as CSV", response_class=Response)
def map_csv_download(
    conn: Conn, date_from: DateFrom = None, date_to: DateTo = None, type: EventType = None
) -> Response:
    """The places of ``/api/map``: place, latitude, longitude, precision, events, types, event ids."""
    from newsloom.views.map import map_csv

    found = get_map(conn, date_from, date_to, type)
    headers = {"Content-Disposition": 'attachment; filename="newsloom-map.csv"'}
    return Response(map_csv(found), media_type="text/csv; charset=utf-8", headers=headers)


# -- exports --------------------------------------------------------------------------------------
MEDIA_TYPES = {"jsonl": "application/x-ndjson", "plover": "application/x-ndjson", "csv": "text/csv"}


@router.get("/export", summary="Download an export", response_class=StreamingResponse)
def export(
    request: Request,
    what: Annotated[Literal["articles", "entities", "events", "stories"], Query()] = "articles",
    format: Annotated[Literal["jsonl", "csv", "plover"], Query()] = "jsonl",
) -> StreamingResponse:
    """The same export as ``newsloom export --what ... --format ...``, as a file download."""
    from newsloom.exports import EXPORTS, export_lines

    if format not in EXPORTS[what].formats:
        raise ApiError(422, f"The {format} format is for events only: use what=events&format={format}.")
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
def create_app(
    db: str, token: str | None = None, *, embeddings: bool = True, read_only: bool = False
) -> FastAPI:
    """The API and web UI over the store at ``db``; writes need ``token`` (None: writes are off).

    ``read_only`` (or a store file this process cannot write) serves reads only: nothing is written
    to the store, uploads answer 503 saying why, and search uses the index as it was stored.
    """
    from newsloom.serve.corrections import router as corrections_router
    from newsloom.serve.pages import make_templates
    from newsloom.serve.pages import router as pages_router
    from newsloom.watch.routes import router as watch_router

    read_only = read_only or not is_writable(db)
    store = Store.open(db, read_only=read_only)
    search_index = SearchIndex(store, use_embeddings=embeddings)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        await run_in_threadpool(_build_search_index, search_index)  # before the first request
        await run_in_threadpool(_warm_timeline, store)
        await run_in_threadpool(_compile_pages, app.state.templates)
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
    app.state.read_only = read_only
    app.state.token = token or None
    app.state.search = search_index
    app.state.write_lock = threading.Lock()
    app.state.templates = make_templates()
    app.state.response_cache = KeptResponses()
    version = StoreVersion(functools.partial(_store_version, store))
    app.add_middleware(ResponseCache, version=version, entries=app.state.response_cache)
    app.add_middleware(GuardMiddleware)  # outside the cache: every request is checked, cached or not
    install_error_handler(app)
    app.include_router(router)
    app.include_router(pages_router)
    app.include_router(watch_router)
    app.include_router(corrections_router)
    return app


def _store_version(store: Store) -> object:
    with store.connect() as conn:
        return (*article_version(conn), index_version(conn))


def _warm_timeline(store: Store) -> None:
    """The home page's parts computed before the first request (kept until the store changes)."""
    from newsloom.serve.contexts import warm_timeline
    from newsloom.serve.routes import TIMELINE_DAYS_PER_PAGE

    try:
        with store.connect() as conn:
            warm_timeline(conn, TIMELINE_DAYS_PER_PAGE)
    except StoreError as exc:  # the first reader meets the same problem, with the page's own error
        log.warning("newsloom: the timeline could not be prepared at start (%s)", exc)


def _compile_pages(templates: Any) -> None:
    """Every page template compiled, and the language names read, before the first request (the
    first home page took 0.2 s more than the next)."""
    from newsloom.serve.pages import language_name

    for name in templates.env.list_templates(extensions=["html"]):
        templates.env.get_template(name)
    language_name("en")


def _build_search_index(index: SearchIndex) -> None:
    """Bring the search index up to date; on a store that cannot be written, serve without its new rows.

    A read-only store whose index is complete is searched as usual (nothing to write). If the index
    cannot be written (read-only store, full disk), full-text search is turned off (searches answer
    empty) with a notice that says why, and every other read is served.
    """
    try:
        index.refresh(True)
    except StoreError as exc:
        index.enabled = False
        log.warning(
            "newsloom: the search index cannot be brought up to date, so full-text search is off until "
            "the store can be written (%s)",
            exc,
        )
