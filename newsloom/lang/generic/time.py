"""Time rules safe in any language: ISO and day-month-year numeric dates, and CLDR month names with a year.

Words are left to the language packs: a bare "21/10" is a fraction or a score in too many
languages to be read as a date without a pack that says otherwise. For a language without a pack,
:func:`rules_for` adds its CLDR month names (babel) in dates that carry a year: "21 octobre 2025",
"21. Oktober 2025", "21 de octubre de 2025", "октября 2025".
"""

from __future__ import annotations

import dataclasses
from functools import cache

from newsloom.timex.rules import TimePattern, TimeRules

#: Before a number that is an identifier, not a date: "No. 13/2023", "#12/10", "số 13/2023".
NUMERIC_GUARD_BEFORE = r"(?:\b(?:No|Nr|Nº|N°)\.?\s*|[#№]\s*)$"
#: After a number that is not a date: a percent sign, a decree suffix ("/NĐ-CP", "/QH15"), more digits.
NUMERIC_GUARD_AFTER = r"^(?:\s*%|\s*‰|/\s*[^\W\d_]|[/\-.]\d)"

RULES = TimeRules(
    code="xx",
    numeric_guard_before=NUMERIC_GUARD_BEFORE,
    numeric_guard_after=NUMERIC_GUARD_AFTER,
    patterns=(
        # 2025-10-21 (ISO 8601)
        TimePattern(
            r"@B@(?P<year>@Y@)-(?P<month>1[0-2]|0[1-9])-(?P<day>3[01]|[12][0-9]|0[1-9])@E@", numeric=True
        ),
        # 21/10/2025, 21-10-2025, 21.10.2025
        TimePattern(r"@B@(?P<day>@D@)(?P<sep>[/.\-])(?P<month>@M@)(?P=sep)(?P<year>@Y@)@E@", numeric=True),
    ),
    include_generic=False,
)


#: CLDR dates: a day, a month name and a year ("de" joins them in Spanish and Portuguese).
CLDR_PATTERNS = (
    TimePattern(
        r"@B@(?P<day>@D@)\.?\s+(?:de\s+)?(?P<mname>@MNAME@)\s+(?:de\s+)?(?P<year>@Y@)@E@", numeric=True
    ),
    TimePattern(r"(?P<mname>@MNAME@)\s+@B@(?P<day>@D@),?\s+(?P<year>@Y@)@E@", numeric=True),
    TimePattern(r"(?P<mname>@MNAME@)\s+(?:de\s+)?(?P<year>@Y@)@E@", numeric=True),
)


@cache
def rules_for(code: str) -> TimeRules:
    """The generic rules with the CLDR month names of ``code``; the plain rules when babel does not know it.

    >>> rules_for("fr").months["octobre"]
    10
    """
    try:
        from babel import Locale

        locale = Locale.parse(code)
    except Exception:  # babel raises several kinds for unknown or malformed codes
        return RULES
    months: dict[str, int] = {}
    for context in ("format", "stand-alone"):
        for width in ("wide", "abbreviated"):
            for number, name in locale.months[context][width].items():
                name = str(name).strip()
                # a name of one or two letters, or one with digits ("10月"), is not safe to look for
                if len(name.rstrip(".")) >= 3 and not any(ch.isdigit() for ch in name):
                    months.setdefault(name, int(number))
    if not months:
        return RULES
    return dataclasses.replace(RULES, code=code, months=months, patterns=RULES.patterns + CLDR_PATTERNS)
