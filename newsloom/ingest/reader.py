"""Read paths (files, folders, standard input) into Articles, reporting bad inputs without stopping."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

from newsloom.article import Article
from newsloom.errors import InputError, unexpected_error
from newsloom.ingest.decode import decode_text, looks_binary
from newsloom.ingest.sniff import FEED_EXTENSIONS, TABLE_EXTENSIONS, sniff

#: Files a folder walk leaves alone (documentation and VCS files, not articles).
SKIPPED_NAMES = frozenset(
    {"readme", "readme.md", "readme.txt", "license", "license.txt", "notice", ".gitkeep"}
)
DEFAULT_MAX_BYTES = 20 * 1024 * 1024
#: Characters of body above which one article is refused: a long news feature runs to some 60 000;
#: a body of millions is many articles in one file (or no news at all), and the per-sentence stages
#: would run on it for many minutes (a 5 MB text file had not finished `run` in 15 minutes).
MAX_ARTICLE_CHARS = 300_000

Item = Article | InputError
#: The first bytes of a SQLite database and of its write-ahead log (both byte orders).
SQLITE_MAGIC = b"SQLite format 3\x00"
SQLITE_WAL_MAGIC = frozenset({b"\x37\x7f\x06\x82", b"\x37\x7f\x06\x83"})
SQLITE_JOURNAL_MAGIC = b"\xd9\xd5\x05\xf9\x20\xa1\x63\xd7"  # a rollback journal (x.db-journal)
#: Files a user drops into a folder of articles that are no article yet: first bytes -> (what it
#: is, what to do). A crawl saved compressed, a folder zipped, a PDF print of a page.
PACKED_MAGIC = {
    b"\x1f\x8b": ("a gzip-compressed file", "Decompress it first (gunzip FILE) and read what it holds."),
    b"PK\x03\x04": (
        "a ZIP archive (or an Office document, which is one)",
        "unzip it into a folder and read that folder; save an Office document as text or HTML.",
    ),
    b"%PDF-": (
        "a PDF",
        "newsloom does not read PDF: save the article's text (.txt) or its web page (.html).",
    ),
    b"BZh": ("a bzip2-compressed file", "Decompress it first (bunzip2 FILE) and read what it holds."),
    b"\xfd7zXZ\x00": ("an xz-compressed file", "Decompress it first (unxz FILE) and read what it holds."),
}


def iter_input_files(path: str) -> Iterator[str | InputError]:
    """The files under ``path`` (recursively, sorted; hidden and README files skipped)."""
    if path == "-":
        yield path
        return
    p = Path(path)
    if not p.exists():
        yield InputError(
            path, "no such file or folder", "Check the path (it is taken relative to the current folder)."
        )
        return
    if p.is_file():
        yield path
        return
    found = False
    for root, dirs, files in os.walk(p):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if name.startswith(".") or name.lower() in SKIPPED_NAMES:
                continue
            found = True
            yield os.path.join(root, name)
    if not found:
        yield InputError(path, "the folder holds no files to read", "Point newsloom at a folder of articles.")


def read_bytes(data: bytes, path: str, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Item]:
    """Articles (or errors) from the bytes of one input."""
    if not data.strip():
        yield InputError(path, "the file is empty", "Remove it or fill it with an article.")
        return
    if len(data) > max_bytes:
        yield _too_large(path, len(data), max_bytes)
        return
    if (
        data.startswith((SQLITE_MAGIC, SQLITE_JOURNAL_MAGIC))
        or data[:4] in SQLITE_WAL_MAGIC
        or (path.endswith("-shm") and looks_binary(data))  # the shared-memory index has no magic bytes
    ):
        yield InputError(
            path,
            "this is a SQLite database (a newsloom store or its journal?), not an article",
            "Keep the store outside the folders you read (--db elsewhere), or leave this file out.",
        )
        return
    if looks_binary(data):
        packed = next((found for magic, found in PACKED_MAGIC.items() if data.startswith(magic)), None)
        if packed is not None:
            yield InputError(path, f"this is {packed[0]}, not text, HTML, a feed or JSONL", packed[1])
            return
        yield InputError(
            path, "this is a binary file, not text, HTML, a feed or JSONL", "Remove it from the input."
        )
        return
    decoded = decode_text(data)
    if decoded is None:
        yield InputError(
            path, "the file's text encoding cannot be recognised", "Save it as UTF-8 and read it again."
        )
        return
    text, _encoding = decoded
    try:
        yield from map(_refuse_overlong, _parse_text(text, path))
    except InputError as exc:
        yield exc
    except Exception as exc:  # any library failure is this file's error, not the run's
        yield unexpected_error(path, exc)


def _parse_text(text: str, path: str) -> Iterator[Item]:
    kind = sniff(text)
    if kind == "text" and Path(path).suffix.lower() in TABLE_EXTENSIONS:
        yield InputError(
            path,
            "a spreadsheet export (CSV/TSV) is not read as articles",
            'Write it as JSON Lines, one article a line: {"text": "...", "title": "...", "published": "2025-10-21"}.',
        )
        return
    if kind == "text" and Path(path).suffix.lower() in FEED_EXTENSIONS:
        yield InputError(
            path,
            "named like a feed, but its content is not RSS/Atom XML",
            "Check that the download is complete.",
        )
        return
    if kind == "html":
        from newsloom.ingest.html import parse_html

        yield parse_html(text, path)
    elif kind == "feed":
        from newsloom.ingest.feeds import parse_feed

        yield from parse_feed(text, path)
    elif kind == "jsonl":
        from newsloom.ingest.jsonl import parse_jsonl

        yield from parse_jsonl(text, path)
    elif kind == "json":
        from newsloom.ingest.jsonl import parse_json_array

        yield from parse_json_array(text, path)
    else:
        from newsloom.ingest.text import parse_text

        article = parse_text(text, path, "stdin" if path == "-" else "text")
        if not article.text:
            yield InputError(
                path, "no article text after removing headers and boilerplate", "Check the file."
            )
        else:
            yield article


def _refuse_overlong(item: Item) -> Item:
    """The item, or an error when it is one article longer than :data:`MAX_ARTICLE_CHARS`."""
    if not isinstance(item, Article) or len(item.text) <= MAX_ARTICLE_CHARS:
        return item
    return InputError(
        item.path,
        f"one article of {len(item.text):,} characters, over the {MAX_ARTICLE_CHARS:,} a news article can hold",
        "Split the file into its articles (one a file, or one a JSONL line).",
    )


def _too_large(path: str, size: int, max_bytes: int) -> InputError:
    return InputError(
        path,
        f"the file is {size / 1e6:.1f} MB, over the {max_bytes / 1e6:.0f} MB limit for one input",
        "Split it (JSONL: one article a line) or raise max_file_bytes (NEWSLOOM_MAX_FILE_BYTES).",
    )


def read_path(path: str, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Item]:
    """Articles (or errors) from one file, one folder, or ``-`` (standard input)."""
    for file in iter_input_files(path):
        if isinstance(file, InputError):
            yield file
            continue
        yield from _read_file(file, max_bytes)


def _read_file(file: str, max_bytes: int) -> Iterator[Item]:
    if file == "-":
        yield from read_bytes(sys.stdin.buffer.read(), "-", max_bytes)
        return
    try:
        size = os.path.getsize(file)
        if size > max_bytes:  # refuse before reading 50 MB into memory
            yield _too_large(file, size, max_bytes)
            return
        with open(file, "rb") as handle:
            data = handle.read()
    except OSError as exc:
        yield InputError(file, f"cannot be read ({exc.strerror})", "Check its permissions.")
        return
    yield from read_bytes(data, file, max_bytes)


def read_paths(paths: Iterable[str], max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Item]:
    """Articles (or errors) from many paths, in order."""
    for path in paths:
        yield from read_path(path, max_bytes)
