"""The web UI: server-rendered Jinja2 pages (autoescaped), one stylesheet and one small script.

Every read page is a route of :data:`newsloom.serve.routes.ROUTES`: the same endpoint and view as the
API, rendered by its template (see :mod:`newsloom.serve.contexts`). The forms (upload, compare) and
search are here. Static files are served from a fixed list, never by path.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Query, Request
from fastapi.responses import FileResponse, RedirectResponse, Response
from fastapi.templating import Jinja2Templates
from jinja2 import ChainableUndefined, Environment, FileSystemLoader

from newsloom.serve.contexts import evidence_segments
from newsloom.serve.errors import ApiError
from newsloom.serve.i18n import COOKIE, COOKIE_SECONDS, UI_LANGUAGES, choose_language, translator
from newsloom.serve.routes import ROUTES, page_endpoint, page_number
from newsloom.views.search import SearchQuery, search_view

PAGES = Path(__file__).parent
#: Files under /static/ (name -> media type); anything else is a 404.
STATIC_FILES = {"style.css": "text/css", "app.js": "text/javascript", "fix.js": "text/javascript"}
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
    environment.globals["evidence"] = evidence_segments
    environment.globals["t"] = translator("en")  # pages rendered outside ``render`` (errors) read English
    environment.globals["ui_lang"] = "en"
    environment.globals["role_in"] = role_in
    return Jinja2Templates(env=environment)


def role_in(role: str | None, language: str, shown: str | None = None) -> str | None:
    """A role id as words of the UI language's pack, else what the view already shows."""
    from newsloom.views.names import role_words

    return (role_words(role, language) if role else None) or shown


def render(request: Request, template: str, status: int = 200, **context: Any) -> Response:
    """A page in the reader's language (``?lang=`` remembered in a cookie, else Accept-Language)."""
    templates: Jinja2Templates = request.app.state.templates
    asked = request.query_params.get("lang")
    language = choose_language(asked, request.cookies.get(COOKIE), request.headers.get("accept-language"))
    context.setdefault("query", "")
    context.setdefault("writes", bool(request.app.state.token))
    context.update(t=translator(language), ui_lang=language, lang_links=language_links(request))
    response = templates.TemplateResponse(request, template, context, status_code=status)
    if asked and asked.lower() in UI_LANGUAGES:
        response.set_cookie(COOKIE, asked.lower(), max_age=COOKIE_SECONDS, samesite="lax", httponly=True)
    return response


def language_links(request: Request) -> dict[str, str]:
    """This page's address in each UI language (its other query parameters kept)."""
    kept = [(k, v) for k, v in request.query_params.multi_items() if k != "lang"]
    return {code: f"{request.url.path}?{urlencode([*kept, ('lang', code)])}" for code in UI_LANGUAGES}


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


for _route in ROUTES:
    if _route.template is not None:
        router.add_api_route(
            _route.page_path or _route.path,
            page_endpoint(_route, render),
            methods=["GET"],
            response_model=None,
        )


@router.get("/search")
def search_page(
    request: Request, q: Annotated[str, Query(max_length=300)] = "",
    kind: Annotated[str | None, Query(pattern=r"^(article|event|entity)?$")] = None,
    language: Annotated[str | None, Query(pattern=r"^([a-z]{2,3})?$")] = None,
) -> Response:  # fmt: skip
    """The search form and, for words, a page of the search view's hits with their matches marked,
    the number of results in each language (links that keep the query) and the view's notice when
    nothing holds the query's words."""
    number = page_number(request)
    hits: list[dict[str, Any]] = []
    more = False
    found = None
    if q.strip():
        query = SearchQuery(q, kind or None, language or None, PAGE_SIZE, (number - 1) * PAGE_SIZE)
        found = search_view(request.app.state.search, query)
        hits = [{**hit.model_dump(), "segments": marked(hit.snippet, hit.highlights)} for hit in found.items]
        more = found.next_offset is not None
    return render(
        request, "search.html", query=q, hits=hits, page=number, more=more, kind=kind, language=language or "",
        notice=found.notice if found else None, languages=found.languages if found else {},
    )  # fmt: skip


def marked(text: str, spans: list[tuple[int, int]]) -> list[dict[str, Any]]:
    """``text`` cut into pieces, the ``spans`` (start, end) marked as matches."""
    pieces: list[dict[str, Any]] = []
    position = 0
    for start, end in sorted(spans):
        if start < position:
            continue
        if start > position:
            pieces.append({"text": text[position:start], "match": False})
        pieces.append({"text": text[start:end], "match": True})
        position = end
    if position < len(text):
        pieces.append({"text": text[position:], "match": False})
    return pieces


@router.get("/upload")
def upload_page(request: Request) -> Response:
    return render(request, "upload.html", result=None, error=None)


@router.post("/upload")
async def upload_submit(request: Request) -> Response:
    """The upload form: the token travels in the form (it is also what stops cross-site posts)."""
    from fastapi.concurrency import run_in_threadpool
    from starlette.datastructures import UploadFile

    from newsloom.serve.actions import run_ingest
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
    if len(result.articles) == 1:
        return RedirectResponse(f"/articles/{result.articles[0].id}", status_code=303)
    return render(request, "upload.html", result=result.model_dump(), error=None)


@router.get("/compare")
def compare_page(request: Request) -> Response:
    return render(request, "compare.html", scores=None, not_article={}, text_a="", text_b="")


@router.post("/compare")
async def compare_submit(request: Request) -> Response:
    from fastapi.concurrency import run_in_threadpool

    from newsloom.serve.actions import MAX_COMPARE_CHARS, compare_scores

    async with request.form(max_files=0, max_fields=8) as form:
        text_a, text_b = str(form.get("text_a") or ""), str(form.get("text_b") or "")
    if not text_a.strip() or not text_b.strip():
        raise ApiError(422, "Paste a text in both boxes.")
    if max(len(text_a), len(text_b)) > MAX_COMPARE_CHARS:
        raise ApiError(413, f"Each text may hold {MAX_COMPARE_CHARS:,} characters at most.")
    result = await run_in_threadpool(compare_scores, text_a, text_b)
    return render(
        request,
        "compare.html",
        scores=result.scores,
        not_article=result.not_article,
        text_a=text_a,
        text_b=text_b,
    )
