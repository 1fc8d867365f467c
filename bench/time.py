"""resolve_times against dateparser.search.search_dates on the time gold, in the same run.

Both tools read the same texts (tests/gold/times/*.jsonl) with the same publication date
(dateparser's RELATIVE_BASE). Printed per language: gold expressions per second of each tool and
their ratio, recall (gold expressions overlapped by something the tool found), false dates (found
dates that no gold expression overlaps) and, for gold values naming one day, the share each tool
got on the right day. Run from the repo root: ``python bench/time.py``.
"""

from __future__ import annotations

import re
import sys
import time
import warnings
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from newsloom.timex import resolve_times  # noqa: E402
from newsloom.timex.evaluate import Score, Span, load_gold, score_text  # noqa: E402

#: resolve_times is fast: repeat it to time more than a few milliseconds.
RESOLVER_REPEATS = 20
_DAY = re.compile(r"^(\d{4}-\d{2}-\d{2})")


@dataclass
class Result:
    score: Score
    seconds: float
    day_right: int = 0
    day_gold: int = 0


def run_resolver(row: dict[str, Any]) -> list[Span]:
    exprs = resolve_times(row["text"], lang=row["lang"], published=row["published"])
    return [Span(e.start, e.end, e.value, e.precision, e.end_value) for e in exprs]


def run_dateparser(row: dict[str, Any]) -> list[Span]:
    from dateparser.search import search_dates

    settings: dict[str, Any] = {}
    if row["published"]:
        settings["RELATIVE_BASE"] = datetime.fromisoformat(row["published"])
    found = search_dates(row["text"], languages=[row["lang"]], settings=settings) or []
    spans: list[Span] = []
    cursor = 0
    for phrase, when in found:
        start = row["text"].find(phrase, cursor)
        if start < 0:
            start = row["text"].find(phrase)
        if start < 0:
            continue
        cursor = start + len(phrase)
        spans.append(Span(start, start + len(phrase), when.date().isoformat(), "day"))
    return spans


def day_agreement(row: dict[str, Any], found: Sequence[Span]) -> tuple[int, int]:
    """(right, total) over gold expressions whose value names one resolved day."""
    right = total = 0
    for g in row["expressions"]:
        match = _DAY.match(g["value"] or "")
        if not match or g["precision"] not in ("day", "part_of_day"):
            continue
        total += 1
        g_end = g["start"] + len(g["text"])
        if any(
            s.start < g_end and g["start"] < s.end and (s.value or "")[:10] == match.group(1) for s in found
        ):
            right += 1
    return right, total


def measure(rows: list[dict[str, Any]], tool: Callable[[dict[str, Any]], list[Span]], repeats: int) -> Result:
    started = time.perf_counter()
    outputs: list[list[Span]] = []
    for _ in range(repeats):
        outputs = [tool(row) for row in rows]
    seconds = (time.perf_counter() - started) / repeats
    result = Result(Score(), seconds)
    for row, found in zip(rows, outputs, strict=True):
        result.score.add(score_text(row, found))
        right, total = day_agreement(row, found)
        result.day_right += right
        result.day_gold += total
    return result


def main() -> None:
    warnings.filterwarnings("ignore")
    rows = load_gold(sorted((ROOT / "tests" / "gold" / "times").glob("*.jsonl")))
    languages = sorted({row["lang"] for row in rows})
    for lang in languages:  # dateparser loads its language data on first use: not part of the timing
        run_dateparser({"text": "21 October 2025", "lang": lang, "published": "2025-10-22"})
        run_resolver({"text": "21/10/2025", "lang": lang, "published": "2025-10-22"})
    header = (
        f"{'lang':5} {'texts':>5} {'gold':>5} | {'resolve expr/s':>14} {'dateparser expr/s':>17} {'ratio':>6} | "
        f"{'recall r/d':>11} | {'false dates r/d':>15} | {'right day r/d':>13} | {'exact r':>7}"
    )
    print(header)
    print("-" * len(header))
    totals: dict[str, list[Result]] = {"resolve": [], "dateparser": []}
    for lang in [*languages, "all"]:
        chosen = rows if lang == "all" else [row for row in rows if row["lang"] == lang]
        if lang == "all":
            ours = _sum(totals["resolve"])
            theirs = _sum(totals["dateparser"])
        else:
            ours = measure(chosen, run_resolver, RESOLVER_REPEATS)
            theirs = measure(chosen, run_dateparser, 1)
            totals["resolve"].append(ours)
            totals["dateparser"].append(theirs)
        gold = ours.score.gold
        ours_rate = gold / ours.seconds if ours.seconds else float("inf")
        theirs_rate = gold / theirs.seconds if theirs.seconds else float("inf")
        print(
            f"{lang:5} {len(chosen):>5} {gold:>5} | {ours_rate:>14.0f} {theirs_rate:>17.0f} {ours_rate / theirs_rate:>5.0f}x | "
            f"{ours.score.recall:>5.3f}/{theirs.score.recall:<5.3f} | {ours.score.false_dates:>7}/{theirs.score.false_dates:<7} | "
            f"{_share(ours):>6.3f}/{_share(theirs):<6.3f} | {ours.score.exact_rate:>7.3f}"
        )
    print(
        "\nr = newsloom resolve_times, d = dateparser.search.search_dates (RELATIVE_BASE = publication date). "
        "expr/s = gold expressions per second of processing the texts that hold them; ratio = r/d.\n"
        "right day = gold expressions naming one day whose overlapping output has that day; "
        "exact = span, value, end value and precision all right (dateparser gives no precision or span rules)."
    )


def _share(result: Result) -> float:
    return result.day_right / result.day_gold if result.day_gold else 1.0


def _sum(results: list[Result]) -> Result:
    total = Result(Score(), sum(r.seconds for r in results))
    for r in results:
        total.score.add(r.score)
        total.day_right += r.day_right
        total.day_gold += r.day_gold
    return total


if __name__ == "__main__":
    main()
