"""The write routes of corrections: ``POST /api/corrections`` and ``POST /api/corrections/{id}/undo``.

Both need the server's token (as uploads do: ``Authorization: Bearer ...`` or ``X-Newsloom-Token``)
and run under the server's write lock, one transaction each; the list is the read route
``GET /api/corrections`` of :data:`newsloom.serve.routes.ROUTES`. The pages' fix form (``_fix.html``,
``fix.js``) posts here with the token the reader typed once (kept in the tab's sessionStorage).
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, FastAPI, Path, Request
from pydantic import BaseModel, ConfigDict, Field
from starlette.concurrency import run_in_threadpool

from newsloom.serve.errors import ERROR_SCHEMA, ApiError
from newsloom.serve.security import TOKEN_ENV, check_token, given_token
from newsloom.store.db import READ_ONLY_HINT, ReadOnlyStoreError
from newsloom.views.corrections import CorrectionRecord, record_of

#: Largest id a route takes (ids are 64-bit integers in every store).
MAX_ID = 2**31 - 1  # ids are INTEGER columns (PostgreSQL: 32 bits)
Id = Annotated[int, Field(ge=1, le=MAX_ID)]

#: What the audit record says made a correction through the API: the one token the server knows.
API_TOKEN_NAME = f"api:{TOKEN_ENV}"

router = APIRouter(
    prefix="/api",
    tags=["corrections"],
    responses={
        status: {"description": text, "content": {"application/json": {"schema": ERROR_SCHEMA}}}
        for status, text in (
            (401, "No token sent"),
            (403, "Wrong token, or writes are off"),
            (404, "No such event, entity, story or correction"),
            (422, "A correction that cannot be made (the message says why)"),
            (503, "The store is read-only: nothing was stored"),
        )
    },
)


class FixRequest(BaseModel):
    """A correction: ``kind`` (merge, split, retype, date, location, actors, false) of ``target`` ids.

    ``values``: ``{"type"}`` for retype, ``{"date", "date_end"}``, ``{"location"}``, ``{"source": [names],
    "target": [names]}`` for actors, ``{"articles": [ids or paths]}`` (or ``{"sources": [ids]}``) for a
    split of an event or story, ``{"aliases": [names]}`` for a split of an entity."""

    model_config = ConfigDict(extra="forbid")

    target: Literal["event", "entity", "story"]
    kind: Literal["merge", "split", "retype", "date", "location", "actors", "false"]
    ids: list[Id] = Field(min_length=1, max_length=20)
    values: dict[str, Any] = Field(default_factory=dict)
    reason: str = Field(default="", max_length=2000)


class UndoRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    reason: str = Field(default="", max_length=2000)


def _check_write(request: Request) -> None:
    check_token(request.app.state.token, given_token(request))
    if request.app.state.read_only:
        raise ReadOnlyStoreError(f"The store is read-only: nothing was corrected. {READ_ONLY_HINT}")


def _run(app: FastAPI, action: str, body: Any) -> CorrectionRecord:
    """One correction (or undo) under the write lock, in one transaction; then search catches up."""
    from newsloom.corrections import CorrectionError, Fix, correct, undo

    with app.state.write_lock:
        try:
            with app.state.store.transaction() as conn:
                if action == "undo":
                    outcome = undo(conn, body[0], API_TOKEN_NAME, body[1])
                else:
                    fix = Fix(body.target, body.kind, tuple(body.ids), body.values, body.reason)
                    outcome = correct(conn, fix, API_TOKEN_NAME)
        except CorrectionError as exc:
            raise ApiError(exc.status, str(exc)) from exc
        app.state.search.refresh(force=True)
        app.state.response_cache.clear()  # this process's kept pages show the correction at once
    return record_of(outcome.correction, outcome.result_ids)


@router.post("/corrections", status_code=201, summary="Correct an event, entity or story")
async def post_correction(request: Request, body: FixRequest) -> CorrectionRecord:
    """Record and apply a correction; every later run keeps it. Needs the token."""
    _check_write(request)
    return await run_in_threadpool(_run, request.app, "fix", body)


@router.post("/corrections/{correction_id}/undo", status_code=201, summary="Undo a correction")
async def undo_correction(
    request: Request, correction_id: Annotated[int, Path(ge=1, le=MAX_ID)], body: UndoRequest | None = None
) -> CorrectionRecord:
    """Put back what a correction changed; the undo is recorded as a correction. Needs the token."""
    _check_write(request)
    return await run_in_threadpool(_run, request.app, "undo", (correction_id, body.reason if body else ""))
