"""Order-independent merging replays only the stored reports that come after a new one in the
fixed merge order (publication date, then id)."""

from __future__ import annotations

import dataclasses

from newsloom.events.merge import merge_article_events
from newsloom.events.queries import event_detail, list_events
from newsloom.events.stage import find_events
from newsloom.store import Store
from newsloom.store.articles import save_article

from .helpers import SON, UNODC, VN, WALY, make_article

NAMES = {"Bùi Thanh Sơn": SON, "Ghada Waly": WALY, "UNODC": UNODC, "Việt Nam": VN, "Phó Thủ tướng": SON}


def _reports():
    texts = [
        (
            "vi1",
            "vi",
            "2025-10-21",
            "Chiều 21/10, Phó Thủ tướng Bùi Thanh Sơn tiếp bà Ghada Waly. Phó Thủ tướng cảm ơn UNODC.",
        ),
        (
            "en1",
            "en",
            "2025-10-22",
            "Deputy Prime Minister Bùi Thanh Sơn on Tuesday received Ghada Waly. He thanked UNODC.",
        ),
        ("vi2", "vi", "2025-10-23", "Bùi Thanh Sơn đã tiếp Ghada Waly chiều 21/10. Việt Nam ủng hộ UNODC."),
    ]
    times = {"vi1": ("Chiều 21/10", "2025-10-21TAF", "part_of_day"), "en1": ("Tuesday", "2025-10-21", "day"),
             "vi2": ("chiều 21/10", "2025-10-21TAF", "part_of_day")}  # fmt: skip
    reports = []
    for article_id, lang, published, text in texts:
        article = make_article(
            text, lang, NAMES, times=[times[article_id]], published=published,
            article_id=article_id, path=f"{article_id}.txt",
        )  # fmt: skip
        found = find_events(article, classifier=False)
        reports.append(
            dataclasses.replace(found, stages=("language", "sentences", "entities", "times", "events"))
        )
    return reports


def _merge_all(folder, reports, replay_all=False):
    store = Store.open(str(folder / "replay.db"))
    try:
        ids = []
        for report in reports:
            with store.transaction() as conn:
                save_article(conn, report)
                ids.append(merge_article_events(conn, report, replay_all=replay_all))
        with store.connect() as conn:
            events = sorted(
                (e["type"], tuple(sorted({s["path"] for s in event_detail(conn, e["id"])["sources"]})))
                for e in list_events(conn, limit=100)
            )
    finally:
        store.close()
    return ids, events


def _forgotten(monkeypatch) -> list[str]:
    """The ids of the articles whose sources merging forgets (to merge them again), in call order."""
    from newsloom.events import merge

    calls: list[str] = []
    forget = merge.store.forget_articles

    def spy(conn, article_ids):
        calls.extend(article_ids)
        return forget(conn, article_ids)

    monkeypatch.setattr(merge.store, "forget_articles", spy)
    return calls


def test_reports_in_publication_order_replay_nothing(tmp_path, monkeypatch):
    reports = _reports()
    (tmp_path / "a").mkdir()
    calls = _forgotten(monkeypatch)
    _, events = _merge_all(tmp_path / "a", reports)
    assert calls == ["vi1", "en1", "vi2"]  # each report only clears its own old sources
    assert ("CONSULT", ("en1.txt", "vi1.txt", "vi2.txt")) in events


def test_an_earlier_report_coming_late_replays_only_the_later_ones(tmp_path, monkeypatch):
    reports = _reports()
    (tmp_path / "a").mkdir()
    calls = _forgotten(monkeypatch)
    _merge_all(tmp_path / "a", [reports[2], reports[0], reports[1]])
    # vi1 (21 Oct) after vi2 (23 Oct): vi2 is merged again after it; en1 (22 Oct) then replays vi2 too
    # (a replayed report is forgotten once, before the reports of the replay are merged again)
    assert calls == ["vi2", "vi2", "vi1", "vi2", "en1"]


def test_any_order_and_the_full_replay_give_the_same_events(tmp_path):
    reports = _reports()
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    (tmp_path / "c").mkdir()
    _, forward = _merge_all(tmp_path / "a", reports)
    backward_ids, backward = _merge_all(tmp_path / "b", reports[::-1])
    _, full = _merge_all(tmp_path / "c", reports[::-1], replay_all=True)
    assert forward == backward == full
    assert len(forward) >= 2
