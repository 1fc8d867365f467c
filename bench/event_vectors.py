"""Of the sentences the events stage sends to the encoder, how many come out with other events because
of their vector (issue #18): the gold articles and ``--semeval`` SemEval-2022 Task 8 TRAINING texts
through the stages before "events", then per sentence sent, its events (type, source, target) read
with its vector against its rule events alone, by kind of sentence (``events/prefilter.py``), with
the prefilter off (the shipped stage of round 10) and on.

    python bench/event_vectors.py [--semeval 100]
"""

from __future__ import annotations

import argparse
import collections
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != Path(__file__).resolve().parent]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from pipeline import base_articles, semeval_articles  # noqa: E402

from newsloom.article import Article  # noqa: E402
from newsloom.events import learned  # noqa: E402
from newsloom.events.classifier import embed_sentences, load_classifier  # noqa: E402
from newsloom.events.extract import extract_events  # noqa: E402
from newsloom.events.gate import load_gate  # noqa: E402
from newsloom.events.prefilter import load_prefilter, sentence_signals  # noqa: E402
from newsloom.events.stage import EventSettings  # noqa: E402
from newsloom.events.types import Event  # noqa: E402
from newsloom.pipeline import Pipeline  # noqa: E402

BEFORE_EVENTS = ["language", "sentences", "entities", "times"]


def sent(article: Article, events: list[Event], prefilter: bool) -> list[int]:
    """The sentences the stage sends to the encoder (candidates, gate, sparing, and the prefilter when on)."""
    settings = EventSettings()
    plan = learned.candidate_sentences(article, events, settings.reach)
    plan = learned.gated(article, events, plan, load_gate(), settings.combination.factual)
    rest = set(learned.spared(article, events, plan, settings.sparing))
    plan = [i for i in plan if i not in rest]
    return load_prefilter().kept(article, events, plan) if prefilter else plan


def _keys(events: list[Event]) -> list[tuple[str, tuple[str, ...], tuple[str, ...]]]:
    return sorted((e.type, e.source, e.target) for e in events)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--semeval", type=int, default=100, help="SemEval training texts beside the gold")
    args = parser.parse_args()
    corpus = base_articles() + semeval_articles(args.semeval)
    articles = list(Pipeline(BEFORE_EVENTS).pipe(corpus, batch_size=64, batch_seconds=0))
    events = [extract_events(a) for a in articles]
    plans = {on: [sent(a, e, on) for a, e in zip(articles, events, strict=True)] for on in (False, True)}
    texts = list(
        dict.fromkeys(
            a.sentences[i].text for a, plan in zip(articles, plans[False], strict=True) for i in plan
        )
    )
    vectors = dict(zip(texts, embed_sentences(texts), strict=True))
    shipped, combination = load_classifier(), EventSettings().combination
    for on in (False, True):
        counts: collections.Counter[tuple[str, str]] = collections.Counter()
        changed: collections.Counter[tuple[str, str]] = collections.Counter()
        for article, found, plan in zip(articles, events, plans[on], strict=True):
            where = "gold" if not article.id.startswith("semeval-") else "SemEval"
            for index in plan:
                signals = sentence_signals(article, index, found)
                reader = shipped.for_language(signals.language)
                row = reader.probabilities(vectors[article.sentences[index].text][None, :])[0]
                mine = [e for e in found if e.sentence == index]
                read = learned._sentence_events(article, index, row, reader, mine, combination)
                for key in ((where, "all"), (where, signals.kind)):
                    counts[key] += 1
                    changed[key] += _keys(read) != _keys(mine)
        print(f"prefilter {'on' if on else 'off'}:")
        for where in ("gold", "SemEval"):
            n = sum(1 for a in articles if (a.id.startswith("semeval-")) == (where == "SemEval"))
            parts = ", ".join(
                f"{kind} {counts[(where, kind)]} ({changed[(where, kind)]} changed)"
                for kind in ("packless", "rule", "plain")
                if counts[(where, kind)]
            )
            total, moved = counts[(where, "all")], changed[(where, "all")]
            print(f"  {where}, {n} articles: {total} sentences sent = {total / max(n, 1):.2f} per article; "
                  f"the vector changed the events of {moved}, nothing in {(total - moved) / max(total, 1):.1%}; "
                  f"by kind: {parts}")  # fmt: skip


if __name__ == "__main__":
    main()
