"""`newsloom watch`, `newsloom sources ...` and `newsloom alerts ...`: thin wrappers over newsloom.watch."""

from __future__ import annotations

import logging
import signal
import threading
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from newsloom.errors import NewsloomError

console = Console()
err = Console(stderr=True)

sources_app = typer.Typer(no_args_is_help=True, help="The feeds, sitemaps and section pages `watch` follows.")
alerts_app = typer.Typer(no_args_is_help=True, help="Saved queries that fire when a new article matches.")

DbOption = Annotated[
    str | None,
    typer.Option("--db", help="Database file or SQLAlchemy URL (default ./newsloom.db or NEWSLOOM_DB)."),
]
IntervalOption = Annotated[float, typer.Option("--interval", help="Seconds between two polls of a source.")]


def _store(db: str | None):  # type: ignore[no-untyped-def]
    from newsloom.settings import load_settings
    from newsloom.store import Store

    try:
        return Store.open(load_settings(db=db).db)
    except NewsloomError as exc:
        _fail(exc)


def _fail(exc: Exception) -> None:
    err.print(f"[bold red]error:[/] {exc}")
    raise typer.Exit(2)


def add_sources(store, args: list[str], interval_s: float, kind: str = "") -> list[tuple[str, bool]]:  # type: ignore[no-untyped-def]
    """Add every source the arguments name (URLs, URL lists, OPML); return (url, created) pairs."""
    from newsloom.store.watch import add_source
    from newsloom.watch.sources import read_sources

    added = []
    with store.transaction() as conn:
        for spec in read_sources(args):
            source, created = add_source(conn, spec.url, interval_s=interval_s, name=spec.name, kind=kind)
            added.append((source.url, created))
    return added


def watch(
    sources: Annotated[
        list[str] | None,
        typer.Argument(help="Feed, sitemap or section page URLs, text files of URLs, OPML files (added)."),
    ] = None,
    db: DbOption = None,
    interval: IntervalOption = 900.0,
    workers: Annotated[int, typer.Option("--workers", help="Pages fetched at once.")] = 4,
    host_delay: Annotated[
        float, typer.Option("--host-delay", help="Seconds between requests to one host.")
    ] = 1.0,
    max_bytes: Annotated[int, typer.Option("--max-bytes", help="Largest response read.")] = 10 * 1024 * 1024,
    timeout: Annotated[float, typer.Option("--timeout", help="Seconds to wait for a server.")] = 20.0,
    stages: Annotated[
        str | None, typer.Option("--stages", help="Comma-separated stages (default: all, as `run`).")
    ] = None,
    rounds: Annotated[int | None, typer.Option("--rounds", help="Stop after this many rounds.")] = None,
    duration: Annotated[
        float | None, typer.Option("--duration", help="Stop after this many seconds.")
    ] = None,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="Log every poll problem.")] = False,
) -> None:
    """Follow feeds, sitemaps and section pages: run each new article and fire the alerts it matches."""
    from newsloom.store.watch import list_sources
    from newsloom.watch.fetch import FetchConfig
    from newsloom.watch.loop import WatchConfig, Watcher

    logging.basicConfig(
        level=logging.INFO if verbose else logging.WARNING, format="%(levelname)s %(message)s"
    )
    store = _store(db)
    try:
        add_sources(store, sources or [], interval)
    except NewsloomError as exc:
        _fail(exc)
    with store.connect() as conn:
        if not list_sources(conn):
            _fail(
                NewsloomError("No sources to watch. Give URLs, or add some with `newsloom sources add URL`.")
            )
    config = WatchConfig(
        interval_s=interval, workers=workers,
        stages=tuple(s.strip() for s in stages.split(",") if s.strip()) if stages else None,
        fetch=FetchConfig(host_delay_s=host_delay, max_bytes=max_bytes, timeout_s=timeout),
    )  # fmt: skip
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    watcher = Watcher(store, config)
    try:
        report = watcher.run(rounds=rounds, duration_s=duration, stop=stop)
    except KeyboardInterrupt:
        report = watcher.report
    finally:
        watcher.close()
    console.print(
        f"polls {report.polls} (not modified {report.not_modified}, failed {report.poll_errors}); "
        f"new items {report.items_new}; articles {dict(report.statuses)}; item errors {report.item_errors}; "
        f"alerts fired {report.hits}"
    )


@sources_app.command("add")
def sources_add(
    sources: Annotated[list[str], typer.Argument(help="URLs, text files of URLs or OPML files.")],
    db: DbOption = None,
    interval: IntervalOption = 900.0,
    kind: Annotated[
        str, typer.Option("--kind", help="feed | sitemap | section (default: from the URL and the content).")
    ] = "",
) -> None:
    """Add sources (an existing one keeps its state)."""
    if kind not in ("", "feed", "sitemap", "section"):
        _fail(NewsloomError(f"--kind {kind!r}: choose feed, sitemap or section (or leave it out)."))
    store = _store(db)
    try:
        added = add_sources(store, sources, interval, kind)
    except NewsloomError as exc:
        _fail(exc)
        return
    for url, created in added:
        console.print(f"{'added' if created else 'already watched'}: {url}")


@sources_app.command("list")
def sources_list(db: DbOption = None) -> None:
    """Each source's health: last poll, status, consecutive failures, items seen."""
    from rich.table import Column

    from newsloom.cli_views import output_console
    from newsloom.watch.health import source_health

    # the URL is the source's name (pause, resume and remove take it): folded whole, never cut to
    # "http://…"; times and statuses fold too, so a narrow terminal shows every value
    fold = {"overflow": "fold"}
    table = Table(*(Column(name, **fold) for name in (  # type: ignore[arg-type]
        "url", "kind", "status", "failures", "items", "last poll", "next poll", "error")))  # fmt: skip
    for row in source_health(_store(db)):
        error = row["last_error"] or ""
        error = error.removeprefix(f"{row['url']}: ")  # the row already names the URL
        table.add_row(
            escape(row["url"]) + (" [yellow](paused)[/]" if row["paused"] else ""), row["kind"] or "-",
            row["last_status"] or "-", str(row["failures"]), str(row["items_seen"]),
            _minute(row["last_poll"]) or "never", _minute(row["next_poll"]) or "-", escape(error[:160]),
        )  # fmt: skip
    output_console().print(table)


def _minute(stamp: str | None) -> str | None:
    """An ISO time to the minute, as a table cell ("2026-03-02T10:00:05.123+00:00" -> "2026-03-02 10:00")."""
    return stamp[:16].replace("T", " ") if stamp else stamp


def _change(db: str | None, url: str, action: str) -> None:
    from newsloom.store.watch import remove_source, set_paused

    with _store(db).transaction() as conn:
        changed = remove_source(conn, url) if action == "remove" else set_paused(conn, url, action == "pause")
    if not changed:
        _fail(NewsloomError(f"No source {url!r}. See `newsloom sources list` for the URLs."))
    console.print(f"{action}d: {url}" if action != "pause" else f"paused: {url}")


@sources_app.command("remove")
def sources_remove(url: str, db: DbOption = None) -> None:
    """Stop following a source (items already stored stay)."""
    _change(db, url, "remove")


@sources_app.command("pause")
def sources_pause(url: str, db: DbOption = None) -> None:
    """Stop polling a source for now (keeps its state); `resume` starts it again."""
    _change(db, url, "pause")


@sources_app.command("resume")
def sources_resume(url: str, db: DbOption = None) -> None:
    """Poll a paused source again."""
    _change(db, url, "resume")


@alerts_app.command("add")
def alerts_add(
    name: Annotated[str, typer.Argument(help="Alert name (also /alerts/NAME.atom).")],
    kind: Annotated[str, typer.Option("--kind", help="entity | pair | event | text | story")],
    entity: Annotated[
        list[str] | None, typer.Option("--entity", help="An entity name (twice for a pair).")
    ] = None,
    event_type: Annotated[
        str | None, typer.Option("--event-type", help="A PLOVER type, e.g. PROTEST.")
    ] = None,
    country: Annotated[str | None, typer.Option("--country", help="Country name or ISO code.")] = None,
    text: Annotated[str | None, typer.Option("--text", help="Words that must all occur.")] = None,
    languages: Annotated[
        int | None, typer.Option("--languages", help="Story reported in >= N languages.")
    ] = None,
    webhook: Annotated[
        str | None, typer.Option("--webhook", help="URL that gets a JSON POST per firing.")
    ] = None,
    jsonl: Annotated[
        str | None, typer.Option("--jsonl", help="File that gets a JSON line per firing.")
    ] = None,
    db: DbOption = None,
) -> None:
    """Save an alert; it fires once per match on articles that arrive from now on."""
    from newsloom.store.watch import add_alert, alert_by_name
    from newsloom.watch.alerts import check_name, make_query
    from newsloom.watch.sources import check_url

    try:
        query = make_query(
            kind, entity=entity, event_type=event_type, country=country, text=text, languages=languages
        )
        check_name(name)
        if webhook:
            check_url(webhook, "--webhook")
    except NewsloomError as exc:
        _fail(exc)
        return
    with _store(db).transaction() as conn:
        if alert_by_name(conn, name):
            _fail(NewsloomError(f"An alert named {name!r} exists. Remove it first or choose another name."))
        add_alert(conn, name, kind, query, webhook, jsonl)
    console.print(f"alert {name}: {kind} {query}")


@alerts_app.command("list")
def alerts_list(db: DbOption = None) -> None:
    """Every alert, what it looks for, where it goes and how often it fired."""
    from newsloom.store.watch import hit_counts, list_alerts

    with _store(db).connect() as conn:
        alerts, counts = list_alerts(conn), hit_counts(conn)
    from rich.table import Column

    from newsloom.cli_views import output_console

    table = Table(
        *(Column(name, overflow="fold") for name in ("name", "kind", "query", "webhook", "jsonl", "fired"))
    )
    for alert in alerts:
        table.add_row(
            alert.name,
            alert.kind,
            str(alert.query),
            alert.webhook or "-",
            alert.jsonl or "-",
            str(counts.get(alert.id, 0)),
        )
    output_console().print(table)


@alerts_app.command("remove")
def alerts_remove(name: str, db: DbOption = None) -> None:
    """Delete an alert and what it fired."""
    from newsloom.store.watch import remove_alert

    with _store(db).transaction() as conn:
        removed = remove_alert(conn, name)
    if not removed:
        _fail(NewsloomError(f"No alert {name!r}. See `newsloom alerts list`."))
    console.print(f"removed: {name}")
