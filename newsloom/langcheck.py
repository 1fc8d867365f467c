"""A first look at an article's language from the packs' own letters and words, before lingua.

lingua weighs 1- to 5-grams of every candidate language: ~0.65 ms for 400 characters of English or
Indonesian, most of a plain ingest's time. A sample that writes a pack's distinctive letters
throughout (Vietnamese), or whose words are in large part a pack's function words and hold no
letter the pack does not write, is settled here; any other goes to lingua as before.
``python bench/ingest.py --langid`` prints how many texts this settles and whether lingua agrees.
"""

from __future__ import annotations

import re
import string
from collections.abc import Sequence

from newsloom.lang.base import LanguagePack

#: The fewest words a sample needs before its function words settle it (a headline alone does not).
MIN_WORDS = 30
#: The share of a sample's words that must be one pack's function words (a shared one, "in", "is",
#: counts half): in the labelled texts of ``bench/ingest.py --langid`` English's share in English runs
#: 0.13-0.34 (5th percentile to most), its share in any other language at most 0.07.
MIN_FUNCTION_SHARE = 0.12
#: ... or this many different words of its own (not shared) function words: in 1,627 labelled texts
#: (``bench/ingest.py --langid``) no text of another language held more than 3 of English's or 1 of
#: Indonesian's, while most English held 4 to 7.
MIN_OWN_WORDS = 4
#: The share of a sample's letters that may be ones its language does not write: names ("Lương
#: Cường" in an English report) are, a text of another language mostly is not.
MAX_STRANGE_LETTERS = 0.05
#: Another pack's function words may make up at most this share of the winner's score.
MAX_RIVAL_SHARE = 0.25
#: The fewest distinctive letters ("ơ", "ư", "ạ") that settle a sample, and the share of its words
#: that must write a letter beyond a-z: Vietnamese in the labelled texts 0.64-0.87, any other
#: language at most 0.23, and a Vietnamese-English-Indonesian mix (``tests/ingest/test_langid_batch``) 0.51.
MIN_DISTINCTIVE_LETTERS = 12
MIN_LETTERED_WORDS = 0.6
#: The confidence a settled language is given: lingua's own on the texts settled here in
#: ``bench/ingest.py --langid`` was 0.92 to 1.0, and agreed with the packs on every one.
SETTLED_CONFIDENCE = 0.99

_WORD = re.compile(r"\w+")
_ASCII_LETTERS = frozenset(string.ascii_lowercase)


def settled_language(sample: str, packs: Sequence[LanguagePack]) -> str | None:
    """The language ``packs`` settle ``sample`` as (lower-cased by the caller), or None: lingua decides."""
    # counted with str methods over the few distinct characters: a loop over 400 characters in
    # Python cost half of what lingua does
    distinct = set(sample)
    foreign = {ch for ch in distinct - _ASCII_LETTERS if ch.isalpha()}
    letters = sum(map(str.isalpha, sample))
    by_letters = _by_letters(sample, distinct, packs)
    if by_letters is not None:
        return by_letters
    words = _WORD.findall(sample)
    if len(words) < MIN_WORDS:
        return None
    scores = sorted(((_function_score(words, p), p) for p in packs), key=lambda item: -item[0])
    if not scores:
        return None
    best, pack = scores[0]
    rival = scores[1][0] if len(scores) > 1 else 0.0
    enough = (
        best >= MIN_FUNCTION_SHARE * len(words)
        or len(pack.function_words.intersection(words)) >= MIN_OWN_WORDS
    )
    if not enough or rival > MAX_RIVAL_SHARE * best:
        return None
    strange = foreign - set(pack.letters)
    if sum(map(sample.count, strange)) > MAX_STRANGE_LETTERS * letters:
        return None  # many letters the language does not write: another language, or mixed
    if not _beats_relatives(set(words), pack):
        return None
    return pack.code


def _by_letters(sample: str, distinct: set[str], packs: Sequence[LanguagePack]) -> str | None:
    for pack in packs:
        present = distinct.intersection(pack.distinctive_letters)
        if sum(map(sample.count, present)) < MIN_DISTINCTIVE_LETTERS:
            continue
        words = [w for w in _WORD.findall(sample) if not w.isdigit()]
        beyond_ascii = len(words) - sum(map(str.isascii, words))  # a word with a letter beyond a-z
        if beyond_ascii >= MIN_LETTERED_WORDS * len(words):
            return pack.code
    return None


def _function_score(words: list[str], pack: LanguagePack) -> float:
    own = sum(map(pack.function_words.__contains__, words))
    return own + sum(map(pack.shared_function_words.__contains__, words)) / 2


def _beats_relatives(words: set[str], pack: LanguagePack) -> bool:
    """A language with close relatives (Indonesian, Malay) is settled only when none of a relative's
    distinctive words occurs: the function words are the relatives' too. Without one, lingua's
    reading goes to the first-class pack anyway (``langid._prefer_first_class``: Malay yields to
    Indonesian unless Malay's own words are more)."""
    if not pack.close_relatives:
        return True
    from newsloom.lang import get_pack

    return not any(words & get_pack(code).distinctive_words for code in pack.close_relatives)


def settling_packs(candidates: Sequence[str]) -> tuple[LanguagePack, ...]:
    """The candidates' packs that can settle a sample (with function words or distinctive letters)."""
    from newsloom.lang import available_packs, get_pack

    own = set(available_packs())
    packs = (get_pack(code) for code in candidates if code in own)
    return tuple(p for p in packs if p.function_words or p.distinctive_letters)
