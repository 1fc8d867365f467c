"""Incremental story clustering: each new article joins a stored story or starts one.

``cluster_article(conn, article)`` is the corpus step run after the "embed" stage, inside the
article's transaction. An ordinary article is one *unit*; a roundup (see
``newsloom.stories.stage.segments``) is one unit per reported event, and each unit joins its own
story, so a roundup belongs to several stories without merging them.

For each unit, candidate stories come only from blocking:

- its entity and event keys, looked up in ``story_keys`` within a date window around the unit's
  date (its event date, else its publication date, or for a look-back piece the older day its lead
  names: ``article_date``; month-days of an unknown year match too);
- random-hyperplane LSH buckets of its centred vector in ``story_lsh``, within the same window.

Each candidate is scored on embedding similarity (cosine of per-language centred vectors, so a
Vietnamese and an English report of one meeting compare as well as two Vietnamese ones), entity
and event overlap (IDF-weighted, by share of the story's members), and date distance (unknown
when either date is missing, never "far"); a logistic join model learned from labelled pairs
(``newsloom.stories.join``) turns them into the log-odds of one event. The unit joins the best
story with log-odds at least ``JOIN_THRESHOLD``, else starts one; a story dated more than a
month from a dated unit is never joined. The cost per article
is a bounded number of indexed lookups: the same at 1,000 and at 50,000 stored articles.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cache

import numpy as np

from newsloom.article import Article
from newsloom.store import Connection
from newsloom.store import entities as entity_rows
from newsloom.store import events as event_rows
from newsloom.store import stories as sql
from newsloom.stories.embed import content_key
from newsloom.stories.join import MAX_GAP_DAYS, JoinSignals, join_model, too_far
from newsloom.stories.stage import (
    LEAD_SENTENCES,
    Segment,
    article_passage,
    day_of,
    encoder_name,
    segment_passage,
    segments,
    unit_vectors,
)

#: Days either side of a unit's date in which candidate stories are looked for: reports of an
#: event come within a day or two, weekly digests look back further (their segments carry the
#: event's own date).
DATE_WINDOW_DAYS = 3
#: Weight of each kind of key in the entity overlap: who acted says most about which event it is;
#: organisations and places are shared by many events of a week.
KEY_WEIGHTS = {"person": 1.0, "organization": 0.5, "place": 0.25, "event": 0.5, "number": 0.5}
#: A mention outside the lead seen only once is background: half weight.
BACKGROUND_WEIGHT = 0.5
#: Keys looked up per unit (the heaviest first); the rest still count in the score.
MAX_BLOCKING_KEYS = 12
#: LSH: bands x bits of random hyperplanes over centred vectors. With 6 bits a band, a pair at
#: centred cosine 0.45 (a typical cross-lingual report of one event) shares some band of 16 with
#: probability ~0.7, an unrelated pair (cosine ~0) with ~0.2; keys find the rest.
LSH_BANDS = 16
LSH_BITS = 6
LSH_SEED = 20251021
#: Shrinkage of a language's mean towards the all-language mean (in pseudo-counts): a language
#: with few stored vectors is centred mostly by the common direction of the model.
MEAN_PRIOR_COUNT = 10
#: Below this many stored vectors the mean is only partly subtracted (scaled by count / this).
MEAN_MIN_COUNT = 10
#: The similarity signal is discounted by how well the language's mean is known: n / (n + this)
#: for n stored vectors of the language (the join model was trained on vectors centred by the mean
#: of a whole corpus; early in a store the centred cosine of two reports is inflated by what all
#: texts share). The same discount applies to every pair, whatever the store or the languages.
SIMILARITY_PRIOR_COUNT = 3
#: Whether a unit joins a candidate is decided by the learned join model (``newsloom.stories.join``,
#: trained by ``scripts/train_stories.py``): it joins the best candidate whose log-odds of
#: reporting the same event are at least this. Above 0 (probability 0.62, not 0.5): a unit wrongly
#: joined while articles arrive also threads its story wrongly, and the end-of-run re-clustering
#: (at 0.4, ``recluster.LINK_PROBABILITY``) mends a split story better than a merged one. Chosen on
#: the project gold (dev; bench/stories.py, 3 orders): 0.0 -> 0.5 lifted the incremental F1 from
#: 0.909 to 0.964 and the storyline inverse purity after re-clustering from 0.622 to 0.733, and
#: left the re-clustered F1 as it was (0.987; GVC dev 0.900).
JOIN_THRESHOLD = 0.5
#: Story keys carried by fewer members than this share are left out of its profile (noise).
PROFILE_MIN_SHARE = 0.2
#: Characters of a lead sentence kept as a story title.
TITLE_CHARS = 200
#: Numbers that tell one event from another of its kind: a victim's age, a count, an amount, a
#: house number (two digits or more, or grouped thousands: "18,000" = "18.000" = "18000"). Digits
#: read the same in every language; a number inside a time expression (a date, a clock time) and a
#: bare year are left out, as many events share them.
NUMBER = re.compile(r"(?<![\w.,])\d{1,3}(?:[.,]\d{3})+(?!\w)|(?<![\w.,:/-])\d{2,}(?![\w:/])")
#: Numbers counted per unit at most (a table of figures is not an event's identity).
MAX_NUMBERS = 12
#: A number stated by at most this many reports of a collection is rare (``rare_number``): about the
#: reports of one event. Weighting the shared-numbers signal by rarity (1 up to this, then 4 / holders)
#: was tried in round 6 and did not help on GVC dev (0.888 against 0.897 without it): rarity
#: only decides whether a number vouches for a link across days (``recluster.vouched``).
RARE_NUMBER_HOLDERS = 4
#: Key prefixes of the names whose lack of any in common is a signal (``names_apart``): people, places.
APART_KINDS = ("person:", "place:")
#: Place keys wider than where an event happens: a country ("place:VN", as the gazetteer keys them)
#: or a world region ("place:region:002", a sea). Two reports may share these and still tell of
#: events in two cities (the same two ministers' talks in Jakarta, then their signing in Kuala Lumpur).
WIDE_PLACE = re.compile(r"place:(?:[A-Z]{2}$|region:)")
#: Key prefixes of the gazetteer's cities and landmarks: where an event happened when a unit names one
#: in its title or lead, or more than once (``event_cities``). Places the gazetteer does not know
#: (streets, venues, misread names) are left out of that rule: too many of them are noise.
CITY_PREFIXES = ("place:geo:", "place:landmark:")
#: Province keys ("place:iso:VN-36"): between a country and a city. Two reports naming other towns
#: of one province are not counted apart (one flood is told from several communes).
PROVINCE_PREFIX = "place:iso:"
#: A month or year value with its year ("2024-09", "2024"; not "XXXX-09", not a decade "202X").
PARTIAL_DATE = re.compile(r"\d{4}(?:-\d{2})?$")
#: Keys of names the gazetteer does not know ("person:lang nu", "place:lang nu", "org:kspi"): one
#: name, whatever kind the entity stage gave it (``name_of``).
PLAIN_NAME = re.compile(r"(?:person|place|org|organization):(?!geo:|iso:|landmark:|region:|[A-Z]{2}$)(.+)")
#: The kinds a plain name is looked up under in a story's keys (``name_aliases``).
NAME_KINDS = ("person", "place", "org", "organization")
#: Two acts (``unit_acts``) of one PLOVER type dated at most this many days apart are the same kind
#: of event at the same time: if no two such acts of two units share a participant, the units report
#: other events (``recluster.acts_apart_matrix``).
ACT_DAYS = 3


@dataclass(frozen=True, slots=True)
class Act:
    """An event a unit reports with the day the text gives it and its participants (two people or more)."""

    type: str  # PLOVER type
    day: date
    participants: frozenset[str]  # canonical keys of its people, organisations and groups


@dataclass(slots=True)
class Unit:
    """What joins a story: a whole article (segment -1) or one event segment of a roundup."""

    segment: int
    span: tuple[int, int] | None  # the segment's characters in article.text (None: the whole article)
    vector: np.ndarray  # raw, unit length
    passage: str
    keys: dict[str, float]
    date: str | None
    title: str | None
    title_rank: int
    exact: bool = False  # the date is said in the text (an event or lead date), not the publication date
    acts: tuple[Act, ...] = ()  # its dated events with their participants (``unit_acts``)
    events: frozenset[int] = frozenset()  # stored dated events with a source in it (``unit_events``)
    centred: np.ndarray = field(default_factory=lambda: np.zeros(0))
    language_vectors: int = 0  # vectors of its language centred so far


@dataclass(slots=True)
class Candidate:
    story: sql.StoryRow
    via: set[str]
    score: float = 0.0
    sim: float = 0.0
    overlap: float = 0.0
    days: int | None = None


# -- keys, dates, titles ------------------------------------------------------------------------


def person_key(key: str) -> str:
    """A person key kept to its last two name words: 'matamela cyril ramaphosa' = 'cyril ramaphosa'."""
    kind, _, name = key.partition(":")
    words = name.split()
    return f"{kind}:{' '.join(words[-2:])}" if len(words) > 2 else key


def _type_of(key: str, mention_type: str) -> str:
    return mention_type if mention_type in KEY_WEIGHTS else "organization"


def linked_keys(conn: Connection, article_id: str) -> dict[int, str]:
    """Mention start offset -> canonical entity key, where the entity linking step has run."""
    return entity_rows.linked_keys(conn, article_id)


def unit_keys(article: Article, segment: Segment | None, canonical: dict[int, str]) -> dict[str, float]:
    """Weighted keys of the mentions and events of a segment (None: of the whole article).

    In a whole article, a name met once outside the title and lead is background (half weight)."""

    def inside(offset: int) -> bool:
        return segment is None or segment.holds(article, offset)

    lead_end = (
        article.sentences[min(LEAD_SENTENCES, len(article.sentences)) - 1].end if article.sentences else 0
    )
    counts: Counter[str] = Counter()
    kinds: dict[str, str] = {}
    in_lead: set[str] = set()
    title = (article.title or "").casefold()
    for mention in article.entities:
        if not mention.key or not (segment is None or segment.takes(article, mention.start, mention.key)):
            continue
        key = canonical.get(mention.start, mention.key)
        if mention.type == "person":
            key = person_key(key)
        counts[key] += 1
        kinds[key] = _type_of(key, mention.type)
        if mention.start < lead_end or (mention.text and mention.text.casefold() in title):
            in_lead.add(key)
    keys = {
        key: KEY_WEIGHTS[kinds[key]]
        * (1.0 if key in in_lead or count > 1 or segment is not None else BACKGROUND_WEIGHT)
        for key, count in counts.items()
    }
    groups: dict[int, set[str]] = {}
    # one key per meeting: "received X, Y and Z" is one per guest, as a report telling each guest in
    # its own sentence keys them (one key for the trigger's guests matched neither)
    for event in article.events:
        if event.parent is not None or not (0 <= event.sentence < len(article.sentences)):
            continue  # statements made at a meeting belong to the meeting
        if not inside(article.sentences[event.sentence].start):
            continue
        actors = {person_key(a) if a.startswith("person:") else a for a in (*event.source, *event.target)}
        group = event.group
        groups.setdefault(group if group >= 0 else -1 - len(groups), set()).update(
            a for a in actors if not a.startswith("place:")
        )
    for actors in groups.values():
        if len(actors) >= 2:
            keys["event:" + "+".join(sorted(actors))] = KEY_WEIGHTS["event"]
    for number in number_keys(article, segment):
        keys[number] = KEY_WEIGHTS["number"]
    return keys


def unit_acts(article: Article, segment: Segment | None) -> tuple[Act, ...]:
    """The events of a unit (its top-level ones, in its sentences) dated by the text to a full day
    (not by the publication date) between two people or more (their participants: people,
    organisations and groups; places left out): what tells two meetings of one day, each with its
    own guests, apart. Events without two named people are left out: counted with them (a
    shooting's "police" and a street read as a person), acts apart held for 3 GVC train pairs and 1
    GVC dev pair of one incident; with two people, for none."""
    acts: list[Act] = []
    for event in article.events:
        if event.parent is not None or event.date_source not in ("time", "previous"):
            continue
        if not (0 <= event.sentence < len(article.sentences)):
            continue
        if segment is not None and not segment.holds(article, article.sentences[event.sentence].start):
            continue
        day = _parse_day(day_of(event.date))
        participants = frozenset(
            person_key(a) if a.startswith("person:") else a
            for a in (*event.source, *event.target)
            if not a.startswith("place:")
        )
        people = sum(1 for p in participants if p.startswith("person:"))
        if day is not None and people >= 2:
            act = Act(event.type, day, participants)
            if act not in acts:
                acts.append(act)
    return tuple(acts)


def number_keys(article: Article, segment: Segment | None) -> list[str]:
    """``number:`` keys of the numbers a unit states (see ``NUMBER``), first ones first."""
    inside_times = [(t.start, t.end) for t in article.times]
    found: list[str] = []
    for match in NUMBER.finditer(article.text):
        offset = match.start()
        if segment is not None and not segment.holds(article, offset):
            continue
        if any(start <= offset < end for start, end in inside_times):
            continue
        digits = re.sub(r"[.,]", "", match.group()).lstrip("0")
        if not digits or (len(digits) == 4 and digits[:2] in ("19", "20")):
            continue  # a bare year
        key = "number:" + digits
        if key not in found:
            found.append(key)
        if len(found) >= MAX_NUMBERS:
            break
    return found


def _parse_day(value: str | None) -> date | None:
    if not value or value.startswith("XXXX"):
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def day_distance(a: str | None, b: str | None) -> int | None:
    """Days between two unit/story dates; month-days compared when a year is unknown."""
    if not a or not b:
        return None
    da, db = _parse_day(a), _parse_day(b)
    if da and db:
        return abs((da - db).days)
    try:  # at least one year unknown: compare month and day in a leap year
        ma = date.fromisoformat("2024" + a[4:10])
        mb = date.fromisoformat("2024" + b[4:10])
    except ValueError:
        return None
    days = abs((ma - mb).days)
    return min(days, 366 - days)


def date_window(value: str | None, days: int = DATE_WINDOW_DAYS) -> list[str] | None:
    """Every day within ``days`` of ``value`` (None when the date, or its year, is unknown)."""
    center = _parse_day(value)
    if center is None:
        return None
    return [(center + timedelta(days=offset)).isoformat() for offset in range(-days, days + 1)]


def article_date(article: Article) -> tuple[str | None, bool]:
    """The date of what an article reports and whether the text says it: its first dated event,
    else the first day named in its lead (exact); else its publication date (not exact: a report
    may come days after); None when nothing is known. A look-back piece, whose lead names days only
    long before its publication ("Sáng 10/9/2024, ..." published in 2026; more than ``MAX_GAP_DAYS``),
    is dated by the older event it tells, not by its publication: so it joins that event's reports and
    never the current story of the same kind. An article with no publication date and no day in its
    text is dated by the first month or year its lead names with the year ("On that day in September
    2024, ..." -> "2024-09"): its days to a story stay unknown, but a story of another year is then
    too far (``join.too_far``), as for a dated look-back; without such a lead it stays undated
    (unknown, neither near nor far). Not when the lead also names a weekday it cannot place ("Quang
    Ninh, still rebuilding from Typhoon Yagi in September 2024, was lashed on Thursday by a new
    storm"): what it reports is of its own week, and the month is background (dev_stories18: four
    current reports were dated 1 to 29 years back by a month their lead recalls; the three dated two
    years back or more were kept from their stories by ``join.too_far``)."""
    dated = [e for e in article.events if day_of(e.date) and e.date_source in ("time", "previous")]
    if dated:
        return day_of(min(dated, key=lambda e: (e.sentence, -e.confidence)).date), True
    published = _parse_day(article.published)
    lead_end = (
        article.sentences[min(LEAD_SENTENCES, len(article.sentences)) - 1].end if article.sentences else 0
    )
    older: str | None = None  # the first day of the lead long before the publication
    partial: str | None = None  # the first month or year of the lead, its year said ("September 2024")
    this_week = False  # the lead names a day it cannot place: a weekday ("on Thursday", "mardi")
    for time in sorted(article.times, key=lambda t: t.start):
        if time.start >= lead_end:
            break
        if partial is None and time.precision in ("month", "year") and PARTIAL_DATE.match(time.value or ""):
            partial = (time.value or "")[:7]
        day = day_of(time.value)
        if time.precision in ("day", "part_of_day") and (day is None or day.startswith("XXXX")):
            this_week = True
        if day is None or time.precision not in ("day", "part_of_day"):
            continue
        parsed = _parse_day(day)
        if published is None or parsed is None or -7 <= (parsed - published).days <= 1:
            return day, True
        if older is None and (published - parsed).days > MAX_GAP_DAYS:
            older = day
    if older is not None:
        return older, True
    if article.published:
        return article.published, False
    named = (
        day_of(t.value) for t in article.times if t.precision in ("day", "part_of_day") and day_of(t.value)
    )
    day = next(named, None)
    if day is None and partial is not None and not this_week:
        return partial, True
    return day, day is not None


def _first_sentence(article: Article, index: int) -> str | None:
    if 0 <= index < len(article.sentences):
        text = " ".join(article.sentences[index].text.split())
        return text[:TITLE_CHARS].rsplit(" ", 1)[0] if len(text) > TITLE_CHARS else text
    return None


def article_units(conn: Connection, article: Article, dim: int) -> list[Unit]:
    """The units of an article with their vectors (from ``article.embedding``), keys, dates and
    stored events."""
    units = _article_units(conn, article, dim)
    for unit, events in zip(units, unit_events(conn, article, [u.span for u in units]), strict=True):
        unit.events = events
    return units


def unit_events(
    conn: Connection, article: Article, spans: list[tuple[int, int] | None]
) -> list[frozenset[int]]:
    """For each span of an article (None: the whole text), the stored dated events with a source
    whose trigger lies in it. An undated event is left out: the events stage merges it with any of
    its type and actors ("police", a city), and on GVC train such merges joined 5 pairs of two
    incidents below the re-clustering's cut, and one of one incident; the dated ones none of two
    incidents, and 3 of one (``recluster.shared_events_matrix``)."""
    rows = [r for r in event_rows.event_mentions_in_articles(conn, [article.id]) if r.date]
    return [
        frozenset(r.event_id for r in rows if span is None or span[0] <= r.start_offset < span[1])
        for span in spans
    ]


def _article_units(conn: Connection, article: Article, dim: int) -> list[Unit]:
    vectors = unit_vectors(article, dim)
    if vectors is None:
        return []
    found = segments(article)
    if len(vectors) != max(1, len(found)):  # embedded under another segmentation: one unit
        found = []
    doc_vector, segment_vectors = vectors[0], vectors if found else []
    canonical = linked_keys(conn, article.id)
    own_date, exact = article_date(article)
    if not found:
        title, rank = (article.title, 2) if article.title else (_first_sentence(article, 0), 1)
        return [
            Unit(-1, None, doc_vector, article_passage(article), unit_keys(article, None, canonical),
                 own_date, title, rank, exact=exact, acts=unit_acts(article, None))
        ]  # fmt: skip
    units = []
    for index, (segment, vector) in enumerate(zip(found, segment_vectors, strict=True)):
        units.append(
            Unit(index, (segment.start, segment.end), vector, segment_passage(article, segment),
                 unit_keys(article, segment, canonical),
                 _segment_date(segment, own_date), _first_sentence(article, segment.first_sentence), 0,
                 exact=exact or segment.date is not None, acts=unit_acts(article, segment))
        )  # fmt: skip
    return units


def _segment_date(segment: Segment, article_day: str | None) -> str | None:
    if (
        segment.date
        and segment.date.startswith("XXXX")
        and article_day
        and not article_day.startswith("XXXX")
    ):
        return article_day[:4] + segment.date[4:]
    return segment.date or article_day


# -- vectors: centring and LSH --------------------------------------------------------------------


@cache
def hyperplanes(dim: int) -> np.ndarray:
    """Fixed random hyperplanes (seeded: the same buckets in every process and run)."""
    rng = np.random.default_rng(LSH_SEED)
    return rng.standard_normal((LSH_BANDS * LSH_BITS, dim)).astype(np.float32)


def lsh_buckets(vector: np.ndarray) -> list[int]:
    """One bucket per band: the band number and the sign bits of its ``LSH_BITS`` hyperplanes,
    packed in one integer (``band << LSH_BITS | bits``) so one indexed IN finds every band."""
    bits = (hyperplanes(vector.shape[0]) @ vector.astype(np.float32)) > 0
    weights = 1 << np.arange(LSH_BITS)
    return [
        (b << LSH_BITS) | int(bits[b * LSH_BITS : (b + 1) * LSH_BITS] @ weights) for b in range(LSH_BANDS)
    ]


def unit_norm(vector: np.ndarray) -> np.ndarray:
    norm = float(np.linalg.norm(vector))
    return (vector / norm).astype(np.float64) if norm > 0 else vector.astype(np.float64)


def centring_mean(means: dict[str, tuple[int, np.ndarray]], language: str, dim: int) -> np.ndarray:
    """The vector subtracted from a unit in ``language`` (shrunk towards the all-language mean)."""
    total_count, total = means.get("*", (0, np.zeros(dim)))
    if total_count == 0:
        return np.zeros(dim)
    overall = total / total_count
    count, own = means.get(language, (0, np.zeros(dim)))
    mean = (own + MEAN_PRIOR_COUNT * overall) / (count + MEAN_PRIOR_COUNT)
    return mean * min(1.0, total_count / MEAN_MIN_COUNT)


# -- scoring -----------------------------------------------------------------------------------


def idf(document_count: int, stories: int) -> float:
    """IDF of a key in (0, 1]: 1 for a key no story has yet, lower for keys many stories share."""
    return math.log(1 + (stories + 1) / (document_count + 1)) / math.log(2 + stories)


def name_of(key: str) -> str:
    """What two keys must share to name one thing: a name the gazetteer does not know (``PLAIN_NAME``)
    by its text alone, whatever its kind; any other key by itself. The entity stage of one language
    may read a hamlet or a storm as a person where another's reads a place ("Lang Nu", "Typhoon
    Yagi" in an English report, "Làng Nủ" in a Vietnamese one), and the linking step then keys the
    name by whichever report came first: matched by kind, two reports of one event shared the name
    in some arrival orders and not in others."""
    match = PLAIN_NAME.fullmatch(key)
    return "name:" + match.group(1) if match else key


def name_aliases(keys: Iterable[str]) -> list[str]:
    """``keys`` and, for each plain name among them, its key under every other kind (``NAME_KINDS``):
    what to look up in a story's keys so that ``entity_overlap`` finds the name under another kind
    (for a story in other languages)."""
    found = dict.fromkeys(keys)
    for key in list(found):
        if name_of(key) != key:
            name = key.split(":", 1)[1]
            found.update(dict.fromkeys(f"{kind}:{name}" for kind in NAME_KINDS))
    return list(found)


def _key_weight(key: str, weights: dict[str, float]) -> float:
    kind = key.split(":", 1)[0]
    return weights.get(key, 1.0) * KEY_WEIGHTS.get(kind, KEY_WEIGHTS.get(_kind_name(kind), 0.5))


def entity_overlap(
    unit_keys: dict[str, float],
    story_keys: dict[str, int],
    members: int,
    weights: dict[str, float],
    across_languages: bool = False,
) -> float:
    """Weighted Jaccard of the unit's keys and the story's keys (each by its share of members).
    ``across_languages`` (the two sides are told in different languages, whose entity stages may
    type one name differently): a plain name matches under any kind (``name_of``), each side
    weighing it by its own kind. Within one language a name keeps its kind: on GVC dev (English
    only) matching kinds there too cost re-clustered precision (0.954 -> 0.950 in two orders)."""
    matched: Callable[[str], str] = name_of if across_languages else str
    mine: dict[str, float] = {}
    theirs: dict[str, float] = {}
    for key in unit_keys:
        mine[matched(key)] = max(mine.get(matched(key), 0.0), _key_weight(key, weights))
    for key, count in story_keys.items():
        share = _key_weight(key, weights) * min(1.0, count / max(1, members))
        theirs[matched(key)] = max(theirs.get(matched(key), 0.0), share)
    shared = union = 0.0
    for name in sorted(mine.keys() | theirs.keys()):
        shared += min(mine.get(name, 0.0), theirs.get(name, 0.0))
        union += max(mine.get(name, 0.0), theirs.get(name, 0.0))
    return shared / union if union else 0.0


def shared_numbers(unit_keys: dict[str, float], story_keys: dict[str, int], members: int) -> float:
    """How many of the unit's numbers the story states too, each by its share of the story's members."""
    return sum(
        min(1.0, story_keys.get(key, 0) / max(1, members)) for key in unit_keys if key.startswith("number:")
    )


def rare_number(holders: int) -> bool:
    """Whether a number stated by ``holders`` reports of a collection is rare enough to tie two of
    them (``RARE_NUMBER_HOLDERS``): a victim's age or a house number told by two reports is one
    event's; a figure that a template repeats across many reports (a sector number, a common age)
    is not."""
    return holders <= RARE_NUMBER_HOLDERS


def place_kind(key: str) -> str | None:
    """The kind of place a key names: "wide" (a country, a world region), "province", "city" (a
    city, a landmark, a venue or street the gazetteer does not know); None for a key of no place."""
    if not key.startswith("place:"):
        return None
    if WIDE_PLACE.match(key):
        return "wide"
    return "province" if key.startswith(PROVINCE_PREFIX) else "city"


def names_apart(unit_keys: Iterable[str], story_keys: Iterable[str]) -> tuple[bool, bool]:
    """Whether both sides name people but no one in common, and whether their places are apart
    (``places_apart``): two reports of like events told by different actors (or in different towns)
    are evidence of two events, which a low overlap alone does not say (two reports of one event may
    share few names too)."""
    mine, theirs = set(unit_keys), set(story_keys)
    people = [{k for k in side if k.startswith(APART_KINDS[0])} for side in (mine, theirs)]
    return bool(people[0]) and bool(people[1]) and not people[0] & people[1], places_apart(mine, theirs)


def places_apart(mine: Iterable[str], theirs: Iterable[str]) -> bool:
    """Whether two sides' places are apart: both name places and share none; or both name cities
    (venues) and share no city and no province, whatever countries they share. Countries and cities
    are two kinds of key here: two reports of the same ministers, one naming Jakarta and Indonesia,
    the other Kuala Lumpur and Indonesia, tell of events in two cities."""
    kinds = [{k: place_kind(k) for k in side} for side in (mine, theirs)]
    places = [{k for k, kind in side.items() if kind} for side in kinds]
    if places[0] and places[1] and not places[0] & places[1]:
        return True
    cities = [{k for k, kind in side.items() if kind == "city"} for side in kinds]
    provinces = [{k for k, kind in side.items() if kind == "province"} for side in kinds]
    return (
        bool(cities[0]) and bool(cities[1]) and not cities[0] & cities[1] and not provinces[0] & provinces[1]
    )


def event_cities(keys: Mapping[str, float]) -> set[str]:
    """The gazetteer cities and landmarks a unit names as where its event happened (``CITY_PREFIXES``):
    at full weight in its keys (in its title or lead, or more than once; a passing mention further
    down is background)."""
    return {k for k, w in keys.items() if k.startswith(CITY_PREFIXES) and w >= KEY_WEIGHTS["place"]}


def meetings_apart(unit: Unit, story_keys: Iterable[str], days: int | None) -> bool:
    """The acts rule of the re-clustering (``recluster.acts_apart_matrix``) as far as a story's keys
    tell it while articles arrive: the unit reports an act (``unit_acts``), the story is dated within
    ``ACT_DAYS`` of it, both name people and share none, and the story's own events between two
    people or more (its ``event:`` keys) have no participant of the unit's acts. Template meetings of
    one day, each with its own guests, then start stories of their own instead of waiting for the
    end-of-run re-clustering to part them. (The story's events carry no type in their keys: any two
    meetings are compared, not only two of one type.)"""
    if not unit.acts or days is None or days > ACT_DAYS:
        return False
    keys = list(story_keys)
    if not names_apart(unit.keys, keys)[0]:
        return False
    events = [set(key[len("event:") :].split("+")) for key in keys if key.startswith("event:")]
    meetings = [actors for actors in events if sum(a.startswith("person:") for a in actors) >= 2]
    mine = set().union(*(act.participants for act in unit.acts))
    return bool(meetings) and not any(actors & mine for actors in meetings)


def _kind_name(prefix: str) -> str:
    names = {"org": "organization", "organization": "organization", "place": "place", "person": "person"}
    return names.get(prefix, "number" if prefix == "number" else "organization")


def similarity_confidence(language_vectors: int) -> float:
    """How far the centred cosine is trusted with this many stored vectors of the language."""
    return language_vectors / (language_vectors + SIMILARITY_PRIOR_COUNT)


def score_candidate(
    unit: Unit,
    candidate: Candidate,
    story_keys: dict[str, int],
    weights: dict[str, float],
    same_language: bool = True,
) -> None:
    """Fill the candidate's similarity, overlap, day distance and score: the log-odds of the join
    model (``same_language``: the story has a report in the unit's language), minus infinity for a
    story dated too far from the unit (see ``join.too_far``)."""
    story = candidate.story
    centroid = unit_norm(story.centroid)
    candidate.sim = float(centroid @ unit.centred) if centroid.any() and unit.centred.any() else 0.0
    candidate.overlap = entity_overlap(unit.keys, story_keys, story.member_count, weights, not same_language)
    candidate.days = day_distance(unit.date, story.date)
    if too_far(unit.date, (story.date_first, story.date_last, story.date)) or meetings_apart(
        unit, story_keys, candidate.days
    ):
        candidate.score = -math.inf
        return
    signals = JoinSignals(
        similarity_confidence(unit.language_vectors) * candidate.sim,
        candidate.overlap,
        candidate.days,
        unit.exact,
        not same_language,
        shared_numbers(unit.keys, story_keys, story.member_count),
        *names_apart(unit.keys, story_keys),
    )
    candidate.score = join_model().log_odds(signals)


# -- the corpus step ----------------------------------------------------------------------------


def cluster_article(conn: Connection, article: Article) -> list[int]:
    """Put each unit of ``article`` in a story (joining or starting one); return the story ids of a newly
    clustered article (the ids it already had when it was clustered before)."""
    encoder = encoder_name()
    if not article.embedding:
        return []
    existing = sql.stories_of_article(conn, article.id)
    if existing:  # re-processed article: its memberships stand
        return existing
    from newsloom.stories.embed import get_encoder

    dim = get_encoder(encoder).dim
    units = article_units(conn, article, dim)
    if not units:
        return []
    language = article.language or "und"
    means = sql.load_means(conn, encoder, [language, "*"])
    mean = centring_mean(means, language, dim)
    seen = means.get(language, (0, None))[0]
    sql.put_embeddings(conn, encoder, {content_key(encoder, u.passage): u.vector for u in units})
    story_count = sql.story_count_estimate(conn)
    chosen: list[int] = []
    for unit in units:
        unit.centred = unit_norm(unit.vector.astype(np.float64) - mean)
        unit.language_vectors = seen
        # a roundup's events are different events: a later segment never joins an earlier one's story
        story_id = _place_unit(conn, article, unit, encoder, story_count, set(chosen))
        if story_id not in chosen:
            chosen.append(story_id)
    raw = np.vstack([u.vector for u in units]).astype(np.float64)
    sql.add_to_means(conn, encoder, {language: (len(units), raw.sum(0)), "*": (len(units), raw.sum(0))})
    return chosen  # newsloom.stories.storylines.cluster_and_thread threads them into storylines


def find_candidates(conn: Connection, unit: Unit) -> dict[int, Candidate]:
    """Candidate stories of a unit through its keys and its LSH buckets (date-windowed)."""
    window = date_window(unit.date)
    blocking = sorted(unit.keys, key=lambda k: -unit.keys[k])[:MAX_BLOCKING_KEYS]
    by_keys = sql.candidates_by_keys(conn, blocking, window)
    by_lsh = sql.candidates_by_lsh(conn, lsh_buckets(unit.centred), window) if unit.centred.any() else {}
    rows = sql.load_stories(conn, set(by_keys) | set(by_lsh))
    return {
        sid: Candidate(row, {name for name, found in (("keys", by_keys), ("lsh", by_lsh)) if sid in found})
        for sid, row in rows.items()
    }


def _place_unit(
    conn: Connection, article: Article, unit: Unit, encoder: str, story_count: int, taken: set[int]
) -> int:
    """Join the unit to its best candidate story or start one; return the story id."""
    candidates = find_candidates(conn, unit)
    best: Candidate | None = None
    if candidates:
        profiles = sql.story_key_profile(conn, list(candidates), name_aliases(unit.keys), PROFILE_MIN_SHARE)
        all_keys = set(unit.keys).union(*(set(p) for p in profiles.values()))
        counts = sql.key_document_counts(conn, all_keys)
        weights = {k: idf(counts.get(k, 0), story_count) for k in all_keys}
        languages = sql.story_languages(conn, list(candidates))
        for sid, candidate in candidates.items():
            same = article.language is not None and article.language in languages.get(sid, set())
            profile = profiles.get(sid, {})
            if same:  # a name under another kind is matched only across languages (``entity_overlap``)
                least = candidate.story.member_count * PROFILE_MIN_SHARE
                profile = {k: n for k, n in profile.items() if k in unit.keys or n >= least}
            score_candidate(unit, candidate, profile, weights, same)
        # a roundup's segments are different events (as when re-clustering): never an earlier one's story
        others = [c for sid, c in candidates.items() if sid not in taken]
        best = max(others, key=lambda c: c.score) if others else None
    if best is not None and best.score >= JOIN_THRESHOLD:
        score = 1.0 / (1.0 + math.exp(-best.score))  # the join model's probability
        return add_unit_to_story(conn, article, unit, encoder, best.story, score, "+".join(sorted(best.via)))
    return add_unit_to_story(conn, article, unit, encoder, None, 1.0, "new")


def add_unit_to_story(
    conn: Connection,
    article: Article,
    unit: Unit,
    encoder: str,
    story: sql.StoryRow | None,
    score: float,
    via: str,
) -> int:
    """Add a unit to ``story`` (None: a new story) and keep the story's rows in step: its centroid,
    dates, blocking keys, LSH buckets and titles. Return the story id."""
    if story is not None:
        story_id, centroid = story.id, story.centroid + unit.centred
        count, old_date = story.member_count + 1, story.date
    else:
        story_id = sql.insert_story(conn, encoder, unit.date, np.zeros_like(unit.centred))
        centroid, count, old_date = unit.centred.copy(), 1, unit.date
    sql.add_member(
        conn, story_id=story_id, article_id=article.id, segment=unit.segment, language=article.language,
        date=unit.date, title=unit.title, title_rank=unit.title_rank, score=round(score, 4), via=via,
        start_offset=unit.span[0] if unit.span else None, end_offset=unit.span[1] if unit.span else None,
        embedding_key=content_key(encoder, unit.passage),
    )  # fmt: skip
    dates = sql.add_story_date(conn, story_id, unit.date)
    story_date = representative_date(d for d, n in dates.items() for _ in range(n))
    known = sorted(d for d in dates if d and not d.startswith("XXXX"))
    first, last = (known[0], known[-1]) if known else (None, None)
    sql.update_story(
        conn, story_id, centroid=centroid, member_count=count, date=story_date,
        date_first=first or story_date, date_last=last or story_date,
    )  # fmt: skip
    if story_date != old_date:
        sql.set_story_date(conn, story_id, story_date)
    sql.add_story_keys(conn, story_id, story_date, unit.keys)
    sql.set_story_lsh(conn, story_id, story_date, lsh_buckets(unit_norm(centroid)))
    if unit.title and article.language:
        sql.offer_title(conn, story_id, article.language, unit.title, unit.title_rank, article.id)
    return story_id


def representative_date(dates: Iterable[str | None]) -> str | None:
    """The commonest full date of the members (earliest on ties), else the commonest partial one."""
    full = Counter(d for d in dates if d and not d.startswith("XXXX"))
    if full:
        return min(full, key=lambda d: (-full[d], d))
    partial = Counter(d for d in dates if d)
    return min(partial, key=lambda d: (-partial[d], d)) if partial else None
