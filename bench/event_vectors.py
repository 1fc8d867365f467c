"""Of the sentences the events stage sends to the encoder, how many come out with other events because
of their vector (issue #18): the gold articles and ``--semeval`` SemEval-2022 Task 8 TRAINING texts
through the stages before "events", then per sentence sent, its events (type, source, target) read
with its vector against its rule events alone, by kind of sentence (``events/prefilter.py``), with
the prefilter off (the shipped stage of round 10) and on.

    python bench/event_vectors.py [--semeval 100] [--heldout] [--prefilter FILE ...] [--lost FILE] [--judged FILE]

``--heldout`` adds the held-out split of the project's labelled sentences (``data/sentences_*.tsv``,
never trained on by the classifier nor the prefilter), five to an article as the prefilter's
training reads its training split; per place and language it prints the prefilter's recall: of the
sentences whose vector changes their events (read by the current readers), the share still sent.

``--prefilter`` measures other prefilter artifacts beside the shipped one (e.g. retrained at another
recall). ``--lost`` writes every event (type, source, target) that a prefilter drops or adds on the
SemEval texts, keyed by article, sentence and the sentence's hash (no text), unjudged, to judge by
hand; ``--judged`` reads such a file with verdicts (``tests/gold/prefilter_lost/``) and counts, per
prefilter, the lost events judged right and wrong.
"""

from __future__ import annotations

import argparse
import collections
import dataclasses
import hashlib
import json
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
from newsloom.events.classifier import embed_sentences, load_classifier, load_sentences  # noqa: E402
from newsloom.events.extract import extract_events  # noqa: E402
from newsloom.events.gate import load_gate  # noqa: E402
from newsloom.events.prefilter import Prefilter, load_prefilter, sentence_signals  # noqa: E402
from newsloom.events.stage import EventSettings  # noqa: E402
from newsloom.events.types import Event  # noqa: E402
from newsloom.pipeline import Pipeline  # noqa: E402

BEFORE_EVENTS = ["language", "sentences", "entities", "times"]


def sent(article: Article, events: list[Event], prefilter: Prefilter | None) -> list[int]:
    """The sentences the stage sends to the encoder (candidates, gate, sparing, and the prefilter when given)."""
    settings = EventSettings()
    plan = learned.candidate_sentences(article, events, settings.reach)
    plan = learned.gated(article, events, plan, load_gate(), settings.combination.factual)
    rest = set(learned.spared(article, events, plan, settings.sparing))
    plan = [i for i in plan if i not in rest]
    return prefilter.kept(article, events, plan) if prefilter is not None else plan


#: the held-out sentences of one language joined into one article, this many at a time (as
#: ``scripts/train_prefilter.py`` reads the training split)
PER_ARTICLE = 5


def heldout_articles() -> list[Article]:
    """The held-out split of the labelled sentences, ``PER_ARTICLE`` to an article, by language
    ("xx": the packless languages, held out whole, their language detected)."""
    by_language: dict[str, list[str]] = {}
    for item in load_sentences():
        if item.split == "heldout":
            by_language.setdefault(item.language or "xx", []).append(item.text)
    found = []
    for language, texts in sorted(by_language.items()):
        for i in range(0, len(texts), PER_ARTICLE):
            found.append(
                Article(
                    id=f"heldout-{language}-{i}",
                    path=f"heldout#{language}{i}",
                    text="\n\n".join(texts[i : i + PER_ARTICLE]),
                    language=None if language == "xx" else language,
                )
            )
    return found


def place(article: Article) -> str:
    """Where an article of the bench comes from: the gold, SemEval training texts, the held-out sentences."""
    return (
        "SemEval"
        if article.id.startswith("semeval-")
        else "heldout"
        if article.id.startswith("heldout-")
        else "gold"
    )


def _keys(events: list[Event]) -> list[tuple[str, tuple[str, ...], tuple[str, ...]]]:
    return sorted((e.type, e.source, e.target) for e in events)


def sentence_hash(text: str) -> str:
    """The sentence's identity in the judged file: the first 16 hex digits of its SHA-1 (no text kept)."""
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:16]


def event_key(row: dict[str, Any]) -> tuple[str, int, str, str, tuple[str, ...], tuple[str, ...]]:
    return (
        row["article"],
        row["sentence"],
        row["hash"],
        row["type"],
        tuple(row["source"]),
        tuple(row["target"]),
    )


def cached_vectors(texts: list[str], cache: Path | None) -> dict[str, Any]:
    """The sentence vectors of ``texts``, those in ``cache`` (an .npz by sentence hash) read from it."""
    import numpy as np

    stored = dict(np.load(cache)) if cache and cache.is_file() else {}
    missing = [t for t in texts if sentence_hash(t) not in stored]
    if missing:
        stored.update(zip(map(sentence_hash, missing), embed_sentences(missing), strict=True))
        if cache:
            np.savez(cache, **stored)
    return {t: stored[sentence_hash(t)] for t in texts}


def _load(path: str) -> tuple[str, Prefilter | None]:
    if path == "off":
        return "off", None
    file, _, most = path.partition("@")
    prefilter = (
        load_prefilter()
        if file == "shipped"
        else Prefilter.from_json(json.loads(Path(file).read_text(encoding="utf-8")), file)
    )
    if most:  # FILE@packless=2,plain=3: at most so many sentences of that kind per article
        caps = dict(part.split("=") for part in most.split(","))
        prefilter = dataclasses.replace(prefilter, most={k: int(v) for k, v in caps.items()})
    return f"{Path(file).name}{'@' + most if most else ''}", prefilter


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--semeval", type=int, default=100, help="SemEval training texts beside the gold")
    parser.add_argument("--prefilter", action="append", default=[],
                        help="a prefilter artifact to measure beside the shipped one, FILE@KIND=N,... at most N sentences of that kind per article (repeatable)")  # fmt: skip
    parser.add_argument("--lost", type=Path, help="write the events each prefilter drops or adds, unjudged")
    parser.add_argument("--judged", type=Path, help="judged lost events: count right and wrong per prefilter")
    parser.add_argument(
        "--heldout", action="store_true", help="add the held-out labelled sentences, five to an article"
    )
    parser.add_argument("--cache", type=Path, help="sentence vectors (.npz): read if present, else written")
    args = parser.parse_args()
    variants = dict(_load(p) for p in ["off", "shipped", *args.prefilter])
    corpus = base_articles() + semeval_articles(args.semeval) + (heldout_articles() if args.heldout else [])
    articles = list(Pipeline(BEFORE_EVENTS).pipe(corpus, batch_size=64, batch_seconds=0))
    events = [extract_events(a) for a in articles]
    plans = {
        name: [sent(a, e, prefilter) for a, e in zip(articles, events, strict=True)]
        for name, prefilter in variants.items()
    }
    texts = list(
        dict.fromkeys(
            a.sentences[i].text for a, plan in zip(articles, plans["off"], strict=True) for i in plan
        )
    )
    vectors = cached_vectors(texts, args.cache)
    shipped, combination = load_classifier(), EventSettings().combination
    # per sentence sent with the prefilter off: its events with its vector and with its rules alone
    readings: dict[tuple[str, int], tuple[list[Event], list[Event], str, str]] = {}
    for article, found, plan in zip(articles, events, plans["off"], strict=True):
        for index in plan:
            signals = sentence_signals(article, index, found)
            reader = shipped.for_language(signals.language)
            text = article.sentences[index].text
            row = reader.probabilities(vectors[text][None, :], [text])[0]
            mine = [e for e in found if e.sentence == index]
            read = learned._sentence_events(article, index, row, reader, mine, combination)
            readings[(article.id, index)] = (read, mine, signals.kind, signals.language)
    lost_rows: dict[tuple[Any, ...], dict[str, Any]] = {}
    places = [p for p in ("gold", "SemEval", "heldout") if any(place(a) == p for a in articles)]
    recall: dict[str, collections.Counter[tuple[str, str]]] = {}
    for name in variants:
        counts: collections.Counter[tuple[str, str]] = collections.Counter()
        changed: collections.Counter[tuple[str, str]] = collections.Counter()
        lost: collections.Counter[str] = collections.Counter()
        gained: collections.Counter[str] = collections.Counter()
        found_events: collections.Counter[str] = collections.Counter()
        kept = recall.setdefault(name, collections.Counter())
        for article, plan, full in zip(articles, plans[name], plans["off"], strict=True):
            where = place(article)
            chosen = set(plan)
            for index in full:
                read, mine, kind, language = readings[(article.id, index)]
                found_events[where] += len(read)
                if _keys(read) != _keys(mine):
                    kept[(where, language)] += index in chosen
                    kept[(where, "all")] += index in chosen
                if index in chosen:
                    for key in ((where, "all"), (where, kind)):
                        counts[key] += 1
                        changed[key] += _keys(read) != _keys(mine)
                    continue
                with_vector, without = set(_keys(read)), set(_keys(mine))
                lost[where] += len(with_vector - without)
                gained[where] += len(without - with_vector)
                if where != "SemEval":
                    continue
                text = article.sentences[index].text
                for change, keys in (("lost", with_vector - without), ("gained", without - with_vector)):
                    for type_, source, target in sorted(keys):
                        row = {"article": article.id, "sentence": index, "hash": sentence_hash(text),
                               "language": article.language, "kind": kind, "change": change,
                               "type": type_, "source": list(source), "target": list(target)}  # fmt: skip
                        lost_rows.setdefault(event_key(row), row).setdefault("dropped_by", []).append(name)
        print(f"prefilter {name}:")
        for where in places:
            n = sum(1 for a in articles if place(a) == where)
            parts = ", ".join(
                f"{kind} {counts[(where, kind)]} ({changed[(where, kind)]} changed)"
                for kind in ("packless", "rule", "plain")
                if counts[(where, kind)]
            )
            total, moved = counts[(where, "all")], changed[(where, "all")]
            print(f"  {where}, {n} articles: {total} sentences sent = {total / max(n, 1):.2f} per article; "
                  f"the vector changed the events of {moved}, nothing in {(total - moved) / max(total, 1):.1%}; "
                  f"by kind: {parts}; sentence events lost {lost[where]}, gained {gained[where]} "
                  f"of {found_events[where]} read with every vector")  # fmt: skip
            changed_off = recall["off"]
            shares = ", ".join(
                f"{language} {kept[(where, language)]}/{changed_off[(where, language)]}"
                f" = {kept[(where, language)] / changed_off[(where, language)]:.3f}"
                for language in ["all", *sorted({k[1] for k in changed_off if k[0] == where} - {"all"})]
                if changed_off[(where, language)]
            )
            print(f"    recall of the sentences whose vector changes their events: {shares}")
    if args.lost:
        # judged blind: which prefilter drops it is not in the file, nor in the prefilters' order
        rows = [{k: v for k, v in r.items() if k != "dropped_by"} for r in lost_rows.values()]
        rows.sort(key=lambda r: (r["hash"], r["type"]))
        args.lost.write_text(
            "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8"
        )
        print(f"wrote {len(rows)} unjudged changed events of the SemEval texts to {args.lost}")
    if args.judged:
        report_judged(args.judged, lost_rows, [n for n in variants if n != "off"])


def report_judged(path: Path, changed: dict[tuple[Any, ...], dict[str, Any]], names: list[str]) -> None:
    """Per prefilter, the events it drops (or adds) on the SemEval texts by their hand verdict."""
    verdicts = {}
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.strip():
            row = json.loads(line)
            if row.get("verdict") not in VERDICTS:
                raise ValueError(f"{path}:{number}: verdict {row.get('verdict')!r}; write one of {VERDICTS}")
            verdicts[event_key(row)] = row["verdict"]
    for name in names:
        tally: collections.Counter[str] = collections.Counter()
        for key, row in changed.items():
            if name in row["dropped_by"]:
                tally[f"{row['change']} {verdicts.get(key, 'unjudged')}"] += 1
        print(f"  judged, prefilter {name}: " + ", ".join(f"{k} {v}" for k, v in sorted(tally.items())))


#: A lost event's verdict: a real event the sentence asserts with the right type; a real event of
#: another type; not an event the sentence asserts (none, hedged, planned, negated, reported as background).
VERDICTS = ("right", "wrong_type", "not_event")


if __name__ == "__main__":
    main()
