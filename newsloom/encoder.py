"""One embedding cache per process, shared by every stage that encodes text.

The events classifier encodes sentences and the stories embed stage encodes passages (an
article's lead); where both need one text (a one-sentence report, a lead of one sentence) it is
encoded once. Encoders are built from settings when a stage is built
(:func:`newsloom.stories.embed.make_encoder`); they share the cache of
their encoder's name, kept here, and nothing is read from here while a stage runs.
"""

from __future__ import annotations

import threading
from collections import OrderedDict

import numpy as np

#: Vectors each process cache keeps (384 float32 = 1.5 KB each, so about 100 MB at most).
PROCESS_CACHE_SIZE = 65_536


class ProcessCache:
    """A bounded in-memory cache of vectors by content key, least recently used out first, that
    can be emptied in place (every encoder holding it forgets at once). The same two methods as
    ``stories.embed.MemoryCache``, kept here so that this module imports nothing of the stages."""

    def __init__(self, max_entries: int = PROCESS_CACHE_SIZE) -> None:
        self.max_entries = max_entries
        self._data: OrderedDict[str, np.ndarray] = OrderedDict()
        self._lock = threading.Lock()

    def __len__(self) -> int:
        return len(self._data)

    def get(self, key: str) -> np.ndarray | None:
        with self._lock:
            vector = self._data.get(key)
            if vector is not None:
                self._data.move_to_end(key)
            return vector

    def put(self, key: str, vector: np.ndarray) -> None:
        with self._lock:
            self._data[key] = vector
            self._data.move_to_end(key)
            while len(self._data) > self.max_entries:
                self._data.popitem(last=False)

    def clear(self) -> None:
        with self._lock:
            self._data.clear()


_CACHES: dict[str, ProcessCache] = {}
_LOCK = threading.Lock()


def process_cache(encoder_name: str) -> ProcessCache:
    """The process's in-memory cache of the vectors of ``encoder_name`` (made on first use)."""
    with _LOCK:
        if encoder_name not in _CACHES:
            _CACHES[encoder_name] = ProcessCache()
        return _CACHES[encoder_name]


def clear_process_caches() -> None:
    """Forget every vector the process's encoders have made (benches measure from nothing cached)."""
    with _LOCK:
        for cache in _CACHES.values():
            cache.clear()
