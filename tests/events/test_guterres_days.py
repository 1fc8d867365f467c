"""Lương Cường and Guterres on the bundled examples (#13): two real events, not one meeting told twice.

The reports of 24 October tell talks at the Presidential Palace (Friday afternoon); those of 25
October tell the opening of the Hanoi Convention's signing ceremony at the National Convention
Centre (Saturday morning), which Lương Cường chaired and Guterres attended with about 110
delegations. Each report is on its own day; the ceremony is a multilateral meeting (it read as a
second "visit" of Guterres to Lương Cường), and the Vietnamese report that says only "Lương Cường
chaired the opening ceremony" (vi_04) is one of its reports.
"""

from __future__ import annotations

from pathlib import Path

import pytest

TALKS = (
    "examples/feeds/id_warta_nusantara_internasional.atom#2",
    "examples/html/en_01_guterres_luong_cuong_talks.html",
    "examples/text/en_05_roundup_friday_diplomacy.txt",
    "examples/text/vi_03_guterres_luong_cuong_talks.txt",
    "examples/text/vi_07_diem_tin_tuan_cong_uoc_ha_noi.txt",
)
CEREMONY = (
    "examples/html/vi_01_khai_mac_le_mo_ky_cong_uoc.html",
    "examples/text/vi_04_le_mo_ky_cong_uoc_ha_noi.txt",
    "examples/text/en_03_hanoi_convention_signing.txt",
    "examples/text/id_02_penandatanganan_konvensi_hanoi.txt",
    "examples/jsonl/mixed_crawl_hanoi_week.jsonl#6",
)
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def meetings(tmp_path_factory):
    """Every stored CONSULT naming Guterres: (date, mode, location, the set of its report paths)."""
    from newsloom.corpus import run_corpus_steps
    from newsloom.events.evaluate import GATE_STAGES, read_articles
    from newsloom.events.queries import event_detail, list_events
    from newsloom.pipeline import Pipeline
    from newsloom.store import Store
    from newsloom.store.articles import save_article

    paths = (*TALKS, *CEREMONY)
    pipeline = Pipeline(GATE_STAGES)
    articles = {p: pipeline(a) for p, a in read_articles(paths, ROOT).items()}
    store = Store.open(str(tmp_path_factory.mktemp("guterres") / "events.db"))
    try:
        for path in paths:
            with store.transaction() as conn:
                save_article(conn, articles[path])
                run_corpus_steps(conn, articles[path])
        with store.connect() as conn:
            found = []
            for event in list_events(conn, type="CONSULT", entity="António Guterres", limit=100):
                detail = event_detail(conn, event["id"])
                assert detail is not None
                found.append(
                    (event["date"], event["mode"], event["location"], {s["path"] for s in detail["sources"]})
                )
    finally:
        store.close()
    return found


def _holding(meetings, path):
    (found,) = [m for m in meetings if path in m[3]]
    return found


def test_the_talks_and_the_ceremony_are_two_events_on_their_own_days(meetings):
    talks = _holding(meetings, "examples/html/en_01_guterres_luong_cuong_talks.html")
    ceremony = _holding(meetings, "examples/text/en_03_hanoi_convention_signing.txt")
    assert talks[0] == "2025-10-24" and talks[3] == set(TALKS)
    # vi_07, a roundup, tells both: the talks, and the ceremony by its name and venue alone
    # ("Lễ mở ký Công ước khai mạc tại Trung tâm Hội nghị Quốc gia"; events/gatherings.py)
    assert ceremony[0] == "2025-10-25" and ceremony[3] == {*CEREMONY, TALKS[-1]}


def test_the_ceremony_is_a_multilateral_meeting_and_the_talks_a_visit(meetings):
    talks = _holding(meetings, "examples/html/en_01_guterres_luong_cuong_talks.html")
    ceremony = _holding(meetings, "examples/text/en_03_hanoi_convention_signing.txt")
    assert (talks[1], ceremony[1]) == ("visit", "multilateral")


def test_reports_of_one_multilateral_gathering_may_name_different_attendees():
    from dataclasses import replace

    from newsloom.events.merge import _adds_nothing, _confirms
    from newsloom.events.types import Actor
    from tests.events.test_user_examples import GUTERRES, meeting, reading

    chair = Actor(key="entity:2", name="Lương Cường", type="person", country="VNM")
    # "chaired by Lương Cường and attended by Guterres" beside "Lương Cường chaired the ceremony"
    told = replace(reading((chair,), (GUTERRES,), date="2025-10-25"), mode="multilateral")
    stored = replace(meeting((chair,), (), date="2025-10-25"), mode="multilateral")
    assert _adds_nothing(told, stored, gathering=True)
    assert not _adds_nothing(told, stored)  # read as one meeting, Guterres would widen it
    assert _confirms(replace(told, source_actors=(chair,), target_actors=()), replace(
        stored, target_actors=(GUTERRES,), tgt_keys=frozenset({GUTERRES.key, *GUTERRES.affiliations})
    ), gathering=True)  # fmt: skip
    # not a gathering (a visit, or another day): a reading that names someone new does not join
    assert not _adds_nothing(replace(told, mode="visit"), replace(stored, mode="visit"))


def test_only_a_multilateral_meeting_of_the_same_day_is_one_gathering():
    from dataclasses import replace

    from newsloom.events.merge import _one_gathering
    from tests.events.test_user_examples import GUTERRES, meeting, reading

    told = replace(reading((GUTERRES,), (), date="2025-10-25"), mode="multilateral")
    assert _one_gathering(told, meeting((GUTERRES,), (), date="2025-10-25"))  # its own mode suffices
    assert not _one_gathering(told, meeting((GUTERRES,), (), date="2025-10-24"))
    assert not _one_gathering(replace(told, mode=None), meeting((GUTERRES,), (), date="2025-10-25"))
    assert not _one_gathering(replace(told, date=None), replace(meeting((GUTERRES,), ()), date=None))


def test_an_act_told_at_a_multilateral_gathering_is_the_same_act_told_without_it():
    # vi_04 tells Quang's signing after the ceremony it read ("Ngay sau phiên khai mạc ... ký Công
    # ước"), en_03 tells it with the ceremony read by the classifier alone (no meeting to hang it on)
    from dataclasses import replace

    from newsloom.events.merge import _compatible
    from newsloom.events.types import Actor
    from tests.events.test_user_examples import VIETNAM, keys, meeting, reading

    quang = Actor(key="entity:40", name="Lương Tam Quang", type="person", country="VNM")
    chair = frozenset({"entity:2", "entity:8"})  # Lương Cường, Guterres: who the ceremony's reports name
    told = replace(reading((quang,), (VIETNAM,), date="2025-10-25"), type="SUPPORT", mentions=())
    at_ceremony = replace(
        meeting((quang,), (VIETNAM,), date="2025-10-25"), type="SUPPORT", joint=False, parent_id=7
    )
    told = replace(told, src_keys=keys((quang,)), tgt_keys=keys((VIETNAM,)))
    assert _compatible(told, at_ceremony, None, chair, gatherings=frozenset({7})) > 0
    # at a bilateral meeting someone its reports do not name is no participant: no join
    assert _compatible(told, at_ceremony, None, chair) == 0
