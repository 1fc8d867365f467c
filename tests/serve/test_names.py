"""Names, roles and the smaller items of what a person sees: canonical names and role words on pages,
404 messages naming routes that exist, unknown query parameters refused."""

from __future__ import annotations

import inspect

import pytest
from fastapi.testclient import TestClient

from newsloom.serve.routes import ROUTES
from tests.serve.test_api import assert_error


def test_event_pages_show_canonical_names_and_role_words(client: TestClient) -> None:
    events = client.get("/api/events", params={"entity": "Bui Thanh Son", "limit": 50}).json()["items"]
    assert events and all("Bui Thanh Son" not in e["title"] for e in events)
    pages = [client.get(f"/events/{e['id']}", headers={"accept": "text/html"}).text for e in events]
    assert any("Bùi Thanh Sơn" in page for page in pages)
    assert all("deputy_head_of_government" not in p and "deputy head of government" not in p for p in pages)
    assert any("Deputy Prime Minister" in page for page in pages)


@pytest.mark.parametrize("kind", ["article", "event", "entity", "story"])
def test_not_found_names_a_route_that_exists(client: TestClient, kind: str) -> None:
    collection = {"article": "articles", "event": "events", "entity": "entities", "story": "stories"}[kind]
    error = assert_error(client.get(f"/api/{collection}/999999"), 404, "not_found")
    named = [word.rstrip(".,") for word in error["message"].split() if word.startswith("/api/")]
    assert named and f"/api/{collection}" in named
    for route in named:
        assert client.get(route, params={"q": "x"} if route == "/api/search" else None).status_code == 200, (
            route
        )


@pytest.mark.parametrize(
    "path",
    ["/api/events?form=2025-01-01", "/api/timeline?page=-1", "/api/articles?langauge=vi", "/events?sinse=1"],
)
def test_unknown_query_parameters_are_refused(client: TestClient, path: str) -> None:
    response = client.get(path, headers={"accept": "application/json"})
    error = assert_error(response, 422, "invalid")
    assert "Unknown query parameter" in error["message"] and "This route takes:" in error["message"]


def test_known_parameters_still_work_on_every_route(client: TestClient) -> None:
    for route in ROUTES:
        if "{" in route.path or route.path == "/search":
            continue
        takes = inspect.signature(route.endpoint).parameters
        params = {name: value for name, value in (("limit", 5), ("date_from", "2025-01-01")) if name in takes}
        assert client.get(f"/api{route.path}", params=params).status_code == 200, route.path
    assert (
        client.get(
            "/events", params={"page": 1, "type": "CONSULT"}, headers={"accept": "text/html"}
        ).status_code
        == 200
    )


@pytest.mark.parametrize(
    ("path", "meant"),
    [("/api/entitys/3", "/api/entities"), ("/api/storys", "/api/stories"), ("/storys/1", "/stories")],
)
def test_a_misspelt_route_is_answered_with_the_route_that_exists(
    client: TestClient, path: str, meant: str
) -> None:
    error = assert_error(client.get(path, headers={"accept": "application/json"}), 404, "not_found")
    assert f"Did you mean {meant}?" in error["message"]
    assert client.get(meant, headers={"accept": "application/json"}).status_code == 200


def test_a_path_like_no_route_suggests_none(client: TestClient) -> None:
    error = assert_error(client.get("/api/zzzzzz", headers={"accept": "application/json"}), 404, "not_found")
    assert "Did you mean" not in error["message"] and "/openapi.json" in error["message"]
