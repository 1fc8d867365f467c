"""The interface's own language: every key in en, vi and id, every template key known, the switch
(query, cookie, Accept-Language), pages in Vietnamese and Indonesian, roles and titles in the UI's language."""

from __future__ import annotations

import json
import re
import string
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from newsloom.serve.i18n import UI_LANGUAGES, choose_language, from_accept_language, messages, translator

I18N = Path(__file__).resolve().parents[2] / "newsloom" / "serve" / "i18n"
PAGES = Path(__file__).resolve().parents[2] / "newsloom" / "serve" / "pages"
HTML = {"accept": "text/html"}
#: Keys templates build from data ("badge." ~ badge, "entity_type." ~ type): listed here, as they are not literal.
BUILT_KEYS = {"badge.single source", "badge.low confidence", "badge.basic support", "entity_type.person",
              "entity_type.organization", "entity_type.place", "entity_type.name",
              "span.trigger", "span.mode", "span.source", "span.target"}  # fmt: skip


def fields(value: object) -> set[str]:
    texts = value.values() if isinstance(value, dict) else [value]
    return {name for text in texts for _, name, _, _ in string.Formatter().parse(str(text)) if name}


def test_every_key_is_in_every_language_with_the_same_fields() -> None:
    files = {code: json.loads((I18N / f"{code}.json").read_text(encoding="utf-8")) for code in UI_LANGUAGES}
    english = files["en"]
    for code, table in files.items():
        assert set(table) == set(english), (code, set(english) ^ set(table))
        for key, text in table.items():
            assert fields(text) == fields(english[key]), (code, key)
            assert text and (not isinstance(text, dict) or set(text) == {"one", "other"}), (code, key)
    different = [k for k in english if files["vi"][k] != english[k] and files["id"][k] != english[k]]
    assert len(different) > 0.8 * len(english)  # translated, not copied


def test_every_key_a_template_uses_is_known() -> None:
    used: set[str] = set()
    for template in PAGES.glob("*.html"):
        used |= set(re.findall(r"""\bt\(\s*["']([^"']+)["']""", template.read_text(encoding="utf-8")))
    prefixes = {key for key in used if key.endswith(".")}  # t("badge." ~ badge): see BUILT_KEYS
    assert len(used) > 100 and prefixes == {"badge.", "entity_type.", "span."}
    assert not (used - prefixes | BUILT_KEYS) - set(messages("en"))


def test_translator_fields_plurals_and_fallbacks() -> None:
    en, vi = translator("en"), translator("vi")
    assert en("common.n_events", n=1) == "1 event" and en("common.n_events", n=3) == "3 events"
    assert vi("common.n_events", n=3) == "3 sự kiện"
    assert vi("no.such.key") == "no.such.key"
    assert translator("fr")("nav.timeline") == "Timeline"  # an interface language we lack: English


def test_the_language_is_chosen_by_query_cookie_then_browser() -> None:
    assert from_accept_language("vi-VN,vi;q=0.9,en;q=0.8") == "vi"
    assert from_accept_language("fr-FR,fr;q=0.9,id;q=0.5,en;q=0.7") == "en"
    assert from_accept_language("de") is None and from_accept_language(None) is None
    assert choose_language("id", "vi", "en") == "id"
    assert choose_language(None, "vi", "id") == "vi"
    assert choose_language("xx", None, "id-ID") == "id"
    assert choose_language(None, None, None) == "en"


def nav_text(page: str) -> str:
    found = re.search(r'<nav class="nav"[^>]*>(.*?)</nav>', page, re.S)
    assert found
    return found.group(1)


@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/stories",
        "/events",
        "/entities",
        "/articles",
        "/trends",
        "/network",
        "/map",
        "/compare",
        "/upload",
    ],
)
def test_pages_render_in_vietnamese(client: TestClient, path: str) -> None:
    page = client.get(path, params={"lang": "vi"}, headers=HTML)
    assert page.status_code == 200
    assert '<html lang="vi">' in page.text
    nav = nav_text(page.text)
    assert "Dòng thời gian" in nav and "Bản đồ" in nav and "Timeline" not in nav


def test_the_choice_is_remembered_in_a_cookie(module_db: Path) -> None:
    from newsloom.serve.api import create_app

    with TestClient(create_app(str(module_db), embeddings=False)) as fresh:
        first = fresh.get("/network", params={"lang": "id"}, headers=HTML)
        assert "newsloom_lang=id" in first.headers["set-cookie"]
        later = fresh.get("/events", headers=HTML)  # no ?lang: the cookie decides
        assert "Peristiwa" in nav_text(later.text) and '<html lang="id">' in later.text
        fresh.cookies.clear()
        browser = fresh.get("/events", headers={**HTML, "accept-language": "vi-VN,vi;q=0.9"})
        assert '<html lang="vi">' in browser.text
        assert '<html lang="en">' in fresh.get("/events", headers=HTML).text


def test_the_switch_keeps_the_page_and_its_filters(client: TestClient) -> None:
    page = client.get("/network", params={"type": "AGREE"}, headers=HTML).text
    assert (
        'href="/network?type=AGREE&amp;lang=vi"' in page and 'href="/network?type=AGREE&amp;lang=id"' in page
    )


def test_roles_are_words_of_the_ui_language(client: TestClient) -> None:
    event = next(
        e
        for e in client.get("/api/events", params={"limit": 100}).json()["items"]
        if "Lương Cường" in e["source"] + e["target"]
    )
    assert "(President)" in client.get(f"/events/{event['id']}", params={"lang": "en"}, headers=HTML).text
    vietnamese = client.get(f"/events/{event['id']}", params={"lang": "vi"}, headers=HTML).text
    assert "(Chủ tịch nước)" in vietnamese and "head_of_state" not in vietnamese


def test_story_titles_follow_the_ui_language(client: TestClient) -> None:
    stories = client.get("/api/stories").json()["items"]
    both = next(s for s in stories if {"vi", "id"} <= set(s["titles"]))
    vietnamese = client.get(f"/stories/{both['id']}", params={"lang": "vi"}, headers=HTML).text
    indonesian = client.get(f"/stories/{both['id']}", params={"lang": "id"}, headers=HTML).text
    assert f"<h1>{both['titles']['vi']}</h1>" in vietnamese
    assert f"<h1>{both['titles']['id']}</h1>" in indonesian
