"""The route table: every read route is one view, documented by its model, served as JSON under
/api and, where it has a page, as HTML or JSON by what the client asks for; the CLI prints the same view."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from fastapi.testclient import TestClient
from typer.testing import CliRunner

from newsloom.serve.routes import ROUTES

JSON = {"accept": "application/json"}
HTML = {"accept": "text/html"}


def _names_fields(schema: dict[str, Any], components: dict[str, Any]) -> bool:
    """True when a response schema says what comes back: a model's fields, not a bare object."""
    if "$ref" in schema:
        target = components[schema["$ref"].rsplit("/", 1)[1]]
        return bool(target.get("properties"))
    return bool(schema.get("properties") or schema.get("items"))


def test_every_json_response_is_documented_by_its_model(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    components = spec["components"]["schemas"]
    documented = []
    for path, methods in spec["paths"].items():
        for method, operation in methods.items():
            for status in ("200", "201"):
                content = operation["responses"].get(status, {}).get("content", {})
                if "application/json" in content:
                    assert _names_fields(content["application/json"]["schema"], components), (method, path)
                    documented.append(path)
    assert len(documented) >= len(ROUTES) + 3  # the table, the index, compare, ingest


def test_every_route_of_the_table_is_in_the_api(client: TestClient) -> None:
    paths = client.get("/openapi.json").json()["paths"]
    assert {f"/api{route.path}" for route in ROUTES} <= set(paths)


def _first_id(client: TestClient, listing: str) -> str:
    return str(client.get(f"/api/{listing}", params={"limit": 1}).json()["items"][0]["id"])


def test_a_page_asked_for_json_answers_what_the_api_answers(client: TestClient) -> None:
    for kind in ("events", "entities", "stories", "articles"):
        key = _first_id(client, kind)
        api = client.get(f"/api/{kind}/{key}").json()
        page = client.get(f"/{kind}/{key}", headers=JSON)
        assert page.headers["content-type"].startswith("application/json")
        assert page.json() == api
        html = client.get(f"/{kind}/{key}", headers=HTML)
        assert html.headers["content-type"].startswith("text/html")


def test_a_list_page_pages_by_its_own_size_and_says_so_in_json(client: TestClient) -> None:
    first = client.get("/events", params={"page": 1}, headers=JSON).json()
    assert first["limit"] == 20 and first["offset"] == 0
    second = client.get("/events", params={"page": 2, "limit": 1}, headers=JSON).json()
    assert second["offset"] == 1 and second["items"] == first["items"][1:2]
    assert client.get("/events", params={"page": "²"}, headers=JSON).status_code == 422


def test_the_cli_prints_the_timeline_the_api_returns(client: TestClient, module_db: Path) -> None:
    from newsloom.cli import app

    days = client.get("/api/timeline", params={"limit": 100}).json()["items"]
    assert days
    result = CliRunner().invoke(app, ["timeline", "--db", str(module_db)], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    printed = [int(n) for n in re.findall(r"\[(\d+)\] ", result.output)]
    api_ids = [
        event["id"]
        for day in days
        for group in day["groups"]
        for top in group["events"]
        for event in (top, *top["statements"])
    ]
    assert printed == api_ids
    for day in days:
        assert (day["date"] or "undated") in result.output
