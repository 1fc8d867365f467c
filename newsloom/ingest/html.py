"""HTML pages: trafilatura for the text, htmldate for the date, the page's own meta tags for the rest.

Reading is deterministic: trafilatura's ``deduplicate`` keeps a process-wide cache of the text it
has seen, so the same page read a few times gave a different text (and id); it stays off.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta
from typing import Any

from newsloom.article import Article, MetaField
from newsloom.errors import InputError
from newsloom.ingest.boilerplate import clean_body
from newsloom.ingest.build import build_article
from newsloom.ingest.metadata import clean_value, date_from_url
from newsloom.ingest.titles import is_site_name, split_site_name

#: Formatting tags that sit inside a word ("<b>Ha</b>noi"); any other element boundary is a space
#: ("<span>Exclusive</span><span>Minister meets...</span>" is two phrases, not "ExclusiveMinister").
INLINE_TAGS = frozenset({"b", "i", "em", "strong", "u", "small", "sup", "sub", "mark", "abbr", "font"})


def spaced_text(element: Any) -> str:
    """The text of an element with a space where one element ends and another begins."""
    parts: list[str] = []

    def walk(node: Any) -> None:
        parts.append(node.text or "")
        for child in node:
            if isinstance(child.tag, str):
                gap = "" if child.tag.lower() in INLINE_TAGS else " "
                parts.append(gap)
                walk(child)
                parts.append(gap)
            parts.append(child.tail or "")

    walk(element)
    return re.sub(r"\s+", " ", "".join(parts)).strip()


def _meta_tags(html: str) -> dict[str, str]:
    """og:/article:/name= meta values, canonical link and <html lang>, from the page's head."""
    import lxml.html

    found: dict[str, str] = {}
    try:
        tree = lxml.html.fromstring(html)
    except (ValueError, Exception):  # lxml raises ParserError (an Exception) on empty/odd documents
        return found
    lang = tree.get("lang") or tree.get("{http://www.w3.org/XML/1998/namespace}lang")
    if lang:
        found["lang"] = lang.split("-")[0].lower()
    for meta in tree.iter("meta"):
        key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").lower()
        value = meta.get("content")
        if key and value and key not in found:
            found[key] = value.strip()
    for link in tree.iter("link"):
        if (link.get("rel") or "").lower() == "canonical" and link.get("href"):
            found.setdefault("canonical", link.get("href", "").strip())
    for tag in ("h1", "title"):
        element = next(iter(tree.iter(tag)), None)
        if element is not None and (text := spaced_text(element)):
            found[tag] = text
    return found


#: Below this many characters the fallback's text is a fragment of a page, not an article.
FALLBACK_MIN_CHARS = 200


def _fallback_text(html: str) -> str:
    """Paragraph text of a page trafilatura gave up on (badly broken markup)."""
    import lxml.html

    from newsloom.ingest.feeds import html_to_lines

    try:
        tree = lxml.html.fromstring(html)
    except Exception:  # lxml's ParserError
        return ""
    for bad in tree.xpath("//script|//style|//nav|//footer|//header|//title"):
        bad.drop_tree()
    lines = [line.strip() for line in html_to_lines(lxml.html.tostring(tree, encoding="unicode"))]
    text = "\n".join(line for line in lines if len(line) > 40)
    return text if len(text) >= FALLBACK_MIN_CHARS else ""


def _put(
    metadata: dict[str, MetaField], name: str, value: Any, source: str, confidence: float, detail: str
) -> None:
    text = clean_value(value)
    if text and name not in metadata:
        metadata[name] = MetaField(text, source, confidence, detail)


#: A table is kept when the text with tables is at least this many times the text without: the
#: table is then the article (results, a schedule), not a box beside it.
TABLE_ARTICLE_RATIO = 2.0
#: markdown rule trafilatura puts under a table's header row
_TABLE_RULE = re.compile(r"^\|(?:\s*:?-+:?\s*\|)+\s*$")


def _extract(html: str) -> Any:
    """trafilatura's document for the page, with its tables when they are the article."""
    import trafilatura

    options: dict[str, Any] = {"include_comments": False, "with_metadata": True, "deduplicate": False}
    doc = trafilatura.bare_extraction(html, include_tables=False, **options)
    if "<table" not in html[:2_000_000].lower():
        return doc
    with_tables = trafilatura.bare_extraction(html, include_tables=True, **options)
    plain = len(getattr(doc, "text", None) or "") if doc is not None else 0
    tabled = len(getattr(with_tables, "text", None) or "") if with_tables is not None else 0
    return with_tables if tabled >= TABLE_ARTICLE_RATIO * max(plain, 1) else doc


#: A date after the crawl is refused; a page read today was crawled today at the latest (a day of
#: slack for time zones).
CRAWL_SLACK = timedelta(days=1)


#: htmldate's last resorts turn a bare year ("trong năm 2026", "© 2026") into January 1st of it: such
#: a result is kept only when the page writes that day out (ISO, d/m/y, y/m/d or with the month's name).
_NEW_YEAR = (
    r"(?<!\d)(?:{y}[-/.]0?1[-/.]0?1|0?1[-/.]0?1[-/.]{y})(?!\d)"
    r"|(?<!\d)0?1(?:st|er)?\s+(?:of\s+)?(?:jan(?:uary|uari|vier)?\.?|tháng\s*(?:0?1|một|giêng))[,\s]+(?:năm\s+)?{y}"
    r"|jan(?:uary|uari)?\.?\s+0?1(?:st)?,?\s+{y}"
)


def _writes_new_year(html: str, year: str) -> bool:
    """Whether the page writes January 1st of ``year`` as a day (not only the year)."""
    return re.search(_NEW_YEAR.format(y=re.escape(year)), html, re.IGNORECASE) is not None


def find_published(html: str, url: str | None, today: date | None = None) -> MetaField | None:
    """The publication day: the page's markup first; else htmldate's search of the whole page,
    kept only where it agrees with the URL's date (else the URL's date wins); never after the crawl."""
    import htmldate

    latest = ((today or datetime.now(UTC).date()) + CRAWL_SLACK).isoformat()

    def search(extensive: bool) -> str | None:
        # refused here rather than through htmldate's max_date, which turns a later day into the
        # first of a month it also finds ("2025-10-21" read on 2025-10-01 gave "2025-10-01")
        found = htmldate.find_date(
            html, original_date=True, extensive_search=extensive, outputformat="%Y-%m-%d"
        )
        if found and found.endswith("-01-01") and not _writes_new_year(html, found[:4]):
            return None  # a year alone is no publication day: never invented
        return found if found and found <= latest else None

    if markup := search(False):
        return MetaField(markup, "html-meta", 0.9, "htmldate: original date from markup")
    from_url = date_from_url(url) if url else None
    if from_url and from_url > latest:
        from_url = None
    searched = search(True)
    if from_url:
        if searched == from_url:
            return MetaField(from_url, "html-meta", 0.9, "htmldate: date in the page, as in the URL")
        return MetaField(from_url, "url", 0.7, url or "")
    if searched:
        return MetaField(searched, "html-meta", 0.6, "htmldate: extensive search of the page's text")
    return None


def choose_title(tags: dict[str, str], doc: Any, url: str | None) -> tuple[MetaField | None, str | None]:
    """The headline (og:title, <h1>, trafilatura's, <title>) without the site's name, and the site's
    name when a title carried it."""
    site_names = [n for n in (tags.get("og:site_name"), tags.get("application-name")) if n]
    site_names += [getattr(doc, "sitename", None) or ""]
    headline = tags.get("h1")
    found = []
    for raw, confidence, detail in (
        (tags.get("og:title"), 0.95, "og:title"),
        (headline, 0.95, "h1"),
        (getattr(doc, "title", None), 0.8, "trafilatura"),
        (tags.get("title"), 0.7, "<title>"),
    ):
        if text := clean_value(raw):
            found.append((*split_site_name(text, site_names, url, headline), confidence, detail))
    outlet = next((cut for _, cut, _, _ in found if cut), None)
    names = [*site_names, *([outlet] if outlet else [])]
    for title, _, confidence, detail in found:
        if title and not is_site_name(title, names, url):
            return MetaField(title, "html-meta", confidence, detail), outlet
    return None, outlet


def _key(text: str) -> str:
    return re.sub(r"[\W_]+", "", text.casefold())


def parse_html(html: str, path: str, today: date | None = None) -> Article:
    """Read one HTML page into an Article (``today``: the crawl day, to refuse later dates)."""
    doc = _extract(html)
    body_text = (getattr(doc, "text", None) or "") if doc is not None else ""
    if not body_text.strip():
        body_text = _fallback_text(html)
    if not body_text.strip():
        raise InputError(
            path,
            "no article text found in this HTML page (trafilatura extracted nothing)",
            "Check that the file is a saved article page and not an index, error or login page.",
        )
    body_text = "\n".join(line for line in body_text.split("\n") if not _TABLE_RULE.match(line))
    tags = _meta_tags(html)
    url = tags.get("canonical") or tags.get("og:url") or getattr(doc, "url", None)
    metadata: dict[str, MetaField] = {}
    if published := find_published(html, url, today):
        metadata["published"] = published
    _put(metadata, "source_url", url, "html-meta", 0.95, "canonical/og:url")
    title, outlet_in_title = choose_title(tags, doc, url)
    if title:
        metadata["title"] = title
    _put(
        metadata, "author", tags.get("author") or tags.get("article:author"), "html-meta", 0.9, "meta author"
    )
    _put(metadata, "author", getattr(doc, "author", None), "html-meta", 0.6, "trafilatura")
    _put(metadata, "section", tags.get("article:section"), "html-meta", 0.9, "article:section")
    site_name = tags.get("og:site_name") or getattr(doc, "sitename", None)
    _put(metadata, "outlet", site_name, "html-meta", 0.9, "og:site_name")
    _put(metadata, "outlet", outlet_in_title, "html-meta", 0.8, "site name in the title")
    _put(metadata, "language", tags.get("lang"), "html-meta", 0.6, "<html lang>")
    lines = list(enumerate(body_text.split("\n"), start=1))
    body = clean_body(lines)
    if title and body.paragraphs and _key(body.paragraphs[0]) == _key(title.value):
        body.paragraphs.pop(0)  # trafilatura sometimes repeats the headline as the first line
    if body.credit:
        metadata["credit"] = MetaField(body.credit, "text", 0.8)
    if body.source_url and "source_url" not in metadata:
        metadata["source_url"] = MetaField(body.source_url, "text", 0.9)
    return build_article(
        path=path,
        fmt="html",
        paragraphs=body.paragraphs,
        metadata=metadata,
        boilerplate=body.boilerplate,
        raw=html,
    )
