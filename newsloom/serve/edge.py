"""The HTTP edge: which hosts and origins may talk to the server, and what one costly request may ask.

:class:`EdgeMiddleware` runs before any route (``GuardMiddleware`` wraps it), so the routes stay as
they are:

- **Host allow-list**: a request whose ``Host`` is not a localhost name (or one listed in
  ``NEWSLOOM_ALLOWED_HOSTS``, e.g. behind a reverse proxy) is a 400, so a DNS-rebinding page cannot
  read the API through a visitor's browser.
- **Cross-site form posts** (CSRF): a POST/PUT/PATCH/DELETE a browser sends from another site
  (``Sec-Fetch-Site: cross-site``, or an ``Origin`` that is not this server) is a 403.
- **Costly routes** (compare; analyze when served): each text at most ``MAX_TEXT_CHARS`` characters
  (413 that says so), and at most ``MAX_CONCURRENT_COSTLY`` of them at a time (503 with Retry-After).
- **405** answers carry the ``Allow`` header the router knows.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable
from typing import Any
from urllib.parse import parse_qsl, urlsplit

from starlette.requests import Request
from starlette.routing import Match
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from newsloom.serve.errors import ApiError

ALLOWED_HOSTS_ENV = "NEWSLOOM_ALLOWED_HOSTS"
#: Hosts the server answers to by default: it binds to loopback. "testserver" is the name
#: Starlette's TestClient sends; a single label with no public domain, so no page can rebind to it.
DEFAULT_ALLOWED_HOSTS = ("localhost", "127.0.0.1", "::1", "testserver")
#: Longest text one costly request may carry (characters): a long feature article (~3,000 words).
#: compare costs ~0.7 ms of CPU a character (a 100k + 50k request took 105 s), so two texts at the
#: cap take up to ~30 s; with MAX_CONCURRENT_COSTLY that bounds what strangers can make it spend.
MAX_TEXT_CHARS = 20_000
#: Costly requests served at once (the embedding model uses a core each); more wait for a 503.
MAX_CONCURRENT_COSTLY = 2
RETRY_AFTER_SECONDS = 5
#: (method, path) of the routes whose cost grows with the text they are sent.
COSTLY_ROUTES = frozenset({("POST", "/api/compare"), ("POST", "/compare"), ("POST", "/api/analyze")})
UNSAFE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})


def allowed_hosts(environ: dict[str, str] | None = None) -> tuple[str, ...]:
    """The Host names the server answers to: ``NEWSLOOM_ALLOWED_HOSTS`` (comma-separated; ``*.x.org``
    for subdomains, ``*`` for any) added to the localhost names."""
    extra = (environ if environ is not None else os.environ).get(ALLOWED_HOSTS_ENV, "")
    names = [n.strip().lower().strip("[]") for n in extra.split(",") if n.strip()]
    return DEFAULT_ALLOWED_HOSTS + tuple(names)


def host_name(netloc: str) -> str:
    """'Example.org:8000' -> 'example.org'; '[::1]:8000' -> '::1'."""
    netloc = netloc.strip().lower()
    if netloc.startswith("["):
        return netloc[1:].split("]", 1)[0]
    return netloc.rsplit(":", 1)[0] if netloc.count(":") == 1 else netloc


def is_allowed_host(host: str, allowed: Iterable[str]) -> bool:
    name = host_name(host)
    for pattern in allowed:
        if pattern == "*" or name == pattern:
            return True
        if pattern.startswith("*.") and name.endswith(pattern[1:]):
            return True
    return False


def is_cross_site(headers: dict[str, str], allowed: Iterable[str]) -> bool:
    """True when a browser sent this request from a page of another site (the CSRF case).

    Browsers send ``Sec-Fetch-Site`` and ``Origin`` with every POST; clients without them (curl,
    scripts) are not browsers carrying a visitor's access, so they pass."""
    site = headers.get("sec-fetch-site", "")
    if site in ("cross-site", "same-site"):
        return True
    origin = headers.get("origin")
    if origin is None:
        return False
    if origin == "null":  # sandboxed frames, file: pages
        return True
    origin_host = urlsplit(origin).netloc.lower()
    same = origin_host == headers.get("host", "").lower()
    return not same and not is_allowed_host(
        origin_host, [h for h in allowed if h not in DEFAULT_ALLOWED_HOSTS]
    )


#: Methods a 405's ``Allow`` header may list (the router is asked about each).
HTTP_METHODS = ("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE")


def allowed_methods(app: Any, scope: Scope) -> list[str]:
    """The methods the router accepts at this path (for the ``Allow`` header of a 405)."""
    routes = getattr(getattr(app, "router", None), "routes", [])
    found = [
        method
        for method in HTTP_METHODS
        if any(route.matches({**scope, "method": method})[0] is Match.FULL for route in routes)
    ]
    if "GET" in found and "HEAD" not in found:
        found.insert(found.index("GET") + 1, "HEAD")  # GuardMiddleware answers HEAD as a GET
    return found


def too_long(fields: dict[str, Any], limit: int = MAX_TEXT_CHARS) -> str | None:
    """The message for the first text field over ``limit`` characters, or None."""
    for name, value in fields.items():
        if isinstance(value, str) and len(value) > limit:
            return (
                f"{name} holds {len(value):,} characters; each text may hold {limit:,} at most over HTTP. "
                "Send the first part of the article (the lead carries what compare and analyze use), "
                "or run newsloom on your own machine for whole texts."
            )
    return None


async def body_fields(scope: Scope, body: bytes) -> dict[str, Any]:
    """The top-level fields of a JSON object or a form body ({} for anything else)."""
    media = dict(scope.get("headers") or []).get(b"content-type", b"").split(b";", 1)[0].strip().lower()
    if media == b"application/json":
        try:
            parsed = json.loads(body)
        except (ValueError, RecursionError):
            return {}  # the route reports the broken JSON itself
        return parsed if isinstance(parsed, dict) else {}
    if media == b"application/x-www-form-urlencoded":
        return dict(parse_qsl(body.decode("utf-8", "replace"), keep_blank_values=True))
    if media == b"multipart/form-data":
        request = Request(scope, _replay(body))
        async with request.form(max_files=0, max_fields=16) as form:
            return {key: value for key, value in form.items() if isinstance(value, str)}
    return {}


def _replay(body: bytes) -> Receive:
    """A ``receive`` that hands the buffered body to the next app."""
    sent = False

    async def receive() -> Message:
        nonlocal sent
        if sent:
            return {"type": "http.disconnect"}
        sent = True
        return {"type": "http.request", "body": body, "more_body": False}

    return receive


async def read_body(receive: Receive) -> bytes:
    chunks = []
    while True:
        message = await receive()
        if message["type"] != "http.request":
            break
        chunks.append(message.get("body", b""))
        if not message.get("more_body", False):
            break
    return b"".join(chunks)


class EdgeMiddleware:
    """Host allow-list, cross-site refusal, text caps and a concurrency limit on costly routes,
    ``Allow`` on 405 (see the module's docstring)."""

    def __init__(
        self,
        app: ASGIApp,
        hosts: Iterable[str] | None = None,
        max_text_chars: int = MAX_TEXT_CHARS,
        max_concurrent: int = MAX_CONCURRENT_COSTLY,
    ) -> None:
        self.app = app
        self.hosts = tuple(hosts) if hosts is not None else allowed_hosts()
        self.max_text_chars = max_text_chars
        self.max_concurrent = max_concurrent
        self.running = 0

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope.get("headers") or []}
        refusal = self._refusal(scope, headers)
        if refusal is not None:
            await self._send_error(scope, receive, send, refusal)
            return
        if (scope["method"], scope["path"]) in COSTLY_ROUTES:
            await self._costly(scope, receive, send)
            return
        await self.app(scope, receive, self._with_allow(scope, send))

    def _refusal(self, scope: Scope, headers: dict[str, str]) -> ApiError | None:
        host = headers.get("host", "")
        if not is_allowed_host(host, self.hosts):
            return ApiError(
                400,
                f"This server does not answer to the host {host_name(host)!r}. Open it as "
                f"http://localhost or http://127.0.0.1; behind a reverse proxy, list the public name in "
                f"{ALLOWED_HOSTS_ENV} (e.g. {ALLOWED_HOSTS_ENV}=news.example.org).",
                code="unknown_host",
            )
        if scope["method"] in UNSAFE_METHODS and is_cross_site(headers, self.hosts):
            return ApiError(
                403,
                "This form was sent from another site; newsloom accepts changes only from its own pages. "
                "Open the form on this server and send it again.",
                code="cross_site",
            )
        return None

    async def _costly(self, scope: Scope, receive: Receive, send: Send) -> None:
        try:
            body = await read_body(receive)
        except ApiError as exc:  # GuardMiddleware's body limit
            await self._send_error(scope, receive, send, exc)
            return
        message = too_long(await body_fields(scope, body), self.max_text_chars)
        if message is not None:
            await self._send_error(scope, receive, send, ApiError(413, message))
            return
        if self.running >= self.max_concurrent:
            busy = ApiError(
                503,
                f"{self.max_concurrent} comparisons are running already; send it again in a few seconds.",
                code="busy",
            )
            await self._send_error(scope, receive, send, busy, {"retry-after": str(RETRY_AFTER_SECONDS)})
            return
        self.running += 1  # no await between the check and this line: safe on the event loop
        try:
            await self.app(scope, _replay(body), send)
        finally:
            self.running -= 1

    def _with_allow(self, scope: Scope, send: Send) -> Send:
        async def send_with_allow(message: Message) -> None:
            if message["type"] == "http.response.start" and message.get("status") == 405:
                headers = list(message.get("headers", []))
                if not any(name.lower() == b"allow" for name, _ in headers):
                    methods = allowed_methods(scope.get("app"), scope)
                    headers.append((b"allow", ", ".join(methods).encode()))
                message = {**message, "headers": headers}
            await send(message)

        return send_with_allow

    async def _send_error(
        self, scope: Scope, receive: Receive, send: Send, error: ApiError, extra: dict[str, str] | None = None
    ) -> None:
        from newsloom.serve.errors import handle_error

        response = await handle_error(Request(scope, receive), error)
        response.headers.update(extra or {})
        await response(scope, receive, send)
