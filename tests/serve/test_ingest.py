"""The write side: POST /api/ingest and the upload form, their token, size and type checks."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from tests.serve.conftest import TOKEN
from tests.serve.test_api import assert_error

AUTH = {"Authorization": f"Bearer {TOKEN}"}
#: A short report written for these tests, in the house style of the bundled text dumps.
REPORT = (
    " date 2025-10-27 Quốc tế\n\n"
    "Bộ trưởng Ngoại giao tiếp Đại sứ Nhật Bản tại Hà Nội\n\n"
    "Chiều 27/10, tại Hà Nội, Bộ trưởng Ngoại giao Lê Hoài Trung đã tiếp Đại sứ Nhật Bản Ito Naoki. "
    "Hai bên nhất trí thúc đẩy hợp tác về chuyển đổi số và phòng, chống tội phạm mạng.\n"
)
#: An article whose text carries markup an attacker would like the page to run.
HOSTILE = (
    "Hostile markup test <script>document.title='pwned'</script>\n\n"
    "HÀ NỘI — The minister said <script>alert('xss')</script> the talks went well, "
    "<img src=x onerror=\"alert('img')\"> and readers may <a href=\"javascript:alert('link')\">click here</a>. "
    "The delegation left on Monday.\n"
)


def upload(client: TestClient, name: str, data: bytes, kind: str = "text/plain", **kwargs: Any) -> Any:
    return client.post("/api/ingest", files={"file": (name, data, kind)}, **kwargs)


@pytest.fixture(scope="module")
def writer(module_db: Path) -> Iterator[TestClient]:
    from newsloom.serve.api import create_app

    with TestClient(create_app(str(module_db), token=TOKEN)) as test_client:
        yield test_client


def test_writes_are_off_without_a_configured_token(module_db: Path) -> None:
    from newsloom.serve.api import create_app

    with TestClient(create_app(str(module_db), token=None)) as closed:
        error = assert_error(upload(closed, "a.txt", REPORT.encode(), headers=AUTH), 403, "writes_disabled")
        assert "NEWSLOOM_TOKEN" in error["message"]
        assert closed.get("/api").json()["writes"] is False
        page = closed.get("/upload", headers={"accept": "text/html"})
        assert "Uploads are off" in page.text


def test_a_write_without_a_token_is_401(writer: TestClient) -> None:
    response = upload(writer, "a.txt", REPORT.encode())
    assert_error(response, 401, "unauthorized")
    assert response.headers["www-authenticate"] == "Bearer"


@pytest.mark.parametrize("token", ["wrong", TOKEN + "x", TOKEN[:-1], " " + TOKEN + "!"])
def test_a_wrong_token_is_403(writer: TestClient, token: str) -> None:
    assert_error(upload(writer, "a.txt", REPORT.encode(), headers={"Authorization": f"Bearer {token}"}), 403)


def test_upload_runs_the_whole_pipeline(writer: TestClient) -> None:
    before = writer.get("/api").json()["articles"]
    response = upload(writer, "../../etc/bo truong.txt", REPORT.encode(), headers=AUTH)
    assert response.status_code == 201, response.text
    body = response.json()
    assert body["file"] == "bo_truong.txt"  # no folder, no space: a safe name
    assert body["statuses"] == {"new": 1} and not body["errors"]
    assert {"entities", "times", "events"} <= set(body["stages"])
    (stored,) = body["articles"]
    assert stored["language"] == "vi" and stored["published"] == "2025-10-27"
    assert writer.get("/api").json()["articles"] == before + 1
    detail = writer.get(f"/api/articles/{stored['id']}").json()
    assert detail["path"] == "upload:bo_truong.txt"  # the name it was sent as, not the server's temp file
    assert detail["events"] and any(
        m["canonical"] == "Lê Hoài Trung" or m["text"] == "Lê Hoài Trung" for m in detail["mentions"]
    )
    hits = writer.get("/api/search", params={"q": "le hoai trung", "kind": "article"}).json()["items"]
    assert stored["id"] in [h["id"] for h in hits]  # the index caught up with the upload


def test_the_same_upload_twice_is_unchanged(writer: TestClient) -> None:
    first = upload(writer, "again.txt", REPORT.encode(), headers=AUTH).json()
    assert first["statuses"] in ({"new": 1}, {"unchanged": 1}, {"copy": 1})
    second = upload(writer, "again.txt", REPORT.encode(), headers=AUTH).json()
    assert second["statuses"] == {"unchanged": 1}
    assert second["articles"][0]["id"] == first["articles"][0]["id"]


@pytest.mark.parametrize(
    ("name", "data", "kind", "status"),
    [
        ("photo.png", b"\x89PNG\r\n\x1a\n\x00\x00", "image/png", 415),
        ("report.exe", REPORT.encode(), "application/octet-stream", 415),
        ("report.txt", REPORT.encode(), "image/png", 415),
        ("report.txt", b"abc\x00def" * 10, "text/plain", 415),
        ("report.txt", b"   \n  ", "text/plain", 422),
        ("report.txt", b"x" * (2 * 1024 * 1024 + 1), "text/plain", 413),
    ],
)
def test_uploads_newsloom_will_not_read(
    writer: TestClient, name: str, data: bytes, kind: str, status: int
) -> None:
    assert_error(upload(writer, name, data, kind, headers=AUTH), status)


def test_a_body_over_the_server_limit_is_413_before_reading(writer: TestClient) -> None:
    from newsloom.serve.security import MAX_BODY_BYTES

    response = writer.post(
        "/api/ingest", headers={**AUTH, "content-length": str(MAX_BODY_BYTES + 1)}, content=b"x" * 16
    )
    assert_error(response, 413, "too_large")
    multipart = {
        **AUTH,
        "content-type": "multipart/form-data; boundary=zzz",
    }  # no length: counted as it comes
    streamed = writer.post("/api/ingest", headers=multipart, content=iter([b"x" * (1024 * 1024)] * 6))
    assert_error(streamed, 413, "too_large")


def test_upload_needs_multipart_with_a_file(writer: TestClient) -> None:
    assert_error(writer.post("/api/ingest", headers=AUTH, json={"text": "hello"}), 415)
    assert_error(
        writer.post("/api/ingest", headers=AUTH, data={"other": "field"}, files={"x": ("a", b"")}), 422
    )


def test_a_feed_with_no_items_stores_nothing(writer: TestClient) -> None:
    feed = b'<?xml version="1.0"?><rss version="2.0"><channel><title>Empty</title></channel></rss>'
    error = assert_error(upload(writer, "empty.rss", feed, "application/rss+xml", headers=AUTH), 422)
    assert "empty.rss" in error["message"]


def test_upload_form_redirects_to_the_article_and_escapes_it(writer: TestClient) -> None:
    response = writer.post(
        "/upload",
        data={"token": TOKEN},
        files={"file": ("hostile.txt", HOSTILE.encode(), "text/plain")},
        headers={"accept": "text/html"},
        follow_redirects=False,
    )
    assert response.status_code == 303
    page = writer.get(response.headers["location"], headers={"accept": "text/html"})
    assert page.status_code == 200
    html = page.text
    assert "<script>alert" not in html and "&lt;script&gt;alert(&#39;xss&#39;)&lt;/script&gt;" in html
    assert "<img src=x" not in html and "&lt;img src=x onerror=" in html
    assert 'href="javascript:' not in html and "&lt;a href=&#34;javascript:alert" in html
    assert "<title>Hostile markup test &lt;script&gt;" in html


def test_upload_form_checks_the_token(writer: TestClient) -> None:
    response = writer.post(
        "/upload", data={"token": "nope"}, files={"file": ("a.txt", REPORT.encode(), "text/plain")},
        headers={"accept": "text/html"},
    )  # fmt: skip
    assert response.status_code == 403 and "The token is wrong" in response.text
    assert response.headers["content-type"].startswith("text/html")


def test_safe_names() -> None:
    from newsloom.serve.uploads import safe_name

    assert safe_name("C:\\Users\\me\\bài báo.HTML") == "bài_báo.html"
    assert safe_name("../../.bashrc") == "bashrc"
    assert safe_name(None) == "upload.txt"
    assert safe_name("....") == "upload.txt"
