"""Who did it to whom: the source and target of a trigger among a sentence's actor slots.

The source is the subject before the trigger (or the agent of a passive), shared with the clause
before when a clause has none, else the paragraph's speaker or the last subject; the target is the
actor (or list of actors) right after the trigger. Pronouns and "the two sides" are resolved from
what earlier sentences leave in the :class:`State`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from newsloom.events.actors import country_actor, fold, same_actor
from newsloom.events.capitals import visited_country
from newsloom.events.conjunctions import ListWords, default_list_words
from newsloom.events.rules import TARGET_OBJECT, TARGET_REQUIRED, EventRules
from newsloom.events.slots import Slot
from newsloom.events.titles import title_gap
from newsloom.events.triggers import TriggerMatch
from newsloom.events.types import Actor
from newsloom.timex.types import TimeExpression

#: Max characters between a trigger and the first actor of an optional target ("agreed with ... X").
OPTIONAL_TARGET_GAP = 80


_POSSESSIVE_AFTER = re.compile(r"^['’]s?\b")


#: A comma and the text after it, up to the next actor.
_COMMA_THEN = re.compile(r"^\s*,\s*(?P<rest>\S.*?)\s*$", re.S)


#: Types two parties do together: a sentence-opening "with X" makes X a second actor of these, and
#: the target of the others.
JOINT_TYPES = ("AGREE", "CONSULT", "COOPERATE")

#: "The two sides" as an object must follow the trigger this closely.
JOINT_TARGET_GAP = 12


@dataclass
class State:
    """What earlier sentences leave for later ones (subjects, the current meeting)."""

    last_subject: tuple[Actor, ...] = ()
    last_person: Actor | None = None
    meeting: tuple[tuple[Actor, ...], tuple[Actor, ...]] | None = None  # (sources, targets)
    sentence_persons: tuple[Actor, ...] = ()  # people named in the current sentence, in order
    #: where the current sentence names a person, and who (a pronoun with no one before it refers back)
    person_slots: tuple[tuple[int, Actor], ...] = ()
    previous_dates: dict[int, tuple[TimeExpression, ...]] = field(default_factory=dict)
    #: the source of the last event of the current paragraph (the speaker a short name refers to)
    paragraph_source: tuple[Actor, ...] = ()


def _list_gap(gap: str, right: Slot, words: ListWords) -> bool:
    """Whether the text between two actors lists them ("Việt Nam và Lào", "X and Prime Minister Y")."""
    if words.list_gap.match(gap):
        return True
    then_title = words.conj_then_title.match(gap)
    if then_title and title_gap(then_title.group("title")):
        return True
    title = right.actor.role_text if right.actor is not None else None
    if not title:
        return False
    comma = _COMMA_THEN.match(gap)
    if comma and not re.search(r"[,;.]", comma.group("rest")):
        # ", Giám đốc Cơ quan An ninh quốc gia Azerbaijan" Ali Naghiyev: a comma, then the next one's title
        return fold(comma.group("rest")).startswith(fold(title))
    if re.search(r"[,;.]", gap):
        return False
    at = fold(gap).find(fold(title))  # "và Tổng Thư ký Liên hợp quốc": a conjunction, then a title
    return at >= 0 and bool(words.list_gap.match(gap[:at] + " "))


def _closes_list(gap: str, right: Slot, words: ListWords) -> bool:
    """Whether a list gap holds its conjunction ("và", "and X's title"): a comma list ends there."""
    return bool(words.conj_gap.search(gap)) or bool(
        words.conj_then_any.match(gap) and _list_gap(gap, right, words)
    )


def _chain_back(slots: list[Slot], text: str, words: ListWords) -> list[Slot]:
    """The nearest slot before and those listed with it ("Việt Nam và Lào")."""
    chain = [slots[-1]]
    for slot in reversed(slots[:-1]):
        gap = text[slot.end : chain[-1].start]
        if _list_gap(gap, chain[-1], words):
            chain.append(slot)
        else:
            break
    return _with_twins(list(reversed(chain)), slots)


def _with_twins(chain: list[Slot], slots: Sequence[Slot]) -> list[Slot]:
    """A chain with the slots sharing a member's span ("Australian and Indonesian officials" is
    two groups written once)."""
    spans = {(s.start, s.end) for s in chain}
    twins = [s for s in slots if (s.start, s.end) in spans and s not in chain]
    return sorted([*chain, *twins], key=lambda s: s.start) if twins else chain


def chain_forward(
    slots: list[Slot], text: str, rules: EventRules | None = None, words: ListWords | None = None
) -> list[Slot]:
    """The first slot after and those listed with it; a comma list must end with a conjunction
    (``rules`` give the language's lower-case titles closing a list after an appositive, ``words``
    the list words of the stage's languages, by default of every first-class one)."""
    words = words or default_list_words()
    chain = [slots[0]]
    pending: list[Slot] = []
    resume: int | None = None  # where the gap to the next actor starts, after an appositive
    for slot in slots[1:]:
        last = (pending or chain)[-1]
        if (slot.start, slot.end) == (last.start, last.end):
            continue  # a twin, added below
        if resume is not None and slot.start < resume:
            if slot.actor is None or slot.actor.type == "person":
                break  # a person inside the commas is listed, not described
            continue  # "X, head of Azerbaijan's State Security Service, and Y": X's title
        gap = text[last.end if resume is None else resume : slot.start]
        closing = resume is not None and _closing_title(gap, slot, rules, words)
        if not (closing or _list_gap(gap, slot, words)):
            close = _appositive_close(last, slot, text, words) if resume is None else None
            if close is None:
                # "X, head of the service, and Minister Y": an appositive naming no actor
                close = _appositive_close(last, None, text, words) if resume is None else None
                if (
                    close is None
                    or close > slot.start
                    or not _closing_title(text[close : slot.start], slot, rules, words)
                ):
                    break
                closing = True
            else:
                resume = close
                continue
        resume = None
        pending.append(slot)
        if closing or _closes_list(gap, slot, words):
            chain.extend(pending)
            pending = []
    return _with_twins(chain, slots)


#: A person's appositive title between commas ("Ali Naghiyev, head of Azerbaijan's State Security
#: Service, and ...", "Ali Naghiyev, Giám đốc Cơ quan An ninh quốc gia Azerbaijan, và ..."): no clause
#: punctuation inside, and no person (``chain_forward`` checks).
_APPOSITIVE = re.compile(r"\s*,\s*(?P<words>[^\W\d_][^,;.()]{0,80}?)\s*(?=,)")


def _appositive_close(person: Slot, inside: Slot | None, text: str, words: ListWords) -> int | None:
    """Where the appositive after a listed person closes (its comma), when ``inside`` stands in
    it (or, for None, whatever stands there); None when the text after the person is no appositive."""
    if person.actor is None or person.actor.type != "person":
        return None
    found = _APPOSITIVE.match(text, person.end)
    if found is None or words.conj_then_any.match(found.group("words") + " "):
        return None
    if inside is not None and not (found.start("words") <= inside.start and inside.end <= found.end("words")):
        return None
    return found.end("words")


def _closing_title(gap: str, right: Slot, rules: EventRules | None, words: ListWords) -> bool:
    """Whether the gap after an appositive closes the list with the next one's title: opening with
    a capital, a title the language writes in lower case (the pack's ``closing_title``), or holding
    the title the entity stage read for that person."""
    found = words.closing_title.fullmatch(gap)
    if found is None:
        return False
    title = found.group("title").split()
    if not title or title[0][:1].isupper():  # "và Thứ trưởng Bộ Ngoại giao Iran", "and Iranian ..."
        return True
    if rules is not None and rules.compiled("closing_title").match(found.group("title")):
        return True  # "et le vice-ministre iranien des Affaires étrangères" Vahid Jalalzadeh
    role = right.actor.role_text if right.actor is not None else None
    return bool(role) and fold(role) in fold(found.group("title"))


def _resolve(slot: Slot, state: State, source: Sequence[Actor] = ()) -> list[Actor]:
    """Actors a slot stands for."""
    if slot.kind == "mention" and slot.actor is not None:
        return [slot.actor]
    if slot.kind == "pronoun":
        person = state.last_person or next(
            (a for at, a in reversed(state.person_slots) if at < slot.start), None
        )  # "Guterres ... at a press conference he co-chaired" opening an article
        return [replace(person, text=slot.text, resolved_by="pronoun")] if person else []
    if slot.kind == "joint" and (state.meeting or state.sentence_persons):
        # "the two sides": the current meeting's participants, else the people the sentence named
        if state.sentence_persons:
            participants = list(state.sentence_persons)
        else:
            assert state.meeting is not None
            participants = [*state.meeting[0], *state.meeting[1]]
        if source:  # as an object: the other side of the meeting ("cooperation between the two sides")
            participants = [p for p in participants if not any(same_actor(p, s) for s in source)]
        return [replace(p, text=slot.text, resolved_by="sides") for p in participants]
    return []


def dedupe(actors: Sequence[Actor]) -> tuple[Actor, ...]:
    seen: dict[str, Actor] = {}
    for actor in actors:
        seen.setdefault(actor.key, actor)
    return tuple(seen.values())


@dataclass
class Arguments:
    source: list[Actor]
    target: list[Actor]
    joint: bool
    inferred: bool


@dataclass(frozen=True)
class SentenceContext:
    """What the triggers of one sentence are read against: the article text and the language's
    rules, the sentence's actor slots, what earlier sentences left (``state``), and what its
    earlier clauses found (their subjects by clause index, and which of them were joint). The two
    last are filled in as the sentence's clauses are read."""

    text: str
    rules: EventRules
    slots: Sequence[Slot]
    state: State
    sentence_start: int
    clause_subjects: dict[int, list[Actor]] = field(default_factory=dict)
    clause_joint: set[int] = field(default_factory=set)
    #: the list and "with" words of the stage's languages (``events/conjunctions.py``)
    words: ListWords = field(default_factory=default_list_words)


def find_arguments(
    match: TriggerMatch, clause: tuple[int, int], clause_index: int, context: SentenceContext
) -> Arguments | None:
    """The source and target of ``match`` in the clause ``clause`` (its index in the sentence); None
    when the trigger names no one it needs."""
    text, rules, state = context.text, context.rules, context.state
    # "attended the forum, co-organised by VCCI": an organiser acts only inside its own phrase
    slots = [
        s for s in context.slots if s.organizer is None or s.organizer[0] <= match.start < s.organizer[1]
    ]
    trigger = match.trigger
    c_start, c_end = clause
    # a passive's pattern may open at what was done to ("the talks with X were cancelled by Y"): its
    # target is named before the verb, inside the match
    edge = match.start if trigger.voice == "passive" else match.full_start
    before = [s for s in slots if c_start <= s.start and s.end <= edge]
    after = [s for s in slots if match.full_end <= s.start and s.end <= c_end]
    before_text = text[c_start : match.full_start]
    positioned = _positions(
        match, clause, before, after, before_text, text, rules, context.words, slots, context.sentence_start
    )
    if positioned is None:
        return None  # "X announced that 65 countries signed": the signers are not named
    source_slots, target_slots, after, passive = positioned

    source: list[Actor] = []
    for slot in source_slots:
        source.extend(_resolve(slot, state))
    joint = trigger.joint or any(s.kind == "joint" for s in source_slots)
    inferred = False
    if not source and not passive:
        source, joint = _shared_source(clause, clause_index, before_text, joint, context)
        inferred = True

    after = [s for s in after if s.kind != "pronoun"]  # "thanked the Lao leader for ... he described"
    named_after = after
    after, behalf = _object_slots(match, after, text, rules)
    if not (source or passive):  # "On behalf of X" with no one else before the trigger: X acts
        source = [actor for slot in behalf for actor in _resolve(slot, state)]
    if not passive and after:
        target_slots = _targets_after(match, after, text, rules, source, context.words) or target_slots

    target: list[Actor] = []
    for slot in target_slots:
        target.extend(_resolve(slot, state, source))
    if trigger.possessive_is_source and target_slots and _POSSESSIVE_AFTER.match(text[target_slots[0].end :]):
        source.extend(_resolve(target_slots[0], state))
        target = []
    if any(s.kind == "joint" for s in source_slots):
        target = []  # "the two sides agreed": everyone is an actor
    elif (
        trigger.min_sources >= 2
        and target_slots
        and context.words.co_actor_gap.match(text[match.end : target_slots[0].start] + " ")
    ):
        source.extend(target)  # "he co-chaired with X": X is the other chair
        target = []
    target = target or _visited(match, c_end, text, rules, named_after)  # "his visit to Beijing": China
    target = [t for t in target if not any(same_actor(t, s) for s in source)]
    if trigger.other_countries and source and not target:
        target = _other_countries(source, state, rules)
    if source and not target and not passive:
        # "With Minister X, he discussed ... and agreed": X is the other party of what he did; an
        # act done to someone ("At the reception of X, Quang praised ...") has X as its target
        fronted = [
            a for a in _fronted_counterparts(match, context) if not any(same_actor(a, s) for s in source)
        ]
        if fronted and (trigger.joint or trigger.type in JOINT_TYPES):
            source.extend(fronted)
            joint = True
        elif fronted:
            target = fronted
    if not _complete(match, c_end, text, rules, source, target):
        return None
    return Arguments(list(dedupe(source)), list(dedupe(target)), joint, inferred)


def _other_countries(source: Sequence[Actor], state: State, rules: EventRules) -> list[Actor]:
    """The countries of the people the sentence (else the current meeting) names beside the
    source, other than the source's own ("Meeting Mozambique's Interior Minister X, Quang said the
    two countries should ...": Mozambique), named in the article's language."""
    people = list(state.sentence_persons)
    if not people and state.meeting is not None:
        people = [*state.meeting[0], *state.meeting[1]]
    own = {a.country for a in source if a.country}
    codes = [
        p.country
        for p in people
        if p.country and p.country not in own and not any(same_actor(p, s) for s in source)
    ]
    actors = (country_actor(code, name=rules.country_name(code)) for code in dict.fromkeys(codes))
    return [actor for actor in actors if actor is not None]


def _fronted_counterparts(match: TriggerMatch, context: SentenceContext) -> list[Actor]:
    """The people a sentence-opening "with" phrase names (the pack's ``counterparts_before``: "With
    Minister X, ...", "Avec X, ..."), when ``match`` comes after that phrase's comma."""
    text, start = context.text, context.sentence_start
    comma = text.find(",", start, match.start)
    if comma < 0:
        return []
    inside = [s for s in context.slots if start <= s.start and s.end <= comma and s.actor is not None]
    if not inside:
        return []
    first = inside[0].lead if inside[0].lead is not None else inside[0].start
    opener = context.rules.compiled("counterparts_before")
    # the "with" may be followed by a title the entity stage left out ("With South African Justice
    # Minister X"): capitalised words only between it and the first name
    head = text[start:first]
    cuts = [0, *(m.end() for m in re.finditer(r"\S+\s+", head))]
    if not any(opener.search(head[:c]) and all(w[:1].isupper() for w in head[c:].split()) for c in cuts):
        return []
    return [s.actor for s in inside if s.actor is not None and s.actor.type == "person"]


def _positions(
    match: TriggerMatch,
    clause: tuple[int, int],
    before: list[Slot],
    after: list[Slot],
    before_text: str,
    text: str,
    rules: EventRules,
    words: ListWords,
    slots: Sequence[Slot] = (),
    sentence_start: int = 0,
) -> tuple[list[Slot], list[Slot], list[Slot], bool] | None:
    """(source slots, target slots, slots after the trigger still to read, passive) by the clause's
    voice; None when the subject only reports what others did."""
    trigger = match.trigger
    c_start, c_end = clause
    source_slots: list[Slot] = []
    target_slots: list[Slot] = []
    passive = trigger.voice == "passive" or (
        trigger.passive_ok and bool(rules.compiled("passive_aux").search(before_text))
    )
    if passive:
        agent = rules.compiled("agent_marker").search(text, match.end, c_end)
        agent_slots = [s for s in after if agent and s.start >= agent.end()]
        if agent_slots:
            source_slots = chain_forward(agent_slots, text, words=words)
        elif len(before) >= 2 and rules.compiled("passive_agent_before").search(
            text, before[-2].end, before[-1].start
        ):
            source_slots, before = [before[-1]], before[:-1]  # "B bị A hủy": the agent before the verb
        if before:
            target_slots = _chain_back(before, text, words)
        return source_slots, target_slots, [], passive
    if trigger.subject_after:  # "After meeting X, Y said ...": X before the comma, Y after it
        comma = _subject_comma(text, match.full_end, c_end, after)
        inside = [s for s in after if comma < 0 or s.end <= comma]
        beyond = [s for s in after if comma >= 0 and s.start > comma]
        # the phrase may open its own clause (en splits at ", speaking"): read from the sentence's start
        head = [s for s in slots if sentence_start <= s.start and s.end <= match.full_start]
        head_text = text[sentence_start : match.full_start]
        fronted = _fronted_subject(head, head_text, sentence_start, text, rules, words)
        if fronted:
            source_slots = fronted
        elif beyond:
            source_slots = chain_forward(beyond, text, words=words)
        if inside:
            # "Meeting Mozambique's Interior Minister Paulo Chachine, ...": the minister, not Mozambique
            target_slots = _appositive(inside[:1], inside, text) or chain_forward(inside, text, words=words)
        return source_slots, target_slots, [], passive
    if rules.compiled("counted_subject").search(text, c_start, match.full_start):
        return None  # "65 states had signed the treaty": the signers are not named
    if len(before) >= 2 and rules.compiled("passive_agent_before").search(
        text, before[-2].end, before[-1].start
    ):
        return [before[-1]], [before[-2]], [], passive  # "B được A tiếp"
    acting = [s for s in before if not _on_behalf(s, c_start, text, rules)]
    # "Bộ trưởng X thay mặt Việt Nam ký ...": X signs, for the side "on behalf of" names
    source_slots = _subject(acting or before, before_text, c_start, text, rules, words)
    if source_slots and _speaker_only(source_slots[-1], match, text, rules, words):
        return None
    return source_slots, target_slots, after, passive


def _fronted_subject(
    head: Sequence[Slot], head_text: str, start: int, text: str, rules: EventRules, words: ListWords
) -> list[Slot]:
    """The subject a phrase set off by commas follows ("Indonesia's Foreign Minister Sugiono,
    speaking at the meeting of X, said Indonesia ..."): the actors of the comma segment right before
    it, unless that segment is an adverbial opener ("In Vientiane, speaking at ...": no subject)."""
    body = head_text.rstrip()
    if not head or not body.endswith(","):
        return []
    cut = body.rfind(",", 0, len(body) - 1) + 1
    own = [s for s in head if s.start >= start + cut]
    if not own or rules.compiled("adverbial_opener").match(body[cut:]):
        return []
    return _chain_back(own, text, words)


def _subject_comma(text: str, start: int, end: int, after: Sequence[Slot]) -> int:
    """The comma a fronted phrase's subject follows: the first one right before an actor (only its
    title between: "..., Sugiono said"), so that a phrase with a comma of its own ("Speaking at the
    meeting of X in Y, held a day before the Z Summit opened, Sugiono said") does not make Z the
    subject; else the first comma (-1 when none)."""
    first = text.find(",", start, end)
    comma = first
    while comma >= 0:
        following = next((s for s in after if s.start > comma), None)
        if following is None:
            break
        lead = following.lead if following.lead is not None and following.lead > comma else following.start
        if title_gap(text[comma + 1 : lead]):
            return comma
        comma = text.find(",", comma + 1, end)
    return first


def _shared_source(
    clause: tuple[int, int], clause_index: int, before_text: str, joint: bool, context: SentenceContext
) -> tuple[list[Actor], bool]:
    """A clause with no subject of its own shares the subject of the clause before it (or the
    paragraph's speaker, or the last subject): (source, joint)."""
    text, rules, slots, state = context.text, context.rules, context.slots, context.state
    clause_subjects, clause_joint, clauses_start = (
        context.clause_subjects,
        context.clause_joint,
        context.sentence_start,
    )
    c_start = clause[0]
    source: list[Actor] = []
    earlier = [i for i in clause_subjects if i < clause_index]
    previous = [s for s in slots if clauses_start <= s.start and s.end <= c_start]
    if earlier:
        source = list(clause_subjects[max(earlier)])
        joint = joint or max(earlier) in clause_joint
    elif previous:
        for slot in _shared_subject(previous, clauses_start, c_start, text, rules, context.words):
            source.extend(_resolve(slot, state))
            joint = joint or slot.kind == "joint"
    if not source and state.paragraph_source and _names_the_speaker(before_text, c_start, slots, rules):
        source = list(state.paragraph_source)  # "Yusril told reporters ...", "Hartono also rejected"
    if not source and state.last_subject:
        source = list(state.last_subject)
    source = [replace(a, resolved_by="subject") if a.resolved_by == "mention" else a for a in source]
    return source, joint


def _targets_after(
    match: TriggerMatch,
    after: list[Slot],
    text: str,
    rules: EventRules,
    source: list[Actor],
    words: ListWords,
) -> list[Slot]:
    """The target slots right after the trigger, when they are near enough to be its object."""
    trigger = match.trigger
    first = after[0]
    gap_limit = trigger.target_gap if trigger.target == TARGET_REQUIRED else OPTIONAL_TARGET_GAP
    between = rules.compiled("between").search(text[max(0, first.start - 15) : first.start])
    if (
        first.kind == "joint" and not between
    ):  # "valued the two sides' cooperation", not "urged X of both sides"
        gap_limit = min(gap_limit, JOINT_TARGET_GAP)
    if (first.lead if first.lead is not None else first.start) - match.end > gap_limit:
        return []
    if rules.compiled("relative_clause").search(text, match.end, first.start) or rules.compiled(
        "object_relative"
    ).search(text, match.end, first.start):
        return []  # "welcomed the Blueprint, which officials say ...": the officials are another clause's
    return _between(chain_forward(after, text, rules, words), text, rules, source, words)


def _on_behalf(slot: Slot, start: int, text: str, rules: EventRules) -> bool:
    """Whether "on behalf of" stands right before ``slot`` (read no further back than ``start``)."""
    lead = slot.lead if slot.lead is not None else slot.start
    return bool(rules.compiled("on_behalf").search(text[max(start, lead - OBJECT_CUE_REACH) : lead]))


#: How far before an actor the words that make it no target ("on behalf of", a locative) are read.
OBJECT_CUE_REACH = 40


def _object_slots(
    match: TriggerMatch, after: list[Slot], text: str, rules: EventRules
) -> tuple[list[Slot], list[Slot]]:
    """(the slots after a trigger that may be its target, the slots "on behalf of" names): "on behalf
    of X" names the source's side, not its target; a country after a locative inside the object
    ("welcomed the idea of hosting a centre against cybercrime in Vietnam") is where the object is,
    not whom the act is done to (a locative right after the trigger is left as it was read)."""
    kept: list[Slot] = []
    behalf: list[Slot] = []
    for slot in after:
        lead = slot.lead if slot.lead is not None else slot.start
        start = max(match.end, lead - OBJECT_CUE_REACH)
        head = text[start:lead]
        if _on_behalf(slot, match.end, text, rules):
            behalf.append(slot)
            continue
        if slot.actor is not None and slot.actor.type == "place":
            locative = rules.compiled("object_locative" if rules.object_locative else "locative").search(head)
            if locative is not None and text[match.end : start + locative.start()].strip():
                continue
        kept.append(slot)
    return kept, behalf


#: How far after a trigger the visit phrase of what it calls off may start ("cancelled his planned visit to").
VISIT_REACH = 40


def _visited(
    match: TriggerMatch, c_end: int, text: str, rules: EventRules, after: Sequence[Slot]
) -> list[Actor]:
    """The side a called-off visit was to, when the pack's visit phrase ("visit to", "chuyến thăm",
    "kunjungan ke", "visite à") follows the trigger and names a country or a capital (its government:
    ``events/capitals.py``); a place after a locative inside the object is otherwise no target. Read
    for the cancelling REJECT `meet` only."""
    if match.trigger.type != "REJECT" or match.trigger.mode != "meet":
        return []
    cue = rules.compiled("visit_to").search(text, match.end, min(c_end, match.end + VISIT_REACH))
    if cue is None:
        return []
    named = next((s for s in after if s.start >= cue.end() and not text[cue.end() : s.start].strip()), None)
    if named is not None and named.actor is not None and named.actor.type == "place" and named.actor.country:
        return [named.actor]  # "sa visite en Indonésie": the country's own slot
    code = visited_country(text[cue.end() : c_end])
    actor = country_actor(code, text=None, name=rules.country_name(code)) if code else None
    return [actor] if actor is not None else []


def _complete(
    match: TriggerMatch, c_end: int, text: str, rules: EventRules, source: list[Actor], target: list[Actor]
) -> bool:
    """Whether the trigger has the arguments it needs (a required target, a specific object, anyone)."""
    trigger = match.trigger
    if trigger.target == TARGET_REQUIRED and not target:
        return False
    if trigger.target == TARGET_OBJECT and not target:
        span = text[match.end : min(c_end, match.end + OPTIONAL_TARGET_GAP)]
        if not rules.compiled("specific_object").search(span):
            return False
    return bool(source or target)


#: A capitalised word this many words or fewer into a clause is its subject's short name.
SHORT_NAME_WORDS = 1


def _names_the_speaker(before_text: str, start: int, slots: Sequence[Slot], rules: EventRules) -> bool:
    """Whether a clause with no actor before its trigger still names a subject: it reports speech
    ("told reporters", "cho biết") or opens with a capitalised short name ("Hartono also rejected")."""
    if rules.compiled("reporting").search(before_text):
        return True
    words = before_text.split()
    if (
        not words
        or len(words) > SHORT_NAME_WORDS + 2
        or rules.compiled("adverbial_opener").match(before_text)
    ):
        return False
    first = words[0].strip("\"“'(")
    taken = any(s.start <= start + before_text.find(first) < s.end for s in slots)
    return first[:1].isupper() and not taken


def _subject(
    before: Sequence[Slot], before_text: str, start: int, text: str, rules: EventRules, words: ListWords
) -> list[Slot]:
    """The subject among the slots before a trigger: in the trigger's own comma segment, else the
    first actor of a leading segment that is not an adverbial phrase ("Highlighting ..., the PM")."""
    if not before:
        return []
    comma = before_text.rfind(",")
    own_start = start + comma + 1 if comma >= 0 else start
    own = [s for s in before if s.start >= own_start]
    if own:
        return _chain_back(own, text, words)
    opener = rules.compiled("adverbial_opener")
    offset = start
    segments: list[list[Slot]] = []
    for segment in before_text.split(","):
        segments.append([s for s in before if offset <= s.start < offset + len(segment)])
        if segments[-1] and not opener.match(segment):
            return _appositive(segments[-1], before, text) or _with_twins([segments[-1][0]], segments[-1])
        offset += len(segment) + 1
    return []


def _appositive(segment: Sequence[Slot], before: Sequence[Slot], text: str) -> list[Slot]:
    """The person set off by commas after a subject whose only actor is a possessive ("Vietnam's
    Minister of Public Security, General Luong Tam Quang, met ...": the minister, not Vietnam)."""
    head = segment[0]
    if len(segment) != 1 or head.actor is None or head.actor.type == "person":
        return []
    if not _POSSESSIVE_AFTER.match(text[head.end :]):
        return []
    people = [s for s in before if s.start > head.end and s.actor is not None and s.actor.type == "person"]
    return people[:1]


#: More words than this between a reporting verb and a trigger means another, unnamed subject.
SPEAKER_GAP_WORDS = 1


def _speaker_only(slot: Slot, match: TriggerMatch, text: str, rules: EventRules, words: ListWords) -> bool:
    """Whether the chosen subject is only the speaker of a reported clause with its own subject."""
    between = text[slot.end : match.full_start]
    reporting = list(rules.compiled("reporting").finditer(between))
    if not reporting:
        return False
    rest = [
        w for w in between[reporting[-1].end() :].split() if not words.complementizer.match(w.strip(",."))
    ]
    return len(rest) > SPEAKER_GAP_WORDS


def _shared_subject(
    previous: Sequence[Slot], start: int, end: int, text: str, rules: EventRules, words: ListWords
) -> list[Slot]:
    """The subject a conjoined clause shares with the clause before ("X khẳng định Y luôn coi trọng
    ... và mong muốn ..." -> Y): the first actor after the last reporting verb, else the subject."""
    reporting = list(rules.compiled("reporting").finditer(text, start, end))
    if reporting:
        if text[start:end].rstrip().endswith(","):  # "X said Y ..., and thanked Z": X thanked
            before = [s for s in previous if s.end <= reporting[0].start()]
            return (
                _subject(before, text[start : reporting[0].start()], start, text, rules, words)
                if before
                else []
            )
        after = [s for s in previous if s.start >= reporting[-1].end()]
        if after and _opens_complement(text, reporting[-1].end(), after[0], words):
            return [after[0]]
        # "hai bên nhắc lại kết quả chuyến thăm của Tổng thống X và nhất trí": X is inside the
        # object of the reporting verb, so the clause shares the subject before it
        before = [s for s in previous if s.end <= reporting[-1].start()]
        if before:
            return _subject(before, text[start : reporting[-1].start()], start, text, rules, words)
    # the clause before read no event: its subject opens its comma segment ("hai bên nhắc lại kết
    # quả chuyến thăm của Tổng thống X ... và nhất trí": the two sides agreed, not X)
    own_start = text.rfind(",", start, end) + 1 or start
    own = [s for s in previous if s.start >= own_start]
    if own and _opens(own[0], own_start, text):
        return chain_forward(own, text, words=words)
    return _subject(previous, text[start:end], start, text, rules, words)


def _opens(slot: Slot, at: int, text: str) -> bool:
    """Whether ``slot`` (with its title) stands first in the segment from ``at``."""
    return not text[at : slot.lead if slot.lead is not None else slot.start].strip()


def _opens_complement(text: str, at: int, slot: Slot, words: ListWords) -> bool:
    """Whether ``slot`` is the subject of what a reporting verb ending at ``at`` reports: at most
    SPEAKER_GAP_WORDS words (complementizers aside) between them ("khẳng định Việt Nam luôn ...")."""
    rest = [
        w for w in text[at : slot.lead or slot.start].split() if not words.complementizer.match(w.strip(",."))
    ]
    return len(rest) <= SPEAKER_GAP_WORDS


def _between(
    slots: list[Slot], text: str, rules: EventRules, source: Sequence[Actor], words: ListWords
) -> list[Slot]:
    """In "between X and Y" drop the member on the source's own side."""
    if not slots:
        return slots
    if not rules.compiled("between").search(text[max(0, slots[0].start - 15) : slots[0].start]):
        return slots
    pair = (
        slots[:2]
        if len(slots) >= 2 and words.pair_gap.match(text[slots[0].end : slots[1].start])
        else slots[:1]
    )
    kept = [s for s in pair if not (s.actor and _same_side(s.actor, source))]
    return kept or pair


def _same_side(actor: Actor, side: Sequence[Actor]) -> bool:
    for other in side:
        if same_actor(actor, other):
            return True
        if actor.country and actor.country == other.country and "place" in (actor.type, other.type):
            return True
    return False
