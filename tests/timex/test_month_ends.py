""" "The end of the month" and its like are the report's month or year (#13, session 17). Sentences
written here."""

from __future__ import annotations

import pytest

from newsloom.timex import resolve_times


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        ("The ministry will publish its report at the end of the month.", "2025-11-14",
         ("the end of the month", "2025-11", "month")),
        ("Both ports should reopen by the end of the year, the minister said.", "2025-11-14",
         ("the end of the year", "2025", "year")),
        # no publication date: the phrase is found, its month not known
        ("The ministry will publish its report at the end of the month.", None,
         ("the end of the month", None, "month")),
    ],
)  # fmt: skip
def test_the_end_of_the_month_is_the_reports_month(text, published, expected):
    found = [(e.text, e.value, e.precision) for e in resolve_times(text, lang="en", published=published)]
    assert found == [expected]
