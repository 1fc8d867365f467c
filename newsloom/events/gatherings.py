"""Named gatherings told without their participants: "Lễ mở ký Công ước khai mạc tại Trung tâm Hội
nghị Quốc gia" ("the signing ceremony opened at the National Convention Centre") names no one, yet
it reports the same ceremony as "Lương Cường chaired the ceremony at the National Convention Centre".

Such a sentence (the pack's ``gathering_held``: a gathering's name, then "opened", "took place")
gives a multilateral meeting with no participant. What joins it to the stored meeting of that
gathering is the gathering's key: its venue (a gazetteer place, one key in every language) and its
day. A venue is kept only when the sentence itself names it ("tại", "at") and it is a building (a
gazetteer landmark, or a place the gazetteer does not know): a city, named or in the dateline,
holds many gatherings a day. Two gatherings at one venue on one day (the signing ceremony and the
press conference after it) are told apart by the gathering's name (the pack's group "name"): the
stored meeting one of whose reports writes that name is preferred.

A gathering told with no venue ("Lễ mở ký Công ước khai mạc sáng 25/10", "the ASEAN Summit opened on
Sunday") is kept only when its name is a proper name (a capitalised word after its first: "the
Business Forum", not "the ceremony" nor "Forum yang ...") and the sentence dates it (not the
publication day). It then joins the one multilateral meeting of that day one of whose reports writes
that name, and never a meeting when two of that day write it. Unmatched it is stored, keyed by
``TOLD_KEY`` and its day, so that the meeting, coming later, finds it: the record does not depend on
which report came first. Without a proper name or a day of its own it is dropped: "the ceremony
opened" names no gathering a reader could tell from the others of the day.
"""

from __future__ import annotations

from newsloom.article import Article, Sentence
from newsloom.entities.types import Mention
from newsloom.events.actors import fold
from newsloom.events.dates import date_for
from newsloom.events.locations import event_location
from newsloom.events.places import place_entry
from newsloom.events.rules import EventRules, Trigger
from newsloom.events.types import Event
from newsloom.lang import load_part
from newsloom.timex.types import TimeExpression

#: The mode of a gathering's meeting: a ceremony or a conference is attended by many.
GATHERING_MODE = "multilateral"

#: Where a venue must come from to key a gathering: the sentence names it.
VENUE_SOURCES = ("sentence",)

#: A told gathering is less certain than a predicate with its actors.
GATHERING_CONFIDENCE = 0.6

#: Blocking keys (with the day) of stored multilateral meetings: those naming participants, and
#: gatherings told by their name alone with no venue.
MEETING_KEY = "gathering:meeting"
TOLD_KEY = "gathering:told"

#: Where the day of a gathering told with no venue must come from: its own text.
TOLD_DATE_SOURCES = ("time", "previous")


def gathering_keys(type_: str, mode: str | None, named: bool) -> set[str]:
    """The gathering keys of a stored event: a multilateral meeting naming participants
    (``named``) or told by its name alone."""
    if type_ != "CONSULT" or mode != GATHERING_MODE:
        return set()
    return {MEETING_KEY if named else TOLD_KEY}


def proper_name(name: str) -> bool:
    """Whether a gathering's name names one gathering: a capitalised word after its first ("the
    Business Forum", "Lễ mở ký Công ước"), not "the ceremony" or "Forum yang"."""
    return any(word[:1].isupper() for word in name.split()[1:])


def venue_key(type_: str, mode: str | None, location: str | None, location_source: str | None) -> str | None:
    """The blocking key of a multilateral meeting at a named venue ("venue:<gazetteer id>", else the
    folded name), or None for any other event."""
    if type_ != "CONSULT" or mode != GATHERING_MODE or not location or location_source not in VENUE_SOURCES:
        return None
    entry = place_entry(location)
    if entry is not None and entry.kind != "landmark":
        return None  # a city or a country: many gatherings a day
    return f"venue:{entry.id if entry is not None else 'name:' + fold(location)}"


def told_name(event: Event) -> str | None:
    """The gathering's name in the sentence of an event read by ``gathering_held``, else None."""
    if not event.rule.endswith(":gathering_held"):
        return None
    rules: EventRules = load_part(event.language, "events")
    return gathering_name(event.evidence, rules)


def gathering_name(sentence: str, rules: EventRules) -> str | None:
    """The gathering's name as the pack's ``gathering_held`` reads it in a sentence (group "name"),
    folded; None without one."""
    match = rules.compiled("gathering_held").search(sentence)
    name = match.groupdict().get("name") if match else None
    return fold(name.strip()) if name else None


def gathering_event(
    article: Article,
    index: int,
    sentence: Sentence,
    rules: EventRules,
    mentions: list[Mention],
    times: dict[int, list[TimeExpression]],
    paragraph_times: list[TimeExpression],
    dateline: str | None,
) -> Event | None:
    """The meeting a sentence reports by its gathering's name alone, at a venue it names; None when
    the sentence tells no such gathering or names no venue."""
    text = article.text
    # searched in the sentence alone: "^" is its start
    match = rules.compiled("gathering_held").search(sentence.text)
    if match is None:
        return None
    span = match.span("t") if match.groupdict().get("t") else match.span()
    start, end = sentence.start + span[0], sentence.start + span[1]
    trigger = Trigger(pattern=rules.gathering_held, type="CONSULT", mode=GATHERING_MODE)
    location, location_source = event_location(sentence, mentions, text, rules, [], dateline, trigger, [])
    date_, date_end, precision, date_source, time_text = date_for(
        index, sentence, start, times, paragraph_times, article.published, rules, text
    )
    if venue_key("CONSULT", GATHERING_MODE, location, location_source) is None and not (
        proper_name(match.group("name") or "") and date_source in TOLD_DATE_SOURCES
    ):
        return None
    language = sentence.language or article.language
    return Event(
        type="CONSULT",
        sentence=index,
        evidence=sentence.text,
        start=start,
        end=end,
        trigger=text[start:end],
        mode=GATHERING_MODE,
        date=date_,
        date_end=date_end,
        precision=precision,
        date_source=date_source,
        location=location,
        language=language,
        confidence=GATHERING_CONFIDENCE,
        rule=f"{language or 'generic'}:gathering_held",
        paragraph=sentence.paragraph,
        time_text=time_text,
        location_source=location_source,
        location_key=fold(location) if location else None,
    )
