"""How many cores are free right now (the pool and the encoder size their threads by it)."""

from __future__ import annotations

import os
import time


def free_cores(sample_seconds: float = 0.2) -> int:
    """Cores idle right now (at least 1): measured from ``/proc/stat`` over a short sample while
    this process sleeps, else estimated from the load average."""
    cpus = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    try:
        first = _cpu_times()
        time.sleep(sample_seconds)
        second = _cpu_times()
        busy, total = second[0] - first[0], second[1] - first[1]
        idle_cores = cpus * (1 - busy / total) if total > 0 else cpus
    except (OSError, ValueError, IndexError):
        idle_cores = cpus - os.getloadavg()[0] if hasattr(os, "getloadavg") else cpus
    return max(1, min(cpus, int(idle_cores + 0.5)))


def _cpu_times() -> tuple[int, int]:
    """(busy, total) jiffies of all CPUs since boot."""
    with open("/proc/stat", encoding="ascii") as handle:
        values = [int(x) for x in handle.readline().split()[1:]]
    idle = values[3] + values[4]  # idle + iowait
    return sum(values) - idle, sum(values)
