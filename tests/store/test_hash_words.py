"""hash_words splits on spaces and runs the word pattern only on tokens with other characters
(issue #18): the same words as ``re.findall(r"\\w+")`` on the normalised text, whatever the script."""

from __future__ import annotations

import random
import re
import unicodedata

from newsloom.store.articles import hash_words
from tests.conftest import EXAMPLES


def by_pattern(text: str) -> list[str]:
    return re.findall(r"\w+", unicodedata.normalize("NFC", text).casefold())


def test_the_words_are_the_patterns_words() -> None:
    texts = [path.read_text(encoding="utf-8") for path in sorted((EXAMPLES / "text").glob("*.txt"))]
    texts.append(
        "a_b __c ½ ² ٣ 五六 x\u0301y Straße İstanbul e\u0308 Ⅻ 🎉a b‐c d'e 3.14 1,000 \u00a0x\u2003y\u200bz"
    )
    rng = random.Random(7)
    alphabet = [chr(c) for c in range(0x20, 0x3000)]
    texts += ["".join(rng.choice(alphabet) for _ in range(200)) for _ in range(200)]
    assert [hash_words(t) for t in texts] == [by_pattern(t) for t in texts]
    assert hash_words("Hà Nội, 21/10: ") == ["hà", "nội", "21", "10"]
