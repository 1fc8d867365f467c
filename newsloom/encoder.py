"""One embedding cache per process, shared by every stage that encodes text.

The events classifier encodes sentences and the stories embed stage encodes passages (an
article's lead); where both need one text (a one-sentence report, a lead of one sentence) it is
encoded once. Encoders are built from settings when a stage is built
(:func:`newsloom.stories.embed.make_encoder`); they share the cache of
their encoder's name, kept here, and nothing is read from here while a stage runs.
"""

from __future__ import annotations

import threading

from newsloom.stories.embed import MemoryCache


class ProcessCache(MemoryCache):
    """A :class:`~newsloom.stories.embed.MemoryCache` that can be emptied in place (every encoder
    holding it forgets at once)."""

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
