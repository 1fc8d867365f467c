"""Property-based tests: any bytes, HTML, feed, JSONL or Unicode text gives Articles or the documented
errors (InputError from the readers; ValueError/TypeError from ``analyze``), never anything else.

Fixed seed (``derandomize=True``), a bounded number of examples and a deadline per example, so the
run is the same on every machine and stays short in CI.
"""

from __future__ import annotations

import json
from typing import Any

import pytest

hypothesis = pytest.importorskip("hypothesis", reason="the dev extra (hypothesis) is not installed")

from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

import newsloom  # noqa: E402
from newsloom.article import Article  # noqa: E402
from newsloom.errors import InputError  # noqa: E402
from newsloom.ingest import read_bytes  # noqa: E402
from newsloom.ingest.decode import looks_binary  # noqa: E402

READERS = settings(
    derandomize=True,
    max_examples=60,
    deadline=2000,
    database=None,
    suppress_health_check=[HealthCheck.too_slow],
)
#: a bound per example far above the ~0.1 s one takes once lingua has loaded the models of the
#: languages it meets (the first text in a new script loads some: seconds on a loaded machine)
ANALYZE = settings(READERS, max_examples=15, deadline=20_000)

#: Text with what breaks parsers: controls, NUL, bidi marks, combining marks, CJK, emoji, markup.
NASTY = st.lists(
    st.one_of(
        st.characters(codec="utf-8"),
        st.sampled_from(
            ["\x00", "\x1b", "\x0c", "\u202e", "\u0301", "\ufffe", "<", "&", "]]>", "\n", "&#0;"]
        ),
    ),
    max_size=80,
).map("".join)
WORDS = st.sampled_from(
    ["Bộ trưởng", "tiếp", "the minister", "met", "Menteri", "bertemu", "Hà Nội", "21/10", "Tuesday", "."]
)
PROSE = st.lists(st.one_of(WORDS, NASTY), min_size=1, max_size=12).map(" ".join)
TAGS = st.sampled_from(["p", "div", "h1", "h2", "table", "tr", "td", "article", "title", "script", "li", "b"])


def _read(data: bytes, name: str) -> list[Article | InputError]:
    items = list(read_bytes(data, name))
    assert items, "a reader gave neither an article nor an error"
    for item in items:
        assert isinstance(item, Article | InputError)
        if isinstance(item, InputError):
            assert item.problem and item.hint
        else:
            assert item.id and item.text
    return items


@st.composite
def html_pages(draw: Any) -> str:
    parts = ["<!doctype html><html><head>"]
    if draw(st.booleans()):
        parts.append(f'<meta property="og:title" content="{draw(PROSE)}">')
    if draw(st.booleans()):
        parts.append(
            f'<meta name="date" content="{draw(st.sampled_from(["2025-10-21", "21/10/2025", "x", ""]))}">'
        )
    parts.append("</head><body>")
    for _ in range(draw(st.integers(0, 12))):
        tag = draw(TAGS)
        close = draw(st.booleans())  # unclosed tags are part of the test
        parts.append(f"<{tag}>{draw(PROSE)}" + (f"</{tag}>" if close else ""))
    return "".join(parts)


@st.composite
def feeds(draw: Any) -> str:
    items = "".join(
        f"<item><title>{draw(PROSE)}</title><pubDate>{draw(st.sampled_from(['Tue, 21 Oct 2025 08:00:00 +0700', 'soon', '']))}"
        f"</pubDate><description><![CDATA[<p>{draw(PROSE)}</p>]]></description></item>"
        for _ in range(draw(st.integers(0, 4)))
    )
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>{draw(PROSE)}</title>{items}</channel></rss>'


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | NASTY,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(NASTY, inner, max_size=4),
    max_leaves=12,
)
RECORDS = st.fixed_dictionaries(
    {"text": st.one_of(PROSE, JSON_VALUES)},
    optional={"published": st.one_of(NASTY, JSON_VALUES), "title": JSON_VALUES, "language": JSON_VALUES},
)


@READERS
@given(st.binary(max_size=3000))
def test_any_bytes(data: bytes) -> None:
    _read(data, "input.bin")


@READERS
@given(html_pages())
def test_html_pages(page: str) -> None:
    _read(page.encode("utf-8", "surrogatepass"), "page.html")


@READERS
@given(feeds())
def test_feeds(feed: str) -> None:
    _read(feed.encode("utf-8", "surrogatepass"), "feed.rss")


@READERS
@given(st.lists(st.one_of(RECORDS.map(json.dumps), NASTY.map(lambda t: "{" + t)), min_size=1, max_size=6))
def test_jsonl_lines(lines: list[str]) -> None:
    data = "\n".join(line.replace("\n", " ") for line in lines).encode("utf-8", "surrogatepass")
    data = b'{"text": "The minister met the delegation."}\n' + data
    items = _read(data, "crawl.jsonl")
    if not looks_binary(data):  # NUL bytes make it a binary file, refused whole
        assert isinstance(items[0], Article)  # a good first line is read whatever follows it


@pytest.fixture(scope="module")
def warm_pipeline() -> None:
    """Load the models and language packs once, so no example pays for loading them."""
    for text in (
        "The minister met the delegation in Hanoi on Tuesday.",
        "Chiều 21/10, Phó Thủ tướng Bùi Thanh Sơn tiếp bà Ghada Waly tại Hà Nội.",
        "Kemarin Kapolri bertemu Sekjen Interpol di Jakarta.",
        "Bộ trưởng",
    ):
        newsloom.analyze(text, disable=["embed"])


@ANALYZE
@given(
    text=st.one_of(PROSE, st.text(max_size=200), PROSE.map(lambda t: t + "\ud800"), html_pages()),
    lang=st.sampled_from([None, "vi", "en", "id"]),
)
def test_analyze_any_text(warm_pipeline: None, text: str, lang: str | None) -> None:
    try:
        article = newsloom.analyze(text, lang=lang, published="2025-10-22", disable=["embed"])
    except ValueError as exc:  # documented: a lone surrogate, a page with no article text, named
        assert not isinstance(exc, UnicodeError)
        assert "surrogate" in str(exc) or "no article text" in str(exc), exc
        return
    assert article.text == "" or article.id
    for sentence in article.sentences:
        assert article.text[sentence.start : sentence.end] == sentence.text
