"""Long IN lists are cut into pieces, and a lookup over more ids than one piece finds them all."""

from __future__ import annotations

from pathlib import Path

from newsloom.store.chunks import IN_CHUNK, in_chunks


def test_in_chunks_keeps_every_value_in_order_within_the_size() -> None:
    values = list(range(2 * IN_CHUNK + 7))
    pieces = list(in_chunks(values))
    assert [len(p) for p in pieces] == [IN_CHUNK, IN_CHUNK, 7]
    assert [v for p in pieces for v in p] == values


def test_in_chunks_of_nothing_is_no_piece() -> None:
    assert list(in_chunks([])) == []
    assert list(in_chunks("abc", size=2)) == [["a", "b"], ["c"]]


def test_a_lookup_over_more_ids_than_one_piece_finds_them_all(tmp_path: Path) -> None:
    from newsloom.ingest.text import parse_text
    from newsloom.store import Store
    from newsloom.store.articles import article_data, save_article

    store = Store.open(str(tmp_path / "c.db"))
    ids = []
    with store.transaction() as conn:
        for i in range(3):
            text = f" date 2025-10-0{i + 1} Report {i}: delegation {i * 11} signed memorandum {i * 37} in city {i}."
            article = parse_text(text, path=f"r{i}.txt")
            save_article(conn, article)
            ids.append(article.id)
    fakes = [f"missing-{n}" for n in range(2 * IN_CHUNK)]
    asked = fakes[: IN_CHUNK - 1] + [ids[0], ids[1]] + fakes[IN_CHUNK - 1 :] + [ids[2]]
    with store.connect() as conn:
        found = article_data(conn, asked)
    assert sorted(found) == sorted(ids)
