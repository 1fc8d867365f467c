"""Making, undoing and replaying corrections: the functions the CLI, the API and the pages call.

A correction is checked against the store (the ids exist, the values make sense), turned into stable
anchors (the sentences of an event, the members of a story, the key of an entity), stored as an audit
record and applied, in one transaction. Every later article replays the active corrections that
cover what it touched (:func:`replay_for_article`, the last corpus step), so a re-run never undoes one.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from newsloom.article import Article
from newsloom.corrections import entities as entity_fixes
from newsloom.corrections import events as event_fixes
from newsloom.corrections import stories as story_fixes
from newsloom.errors import NewsloomError
from newsloom.events.actors import fold
from newsloom.events.codebook import TYPES
from newsloom.store import Connection
from newsloom.store import corrections as sql

TARGETS = ("event", "entity", "story")
#: target kind -> the kinds of correction it takes
KINDS: dict[str, tuple[str, ...]] = {
    "event": ("merge", "split", "retype", "date", "location", "actors", "false"),
    "entity": ("merge", "split"),
    "story": ("merge", "split"),
}
OVERLAYS = ("retype", "date", "location", "actors", "false")
DATE = re.compile(r"(\d{4}|XXXX)-\d{2}-\d{2}")
#: Longest reason kept (characters): a sentence or two, not an essay.
MAX_REASON = 2000
MAX_TEXT = 300


class CorrectionError(NewsloomError):
    """A correction that cannot be made: ``status`` 404 (a target does not exist) or 422 (bad values)."""

    def __init__(self, message: str, status: int = 422) -> None:
        super().__init__(message)
        self.status = status


@dataclass(frozen=True)
class Fix:
    """What a person asks: ``kind`` of correction on ``target`` ids, with ``values`` and a reason."""

    target: str
    kind: str
    ids: tuple[int, ...]
    values: dict[str, Any] = field(default_factory=dict)
    reason: str = ""


@dataclass(frozen=True)
class Outcome:
    """A stored correction and the ids it left (the merged event, the two halves of a split, ...)."""

    correction: sql.CorrectionRow
    result_ids: list[int]


# -- checking a request and anchoring it --------------------------------------------------------------


def _check_shape(fix: Fix) -> None:
    if fix.target not in KINDS:
        raise CorrectionError(f"Cannot correct a {fix.target!r}: correct an {', a '.join(TARGETS)}.")
    if fix.kind not in KINDS[fix.target]:
        raise CorrectionError(
            f"A {fix.target} takes no {fix.kind!r} correction. It takes: {', '.join(KINDS[fix.target])}."
        )
    wanted = 2 if fix.kind == "merge" else 1
    if len(set(fix.ids)) < wanted or (fix.kind != "merge" and len(fix.ids) != 1):
        count = "two or more different ids" if fix.kind == "merge" else "exactly one id"
        raise CorrectionError(f"A {fix.kind} of {fix.target}s takes {count}; got {list(fix.ids)}.")
    if len(fix.reason) > MAX_REASON:
        raise CorrectionError(f"The reason is {len(fix.reason)} characters long; keep it under {MAX_REASON}.")


def _texts(values: dict[str, Any], name: str, required: bool = True) -> list[str]:
    raw = values.get(name, [])
    items = [raw] if isinstance(raw, str) else raw
    if not isinstance(items, list) or not all(isinstance(i, str) for i in items):
        raise CorrectionError(f"'{name}' must be a list of texts, not {raw!r}.")
    cleaned = [" ".join(i.split()) for i in items if i.strip()]
    if required and not cleaned:
        raise CorrectionError(f"Give '{name}': at least one.")
    if any(len(i) > MAX_TEXT for i in cleaned):
        raise CorrectionError(f"A value of '{name}' is over {MAX_TEXT} characters.")
    return cleaned


def _event_payload(conn: Connection, fix: Fix) -> dict[str, Any]:
    groups = event_fixes.anchors(conn, fix.ids)
    missing = [i for i, g in zip(fix.ids, groups, strict=True) if not g]
    if missing:
        raise CorrectionError(f"No event {missing[0]}: see `newsloom events` for the ids there are.", 404)
    if fix.kind == "merge":
        types = set(sql.event_types(conn, fix.ids).values())
        if len(types) > 1:
            raise CorrectionError(
                f"Events {list(fix.ids)} are of different types ({', '.join(sorted(types))}): change the type "
                "of one first (newsloom fix event retype), then merge them."
            )
        return {"groups": groups}
    whole = groups[0]
    if fix.kind == "split":
        return _split_payload(conn, fix, whole)
    payload: dict[str, Any] = {"anchors": whole, "values": _overlay_values(fix)}
    if fix.kind == "retype":
        payload["previous"] = sql.event_types(conn, fix.ids)[fix.ids[0]]
    return payload


def _article_ids(conn: Connection, names: list[str]) -> set[str]:
    """Article ids for ids or input paths (a path stands for every article read from it)."""
    from newsloom.store.articles import articles_at_path

    found: set[str] = set()
    for name in names:
        found |= (
            set(articles_at_path(conn, name))
            or set(articles_at_path(conn, str(Path(name).resolve())))
            or {name}
        )
    return found


def _split_payload(conn: Connection, fix: Fix, whole: list[list[Any]]) -> dict[str, Any]:
    articles = _article_ids(conn, _texts(fix.values, "articles", required=False))
    sources = fix.values.get("sources") or []
    if not isinstance(sources, list) or not all(isinstance(s, int) and 0 < s < 2**62 for s in sources):
        raise CorrectionError(f"'sources' must be a list of source ids (numbers), not {sources!r}.")
    chosen = [a for _, a in sql.anchors_of_sources(conn, sources) if _ == fix.ids[0]]
    part = [a for a in whole if a[0] in articles or tuple(a) in {tuple(c) for c in chosen}]
    rest = [a for a in whole if a not in part]
    if not part or not rest:
        have = sorted({a[0] for a in whole})
        raise CorrectionError(
            f"A split needs some but not all of event {fix.ids[0]}'s sources: give 'articles' (some of "
            f"{', '.join(have)}) or 'sources' (source ids of this event)."
        )
    return {"part": part, "rest": rest}


def _overlay_values(fix: Fix) -> dict[str, Any]:
    values = fix.values
    if fix.kind == "retype":
        type_ = str(values.get("type", "")).strip().upper()
        if type_ not in TYPES:
            raise CorrectionError(f"{values.get('type')!r} is not a PLOVER type. Types: {', '.join(TYPES)}.")
        return {"type": type_}
    if fix.kind == "date":
        start, end = str(values.get("date") or ""), values.get("date_end") or None
        for value in (start, end):
            if value is not None and not DATE.fullmatch(str(value)):
                raise CorrectionError(
                    f"Dates are written YYYY-MM-DD (XXXX-MM-DD without a year), not {value!r}."
                )
        if end and str(end) < start:
            raise CorrectionError(f"The end date {end} is before the start date {start}.")
        return {"date": start, "date_end": end}
    if fix.kind == "location":
        return {"location": _texts(values, "location")[0]}
    if fix.kind == "actors":
        return {"source": _texts(values, "source"), "target": _texts(values, "target", required=False)}
    return {}


def _entity_payload(conn: Connection, fix: Fix) -> dict[str, Any]:
    found = sql.entities_by_ids(conn, fix.ids)
    missing = [i for i in fix.ids if i not in found]
    if missing:
        raise CorrectionError(f"No entity {missing[0]}: see `newsloom entities` for the ids there are.", 404)
    if fix.kind == "merge":
        keys = [found[i].key for i in fix.ids]
        aliases = {
            found[i].key: sorted({f for _, _, f in sql.entity_alias_rows(conn, i)}) for i in fix.ids[1:]
        }
        spelt = {found[i].key: found[i].name for i in fix.ids[1:]}
        return {"keys": keys, "aliases": aliases, "names": spelt}
    entity = found[fix.ids[0]]
    names = _texts(fix.values, "aliases")
    folded = sorted({fold(n) for n in names})
    known = {f for _, _, f in sql.entity_alias_rows(conn, entity.id)}
    if not set(folded) & known:
        raise CorrectionError(
            f"Entity {entity.id} ({entity.name}) has none of the names {names}: give some of its aliases."
        )
    if known <= set(folded):
        raise CorrectionError(f"Those are all the names of entity {entity.id}: leave it at least one.")
    return {
        "key": entity.key,
        "aliases": folded,
        "name": names[0],
        "new_key": f"{entity.type}:{folded[0]}#split",
    }


def _story_payload(conn: Connection, fix: Fix) -> dict[str, Any]:
    groups = story_fixes.members(conn, fix.ids)
    missing = [i for i, g in zip(fix.ids, groups, strict=True) if not g]
    if missing:
        raise CorrectionError(f"No story {missing[0]}: see `newsloom stories` for the ids there are.", 404)
    if fix.kind == "merge":
        return {"groups": groups}
    articles = _article_ids(conn, _texts(fix.values, "articles"))
    part = [m for m in groups[0] if m[0] in articles]
    rest = [m for m in groups[0] if m[0] not in articles]
    if not part or not rest:
        have = sorted({m[0] for m in groups[0]})
        raise CorrectionError(
            f"Split off some but not all of story {fix.ids[0]}'s articles: some of {', '.join(have)}."
        )
    return {"part": part, "rest": rest}


PAYLOADS: dict[str, Callable[[Connection, Fix], dict[str, Any]]] = {
    "event": _event_payload,
    "entity": _entity_payload,
    "story": _story_payload,
}


# -- applying ---------------------------------------------------------------------------------------------


def _covered(conn: Connection, target: str, ids: list[int]) -> set[str]:
    if target == "event":
        return sql.articles_of_events(conn, ids)
    if target == "story":
        return set().union(*sql.articles_of_stories(conn, ids).values()) if ids else set()
    return set().union(*(sql.articles_of_entity(conn, i) for i in ids)) if ids else set()


def apply(conn: Connection, row: sql.CorrectionRow) -> list[int]:
    """Apply one stored correction (again); return the ids it leaves. Idempotent."""
    payload, target, kind = row.payload, row.target_kind, row.kind
    if target == "event":
        if kind == "merge":
            ids = event_fixes.apply_merge(conn, payload)
        elif kind == "split":
            ids = event_fixes.apply_split(conn, payload)
        else:
            splits = [
                r.payload["part"]
                for r in sql.list_corrections(conn, "event", active_only=True)
                if r.kind == "split"
            ]
            ids = event_fixes.apply_overlay(conn, kind, payload, row.id, splits)
    elif target == "story":
        ids = (story_fixes.apply_merge if kind == "merge" else story_fixes.apply_split)(conn, payload)
    else:
        ids = (entity_fixes.apply_merge if kind == "merge" else entity_fixes.apply_split)(conn, payload)
    if target == "event" and kind != "false":
        ids = _keep_ids(conn, row, ids)
    sql.set_refs(conn, row.id, _covered(conn, target, ids))
    return ids


def _keep_ids(conn: Connection, row: sql.CorrectionRow, ids: list[int]) -> list[int]:
    """A corrected event keeps the id it was corrected under (the id a person bookmarked), even when a
    later run re-merged all its reports into a new row: the row gets its old id back when it is free.
    (A merge's kept event, a split's remaining part, an event whose values were corrected.)"""
    old = int(row.target_ids[0])
    if not ids or ids[0] == old or (row.kind != "split" and len(ids) > 1) or sql.event_exists(conn, old):
        return ids
    sql.renumber_event(conn, ids[0], old)
    return [old, *ids[1:]]


def correct(conn: Connection, fix: Fix, token_name: str) -> Outcome:
    """Check, record and apply a correction (call inside one transaction)."""
    _check_shape(fix)
    payload = PAYLOADS[fix.target](conn, fix)
    if fix.target == "entity" and fix.kind == "split":
        payload["new_key"] = f"{payload['new_key']}{len(sql.list_corrections(conn)) + 1}"
    correction_id = sql.insert_correction(
        conn, fix.kind, fix.target, list(fix.ids), payload, fix.reason.strip(), token_name
    )
    row = sql.get_correction(conn, correction_id)
    assert row is not None
    return Outcome(row, apply(conn, row))


def _inverse(row: sql.CorrectionRow) -> list[tuple[str, dict[str, Any]]]:
    """The structural corrections that put back what ``row`` changed (kind, payload)."""
    payload = row.payload
    if row.kind == "split" and row.target_kind in ("event", "story"):
        return [("merge", {"groups": [payload["rest"], payload["part"]]})]
    if row.kind == "merge" and row.target_kind in ("event", "story"):
        groups = payload["groups"]
        return [
            ("split", {"part": group, "rest": [a for other in groups if other is not group for a in other]})
            for group in groups[1:]
        ]
    if row.target_kind == "entity" and row.kind == "split":
        return [("merge", {"keys": [payload["key"], payload["new_key"]]})]
    if row.target_kind == "entity" and row.kind == "merge":
        return [
            ("split", {"key": payload["keys"][0], "new_key": key, "aliases": payload["aliases"].get(key, []),
                       "name": payload["names"].get(key, key)})
            for key in payload["keys"][1:]
        ]  # fmt: skip
    return []


def undo(conn: Connection, correction_id: int, token_name: str, reason: str = "") -> Outcome:
    """Undo a correction: what it changed is put back, the undo is recorded, and the other active
    corrections over the same articles are replayed."""
    row = sql.get_correction(conn, correction_id)
    if row is None or row.kind == "undo":
        raise CorrectionError(f"No correction {correction_id} to undo: see `newsloom fix list`.", 404)
    if row.undone_at:
        raise CorrectionError(f"Correction {correction_id} was already undone by correction {row.undone_by}.")
    covered = set(sql.ids_covered_by(conn, correction_id))
    undo_id = sql.insert_correction(
        conn, "undo", "correction", [correction_id], {"kind": row.kind, "target": row.target_kind},
        reason.strip(), token_name,
    )  # fmt: skip
    sql.mark_undone(conn, correction_id, undo_id)
    ids: list[int] = []
    for kind, payload in _inverse(row):
        inverse = sql.CorrectionRow(0, kind, row.target_kind, [], payload, "", "", "", None, None)
        ids = _apply_inverse(conn, inverse)
    if row.target_kind == "event" and row.kind in OVERLAYS:
        ids = event_fixes.undo_overlay(conn, row.kind, row.payload)
    replay(conn, sql.corrections_covering(conn, covered))
    done = sql.get_correction(conn, undo_id)
    assert done is not None
    return Outcome(done, ids)


def _apply_inverse(conn: Connection, row: sql.CorrectionRow) -> list[int]:
    if row.target_kind == "event":
        return (event_fixes.apply_merge if row.kind == "merge" else event_fixes.apply_split)(
            conn, row.payload
        )
    if row.target_kind == "story":
        return (story_fixes.apply_merge if row.kind == "merge" else story_fixes.apply_split)(
            conn, row.payload
        )
    return (entity_fixes.apply_merge if row.kind == "merge" else entity_fixes.apply_split)(conn, row.payload)


# -- replaying --------------------------------------------------------------------------------------------


def replay(conn: Connection, only: set[int] | None = None) -> list[int]:
    """Apply the active corrections again, oldest first (``only``: just those ids); return those applied."""
    done = []
    for row in sql.list_corrections(conn, active_only=True):
        if only is None or row.id in only:
            apply(conn, row)
            done.append(row.id)
    return done


#: Up to this many active corrections, every one is replayed after each article (cheap: an applied
#: correction that already holds changes nothing); beyond, only those over what the article touched.
REPLAY_ALL_UP_TO = 500


def replay_for_article(conn: Connection, article: Article) -> list[int]:
    """The corpus step: replay the corrections over anything this article touched (its events, its
    stories, the entities it names), so that processing it never undoes a correction."""
    if not sql.has_active(conn):
        return []
    active = sql.list_corrections(conn, active_only=True)
    if len(active) <= REPLAY_ALL_UP_TO:
        # merging an article merges its stored neighbourhood again (``events.merge``), which can
        # reach events of articles this one shares nothing with: replay every correction
        return replay(conn)
    touched = {article.id}
    touched |= sql.articles_of_events(conn, sorted(sql.events_of_article(conn, article.id)))
    stories = sql.stories_of_articles(conn, [article.id])
    for members in sql.articles_of_stories(conn, sorted(stories)).values():
        touched |= members
    wanted = sql.corrections_covering(conn, touched)
    named = sql.entity_keys_of_article(conn, article.id)
    for row in sql.list_corrections(conn, target_kind="entity", active_only=True):
        if named & set(entity_fixes.watched_keys(row.kind, row.payload)):
            wanted.add(row.id)
    return replay(conn, wanted) if wanted else []


def replay_stories(conn: Connection) -> list[int]:
    """After the stories of a window were clustered again (``stories.recluster``): every active story
    correction once more, oldest first, so that re-clustering never undoes a merge or a split."""
    if not sql.has_active(conn):
        return []
    wanted = {row.id for row in sql.list_corrections(conn, target_kind="story", active_only=True)}
    return replay(conn, wanted) if wanted else []
