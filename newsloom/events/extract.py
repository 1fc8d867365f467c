"""Sentence-level event extraction with the trigger rules of the language packs.

For each sentence: find the triggers, split the sentence into clauses (one main predicate each)
(``triggers``), then find the source and the target among the actor slots (``slots``, ``arguments``),
with pronouns ("He", "Bà"), "the two sides" and dropped subjects resolved from the sentences before.
Dates come from the time expressions (``dates``), locations from place mentions or the dateline
(``locations``), modes from the pack's cues (``modes``). ``newsloom.events.rollup`` then groups the
sentence-level events into article-level events.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from newsloom.article import Article, Sentence
from newsloom.entities.types import Mention
from newsloom.events.actors import country_code, fold, mention_key, same_actor
from newsloom.events.arguments import SentenceContext, State, dedupe, find_arguments
from newsloom.events.conjunctions import ListWords, default_list_words
from newsloom.events.counterparts import one_per_counterpart
from newsloom.events.dates import DAY_PRECISIONS, date_for, date_range, times_by_sentence
from newsloom.events.descriptions import demonym_before
from newsloom.events.gatherings import gathering_event
from newsloom.events.locations import dateline_place, event_location, place_country
from newsloom.events.modes import host_by_place, trigger_reading, with_evidence
from newsloom.events.readings import obliged, previous_subject, reading_sides, subject_first
from newsloom.events.rollup import participants_match
from newsloom.events.rules import EventRules, Trigger
from newsloom.events.slots import Slot, mentions_by_sentence, sentence_slots
from newsloom.events.triggers import find_triggers, main_triggers, split_clauses
from newsloom.events.types import Actor, Event
from newsloom.lang import load_part
from newsloom.timex.types import TimeExpression

#: Confidence adjustments.
PENALTY_INFERRED_SOURCE = 0.15  # the source came from a pronoun or a dropped subject


PENALTY_NO_RECIPIENT = 0.1  # a type PLOVER says needs a recipient has none


BONUS_DATED = 0.05  # the sentence says when


def _rules_for(code: str | None) -> EventRules:
    rules: EventRules = load_part(code, "events")
    return rules


def _contexts(sentence: Sentence, rules: EventRules) -> tuple[str, ...]:
    found = [context for pattern, context in rules.contexts if re.search(pattern, sentence.text, re.I)]
    return tuple(dict.fromkeys(found))


def extract_events(article: Article, words: ListWords | None = None) -> list[Event]:
    """Every sentence-level event of an article (before roll-up); ``words`` are the list words of
    the languages the stage is built for (``events/conjunctions.py``), by default every first-class one."""
    words = words or default_list_words()
    text = article.text
    mentions_of = mentions_by_sentence(article)
    times = times_by_sentence(article)
    dateline = dateline_place(article)
    local_country = place_country(dateline) if dateline else None
    state = State()
    events: list[Event] = []
    paragraph = -1
    paragraph_times: list[TimeExpression] = []
    for index, sentence in enumerate(article.sentences):
        if sentence.paragraph != paragraph:
            paragraph, paragraph_times = sentence.paragraph, []
            state.paragraph_source = ()
        language = sentence.language or article.language
        rules = _rules_for(language)
        mentions = mentions_of.get(index, [])
        slots = sentence_slots(
            sentence, mentions, text, rules, article.entities, rules.home_country, local_country, words
        )
        persons = _with_host(slots, text, sentence.start, state, rules)
        state.sentence_persons = tuple(persons) if len(persons) >= 2 else ()
        state.person_slots = tuple(
            (s.start, s.actor) for s in slots if s.actor is not None and s.actor.type == "person"
        )
        sentence_events = _sentence_events(
            article,
            index,
            sentence,
            rules,
            slots,
            mentions,
            state,
            times,
            paragraph_times,
            dateline,
            language,
            words,
        )
        events.extend(sentence_events)
        if not sentence_events:  # "the ceremony opened at the Centre": the gathering, no one named
            held = gathering_event(
                article, index, sentence, rules, mentions, times, paragraph_times, dateline
            )
            events.extend([held] if held is not None else [])
        # the subject first: "Meeting Minister X, Quang said ..." leaves Quang, not X, as the last person
        _update_state(state, sentence_events, subject_first(text, rules, slots, sentence.start, sentence.end))
        paragraph_times.extend(
            t for t in times.get(index, []) if date_range(t.value, t.end_value)[2] in DAY_PRECISIONS
        )
    return events


def _sentence_events(
    article: Article,
    index: int,
    sentence: Sentence,
    rules: EventRules,
    slots: list[Slot],
    mentions: list[Mention],
    state: State,
    times: dict[int, list[TimeExpression]],
    paragraph_times: list[TimeExpression],
    dateline: str | None,
    language: str | None,
    words: ListWords,
) -> list[Event]:
    text = article.text
    triggers = find_triggers(sentence, text, rules, slots, article.entities)
    if not triggers:
        return []
    clauses = split_clauses(sentence, text, rules, triggers, words)
    negation = rules.compiled("negation")
    hypothetical = rules.compiled("hypothetical")
    opinion = rules.compiled("opinion")
    nonfactual = rules.compiled("nonfactual")
    possibility = rules.compiled("possibility")
    context = SentenceContext(text, rules, slots, state, sentence.start, words=words)
    by_type: dict[int, Event] = {}
    for clause_index, match in main_triggers(text, clauses, triggers, slots):
        clause = clauses[clause_index]
        before_text = text[clause[0] : match.full_start]
        if (
            negation.search(before_text[-30:])
            or hypothetical.search(before_text)
            or opinion.search(before_text)
            or nonfactual.search(before_text)
        ):
            continue
        if match.trigger.type == "THREATEN" and possibility.search(text, match.end, clause[1]):
            continue  # "warned that the law could be misused": a possibility, not a threat
        arguments = find_arguments(match, clause, clause_index, context)
        if arguments is None or len(arguments.source) < match.trigger.min_sources:
            continue
        context.clause_subjects[clause_index] = arguments.source
        if arguments.joint and not arguments.target:
            context.clause_joint.add(clause_index)
        trigger = match.trigger
        date_, date_end, precision, date_source, time_text = date_for(
            index, sentence, match.start, times, paragraph_times, article.published, rules, text
        )
        location, location_source = event_location(
            sentence, mentions, text, rules, [*arguments.source, *arguments.target], dateline, trigger,
            arguments.target, after=match.end,
        )  # fmt: skip
        reading = trigger_reading(match, sentence, text, rules, clause)
        mode = reading[0]
        host = trigger.host if trigger.type == "CONSULT" else None
        if trigger.type == "CONSULT" and mode is None and host is None:
            mode, host = host_by_place(location, location_source, arguments.source, arguments.target)
            reading = (mode, location)
        confidence = trigger.confidence
        if arguments.inferred:
            confidence -= PENALTY_INFERRED_SOURCE
        if not arguments.target and trigger.type in ("COOPERATE", "AID", "SANCTION"):
            confidence -= PENALTY_NO_RECIPIENT
        if date_source == "time":
            confidence += BONUS_DATED
        event = Event(
            type=trigger.type,
            sentence=index,
            evidence=sentence.text,
            start=match.start,
            end=match.end,
            trigger=text[match.start : match.end],
            mode=mode,
            source=tuple(a.key for a in arguments.source),
            target=tuple(a.key for a in arguments.target),
            date=date_,
            date_end=date_end,
            precision=precision,
            date_source=date_source,
            location=location,
            language=language,
            confidence=round(max(0.05, min(0.99, confidence)), 3),
            rule=with_evidence(f"{language or 'generic'}:{trigger.pattern[:40]}", reading),
            source_actors=tuple(arguments.source),
            target_actors=tuple(arguments.target),
            joint=arguments.joint,
            host=host,
            paragraph=sentence.paragraph,
            time_text=time_text,
            location_source=location_source,
            location_key=fold(location) if location else None,
            context=_contexts(sentence, rules),
        )
        for each in one_per_counterpart(event, trigger, sentence, rules):
            _add_or_combine(by_type, each)
    return list(by_type.values())


def _add_or_combine(by_type: dict[int, Event], event: Event) -> None:
    """Add a sentence's event, or combine it with the one of its type (for a meeting: of its
    participants) already read there."""
    same = next(
        (
            k
            for k, e in by_type.items()
            if e.type == event.type
            and (
                event.type != "CONSULT"
                or participants_match(
                    [*e.source_actors, *e.target_actors], [*event.source_actors, *event.target_actors]
                )
            )
        ),
        None,
    )
    if same is not None:
        by_type[same] = _combine(by_type[same], event)
    else:
        by_type[len(by_type)] = event


def _combine(first: Event, second: Event) -> Event:
    """Two mentions of one type in one sentence are one event with the actors of both."""
    source = dedupe([*first.source_actors, *second.source_actors])
    target = tuple(
        t
        for t in dedupe([*first.target_actors, *second.target_actors])
        if t.key not in {s.key for s in source}
    )
    return replace(
        first,
        source_actors=source,
        target_actors=target,
        source=tuple(a.key for a in source),
        target=tuple(a.key for a in target),
        joint=first.joint or second.joint,
        confidence=max(first.confidence, second.confidence),
        mode=first.mode or second.mode,
        context=tuple(dict.fromkeys([*first.context, *second.context])),
    )


def _with_host(slots: list[Slot], text: str, start: int, state: State, rules: EventRules) -> list[Actor]:
    """The people a sentence names, or, when it opens with a "with" phrase naming only the current
    meeting host's counterparts, the host and them ("In the meetings with A and B, the sides agreed":
    the host, A and B are the sides; "Tại buổi tiếp Bộ trưởng A, hai bên nhắc lại chuyến thăm của
    Tổng thống B": B, named after the phrase, is no side); the "with" words are the pack's
    ``counterparts_before``."""
    persons = [s.actor for s in slots if s.actor is not None and s.actor.type == "person"]
    if not slots or not persons or state.meeting is None:
        return persons
    if not rules.compiled("counterparts_before").search(text[start : slots[0].lead or slots[0].start]):
        return persons
    # the counterparts are those named before "the sides" ("hai bên"), not in what they discussed
    sides = next((s.start for s in slots if s.kind == "joint"), None)
    named = [
        s.actor
        for s in slots
        if s.actor is not None and s.actor.type == "person" and (sides is None or s.start < sides)
    ]
    hosts = [a for a in state.meeting[0] if a.type == "person"]
    if not hosts or any(same_actor(h, p) for h in hosts for p in persons):
        return persons
    return [*hosts, *named]


def _update_state(state: State, events: Sequence[Event], slots: Sequence[Slot]) -> None:
    """Carry the subject, the last person and the current meeting to the next sentences."""
    explicit = [s.actor for s in slots if s.kind == "mention" and s.actor is not None]
    if events:
        last = events[-1]
        if last.source_actors:
            state.last_subject = last.source_actors
            state.paragraph_source = last.source_actors
        persons = [a for a in last.source_actors if a.type == "person"]
        if persons:
            state.last_person = persons[0]
        elif any(a.type == "person" for a in explicit):
            state.last_person = next(a for a in explicit if a.type == "person")
        for event in events:
            if event.type == "CONSULT" and (event.source_actors or event.target_actors):
                state.meeting = (event.source_actors, event.target_actors)
    elif explicit:
        state.last_subject = (explicit[0],)
        persons = [a for a in explicit if a.type == "person"]
        if persons:
            state.last_person = persons[0]


def _with_article_country(slot: Slot, article: Article, rules: EventRules) -> Slot:
    """A person slot with the country another mention of the same person in the article gives, by
    its role or the nationality of its title ("South African President Cyril Ramaphosa" ...
    "Ramaphosa told reporters")."""
    actor = slot.actor
    if actor is None or actor.type != "person" or actor.country is not None:
        return slot
    for mention in article.entities:
        if mention.type != "person" or not mention.role or mention_key(mention) != actor.key:
            continue
        code = country_code(mention.role_of) if mention.role_of else None
        code = code or demonym_before(article.text[max(0, mention.start - 40) : mention.start], rules)
        if code:
            return replace(slot, actor=replace(actor, country=code))
    return slot


def sentence_event(
    article: Article,
    index: int,
    type_: str,
    confidence: float,
    require_actor: bool = True,
    words: ListWords | None = None,
) -> Event | None:
    """An event of a known type for a whole sentence (a classifier's finding), its sides read by
    :func:`newsloom.events.readings.reading_sides` (actor order, a visit's visitor and host, a
    pronoun subject); None when the sentence names no actor and one is required. ``words`` are the
    list words of the stage's languages (``events/conjunctions.py``), by default every first-class one."""
    words = words or default_list_words()
    sentence = article.sentences[index]
    language = sentence.language or article.language
    rules = _rules_for(language)
    mentions_of = mentions_by_sentence(article)
    mentions = mentions_of.get(index, [])
    dateline = dateline_place(article)
    local_country = place_country(dateline) if dateline else None

    def slots_of(i: int) -> list[Slot]:
        rules_i = _rules_for(article.sentences[i].language or article.language)
        return sentence_slots(
            article.sentences[i], mentions_of.get(i, []), article.text, rules_i, article.entities,
            rules_i.home_country, local_country, words,
        )  # fmt: skip

    ordered = subject_first(article.text, rules, slots_of(index), sentence.start, sentence.end)
    slots = [
        _with_article_country(s, article, rules)
        for s in ordered
        if s.actor is not None or s.kind == "pronoun"
    ]
    subject = None
    # "In the evening he hosted ...": who "he" is; "The UN should reform": who asks it
    if slots and (slots[0].kind == "pronoun" or obliged(article.text, rules, slots[0])):
        subject = previous_subject(
            article,
            index,
            slots_of,
            lambda i: _rules_for(article.sentences[i].language or article.language),
            words,
        )
    source, target = reading_sides(article.text, rules, slots, sentence.start, sentence.end, subject)
    if not source and not target and require_actor:
        return None
    times = times_by_sentence(article)
    earlier = [
        t
        for i in range(index)
        if article.sentences[i].paragraph == sentence.paragraph
        for t in times.get(i, [])
        if date_range(t.value, t.end_value)[2] in DAY_PRECISIONS
    ]
    date_, date_end, precision, date_source, time_text = date_for(
        index, sentence, sentence.start, times, earlier, article.published, rules, article.text
    )
    trigger = Trigger(pattern="", type=type_)
    location, location_source = event_location(
        sentence, mentions, article.text, rules, [*source, *target], dateline, trigger, target
    )
    return Event(
        type=type_,
        sentence=index,
        evidence=sentence.text,
        start=sentence.start,
        end=sentence.end,
        trigger="",
        source=tuple(a.key for a in source),
        target=tuple(a.key for a in target),
        date=date_,
        date_end=date_end,
        precision=precision,
        date_source=date_source,
        location=location,
        language=language,
        confidence=confidence,
        rule="embedding",
        source_actors=tuple(source),
        target_actors=tuple(target),
        paragraph=sentence.paragraph,
        time_text=time_text,
        location_source=location_source,
        location_key=fold(location) if location else None,
        context=_contexts(sentence, rules),
        classifier="embedding",
    )
