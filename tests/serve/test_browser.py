"""The web UI in real headless Chromium (Debian's /usr/bin/chromium driven by Python Playwright).

The server runs with uvicorn in a thread on 127.0.0.1 and a free port, over the examples' store.
A reader opens the timeline, goes into a story and one of its events, sees the sources in two
languages, searches "bui thanh son", and uploads a hostile article whose markup must show as text.
Screenshots of each page (laptop and phone widths) go to tests/artifacts/ (not committed).
"""

from __future__ import annotations

import os
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.serve.conftest import TOKEN

CHROMIUM = os.environ.get("NEWSLOOM_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]
ARTIFACTS = Path(__file__).resolve().parents[1] / "artifacts"
LAPTOP = {"width": 1280, "height": 860}
PHONE = {"width": 390, "height": 844}
#: Markup a hostile article carries; none of it may run or become an element.
HOSTILE = (
    "Hostile markup test <script>window.__pwned = 'title'</script>\n\n"
    "HÀ NỘI — The minister said <script>window.__pwned = 'body'; alert('xss')</script> the talks went well, "
    "<img src=x onerror=\"window.__pwned = 'img'\"> and readers may "
    "<a href=\"javascript:window.__pwned = 'link'\">click here</a>. The delegation left on Monday.\n"
)

sync_api = pytest.importorskip(
    "playwright.sync_api", reason="the Python playwright package is not installed (pip install playwright)"
)
if shutil.which(CHROMIUM) is None and not Path(CHROMIUM).exists():
    pytest.skip(
        f"no Chromium at {CHROMIUM}: apt-get install chromium (or set NEWSLOOM_CHROMIUM)",
        allow_module_level=True,
    )


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture(scope="module")
def server(module_db: Path) -> Iterator[str]:
    """The app under uvicorn in a thread; yields its base URL."""
    import uvicorn

    from newsloom.serve.api import create_app

    port = free_port()
    config = uvicorn.Config(
        create_app(str(module_db), token=TOKEN), host="127.0.0.1", port=port, log_level="warning"
    )
    uvicorn_server = uvicorn.Server(config)
    thread = threading.Thread(target=uvicorn_server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 60
    while not uvicorn_server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the test server did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    uvicorn_server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with sync_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    """A fresh page that fails the test on any dialog (alert) and records console errors."""
    context = browser.new_context(viewport=LAPTOP)
    tab = context.new_page()
    tab.dialogs = []
    tab.errors = []
    tab.on("dialog", lambda dialog: (tab.dialogs.append(dialog.message), dialog.dismiss()))
    tab.on("console", lambda message: tab.errors.append(message.text) if message.type == "error" else None)
    yield tab
    context.close()


def shoot(tab: Any, name: str) -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    tab.screenshot(path=str(path), full_page=True)
    return path


def fits_width(tab: Any) -> bool:
    """No horizontal scrolling: the page is no wider than the device (a phone widens its layout
    viewport to the content, so the window's own width proves nothing there)."""
    width = tab.viewport_size["width"]
    return bool(tab.evaluate(f"document.documentElement.scrollWidth <= {width}"))


def test_timeline_story_event_in_two_languages(server: str, page: Any) -> None:
    page.goto(server + "/")
    assert page.locator("li.day").count() >= 2
    assert page.locator("figure.chart svg rect.bar").count() >= 2
    shoot(page, "timeline")
    group = page.locator("article.story-group", has=page.locator("a.story-title")).filter(
        has=page.locator(".event-line .emeta .lang:nth-of-type(2)")
    )
    assert group.count() >= 1, "a story on the timeline has an event reported in two languages"
    group.first.locator("a.story-title").click()
    page.wait_for_url("**/stories/*")
    assert page.locator("h2", has_text="Reports side by side").count() == 1
    shoot(page, "story")
    event_link = page.locator(".event-line", has=page.locator(".emeta .lang:nth-of-type(2)")).first
    event_link.click()
    page.wait_for_url("**/events/*")
    columns = page.locator("section.column[data-lang]")
    languages = {columns.nth(i).get_attribute("data-lang") for i in range(columns.count())}
    assert len(languages) >= 2, languages
    assert page.locator("blockquote.evidence mark").count() >= 2  # each source's trigger word
    shoot(page, "event")
    assert not page.dialogs and not page.errors


def test_search_without_diacritics_finds_the_vietnamese_article(server: str, page: Any) -> None:
    page.goto(server + "/")
    page.fill("#q-top", "bui thanh son")
    page.press("#q-top", "Enter")
    page.wait_for_url("**/search?q=bui+thanh+son")
    hit = page.locator("li.hit[data-kind='article']", has=page.locator(".lang[data-lang='vi']")).first
    assert hit.locator("mark").first.inner_text() == "Bùi Thanh Sơn"
    shoot(page, "search")
    hit.locator(".hit-head a").click()
    page.wait_for_url("**/articles/*")
    assert "Bùi Thanh Sơn" in page.locator("div.body").inner_text()
    assert page.locator("a.mention").count() > 0
    shoot(page, "article")


def test_hostile_upload_shows_markup_as_text(server: str, page: Any, tmp_path: Path) -> None:
    upload = tmp_path / "hostile.txt"
    upload.write_text(HOSTILE, encoding="utf-8")
    page.goto(server + "/upload")
    page.set_input_files("input[name=file]", str(upload))
    page.fill("input[name=token]", TOKEN)
    page.click("button[type=submit]")
    page.wait_for_url("**/articles/*", timeout=120_000)
    body = page.locator("div.body").inner_text()
    assert "<script>window.__pwned = 'body'; alert('xss')</script>" in body
    assert "<img src=x onerror=" in body and '<a href="javascript:' in body
    assert "<script>" in page.locator("h1").inner_text()
    assert page.evaluate("window.__pwned === undefined")
    assert page.locator("div.body script, div.body img, div.body a[href^='javascript:']").count() == 0
    assert page.title().startswith("Hostile markup test <script>")
    shoot(page, "hostile_upload")
    assert not page.dialogs


def test_wrong_token_upload_is_refused_in_the_page(server: str, page: Any, tmp_path: Path) -> None:
    upload = tmp_path / "note.txt"
    upload.write_text("Một bài viết ngắn về cuộc họp báo tại Hà Nội hôm nay.\n", encoding="utf-8")
    page.goto(server + "/upload")
    page.set_input_files("input[name=file]", str(upload))
    page.fill("input[name=token]", "not-the-token")
    page.click("button[type=submit]")
    page.wait_for_load_state()
    assert "The token is wrong" in page.locator("main").inner_text()


@pytest.mark.parametrize(
    "path",
    ["/", "/events/{event}", "/search?q=Ghada+Waly", "/entities/{entity}", "/stories/{story}", "/articles"],
)
def test_pages_fit_a_phone(server: str, browser: Any, path: str) -> None:
    import httpx

    event = httpx.get(server + "/api/events", params={"limit": 1}).json()["items"][0]["id"]
    entity = httpx.get(server + "/api/entities", params={"q": "Ghada Waly"}).json()["items"][0]["id"]
    story = httpx.get(server + "/api/stories", params={"limit": 1}).json()["items"][0]["id"]
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    tab = context.new_page()
    tab.goto(server + path.format(event=event, entity=entity, story=story))
    name = path.strip("/").split("?")[0].split("/")[0] or "timeline"
    shoot(tab, f"phone_{name}")
    assert fits_width(tab), f"{path} scrolls sideways at phone width"
    context.close()


def test_type_filter_hides_events(server: str, page: Any) -> None:
    page.goto(server + "/")
    chips = page.locator("[data-filter] input[type=checkbox]")
    assert chips.count() >= 2
    first_type = chips.first.get_attribute("value")
    visible_before = page.locator(f".days .event-line[data-type='{first_type}']:visible").count()
    assert visible_before > 0
    chips.first.uncheck()
    assert page.locator(f".days .event-line[data-type='{first_type}']:visible").count() == 0
    chips.first.check()
    assert page.locator(f".days .event-line[data-type='{first_type}']:visible").count() == visible_before
