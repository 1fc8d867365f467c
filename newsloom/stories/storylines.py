"""Storylines: stories linked over days by shared actors, shared topic and time proximity.

Incremental, like the clustering: a story's storyline is chosen when the story is created, and
chosen again each time it grows while it is still small (``REVISIT_MEMBERS``) or alone in its
storyline; a larger story in a thread stays and only updates the actors it lends the thread.

A storyline is found through the indexed ``storyline_keys (key, date)``: the threads that named
one of the story's salient actors within ``WINDOW_DAYS`` days. A candidate must know a good share
of the story's principal actors (``MIN_COVERAGE``: a shared topic alone, such as cybercrime in
Hà Nội and in Kuala Lumpur, is no thread), and is scored on that share, on the topic (the best
cosine between the story's centred centroid and the thread's latest stories) and on the days
between the story and the thread's span.

What the arrival order decides is undone at the end-of-run re-clustering: ``rethread_window``
threads the window's stories again together (``window_threads``: two stories are linked by the
same tests, key weights from the window, topics centred by today's means; a storyline is a group
of linked stories), so the storylines of a window are the same whatever order its articles came in,
and a second pass changes nothing.
"""

from __future__ import annotations

import re
from collections import Counter

import numpy as np

from newsloom.article import Article
from newsloom.store import Connection
from newsloom.store import stories as sql
from newsloom.stories.cluster import (
    KEY_WEIGHTS,
    _kind_name,
    cluster_article,
    date_window,
    day_distance,
    idf,
    unit_norm,
)

#: A thread continues when its next story comes within this many days of its span.
WINDOW_DAYS = 4
#: A key is one of a story's salient actors when at least this share of its members carry it.
SALIENT_SHARE = 0.5
#: Score = KEY_WEIGHT * coverage + TOPIC_WEIGHT * topic - GAP_PENALTY * days outside the span.
KEY_WEIGHT = 1.0
TOPIC_WEIGHT = 1.0
GAP_PENALTY = 0.1
#: A story joins the best storyline scoring at least this, else starts its own.
JOIN_THRESHOLD = 0.6
#: Coverage below this rules a storyline out (see the module docstring).
MIN_COVERAGE = 0.4
#: Key kinds that make a thread: actors (places are shared by every event of a city's week;
#: event keys belong to one story).
THREAD_KINDS = ("person", "org", "organization")
#: Coverage is measured against a story's principal actors (its two heaviest keys), so a story
#: with many participants is not penalised for those a thread does not know.
PRINCIPAL_ACTORS = 2
#: Stories of a candidate storyline compared for topic: its latest ones (bounded cost).
RECENT_STORIES = 8
#: A country key (ISO 3166 alpha-2, as entity linking writes it): a story's setting.
COUNTRY_KEY = re.compile(r"^place:[A-Z]{2}$")
#: While a story has at most this many members its storyline is chosen again as it grows (its
#: first reports may not say yet what thread it belongs to).
REVISIT_MEMBERS = 3


def thread_keys(conn: Connection, story: sql.StoryRow) -> tuple[list[str], list[str]]:
    """(the story's salient actor keys now, the keys it lends its storyline now)."""
    rows = sql.story_key_rows(conn, story.id)
    salient: list[str] = []
    lent: list[str] = []
    for row in rows:
        if row.key.split(":", 1)[0] not in THREAD_KINDS:
            continue
        if row.count >= max(1.0, story.member_count * SALIENT_SHARE):
            salient.append(row.key)
        if row.in_storyline:
            lent.append(row.key)
    return sorted(salient), sorted(lent)


def story_countries(conn: Connection, story: sql.StoryRow) -> frozenset[str]:
    """The countries most of a story's members name (``SALIENT_SHARE``): where its affairs are."""
    return frozenset(
        row.key
        for row in sql.story_key_rows(conn, story.id)
        if COUNTRY_KEY.match(row.key) and row.count >= max(1.0, story.member_count * SALIENT_SHARE)
    )


def other_countries(mine: frozenset[str], theirs: frozenset[str]) -> bool:
    """Whether two stories (or a story and a thread) are set in countries, and none in common: one
    country's affairs do not thread into another's through an actor both name (the UN, ASEAN)."""
    return bool(mine) and bool(theirs) and not mine & theirs


def cluster_and_thread(conn: Connection, article: Article) -> list[int]:
    """The stories corpus step: cluster an article into stories, then thread each story it joined or
    started into a storyline (an article clustered before keeps its stories and threads)."""
    if article.embedding and sql.stories_of_article(conn, article.id):
        return cluster_article(conn, article)
    chosen = cluster_article(conn, article)
    for story_id in chosen:
        assign_storyline(conn, story_id)
    return chosen


def assign_storyline(conn: Connection, story_id: int) -> int | None:
    """Choose (or confirm) the storyline of a story that was just created or grew; return its id."""
    story = sql.load_stories(conn, [story_id]).get(story_id)
    if story is None:
        return None
    salient, lent = thread_keys(conn, story)
    current = story.storyline_id
    if current is not None:
        line = sql.load_storylines(conn, [current]).get(current)
        settled = story.member_count > REVISIT_MEMBERS and line is not None and int(line.story_count) > 1
        if settled:
            _lend(conn, current, story, salient, lent)
            return current
    best_id, best_score = best_storyline(conn, story, salient, exclude=current)
    if best_id is not None and best_score >= JOIN_THRESHOLD:
        if current is not None:
            _leave(conn, current, story, lent)
        _enter(conn, best_id, story, salient)
        return best_id
    if current is not None:
        _lend(conn, current, story, salient, lent)
        return current
    line_id = sql.insert_storyline(conn, story.date, np.zeros_like(story.centroid))
    _enter(conn, line_id, story, salient)
    return line_id


def best_storyline(
    conn: Connection, story: sql.StoryRow, keys: list[str], exclude: int | None = None
) -> tuple[int | None, float]:
    """The best candidate storyline of a story and its score (None when no candidate qualifies)."""
    found = sql.storyline_candidates(conn, keys, date_window(story.date, WINDOW_DAYS))
    if exclude is not None:
        found.pop(exclude, None)
    if not found:
        return None, 0.0
    lines = sql.load_storylines(conn, found)
    countries = story_countries(conn, story)
    counts = sql.key_document_counts(conn, keys)
    stories = sql.story_count_estimate(conn)
    weights = {k: KEY_WEIGHTS[_kind_name(k.split(":", 1)[0])] * idf(counts.get(k, 0), stories) for k in keys}
    principal = sum(sorted(weights.values(), reverse=True)[:PRINCIPAL_ACTORS]) or 1.0
    centroid = unit_norm(story.centroid)
    best_id, best_score = None, float("-inf")
    for line_id, shared in found.items():
        line = lines.get(line_id)
        if line is None:
            continue
        coverage = min(1.0, sum(weights.get(k, 0.0) for k in shared) / principal)
        if coverage < MIN_COVERAGE:
            continue
        recent = sql.recent_story_centroids(conn, line_id, RECENT_STORIES)
        others = [sid for sid, _ in recent if sid != story.id]
        if other_countries(countries, _countries_of(conn, others)):
            continue
        topic = max((float(centroid @ unit_norm(c)) for sid, c in recent if sid != story.id), default=0.0)
        gap = _gap(story.date, line.date_first, line.date_last)
        score = KEY_WEIGHT * coverage + TOPIC_WEIGHT * topic - GAP_PENALTY * gap
        if score > best_score:
            best_id, best_score = line_id, score
    return best_id, best_score


def _countries_of(conn: Connection, story_ids: list[int]) -> frozenset[str]:
    found = sql.load_stories(conn, story_ids)
    return frozenset().union(*(story_countries(conn, story) for story in found.values()))


def _gap(story_date: str | None, first: str | None, last: str | None) -> int:
    """Days between a date and a storyline's span (0 inside it or when unknown)."""
    if not story_date or not first or not last or first <= story_date <= last:
        return 0
    return min(day_distance(story_date, first) or 0, day_distance(story_date, last) or 0)


def _set_lent(conn: Connection, story_id: int, keys: list[str], value: int) -> None:
    sql.set_lent_keys(conn, story_id, keys, value)


def _enter(conn: Connection, line_id: int, story: sql.StoryRow, salient: list[str]) -> None:
    line = sql.load_storylines(conn, [line_id])[line_id]
    centroid = sql.from_blob(line.centroid, "<f8") if line.centroid else np.zeros_like(story.centroid)
    sql.update_story(conn, story.id, storyline_id=line_id)
    sql.add_storyline_keys(conn, line_id, story.date, salient, +1)
    _set_lent(conn, story.id, salient, 1)
    sql.update_storyline(
        conn, line_id, centroid=centroid + unit_norm(story.centroid), story_count=int(line.story_count) + 1
    )
    _respan(conn, line_id)


def _leave(conn: Connection, line_id: int, story: sql.StoryRow, lent: list[str]) -> None:
    line = sql.load_storylines(conn, [line_id])[line_id]
    sql.add_storyline_keys(conn, line_id, None, lent, -1)
    _set_lent(conn, story.id, lent, 0)
    if int(line.story_count) <= 1:
        sql.delete_storyline(conn, line_id)
        return
    centroid = sql.from_blob(line.centroid, "<f8") - unit_norm(story.centroid)
    sql.update_storyline(conn, line_id, centroid=centroid, story_count=int(line.story_count) - 1)
    _respan(conn, line_id, without=story.id)


def _lend(conn: Connection, line_id: int, story: sql.StoryRow, salient: list[str], lent: list[str]) -> None:
    """Bring the keys a story lends its storyline in line with its salient actors now."""
    add = [k for k in salient if k not in lent]
    drop = [k for k in lent if k not in salient]
    sql.add_storyline_keys(conn, line_id, story.date, add, +1)
    sql.add_storyline_keys(conn, line_id, None, drop, -1)
    _set_lent(conn, story.id, add, 1)
    _set_lent(conn, story.id, drop, 0)
    _respan(conn, line_id)


def _respan(conn: Connection, line_id: int, without: int | None = None) -> None:
    """Set a storyline's span to the full dates of its stories (``without`` one that is leaving):
    a span only widened as stories came would keep the days of a story that left it or was
    re-dated (the Thongloun storyline showed 21-26 Oct for its one story of 24 Oct)."""
    days = [
        s.date for s in sql.stories_in_storyline(conn, line_id)
        if s.id != without and s.date and not s.date.startswith("XXXX")
    ]  # fmt: skip
    if days:
        sql.update_storyline(conn, line_id, date_first=min(days), date_last=max(days))


def leave_storyline(conn: Connection, story_id: int) -> None:
    """Take a story out of its storyline (removed when it was its only story), before it is rebuilt."""
    story = sql.load_stories(conn, [story_id]).get(story_id)
    if story is None or story.storyline_id is None:
        return
    _, lent = thread_keys(conn, story)
    _leave(conn, story.storyline_id, story, lent)
    sql.update_story(conn, story_id, storyline_id=None)


def window_threads(
    conn: Connection, story_ids: list[int], centroids: dict[int, np.ndarray] | None = None
) -> list[list[int]]:
    """The storylines of a window of stories decided together, whatever order they came in: two
    stories are linked when they pass the same tests as a story and a thread (coverage of either's
    principal actors, topic, days apart; key weights from the window itself), and a storyline is a
    group of linked stories. ``centroids``: each story's topic vector (default: its stored centroid,
    which was centred by the language means of the moment each member came; the re-clustering
    passes vectors centred by today's means, the same in every arrival order)."""
    stories = sql.load_stories(conn, story_ids)
    ids = sorted(stories)
    salient = {sid: set(thread_keys(conn, stories[sid])[0]) for sid in ids}
    countries = {sid: story_countries(conn, stories[sid]) for sid in ids}
    counts = Counter(k for keys in salient.values() for k in keys)
    weights = {
        sid: {k: KEY_WEIGHTS[_kind_name(k.split(":", 1)[0])] * idf(counts[k], len(ids)) for k in keys}
        for sid, keys in salient.items()
    }
    principal = {
        sid: sum(sorted(w.values(), reverse=True)[:PRINCIPAL_ACTORS]) or 1.0 for sid, w in weights.items()
    }
    given = centroids or {}
    centroid = {sid: unit_norm(given.get(sid, stories[sid].centroid)) for sid in ids}
    parent = {sid: sid for sid in ids}

    def find(x: int) -> int:
        while parent[x] != x:
            x = parent[x]
        return x

    holders: dict[str, list[int]] = {}
    for sid in ids:
        for key in salient[sid]:
            holders.setdefault(key, []).append(sid)
    pairs = {(a, b) for held in holders.values() for a in held for b in held if a < b}
    for a, b in sorted(pairs):  # only stories that share an actor can be linked
        shared = salient[a] & salient[b]
        gap = day_distance(stories[a].date, stories[b].date) or 0
        if gap > WINDOW_DAYS or other_countries(countries[a], countries[b]):
            continue
        coverage = max(min(1.0, sum(weights[s][k] for k in shared) / principal[s]) for s in (a, b))
        if coverage < MIN_COVERAGE:
            continue
        topic = float(centroid[a] @ centroid[b]) if centroid[a].shape == centroid[b].shape else 0.0
        if KEY_WEIGHT * coverage + TOPIC_WEIGHT * topic - GAP_PENALTY * gap >= JOIN_THRESHOLD:
            parent[find(b)] = find(a)
    groups: dict[int, list[int]] = {}
    for sid in ids:
        groups.setdefault(find(sid), []).append(sid)
    return sorted(groups.values())


def rethread_window(
    conn: Connection, story_ids: list[int], centroids: dict[int, np.ndarray] | None = None
) -> None:
    """Give a window of stories the storylines ``window_threads`` finds; a storyline that already
    holds exactly one group is kept (so a second pass changes nothing)."""
    for group in window_threads(conn, story_ids, centroids):
        stories = sql.load_stories(conn, group)
        lines = {stories[s].storyline_id for s in group}
        line = next(iter(lines))
        if len(lines) == 1 and line is not None:
            row = sql.load_storylines(conn, [line]).get(line)
            if row is not None and int(row.story_count) == len(group):
                _respan(conn, line)  # a store written before spans followed their stories
                continue
        for story_id in group:
            leave_storyline(conn, story_id)
        first = min(group, key=lambda s: (stories[s].date or "9999", s))
        line_id = sql.insert_storyline(conn, stories[first].date, np.zeros_like(stories[first].centroid))
        for story_id in group:
            story = sql.load_stories(conn, [story_id])[story_id]
            _enter(conn, line_id, story, thread_keys(conn, story)[0])
