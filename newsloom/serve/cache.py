"""Responses of the read pages and their JSON (timeline, stories, events, stats, trends, search) kept
until the store changes.

Every cached response is stamped with the store's version (``store.articles.article_version``: the
article count and the newest ingest time, and the search index's newest document, which a separate
writer may add after the articles); the version is read again at most every ``check_seconds``, and a
response of an older version is never served. Only ``GET`` answers with
status 200 and a bounded body are kept, in a bounded least-recently-used table, keyed by path, query
and the ``Accept`` header (a page and its JSON differ). Every process has its own table.
"""

from __future__ import annotations

import asyncio
import re
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass

from starlette.types import ASGIApp, Message, Receive, Scope, Send

#: Paths whose answers depend only on the store (its articles and search index) and the request.
CACHED_PATHS = re.compile(r"^(/api)?(/|/(timeline|stats|trends|stories|storylines|events)(/[^/]+)?|/search)$")
#: The interface language's cookie (``serve.i18n``), read for the cache key.
LANGUAGE_COOKIE = re.compile(rb"(?:^|;\s*)newsloom_lang=([A-Za-z-]{1,8})")
#: Entries kept (least recently used dropped first) and the largest body kept.
MAX_ENTRIES = 1024
MAX_BODY_BYTES = 2 * 1024 * 1024
#: How often the store's version is read again: a change shows within this long.
CHECK_SECONDS = 1.0


@dataclass(frozen=True)
class CachedResponse:
    version: object
    status: int
    headers: list[tuple[bytes, bytes]]
    body: bytes


class StoreVersion:
    """The store's version, read at most every ``check_seconds`` (``read`` queries the store)."""

    def __init__(self, read: Callable[[], object], check_seconds: float | None = None) -> None:
        self.read = read
        self.check_seconds = CHECK_SECONDS if check_seconds is None else check_seconds
        self._value: object = None
        self._read_at = float("-inf")
        self._lock = threading.Lock()

    def known(self) -> tuple[bool, object]:
        """(True, the version) while it was read less than ``check_seconds`` ago, else (False, None):
        the event loop answers from memory without handing the request to a thread, and never waits
        for a thread that is reading it."""
        if not self._lock.acquire(blocking=False):
            return False, None
        try:
            if time.monotonic() - self._read_at < self.check_seconds:
                return True, self._value
            return False, None
        finally:
            self._lock.release()

    def current(self) -> object:
        with self._lock:
            now = time.monotonic()
            if now - self._read_at >= self.check_seconds:
                self._value = self.read()
                self._read_at = now
            return self._value


class KeptResponses(OrderedDict[tuple[str, bytes, bytes], CachedResponse]):
    """The kept responses of one app (``app.state.response_cache``; ``clear()`` empties it)."""


class ResponseCache:
    """ASGI middleware: serve a kept response while the store's version is the one it was made at."""

    def __init__(
        self, app: ASGIApp, version: StoreVersion, entries: KeptResponses, max_entries: int = MAX_ENTRIES
    ) -> None:
        self.app = app
        self.version = version
        self.max_entries = max_entries
        self.entries = entries
        self.hits = 0
        self.misses = 0
        # the key being made now -> set when it is done: a request for it meanwhile waits and takes
        # the kept answer, instead of making it again (32 readers opening "/" at once made it 32 times)
        self.in_flight: dict[tuple[str, bytes, bytes], asyncio.Event] = {}

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "GET" or not CACHED_PATHS.match(scope["path"]):
            await self.app(scope, receive, send)
            return
        headers = dict(scope.get("headers") or [])
        # a page is drawn in the reader's interface language (``?lang=``, else the cookie, else
        # Accept-Language): both belong to the key, or a Vietnamese reader gets an Indonesian page
        chosen = LANGUAGE_COOKIE.search(headers.get(b"cookie", b""))
        variant = b"|".join(
            [
                headers.get(b"accept", b""),
                chosen.group(1) if chosen else b"",
                headers.get(b"accept-language", b""),
            ]
        )
        key = (scope["path"], scope.get("query_string", b""), variant)
        fresh, version = self.version.known()
        if not fresh:  # reading it queries the store: not on the event loop
            version = await asyncio.to_thread(self.version.current)
        if await self._send_kept(send, key, version):
            return
        making = self.in_flight.get(key)
        if making is not None:
            await making.wait()
            if await self._send_kept(send, key, version):
                return  # made by the request this one waited for
        self.misses += 1
        done = self.in_flight.setdefault(key, asyncio.Event())
        try:
            await self._forward(scope, receive, send, key, version)
        finally:
            if self.in_flight.get(key) is done:
                del self.in_flight[key]
            done.set()

    async def _send_kept(self, send: Send, key: tuple[str, bytes, bytes], version: object) -> bool:
        found = self.entries.get(key)
        if found is None or found.version != version:
            return False
        self.entries.move_to_end(key)
        self.hits += 1
        await send({"type": "http.response.start", "status": found.status, "headers": found.headers})
        await send({"type": "http.response.body", "body": found.body})
        return True

    async def _forward(
        self, scope: Scope, receive: Receive, send: Send, key: tuple[str, bytes, bytes], version: object
    ) -> None:
        start: Message = {}
        parts: list[bytes] = []
        keep = True

        async def keeping_send(message: Message) -> None:
            nonlocal start, keep
            if message["type"] == "http.response.start":
                start = message
                keep = message["status"] == 200
            elif message["type"] == "http.response.body" and keep:
                parts.append(message.get("body", b""))
                keep = sum(map(len, parts)) <= MAX_BODY_BYTES
                if keep and not message.get("more_body", False):
                    self._keep(key, version, start, b"".join(parts))
            await send(message)

        await self.app(scope, receive, keeping_send)

    def _keep(self, key: tuple[str, bytes, bytes], version: object, start: Message, body: bytes) -> None:
        headers = [(bytes(k), bytes(v)) for k, v in start.get("headers", [])]
        self.entries[key] = CachedResponse(version, int(start["status"]), headers, body)
        self.entries.move_to_end(key)
        while len(self.entries) > self.max_entries:
            self.entries.popitem(last=False)
