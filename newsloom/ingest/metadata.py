"""Metadata helpers: dates from URLs and strings, normalising values."""

from __future__ import annotations

import re
from datetime import date, datetime

#: "...-20251021201901655.htm" (a timestamp in the slug), "/2025/10/21/", "/2025-10-21/", "20251021"
_URL_DATES = (
    re.compile(r"(?<!\d)(20\d{2})(\d{2})(\d{2})\d{0,9}(?=\D|$)"),
    re.compile(r"/(20\d{2})[/-](\d{1,2})[/-](\d{1,2})(?=/|\b)"),
)


def date_from_url(url: str) -> str | None:
    """ISO date carried by a URL, or None; only plausible calendar dates count."""
    for pattern in _URL_DATES:
        for match in pattern.finditer(url):
            try:
                return date(int(match[1]), int(match[2]), int(match[3])).isoformat()
            except ValueError:
                continue
    return None


def normalise_date(value: str | date | datetime | None) -> str | None:
    """ISO date (YYYY-MM-DD) of a date, datetime or ISO-like string; None if unparseable."""
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    text = str(value).strip()
    match = re.match(r"(\d{4})-(\d{1,2})-(\d{1,2})", text)
    if match:
        try:
            return date(int(match[1]), int(match[2]), int(match[3])).isoformat()
        except ValueError:
            return None
    try:
        from email.utils import parsedate_to_datetime

        return parsedate_to_datetime(text).date().isoformat()
    except (TypeError, ValueError, IndexError):
        return None


def clean_value(value: object) -> str | None:
    """A stripped, single-spaced string, or None for empty values."""
    if value is None:
        return None
    text = re.sub(r"\s+", " ", str(value)).strip()
    return text or None


#: A language tag: a primary subtag, then region or script subtags ("en", "en-US", "pt_BR", "zh-Hant")
_LANGUAGE_TAG = re.compile(r"([A-Za-z]{2,3})(?:[-_][A-Za-z0-9]{1,8})*")


def language_code(value: str) -> str | None:
    """The ISO 639-1 code (639-3 when there is none) of a code, a tag or an English name ('vi',
    'EN-us', 'vie', 'Indonesian'); None when ISO 639 knows no such language."""
    import pycountry

    text = value.strip()
    tag = _LANGUAGE_TAG.fullmatch(text)
    language = None
    if tag:  # a code first: lookup() alone reads "en" as the name of the En language (enc)
        primary = tag[1].lower()
        language = pycountry.languages.get(**{"alpha_2" if len(primary) == 2 else "alpha_3": primary})
    if language is None:
        try:
            language = pycountry.languages.lookup(text)
        except LookupError:
            return None
    return str(getattr(language, "alpha_2", None) or language.alpha_3)
