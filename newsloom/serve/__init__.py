"""Serving newsloom: the REST API, the web UI and cross-lingual search (the ``[serve]`` extra).

``newsloom serve`` calls :func:`run_server`; tests and other programs build the app with
:func:`newsloom.serve.api.create_app`. Nothing here imports FastAPI until it is used.
"""

from __future__ import annotations

import errno
import os
import sys
from typing import TYPE_CHECKING, Any

from newsloom.errors import NewsloomError
from newsloom.serve.options import SERVER_OPTIONS

if TYPE_CHECKING:
    from fastapi import FastAPI

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8000
TOKEN_ENV = "NEWSLOOM_TOKEN"
INSTALL_HINT = "The server needs the serve extra: run pip install 'newsloom[serve]'."


def create_app(db: str, token: str | None = None, **options: Any) -> FastAPI:
    """The FastAPI app over the store at ``db`` (see :func:`newsloom.serve.api.create_app`)."""
    try:
        from newsloom.serve.api import create_app as build
    except ImportError as exc:
        raise NewsloomError(f"{INSTALL_HINT} ({exc})") from exc
    return build(db, token, **options)


def check_port_free(host: str, port: int) -> None:
    """A NewsloomError saying what to do when ``host:port`` cannot be bound (said before "serving ...",
    not as uvicorn's "[Errno 98]" after it)."""
    import socket

    try:
        family = socket.AF_INET6 if ":" in host else socket.AF_INET
        with socket.socket(family, socket.SOCK_STREAM) as probe:
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as uvicorn binds
            probe.bind((host, port))
    except OSError as exc:
        if exc.errno == errno.EADDRINUSE:
            raise NewsloomError(
                f"Port {port} on {host} is in use (another `newsloom serve`?): stop it, or give another "
                f"port, e.g. --port {port + 1}."
            ) from exc
        raise NewsloomError(
            f"Cannot listen on {host}:{port} ({exc.strerror}): check --host and --port."
        ) from exc


def run_server(
    db: str,
    host: str = DEFAULT_HOST,
    port: int = DEFAULT_PORT,
    token: str | None = None,
    read_only: bool = False,
    workers: int = 1,
) -> None:
    """Serve the API and web UI with uvicorn until interrupted. Writes need ``$NEWSLOOM_TOKEN``.

    ``read_only`` (or a store file this process cannot write) serves reads and refuses writes.
    ``workers`` > 1: that many read-only worker processes (:mod:`newsloom.serve.workers`).
    """
    from newsloom.serve.security import is_loopback
    from newsloom.store.db import is_writable

    try:
        import uvicorn
    except ImportError as exc:
        raise NewsloomError(INSTALL_HINT) from exc
    token = token if token is not None else os.environ.get(TOKEN_ENV) or None
    check_port_free(host, port)
    if not read_only and not is_writable(db):
        read_only = True
        print(f"newsloom: {db} (or its folder) is not writable: serving it read-only.", file=sys.stderr)
    if workers > 1:
        from newsloom.serve.workers import run_workers

        print(f"newsloom: serving {db} at http://{host}:{port}/ with {workers} read-only workers "
              "(uploads are refused: ingest with `newsloom ingest`)", file=sys.stderr)  # fmt: skip
        run_workers(db, host, port, workers, read_only=read_only)
        return
    app = create_app(db, token, read_only=read_only)
    where = f"http://{host}:{port}/"
    print(f"newsloom: serving {db} at {where} (API schema at {where}openapi.json)", file=sys.stderr)
    if read_only:
        print("newsloom: the store is read-only: reads work, uploads are refused (503).", file=sys.stderr)
    if not token:
        print(f"newsloom: uploads are off; set {TOKEN_ENV} to allow them.", file=sys.stderr)
    if not is_loopback(host):
        print(
            f"newsloom: warning: listening on {host}, reachable from other machines. Reads need no token.",
            file=sys.stderr,
        )
    uvicorn.run(app, host=host, port=port, log_level="info", **SERVER_OPTIONS)


__all__ = ["DEFAULT_HOST", "DEFAULT_PORT", "create_app", "run_server"]
