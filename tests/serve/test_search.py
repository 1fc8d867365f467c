"""Search: folding keeps offsets, snippets cut the original text, the index refreshes incrementally."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsloom.serve.search import (
    SearchIndex,
    Segment,
    closeness,
    fold_text,
    make_segments,
    query_terms,
)


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("Bùi Thanh Sơn", "bui thanh son"),
        ("ĐÀ NẴNG", "da nang"),
        ("Liên hợp quốc", "lien hop quoc"),
        ("António Guterres", "antonio guterres"),
        ("Łódź Øresund", "lodz oresund"),
        ("İstanbul", "istanbul"),
    ],
)
def test_fold_keeps_one_character_for_one(text: str, folded: str) -> None:
    assert fold_text(text) == folded
    assert len(fold_text(text)) == len(text)


def test_query_terms_drop_fts_syntax() -> None:
    assert query_terms('Bùi "Thanh" NEAR(Sơn) OR *') == ["bui", "thanh", "near", "son", "or"]
    assert query_terms("!!! ()") == []


def test_snippet_marks_the_phrase_in_the_original_text() -> None:
    text = "Chiều 21/10, tại Hà Nội, Phó Thủ tướng Bùi Thanh Sơn đã tiếp bà Ghada Waly."
    segments = make_segments(text, [["bui", "thanh", "son"]])
    assert [s.text for s in segments if s.match] == ["Bùi Thanh Sơn"]
    assert "".join(s.text for s in segments) == text


def test_snippet_window_and_fallback() -> None:
    text = "A" * 300 + " Waly " + "B" * 300
    segments = make_segments(text, [["waly"]], context=20)
    assert segments[0] == Segment("…") and segments[-1] == Segment("…")
    assert [s.text for s in segments if s.match] == ["Waly"]
    words = "Hanoi (BERITANUSA) - Wakil Perdana Menteri Vietnam Bui Thanh Son kemarin menerima Ghada Waly di Hanoi."
    cut = make_segments(words + " " + words, [["ghada", "waly"]], context=30)
    shown = "".join(s.text for s in cut[1:-1])
    at = (words + " " + words).index(shown)
    assert (words + " " + words)[at - 1] == " " and (words + " " + words)[
        at + len(shown)
    ] == " "  # whole words
    assert not any(s.match for s in make_segments("nothing to see", [["waly"]]))


def test_closeness_prefers_the_query_as_typed_then_the_phrase() -> None:
    terms = query_terms("Đà Nẵng")
    assert closeness("Đà Nẵng", terms, "", "Họp tại Đà Nẵng hôm nay") == 2
    assert closeness("Đà Nẵng", terms, "", "Meeting in Da Nang today") == 1
    assert closeness("Đà Nẵng", terms, "", "đã nâng cấp quan hệ") == 1  # folds to the same words: below 2
    assert closeness("Đà Nẵng", terms, "", "nâng cấp xong, đã ký") == 0
    assert closeness("da nang", query_terms("da nang"), "", "Họp tại Đà Nẵng") == 1  # no marks typed


def test_index_refresh_is_incremental(module_db: Path) -> None:
    from newsloom.store import Store

    store = Store.open(str(module_db))
    index = SearchIndex(store, use_embeddings=False)
    first = index.refresh(force=True)
    assert first["article"] == 5 and first["entity"] > 0 and first["event"] > 0
    assert index.refresh(force=True) == {"article": 0, "event": 0, "entity": 0}
    assert index.refresh() == {}  # checked a moment ago: not even a query
    with store.connect() as conn:
        ids = [
            row[0] for row in conn.exec_driver_sql("SELECT ref FROM serve_search_docs WHERE kind = 'article'")
        ]
    assert len(ids) == len(set(ids)) == 5
    store.close()


def test_search_without_embeddings_still_crosses_languages_by_name(module_db: Path) -> None:
    from newsloom.store import Store

    index = SearchIndex(Store.open(str(module_db)), use_embeddings=False)
    hits = index.search("Liên hợp quốc", kinds=("article",), limit=20)
    assert {"vi", "en"} <= {h.language for h in hits}  # "UN" / "United Nations" in the English report
    assert all(h.matched_by == ["text"] for h in hits)
    assert index.search("   ") == []


def test_a_hit_cuts_its_snippet_when_first_asked_and_as_make_segments_does(module_db: Path) -> None:
    from newsloom.store import Store

    index = SearchIndex(Store.open(str(module_db)), use_embeddings=False)
    hits = index.search("Ghada Waly", limit=20)
    assert hits and all(h.snippet_source is not None for h in hits)  # nothing cut before it is shown
    text, phrases = hits[0].snippet_source or ("", [])
    expected = make_segments(text, phrases)
    assert hits[0].to_dict()["snippet"] == "".join(s.text for s in expected)
    assert hits[0].segments == expected and hits[0].snippet_source is None
    assert any(s.match for s in expected)


def test_documents_read_together_are_those_read_one_by_one(module_db: Path) -> None:
    from newsloom.store import Store
    from newsloom.store.search import find_doc, find_docs

    store = Store.open(str(module_db))
    SearchIndex(store, use_embeddings=False).refresh(force=True)
    with store.connect() as conn:
        keys = [
            (str(r[0]), str(r[1])) for r in conn.exec_driver_sql("SELECT kind, ref FROM serve_search_docs")
        ]
        languages = [None, "vi", "en"]
        for kind in ("article", "event", "entity"):
            refs = [ref for k, ref in keys if k == kind] + ["no-such-ref"]
            assert len(refs) > 1
            for language in languages:
                together = find_docs(conn, kind, refs, language, chunk=3)  # several chunks
                alone = {ref: find_doc(conn, kind, ref, language) for ref in refs}
                assert together == {ref: doc for ref, doc in alone.items() if doc is not None}
    store.close()


def test_meaning_ranks_follow_the_vectors_loaded_last(
    module_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each language's rows are found once per load of the vectors: a load after the store changed
    (a new language, a new article) is what the next query ranks, never the rows of the load before."""
    import numpy as np

    from newsloom.serve import search as search_module
    from newsloom.store import Store
    from newsloom.stories import embed

    query = np.array([1.0, 1.0, 1.0, 0.0], dtype=np.float32) / np.sqrt(3)

    class FixedEncoder:
        def encode(self, texts: list[str]) -> np.ndarray:
            return np.vstack([query for _ in texts])

    monkeypatch.setattr(embed, "get_encoder", lambda: FixedEncoder())
    stored = [("a1", "vi", query), ("a2", "en", query)]
    monkeypatch.setattr(search_module.index_rows, "passage_vectors", lambda conn: iter(list(stored)))
    index = SearchIndex(Store.open(str(module_db)), use_embeddings=True)
    index._load_vectors()
    assert {(ref, rank) for ref, _, rank in index._meaning_ranks("anything")} == {("a1", 1), ("a2", 1)}
    stored.append(("a3", "id", query))
    index._load_vectors()
    assert {ref for ref, _, _ in index._meaning_ranks("anything")} == {"a1", "a2", "a3"}
    assert [ref for ref, _, _ in index._meaning_ranks("anything", "id")] == ["a3"]
