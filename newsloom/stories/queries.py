"""Read stories and storylines for the CLI, the API and exports.

``list_stories`` pages through stories by date; ``story_detail`` gives one story's articles by
language, its events, entities and dates; ``list_storylines`` the threads with their stories in
date order; ``export_stories`` one record per story (id, title, date, articles as input paths,
event ids, storyline). Events and entities come from the events and entities tables when those
domains are installed, else from the stored articles themselves.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from collections.abc import Iterator, Sequence
from typing import Any

import sqlalchemy as sa

from newsloom.store.migrations.m0001_articles import articles
from newsloom.store.migrations.m0004_stories import stories, story_members, story_titles, storylines

#: Stories read per query when exporting.
EXPORT_BATCH = 500
#: Language of the title shown first when a story has several ("titles" holds them all).
PREFERRED_TITLE_LANGUAGES = ("en",)
#: Entities listed per story in its detail (most mentioned first).
DETAIL_ENTITIES = 25


def _titles(conn: sa.Connection, story_ids: Sequence[int]) -> dict[int, dict[str, tuple[str, int]]]:
    if not story_ids:
        return {}
    rows = conn.execute(
        sa.select(
            story_titles.c.story_id, story_titles.c.language, story_titles.c.title, story_titles.c.rank
        ).where(story_titles.c.story_id.in_(list(story_ids)))
    )
    found: dict[int, dict[str, tuple[str, int]]] = defaultdict(dict)
    for row in rows:
        found[int(row.story_id)][row.language] = (row.title, int(row.rank))
    return found


def choose_title(titles: dict[str, tuple[str, int]]) -> str | None:
    """The best-ranked title (a headline over a lead sentence), English first on ties."""
    if not titles:
        return None

    def order(item: tuple[str, tuple[str, int]]) -> tuple[int, int, str]:
        language, (_, rank) = item
        preferred = PREFERRED_TITLE_LANGUAGES.index(language) if language in PREFERRED_TITLE_LANGUAGES else 99
        return (-rank, preferred, language)

    return min(titles.items(), key=order)[1][0]


def _members(conn: sa.Connection, story_ids: Sequence[int]) -> dict[int, list[Any]]:
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
    found: dict[int, list[Any]] = defaultdict(list)
    for row in rows:
        found[int(row.story_id)].append(row)
    return found


def _summary(row: Any, titles: dict[str, tuple[str, int]], members: list[Any]) -> dict[str, Any]:
    languages = Counter(m.language or "und" for m in {m.article_id: m for m in members}.values())
    return {
        "id": int(row.id),
        "title": choose_title(titles),
        "titles": {language: title for language, (title, _) in sorted(titles.items())},
        "date": row.date,
        "date_first": row.date_first,
        "date_last": row.date_last,
        "articles": len({m.article_id for m in members}),
        "languages": dict(sorted(languages.items())),
        "storyline": row.storyline_id,
    }


def _date_filters(query: Any, date_from: str | None, date_to: str | None) -> Any:
    if date_from:
        query = query.where(stories.c.date >= date_from)
    if date_to:
        query = query.where(stories.c.date <= date_to)
    return query


def list_stories(
    conn: sa.Connection,
    limit: int = 50,
    offset: int = 0,
    date_from: str | None = None,
    date_to: str | None = None,
) -> list[dict[str, Any]]:
    """Stories, newest first (by representative date), with titles, languages and article counts."""
    query = _date_filters(sa.select(stories), date_from, date_to)
    undated_last = sa.case((stories.c.date.is_(None), 2), (stories.c.date.like("XXXX%"), 1), else_=0)
    query = (
        query.order_by(undated_last, stories.c.date.desc(), stories.c.id.desc()).limit(limit).offset(offset)
    )
    rows = list(conn.execute(query))
    ids = [int(r.id) for r in rows]
    titles, members = _titles(conn, ids), _members(conn, ids)
    return [_summary(r, titles.get(int(r.id), {}), members.get(int(r.id), [])) for r in rows]


def count_stories(conn: sa.Connection, date_from: str | None = None, date_to: str | None = None) -> int:
    query = _date_filters(sa.select(sa.func.count()).select_from(stories), date_from, date_to)
    return int(conn.execute(query).scalar() or 0)


def _has_table(conn: sa.Connection, name: str) -> bool:
    return bool(sa.inspect(conn).has_table(name))


def _events(conn: sa.Connection, members: list[Any]) -> list[dict[str, Any]]:
    """Merged events reported in the members' spans (events domain), top-level events first."""
    if not members or not _has_table(conn, "event_sources"):
        return []
    from newsloom.store.migrations.m0003_events import event_sources, events

    spans = {(m.article_id): [] for m in members}  # type: dict[str, list[tuple[int, int] | None]]
    for m in members:
        spans[m.article_id].append((m.start_offset, m.end_offset) if m.start_offset is not None else None)
    rows = conn.execute(
        sa.select(
            event_sources.c.event_id,
            event_sources.c.article_id,
            event_sources.c.start_offset,
            events.c.type,
            events.c.date,
            events.c.title,
            events.c.parent_id,
            events.c.n_articles,
        )
        .join(events, events.c.id == event_sources.c.event_id)
        .where(event_sources.c.article_id.in_(list(spans)))
    )
    found: dict[int, dict[str, Any]] = {}
    for row in rows:
        inside = any(
            span is None or span[0] <= row.start_offset < span[1] for span in spans.get(row.article_id, [])
        )
        if not inside:
            continue
        record = found.setdefault(
            int(row.event_id),
            {
                "id": int(row.event_id),
                "type": row.type,
                "date": row.date,
                "title": row.title,
                "parent": row.parent_id,
                "articles": row.n_articles,
                "mentions": 0,
            },
        )
        record["mentions"] += 1
    return sorted(found.values(), key=lambda e: (e["parent"] is not None, e["date"] or "", e["id"]))


def _entities(conn: sa.Connection, members: list[Any]) -> list[dict[str, Any]]:
    """Entities named in the members' spans: linked entities when linking ran, else the mentions."""
    if not members:
        return []
    spans: dict[str, list[tuple[int, int] | None]] = defaultdict(list)
    for m in members:
        spans[m.article_id].append((m.start_offset, m.end_offset) if m.start_offset is not None else None)

    def inside(article_id: str, offset: int) -> bool:
        return any(span is None or span[0] <= offset < span[1] for span in spans[article_id])

    counts: Counter[tuple[str, str, str]] = Counter()
    if _has_table(conn, "entity_links"):
        from newsloom.store.migrations.m0002_entities import entities, entity_links

        rows = conn.execute(
            sa.select(entity_links.c.article_id, entity_links.c.start_offset, entities.c.key, entities.c.name,
                      entities.c.type)
            .join(entities, entities.c.id == entity_links.c.entity_id)
            .where(entity_links.c.article_id.in_(list(spans)))
        )  # fmt: skip
        for row in rows:
            if inside(row.article_id, row.start_offset):
                counts[(row.key, row.name, row.type)] += 1
    if not counts:
        rows = conn.execute(sa.select(articles.c.id, articles.c.data).where(articles.c.id.in_(list(spans))))
        for row in rows:
            for mention in json.loads(row.data).get("entities", []):
                if mention.get("key") and inside(row.id, int(mention.get("start", 0))):
                    name = mention.get("canonical") or mention.get("text", "")
                    counts[(mention["key"], name, mention.get("type", ""))] += 1
    return [
        {"key": key, "name": name, "type": type_, "mentions": n}
        for (key, name, type_), n in counts.most_common(DETAIL_ENTITIES)
    ]


def story_detail(conn: sa.Connection, story_id: int) -> dict[str, Any] | None:
    """One story: titles, dates, storyline, its articles by language, events and entities."""
    row = conn.execute(sa.select(stories).where(stories.c.id == story_id)).first()
    if row is None:
        return None
    titles = _titles(conn, [story_id]).get(story_id, {})
    members = _members(conn, [story_id]).get(story_id, [])
    detail = _summary(row, titles, members)
    by_language: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for m in members:
        by_language[m.language or "und"].append(
            {
                "id": m.article_id,
                "path": m.path,
                "title": m.title or m.unit_title,
                "published": m.published,
                "date": m.date,
                "segment": None if m.segment < 0 else m.segment,
                "passage": m.unit_title if m.segment >= 0 else None,
                "score": m.score,
                "joined_by": m.via,
            }
        )
    detail["articles_by_language"] = dict(sorted(by_language.items()))
    detail["events"] = _events(conn, members)
    detail["entities"] = _entities(conn, members)
    detail["dates"] = sorted({m.date for m in members if m.date})
    if row.storyline_id is not None:
        line = conn.execute(sa.select(storylines).where(storylines.c.id == row.storyline_id)).first()
        detail["storyline_span"] = (line.date_first, line.date_last) if line else None
    return detail


def list_storylines(
    conn: sa.Connection,
    limit: int | None = None,
    offset: int = 0,
    min_stories: int = 1,
) -> list[dict[str, Any]]:
    """Storylines, latest first, each with its stories in date order."""
    query = (
        sa.select(storylines)
        .where(storylines.c.story_count >= min_stories)
        .order_by(storylines.c.date_last.desc(), storylines.c.id.desc())
        .offset(offset)
    )
    if limit is not None:
        query = query.limit(limit)
    lines = list(conn.execute(query))
    if not lines:
        return []
    rows = conn.execute(
        sa.select(stories)
        .where(stories.c.storyline_id.in_([int(line.id) for line in lines]))
        .order_by(stories.c.date, stories.c.id)
    )
    by_line: dict[int, list[Any]] = defaultdict(list)
    for row in rows:
        by_line[int(row.storyline_id)].append(row)
    ids = [int(r.id) for rs in by_line.values() for r in rs]
    titles, members = _titles(conn, ids), _members(conn, ids)
    result = []
    for line in lines:
        line_stories = [
            _summary(r, titles.get(int(r.id), {}), members.get(int(r.id), [])) for r in by_line[int(line.id)]
        ]
        lead = max(line_stories, key=lambda s: (s["articles"], -s["id"]), default=None)
        result.append(
            {
                "id": int(line.id),
                "title": lead["title"] if lead else None,
                "date_first": line.date_first,
                "date_last": line.date_last,
                "stories": line_stories,
            }
        )
    return result


def export_stories(conn: sa.Connection, fmt: str = "jsonl") -> Iterator[dict[str, Any]]:
    """One record per story: id, title, titles, date(s), languages, articles (input paths), article
    ids, events (event ids), storyline. ``fmt`` is accepted for the exporter's interface."""
    last = 0
    while True:
        rows = list(
            conn.execute(
                sa.select(stories).where(stories.c.id > last).order_by(stories.c.id).limit(EXPORT_BATCH)
            )
        )
        if not rows:
            return
        ids = [int(r.id) for r in rows]
        titles, members = _titles(conn, ids), _members(conn, ids)
        for row in rows:
            own = members.get(int(row.id), [])
            record = _summary(row, titles.get(int(row.id), {}), own)
            record["articles"] = sorted({m.path for m in own if m.path})
            record["article_ids"] = sorted({m.article_id for m in own})
            record["roundups"] = sorted({m.path for m in own if m.segment >= 0 and m.path})
            record["events"] = [e["id"] for e in _events(conn, own)]
            yield record
        last = ids[-1]
