"""Library throughput: ``newsloom.analyze_many`` over the bundled examples, models loaded once.

    python bench/analyze.py [--repeat 3] [--no-embed]

Prints the first article's latency apart (it loads lingua's models, the gazetteers and the
encoder), then articles/s over the rest, with and without the embedding stage, and the ratio of
the whole pipeline to the reading baseline (the readers alone, on the same texts, in the same run).
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def example_items() -> list[dict[str, str | None]]:
    from newsloom.ingest import read_path

    items = []
    for item in read_path(str(ROOT / "examples")):
        text = getattr(item, "text", None)
        if text:
            items.append({"text": text, "title": item.title, "published": item.published})  # type: ignore[union-attr]
    return items


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument(
        "--repeat", type=int, default=2, help="passes over the examples after the first article"
    )
    parser.add_argument("--no-embed", action="store_true", help="leave the embedding stage out")
    args = parser.parse_args()
    items = example_items()

    from newsloom.ingest.text import parse_text

    started = time.perf_counter()
    for _ in range(args.repeat):
        for item in items:
            parse_text(str(item["text"]), "bench")
    reading_rate = args.repeat * len(items) / (time.perf_counter() - started)

    from newsloom import analyze_many

    rows = []
    variants: list[tuple[str, tuple[str, ...]]] = [("without embed", ("embed",))]
    if not args.no_embed:
        variants.append(("all stages", ()))
    for label, disable in variants:
        first_started = time.perf_counter()
        next(iter(analyze_many(items[:1], disable=disable)))
        first = time.perf_counter() - first_started
        started = time.perf_counter()
        count = sum(1 for _ in analyze_many(items * args.repeat, disable=disable))
        rate = count / (time.perf_counter() - started)
        rows.append((label, first, rate))
    print(f"{len(items)} examples x {args.repeat}; reading baseline {reading_rate:.1f} articles/s")
    print(f"{'pipeline':>14} {'first article s':>16} {'articles/s':>11} {'vs reading':>11}")
    for label, first, rate in rows:
        print(f"{label:>14} {first:>16.2f} {rate:>11.1f} {rate / reading_rate:>11.4f}")


if __name__ == "__main__":
    main()
