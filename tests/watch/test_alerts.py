"""Alerts: queries, matching, firing once (across restarts), webhook/JSONL delivery and the Atom feed."""

from __future__ import annotations

import json
import random
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest

from newsloom.article import Article
from newsloom.entities.types import Mention
from newsloom.errors import NewsloomError
from newsloom.events.types import Event
from newsloom.store import Store
from newsloom.store.watch import AlertRow, add_alert, add_source, hits_of, list_alerts, undelivered_hits
from newsloom.watch import notify
from newsloom.watch.alerts import fold, in_country, make_query, match_article
from newsloom.watch.fetch import FetchConfig
from newsloom.watch.loop import WatchConfig, Watcher
from tests.watch.pages import ARTICLES, article_html, rss
from tests.watch.server import LocalServer


def _alert(kind: str, query: dict[str, object]) -> AlertRow:
    return AlertRow(1, "a", kind, query, None, None, "2026-03-01T00:00:00+00:00")


def _article(text: str, mentions: list[tuple[str, str]] = (), events: list[Event] = ()) -> Article:  # type: ignore[assignment]
    found = []
    for name, type_ in mentions:
        start = text.index(name)
        found.append(Mention(start, start + len(name), name, type_, canonical=name))
    return Article(id="x1", path="p", text=text, entities=tuple(found), events=tuple(events))


def test_make_query_says_what_is_missing() -> None:
    assert make_query("pair", entity=["A", "B"]) == {"entities": ["A", "B"]}
    assert make_query("event", event_type="protest", country="ID") == {"type": "PROTEST", "country": "ID"}
    with pytest.raises(NewsloomError, match="two --entity"):
        make_query("pair", entity=["A"])
    with pytest.raises(NewsloomError, match="Unknown alert kind"):
        make_query("weather")


def test_entity_and_pair_match_across_spellings() -> None:
    article = _article(
        "Bùi Thanh Sơn gặp Retno Marsudi.", [("Bùi Thanh Sơn", "person"), ("Retno Marsudi", "person")]
    )
    assert fold("Bùi Thanh Sơn") == "bui thanh son"
    assert match_article(_alert("entity", {"entity": "Bui Thanh Son"}), article, {})
    assert match_article(_alert("pair", {"entities": ["retno marsudi", "BÙI THANH SƠN"]}), article, {})
    assert not match_article(_alert("pair", {"entities": ["Retno Marsudi", "Joko Widodo"]}), article, {})


def test_text_and_story_match() -> None:
    article = _article("Students protested against fuel prices in Jakarta.")
    assert match_article(_alert("text", {"text": "Fuel prices"}), article, {})
    assert not match_article(_alert("text", {"text": "fuel taxes"}), article, {})
    story = _alert("story", {"languages": 2})
    assert [m.key for m in match_article(story, article, {7: {"en", "vi"}, 8: {"en"}})] == ["story:7"]


def test_event_in_country_key_is_the_event() -> None:
    def event(location: str | None, date: str) -> Event:
        return Event("PROTEST", 0, "s", 0, 1, "protested", location=location, date=date)

    assert (
        in_country("Jakarta", "Indonesia") and in_country("Jakarta", "ID") and not in_country("Hanoi", "ID")
    )
    alert = _alert("event", {"type": "PROTEST", "country": "Indonesia"})
    first = match_article(
        alert, _article("t", events=[event("Jakarta", "2026-03-04"), event(None, "2026-03-04")]), {}
    )
    again = match_article(alert, _article("u", events=[event("Jakarta", "2026-03-04")]), {})
    assert len(first) == 1 and [m.key for m in again] == [m.key for m in first]


def _watch_config() -> WatchConfig:
    return WatchConfig(interval_s=0.0, workers=2, fetch=FetchConfig(timeout_s=5.0, host_delay_s=0.0))


@pytest.mark.slow
def test_alerts_fire_once_end_to_end(
    server: LocalServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The full pipeline on three languages; alerts fire once per match, also after a restart."""
    monkeypatch.setattr(notify, "RETRY_PAUSE_S", 0.01)
    base = server.url("")
    for slug in ARTICLES:
        server.set(f"/news/{slug}", article_html(slug))
    server.set("/rss.xml", rss(base, ["hanoi-talks", "jakarta-protest"]))
    server.set("/hook", status=500)
    store = Store.open(str(tmp_path / "w.db"))
    jsonl = tmp_path / "out" / "hits.jsonl"
    with store.transaction() as conn:
        add_source(conn, server.url("/rss.xml"), interval_s=0.0)
        add_alert(conn, "son", "entity", {"entity": "Bùi Thanh Sơn"}, server.url("/hook"), str(jsonl))
        add_alert(conn, "pair", "pair", {"entities": ["Retno Marsudi", "Bui Thanh Son"]}, None, None)
        add_alert(conn, "talks", "event", {"type": "CONSULT", "country": "Vietnam"}, None, None)
        add_alert(conn, "protest", "event", {"type": "PROTEST", "country": "ID"}, None, None)
        add_alert(conn, "fuel", "text", {"text": "fuel prices"}, None, None)
        add_alert(conn, "langs", "story", {"languages": 2}, None, None)
    watcher = Watcher(store, _watch_config(), rng=random.Random(0))
    watcher.run_once()
    server.set(
        "/rss.xml", rss(base, ["hanoi-talks", "jakarta-protest", "hoi-dam-ha-noi", "pembicaraan-hanoi"])
    )
    watcher.run_once()

    def fired() -> dict[str, list[str]]:
        with store.connect() as conn:
            return {a.name: sorted(h.key for h in hits_of(conn, a.id)) for a in list_alerts(conn)}

    first = fired()
    assert len(first["son"]) == 3 and len(first["pair"]) == 3  # en, vi, id reports of the talks
    assert first["talks"] == ["event:CONSULT|hanoi|2026-03-03"]  # one meeting, three reports: once
    assert len(first["protest"]) == 1 and len(first["fuel"]) == 1
    assert len(first["langs"]) == 1  # the talks story reached two languages once; adding a third is no news
    lines = [json.loads(line) for line in jsonl.read_text(encoding="utf-8").splitlines()]
    assert sorted(line["key"] for line in lines) == first["son"]
    assert {line["article"]["language"] for line in lines} == {"en", "vi", "id"}
    assert server.hits["/hook"] == notify.TRIES * 2  # down: one set of tries per round, not per hit owed
    with store.connect() as conn:
        assert len(undelivered_hits(conn)) == 3  # still owed to the webhook, the file has them

    server.set("/hook", status=204)
    restarted = Watcher(store, _watch_config(), rng=random.Random(1))  # a restart: new process state
    restarted.run_once()
    assert fired() == first  # nothing fired twice
    assert len(jsonl.read_text(encoding="utf-8").splitlines()) == 3
    with store.connect() as conn:
        assert undelivered_hits(conn) == []
    delivered = [json.loads(body) for path, body in server.posts if path == "/hook"][-3:]
    assert sorted(p["key"] for p in delivered) == first["son"] and all(p["alert"] == "son" for p in delivered)
    assert server.hits["/news/hanoi-talks"] == 1


def test_atom_route(tmp_path: Path) -> None:
    from fastapi.testclient import TestClient

    from newsloom.serve.api import create_app
    from newsloom.store.watch import record_hit

    store = Store.open(str(tmp_path / "w.db"))
    with store.transaction() as conn:
        alert = add_alert(conn, "son", "entity", {"entity": "Bui Thanh Son"}, None, None)
        payload = {
            "matched": "Bui Thanh Son",
            "article": {"title": "Talks & trade", "url": "http://127.0.0.1/a"},
        }
        assert record_hit(conn, alert, "article:1", "1", payload, None)
        assert not record_hit(conn, alert, "article:1", "1", payload, None)  # the same match: once
        add_source(conn, "http://127.0.0.1/rss.xml", interval_s=60)
    store.close()
    client = TestClient(
        create_app(str(tmp_path / "w.db"), embeddings=False)
    )  # the served app mounts the routes
    response = client.get("/alerts/son.atom")
    assert response.status_code == 200 and response.headers["content-type"].startswith("application/atom+xml")
    root = ET.fromstring(response.text)
    entries = root.findall("{http://www.w3.org/2005/Atom}entry")
    assert [e.findtext("{http://www.w3.org/2005/Atom}title") for e in entries] == ["Talks & trade"]
    missing = client.get("/alerts/nobody.atom")
    assert missing.status_code == 404 and "alerts list" in missing.json()["error"]["message"]
    health = client.get("/watch/sources").json()
    assert [s["url"] for s in health["sources"]] == ["http://127.0.0.1/rss.xml"]
    assert health["alerts"][0]["fired"] == 1
    page = client.get("/watch")
    assert page.status_code == 200 and "rss.xml" in page.text and "son" in page.text
