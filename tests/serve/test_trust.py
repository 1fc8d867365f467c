"""Trust marks and language support through the API: fields, filters, and the timeline's switch."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from tests.serve.conftest import copy_db


def test_events_carry_trust_and_filter_on_it(client: TestClient) -> None:
    every = client.get("/api/events", params={"limit": 100}).json()["items"]
    assert every and all({"sources", "languages", "confidence", "badges"} <= set(e["trust"]) for e in every)
    confirmed = client.get("/api/events", params={"limit": 100, "min_sources": 2}).json()["items"]
    assert {e["id"] for e in confirmed} == {e["id"] for e in every if e["n_articles"] >= 2}
    confident = client.get("/api/events", params={"limit": 100, "min_confidence": 0.9}).json()["items"]
    assert {e["id"] for e in confident} == {e["id"] for e in every if e["confidence"] >= 0.9}
    assert client.get("/api/events", params={"min_confidence": 2}).status_code == 422


def test_timeline_hides_uncertain_events_by_default(client: TestClient) -> None:
    def shown(**params: object) -> tuple[set[int], int]:
        body = client.get("/api/timeline", params=params).json()
        ids = {e["id"] for day in body["items"] for group in day["groups"] for e in group["events"]}
        return ids, body["hidden"]

    default, hidden = shown()
    everything, none_hidden = shown(show_uncertain="true")
    assert hidden > 0 and none_hidden == 0
    assert default < everything
    uncertain = everything - default
    events = {e["id"]: e for e in client.get("/api/events", params={"limit": 100}).json()["items"]}
    for i in uncertain:  # one report, and a low confidence or no model read it
        badges = set(events[i]["trust"]["badges"])
        assert "single source" in badges and badges & {"low confidence", "not checked by the model"}, badges
        assert events[i]["rules_only"] == ("not checked by the model" in badges)
    # the examples hold single-source events the classifier did not read (the prefilter kept their
    # sentences from the encoder): those, whatever their rule's prior confidence, are hidden
    assert any(events[i]["rules_only"] for i in uncertain)


def test_timeline_page_has_the_switch_and_badges(client: TestClient) -> None:
    page = client.get("/", headers={"accept": "text/html"}).text
    assert "show_uncertain=true" in page
    everything = client.get("/?show_uncertain=true", headers={"accept": "text/html"}).text
    assert "badge-not-checked-by-the-model" in everything and "not checked by the model" in everything
    assert everything.count("badge-not-checked-by-the-model") > page.count("badge-not-checked-by-the-model")


GERMAN = """Bundesregierung kündigt neues Klimapaket an

Berlin – Die Bundesregierung hat am Mittwoch ein neues Maßnahmenpaket für den Klimaschutz vorgestellt.
Der Wirtschaftsminister sagte, die Förderung für Wärmepumpen werde im kommenden Jahr deutlich erhöht.
"""


@pytest.fixture(scope="module")
def mixed_client(module_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    """The examples plus one German article (no pack: basic support)."""
    from newsloom.runner import INGEST_STAGES, process_paths
    from newsloom.serve.api import create_app
    from newsloom.store import Store

    folder = tmp_path_factory.mktemp("mixed")
    article = folder / "de_klima.txt"
    article.write_text(GERMAN, encoding="utf-8")
    db = copy_db(module_db, folder)
    store = Store.open(str(db))
    report = process_paths([str(article)], store, stages=INGEST_STAGES, corpus=False)
    store.close()
    assert report.ok, report.errors
    with TestClient(create_app(str(db))) as test_client:
        yield test_client


def test_articles_say_which_were_read_with_basic_support(mixed_client: TestClient) -> None:
    items = mixed_client.get("/api/articles", params={"limit": 100}).json()["items"]
    by_level = {a["language"]: a["support"]["level"] for a in items}
    assert by_level["de"] == "basic"
    assert {by_level[code] for code in ("vi", "en", "id")} == {"first-class"}
    german = next(a for a in items if a["language"] == "de")
    detail = mixed_client.get(f"/api/articles/{german['id']}").json()
    assert "no language pack for de" in detail["support"]["note"]
    page = mixed_client.get(f"/articles/{german['id']}", headers={"accept": "text/html"}).text
    assert "basic-support" in page and "no language pack for de" in page
    listing = mixed_client.get("/articles", headers={"accept": "text/html"}).text
    assert listing.count("badge-basic-support") == 1


def test_search_hits_carry_their_support(mixed_client: TestClient) -> None:
    hits = mixed_client.get("/api/search", params={"q": "Klimapaket", "kind": "article"}).json()["items"]
    assert hits and hits[0]["language"] == "de" and hits[0]["support"]["level"] == "basic"
    english = mixed_client.get("/api/search", params={"q": "Guterres", "kind": "article"}).json()["items"]
    assert english and all(h["support"]["level"] == "first-class" for h in english)


def trust_line(page: str) -> str:
    """The event page's trust line (its statements and meeting have marks of their own)."""
    start = page.index("<dt>Trust</dt>")
    return page[start : page.index("</dd>", start)]


def test_event_and_story_pages_show_trust_marks(client: TestClient) -> None:
    events = client.get("/api/events", params={"limit": 100}).json()["items"]
    single = next(e for e in events if e["n_articles"] == 1)
    page = trust_line(client.get(f"/events/{single['id']}", headers={"accept": "text/html"}).text)
    assert "badge-single-source" in page and "1 independent report " in page
    confirmed = next(e for e in events if e["n_articles"] >= 2 and e["confidence"] >= 0.7)
    page = trust_line(client.get(f"/events/{confirmed['id']}", headers={"accept": "text/html"}).text)
    assert (
        "independent reports in" in page
        and "badge-single-source" not in page
        and "badge-low-confidence" not in page
    )
    stories = client.get("/api/stories", params={"limit": 100}).json()["items"]
    listing = client.get("/stories", headers={"accept": "text/html"}).text
    singles = sum(1 for s in stories if s["trust"]["single_source"])
    assert listing.count("badge-single-source") == singles
