"""Delivering fired alerts: a JSON POST to a webhook (retried), a line in a local JSONL file.

Hits are written to the store first (the outbox) and delivered after, so a crash between the two
re-delivers on the next round and a hit is never lost; a webhook that stays down is given up after
``MAX_ATTEMPTS`` rounds with the reason kept on the hit.
"""

from __future__ import annotations

import json
import logging
import time
from pathlib import Path

import httpx

from newsloom.store import Store
from newsloom.store.watch import AlertRow, Hit, list_alerts, mark_delivered, undelivered_hits
from newsloom.watch.fetch import USER_AGENT

log = logging.getLogger(__name__)

#: delivery rounds before a hit's webhook is given up; each round tries ``TRIES`` times with backoff
MAX_ATTEMPTS = 8
TRIES = 3
RETRY_PAUSE_S = 0.5


def post_webhook(client: httpx.Client, url: str, payload: dict[str, object]) -> str | None:
    """POST ``payload``; None when a 2xx came back, else the last reason (after ``TRIES`` tries)."""
    reason = ""
    for attempt in range(TRIES):
        try:
            response = client.post(url, json=payload)
            if response.status_code < 300:
                return None
            reason = f"HTTP {response.status_code}"
            if 400 <= response.status_code < 500 and response.status_code not in (408, 429):
                break  # the receiver refuses this payload: retrying will not change its mind
        except httpx.HTTPError as exc:
            reason = f"{type(exc).__name__}: {exc}"
        time.sleep(RETRY_PAUSE_S * 2**attempt)
    return reason or "failed"


def append_jsonl(path: str, payload: dict[str, object]) -> str | None:
    try:
        target = Path(path).expanduser()
        target.parent.mkdir(parents=True, exist_ok=True)
        with target.open("a", encoding="utf-8") as handle:
            handle.write(json.dumps(payload, ensure_ascii=False) + "\n")
    except OSError as exc:
        return f"cannot write {path}: {exc}"
    return None


def _deliver_one(client: httpx.Client, store: Store, hit: Hit, alert: AlertRow, down: set[str]) -> None:
    webhook_ok: bool | None = None
    jsonl_ok: bool | None = None
    errors = []
    if not hit.jsonl_done and alert.jsonl:
        problem = append_jsonl(alert.jsonl, hit.payload)
        jsonl_ok = problem is None
        errors += [problem] if problem else []
    if not hit.webhook_done and alert.webhook and alert.webhook not in down:
        problem = post_webhook(client, alert.webhook, hit.payload)
        webhook_ok = problem is None or hit.attempts + 1 >= MAX_ATTEMPTS
        if problem:
            down.add(alert.webhook)  # the other hits for it wait for the next round, not TRIES each
            errors.append(f"webhook {alert.webhook}: {problem}")
    elif jsonl_ok is None:
        return  # nothing tried for this hit this round
    with store.transaction() as conn:
        mark_delivered(conn, hit.id, webhook=webhook_ok, jsonl=jsonl_ok, error="; ".join(errors) or None)
    for problem in errors:
        log.warning("alert %s: %s", alert.name, problem)


def deliver_pending(store: Store, client: httpx.Client) -> int:
    """Deliver every hit not yet delivered; return how many were handled.

    A webhook that fails once in a round is not called again in that round (a receiver that is down
    costs one set of tries per round, whatever the number of hits owed to it).
    """
    with store.connect() as conn:
        hits = undelivered_hits(conn)
        alerts = {a.id: a for a in list_alerts(conn)} if hits else {}
    down: set[str] = set()
    for hit in hits:
        alert = alerts.get(hit.alert_id)
        if alert is not None:
            _deliver_one(client, store, hit, alert, down)
    return len(hits)


def webhook_client(timeout_s: float = 10.0) -> httpx.Client:
    return httpx.Client(headers={"User-Agent": USER_AGENT}, timeout=timeout_s, follow_redirects=True)
