"""What the events stage sends to the encoder, and why (issue #18): per article and per reason, the
sentences embedded, their tokens, the identical texts, and what each vector does to the output.

    python bench/event_texts.py [--semeval 100] [--batch 64] [--prefilter FILE] [--bars plain_paired,rule]
                                [--skip FILE [FILE ...]] [--firstpass TABLE]

The gold articles (examples + seeds) and ``--semeval`` SemEval-2022 Task 8 TRAINING texts go
through the stages before "events", then through the shipped events stage in batches as the
pipeline runs it, with every encoder call recorded. Each sentence sent is classified by why it was
sent (``short``: its article has at most ``SHORT_ARTICLE`` sentences; else its prefilter cap kind:
``packless``, ``rule``, ``plain``, ``plain_paired``) and by what its vector did: the sentence's
events with the vector against its rule events alone (as a sentence left to the rules gets them):
other events (type, source, target), the same events with other confidences, or no event and no
effect at all. Run with ``OMP_NUM_THREADS=1``; it prints counts, not times.

``--skip FILE`` runs the stage twice in the same process, without then with that learned skip
(``events/skip.py``), and prints the tokens saved and the sentences whose vector changed their
events that are no longer sent (issue #18, session 16). Several files: each in turn, against the
same run without (session 17: the word-feature skip beside one reading the first-pass vector);
``--firstpass TABLE``: the first-pass table a skip reading one uses (default: the shipped one).

``--prefilter FILE`` runs the stage with another prefilter artifact (e.g. a bar of its own for one
cap kind, ``bars["plain_paired"]``). ``--bars KIND,...`` prints, per kind, what a bar of its own on
the prefilter's probability would cost at each of a few bars: the sentences and tokens it would no
longer send and, of them, those whose vector changed their events (issue #18, session 15).
"""

from __future__ import annotations

import argparse
import collections
import dataclasses
import json
import statistics
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != Path(__file__).resolve().parent]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from pipeline import base_articles, semeval_articles  # noqa: E402

from newsloom.article import Article  # noqa: E402
from newsloom.events import learned  # noqa: E402
from newsloom.events import prefilter as prefilters  # noqa: E402
from newsloom.events.gate import rule_confidence  # noqa: E402
from newsloom.events.stage import EventFinder, EventSettings  # noqa: E402
from newsloom.events.types import Event  # noqa: E402
from newsloom.pipeline import Pipeline  # noqa: E402

BEFORE_EVENTS = ["language", "sentences", "entities", "times"]


class CountingEncoder:
    """The shipped encoder, every text it is asked for recorded (call by call)."""

    def __init__(self) -> None:
        from newsloom.events.classifier import sentence_encoder

        self.inner = sentence_encoder()
        self.calls: list[list[str]] = []

    def encode(self, texts: list[str]) -> Any:
        self.calls.append(list(texts))
        return self.inner.encode(texts)


def effect(read: list[Event], rules: list[Event]) -> str:
    """What a sentence's vector did: its events read with it against its rule events alone."""
    alone = [dataclasses.replace(e, confidence=rule_confidence(e.type, e.confidence)) for e in rules]
    if sorted((e.type, e.source, e.target) for e in read) != sorted(
        (e.type, e.source, e.target) for e in alone
    ):
        return "other events"
    if not read:
        return "no event, no effect"
    same = sorted((e.type, e.start, e.confidence) for e in read) == sorted(
        (e.type, e.start, e.confidence) for e in alone
    )
    return "same events and confidences" if same else "same events, other confidences"


def survey(
    articles: list[Article], prefilter: prefilters.Prefilter, args: argparse.Namespace
) -> dict[str, Any]:
    """The events stage over ``articles`` with ``prefilter``, every encoder call recorded; prints the
    counts and returns, per sentence sent, why it was sent, its tokens and what its vector did."""
    reasons: dict[tuple[str, int], str] = {}
    probabilities: dict[tuple[str, int], float] = {}
    shipped_kept = prefilters.Prefilter.kept
    shipped_load = prefilters.load_prefilter

    def kept(self: prefilters.Prefilter, article: Article, events: Any, candidates: Any) -> list[int]:
        chosen = shipped_kept(self, article, events, candidates)
        for i in chosen:
            signals = prefilters.sentence_signals(article, i, events)
            short = len(article.sentences) <= learned.SHORT_ARTICLE
            reasons[(article.id, i)] = "short" if short else prefilters.cap_kind(signals)
            probabilities[(article.id, i)] = self.probability(signals)
        return chosen

    combined: list[tuple[Any, ...]] = []
    shipped_combine = learned._combine

    def combine(
        article: Article,
        events: Any,
        candidates: Any,
        rows: Any,
        classifier: Any,
        how: Any,
        words: Any = None,
    ) -> Any:
        combined.append((article, list(events), list(candidates), dict(rows), classifier, how, words))
        return shipped_combine(article, events, candidates, rows, classifier, how, words)

    encoder = CountingEncoder()
    prefilters.Prefilter.kept = kept  # type: ignore[method-assign]
    prefilters.load_prefilter = lambda: prefilter  # type: ignore[assignment]
    learned._combine = combine
    try:
        finder = EventFinder(EventSettings(), encoder=encoder)
        for start in range(0, len(articles), args.batch):
            finder.pipe(articles[start : start + args.batch])
    finally:
        prefilters.Prefilter.kept = shipped_kept  # type: ignore[method-assign]
        prefilters.load_prefilter = shipped_load
        learned._combine = shipped_combine
    model = encoder.inner.encoder._load()
    by_id = {a.id: a for a in articles}
    groups = {
        "gold": {a.id for a in articles if not a.id.startswith("semeval-")},
        "SemEval": {a.id for a in articles if a.id.startswith("semeval-")},
    }
    requested = [t for call in encoder.calls for t in call]
    languages = collections.Counter(a.language for a in articles).most_common()
    print(f"{len(articles)} articles ({len(groups['gold'])} gold, {len(groups['SemEval'])} SemEval training texts); "
          f"languages {languages}")  # fmt: skip
    print(f"events-stage encoder calls {len(encoder.calls)}, texts asked {len(requested)} "
          f"({len(set(requested))} distinct); identical texts among the sentences sent "
          f"{len(reasons) - len({by_id[a].sentences[i].text for a, i in reasons})} (each batch's are "
          f"asked once, and the process cache keeps them across batches)")  # fmt: skip
    tokens = {key: model.token_count(by_id[key[0]].sentences[key[1]].text) for key in reasons}
    effects: dict[tuple[str, int], str] = {}
    for article, events, candidates, rows, classifier, how, words in combined:
        mine: dict[int, list[Event]] = collections.defaultdict(list)
        for event in events:
            mine[event.sentence].append(event)
        for i in candidates:
            read = learned._sentence_events(article, i, rows[i], classifier, mine.get(i, []), how, words)
            effects[(article.id, i)] = effect(read, mine.get(i, []))
    for name, members in groups.items():
        keys = [k for k in reasons if k[0] in members]
        total = sum(tokens[k] for k in keys)
        print(f"{name}: {len(keys)} sentences sent = {len(keys) / max(1, len(members)):.2f} per article, "
              f"{total} tokens = {total / max(1, len(members)):.0f} per article")  # fmt: skip
        for reason in sorted({reasons[k] for k in keys}):
            of = [k for k in keys if reasons[k] == reason]
            lengths = [tokens[k] for k in of]
            done = collections.Counter(effects[k] for k in of)
            print(f"  {reason}: {len(of)} = {len(of) / len(members):.2f} per article; tokens median "
                  f"{statistics.median(lengths):.0f}, max {max(lengths)}, {sum(lengths)} in all "
                  f"({sum(lengths) / max(1, total):.0%}); vectors: {dict(done.most_common())}")  # fmt: skip
        idle = [k for k in keys if effects[k] == "no event, no effect"]
        print(f"  no event and no effect on any output: {len(idle)} of {len(keys)} sentences, "
              f"{sum(tokens[k] for k in idle)} of {total} tokens")  # fmt: skip
        for kind in filter(None, args.bars.split(",")):
            print_bars(kind, [k for k in keys if reasons[k] == kind], probabilities, tokens, effects, total)
    print(f"all: {len(reasons)} sentences, {sum(tokens.values())} tokens")
    return {"groups": groups, "reasons": reasons, "tokens": tokens, "effects": effects}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--semeval", type=int, default=100, help="SemEval training texts beside the gold")
    parser.add_argument("--batch", type=int, default=64, help="articles per events-stage batch")
    parser.add_argument("--prefilter", type=Path, help="a prefilter artifact instead of the shipped one")
    parser.add_argument("--bars", default="", help="cap kinds to print a bar table for, comma-separated")
    parser.add_argument(
        "--skip", type=Path, nargs="+", help="learned skip artifacts: the stage without, then with each"
    )
    parser.add_argument(
        "--firstpass", type=Path, help="the first-pass table a skip reads (default: the shipped one)"
    )
    args = parser.parse_args()
    chosen = prefilters.load_prefilter()
    if args.prefilter:
        chosen = prefilters.Prefilter.from_json(
            json.loads(args.prefilter.read_text(encoding="utf-8")), str(args.prefilter)
        )
    corpus = base_articles() + semeval_articles(args.semeval)
    articles = list(Pipeline(BEFORE_EVENTS).pipe(corpus, batch_size=64, batch_seconds=0))
    if not args.skip:
        survey(articles, chosen, args)
        return
    from newsloom.events.firstpass import read_table
    from newsloom.events.skip import SkipModel

    table = read_table(str(args.firstpass)) if args.firstpass else None
    print("== without the learned skip")
    before = survey(articles, dataclasses.replace(chosen, skip=None), args)
    for path in args.skip:
        model = SkipModel.from_json(json.loads(path.read_text(encoding="utf-8")), str(path))
        model = dataclasses.replace(model, table=table)
        print(f"\n== with the learned skip {path}")
        after = survey(articles, dataclasses.replace(chosen, skip=model), args)
        print(f"\n== with/without {path}, same run")
        compare(before, after)


def compare(before: dict[str, Any], after: dict[str, Any]) -> None:
    """Per group of articles: sentences and tokens sent without and with a skip, and the sentences
    whose vector gave other events that are still sent."""
    for name, members in before["groups"].items():
        sent = {
            way: [k for k in run["reasons"] if k[0] in members] for way, run in (("b", before), ("a", after))
        }
        tokens = [sum(run["tokens"][k] for k in sent[w]) for w, run in (("b", before), ("a", after))]
        changed = [k for k in sent["b"] if before["effects"][k] == "other events"]
        kept = [k for k in changed if k in after["reasons"]]
        print(f"  {name}: sentences {len(sent['b'])} -> {len(sent['a'])}, tokens {tokens[0]} -> {tokens[1]} "
              f"({tokens[1] / max(1, tokens[0]):.3f}x, {1 - tokens[1] / max(1, tokens[0]):.1%} fewer); "
              f"sentences whose vector gave other events still sent {len(kept)} of {len(changed)}")  # fmt: skip


BARS = (0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9)


def print_bars(
    kind: str,
    keys: list[tuple[str, int]],
    probabilities: dict[tuple[str, int], float],
    tokens: dict[tuple[str, int], int],
    effects: dict[tuple[str, int], str],
    total: int,
) -> None:
    """What a bar of its own for ``kind`` would leave unsent: sentences, tokens (share of the
    group's), and the sentences among them whose vector changed their events."""
    changed = [k for k in keys if effects[k] == "other events"]
    print(f"  bar of its own for {kind} ({len(keys)} sent, {len(changed)} with other events; "
          f"their probabilities {sorted(round(probabilities[k], 3) for k in changed)}):")  # fmt: skip
    for bar in BARS:
        under = [k for k in keys if probabilities[k] < bar]
        saved = sum(tokens[k] for k in under)
        lost = sum(1 for k in under if effects[k] == "other events")
        print(f"    bar {bar}: {len(under)} fewer sentences, {saved} fewer tokens ({saved / max(1, total):.1%}), "
              f"{lost} of {len(changed)} with other events not sent")  # fmt: skip


if __name__ == "__main__":
    main()
