"""The network, the map and the language switch in real headless Chromium (see test_browser.py).

Screenshots go to tests/artifacts/ (not committed): network.png, map.png, network_vi.png, map_phone.png.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.serve.test_browser import PHONE, browser, fits_width, page, server, shoot  # noqa: F401  (fixtures)

pytest.importorskip("playwright.sync_api", reason="the Python playwright package is not installed")


def test_network_page_draws_nodes_and_edges_that_link_to_events(server: str, page: Any) -> None:  # noqa: F811
    page.goto(server + "/network?lang=en")
    nodes = page.locator("figure.network-chart g.node circle")
    assert nodes.count() >= 4
    assert page.locator("figure.network-chart line.edge").count() >= 3
    assert page.locator("figure.network-chart g.node text", has_text="Lương Cường").count() == 1
    box = nodes.first.bounding_box()
    assert box and box["width"] > 4 and box["height"] > 4  # drawn, not collapsed to nothing
    shoot(page, "network")
    # the edge's link itself (a node's label may lie over the middle of a line)
    page.locator("figure.network-chart a:has(line.edge)").first.dispatch_event("click")
    assert page.url.split("#")[1].startswith("edge-")
    page.locator(f"#{page.url.split('#')[1]} a[href^='/events/']").first.click()
    page.wait_for_url("**/events/*")
    assert page.locator("section.column[data-lang]").count() >= 1
    assert not page.errors


def test_map_page_draws_points_on_the_world(server: str, page: Any) -> None:  # noqa: F811
    page.goto(server + "/map?lang=en")
    assert page.locator("figure.world-map path.land").count() == 1
    spots = page.locator("figure.world-map circle.spot")
    assert spots.count() >= 1
    land = page.locator("figure.world-map svg").bounding_box()
    spot = spots.first.bounding_box()
    assert land and spot
    # Hanoi (105.8 E, 21 N) lies in the right half of the map, above the equator
    assert land["x"] + land["width"] * 0.7 < spot["x"] + spot["width"] / 2 < land["x"] + land["width"] * 0.85
    assert spot["y"] < land["y"] + land["height"] * 0.55
    shoot(page, "map")
    assert page.locator("a.csv[href^='/api/map.csv']").count() == 1
    assert not page.errors


def test_language_switch_changes_the_nav_and_is_remembered(server: str, page: Any) -> None:  # noqa: F811
    page.goto(server + "/network?lang=en")
    nav = page.locator("nav.nav")
    assert "Timeline" in nav.inner_text()
    page.locator(".lang-switch a[hreflang='vi']").click()
    page.wait_for_url("**lang=vi")
    assert "Dòng thời gian" in nav.inner_text() and "Mạng lưới" in nav.inner_text()
    assert page.locator("h1").inner_text() == "Ai gặp ai"
    shoot(page, "network_vi")
    page.goto(server + "/events")  # no ?lang: the cookie keeps Vietnamese
    assert "Sự kiện" in page.locator("nav.nav").inner_text()
    page.locator(".lang-switch a[hreflang='id']").click()
    page.wait_for_url("**lang=id")
    assert "Linimasa" in page.locator("nav.nav").inner_text()


def test_map_fits_a_phone(server: str, browser: Any) -> None:  # noqa: F811
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    tab = context.new_page()
    tab.goto(server + "/map?lang=vi")
    assert tab.locator("figure.world-map circle.spot").count() >= 1
    shoot(tab, "map_phone")
    assert fits_width(tab)
    tab.goto(server + "/network")
    assert fits_width(tab)
    context.close()
