"""Re-clustering the newest stories as one batch: order independence, stable ids, hard rules kept."""

from __future__ import annotations

import dataclasses
import itertools
import math
from pathlib import Path

import numpy as np
import pytest
import sqlalchemy as sa

from newsloom.article import Article
from newsloom.store import Store
from newsloom.store import stories as sql
from newsloom.store.articles import save_article
from newsloom.stories import cluster
from newsloom.stories.cluster import Unit
from newsloom.stories.queries import story_detail
from newsloom.stories.recluster import WindowUnit, key_overlaps, recluster_recent
from newsloom.stories.storylines import _enter, cluster_and_thread, leave_storyline, thread_keys
from tests.stories.corpus import arrest_en, arrest_id, bridge_en, bridge_id, roundup_en, trade_en, trade_vi
from tests.stories.helpers import BagOfWordsEncoder, embedded, fake_encoder, make_article, with_meeting

__all__ = ["fake_encoder"]


@pytest.fixture
def folder(tmp_path: Path, fake_encoder: BagOfWordsEncoder) -> Path:
    return tmp_path


def run(path: Path, articles: list[Article]) -> Store:
    store = Store.open(str(path))
    for article in embedded(*articles):
        with store.transaction() as conn:
            save_article(conn, article)
            cluster_and_thread(conn, article)
    return store


def stories(store: Store) -> dict[int, frozenset[tuple[str, int]]]:
    with store.connect() as conn:
        rows = conn.execute(sa.text("SELECT story_id, article_id, segment FROM story_members")).all()
    found: dict[int, set[tuple[str, int]]] = {}
    for story_id, article_id, segment in rows:
        found.setdefault(int(story_id), set()).add((str(article_id), int(segment)))
    return {sid: frozenset(m) for sid, m in found.items()}


def threads(store: Store) -> frozenset[frozenset[frozenset[tuple[str, int]]]]:
    """The storylines as groups of stories (each story by its members), whatever their ids."""
    members = stories(store)
    with store.connect() as conn:
        rows = conn.execute(sa.text("SELECT id, storyline_id FROM stories")).all()
    lines: dict[int, set[frozenset[tuple[str, int]]]] = {}
    for story_id, line_id in rows:
        assert line_id is not None, f"story {story_id} has no storyline"
        lines.setdefault(int(line_id), set()).add(members[int(story_id)])
    return frozenset(frozenset(line) for line in lines.values())


@pytest.fixture
def corpus() -> list[Article]:
    return [trade_en(), trade_vi(), bridge_en(), bridge_id(), arrest_en(), arrest_id(), roundup_en()]


def test_every_arrival_order_gives_the_same_stories_after_reclustering(
    folder: Path, corpus: list[Article]
) -> None:
    partitions = set()
    storylines = set()
    for number, order in enumerate(itertools.islice(itertools.permutations(corpus), 0, 5040, 997)):
        store = run(folder / f"order{number}.db", list(order))
        with store.transaction() as conn:
            recluster_recent(conn)
        partitions.add(frozenset(stories(store).values()))
        storylines.add(threads(store))
        store.close()
    assert len(partitions) == 1
    assert len(storylines) == 1  # the window's storylines are threaded again together
    (partition,) = partitions
    trade = next(s for s in partition if ("trade-en", -1) in s)
    assert {a for a, _ in trade} == {"trade-en", "trade-vi", "roundup-en"}
    assert len(partition) == 3


def test_reclustering_twice_changes_nothing_the_second_time(folder: Path, corpus: list[Article]) -> None:
    store = run(folder / "twice.db", corpus)
    with store.transaction() as conn:
        recluster_recent(conn)
    before = stories(store)
    with store.transaction() as conn:
        again = recluster_recent(conn)
    assert again.changed == [] and again.removed == {}
    assert stories(store) == before
    with store.connect() as conn:
        lines = conn.execute(sa.text("SELECT id, storyline_id FROM stories ORDER BY id")).all()
    with store.transaction() as conn:
        recluster_recent(conn)
    with store.connect() as conn:
        assert conn.execute(sa.text("SELECT id, storyline_id FROM stories ORDER BY id")).all() == lines
    store.close()


def test_a_story_split_by_the_arrival_order_is_merged_into_the_older_id(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # the worst an arrival order can do: every report starts its own story
    with monkeypatch.context() as patch:
        patch.setattr(cluster, "JOIN_THRESHOLD", math.inf)
        store = run(folder / "split.db", [trade_en(), bridge_en(), trade_vi()])
    before = stories(store)
    assert len(before) == 3
    first = next(sid for sid, m in before.items() if ("trade-en", -1) in m)
    with store.transaction() as conn:
        report = recluster_recent(conn)
    found = stories(store)
    trade = next(sid for sid, m in found.items() if ("trade-en", -1) in m)
    assert trade == first  # the older story keeps its id (ties go to the older)
    assert found[trade] == {("trade-en", -1), ("trade-vi", -1)}
    assert len(found) == 2
    assert list(report.removed.values()) == [trade]  # the removed story says where its report went
    with store.connect() as conn:
        for old, new in report.removed.items():  # and an old link still opens a story: the one it went to
            detail = story_detail(conn, old)
            assert detail is not None and detail["id"] == new and detail["moved_from"] == old
        assert story_detail(conn, 10_000) is None
    store.close()


def test_reports_twenty_years_apart_stay_apart_through_an_undated_one(folder: Path) -> None:
    text = trade_en().text
    persons = ["Lan Phạm", "Kenji Sato", ("Sato", "Kenji Sato"), ("Phạm", "Lan Phạm")]
    undated = make_article("trade-undated", text, published=None, persons=persons)
    old = make_article("trade-2006", text, published="2006-03-07", persons=persons,
                       times=[("Tuesday", "2006-03-07")])  # fmt: skip
    new = make_article("trade-2026", text, published="2026-03-03", persons=persons,
                       times=[("Tuesday", "2026-03-03")])  # fmt: skip
    store = run(folder / "far.db", [undated, old, new])
    with store.transaction() as conn:
        recluster_recent(conn)
    for members in stories(store).values():
        assert not {("trade-2006", -1), ("trade-2026", -1)} <= members
    store.close()


def test_the_segments_of_a_roundup_are_never_one_story(folder: Path) -> None:
    store = run(folder / "roundup.db", [roundup_en()])
    with store.transaction() as conn:
        recluster_recent(conn)
    found = stories(store)
    assert len(found) == 3
    assert all(len({a for a, _ in m}) == len(m) for m in found.values())
    store.close()


def test_the_window_takes_the_newest_stories_up_to_its_bound(folder: Path, corpus: list[Article]) -> None:
    from newsloom.stories.recluster import window_units

    singles = run(folder / "singles.db", [a for a in corpus if a.id != "roundup-en"])
    with singles.connect() as conn:
        everything = window_units(conn)
        few = window_units(conn, max_units=2)
    assert len(everything) == 6
    newest = max(u.story_id or 0 for u in everything)
    assert len(few) == 2 and {u.story_id for u in few} == {newest}
    singles.close()
    # a story sharing a roundup with a story outside the window is left alone
    store = run(folder / "window.db", corpus)
    with store.connect() as conn:
        assert len(window_units(conn)) == 9  # six reports and the roundup's three events
        assert window_units(conn, max_units=4) == []
    store.close()


def test_the_window_counts_the_numbers_every_two_units_share() -> None:
    def unit(keys: list[str]) -> WindowUnit:
        article = Article(id="a" + "".join(keys), path="-", text="x")
        vector = np.zeros(3)
        return WindowUnit(article, Unit(-1, None, vector, "", dict.fromkeys(keys, 0.5), None, None, 0), 1)

    units = [
        unit(["number:17", "number:250", "person:x"]),
        unit(["number:17", "number:250"]),
        unit(["number:17", "person:x"]),
        unit(["place:y"]),
    ]
    overlap, numbers = key_overlaps(units)
    assert numbers.tolist() == [[0, 2, 1, 0], [2, 0, 1, 0], [1, 1, 0, 0], [0, 0, 0, 0]]
    assert overlap[0, 2] > 0.0 and overlap[0, 3] == 0.0


def test_the_window_matches_a_name_whatever_kind_each_report_gave_it() -> None:
    """An English report reads the hamlet "Lang Nu" as a person, the Vietnamese one as a place: in
    some arrival orders the linking step keyed it one way, in others the other way."""

    def unit(keys: dict[str, float], language: str = "vi") -> WindowUnit:
        article = Article(id="a" + "".join(keys), path="-", text="x", language=language)
        return WindowUnit(article, Unit(-1, None, np.zeros(3), "", keys, None, None, 0), 1)

    english = unit({"person:lang nu": 1.0, "place:iso:VN-02": 0.25}, "en")
    vietnamese = unit({"place:lang nu": 0.25, "place:iso:VN-02": 0.25, "place:bao yen": 0.25})
    other = unit({"place:mu cang chai": 0.25, "place:iso:VN-02": 0.25, "place:bao yen": 0.25})
    overlap, _ = key_overlaps([english, vietnamese, other])
    assert overlap[0, 1] > overlap[0, 2] > 0.0
    one_language, _ = key_overlaps([unit(dict(english.unit.keys), "vi"), vietnamese, other])
    assert one_language[0, 1] == one_language[0, 2]  # within one language a name keeps its kind
    place_read = unit({"place:lang nu": 0.25, "place:iso:VN-02": 0.25}, "en")
    same_kind, _ = key_overlaps([place_read, vietnamese, other])
    assert same_kind[0, 1] >= overlap[0, 1]  # each side weighs the name by its own kind: alike counts most


def test_reclustering_threads_the_window_again_whatever_threads_arrival_made(
    folder: Path, corpus: list[Article]
) -> None:
    store = run(folder / "threads.db", corpus)
    with store.transaction() as conn:
        recluster_recent(conn)
    expected = threads(store)
    assert len(expected) > 1
    with store.transaction() as conn:  # an arrival order that threaded every story into one line
        ids = [int(i) for i in conn.execute(sa.text("SELECT id FROM stories ORDER BY id")).scalars()]
        line = sql.insert_storyline(conn, None, np.zeros(0))
        for story_id in ids:
            leave_storyline(conn, story_id)
            story = sql.load_stories(conn, [story_id])[story_id]
            _enter(conn, line, story, thread_keys(conn, story)[0])
    assert len(threads(store)) == 1
    with store.transaction() as conn:
        recluster_recent(conn)
    assert threads(store) == expected
    store.close()


def template_reports(count: int) -> list[Article]:
    """Reports told with one template (as ``bench/stories.py --scale``), each of its own meeting with
    its own two people, three a day."""
    found = []
    for i in range(count):
        day = str(np.datetime64("2024-01-01") + i // 3)
        names = [f"Minister Alpha{i}", f"Envoy Beta{i}"]
        text = f"On Monday, {names[0]} received {names[1]} to discuss project {i} in sector {i % 17}."
        found.append(make_article(f"template-{i}", text, published=day, persons=names,
                                  times=[("On Monday", day)]))  # fmt: skip
    return found


def test_like_reports_days_apart_with_their_own_people_stay_apart(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from newsloom.stories import recluster

    def far_pairs_together(reach: float) -> int:
        monkeypatch.setattr(recluster, "REACH_DAYS", reach)
        store = run(folder / f"template{reach}.db", template_reports(102))  # each sector in 6 reports
        with store.transaction() as conn:
            recluster_recent(conn)
        days = {f"template-{i}": i // 3 for i in range(102)}
        together = sum(
            1
            for members in stories(store).values()
            for (a, _), (b, _) in itertools.combinations(members, 2)
            if abs(days[a] - days[b]) > 3
        )
        store.close()
        return together

    assert far_pairs_together(math.inf) > 0  # the model alone links some of them (a shared sector number)
    assert far_pairs_together(3) == 0


def test_a_person_an_event_or_a_rare_number_vouches_for_a_link_across_days() -> None:
    from newsloom.stories.recluster import names_apart_matrix, vouched

    def unit(keys: list[str]) -> WindowUnit:
        article = Article(id="a" + "".join(keys), path="-", text="x")
        return WindowUnit(
            article, Unit(-1, None, np.zeros(3), "", dict.fromkeys(keys, 1.0), None, None, 0), 1
        )

    common = [unit(["number:11", f"person:p{i}"]) for i in range(5)]  # a number five units state
    units = [
        unit(["person:lan", "place:hue"]),
        unit(["person:lan", "place:hanoi"]),
        unit(["number:2024517", "person:kim"]),
        unit(["number:2024517", "event:a+b"]),
        unit(["event:a+b"]),
        *common,
    ]
    found = vouched(units)
    assert found[0, 1] and found[2, 3] and found[3, 4] and not found[0, 2]
    assert not found[5, 6]  # a number a template repeats is not evidence
    people = names_apart_matrix(units, "person:")
    assert not people[0, 1] and people[0, 2] and not people[0, 3]  # unit 3 names nobody
    assert names_apart_matrix(units, "place:")[0, 1]


def test_like_meetings_near_in_time_with_their_own_participants_stay_apart(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from newsloom.stories import recluster

    reports = [with_meeting(a, a.published or "") for a in template_reports(102)]  # each sector in 6

    def pairs_together(act_days: int) -> int:
        monkeypatch.setattr(recluster, "ACT_DAYS", act_days)
        monkeypatch.setattr(recluster.acts_apart_matrix, "__defaults__", (act_days,))
        store = run(folder / f"meetings{act_days}.db", reports)
        with store.transaction() as conn:
            recluster_recent(conn)
        together = sum(len(members) * (len(members) - 1) // 2 for members in stories(store).values())
        store.close()
        return together

    assert pairs_together(-1) > 0  # without the acts, the template's words link some meetings
    assert pairs_together(3) == 0


def test_two_reports_of_one_meeting_join_beside_another_meeting_of_that_day(folder: Path) -> None:
    day = "2024-03-05"
    texts = [
        ("one", "On Tuesday, Minister Lan received Envoy Kim to discuss the new port."),
        ("two", "On Tuesday, Envoy Kim was received by Minister Lan to discuss the new port."),
        ("other", "On Tuesday, Minister Hoa received Envoy Sato to discuss the new port."),
    ]
    reports = [
        with_meeting(
            make_article(name, text, published=day, persons=[p for p in ("Minister Lan", "Envoy Kim",
                         "Minister Hoa", "Envoy Sato") if p in text], times=[("On Tuesday", day)]),
            day,
        )
        for name, text in texts
    ]  # fmt: skip
    store = run(folder / "meeting.db", reports)
    with store.transaction() as conn:
        recluster_recent(conn)
    found = sorted(sorted(a for a, _ in members) for members in stories(store).values())
    store.close()
    assert found == [["one", "two"], ["other"]]


def test_acts_of_one_type_and_time_without_a_common_participant_are_apart() -> None:
    from datetime import date

    from newsloom.stories.cluster import Act
    from newsloom.stories.recluster import acts_apart_matrix

    def unit(*acts: Act) -> WindowUnit:
        article = Article(id=f"a{len(acts)}{acts}", path="-", text="x")
        return WindowUnit(article, Unit(-1, None, np.zeros(3), "", {}, None, None, 0, acts=acts), 1)

    def act(kind: str, day: int, *people: str) -> Act:
        return Act(kind, date(2024, 5, day), frozenset(f"person:{p}" for p in people))

    units = [
        unit(act("CONSULT", 10, "lan", "kim")),
        unit(act("CONSULT", 10, "hoa", "sato")),  # same day, other guests: apart from 0
        unit(act("CONSULT", 12, "kim", "park")),  # shares kim with 0
        unit(act("CONSULT", 20, "hoa", "sato"), act("AGREE", 10, "lan", "tuan")),  # other type on the 10th
        unit(act("CONSULT", 10, "hoa", "sato"), act("CONSULT", 10, "lan", "kim")),  # both meetings
        unit(),
    ]
    found = acts_apart_matrix(units)
    assert found[0, 1] and found[1, 0]
    assert not found[0, 2]  # a common participant
    assert found[1, 2]  # two days apart, no one in common
    assert not found[0, 3] and not found[1, 3]  # ten days apart, or another type
    assert not found[0, 4] and not found[1, 4]  # one of its meetings is each one's
    assert not found[0, 5].any() and not found[:, 5].any()  # no acts, no evidence
    assert not acts_apart_matrix(units, days=1)[1, 2]


def test_a_unit_acts_are_its_text_dated_events_with_two_participants() -> None:
    day = "2024-03-05"
    article = make_article(
        "a", "On Tuesday, Minister Lan received Envoy Kim in Hà Nội.", published=day,
        persons=["Minister Lan", "Envoy Kim"], places=["Hà Nội"], times=[("On Tuesday", day)],
    )  # fmt: skip
    (act,) = cluster.unit_acts(with_meeting(article, day), None)
    assert act.type == "CONSULT" and act.day.isoformat() == day
    assert act.participants == {"person:minister lan", "person:envoy kim"}
    assert cluster.unit_acts(with_meeting(article, day, date_source="published"), None) == ()
    lone = make_article("b", "On Tuesday, Minister Lan received guests.", published=day,
                        persons=["Minister Lan"], times=[("On Tuesday", day)])  # fmt: skip
    assert cluster.unit_acts(with_meeting(lone, day), None) == ()
    office = make_article("c", "On Tuesday, Minister Lan received the UNODC office.", published=day,
                          persons=["Minister Lan"], organizations=["UNODC"],
                          times=[("On Tuesday", day)])  # fmt: skip
    event = with_meeting(office, day).events[0]
    with_office = dataclasses.replace(office, events=(dataclasses.replace(event, target=("org:unodc",)),))
    assert cluster.unit_acts(with_office, None) == ()  # one person and an organisation


def test_units_reporting_one_stored_dated_event_are_read_from_the_store(tmp_path: Path) -> None:
    from newsloom.events.merge import merge_article_events
    from newsloom.stories.cluster import unit_events
    from newsloom.stories.recluster import shared_events_matrix
    from tests.events.test_merge_replay import _reports

    def merged(name: str, reports: list[Article]) -> Store:
        store = Store.open(str(tmp_path / name))
        for report in reports:
            with store.transaction() as conn:
                save_article(conn, report)
                merge_article_events(conn, report)
        return store

    reports = _reports()  # vi1, en1, vi2: one meeting and the thanks said at it, merged by the events stage
    vi1, en1, vi2 = reports
    split = vi1.text.index("Phó Thủ tướng cảm ơn")  # vi1 as a roundup: the meeting, then the thanks
    store = merged("events.db", reports)
    with store.connect() as conn:
        meeting, thanks = unit_events(conn, vi1, [(0, split), (split, len(vi1.text))])
        (whole,) = unit_events(conn, en1, [None])
        (before,) = unit_events(conn, vi2, [(0, 5)])  # a segment before any trigger
    store.close()
    assert len(meeting) == len(thanks) == 1 and meeting != thanks and whole == meeting | thanks
    assert not before

    def unit(article: Article, events: frozenset[int]) -> WindowUnit:
        return WindowUnit(article, Unit(0, None, np.zeros(3), "", {}, None, None, 0, events=events), 1)

    found = shared_events_matrix(
        [unit(vi1, meeting), unit(vi1, thanks), unit(en1, whole), unit(vi2, before), unit(vi2, frozenset())]
    )
    assert found[0, 2] and found[2, 0] and found[1, 2]  # the meeting, the thanks
    assert not found[0, 1]  # two units of one article are never linked by it
    assert not found[3].any() and not found[4].any()  # no stored event

    undated = [
        dataclasses.replace(
            r, events=tuple(dataclasses.replace(e, date=None, date_source=None) for e in r.events)
        )
        for r in reports
    ]  # the same reports with no day said: the events stage merges them all the same
    store = merged("undated.db", undated)
    with store.connect() as conn:
        from newsloom.store.events import event_mentions_in_articles

        assert len({r.event_id for r in event_mentions_in_articles(conn, ["vi1", "en1"])}) == 2
        assert unit_events(conn, undated[0], [None]) == [frozenset()]
    store.close()


def test_a_shared_stored_event_raises_the_link_unless_names_are_apart_or_a_veto_holds() -> None:
    from scipy.spatial.distance import squareform

    from newsloom.stories.recluster import SHARED_EVENT_PROBABILITY, pair_distances

    def unit(index: int, keys: list[str], day: str, events: frozenset[int]) -> WindowUnit:
        vector = np.zeros(8)
        vector[index] = 1.0  # nothing in common by meaning
        article = Article(id=f"a{index}", path="-", text="x", language="en")
        found = Unit(-1, None, vector, "", dict.fromkeys(keys, 1.0), day, None, 0, exact=True, events=events)
        found.centred, found.language_vectors = vector, 1000
        return WindowUnit(article, found, index)

    def units(events: frozenset[int]) -> list[WindowUnit]:
        return [
            unit(0, ["person:lan", "place:hue"], "2024-05-10", events),
            unit(1, ["place:hue"], "2024-05-10", events),  # names no one: not apart from 0
            unit(2, ["person:kim", "place:hue"], "2024-05-10", events),  # both name people, none in common
            unit(3, ["place:hue"], "2024-05-20", events),  # ten days after 0, nothing vouches
        ]

    alone = 1.0 - squareform(pair_distances(units(frozenset())))
    linked = 1.0 - squareform(pair_distances(units(frozenset({7}))))
    assert alone[0, 1] < LINK and linked[0, 1] >= SHARED_EVENT_PROBABILITY
    assert linked[0, 2] == alone[0, 2] < LINK  # people apart: the event is no evidence
    assert linked[0, 3] == alone[0, 3] == 0.0  # the reach rule still vetoes


LINK = 0.4


def test_an_undated_unit_borrows_the_date_of_the_dated_unit_it_most_likely_reports_with() -> None:
    from scipy.spatial.distance import squareform

    from newsloom.stories.recluster import BORROW_PROBABILITY, borrow_dates

    def unit(index: int, day: str | None) -> WindowUnit:
        article = Article(id=f"a{index}", path="-", text="x", language="en")
        return WindowUnit(
            article, Unit(-1, None, np.zeros(3), "", {}, day, None, 0, exact=day is not None), index
        )

    units = [
        unit(0, None),
        unit(1, "2016-04-11"),
        unit(2, "2016-08-30"),
        unit(3, None),
        unit(4, "XXXX-04-11"),
    ]
    probability = np.zeros((5, 5))
    strong = (1.0 + BORROW_PROBABILITY) / 2
    probability[0, 1] = probability[1, 0] = strong  # 0 most likely reports 1's event
    probability[0, 2] = probability[2, 0] = strong - 0.05
    probability[3, 2] = probability[2, 3] = BORROW_PROBABILITY - 0.05  # 3: not likely enough
    probability[3, 4] = probability[4, 3] = 0.99  # a day without its year is not lent
    np.fill_diagonal(probability, 1.0)
    borrowed = borrow_dates(units, squareform(1.0 - probability, checks=False))
    assert borrowed[0].unit.date == "2016-04-11" and not borrowed[0].unit.exact
    assert [b.unit.date for b in borrowed[1:]] == ["2016-04-11", "2016-08-30", None, "XXXX-04-11"]
    assert units[0].unit.date is None  # the units themselves are not changed
    assert borrow_dates(units[1:3], squareform(1.0 - probability[1:3, 1:3], checks=False)) == units[1:3]


def test_a_borrowed_date_keeps_an_undated_report_from_a_follow_up_months_later() -> None:
    from scipy.spatial.distance import squareform

    from newsloom.stories.recluster import BORROW_PROBABILITY, FORBIDDEN, borrow_dates, pair_distances

    def unit(index: int, day: str | None, keys: list[str]) -> WindowUnit:
        vector = np.ones(4) / 2.0  # all alike by meaning
        article = Article(id=f"a{index}", path="-", text="x", language="en")
        found = Unit(-1, None, vector, "", dict.fromkeys(keys, 1.0), day, None, 0, exact=day is not None)
        found.centred, found.language_vectors = vector, 1000
        return WindowUnit(article, found, index)

    units = [
        unit(0, None, ["person:ana", "number:26", "number:313"]),  # the first report, undated
        unit(1, "2016-04-11", ["person:ana", "number:26", "number:313"]),  # an arrest, days after
        unit(2, "2016-08-30", ["person:ana"]),  # the sentencing, months after
    ]
    before = 1.0 - squareform(pair_distances(units))
    assert before[0, 1] >= BORROW_PROBABILITY and before[0, 1] > before[0, 2] > 0.0  # 0 may bridge 1 and 2
    after = squareform(pair_distances(borrow_dates(units, pair_distances(units))))
    assert after[0, 2] == FORBIDDEN  # dated by the arrest, it is a month and more from the sentencing
    assert after[0, 1] < 1.0 - BORROW_PROBABILITY / 2  # and still likely one story with the arrest


def test_the_same_people_in_another_city_are_another_event(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two ministers' talks in Jakarta (two dated reports) and their undated signing in Kuala Lumpur,
    told with the same words: the same people in two cities are at two events, whatever countries
    all three name."""
    from newsloom.stories import recluster

    day = "2026-08-18"
    people = ["Minister Sugiono", "Minister Trung"]
    places = [("Jakarta", "geo:1642911"), ("Kuala Lumpur", "geo:1735161"), ("Indonesia", "ID"),
              ("Vietnam", "VN")]  # fmt: skip
    talk = "On Tuesday, Minister Sugiono received Minister Trung in {city} on the Indonesia Vietnam sea border and fisheries."
    reports = [
        make_article("talks1", talk.format(city="Jakarta"), published=day, persons=people, places=places,
                     times=[("On Tuesday", day)]),
        make_article("talks2", talk.format(city="Jakarta") + " Both praised the fisheries talks.", published=day,
                     persons=people, places=places, times=[("On Tuesday", day)]),
        make_article("signing", talk.format(city="Kuala Lumpur").replace("received", "signed with"),
                     persons=people, places=places),
    ]  # fmt: skip

    def together(rule: bool) -> list[list[str]]:
        if not rule:
            monkeypatch.setattr(
                recluster, "other_cities_matrix", lambda units: np.zeros((len(units),) * 2, bool)
            )
        store = run(folder / f"cities{rule}.db", reports)
        with store.transaction() as conn:
            recluster_recent(conn)
        found = sorted(sorted(a for a, _ in members) for members in stories(store).values())
        store.close()
        return found

    assert together(rule=True) == [["signing"], ["talks1", "talks2"]]
    assert together(rule=False) == [["signing", "talks1", "talks2"]]  # the words alone join them


def test_other_cities_count_only_between_units_sharing_a_person() -> None:
    from newsloom.stories.recluster import other_cities_matrix

    def unit(*keys: str) -> WindowUnit:
        article = Article(id="a" + "".join(keys), path="-", text="x")
        weights = {k: 0.25 if k.startswith("place:") else 1.0 for k in keys}
        return WindowUnit(article, Unit(-1, None, np.zeros(3), "", weights, None, None, 0), 1)

    units = [
        unit("person:sugiono", "place:geo:1642911"),
        unit("person:sugiono", "place:geo:1735161"),
        unit("person:anwar", "place:geo:1735161"),
        unit("person:sugiono", "place:geo:1735161", "place:geo:1642911"),
    ]
    found = other_cities_matrix(units)
    assert found[0, 1] and found[1, 0]
    assert not found[0, 2]  # no person in common: the model and the names-apart signal judge them
    assert not found[0, 3] and not found[1, 3]  # a city in common


def test_an_undated_look_back_joins_its_dated_twin_in_every_order_and_never_the_current_flood(
    folder: Path,
) -> None:
    """An English look-back names its flood's month and year only ("On that day in September 2024")
    and its NER reads the hamlet as a person; the dated twin reads it as a place. In every arrival
    order it is told with its twin, never with this year's flood of the same province."""
    from newsloom.timex.types import TimeExpression

    current = make_article(
        "flood-2026", "Before dawn on Tuesday, a flash flood swept away houses along a stream in Lao Cai "
        "province, officials said. Rescuers searched the banks for the missing.", published="2026-08-12",
        places=["Lao Cai"], times=[("on Tuesday", "2026-08-11")],
    )  # fmt: skip
    twin = make_article(
        "look-back-dated", "On 10 September 2024, a torrent of mud and boulders buried Lang Nu hamlet in "
        "Lao Cai province. Two years on, survivors live on a ridge nearby.", published="2026-08-13",
        places=["Lang Nu", "Lao Cai"], times=[("10 September 2024", "2024-09-10")],
    )  # fmt: skip
    text = (
        "On that day in September 2024, a torrent of mud and boulders buried Lang Nu hamlet in Lao Cai "
        "province. Two years on, a memorial stands where the houses were."
    )
    start = text.index("September 2024")
    month = TimeExpression(start, start + 14, "September 2024", "2024-09", "month", "published")
    undated = make_article("look-back-undated", text, persons=["Lang Nu"], places=["Lao Cai"])
    undated = dataclasses.replace(undated, times=(month,))
    twin = dataclasses.replace(twin, language="vi")  # the twin is told in another language
    for number, order in enumerate(itertools.permutations([current, twin, undated])):
        store = run(folder / f"look-back{number}.db", list(order))
        with store.transaction() as conn:
            recluster_recent(conn)
        found = sorted(sorted(a for a, _ in members) for members in stories(store).values())
        store.close()
        assert found == [["flood-2026"], ["look-back-dated", "look-back-undated"]], order
