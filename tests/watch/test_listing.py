"""Feeds, sitemaps (with indexes of indexes) and section pages from the local server."""

from __future__ import annotations

import pytest

from newsloom.watch.fetch import FetchConfig, Fetcher, FetchError
from newsloom.watch.listing import expected_kind, read_listing
from tests.watch.pages import ARTICLES, article_html, atom, news_sitemap, rss, sitemap_index
from tests.watch.server import LocalServer

FAST = FetchConfig(timeout_s=2.0, host_delay_s=0.0)


def _listing(server: LocalServer, path: str, expected: str = ""):  # type: ignore[no-untyped-def]
    fetcher = Fetcher(FAST)
    return read_listing(fetcher.get(server.url(path)), expected, fetcher.get)


def test_rss_items_with_provenance(server: LocalServer) -> None:
    base = server.url("")
    server.set("/rss.xml", rss(base, ["hanoi-talks", "jakarta-protest"]), content_type="application/rss+xml")
    listing = _listing(server, "/rss.xml", "feed")
    assert listing.kind == "feed"
    assert [i.url for i in listing.items] == [f"{base}/news/hanoi-talks", f"{base}/news/jakarta-protest"]
    first = listing.items[0]
    assert first.title == ARTICLES["hanoi-talks"][1]
    assert first.published == "2026-03-03T00:00:00+00:00"
    assert first.author and "News Desk" in first.author
    assert not listing.notes


def test_atom_feed(server: LocalServer) -> None:
    base = server.url("")
    server.set("/atom", atom(base, ["harbour-opens"]), content_type="application/atom+xml")
    listing = _listing(server, "/atom")
    assert listing.kind == "feed" and listing.items[0].url == f"{base}/news/harbour-opens"
    assert listing.items[0].published == "2026-03-04T10:00:00+00:00"


def test_feed_without_dates_is_noted(server: LocalServer) -> None:
    server.set("/rss.xml", rss(server.url(""), ["hanoi-talks"], dated=False))
    listing = _listing(server, "/rss.xml", "feed")
    assert listing.items[0].published is None
    assert listing.notes and "no date" in listing.notes[0]


def test_feed_that_is_html_is_an_error(server: LocalServer) -> None:
    server.set("/rss.xml", article_html("hanoi-talks"))
    with pytest.raises(FetchError) as caught:
        _listing(server, "/rss.xml", expected_kind(server.url("/rss.xml")))
    assert caught.value.reason == "not-a-feed" and "--kind section" in str(caught.value)


def test_news_sitemap_and_index_of_indexes(server: LocalServer) -> None:
    base = server.url("")
    server.set("/sitemap.xml", sitemap_index([f"{base}/sitemaps/a.xml", f"{base}/sitemaps/more.xml"]))
    server.set("/sitemaps/more.xml", sitemap_index([f"{base}/sitemaps/b.xml"]))
    server.set("/sitemaps/a.xml", news_sitemap(base, ["hanoi-talks"]))
    server.set("/sitemaps/b.xml", news_sitemap(base, ["harbour-opens", "jakarta-protest"]))
    listing = _listing(server, "/sitemap.xml", "sitemap")
    assert listing.kind == "sitemap"
    assert sorted(i.url.rsplit("/", 1)[1] for i in listing.items) == [
        "hanoi-talks",
        "harbour-opens",
        "jakarta-protest",
    ]
    assert all(i.published == "2026-03-05" and i.title for i in listing.items)


def test_sitemap_index_too_deep(server: LocalServer) -> None:
    base = server.url("")
    for level in range(5):
        server.set(f"/s{level}.xml", sitemap_index([f"{base}/s{level + 1}.xml"]))
    with pytest.raises(FetchError) as caught:
        _listing(server, "/s0.xml", "sitemap")
    assert caught.value.reason == "sitemap-too-deep"


def test_sitemap_broken_child_is_skipped(server: LocalServer) -> None:
    base = server.url("")
    server.set("/sitemap.xml", sitemap_index([f"{base}/gone.xml", f"{base}/ok.xml"]))
    server.set("/ok.xml", news_sitemap(base, ["hanoi-talks"]))
    listing = _listing(server, "/sitemap.xml", "sitemap")
    assert [i.url for i in listing.items] == [f"{base}/news/hanoi-talks"]
    assert any("404" in note for note in listing.notes)


def test_section_page_links(server: LocalServer) -> None:
    base = server.url("")
    links = "".join(
        f"<a href='/news/{slug}'>{ARTICLES[slug][1]}</a>" for slug in ("hanoi-talks", "harbour-opens")
    )
    page = (
        f"<html><body><a href='/'>Home</a><a href='/world'>World</a><a href='https://elsewhere.example/x-y-z-w'>x</a>"
        f"{links}<a href='/news/hanoi-talks#comments'>again</a></body></html>"
    )
    server.set("/world", page)
    listing = _listing(server, "/world")
    assert listing.kind == "section"
    assert [i.url for i in listing.items] == [f"{base}/news/hanoi-talks", f"{base}/news/harbour-opens"]
    assert listing.items[0].title == ARTICLES["hanoi-talks"][1]


def test_unknown_format(server: LocalServer) -> None:
    server.set("/data", '{"not": "a feed"}', content_type="application/json")
    with pytest.raises(FetchError) as caught:
        _listing(server, "/data")
    assert caught.value.reason == "unknown-format"
