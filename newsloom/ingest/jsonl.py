"""JSONL: one article per line.

Schema: ``text`` (required, string); optional ``title``, ``url``, ``published`` (ISO date or
datetime; else ``date``, ``published_at``, ``publish_date``, ``pubDate``, ``datePublished``), ``language`` (ISO 639-1), ``source`` (the outlet), ``author``, ``section``.
"""

from __future__ import annotations

import json
from collections.abc import Iterator

from newsloom.article import Article, MetaField
from newsloom.errors import InputError, unexpected_error
from newsloom.ingest.boilerplate import clean_body
from newsloom.ingest.build import build_article
from newsloom.ingest.metadata import clean_value, language_code, normalise_date

#: JSONL key -> metadata field
FIELDS = {"title": "title", "url": "source_url", "source": "outlet", "author": "author", "section": "section"}
#: Where a line may give its publication date, the first present wins: ``published``, then the
#: names scrapers and schema.org give it (a crawl's "date" was dropped without a word).
PUBLISHED_KEYS = (
    "published",
    "date",
    "published_at",
    "publish_date",
    "pubDate",
    "datePublished",
    "date_published",
)
SCHEMA_HINT = 'Each line must be a JSON object with a "text" string, e.g. {"text": "...", "title": "...", "published": "2025-10-21"}.'


def parse_jsonl(text: str, path: str) -> Iterator[Article | InputError]:
    """One Article per line; a bad line is an error naming the line, and the other lines go on."""
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            yield parse_line(line, path, number)
        except Exception as exc:  # one odd line never stops the others
            yield unexpected_error(path, exc, number)


def parse_line(line: str, path: str, number: int) -> Article | InputError:
    """One JSONL line as an Article, or the error that names what is wrong with it."""
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        at = "" if exc.msg.endswith(" at") else " at"  # "Unterminated string starting at" says it
        return InputError(
            path, f"line is not valid JSON ({exc.msg}{at} column {exc.colno})", SCHEMA_HINT, number
        )
    except RecursionError:
        return InputError(path, "line is JSON nested too deeply to read", SCHEMA_HINT, number)
    return parse_record(record, path, number, line)


def parse_json_array(text: str, path: str) -> Iterator[Article | InputError]:
    """A JSON file holding a list of article objects (a scraper's dump): each element as a JSONL line,
    its number (1-based) in place of the line's; a bad element is an error and the others go on."""
    try:
        records = json.loads(text)
    except json.JSONDecodeError as exc:
        yield InputError(
            path, f"not valid JSON ({exc.msg} at line {exc.lineno}, column {exc.colno})",
            "A JSON file must hold a list of objects with a \"text\" string; or write JSON Lines, one object a line.",
            exc.lineno,
        )  # fmt: skip
        return
    except RecursionError:
        yield InputError(path, "JSON nested too deeply to read", SCHEMA_HINT)
        return
    if not isinstance(records, list):
        yield InputError(
            path,
            "the JSON is not a list of articles",
            'Give a list of objects with a "text" string, or JSON Lines.',
        )
        return
    for number, record in enumerate(records, start=1):
        try:
            yield parse_record(record, path, number, json.dumps(record, ensure_ascii=False), unit="element")
        except Exception as exc:  # one odd element never stops the others
            yield unexpected_error(f"{path}#{number}", exc)


def parse_record(
    record: object, path: str, number: int, raw: str, unit: str = "line"
) -> Article | InputError:
    """One decoded JSONL line (or JSON array element, ``unit``) as an Article, or the error naming it.
    An element's error is named ``path#N`` (a line's is ``path:N``)."""
    where, line = (path, number) if unit == "line" else (f"{path}#{number}", None)
    if not isinstance(record, dict) or not isinstance(record.get("text"), str) or not record["text"].strip():
        return InputError(where, f'{unit} has no "text" string', SCHEMA_HINT, line)
    metadata: dict[str, MetaField] = {}
    for key, name in FIELDS.items():
        value = clean_value(record.get(key))
        if value:
            metadata[name] = MetaField(value, "jsonl", 1.0)
    date_key = next((k for k in PUBLISHED_KEYS if record.get(k) not in (None, "")), None)
    if date_key is not None:
        published = normalise_date(record[date_key])
        if published is None:
            return InputError(
                where, f"\"{date_key}\" is {record[date_key]!r}, not a date",
                "Use an ISO date such as 2025-10-21 or 2025-10-21T14:30:00+07:00.", line,
            )  # fmt: skip
        metadata["published"] = MetaField(published, "jsonl", 1.0)
    if record.get("language") not in (None, ""):
        given = record["language"]
        code = language_code(given) if isinstance(given, str) else None
        if code is None:
            return InputError(
                where, f'"language" is {given!r}, not a language code',
                "Use an ISO 639-1 code such as vi, en, id or fr, or leave it out and the language is detected.",
                line,
            )  # fmt: skip
        metadata["language"] = MetaField(code, "jsonl", 1.0)
    lines = list(enumerate(record["text"].split("\n"), start=1))
    body = clean_body(lines)
    if body.credit:
        metadata["credit"] = MetaField(body.credit, "text", 0.8)
    if body.source_url and "source_url" not in metadata:
        metadata["source_url"] = MetaField(body.source_url, "text", 0.9)
    return build_article(
        path=f"{path}#{number}", fmt="jsonl", paragraphs=body.paragraphs, metadata=metadata,
        boilerplate=body.boilerplate, raw=raw,
    )  # fmt: skip
