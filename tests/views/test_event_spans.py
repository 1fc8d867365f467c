"""The event view gives each source sentence the words the event was read from, at the offsets the
events stage recorded (#13): a trigger word written twice is marked where the rule read it. The
same spans mark the sentence in the CLI; a store written before they were recorded falls back to
the trigger word's first occurrence and says so."""

from __future__ import annotations

from pathlib import Path

import pytest
import sqlalchemy as sa

from newsloom.events.merge import merge_article_events
from newsloom.events.queries import list_events
from newsloom.events.stage import find_events
from newsloom.store import Store, schema
from newsloom.store.articles import save_article
from newsloom.views.events import (
    RECORDED,
    SEARCHED,
    EventSource,
    EvidenceWords,
    event_view,
    evidence_segments,
)
from tests.events.helpers import SON, WALY, make_article

NAMES = {"Bùi Thanh Sơn": SON, "Ghada Waly": WALY}

#: (language, sentence, trigger word, date): one meeting per report, its trigger word written twice
#: and read the second time; each report is its own event (different days)
REPORTS = [
    ("vi", "Sáng 21/10, tiếp tục chương trình làm việc tại Hà Nội, Phó Thủ tướng Bùi Thanh Sơn đã tiếp bà Ghada Waly.",
     "tiếp", "2025-10-21"),
    ("en", "With the funding promised last year still not received, Bùi Thanh Sơn received Ghada Waly in Hà Nội.",
     "received", "2025-09-02"),
    ("id", "Setelah menerima laporan itu, Bùi Thanh Sơn menerima Ghada Waly di Jakarta.", "menerima", "2025-08-05"),
]  # fmt: skip


def store_reports(path: Path) -> dict[str, int]:
    """A store holding the three reports; language -> the id of its meeting."""
    store = Store.open(str(path))
    try:
        with store.transaction() as conn:
            for number, (lang, text, _word, day) in enumerate(REPORTS):
                article = make_article(
                    text, lang, NAMES, published=day, article_id=f"{lang}{number}", path=f"{lang}.txt"
                )
                article = find_events(article, classifier=False)
                save_article(conn, article)
                merge_article_events(conn, article)
            found = list_events(conn, type="CONSULT", limit=10)
    finally:
        store.close()
    return {next(lang for lang, *_, day in REPORTS if day == e["date"]): e["id"] for e in found}


@pytest.fixture(scope="module")
def reports(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, int]]:
    path = tmp_path_factory.mktemp("spans") / "spans.db"
    return path, store_reports(path)


def _source(path: Path, event_id: int) -> EventSource:
    store = Store.open(str(path))
    try:
        with store.connect() as conn:
            event = event_view(conn, event_id)
    finally:
        store.close()
    assert event is not None and len(event.sources) == 1
    return event.sources[0]


@pytest.mark.parametrize(("lang", "text", "word", "day"), REPORTS)
def test_the_view_gives_the_span_the_rule_read(
    reports: tuple[Path, dict[str, int]], lang: str, text: str, word: str, day: str
) -> None:
    path, ids = reports
    source = _source(path, ids[lang])
    assert source.spans_from == RECORDED
    (trigger,) = [s for s in source.spans if s.kind == "trigger"]
    second = source.sentence.index(word, source.sentence.index(word) + 1)
    assert (trigger.start, trigger.end, trigger.text) == (second, second + len(word), word)
    marked = {(s.kind, s.text) for s in source.spans}
    assert {("source", "Bùi Thanh Sơn"), ("target", "Ghada Waly")} <= marked
    segments = evidence_segments(source.sentence, source.spans)
    assert "".join(part for part, _ in segments) == source.sentence
    before = "".join(part for part, _ in segments[: [k for _, k in segments].index("trigger")])
    assert len(before) == second  # the first occurrence is left unmarked


def test_the_cli_marks_the_same_span(reports: tuple[Path, dict[str, int]]) -> None:
    from newsloom.cli import SPAN_STYLES, evidence_text

    path, ids = reports
    source = _source(path, ids["vi"])
    text = evidence_text(source)
    assert text.plain == source.sentence
    (styled,) = [s for s in text.spans if s.style == SPAN_STYLES["trigger"]]
    assert text.plain[styled.start : styled.end] == "tiếp"
    assert styled.start == source.sentence.index("đã tiếp") + len("đã ")


def test_overlapping_spans_show_the_trigger_over_the_mode_and_actors() -> None:
    sentence = "Sơn held talks by phone with Waly."
    spans = [
        EvidenceWords(kind="mode", start=9, end=23, text="talks by phone"),
        EvidenceWords(kind="trigger", start=4, end=14, text="held talks"),
        EvidenceWords(kind="source", start=0, end=3, text="Sơn"),
        EvidenceWords(kind="someday", start=0, end=33, text=sentence),  # an unknown kind is not shown
    ]
    assert evidence_segments(sentence, spans) == [
        ("Sơn", "source"), (" ", None), ("held talks", "trigger"), (" by phone", "mode"), (" with Waly.", None),
    ]  # fmt: skip
    as_dicts = [s.model_dump() for s in spans]  # the pages read dumped models
    assert evidence_segments(sentence, as_dicts) == evidence_segments(sentence, spans)


def _old_store(path: Path, keep_articles: bool = True) -> dict[str, int]:
    """The reports' store as session 12 wrote it: no spans column, schema version 12."""
    ids = store_reports(path)
    engine = sa.create_engine(f"sqlite:///{path}")
    with engine.begin() as conn:
        conn.execute(sa.text("ALTER TABLE event_sources DROP COLUMN spans"))
        conn.execute(sa.delete(schema.schema_version).where(schema.schema_version.c.version >= 13))
        if not keep_articles:
            conn.execute(sa.delete(schema.articles))
    engine.dispose()
    return ids


@pytest.mark.sqlite_only("builds an older SQLite file by dropping a column")
def test_an_old_store_gets_its_triggers_from_their_offsets(tmp_path: Path) -> None:
    ids = _old_store(tmp_path / "old.db")
    source = _source(tmp_path / "old.db", ids["vi"])  # opening it runs migration 13
    assert source.spans_from == RECORDED
    at = source.sentence.index("đã tiếp") + len("đã ")
    assert [(s.kind, s.start, s.text) for s in source.spans] == [("trigger", at, "tiếp")]


@pytest.mark.sqlite_only("builds an older SQLite file by dropping a column")
def test_a_row_that_cannot_be_placed_marks_the_first_occurrence_and_says_so(tmp_path: Path) -> None:
    ids = _old_store(tmp_path / "old.db", keep_articles=False)  # no stored sentence to place it in
    source = _source(tmp_path / "old.db", ids["vi"])
    assert source.spans_from == SEARCHED
    assert [(s.kind, s.start, s.text) for s in source.spans] == [
        ("trigger", source.sentence.index("tiếp"), "tiếp")
    ]


def test_piped_cli_output_names_no_marks_it_cannot_show(reports: tuple[Path, dict[str, int]]) -> None:
    from typer.testing import CliRunner

    from newsloom.cli import app, console

    path, ids = reports
    shown = CliRunner().invoke(app, ["event", str(ids["vi"]), "--db", str(path)])
    assert shown.exit_code == 0, shown.output
    assert "tiếp" in shown.output
    assert ("marked:" in shown.output) == bool(console.color_system)
