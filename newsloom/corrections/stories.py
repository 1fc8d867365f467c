"""Corrections of stories: merge two (or more) stories into one, split some reports off one.

A story is found again through its members: (article id, segment), segment -1 for a whole article.
A roundup is a member of several stories; each group is the story holding most of its members.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

from newsloom.store import Connection
from newsloom.store import corrections as sql
from newsloom.stories.cluster import lsh_buckets, representative_date, unit_norm

Members = list[list[Any]]


def members(conn: Connection, story_ids: Sequence[int]) -> list[Members]:
    from newsloom.store.stories import members_of

    found = members_of(conn, list(story_ids))
    return [[[m.article_id, m.segment] for m in found.get(int(i), [])] for i in story_ids]


def _story_of(conn: Connection, group: Members) -> int | None:
    """The story holding most of a group's members (the lowest id on ties)."""
    from newsloom.store.stories import members_of

    wanted = {(str(a), int(s)) for a, s in group}
    stories = sql.stories_of_articles(conn, {a for a, _ in wanted})
    counts: dict[int, int] = {}
    for story_id, rows in members_of(conn, sorted(stories)).items():
        counts[story_id] = sum((m.article_id, m.segment) in wanted for m in rows)
    best = [i for i in sorted(counts) if counts[i] > 0]
    return max(best, key=lambda i: (counts[i], -i)) if best else None


def _refresh(conn: Connection, story_id: int, centroid: np.ndarray) -> None:
    date = representative_date(sql.member_dates(conn, story_id))
    buckets = lsh_buckets(unit_norm(centroid)) if centroid.any() else []
    sql.refresh_story(conn, story_id, centroid, buckets, date)


def apply_merge(conn: Connection, payload: dict[str, Any]) -> list[int]:
    found = [_story_of(conn, group) for group in payload["groups"]]
    ids = list(dict.fromkeys(i for i in found if i is not None))
    if len(ids) < 2:
        return ids
    survivor = sql.story_state(conn, ids[0])
    assert survivor is not None
    centroid = survivor.centroid.copy()
    for other_id in ids[1:]:
        other = sql.story_state(conn, other_id)
        if other is None:
            continue
        if other.centroid.shape == centroid.shape:
            centroid = centroid + other.centroid
        sql.move_story_members(conn, other_id, survivor.id)
        sql.copy_story_keys(conn, other_id, survivor.id)
        sql.delete_story(conn, other_id)
    _refresh(conn, survivor.id, centroid)
    return [survivor.id]


def apply_split(conn: Connection, payload: dict[str, Any]) -> list[int]:
    """The part's members leave the story they share with the rest for a story of their own. The new
    story's centroid is the sum of the part's unit vectors (not centred by language: an approximation
    that only steers which later reports join it)."""
    part = {(str(a), int(s)) for a, s in payload["part"]}
    home = _story_of(conn, payload["rest"])
    if home is None:
        return []
    from newsloom.store.stories import members_of

    inside = [(m.article_id, m.segment) for m in members_of(conn, [home]).get(home, [])]
    moving = [m for m in inside if m in part]
    if not moving or len(moving) == len(inside):
        alone = _story_of(conn, payload["part"])
        return sorted({home} | ({alone} if alone is not None else set()))
    state = sql.story_state(conn, home)
    assert state is not None
    articles = {a for a, _ in moving}
    vectors = [unit_norm(v) for v in sql.member_vectors(conn, home, articles)]
    taken = (
        np.sum(vectors, axis=0)
        if vectors and vectors[0].shape == state.centroid.shape
        else np.zeros_like(state.centroid)
    )
    new_id = sql.insert_story_row(conn, state.encoder, state.storyline_id, taken)
    sql.move_story_members(conn, home, new_id, articles)
    sql.copy_story_keys(conn, home, new_id, count=len(moving))
    _refresh(conn, new_id, taken)
    _refresh(conn, home, state.centroid - taken)
    return [home, new_id]
