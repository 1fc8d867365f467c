"""Network faults against the local server: each gives a FetchError with a clear reason."""

from __future__ import annotations

import unicodedata

import pytest

from newsloom.watch.fetch import USER_AGENT, FetchConfig, Fetcher, FetchError, decode_body
from tests.watch.pages import article_html
from tests.watch.server import LocalServer

FAST = FetchConfig(timeout_s=2.0, host_delay_s=0.0, max_bytes=1024 * 1024)


def _fail(server: LocalServer, path: str, config: FetchConfig = FAST) -> FetchError:
    fetcher = Fetcher(config)
    try:
        with pytest.raises(FetchError) as caught:
            fetcher.get(server.url(path))
    finally:
        fetcher.close()
    return caught.value


def test_user_agent_and_conditional_get(server: LocalServer) -> None:
    server.set("/feed.xml", "<rss></rss>", etag='"v1"', last_modified="Tue, 03 Mar 2026 10:00:00 GMT")
    fetcher = Fetcher(FAST)
    first = fetcher.get(server.url("/feed.xml"))
    assert first.status == 200 and first.etag == '"v1"'
    second = fetcher.get(server.url("/feed.xml"), etag=first.etag, last_modified=first.last_modified)
    assert second.status == 304 and second.body == b""
    assert USER_AGENT in server.agents and all(a == USER_AGENT for a in server.agents)


def test_timeout(server: LocalServer) -> None:
    server.set("/slow", "late", delay_s=1.5)
    error = _fail(server, "/slow", FetchConfig(timeout_s=0.3, host_delay_s=0.0))
    assert error.reason == "timeout" and error.retry


@pytest.mark.parametrize(
    ("status", "retry"), [(404, False), (410, False), (500, True), (503, True), (429, True)]
)
def test_http_errors(server: LocalServer, status: int, retry: bool) -> None:
    server.set("/x", "no", status=status)
    error = _fail(server, "/x")
    assert error.reason == f"http-{status}" and error.retry is retry
    assert str(status) in str(error)


def test_redirect_loop(server: LocalServer) -> None:
    server.set("/a", status=302, location="/b")
    server.set("/b", status=302, location="/a")
    error = _fail(server, "/a")
    assert error.reason == "redirect-loop"
    assert server.hits["/a"] + server.hits["/b"] <= FAST.max_redirects + 2


def test_redirect_followed(server: LocalServer) -> None:
    server.set("/old", status=301, location="/new")
    server.set("/new", "moved here")
    fetcher = Fetcher(FAST)
    response = fetcher.get(server.url("/old"))
    assert response.url == server.url("/new") and response.body == b"moved here"


def test_huge_streamed_response_is_cut(server: LocalServer) -> None:
    server.set("/huge", endless=True)
    error = _fail(server, "/huge")
    assert error.reason == "too-large" and not error.retry
    assert "raise --max-bytes" in str(error)


def test_declared_length_over_cap(server: LocalServer) -> None:
    server.set("/big", b"x" * (FAST.max_bytes + 10))
    assert _fail(server, "/big").reason == "too-large"


def test_robots_txt_honoured(server: LocalServer) -> None:
    server.set("/robots.txt", "User-agent: newsloom\nDisallow: /private/\n", content_type="text/plain")
    server.set("/private/page", "secret")
    server.set("/public/page", "fine")
    fetcher = Fetcher(FAST)
    with pytest.raises(FetchError) as caught:
        fetcher.get(server.url("/private/page"))
    assert caught.value.reason == "robots" and not caught.value.retry
    assert server.hits["/private/page"] == 0
    assert fetcher.get(server.url("/public/page")).body == b"fine"
    assert server.hits["/robots.txt"] == 1  # read once, cached


def test_robots_unreachable_means_stay_away(server: LocalServer) -> None:
    server.set("/robots.txt", "down", status=503)
    server.set("/page", "x")
    error = _fail(server, "/page")
    assert error.reason == "robots-unreachable" and error.retry  # the page is not given up for good
    assert server.hits["/page"] == 0


def test_politeness_delay_per_host(server: LocalServer) -> None:
    server.set("/p", "x")
    fetcher = Fetcher(FetchConfig(host_delay_s=0.3))
    for _ in range(3):
        fetcher.get(server.url("/p"))
    times = server.times["/p"]
    gaps = [b - a for a, b in zip(times, times[1:], strict=False)]
    assert len(gaps) == 2 and min(gaps) >= 0.25


def to_cp1258(text: str) -> bytes:
    """Windows-1258 keeps some letters precomposed (ê, ơ) and writes tones as combining marks."""
    out = bytearray()
    for char in text:
        try:
            out += char.encode("cp1258")
            continue
        except UnicodeEncodeError:
            pass
        base, *marks = unicodedata.normalize("NFD", char)
        for i, tone in enumerate(marks):  # precompose the other marks with the letter, tone after it
            rest = "".join(marks[:i] + marks[i + 1 :])
            try:
                out += (unicodedata.normalize("NFC", base + rest) + tone).encode("cp1258")
                break
            except UnicodeEncodeError:
                continue
        else:
            raise AssertionError(f"{char!r} has no Windows-1258 spelling")
    return bytes(out)


@pytest.mark.parametrize(
    ("charset", "header", "meta"),
    [("cp1258", True, False), ("cp1258", False, False), ("iso-8859-1", False, True), ("cp1252", True, True)],
)
def test_legacy_encodings(server: LocalServer, charset: str, header: bool, meta: bool) -> None:
    if charset == "cp1258":
        html = article_html("hoi-dam-ha-noi", meta_charset=False)
        data = to_cp1258(html)
    else:
        html = article_html("harbour-opens", charset=charset, meta_charset=meta).replace(
            "Danang", "Dànang café"
        )
        data = html.encode(charset)
    assert data != html.encode("utf-8")
    content_type = f"text/html; charset={charset}" if header else "text/html"
    server.set("/page", data, content_type=content_type)
    text = decode_body(Fetcher(FAST).get(server.url("/page")))
    assert text is not None
    assert unicodedata.normalize("NFC", text) == unicodedata.normalize("NFC", html)
