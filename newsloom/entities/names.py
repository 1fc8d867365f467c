"""Name text helpers shared by recognition, linking and queries: folding, tokens, keys."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

#: Letters that Unicode does not decompose into a base letter plus a mark.
_SPECIAL_FOLDS = str.maketrans(
    {"đ": "d", "Đ": "D", "ø": "o", "Ø": "O", "ł": "l", "Ł": "L", "ı": "i", "ß": "ss", "æ": "ae", "Æ": "AE",
     "œ": "oe", "Œ": "OE", "þ": "th", "ð": "d", "’": "'", "‘": "'", "ʼ": "'"}
)  # fmt: skip

#: A word of a name: letters (with marks) and digits, with inner hyphens or apostrophes kept apart.
_WORD = re.compile(r"[^\W_]+", re.UNICODE)

#: Title-like letters: an uppercase first character (works for every cased script).
ACRONYM = re.compile(r"^[A-ZĐ][A-ZĐ0-9&]{1,9}$")


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Lowercase ``text`` without diacritics (Bùi Thanh Sơn -> bui thanh son; đ -> d)."""
    decomposed = unicodedata.normalize("NFD", text.translate(_SPECIAL_FOLDS))
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return unicodedata.normalize("NFC", bare).casefold()


def name_tokens(text: str) -> tuple[str, ...]:
    """The folded words of a name, punctuation dropped ("Asia-Pacific" -> ("asia", "pacific"))."""
    return tuple(_WORD.findall(fold(text)))


def folded_name(text: str) -> str:
    """One folded string for a name: its folded words joined by single spaces."""
    return " ".join(name_tokens(text))


def entity_key(name: str, type_: str, gazetteer_id: str | None = None) -> str:
    """The in-article key of an entity: its gazetteer id when known, else type plus folded name."""
    if gazetteer_id:
        return gazetteer_id
    return f"{type_}:{folded_name(name)}"


def has_diacritics(text: str) -> bool:
    """True when the text carries marks or special letters ("Sơn", "Đà" yes; "Son" no)."""
    return diacritic_weight(text) > 0


@lru_cache(maxsize=65536)
def diacritic_weight(text: str) -> int:
    """How many letters carry marks: the canonical form of a name is its most marked spelling."""
    return sum(1 for ch in text if ch.isalpha() and fold(ch) != ch.casefold())


def is_acronym(token: str) -> bool:
    """An all-caps token of 2-10 letters/digits (UNODC, LHQ, ASEAN, G20)."""
    return bool(ACRONYM.match(token)) and any(ch.isalpha() for ch in token)


def is_capitalized(token: str) -> bool:
    """First character is an uppercase letter (Sơn, UN, Đông)."""
    return bool(token) and token[0].isupper()
