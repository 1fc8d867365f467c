"""Every kind of bad input gives an error naming the file (and line) and what to do; others go on."""

from __future__ import annotations

import gzip
import json
import unicodedata
from pathlib import Path

import pytest

from newsloom.article import Article
from newsloom.errors import InputError
from newsloom.ingest import read_path, read_paths
from newsloom.ingest.reader import read_bytes

GOOD = " date 2025-10-21 The minister met the visiting delegation in Hanoi on Tuesday.\n"


def _errors(items: list[Article | InputError]) -> list[InputError]:
    return [i for i in items if isinstance(i, InputError)]


def test_empty_file(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    (error,) = _errors(list(read_path(str(tmp_path / "empty.txt"))))
    assert "empty.txt" in str(error) and "empty" in error.problem and error.hint


def test_binary_file(tmp_path: Path) -> None:
    (tmp_path / "photo.jpg").write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(range(256)) * 20)
    (error,) = _errors(list(read_path(str(tmp_path / "photo.jpg"))))
    assert "photo.jpg" in str(error) and "binary" in error.problem


def test_fifty_megabyte_file_is_refused_without_reading_it(tmp_path: Path) -> None:
    big = tmp_path / "huge.txt"
    with big.open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)
    (error,) = _errors(list(read_path(str(big))))
    assert "huge.txt" in str(error) and "MB" in error.problem and "NEWSLOOM_MAX_FILE_BYTES" in error.hint


@pytest.mark.parametrize(
    ("encoding", "text"),
    [
        (
            "cp1252",
            " date 2025-10-21 The café’s owner said the ministers’ talks were “productive” and ended on time.",
        ),
        (
            "cp1258",
            " date 2025-10-21 Chiều 21/10, Phó Thủ tướng Bùi Thanh Sơn tiếp bà Ghada Waly tại Hà Nội.",
        ),
    ],
)
def test_legacy_encodings_are_decoded(tmp_path: Path, encoding: str, text: str) -> None:
    path = tmp_path / f"legacy_{encoding}.txt"
    path.write_bytes(_encode_legacy(text, encoding))
    (article,) = list(read_path(str(path)))
    assert isinstance(article, Article)
    assert article.text == text.split(" ", 3)[3]
    assert article.published == "2025-10-21"


def _encode_legacy(text: str, encoding: str) -> bytes:
    """Encode as an old editor would: Windows-1258 keeps letter shapes (ơ, ư, ă) but writes tones as marks."""
    if encoding != "cp1258":
        return text.encode(encoding)
    out = bytearray()
    for ch in text:
        try:
            out += ch.encode("cp1258")
        except UnicodeEncodeError:
            parts = unicodedata.normalize("NFD", ch)
            tones = "".join(c for c in parts if c in "\u0300\u0301\u0303\u0309\u0323")
            base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in tones))
            out += (base + tones).encode("cp1258")
    return bytes(out)


def test_broken_html_still_yields_text_or_a_clear_error(tmp_path: Path) -> None:
    body = "<p>The delegation arrived in Hanoi and met officials to discuss the convention. " * 8
    (tmp_path / "broken.html").write_text(
        "<html><head><title>Broken</title><body><div></span><table><tr>" + body
    )
    (tmp_path / "nothing.html").write_text("<html><body><div><span></div></body>")
    broken = list(read_path(str(tmp_path / "broken.html")))
    assert isinstance(broken[0], Article) and "delegation arrived" in broken[0].text
    (error,) = _errors(list(read_path(str(tmp_path / "nothing.html"))))
    assert "nothing.html" in str(error) and "no article text" in error.problem


def test_feed_that_is_not_xml(tmp_path: Path) -> None:
    (tmp_path / "feed.xml").write_text("this is not a feed at all, just words")
    (tmp_path / "feed2.rss").write_text("<rss><channel><item><title>cut off")
    for name in ("feed.xml", "feed2.rss"):
        (error,) = _errors(list(read_path(str(tmp_path / name))))
        assert name in str(error) and ("feed" in error.problem or "RSS" in error.problem)


def test_jsonl_with_a_malformed_line_in_the_middle(tmp_path: Path) -> None:
    lines = [f'{{"text": "Article number {i} about the signing."}}' for i in range(5)]
    lines[2] = '{"text": "unterminated'
    (tmp_path / "batch.jsonl").write_text("\n".join(lines))
    items = list(read_path(str(tmp_path / "batch.jsonl")))
    (error,) = _errors(items)
    assert error.line == 3 and "batch.jsonl:3" in str(error)
    assert len([i for i in items if isinstance(i, Article)]) == 4


def test_missing_path_and_empty_folder(tmp_path: Path) -> None:
    (tmp_path / "empty_dir").mkdir()
    items = list(read_paths([str(tmp_path / "missing.txt"), str(tmp_path / "empty_dir")]))
    assert len(items) == 2 and all(isinstance(i, InputError) for i in items)
    assert "missing.txt" in str(items[0]) and "no such file" in str(items[0])
    assert "empty_dir" in str(items[1]) and "no files" in str(items[1])


def test_bad_files_do_not_stop_the_good_ones(tmp_path: Path) -> None:
    (tmp_path / "a_empty.txt").write_bytes(b"")
    (tmp_path / "b_good.txt").write_text(GOOD)
    (tmp_path / "c_binary.bin").write_bytes(b"\x00\x01\x02" * 100)
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "d_good_no_extension").write_text(GOOD.replace("Tuesday", "Wednesday"))
    items = list(read_path(str(tmp_path)))
    good = [i for i in items if isinstance(i, Article)]
    assert sorted(Path(a.path).name for a in good) == ["b_good.txt", "d_good_no_extension"]
    assert len(_errors(items)) == 2


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be", "utf-32"])
def test_utf16_and_utf32_files_with_a_byte_order_mark_are_read_not_called_binary(
    tmp_path: Path, encoding: str
) -> None:
    """Windows Notepad's "Unicode" is UTF-16 with a byte-order mark: every other byte is NUL."""
    text = " date 2025-10-21 Phó Thủ tướng Bùi Thanh Sơn tiếp bà Ghada Waly tại Hà Nội ngày 21/10."
    raw = text.encode(encoding)
    if encoding == "utf-16-be":
        raw = b"\xfe\xff" + raw  # the big-endian codec writes no mark of its own
    path = tmp_path / f"notepad_{encoding}.txt"
    path.write_bytes(raw)
    (article,) = list(read_path(str(path)))
    assert isinstance(article, Article), article
    assert article.text == text.split(" ", 3)[3]
    assert article.published == "2025-10-21"


def test_binary_bytes_behind_a_utf16_byte_order_mark_are_still_binary(tmp_path: Path) -> None:
    (tmp_path / "fake.txt").write_bytes(b"\xff\xfe" + b"\x01\x00\x02\x00\x03\x00" * 500)  # controls
    (error,) = _errors(list(read_path(str(tmp_path / "fake.txt"))))
    assert "fake.txt" in str(error) and "binary" in error.problem


GOOD_ITEM = (
    "<item><title>Talks</title><link>http://example.org/1</link>\n"
    "<description>The foreign minister met the visiting delegation in Hanoi on Tuesday.</description></item>\n"
)


def test_a_feed_item_without_text_is_reported_at_the_line_it_starts_on(tmp_path: Path) -> None:
    feed = (
        '<?xml version="1.0"?>\n<rss version="2.0"><channel><title>Desk</title>\n'
        + GOOD_ITEM
        + "\n\n<item><title>Only a title</title>\n<link>http://example.org/2</link></item>\n"
        + "</channel></rss>\n"
    )
    (tmp_path / "desk.rss").write_text(feed)
    items = list(read_path(str(tmp_path / "desk.rss")))
    (error,) = _errors(items)
    assert error.line == 7  # the second <item>, not its number (2)
    assert str(error).startswith(f"{tmp_path / 'desk.rss'}:7: feed item 2 has no text")
    assert "well-formed" not in error.problem
    assert sum(isinstance(i, Article) for i in items) == 1


def test_a_feed_cut_mid_item_says_its_xml_is_broken_and_keeps_the_good_item(tmp_path: Path) -> None:
    feed = (
        '<?xml version="1.0"?>\n<rss version="2.0"><channel><title>Desk</title>\n'
        + GOOD_ITEM
        + "<item><title>Cut</title><link>http://example.org/2</link>\n<description>The minister signed\n"
        + "</channel></rss>\n"
    )
    (tmp_path / "cut.rss").write_text(feed)
    items = list(read_path(str(tmp_path / "cut.rss")))
    (error,) = _errors(items)
    assert error.line == 5
    assert "not well-formed XML" in error.problem and "download the feed again" in error.hint
    (article,) = [i for i in items if isinstance(i, Article)]
    assert article.meta("title") == "Talks"


def test_one_article_of_millions_of_characters_is_refused_and_the_next_jsonl_line_read(
    tmp_path: Path,
) -> None:
    """A 5 MB text dump is many articles pasted together: refused with what to do, never run for hours."""
    sentence = "The minister met the visiting delegation in Hanoi on Tuesday to discuss trade. "
    huge = (sentence * 70_000)[:5_000_000]
    (tmp_path / "dump.txt").write_text("Dump\n\n" + huge)
    (error,) = _errors(list(read_path(str(tmp_path / "dump.txt"))))
    assert "dump.txt" in str(error) and "characters" in error.problem and "Split" in error.hint
    lines = [json.dumps({"text": huge}), json.dumps({"text": GOOD})]
    (tmp_path / "crawl.jsonl").write_text("\n".join(lines))
    items = list(read_path(str(tmp_path / "crawl.jsonl")))
    assert [type(i).__name__ for i in items] == ["InputError", "Article"]
    assert str(items[0]).startswith(f"{tmp_path / 'crawl.jsonl'}#1: one article of 5,000,000 characters")


def test_a_store_inside_the_folder_read_is_named_as_a_database_not_a_binary_file(tmp_path: Path) -> None:
    import sqlite3

    # a SQLite file made directly: on the PostgreSQL test backend Store.open would make no file
    with sqlite3.connect(tmp_path / "news.db") as made:
        made.execute("CREATE TABLE articles (id TEXT)")
    made.close()
    (tmp_path / "a.txt").write_text(GOOD)
    items = list(read_path(str(tmp_path)))
    (error,) = [e for e in _errors(items) if "news.db" in e.path and e.path.endswith(".db")]
    assert "SQLite database" in error.problem and "--db elsewhere" in error.hint
    assert sum(isinstance(i, Article) for i in items) == 1


@pytest.mark.parametrize(
    ("data", "kind", "what_to_do"),
    [
        (gzip.compress(b"<rss><channel><item><description>The minister met.</description></item></channel></rss>"),
         "gzip-compressed", "gunzip"),
        (b"PK\x03\x04" + b"\x00" * 200, "ZIP archive", "unzip"),
        (b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n" + bytes(range(256)) * 4, "PDF", "save the article's text"),
    ],
)  # fmt: skip
def test_a_compressed_archive_or_pdf_is_named_with_what_to_do(
    data: bytes, kind: str, what_to_do: str
) -> None:
    (error,) = list(read_bytes(data, "in/file.bin"))
    assert isinstance(error, InputError)
    assert kind in error.problem and what_to_do in error.hint  # was: "a binary file ... Remove it"


@pytest.mark.parametrize("name", ["news.db-shm", "news.db-journal"])
def test_the_shared_memory_and_journal_files_of_a_store_are_named_as_its_files(name: str) -> None:
    # x.db-shm has no magic bytes: it was "a binary file ... Remove it" while the store beside it was named
    data = (
        bytes(32) + bytes(range(256)) * 8
        if name.endswith("-shm")
        else bytes.fromhex("d9d505f920a163d7") + bytes(500)
    )
    (error,) = list(read_bytes(data, f"in/{name}"))
    assert isinstance(error, InputError) and "SQLite" in error.problem and "--db elsewhere" in error.hint
