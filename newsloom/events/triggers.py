"""Trigger words of a sentence and its clauses (one main predicate each).

Triggers inside a name or after a blocking word do not count; overlapping matches keep the longest.
A sentence splits into clauses at clause breaks and at a conjunction a verb follows; each clause's
first trigger is its main one, the rest are embedded content unless a new subject follows a comma.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from newsloom.article import Sentence
from newsloom.entities.types import Mention
from newsloom.events.conjunctions import ListWords, default_list_words
from newsloom.events.rules import EventRules, Trigger
from newsloom.events.slots import Slot


@dataclass(frozen=True)
class TriggerMatch:
    trigger: Trigger
    start: int  # trigger span, absolute offsets
    end: int
    full_start: int
    full_end: int


def find_triggers(
    sentence: Sentence,
    text: str,
    rules: EventRules,
    slots: Sequence[Slot],
    names: Sequence[Mention] = (),
) -> list[TriggerMatch]:
    """Trigger matches of one sentence; none inside a name (an actor slot or any entity mention)."""
    if not rules.has_trigger(text, sentence.start, sentence.end):
        return []
    blocked_before = rules.compiled("blocked_before")
    blocked_after = rules.compiled("blocked_after")
    found: list[TriggerMatch] = []
    mention_spans = [(s.start, s.end) for s in slots if s.kind == "mention"] + [
        (m.start, m.end) for m in names if sentence.start <= m.start < sentence.end
    ]
    for trigger in rules.triggers:
        for match in trigger.regex.finditer(text, sentence.start, sentence.end):
            if "t" in trigger.regex.groupindex and match.group("t") is not None:
                start, end = match.span("t")
            else:
                start, end = match.span()
            if start == end:
                continue
            if any(a < end and start < b for a, b in mention_spans):
                continue  # a word inside a name ("Trung tâm Hợp tác ...")
            before = text[max(sentence.start, match.start() - 25) : match.start()]
            if blocked_before.search(before):
                continue
            after = text[end : min(sentence.end, end + 25)]
            if blocked_after.search(after):
                continue
            found.append(TriggerMatch(trigger, start, end, match.start(), match.end()))
    # overlapping matches: the longest wins ("tấn công mạng" over "tấn công"), then rule order
    found.sort(key=lambda m: (m.full_start, -(m.full_end - m.full_start)))
    kept: list[TriggerMatch] = []
    for candidate in sorted(found, key=lambda m: -(m.full_end - m.full_start)):
        if any(c.full_start < candidate.full_end and candidate.full_start < c.full_end for c in kept):
            continue
        kept.append(candidate)
    kept.sort(key=lambda m: m.start)
    return kept


def split_clauses(
    sentence: Sentence,
    text: str,
    rules: EventRules,
    triggers: Sequence[TriggerMatch],
    words: ListWords | None = None,
) -> list[tuple[int, int]]:
    """Clause spans of a sentence: split at clause breaks, and at a conjunction that a verb or an
    additive adverb ("also", "cũng": the packs' ``additive_adverbs``) follows."""
    additive = (words or default_list_words()).additive
    cuts: set[int] = set()
    for match in rules.compiled("clause_break").finditer(text, sentence.start, sentence.end):
        cuts.add(match.start())
        cuts.add(match.end())
    reporting = rules.compiled("reporting")
    complement = rules.compiled("complement")
    finite = rules.compiled("finite_verb")
    trigger_starts = {m.full_start for m in triggers}
    for match in rules.compiled("clause_conjunction").finditer(text, sentence.start, sentence.end):
        rest = text[match.end() : sentence.end]
        if not (reporting.match(rest) or match.end() in trigger_starts or additive.match(rest)):
            continue
        # the triggers of the clause so far: a complement opened after any of them holds the verbs
        # joined here ("meminta X mendorong negara-negara agar menandatangani dan meratifikasi")
        last_cut = max((c for c in cuts if c <= match.start()), default=sentence.start)
        earlier = [m for m in triggers if last_cut <= m.start and m.end <= match.start()]
        if (
            earlier
            and complement.search(text, earlier[0].end, match.start())
            and not finite.match(text, match.end())
        ):
            continue  # "đề nghị X sớm ký và phê chuẩn": both verbs belong to the request
        cuts.add(match.start())
    bounds = sorted({sentence.start, sentence.end, *cuts})
    spans = [(a, b) for a, b in zip(bounds, bounds[1:], strict=False) if b > a]
    return spans or [(sentence.start, sentence.end)]


def main_triggers(
    text: str, clauses: Sequence[tuple[int, int]], triggers: Sequence[TriggerMatch], slots: Sequence[Slot]
) -> list[tuple[int, TriggerMatch]]:
    """The main trigger of each clause (its first), plus later ones that have a subject of their own
    after a comma ("Khẳng định ..., Chủ tịch nước X đề xuất"); the rest are embedded content."""
    result: list[tuple[int, TriggerMatch]] = []
    for index, (c_start, c_end) in enumerate(clauses):
        inside = [t for t in triggers if c_start <= t.start < c_end]
        previous: TriggerMatch | None = None
        for trigger in inside:
            if previous is None:
                result.append((index, trigger))
                previous = trigger
                continue
            comma = text.rfind(",", previous.end, trigger.start)
            if comma >= 0 and any(s.kind == "mention" and comma < s.start < trigger.start for s in slots):
                result.append((index, trigger))
                previous = trigger
    return result
