"""`--processes N`: files read, checked and processed in the workers give what one process gives."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

import newsloom.runner as runner
from newsloom.article import Article
from newsloom.pipeline import Pipeline
from newsloom.runner import process_paths
from newsloom.store import Store
from newsloom.store.schema import article_paths, articles, simhash_bands
from tests.conftest import EXAMPLES


def _inputs(folder: Path) -> Path:
    """Every bundled example (text, HTML, feeds, JSONL), a copy under another name, a near-duplicate,
    an empty file and a binary one."""
    if not (EXAMPLES / "text").is_dir():
        pytest.skip("the bundled examples are missing")
    for kind in ("text", "html", "feeds", "jsonl"):
        shutil.copytree(EXAMPLES / kind, folder / kind)
    first = sorted((EXAMPLES / "text").glob("*.txt"))[0]
    shutil.copyfile(first, folder / "copy_of_first.txt")
    near = first.read_text(encoding="utf-8").replace(" the ", " a ", 1)
    (folder / "near_first.txt").write_text(near, encoding="utf-8")
    (folder / "empty.txt").write_text("", encoding="utf-8")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 4)
    return folder


def _rows(db: Path) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of the article tables (the ingest time aside: it is when, not what)."""
    store = Store.open(str(db))
    try:
        with store.connect() as conn:
            kept = [c for c in articles.c if c.name != "ingested_at"]
            return {
                "articles": sorted(tuple(r) for r in conn.execute(sa.select(*kept))),
                "paths": sorted(tuple(r) for r in conn.execute(sa.select(article_paths))),
                "bands": sorted(tuple(r) for r in conn.execute(sa.select(simhash_bands))),
            }
    finally:
        store.close()


def _ingest(folder: Path, db: Path, processes: int, **options: Any) -> runner.RunReport:
    store = Store.open(str(db))
    try:
        return process_paths([str(folder)], store, processes=processes, **options)
    finally:
        store.close()


def _summary(report: runner.RunReport) -> tuple[object, ...]:
    return (
        report.files,
        dict(report.statuses),
        dict(report.languages),
        sorted(str(e) for e in report.errors),
    )


def test_two_processes_store_what_one_stores_and_a_rerun_changes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = _inputs(tmp_path / "in")
    monkeypatch.setattr(runner, "FILES_PER_TASK", 3)  # many tasks: their order must not matter
    one = _ingest(folder, tmp_path / "one.db", 1)
    two = _ingest(folder, tmp_path / "two.db", 2)
    assert one.statuses["new"] >= 10 and one.statuses["duplicate"] >= 1  # the near-duplicate
    assert len(one.errors) == 2  # the empty and the binary file
    assert _summary(two) == _summary(one)
    assert _rows(tmp_path / "two.db") == _rows(tmp_path / "one.db")

    again = _ingest(folder, tmp_path / "two.db", 2)  # decided in the workers: every article is stored
    assert set(again.statuses) == {"unchanged"} and again.statuses["unchanged"] == one.articles
    assert _rows(tmp_path / "two.db") == _rows(tmp_path / "one.db")


def test_the_name_an_input_is_shown_as_reaches_the_store_from_a_worker(tmp_path: Path) -> None:
    folder = _inputs(tmp_path / "in")
    jsonl = str(next((folder / "jsonl").glob("*.jsonl")))
    shown = {jsonl: "upload:crawl.jsonl"}
    one = _ingest(folder, tmp_path / "one.db", 1, shown_as=shown)
    two = _ingest(folder, tmp_path / "two.db", 2, shown_as=shown)
    assert _summary(two) == _summary(one)
    paths = [row[0] for row in _rows(tmp_path / "two.db")["paths"]]
    assert any(p.startswith("upload:crawl.jsonl#") for p in paths)
    assert not any(p.startswith(jsonl) for p in paths)


def test_the_workers_only_send_back_what_storing_needs(tmp_path: Path) -> None:
    folder = _inputs(tmp_path / "in")
    captured: list[Pipeline] = []
    original = Pipeline.pool_map

    def spying(self: Pipeline, *args: Any, **kwargs: Any) -> Any:
        captured.append(self)
        return original(self, *args, **kwargs)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(Pipeline, "pool_map", spying)
        report = _ingest(folder, tmp_path / "two.db", 2)
    (pipeline,) = captured
    stats = pipeline.pool_stats
    assert stats is not None and stats.processes == 2 and stats.encoder_threads >= 1
    assert stats.tasks == -(-report.files // runner.FILES_PER_TASK)
    # the main process sends file names, not articles: a few hundred bytes a task
    assert stats.bytes_sent < 2_000 * stats.tasks
    assert stats.bytes_received > sum(len(p.read_bytes()) for p in folder.rglob("*.txt")) // 4
    assert stats.worker_cpu > 0 and stats.worker_start_cpu > 0


def test_a_pool_run_counts_its_bytes_and_worker_time() -> None:
    texts = [f"The minister met delegation number {i} in Hanoi on Tuesday." for i in range(6)]
    pipeline = Pipeline(["language", "sentences"])
    done = list(pipeline.pipe([Article(id=str(i), path=str(i), text=t) for i, t in enumerate(texts)],
                              processes=2, batch_size=2))  # fmt: skip
    assert [a.id for a in done] == [str(i) for i in range(6)]
    stats = pipeline.pool_stats
    assert stats is not None and stats.tasks == 3
    assert stats.bytes_sent > 0 and stats.bytes_received > stats.bytes_sent  # sentences came back
    assert stats.worker_idle >= 0 and stats.worker_cpu > 0


def test_a_worker_runs_a_large_file_through_the_stages_in_batches(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from newsloom.runner import FileTask, Prepared, read_and_process
    from newsloom.settings import Settings

    lines = [
        f'{{"title": "Report {i}", "text": "The minister met delegation {i} in Hanoi on Tuesday. '
        f'They signed memorandum {i}."}}'
        for i in range(7)
    ]
    (tmp_path / "crawl.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    db = tmp_path / "s.db"
    Store.open(str(db)).close()
    pipeline = Pipeline(["language"], Settings(batch_size=3))
    sizes: list[int] = []
    run_batch = pipeline.run_batch

    def counted(batch: list[Article], **options: Any) -> Any:
        sizes.append(len(batch))
        return run_batch(batch, **options)

    monkeypatch.setattr(pipeline, "run_batch", counted)
    task = FileTask((str(tmp_path / "crawl.jsonl"),), 2**20, str(db), {}, None)
    ((file, outcomes),) = read_and_process(pipeline, task)
    assert sizes == [3, 3, 1]
    assert len(outcomes) == 7 and all(isinstance(p, Prepared) for _, p in outcomes)
    assert [a.path for a, _ in outcomes] == [f"{file}#{i + 1}" for i in range(7)]
