"""Same input, same article; one odd file (or line, or feed item) never stops the others."""

from __future__ import annotations

import multiprocessing
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import pytest

from newsloom.article import Article
from newsloom.errors import InputError
from newsloom.ingest import read_bytes, read_path, read_paths

EXAMPLE_PAGE = (
    Path(__file__).resolve().parents[2] / "examples" / "html" / "en_01_guterres_luong_cuong_talks.html"
)
GOOD_TEXT = " date 2025-10-21 The minister met the visiting delegation in Hanoi on Tuesday.\n"


def _read_id(path: str) -> str:
    (article,) = list(read_path(path))
    assert isinstance(article, Article)
    return article.id


def test_one_page_read_ten_times_in_one_process_gives_one_id() -> None:
    ids = {_read_id(str(EXAMPLE_PAGE)) for _ in range(10)}
    assert len(ids) == 1


def _fresh_pool(workers: int) -> ProcessPoolExecutor:
    """Worker processes started afresh (spawn): nothing inherited from what this process read."""
    return ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("spawn"))


def test_one_page_read_in_a_pool_gives_the_same_id_as_in_process() -> None:
    first = _read_id(str(EXAMPLE_PAGE))
    with _fresh_pool(2) as pool:
        ids = set(pool.map(_read_id, [str(EXAMPLE_PAGE)] * 20))
    assert ids == {first}


def _read_id_after(folder: str, path: str) -> str:
    list(read_paths([folder]))
    return _read_id(path)


def test_an_articles_id_does_not_depend_on_what_was_read_before(tmp_path: Path) -> None:
    # pages sharing the example's paragraphs, read first, must not change the example's text
    html = EXAMPLE_PAGE.read_text(encoding="utf-8")
    for number in range(8):
        (tmp_path / f"copy_{number}.html").write_text(html.replace("<title>", f"<title>{number} "), "utf-8")
    with _fresh_pool(1) as pool:
        alone = pool.submit(_read_id, str(EXAMPLE_PAGE)).result()
    with _fresh_pool(1) as pool:
        after = pool.submit(_read_id_after, str(tmp_path), str(EXAMPLE_PAGE)).result()
    assert after == alone


def _feed(description: str) -> bytes:
    return (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Desk</title>'
        f"<item><title>One</title><description><![CDATA[{description}]]></description></item>"
        "<item><title>Two</title><description><![CDATA[<p>The minister met the visiting delegation "
        "in Hanoi on Tuesday to discuss trade.</p>]]></description></item>"
        "</channel></rss>"
    ).encode()


def test_a_feed_item_with_an_escape_character_is_read_and_the_next_item_too() -> None:
    items = list(
        read_bytes(_feed("<p>The minister \x1b[31mmet the delegation in Hanoi on Tuesday.</p>"), "f.rss")
    )
    articles = [i for i in items if isinstance(i, Article)]
    assert len(articles) == 2, items
    assert "\x1b" not in articles[0].text and "met the delegation" in articles[0].text


def test_a_jsonl_line_nested_deep_is_an_error_for_that_line_only() -> None:
    deep = "[" * 100_000 + "]" * 100_000
    data = "\n".join(['{"text": "The minister met the delegation in Hanoi."}', deep, '{"text": "Second."}'])
    items = list(read_bytes(data.encode(), "crawl.jsonl"))
    assert [type(i).__name__ for i in items] == ["Article", "InputError", "Article"]
    error = items[1]
    assert isinstance(error, InputError) and error.line == 2 and "nested" in error.problem


def test_a_jsonl_file_whose_first_line_is_nested_deep_is_still_read_line_by_line() -> None:
    deep = '{"text": ' + "[" * 100_000 + "]" * 100_000 + "}"
    data = deep + '\n{"text": "The minister met the delegation in Hanoi."}'
    items = list(read_bytes(data.encode(), "crawl.jsonl"))
    assert any(isinstance(i, Article) for i in items)
    assert any(isinstance(i, InputError) and i.line == 1 for i in items)


def test_an_unexpected_reader_failure_is_an_input_error_and_the_run_goes_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import newsloom.ingest.html as html_reader

    def broken(html: str, path: str) -> Article:
        raise KeyError("a library bug")

    monkeypatch.setattr(html_reader, "parse_html", broken)
    (tmp_path / "a.html").write_text("<html><body><p>x</p></body></html>", "utf-8")
    (tmp_path / "b.txt").write_text(GOOD_TEXT, "utf-8")
    items = list(read_paths([str(tmp_path)]))
    assert isinstance(items[0], InputError) and "KeyError" in items[0].problem and items[0].hint
    assert isinstance(items[1], Article)
