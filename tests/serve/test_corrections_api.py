"""The corrections API: POST /api/corrections and /api/corrections/{id}/undo need the token; GET
/api/corrections lists the audit records; a merge made through the API holds in the event lists."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from tests.serve.conftest import TOKEN
from tests.serve.test_api import assert_error

AUTH = {"Authorization": f"Bearer {TOKEN}"}


@pytest.fixture
def client(module_db: Path, tmp_path: Path) -> Iterator[TestClient]:
    from newsloom.serve.api import create_app
    from tests.serve.conftest import copy_db

    db = copy_db(module_db, tmp_path)
    with TestClient(create_app(str(db), token=TOKEN, embeddings=False)) as test_client:
        yield test_client


def forum_meetings(client: TestClient) -> list[int]:
    """The two top-level meetings only the English business-forum report gives."""
    events = client.get("/api/events", params={"limit": 100}).json()["items"]
    found = []
    for event in events:
        if event["parent_id"] is None and event["type"] == "CONSULT" and event["n_articles"] == 1:
            detail = client.get(f"/api/events/{event['id']}").json()
            parties = {a["key"] for side in ("source", "target") for a in detail["actors"][side]}
            if len(parties) >= 2 and {s["path"].rsplit("/", 1)[-1] for s in detail["sources"]} == {
                "en_02_ramaphosa_man_business_forum.txt"
            }:  # a one-sided CONSULT the report also yields is left out
                found.append(event["id"])
    return sorted(found)


def merge_body(ids: list[int]) -> dict[str, Any]:
    return {"target": "event", "kind": "merge", "ids": ids, "reason": "one meeting, two reports"}


def test_a_correction_needs_the_token(client: TestClient) -> None:
    ids = forum_meetings(client)
    assert len(ids) == 2
    error = assert_error(client.post("/api/corrections", json=merge_body(ids)), 401)
    assert "token" in error["message"]
    wrong = {"Authorization": "Bearer not-the-token"}
    assert_error(client.post("/api/corrections", json=merge_body(ids), headers=wrong), 403)
    assert_error(client.post("/api/corrections/1/undo", json={}, headers=wrong), 403)
    assert forum_meetings(client) == ids, "a refused correction changed nothing"
    assert client.get("/api/corrections").json()["items"] == []


def test_writes_are_off_without_a_server_token(module_db: Path) -> None:
    from newsloom.serve.api import create_app

    with TestClient(create_app(str(module_db), token=None, embeddings=False)) as closed:
        assert_error(
            closed.post("/api/corrections", json=merge_body([1, 2]), headers=AUTH), 403, "writes_disabled"
        )


def test_merge_through_the_api_then_list_and_undo(client: TestClient) -> None:
    first, second = forum_meetings(client)
    made = client.post("/api/corrections", json=merge_body([first, second]), headers=AUTH)
    assert made.status_code == 201, made.text
    record = made.json()
    assert record["result_ids"] == [first] and record["token_name"] == "api:NEWSLOOM_TOKEN"
    assert forum_meetings(client) == [first]
    assert client.get(f"/api/events/{second}").status_code == 404
    listed = client.get("/api/corrections", params={"target_kind": "event", "target_id": first}).json()[
        "items"
    ]
    assert [r["id"] for r in listed] == [record["id"]] and listed[0]["reason"] == "one meeting, two reports"
    undone = client.post(
        f"/api/corrections/{record['id']}/undo", json={"reason": "two meetings after all"}, headers=AUTH
    )
    assert undone.status_code == 201 and undone.json()["kind"] == "undo"
    assert len(forum_meetings(client)) == 2
    again = client.post(f"/api/corrections/{record['id']}/undo", json={}, headers=AUTH)
    assert "already undone" in assert_error(again, 422)["message"]


@pytest.mark.parametrize(
    ("body", "status", "words"),
    [
        ({"target": "event", "kind": "retype", "ids": [1], "values": {"type": "PARTY"}}, 422, "PLOVER"),
        ({"target": "event", "kind": "false", "ids": [999999]}, 404, "No event 999999"),
        ({"target": "story", "kind": "retype", "ids": [1]}, 422, "takes: merge, split"),
        ({"target": "event", "kind": "false", "ids": [1], "colour": "red"}, 422, None),
    ],
)
def test_bad_corrections_are_refused_with_the_one_error_shape(
    client: TestClient, body: dict[str, Any], status: int, words: str | None
) -> None:
    if body["ids"] == [1]:  # "an event that exists": ids differ between backends
        body = {**body, "ids": [client.get("/api/events", params={"limit": 1}).json()["items"][0]["id"]]}
    error = assert_error(client.post("/api/corrections", json=body, headers=AUTH), status)
    if words:
        assert words in error["message"]


def test_a_false_event_leaves_the_lists_but_keeps_its_page(client: TestClient) -> None:
    first = forum_meetings(client)[0]
    made = client.post(
        "/api/corrections", json={"target": "event", "kind": "false", "ids": [first]}, headers=AUTH
    )
    assert made.status_code == 201
    listed = {e["id"] for e in client.get("/api/events", params={"limit": 100}).json()["items"]}
    assert first not in listed
    assert client.get(f"/api/events/{first}").status_code == 200  # the page says what was corrected


@pytest.mark.parametrize("kind", ["events", "entities", "stories"])
def test_each_page_has_the_corrections_panel(client: TestClient, kind: str) -> None:
    first = client.get(f"/api/{kind}", params={"limit": 1}).json()["items"][0]["id"]
    page = client.get(f"/{kind}/{first}")
    assert page.status_code == 200
    target = {"events": "event", "entities": "entity", "stories": "story"}[kind]
    assert f'data-fix-target="{target}" data-fix-id="{first}"' in page.text
    assert 'src="/static/fix.js"' in page.text and "Correct this" in page.text
    assert client.get("/static/fix.js").status_code == 200
