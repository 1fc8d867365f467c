"""What replaying corrections costs a run: the corpus steps of every bundled example run again
(each article's events forgotten and merged anew, as after a change of extraction), on a copy of
the store without corrections (the baseline) and on a copy with corrections, in the same run.

    python bench/corrections.py [--corrections 12] [--repeat 3]

Prints seconds per pass and the ratio with/without corrections (absolute times mean nothing on a
shared machine; the ratio does), and checks that every correction still holds after the passes.
"""

from __future__ import annotations

import argparse
import shutil
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def build(folder: Path) -> Path:
    from newsloom.runner import process_paths
    from newsloom.store import Store

    db = folder / "examples.db"
    store = Store.open(str(db))
    report = process_paths([str(ROOT / "examples")], store, stages=None, corpus=True)
    store.close()
    assert report.ok, report.errors
    return db


def copy(db: Path, name: str) -> Path:
    target = db.with_name(name)
    for suffix in ("", "-wal", "-shm"):
        if Path(f"{db}{suffix}").exists():
            shutil.copyfile(f"{db}{suffix}", f"{target}{suffix}")
    return target


def rerun(db: Path) -> float:
    """Seconds to forget and re-merge every article's events and run its corpus steps again."""
    from newsloom.corpus import run_corpus_steps
    from newsloom.events.stored import forget_article, refresh_event
    from newsloom.store import Store
    from newsloom.store.articles import iter_articles

    store = Store.open(str(db))
    with store.connect() as conn:
        articles = list(iter_articles(conn))
    start = time.perf_counter()
    for article in articles:
        with store.transaction() as conn:
            for event_id in forget_article(conn, article.id):
                refresh_event(conn, event_id)
            run_corpus_steps(conn, article)
    elapsed = time.perf_counter() - start
    store.close()
    return elapsed


def correct_some(db: Path, count: int) -> list[int]:
    """Up to ``count`` corrections over the largest events: false marks, new types, merges of pairs."""
    from newsloom.corrections import Fix, correct
    from newsloom.store import Store
    from newsloom.store.events import EventFilter, list_event_rows

    store = Store.open(str(db))
    made = []
    with store.transaction() as conn:
        rows = list_event_rows(conn, EventFilter(top_level=True), 200)
        by_type: dict[str, list[int]] = {}
        for row in rows:
            by_type.setdefault(row.type, []).append(row.id)
        pairs = [ids[:2] for ids in by_type.values() if len(ids) >= 2]
        merged = {i for pair in pairs for i in pair}
        singles = [row.id for row in rows if row.id not in merged]
        for index in range(count):
            if index % 3 == 0 and pairs:
                fix = Fix("event", "merge", tuple(pairs.pop()))
            elif index % 3 == 1 and singles:
                fix = Fix("event", "retype", (singles.pop(),), {"type": "AGREE"})
            elif singles:
                fix = Fix("event", "false", (singles.pop(),))
            else:
                break
            made.append(correct(conn, fix, "bench").correction.id)
    store.close()
    return made


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--corrections", type=int, default=12)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="newsloom-bench-") as folder:
        db = build(Path(folder))
        plain, corrected = copy(db, "plain.db"), copy(db, "corrected.db")
        made = correct_some(corrected, args.corrections)
        from newsloom.store import Store
        from newsloom.views.corrections import CorrectionQuery, corrections_view

        base, with_fixes = [], []
        for _ in range(args.repeat):
            base.append(rerun(plain))
            with_fixes.append(rerun(corrected))
        store = Store.open(str(corrected))
        with store.connect() as conn:
            active = corrections_view(conn, CorrectionQuery(include_undone=False, limit=1000)).items
        store.close()
        b, w = min(base), min(with_fixes)
        print(
            f"articles re-run per pass: examples/ ; corrections made: {len(made)}, still active: {len(active)}"
        )
        print(f"re-run without corrections: {b:.2f} s (best of {args.repeat})")
        print(f"re-run with {len(made)} corrections: {w:.2f} s (best of {args.repeat})")
        print(f"ratio with/without: {w / b:.2f}")


if __name__ == "__main__":
    main()
