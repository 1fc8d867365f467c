"""What a language pack holds for the reading stages (cleaning, sentences).

Other domains keep their own parts in ``lang/<iso>/<part>.py`` (``time.py``, ``entities.py``,
``events.py``), each exporting ``RULES``; :func:`newsloom.lang.load_part` finds them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field


@dataclass(frozen=True)
class LanguagePack:
    code: str  # ISO 639-1, or "xx" for the generic fallback
    name: str
    #: lingua's name of the language (``Language.VIETNAMESE``); empty for the generic pack
    lingua: str = ""
    #: tokens after which a period does not end a sentence ("Mr.", "TS.", "dr.")
    abbreviations: frozenset[str] = frozenset()
    #: whole-line patterns of boilerplate, by kind (caption, credit, counter, source_line, ...)
    boilerplate: dict[str, tuple[re.Pattern[str], ...]] = field(default_factory=dict)
    #: a dateline at the start of the body: group "place" is the place
    dateline: re.Pattern[str] | None = None
    #: an author/byline line ("Oleh: Budi", "By Jane Doe"); group "author"
    byline: re.Pattern[str] | None = None
    #: words that are section names on a line of their own ("Quốc tế", "World", "Nasional")
    sections: frozenset[str] = frozenset()
    #: languages lingua confuses with this one on short texts (Indonesian <-> Malay)
    close_relatives: tuple[str, ...] = ()
    #: common words that tell this language apart from its close relatives (lower case)
    distinctive_words: frozenset[str] = frozenset()
    #: common words of the language no other Latin-script language shares, lowercased: two of them
    #: on a line lingua gives to a language without a pack make it this pack's (``newsloom.langid``)
    function_words: frozenset[str] = frozenset()
    #: the language's common words that other languages also have ("in", "is"): half the weight
    shared_function_words: frozenset[str] = frozenset()
    #: the lower-case letters the language writes beyond a-z: a line lingua cannot place is retried
    #: among the first-class languages only when each of its letters is one of theirs ("ł", "ż": not)
    letters: str = ""
    #: letters no other language lingua knows writes (lower case): on a line lingua is unsure of, one
    #: of them makes it this pack's ("Ảnh : Instagram" is Vietnamese, not Portuguese)
    distinctive_letters: str = ""
