"""The "times" stage: every time expression of the article body, resolved against its publication date."""

from __future__ import annotations

import bisect
import dataclasses

from newsloom.article import Article
from newsloom.registry import stage
from newsloom.timex.resolve import parse_published, resolve_times
from newsloom.timex.types import TimeExpression

#: The code handed to the resolver when the article's language is unknown (generic rules).
UNKNOWN_LANGUAGE = "xx"


def sentence_index(starts: list[int], ends: list[int], offset: int) -> int | None:
    """Index of the sentence holding ``offset`` (starts/ends sorted), or None between sentences.

    >>> sentence_index([0, 10], [9, 20], 12)
    1
    """
    index = bisect.bisect_right(starts, offset) - 1
    if index >= 0 and offset < ends[index]:
        return index
    return None


@stage("times", requires=("text", "language", "sentences"), assigns=("times",))
def add_times(article: Article) -> Article:
    """Resolve the body's time expressions; each one knows its sentence.

    >>> from newsloom.article import Sentence
    >>> body = "Chiều 21/10, Phó Thủ tướng tiếp bà Ghada Waly."
    >>> art = Article(id="t", path="t", text=body, language="vi", sentences=(Sentence(0, len(body), body, 0),))
    >>> [(t.value, t.sentence) for t in add_times(art.with_meta("published", "2025-10-22", "header", 1.0)).times]
    [('2025-10-21TAF', 0)]
    """
    try:
        published = parse_published(article.published)
    except ValueError:
        published = None  # a malformed header date is not a reason to drop the article's times
    language = article.language or UNKNOWN_LANGUAGE
    try:
        found = resolve_times(article.text, lang=language, published=published)
    except ValueError:
        found = resolve_times(article.text, lang=UNKNOWN_LANGUAGE, published=published)
    starts = [s.start for s in article.sentences]
    ends = [s.end for s in article.sentences]
    times: tuple[TimeExpression, ...] = tuple(
        dataclasses.replace(expr, sentence=sentence_index(starts, ends, expr.start)) for expr in found
    )
    return dataclasses.replace(article, times=times)
