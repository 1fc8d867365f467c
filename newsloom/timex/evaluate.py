"""Score time expressions against hand-made gold (``tests/gold/times/*.jsonl``).

One gold line is a text with its expressions: ``{"id", "lang", "published", "text", "expressions":
[{"text", "start", "value", "end_value", "precision"}], "note"}``. The same scoring serves the
quality gate (``tests/timex/test_gold.py``) and the benchmark against dateparser (``bench/time.py``).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

#: A value that names a calendar date, month, week or year (not a duration "P3D" or a set).
_DATE_VALUE = re.compile(r"^(?:\d{4}|XXXX)(?:-|$)")


@dataclass(frozen=True, slots=True)
class Span:
    """What a tool found: offsets, and the TIMEX3 value and precision when the tool gives them."""

    start: int
    end: int
    value: str | None = None
    precision: str | None = None
    end_value: str | None = None


@dataclass(slots=True)
class Score:
    """Counts over a set of gold texts.

    >>> s = Score(gold=4, exact=3, found=4); round(s.exact_rate, 2), s.recall
    (0.75, 1.0)
    """

    gold: int = 0
    exact: int = 0  # span, value, end_value and precision all equal
    found: int = 0  # gold expressions overlapped by something the tool returned
    system: int = 0
    false_dates: int = 0  # tool expressions with a date value and no gold expression overlapping them
    false_examples: list[str] = field(default_factory=list)
    misses: list[str] = field(default_factory=list)

    @property
    def exact_rate(self) -> float:
        return self.exact / self.gold if self.gold else 1.0

    @property
    def recall(self) -> float:
        return self.found / self.gold if self.gold else 1.0

    def add(self, other: Score) -> None:
        self.gold += other.gold
        self.exact += other.exact
        self.found += other.found
        self.system += other.system
        self.false_dates += other.false_dates
        self.false_examples.extend(other.false_examples)
        self.misses.extend(other.misses)


def load_gold(paths: Iterable[Path]) -> list[dict[str, Any]]:
    """Every gold line of the given JSONL files, in order.

    >>> load_gold([])
    []
    """
    rows: list[dict[str, Any]] = []
    for path in paths:
        with open(path, encoding="utf-8") as handle:
            rows.extend(json.loads(line) for line in handle if line.strip())
    return rows


def is_date_value(value: str | None) -> bool:
    """True for a value that names a date, week, month or year.

    >>> is_date_value("2025-10-21TAF"), is_date_value("P3D"), is_date_value(None)
    (True, False, False)
    """
    return bool(value) and bool(_DATE_VALUE.match(value or ""))


def _overlaps(a_start: int, a_end: int, b_start: int, b_end: int) -> bool:
    return a_start < b_end and b_start < a_end


def score_text(row: dict[str, Any], found: Sequence[Span]) -> Score:
    """Compare one tool's spans with one gold line.

    >>> row = {"id": "x", "text": "Chiều 21/10", "expressions": [
    ...     {"text": "Chiều 21/10", "start": 0, "value": "2025-10-21TAF", "end_value": None, "precision": "part_of_day"}]}
    >>> s = score_text(row, [Span(0, 11, "2025-10-21TAF", "part_of_day")]); (s.exact, s.false_dates)
    (1, 0)
    """
    text: str = row["text"]
    gold = row["expressions"]
    score = Score(gold=len(gold), system=len(found))
    for g in gold:
        g_end = g["start"] + len(g["text"])
        hits = [s for s in found if _overlaps(s.start, s.end, g["start"], g_end)]
        if hits:
            score.found += 1
        exact = any(
            s.start == g["start"]
            and s.end == g_end
            and s.value == g["value"]
            and s.precision == g["precision"]
            and s.end_value == g["end_value"]
            for s in hits
        )
        if exact:
            score.exact += 1
        else:
            got = (
                ", ".join(f"{text[s.start : s.end]!r}={s.value}/{s.end_value}/{s.precision}" for s in hits)
                or "nothing"
            )
            score.misses.append(
                f"{row['id']}: {g['text']!r} gold {g['value']}/{g['end_value']}/{g['precision']}, got {got}"
            )
    for s in found:
        if not is_date_value(s.value):
            continue
        if not any(_overlaps(s.start, s.end, g["start"], g["start"] + len(g["text"])) for g in gold):
            score.false_dates += 1
            score.false_examples.append(f"{row['id']}: {text[s.start : s.end]!r} -> {s.value}")
    return score
