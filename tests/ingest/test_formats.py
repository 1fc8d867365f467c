"""HTML, feeds, JSONL and sniffing, on small documents written for the tests."""

from __future__ import annotations

import json

from newsloom.article import Article
from newsloom.errors import InputError
from newsloom.ingest import read_bytes
from newsloom.ingest.sniff import sniff

PARAGRAPHS = "".join(
    f"<p>Paragraph {i}: the two ministers discussed cooperation against cybercrime and drug trafficking "
    f"in the region, and agreed to meet again next year in Jakarta to review progress.</p>"
    for i in range(4)
)
HTML = f"""<!doctype html><html lang="en"><head><title>Ministers meet | Example News</title>
<meta property="og:title" content="Ministers meet in Hanoi">
<meta property="og:site_name" content="Example News">
<meta name="author" content="Jane Tran">
<meta property="article:section" content="World">
<meta property="article:published_time" content="2025-10-24T09:00:00+07:00">
<link rel="canonical" href="https://news.example/world/ministers-meet"></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Ministers meet in Hanoi</h1>{PARAGRAPHS}</article>
<footer>Copyright Example News. All rights reserved.</footer></body></html>"""


def _one(data: str, path: str) -> Article:
    items = list(read_bytes(data.encode(), path))
    assert len(items) == 1 and isinstance(items[0], Article), items
    return items[0]


def test_html_metadata_with_provenance() -> None:
    article = _one(HTML, "page.html")
    assert article.fmt == "html"
    assert article.title == "Ministers meet in Hanoi"
    assert article.published == "2025-10-24"
    assert article.metadata["published"].source == "html-meta"
    assert article.meta("author") == "Jane Tran"
    assert article.meta("section") == "World"
    assert article.meta("outlet") == "Example News"
    assert article.meta("source_url") == "https://news.example/world/ministers-meet"
    assert "Copyright" not in article.text and "Home" not in article.text
    assert "Paragraph 3" in article.text


def test_html_date_from_canonical_url_when_markup_has_none() -> None:
    page = HTML.replace('<meta property="article:published_time" content="2025-10-24T09:00:00+07:00">', "")
    page = page.replace("world/ministers-meet", "world/ministers-meet-20251021201901655.htm")
    article = _one(page, "page.html")
    assert article.published == "2025-10-21"
    assert article.metadata["published"].source == "url"


def test_html_without_any_date_stays_unknown() -> None:
    page = HTML.replace('<meta property="article:published_time" content="2025-10-24T09:00:00+07:00">', "")
    assert _one(page, "page.html").published is None


RSS = """<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Example Wire</title>
<item><title>First item</title><link>https://wire.example/1</link><pubDate>Tue, 21 Oct 2025 08:00:00 GMT</pubDate>
<author>desk@wire.example (Desk)</author><category>World</category>
<description>&lt;p&gt;The first report says leaders met.&lt;/p&gt;&lt;p&gt;Second paragraph.&lt;/p&gt;</description></item>
<item><title>Second item</title><link>https://wire.example/2</link><pubDate>Wed, 22 Oct 2025 08:00:00 GMT</pubDate>
<description>Another report on the signing ceremony.</description></item>
</channel></rss>"""


def test_feed_items_are_articles() -> None:
    items = list(read_bytes(RSS.encode(), "wire.xml"))
    assert [type(i) for i in items] == [Article, Article]
    first, second = items
    assert isinstance(first, Article) and isinstance(second, Article)
    assert first.path == "wire.xml#1" and second.path == "wire.xml#2"
    assert first.title == "First item" and first.published == "2025-10-21"
    assert first.metadata["published"].source == "feed"
    assert first.meta("outlet") == "Example Wire" and first.meta("section") == "World"
    assert first.text == "The first report says leaders met.\n\nSecond paragraph."


def test_jsonl_lines_with_one_broken_line() -> None:
    data = (
        '{"text": "One article.", "title": "One", "published": "2025-10-21", "language": "en", "source": "Wire"}\n'
        "{broken json\n"
        '{"title": "no text"}\n'
        '{"text": "Three.", "url": "https://x.example/2025/10/24/three"}\n'
    )
    items = list(read_bytes(data.encode(), "batch.jsonl"))
    errors = [i for i in items if isinstance(i, InputError)]
    articles = [i for i in items if isinstance(i, Article)]
    assert [e.line for e in errors] == [2, 3]
    assert all("batch.jsonl" in str(e) for e in errors)
    assert [a.path for a in articles] == ["batch.jsonl#1", "batch.jsonl#4"]
    assert articles[0].meta("outlet") == "Wire" and articles[0].metadata["published"].source == "jsonl"
    assert articles[1].published == "2025-10-24" and articles[1].metadata["published"].source == "url"


def test_sniff_by_content_not_extension() -> None:
    assert sniff(HTML) == "html"
    assert sniff(RSS) == "feed"
    assert sniff('{"text": "x"}\n') == "jsonl"
    assert sniff(" date 2025-10-21 Some text.") == "text"
    article = _one(HTML, "saved_page.txt")  # an HTML page saved as .txt is read as HTML
    assert article.fmt == "html"


def test_jsonl_language_is_stored_as_its_iso_code_and_an_unknown_one_names_the_line() -> None:
    text = "The foreign minister met the visiting delegation in Hanoi on Tuesday."
    lines = [
        {"text": text + " 0", "language": "en"},
        {"text": text, "language": "English"},
        {"text": text + " 1", "language": "VI"},
        {"text": text + " 2", "language": "id-ID"},
        {"text": text + " 3", "language": "klingonese"},
        {"text": text + " 4", "language": 7},
    ]
    data = "\n".join(json.dumps(line) for line in lines)
    items = list(read_bytes(data.encode(), "crawl.jsonl"))
    languages = [i.metadata["language"].value for i in items if isinstance(i, Article)]
    assert languages == ["en", "en", "vi", "id"]  # "en" is English, not the language named En
    errors = [i for i in items if isinstance(i, InputError)]
    assert [e.line for e in errors] == [5, 6]
    assert "'klingonese', not a language code" in errors[0].problem and "ISO 639-1" in errors[0].hint


def test_a_jsonl_line_cut_inside_a_string_says_where_the_string_starts_once() -> None:
    data = (
        '{"text": "The minister met the delegation in Hanoi.", "title": "Talks\n{"text": "x", "title": 5,}\n'
    )
    first, second = list(read_bytes(data.encode(), "cut.jsonl"))
    assert isinstance(first, InputError) and isinstance(second, InputError)
    assert "(Unterminated string starting at column 64)" in first.problem and "at at" not in first.problem
    assert "at column" in second.problem


def test_a_json_list_of_articles_is_read_element_by_element() -> None:
    """A scraper's JSON dump was stored as one 'article' whose text was the raw JSON."""
    records = [
        {"text": "The foreign minister met the visiting delegation in Hanoi on Tuesday.", "title": "Talks"},
        {"title": "no text"},
        {
            "text": "Menteri Luar Negeri bertemu delegasi di Jakarta.",
            "published": "2025-10-21",
            "language": "id",
        },
    ]
    items = list(read_bytes(json.dumps(records, indent=2).encode(), "dump.json"))
    assert [type(i).__name__ for i in items] == ["Article", "InputError", "Article"]
    first, error, third = items
    assert isinstance(first, Article) and first.path == "dump.json#1" and first.meta("title") == "Talks"
    assert isinstance(third, Article) and third.published == "2025-10-21" and third.meta("language") == "id"
    assert str(error).startswith('dump.json#2: element has no "text" string')
    cut = list(read_bytes(json.dumps(records)[:-30].encode(), "cut.json"))
    assert len(cut) == 1 and isinstance(cut[0], InputError) and "not valid JSON" in cut[0].problem


def test_a_csv_export_is_refused_with_the_jsonl_shape_to_use() -> None:
    data = b"title,text\nTalks,The foreign minister met the visiting delegation in Hanoi on Tuesday.\n"
    (error,) = list(read_bytes(data, "sheet.csv"))
    assert isinstance(error, InputError) and "CSV" in error.problem and "JSON Lines" in error.hint


def test_jsonl_takes_the_publication_date_under_the_names_scrapers_give_it() -> None:
    # "date" was dropped without a word: the article stayed undated and every "on Thursday" with it
    text = "The foreign minister met the visiting delegation in Hanoi on Thursday."
    lines = [
        {"text": text + " 1", "date": "2026-03-05"},
        {"text": text + " 2", "published_at": "2026-03-05T10:00:00+07:00"},
        {"text": text + " 3", "pubDate": "2026-03-05"},
        {"text": text + " 4", "datePublished": "2026-03-05"},
        {"text": text + " 5", "published": "2026-03-04", "date": "2026-03-05"},  # "published" first
        {"text": text + " 6", "date": "last Thursday"},
    ]
    data = "\n".join(json.dumps(line) for line in lines)
    items = list(read_bytes(data.encode(), "crawl.jsonl"))
    dates = [i.published for i in items if isinstance(i, Article)]
    assert dates == ["2026-03-05", "2026-03-05", "2026-03-05", "2026-03-05", "2026-03-04"]
    (error,) = [i for i in items if isinstance(i, InputError)]
    assert error.line == 6 and "\"date\" is 'last Thursday', not a date" in error.problem
