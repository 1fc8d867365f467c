"""Find time expressions in a text and resolve them to TIMEX3-style values.

The language pack (``lang/<iso>/time.py``) says what dates look like; this module finds every
candidate, keeps the leftmost-longest ones, joins ranges, and resolves each against the publication
date (relative phrases) or the previous resolved day (anaphoric phrases).
"""

from __future__ import annotations

import calendar
import dataclasses
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import cache
from typing import TypeVar, cast

from newsloom.lang import FIRST_CLASS, load_part
from newsloom.timex.rules import TimeRules
from newsloom.timex.types import TimeExpression

_T = TypeVar("_T")

#: How far (characters) guards and cues look around a match.
CONTEXT_CHARS = 40
#: How far back (characters, within the clause) future wording ("sẽ", "will", "akan") counts.
FUTURE_LOOKBACK_CHARS = 80
#: A date without a year goes to the year that puts it nearest the publication date, where a day
#: after publication counts this many times a day before it: news mostly reports what happened.
FUTURE_WEIGHT = 4
#: A leap year to do day arithmetic on dates whose year is unknown (keeps 29 February valid).
_LEAP_YEAR = 2000
#: How far (characters, within the sentence) future wording after the phrase counts: "Chủ nhật, đoàn sẽ về".
FUTURE_LOOKAHEAD_CHARS = 30
#: A phrase opens its clause when at most this many words ("On", "Pada", "Vào") come before it.
CLAUSE_START_WORDS = 1
_SENTENCE_END = re.compile(r"[.!?\n]")
#: Where a clause starts, for the future-wording look-back.
_CLAUSE_BREAK = re.compile(r"[.;:!?\n,—]")

_PLACEHOLDERS = {
    "@D@": r"(?:3[01]|[12][0-9]|0?[1-9])",
    "@M@": r"(?:1[0-2]|0?[1-9])",
    "@Y@": r"(?:19|20)[0-9]{2}",
    # a number starts and ends on its own: not inside "2,4", "VN123", "13/2023/NĐ-CP", "24-25/10"
    "@B@": r"(?<![\w/.,\-–])",
    "@E@": r"(?![\w/]|[.,\-–]\d)",
    # before a day followed by a month name: a dash may join it to a previous date ("24 Juli-3 Agustus")
    "@BN@": r"(?<![\w/.,])",
}

PUBLISHED_FORMATS = "a date, a datetime, or an ISO string 'YYYY-MM-DD' or 'YYYY-MM-DDTHH:MM[:SS][+HH:MM|Z]'"


@dataclass(frozen=True, slots=True)
class _Pattern:
    regex: re.Pattern[str]
    cue_before: re.Pattern[str] | None
    reject_after: re.Pattern[str] | None
    reject_before: re.Pattern[str] | None
    numeric: bool
    emit: bool


@dataclass(frozen=True, slots=True)
class _Compiled:
    rules: TimeRules
    patterns: tuple[_Pattern, ...]
    guard_before: re.Pattern[str] | None
    guard_after: re.Pattern[str] | None
    future_cue: re.Pattern[str] | None
    past_cue: re.Pattern[str] | None
    ranges: tuple[tuple[re.Pattern[str] | None, re.Pattern[str]], ...]
    months: Mapping[str, int]
    weekdays: Mapping[str, int]
    lookups: Mapping[str, Mapping[str, object]]
    direction_before: re.Pattern[str]  # "next" just before a month name
    direction_after: re.Pattern[str]  # "depan" just after it
    direction_inside: re.Pattern[str]  # "tới" ending the match itself ("tháng 9 tới")


@dataclass(slots=True)
class _Piece:
    """A candidate expression before resolution."""

    start: int
    end: int
    order: int
    kind: str  # date | weekday | relative | anaphora | duration | set
    year: int | None = None
    month: int | None = None
    day: int | None = None
    year2: int | None = None
    month2: int | None = None
    day2: int | None = None
    pod: str | None = None
    weekday: int | None = None
    direction: int | None = None
    unit: str | None = None
    offset: int = 0
    value: str | None = None
    emit: bool = True


# -- compiling a language pack ------------------------------------------------------------------


def _key(word: str, case_sensitive: bool) -> str:
    word = " ".join(word.split())
    return word if case_sensitive else word.lower()


def _alternation(words: Iterable[str]) -> str:
    """Lower-case alternation, longest first (patterns run on the lower-cased text)."""
    items = sorted({_key(w, False) for w in words}, key=len, reverse=True)
    if not items:
        return "(?!)"
    return "(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in items) + ")"


def _lookup(mapping: Mapping[str, _T], case_sensitive: bool = False) -> dict[str, _T]:
    return {_key(k, case_sensitive): v for k, v in mapping.items()}


@cache
def _compiled(code: str) -> _Compiled:
    """The pack's patterns with every placeholder filled, compiled once per language."""
    rules: TimeRules = load_part(code, "time")
    generic: TimeRules = load_part("generic", "time")
    if rules is generic and code not in ("xx", "generic"):
        from newsloom.lang.generic.time import rules_for

        rules = rules_for(code)  # no pack of its own: CLDR month names in dates with a year
    fills = dict(_PLACEHOLDERS)
    fills.update(
        {
            "@MNAME@": _alternation(rules.months),
            "@MALONE@": _alternation(rules.months_alone),
            "@WD@": _alternation(rules.weekdays),
            "@POD@": _alternation(rules.parts_of_day),
            "@REL@": _alternation(rules.relative),
            "@PODREL@": _alternation(rules.pod_relative),
            "@RELPOD@": _alternation(rules.relative_pod),
            "@ANA@": _alternation(rules.anaphora),
            "@ANAPOD@": _alternation(rules.anaphora_pod),
            "@DIR@": _alternation(rules.directions),
            "@UNIT@": _alternation(rules.units),
            "@NUM@": r"(?:[0-9]{1,3}|" + _alternation(rules.numbers) + ")",
        }
    )
    specs = list(rules.patterns)
    if rules.include_generic and rules is not generic:
        specs.extend(generic.patterns)

    def fill(template: str) -> str:
        for name, value in fills.items():
            template = template.replace(name, value)
        return template

    def opt(regex: str | None) -> re.Pattern[str] | None:
        return re.compile(regex, re.IGNORECASE) if regex else None

    patterns = tuple(
        _Pattern(
            # no IGNORECASE: matching runs on the lower-cased text, several times faster with Unicode
            regex=re.compile(fill(spec.regex)),
            cue_before=opt(spec.cue_before),
            reject_after=opt(spec.reject_after),
            reject_before=opt(spec.reject_before),
            numeric=spec.numeric,
            emit=spec.emit,
        )
        for spec in specs
    )
    ranges = tuple(
        (
            re.compile(rf"(?:{opener})\s+$", re.IGNORECASE) if opener else None,
            re.compile(rf"\s*(?:{connector})\s*", re.IGNORECASE),
        )
        for opener, connector in rules.range_forms
    )
    lookups: dict[str, Mapping[str, object]] = {
        "pod": _lookup(rules.parts_of_day),
        "rel": _lookup(rules.relative),
        "podrel": _lookup(rules.pod_relative),
        "relpod": _lookup(rules.relative_pod),
        "ana": {**_lookup(rules.anaphora_pod), **_lookup(rules.anaphora)},
        "dir": _lookup(rules.directions),
        "num": _lookup(rules.numbers),
        "unit": _lookup(rules.units),
    }
    return _Compiled(
        rules=rules,
        patterns=patterns,
        guard_before=opt(rules.numeric_guard_before),
        guard_after=opt(rules.numeric_guard_after),
        future_cue=opt(rules.future_cue),
        past_cue=opt(rules.past_cue),
        ranges=ranges,
        months=_lookup(rules.months, rules.month_case_sensitive),
        weekdays=_lookup(rules.weekdays, rules.weekday_case_sensitive),
        lookups=lookups,
        direction_before=re.compile(rf"\b({fills['@DIR@']})\s+$"),
        direction_after=re.compile(rf"\s+({fills['@DIR@']})\b"),
        direction_inside=re.compile(rf"\s({fills['@DIR@']})$"),
    )


# -- finding candidates ----------------------------------------------------------------------------


def _context_ok(pattern: _Pattern, compiled: _Compiled, text: str, start: int, end: int) -> bool:
    before = text[max(0, start - CONTEXT_CHARS) : start]
    after = text[end : end + CONTEXT_CHARS]
    if pattern.cue_before and not pattern.cue_before.search(before):
        return False
    if pattern.reject_before and pattern.reject_before.search(before):
        return False
    if pattern.reject_after and pattern.reject_after.search(after):
        return False
    if pattern.numeric:
        if compiled.guard_before and compiled.guard_before.search(before):
            return False
        if compiled.guard_after and compiled.guard_after.search(after):
            return False
    return True


def _number(compiled: _Compiled, word: str) -> int | None:
    if word.isdigit():
        return int(word)
    value = compiled.lookups["num"].get(_key(word, False))
    return value if isinstance(value, int) else None


def _month_of(compiled: _Compiled, number: str | None, name: str | None) -> int | None:
    if number:
        return int(number)
    if name:
        return compiled.months.get(_key(name, compiled.rules.month_case_sensitive))
    return None


def _valid_day(year: int | None, month: int | None, day: int | None) -> bool:
    if month is None or not 1 <= month <= 12:
        return False
    if day is None:
        return True
    return 1 <= day <= calendar.monthrange(year or _LEAP_YEAR, month)[1]


#: What a reading step returns when the match is not of its kind (None means "no date at all").
_NOT_MINE = object()

_Groups = dict[str, str]


def _interpret(match: re.Match[str], text: str, order: int, compiled: _Compiled) -> _Piece | None:
    """A candidate from one match (on the lower-cased text), or None when its parts make no date."""
    # group texts as written: case matters for "May", "Minggu", "tháng Năm"
    g = {k: text[match.start(k) : match.end(k)] for k, v in match.groupdict().items() if v}
    piece = _Piece(match.start(), match.end(), order, "date")
    if "pod" in g:
        piece.pod = str(compiled.lookups["pod"].get(_key(g["pod"], False)))
    if "wd" in g:
        piece.weekday = compiled.weekdays.get(_key(g["wd"], compiled.rules.weekday_case_sensitive))
        if piece.weekday is None:
            return None  # "monday" where the pack wants "Monday"
    for reading in _READINGS:
        found = reading(g, piece, compiled)
        if found is not _NOT_MINE:
            return cast("_Piece | None", found)
    month = _month_of(compiled, g.get("month"), g.get("mname"))
    if "mname" in g and month is None or "mname2" in g and _month_of(compiled, None, g["mname2"]) is None:
        return None  # "may" the verb, "tháng năm" (months and years)
    if "rel" in g:
        return _read_relative(g, piece, compiled, month)
    if piece.weekday is not None and "day" not in g:
        piece.kind = "weekday"
        if "dir" in g:
            piece.direction = int(compiled.lookups["dir"][_key(g["dir"], False)])  # type: ignore[call-overload]
        return piece
    return _read_absolute(g, piece, compiled, month)


def _read_set(g: _Groups, piece: _Piece, compiled: _Compiled) -> object:
    """A TIMEX3 set: "every Monday", "mỗi tuần"."""
    if "setwd" in g:
        weekday = compiled.weekdays.get(_key(g["setwd"], compiled.rules.weekday_case_sensitive))
        if weekday is None:
            return None
        piece.kind, piece.value = "set", f"XXXX-WXX-{weekday + 1}"
        return piece
    if "setunit" in g:
        count = _number(compiled, g["setnum"]) if "setnum" in g else 1
        if not count:
            return None
        unit = str(compiled.lookups["unit"][_key(g["setunit"], False)])
        piece.kind, piece.value = "set", _duration(count, unit)
        return piece
    return _NOT_MINE


def _read_count(g: _Groups, piece: _Piece, compiled: _Compiled) -> object:
    """A count of units: "two days later", "three weeks ago", "for five days"."""
    if "num" not in g or "unit" not in g:
        return _NOT_MINE
    count = _number(compiled, g["num"])
    letter = str(compiled.lookups["unit"][_key(g["unit"], False)])
    if not count:
        return None
    if "later" in g or "earlier" in g:  # "hai ngày sau", "two days later": from the previous day
        days = {"D": 1, "W": 7}.get(letter)
        if days is None:
            return None
        piece.kind, piece.offset = "anaphora", count * days * (1 if "later" in g else -1)
        return piece
    if "ago" in g:
        if letter not in _AGO_UNITS:
            return None
        unit, scale = _AGO_UNITS[letter]
        piece.kind, piece.unit, piece.offset = "relative", unit, -count * scale
        return piece
    piece.kind, piece.value = "duration", _duration(count, letter)
    return piece


def _read_anaphora(g: _Groups, piece: _Piece, compiled: _Compiled) -> object:
    """Anaphora: "in the evening" (the part of the previous day), "the same day", "the next day"."""
    look = compiled.lookups
    if "same" in g:
        piece.kind = "anaphora"
        return piece
    if "ana" in g:
        piece.kind, piece.offset = "anaphora", int(look["ana"][_key(g["ana"], False)])  # type: ignore[call-overload]
        return piece
    return _NOT_MINE


def _read_part_of_day(g: _Groups, piece: _Piece, compiled: _Compiled) -> object:
    """A day relative to publication with its part: "last night", "sáng mai", "tomorrow morning"."""
    look = compiled.lookups
    if "relpod" in g:
        day_offset, part = cast(tuple[int, str], look["relpod"][_key(g["relpod"], False)])
        piece.kind, piece.unit, piece.offset, piece.pod = "relative", "day", day_offset, part
        return piece
    if "podrel" in g:
        piece.kind, piece.unit = "relative", "day"
        piece.offset = int(look["podrel"][_key(g["podrel"], False)])  # type: ignore[call-overload]
        return piece
    return _NOT_MINE


#: The readings tried in order before a match is read as a relative, weekday or absolute date.
_READINGS = (_read_set, _read_anaphora, _read_count, _read_part_of_day)


def _read_relative(g: _Groups, piece: _Piece, compiled: _Compiled, month: int | None) -> _Piece | None:
    """A unit shifted from publication: "next week", "last year", "tháng 9 năm sau"."""
    unit, shift = cast(tuple[str, int], compiled.lookups["rel"][_key(g["rel"], False)])
    piece.kind, piece.unit, piece.offset = "relative", unit, shift
    if piece.weekday is not None:
        return piece if unit == "week" else None
    if month is not None:
        if unit != "year":
            return None
        piece.month = month
    return piece


def _read_absolute(g: _Groups, piece: _Piece, compiled: _Compiled, month: int | None) -> _Piece | None:
    """An absolute date, month, year or range."""
    piece.year = int(g["year"]) if "year" in g else None
    piece.month = month
    piece.day = int(g["day"]) if "day" in g else None
    if compiled.rules.swap_invalid_day_month and piece.day and piece.month and piece.month > 12 >= piece.day:
        piece.day, piece.month = piece.month, piece.day
    if "day2" in g or "year2" in g:
        return _read_range(g, piece, compiled)
    if piece.month is None:
        return piece if piece.year is not None and piece.day is None else None
    return piece if _valid_day(piece.year, piece.month, piece.day) else None


def _read_range(g: _Groups, piece: _Piece, compiled: _Compiled) -> _Piece | None:
    """A range, both ends valid and in order: "từ ngày 24 đến 25-10", "from 2020 to 2025"."""
    piece.year2 = int(g["year2"]) if "year2" in g else None
    piece.month2 = _month_of(compiled, g.get("month2"), g.get("mname2"))
    piece.day2 = int(g["day2"]) if "day2" in g else None
    if piece.day is not None:  # the start takes the end's month
        piece.month = piece.month or piece.month2
        piece.month2 = piece.month2 or piece.month
    if piece.year is None and piece.year2 is not None and piece.day is not None:
        piece.year = piece.year2
    if piece.day is None and piece.month is None:  # a range of years
        return piece if piece.year and piece.year2 and piece.year2 > piece.year else None
    if not (
        _valid_day(piece.year, piece.month, piece.day) and _valid_day(piece.year2, piece.month2, piece.day2)
    ):
        return None
    if (piece.month2 or 0, piece.day2 or 0) <= (piece.month or 0, piece.day or 0):
        return None
    return piece


def _lower(text: str) -> str:
    """``text`` lower-cased with every offset kept ("İ" lowers to two characters: it stays as it is)."""
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(ch if len(ch.lower()) != 1 else ch.lower() for ch in text)


#: Units of "N ... ago": (relative unit, how many of it one counts for).
_AGO_UNITS = {"D": ("day", 1), "W": ("week", 1), "M": ("month", 1), "Y": ("year", 1), "DE": ("year", 10)}


def _duration(count: int, letter: str) -> str:
    """TIMEX3 duration: P3D, P2W, PT420H; decades as years (P20Y)."""
    if letter == "H":
        return f"PT{count}H"
    if letter == "DE":
        return f"P{count * 10}Y"
    return f"P{count}{letter}"


def _candidates(text: str, compiled: _Compiled) -> list[_Piece]:
    lowered = _lower(text)
    found: list[_Piece] = []
    for order, pattern in enumerate(compiled.patterns):
        pos = 0
        while (match := pattern.regex.search(lowered, pos)) is not None:
            start, end = match.span()
            piece = None
            if end > start and _context_ok(pattern, compiled, text, start, end):
                piece = _interpret(match, text, order, compiled)
            if piece is None:
                pos = start + 1  # a shorter reading may start inside ("monday, October 21")
                continue
            piece.emit = pattern.emit
            found.append(piece)
            pos = end
    return found


def _select(pieces: list[_Piece]) -> list[_Piece]:
    """Leftmost-longest, the pack's earlier pattern winning a tie."""
    chosen: list[_Piece] = []
    last_end = -1
    for piece in sorted(pieces, key=lambda p: (p.start, -(p.end - p.start), p.order)):
        if piece.start >= last_end:
            chosen.append(piece)
            last_end = piece.end
    return chosen


def _granularity(piece: _Piece) -> str | None:
    if piece.kind != "date" or piece.pod or piece.year2 is not None or piece.day2 is not None:
        return None
    if piece.day is not None:
        return "day"
    return "month" if piece.month is not None else "year"


def _join_ranges(text: str, pieces: list[_Piece], compiled: _Compiled) -> list[_Piece]:
    """Join two dates of one granularity into a range: "từ 20/10 đến 25/10", "from 2020 to 2025"."""
    result: list[_Piece] = []
    for piece in pieces:
        prev = result[-1] if result else None
        grain = _granularity(piece)
        if prev is not None and grain is not None and _granularity(prev) == grain:
            between = text[prev.end : piece.start]
            for opener, connector in compiled.ranges:
                if not connector.fullmatch(between):
                    continue
                start = prev.start
                if opener is not None:
                    window = max(0, prev.start - CONTEXT_CHARS)
                    found = opener.search(text, window, prev.start)
                    if not found:
                        continue
                    start = found.start()
                year = prev.year
                if year is None and piece.year is not None:
                    later = (piece.month or 0, piece.day or 0) >= (prev.month or 0, prev.day or 0)
                    year = piece.year if later else piece.year - 1
                if (year, prev.month or 0, prev.day or 0) >= (
                    piece.year or year,
                    piece.month or 0,
                    piece.day or 0,
                ):
                    continue
                result[-1] = dataclasses.replace(
                    prev,
                    start=start,
                    end=piece.end,
                    year=year,
                    year2=piece.year,
                    month2=piece.month,
                    day2=piece.day,
                )
                if grain == "year":
                    result[-1].year2 = piece.year
                break
            else:
                result.append(piece)
            continue
        result.append(piece)
    return result


# -- resolving -------------------------------------------------------------------------------------


def _is_future(text: str, start: int, end: int, compiled: _Compiled) -> bool:
    """Future wording in the clause before the phrase, or, for a phrase opening its clause, just after it.

    "Chủ nhật, đoàn sẽ về nước" is future; "On Monday, he said the talks will go on" is not.
    """
    if compiled.future_cue is None:
        return False
    window = text[max(0, start - FUTURE_LOOKBACK_CHARS) : start]
    breaks = list(_CLAUSE_BREAK.finditer(window))
    clause = window[breaks[-1].end() :] if breaks else window
    if compiled.future_cue.search(clause):
        return True
    if len(clause.split()) > CLAUSE_START_WORDS:
        return False  # "which began in July, are expected to ...": the phrase is inside its clause
    ahead = _SENTENCE_END.split(text[end : end + FUTURE_LOOKAHEAD_CHARS], 1)[0]
    cue = compiled.future_cue.search(ahead)
    if cue is None:
        return False
    stop = compiled.past_cue.search(ahead) if compiled.past_cue else None
    return stop is None or stop.start() > cue.start()


def _direction(text: str, start: int, end: int, compiled: _Compiled) -> int | None:
    """The pack's direction word right before or after a month ("next September", "Juli depan",
    "tháng 9 tới"): 1 forward, -1 back, 0 this one; None when there is none."""
    found = (
        compiled.direction_before.search(_lower(text[max(0, start - 24) : start]))
        or compiled.direction_inside.search(_lower(text[start:end]))
        or compiled.direction_after.match(_lower(text[end : end + 24]))
    )
    if found is None:
        return None
    return int(compiled.lookups["dir"].get(_key(found.group(1), False), 0))  # type: ignore[call-overload]


def _nearest_year(month: int, day: int | None, published: date, future: bool) -> int:
    """The year that puts (month, day) nearest the publication date; after it only if near or future."""
    best, best_cost = published.year, float("inf")
    for year in (published.year - 1, published.year, published.year + 1):
        last = calendar.monthrange(year, month)[1]
        when = date(year, month, min(day, last) if day else 15)
        if future:
            end = date(year, month, min(day, last) if day else last)
            cost = float((end - published).days) if end >= published else float("inf")
        elif when <= published:
            cost = float((published - when).days)
        else:
            cost = float((when - published).days * FUTURE_WEIGHT)
        if cost < best_cost:
            best, best_cost = year, cost
    return best


def _shift_month(year: int, month: int, offset: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + offset
    return index // 12, index % 12 + 1


def _day_value(year: int | None, month: int, day: int, pod: str | None = None) -> str:
    value = f"{year:04d}" if year is not None else "XXXX"
    value += f"-{month:02d}-{day:02d}"
    return value + (f"T{pod}" if pod else "")


def _week_value(day: date) -> str:
    iso_year, iso_week, _ = day.isocalendar()
    return f"{iso_year}-W{iso_week:02d}"


def _relative(piece: _Piece, published: date) -> tuple[str, str, date | None]:
    """(value, precision, day) of a phrase relative to the publication date."""
    unit, offset = piece.unit, piece.offset
    if piece.weekday is not None:  # "thứ Ba tuần trước"
        monday = published - timedelta(days=published.weekday()) + timedelta(weeks=offset)
        day = monday + timedelta(days=piece.weekday)
        return _day_value(day.year, day.month, day.day, piece.pod), _day_precision(piece), day
    if unit == "day":
        day = published + timedelta(days=offset)
        return _day_value(day.year, day.month, day.day, piece.pod), _day_precision(piece), day
    if unit == "week":
        return _week_value(published + timedelta(weeks=offset)), "week", None
    if unit == "month":
        year, month = _shift_month(published.year, published.month, offset)
        return f"{year:04d}-{month:02d}", "month", None
    year = published.year + offset
    if piece.month is not None:  # "tháng 10 năm ngoái"
        return f"{year:04d}-{piece.month:02d}", "month", None
    return f"{year:04d}", "year", None


def _day_precision(piece: _Piece) -> str:
    return "part_of_day" if piece.pod else "day"


def _weekday(piece: _Piece, published: date, future: bool) -> date:
    weekday = piece.weekday or 0
    if piece.direction == -1:
        back = (published.weekday() - weekday) % 7 or 7
        return published - timedelta(days=back)
    if piece.direction == 1:
        ahead = (weekday - published.weekday()) % 7 or 7
        return published + timedelta(days=ahead)
    if piece.direction == 0:
        return published - timedelta(days=published.weekday()) + timedelta(days=weekday)
    if future:
        return published + timedelta(days=(weekday - published.weekday()) % 7)
    return published - timedelta(days=(published.weekday() - weekday) % 7)


_UNRESOLVED = object()

#: A day this many days or more before publication is background ("nhậm chức ngày 22/12/1993"), not
#: the narrative's day: "Tối cùng ngày" after it still refers to the last day of the report itself.
HISTORICAL_DAYS = 366


def _historical(day_of: tuple[int | None, int, int] | object, published: date | None) -> bool:
    if published is None or not isinstance(day_of, tuple) or day_of[0] is None:
        return False
    year, month, day = day_of
    return (published - date(year, month, day)).days >= HISTORICAL_DAYS


def _resolve(
    text: str, pieces: list[_Piece], published: date | None, compiled: _Compiled
) -> list[TimeExpression]:
    results: list[TimeExpression] = []
    # the last day resolved so far (year may be None); _UNRESOLVED after a day that could not be
    previous: tuple[int | None, int, int] | object | None = None
    for piece in pieces:
        value: str | None = None
        end_value: str | None = None
        precision = "day"
        anchor = "absolute"
        day_of: tuple[int | None, int, int] | object | None = None
        if piece.kind in ("duration", "set"):
            value, precision = piece.value, piece.kind
        elif piece.kind == "anaphora":
            precision, anchor = _day_precision(piece), "previous"
            if isinstance(previous, tuple):
                year, month, day = previous
                moved = date(year or _LEAP_YEAR, month, day) + timedelta(days=piece.offset)
                out_year = moved.year if year is not None else None
                value = _day_value(out_year, moved.month, moved.day, piece.pod)
                day_of = (out_year, moved.month, moved.day)
            else:
                value, anchor, day_of = None, "unresolved", _UNRESOLVED
        elif piece.kind == "relative":
            precision = {"day": _day_precision(piece), "week": "week", "month": "month", "year": "year"}[
                piece.unit or "day"
            ]
            if piece.weekday is not None:
                precision = _day_precision(piece)
            elif piece.month is not None:
                precision = "month"
            if published is None:
                value, anchor = None, "unresolved"
                day_of = _UNRESOLVED if precision in ("day", "part_of_day") else None
            else:
                value, precision, day = _relative(piece, published)
                anchor = "published"
                day_of = (day.year, day.month, day.day) if day else None
        elif piece.kind == "weekday":
            precision = _day_precision(piece)
            if published is None:
                value, anchor, day_of = None, "unresolved", _UNRESOLVED
            else:
                day = _weekday(piece, published, _is_future(text, piece.start, piece.end, compiled))
                value, anchor = _day_value(day.year, day.month, day.day, piece.pod), "published"
                day_of = (day.year, day.month, day.day)
        else:
            value, end_value, precision, anchor, day_of = _resolve_date(text, piece, published, compiled)
        if day_of is not None and not _historical(day_of, published):
            previous = day_of
        results.append(
            TimeExpression(
                start=piece.start,
                end=piece.end,
                text=text[piece.start : piece.end],
                value=value,
                precision=precision,
                anchor=anchor,
                end_value=end_value,
            )
        )
    return results


def _resolve_date(
    text: str, piece: _Piece, published: date | None, compiled: _Compiled
) -> tuple[str | None, str | None, str, str, tuple[int | None, int, int] | None]:
    """(value, end_value, precision, anchor, day) of an absolute date, month, year or range."""
    anchor = "absolute"
    year = piece.year
    if year is None and piece.month is not None and published is not None:
        direction = _direction(text, piece.start, piece.end, compiled)
        future = direction == 1 or (direction is None and _is_future(text, piece.start, piece.end, compiled))
        if piece.month2 is not None and piece.year2 is None:
            # a range is placed by its end ("January-October" in November is this year's)
            year = _nearest_year(piece.month2, piece.day2, published, future)
            if (piece.month, piece.day or 0) > (piece.month2, piece.day2 or 0):
                year -= 1
        else:
            year = _nearest_year(piece.month, piece.day, published, future)
        anchor = "published"
    if piece.month is None:
        value = f"{year:04d}" if year is not None else None
        if piece.year2 is not None:
            return value, f"{piece.year2:04d}", "range", anchor, None
        return value, None, "year", anchor, None
    if piece.day is None:
        value = f"{year:04d}-{piece.month:02d}" if year is not None else f"XXXX-{piece.month:02d}"
        if piece.month2 is not None:
            year2 = piece.year2 if piece.year2 is not None else year
            end = f"{year2:04d}-{piece.month2:02d}" if year2 is not None else f"XXXX-{piece.month2:02d}"
            return value, end, "range", anchor, None
        return value, None, "month", anchor, None
    value = _day_value(year, piece.month, piece.day, piece.pod)
    if piece.day2 is not None and piece.month2 is not None:
        year2 = piece.year2 if piece.year2 is not None else year
        if year2 is not None and year is not None and (piece.month2, piece.day2) < (piece.month, piece.day):
            year2 = year + 1
        return (
            value,
            _day_value(year2, piece.month2, piece.day2),
            "range",
            anchor,
            (year, piece.month, piece.day),
        )
    return value, None, _day_precision(piece), anchor, (year, piece.month, piece.day)


_DAY_VALUE = re.compile(r"^(?:\d{4}|XXXX)-\d{2}-\d{2}")


def _join_resolved(text: str, exprs: list[TimeExpression], compiled: _Compiled) -> list[TimeExpression]:
    """Join two resolved days after an opener into a range: "Từ thứ Ba đến Chủ nhật tuần này", "từ đêm nay đến 16/11"."""
    result: list[TimeExpression] = []
    for expr in exprs:
        prev = result[-1] if result else None
        if prev is not None and _joinable(prev, expr):
            between = text[prev.end : expr.start]
            for opener, connector in compiled.ranges:
                if opener is None or not connector.fullmatch(between):
                    continue
                found = opener.search(text, max(0, prev.start - CONTEXT_CHARS), prev.start)
                if found is None:
                    continue
                start = found.start()
                result[-1] = TimeExpression(
                    start=start,
                    end=expr.end,
                    text=text[start : expr.end],
                    value=(prev.value or "")[:10],
                    precision="range",
                    anchor=prev.anchor,
                    end_value=(expr.value or "")[:10],
                )
                break
            else:
                result.append(expr)
            continue
        result.append(expr)
    return result


def _joinable(first: TimeExpression, second: TimeExpression) -> bool:
    if first.end_value is not None or second.end_value is not None:
        return False
    if not (_DAY_VALUE.match(first.value or "") and _DAY_VALUE.match(second.value or "")):
        return False
    a, b = (first.value or "")[:10], (second.value or "")[:10]
    return a[:4].isdigit() == b[:4].isdigit() and a < b


# -- the public function ---------------------------------------------------------------------------


def _language_code(lang: object) -> str:
    if not isinstance(lang, str):
        raise TypeError(
            f"resolve_times() needs `lang` as a language code string such as 'vi', not {type(lang).__name__}."
        )
    primary = lang.strip().lower().replace("_", "-").split("-")[0]
    if not re.fullmatch(r"[a-z]{2,3}", primary):
        raise ValueError(
            f"Unknown language code {lang!r} for `lang`. Use an ISO 639-1 code: the first-class packs are "
            f"{', '.join(FIRST_CLASS)}; any other code (e.g. 'fr') uses the generic rules (numeric dates, CLDR month names with a year)."
        )
    return primary


def parse_published(published: date | datetime | str | None) -> date | None:
    """The publication date as a ``date`` (None stays None); a clear error for anything else.

    >>> parse_published("2025-10-21T09:30:00+07:00")
    datetime.date(2025, 10, 21)
    """
    if published is None:
        return None
    if isinstance(published, datetime):
        return published.date()
    if isinstance(published, date):
        return published
    if not isinstance(published, str):
        raise TypeError(f"`published` must be {PUBLISHED_FORMATS}, or None; got {type(published).__name__}.")
    raw = published.strip()
    try:
        if len(raw) == 10:
            return date.fromisoformat(raw)
        return datetime.fromisoformat(raw.replace("Z", "+00:00")).date()
    except ValueError:
        raise ValueError(
            f"Cannot read `published`={published!r}: give {PUBLISHED_FORMATS}, or None."
        ) from None


def resolve_times(text: str, *, lang: str, published: date | datetime | str | None) -> list[TimeExpression]:
    """Every time expression of ``text`` with its TIMEX3-style value, in order.

    ``published`` anchors relative phrases ("hôm qua", "on Tuesday"); without it they come back with
    ``value=None`` and ``anchor="unresolved"`` while absolute dates keep what they say.

    >>> [(t.text, t.value, t.precision) for t in resolve_times("Chiều 21/10, ...", lang="vi", published="2025-10-22")]
    [('Chiều 21/10', '2025-10-21TAF', 'part_of_day')]
    """
    if isinstance(text, (bytes, bytearray)):
        raise TypeError("`text` is bytes: decode it first, e.g. resolve_times(data.decode('utf-8'), ...).")
    if not isinstance(text, str):
        raise TypeError(f"`text` must be a str, not {type(text).__name__}.")
    code = _language_code(lang)
    when = parse_published(published)
    if not text.strip():
        return []
    compiled = _compiled(code)
    chosen = [piece for piece in _select(_candidates(text, compiled)) if piece.emit]
    pieces = _join_ranges(text, chosen, compiled)
    return _join_resolved(text, _resolve(text, pieces, when, compiled), compiled)
