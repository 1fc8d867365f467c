"""When a source is polled next: its own interval when it answered, exponential backoff with jitter
when it failed (the "full jitter" of AWS's backoff note, floored at half the step so it never hammers)."""

from __future__ import annotations

import random

#: a failing source is retried after interval * 2**(failures-1), at most this long (6 hours)
MAX_BACKOFF_S = 6 * 3600.0
#: a source that answers is polled again after its interval, spread by up to this share (no herd)
INTERVAL_JITTER = 0.1


def next_poll_at(
    now: float,
    interval_s: float,
    failures: int,
    rng: random.Random | None = None,
    max_backoff_s: float = MAX_BACKOFF_S,
) -> float:
    """The time of the next poll after one that left ``failures`` consecutive failures (0: success)."""
    rng = rng or random.Random()
    if failures <= 0:
        return now + interval_s * (1.0 + rng.uniform(-INTERVAL_JITTER, INTERVAL_JITTER))
    step = min(max_backoff_s, interval_s * 2.0 ** (failures - 1))
    return now + rng.uniform(step / 2.0, step)
