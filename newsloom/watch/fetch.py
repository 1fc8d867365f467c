"""HTTP for the watcher: one httpx client, a clear User-Agent, timeouts, a streamed size cap,
conditional GETs, robots.txt and a per-host politeness delay and concurrency limit.

Every network fault becomes a ``FetchError`` with a short ``reason`` (stored as the source's last
status) and a sentence a person can act on; nothing here raises anything else for a bad response.
"""

from __future__ import annotations

import importlib.util
import re
import threading
import time
import unicodedata
import urllib.robotparser
from dataclasses import dataclass, field
from email.message import Message
from urllib.parse import urlsplit

import httpx

import newsloom

USER_AGENT = f"newsloom/{newsloom.__version__} (+https://github.com/newsloom/newsloom; news monitor)"
#: the product token robots.txt rules are matched against
ROBOTS_AGENT = "newsloom"
#: seconds before an unreadable robots.txt (5xx, timeout) is tried again
ROBOTS_RETRY_S = 60.0


@dataclass(frozen=True)
class FetchConfig:
    """How politely and how far the watcher fetches (one typed object, CLI flags fill it)."""

    user_agent: str = USER_AGENT
    timeout_s: float = 20.0
    #: responses larger than this are cut off and refused (a feed or page, never a 200 MB dump)
    max_bytes: int = 10 * 1024 * 1024
    max_redirects: int = 5
    #: seconds between two requests to the same host (EMM and GDELT crawl each outlet gently)
    host_delay_s: float = 1.0
    #: requests in flight to one host at a time
    host_concurrency: int = 2
    #: seconds a host's robots.txt is trusted before it is read again
    robots_ttl_s: float = 3600.0
    obey_robots: bool = True


@dataclass(frozen=True)
class Response:
    url: str  # after redirects
    status: int  # 200 or 304
    body: bytes = b""
    etag: str | None = None
    last_modified: str | None = None
    content_type: str = ""
    charset: str | None = None


class FetchError(Exception):
    """A fetch that gave nothing usable: ``reason`` is short (for a status column), str() is the sentence."""

    def __init__(self, url: str, reason: str, message: str, *, retry: bool = True) -> None:
        super().__init__(f"{url}: {message}")
        self.url = url
        self.reason = reason
        self.retry = retry  # False: trying again later will not help (robots.txt, 404, not a feed)


def _charset(content_type: str) -> str | None:
    message = Message()
    message["content-type"] = content_type
    charset = message.get_param("charset")
    return str(charset).strip().lower() if isinstance(charset, str) and charset.strip() else None


@dataclass
class _HostState:
    gate: threading.Semaphore
    lock: threading.Lock = field(default_factory=threading.Lock)
    next_at: float = 0.0
    robots: urllib.robotparser.RobotFileParser | None = None
    robots_at: float = -1e18
    robots_error: str | None = None


class Fetcher:
    """Thread-safe: the watcher's worker threads share one client and one politeness state per host."""

    def __init__(
        self, config: FetchConfig | None = None, transport: httpx.BaseTransport | None = None
    ) -> None:
        self.config = config or FetchConfig()
        self.client = httpx.Client(
            headers={"User-Agent": self.config.user_agent, "Accept-Encoding": "gzip, deflate"},
            http2=importlib.util.find_spec("h2") is not None,  # HTTP/2 where the optional h2 is installed
            timeout=httpx.Timeout(self.config.timeout_s),
            follow_redirects=True,
            max_redirects=self.config.max_redirects,
            transport=transport,
        )
        self._hosts: dict[str, _HostState] = {}
        self._hosts_lock = threading.Lock()
        self.requests = 0

    def close(self) -> None:
        self.client.close()

    def _host(self, url: str) -> _HostState:
        host = urlsplit(url).netloc.lower()
        with self._hosts_lock:
            if host not in self._hosts:
                self._hosts[host] = _HostState(threading.Semaphore(self.config.host_concurrency))
            return self._hosts[host]

    def _wait_turn(self, state: _HostState) -> None:
        """Sleep until this host's politeness delay since its previous request has passed."""
        with state.lock:
            now = time.monotonic()
            start = max(now, state.next_at)
            state.next_at = start + self.config.host_delay_s
        if start > now:
            time.sleep(start - now)

    def allowed(self, url: str) -> bool:
        """Whether the host's robots.txt lets this user agent fetch ``url`` (RFC 9309 fallbacks).

        Raises a retryable FetchError while robots.txt cannot be read (5xx, timeout): the host is
        left alone until it can, as RFC 9309 asks, without giving up the pages for good.
        """
        if not self.config.obey_robots:
            return True
        state = self._host(url)
        if time.monotonic() - state.robots_at > (
            ROBOTS_RETRY_S if state.robots_error else self.config.robots_ttl_s
        ):
            state.robots, state.robots_error = self._read_robots(url)
            state.robots_at = time.monotonic()
        if state.robots_error:
            raise FetchError(
                url, "robots-unreachable", f"robots.txt cannot be read ({state.robots_error}); will retry."
            )
        return state.robots is None or state.robots.can_fetch(ROBOTS_AGENT, url)

    def _read_robots(self, url: str) -> tuple[urllib.robotparser.RobotFileParser | None, str | None]:
        """(parsed rules or None when there are none, the reason robots.txt is unreadable)."""
        parts = urlsplit(url)
        robots_url = f"{parts.scheme}://{parts.netloc}/robots.txt"
        parser = urllib.robotparser.RobotFileParser(robots_url)
        try:
            response = self._get(robots_url, {}, max_bytes=512 * 1024)
        except FetchError as exc:
            if exc.reason.startswith("http-4") and exc.reason != "http-429":
                return None, None  # no robots.txt: everything is allowed
            return None, exc.reason
        parser.parse(response.body.decode(response.charset or "utf-8", errors="replace").splitlines())
        return parser, None

    def get(self, url: str, *, etag: str | None = None, last_modified: str | None = None) -> Response:
        """GET ``url`` (conditionally when validators are given), politely; raise FetchError on any fault."""
        if not self.allowed(url):
            raise FetchError(
                url, "robots", "robots.txt of this site disallows it for newsloom; skipped.", retry=False
            )
        headers = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        return self._get(url, headers, max_bytes=self.config.max_bytes)

    def _get(self, url: str, headers: dict[str, str], *, max_bytes: int) -> Response:
        state = self._host(url)
        with state.gate:
            self._wait_turn(state)
            self.requests += 1
            try:
                return self._stream(url, headers, max_bytes)
            except httpx.TooManyRedirects:
                raise FetchError(
                    url, "redirect-loop", f"more than {self.config.max_redirects} redirects (a loop?)."
                ) from None
            except httpx.TimeoutException as exc:
                raise FetchError(
                    url, "timeout", f"no answer within {self.config.timeout_s:g} s ({type(exc).__name__})."
                ) from None
            except httpx.HTTPError as exc:
                raise FetchError(
                    url, "network", f"network error ({type(exc).__name__}: {exc}); will retry."
                ) from None

    def _stream(self, url: str, headers: dict[str, str], max_bytes: int) -> Response:
        with self.client.stream("GET", url, headers=headers) as response:
            if response.status_code == 304:
                return Response(str(response.url), 304, etag=headers.get("If-None-Match"))
            if response.status_code >= 400:
                retry = response.status_code >= 500 or response.status_code in (408, 429)
                raise FetchError(
                    url, f"http-{response.status_code}",
                    f"the server answered {response.status_code} {response.reason_phrase}.", retry=retry,
                )  # fmt: skip
            declared = response.headers.get("content-length")
            if declared and declared.isdigit() and int(declared) > max_bytes:
                raise FetchError(url, "too-large", _too_large(int(declared), max_bytes), retry=False)
            chunks: list[bytes] = []
            size = 0
            for chunk in response.iter_bytes():
                size += len(chunk)
                if size > max_bytes:
                    raise FetchError(url, "too-large", _too_large(size, max_bytes), retry=False)
                chunks.append(chunk)
            content_type = response.headers.get("content-type", "")
            return Response(
                url=str(response.url), status=response.status_code, body=b"".join(chunks),
                etag=response.headers.get("etag"), last_modified=response.headers.get("last-modified"),
                content_type=content_type, charset=_charset(content_type),
            )  # fmt: skip


def _too_large(size: int, max_bytes: int) -> str:
    return (
        f"the response is over {max_bytes:,} bytes (read {size:,} before stopping); "
        "raise --max-bytes if this source really serves such pages."
    )


def decode_body(response: Response) -> str | None:
    """The body as NFC text: the charset the server or the page declares, else newsloom's detection (cp1258)."""
    from newsloom.ingest.decode import decode_text

    if response.charset:
        try:
            return unicodedata.normalize("NFC", response.body.decode(response.charset))
        except (LookupError, UnicodeDecodeError):
            pass  # a wrong or unknown declared charset: detect it instead
    declared = META_CHARSET.search(response.body[:4096])
    if declared:
        try:
            return unicodedata.normalize(
                "NFC", response.body.decode(declared.group(1).decode("ascii").lower())
            )
        except (LookupError, UnicodeDecodeError):
            pass
    decoded = decode_text(response.body)
    return decoded[0] if decoded else None


#: ``<meta charset="...">``, ``<meta http-equiv content="...; charset=...">`` or ``<?xml encoding="...">``
META_CHARSET = re.compile(rb"""(?:charset|encoding)\s*=\s*["']?([A-Za-z0-9_.:-]{2,40})""", re.IGNORECASE)
