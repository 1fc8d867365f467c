"""Whether a text reads as an article, or as a web page's furniture that a scraper kept instead.

A sign-in wall, a robot check ("We are sorry, but we recorded a huge amount of connections from
the IP address..."), a donation appeal, a cookie notice or a list of links tells nothing about
the event the article reported: ratings of such a pair follow the article the rater saw on the
site, not this text. :func:`check_page` reads the text alone (no model, no language needed):
how much prose it has, the share of its short lines that are page furniture (phrases in
``page_chrome.json``, any language), repeated lines, and the share of letters.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path

from newsloom.compare.signals import fold, words

#: A line of at most this many words can be page furniture when it holds a furniture phrase; a
#: longer line is prose that may mention a cookie or a subscription.
CHROME_LINE_WORDS = 30
#: A sentence of at least this many words is prose (a caption, a button or a menu item is shorter).
PROSE_SENTENCE_WORDS = 8
#: Fewer words of prose than this is no article: a title and a sign-in line, an error page. A
#: lead paragraph alone (25-40 words in the training texts) still tells the event.
MIN_PROSE_WORDS = 20
#: Furniture lines make a page furniture only when there is less prose than this beside them (an
#: article with "Share:" twice and a body of its own is an article).
CHROME_MAX_PROSE_WORDS = 60
#: At least this share of the lines (title apart) being furniture makes the page furniture, when
#: there are at least CHROME_MIN_LINES such lines.
CHROME_SHARE = 0.5
CHROME_MIN_LINES = 2
#: Furniture in the first lines (title included) is a banner, a wall or a notice in place of the lead.
OPENING_LINES = 2
#: At least this share of the lines repeating an earlier line is a page that lists, not tells.
REPEATED_SHARE = 0.34
#: Under this share of letters among the non-space characters is a table of figures or codes.
MIN_LETTER_SHARE = 0.5
#: Characters of scripts written without spaces between words: about two make a word.
_NO_SPACE = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\u0e00-\u0e7f]")
_SENTENCE_END = re.compile(r"(?<=[.!?。！？؟;；])\s*")
CHROME_PATH = Path(__file__).with_name("page_chrome.json")


@cache
def chrome_phrases(kind: str = "furniture") -> tuple[str, ...]:
    """The phrases of ``kind`` ("notices": furniture in any sentence; "furniture": on a short
    line, the notices included) of every language in ``page_chrome.json``, folded as text is."""
    data = json.loads(CHROME_PATH.read_text(encoding="utf-8"))
    groups = ("notices",) if kind == "notices" else ("notices", "furniture")
    return tuple(sorted({fold(p) for g in groups for phrases in data[g].values() for p in phrases}))


@cache
def _chrome_pattern(kind: str) -> re.Pattern[str]:
    return re.compile("|".join(re.escape(p) for p in sorted(chrome_phrases(kind), key=len, reverse=True)))


def word_count(text: str) -> float:
    """Words of ``text``, counting two characters of a script without spaces (Chinese) as one."""
    wide = len(_NO_SPACE.findall(text))
    return len(words(_NO_SPACE.sub(" ", text))) + wide / 2


@dataclass(frozen=True, slots=True)
class PageCheck:
    """What :func:`check_page` measured on a text, and its verdict with the reasons for it."""

    prose_words: float  # words in sentences of PROSE_SENTENCE_WORDS or more, furniture lines apart
    lines: int  # parts: short lines, and the sentences of long lines; the title included
    chrome_lines: int  # parts that are furniture (a notice phrase, or a furniture phrase on a short line)
    opening_chrome: bool  # one of the first OPENING_LINES parts is furniture
    repeated_share: float  # share of lines repeating an earlier line
    letter_share: float  # letters among the non-space characters
    reasons: tuple[str, ...]  # why the text does not look like an article (empty when it does)

    @property
    def looks_like_article(self) -> bool:
        return not self.reasons

    @property
    def chrome_share(self) -> float:
        return self.chrome_lines / self.lines if self.lines else 0.0

    @property
    def furniture(self) -> bool:
        """Little prose, and page furniture at the top or on most lines."""
        return self.prose_words < CHROME_MAX_PROSE_WORDS and (
            self.opening_chrome
            or (self.chrome_lines >= CHROME_MIN_LINES and self.chrome_share >= CHROME_SHARE)
        )

    @property
    def score(self) -> float:
        """0 for a plain article, up to 1 the further a text is from one: each rule's measure
        against its bar (a little repetition already counts), the worst taken; a feature."""
        parts = (
            max(0.0, 1 - self.prose_words / MIN_PROSE_WORDS),
            max(self.chrome_share, 0.5 * self.opening_chrome) * float(self.furniture),
            min(1.0, self.repeated_share / (2 * REPEATED_SHARE)),
            max(0.0, 1 - self.letter_share / MIN_LETTER_SHARE),
        )
        return round(max(parts), 4)


def _parts(line: str) -> list[str]:
    """A short line is one part; a long one, its sentences (a scraper may glue a notice to a line)."""
    if word_count(line) <= CHROME_LINE_WORDS:
        return [line]
    return [p for p in _SENTENCE_END.split(line) if p.strip()]


def _is_chrome(part: str, short_line: bool) -> bool:
    """A notice in a part of sentence length, or any furniture phrase on a short body line."""
    folded = fold(part)
    if _chrome_pattern("notices").search(folded):
        return word_count(part) <= CHROME_LINE_WORDS
    return short_line and bool(_chrome_pattern("furniture").search(folded))


def check_page(text: str) -> PageCheck:
    """Whether ``text`` (a title line, then the body) reads as an article; see :class:`PageCheck`."""
    lines = [" ".join(line.split()) for line in text.splitlines()]
    lines = [line for line in lines if line]
    prose = 0.0
    chrome: list[bool] = []  # per part, the title line's included: a scraper may take a banner for it
    for number, line in enumerate(lines):
        # a title naming Facebook is news about it; only a notice makes a title furniture
        short = number > 0 and word_count(line) <= CHROME_LINE_WORDS
        for part in _parts(line):
            is_chrome = _is_chrome(part, short)
            chrome.append(is_chrome)
            if (number == 0 and len(lines) > 1) or is_chrome:
                continue  # prose is read in the body: a title alone is no article
            for sentence in _SENTENCE_END.split(part):
                n = word_count(sentence)
                if n >= PROSE_SENTENCE_WORDS:
                    prose += n
    seen: Counter[str] = Counter()
    repeated = 0
    for line in lines:
        if sum(ch.isalpha() for ch in line) < 3:  # "-", "|", "***": list marks, not content
            continue
        repeated += seen[line] > 0
        seen[line] += 1
    visible = [ch for ch in text if not ch.isspace()]
    letters = sum(ch.isalpha() for ch in visible) / len(visible) if visible else 0.0
    check = PageCheck(
        prose_words=prose,
        lines=len(chrome),
        chrome_lines=sum(chrome),
        opening_chrome=any(chrome[:OPENING_LINES]),
        repeated_share=repeated / len(lines) if lines else 0.0,
        letter_share=letters,
        reasons=(),
    )
    return replace(check, reasons=_reasons(check))


def _reasons(check: PageCheck) -> tuple[str, ...]:
    reasons = []
    if check.prose_words < MIN_PROSE_WORDS:
        reasons.append(
            f"too little prose ({check.prose_words:.0f} words in sentences; an article has {MIN_PROSE_WORDS}+)"
        )
    if check.furniture:
        reasons.append(
            f"page furniture ({check.chrome_lines} of {check.lines} lines or sentences: sign-in, subscription, "
            "ad blocker, cookies, sharing, donation or error notices)"
        )
    if check.repeated_share >= REPEATED_SHARE:
        reasons.append(f"{check.repeated_share:.0%} of its lines repeat earlier lines")
    if check.letter_share < MIN_LETTER_SHARE:
        reasons.append(f"mostly figures and symbols ({check.letter_share:.0%} letters)")
    return tuple(reasons)


#: The names :func:`page_features` returns, in order.
PAGE_FEATURES = ("page_score_max", "page_score_min", "page_not_article")


def page_features(a: PageCheck, b: PageCheck) -> dict[str, float]:
    """Features of a pair from the two texts' checks: the worse and the better side's score, and
    whether one side does not look like an article."""
    return {
        "page_score_max": max(a.score, b.score),
        "page_score_min": min(a.score, b.score),
        "page_not_article": float(not (a.looks_like_article and b.looks_like_article)),
    }
