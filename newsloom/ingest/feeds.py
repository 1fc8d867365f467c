"""RSS and Atom feeds: each item is an article (feedparser)."""

from __future__ import annotations

import calendar
import re
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

from newsloom.article import Article, MetaField
from newsloom.errors import InputError, unexpected_error
from newsloom.ingest.boilerplate import clean_body
from newsloom.ingest.build import build_article
from newsloom.ingest.metadata import clean_value, normalise_date

#: Characters XML (hence lxml) refuses: C0 controls other than tab, newline and CR; lone surrogates; U+FFFE-U+FFFF.
NOT_XML_CHARS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def strip_non_xml(text: str) -> str:
    """``text`` with the characters lxml cannot hold replaced by a space (an escape code, a NUL)."""
    return NOT_XML_CHARS.sub(" ", text)


def html_to_lines(fragment: str) -> list[str]:
    """Paragraph texts of an HTML fragment (feed descriptions hold markup)."""
    import lxml.html

    if "<" not in fragment:
        return [line for line in fragment.split("\n")]
    try:
        tree = lxml.html.fragment_fromstring(strip_non_xml(fragment), create_parent="div")
    except Exception:  # lxml's ParserError on empty or broken fragments
        return [strip_non_xml(fragment)]
    for br in tree.iter("br"):
        br.tail = "\n" + (br.tail or "")
    for block in tree.iter("p", "div", "li", "h1", "h2", "h3", "h4", "blockquote", "figcaption"):
        block.tail = "\n" + (block.tail or "")
        if block.text:
            block.text = "\n" + block.text
    return tree.text_content().split("\n")


#: Where an item starts: RSS ``<item>``, Atom ``<entry>`` (a namespace prefix allowed).
_ITEM_START = re.compile(r"<(?:[\w-]+:)?(?:item|entry)[\s>/]", re.I)


def item_lines(text: str, count: int) -> list[int | None]:
    """The line on which each of ``count`` items starts, or no lines when the tags found do not
    match the items feedparser read (a tag inside CDATA, a feed it repaired)."""
    starts = [text.count("\n", 0, match.start()) + 1 for match in _ITEM_START.finditer(text)]
    return list(starts) if len(starts) == count else [None] * count


def xml_fault(feed: Any) -> str:
    """What is wrong with a feed feedparser had to repair ('' when it is well-formed)."""
    exc = feed.get("bozo_exception") if feed.get("bozo") else None
    if exc is None or type(exc).__name__ not in {"SAXParseException", "SAXException"}:
        return ""  # a declared charset feedparser overrode is no fault of the items
    line = exc.getLineNumber() if hasattr(exc, "getLineNumber") else None
    where = f" at line {line}" if line else ""
    return f"; the feed is not well-formed XML ({exc.getMessage() if hasattr(exc, 'getMessage') else exc}{where})"


#: "desk@outlet.example (Đức Minh)": RSS puts an e-mail before the name
_EMAIL_NAME = re.compile(r"^\S+@\S+\s*\((?P<name>[^)]+)\)\s*$")


def _author(entry: Any) -> str | None:
    raw = clean_value(entry.get("author"))
    if raw and (match := _EMAIL_NAME.match(raw)):
        return match["name"].strip()
    return raw


def _date(entry: Any) -> str | None:
    """The publication date as the outlet printed it (its own time zone), else as feedparser read it."""
    for key in ("published", "updated"):
        printed = normalise_date(entry.get(key))
        if printed:
            return printed
    parsed: time.struct_time | None = entry.get("published_parsed") or entry.get("updated_parsed")
    if not parsed:
        return None
    return datetime.fromtimestamp(calendar.timegm(parsed), tz=UTC).date().isoformat()


def parse_feed(text: str, path: str) -> Iterator[Article | InputError]:
    """One Article per feed item; a broken item is an error of its own."""
    import feedparser

    feed = feedparser.parse(text)
    if not feed.entries:
        why = f"not a readable RSS/Atom feed ({feed.get('bozo_exception', 'no items')})"
        yield InputError(path, why, "Check that the file is a complete RSS or Atom XML document.")
        return
    outlet = clean_value(feed.feed.get("title"))
    lines = item_lines(text, len(feed.entries))
    fault = xml_fault(feed)
    for number, (entry, line) in enumerate(zip(feed.entries, lines, strict=True), start=1):
        try:
            yield parse_item(entry, path, number, outlet, line=line, fault=fault)
        except Exception as exc:  # one odd item never stops the others
            yield unexpected_error(path, exc, line)


def parse_item(
    entry: Any, path: str, number: int, outlet: str | None, *, line: int | None = None, fault: str = ""
) -> Article | InputError:
    """One feed item as an Article, or the error saying why it holds none (``line``: where the item
    starts in the file; ``fault``: what is wrong with the feed's XML, said with the error)."""
    content = entry.get("content")
    raw = content[0].get("value", "") if content else entry.get("summary", "")
    lines = list(enumerate(html_to_lines(raw or ""), start=1))
    body = clean_body(lines)
    if not body.paragraphs:
        return InputError(
            path,
            f"feed item {number} has no text{fault}",
            "Feeds must carry the article text (description or content)"
            + (", and must be complete XML: download the feed again." if fault else "."),
            line,
        )
    metadata: dict[str, MetaField] = {}
    for name, value in (
        ("title", entry.get("title")),
        ("source_url", entry.get("link")),
        ("published", _date(entry)),
        ("author", _author(entry)),
        ("section", (entry.get("tags") or [{}])[0].get("term")),
        ("outlet", outlet),
        ("credit", body.credit),
    ):
        cleaned = clean_value(value)
        if cleaned:
            metadata[name] = MetaField(cleaned, "feed", 0.95)
    return build_article(
        path=f"{path}#{number}", fmt="feed", paragraphs=body.paragraphs, metadata=metadata,
        boilerplate=body.boilerplate, raw=raw or "",
    )  # fmt: skip
