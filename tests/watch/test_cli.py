"""`newsloom sources ...`, `newsloom alerts ...` and `newsloom watch` through the CLI."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsloom.cli import app
from newsloom.store import Store
from newsloom.store.articles import count_articles
from newsloom.store.watch import list_alerts, list_sources
from tests.watch.pages import article_html, rss
from tests.watch.server import LocalServer

runner = CliRunner()


def _sources(db: Path) -> list[tuple[str, bool, str]]:
    with Store.open(str(db)).connect() as conn:
        return [(s.url, s.paused, s.name) for s in list_sources(conn)]


def test_sources_add_list_pause_remove(tmp_path: Path) -> None:
    db = tmp_path / "w.db"
    opml = tmp_path / "feeds.opml"
    opml.write_text(
        '<?xml version="1.0"?><opml version="2.0"><body><outline text="News">'
        '<outline text="Desk" type="rss" xmlUrl="http://127.0.0.1:9/rss.xml"/></outline></body></opml>',
        encoding="utf-8",
    )
    urls = tmp_path / "urls.txt"
    urls.write_text(
        "# outlets\nhttp://127.0.0.1:9/sitemap.xml Sitemap\n\nhttp://127.0.0.1:9/rss.xml\n", encoding="utf-8"
    )
    result = runner.invoke(
        app, ["sources", "add", str(opml), str(urls), "http://127.0.0.1:9/world", "--db", str(db)]
    )
    assert result.exit_code == 0, result.output
    assert _sources(db) == [
        ("http://127.0.0.1:9/rss.xml", False, "Desk"),
        ("http://127.0.0.1:9/sitemap.xml", False, "Sitemap"),
        ("http://127.0.0.1:9/world", False, ""),
    ]
    assert (
        runner.invoke(app, ["sources", "pause", "http://127.0.0.1:9/world", "--db", str(db)]).exit_code == 0
    )
    assert _sources(db)[2][1] is True
    assert (
        runner.invoke(app, ["sources", "remove", "http://127.0.0.1:9/rss.xml", "--db", str(db)]).exit_code
        == 0
    )
    assert len(_sources(db)) == 2
    listed = runner.invoke(app, ["sources", "list", "--db", str(db)])
    assert listed.exit_code == 0 and "paused" in listed.output
    missing = runner.invoke(app, ["sources", "remove", "http://127.0.0.1:9/nope", "--db", str(db)])
    assert missing.exit_code == 2 and "sources list" in missing.output


def test_bad_source_argument(tmp_path: Path) -> None:
    result = runner.invoke(app, ["sources", "add", "ftp://x/feed", "--db", str(tmp_path / "w.db")])
    assert result.exit_code == 2 and "not an http(s) URL" in result.output


def test_alerts_add_list_remove(tmp_path: Path) -> None:
    db = str(tmp_path / "w.db")
    ok = runner.invoke(
        app, ["alerts", "add", "talks", "--kind", "pair", "--entity", "A B", "--entity", "C D", "--db", db]
    )
    assert ok.exit_code == 0, ok.output
    bad = runner.invoke(app, ["alerts", "add", "x", "--kind", "event", "--event-type", "PROTEST", "--db", db])
    assert bad.exit_code == 2 and "--country" in bad.output
    twice = runner.invoke(app, ["alerts", "add", "talks", "--kind", "text", "--text", "x", "--db", db])
    assert twice.exit_code == 2 and "exists" in twice.output
    with Store.open(db).connect() as conn:
        assert [(a.name, a.query) for a in list_alerts(conn)] == [("talks", {"entities": ["A B", "C D"]})]
    assert "talks" in runner.invoke(app, ["alerts", "list", "--db", db]).output
    assert runner.invoke(app, ["alerts", "remove", "talks", "--db", db]).exit_code == 0
    assert runner.invoke(app, ["alerts", "remove", "talks", "--db", db]).exit_code == 2


def test_watch_command_runs_rounds(server: LocalServer, tmp_path: Path) -> None:
    base = server.url("")
    server.set("/rss.xml", rss(base, ["harbour-opens"]))
    server.set("/news/harbour-opens", article_html("harbour-opens"))
    db = str(tmp_path / "w.db")
    args = [
        "watch",
        server.url("/rss.xml"),
        "--db",
        db,
        "--rounds",
        "1",
        "--stages",
        "language",
        "--host-delay",
        "0",
    ]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    assert "new items 1" in result.output
    with Store.open(db).connect() as conn:
        assert count_articles(conn) == 1
    empty = runner.invoke(app, ["watch", "--db", str(tmp_path / "none.db"), "--rounds", "1"])
    assert empty.exit_code == 2 and "No sources" in empty.output


@pytest.mark.parametrize("columns", ["80", "120"])
def test_sources_list_shows_each_url_whole_in_a_narrow_terminal(tmp_path: Path, columns: str) -> None:
    """The URL is what `sources pause|resume|remove` take: cut to "http://…" it names nothing."""
    db = str(tmp_path / "w.db")
    urls = [
        "https://outlet-one.example.org/rss/the-world-section/latest.xml",
        "https://outlet-one.example.org/rss/the-business-section/latest.xml",
    ]
    assert runner.invoke(app, ["sources", "add", *urls, "--db", db]).exit_code == 0
    listed = runner.invoke(app, ["sources", "list", "--db", db], env={"COLUMNS": columns})
    assert listed.exit_code == 0, listed.output
    first_cells = "".join(
        line.split("│")[1].strip() for line in listed.output.splitlines() if line.startswith("│")
    )
    for url in urls:
        assert url in first_cells  # folded over lines, but whole


def test_alerts_list_shows_the_jsonl_path_whole_in_a_narrow_terminal(tmp_path: Path) -> None:
    db = str(tmp_path / "w.db")
    sink = "/var/lib/newsloom/alerts/the-desk-of-foreign-affairs/meetings.jsonl"
    added = runner.invoke(
        app, ["alerts", "add", "talks", "--kind", "text", "--text", "talks", "--jsonl", sink, "--db", db]
    )
    assert added.exit_code == 0, added.output
    listed = runner.invoke(app, ["alerts", "list", "--db", db], env={"COLUMNS": "80"})
    cells = "".join(line.split("│")[5].strip() for line in listed.output.splitlines() if line.startswith("│"))
    assert sink in cells
