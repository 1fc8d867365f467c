"""Every API route and every error path, through FastAPI's TestClient over the examples' store."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

import pytest
from fastapi.testclient import TestClient

from tests.serve.conftest import TOKEN


def assert_error(response: Any, status: int, code: str | None = None) -> dict[str, str]:
    """The one error shape: {"error": {"code", "message"}} and nothing else."""
    assert response.status_code == status, response.text
    body = response.json()
    assert set(body) == {"error"}
    assert set(body["error"]) == {"code", "message"}
    assert body["error"]["message"].strip()
    if code is not None:
        assert body["error"]["code"] == code
    return dict(body["error"])


def test_index_says_what_is_installed(client: TestClient) -> None:
    body = client.get("/api").json()
    assert body["articles"] == 5
    assert body["writes"] is True
    assert body["parts"]["entities"] and body["parts"]["events"]


def test_openapi_schema_lists_every_route(client: TestClient) -> None:
    schema = client.get("/openapi.json").json()
    for path in (
        "/api/articles", "/api/articles/{article_id}", "/api/events", "/api/events/{event_id}", "/api/timeline",
        "/api/entities", "/api/entities/{entity_id}", "/api/stories", "/api/stories/{story_id}",
        "/api/storylines", "/api/search", "/api/compare", "/api/ingest", "/api/export", "/api/stats",
    ):  # fmt: skip
        assert path in schema["paths"], path
    assert "multipart/form-data" in schema["paths"]["/api/ingest"]["post"]["requestBody"]["content"]
    assert not any(path.startswith("/articles") for path in schema["paths"])  # pages stay out of the API


def test_no_interactive_docs_pulling_cdn_scripts(client: TestClient) -> None:
    assert client.get("/docs").status_code == 404
    assert client.get("/redoc").status_code == 404


# -- articles -------------------------------------------------------------------------------------
def test_articles_are_paginated(client: TestClient) -> None:
    first = client.get("/api/articles", params={"limit": 2}).json()
    assert len(first["items"]) == 2 and first["next_offset"] == 2
    second = client.get("/api/articles", params={"limit": 2, "offset": 2}).json()
    last = client.get("/api/articles", params={"limit": 2, "offset": 4}).json()
    assert len(last["items"]) == 1 and last["next_offset"] is None
    ids = [a["id"] for page in (first, second, last) for a in page["items"]]
    assert len(set(ids)) == 5


def test_articles_filter_by_language_and_date(client: TestClient) -> None:
    vietnamese = client.get("/api/articles", params={"language": "vi"}).json()["items"]
    assert len(vietnamese) == 2 and {a["language"] for a in vietnamese} == {"vi"}
    on_day = client.get("/api/articles", params={"date_from": "2025-10-24", "date_to": "2025-10-24"}).json()
    assert on_day["items"] and all(a["published"] == "2025-10-24" for a in on_day["items"])
    assert client.get("/api/articles", params={"date_from": "2030-01-01"}).json()["items"] == []


@pytest.mark.parametrize(
    "params",
    [
        {"limit": 0},
        {"limit": 101},
        {"offset": -1},
        {"language": "Vietnamese"},
        {"date_from": "21/10/2025"},
        {"date_from": "2025-10-25", "date_to": "2025-10-21"},
    ],
)
def test_bad_article_filters_are_422(client: TestClient, params: dict[str, Any]) -> None:
    error = assert_error(client.get("/api/articles", params=params), 422, "invalid")
    assert any(name in error["message"] for name in params)


def test_article_detail_has_provenance_mentions_times_and_events(client: TestClient) -> None:
    article_id = client.get("/api/articles", params={"language": "vi", "limit": 1}).json()["items"][0]["id"]
    body = client.get(f"/api/articles/{article_id}").json()
    assert body["id"] == article_id
    published = body["metadata"]["published"]
    assert (
        published["value"] == body["published"] and published["source"] and 0 < published["confidence"] <= 1
    )
    assert body["provenance"]["published"]["source"] == published["source"]
    assert isinstance(body["boilerplate"], list)
    assert body["sentences"] and all(
        body["text"][s["start"] : s["end"]] == s["text"] for s in body["sentences"]
    )
    linked = [m for m in body["mentions"] if m["entity_id"] is not None]
    assert linked and all(body["text"][m["start"] : m["end"]] == m["text"] for m in linked)
    assert body["times"] and body["events"]
    assert "entities" in body["stages"]


def test_unknown_article_is_404(client: TestClient) -> None:
    error = assert_error(client.get("/api/articles/not-a-stored-id"), 404, "not_found")
    assert "not-a-stored-id" in error["message"]


# -- events ---------------------------------------------------------------------------------------
def _events(client: TestClient, **params: Any) -> list[dict[str, Any]]:
    response = client.get("/api/events", params={"limit": 100, **params})
    assert response.status_code == 200, response.text
    return list(response.json()["items"])


def test_events_filters(client: TestClient) -> None:
    every = _events(client)
    assert every
    consult = _events(client, type="consult")
    assert consult and {e["type"] for e in consult} == {"CONSULT"} and len(consult) < len(every)
    indonesian = _events(client, language="id")
    assert indonesian and all("id" in e["languages"] for e in indonesian)
    on_day = _events(client, date_from="2025-10-21", date_to="2025-10-21")
    assert on_day and all(e["date"] == "2025-10-21" for e in on_day)
    son = _events(client, entity="Bui Thanh Son")  # no diacritics: still him
    assert son and all(any("S" in name for name in e["source"] + e["target"]) for e in son)
    assert len(son) < len(every)


def test_events_are_paginated(client: TestClient) -> None:
    first = client.get("/api/events", params={"limit": 3}).json()
    second = client.get("/api/events", params={"limit": 3, "offset": 3}).json()
    assert len(first["items"]) == 3 and first["next_offset"] == 3
    assert not {e["id"] for e in first["items"]} & {e["id"] for e in second["items"]}


def test_unknown_event_type_is_422(client: TestClient) -> None:
    error = assert_error(client.get("/api/events", params={"type": "PARTY"}), 422, "invalid")
    assert "PLOVER" in error["message"]


def test_event_detail_has_every_source_in_its_language(client: TestClient) -> None:
    multilingual = [e for e in _events(client) if len(e["languages"]) >= 2]
    assert multilingual, "the examples report at least one event in two languages"
    event = client.get(f"/api/events/{multilingual[0]['id']}").json()
    languages = {s["language"] for s in event["sources"]}
    assert len(languages) >= 2
    for source in event["sources"]:
        assert source["sentence"] and source["path"] and source["article_id"]
    assert isinstance(event["discrepancies"], list)


@pytest.mark.parametrize("event_id", ["999999", "abc", "1e3", "-1"])
def test_unknown_event_is_404(client: TestClient, event_id: str) -> None:
    assert_error(client.get(f"/api/events/{event_id}"), 404, "not_found")


def test_timeline_days_newest_first_grouped_by_story(client: TestClient) -> None:
    body = client.get("/api/timeline").json()
    days = [d["date"] for d in body["items"]]
    assert days == sorted(days, reverse=True)
    assert body["date_from"] <= days[-1] and days[0] <= body["date_to"]
    stories = [g["story"] for d in body["items"] for g in d["groups"] if g["story"]]
    assert stories and all(s["title"] for s in stories)
    for day in body["items"]:
        events = [e for g in day["groups"] for e in g["events"]]
        statements = [s for e in events for s in e["statements"]]
        assert day["count"] == len(events) + len(statements)
        assert all(e["date"] == day["date"] for e in events + statements)
        assert all(s["parent_id"] in {e["id"] for e in events} for s in statements)
        assert all(e["parent_id"] not in {x["id"] for x in events} for e in events)


def test_timeline_range_and_pages(client: TestClient) -> None:
    one_day = client.get("/api/timeline", params={"date_from": "2025-10-24", "date_to": "2025-10-24"}).json()
    assert [d["date"] for d in one_day["items"]] == ["2025-10-24"]
    first = client.get("/api/timeline", params={"limit": 1}).json()
    assert len(first["items"]) == 1 and first["next_offset"] == 1
    assert_error(
        client.get("/api/timeline", params={"date_from": "2025-10-25", "date_to": "2025-10-01"}), 422
    )


@pytest.mark.parametrize("params", [{"date_to": "0001-01-02"}, {"date_to": "9999-12-31"}])
def test_windows_at_the_ends_of_the_calendar(client: TestClient, params: dict[str, str]) -> None:
    for route in ("/api/stats", "/api/timeline"):
        response = client.get(route, params=params)
        assert response.status_code == 200, response.text
        assert response.json()["date_from"] <= params["date_to"]


def test_stats_count_the_timeline(client: TestClient) -> None:
    stats = client.get("/api/stats").json()
    timeline = client.get("/api/timeline", params={"limit": 100}).json()
    total = sum(d["count"] for d in timeline["items"] if d["date"])
    assert sum(d["count"] for d in stats["per_day"]) == total == sum(t["count"] for t in stats["per_type"])
    assert len(stats["per_type"]) >= 2  # meetings and what was said at them
    assert {item["language"] for item in stats["per_language"]} >= {"vi", "en"}


# -- entities -------------------------------------------------------------------------------------
def test_entities_list_and_type_filter(client: TestClient) -> None:
    people = client.get("/api/entities", params={"type": "person", "limit": 50}).json()["items"]
    assert people and {e["type"] for e in people} == {"person"}
    counts = [e["articles"] for e in people]
    assert counts == sorted(counts, reverse=True)
    assert_error(client.get("/api/entities", params={"type": "animal"}), 422)


def test_any_alias_finds_the_entity(client: TestClient) -> None:
    found = {
        q: [e["id"] for e in client.get("/api/entities", params={"q": q}).json()["items"]]
        for q in ("Bùi Thanh Sơn", "bui thanh son", "BUI THANH SON")
    }
    assert (
        found["Bùi Thanh Sơn"] and found["Bùi Thanh Sơn"] == found["bui thanh son"] == found["BUI THANH SON"]
    )
    assert client.get("/api/entities", params={"q": "Nobody Atall Xyz"}).json()["items"] == []


def test_entity_detail_has_names_roles_and_events(client: TestClient) -> None:
    entity_id = client.get("/api/entities", params={"q": "Ghada Waly"}).json()["items"][0]["id"]
    entity = client.get(f"/api/entities/{entity_id}").json()
    assert entity["name"] == "Ghada Waly" and entity["type"] == "person"
    assert {a["language"] for a in entity["aliases"]} >= {"vi", "id"}
    assert entity["roles"] and all(r["evidence"]["text"] for r in entity["roles"])
    assert entity["events"] and all(isinstance(e["id"], int) for e in entity["events"])


@pytest.mark.parametrize("entity_id", ["999999", "ghada", "²", "1" * 40])
def test_unknown_entity_is_404(client: TestClient, entity_id: str) -> None:
    assert_error(client.get(f"/api/entities/{entity_id}"), 404, "not_found")


# -- stories --------------------------------------------------------------------------------------
def test_stories_and_storylines(client: TestClient) -> None:
    stories = client.get("/api/stories", params={"limit": 50}).json()["items"]
    assert stories
    story = client.get(f"/api/stories/{stories[0]['id']}").json()
    assert story["id"] == stories[0]["id"] and story["articles_by_language"]
    two_languages = [s for s in stories if len(s["languages"]) >= 2]
    assert two_languages, "the Guterres talks are one story in Vietnamese and English"
    lines = client.get("/api/storylines").json()["items"]
    assert lines
    assert_error(client.get("/api/stories/999999"), 404, "not_found")


# -- search ---------------------------------------------------------------------------------------
def test_search_finds_the_vietnamese_article_without_diacritics(client: TestClient) -> None:
    body = client.get("/api/search", params={"q": "bui thanh son"}).json()
    kinds = {h["kind"] for h in body["items"]}
    assert {"article", "entity"} <= kinds
    vietnamese = [h for h in body["items"] if h["kind"] == "article" and h["language"] == "vi"]
    assert vietnamese and "Bùi Thanh Sơn" in vietnamese[0]["snippet"]
    start, end = vietnamese[0]["highlights"][0]
    assert vietnamese[0]["snippet"][start:end] == "Bùi Thanh Sơn"


def test_search_crosses_languages_through_entity_names(client: TestClient) -> None:
    hits = client.get("/api/search", params={"q": "United Nations", "kind": "article", "limit": 50}).json()[
        "items"
    ]
    assert {"vi", "en"} <= {h["language"] for h in hits}


def test_search_filters_and_pages(client: TestClient) -> None:
    only_id = client.get("/api/search", params={"q": "UNODC", "language": "id"}).json()["items"]
    assert only_id and all(h["language"] == "id" or "id" in h["languages"] for h in only_id)
    events = client.get("/api/search", params={"q": "Guterres", "kind": "event"}).json()["items"]
    assert events and {h["kind"] for h in events} == {"event"}
    page = client.get("/api/search", params={"q": "Guterres", "limit": 1}).json()
    assert len(page["items"]) == 1 and page["next_offset"] == 1


@pytest.mark.parametrize("q", ['"; DROP TABLE articles; --', "NEAR(a b", "title:*", "'\"", "!!!", "()"])
def test_search_takes_any_text_safely(client: TestClient, q: str) -> None:
    response = client.get("/api/search", params={"q": q})
    assert response.status_code == 200, response.text
    assert client.get("/api").json()["articles"] == 5


@pytest.mark.parametrize("params", [{}, {"q": ""}, {"q": "x" * 301}, {"q": "a", "kind": "story"}])
def test_bad_search_is_422(client: TestClient, params: dict[str, str]) -> None:
    assert_error(client.get("/api/search", params=params), 422, "invalid")


# -- compare --------------------------------------------------------------------------------------
@pytest.mark.slow
def test_compare_scores_two_texts(client: TestClient) -> None:
    body = {
        "text_a": "Deputy Prime Minister Bùi Thanh Sơn received UNODC chief Ghada Waly in Hà Nội on Tuesday.",
        "text_b": "Phó Thủ tướng Bùi Thanh Sơn tiếp bà Ghada Waly, Giám đốc điều hành UNODC, tại Hà Nội.",
    }
    from newsloom.compare.model import MODEL_PATH

    response = client.post("/api/compare", json=body)
    if not MODEL_PATH.exists():  # the compare engineer ships the trained model file
        assert "model" in assert_error(response, 501, "not_available")["message"]
        return
    assert response.status_code == 200, response.text
    scores = response.json()["scores"]
    assert set(scores) == {"geography", "entities", "time", "narrative", "style", "tone", "overall"}
    assert all(1.0 <= value <= 4.0 for value in scores.values())


@pytest.mark.parametrize(
    "body",
    [
        {"text_a": "a"},
        {"text_a": "", "text_b": "b"},
        {"text_a": "a", "text_b": "b", "lang_a": "Vietnamese"},
    ],
)
def test_bad_compare_is_422(client: TestClient, body: dict[str, str]) -> None:
    assert_error(client.post("/api/compare", json=body), 422, "invalid")


def test_compare_needs_json(client: TestClient) -> None:
    assert_error(
        client.post("/api/compare", content=b"not json", headers={"content-type": "application/json"}), 422
    )


# -- exports --------------------------------------------------------------------------------------
def test_export_articles_jsonl_download(client: TestClient) -> None:
    response = client.get("/api/export", params={"what": "articles", "format": "jsonl"})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/x-ndjson")
    assert response.headers["content-disposition"] == 'attachment; filename="newsloom-articles.jsonl"'
    records = [json.loads(line) for line in response.text.splitlines()]
    assert len(records) == 5 and all(r["provenance"] for r in records)


def test_export_events_csv_and_plover(client: TestClient) -> None:
    as_csv = client.get("/api/export", params={"what": "events", "format": "csv"})
    assert as_csv.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(as_csv.text)))
    api_total = len(client.get("/api/events", params={"limit": 100}).json()["items"])
    assert len(rows) == api_total and {"id", "type", "date"} <= set(rows[0])
    plover = client.get("/api/export", params={"what": "events", "format": "plover"})
    assert plover.status_code == 200 and "plover" in plover.headers["content-disposition"]
    assert len(plover.text.splitlines()) == api_total


def test_export_entities(client: TestClient) -> None:
    records = [json.loads(line) for line in client.get("/api/export?what=entities").text.splitlines()]
    assert any(r["name"] == "Bùi Thanh Sơn" for r in records)


@pytest.mark.parametrize(
    ("params", "status"),
    [({"what": "articles", "format": "plover"}, 422), ({"what": "tweets"}, 422), ({"format": "xml"}, 422)],
)
def test_bad_export_is_an_error(client: TestClient, params: dict[str, str], status: int) -> None:
    assert_error(client.get("/api/export", params=params), status)


# -- errors and headers ---------------------------------------------------------------------------
def test_head_is_a_get_without_body(client: TestClient) -> None:
    for url in ("/api", "/", "/static/style.css"):
        response = client.head(url)
        assert response.status_code == 200 and response.content == b""
        assert response.headers["content-security-policy"]


def test_unknown_route_and_method(client: TestClient) -> None:
    assert_error(client.get("/api/nothing-here"), 404, "not_found")
    assert_error(client.delete("/api/articles"), 405, "method_not_allowed")


def test_a_bug_is_a_500_without_details(module_db: object, monkeypatch: pytest.MonkeyPatch) -> None:
    from newsloom.serve import routes
    from newsloom.serve.api import create_app

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("secret internal state")

    monkeypatch.setattr("newsloom.views.articles.iter_articles", broken)
    with TestClient(create_app(str(module_db), token=None), raise_server_exceptions=False) as local:
        error = assert_error(local.get("/api/articles"), 500, "internal")
    assert "secret" not in error["message"]
    assert routes.MAX_LIMIT == 100


def test_security_headers_on_every_response(client: TestClient) -> None:
    for response in (
        client.get("/api"),
        client.get("/api/nothing"),
        client.get("/", headers={"accept": "text/html"}),
    ):
        csp = response.headers["content-security-policy"]
        assert "script-src 'self'" in csp and "unsafe-inline" not in csp and "frame-ancestors 'none'" in csp
        assert response.headers["x-content-type-options"] == "nosniff"
        assert response.headers["referrer-policy"] == "same-origin"


def test_token_header_forms(client: TestClient) -> None:
    """Both Authorization: Bearer and X-Newsloom-Token carry the token (checked on a write route)."""
    for headers in ({"Authorization": f"Bearer {TOKEN}"}, {"X-Newsloom-Token": TOKEN}):
        response = client.post("/api/ingest", headers=headers, content=b"x", params={})
        assert_error(response, 415)  # past the token check: refused for not being a multipart upload


def test_run_server_binds_loopback_and_reads_the_token(
    module_db: object, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import uvicorn

    from newsloom.serve import DEFAULT_HOST, run_server

    seen: dict[str, Any] = {}
    monkeypatch.setattr(uvicorn, "run", lambda app, **options: seen.update(app=app, **options))
    monkeypatch.setattr(
        "newsloom.serve.check_port_free", lambda host, port: None
    )  # uvicorn binds nothing here
    monkeypatch.setenv("NEWSLOOM_TOKEN", "from-the-environment")
    run_server(str(module_db))
    assert DEFAULT_HOST == "127.0.0.1" and seen["host"] == "127.0.0.1" and seen["port"] == 8000
    assert seen["app"].state.token == "from-the-environment"
    monkeypatch.delenv("NEWSLOOM_TOKEN")
    run_server(str(module_db), host="0.0.0.0", port=9000)
    assert seen["app"].state.token is None and seen["host"] == "0.0.0.0"
    printed = capsys.readouterr().err
    assert "uploads are off" in printed and "reachable from other machines" in printed
