"""A local HTTP server on 127.0.0.1 for the watch tests: routes that tests change between polls,
ETag/Last-Modified answered with 304, errors, slow and endless responses, redirect loops."""

from __future__ import annotations

import threading
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class Route:
    body: bytes = b""
    status: int = 200
    content_type: str = "text/html; charset=utf-8"
    etag: str | None = None
    last_modified: str | None = None
    delay_s: float = 0.0
    location: str | None = None  # a redirect target (with status 301/302)
    endless: bool = False  # stream zero bytes until the client hangs up (a "200 MB" response)


@dataclass
class LocalServer:
    routes: dict[str, Route] = field(default_factory=dict)
    hits: Counter[str] = field(default_factory=Counter)
    times: dict[str, list[float]] = field(default_factory=dict)
    agents: list[str] = field(default_factory=list)
    posts: list[tuple[str, bytes]] = field(default_factory=list)
    post_times: list[tuple[float, bytes]] = field(default_factory=list)  # (monotonic time, body)
    port: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def set(self, path: str, body: str | bytes = b"", **kwargs: object) -> None:
        data = body.encode("utf-8") if isinstance(body, str) else body
        self.routes[path] = Route(body=data, **kwargs)  # type: ignore[arg-type]


class _Handler(BaseHTTPRequestHandler):
    state: LocalServer  # set on the subclass made per server
    protocol_version = "HTTP/1.1"

    def log_message(self, *args: object) -> None:  # quiet
        pass

    def _record(self) -> Route | None:
        with self.state.lock:
            self.state.hits[self.path] += 1
            self.state.times.setdefault(self.path, []).append(time.monotonic())
            self.state.agents.append(self.headers.get("User-Agent", ""))
        return self.state.routes.get(self.path)

    def do_POST(self) -> None:  # noqa: N802
        route = self._record()
        length = int(self.headers.get("Content-Length") or 0)
        data = self.rfile.read(length)
        with self.state.lock:
            self.state.posts.append((self.path, data))
            self.state.post_times.append((time.monotonic(), data))
        status = route.status if route else 404
        self.send_response(status)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def do_GET(self) -> None:  # noqa: N802
        route = self._record()
        if route is None:
            self._send(404, b"not found", "text/plain")
            return
        if route.delay_s:
            time.sleep(route.delay_s)
        if route.location:
            self.send_response(route.status)
            self.send_header("Location", route.location)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        fresh = (route.etag and self.headers.get("If-None-Match") == route.etag) or (
            route.last_modified and self.headers.get("If-Modified-Since") == route.last_modified
        )
        if fresh:
            self.send_response(304)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        if route.endless:
            self._endless()
            return
        self._send(route.status, route.body, route.content_type, route)

    def _send(self, status: int, body: bytes, content_type: str, route: Route | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        if route and route.etag:
            self.send_header("ETag", route.etag)
        if route and route.last_modified:
            self.send_header("Last-Modified", route.last_modified)
        self.end_headers()
        self.wfile.write(body)

    def _endless(self) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.send_header("Transfer-Encoding", "chunked")
        self.end_headers()
        chunk = b"<p>" + b"x" * 65536 + b"</p>"
        try:
            for _ in range(200 * 16):  # about 200 MB if nobody stops reading
                self.wfile.write(f"{len(chunk):x}\r\n".encode() + chunk + b"\r\n")
            self.wfile.write(b"0\r\n\r\n")
        except (BrokenPipeError, ConnectionResetError):
            pass


def _handler(server: LocalServer) -> type[BaseHTTPRequestHandler]:
    return type("Handler", (_Handler,), {"state": server})


class _QuietServer(ThreadingHTTPServer):
    def handle_error(self, request: object, client_address: object) -> None:
        """A client that hangs up (a size cap, a timeout, a killed watcher) is expected here."""


def serve() -> Iterator[LocalServer]:
    state = LocalServer()
    httpd = _QuietServer(("127.0.0.1", 0), _handler(state))
    httpd.daemon_threads = True
    state.port = httpd.server_address[1]
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield state
    finally:
        httpd.shutdown()
        httpd.server_close()


#: Words the generated test pages are made of (tests and bench/watch.py).
WORDS = [
    "minister",
    "harbour",
    "council",
    "river",
    "election",
    "budget",
    "farmers",
    "market",
    "province",
    "school",
    "bridge",
    "storm",
    "railway",
    "hospital",
    "court",
    "village",
    "festival",
    "teachers",
    "export",
    "rice",
    "coffee",
    "fishermen",
    "coast",
    "airport",
]
