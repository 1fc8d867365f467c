"""Plain-text dumps like ../shared/seeds: a fused ` date YYYY-MM-DD` header, then optional
section, title and author lines, then the body with its boilerplate."""

from __future__ import annotations

import re
from functools import cache

from newsloom.article import Article, MetaField
from newsloom.ingest.boilerplate import classify_line, clean_body
from newsloom.ingest.build import build_article
from newsloom.lang import all_sections, get_pack

#: " date 2025-10-22 Chiều 21/10, ..." (fused to the first line) or "date: 2025-10-22" on its own line
_HEADER = re.compile(r"^\s*date:?\s+(?P<date>\d{4}-\d{2}-\d{2})(?:[ T]\d{2}:\d{2}(?::\d{2})?)?[ \t]*\n?")
_FINAL_PUNCT = tuple('.!?…:;"”')
#: a title is a short line without final punctuation; longer ones are a lead paragraph
TITLE_MAX_WORDS = 25
TITLE_MIN_WORDS = 2
#: a bare byline is 2-4 capitalised words ("Dương Ngọc", "Rizky Pratama")
_BARE_NAME = re.compile(r"^(?:[A-ZĐÀ-Ỹ][\wÀ-ỹđ'.-]*)(?:\s+[A-ZĐÀ-Ỹ][\wÀ-ỹđ'.-]*){1,3}$")
#: the first lines that may be section, title or author
HEAD_LINES = 4
#: a Markdown heading's marker ("# Talks in Hanoi"); a hashtag ("#Breaking") has no space after it
_MARKDOWN_HEADING = re.compile(r"^#{1,6}\s+")


@cache  # the packs do not change while a process runs: found once, not per file
def _bylines() -> list[re.Pattern[str]]:
    from newsloom.lang import available_packs

    return [p for p in (get_pack(c).byline for c in available_packs()) if p is not None]


@cache
def _datelines() -> list[re.Pattern[str]]:
    from newsloom.lang import GENERIC, available_packs

    return [p for p in (get_pack(c).dateline for c in (*available_packs(), GENERIC)) if p is not None]


def parse_text(text: str, path: str, fmt: str = "text") -> Article:
    """Read one text dump into an Article (body, metadata with provenance, boilerplate)."""
    metadata: dict[str, MetaField] = {}
    header = _HEADER.match(text)
    if header:
        metadata["published"] = MetaField(header["date"], "header", 1.0, header.group(0).strip())
        text = text[header.end() :]
    lines = list(enumerate(text.split("\n"), start=1))
    body_start = _read_head(lines, metadata)
    body = clean_body(lines[body_start:])
    if body.credit:
        metadata["credit"] = MetaField(body.credit, "text", 0.8)
    if body.source_url:
        metadata["source_url"] = MetaField(body.source_url, "text", 0.9)
    if body.author and "author" not in metadata:
        metadata["author"] = MetaField(body.author, "text", 0.8)
    if body.paragraphs:
        for pattern in _datelines():
            match = pattern.match(body.paragraphs[0])
            if match:
                metadata["dateline"] = MetaField(match["place"].strip(), "text", 0.8)
                groups = match.groupdict()
                outlet = groups.get("outlet") or groups.get("agency")
                if outlet:  # "Jakarta (ANTARA) -", "JAKARTA, KOMPAS.com -"
                    metadata["outlet"] = MetaField(outlet.strip(), "text", 0.6)
                break
    return build_article(
        path=path,
        fmt=fmt,
        paragraphs=body.paragraphs,
        metadata=metadata,
        boilerplate=body.boilerplate,
        raw=text,
    )


def _read_head(lines: list[tuple[int, str]], metadata: dict[str, MetaField]) -> int:
    """Take section, title and author lines off the top; return the index where the body starts."""
    seen = 0
    index = 0
    while index < len(lines) and seen < HEAD_LINES:
        line = lines[index][1].strip()
        if not line:
            index += 1
            continue
        words = line.split()
        unpunctuated = not line.endswith(_FINAL_PUNCT)
        if classify_line(line) is not None:
            break
        if "section" not in metadata and "title" not in metadata and line.casefold() in all_sections():
            metadata["section"] = MetaField(line, "text", 0.8)
        elif "title" not in metadata and unpunctuated and TITLE_MIN_WORDS <= len(words) <= TITLE_MAX_WORDS:
            if not _has_more_text(lines, index):
                break  # a lone short line is the body, not a title
            metadata["title"] = MetaField(_MARKDOWN_HEADING.sub("", line), "text", 0.8)
        elif "title" in metadata and "author" not in metadata and (author := _byline(line)):
            metadata["author"] = MetaField(author, "text", 0.7)
        else:
            break
        seen += 1
        index += 1
    return index


def _byline(line: str) -> str | None:
    for pattern in _bylines():
        match = pattern.match(line)
        if match:
            return match["author"].strip()
    if _BARE_NAME.match(line) and len(line) <= 40:
        return line
    return None


def _has_more_text(lines: list[tuple[int, str]], index: int) -> bool:
    return any(raw.strip() for _, raw in lines[index + 1 :])
