"""Time expressions: find and resolve date phrases against the publication date."""

from newsloom.timex.resolve import resolve_times
from newsloom.timex.types import TimeExpression

__all__ = ["TimeExpression", "resolve_times"]
