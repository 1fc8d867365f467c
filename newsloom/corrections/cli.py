"""`newsloom fix ...`: correct events, entities and stories; list, export and undo corrections.

Each command is a thin wrapper over :func:`newsloom.corrections.correct` / ``undo``; the record says
which token made it: on the command line, ``--by NAME`` (default ``cli:<user name>``).
"""

from __future__ import annotations

import getpass
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.table import Table

from newsloom.errors import NewsloomError

console = Console()
err = Console(stderr=True)

fix_app = typer.Typer(
    no_args_is_help=True,
    help="Correct what newsloom got wrong; every later run keeps the correction (docs/corrections.md).",
)

DbOption = Annotated[
    str | None,
    typer.Option("--db", help="Database file or SQLAlchemy URL (default ./newsloom.db or NEWSLOOM_DB)."),
]
ReasonOption = Annotated[str, typer.Option("--reason", "-r", help="Why: kept in the audit record.")]
ByOption = Annotated[
    str | None, typer.Option("--by", help="The name recorded as the correction's author (default cli:USER).")
]
TargetArg = Annotated[str, typer.Argument(help="event, entity or story.")]


def _author(by: str | None) -> str:
    if by:
        return by.strip()[:64]
    try:
        return f"cli:{getpass.getuser()}"[:64]
    except Exception:  # no user name in this environment (containers)
        return "cli"


def _store(db: str | None):  # type: ignore[no-untyped-def]
    """The store to correct; a NewsloomError naming the file when there is none (a mistyped --db must
    not create an empty store: there is nothing in it to correct)."""
    from newsloom.cli_views import open_store_to_read
    from newsloom.settings import load_settings

    return open_store_to_read(load_settings(db=db).db)


def _fail(exc: Exception) -> None:
    err.print(f"[bold red]error:[/] {exc}")
    raise typer.Exit(2)


def make_fix(
    db: str | None,
    target: str,
    kind: str,
    ids: list[int],
    values: dict[str, Any],
    reason: str,
    by: str | None,
) -> None:
    """Record and apply one correction; print what it left."""
    from newsloom.corrections import Fix, correct

    try:
        store = _store(db)
        with store.transaction() as conn:
            outcome = correct(conn, Fix(target, kind, tuple(ids), values, reason), _author(by))
    except NewsloomError as exc:
        _fail(exc)
        return
    row = outcome.correction
    left = ", ".join(str(i) for i in outcome.result_ids) or "none"
    console.print(f"Correction {row.id}: {kind} of {target} {', '.join(map(str, ids))} -> {target} {left}.")
    console.print(f"[dim]Undo it with: newsloom fix undo {row.id}[/]")


@fix_app.command("merge")
def merge(
    target: TargetArg,
    ids: Annotated[list[int], typer.Argument(help="Two or more ids; the first one stays.")],
    reason: ReasonOption = "", by: ByOption = None, db: DbOption = None,
) -> None:  # fmt: skip
    """Merge two or more events, entities or stories into the first one."""
    make_fix(db, target, "merge", ids, {}, reason, by)


@fix_app.command("split")
def split(
    target: TargetArg,
    target_id: Annotated[int, typer.Argument(help="The event, entity or story to split.")],
    article: Annotated[
        list[str] | None, typer.Option("--article", "-a", help="An article id or input path to split off.")
    ] = None,
    alias: Annotated[list[str] | None, typer.Option("--alias", help="A name to split off an entity.")] = None,
    source: Annotated[list[int] | None, typer.Option("--source", help="A source id to split off an event.")] = None,
    reason: ReasonOption = "", by: ByOption = None, db: DbOption = None,
) -> None:  # fmt: skip
    """Split some articles off an event or story (or some names off an entity) into a new one."""
    values: dict[str, Any] = {"articles": article or [], "sources": source or [], "aliases": alias or []}
    make_fix(db, target, "split", [target_id], values, reason, by)


@fix_app.command("type")
def retype(
    event_id: int, event_type: Annotated[str, typer.Argument(help="A PLOVER type (CONSULT, AGREE, ...).")],
    reason: ReasonOption = "", by: ByOption = None, db: DbOption = None,
) -> None:  # fmt: skip
    """Change an event's PLOVER type."""
    make_fix(db, "event", "retype", [event_id], {"type": event_type}, reason, by)


@fix_app.command("date")
def date(
    event_id: int, day: Annotated[str, typer.Argument(help="YYYY-MM-DD.")],
    end: Annotated[str | None, typer.Option("--end", help="Last day of a range (YYYY-MM-DD).")] = None,
    reason: ReasonOption = "", by: ByOption = None, db: DbOption = None,
) -> None:  # fmt: skip
    """Change an event's date (or date range)."""
    make_fix(db, "event", "date", [event_id], {"date": day, "date_end": end}, reason, by)


@fix_app.command("location")
def location(
    event_id: int, place: str, reason: ReasonOption = "", by: ByOption = None, db: DbOption = None
) -> None:
    """Change where an event took place."""
    make_fix(db, "event", "location", [event_id], {"location": place}, reason, by)


@fix_app.command("actors")
def actors(
    event_id: int,
    source: Annotated[list[str], typer.Option("--source", "-s", help="Who acted (repeat for several).")],
    target: Annotated[list[str] | None, typer.Option("--target", "-t", help="To or with whom.")] = None,
    reason: ReasonOption = "", by: ByOption = None, db: DbOption = None,
) -> None:  # fmt: skip
    """Change an event's actors (names; a stored entity of that name is linked)."""
    make_fix(db, "event", "actors", [event_id], {"source": source, "target": target or []}, reason, by)


@fix_app.command("false")
def false(event_id: int, reason: ReasonOption = "", by: ByOption = None, db: DbOption = None) -> None:
    """Mark an event false: kept with its sources, hidden from lists, the timeline and exports."""
    make_fix(db, "event", "false", [event_id], {}, reason, by)


@fix_app.command("undo")
def undo(correction_id: int, reason: ReasonOption = "", by: ByOption = None, db: DbOption = None) -> None:
    """Undo a correction (the undo is recorded too)."""
    from newsloom.corrections import undo as undo_correction

    try:
        store = _store(db)
        with store.transaction() as conn:
            outcome = undo_correction(conn, correction_id, _author(by), reason)
    except NewsloomError as exc:
        _fail(exc)
        return
    console.print(f"Correction {correction_id} undone (recorded as correction {outcome.correction.id}).")


@fix_app.command("list")
def list_(
    target: Annotated[str | None, typer.Option("--target", help="Only event, entity or story.")] = None,
    active: Annotated[bool, typer.Option("--active", help="Only corrections in force.")] = False,
    db: DbOption = None,
) -> None:
    """Every correction, newest first: what, when, why, by whom, undone or not."""
    from newsloom.views.corrections import CorrectionQuery, corrections_view

    try:
        with _store(db).connect() as conn:
            page = corrections_view(conn, CorrectionQuery(target, include_undone=not active, limit=1000))
    except NewsloomError as exc:
        _fail(exc)
        return
    table = Table("id", "kind", "target", "values", "reason", "by", "when", "undone")
    for row in page.items:
        values = ", ".join(f"{k}={v}" for k, v in row.values.items() if v not in (None, [], ""))
        target_text = f"{row.target_kind} {', '.join(map(str, row.target_ids))}"
        undone = f"by {row.undone_by}" if row.undone_by else ""
        table.add_row(
            str(row.id), row.kind, target_text, values, row.reason, row.token_name, row.created_at, undone
        )
    from newsloom.cli_views import output_console

    # piped or redirected, the table is printed wide: a reason or a value is never cut to "type=REQU…"
    output_console().print(table if page.items else "No corrections yet.")
