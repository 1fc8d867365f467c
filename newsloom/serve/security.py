"""The write side closed to strangers: token checks, request size limits and security headers."""

from __future__ import annotations

import hmac
import ipaddress
import re
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

from fastapi import Request

from newsloom.serve.errors import ApiError

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

TOKEN_ENV = "NEWSLOOM_TOKEN"
TOKEN_HEADER = "X-Newsloom-Token"

#: Scripts, styles and images only from this server; no inline script, no framing, no plugins.
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'"
)
SECURITY_HEADERS = {
    "content-security-policy": CONTENT_SECURITY_POLICY,
    "x-content-type-options": "nosniff",
    "x-frame-options": "DENY",
    "referrer-policy": "same-origin",  # "no-referrer" makes browsers send "Origin: null" on form posts
    "cross-origin-opener-policy": "same-origin",
    "permissions-policy": "camera=(), microphone=(), geolocation=()",
}
#: Largest request body any route reads (uploads included): 5 MB is far above any news article.
MAX_BODY_BYTES = 5 * 1024 * 1024


def given_token(request: Request, form_token: str | None = None) -> str | None:
    """The token a client sent: ``Authorization: Bearer ...``, ``X-Newsloom-Token``, or a form field."""
    auth = request.headers.get("authorization", "")
    if auth.lower().startswith("bearer "):
        return auth[7:].strip() or None
    return request.headers.get(TOKEN_HEADER) or form_token or None


def check_token(configured: str | None, given: str | None) -> None:
    """Allow a write only with the configured token (compared in constant time)."""
    if not configured:
        raise ApiError(
            403,
            f"Writes are off: this server was started without a token. Set {TOKEN_ENV} and restart "
            "the server to allow uploads.",
            code="writes_disabled",
        )
    if not given:
        raise ApiError(
            401,
            f"This action changes the store and needs the server's token: send 'Authorization: Bearer "
            f"<token>' (or the {TOKEN_HEADER} header).",
        )
    if not hmac.compare_digest(given.encode("utf-8"), configured.encode("utf-8")):
        raise ApiError(403, "The token is wrong. Use the value of NEWSLOOM_TOKEN the server runs with.")


#: A numeric id in a URL: ASCII digits only ("²".isdigit() is true, int("²") fails), at most 18 of
#: them (fits a 64-bit integer).
NUMERIC_ID = re.compile(r"[0-9]{1,18}")


def parse_int_id(raw: str) -> int | None:
    """The integer id a URL segment holds, or None when it is not ``[0-9]{1,18}``."""
    return int(raw) if NUMERIC_ID.fullmatch(raw) else None


def is_loopback(host: str) -> bool:
    """True for 127.0.0.1, ::1 and localhost (the only default bind)."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


class GuardMiddleware:
    """Adds the security headers to every response and refuses bodies over ``max_body`` with 413;
    inside it, :class:`~newsloom.serve.edge.EdgeMiddleware` checks the Host, cross-site posts and
    the cost of compare/analyze requests."""

    def __init__(self, app: ASGIApp, max_body: int = MAX_BODY_BYTES) -> None:
        from newsloom.serve.edge import EdgeMiddleware

        self.app: ASGIApp = EdgeMiddleware(app)
        self.max_body = max_body

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        head = scope["method"] == "HEAD"
        if head:  # HEAD is a GET without the body (curl -I, link checkers, uptime probes)
            scope = {**scope, "method": "GET"}
        declared = dict(scope.get("headers") or []).get(b"content-length")
        if (
            declared is not None
            and NUMERIC_ID.fullmatch(declared.decode("latin-1"))
            and int(declared) > self.max_body
        ):
            await self._refuse(scope, receive, send)
            return
        received = 0

        async def counted_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_body:
                    raise ApiError(413, self._too_large())
            return message

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                present = {name.lower() for name, _ in headers}
                for name, value in SECURITY_HEADERS.items():
                    if name.encode() not in present:
                        headers.append((name.encode(), value.encode()))
                message["headers"] = headers
            elif message["type"] == "http.response.body" and head:
                message = {**message, "body": b""}
            await send(message)

        await self.app(scope, counted_receive, send_with_headers)

    def _too_large(self) -> str:
        return (
            f"The request body is larger than {self.max_body // (1024 * 1024)} MB. Split the upload "
            "into smaller files."
        )

    async def _refuse(self, scope: Scope, receive: Receive, send: Send) -> None:
        from newsloom.serve.errors import handle_error

        request = Request(scope, receive)
        response = await handle_error(request, ApiError(413, self._too_large()))
        response.headers.update(SECURITY_HEADERS)
        await response(scope, receive, send)
