"""How well newsloom reads a language: first-class (a language pack with rules of its own, found
in ``newsloom/lang/``) or basic support (the generic pack), and what basic support means."""

from __future__ import annotations

from typing import Final, Literal

from newsloom.lang import FIRST_CLASS
from newsloom.views.common import Model

Level = Literal["first-class", "basic"]
FULL: Final = "first-class"
BASIC: Final = "basic"
#: What a reader of a language without a pack should expect, in one sentence.
BASIC_NOTE = (
    "Read with basic support only: no language pack for {language}, so names are found by generic "
    "patterns, dates written in words are not resolved, and events are found by generic triggers; "
    "expect fewer and weaker results than for {first_class}."
)
UNKNOWN_NOTE = "The language was not recognised: read with basic support only (see the article's text)."


class Support(Model):
    """The support level of one language and what it means."""

    language: str | None
    level: Level
    note: str


def support_of(language: str | None) -> Support:
    """First-class when ``newsloom/lang/<language>/`` has extraction rules of its own, else basic."""
    if language and language in FIRST_CLASS:
        return Support(language=language, level=FULL, note="")
    if not language:
        return Support(language=None, level=BASIC, note=UNKNOWN_NOTE)
    note = BASIC_NOTE.format(language=language, first_class=", ".join(FIRST_CLASS))
    return Support(language=language, level=BASIC, note=note)


def basic_languages(counts: dict[str, int]) -> dict[str, int]:
    """The languages of ``counts`` read with basic support only, with their counts."""
    return {lang: n for lang, n in sorted(counts.items()) if support_of(lang).level == BASIC}
