"""Storylines: threads of stories over days, chosen incrementally."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa

from newsloom.article import Article
from newsloom.store import Store
from newsloom.store import stories as sql
from newsloom.stories.queries import list_storylines
from newsloom.stories.storylines import _gap, leave_storyline, window_threads
from tests.stories.corpus import bridge_en, follow_up_en, trade_en, trade_vi
from tests.stories.helpers import BagOfWordsEncoder, fake_encoder, make_article
from tests.stories.test_cluster import add

__all__ = ["fake_encoder"]

MARKET_EN = (
    "ĐÀ NẴNG — A new night market opened on Wednesday near the Hàn River, run by trader Hoàng Yến "
    "and forty stall holders.\n"
    "Yến said the market would stay open until midnight every day."
)


@pytest.fixture
def store(tmp_path: Path, fake_encoder: BagOfWordsEncoder) -> Iterator[Store]:
    opened = Store.open(str(tmp_path / "lines.db"))
    yield opened
    opened.close()


def storyline_of(store: Store, story_id: int) -> int:
    with store.connect() as conn:
        line = conn.execute(
            sa.text("SELECT storyline_id FROM stories WHERE id = :s"), {"s": story_id}
        ).scalar()
    assert line is not None
    return int(line)


def test_a_follow_up_four_days_later_continues_the_thread(store: Store) -> None:
    (talks,), _, (follow_up,) = add(store, trade_en(), trade_vi(), follow_up_en())
    assert follow_up != talks  # another event: the signing, four days after the talks
    assert storyline_of(store, follow_up) == storyline_of(store, talks)


def test_stories_with_other_actors_are_other_threads(store: Store) -> None:
    (talks,), (bridge,) = add(store, trade_en(), bridge_en())
    assert storyline_of(store, talks) != storyline_of(store, bridge)


def test_a_shared_city_alone_makes_no_thread(store: Store) -> None:
    market = make_article("market-en", MARKET_EN, published="2026-03-04",
                          persons=["Hoàng Yến", ("Yến", "Hoàng Yến")], places=[("ĐÀ NẴNG", "Đà Nẵng")],
                          times=[("Wednesday", "2026-03-04")])  # fmt: skip
    (bridge,), (night_market,) = add(store, bridge_en(), market)
    assert bridge != night_market
    assert storyline_of(store, bridge) != storyline_of(store, night_market)


def test_storylines_list_their_stories_in_date_order(store: Store) -> None:
    add(store, follow_up_en(), trade_en(), bridge_en())  # the later story arrives first
    with store.connect() as conn:
        lines = list_storylines(conn)
    thread = next(line for line in lines if len(line["stories"]) == 2)
    assert [s["date"] for s in thread["stories"]] == ["2026-03-03", "2026-03-07"]
    assert thread["date_first"] == "2026-03-03" and thread["date_last"] == "2026-03-07"
    assert sum(len(line["stories"]) for line in lines) == 3
    with store.connect() as conn:
        assert [len(line["stories"]) for line in list_storylines(conn, min_stories=2)] == [2]


def test_days_outside_a_span_are_counted_to_its_nearest_end() -> None:
    assert _gap("2026-03-05", "2026-03-01", "2026-03-03") == 2
    assert _gap("2026-03-02", "2026-03-01", "2026-03-03") == 0
    assert _gap(None, "2026-03-01", "2026-03-03") == 0


def set_in(article_id: str, text: str, day: str, country: tuple[str, str]) -> Article:
    """A report of the UN chief's talks on ``day`` in a country (surface, ISO code as linking keys it)."""
    article = make_article(article_id, text, published=day, persons=["António Guterres", "Minister Lan"],
                           places=[country], times=[("On Monday", day)])  # fmt: skip
    entities = tuple(
        dataclasses.replace(m, key=f"place:{country[1]}") if m.type == "place" else m
        for m in article.entities
    )
    return dataclasses.replace(article, entities=entities)


GUTERRES = "On Monday, António Guterres and Minister Lan discussed cybercrime in {place}, {words}."


@pytest.mark.parametrize(("country", "threaded"), [(("Việt Nam", "VN"), True), (("Indonesia", "ID"), False)])
def test_an_actor_in_common_threads_stories_of_one_country_only(
    store: Store, country: tuple[str, str], threaded: bool
) -> None:
    first = set_in("first", GUTERRES.format(place="Việt Nam", words="signing a convention with sixty states"),
                   "2026-03-02", ("Việt Nam", "VN"))  # fmt: skip
    second = set_in("second", GUTERRES.format(place=country[0], words="opening a regional training centre"),
                    "2026-03-06", country)  # fmt: skip
    (a,), (b,) = add(store, first, second)
    assert a != b
    assert (storyline_of(store, a) == storyline_of(store, b)) is threaded
    with store.transaction() as conn:
        threads = window_threads(conn, [a, b])
    assert (len(threads) == 1) is threaded


def test_a_storyline_span_shrinks_when_a_story_leaves_it(store: Store) -> None:
    (talks,), _, (follow_up,) = add(store, trade_en(), trade_vi(), follow_up_en())
    line = storyline_of(store, talks)
    assert storyline_of(store, follow_up) == line
    with store.transaction() as conn:
        leave_storyline(conn, follow_up)
        row = sql.load_storylines(conn, [line])[line]
    # the Thongloun storyline kept 21-26 Oct for its one story of 24 Oct
    assert (row.date_first, row.date_last) == ("2026-03-03", "2026-03-03")
