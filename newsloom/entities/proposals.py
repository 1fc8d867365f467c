"""The learned recogniser's spans merged with the rules: the model proposes, the lexicons correct.

The model decides where names are and what they are. The rules then: strip role words and
honorifics the model glued onto a name ("Midfielder Valentin Stefan" -> "Valentin Stefan"); let a
gazetteer entry covering exactly the same span correct the type and give its id; and add what the
model missed only where the rules are near-certain (a gazetteer name, a name after a title or an
honorific). Capitalised-run guesses of the rules are dropped where a model runs.

Span convention: the one of each language's training corpus, since the model learns it. In
Indonesian the administrative word is part of the place when the corpus tags it so ("Kabupaten
Bogor", "dusun Talang"); Vietnamese follows PhoNER_COVID19 (the name without a lowercase
"sân bay"/"tỉnh" before it, "Bộ Y tế" whole); English follows CoNLL-2003.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol, TypeVar

from newsloom.entities.learned import Proposal

#: How much a span the model proposes is trusted (above linking's TYPE_GUESS_SCORE: the type is firm).
SCORE_MODEL = 0.8
#: Rule mentions kept where the model proposes nothing overlapping: the near-certain ones.
RULES_KEPT_ALONE = frozenset({"gazetteer", "title", "honorific", "credit", "title-of"})


class Mentionlike(Protocol):
    start: int
    end: int
    type: str
    rule: str
    score: float
    kind: str
    gazetteer_id: str | None


M = TypeVar("M", bound=Mentionlike)


def strip_edges(start: int, end: int, blocked: set[int], is_word: Sequence[bool]) -> tuple[int, int]:
    """Shrink ``[start, end)`` past role words / honorifics (``blocked``) and punctuation at its edges."""
    while start < end and (start in blocked or not is_word[start]):
        start += 1
    while end > start and (end - 1 in blocked or not is_word[end - 1]):
        end -= 1
    return start, end


def overlaps(a_start: int, a_end: int, b_start: int, b_end: int) -> bool:
    return a_start < b_end and b_start < a_end


def merged_spans(
    proposals: Sequence[Proposal],
    rule_mentions: Sequence[M],
    blocked: set[int],
    is_word: Sequence[bool],
) -> list[tuple[int, int, str, M | None]]:
    """``(start, end, type, rule mention it agrees with or None)`` for each kept span: every model
    proposal (edges stripped, type corrected by a same-span gazetteer name), then the near-certain rule
    mentions that no proposal overlaps."""
    kept: list[tuple[int, int, str, M | None]] = []
    names = [m for m in rule_mentions if m.kind == "name"]
    for proposal in proposals:
        start, end = strip_edges(proposal.start, proposal.end, blocked, is_word)
        if start >= end:
            continue
        same = next((m for m in names if m.start == start and m.end == end), None)
        kind = same.type if same is not None and same.rule == "gazetteer" else proposal.type
        kept.append((start, end, kind, same))
    for mention in names:
        if mention.rule not in RULES_KEPT_ALONE:
            continue
        if any(overlaps(mention.start, mention.end, s, e) for s, e, _, _ in kept):
            continue
        kept.append((mention.start, mention.end, mention.type, mention))
    kept.sort(key=lambda span: span[0])
    return kept
