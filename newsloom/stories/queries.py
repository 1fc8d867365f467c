"""Read stories and storylines for the CLI, the API and exports.

``list_stories`` pages through stories by date; ``story_detail`` gives one story's articles by
language, its events, entities and dates; ``list_storylines`` the threads with their stories in
date order; ``export_stories`` one record per story (id, title, date, articles as input paths,
event ids, storyline). Events and entities come from the events and entities tables when those
domains are installed, else from the stored articles themselves.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterator, Sequence
from typing import Any

from newsloom.store import Connection
from newsloom.store import articles as article_rows
from newsloom.store import entities as entity_rows
from newsloom.store import events as event_rows
from newsloom.store import stories as store

#: Stories read per query when exporting.
EXPORT_BATCH = 500
#: Language of the title shown first when a story has several ("titles" holds them all).
PREFERRED_TITLE_LANGUAGES = ("en",)
#: Entities listed per story in its detail (most mentioned first).
DETAIL_ENTITIES = 25
#: Actors named in a storyline's name (its most mentioned people and organisations).
NAME_ACTORS = 2
#: Entity types a storyline is named after, and the place type added as its setting.
ACTOR_TYPES = ("person", "organization", "org")
PLACE_TYPES = ("place", "country", "location", "gpe")
#: A word for the commonest kind of event of a storyline (PLOVER types), its topic in the name.
TOPIC_WORDS = {
    "AGREE": "agreement", "CONSULT": "talks", "SUPPORT": "support", "CONCEDE": "concession",
    "COOPERATE": "cooperation", "AID": "aid", "RETREAT": "withdrawal", "REQUEST": "appeal",
    "ACCUSE": "accusation", "REJECT": "rejection", "THREATEN": "threat", "PROTEST": "protest",
    "SANCTION": "sanctions", "MOBILIZE": "mobilization", "COERCE": "arrests and seizures", "ASSAULT": "violence",
}  # fmt: skip


def _titles(conn: Connection, story_ids: Sequence[int]) -> dict[int, dict[str, tuple[str, int]]]:
    return store.titles_of(conn, story_ids)


def choose_title(titles: dict[str, tuple[str, int]]) -> str | None:
    """The best-ranked title (a headline over a lead sentence), English first on ties."""
    if not titles:
        return None

    def order(item: tuple[str, tuple[str, int]]) -> tuple[int, int, str]:
        language, (_, rank) = item
        preferred = PREFERRED_TITLE_LANGUAGES.index(language) if language in PREFERRED_TITLE_LANGUAGES else 99
        return (-rank, preferred, language)

    return min(titles.items(), key=order)[1][0]


def _members(conn: Connection, story_ids: Sequence[int]) -> dict[int, list[Any]]:
    return store.members_of(conn, story_ids)


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


def list_stories(
    conn: Connection,
    limit: int = 50,
    offset: int = 0,
    date_from: str | None = None,
    date_to: str | None = None,
) -> list[dict[str, Any]]:
    """Stories, newest first (by representative date), with titles, languages and article counts."""
    rows = store.list_story_rows(conn, limit, offset, date_from, date_to)
    ids = [int(r.id) for r in rows]
    titles, members = _titles(conn, ids), _members(conn, ids)
    return [_summary(r, titles.get(int(r.id), {}), members.get(int(r.id), [])) for r in rows]


def count_stories(conn: Connection, date_from: str | None = None, date_to: str | None = None) -> int:
    return store.count_story_rows(conn, date_from, date_to)


def _events(conn: Connection, members: list[Any]) -> list[dict[str, Any]]:
    """Merged events reported in the members' spans (events domain), top-level events first."""
    if not members:
        return []
    spans = {(m.article_id): [] for m in members}  # type: dict[str, list[tuple[int, int] | None]]
    for m in members:
        spans[m.article_id].append((m.start_offset, m.end_offset) if m.start_offset is not None else None)
    rows = event_rows.event_mentions_in_articles(conn, list(spans))
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


def _entities(conn: Connection, members: list[Any]) -> list[dict[str, Any]]:
    """Entities named in the members' spans: linked entities when linking ran, else the mentions."""
    if not members:
        return []
    spans: dict[str, list[tuple[int, int] | None]] = defaultdict(list)
    for m in members:
        spans[m.article_id].append((m.start_offset, m.end_offset) if m.start_offset is not None else None)

    def inside(article_id: str, offset: int) -> bool:
        return any(span is None or span[0] <= offset < span[1] for span in spans[article_id])

    counts: Counter[tuple[str, str, str]] = Counter()
    for row in entity_rows.links_in_articles(conn, list(spans)):
        if inside(row.article_id, row.start_offset):
            counts[(row.key, row.name, row.type)] += 1
    if not counts:
        for article_id, data in article_rows.article_data(conn, list(spans)).items():
            for mention in data.get("entities", []):
                if mention.get("key") and inside(article_id, int(mention.get("start", 0))):
                    name = mention.get("canonical") or mention.get("text", "")
                    counts[(mention["key"], name, mention.get("type", ""))] += 1
    return [
        {"key": key, "name": name, "type": type_, "mentions": n}
        for (key, name, type_), n in counts.most_common(DETAIL_ENTITIES)
    ]


def story_detail(conn: Connection, story_id: int) -> dict[str, Any] | None:
    """One story: titles, dates, storyline, its articles by language, events and entities. A story
    that re-clustering removed answers with the story its reports went to (``moved_from`` says so)."""
    row = store.story_row(conn, story_id)
    moved_from = None
    if row is None:
        target = store.redirect_of(conn, story_id)
        row = store.story_row(conn, target) if target is not None else None
        if row is None or target is None:
            return None
        moved_from, story_id = story_id, target
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
    detail["moved_from"] = moved_from
    if row.storyline_id is not None:
        line = store.storyline_row(conn, row.storyline_id)
        detail["storyline_span"] = (line.date_first, line.date_last) if line else None
    return detail


def list_storylines(
    conn: Connection,
    limit: int | None = None,
    offset: int = 0,
    min_stories: int = 1,
) -> list[dict[str, Any]]:
    """Storylines, latest first, each with its stories in date order."""
    lines = store.list_storyline_rows(conn, limit, offset, min_stories)
    if not lines:
        return []
    rows = store.stories_of_storylines(conn, [int(line.id) for line in lines])
    by_line: dict[int, list[Any]] = defaultdict(list)
    for row in rows:
        if row.storyline_id is not None:  # always: the rows were read by storyline
            by_line[row.storyline_id].append(row)
    ids = [int(r.id) for rs in by_line.values() for r in rs]
    titles, members = _titles(conn, ids), _members(conn, ids)
    result = []
    for line in lines:
        line_stories = [
            _summary(r, titles.get(int(r.id), {}), members.get(int(r.id), [])) for r in by_line[int(line.id)]
        ]
        lead = max(line_stories, key=lambda s: (s["articles"], -s["id"]), default=None)
        line_members = [m for r in by_line[int(line.id)] for m in members.get(int(r.id), [])]
        result.append(
            {
                "id": int(line.id),
                "title": lead["title"] if lead else None,
                "name": storyline_name(conn, line_members),
                "date_first": line.date_first,
                "date_last": line.date_last,
                "stories": line_stories,
            }
        )
    return result


def storyline_name(conn: Connection, members: list[Any]) -> str | None:
    """A storyline's name: its principal actors (canonical names, most mentioned first), then its
    topic (the word for its commonest kind of event) and its commonest place, e.g.
    "Lương Cường, Cyril Ramaphosa: talks (Hà Nội)". None when nothing is known."""
    entities = _entities(conn, members)
    actors = [e["name"] for e in entities if e["type"] in ACTOR_TYPES and e["name"]][:NAME_ACTORS]
    place = next((e["name"] for e in entities if e["type"] in PLACE_TYPES and e["name"]), None)
    kinds = Counter(
        e["type"] for e in _events(conn, members) if e["parent"] is None and e["type"] in TOPIC_WORDS
    )
    topic = TOPIC_WORDS[min(kinds, key=lambda k: (-kinds[k], k))] if kinds else None
    if not actors and not topic:
        return None
    name = ", ".join(actors) or (place or "")
    if topic:
        name = f"{name}: {topic}" if name else topic
    if place and actors:
        name += f" ({place})"
    return name


def export_stories(conn: Connection, fmt: str = "jsonl") -> Iterator[dict[str, Any]]:
    """One record per story: id, title, titles, date(s), languages, articles (input paths), article
    ids, events (event ids), storyline. ``fmt`` is accepted for the exporter's interface."""
    last = 0
    while True:
        rows = store.story_rows_after(conn, last, EXPORT_BATCH)
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
