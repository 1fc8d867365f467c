"""Separate boilerplate (captions, credits, counters, source lines, bylines) from the body.

The line patterns come from every language pack (a caption is a caption whatever the article's
language); the result keeps each boilerplate line with its kind and input line number.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from newsloom.article import Boilerplate
from newsloom.lang import boilerplate_patterns

#: " — VNA/VNS" fused to the end of the last paragraph: a dash, then an agency code
_TRAILING_CREDIT = re.compile(r"\s+[—–]\s*(?P<credit>[A-Z][A-Za-z]{1,10}(?:/[A-Z][A-Za-z]{1,10})*)\s*$")
#: a last line of its own: "(TTXVN)", "(ant)", "Theo TTXVN", "(Theo VnExpress)"
_CREDIT_LINE = re.compile(
    r"^\(?\s*(?:Theo\s+)?(?P<credit>[A-Za-zĐđ][\w/.&-]{1,24}(?:\s[A-Z][\w/.&-]{1,15})?)\s*\)?\.?$"
)
_URL = re.compile(r"https?://\S+")


@dataclass
class CleanBody:
    paragraphs: list[str] = field(default_factory=list)
    boilerplate: list[Boilerplate] = field(default_factory=list)
    credit: str | None = None
    source_url: str | None = None
    author: str | None = None


def classify_line(line: str) -> str | None:
    """The boilerplate kind of a whole line, or None for a body line."""
    if not any(pattern.search(line) for pattern in _line_filter()):  # most lines: a body line
        return None
    for kind, patterns in boilerplate_patterns().items():
        if any(p.search(line) for p in patterns):
            return kind
    return None


@cache
def _line_filter() -> tuple[re.Pattern[str], ...]:
    """Patterns that match a line exactly when one of the packs' line patterns does: the ones
    anchored at the line's start joined into one (the regex engine tries those at the start only,
    each keeping its case-insensitivity as ``(?i:...)``), the others as they are. 23 searches per
    line were two thirds of reading a text dump (``bench/ingest.py``)."""
    patterns = [p for kind in boilerplate_patterns().values() for p in kind]
    anchored = [p for p in patterns if p.pattern.startswith("^") and not p.flags & ~_JOINABLE_FLAGS]
    joined = "|".join(
        f"(?i:{p.pattern[1:]})" if p.flags & re.IGNORECASE else f"(?:{p.pattern[1:]})" for p in anchored
    )
    rest = tuple(p for p in patterns if p not in anchored)
    return (re.compile(f"^(?:{joined})"), *rest) if anchored else rest


#: Flags a pattern may carry and still be joined with others (str patterns are always UNICODE).
_JOINABLE_FLAGS = re.IGNORECASE | re.UNICODE


def clean_body(lines: list[tuple[int, str]]) -> CleanBody:
    """Split numbered body lines into paragraphs and boilerplate."""
    out = CleanBody()
    for number, raw in lines:
        line = raw.strip()
        if not line:
            continue
        kind = classify_line(line)
        if kind is None:
            out.paragraphs.append(line)
            continue
        out.boilerplate.append(Boilerplate(kind, line, number))
        if kind == "source_line" and out.source_url is None:
            url = _URL.search(line)
            if url:
                out.source_url = url.group(0).rstrip(".,)")
        if (
            kind == "editor"
            and out.author is None
            and re.match(r"^\s*(?:Penulis|Reporter|Pewarta)\b", line, re.I)
        ):
            out.author = line.split(":", 1)[1].strip()
    _take_credit(out, lines)
    return out


def _take_credit(out: CleanBody, lines: list[tuple[int, str]]) -> None:
    if not out.paragraphs:
        return
    last = out.paragraphs[-1]
    last_number = next((n for n, raw in reversed(lines) if raw.strip() == last), 0)
    if len(last) <= 30 and len(out.paragraphs) > 1:
        match = _CREDIT_LINE.match(last)
        if match and (last.startswith("(") or last.startswith("Theo ")):
            out.credit = match["credit"]
            out.boilerplate.append(Boilerplate("credit", last, last_number))
            out.paragraphs.pop()
            return
    match = _TRAILING_CREDIT.search(last)
    if match:
        out.credit = match["credit"]
        out.boilerplate.append(Boilerplate("credit", match.group(0).strip(), last_number))
        out.paragraphs[-1] = last[: match.start()].rstrip()
