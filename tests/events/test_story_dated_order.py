"""An undated report merged again once its story gives it a day is merged in the fixed order too.

Three reports of Lương Tam Quang's bilateral meetings of 26 October: two say no day of their own
(an undated crawl in English and "Sáng hôm qua" without a publication date in Vietnamese), one is a
dated RSS item naming other guests. Stored first, an undated report waits for its story; merged
again greedily it could not join the RSS item's meeting (other guests), and the report that bridges
the two came too late: whether the RSS item joined the meeting depended on the arrival order (it
stayed apart in all 6 orders; in 1 of 6 still with the fixed-order re-merge alone, until "các bên"
after "with X" stopped splitting the guests from their host).

Since round 11 the minister's meetings are one per counterpart (``events/counterparts.py``): the RSS
item's four heads of delegation are four meetings, each joined by the reports naming that guest.
"""

from __future__ import annotations

from itertools import permutations
from pathlib import Path

import pytest

REPORTS = (
    "examples/jsonl/mixed_crawl_hanoi_week.jsonl#4",
    "examples/feeds/vi_nhip_song_quoc_te.rss.xml#1",
    "examples/text/vi_06_bo_truong_cong_an_tiep_doan_quoc_te.txt",
)
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def analysed():
    from newsloom.events.evaluate import GATE_STAGES, read_articles
    from newsloom.pipeline import Pipeline

    pipeline = Pipeline(GATE_STAGES)
    return {p: pipeline(a) for p, a in read_articles(REPORTS, ROOT).items()}


def meeting_reports(analysed, order, tmp_path) -> list[tuple[str, ...]]:
    """The report names of each CONSULT event that holds the RSS item, sorted."""
    from newsloom.corpus import run_corpus_steps
    from newsloom.store import Store
    from newsloom.store.articles import save_article
    from newsloom.store.events import source_evidence

    store = Store.open(str(tmp_path / ("-".join(str(REPORTS.index(p)) for p in order) + ".db")))
    for path in order:
        with store.transaction() as conn:
            save_article(conn, analysed[path])
            run_corpus_steps(conn, analysed[path])
    with store.connect() as conn:
        rows = [r for r in source_evidence(conn) if r.type == "CONSULT"]
    by_event: dict[int, set[str]] = {}
    for r in rows:
        by_event.setdefault(r.event_id, set()).add(r.path)
    return sorted(
        tuple(sorted(Path(p).name for p in paths))
        for paths in by_event.values()
        if any(p.endswith("xml#1") for p in paths)
    )


@pytest.mark.parametrize(
    "order", list(permutations(REPORTS)), ids=lambda o: "-".join(str(REPORTS.index(p)) for p in o)
)
def test_the_rss_report_joins_the_meeting_in_any_arrival_order(analysed, order, tmp_path):
    found = meeting_reports(analysed, order, tmp_path)
    names = [Path(p).name for p in REPORTS]
    # four meetings hold the RSS item, one per guest, each with all three reports: since session 12
    # the English crawl reads each guest too ("Meeting X, Quang said", "With Y, he ... agreed",
    # "received A, head of ..., and B")
    assert found == [tuple(sorted(names))] * 4, found


def test_a_report_given_again_as_a_reloaded_copy_is_merged_again_once(monkeypatch):
    # date_from_story hands _merge_again the article in memory and the members it loaded from the
    # store: one report may come twice, as two Article objects that differ in what the store keeps
    # (here its path), and must be forgotten and merged once, and its neighbours compared by id
    import dataclasses

    from newsloom.events import merge

    from .helpers import make_article

    report = make_article("Quang met Waly on Saturday.", "en", {}, article_id="r1", path="a.txt")
    reloaded = dataclasses.replace(report, path="stored/a.txt")
    neighbour = make_article("Waly thanked Quang.", "en", {}, article_id="r2", published="2025-10-26")
    monkeypatch.setattr(merge, "_neighbour_ids", lambda conn, articles: {"r1", "r2"})
    stored = {"r1": reloaded, "r2": neighbour}
    monkeypatch.setattr(merge, "_load", lambda conn, ids, after=None: [stored[i] for i in sorted(ids)])
    monkeypatch.setattr(merge, "_dates_pending", lambda a: a.id == "r1")
    forgotten: list[str] = []
    monkeypatch.setattr(merge.store, "forget_articles", lambda conn, ids: forgotten.extend(ids) or [])
    merged: list[str] = []
    monkeypatch.setattr(
        merge, "_merge", lambda conn, a, signature, forgotten=False: merged.append(a.id) or [len(merged)]
    )
    result = merge._merge_again(None, [report, reloaded])
    assert sorted(forgotten) == ["r1", "r2"]
    assert sorted(merged) == ["r1", "r2"]
    assert set(result) == {"r1", "r2"}
