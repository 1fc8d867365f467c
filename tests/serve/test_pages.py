"""The web pages: each renders from the store, escapes what it shows, and errors read as pages."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

HTML = {"accept": "text/html"}
PAGES = Path(__file__).resolve().parents[2] / "newsloom" / "serve" / "pages"


def page(client: TestClient, url: str, status: int = 200) -> str:
    response = client.get(url, headers=HTML)
    assert response.status_code == status, response.text[:500]
    assert response.headers["content-type"].startswith("text/html")
    return response.text


def test_timeline_page_shows_days_stories_and_charts(client: TestClient) -> None:
    html = page(client, "/")
    days = re.findall(r'<li class="day" id="day-(\d{4}-\d\d-\d\d)">', html)
    assert days and days == sorted(days, reverse=True)
    assert 'class="story-title" href="/stories/' in html
    assert html.count("<svg") == 2 and "Events per day" in html and "Events per type" in html
    assert re.search(r'<rect class="bar"[^>]*height="\d', html)
    assert '<script src="/static/app.js" defer></script>' in html and "<script>" not in html


def test_timeline_intro_names_the_first_and_last_day_with_events(client: TestClient) -> None:
    """The intro's span is the days that hold events, not the default window's 30-day start."""
    html = page(client, "/")
    days = re.findall(r'<li class="day" id="day-(\d{4}-\d\d-\d\d)">', html)
    intro = re.search(r"Events from (\d{4}-\d\d-\d\d) to (\d{4}-\d\d-\d\d),", html)
    assert intro and days, html[:2000]
    assert intro.groups() == (min(days), max(days))


def test_event_page_shows_sources_side_by_side(client: TestClient) -> None:
    events = client.get("/api/events", params={"limit": 100}).json()["items"]
    event = next(e for e in events if len(e["languages"]) >= 2)
    html = page(client, f"/events/{event['id']}")
    columns = re.findall(r'<section class="column" data-lang="(\w+)">', html)
    assert len(set(columns)) >= 2 and set(columns) <= set(event["languages"])
    assert html.count('<blockquote class="evidence"') >= 2
    assert '<mark class="ev-trigger"' in html  # the trigger word of each evidence sentence
    assert "Where the sources disagree" in html


def test_entity_pages(client: TestClient) -> None:
    listing = page(client, "/entities?q=bui+thanh+son")
    match = re.search(r'href="/entities/(\d+)">Bùi Thanh Sơn</a>', listing)
    assert match
    html = page(client, f"/entities/{match.group(1)}")
    assert "Names in each language" in html and "Bui Thanh Son" in html and "Bùi Thanh Sơn" in html
    assert (
        "Roles over time" in html
        and "Deputy Prime Minister" in html
        and "deputy head of government" not in html
    )
    assert page(client, "/entities?q=nobody+at+all+zz").count("No entity is called") == 1
    page(client, "/entities?type=place")


def test_article_pages(client: TestClient) -> None:
    listing = page(client, "/articles?language=vi")
    ids = re.findall(r'href="/articles/([0-9a-f]{40})"', listing)
    assert len(set(ids)) == 2
    html = page(client, f"/articles/{ids[0]}")
    assert 'class="mention" href="/entities/' in html and 'class="timex"' in html
    assert "Metadata" in html and "header" in html  # provenance of the published date


def test_search_page_marks_the_match(client: TestClient) -> None:
    html = page(client, "/search?q=bui+thanh+son")
    assert "<mark>Bùi Thanh Sơn</mark>" in html
    assert 'data-lang="vi"' in html
    assert "Nothing found" in page(client, "/search?q=zzqqxxnothing")
    assert '<ol class="hits">' not in page(client, "/search")


def test_story_pages(client: TestClient) -> None:
    html = page(client, "/stories")
    story_ids = re.findall(r'href="/stories/(\d+)"', html)
    assert story_ids
    story = page(client, f"/stories/{story_ids[0]}")
    assert "Reports side by side, by language" in story and '<section class="column" data-lang=' in story


def test_forms_render(client: TestClient) -> None:
    assert 'enctype="multipart/form-data"' in page(client, "/upload")
    assert 'name="text_a"' in page(client, "/compare")


def test_error_pages_are_pages(client: TestClient) -> None:
    html = page(client, "/articles/nope", 404)
    assert "404 · not found" in html and "No article with id" in html
    assert "404" in page(client, "/no/such/page", 404)
    assert "invalid" in page(client, "/articles?page=0", 422)
    assert "not found" in page(client, "/events/abc", 404)


def test_query_text_is_escaped_everywhere(client: TestClient) -> None:
    attack = '"><script>alert(1)</script><img src=x onerror=alert(2)>'
    for url in (f"/search?q={attack}", f"/entities?q={attack}", f"/events?entity={attack}"):
        html = client.get(url, headers=HTML).text
        assert "<script>alert(1)" not in html and "<img src=x" not in html
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_static_files_come_from_a_fixed_list(client: TestClient) -> None:
    css = client.get("/static/style.css")
    assert css.status_code == 200 and css.headers["content-type"].startswith("text/css")
    assert "@media (max-width" in css.text
    assert client.get("/static/app.js").headers["content-type"].startswith("text/javascript")
    for icon in ("/static/favicon.svg", "/favicon.ico"):
        response = client.get(icon)
        assert response.status_code == 200 and response.headers["content-type"] == "image/svg+xml"
    for name in ("base.html", "..%2F__init__.py", "nothing.css"):
        assert client.get(f"/static/{name}").status_code == 404


def test_templates_never_mark_data_safe() -> None:
    for template in PAGES.glob("*.html"):
        text = template.read_text(encoding="utf-8")
        assert "|safe" not in text.replace(" ", ""), template.name
        assert "autoescape false" not in text, template.name
        assert "<script>" not in text and "style=" not in text, template.name  # the CSP allows neither
    from newsloom.serve.pages import make_templates

    assert make_templates().env.autoescape is True


def test_no_external_resources() -> None:
    for template in [*PAGES.glob("*.html"), PAGES / "style.css", PAGES / "app.js"]:
        text = template.read_text(encoding="utf-8")
        assert not re.search(r"(src|href)=\"(https?:)?//", text), template.name
        assert "@import" not in text and "url(http" not in text, template.name


@pytest.mark.parametrize(
    ("counts", "labelled"),
    [
        ([("2025-10-21", 3), ("2025-10-22", 0), ("2025-10-23", 6)], 3),
        ([(f"2025-10-{d:02d}", d) for d in range(1, 32)], 11),
    ],
)
def test_day_chart_geometry(counts: list[tuple[str, int]], labelled: int) -> None:
    from newsloom.serve.charts import vertical_bars

    chart = vertical_bars("Events per day", counts, width=480, height=170)
    tallest = max(chart.bars, key=lambda b: b.value)
    assert tallest.y >= 0 and tallest.height == max(b.height for b in chart.bars)
    assert all(b.x + b.width <= 480 for b in chart.bars)
    assert [b.height for b in chart.bars if b.value == 0] in ([], [0.0])
    assert sum(b.show_label for b in chart.bars) == labelled and chart.bars[-1].show_label
    assert "Events per day. 2025-10-21: " in chart.description or counts[0][1] == 1


def test_type_chart_geometry() -> None:
    from newsloom.serve.charts import LABEL_COLUMN, horizontal_bars

    chart = horizontal_bars("Events per type", [("CONSULT", 8), ("AGREE", 2)], width=340, row=20)
    assert chart.height == 40 and chart.bars[0].width == 4 * chart.bars[1].width
    assert all(b.x == LABEL_COLUMN for b in chart.bars)
    assert horizontal_bars("Empty", []).description == "Empty: nothing yet."
