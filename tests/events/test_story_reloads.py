"""A story's undated reports are loaded again only when their dates could change (#13 leftover):
``date_from_story`` once re-merged every undated member each time a dated report joined the story
(undated x dated loads); now a member merged against the story's current span is left alone."""

from __future__ import annotations

from dataclasses import replace

import numpy as np

from newsloom.entities.linking import link_article
from newsloom.events import merge
from newsloom.events.extract import extract_events
from newsloom.events.merge import date_from_story, merge_article_events
from newsloom.events.queries import list_events
from newsloom.store import Store
from newsloom.store import stories as story_rows
from newsloom.store.articles import save_article
from newsloom.timex.types import TimeExpression

from .helpers import make_article

NAMES = {
    "Sugiono": ("person", "person:sugiono", "Sugiono", "foreign_minister", None),
    "ASEAN": ("organization", "org:asean", "ASEAN", None, None),
}
STAGES = ("language", "sentences", "entities", "times")
UNDATED = "Foreign Minister Sugiono on Saturday urged ASEAN to fight online fraud."
DATED = "Foreign Minister Sugiono on 25 October urged ASEAN to fight online fraud."


def _with_events(article):
    article = replace(article, stages=STAGES)
    return replace(article, events=tuple(extract_events(article)), stages=(*STAGES, "events"))


def _undated(number: int):
    article = make_article(UNDATED, "en", NAMES, article_id=f"a-undated-{number}", path=f"u{number}.txt")
    at = UNDATED.index("Saturday")
    phrase = TimeExpression(at, at + 8, "Saturday", None, "day", "unresolved", sentence=0)
    return _with_events(replace(article, times=(phrase,)))


def _dated(number: int, published: str = "2025-10-26"):
    article = make_article(
        DATED, "en", NAMES, times=[("25 October", "2025-10-25", "day")], published=published,
        article_id=f"b-dated-{number}", path=f"d{number}.txt",
    )  # fmt: skip
    return _with_events(article)


def _join(conn, story: int, article, date: str | None) -> None:
    save_article(conn, article)
    link_article(conn, article)
    merge_article_events(conn, article)
    story_rows.add_member(
        conn, story_id=story, article_id=article.id, segment=-1, score=1.0, via="keys", date=date
    )


class Loads(list[str]):
    """The articles ``date_from_story`` loads: the members it merges again and their neighbours."""

    def date(self, conn, article) -> None:
        before = merge._load  # every stored article it reads, in one query per call
        merge._load = lambda c, ids, after=None: self.extend(sorted(set(ids))) or before(c, ids, after)  # type: ignore[assignment]
        try:
            date_from_story(conn, article)
        finally:
            merge._load = before  # type: ignore[assignment]


def test_undated_members_are_loaded_once_while_the_story_span_stays(tmp_path) -> None:
    loads = Loads()
    store = Store.open(str(tmp_path / "reloads.db"))
    try:
        with store.transaction() as conn:
            story = story_rows.insert_story(conn, "test", None, np.zeros(4))
            undated = [_undated(n) for n in range(4)]
            for article in undated:
                _join(conn, story, article, None)
                loads.date(conn, article)  # no dated report yet: nothing to take
            story_rows.update_story(
                conn, story, date="2025-10-25", date_first="2025-10-25", date_last="2025-10-25"
            )
            loads.clear()
            for number in range(3):  # three dated reports of the same day: the span never moves
                dated = _dated(number)
                _join(conn, story, dated, "2025-10-25")
                loads.date(conn, dated)
            # each undated report once, not 3 x 4; the dated reports they bridge (merged again after
            # them in the fixed order) once at most
            assert sorted(i for i in loads if i.startswith("a-")) == sorted(a.id for a in undated), loads
            assert len(loads) == len(set(loads)), loads
            events = list_events(conn, limit=100)
            assert [(e["date"], e["n_articles"]) for e in events] == [("2025-10-25", 7)]

            # the span moves (a report of the 27th): the undated reports are read again, once each
            loads.clear()
            story_rows.update_story(
                conn, story, date="2025-10-25", date_first="2025-10-25", date_last="2025-10-27"
            )
            later = _dated(9, published="2025-10-27")
            _join(conn, story, later, "2025-10-27")
            loads.date(conn, later)
            assert sorted(i for i in loads if i.startswith("a-")) == sorted(a.id for a in undated), loads
            assert len(loads) == len(set(loads)), loads
            again = [(e["id"], e["date"], e["n_articles"]) for e in list_events(conn, limit=100)]
            loads.clear()
            loads.date(conn, later)  # the same step twice: nothing loaded, nothing changed
            assert loads == []
            assert [(e["id"], e["date"], e["n_articles"]) for e in list_events(conn, limit=100)] == again
    finally:
        store.close()


def test_an_undated_member_whose_events_wait_for_no_story_is_never_loaded(tmp_path) -> None:
    loads = Loads()
    store = Store.open(str(tmp_path / "plain.db"))
    try:
        with store.transaction() as conn:
            story = story_rows.insert_story(conn, "test", None, np.zeros(4))
            plain = _with_events(
                make_article(DATED.replace(" on 25 October", ""), "en", NAMES, article_id="a-plain")
            )
            _join(conn, story, plain, None)
            story_rows.update_story(
                conn, story, date="2025-10-25", date_first="2025-10-25", date_last="2025-10-25"
            )
            for number in range(2):
                dated = _dated(number)
                _join(conn, story, dated, "2025-10-25")
                loads.date(conn, dated)
            assert loads == []
    finally:
        store.close()
