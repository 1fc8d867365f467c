"""What a source lists: the items of an RSS/Atom feed, a (news) sitemap or a section page.

The kind is taken from the content (``<rss``/``<feed`` is a feed, ``<urlset``/``<sitemapindex`` a
sitemap, other HTML a section page); a source whose URL or history says "feed" but that now answers
with an HTML page is an error, not a section page, so a broken feed is noticed.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urldefrag, urljoin, urlsplit

from newsloom.watch.fetch import FetchError, Response, decode_body

log = logging.getLogger(__name__)

FEED_START = re.compile(rb"<(rss|feed|rdf:RDF)[\s>]", re.IGNORECASE)
SITEMAP_START = re.compile(rb"<(urlset|sitemapindex)[\s>]", re.IGNORECASE)
HTML_START = re.compile(rb"<(!doctype html|html|head|body)[\s>]", re.IGNORECASE)
#: URL hints that a source is meant to be a feed or a sitemap (then HTML from it is an error)
FEED_URL = re.compile(r"(\.rss|\.atom|\.rdf|/feeds?/?|/rss/?|[./]xml)$|[?&]format=(rss|atom)", re.IGNORECASE)
SITEMAP_URL = re.compile(r"sitemap", re.IGNORECASE)
#: a link on a section page is taken as an article when its path ends in an id, a long slug or .html,
#: or is a hyphenated slug below a section ("/news/hanoi-talks", not "/about-us")
ARTICLE_PATH = re.compile(
    r"(\d{4,}|[\w%]+(?:-[\w%]+){3,}|\.s?html?|/[^/]+/[\w%]+(?:-[\w%]+)+)$", re.IGNORECASE
)
#: how deep a sitemap index of indexes is followed, and how many children per index (newest first)
SITEMAP_MAX_DEPTH = 3
SITEMAP_MAX_CHILDREN = 50


@dataclass(frozen=True)
class ListedItem:
    url: str
    title: str | None = None
    published: str | None = None  # ISO date-time or date, as the listing gave it
    author: str | None = None

    def as_row(self) -> dict[str, Any]:
        return {"url": self.url, "title": self.title, "published": self.published, "author": self.author}


@dataclass(frozen=True)
class Listing:
    kind: str  # feed | sitemap | section
    items: tuple[ListedItem, ...]
    notes: tuple[str, ...] = ()  # things worth logging that are not errors (items without dates)


def expected_kind(url: str) -> str:
    """What a source's URL says it is ("" when it does not say)."""
    path = urlsplit(url).path + ("?" + urlsplit(url).query if urlsplit(url).query else "")
    if SITEMAP_URL.search(path):
        return "sitemap"
    if FEED_URL.search(path):
        return "feed"
    return ""


def sniff_kind(body: bytes) -> str:
    head = body[:2048].lstrip()
    if SITEMAP_START.search(head):
        return "sitemap"
    if FEED_START.search(head):
        return "feed"
    if HTML_START.search(head):
        return "section"
    return ""


Fetch = Callable[[str], Response]


def read_listing(response: Response, expected: str, fetch: Fetch, since: float | None = None) -> Listing:
    """The items of one listing response; ``fetch`` reads the children of a sitemap index."""
    kind = sniff_kind(response.body)
    if kind == "section" and expected in ("feed", "sitemap"):
        raise FetchError(
            response.url, f"not-a-{expected}",
            f"expected a {expected} but the server sent an HTML page (moved feed? login or error page?). "
            "Check the URL, or add it again with --kind section to follow it as a section page.",
            retry=False,
        )  # fmt: skip
    if kind == "feed":
        return read_feed(response)
    if kind == "sitemap":
        return read_sitemap(response, fetch, since)
    if kind == "section":
        return read_section(response)
    raise FetchError(
        response.url, "unknown-format",
        "this is neither an RSS/Atom feed, a sitemap nor an HTML page; check the URL.", retry=False,
    )  # fmt: skip


def _entry_date(entry: Any) -> str | None:
    for name in ("published_parsed", "updated_parsed", "created_parsed"):
        parsed = entry.get(name)
        if parsed:
            year, month, day, hour, minute, second = parsed[:6]
            return datetime(year, month, day, hour, minute, second, tzinfo=UTC).isoformat(timespec="seconds")
    return None


def read_feed(response: Response) -> Listing:
    import feedparser

    headers = {"content-location": response.url, "content-type": response.content_type or "application/xml"}
    parsed = feedparser.parse(response.body, response_headers=headers)
    if parsed.bozo and not parsed.entries and not parsed.feed.get("title"):
        raise FetchError(
            response.url, "bad-feed", f"the feed cannot be read ({parsed.get('bozo_exception')}).", retry=True
        )
    items = []
    for entry in parsed.entries:
        link = entry.get("link") or next(
            (x.get("href") for x in entry.get("links", []) if x.get("rel") == "alternate"), None
        )
        if not link:
            continue
        items.append(
            ListedItem(
                url=urldefrag(urljoin(response.url, link.strip()))[0],
                title=(entry.get("title") or "").strip() or None,
                published=_entry_date(entry),
                author=(entry.get("author") or "").strip() or None,
            )
        )
    notes = []
    undated = sum(1 for i in items if not i.published)
    if undated:
        notes.append(f"{undated} of {len(items)} feed items have no date; the pages' own dates are used")
    return Listing("feed", tuple(items), tuple(notes))


def _parse_xml(response: Response) -> Any:
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, recover=True, huge_tree=False)
    root = etree.fromstring(response.body, parser)
    if root is None:
        raise FetchError(response.url, "bad-sitemap", "the sitemap is not readable XML.", retry=True)
    return root


def _child(node: Any, name: str) -> str | None:
    for child in node.iter():
        if isinstance(child.tag, str) and child.tag.rsplit("}", 1)[-1] == name and child.text:
            return str(child.text).strip()
    return None


def _timestamp(value: str | None) -> float | None:
    if not value:
        return None
    try:
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    return (parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)).timestamp()


def read_sitemap(response: Response, fetch: Fetch, since: float | None = None, depth: int = 0) -> Listing:
    """A urlset's URLs (news:title and news:publication_date when present), or an index's children's."""
    root = _parse_xml(response)
    tag = root.tag.rsplit("}", 1)[-1]
    if tag == "sitemapindex":
        return _read_index(root, response, fetch, since, depth)
    items = []
    for node in root:
        if not isinstance(node.tag, str) or node.tag.rsplit("}", 1)[-1] != "url":
            continue
        loc = _child(node, "loc")
        if loc:
            items.append(
                ListedItem(
                    url=urljoin(response.url, loc),
                    title=_child(node, "title"),
                    published=_child(node, "publication_date") or _child(node, "lastmod"),
                )
            )
    return Listing("sitemap", tuple(items))


def _read_index(root: Any, response: Response, fetch: Fetch, since: float | None, depth: int) -> Listing:
    if depth >= SITEMAP_MAX_DEPTH:
        raise FetchError(
            response.url, "sitemap-too-deep",
            f"sitemap indexes nest more than {SITEMAP_MAX_DEPTH} levels deep; list a deeper sitemap directly.",
            retry=False,
        )  # fmt: skip
    children = []
    for node in root:
        loc = _child(node, "loc")
        if loc:
            children.append((_timestamp(_child(node, "lastmod")), urljoin(response.url, loc)))
    children.sort(key=lambda c: c[0] or 0.0, reverse=True)
    items: list[ListedItem] = []
    notes: list[str] = []
    for modified, url in children[:SITEMAP_MAX_CHILDREN]:
        if since is not None and modified is not None and modified < since:
            continue  # unchanged since the last poll
        try:
            child = read_sitemap(fetch(url), fetch, since, depth + 1)
        except FetchError as exc:
            if exc.reason == "sitemap-too-deep":
                raise
            notes.append(f"child sitemap skipped: {exc}")
            continue
        items.extend(child.items)
        notes.extend(child.notes)
    return Listing("sitemap", tuple(items), tuple(notes))


def read_section(response: Response) -> Listing:
    """Links on a section page that stay on the site and look like articles."""
    import lxml.html

    text = decode_body(response) or ""
    try:
        tree = lxml.html.fromstring(text)
    except Exception:  # lxml's ParserError on an empty document
        return Listing("section", ())
    host = urlsplit(response.url).netloc.lower()
    seen: dict[str, ListedItem] = {}
    for anchor in tree.iter("a"):
        href = anchor.get("href")
        if not href:
            continue
        url = urldefrag(urljoin(response.url, href.strip()))[0]
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or parts.netloc.lower() != host or url == response.url:
            continue
        if ARTICLE_PATH.search(parts.path.rstrip("/")) and url not in seen:
            title = " ".join(anchor.text_content().split()) or None
            seen[url] = ListedItem(url=url, title=title)
    return Listing("section", tuple(seen.values()))
