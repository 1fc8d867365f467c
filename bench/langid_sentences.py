"""How often one sentence alone gets the wrong language (what ``newsloom.analyze(sentence)`` reads).

    python bench/langid_sentences.py                 # held-out NER sentences (en, id, vi) + SemEval firsts
    python bench/langid_sentences.py --show 20       # and print up to 20 misread lines per language
    python bench/langid_sentences.py --split dev --show 50   # the dev split: the one to look at when tuning

Two inputs: the sentences of our held-out NER split (``newsloom.entities.corpora``, one sentence
each, as the public-call evaluation feeds them) and the first sentence of each SemEval-2022 Task 8
*training* text (``../shared/data/semeval2022-task8/train.jsonl``; rows labelled ``it`` may hold English).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from newsloom.entities import corpora  # noqa: E402
from newsloom.langid import detect_language  # noqa: E402
from newsloom.sentences import split_sentences  # noqa: E402

SEMEVAL = Path(__file__).resolve().parents[2] / "shared" / "data" / "semeval2022-task8" / "train.jsonl"


def semeval_firsts() -> dict[str, list[str]]:
    """First sentence of every distinct SemEval training text, by its labelled language."""
    seen: set[str] = set()
    out: dict[str, list[str]] = {}
    for line in SEMEVAL.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        for n in ("1", "2"):
            text, lang = row[f"text{n}"].strip(), row[f"lang{n}"]
            if not text or text in seen:
                continue
            seen.add(text)
            sentences = split_sentences(text, lang)
            if sentences:
                out.setdefault(lang, []).append(sentences[0].text)
    return out


def report(name: str, lines: dict[str, list[str]], show: int) -> None:
    for lang, texts in sorted(lines.items()):
        wrong: Counter[str] = Counter()
        shown = 0
        for text in texts:
            found, _ = detect_language(text)
            if found != lang:
                wrong[str(found)] += 1
                if shown < show:
                    print(f"  [{lang}->{found}] {text[:160]}")
                    shown += 1
        total = sum(wrong.values())
        print(
            f"{name} {lang}: {total}/{len(texts)} wrong ({100 * total / max(len(texts), 1):.1f}%) {dict(wrong.most_common(6))}"
        )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "--show", type=int, default=0, help="print up to this many misread lines per language"
    )
    parser.add_argument(
        "--limit", type=int, default=None, help="at most this many held-out sentences per language"
    )
    parser.add_argument("--skip-semeval", action="store_true")
    parser.add_argument(
        "--split", choices=("heldout", "dev"), default="heldout", help="which part of our NER split"
    )
    args = parser.parse_args(argv)
    heldout = {
        lang: [s.text for s in corpora.load_sentences(lang, args.split)[: args.limit]]
        for lang in ("en", "id", "vi")
        if corpora.available(lang)
    }
    report(args.split, heldout, args.show)
    if not args.skip_semeval and SEMEVAL.exists():
        report("semeval-first", semeval_firsts(), args.show)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
