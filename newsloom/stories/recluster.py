"""Cluster a recent window of stories again, as one batch, so that stories do not depend on arrival order.

Incremental clustering decides each article once, against the stories there are when it arrives:
an early report can start a story that a later one would have joined, and two halves of one event
can grow apart. At the end of a run (``newsloom.runner``) the members of the newest stories are
clustered again together: average linkage over the join model's probability that two units report
one event (``newsloom.stories.join``: the same model and signals as the incremental step, the
vectors centred by their language's mean over the whole store), cut at ``LINK_PROBABILITY``. Two
units of one article, or two units whose known dates are more than a month apart, are never linked;
two units dated more than ``REACH_DAYS`` apart (farther than the incremental step ever compares)
are linked only when a person, an event's participants or a rare number vouches for it
(``vouched``): reports told with one template, each of its own actors, are not one story on their
meaning alone. Two units that share a person but name other cities as where their event happened
(``other_cities_matrix``) are not linked either: the same people in two cities are at two events. Two units that report one stored event (the events stage merged them;
``cluster.unit_events``) are linked with at least ``SHARED_EVENT_PROBABILITY`` unless their names are apart
or a veto holds. An undated unit is judged, for the pairs, by the date of the dated unit it most
likely reports one event with (``borrow_dates``), so that it does not bridge an incident and a
follow-up months later.

The new partition replaces the old one only where they differ, and ids stay stable: each new
cluster (largest first) keeps the id of the old story it shares most units with; a cluster with no
old story left gets a new id; an old story whose units all went elsewhere is removed and recorded in
the report with the story that took most of them. Running it twice changes nothing the second time.
"""

from __future__ import annotations

import dataclasses
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np

from newsloom.article import Article
from newsloom.store import Connection
from newsloom.store import articles as article_rows
from newsloom.store import stories as sql
from newsloom.stories.cluster import (
    ACT_DAYS,
    APART_KINDS,
    Unit,
    add_unit_to_story,
    article_units,
    centring_mean,
    day_distance,
    entity_overlap,
    event_cities,
    idf,
    name_of,
    place_kind,
    rare_number,
    similarity_confidence,
    unit_norm,
)
from newsloom.stories.embed import content_key
from newsloom.stories.join import join_model, too_far
from newsloom.stories.stage import encoder_name, passages
from newsloom.stories.storylines import assign_storyline, leave_storyline, rethread_window

#: Stories looked at (the newest) and units at most: bound the batch whatever the size of the store
#: (the pair matrices hold MAX_UNITS squared numbers: 2,000 units are 32 MB each, about eight of them).
WINDOW_STORIES = 1500
MAX_UNITS = 2000
#: Two clusters merge while the mean probability over their pairs of units is at least this. Chosen
#: on the dev golds (bench/stories.py, input order, re-clustered F1, project gold / GVC dev) with the
#: 17-feature model: average linkage at 0.5 gives 0.987 / 0.900, 0.4 gives 0.999 / 0.908, 0.35
#: 0.999 / 0.914, 0.3 0.969 / 0.906 (the gold's precision falls to 0.939); complete linkage at 0.5,
#: 0.3 and 0.2 gives 0.946 / 0.884, 0.987 / 0.905 and 0.987 / 0.901. 0.4 keeps a margin from that
#: fall and from template merges (``bench/stories.py --scale 600``: 588 reports in 557 stories at 0.5,
#: 537 at 0.4, 524 at 0.35).
LINK_PROBABILITY = 0.4
#: Two units dated more than this many days apart (outside the incremental step's blocking window,
#: ``cluster.DATE_WINDOW_DAYS``) are linked only when they share a person, an event's participants
#: or a rare number (``vouched``): like reports days apart told with other actors (a template) are
#: not one event on their meaning alone.
REACH_DAYS = 3
#: Two units that report one stored event (the events stage merged their sources: one PLOVER type,
#: dates within a day, the same participants; ``newsloom.events.merge``) are linked with at least this
#: probability, unless their names are apart (both name people, or places, and share none: on GVC dev
#: the one such pair was two shootings merged through a misread actor, a news agency) or a veto
#: holds (the reach rule, acts apart, one article, dates a month apart). Only dated events count
#: (``cluster.unit_events``).
SHARED_EVENT_PROBABILITY = 0.9
#: A unit date that is a full day ("2024-09-10"), not a month, a year or a day of an unknown year.
FULL_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
#: Distance given to pairs that may never be one story (far above any mean of probabilities).
FORBIDDEN = 1e6
#: An undated unit is dated, for the re-clustering's pairs, by the dated unit it most likely reports
#: one event with when that probability is at least this (``borrow_dates``): then it stays with the
#: reports of its own days and falls under the month and reach rules, instead of bridging an incident
#: and a follow-up dated months later (it joins whichever reaches it first). Chosen on GVC train
#: (675 articles, input order, re-clustered B-cubed P / R / F1): none 0.944 / 0.828 / 0.882; 0.6
#: 0.945 / 0.818 / 0.877; 0.7 0.948 / 0.821 / 0.880; 0.8 0.950 / 0.825 / 0.883; 0.9 and 0.95
#: 0.947 / 0.825 / 0.882; 0.98 0.947 / 0.828 / 0.883. The project gold is 1.000 at every value (its
#: articles are dated). Checked on GVC dev: 0.906 -> 0.906 (P 0.960 -> 0.955, R 0.858 -> 0.863).
#: Borrowing for the vetoes alone (the features left undated) was no better on GVC train (0.881 at 0.8).
BORROW_PROBABILITY = 0.8


@dataclass(slots=True)
class WindowUnit:
    """A unit of the window with the story it is in now."""

    article: Article
    unit: Unit
    story_id: int | None  # None: a roundup segment the incremental step folded into an earlier one


@dataclass
class ReclusterReport:
    """What a re-clustering changed."""

    units: int = 0
    stories_before: int = 0
    stories_after: int = 0
    changed: list[int] = field(default_factory=list)  # kept or new story ids whose members changed
    removed: dict[int, int] = field(default_factory=dict)  # removed story id -> where most units went


def window_stories(conn: Connection, limit: int, max_units: int) -> list[sql.MemberKey]:
    """The members of the newest stories: at most ``limit`` stories, and no more once ``max_units``
    members are taken (the pair matrices grow with the square of the units)."""
    members = sql.member_keys(conn, sql.newest_story_ids(conn, limit))
    by_story: dict[int, list[sql.MemberKey]] = {}
    for member in members:
        by_story.setdefault(member.story_id, []).append(member)
    taken: list[sql.MemberKey] = []
    for story_id in sorted(by_story, reverse=True):
        if taken and len(taken) + len(by_story[story_id]) > max_units:
            break
        taken.extend(by_story[story_id])
    return taken


def window_units(
    conn: Connection, limit: int = WINDOW_STORIES, max_units: int = MAX_UNITS
) -> list[WindowUnit]:
    """The units of the newest stories, rebuilt from their stored articles. A story with a member
    that cannot be rebuilt (its article or segmentation changed since), or sharing an article with a
    story outside the window, is left where it is."""
    from newsloom.stories.embed import get_encoder

    members = window_stories(conn, limit, max_units)
    dim = get_encoder(encoder_name()).dim
    by_article: dict[str, dict[int, int]] = {}
    for member in members:
        by_article.setdefault(member.article_id, {})[member.segment] = member.story_id
    inside = {m.story_id for m in members}
    outside = {
        m.article_id for m in sql.article_member_keys(conn, list(by_article)) if m.story_id not in inside
    }
    found: list[WindowUnit] = []
    stuck: set[int] = set()  # stories left as they are
    for article_id, stories in sorted(by_article.items()):
        article = with_vectors(conn, article_rows.load_article(conn, article_id))
        units = {u.segment: u for u in article_units(conn, article, dim)} if article is not None else {}
        if article is None or article_id in outside or any(segment not in units for segment in stories):
            stuck.update(stories.values())
            continue
        # every unit of the article, also a segment folded into an earlier one's story on arrival
        found.extend(
            WindowUnit(article, unit, stories.get(segment)) for segment, unit in sorted(units.items())
        )
    return [u for u in found if u.story_id not in stuck]


def with_vectors(conn: Connection, article: Article | None) -> Article | None:
    """A stored article with its passage vectors (the store keeps them apart, by content key);
    None when one is missing."""
    if article is None:
        return None
    encoder = encoder_name()
    wanted = [content_key(encoder, p) for p in passages(article)]
    found = sql.get_embeddings(conn, wanted)
    if any(key not in found for key in wanted):
        return None
    matrix = np.concatenate([found[key].astype(np.float32) for key in wanted])
    return dataclasses.replace(article, embedding=tuple(float(v) for v in matrix))


def centre(conn: Connection, units: list[WindowUnit]) -> None:
    """Centre each unit's vector by its language's stored mean (as the incremental step does)."""
    if not units:
        return
    encoder = encoder_name()
    dim = units[0].unit.vector.shape[0]
    languages = sorted({u.article.language or "und" for u in units})
    means = sql.load_means(conn, encoder, [*languages, "*"])
    mean = {language: centring_mean(means, language, dim) for language in languages}
    for item in units:
        item.unit.language_vectors = means.get(item.article.language or "und", (0, None))[0]
        item.unit.centred = unit_norm(
            item.unit.vector.astype(np.float64) - mean[item.article.language or "und"]
        )


def pair_distances(units: list[WindowUnit]) -> np.ndarray:
    """Condensed distances (1 - the join model's probability) between every two units; for two units
    reporting one stored event (``shared_events_matrix``) whose names are not apart, the probability
    is at least ``SHARED_EVENT_PROBABILITY`` before the vetoes."""
    count = len(units)
    if count < 2:
        return np.zeros(0)
    vectors = np.vstack([u.unit.centred for u in units])
    sims = vectors @ vectors.T
    overlap, numbers = key_overlaps(units)
    people, places = (names_apart_matrix(units, kind) for kind in APART_KINDS)
    dates = sorted({u.unit.date or "" for u in units})
    date_index = np.array([dates.index(u.unit.date or "") for u in units])
    apart = np.full((len(dates), len(dates)), np.nan)
    far = np.zeros((len(dates), len(dates)), dtype=bool)
    for i, a in enumerate(dates):
        for j, b in enumerate(dates):
            days = day_distance(a or None, b or None)
            apart[i, j] = np.nan if days is None else days
            far[i, j] = too_far(a or None, (b or None,))
    days = apart[np.ix_(date_index, date_index)]
    exact = np.array([u.unit.exact for u in units], dtype=np.float64)[:, None] * np.ones(count)
    languages = np.array([u.article.language or "" for u in units])
    cross = languages[:, None] != languages[None, :]
    confidence = np.array([similarity_confidence(u.unit.language_vectors) for u in units])
    sims = sims * np.minimum(confidence[:, None], confidence[None, :])
    odds = join_model().log_odds_many(sims, overlap, days, exact, cross, numbers, people, places)
    distance = 1.0 / (1.0 + np.exp(np.clip(odds, -50.0, 50.0)))  # 1 - probability
    linked = shared_events_matrix(units) & ~people & ~places
    distance[linked] = np.minimum(distance[linked], 1.0 - SHARED_EVENT_PROBABILITY)
    distance[(days > REACH_DAYS) & ~vouched(units)] = 1.0
    distance[people & acts_apart_matrix(units)] = 1.0
    distance[other_cities_matrix(units)] = 1.0
    articles = np.array([u.article.id for u in units])
    forbidden = (articles[:, None] == articles[None, :]) | far[np.ix_(date_index, date_index)]
    distance[forbidden] = FORBIDDEN
    upper = np.triu_indices(count, k=1)  # row i < column j: the condensed order of scipy
    return np.asarray(distance[upper], dtype=np.float64)


def borrow_dates(units: list[WindowUnit], distances: np.ndarray) -> list[WindowUnit]:
    """``units`` with each undated one given the date of the dated unit (of another article) it most
    likely reports one event with, when that probability is at least ``BORROW_PROBABILITY`` (the date
    is not said in its text: ``exact`` False). The same list when no unit borrows; the units
    themselves are not changed (the stories keep their own dates)."""
    # only a full day is lent (a unit dated by its lead's month or year alone lends nothing)
    dated = np.array([_full_day(u.unit.date) for u in units])
    undated = [i for i, u in enumerate(units) if u.unit.date is None]
    if not undated or not dated.any():
        return units
    probability = 1.0 - squareform_rows(distances, len(units), undated)
    probability[:, ~dated] = -1.0
    borrowed = list(units)
    for row, index in enumerate(undated):
        best = int(np.argmax(probability[row]))
        if probability[row, best] >= BORROW_PROBABILITY:
            unit = dataclasses.replace(units[index].unit, date=units[best].unit.date, exact=False)
            borrowed[index] = WindowUnit(units[index].article, unit, units[index].story_id)
    return borrowed if any(b is not u for b, u in zip(borrowed, units, strict=True)) else units


def _full_day(value: str | None) -> bool:
    return value is not None and FULL_DAY.match(value) is not None


def squareform_rows(distances: np.ndarray, count: int, rows: list[int]) -> np.ndarray:
    """The rows ``rows`` of the square form of condensed ``distances`` (the diagonal at ``FORBIDDEN``)."""
    others = np.arange(count)
    found = np.full((len(rows), count), FORBIDDEN)
    for position, a in enumerate(rows):
        i, j = np.minimum(a, others), np.maximum(a, others)
        at = others != a
        found[position, at] = distances[(count * i - i * (i + 1) // 2 + j - i - 1)[at]]
    return found


def shared_events_matrix(units: list[WindowUnit]) -> np.ndarray:
    """For every two units of two articles, whether they report one stored dated event
    (``cluster.unit_events``)."""
    count = len(units)
    holders: dict[int, list[int]] = {}
    for index, item in enumerate(units):
        for event in item.unit.events:
            holders.setdefault(event, []).append(index)
    found = np.zeros((count, count), dtype=bool)
    for members in holders.values():
        if len(members) > 1:
            chosen = np.array(members)
            found[np.ix_(chosen, chosen)] = True
    articles = np.array([u.article.id for u in units])
    found[articles[:, None] == articles[None, :]] = False
    return found


def key_overlaps(units: list[WindowUnit]) -> tuple[np.ndarray, np.ndarray]:
    """Weighted overlap of the keys of every two units (measured only where they share a key), with
    key weights from the window itself (the stories' counts would depend on the arrival order), and
    how many numbers every two units share."""
    count = len(units)
    counts = Counter(k for u in units for k in u.unit.keys)
    weights = {k: idf(n, count) for k, n in counts.items()}
    holders: dict[str, list[int]] = {}
    for index, item in enumerate(units):
        for key in item.unit.keys:
            holders.setdefault(key, []).append(index)
    # across languages a plain name is one whatever its kind (``cluster.name_of``, ``entity_overlap``)
    languages = [u.article.language for u in units]
    names: dict[str, list[int]] = {}
    for index, item in enumerate(units):
        for name in {name_of(k) for k in item.unit.keys} - set(item.unit.keys):
            names.setdefault(name, []).append(index)
    overlap = np.zeros((count, count))
    numbers = np.zeros((count, count))
    for key, members in holders.items():
        if key.startswith("number:") and len(members) > 1:
            chosen = np.array(members)
            numbers[np.ix_(chosen, chosen)] += 1.0
    np.fill_diagonal(numbers, 0.0)
    pairs = {(i, j) for members in holders.values() for i in members for j in members if i < j}
    # a plain name under any kind: pairs across languages
    for members in names.values():
        pairs |= {(i, j) for i in members for j in members if i < j and languages[i] != languages[j]}
    for i, j in pairs:
        # between two single units the weighted Jaccard is symmetric: measured once
        value = entity_overlap(units[i].unit.keys, dict.fromkeys(units[j].unit.keys, 1), 1, weights,
                               languages[i] != languages[j])  # fmt: skip
        overlap[i, j] = overlap[j, i] = value
    return overlap, numbers


def vouched(units: list[WindowUnit]) -> np.ndarray:
    """For every two units, whether they share evidence beyond their meaning: a person, an event's
    participants, or a number few units of the window state (``cluster.rare_number``)."""
    count = len(units)
    holders: dict[str, list[int]] = {}
    for index, item in enumerate(units):
        for key in item.unit.keys:
            if key.startswith(("person:", "event:", "number:")):
                holders.setdefault(key, []).append(index)
    found = np.zeros((count, count), dtype=bool)
    for key, members in holders.items():
        if len(members) > 1 and (not key.startswith("number:") or rare_number(len(members))):
            chosen = np.array(members)
            found[np.ix_(chosen, chosen)] = True
    return found


def acts_apart_matrix(units: list[WindowUnit], days: int = ACT_DAYS) -> np.ndarray:
    """For every two units, whether they report acts of one type at most ``days`` apart
    (``cluster.unit_acts``) and no two such acts share a participant: two meetings of one day, each
    with its own guests, told with the same words. Checked on labelled pairs of whole articles
    (the GVC train and SemEval training pairs of ``scripts/train_stories.py``, every pair of GVC dev and
    of the project gold),
    together with no person in common: it holds for none of the 36 project-gold pairs of one story,
    the 217 GVC dev pairs and the 644 GVC train pairs of one incident, and for 89 of the gold's 594
    pairs of two stories (meetings of one week in one city)."""
    acts = [(index, act) for index, item in enumerate(units) for act in item.unit.acts]
    found = np.zeros((len(units), len(units)), dtype=bool)
    if len(acts) < 2:
        return found
    owner = np.array([index for index, _ in acts])
    types = np.array([act.type for _, act in acts])
    ordinals = np.array([act.day.toordinal() for _, act in acts])
    close = (types[:, None] == types[None, :]) & (np.abs(ordinals[:, None] - ordinals[None, :]) <= days)
    holders: dict[str, list[int]] = {}
    for position, (_, act) in enumerate(acts):
        for participant in act.participants:
            holders.setdefault(participant, []).append(position)
    shared = np.zeros_like(close)
    for members in holders.values():
        chosen = np.array(members)
        shared[np.ix_(chosen, chosen)] = True
    incidence = np.zeros((len(units), len(acts)))
    incidence[owner, np.arange(len(acts))] = 1.0
    close_units = incidence @ close.astype(np.float64) @ incidence.T > 0
    shared_units = incidence @ (close & shared).astype(np.float64) @ incidence.T > 0
    found = close_units & ~shared_units
    np.fill_diagonal(found, False)
    return found


def other_cities_matrix(units: list[WindowUnit]) -> np.ndarray:
    """For every two units, whether they share a person but name other cities as where their event
    happened (``cluster.event_cities``, none in common): the same people in two cities are at two
    events (two ministers' talks in Jakarta, their signing in Kuala Lumpur a week later, told with the
    same words), whatever countries both name."""
    cities = [event_cities(u.unit.keys) for u in units]
    named = np.array([bool(c) for c in cities])
    count = len(units)
    share_city = np.zeros((count, count), dtype=bool)
    holders: dict[str, list[int]] = {}
    for index, found in enumerate(cities):
        for key in found:
            holders.setdefault(key, []).append(index)
    for members in holders.values():
        chosen = np.array(members)
        share_city[np.ix_(chosen, chosen)] = True
    people = _apart_matrix(units, lambda key: key.startswith("person:"))
    named_people = np.array([any(k.startswith("person:") for k in u.unit.keys) for u in units])
    share_person = named_people[:, None] & named_people[None, :] & ~people
    return share_person & named[:, None] & named[None, :] & ~share_city


def names_apart_matrix(units: list[WindowUnit], kind: str) -> np.ndarray:
    """For every two units, whether both name someone (something) of ``kind`` ("person:") and share
    none (``cluster.names_apart``, for the whole window at once); for "place:", whether their places
    are apart (``cluster.places_apart``: none in common, or other cities whatever countries they share)."""
    if kind != "place:":
        return _apart_matrix(units, lambda key: key.startswith(kind))
    anywhere = _apart_matrix(units, lambda key: place_kind(key) is not None)
    cities = _apart_matrix(units, lambda key: place_kind(key) == "city")
    provinces = _apart_matrix(units, lambda key: place_kind(key) == "province")
    named_provinces = np.array([any(place_kind(k) == "province" for k in u.unit.keys) for u in units])
    share_province = named_provinces[:, None] & named_provinces[None, :] & ~provinces
    return anywhere | (cities & ~share_province)


def _apart_matrix(units: list[WindowUnit], wanted: Callable[[str], bool]) -> np.ndarray:
    """For every two units, whether both hold keys ``wanted`` picks and share none of them."""
    count = len(units)
    holders: dict[str, list[int]] = {}
    for index, item in enumerate(units):
        for key in item.unit.keys:
            if wanted(key):
                holders.setdefault(key, []).append(index)
    named = np.zeros(count, dtype=bool)
    shared = np.zeros((count, count), dtype=bool)
    for members in holders.values():
        chosen = np.array(members)
        named[chosen] = True
        shared[np.ix_(chosen, chosen)] = True
    return named[:, None] & named[None, :] & ~shared


def partition(distances: np.ndarray, count: int) -> list[list[int]]:
    """Average-linkage clusters (lists of unit indexes) cut at ``LINK_PROBABILITY``."""
    if count < 2:
        return [[i] for i in range(count)]
    from scipy.cluster.hierarchy import fcluster, linkage

    tree = linkage(distances, method="average")
    labels = fcluster(tree, t=1.0 - LINK_PROBABILITY, criterion="distance")
    clusters: dict[int, list[int]] = {}
    for index, label in enumerate(labels):
        clusters.setdefault(int(label), []).append(index)
    return sorted(clusters.values(), key=lambda c: (-len(c), c[0]))


def assign_ids(units: list[WindowUnit], clusters: list[list[int]]) -> list[int | None]:
    """For each cluster (largest first), the old story it keeps: the one it shares most units with
    and no larger cluster took (None: a new story)."""
    taken: set[int] = set()
    chosen: list[int | None] = []
    for cluster in clusters:
        shares = Counter(sid for i in cluster if (sid := units[i].story_id) is not None)
        options = [sid for sid in shares if sid not in taken]
        best = min(options, key=lambda sid: (-shares[sid], sid)) if options else None
        if best is not None:
            taken.add(best)
        chosen.append(best)
    return chosen


def mean_probability(distances: np.ndarray, count: int, cluster: list[int], index: int) -> float:
    """The mean probability that unit ``index`` reports its cluster's event (1 alone)."""
    others = [j for j in cluster if j != index]
    if not others:
        return 1.0
    values = []
    for j in others:
        a, b = min(index, j), max(index, j)
        values.append(1.0 - float(distances[count * a - a * (a + 1) // 2 + b - a - 1]))
    return max(0.0, sum(values) / len(values))


def _rebuild(
    conn: Connection,
    units: list[WindowUnit],
    distances: np.ndarray,
    cluster: list[int],
    story_id: int | None,
    encoder: str,
) -> int:
    """Fill an emptied story (None: a new one) with the units of ``cluster``; return its id."""
    target = story_id
    for index in cluster:
        item = units[index]
        row = sql.load_stories(conn, [target]).get(target) if target is not None else None
        if row is not None and row.member_count == 0:  # emptied: start from nothing
            row.centroid, row.date = np.zeros_like(item.unit.centred), None
        score = mean_probability(distances, len(units), cluster, index)
        target = add_unit_to_story(conn, item.article, item.unit, encoder, row, score, "recluster")
    assert target is not None  # a cluster has at least one unit
    return target


def _apply(
    conn: Connection,
    units: list[WindowUnit],
    distances: np.ndarray,
    clusters: list[list[int]],
    ids: list[int | None],
    before: dict[int, set[int]],
    changed: list[int | None],
    report: ReclusterReport,
) -> dict[int, int]:
    """Rebuild the stories the new clusters changed (removing the emptied ones, with redirects);
    return cluster position -> story id."""
    gone = sorted(set(before) - {sid for sid in ids if sid is not None})
    encoder = encoder_name()
    for emptied in sorted({sid for sid in changed if sid is not None} | set(gone)):
        leave_storyline(conn, emptied)
        sql.clear_story(conn, emptied)
    final = {c: sid for c, sid in enumerate(ids) if sid is not None}
    for position, (cluster, kept) in enumerate(zip(clusters, ids, strict=True)):
        if kept is not None and before[kept] == set(cluster):
            continue
        final[position] = _rebuild(conn, units, distances, cluster, kept, encoder)
        report.changed.append(final[position])
    for story_id in gone:
        heirs = Counter(
            final[c] for c, cluster in enumerate(clusters) for i in cluster if units[i].story_id == story_id
        )
        report.removed[story_id] = min(heirs, key=lambda s: (-heirs[s], s))
        sql.delete_story(conn, story_id)
    sql.add_redirects(conn, report.removed)
    for story_id in report.changed:
        assign_storyline(conn, story_id)
    return final


def recluster_recent(
    conn: Connection, limit: int = WINDOW_STORIES, max_units: int = MAX_UNITS
) -> ReclusterReport:
    """Cluster the units of the newest stories again (see ``window_units``) and apply the differences."""
    units = window_units(conn, limit, max_units)
    report = ReclusterReport(units=len(units), stories_before=len({u.story_id for u in units} - {None}))
    if not units:
        return report
    centre(conn, units)
    distances = pair_distances(units)
    dated = borrow_dates(units, distances)
    if dated is not units:
        distances = pair_distances(dated)
    clusters = partition(distances, len(units))
    ids = assign_ids(units, clusters)
    report.stories_after = len(clusters)
    before: dict[int, set[int]] = {}
    for index, item in enumerate(units):
        if item.story_id is not None:
            before.setdefault(item.story_id, set()).add(index)
    changed = [sid for c, sid in zip(clusters, ids, strict=True) if sid is None or before[sid] != set(c)]
    final = {c: sid for c, sid in enumerate(ids) if sid is not None}
    if changed:
        final = _apply(conn, units, distances, clusters, ids, before, changed, report)
    # storylines of the whole window again, on topics centred by today's means (order-independent)
    topics = {
        final[c]: np.sum([units[i].unit.centred for i in cluster], axis=0)
        for c, cluster in enumerate(clusters)
    }
    rethread_window(conn, sorted(topics), topics)
    return report
