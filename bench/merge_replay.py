"""What keeping event merging order-independent costs: the 41 articles of the events gate merged in
three orders, replaying the whole neighbourhood of each new article (``replay_all``, the way of
session 3) and replaying only the articles that come after it in the fixed merge order (now).

    python bench/merge_replay.py [--repeat 2]

The per-article stages run once; entities are linked once per store in one fixed order (linking
has order effects of its own); then only ``merge_article_events`` is timed (CPU seconds, best of
``--repeat``). Prints each variant's time, the ratio new/old per order in the same run (absolute
times mean nothing on a shared machine), and checks that all six runs give the same events.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# bench/profile.py would shadow the standard library's profile module (spaCy imports cProfile)
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != ROOT / "bench"]
sys.path.insert(0, str(ROOT))


def gate_articles() -> dict[str, object]:
    from newsloom.events.evaluate import EVENT_STAGES, load_gold, read_articles
    from newsloom.pipeline import Pipeline

    gold = load_gold(ROOT / "tests" / "gold" / "events" / "gold.json")
    stories = json.loads((ROOT / "tests" / "gold" / "stories.json").read_text(encoding="utf-8"))
    paths = sorted(set(gold.paths) | {p for e in stories["events"] for p in e["articles"]})
    pipeline = Pipeline(EVENT_STAGES)
    return {path: pipeline(article) for path, article in read_articles(paths, ROOT).items()}


def merged(articles: dict, order: list[str], folder: Path, replay_all: bool) -> tuple[float, list]:
    """(CPU seconds of merging, every stored event as (type, its sources)) for one order."""
    from newsloom.entities.linking import link_article
    from newsloom.events.merge import merge_article_events
    from newsloom.events.queries import event_detail, list_events
    from newsloom.store import Store
    from newsloom.store.articles import save_article

    store = Store.open(str(folder / f"{time.monotonic_ns()}.db"))
    try:
        for path in sorted(order):
            with store.transaction() as conn:
                save_article(conn, articles[path])
                link_article(conn, articles[path])
        start = time.process_time()
        for path in order:
            with store.transaction() as conn:
                merge_article_events(conn, articles[path], replay_all=replay_all)
        seconds = time.process_time() - start
        with store.connect() as conn:
            found = []
            for event in list_events(conn, limit=10_000):
                detail = event_detail(conn, event["id"])
                found.append(
                    (
                        event["type"],
                        tuple(sorted({(s["path"], s["sentence_index"]) for s in detail["sources"]})),
                    )
                )
    finally:
        store.close()
    return seconds, sorted(found)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=2)
    args = parser.parse_args()
    articles = gate_articles()
    paths = sorted(articles)
    published = sorted(paths, key=lambda p: (articles[p].published or "", articles[p].id))
    orders = {"published": published, "paths": paths, "reversed published": published[::-1]}
    results = set()
    with tempfile.TemporaryDirectory() as tmp:
        for name, order in orders.items():
            times = {}
            for replay_all in (True, False):
                best = None
                for _ in range(args.repeat):
                    seconds, events = merged(articles, order, Path(tmp), replay_all)
                    best = seconds if best is None else min(best, seconds)
                    results.add(tuple(events))
                times[replay_all] = best
            print(
                f"{name:>20}: replay all {times[True]:.2f} s, replay later only {times[False]:.2f} s, "
                f"ratio {times[False] / times[True]:.2f}"
            )
    print(f"same events in every run: {len(results) == 1} ({len(next(iter(results)))} events)")


if __name__ == "__main__":
    main()
