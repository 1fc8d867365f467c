"""Corrections as a person looks at them: the audit list (what, when, why, by which token), newest
first, optionally about one event, entity or story."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from newsloom.store import Connection
from newsloom.store import corrections as sql
from newsloom.views.common import Model, Page, page_of


class CorrectionRecord(Model):
    """One correction: its kind, what it targets, the new values, why, who, when, and whether undone."""

    id: int
    kind: str
    target_kind: str
    target_ids: list[Any]
    values: dict[str, Any]
    reason: str
    token_name: str
    created_at: str
    undone_at: str | None
    undone_by: int | None
    result_ids: list[int] = []


@dataclass(frozen=True)
class CorrectionQuery:
    target_kind: str | None = None
    target_id: int | None = None  # only corrections naming this id (as the person saw it)
    include_undone: bool = True
    limit: int = 50
    offset: int = 0


def record_of(row: sql.CorrectionRow, result_ids: list[int] | None = None) -> CorrectionRecord:
    """The audit record of a stored row (anchors stay inside; the values a person gave are shown)."""
    payload = row.payload
    values: dict[str, Any] = dict(payload.get("values") or {})
    if row.kind == "split" and "part" in payload:
        values["articles"] = sorted({str(a[0]) for a in payload["part"]})
    if row.target_kind == "entity" and row.kind == "merge":
        values["keys"] = payload["keys"]
    elif row.target_kind == "entity":
        values.update(key=payload["key"], aliases=payload["aliases"])
    if row.kind == "undo":
        values = dict(payload)
    return CorrectionRecord(
        id=row.id, kind=row.kind, target_kind=row.target_kind, target_ids=row.target_ids, values=values,
        reason=row.reason, token_name=row.token_name, created_at=row.created_at, undone_at=row.undone_at,
        undone_by=row.undone_by, result_ids=result_ids or [],
    )  # fmt: skip


def corrections_view(conn: Connection, query: CorrectionQuery) -> Page[CorrectionRecord]:
    rows = sql.list_corrections(conn, query.target_kind)
    if query.target_id is not None:
        rows = [r for r in rows if query.target_id in r.target_ids]
    if not query.include_undone:
        rows = [r for r in rows if not r.undone_at and r.kind != "undo"]
    rows.reverse()
    chosen = rows[query.offset : query.offset + query.limit + 1]
    return page_of([record_of(r) for r in chosen], query.limit, query.offset)
