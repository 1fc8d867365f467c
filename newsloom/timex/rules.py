"""What a language pack knows about time expressions (``lang/<iso>/time.py`` exports ``RULES``).

A pack gives vocabularies (month and weekday names, parts of the day, relative and anaphoric
phrases, duration units) and the surface forms of its dates as regex templates. A template names
its parts with groups the resolver understands and uses ``@NAME@`` placeholders that the resolver
fills from the vocabularies once per language:

``@D@`` day 1-31, ``@M@`` month 1-12, ``@Y@`` a 4-digit year, ``@B@``/``@E@`` number boundaries,
``@MNAME@`` month names, ``@MALONE@`` month names safe without a day or year, ``@WD@`` weekdays,
``@POD@`` parts of the day, ``@REL@`` relative phrases, ``@PODREL@`` day words after/before a part
of the day, ``@RELPOD@`` fixed day+part phrases, ``@ANA@``/``@ANAPOD@`` anaphoric phrases,
``@DIR@`` direction words of a weekday, ``@NUM@`` numbers, ``@UNIT@`` duration units.

Groups: ``day month mname year`` (and ``day2 month2 mname2 year2`` for the end of a range),
``pod wd dir rel podrel relpod ana same num unit ago later earlier setwd setnum setunit``
(``same``: the part of day ``pod`` of the previous day, "in the evening");
``@BN@`` is a number boundary that allows a dash before it ("24 Juli-3 Agustus").
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field


@dataclass(frozen=True)
class TimePattern:
    """One surface form of a time expression, with the context it needs.

    >>> TimePattern(r"(?P<rel>@REL@)").numeric
    False
    """

    regex: str
    #: the text just before the match must end with this (a bare year needs "in ", "pada ", ...)
    cue_before: str | None = None
    #: the match is dropped when the text just after it starts with this
    reject_after: str | None = None
    #: the match is dropped when the text just before it ends with this
    reject_before: str | None = None
    #: digits carry the date: the pack's numeric guards (decree numbers, money, scores) apply
    numeric: bool = False
    #: False for a phrase that must win its span and yield nothing ("akhir pekan lalu", a weekend)
    emit: bool = True


@dataclass(frozen=True)
class TimeRules:
    """Time vocabulary and date forms of one language.

    >>> TimeRules(code="xx").weekday_case_sensitive
    False
    """

    code: str
    #: month name or abbreviation -> 1..12 ("tháng Mười", "Oct", "Oktober")
    months: Mapping[str, int] = field(default_factory=dict)
    #: month names that are safe alone (no day or year next to them): not "May", "March"
    months_alone: tuple[str, ...] = ()
    month_case_sensitive: bool = False
    #: weekday name -> 0 (Monday) .. 6 (Sunday)
    weekdays: Mapping[str, int] = field(default_factory=dict)
    weekday_case_sensitive: bool = False
    #: part-of-day word -> TIMEX3 code without the T: MO, MI, AF, EV, NI
    parts_of_day: Mapping[str, str] = field(default_factory=dict)
    #: relative phrase -> (unit, offset): "hôm qua" -> ("day", -1), "last week" -> ("week", -1)
    relative: Mapping[str, tuple[str, int]] = field(default_factory=dict)
    #: day word used next to a part of the day -> day offset: "nay" 0, "qua" -1, "yesterday" -1
    pod_relative: Mapping[str, int] = field(default_factory=dict)
    #: fixed day + part phrases -> (day offset, part): "tonight" -> (0, "NI")
    relative_pod: Mapping[str, tuple[int, str]] = field(default_factory=dict)
    #: anaphoric phrase -> day offset from the previous resolved day: "cùng ngày" 0, "the next day" 1
    anaphora: Mapping[str, int] = field(default_factory=dict)
    #: anaphoric words used only with a part of the day ("that" in "that evening") -> day offset
    anaphora_pod: Mapping[str, int] = field(default_factory=dict)
    #: direction word of a weekday -> -1 last, 0 this week, +1 next ("lalu", "next", "tới")
    directions: Mapping[str, int] = field(default_factory=dict)
    #: number words -> value ("hai" 2, "three" 3, "lima" 5)
    numbers: Mapping[str, int] = field(default_factory=dict)
    #: duration unit -> TIMEX3 letter D, W, M, Y, H (hours), DE (decades)
    units: Mapping[str, str] = field(default_factory=dict)
    #: future wording looked for in the clause before (or just after) a weekday or a date without a year
    future_cue: str | None = None
    #: reporting or past wording that ends the look-ahead for future wording ("said", "cho biết")
    past_cue: str | None = None
    #: (opener or None, connector) regexes joining two dates into a range ("từ" .. "đến")
    range_forms: tuple[tuple[str | None, str], ...] = ()
    #: a numeric date is not one when the text before it ends with this (decree/flight numbers, scores)
    numeric_guard_before: str | None = None
    #: ... or when the text after it starts with this (units, percent, "/NĐ-CP")
    numeric_guard_after: str | None = None
    #: numeric dates are month-first when day-first is impossible (US style "10/21/2025")
    swap_invalid_day_month: bool = False
    #: the language's date forms, tried in order (earlier wins a tie of the same span)
    patterns: tuple[TimePattern, ...] = ()
    #: also use the script-neutral forms of ``lang/generic/time.py`` (ISO and numeric dates)
    include_generic: bool = True
