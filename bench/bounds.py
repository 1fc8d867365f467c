"""Bounded cost (issue #19): ``analyze`` on text without sentence breaks, and lingua's fallback.

    python bench/bounds.py [--chars 16000] [--fallback]

1. ``analyze`` (embedding stage off) on a run-on text of ``--chars`` characters (no sentence break,
   commas only), next to the same words with a full stop every dozen words (the baseline: an
   ordinary article of the same length) and to the run-on text with long sentences left whole
   (as before issue #19), in the same run; seconds and ratios to the baseline.
2. With ``--fallback``: lingua's all-languages detector as the fallback builds it now (low accuracy
   mode) and as before (every language's full models), each in a fresh process: seconds and peak
   memory to load it and tell one Czech sentence.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PHRASE = "le ministre a rencontré la délégation de Hanoi mardi, pour parler du commerce et de la sécurité"
WORDS = PHRASE.split()


def texts(chars: int) -> tuple[str, str]:
    words = []
    while sum(len(w) + 1 for w in words) < chars:
        words.append(WORDS[len(words) % len(WORDS)])
    run_on = " ".join(words)
    sentences = [" ".join(words[i : i + 12]).rstrip(",") for i in range(0, len(words), 12)]
    ordinary = " ".join(s[0].upper() + s[1:] + "." for s in sentences)
    return run_on, ordinary


def timed(text: str) -> float:
    import newsloom

    started = time.perf_counter()
    newsloom.analyze(text, lang="fr", disable=["embed"])
    return time.perf_counter() - started


FALLBACK = """
import resource, sys, time
from lingua import LanguageDetectorBuilder
started = time.perf_counter()
builder = LanguageDetectorBuilder.from_all_languages()
detector = (builder.with_low_accuracy_mode() if sys.argv[1] == "low" else builder).build()
best = detector.compute_language_confidence_values(
    "Ministr se v úterý v Hanoji setkal s delegací z Vietnamu, aby projednali obchod a bezpečnost.")[0]
print(best.language.name, round(time.perf_counter() - started, 2), resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024)
"""


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--chars", type=int, default=16_000)
    parser.add_argument("--fallback", action="store_true", help="also load lingua's two fallbacks (~1 GB)")
    args = parser.parse_args()
    import newsloom
    import newsloom.sentences as sentences

    newsloom.analyze(
        "Le ministre a rencontré la délégation mardi.", lang="fr", disable=["embed"]
    )  # load once
    run_on, ordinary = texts(args.chars)
    baseline = timed(ordinary)
    now = timed(run_on)
    limit = sentences.MAX_SENTENCE_CHARS
    sentences.MAX_SENTENCE_CHARS = 10**9  # as before: a run-on "sentence" left whole
    try:
        before = timed(run_on)
    finally:
        sentences.MAX_SENTENCE_CHARS = limit
    print(f"analyze, {len(run_on):,} characters, embed off       seconds  vs ordinary text")
    print(f"  ordinary text (baseline)                     {baseline:7.2f}  {1.0:8.2f}")
    print(f"  run-on text, sentences cut at {limit}           {now:7.2f}  {now / baseline:8.2f}")
    print(f"  run-on text, left whole (before)             {before:7.2f}  {before / baseline:8.2f}")
    if args.fallback:
        print("lingua all-languages fallback                 language  seconds  peak MB")
        for mode in ("low", "full"):
            out = subprocess.run(
                [sys.executable, "-c", FALLBACK, mode], capture_output=True, text=True, check=True, cwd=ROOT
            ).stdout.split()
            label = "low accuracy mode (now)" if mode == "low" else "full models (before)"
            print(f"  {label:<42}  {out[0]:<8} {float(out[1]):7.2f}  {int(out[2]):7d}")


if __name__ == "__main__":
    main()
