"""``POST /api/ingest``: check an uploaded file, then run the whole pipeline on it into the store."""

from __future__ import annotations

import re
import tempfile
from pathlib import Path
from typing import Any

from newsloom.serve.errors import ApiError
from newsloom.store import Store

#: The largest file one upload may hold (2 MB: a long article in HTML is a few hundred KB).
MAX_UPLOAD_BYTES = 2 * 1024 * 1024
#: Extensions of the inputs newsloom reads: plain-text dumps, HTML pages, RSS/Atom feeds, JSON Lines.
ALLOWED_EXTENSIONS = frozenset(
    {".txt", ".text", ".html", ".htm", ".xhtml", ".xml", ".rss", ".atom", ".jsonl", ".ndjson"}
)
#: Declared media types a browser or client may send for those files (octet-stream: unknown suffix).
ALLOWED_TYPES = frozenset(
    {
        "", "text/plain", "text/html", "application/xhtml+xml", "application/xml", "text/xml",
        "application/rss+xml", "application/atom+xml", "application/jsonl", "application/x-ndjson",
        "application/json", "application/octet-stream",
    }
)  # fmt: skip
_UNSAFE = re.compile(r"[^\w.-]+", re.UNICODE)


def safe_name(filename: str | None) -> str:
    """The upload's base name with anything but letters, digits, '.', '-' and '_' replaced."""
    base = Path((filename or "upload.txt").replace("\\", "/")).name
    cleaned = _UNSAFE.sub("_", base).strip("._") or "upload.txt"
    stem, suffix = Path(cleaned).stem[:80], Path(cleaned).suffix.lower()
    return f"{stem or 'upload'}{suffix}"


def check_upload(filename: str | None, content_type: str | None, data: bytes) -> str:
    """Raise 413/415/422 for an upload newsloom will not read; return the safe file name."""
    name = safe_name(filename)
    suffix = Path(name).suffix.lower()
    if suffix not in ALLOWED_EXTENSIONS:
        raise ApiError(
            415, f"Cannot read '{name}': upload text (.txt), HTML (.html), a feed (.rss, .atom, .xml) "
            "or JSON Lines (.jsonl).",
        )  # fmt: skip
    media = (content_type or "").split(";", 1)[0].strip().lower()
    if media not in ALLOWED_TYPES:
        raise ApiError(
            415, f"Cannot read '{name}' sent as {media}: send it as text/plain, text/html, XML or JSON."
        )
    if len(data) > MAX_UPLOAD_BYTES:
        raise ApiError(
            413, f"'{name}' is {len(data):,} bytes; one upload may hold {MAX_UPLOAD_BYTES:,} bytes at most. "
            "Split it into smaller files.",
        )  # fmt: skip
    if not data.strip():
        raise ApiError(422, f"'{name}' is empty: upload a file that holds an article.")
    if b"\x00" in data[:8192]:
        raise ApiError(415, f"'{name}' is a binary file, not text, HTML, a feed or JSON Lines.")
    return name


#: An uploaded article's stored path: this prefix and the file name it was sent under.
UPLOAD_PREFIX = "upload:"


def ingest_upload(
    store: Store, filename: str | None, content_type: str | None, data: bytes
) -> dict[str, Any]:
    """Write the upload to a temporary file and run every stage and corpus step on it."""
    from newsloom.runner import process_paths
    from newsloom.serve.records import article_summary, articles_at_path
    from newsloom.store.articles import load_article

    name = check_upload(filename, content_type, data)
    with tempfile.TemporaryDirectory(prefix="newsloom-upload-") as folder:
        path = str(Path(folder) / name)
        Path(path).write_bytes(data)
        shown = f"{UPLOAD_PREFIX}{name}"  # the name the person sent, not the server's temporary file
        report = process_paths(
            [path], store, stages=None, corpus=True, max_bytes=MAX_UPLOAD_BYTES, shown_as={path: shown}
        )
        with store.connect() as conn:
            found = [load_article(conn, article_id) for article_id in articles_at_path(conn, shown)]
    stored = [article_summary(a) for a in found if a is not None]
    errors = [{"path": e.path, "line": e.line, "problem": e.problem, "hint": e.hint} for e in report.errors]
    if not stored:
        problem = report.errors[0] if report.errors else None
        detail = f"{problem.problem}. {problem.hint}" if problem else "no article was found in it."
        raise ApiError(422, f"Nothing was stored from '{name}': {detail}")
    return {
        "file": name,
        "articles": stored,
        "statuses": dict(report.statuses),
        "errors": errors,
        "stages": list(report.stages),
        "seconds": round(report.seconds, 3),
    }
