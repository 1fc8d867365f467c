"""``newsloom serve --workers N``: N uvicorn worker processes reading the store, one writer of the index.

The workers open the store read-only (``create_app(read_only=True)``): reads never wait on each
other's Python, and nothing they do can write. This process (uvicorn's supervisor) builds the
search index before the workers start and then keeps it up to date with the store every
``REFRESH_INTERVAL`` seconds (an incremental refresh: only what new articles brought). Uploads
are refused by the workers (503, read-only); ingest with ``newsloom ingest``/``run`` beside the server.
"""

from __future__ import annotations

import json
import logging
import os
import threading
from typing import TYPE_CHECKING

from newsloom.errors import NewsloomError

if TYPE_CHECKING:
    from fastapi import FastAPI

    from newsloom.serve.search import SearchIndex

log = logging.getLogger(__name__)

#: The environment variable through which the supervisor hands each worker its options (JSON).
WORKER_OPTIONS_ENV = "NEWSLOOM_SERVE_WORKER_OPTIONS"


def worker_app() -> FastAPI:
    """The app of one worker (uvicorn imports and calls this in each worker process)."""
    from newsloom.serve.api import create_app

    raw = os.environ.get(WORKER_OPTIONS_ENV)
    if not raw:
        raise NewsloomError(
            f"{WORKER_OPTIONS_ENV} is not set: start workers with `newsloom serve --workers N`, not directly."
        )
    options = json.loads(raw)
    return create_app(options["db"], None, embeddings=bool(options.get("embeddings", True)), read_only=True)


def keep_indexing(index: SearchIndex, stop: threading.Event, every: float) -> None:
    """Refresh the index every ``every`` seconds until ``stop`` is set; a failure is logged, not fatal."""
    while not stop.wait(every):
        try:
            index.refresh()
        except NewsloomError as exc:
            log.warning("newsloom: the search index could not be brought up to date (%s); retrying", exc)


def run_workers(
    db: str, host: str, port: int, workers: int, read_only: bool = False, log_level: str = "info"
) -> None:
    """Serve with ``workers`` processes until interrupted (see the module's docstring)."""
    import uvicorn

    from newsloom.serve.options import SERVER_OPTIONS
    from newsloom.serve.search import REFRESH_INTERVAL, SearchIndex
    from newsloom.store import Store

    stop = threading.Event()
    store = None
    if not read_only:
        store = Store.open(db)
        index = SearchIndex(store, use_embeddings=False)  # documents only: the workers rank by meaning
        index.refresh(True)
        threading.Thread(target=keep_indexing, args=(index, stop, REFRESH_INTERVAL), daemon=True).start()
    os.environ[WORKER_OPTIONS_ENV] = json.dumps({"db": db, "embeddings": True})
    try:
        uvicorn.run(
            "newsloom.serve.workers:worker_app", factory=True, workers=workers, host=host, port=port,
            log_level=log_level, **SERVER_OPTIONS,
        )  # fmt: skip
    finally:
        stop.set()
        if store is not None:
            store.close()
