"""HTML pages: trafilatura for the text, htmldate for the date, the page's own meta tags for the rest."""

from __future__ import annotations

from typing import Any

from newsloom.article import Article, MetaField
from newsloom.errors import InputError
from newsloom.ingest.boilerplate import clean_body
from newsloom.ingest.build import build_article
from newsloom.ingest.metadata import clean_value, date_from_url


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
    h1 = next(iter(tree.iter("h1")), None)
    if h1 is not None and h1.text_content().strip():
        found["h1"] = h1.text_content().strip()
    title = next(iter(tree.iter("title")), None)
    if title is not None and title.text_content().strip():
        found["title"] = title.text_content().strip()
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


def parse_html(html: str, path: str) -> Article:
    """Read one HTML page into an Article."""
    import htmldate
    import trafilatura

    doc = trafilatura.bare_extraction(
        html, include_comments=False, include_tables=False, with_metadata=True, deduplicate=False
    )
    body_text = (getattr(doc, "text", None) or "") if doc is not None else ""
    if not body_text.strip():
        body_text = _fallback_text(html)
    if not body_text.strip():
        raise InputError(
            path,
            "no article text found in this HTML page (trafilatura extracted nothing)",
            "Check that the file is a saved article page and not an index, error or login page.",
        )
    tags = _meta_tags(html)
    metadata: dict[str, MetaField] = {}
    found_date = htmldate.find_date(html, original_date=True, extensive_search=False, outputformat="%Y-%m-%d")
    if found_date:
        metadata["published"] = MetaField(found_date, "html-meta", 0.9, "htmldate: original date from markup")
    url = tags.get("canonical") or tags.get("og:url") or getattr(doc, "url", None)
    _put(metadata, "source_url", url, "html-meta", 0.95, "canonical/og:url")
    if "published" not in metadata and url and (from_url := date_from_url(url)):
        metadata["published"] = MetaField(from_url, "url", 0.7, url)
    _put(metadata, "title", tags.get("og:title") or tags.get("h1"), "html-meta", 0.95, "og:title/h1")
    _put(metadata, "title", getattr(doc, "title", None), "html-meta", 0.8, "trafilatura")
    _put(
        metadata, "author", tags.get("author") or tags.get("article:author"), "html-meta", 0.9, "meta author"
    )
    _put(metadata, "author", getattr(doc, "author", None), "html-meta", 0.6, "trafilatura")
    _put(metadata, "section", tags.get("article:section"), "html-meta", 0.9, "article:section")
    _put(
        metadata,
        "outlet",
        tags.get("og:site_name") or getattr(doc, "sitename", None),
        "html-meta",
        0.9,
        "og:site_name",
    )
    _put(metadata, "language", tags.get("lang"), "html-meta", 0.6, "<html lang>")
    lines = list(enumerate(body_text.split("\n"), start=1))
    body = clean_body(lines)
    title = metadata.get("title")
    if title and body.paragraphs and body.paragraphs[0].strip() == title.value:
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
