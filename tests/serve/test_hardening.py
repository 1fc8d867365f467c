"""The HTTP edge: Host allow-list, cross-site posts, Allow on 405, numeric ids, text caps and the
concurrency limit of costly routes (newsloom/serve/edge.py, security.py)."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("fastapi", reason="the serve extra (fastapi) is not installed")

from fastapi.testclient import TestClient  # noqa: E402

from newsloom.serve.api import create_app  # noqa: E402
from newsloom.serve.edge import MAX_TEXT_CHARS, EdgeMiddleware, allowed_hosts, is_allowed_host  # noqa: E402
from newsloom.serve.security import parse_int_id  # noqa: E402

TOKEN = "edge-token-81c2"


@pytest.fixture(scope="module")
def edge_client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    """An app over an empty store: every check here happens before any route reads it."""
    db = tmp_path_factory.mktemp("edge") / "edge.db"
    with TestClient(create_app(str(db), token=TOKEN), raise_server_exceptions=False) as client:
        yield client


def _error(response: Any, status: int, code: str | None = None) -> str:
    assert response.status_code == status, response.text
    body = response.json()
    if code is not None:
        assert body["error"]["code"] == code
    assert response.headers["x-frame-options"] == "DENY"  # the security headers are on errors too
    return str(body["error"]["message"])


# -- Host allow-list ------------------------------------------------------------------------------
def test_an_unknown_host_is_refused_with_what_to_do(edge_client: TestClient) -> None:
    message = _error(
        edge_client.get("/api", headers={"host": "rebind.attacker.example"}), 400, "unknown_host"
    )
    assert "rebind.attacker.example" in message and "NEWSLOOM_ALLOWED_HOSTS" in message


@pytest.mark.parametrize("host", ["localhost:8000", "127.0.0.1:8000", "[::1]:8000", "LOCALHOST"])
def test_localhost_names_are_served(edge_client: TestClient, host: str) -> None:
    assert edge_client.get("/api", headers={"host": host}).status_code == 200


def test_a_reverse_proxy_name_is_configured_by_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NEWSLOOM_ALLOWED_HOSTS", "news.example.org, *.mirror.example.net")
    with TestClient(create_app(str(tmp_path / "proxy.db"))) as client:
        assert client.get("/api", headers={"host": "news.example.org"}).status_code == 200
        assert client.get("/api", headers={"host": "eu.mirror.example.net"}).status_code == 200
        assert client.get("/api", headers={"host": "example.org"}).status_code == 400


def test_host_patterns() -> None:
    hosts = allowed_hosts({"NEWSLOOM_ALLOWED_HOSTS": "*.example.org"})
    assert is_allowed_host("a.example.org:443", hosts)
    assert not is_allowed_host("example.org.evil.net", hosts)
    assert not is_allowed_host("badexample.org", hosts)
    assert is_allowed_host("anything.net", allowed_hosts({"NEWSLOOM_ALLOWED_HOSTS": "*"}))


# -- cross-site posts -----------------------------------------------------------------------------
@pytest.mark.parametrize(
    "headers",
    [
        {"origin": "https://attacker.example"},
        {"origin": "null"},
        {"sec-fetch-site": "cross-site"},
        {"origin": "http://localhost:3000"},  # another local app is another origin
    ],
)
def test_a_cross_site_form_post_is_refused(edge_client: TestClient, headers: dict[str, str]) -> None:
    form = {"text_a": "The minister met them.", "text_b": "Menteri bertemu mereka."}
    _error(edge_client.post("/compare", data=form, headers=headers), 403, "cross_site")
    upload = edge_client.post(
        "/upload",
        files={"file": ("a.txt", b"The minister met the delegation.", "text/plain")},
        data={"token": TOKEN},
        headers=headers,
    )
    _error(upload, 403, "cross_site")


def test_a_same_origin_post_passes_the_origin_check(edge_client: TestClient) -> None:
    response = edge_client.post(
        "/api/compare",
        json={"text_a": "", "text_b": "b"},
        headers={"origin": "http://testserver", "sec-fetch-site": "same-origin"},
    )
    assert response.status_code == 422  # reached the route, which refuses the empty text


# -- 405 and ids ----------------------------------------------------------------------------------
def test_405_says_which_methods_are_allowed(edge_client: TestClient) -> None:
    response = edge_client.get("/api/compare")
    _error(response, 405)
    assert response.headers["allow"] == "POST"
    assert edge_client.delete("/api/articles").headers["allow"] == "GET, HEAD"


@pytest.mark.parametrize("raw", ["%C2%B2", "%D9%A3", "1234567890123456789", "-1", "1e3"])
@pytest.mark.parametrize(
    "prefix", ["/api/events/", "/api/entities/", "/api/stories/", "/events/", "/entities/"]
)
def test_an_id_that_is_not_ascii_digits_is_a_404_not_a_500(
    edge_client: TestClient, prefix: str, raw: str
) -> None:
    response = edge_client.get(prefix + raw, headers={"accept": "application/json"})
    assert response.status_code == 404, response.text


def test_parse_int_id() -> None:
    assert parse_int_id("42") == 42 and parse_int_id("0" * 18) == 0
    assert parse_int_id("²") is None and parse_int_id("٣") is None and parse_int_id("9" * 19) is None


# -- costly routes --------------------------------------------------------------------------------
def test_a_compare_text_over_the_cap_is_a_413_that_says_the_cap(edge_client: TestClient) -> None:
    body = {"text_a": "x" * (MAX_TEXT_CHARS + 1), "text_b": "b"}
    message = _error(edge_client.post("/api/compare", json=body), 413, "too_large")
    assert "text_a" in message and f"{MAX_TEXT_CHARS:,}" in message
    form = {"text_a": "a", "text_b": "é" * (MAX_TEXT_CHARS + 1)}
    assert "text_b" in _error(edge_client.post("/compare", data=form), 413)
    multipart = edge_client.post(
        "/compare", files={"text_a": (None, "a"), "text_b": (None, "y" * (MAX_TEXT_CHARS + 1))}
    )
    _error(multipart, 413)


def test_costly_requests_beyond_the_limit_get_a_503_with_retry_after() -> None:
    httpx = pytest.importorskip("httpx")
    release = asyncio.Event()
    started = 0

    async def slow_app(scope: Any, receive: Any, send: Any) -> None:
        nonlocal started
        started += 1
        await release.wait()
        await send({"type": "http.response.start", "status": 200, "headers": []})
        await send({"type": "http.response.body", "body": b"ok"})

    edge = EdgeMiddleware(slow_app, hosts=("testserver",), max_concurrent=1)

    async def scenario() -> tuple[int, int, str | None]:
        transport = httpx.ASGITransport(app=edge)
        async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as client:
            first = asyncio.create_task(client.post("/api/compare", json={"text_a": "a", "text_b": "b"}))
            while started == 0:
                await asyncio.sleep(0.01)
            second = await client.post("/api/compare", json={"text_a": "a", "text_b": "b"})
            release.set()
            done = await first
            return done.status_code, second.status_code, second.headers.get("retry-after")

    first_status, second_status, retry_after = asyncio.run(scenario())
    assert (first_status, second_status) == (200, 503)
    assert retry_after is not None and int(retry_after) > 0
    assert edge.running == 0  # the slot is given back


# -- a file no reader foresaw is a 422 with the reason, never a 500 --------------------------------
def test_an_upload_of_deeply_nested_jsonl_is_a_422_that_says_why(edge_client: TestClient) -> None:
    deep = b"[" * 100_000 + b"]" * 100_000
    response = edge_client.post(
        "/api/ingest",
        files={"file": ("crawl.jsonl", b'{"text": ' + deep + b"}\n", "application/jsonl")},
        headers={"authorization": f"Bearer {TOKEN}"},
    )
    message = _error(response, 422, "invalid")
    assert "crawl.jsonl" in message and "nested" in message


@pytest.mark.parametrize(
    "path", ["/events/999999", "/articles/nope", "/?page=abc", "/events?type=NOPE", "/nothere"]
)
def test_a_page_error_read_without_an_accept_header_is_the_html_error_page_as_the_page_is(
    edge_client: TestClient, path: str
) -> None:
    """curl sends ``Accept: */*`` and gets the HTML page; its error is the HTML error page too."""
    response = edge_client.get(path, headers={"accept": "*/*"})
    assert response.status_code in {404, 422}
    assert response.headers["content-type"].startswith("text/html")
    assert '<p class="message">' in response.text
    assert (
        "/api/" not in response.text.split('<p class="message">')[1].split("</p>")[0]
    )  # pages point to pages
    asked = edge_client.get(path, headers={"accept": "application/json"})
    assert asked.status_code == response.status_code and asked.json()["error"]["message"]
    api = edge_client.get(
        "/api" + path if path.startswith("/e") else "/api/nothere", headers={"accept": "*/*"}
    )
    assert api.headers["content-type"].startswith("application/json")


def test_a_search_of_blanks_is_refused_as_an_empty_one_is(client: TestClient) -> None:
    for q in ("", "   "):  # "   " answered an empty list with 200, "" a 422
        response = client.get("/api/search", params={"q": q})
        assert response.status_code == 422 and "q" in response.json()["error"]["message"]


def test_a_port_in_use_is_said_before_serving_with_what_to_do(tmp_path: Path) -> None:
    import socket

    from newsloom.errors import NewsloomError
    from newsloom.serve import run_server

    taken = socket.socket()
    taken.bind(("127.0.0.1", 0))
    taken.listen()
    port = taken.getsockname()[1]
    try:  # was: "serving ... at http://127.0.0.1:PORT/", then uvicorn's "[Errno 98] ... address already in use"
        with pytest.raises(NewsloomError, match=f"Port {port} on 127.0.0.1 is in use") as refused:
            run_server(str(tmp_path / "s.db"), host="127.0.0.1", port=port)
        assert "--port" in str(refused.value)
    finally:
        taken.close()
