"""One error shape for the whole server, ``{"error": {"code", "message"}}``, from one handler.

Every failure (a route that raises :class:`ApiError`, a validation error, an unknown path, a bug)
goes through :func:`handle_error`: JSON for the API, the same code and message as a page for the UI.
"""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from newsloom.errors import NewsloomError, StoreError
from newsloom.store.db import ReadOnlyStoreError

log = logging.getLogger("newsloom.serve")

#: HTTP status -> the short machine-readable code clients switch on.
ERROR_CODES = {
    400: "bad_request",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    413: "too_large",
    415: "unsupported_type",
    422: "invalid",
    500: "internal",
    501: "not_available",
    503: "unavailable",
}

#: JSON Schema of the error body, shown in the OpenAPI document for every route.
ERROR_SCHEMA: dict[str, Any] = {
    "type": "object",
    "required": ["error"],
    "properties": {
        "error": {
            "type": "object",
            "required": ["code", "message"],
            "properties": {"code": {"type": "string"}, "message": {"type": "string"}},
        }
    },
}


class ApiError(Exception):
    """An error with an HTTP status and a message a person can act on."""

    def __init__(self, status: int, message: str, code: str | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.code = code or ERROR_CODES.get(status, "error")


#: Each kind of record and the API route listing it (an irregular plural is not guessed: /api/stories).
COLLECTIONS = {"article": "articles", "event": "events", "entity": "entities", "story": "stories"}


def not_found(what: str, key: object) -> ApiError:
    """A 404 naming the record and where to find the ones that exist."""
    collection = COLLECTIONS.get(what)
    where = f"List them at /api/{collection} or search" if collection else "Search"
    return ApiError(404, f"No {what} with id {key!r}. {where} at /api/search.")


def error_body(code: str, message: str) -> dict[str, dict[str, str]]:
    return {"error": {"code": code, "message": message}}


def _describe_validation(exc: RequestValidationError) -> str:
    """'query parameter limit: Input should be less than or equal to 100; ...'."""
    parts = []
    for problem in exc.errors():
        location = [str(p) for p in problem.get("loc", ())]
        where = " ".join(location[:1]) + (" parameter " + ".".join(location[1:]) if len(location) > 1 else "")
        parts.append(f"{where.strip() or 'request'}: {problem.get('msg', 'invalid value')}")
    return "; ".join(parts) or "The request is not valid."


def classify(exc: Exception) -> ApiError:
    """Turn any exception into an ApiError (status, code, message)."""
    if isinstance(exc, ApiError):
        return exc
    if isinstance(exc, RequestValidationError):
        return ApiError(422, _describe_validation(exc))
    if isinstance(exc, StarletteHTTPException):
        if exc.status_code == 404:
            return ApiError(404, "No such page or API route. The API is described at /openapi.json.")
        if exc.status_code == 405:
            return ApiError(405, "This route does not accept that HTTP method. See /openapi.json.")
        if exc.status_code == 400:  # a body FastAPI or Starlette could not parse: invalid, as documented
            return ApiError(
                422, f"The request body cannot be read ({exc.detail}): send it as /openapi.json says."
            )
        return ApiError(exc.status_code, str(exc.detail))
    if isinstance(exc, ReadOnlyStoreError):  # the server's store, not the request, is the problem
        return ApiError(503, str(exc), code="read_only")
    if isinstance(exc, StoreError):
        log.error("store error: %s", exc)
        return ApiError(503, str(exc), code="store_unavailable")
    if isinstance(exc, NewsloomError):  # a domain function refusing its input says why
        return ApiError(422, str(exc))
    log.exception("unexpected error", exc_info=exc)
    return ApiError(500, "Internal error: the server logged it. Please report it as a bug.")


def unknown_route(request: Request) -> str:
    """A 404 for a path no route serves, naming the closest route that exists (``/api/entitys`` ->
    ``/api/entities``, ``/storys/1`` -> ``/stories``)."""
    import difflib

    path = request.url.path.rstrip("/") or "/"
    documented = [p for p in request.app.openapi().get("paths", {}) if "{" not in p]
    known = sorted({*documented, *(p.removeprefix("/api") for p in documented if p.startswith("/api/"))})
    depth = 3 if path.startswith("/api/") else 2
    head = "/".join(path.split("/")[:depth])  # /api/entitys/3 -> /api/entitys; /storys/1 -> /storys
    close = difflib.get_close_matches(head, known, n=1, cutoff=0.75)
    hint = f" Did you mean {close[0]}?" if close and close[0] != head else ""
    return f"No page or API route at {path}.{hint} The API is described at /openapi.json."


#: Paths outside /api that serve data, not pages: their errors are JSON whatever the client accepts.
DATA_SUFFIXES = (".json", ".atom", ".csv", ".jsonl")


def wants_json(request: Request) -> bool:
    """API routes and data files get JSON errors; a page gets its HTML error page, as the page itself
    is HTML to any client that does not ask for JSON (``curl /events/999`` as ``curl /events``); a
    form posted by a script (no ``text/html`` in Accept) gets JSON."""
    path = request.url.path
    if path.startswith(("/api", "/watch/sources")) or path.endswith(DATA_SUFFIXES):
        return True
    accept = request.headers.get("accept", "")
    if "text/html" in accept:
        return False
    if request.method in {"GET", "HEAD"}:
        return "application/json" in accept
    return True


def page_message(message: str) -> str:
    """An error message as a page shows it: the lists it points to are pages (/articles, /search),
    not API routes, since every /api/X list is also a page at /X."""
    return message.replace(" /api/", " /")


async def handle_error(request: Request, exc: Exception) -> Response:
    """The one handler every error goes through."""
    error = classify(exc)
    if isinstance(exc, StarletteHTTPException) and exc.status_code == 404:
        error = ApiError(404, unknown_route(request))
    headers = {"WWW-Authenticate": "Bearer"} if error.status == 401 else None
    if not wants_json(request):
        templates = getattr(request.app.state, "templates", None)
        if templates is not None:
            return templates.TemplateResponse(
                request,
                "error.html",
                {
                    "status": error.status,
                    "code": error.code,
                    "message": page_message(error.message),
                    "query": "",
                },
                status_code=error.status,
                headers=headers,
            )
    return JSONResponse(error_body(error.code, error.message), status_code=error.status, headers=headers)


def install_error_handler(app: FastAPI) -> None:
    """Route every kind of exception to :func:`handle_error`."""
    for kind in (ApiError, NewsloomError, RequestValidationError, StarletteHTTPException, Exception):
        app.add_exception_handler(kind, handle_error)
