"""The home page's parts are prepared when the server starts and kept until the store changes
(issue #18): the first reader does not wait for them, every variant of the page shares them."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

import newsloom.serve.contexts as contexts
import newsloom.views.timeline as timeline
from tests.conftest import EXAMPLES
from tests.serve.conftest import copy_db


@pytest.fixture()
def named(monkeypatch: pytest.MonkeyPatch) -> list[list[int]]:
    """Every call that names storylines, with the lines it named."""
    calls: list[list[int]] = []
    real = contexts.storyline_names

    def counting(conn: object, lines: list[int]) -> dict[int, str]:
        calls.append(list(lines))
        return real(conn, lines)  # type: ignore[arg-type]

    monkeypatch.setattr(contexts, "storyline_names", counting)
    monkeypatch.setattr(timeline, "_cache", type(timeline._cache)())  # nothing from another test
    return calls


@pytest.fixture()
def started(served_db: Path, tmp_path: Path, named: list[list[int]]) -> Iterator[tuple[object, Path]]:
    from fastapi.testclient import TestClient

    from newsloom.serve.api import create_app

    db = copy_db(served_db, tmp_path)
    with TestClient(create_app(str(db), embeddings=False)) as client:
        yield client, db


def test_the_home_page_is_prepared_at_start_and_shared_by_its_variants(
    started: tuple[object, Path], named: list[list[int]]
) -> None:
    client, _ = started
    assert len(named) == 1 and named[0], "the start names the home page's storylines once"
    for headers in ({"accept": "text/html"}, {"accept": "text/html", "accept-language": "vi"}):
        page = client.get("/", headers=headers)  # type: ignore[attr-defined]
        assert page.status_code == 200
    assert len(named) == 1  # both variants of the page took the names prepared at start


def test_the_names_are_made_again_once_the_store_changes(
    started: tuple[object, Path], named: list[list[int]]
) -> None:
    from newsloom.runner import process_paths
    from newsloom.store import Store

    client, db = started
    store = Store.open(str(db))
    report = process_paths(
        [str(EXAMPLES / "text" / "en_01_chinh_thongloun_meeting.txt")], store, stages=None, corpus=True
    )
    store.close()
    assert report.statuses["new"] == 1
    assert client.get("/", headers={"accept": "text/html"}).status_code == 200  # type: ignore[attr-defined]
    assert len(named) == 2  # a new article: the page's names were read again
