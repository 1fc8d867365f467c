"""The finer PLOVER modes the stage reports (session 14: every codebook mode, not a closed list) reach
the store and are shown by the CLI, the API, the event page and the PLOVER export (#13)."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsloom.events.merge import merge_article_events
from newsloom.events.queries import list_events
from newsloom.events.stage import find_events
from newsloom.store import Store
from newsloom.store.articles import save_article
from tests.events.helpers import SON, make_article

#: a resignation: RETREAT ``resign``, a PLOVER mode outside the blind sets' closed lists
TEXT = "Bùi Thanh Sơn resigned on Friday."


@pytest.fixture(scope="module")
def stored(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, int]:
    path = tmp_path_factory.mktemp("modes") / "modes.db"
    store = Store.open(str(path))
    try:
        with store.transaction() as conn:
            article = make_article(TEXT, "en", {"Bùi Thanh Sơn": SON}, published="2025-10-24")
            article = find_events(article, classifier=False)
            assert [(e.type, e.mode) for e in article.events] == [("RETREAT", "resign")]
            save_article(conn, article)
            merge_article_events(conn, article)
            found = list_events(conn, type="RETREAT", limit=10)
    finally:
        store.close()
    assert len(found) == 1
    return path, found[0]["id"]


def test_the_api_and_the_page_show_the_finer_mode(stored: tuple[Path, int]) -> None:
    from fastapi.testclient import TestClient

    from newsloom.serve.api import create_app

    path, event_id = stored
    with TestClient(create_app(str(path))) as client:
        record = client.get(f"/api/events/{event_id}").json()
        assert record["mode"] == "resign", record
        listed = client.get("/api/events", params={"type": "RETREAT"}).json()
        assert [row["mode"] for row in listed["items"]] == ["resign"], listed
        page = client.get(f"/events/{event_id}")
        assert page.status_code == 200 and "resign" in page.text


def test_the_cli_and_the_plover_export_show_the_finer_mode(stored: tuple[Path, int]) -> None:
    from typer.testing import CliRunner

    from newsloom.cli import app
    from newsloom.events.codebook import event_scale, to_plover

    path, event_id = stored
    shown = CliRunner().invoke(app, ["event", str(event_id), "--db", str(path)])
    assert shown.exit_code == 0 and "resign" in shown.output, shown.output
    listed = CliRunner().invoke(app, ["events", "--type", "RETREAT", "--db", str(path)])
    assert listed.exit_code == 0 and "resign" in listed.output, listed.output
    article = find_events(
        make_article(TEXT, "en", {"Bùi Thanh Sơn": SON}, published="2025-10-24"), classifier=False
    )
    record = to_plover(article.events[0], coded_date="2025-10-25")
    assert record["mode"] == ["resign"]
    assert record["event_scale"] == event_scale("RETREAT", "resign") != event_scale("RETREAT")
