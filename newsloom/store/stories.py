"""SQL for embeddings, stories and storylines (portable SQLAlchemy Core, every statement parameterised).

Lookups go through indexed columns only: content keys, ``story_keys (key, date)``,
``story_lsh (band, bucket, date)``, ``story_members.article_id``, ``storyline_keys (key, date)``
and primary keys. Nothing here scans a whole table.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Protocol

import numpy as np
import sqlalchemy as sa

from newsloom.store.chunks import in_chunks
from newsloom.store.schema import (
    articles,
    embedding_means,
    embeddings,
    stories,
    story_dates,
    story_key_counts,
    story_keys,
    story_lsh,
    story_members,
    story_redirects,
    story_titles,
    storyline_keys,
    storylines,
)
from newsloom.store.schema import has_table as has_table  # re-exported: callers ask it here

#: Candidate rows read per blocking lookup (the newest first): bounds the cost of very common keys
#: and crowded buckets whatever the size of the store.
CANDIDATE_LIMIT = 200


def _many(name: str) -> sa.BindParameter[Any]:
    """A list parameter (``IN``), bound at execution: the statements below are built once, at
    import, and each call only binds its values (building a statement costs more than running
    it on SQLite: the clustering step's statements were 68 constructions per article)."""
    return sa.bindparam(name, expanding=True)


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def to_blob(vector: np.ndarray, dtype: str = "<f4") -> bytes:
    return np.asarray(vector, dtype=dtype).tobytes()


def from_blob(blob: bytes, dtype: str = "<f4") -> np.ndarray:
    return np.frombuffer(blob, dtype=dtype).copy()


# -- embeddings by content key --------------------------------------------------------------------


def get_embeddings(conn: sa.Connection, keys: Iterable[str]) -> dict[str, np.ndarray]:
    wanted = sorted(set(keys))
    if not wanted:
        return {}
    rows = conn.execute(sa.select(embeddings.c.key, embeddings.c.vector).where(embeddings.c.key.in_(wanted)))
    return {row.key: from_blob(row.vector) for row in rows}


def put_embeddings(conn: sa.Connection, encoder: str, vectors: dict[str, np.ndarray]) -> int:
    """Store vectors not stored yet; returns how many were new."""
    if not vectors:
        return 0
    have = set(get_embeddings(conn, vectors))
    rows = [
        {"key": key, "encoder": encoder, "dim": int(vector.shape[0]), "vector": to_blob(vector)}
        for key, vector in vectors.items()
        if key not in have
    ]
    if rows:
        conn.execute(sa.insert(embeddings), rows)
    return len(rows)


class VectorCache(Protocol):
    """What an encoder's cache offers (``newsloom.stories.embed.EmbeddingCache``)."""

    def get(self, key: str) -> np.ndarray | None: ...

    def put(self, key: str, vector: np.ndarray) -> None: ...


class StoreEmbeddingCache:
    """The ``embeddings`` table as an :class:`~newsloom.stories.embed.EmbeddingCache`, behind a memory cache.

    Reads through short connections of its own (the stage runs outside the article transaction);
    writes are left to the corpus step, which stores each article's passage vectors.
    """

    def __init__(self, engine: sa.Engine, encoder: str, front: VectorCache) -> None:
        self.engine = engine
        self.encoder = encoder
        self.front = front  # the encoder's own (memory) cache, asked first

    def get(self, key: str) -> np.ndarray | None:
        vector: np.ndarray | None = self.front.get(key)
        if vector is not None:
            return vector
        with self.engine.connect() as conn:
            found = get_embeddings(conn, [key]).get(key)
        if found is not None:
            self.front.put(key, found)
        return found

    def put(self, key: str, vector: np.ndarray) -> None:
        self.front.put(key, vector)


# -- per-language means (for centring) ----------------------------------------------------------


_MEANS = sa.select(embedding_means).where(
    embedding_means.c.encoder == sa.bindparam("encoder"), embedding_means.c.language.in_(_many("languages"))
)


def load_means(
    conn: sa.Connection, encoder: str, languages: Iterable[str]
) -> dict[str, tuple[int, np.ndarray]]:
    wanted = sorted(set(languages))
    rows = conn.execute(_MEANS, {"encoder": encoder, "languages": wanted})
    return {row.language: (int(row._mapping["count"]), from_blob(row.total, "<f8")) for row in rows}


def add_to_means(conn: sa.Connection, encoder: str, additions: dict[str, tuple[int, np.ndarray]]) -> None:
    """Add (count, sum of vectors) to the running sums of each language."""
    current = load_means(conn, encoder, additions)
    for language, (count, total) in additions.items():
        if language in current:
            old_count, old_total = current[language]
            conn.execute(
                sa.update(embedding_means)
                .where(embedding_means.c.encoder == encoder, embedding_means.c.language == language)
                .values(count=old_count + count, total=to_blob(old_total + total, "<f8"))
            )
        else:
            conn.execute(
                sa.insert(embedding_means).values(
                    encoder=encoder, language=language, count=count, total=to_blob(total, "<f8")
                )
            )


@dataclass(frozen=True, slots=True)
class StoryRecord:
    """A row of ``stories`` (the centroid as stored: float64 bytes)."""

    id: int
    date: str | None
    date_first: str | None
    date_last: str | None
    month_day: str | None
    member_count: int
    encoder: str
    centroid: bytes
    storyline_id: int | None
    created_at: str
    updated_at: str


@dataclass(frozen=True, slots=True)
class StorylineRow:
    """A row of ``storylines`` (the centroid as stored: float64 bytes)."""

    id: int
    date_first: str | None
    date_last: str | None
    story_count: int
    centroid: bytes  # nullable in the table, always written by insert_storyline
    created_at: str


@dataclass(frozen=True, slots=True)
class MemberRow:
    """A member of a story (an article, or one segment of a roundup) with its article's heading."""

    story_id: int
    article_id: str
    segment: int
    start_offset: int | None
    end_offset: int | None
    language: str | None
    date: str | None
    unit_title: str | None
    score: float
    via: str
    path: str | None
    title: str | None
    published: str | None


@dataclass(frozen=True, slots=True)
class DatedStory:
    id: int
    date: str | None


def _records(rows: Iterable[Any]) -> list[StoryRecord]:
    return [StoryRecord(**row._mapping) for row in rows]


def _lines(rows: Iterable[Any]) -> list[StorylineRow]:
    return [StorylineRow(**row._mapping) for row in rows]


# -- stories ------------------------------------------------------------------------------------


@dataclass(slots=True)
class StoryRow:
    id: int
    date: str | None
    date_first: str | None
    date_last: str | None
    member_count: int
    centroid: np.ndarray  # float64 sum of centred unit vectors
    storyline_id: int | None


def _story(row: Any) -> StoryRow:
    return StoryRow(
        id=int(row.id),
        date=row.date,
        date_first=row.date_first,
        date_last=row.date_last,
        member_count=int(row.member_count),
        centroid=from_blob(row.centroid, "<f8"),
        storyline_id=row.storyline_id,
    )


_STORIES = sa.select(
    stories.c.id,
    stories.c.date,
    stories.c.date_first,
    stories.c.date_last,
    stories.c.member_count,
    stories.c.centroid,
    stories.c.storyline_id,
).where(stories.c.id.in_(_many("ids")))


def load_stories(conn: sa.Connection, ids: Iterable[int]) -> dict[int, StoryRow]:
    wanted = sorted(set(ids))
    if not wanted:
        return {}
    return {int(row.id): _story(row) for row in conn.execute(_STORIES, {"ids": wanted})}


def insert_story(conn: sa.Connection, encoder: str, date: str | None, centroid: np.ndarray) -> int:
    stamp = now()
    result = conn.execute(
        sa.insert(stories).values(
            date=date,
            date_first=date,
            date_last=date,
            month_day=date[5:10] if date else None,
            member_count=0,
            encoder=encoder,
            centroid=to_blob(centroid, "<f8"),
            created_at=stamp,
            updated_at=stamp,
        )
    )
    return int(result.inserted_primary_key[0])  # type: ignore[index]


def update_story(conn: sa.Connection, story_id: int, **values: Any) -> None:
    if "centroid" in values:
        values["centroid"] = to_blob(values["centroid"], "<f8")
    if "date" in values:
        values["month_day"] = values["date"][5:10] if values["date"] else None
    values["updated_at"] = now()
    conn.execute(sa.update(stories).where(stories.c.id == story_id).values(**values))


_MAX_STORY = sa.select(sa.func.max(stories.c.id))


def story_count_estimate(conn: sa.Connection) -> int:
    """Stories created so far (the highest id: an index lookup, not a count)."""
    return int(conn.execute(_MAX_STORY).scalar() or 0)


#: Undated stories (and the candidates of an undated unit) are looked for among the latest this
#: many stories only: a date bounds every other lookup, recency bounds these.
UNDATED_HORIZON = 5000


def _days(window: Sequence[str]) -> list[str]:
    """The days of a window and the same month-days of an unknown year (``XXXX-MM-DD``)."""
    return [*window, *(f"XXXX{day[4:]}" for day in window)]


def _lookup(
    conn: sa.Connection,
    table: sa.Table,
    column: str,
    values: Sequence[Any],
    owner: str,
    window: Sequence[str] | None,
    limit: int,
) -> list[Any]:
    """Rows of ``table`` whose ``column`` is one of ``values``: dated rows on the window's days (an
    indexed equality per key and day), plus undated rows of the latest ``UNDATED_HORIZON`` owners;
    for an undated query, any row of the latest owners."""
    newest, on_days, undated, recent = _lookup_statements(table, column, owner)
    bound = {"values": list(values), "oldest": (conn.execute(newest).scalar() or 0) - UNDATED_HORIZON}
    bound["limit"] = limit
    if window is None:
        return list(conn.execute(recent, bound))
    return [*conn.execute(on_days, {**bound, "days": _days(window)}), *conn.execute(undated, bound)]


@functools.cache
def _lookup_statements(
    table: sa.Table, column: str, owner: str
) -> tuple[sa.Select[Any], sa.Select[Any], sa.Select[Any], sa.Select[Any]]:
    """:func:`_lookup`'s statements for one table, built once: the newest owner; rows on the
    window's days; undated rows of recent owners; any row of recent owners."""
    col, own, date = table.c[column], table.c[owner], table.c.date
    recent = own >= sa.bindparam("oldest")
    selected = sa.select(own, col).where(col.in_(_many("values")))

    def newest_first(query: sa.Select[Any]) -> sa.Select[Any]:
        return query.order_by(own.desc()).limit(sa.bindparam("limit"))

    return (
        sa.select(sa.func.max(own)),
        newest_first(selected.where(date.in_(_many("days")))),
        newest_first(selected.where(date.is_(None), recent)),
        newest_first(selected.where(recent)),
    )


def candidates_by_keys(
    conn: sa.Connection, keys: Sequence[str], window: Sequence[str] | None, limit: int = CANDIDATE_LIMIT
) -> dict[int, set[str]]:
    """Stories holding any of ``keys`` within the date window: story id -> keys found."""
    found: dict[int, set[str]] = {}
    if keys:
        for story_id, key in _lookup(conn, story_keys, "key", keys, "story_id", window, limit):
            found.setdefault(int(story_id), set()).add(key)
    return found


def candidates_by_lsh(
    conn: sa.Connection, buckets: Sequence[int], window: Sequence[str] | None, limit: int = CANDIDATE_LIMIT
) -> dict[int, int]:
    """Stories sharing an LSH bucket within the date window: story id -> bands shared."""
    found: dict[int, int] = {}
    if buckets:
        for story_id, _ in _lookup(conn, story_lsh, "bucket", buckets, "story_id", window, limit):
            found[int(story_id)] = found.get(int(story_id), 0) + 1
    return found


_KEY_COUNTS = sa.select(story_keys.c.story_id, story_keys.c.key, story_keys.c.count).where(
    story_keys.c.story_id.in_(_many("ids")), story_keys.c.key.in_(_many("keys"))
)


def key_counts(
    conn: sa.Connection, story_ids: Sequence[int], keys: Sequence[str]
) -> dict[int, dict[str, int]]:
    """How many members of each story carry each of ``keys``."""
    if not story_ids or not keys:
        return {}
    rows = conn.execute(_KEY_COUNTS, {"ids": list(story_ids), "keys": list(keys)})
    found: dict[int, dict[str, int]] = {}
    for row in rows:
        found.setdefault(int(row.story_id), {})[row.key] = int(row._mapping["count"])
    return found


_KEY_PROFILE = (
    sa.select(story_keys.c.story_id, story_keys.c.key, story_keys.c.count)
    .join(stories, stories.c.id == story_keys.c.story_id)
    .where(
        story_keys.c.story_id.in_(_many("ids")),
        sa.or_(
            story_keys.c.key.in_(_many("keys")),
            story_keys.c.count >= stories.c.member_count * sa.bindparam("share", type_=sa.Float),
        ),
    )
)


def story_key_profile(
    conn: sa.Connection, story_ids: Sequence[int], keys: Sequence[str], min_share: float
) -> dict[int, dict[str, int]]:
    """Keys of each story carried by at least ``min_share`` of its members, plus any of ``keys``."""
    if not story_ids:
        return {}
    bound = {"ids": list(story_ids), "keys": list(keys), "share": min_share}
    found: dict[int, dict[str, int]] = {sid: {} for sid in story_ids}
    for row in conn.execute(_KEY_PROFILE, bound):
        found[int(row.story_id)][row.key] = int(row._mapping["count"])
    return found


_DOCUMENT_COUNTS = sa.select(story_key_counts.c.key, story_key_counts.c.stories).where(
    story_key_counts.c.key.in_(_many("keys"))
)


def key_document_counts(conn: sa.Connection, keys: Iterable[str]) -> dict[str, int]:
    wanted = sorted(set(keys))
    if not wanted:
        return {}
    return {row.key: int(row.stories) for row in conn.execute(_DOCUMENT_COUNTS, {"keys": wanted})}


_BUMP_STORY_KEY = (
    sa.update(story_keys)
    .where(story_keys.c.story_id == sa.bindparam("sid"), story_keys.c.key == sa.bindparam("k"))
    .values(count=story_keys.c.count + 1)
)
_BUMP_KEY_COUNT = (
    sa.update(story_key_counts)
    .where(story_key_counts.c.key == sa.bindparam("k"))
    .values(stories=story_key_counts.c.stories + 1)
)


def add_story_keys(conn: sa.Connection, story_id: int, date: str | None, keys: Iterable[str]) -> list[str]:
    """Count one more member carrying each key; keep the document counts; return the keys new to the story."""
    wanted = sorted(set(keys))
    if not wanted:
        return []
    have = key_counts(conn, [story_id], wanted).get(story_id, {})
    if have:
        conn.execute(_BUMP_STORY_KEY, [{"sid": story_id, "k": k} for k in have])
    fresh = [k for k in wanted if k not in have]
    if not fresh:
        return []
    conn.execute(
        sa.insert(story_keys),
        [{"key": k, "story_id": story_id, "date": date, "count": 1, "in_storyline": 0} for k in fresh],
    )
    counted = key_document_counts(conn, fresh)
    if counted:
        conn.execute(_BUMP_KEY_COUNT, [{"k": k} for k in counted])
    new_rows = [{"key": k, "stories": 1} for k in fresh if k not in counted]
    if new_rows:
        conn.execute(sa.insert(story_key_counts), new_rows)
    return fresh


_BUMP_DATE = (
    sa.update(story_dates)
    .where(story_dates.c.story_id == sa.bindparam("sid"), story_dates.c.date == sa.bindparam("day"))
    .values(count=story_dates.c.count + 1)
)
_STORY_DATES = sa.select(story_dates.c.date, story_dates.c.count).where(
    story_dates.c.story_id == sa.bindparam("sid")
)


def add_story_date(conn: sa.Connection, story_id: int, date: str | None) -> dict[str | None, int]:
    """Count a member on ``date``; return how many members the story has on each date."""
    value = date or ""
    updated = conn.execute(_BUMP_DATE, {"sid": story_id, "day": value})
    if not updated.rowcount:
        conn.execute(sa.insert(story_dates), {"story_id": story_id, "date": value, "count": 1})
    rows = conn.execute(_STORY_DATES, {"sid": story_id})
    return {row.date or None: int(row._mapping["count"]) for row in rows}


def set_story_date(conn: sa.Connection, story_id: int, date: str | None) -> None:
    """Copy a story's (new) representative date into its blocking rows."""
    conn.execute(sa.update(story_keys).where(story_keys.c.story_id == story_id).values(date=date))
    conn.execute(sa.update(story_lsh).where(story_lsh.c.story_id == story_id).values(date=date))


_CLEAR_LSH = sa.delete(story_lsh).where(story_lsh.c.story_id == sa.bindparam("sid"))


def set_story_lsh(conn: sa.Connection, story_id: int, date: str | None, buckets: Sequence[int]) -> None:
    conn.execute(_CLEAR_LSH, {"sid": story_id})
    conn.execute(
        sa.insert(story_lsh), [{"bucket": bucket, "story_id": story_id, "date": date} for bucket in buckets]
    )


def add_member(conn: sa.Connection, **values: Any) -> None:
    values.setdefault("added_at", now())
    conn.execute(sa.insert(story_members).values(**values))


_ARTICLE_STORIES = (
    sa.select(story_members.c.story_id)
    .where(story_members.c.article_id == sa.bindparam("aid"))
    .order_by(story_members.c.segment)
)


def stories_of_article(conn: sa.Connection, article_id: str) -> list[int]:
    rows = conn.execute(_ARTICLE_STORIES, {"aid": article_id})
    seen: list[int] = []
    for row in rows:
        if int(row.story_id) not in seen:
            seen.append(int(row.story_id))
    return seen


def undated_members(conn: sa.Connection, story_id: int) -> list[str]:
    """Ids of the story's member articles that have no publication date, in id order."""
    rows = conn.execute(
        sa.select(story_members.c.article_id)
        .join(articles, articles.c.id == story_members.c.article_id)
        .where(story_members.c.story_id == story_id, articles.c.published.is_(None))
        .distinct()
        .order_by(story_members.c.article_id)
    )
    return [str(row.article_id) for row in rows]


def offer_title(
    conn: sa.Connection, story_id: int, language: str, title: str, rank: int, article_id: str
) -> None:
    """Keep the best-ranked title per language (a headline beats a lead sentence beats a segment)."""
    row = conn.execute(
        sa.select(story_titles.c.rank).where(
            story_titles.c.story_id == story_id, story_titles.c.language == language
        )
    ).first()
    if row is None:
        conn.execute(
            sa.insert(story_titles).values(
                story_id=story_id, language=language, title=title, rank=rank, article_id=article_id
            )
        )
    elif rank > row.rank:
        conn.execute(
            sa.update(story_titles)
            .where(story_titles.c.story_id == story_id, story_titles.c.language == language)
            .values(title=title, rank=rank, article_id=article_id)
        )


# -- storylines ---------------------------------------------------------------------------------


def insert_storyline(conn: sa.Connection, date: str | None, centroid: np.ndarray) -> int:
    result = conn.execute(
        sa.insert(storylines).values(
            date_first=date,
            date_last=date,
            story_count=0,
            centroid=to_blob(centroid, "<f8"),
            created_at=now(),
        )
    )
    return int(result.inserted_primary_key[0])  # type: ignore[index]


_STORYLINES = sa.select(storylines).where(storylines.c.id.in_(_many("ids")))


def load_storylines(conn: sa.Connection, ids: Iterable[int]) -> dict[int, StorylineRow]:
    wanted = sorted(set(ids))
    if not wanted:
        return {}
    rows = _lines(conn.execute(_STORYLINES, {"ids": wanted}))
    return {row.id: row for row in rows}


def storyline_candidates(
    conn: sa.Connection, keys: Sequence[str], window: Sequence[str] | None, limit: int = CANDIDATE_LIMIT
) -> dict[int, set[str]]:
    """Storylines whose stories carried any of ``keys`` within the window: id -> keys shared."""
    found: dict[int, set[str]] = {}
    if keys:
        for line_id, key in _lookup(conn, storyline_keys, "key", keys, "storyline_id", window, limit):
            found.setdefault(int(line_id), set()).add(key)
    return found


def storyline_key_counts(
    conn: sa.Connection, line_ids: Sequence[int], keys: Sequence[str]
) -> dict[int, dict[str, int]]:
    if not line_ids or not keys:
        return {}
    rows = conn.execute(
        sa.select(storyline_keys.c.storyline_id, storyline_keys.c.key, storyline_keys.c.count).where(
            storyline_keys.c.storyline_id.in_(list(line_ids)), storyline_keys.c.key.in_(list(keys))
        )
    )
    found: dict[int, dict[str, int]] = {}
    for row in rows:
        found.setdefault(int(row.storyline_id), {})[row.key] = int(row._mapping["count"])
    return found


_LINE_KEY_DATES = sa.select(storyline_keys.c.key, storyline_keys.c.date).where(
    storyline_keys.c.storyline_id == sa.bindparam("lid"), storyline_keys.c.key.in_(_many("keys"))
)
_BUMP_LINE_KEY = (
    sa.update(storyline_keys)
    .where(storyline_keys.c.key == sa.bindparam("k"), storyline_keys.c.storyline_id == sa.bindparam("lid"))
    .values(count=storyline_keys.c.count + sa.bindparam("step"), date=sa.bindparam("day"))
)
_DROP_LINE_KEYS = sa.delete(storyline_keys).where(
    storyline_keys.c.storyline_id == sa.bindparam("lid"),
    storyline_keys.c.key.in_(_many("keys")),
    storyline_keys.c.count <= 0,
)


def add_storyline_keys(
    conn: sa.Connection, line_id: int, date: str | None, keys: Iterable[str], step: int = 1
) -> None:
    """``step`` more (or fewer) stories of the storyline carry each key; keys keep their latest date."""
    wanted = sorted(set(keys))
    if not wanted:
        return
    rows = conn.execute(_LINE_KEY_DATES, {"lid": line_id, "keys": wanted})
    have = {row.key: row.date for row in rows}
    bumps = []
    for key, seen in have.items():
        known = [d for d in (seen, date) if d]
        bumps.append({"k": key, "lid": line_id, "step": step, "day": max(known) if known else None})
    if bumps:
        conn.execute(_BUMP_LINE_KEY, bumps)
    if step > 0:
        fresh = [
            {"key": k, "storyline_id": line_id, "date": date, "count": step} for k in wanted if k not in have
        ]
        if fresh:
            conn.execute(sa.insert(storyline_keys), fresh)
    else:
        conn.execute(_DROP_LINE_KEYS, {"lid": line_id, "keys": wanted})


def update_storyline(conn: sa.Connection, line_id: int, **values: Any) -> None:
    if "centroid" in values:
        values["centroid"] = to_blob(values["centroid"], "<f8")
    conn.execute(sa.update(storylines).where(storylines.c.id == line_id).values(**values))


def stories_in_storyline(conn: sa.Connection, line_id: int) -> list[DatedStory]:
    rows = conn.execute(
        sa.select(stories.c.id, stories.c.date)
        .where(stories.c.storyline_id == line_id)
        .order_by(stories.c.date, stories.c.id)
    )
    return [DatedStory(int(row.id), row.date) for row in rows]


def recent_story_centroids(conn: sa.Connection, line_id: int, limit: int) -> list[tuple[int, np.ndarray]]:
    """The latest stories of a storyline with their centroids (indexed by storyline and date)."""
    rows = conn.execute(
        sa.select(stories.c.id, stories.c.centroid)
        .where(stories.c.storyline_id == line_id)
        .order_by(stories.c.date.desc(), stories.c.id.desc())
        .limit(limit)
    )
    return [(int(row.id), from_blob(row.centroid, "<f8")) for row in rows]


def delete_storyline(conn: sa.Connection, line_id: int) -> None:
    conn.execute(sa.delete(storyline_keys).where(storyline_keys.c.storyline_id == line_id))
    conn.execute(sa.delete(storylines).where(storylines.c.id == line_id))


@dataclass(frozen=True)
class StoryKeyRow:
    """A blocking key of a story: how many members carry it, whether its storyline counts it."""

    key: str
    count: int
    in_storyline: bool


_STORY_KEY_ROWS = sa.select(story_keys.c.key, story_keys.c.count, story_keys.c.in_storyline).where(
    story_keys.c.story_id == sa.bindparam("sid")
)


def story_key_rows(conn: sa.Connection, story_id: int) -> list[StoryKeyRow]:
    rows = conn.execute(_STORY_KEY_ROWS, {"sid": story_id})
    return [StoryKeyRow(str(r.key), int(r._mapping["count"]), bool(r.in_storyline)) for r in rows]


_LEND_KEYS = (
    sa.update(story_keys)
    .where(story_keys.c.story_id == sa.bindparam("sid"), story_keys.c.key.in_(_many("keys")))
    .values(in_storyline=sa.bindparam("value"))
)


def set_lent_keys(conn: sa.Connection, story_id: int, keys: list[str], value: int) -> None:
    """Mark some keys of a story as counted (1) or not (0) in its storyline's keys."""
    if keys:
        conn.execute(_LEND_KEYS, {"sid": story_id, "keys": list(keys), "value": value})


# -- reads for the CLI, the API and exports ------------------------------------------------------------


def titles_of(conn: sa.Connection, story_ids: Sequence[int]) -> dict[int, dict[str, tuple[str, int]]]:
    """Story id -> language -> (title, rank)."""
    if not story_ids:
        return {}
    rows = conn.execute(
        sa.select(
            story_titles.c.story_id, story_titles.c.language, story_titles.c.title, story_titles.c.rank
        ).where(story_titles.c.story_id.in_(list(story_ids)))
    )
    found: dict[int, dict[str, tuple[str, int]]] = {}
    for row in rows:
        found.setdefault(int(row.story_id), {})[row.language] = (row.title, int(row.rank))
    return found


def members_of(conn: sa.Connection, story_ids: Sequence[int]) -> dict[int, list[MemberRow]]:
    """Story id -> its members with their articles' path, title and publication date."""
    if not story_ids:
        return {}
    rows = conn.execute(
        sa.select(
            story_members.c.story_id,
            story_members.c.article_id,
            story_members.c.segment,
            story_members.c.start_offset,
            story_members.c.end_offset,
            story_members.c.language,
            story_members.c.date,
            story_members.c.title.label("unit_title"),
            story_members.c.score,
            story_members.c.via,
            articles.c.path,
            articles.c.title,
            articles.c.published,
        )
        .join(articles, articles.c.id == story_members.c.article_id, isouter=True)
        .where(story_members.c.story_id.in_(list(story_ids)))
        .order_by(story_members.c.story_id, story_members.c.language, articles.c.published, articles.c.path)
    )
    found: dict[int, list[MemberRow]] = {}
    for row in rows:
        found.setdefault(int(row.story_id), []).append(MemberRow(**row._mapping))
    return found


def _date_filters(query: Any, date_from: str | None, date_to: str | None) -> Any:
    if date_from:
        query = query.where(stories.c.date >= date_from)
    if date_to:
        query = query.where(stories.c.date <= date_to)
    return query


def list_story_rows(
    conn: sa.Connection, limit: int, offset: int, date_from: str | None = None, date_to: str | None = None
) -> list[StoryRecord]:
    """Stories newest first by representative date (a date without its year next, undated last)."""
    query = _date_filters(sa.select(stories), date_from, date_to)
    undated_last = sa.case((stories.c.date.is_(None), 2), (stories.c.date.like("XXXX%"), 1), else_=0)
    query = (
        query.order_by(undated_last, stories.c.date.desc(), stories.c.id.desc()).limit(limit).offset(offset)
    )
    return _records(conn.execute(query))


def count_story_rows(conn: sa.Connection, date_from: str | None = None, date_to: str | None = None) -> int:
    query = _date_filters(sa.select(sa.func.count()).select_from(stories), date_from, date_to)
    return int(conn.execute(query).scalar() or 0)


def story_row(conn: sa.Connection, story_id: int) -> StoryRecord | None:
    found = _records(conn.execute(sa.select(stories).where(stories.c.id == story_id)))
    return found[0] if found else None


def story_rows(conn: sa.Connection, story_ids: Sequence[int]) -> list[StoryRecord]:
    found: list[StoryRecord] = []
    for chunk in in_chunks(story_ids):
        found.extend(_records(conn.execute(sa.select(stories).where(stories.c.id.in_(chunk)))))
    return found


def storyline_row(conn: sa.Connection, line_id: int) -> StorylineRow | None:
    return load_storylines(conn, [line_id]).get(line_id)


def list_storyline_rows(
    conn: sa.Connection, limit: int | None, offset: int, min_stories: int
) -> list[StorylineRow]:
    """Storylines latest first."""
    query = (
        sa.select(storylines)
        .where(storylines.c.story_count >= min_stories)
        .order_by(storylines.c.date_last.desc(), storylines.c.id.desc())
        .offset(offset)
    )
    if limit is not None:
        query = query.limit(limit)
    return _lines(conn.execute(query))


def stories_of_storylines(conn: sa.Connection, line_ids: Sequence[int]) -> list[StoryRecord]:
    """The stories of some storylines, in date order."""
    query = sa.select(stories).where(stories.c.storyline_id.in_(list(line_ids)))
    return _records(conn.execute(query.order_by(stories.c.date, stories.c.id)))


def story_rows_after(conn: sa.Connection, last: int, batch: int) -> list[StoryRecord]:
    """The next ``batch`` stories after id ``last`` (for exports in constant memory)."""
    return _records(
        conn.execute(sa.select(stories).where(stories.c.id > last).order_by(stories.c.id).limit(batch))
    )


_STORY_LANGUAGES = (
    sa.select(story_members.c.story_id, story_members.c.language)
    .where(story_members.c.story_id.in_(_many("ids")))
    .distinct()
)


def story_languages(conn: sa.Connection, ids: Iterable[int]) -> dict[int, set[str]]:
    """The languages of each story's members (read through the members' primary key)."""
    wanted = sorted(set(ids))
    if not wanted:
        return {}
    rows = conn.execute(_STORY_LANGUAGES, {"ids": wanted})
    found: dict[int, set[str]] = {}
    for row in rows:
        if row.language:
            found.setdefault(int(row.story_id), set()).add(str(row.language))
    return found


# -- re-clustering a recent window ----------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class MemberKey:
    """Which story holds an article (segment -1) or one segment of a roundup."""

    story_id: int
    article_id: str
    segment: int


def newest_story_ids(conn: sa.Connection, limit: int) -> list[int]:
    """The ``limit`` most recently created stories (by primary key: no scan)."""
    rows = conn.execute(sa.select(stories.c.id).order_by(stories.c.id.desc()).limit(limit))
    return [int(row.id) for row in rows]


def member_keys(conn: sa.Connection, story_ids: Sequence[int]) -> list[MemberKey]:
    """The members of some stories, in a stable order."""
    if not story_ids:
        return []
    rows = conn.execute(
        sa.select(story_members.c.story_id, story_members.c.article_id, story_members.c.segment)
        .where(story_members.c.story_id.in_(list(story_ids)))
        .order_by(story_members.c.article_id, story_members.c.segment)
    )
    return [MemberKey(int(r.story_id), str(r.article_id), int(r.segment)) for r in rows]


def clear_story(conn: sa.Connection, story_id: int) -> None:
    """Empty a story (members, keys and their document counts, dates, buckets, titles); its row stays."""
    keys = [
        str(r.key) for r in conn.execute(sa.select(story_keys.c.key).where(story_keys.c.story_id == story_id))
    ]
    if keys:
        conn.execute(
            sa.update(story_key_counts)
            .where(story_key_counts.c.key == sa.bindparam("k"))
            .values(stories=story_key_counts.c.stories - 1),
            [{"k": k} for k in keys],
        )
        conn.execute(
            sa.delete(story_key_counts).where(
                story_key_counts.c.key.in_(keys), story_key_counts.c.stories <= 0
            )
        )
    for table in (story_keys, story_members, story_dates, story_lsh, story_titles):
        conn.execute(sa.delete(table).where(table.c.story_id == story_id))
    conn.execute(sa.update(stories).where(stories.c.id == story_id).values(member_count=0, storyline_id=None))


def delete_story(conn: sa.Connection, story_id: int) -> None:
    """Remove a story and everything that hangs on it."""
    clear_story(conn, story_id)
    conn.execute(sa.delete(stories).where(stories.c.id == story_id))


def add_redirects(conn: sa.Connection, moves: dict[int, int]) -> None:
    """Record that each removed story (key) went to another (value); earlier redirects to a removed
    story follow it, so a link is one lookup away from a story that exists."""
    if not moves:
        return
    for old, new in sorted(moves.items()):
        conn.execute(sa.update(story_redirects).where(story_redirects.c.new_id == old).values(new_id=new))
        conn.execute(sa.delete(story_redirects).where(story_redirects.c.old_id == old))
        conn.execute(sa.insert(story_redirects).values(old_id=old, new_id=new, moved_at=now()))


def redirect_of(conn: sa.Connection, story_id: int) -> int | None:
    """The story a removed story's reports went to (None: never removed, or no table yet)."""
    if not has_table(conn, "story_redirects"):
        return None
    row = conn.execute(
        sa.select(story_redirects.c.new_id).where(story_redirects.c.old_id == story_id)
    ).first()
    return int(row.new_id) if row else None


def article_member_keys(conn: sa.Connection, article_ids: Sequence[str]) -> list[MemberKey]:
    """Every story membership of some articles (through the article index)."""
    if not article_ids:
        return []
    rows = conn.execute(
        sa.select(story_members.c.story_id, story_members.c.article_id, story_members.c.segment).where(
            story_members.c.article_id.in_(list(article_ids))
        )
    )
    return [MemberKey(int(r.story_id), str(r.article_id), int(r.segment)) for r in rows]
