"""The corrections flow in headless Chromium: a reader types the token once, merges two events on an
event page, the pipeline runs again (every article re-merged, and a new report), the merge holds.

Runs and skips like tests/serve/test_browser.py (same server, browser and page fixtures).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.serve.conftest import TOKEN
from tests.serve.test_browser import browser, page, server, shoot  # noqa: F401  (fixtures)


def test_merge_in_the_ui_holds_after_the_pipeline_runs_again(server: str, page: Any, module_db: Path) -> None:  # noqa: F811
    from newsloom.store import Store
    from tests.corrections.conftest import remerge_everything, run_later_report
    from tests.corrections.test_events import forum_meetings

    store = Store.open(str(module_db))
    with store.connect() as conn:
        first, second = forum_meetings(conn)
    page.goto(f"{server}/events/{first}")
    panel = page.locator("section.fix")
    panel.wait_for(state="visible")
    assert panel.locator(".fix-list").inner_text().strip() == "None yet."
    panel.locator("summary").click()
    token = panel.locator("form.fix-token")
    token.locator("input[name=token]").fill(TOKEN)
    token.locator("button").click()
    assert token.is_hidden(), "the token is asked once"
    assert page.evaluate("sessionStorage.getItem('newsloom-token')") == TOKEN
    panel.locator(".fix-reason input").fill("the same meeting, reported twice")
    merge = panel.locator("form[data-fix-kind=merge]")
    merge.locator("input[name=ids]").fill(str(second))
    merge.locator("button").click()
    page.wait_for_selector("li.fix-record")
    record = page.locator("li.fix-record").first.inner_text()
    assert "merge event" in record and "api:NEWSLOOM_TOKEN" in record and "reported twice" in record
    shoot(page, "event-corrected")

    remerge_everything(store)
    run_later_report(store)
    with store.connect() as conn:
        assert forum_meetings(conn) == [first], "the re-run undid the merge"
    store.close()

    page.reload()
    page.wait_for_selector("li.fix-record")
    assert "merge event" in page.locator("li.fix-record").first.inner_text()
    assert page.url.endswith(f"/events/{first}"), "the merged event kept the id it was corrected under"
    assert not page.errors, page.errors
    assert not page.dialogs
    gone = page.goto(f"{server}/events/{second}")
    assert gone is not None and gone.status == 404


def test_split_a_name_off_an_entity_then_undo_it_in_the_ui(server: str, page: Any, module_db: Path) -> None:  # noqa: F811
    from newsloom.store import Store
    from newsloom.store.entities import aliases_of, entity_by_key

    store = Store.open(str(module_db))
    with store.connect() as conn:
        found = entity_by_key(conn, "person:luong cuong")
        assert found is not None and "Cường" in {a.alias for a in aliases_of(conn, [found.id])}
    page.goto(f"{server}/entities/{found.id}")
    page.evaluate(f"sessionStorage.setItem('newsloom-token', '{TOKEN}')")
    page.reload()
    panel = page.locator("section.fix")
    panel.wait_for(state="visible")
    panel.locator("summary").click()
    assert panel.locator("form.fix-token").is_hidden(), "a token kept in this tab is not asked again"
    split = panel.locator("form[data-fix-kind=split]")
    split.locator("input[name=aliases]").fill("Cường")
    split.locator("button").click()
    page.wait_for_selector("li.fix-record")
    assert "split entity" in page.locator("li.fix-record").first.inner_text()
    with store.connect() as conn:
        assert "Cường" not in {a.alias for a in aliases_of(conn, [found.id])}
    page.locator("li.fix-record button").first.click()  # Undo
    page.locator("li.fix-record", has_text="undone").first.wait_for()  # the page reloads after the undo
    assert page.locator("li.fix-record", has_text="split entity").locator("button").count() == 0
    with store.connect() as conn:
        assert "Cường" in {a.alias for a in aliases_of(conn, [found.id])}
    store.close()
    assert not page.errors, page.errors
