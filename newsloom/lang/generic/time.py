"""Time rules safe in any language: ISO and day-month-year numeric dates only.

Words are left to the language packs: a bare "21/10" is a fraction or a score in too many
languages to be read as a date without a pack that says otherwise.
"""

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
