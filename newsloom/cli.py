"""The command line: a thin layer over importable functions (typer + rich)."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from newsloom import cli_views
from newsloom.errors import NewsloomError
from newsloom.serve.search_cli import search_command
from newsloom.settings import Settings, load_settings
from newsloom.watch import cli as watch_cli

if TYPE_CHECKING:
    from rich.text import Text

    from newsloom.views.events import EventSource, EventSummary

app = typer.Typer(
    add_completion=False, no_args_is_help=True, help="Cross-lingual news events, entities and stories."
)
#: Columns the output may use when it goes to a pipe or a file (no terminal to fit): tables are not cut.
PIPED_WIDTH = 250


def _width() -> int | None:
    """None (the terminal's width, or $COLUMNS) on a terminal; PIPED_WIDTH when piped."""
    return None if sys.stdout.isatty() or os.environ.get("COLUMNS") else PIPED_WIDTH


console = Console(width=_width())
err = Console(stderr=True)

DbOption = Annotated[
    str | None,
    typer.Option("--db", help="Database file or SQLAlchemy URL (default ./newsloom.db or NEWSLOOM_DB)."),
]

ProcessesOption = Annotated[
    int | None, typer.Option("--processes", "-j", help="Worker processes for reading and per-article stages.")
]


def _settings(db: str | None) -> Settings:
    return load_settings(db=db)


def _open(db: str | None):  # type: ignore[no-untyped-def]
    from newsloom.store import Store

    settings = _settings(db)
    return Store.open(settings.db), settings


def _open_existing(db: str | None):  # type: ignore[no-untyped-def]
    """The store a read command reads; a missing SQLite file is an error naming it (exit code 2)."""
    settings = _settings(db)
    try:
        return cli_views.open_store_to_read(settings.db), settings
    except NewsloomError as exc:
        _fail(exc)
        raise  # _fail exits; this line is for the type checker


def _fail(exc: Exception) -> None:
    err.print(f"[bold red]error:[/] {exc}")
    raise typer.Exit(2)


def _process(
    paths: list[str],
    db: str | None,
    stages: tuple[str, ...] | None,
    corpus: bool,
    title: str,
    processes: int | None,
    engine: str = "local",
    master: str = "local[2]",
    corpus_mode: str = "incremental",
) -> None:
    from newsloom.runner import count_files, process_paths

    try:
        store, settings = _open(db)
    except NewsloomError as exc:
        _fail(exc)
        return
    processes = processes or settings.processes
    total = count_files(paths)
    columns = (TextColumn("[bold]{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    with (
        Progress(*columns, console=err, transient=not sys.stderr.isatty()) as progress,
        _on_interrupt(store, settings.db, total, progress),
    ):
        task = progress.add_task(title, total=total or None)
        report = process_paths(
            paths, store, stages=stages, corpus=corpus, max_bytes=settings.max_file_bytes, processes=processes,
            on_file=lambda _path, _status: progress.advance(task), engine=engine, master=master,
            corpus_mode=corpus_mode,
        )  # fmt: skip
    _summary(report, settings.db, store)
    if report.errors:
        raise typer.Exit(1)


@contextmanager
def _on_interrupt(store, db: str, total: int, progress: Progress) -> Iterator[None]:  # type: ignore[no-untyped-def]
    """Ctrl-C: say what is stored and how to finish, not a traceback (issue #19)."""
    from newsloom.errors import interrupted_message
    from newsloom.store.articles import count_articles

    def stored() -> int:
        with store.connect() as conn:
            return count_articles(conn)

    before = stored()
    try:
        yield
    except KeyboardInterrupt:
        done = int(sum(task.completed for task in progress.tasks))
        command = " ".join(["newsloom", *sys.argv[1:]])
        note = interrupted_message(
            stored=stored(), before=before, files_done=done, files_total=total, db=db, command=command
        )
        err.print(note, highlight=False)
        raise typer.Exit(130) from None


#: How the run summary names each article status (a copy: a stored text read under a new name).
STATUS_LABELS = {
    "new": "articles new",
    "updated": "articles updated",
    "unchanged": "articles unchanged",
    "copy": "articles copy of another input",
    "duplicate": "articles duplicate",
    "failed": "articles failed",
}
#: Copies named one by one after the summary; past it, how many more.
COPIES_SHOWN = 10


def _summary(report, db: str, store=None) -> None:  # type: ignore[no-untyped-def]
    from newsloom.views.support import basic_languages, support_of

    table = Table(title="newsloom", show_header=True)
    table.add_column("what")
    table.add_column("count", justify="right")
    table.add_row("files read", str(report.files))
    for status, label in STATUS_LABELS.items():
        if report.statuses.get(status):
            table.add_row(label, str(report.statuses[status]))
    languages = {lang or "": n for lang, n in report.languages.items()}
    # the runner counts only identified languages: the rest of what was stored is in none it knows
    stored = sum(report.statuses.get(status, 0) for status in ("new", "updated", "duplicate"))
    if stored > sum(languages.values()):
        languages[""] = languages.get("", 0) + stored - sum(languages.values())
    basic = basic_languages(languages)
    for lang, n in sorted(languages.items()):
        name = lang or "not recognised"
        table.add_row(f"language {name}" + (" (basic support)" if lang in basic else ""), str(n))
    table.add_row("inputs with errors", str(len(report.errors)))
    table.add_row("stages", ", ".join(report.stages) or "-")
    table.add_row("seconds", f"{report.seconds:.1f}")
    console.print(table)
    for error in report.errors:
        err.print(f"[red]✗[/] {escape(str(error))}")
    for lang, n in basic.items():
        console.print(
            f"[yellow]{n} article(s) in {lang or 'an unknown language'}:[/] {support_of(lang or None).note}"
        )
    if store is not None and report.copies:
        for line in copy_notes(store, report.copies):
            console.print(f"[yellow]=[/] {escape(line)}", highlight=False)
    me = program()
    console.print(
        f"Results are in [bold]{db}[/]. Try: {me} articles --db {db}; {me} events --db {db}; "
        f"{me} export --what articles --db {db}"
    )


def copy_notes(store, copies: list[tuple[str, str]]) -> list[str]:  # type: ignore[no-untyped-def]
    """One sentence per input whose text was already stored under another name (COPIES_SHOWN at most)."""
    from newsloom.store.articles import paths_of

    notes = []
    with store.connect() as conn:
        for path, article_id in copies[:COPIES_SHOWN]:
            others = sorted(p for p in paths_of(conn, article_id) if p != path)
            first = others[0] if others else "an article already stored"
            notes.append(
                f"{path} is a copy of {first} (the same text): stored once, under both names; "
                "remove one of the files if it was not meant to be read twice."
            )
    if len(copies) > COPIES_SHOWN:
        notes.append(
            f"... and {len(copies) - COPIES_SHOWN} more cop(ies) of articles read under other names."
        )
    return notes


def program(argv0: str | None = None) -> str:
    """How to call this command again: ``newsloom`` when that name on PATH is this program, else its
    full path (a virtual environment not activated), else ``python -m newsloom.cli``."""
    import shutil

    invoked = Path(argv0 if argv0 is not None else sys.argv[0])
    on_path = shutil.which("newsloom")
    if invoked.name == "newsloom":
        if on_path and Path(on_path).resolve() == invoked.resolve():
            return "newsloom"
        return str(invoked.resolve())
    return f"{sys.executable} -m newsloom.cli"


@app.command()
def ingest(
    paths: Annotated[
        list[str], typer.Argument(help="Files, folders (read recursively) or - for standard input.")
    ],
    db: DbOption = None,
    processes: ProcessesOption = None,
) -> None:
    """Read articles into the store (reading, cleaning, metadata, language)."""
    from newsloom.runner import INGEST_STAGES

    _process(paths, db, INGEST_STAGES, corpus=False, title="ingest", processes=processes)


@app.command()
def run(
    paths: Annotated[
        list[str], typer.Argument(help="Files, folders (read recursively) or - for standard input.")
    ],
    db: DbOption = None,
    processes: ProcessesOption = None,
    engine: Annotated[
        str,
        typer.Option(
            help="local, or spark (the stages on Spark; Parquet inputs too; pip install 'newsloom[spark]')."
        ),
    ] = "local",
    master: Annotated[
        str, typer.Option(help="Spark master for --engine spark: local[2], spark://host:7077, yarn.")
    ] = "local[2]",
    corpus: Annotated[
        str, typer.Option(help="incremental (per article), or batch (once over the run, by blocking keys).")
    ] = "incremental",
) -> None:
    """Ingest, then run every pipeline stage and the corpus steps (linking, merging, clustering)."""
    _process(
        paths, db, None, corpus=True, title="run", processes=processes, engine=engine, master=master,
        corpus_mode=corpus,
    )  # fmt: skip


@app.command()
def articles(
    db: DbOption = None,
    language: Annotated[str | None, typer.Option(help="Only this language (ISO 639-1).")] = None,
    limit: Annotated[int, typer.Option(min=1, help="At most this many rows.")] = 50,
) -> None:
    """List stored articles."""
    from newsloom.views.articles import ArticleQuery, articles_view

    language = _language_option(language)

    store, _ = _open_existing(db)
    table = Table(show_lines=False)
    for column in ("published", "lang", "title / first words", "path"):
        table.add_column(column)
    with store.connect() as conn:
        found = articles_view(conn, ArticleQuery(language=language, limit=limit))
    for article in found.items:
        headline = article.title or article.lead[:70] + "…"
        table.add_row(
            article.published or "?", article.language or "?", escape(headline), escape(article.path)
        )
    console.print(table)


@app.command()
def entities(
    db: DbOption = None,
    type: Annotated[str | None, typer.Option("--type", help="person, organization or place.")] = None,
    limit: Annotated[int, typer.Option(min=1, help="At most this many rows.")] = 50,
) -> None:
    """List linked entities: canonical name, type, names seen per language, article count."""
    from newsloom.views.entities import EntityQuery, entities_view

    store, _ = _open_existing(db)
    table = Table()
    for column in ("id", "name", "type", "names per language", "articles"):
        table.add_column(column)
    with store.connect() as conn:
        try:
            found = entities_view(conn, EntityQuery(type=type, limit=limit))
        except NewsloomError as exc:
            _fail(exc)
            return
    for row in found.items:
        names = "; ".join(f"{lang}: {', '.join(v)}" for lang, v in sorted(row.names.items()))
        table.add_row(str(row.id), escape(row.name), row.type, escape(names), str(row.articles))
    console.print(table)


@app.command()
def entity(
    name: Annotated[
        str, typer.Argument(help="Any name or alias, in any language, with or without diacritics.")
    ],
    db: DbOption = None,
) -> None:
    """One entity: aliases, roles over time, articles."""
    from newsloom.views.entities import find_entity_view

    store, _ = _open_existing(db)
    with store.connect() as conn:
        detail, others = find_entity_view(conn, name)
    if detail is None:
        err.print(f"No entity is known by '{name}'. Try `newsloom entities` to see what is stored.")
        raise typer.Exit(1)
    console.print(
        f"[bold]{escape(detail.name)}[/] ({detail.type}), seen {_span(detail.first_seen, detail.last_seen)}"
    )
    console.print(
        "aliases: "
        + ", ".join(escape(a.alias + (f" [{a.language}]" if a.language else "")) for a in detail.aliases)
    )
    for role in detail.roles:
        of = f" of {role.of}" if role.of else ""
        console.print(
            f'role: [bold]{escape(role.label)}[/]{escape(of)} ("{escape(role.title)}"), '
            f"{_span(role.first_seen, role.last_seen)}, {role.count} mention(s)"
        )
    table = Table(title="articles")
    for column in ("id", "path", "published", "mentions"):
        table.add_column(column)
    for row in detail.articles:
        table.add_row(row.id, escape(str(row.path)), row.published or "?", str(row.mentions))
    console.print(table)
    if others:
        console.print(
            "also matching: " + escape(", ".join(f"{f.name} ({f.type}, id {f.id})" for f in others))
        )


DateFrom = Annotated[str | None, typer.Option("--from", help="Earliest date (YYYY-MM-DD).")]
DateTo = Annotated[str | None, typer.Option("--to", help="Latest date (YYYY-MM-DD).")]
TypeOption = Annotated[str | None, typer.Option("--type", help="A PLOVER type: CONSULT, AGREE, REQUEST, ...")]
EntityOption = Annotated[str | None, typer.Option("--entity", help="Any name or alias of an actor.")]
MinSourcesOption = Annotated[
    int, typer.Option("--min-sources", min=0, help="Only events reported by at least this many articles.")
]
MinConfidenceOption = Annotated[
    float,
    typer.Option("--min-confidence", min=0.0, max=1.0, help="Only events at least this confident (0-1)."),
]


def _actors(names: list[str]) -> str:
    """Names as printed text (escaped: a name or title with "[...]" is words, not console markup)."""
    return escape(", ".join(names)) or "-"


def _badges(row: EventSummary) -> str:
    return "".join(f" [yellow]\\[{badge}][/]" for badge in row.trust.badges)


def _print_event_line(row: EventSummary, indent: str) -> None:
    console.print(
        f"{indent}[{row.id}] [bold]{row.type}[/] {row.mode or ''} {_actors(row.source)} -> "
        f"{_actors(row.target)} ({', '.join(row.languages)}; {row.n_articles} article(s); "
        f"confidence {row.confidence:.2f}){_badges(row)}"
    )


@app.command()
def events(
    db: DbOption = None,
    date_from: DateFrom = None,
    date_to: DateTo = None,
    type: TypeOption = None,
    entity: EntityOption = None,
    language: Annotated[str | None, typer.Option(help="Only events with a source in this language.")] = None,
    limit: Annotated[int, typer.Option(min=1, help="At most this many rows.")] = 50,
    min_sources: MinSourcesOption = 0,
    min_confidence: MinConfidenceOption = 0.0,
) -> None:
    """List merged events (PLOVER types), newest first, each with its trust mark."""
    language = _language_option(language)
    date_from, date_to = cli_views.date_range(date_from, date_to)
    from newsloom.events.dates import date_label
    from newsloom.views.events import EventQuery, events_view

    store, _ = _open_existing(db)
    query = EventQuery(
        date_from, date_to, type and type.upper(), entity, language, limit=limit, min_sources=min_sources,
        min_confidence=min_confidence,
    )  # fmt: skip
    with store.connect() as conn:
        try:
            found = events_view(conn, query)
        except NewsloomError as exc:
            _fail(exc)
            return
    table = Table()
    for column in (
        "id",
        "date",
        "type",
        "mode",
        "source",
        "target",
        "where",
        "langs",
        "articles",
        "conf",
        "marks",
    ):
        table.add_column(column)
    for row in found.items:
        date = date_label(row.date, row.date_end, row.precision)  # "by 2025-10-22": on or before
        table.add_row(
            str(row.id), date, row.type, row.mode or "", _actors(row.source), _actors(row.target),
            escape(row.location or ""), ",".join(row.languages), str(row.n_articles), f"{row.confidence:.2f}",
            ", ".join(row.trust.badges),
        )  # fmt: skip
    console.print(table)
    if not found.items:
        with store.connect() as conn:
            _say_why_no_events(conn, db)


#: How ``newsloom event`` marks the words an event was read from (the view's spans); the legend
#: names them. Without a colour terminal the sentence shows unmarked.
SPAN_STYLES = {
    "trigger": "bold black on yellow",
    "mode": "underline",
    "source": "bold green",
    "target": "bold cyan",
}
SPAN_LEGEND = {"trigger": "trigger", "mode": "mode words", "source": "source", "target": "target"}


def evidence_text(source: EventSource) -> Text:
    """A source sentence with the words the event was read from styled (``SPAN_STYLES``)."""
    from rich.text import Text

    from newsloom.views.events import evidence_segments

    text = Text()
    for part, kind in evidence_segments(source.sentence, source.spans):
        text.append(part, style=SPAN_STYLES[kind] if kind else "")
    return text


@app.command()
def event(
    event_id: Annotated[int, typer.Argument(help="The event's id (see `newsloom events`).")],
    db: DbOption = None,
) -> None:
    """One event: its sources with their evidence sentences and languages, and the discrepancies."""
    from newsloom.events.dates import date_label
    from newsloom.views.events import event_view

    store, _ = _open_existing(db)
    with store.connect() as conn:
        detail = event_view(conn, event_id)
    if detail is None:
        err.print(f"No event {event_id}. List them with `newsloom events`.")
        raise typer.Exit(1)
    source = _actors([a.get("name") or a["key"] for a in detail.actors.source])
    target = _actors([a.get("name") or a["key"] for a in detail.actors.target])
    when = date_label(detail.date, None, detail.precision)
    console.print(
        f"[bold]{detail.type}[/] {detail.mode or ''} {when} at {escape(detail.location or '?')}: {source} -> {target}"
    )
    trust = detail.trust
    badges = "".join(f" [yellow]\\[{badge}][/]" for badge in trust.badges)
    console.print(
        f"{trust.sources} article(s) in {trust.languages} language(s); confidence {detail.confidence:.2f}{badges}"
    )
    table = Table(title="sources", show_lines=True)
    for column in ("lang", "path", "date", "evidence"):
        table.add_column(column)
    for src in detail.sources:
        table.add_row(src.language or "?", escape(src.path), src.date or "?", evidence_text(src))
    console.print(table)
    if detail.mentions:  # articles about something else telling it in passing: no reports of it
        console.print("Also mentioned in (in passing, not counted as reports):")
        for src in detail.mentions:
            console.print(f"  {src.language or '?'} {escape(src.path)}: {evidence_text(src)}")
    if console.color_system:  # piped or a plain terminal: nothing is marked, so no legend
        legend = ", ".join(f"[{SPAN_STYLES[k]}]{name}[/]" for k, name in SPAN_LEGEND.items())
        console.print(f"marked: {legend}", highlight=False)
    if any(src.spans_from == "searched" for src in detail.sources):
        console.print(
            "[yellow]note:[/] where a sentence's words were not recorded, its trigger is marked at its word's "
            "first occurrence, which may not be where the rule read it."
        )
    for item in detail.discrepancies:
        console.print(f"[yellow]discrepancy:[/] {escape(item.summary)}")
    for child in detail.statement_summaries:
        console.print(
            f"  statement {child.id}: {child.type} {_actors(child.source)} -> {_actors(child.target)}"
        )


@app.command()
def timeline(
    db: DbOption = None,
    date_from: DateFrom = None,
    date_to: DateTo = None,
    type: TypeOption = None,
    entity: EntityOption = None,
    min_sources: MinSourcesOption = 0,
    min_confidence: MinConfidenceOption = 0.0,
    show_uncertain: Annotated[
        bool,
        typer.Option(
            "--show-uncertain",
            help="Also show single-source events of low confidence or not checked by the model.",
        ),
    ] = False,
) -> None:
    """Events by day, newest first, grouped by story (the timeline of the API and the home page).

    Without dates: the month up to the newest event. Statements made at a meeting are listed under it.
    Single-source events of low confidence or not checked by the model are hidden unless --show-uncertain."""
    date_from, date_to = cli_views.date_range(date_from, date_to)
    from newsloom.views.timeline import MAX_DAYS, TimelineQuery, timeline_view

    store, _ = _open_existing(db)
    query = TimelineQuery(
        date_from, date_to, type and type.upper(), entity, limit=MAX_DAYS, min_sources=min_sources,
        min_confidence=min_confidence, show_uncertain=show_uncertain,
    )  # fmt: skip
    with store.connect() as conn:
        try:
            found = timeline_view(conn, query)
        except NewsloomError as exc:
            _fail(exc)
            return
    for day in found.items:
        console.rule(f"{day.date or 'undated'} ({day.count} event(s))")
        for group in day.groups:
            console.print(
                f"[bold]{escape(group.story.title or f'story {group.story.id}')}[/]"
                if group.story
                else "(no story)"
            )
            for row in group.events:
                _print_event_line(row, "  ")
                for said in row.statements:
                    _print_event_line(said, "      ")
    if found.hidden:
        console.print(f"{found.hidden} event(s) hidden by the trust filters; --show-uncertain shows them.")
    if not found.items and not found.hidden:
        with store.connect() as conn:
            _say_why_no_events(conn, db)


@app.command()
def stories(
    db: DbOption = None,
    date_from: DateFrom = None,
    date_to: DateTo = None,
    limit: Annotated[int, typer.Option(min=1, help="At most this many rows.")] = 50,
) -> None:
    """List stories (articles about the same event, across languages), newest first."""
    date_from, date_to = cli_views.date_range(date_from, date_to)
    from newsloom.views.stories import StoryQuery, stories_view

    store, _ = _open_existing(db)
    with store.connect() as conn:
        found = stories_view(conn, StoryQuery(date_from, date_to, limit=limit))
    table = Table()
    for column in ("id", "date", "title", "articles by language", "storyline"):
        table.add_column(column)
    for row in found.items:
        langs = ", ".join(f"{lang} {n}" for lang, n in row.languages.items())
        table.add_row(str(row.id), row.date or "?", escape(row.title or ""), langs, str(row.storyline or ""))
    console.print(table)


@app.command()
def story(
    story_id: Annotated[int, typer.Argument(help="The story's id (see `newsloom stories`).")],
    db: DbOption = None,
) -> None:
    """One story: its articles by language, events, entities and dates."""
    from newsloom.views.stories import story_view

    store, _ = _open_existing(db)
    with store.connect() as conn:
        detail = story_view(conn, story_id)
    if detail is None:
        err.print(f"No story {story_id}. List them with `newsloom stories`.")
        raise typer.Exit(1)
    console.print(
        f"[bold]{escape(detail.title or '')}[/] ({detail.date}; dates: {', '.join(detail.dates) or '?'})"
    )
    for lang, title in detail.titles.items():
        console.print(escape(f"  title [{lang}]: {title}"))
    table = Table(title="articles")
    for column in ("lang", "published", "title", "path"):
        table.add_column(column)
    for lang, items in detail.articles_by_language.items():
        for item in items:
            table.add_row(
                lang, item.published or "?", escape(item.title or item.passage or ""), escape(str(item.path))
            )
    console.print(table)
    for ev in detail.events:
        console.print(f"  event {ev.id}: {ev.type} {ev.date or ''} {escape(ev.title or '')}")
    console.print("entities: " + escape(", ".join(e.name for e in detail.entities[:15])))


@app.command()
def storylines(
    db: DbOption = None,
    limit: Annotated[int, typer.Option(min=1, help="At most this many storylines.")] = 1000,
) -> None:
    """Storylines: stories linked over days by shared actors and topic, in date order."""
    from newsloom.views.stories import storylines_view

    store, _ = _open_existing(db)
    with store.connect() as conn:
        lines = storylines_view(conn, limit=limit)
    for line in lines.items:
        console.rule(f"{escape(line.name or line.title or '')} ({_span(line.date_first, line.date_last)})")
        for item in line.stories:
            langs = ", ".join(item.languages)
            console.print(f"  {item.date or '?'}  [{item.id}] {escape(item.title or '')} ({langs})")


def _language_option(given: str | None) -> str | None:
    """A --language option as the ISO code the store holds ('English', 'EN-us' -> 'en'), or exit 2."""
    from newsloom.ingest.metadata import language_code

    if given is None:
        return None
    code = language_code(given)
    if code is None:
        _fail(
            ValueError(
                f"--language {given!r} is not a language: give an ISO 639-1 code such as vi, en or id."
            )
        )
    return code


def _say_why_no_events(conn, db: str | None) -> None:  # type: ignore[no-untyped-def]
    """Under an empty events list or timeline: the stored articles the events stage never read
    (`newsloom ingest` only reads), and how to find their events."""
    from newsloom.store.articles import count_without_stage

    unread = count_without_stage(conn, "events")
    if unread:
        where = f" --db {db}" if db else ""
        console.print(
            f"[yellow]{unread} article(s) stored were only read (`newsloom ingest`), not searched for events:[/] "
            f"run `newsloom run FILES{escape(where)}` on the same files to find them."
        )


def _span(first: str | None, last: str | None) -> str:
    """Two dates as 'first..last', 'undated' when neither is known (never 'None..None')."""
    if not first and not last:
        return "undated"
    return f"{first or '?'}..{last or '?'}"


def _read_one(path: str) -> tuple[str, str | None]:
    """Title + body of one article in ``path`` (through the readers), and its language hint: the
    only one, ``PATH#N`` (a feed item, JSONL line or JSON element, as `articles` lists them), or the
    first, said on stderr when the file holds more."""
    import re

    from newsloom.errors import InputError
    from newsloom.ingest import read_path

    chosen = re.fullmatch(r"(?P<file>.+)#(?P<number>\d+)", path)
    if chosen and not Path(path).exists():
        file, wanted = chosen["file"], f"{chosen['file']}#{int(chosen['number'])}"
    else:
        file, wanted = path, None
    if Path(file).is_dir():
        inside = sorted(str(p) for p in Path(file).rglob("*") if p.is_file())[:3]
        raise InputError(
            file, "is a folder; compare takes two articles",
            f"Give a file of it instead, e.g. {', '.join(inside) or 'a text dump or an HTML page'}.",
        )  # fmt: skip
    found = None
    held: list[str] = []  # PATH#N of the articles the file holds, and what was wrong with the rest
    problems: list[str] = []
    for item in read_path(file):
        if wanted is not None:
            if getattr(item, "path", None) == wanted and not isinstance(item, InputError):
                found = item
                break
            if isinstance(item, InputError):
                problems.append(f"{item.path}{f':{item.line}' if item.line else ''}: {item.problem}")
            else:
                held.append(item.path[len(file) :])
            continue
        if found is not None:
            err.print(
                f"{escape(file)} holds more than one article: comparing the first ({escape(found.path)}); "
                f"give {escape(file)}#N for another."
            )
            break
        if isinstance(item, InputError):
            raise item
        found = item
    if isinstance(found, InputError):
        raise found
    if found is None and wanted is not None and (held or problems):
        holds = f"{file} holds {', '.join(held[:10])}" if held else f"{file} holds no readable article"
        raise InputError(path, f"no article {wanted}", "; ".join([holds, *problems[:5]]) + ".")
    if found is None:
        what = f"no article {wanted}" if wanted else "no article found"
        raise InputError(
            path, what, "Give a text dump, HTML page, feed or JSONL file (PATH#N for one of its articles)."
        )
    given = found.metadata.get("language")
    return (f"{found.title}\n\n{found.text}" if found.title else found.text), given.value if given else None


@app.command()
def compare(
    file_a: Annotated[
        str,
        typer.Argument(
            help="First article (any format the readers take; FILE#N for one of a feed or JSONL)."
        ),
    ],
    file_b: Annotated[str, typer.Argument(help="Second article.")],
) -> None:
    """How similar two articles are, in any two languages, on the SemEval-2022 Task 8 scale (1 = very similar)."""
    from newsloom.views.compare import compare_view

    try:
        (text_a, lang_a), (text_b, lang_b) = _read_one(file_a), _read_one(file_b)
        result = compare_view(text_a, text_b, lang_a, lang_b)
    except (NewsloomError, ValueError, TypeError, OSError) as exc:
        _fail(exc)
        return
    table = Table(title=f"{file_a} vs {file_b} (1 = very similar, 4 = very dissimilar)")
    table.add_column("dimension")
    table.add_column("score", justify="right")
    for dimension, value in result.scores.items():
        spread = f" ± {result.uncertainty:.2f}" if dimension == "overall" and result.uncertainty else ""
        table.add_row(dimension, f"{value:.2f}{spread}")
    console.print(table)
    for warning in result.warnings:  # plainly, under the scores: one text is no article
        named = warning.replace("text_a", file_a, 1).replace("text_b", file_b, 1)
        console.print(f"[bold yellow]Warning:[/] {escape(named)}")


@app.command()
def export(
    what: Annotated[
        str, typer.Option(help="articles, entities, events, stories or corrections.")
    ] = "articles",
    fmt: Annotated[
        str,
        typer.Option(
            "--format",
            help="jsonl, csv, plover (events), gold (corrections, the shape tests/gold/ reads) or parquet (needs --out).",
        ),
    ] = "jsonl",
    out: Annotated[Path | None, typer.Option(help="Write to this file instead of standard output.")] = None,
    db: DbOption = None,
) -> None:
    """Export the store as JSON Lines, CSV or Parquet."""
    from newsloom.exports import export_file, export_lines

    store, _ = _open_existing(db)
    try:
        with store.connect() as conn:
            if out is None:
                for line in export_lines(conn, what, fmt):
                    sys.stdout.write(line + "\n")
            else:
                export_file(conn, what, fmt, out)
                err.print(f"Wrote {out}")
    except NewsloomError as exc:
        _fail(exc)


@app.command()
def serve(
    db: DbOption = None,
    host: Annotated[
        str, typer.Option(help="Address to bind (loopback by default; writes need NEWSLOOM_TOKEN).")
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port.")] = 8000,
    read_only: Annotated[bool, typer.Option(help="Serve reads only; never write to the store.")] = False,
    workers: Annotated[int, typer.Option(min=1, help="Worker processes (>1: read-only workers).")] = 1,
) -> None:
    """Serve the REST API (/api, /openapi.json) and the web UI."""
    from newsloom.serve import run_server

    settings = _settings(db)
    try:
        run_server(settings.db, host=host, port=port, read_only=read_only, workers=workers)
    except NewsloomError as exc:
        _fail(exc)


app.command("watch")(watch_cli.watch)
app.command("network")(cli_views.network)
app.command("map")(cli_views.places)
app.add_typer(watch_cli.sources_app, name="sources")
app.add_typer(watch_cli.alerts_app, name="alerts")


db_app = typer.Typer(no_args_is_help=True, help="Database tools: copy a store between databases.")
app.add_typer(db_app, name="db")


@db_app.command("copy")
def db_copy(
    source: Annotated[str, typer.Argument(help="The store to copy: a database file or SQLAlchemy URL.")],
    target: Annotated[str, typer.Argument(help="A new, empty database file or SQLAlchemy URL.")],
) -> None:
    """Copy a whole store, row for row, e.g. from SQLite to PostgreSQL or back (the search index is
    rebuilt at first use)."""
    from newsloom.store import Store
    from newsloom.store.copy import copy_store

    try:
        src, dst = cli_views.open_store_to_read(source), Store.open(target)
    except NewsloomError as exc:
        _fail(exc)
        return
    try:
        copied = copy_store(src, dst, on_table=lambda name, n: err.print(f"{name}: {n} rows"))
    except NewsloomError as exc:
        _fail(exc)
    finally:
        src.close()
        dst.close()
    console.print(f"Copied {sum(copied.values())} rows in {len(copied)} tables to {target}.")


app.command("search")(search_command)

spark_app = typer.Typer(
    no_args_is_help=True, help="Batch runs on Apache Spark (pip install 'newsloom[spark]')."
)
app.add_typer(spark_app, name="spark")


@spark_app.command("run")
def spark_run_command(
    paths: Annotated[list[str], typer.Argument(help="Files, folders (read recursively) or JSONL files.")],
    out: Annotated[Path, typer.Option(help="Folder for the Parquet output (articles/, errors/).")],
    master: Annotated[
        str, typer.Option(help="Spark master: local[2], spark://host:7077, yarn.")
    ] = "local[2]",
    partitions: Annotated[int | None, typer.Option(help="Partitions (default: Spark's parallelism).")] = None,
) -> None:
    """Run every per-article stage on Spark and write the articles as Parquet (no corpus steps)."""
    from newsloom.scale.spark import spark_run

    try:
        report = spark_run(paths, out, master=master, partitions=partitions)
    except NewsloomError as exc:
        _fail(exc)
        return
    console.print(
        f"{report.files} files, {report.articles} articles, {report.errors} errors: written to {report.out}"
    )


def _fix_app() -> typer.Typer:
    from newsloom.corrections.cli import fix_app

    return fix_app


app.add_typer(_fix_app(), name="fix")  # newsloom fix ...: corrections that stick (docs/corrections.md)


def main() -> None:
    try:
        app()
    except NewsloomError as exc:
        err.print(f"[bold red]error:[/] {exc}")
        sys.exit(2)


if __name__ == "__main__":
    main()
