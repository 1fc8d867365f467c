"""The HTML reader against small pages written for the tests (tests/ingest/pages/, invented text):
site names cut from titles and recorded as the outlet, dates guarded, tables kept when they are the
article, nested headline text spaced."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from newsloom.ingest.html import parse_html, spaced_text
from newsloom.ingest.titles import host_key, is_site_name, split_site_name

PAGES = Path(__file__).parent / "pages"
EXPECTED = {k: v for k, v in json.loads((PAGES / "expected.json").read_text("utf-8")).items() if k[0] != "_"}
#: the day these pages were "crawled"
CRAWL_DAY = date(2025, 11, 1)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_page(name: str) -> None:
    expected = EXPECTED[name]
    article = parse_html((PAGES / name).read_text("utf-8"), name, today=CRAWL_DAY)
    assert article.title == expected["title"]
    assert article.published == expected["published"]
    if "outlet" in expected:
        assert article.meta("outlet") == expected["outlet"]
    for text in expected.get("text_contains", []):
        assert text in article.text
    assert not any(line.startswith("|---") for line in article.text.split("\n"))


def test_a_date_after_the_crawl_is_refused() -> None:
    page = (PAGES / "site_suffix_dash.html").read_text("utf-8")  # published 2025-10-21 in its markup
    assert parse_html(page, "p.html", today=date(2025, 10, 21)).published == "2025-10-21"
    assert parse_html(page, "p.html", today=date(2025, 10, 1)).published is None


@pytest.mark.parametrize(
    ("title", "names", "url", "headline", "expected"),
    [
        ("Ministers meet - BBC News", ["BBC News"], None, None, ("Ministers meet", "BBC News")),
        ("Ministers meet | Republika Online", [], None, None, ("Ministers meet", "Republika Online")),
        ("Bộ trưởng tiếp Đại sứ - Tuoitre.vn", [], None, None, ("Bộ trưởng tiếp Đại sứ", "Tuoitre.vn")),
        ("Menteri bertemu - Detik", [], "https://news.detik.com/x", None, ("Menteri bertemu", "Detik")),
        ("Example Times | Ministers meet", ["Example Times"], None, None, ("Ministers meet", "Example Times")),
        ("Ministers meet - Desk", [], None, "Ministers meet", ("Ministers meet", "Desk")),
        # a hyphen or pipe inside the headline stays
        ("Hà Nội - Jakarta: hợp tác mới", [], None, None, ("Hà Nội - Jakarta: hợp tác mới", None)),
        ("Vietnam - Indonesia sign fisheries deal", [], None, None, ("Vietnam - Indonesia sign fisheries deal", None)),
        ("Votes | how the provinces chose their governors this year", [], None, None,
         ("Votes | how the provinces chose their governors this year", None)),
    ],
)  # fmt: skip
def test_split_site_name(
    title: str, names: list[str], url: str | None, headline: str | None, expected: tuple[str, str | None]
) -> None:
    assert split_site_name(title, names, url, headline) == expected


def test_is_site_name_and_host_key() -> None:
    assert host_key("https://www.republika.co.id/berita/x") == "republika"
    assert is_site_name("VnExpress", ["VnExpress"]) and is_site_name("Kompas", [], "https://kompas.com/a")
    assert not is_site_name("Thủ tướng tiếp Đại sứ", ["VnExpress"])


def test_spaced_text_spaces_elements_but_not_inline_formatting() -> None:
    import lxml.html

    h1 = lxml.html.fromstring(
        "<h1><span>Exclusive</span><span>Minister <b>Ha</b>noi talks</span><br>Live</h1>"
    )
    assert spaced_text(h1) == "Exclusive Minister Hanoi talks Live"


@pytest.mark.parametrize(
    ("sentence", "published"),
    [
        ("Hai bên trao đổi về hợp tác kinh tế trong năm 2026.", None),  # a year in the text is no day
        ("The plan runs until 2026 and beyond, the ministers said after their talks.", None),
        ("Posted 2025-10-21. The ministers met in Hanoi for talks on trade.", "2025-10-21"),
        (
            "Posted 2026-01-01. The ministers met in Hanoi for talks on trade.",
            "2026-01-01",
        ),  # the day written
    ],
)
def test_a_year_alone_in_the_text_is_not_taken_for_a_publication_day(
    sentence: str, published: str | None
) -> None:
    # htmldate's last resort turns a bare year ("năm 2026", "© 2026") into January 1st of it
    html = (
        "<html><head><title>Talks</title></head><body><article><h1>Talks</h1>"
        f"<p>{sentence} The two delegations discussed trade, investment and education at length.</p>"
        "</article></body></html>"
    )
    assert parse_html(html, "page.html", today=date(2026, 12, 1)).published == published
