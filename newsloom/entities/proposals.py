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

from collections.abc import Callable, Sequence
from typing import Protocol, TypeVar

from newsloom.entities.learned import Proposal

#: How much a span the model proposes is trusted (above linking's TYPE_GUESS_SCORE: the type is firm).
SCORE_MODEL = 0.8
#: Rule mentions whose type wins over the model's on the same span: a gazetteer name, a name after an
#: honorific, a Vietnamese family name, an organization with a head word ("Bộ ...", "Ministry of ...").
TYPE_RULES = frozenset(
    {"gazetteer", "honorific", "credit", "title-of", "family-name", "org-shape", "place-word"}
)
#: Rule mentions kept where the model proposes nothing overlapping them: the above and names after a title.
ALONE_RULES = TYPE_RULES | {"title"}


class Mentionlike(Protocol):
    start: int
    end: int
    type: str
    rule: str
    score: float
    kind: str
    gazetteer_id: str | None


M = TypeVar("M", bound=Mentionlike)


def strip_edges(
    start: int, end: int, blocked: set[int], is_word: Sequence[bool], texts: Sequence[str] = ()
) -> tuple[int, int]:
    """Shrink ``[start, end)`` past role words / honorifics (``blocked``) opening it and past
    punctuation at its edges; a closing bracket whose opening one is inside stays ("Partai X (PPP)")."""
    while start < end and not is_word[start]:
        start += 1
    while start < end - 1 and start in blocked:  # a lone "Anh" is England, not the honorific
        start += 1
    while end > start and not is_word[end - 1]:
        if texts and texts[end - 1] == ")" and "(" in texts[start : end - 1]:
            break
        end -= 1
    return start, end


def overlaps(a_start: int, a_end: int, b_start: int, b_end: int) -> bool:
    return a_start < b_end and b_start < a_end


def merged_spans(
    proposals: Sequence[Proposal],
    rule_mentions: Sequence[M],
    blocked: set[int],
    is_word: Sequence[bool],
    texts: Sequence[str] = (),
    may_stand_alone: Callable[[M], bool] = lambda _: True,
) -> list[tuple[int, int, str, M | None]]:
    """``(start, end, type, rule mention it agrees with or None)`` for each kept span.

    The model's span wins (edges stripped), except against a gazetteer name containing it. Where a
    near-certain rule mention (:data:`TYPE_RULES`) has the same span, its type wins. Near-certain
    rule mentions (:data:`ALONE_RULES`) no proposal overlaps are kept; the rules' other guesses are
    dropped."""
    names = [m for m in rule_mentions if m.kind == "name"]
    trusted = [m for m in names if m.rule in ALONE_RULES and may_stand_alone(m)]
    spans: list[tuple[int, int, str, M | None]] = []
    for proposal in proposals:
        start, end = strip_edges(proposal.start, proposal.end, blocked, is_word, texts)
        if start >= end:
            continue
        if any(
            m.rule == "gazetteer" and m.start <= start and end <= m.end and m.end - m.start > end - start
            for m in trusted
        ):
            continue  # "United Nations High Commissioner for Refugees" over the model's "United Nations"
        same = next((m for m in names if (m.start, m.end) == (start, end)), None)
        kind = same.type if same is not None and same.rule in TYPE_RULES else proposal.type
        spans.append((start, end, kind, same))
    for mention in trusted:
        if not any(overlaps(mention.start, mention.end, s, e) for s, e, _, _ in spans):
            spans.append((mention.start, mention.end, mention.type, mention))
    spans.sort(key=lambda span: span[0])
    return spans
