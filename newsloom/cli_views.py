"""`newsloom network` and `newsloom map`: the actor network and the event places, printed (thin
wrappers over ``views.network`` and ``views.map``, the views the API and the pages serve)."""

from __future__ import annotations

import os
import sys
from datetime import date
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from newsloom.errors import NewsloomError

if TYPE_CHECKING:
    from newsloom.store import Store

err = Console(stderr=True)

DbOption = Annotated[
    str | None,
    typer.Option("--db", help="Database file or SQLAlchemy URL (default ./newsloom.db or NEWSLOOM_DB)."),
]
SinceOption = Annotated[
    str | None, typer.Option("--since", "--from", help="Earliest event date (YYYY-MM-DD).")
]
UntilOption = Annotated[str | None, typer.Option("--until", "--to", help="Latest event date (YYYY-MM-DD).")]
TypeOption = Annotated[str | None, typer.Option("--type", help="A PLOVER type: CONSULT, AGREE, ACCUSE, ...")]


#: Columns a piped output may use (as ``newsloom.cli``: tables are not cut to 80 columns in a pipe).
PIPED_WIDTH = 250


def output_console() -> Console:
    """A console as wide as the terminal, or PIPED_WIDTH when the output goes to a pipe or a file."""
    return Console(width=None if sys.stdout.isatty() or os.environ.get("COLUMNS") else PIPED_WIDTH)


def _fail(message: str) -> None:
    err.print(f"[bold red]error:[/] {message}")
    raise typer.Exit(2)


def _day(value: str | None, option: str) -> str | None:
    """A date option as YYYY-MM-DD, or an error that says what it takes."""
    if value is None:
        return None
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError:
        _fail(f"{option} takes a date as YYYY-MM-DD (e.g. 2025-10-24), not {value!r}.")
    return None


def date_range(
    first: str | None, last: str | None, options: tuple[str, str] = ("--from", "--to")
) -> tuple[str | None, str | None]:
    """Two date options as YYYY-MM-DD, or an error saying what they take or that they are reversed
    (a bad or reversed range printed an empty table, as if nothing had happened)."""
    start, end = _day(first, options[0]), _day(last, options[1])
    if start and end and start > end:
        _fail(f"{options[0]} ({start}) is after {options[1]} ({end}); swap them.")
    return start, end


def open_store_to_read(target: str) -> Store:
    """The store at ``target`` for a command that only reads it; a NewsloomError naming the file
    when there is none (never a new empty store)."""
    from newsloom.store import Store
    from newsloom.store.db import missing_file

    missing = missing_file(target)
    if missing is not None:
        raise NewsloomError(
            f"No store at {missing}: the file does not exist. Build one with "
            f"`newsloom run FILES --db {target}`, or point --db (NEWSLOOM_DB) at an existing store."
        )
    return Store.open(target)


def _store(db: str | None):  # type: ignore[no-untyped-def]
    from newsloom.settings import load_settings

    try:
        return open_store_to_read(load_settings(db=db).db)
    except NewsloomError as exc:
        _fail(str(exc))


def network(
    db: DbOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
    type: TypeOption = None,
    top: Annotated[int, typer.Option(min=1, max=500, help="Edges printed (the strongest).")] = 20,
) -> None:
    """Who met, agreed with, accused whom: the strongest links between actors over a period."""
    from newsloom.views.network import NetworkQuery, edge_lines, network_view

    first, last = date_range(since, until, ("--since", "--until"))
    store = _store(db)
    with store.connect() as conn:
        found = network_view(conn, NetworkQuery(first, last, type.upper() if type else None, limit=top))
    store.close()
    table = Table(title=f"{found.events} events, {found.edges_total} links ({len(found.edges)} shown)")
    for column in ("actors", "events", "types", "event ids"):
        table.add_column(column)
    for line in edge_lines(found, top):
        table.add_row(
            escape(line["actors"]), str(line["count"]), line["types"], " ".join(map(str, line["events"]))
        )
    output_console().print(table)


def places(
    db: DbOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
    type: TypeOption = None,
    top: Annotated[int, typer.Option(min=1, help="Places printed (most events first).")] = 20,
) -> None:
    """Where events happened: places with coordinates (gazetteer, GeoNames) and their event counts."""
    from newsloom.views.map import MapQuery, map_view

    first, last = date_range(since, until, ("--since", "--until"))
    store = _store(db)
    with store.connect() as conn:
        found = map_view(conn, MapQuery(first, last, type.upper() if type else None))
    store.close()
    table = Table(title=f"{found.placed} events placed, {found.unplaced} without a known place")
    for column in ("place", "lat", "lon", "precision", "events", "types", "event ids"):
        table.add_column(column)
    for p in found.points[:top]:
        types = ", ".join(f"{t} {n}" for t, n in p.types.items())
        table.add_row(
            escape(p.place), f"{p.latitude:.2f}", f"{p.longitude:.2f}", p.precision, str(p.events), types,
            " ".join(map(str, p.event_ids[:8])),
        )  # fmt: skip
    output_console().print(table)
