"""The words that list actors ("Việt Nam và Lào", "X and Y") or join a partner to one ("with X",
"bersama X"), as patterns built from the language packs' ``conjunctions``, ``comitatives``,
``list_determiners`` and ``complementizers``, and the words that end a person's appositive
(``appositive_stops``) or go on with a subject's next predicate (``additive_adverbs``)
(``lang/<iso>/events.py``).

The events stage builds one :class:`ListWords` from the packs of the languages it is built for
(``EventSettings.languages``): a sentence names its actors in its own language, but a list inside it
may come from another ("the Việt Nam–Laos and ASEAN ..."), and a sentence read in the wrong language
still lists its actors.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache

from newsloom.events.rules import EventRules
from newsloom.lang import FIRST_CLASS, GENERIC, load_part


def alternation(words: Iterable[str]) -> str:
    """A regex alternation of literal words or phrases (longest first; a space is any whitespace)."""
    unique = sorted(set(words), key=lambda w: (-len(w), w))
    return "|".join(r"\s+".join(re.escape(part) for part in word.split()) for word in unique) or r"(?!)"


@dataclass(frozen=True)
class ListWords:
    """Compiled patterns of the gaps between two actors, from the words of several packs."""

    #: a comma or a conjunction between two actors of a list (incl. "the UN's and UNODC's")
    list_gap: re.Pattern[str]
    #: a conjunction and then only the next actor's title ("and South African President" X)
    conj_then_title: re.Pattern[str]
    #: between a trigger that needs two sources and its object: a co-actor ("co-chaired with X")
    co_actor_gap: re.Pattern[str]
    #: a gap ending with a conjunction or a "with" word: a comma list closes there
    conj_gap: re.Pattern[str]
    #: a gap that opens with a conjunction ("và Bộ trưởng Bộ Tư pháp ...")
    conj_then_any: re.Pattern[str]
    #: the gap of "between X and Y" (a dash too: "the Việt Nam–Laos talks")
    pair_gap: re.Pattern[str]
    #: after an appositive, the conjunction and the last one's title (group "title")
    closing_title: re.Pattern[str]
    #: a word between a reporting verb and the subject it reports ("that", "rằng", "bahwa")
    complementizer: re.Pattern[str]
    #: a word (or ";") that ends the appositive after a person's name ("who", "để", "yang")
    appositive_stop: re.Pattern[str]
    #: after a clause conjunction, an adverb opening the same subject's next predicate ("also", "cũng")
    additive: re.Pattern[str]

    @classmethod
    def from_rules(cls, packs: Sequence[EventRules]) -> ListWords:
        """The patterns of the union of the packs' words."""
        conj = alternation(w for p in packs for w in p.conjunctions)
        joined = alternation(w for p in packs for w in (*p.conjunctions, *p.comitatives))
        comitative = alternation(w for p in packs for w in p.comitatives)
        det = alternation(w for p in packs for w in p.list_determiners)
        complementizer = alternation(w for p in packs for w in p.complementizers)
        stops = alternation(w for p in packs for w in p.appositive_stops)
        additive = alternation(w for p in packs for w in p.additive_adverbs)
        return cls(
            list_gap=re.compile(
                rf"^\s*\)?\s*(?:['’]s)?\s*(?:,|,?\s*(?:{joined})(?:\s+(?:{det}))?)\s*$", re.I
            ),
            conj_then_title=re.compile(rf"^\s*,?\s*(?:{joined})\s+(?P<title>\S.*?)\s*$", re.I),
            co_actor_gap=re.compile(rf"^\s*(?:{comitative})\s", re.I),
            conj_gap=re.compile(rf"(?:{joined})\s*$", re.I),
            conj_then_any=re.compile(rf"^\s*,?\s*(?:{conj})\s", re.I),
            pair_gap=re.compile(rf"^\s*(?:['’]s)?\s*(?:{joined}|-|–|—)\s*(?:(?:{det})\s+)?$", re.I),
            closing_title=re.compile(
                rf"\s*,?\s*(?:{conj})\s+(?P<title>(?:[^\W\d_][\w'’-]*\s+){{0,8}})", re.I
            ),
            complementizer=re.compile(rf"^(?:{complementizer})$", re.I),
            appositive_stop=re.compile(rf"\b(?:{stops})\b|;", re.I),
            additive=re.compile(rf"\s*(?:{additive})\s", re.I),
        )


@cache
def list_words(languages: tuple[str, ...]) -> ListWords:
    """The patterns of the packs of ``languages`` (a language without a pack of event rules is
    read with the generic one, which is always in)."""
    packs = {id(rules): rules for rules in (load_part(code, "events") for code in (*languages, GENERIC))}
    return ListWords.from_rules(list(packs.values()))


def default_list_words() -> ListWords:
    """The patterns of every first-class language (for callers built without settings)."""
    return list_words(FIRST_CLASS)
