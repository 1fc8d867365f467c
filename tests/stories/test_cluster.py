"""Incremental story clustering with a stand-in encoder: joins, splits, roundups, dates, cost."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import numpy as np
import pytest
import sqlalchemy as sa

from newsloom.article import Article
from newsloom.store import Store
from newsloom.store.articles import save_article
from newsloom.stories.cluster import (
    ACT_DAYS,
    KEY_WEIGHTS,
    LSH_BANDS,
    LSH_BITS,
    Act,
    Unit,
    article_date,
    date_window,
    day_distance,
    entity_overlap,
    lsh_buckets,
    meetings_apart,
    person_key,
    representative_date,
    shared_numbers,
    unit_keys,
)
from newsloom.stories.storylines import cluster_and_thread
from tests.stories.corpus import (
    arrest_en,
    arrest_id,
    bridge_en,
    bridge_id,
    roundup_en,
    trade_en,
    trade_vi,
)
from tests.stories.helpers import BagOfWordsEncoder, embedded, fake_encoder, make_article, with_meeting

__all__ = ["fake_encoder"]


@pytest.fixture
def store(tmp_path: Path, fake_encoder: BagOfWordsEncoder) -> Iterator[Store]:
    opened = Store.open(str(tmp_path / "stories.db"))
    yield opened
    opened.close()


def add(store: Store, *articles: Article) -> list[list[int]]:
    """Save and cluster each article in its own transaction, as the runner does."""
    found = []
    for article in embedded(*articles):
        with store.transaction() as conn:
            save_article(conn, article)
            found.append(cluster_and_thread(conn, article))
    return found


def members(store: Store, story_id: int) -> set[str]:
    with store.connect() as conn:
        rows = conn.execute(
            sa.text("SELECT article_id FROM story_members WHERE story_id = :s"), {"s": story_id}
        )
        return {row.article_id for row in rows}


def test_reports_of_one_event_in_two_languages_make_one_story(store: Store) -> None:
    (en,), (vi,), (bridge,) = add(store, trade_en(), trade_vi(), bridge_en())
    assert en == vi
    assert bridge != en


def test_each_event_of_a_day_is_its_own_story(store: Store) -> None:
    found = add(store, trade_en(), bridge_en(), arrest_en(), trade_vi(), bridge_id(), arrest_id())
    trade, bridge, arrest = found[0][0], found[1][0], found[2][0]
    assert len({trade, bridge, arrest}) == 3
    assert [f[0] for f in found[3:]] == [trade, bridge, arrest]


def test_a_roundup_joins_each_of_its_stories_without_merging_them(store: Store) -> None:
    singles = add(store, trade_en(), bridge_id(), arrest_en())
    (roundup,) = add(store, roundup_en())
    assert sorted(roundup) == sorted(s[0] for s in singles)
    assert members(store, singles[0][0]) == {"trade-en", "roundup-en"}
    assert members(store, singles[1][0]) == {"bridge-id", "roundup-en"}
    assert members(store, singles[2][0]) == {"arrest-en", "roundup-en"}


def test_a_roundup_that_comes_first_starts_a_story_per_event(store: Store) -> None:
    (roundup,) = add(store, roundup_en())
    assert len(set(roundup)) == 3
    later = add(store, trade_vi(), bridge_en(), arrest_id())
    assert [f[0] for f in later] == roundup  # each report finds the story of its own event


def test_an_article_without_publication_date_clusters_by_its_event_date(store: Store) -> None:
    undated = arrest_id()
    assert undated.published is None
    (first,), (second,) = add(store, arrest_en(), undated)
    assert first == second
    with store.connect() as conn:
        date = conn.execute(sa.text("SELECT date FROM story_members WHERE article_id = 'arrest-id'")).scalar()
    assert date == "2026-03-03"


def test_an_article_with_no_date_at_all_still_clusters(store: Store) -> None:
    no_date = dataclasses.replace(arrest_id(), id="arrest-nodate", times=())
    (first,), (second,) = add(store, arrest_en(), no_date)
    assert first == second


def test_the_same_actors_a_month_later_are_another_story(store: Store) -> None:
    later = make_article("trade-april", trade_en().text.replace("Tuesday", "Thursday"), published="2026-04-02",
                         persons=["Lan Phạm", "Kenji Sato", "Sato"], times=[("Thursday", "2026-04-02")])  # fmt: skip
    (march,), (april,) = add(store, trade_en(), later)
    assert march != april


def test_processing_an_article_again_changes_nothing(store: Store) -> None:
    (first,) = add(store, trade_en())
    (again,) = add(store, trade_en())
    assert first == again
    with store.connect() as conn:
        count = conn.execute(
            sa.text("SELECT member_count FROM stories WHERE id = :s"), {"s": first[0]}
        ).scalar()
    assert count == 1


def test_stories_get_a_title_per_language_and_a_date(store: Store) -> None:
    (story,), _ = add(store, trade_en(), trade_vi())
    with store.connect() as conn:
        titles = dict(conn.execute(sa.text("SELECT language, title FROM story_titles WHERE story_id = :s"),
                                   {"s": story}).all())  # fmt: skip
        date = conn.execute(sa.text("SELECT date FROM stories WHERE id = :s"), {"s": story}).scalar()
    assert titles["en"] == "Việt Nam and Japan discuss rice exports"  # the headline
    assert titles["vi"].startswith("Chiều 3/3, tại Hà Nội")  # no headline: the lead sentence
    assert date == "2026-03-03"


def test_passage_vectors_are_kept_by_content_key(store: Store) -> None:
    add(store, trade_en(), roundup_en())
    with store.connect() as conn:
        assert conn.execute(sa.text("SELECT count(*) FROM embeddings")).scalar() == 1 + 3  # article, 3 events


def _synthetic(i: int) -> Article:
    """Article i of a long stream: its own actors, one event a day over months."""
    day = np.datetime64("2024-01-01") + i // 3
    names = [f"Minister Alpha{i}", f"Envoy Beta{i}"]
    text = (
        f"On Monday, {names[0]} received {names[1]} to discuss project number {i} and cooperation "
        f"in sector {i % 17}.\nBoth sides agreed to meet again next year."
    )
    return make_article(f"synthetic-{i}", text, published=str(day), persons=names,
                        times=[("On Monday", str(day))])  # fmt: skip


def _statements(store: Store, action: Callable[[], object]) -> int:
    count = 0

    def counter(*_: object) -> None:
        nonlocal count
        count += 1

    sa.event.listen(store.engine, "before_cursor_execute", counter)
    try:
        action()
    finally:
        sa.event.remove(store.engine, "before_cursor_execute", counter)
    return count


def test_adding_an_article_costs_the_same_at_30_and_300_stored_articles(store: Store) -> None:
    stream = embedded(*(_synthetic(i) for i in range(302)))

    def add_one(article: Article) -> Callable[[], object]:
        def run() -> object:
            with store.transaction() as conn:
                return cluster_and_thread(conn, article)

        return run

    for article in stream[:30]:
        add_one(article)()
    small = _statements(store, add_one(stream[30]))
    for article in stream[31:300]:
        add_one(article)()
    large = _statements(store, add_one(stream[300]))
    assert small > 0
    assert large <= small + 2  # indexed lookups only: no statement per stored story


def test_lsh_buckets_are_one_small_number_per_band() -> None:
    rng = np.random.default_rng(1)
    vector = rng.standard_normal(64)
    buckets = lsh_buckets(vector)
    assert len(buckets) == LSH_BANDS
    assert [b >> LSH_BITS for b in buckets] == list(range(LSH_BANDS))  # the band, then its bits
    assert lsh_buckets(vector) == buckets
    assert lsh_buckets(vector * 3) == buckets  # direction only
    bits, opposite = (
        [b & (2**LSH_BITS - 1) for b in buckets],
        [b & (2**LSH_BITS - 1) for b in lsh_buckets(-vector)],
    )
    assert all(a + b == 2**LSH_BITS - 1 for a, b in zip(bits, opposite, strict=True))


def test_dates_of_unknown_year_compare_by_month_and_day() -> None:
    assert day_distance("2025-10-24", "2025-10-26") == 2
    assert day_distance("XXXX-10-24", "2025-10-26") == 2
    assert day_distance("XXXX-12-31", "2025-01-01") == 1
    assert day_distance(None, "2025-10-26") is None
    assert date_window("XXXX-10-24") is None
    window = date_window("2025-10-24", 2)
    assert window == ["2025-10-22", "2025-10-23", "2025-10-24", "2025-10-25", "2025-10-26"]


def test_the_representative_date_is_the_commonest_full_date() -> None:
    assert representative_date(["2025-10-24", "2025-10-25", "2025-10-24", None]) == "2025-10-24"
    assert representative_date(["XXXX-10-24", "2025-10-25"]) == "2025-10-25"
    assert representative_date(["XXXX-10-24"]) == "XXXX-10-24"
    assert representative_date([None]) is None


def test_entity_overlap_weighs_shared_keys_by_their_share_of_members() -> None:
    unit = {"person:a b": 1.0, "person:c d": 1.0}
    assert entity_overlap(unit, {"person:a b": 4, "person:c d": 4}, 4, {}) == pytest.approx(1.0)
    assert entity_overlap(unit, {"person:x y": 4}, 4, {}) == 0.0
    half = entity_overlap(unit, {"person:a b": 2, "person:c d": 2}, 4, {})
    assert 0.4 < half < 0.6


def test_person_keys_keep_the_last_two_name_words() -> None:
    assert person_key("person:matamela cyril ramaphosa") == "person:cyril ramaphosa"
    assert person_key("person:luong cuong") == "person:luong cuong"
    assert person_key("person:sugiono") == "person:sugiono"


def test_the_store_cache_spares_embedding_what_is_stored(
    store: Store, fake_encoder: BagOfWordsEncoder
) -> None:
    from newsloom.stories.embed import CachedEncoder
    from newsloom.stories.stage import attach_store_cache, passages

    add(store, trade_en())
    fresh = CachedEncoder(BagOfWordsEncoder())  # a new process: an empty memory cache
    attach_store_cache(store, fresh)
    inner = fresh.encoder
    assert isinstance(inner, BagOfWordsEncoder)
    vector = fresh.encode(passages(trade_en()))
    assert inner.calls == []  # read back from the embeddings table
    assert np.allclose(vector, fake_encoder.encode(passages(trade_en())))
    fresh.encode(["a passage never stored"])
    assert inner.calls == [["a passage never stored"]]


def test_reports_twenty_years_apart_are_never_one_story_even_through_an_undated_one(store: Store) -> None:
    text = trade_en().text
    persons = ["Lan Phạm", "Kenji Sato", ("Sato", "Kenji Sato"), ("Phạm", "Lan Phạm")]
    undated = make_article("trade-undated", text, published=None, persons=persons)
    old = make_article("trade-2006", text, published="2006-03-07", persons=persons,
                       times=[("Tuesday", "2006-03-07")])  # fmt: skip
    new = make_article("trade-2026", text, published="2026-03-03", persons=persons,
                       times=[("Tuesday", "2026-03-03")])  # fmt: skip
    (first,), (second,), (third,) = add(store, undated, old, new)
    assert first == second  # unknown is not far: the undated report may join either
    assert third != second


def flood(article_id: str, when: str, day: str, published: str) -> Article:
    text = f"{when}, a flash flood buried hamlets along the stream in Lao Cai province. Rescuers searched the banks."
    return make_article(article_id, text, published=published, places=["Lao Cai"], times=[(when[3:], day)])


def test_a_look_back_piece_is_dated_by_the_older_event_its_lead_names() -> None:
    look_back = flood("look-back", "On 10 September 2024", "2024-09-10", published="2026-08-13")
    assert article_date(look_back) == ("2024-09-10", True)
    # a lead that also names a day near the publication reports that day's event
    both = make_article("both", "On 10 September 2024 the hamlet was buried. On Tuesday the court ruled.",
                        published="2026-08-13", times=[("10 September 2024", "2024-09-10"), ("Tuesday", "2026-08-11")])  # fmt: skip
    assert article_date(both) == ("2026-08-11", True)
    # a lead day within a month before the publication is not a look-back: it is what is reported
    recent = flood("recent", "On 20 July 2026", "2026-07-20", published="2026-08-13")
    assert article_date(recent) == ("2026-08-13", False)


def test_a_look_back_piece_joins_the_old_event_and_never_the_current_one_of_its_kind(store: Store) -> None:
    archive = flood("archive-2024", "On 10 September 2024", "2024-09-10", published="2024-09-11")
    current = flood("current-2026", "On Tuesday", "2026-08-11", published="2026-08-12")
    look_back = flood("look-back-2026", "On 10 September 2024", "2024-09-10", published="2026-08-13")
    (old,), (new,), (back,) = add(store, archive, current, look_back)
    assert old != new
    assert back == old


def test_a_story_knows_the_languages_of_its_reports(store: Store) -> None:
    from newsloom.store.stories import story_languages

    (trade,), _, (bridge,) = add(store, trade_en(), trade_vi(), bridge_id())
    with store.connect() as conn:
        found = story_languages(conn, [trade, bridge, 999])
    assert found == {trade: {"en", "vi"}, bridge: {"id"}}


def test_numbers_a_report_states_are_keys_but_dates_and_years_are_not() -> None:
    text = (
        "On 12 March 2024 a man aged 37 was shot at 5126 Clinton Drive, police said. "
        "Damage was put at 18,000 dollars in 2023."
    )
    article = make_article("n1", text, times=[("12 March 2024", "2024-03-12")])
    keys = unit_keys(article, None, {})
    numbers = sorted(k for k in keys if k.startswith("number:"))
    assert numbers == ["number:18000", "number:37", "number:5126"]
    assert all(keys[k] == KEY_WEIGHTS["number"] for k in numbers)


def test_one_number_written_in_two_languages_is_one_key() -> None:
    english = make_article("n2", "The blast killed 1,250 people in the port.")
    vietnamese = make_article("n3", "Vụ nổ làm 1.250 người thiệt mạng tại cảng.", language="vi")
    assert "number:1250" in unit_keys(english, None, {})
    assert "number:1250" in unit_keys(vietnamese, None, {})


def test_a_story_shares_a_number_by_the_share_of_its_members_that_state_it() -> None:
    unit = {"number:17": 0.5, "number:250": 0.5, "person:x": 1.0}
    assert shared_numbers(unit, {"number:17": 2, "number:250": 1, "person:x": 2}, 2) == 1.5
    assert shared_numbers(unit, {"person:x": 2, "number:99": 2}, 2) == 0.0
    assert shared_numbers({"person:x": 1.0}, {"person:x": 1}, 1) == 0.0


def meeting_unit(people: tuple[str, ...], day: date, orgs: tuple[str, ...] = ()) -> Unit:
    participants = frozenset((*people, *orgs))
    keys = {p: 1.0 for p in participants} | {"event:" + "+".join(sorted(participants)): 0.5}
    return Unit(-1, None, np.zeros(4), "", keys, day.isoformat(), None, 0,
                acts=(Act("CONSULT", day, participants),))  # fmt: skip


def test_meetings_apart_holds_for_other_people_meeting_within_days() -> None:
    day = date(2024, 1, 1)
    unit = meeting_unit(("person:alpha1", "person:beta1"), day)
    other = dict.fromkeys(meeting_unit(("person:alpha2", "person:beta2"), day).keys, 1)
    assert meetings_apart(unit, other, 0)
    assert not meetings_apart(unit, other, ACT_DAYS + 1)  # days apart: the reach rule's business
    assert not meetings_apart(unit, other, None)
    sharing = dict.fromkeys(meeting_unit(("person:alpha1", "person:gamma"), day).keys, 1)
    assert not meetings_apart(unit, sharing, 0)  # a person in common
    with_org = meeting_unit(("person:alpha1", "person:beta1"), day, ("org:unodc",))
    org_story = dict.fromkeys(meeting_unit(("person:alpha2", "person:beta2"), day, ("org:unodc",)).keys, 1)
    assert not meetings_apart(with_org, org_story, 0)  # a participant in common
    no_meeting = {"person:alpha2": 1, "person:beta2": 1}
    assert not meetings_apart(unit, no_meeting, 0)  # the story's people meet no one


def test_template_meetings_of_one_day_are_stories_of_their_own_while_arriving(store: Store) -> None:
    articles = []
    for i in range(120):  # bench/stories.py --scale: three meetings a day, each of its own people
        day = str(np.datetime64("2024-01-01") + i // 3)
        names = [f"Minister Alpha{i}", f"Envoy Beta{i}"]
        text = f"On Monday, {names[0]} received {names[1]} to discuss project {i} in sector {i % 17}."
        article = make_article(f"synthetic-{i}", text, published=day, persons=names, places=["Hà Nội"],
                               times=[("On Monday", day)])  # fmt: skip
        articles.append(with_meeting(article, day))
    found = add(store, *articles)
    assert len({sid for ids in found for sid in ids}) == 120  # 119 before the rule


def test_places_are_apart_when_the_cities_differ_whatever_countries_both_name() -> None:
    from newsloom.stories.cluster import names_apart, places_apart

    jakarta = {"person:sugiono", "place:ID", "place:VN", "place:geo:1642911"}
    kuala_lumpur = {"person:sugiono", "place:ID", "place:VN", "place:geo:1735161"}
    assert names_apart(jakarta, kuala_lumpur) == (False, True)  # countries in common, other cities
    assert not places_apart(jakarta, kuala_lumpur | {"place:geo:1642911"})  # a city in common
    assert not places_apart({"place:VN", "place:geo:1"}, {"place:VN"})  # one side names no city
    one_province = ({"place:iso:VN-02", "place:geo:1"}, {"place:iso:VN-02", "place:mu cang chai"})
    assert not places_apart(*one_province)  # other towns of one province: not apart
    assert places_apart({"place:VN"}, {"place:LA"})  # no place at all in common, as before


def test_event_cities_are_the_gazetteer_cities_of_the_lead() -> None:
    from newsloom.stories.cluster import event_cities

    keys = {"place:geo:1642911": 0.25, "place:geo:1735161": 0.125, "place:gedung pancasila": 0.25}
    assert event_cities(keys) == {"place:geo:1642911"}  # background and unknown venues left out


def test_an_undated_report_is_dated_by_the_month_or_year_its_lead_names() -> None:
    from newsloom.stories.join import too_far
    from newsloom.timex.types import TimeExpression

    text = (
        "It was just after dawn when the hillside above the hamlet gave way. On that day in September "
        "2024, a torrent of mud buried the hamlet in Lao Cai province. Two years on, a memorial stands there."
    )
    article = make_article("look-back-undated", text, places=["Lao Cai"])
    start = text.index("September 2024")
    month = TimeExpression(
        start, start + len("September 2024"), "September 2024", "2024-09", "month", "published"
    )
    assert article_date(article) == (None, False)  # nothing dates it: unknown
    dated = dataclasses.replace(article, times=(month,))
    assert article_date(dated) == ("2024-09", True)
    # its days to a story stay unknown, but a story two years later is too far, its own year is not
    assert day_distance("2024-09", "2024-09-10") is None
    assert too_far("2024-09", ("2026-08-11",)) and not too_far("2024-09", ("2024-09-10",))
    # a month of no known year, or a month beyond the lead, dates nothing
    unknown_year = dataclasses.replace(month, value="XXXX-09")
    assert article_date(dataclasses.replace(article, times=(unknown_year,))) == (None, False)
    told_later = (
        "A memorial stands above the hamlet. Survivors gather there. The flood came in September 2024."
    )
    start = told_later.index("September 2024")
    beyond = dataclasses.replace(month, start=start, end=start + len("September 2024"))
    late = dataclasses.replace(make_article("later", told_later), times=(beyond,))
    assert article_date(late) == (None, False)  # its third sentence: not the lead


def test_an_undated_report_of_this_week_is_not_dated_by_a_past_month_its_lead_recalls() -> None:
    from newsloom.timex.types import TimeExpression

    text = (
        "Still clearing the mud of the landslide of March 2025, the district was hit on Sunday by a new "
        "slide that buried a road in Ha Giang province. Two trucks were trapped."
    )
    month_at = text.index("March 2025")
    month = TimeExpression(month_at, month_at + 10, "March 2025", "2025-03", "month", "published")
    weekday_at = text.index("Sunday")
    weekday = TimeExpression(weekday_at, weekday_at + 6, "Sunday", None, "day", "published")
    recalled = dataclasses.replace(
        make_article("this-week", text, places=["Ha Giang"]), times=(month, weekday)
    )
    # the lead names a day it cannot place: what it reports is of its own week, the month is background
    assert article_date(recalled) == (None, False)
    # a weekday of an unknown year told as such is the same
    unplaced = dataclasses.replace(weekday, value="XXXX-WXX-7")
    assert article_date(dataclasses.replace(recalled, times=(month, unplaced))) == (None, False)
    # without the weekday the month is the article's own (a look-back)
    assert article_date(dataclasses.replace(recalled, times=(month,))) == ("2025-03", True)


def test_a_name_read_as_a_person_in_one_report_and_a_place_in_another_is_one_name() -> None:
    from newsloom.stories.cluster import entity_overlap, name_aliases, name_of

    assert name_of("person:lang nu") == name_of("place:lang nu") == name_of("org:lang nu")
    assert name_of("place:geo:1642911") == "place:geo:1642911"  # a gazetteer key is itself
    assert name_of("place:VN") != name_of("person:vn") and name_of("number:67") == "number:67"
    english = {"person:lang nu": 1.0, "place:iso:VN-02": 0.25}  # the English NER read the hamlet as a person
    vietnamese = {"place:lang nu": 1, "place:iso:VN-02": 1, "place:bao yen": 1}
    other = {"place:mu cang chai": 1, "place:iso:VN-02": 1, "place:bao yen": 1}
    across = entity_overlap(english, vietnamese, 1, {}, across_languages=True)
    assert across > entity_overlap(english, other, 1, {}, across_languages=True)
    # within one language a name keeps its kind (GVC dev lost precision otherwise)
    assert entity_overlap(english, vietnamese, 1, {}) == entity_overlap(english, other, 1, {})
    # matched under the kind each side gave it: a name read alike weighs more
    as_place = {"place:lang nu": 0.25, "place:iso:VN-02": 0.25}
    assert entity_overlap(as_place, vietnamese, 1, {}, across_languages=True) > across > 0.1
    assert "place:lang nu" in name_aliases(english) and "place:iso:VN-02" in name_aliases(english)
