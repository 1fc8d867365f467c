"""``newsloom search``: the search view of the API and the web UI, printed as a table."""

from __future__ import annotations

import os
import sys
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from newsloom.settings import load_settings

#: Columns when the output goes to a pipe or a file (as the other commands: tables are not cut).
PIPED_WIDTH = 250


def search_command(
    words: Annotated[str, typer.Argument(help="Words in any language: a topic, a name, a place.")],
    db: Annotated[str | None, typer.Option("--db", help="Database file or SQLAlchemy URL.")] = None,
    language: Annotated[
        str | None, typer.Option("--language", "-l", help="Only results in this language (e.g. vi).")
    ] = None,
    kind: Annotated[str | None, typer.Option(help="article, event or entity (default: all).")] = None,
    limit: Annotated[int, typer.Option(min=1, help="At most this many results.")] = 20,
    meaning: Annotated[
        bool, typer.Option(help="Also match by meaning (loads the encoder: a few seconds the first time).")
    ] = True,
) -> None:
    """Search articles, events and entities in every language: words, names (any spelling) and
    meaning; each result with its language and what matched it."""
    from newsloom.serve.search import SearchIndex
    from newsloom.views.search import KINDS, SearchQuery, search_view

    if not words.strip():
        Console(stderr=True).print('Give the words to search for, e.g. newsloom search "cybercrime".')
        raise typer.Exit(2)
    if kind is not None and kind not in KINDS:
        Console(stderr=True).print(f"--kind must be one of {', '.join(KINDS)}, not {kind!r}.")
        raise typer.Exit(2)
    from newsloom.cli_views import open_store_to_read
    from newsloom.errors import NewsloomError

    try:
        store = open_store_to_read(load_settings(db=db).db)
    except NewsloomError as exc:
        Console(stderr=True).print(f"[bold red]error:[/] {exc}")
        raise typer.Exit(2) from None
    try:
        index = SearchIndex(store, use_embeddings=meaning)
        found = search_view(index, SearchQuery(words, kind, language, limit, 0))
    finally:
        store.close()
    _print(Console(width=None if sys.stdout.isatty() or os.environ.get("COLUMNS") else PIPED_WIDTH), found)


def _print(console: Console, found: object) -> None:
    from newsloom.views.search import SearchResults

    assert isinstance(found, SearchResults)
    if found.languages:
        console.print("results by language: " + ", ".join(f"{k} {n}" for k, n in found.languages.items()))
    if found.notice:
        console.print(f"[yellow]{found.notice}[/]")
    if not found.items:
        console.print(f"Nothing found for “{escape(found.query)}”.")
        return
    table = Table()
    for column in ("kind", "id", "lang", "title", "matched by"):
        table.add_column(column)
    for hit in found.items:
        table.add_row(
            hit.kind, hit.id[:12], hit.language or "?", escape(hit.title or ""), ", ".join(hit.matched_by)
        )
    console.print(table)
