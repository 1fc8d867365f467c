from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsloom.cli import app

runner = CliRunner()


def test_run_export_and_rerun(tmp_path: Path, seed_paths: list[Path]) -> None:
    db = str(tmp_path / "cli.db")
    result = runner.invoke(app, ["ingest", str(seed_paths[0].parent), "--db", db])
    assert result.exit_code == 0, result.output
    assert "articles new" in result.output and db in result.output
    exported = runner.invoke(app, ["export", "--what", "articles", "--format", "jsonl", "--db", db])
    records = [json.loads(line) for line in exported.output.splitlines() if line.startswith("{")]
    assert len(records) == 3
    for key in (
        "id",
        "path",
        "language",
        "published",
        "title",
        "author",
        "source_url",
        "section",
        "credit",
        "provenance",
    ):
        assert key in records[0]
    by_name = {Path(r["path"]).name[:3]: r for r in records}
    assert by_name["001"]["provenance"]["published"] == {"source": "header", "confidence": 1.0}
    again = runner.invoke(app, ["ingest", str(seed_paths[0].parent), "--db", db])
    assert "articles unchanged" in again.output and "articles new" not in again.output


def test_bad_input_sets_the_exit_code_and_names_the_file(tmp_path: Path) -> None:
    (tmp_path / "ok.txt").write_text(" date 2025-10-21 The minister met the delegation in Hanoi on Tuesday.")
    (tmp_path / "empty.txt").write_text("")
    result = runner.invoke(app, ["ingest", str(tmp_path), "--db", str(tmp_path / "x.db")])
    assert result.exit_code == 1
    assert "empty.txt" in result.output and "articles new" in result.output


def test_csv_export_and_unknown_what(tmp_path: Path, seed_paths: list[Path]) -> None:
    db = str(tmp_path / "c.db")
    runner.invoke(app, ["ingest", str(seed_paths[1]), "--db", db])
    out = tmp_path / "a.csv"
    result = runner.invoke(app, ["export", "--format", "csv", "--out", str(out), "--db", db])
    assert result.exit_code == 0
    header, row = out.read_text().splitlines()[:2]
    assert header.startswith("id,path,language,published")
    bad = runner.invoke(app, ["export", "--what", "nonsense", "--db", db])
    assert bad.exit_code == 2 and "Choose one of" in bad.output


def test_standard_input_is_an_input(tmp_path: Path) -> None:
    db = str(tmp_path / "stdin.db")
    text = " date 2025-10-24 Chiều 24-10, Chủ tịch nước Lương Cường hội đàm với Tổng Thư ký Liên hợp quốc António Guterres."
    result = runner.invoke(app, ["ingest", "-", "--db", db], input=text)
    assert result.exit_code == 0, result.output
    exported = runner.invoke(app, ["export", "--db", db])
    (record,) = [json.loads(line) for line in exported.output.splitlines() if line.startswith("{")]
    assert record["path"] == "-" and record["language"] == "vi" and record["published"] == "2025-10-24"


def test_the_export_and_corpus_registries_fail_naming_what_they_know() -> None:
    from newsloom.corpus import CORPUS_STEPS, corpus_step
    from newsloom.errors import NewsloomError
    from newsloom.exports import EXPORTS, WRITERS, find_export

    with pytest.raises(NewsloomError) as unknown_what:
        find_export("tweets", "jsonl")
    assert all(name in str(unknown_what.value) for name in EXPORTS)
    with pytest.raises(NewsloomError) as unknown_format:
        find_export("events", "xml")
    assert all(name in str(unknown_format.value) for name in WRITERS)
    with pytest.raises(NewsloomError, match="events only"):
        find_export("articles", "plover")
    assert find_export("events", "plover") is EXPORTS["events"]
    with pytest.raises(NewsloomError) as unknown_step:
        corpus_step("summarise")
    assert all(step.name in str(unknown_step.value) for step in CORPUS_STEPS)
    assert [step.name for step in CORPUS_STEPS] == [
        "link_entities", "merge_events", "cluster_stories", "date_from_story", "replay_corrections",
    ]  # fmt: skip


@pytest.fixture(scope="module")
def examples_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    """A copy of the served examples' store (built once per session by tests/serve/conftest)."""
    from newsloom.runner import process_paths
    from newsloom.store import Store
    from tests.conftest import EXAMPLES
    from tests.serve.conftest import SERVED_EXAMPLES

    db = tmp_path_factory.mktemp("cli-examples") / "examples.db"
    store = Store.open(str(db))
    report = process_paths(
        [str(EXAMPLES / name) for name in SERVED_EXAMPLES], store, stages=None, corpus=True
    )
    store.close()
    assert report.ok, report.errors
    return str(db)


def test_events_show_trust_and_filter_on_sources(examples_db: str) -> None:
    every = runner.invoke(app, ["events", "--db", examples_db, "--limit", "100"])
    assert every.exit_code == 0, every.output
    assert "single source" in every.output and "not checked by the model" in every.output
    confirmed = runner.invoke(app, ["events", "--db", examples_db, "--limit", "100", "--min-sources", "2"])
    assert confirmed.exit_code == 0, confirmed.output
    assert "single source" not in confirmed.output
    assert len(confirmed.output.splitlines()) < len(every.output.splitlines())
    bad = runner.invoke(app, ["events", "--db", examples_db, "--min-confidence", "1.5"])
    assert bad.exit_code != 0


def test_timeline_hides_uncertain_events_with_a_switch(examples_db: str) -> None:
    def uncertain(
        output: str,
    ) -> list[str]:  # single-source lines, low confidence or unchecked: hidden by default
        return [
            line
            for line in output.splitlines()
            if " 1 article(s)" in line and ("low confidence" in line or "not checked by the model" in line)
        ]

    default = runner.invoke(app, ["timeline", "--db", examples_db])
    assert default.exit_code == 0, default.output
    assert "hidden by the trust filters" in default.output
    assert uncertain(default.output) == []
    shown = runner.invoke(app, ["timeline", "--db", examples_db, "--show-uncertain"])
    assert uncertain(shown.output) and "hidden by the trust filters" not in shown.output


def test_piped_tables_are_not_cut_at_80_columns(examples_db: str) -> None:
    piped = runner.invoke(app, ["events", "--db", examples_db, "--limit", "100"])
    assert "United Nations Office on Drugs and Crime" in piped.output  # one cell, not wrapped
    assert max(len(line) for line in piped.output.splitlines()) > 80


def test_storylines_are_headed_by_their_principal_actors_and_topic(examples_db: str) -> None:
    from newsloom.store import Store
    from newsloom.views.stories import storylines_view

    store = Store.open(examples_db)
    with store.connect() as conn:
        lines = storylines_view(conn, limit=1000).items
    store.close()
    named = [line for line in lines if line.name]
    assert named, "the examples' storylines have names"
    shown = runner.invoke(app, ["storylines", "--db", examples_db], env={"COLUMNS": "400"})
    assert shown.exit_code == 0, shown.output
    heads = [line for line in shown.output.splitlines() if "─" in line]
    assert len(heads) == len(lines)
    assert all(any(line.name in head for head in heads) for line in named)


GERMAN = """Bundesregierung kündigt neues Klimapaket an

Berlin – Die Bundesregierung hat am Mittwoch ein neues Maßnahmenpaket für den Klimaschutz vorgestellt.
Der Wirtschaftsminister sagte, die Förderung für Wärmepumpen werde im kommenden Jahr deutlich erhöht.
Umweltverbände begrüßten die Pläne, forderten aber schnellere Schritte beim Ausbau der Windenergie.
"""


def test_run_summary_names_languages_read_with_basic_support(tmp_path: Path) -> None:
    article = tmp_path / "de_klima.txt"
    article.write_text(GERMAN, encoding="utf-8")
    result = runner.invoke(app, ["ingest", str(article), "--db", str(tmp_path / "de.db")])
    assert result.exit_code == 0, result.output
    assert "language de (basic support)" in result.output
    assert "1 article(s) in de:" in result.output and "no language pack for de" in result.output


def test_the_hint_after_run_names_a_command_that_works(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import sys

    from newsloom.cli import program

    script = tmp_path / "venv" / "bin" / "newsloom"
    script.parent.mkdir(parents=True)
    script.write_text("#!/bin/sh\n", encoding="utf-8")
    script.chmod(0o755)
    monkeypatch.setenv("PATH", "/nonexistent")
    assert program(str(script)) == str(script.resolve())  # not on PATH: its full path
    monkeypatch.setenv("PATH", str(script.parent))
    assert program(str(script)) == "newsloom"
    assert program("/usr/lib/python3/pytest") == f"{sys.executable} -m newsloom.cli"


@pytest.mark.sqlite_only(
    "a mistyped path to a SQLite file: on PostgreSQL every path is a database of the test server"
)
@pytest.mark.parametrize(
    "command",
    [
        ["articles"],
        ["events"],
        ["stories"],
        ["timeline"],
        ["entity", "x"],
        ["export"],
        ["storylines"],
        ["network"],
        ["map"],
        ["search", "x"],
        ["fix", "list"],
        ["fix", "false", "1"],
        ["fix", "undo", "1"],
    ],
)
def test_a_read_command_on_a_missing_store_says_so_and_creates_nothing(
    tmp_path: Path, command: list[str]
) -> None:
    typo = tmp_path / "newsloon.db"
    result = runner.invoke(app, [*command, "--db", str(typo)], env={"COLUMNS": "300"})
    assert result.exit_code == 2, result.output
    assert f"No store at {typo}" in result.output and "newsloom run" in result.output
    assert not typo.exists()


def test_export_to_a_missing_folder_is_one_clear_error_and_leaves_no_file(
    tmp_path: Path, seed_paths: list[Path]
) -> None:
    db = str(tmp_path / "e.db")
    runner.invoke(app, ["ingest", str(seed_paths[1]), "--db", db])
    out = tmp_path / "nowhere" / "a.jsonl"
    result = runner.invoke(app, ["export", "--out", str(out), "--db", db], env={"COLUMNS": "300"})
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output and not out.parent.exists()
    assert f"folder {out.parent} does not exist" in result.output
    good = tmp_path / "a.jsonl"
    assert runner.invoke(app, ["export", "--out", str(good), "--db", db]).exit_code == 0
    assert len(good.read_text().splitlines()) == 1
    assert not list(tmp_path.glob(".*.part"))  # written under a hidden name, then renamed


@pytest.mark.sqlite_only(
    "a mistyped path to a SQLite file: on PostgreSQL every path is a database of the test server"
)
def test_db_copy_from_a_store_that_does_not_exist_says_so_and_copies_nothing(tmp_path: Path) -> None:
    source, target = tmp_path / "typo.db", tmp_path / "copy.db"
    result = runner.invoke(app, ["db", "copy", str(source), str(target)], env={"COLUMNS": "300"})
    assert result.exit_code == 2, result.output
    assert f"No store at {source}" in result.output and "Copied" not in result.output
    assert not source.exists() and not target.exists()


def test_brackets_in_a_title_are_printed_as_words_not_read_as_console_markup(tmp_path: Path) -> None:
    """'[/b]' in a headline crashed `articles` (rich MarkupError); '[video]' vanished from it."""
    db = str(tmp_path / "m.db")
    page = tmp_path / "markup.txt"
    page.write_text(
        "Leaders meet [/b] in Hanoi [video]\n\n"
        "HANOI - The foreign minister met the visiting delegation in Hanoi on Tuesday to discuss trade.\n"
    )
    assert runner.invoke(app, ["ingest", str(page), "--db", db]).exit_code == 0
    listed = runner.invoke(app, ["articles", "--db", db], env={"COLUMNS": "300"})
    assert listed.exit_code == 0, listed.output
    assert "Leaders meet [/b] in Hanoi [video]" in listed.output


def test_entity_aliases_and_story_titles_keep_their_language_tags(examples_db: str) -> None:
    shown = runner.invoke(app, ["entity", "bui thanh son", "--db", examples_db], env={"COLUMNS": "300"})
    assert shown.exit_code == 0, shown.output
    assert "Bùi Thanh Sơn [vi]" in shown.output  # was "Bùi Thanh Sơn " (the tag eaten as markup)
    story = runner.invoke(app, ["story", "1", "--db", examples_db], env={"COLUMNS": "300"})
    assert story.exit_code == 0 and "  title [" in story.output


def test_compare_names_the_article_it_takes_from_a_file_of_many_and_takes_path_n(tmp_path: Path) -> None:
    """A JSONL file or a feed holds many articles: compare took the first without a word."""
    from newsloom.cli import _read_one

    lines = [
        {"text": "The foreign minister met the visiting delegation in Hanoi on Tuesday.", "language": "en"},
        {"text": "Menteri Luar Negeri bertemu delegasi di Jakarta pada hari Selasa.", "language": "id"},
    ]
    crawl = tmp_path / "crawl.jsonl"
    crawl.write_text("\n".join(json.dumps(line) for line in lines))
    assert _read_one(f"{crawl}#2") == (lines[1]["text"], "id")
    assert _read_one(str(crawl)) == (lines[0]["text"], "en")
    with pytest.raises(Exception, match="no article .*#9"):
        _read_one(f"{crawl}#9")
    single = tmp_path / "one.txt"
    single.write_text(" date 2025-10-21 The minister met the delegation in Hanoi on Tuesday.")
    assert _read_one(str(single))[0].endswith("in Hanoi on Tuesday.")


def test_articles_in_a_language_not_recognised_are_counted_and_said_plainly(tmp_path: Path) -> None:
    """Lao is no language lingua knows: the summary listed no language and said nothing."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "lo.txt").write_text(
        "ນາຍົກລັດຖະມົນຕີ ໄດ້ພົບປະກັບ ປະທານາທິບໍດີ ຫວຽດນາມ ທີ່ນະຄອນຫຼວງວຽງຈັນ ໃນວັນຈັນ "
        "ເພື່ອປຶກສາຫາລື ກ່ຽວກັບການຮ່ວມມື ດ້ານການຄ້າ ແລະ ການລົງທຶນ.\n"
    )
    (folder / "en.txt").write_text(
        " date 2025-10-21 The minister met the visiting delegation in Hanoi on Tuesday."
    )
    result = runner.invoke(
        app, ["ingest", str(folder), "--db", str(tmp_path / "l.db")], env={"COLUMNS": "300"}
    )
    assert result.exit_code == 0, result.output
    rows = {
        line.split("│")[1].strip(): line.split("│")[2].strip()
        for line in result.output.splitlines()
        if line.count("│") == 3
    }
    assert rows["language not recognised (basic support)"] == "1" and rows["language en"] == "1"
    assert "1 article(s) in an unknown language: The language was not recognised" in result.output


def test_a_byte_identical_copy_under_another_name_is_named_as_a_copy_not_unchanged(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    text = " date 2025-10-21 The European Union imposed new sanctions on five companies on Monday."
    (folder / "a_sanctions.txt").write_text(text)
    (folder / "b_copy.txt").write_text(text)  # the same bytes under another name, read in the same run
    db = str(tmp_path / "x.db")
    first = runner.invoke(app, ["ingest", str(folder), "--db", db], env={"COLUMNS": "200"})
    assert first.exit_code == 0, first.output
    assert "articles new" in first.output and "articles copy of another input" in first.output
    assert "articles unchanged" not in first.output
    said = " ".join(first.output.split())
    assert "b_copy.txt is a copy of" in said and "a_sanctions.txt" in said
    again = runner.invoke(app, ["ingest", str(folder), "--db", db], env={"COLUMNS": "200"})
    assert "articles unchanged" in again.output and "articles copy" not in again.output  # both names known
    (folder / "c_later.txt").write_text(text)  # a copy of a stored article, in a later run
    later = runner.invoke(app, ["ingest", str(folder / "c_later.txt"), "--db", db], env={"COLUMNS": "200"})
    said = " ".join(later.output.split())
    assert "articles copy of another input" in later.output and "c_later.txt is a copy of" in said


def test_compare_refuses_a_folder_and_says_which_articles_a_file_holds(tmp_path: Path) -> None:
    from newsloom.cli import _read_one
    from newsloom.errors import InputError

    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("The minister met the delegation in Hanoi on Tuesday.")
    (folder / "b.txt").write_text("Menteri Luar Negeri bertemu delegasi di Jakarta pada hari Selasa.")
    with pytest.raises(InputError, match="is a folder") as refused:
        _read_one(str(folder))  # was: "comparing the first; give in#N for another" (no such thing)
    assert "a.txt" in refused.value.hint  # an article of it to give instead
    crawl = tmp_path / "crawl.jsonl"
    good = json.dumps({"text": "The foreign minister met the visiting delegation in Hanoi on Tuesday."})
    crawl.write_text("\n".join([good, '{"title": "no text"}', good.replace("Tuesday", "Friday")]))
    with pytest.raises(InputError) as missing:
        _read_one(f"{crawl}#2")  # the line without text: say why, and which numbers hold an article
    said = f"{missing.value.problem} {missing.value.hint}"
    assert "#1" in said and "#3" in said and 'no "text"' in said


@pytest.mark.parametrize(
    "command",
    [["articles"], ["entities"], ["events"], ["stories"], ["storylines"], ["search", "minister"]],
)
@pytest.mark.parametrize("limit", ["0", "-3"])
def test_a_limit_below_one_is_refused_as_the_api_refuses_it(
    tmp_path: Path, command: list[str], limit: str
) -> None:
    (tmp_path / "a.txt").write_text(" date 2025-10-21 The minister met the delegation in Hanoi on Tuesday.")
    db = str(tmp_path / "x.db")
    runner.invoke(app, ["ingest", str(tmp_path / "a.txt"), "--db", db])
    result = runner.invoke(app, [*command, "--limit", limit, "--db", db])  # -3 listed every row, 0 none
    said = " ".join(result.output.replace("│", " ").split())
    assert result.exit_code == 2 and "--limit" in said and "greater than or equal to 1" in said


def test_storylines_and_entities_without_dates_say_undated_not_none(tmp_path: Path) -> None:
    text = "The European Union imposed new sanctions on Monday against five companies, officials in Brussels said."
    (tmp_path / "eu.txt").write_text(text)  # no publication date: the story has none
    db = str(tmp_path / "x.db")
    assert runner.invoke(app, ["run", str(tmp_path / "eu.txt"), "--db", db]).exit_code == 0
    lines = runner.invoke(app, ["storylines", "--db", db], env={"COLUMNS": "200"})
    assert lines.exit_code == 0 and "European Union" in lines.output
    assert "None" not in lines.output and "undated" in lines.output
    entity = runner.invoke(app, ["entity", "European Union", "--db", db], env={"COLUMNS": "200"})
    assert entity.exit_code == 0 and "None" not in entity.output


@pytest.mark.parametrize("words", ["", "   "])
def test_search_for_no_words_says_what_to_give_as_the_api_does(tmp_path: Path, words: str) -> None:
    (tmp_path / "a.txt").write_text(" date 2025-10-21 The minister met the delegation in Hanoi on Tuesday.")
    db = str(tmp_path / "x.db")
    runner.invoke(app, ["ingest", str(tmp_path / "a.txt"), "--db", db])
    result = runner.invoke(app, ["search", words, "--db", db, "--no-meaning"])  # was "Nothing found", exit 0
    assert result.exit_code == 2 and "words to search for" in " ".join(result.output.split())


@pytest.mark.parametrize("command", ["events", "timeline", "stories"])
@pytest.mark.parametrize(
    ("dates", "said"),
    [
        (["--from", "2026-13-01"], "--from takes a date as YYYY-MM-DD"),  # an empty table, exit 0
        (["--to", "yesterday"], "--to takes a date as YYYY-MM-DD"),
        (["--from", "2026-03-05", "--to", "2026-03-01"], "swap them"),  # nothing printed, exit 0
    ],
)
def test_a_bad_or_reversed_date_option_is_refused_as_network_refuses_it(
    tmp_path: Path, command: str, dates: list[str], said: str
) -> None:
    (tmp_path / "a.txt").write_text(" date 2025-10-21 The minister met the delegation in Hanoi on Tuesday.")
    db = str(tmp_path / "x.db")
    runner.invoke(app, ["ingest", str(tmp_path / "a.txt"), "--db", db])
    result = runner.invoke(app, [command, *dates, "--db", db])
    assert result.exit_code == 2 and said in " ".join(result.output.split())


def test_a_language_option_takes_a_name_or_tag_and_refuses_what_is_no_language(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(" date 2025-10-21 The minister met the delegation in Hanoi on Tuesday.")
    db = str(tmp_path / "x.db")
    runner.invoke(app, ["ingest", str(tmp_path / "a.txt"), "--db", db])
    for given in ("en", "English", "EN-us"):  # "English" listed nothing, as JSONL reads it as en
        listed = runner.invoke(app, ["articles", "--language", given, "--db", db], env={"COLUMNS": "200"})
        assert listed.exit_code == 0 and "a.txt" in listed.output, given
    for command in (["articles"], ["events"]):
        refused = runner.invoke(app, [*command, "--language", "klingonese", "--db", db])
        assert refused.exit_code == 2 and "not a language" in " ".join(refused.output.split())


def test_the_same_files_read_under_another_spelling_of_their_path_are_unchanged_not_copies(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(" date 2025-10-21 The European Union imposed new sanctions on Monday.")
    (folder / "b.txt").write_text(" date 2025-10-22 The ministers met in Hanoi on Tuesday to discuss trade.")
    db = str(tmp_path / "x.db")
    monkeypatch.chdir(tmp_path)
    assert "articles new" in runner.invoke(app, ["ingest", "in", "--db", db]).output
    again = runner.invoke(app, ["ingest", str(folder), "--db", db], env={"COLUMNS": "200"})  # in/ spelt whole
    assert "articles unchanged" in again.output and "articles copy" not in again.output


def test_events_and_timeline_of_a_store_only_ingested_say_how_to_find_events(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(" date 2025-10-21 The minister met the delegation in Hanoi on Tuesday.")
    db = str(tmp_path / "x.db")
    runner.invoke(app, ["ingest", str(tmp_path / "a.txt"), "--db", db])  # reading only: no events stage
    for command in ("events", "timeline"):  # an empty table / nothing at all, and no word why
        result = runner.invoke(app, [command, "--db", db], env={"COLUMNS": "200"})
        said = " ".join(result.output.split())
        assert result.exit_code == 0 and "1 article(s)" in said and "newsloom run" in said, command
    assert runner.invoke(app, ["run", str(tmp_path / "a.txt"), "--db", db]).exit_code == 0
    after = " ".join(runner.invoke(app, ["events", "--db", db], env={"COLUMNS": "200"}).output.split())
    assert "newsloom run" not in after  # the events stage ran: no hint
