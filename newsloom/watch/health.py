"""Source health and fired alerts as plain records: what `sources list`, the API and the page show."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from newsloom.store import Store
from newsloom.store.watch import hit_counts, hits_of, list_alerts, list_sources, source_item_counts


def _when(seconds: float | None) -> str | None:
    return datetime.fromtimestamp(seconds, UTC).isoformat(timespec="seconds") if seconds else None


def source_health(store: Store) -> list[dict[str, Any]]:
    with store.connect() as conn:
        sources, counts = list_sources(conn), source_item_counts(conn)
    return [
        {
            "url": s.url,
            "name": s.name,
            "kind": s.kind,
            "paused": s.paused,
            "last_status": s.last_status,
            "last_error": s.last_error,
            "failures": s.failures,
            "items_seen": s.items_seen,
            "items": counts.get(s.id, {}),
            "last_poll": _when(s.last_poll_at),
            "next_poll": _when(s.next_poll_at) if not s.paused else None,
            "healthy": s.failures == 0 and s.last_status in ("200", "304"),
        }  # fmt: skip
        for s in sources
    ]


def fired_alerts(store: Store, limit: int = 20) -> list[dict[str, Any]]:
    with store.connect() as conn:
        alerts, counts = list_alerts(conn), hit_counts(conn)
        return [
            {
                "name": a.name,
                "kind": a.kind,
                "query": a.query,
                "fired": counts.get(a.id, 0),
                "recent": [h.payload for h in hits_of(conn, a.id, limit)],
            }  # fmt: skip
            for a in alerts
        ]
