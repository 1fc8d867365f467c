"""The runner: reading, what the store knows looked up before the stages, one pipe, storing."""

from __future__ import annotations

import dataclasses
import pickle
from pathlib import Path

import pytest

import newsloom.timex.stage as times_stage
from newsloom.article import Article
from newsloom.encoder import clear_process_caches
from newsloom.ingest import read_path
from newsloom.pipeline import Pipeline
from newsloom.runner import StoredVectors, process_paths
from newsloom.settings import Settings
from newsloom.store import Store
from tests.conftest import EXAMPLES
from tests.stories.helpers import FAKE, BagOfWordsEncoder, fake_encoder

__all__ = ["fake_encoder"]  # the fixture, imported for pytest


def _example_files(count: int) -> list[Path]:
    files = sorted((EXAMPLES / "text").glob("*.txt"))[:count]
    if len(files) < count:
        pytest.skip("the bundled examples are missing")
    return files


def test_stored_passage_vectors_are_not_embedded_again(
    tmp_path: Path, fake_encoder: BagOfWordsEncoder
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for file in _example_files(4):
        (folder / file.name).write_bytes(file.read_bytes())
    store = Store.open(str(tmp_path / "s.db"))
    first = process_paths([str(folder)], store, stages=None, corpus=True, processes=1)
    assert first.statuses["new"] == 4 and not first.errors
    assert fake_encoder.calls  # the first run embedded its passages
    fake_encoder.calls.clear()
    articles = [a for a in read_path(str(folder)) if isinstance(a, Article)]
    lookup = pickle.loads(pickle.dumps(StoredVectors(str(tmp_path / "s.db"))))  # as a worker gets it
    clear_process_caches()  # the stages' encoders share the process's cache: empty it, as a new process
    again = list(
        Pipeline(None, Settings(encoder=FAKE)).pipe(articles, lookup=lookup)
    )  # a fresh encoder cache
    assert fake_encoder.calls == []  # every passage came from the store
    clear_process_caches()
    computed = list(Pipeline(None, Settings(encoder=FAKE)).pipe(articles))  # embedded afresh
    assert fake_encoder.calls  # (this one did call the encoder)
    for found, fresh in zip(again, computed, strict=True):
        assert found.embedding is not None and fresh.embedding is not None
        assert found.embedding == pytest.approx(fresh.embedding, abs=1e-6)


def test_each_file_is_reported_once_and_a_failing_stage_is_an_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for i, file in enumerate(_example_files(5)):
        (folder / file.name).write_bytes(file.read_bytes())
        if i == 2:
            broken = file.name
    (folder / "empty.txt").write_text("")
    real = times_stage.resolve_times

    def fail_on_one(text: str, **options: object) -> object:
        if "broken" in text:
            raise RuntimeError("a bug in the rules")
        return real(text, **options)  # type: ignore[arg-type]

    (folder / broken).write_text(
        (folder / broken).read_text(encoding="utf-8") + "\nbroken\n", encoding="utf-8"
    )
    monkeypatch.setattr(times_stage, "resolve_times", fail_on_one)
    done: list[str] = []
    store = Store.open(str(tmp_path / "s.db"))
    report = process_paths(
        [str(folder)],
        store,
        stages=("language", "sentences", "times"),
        on_file=lambda path, _status: done.append(Path(path).name),
        settings=dataclasses.replace(Settings(), batch_size=2),
    )
    assert sorted(done) == sorted(p.name for p in folder.iterdir())  # every file once, whatever happened
    assert report.statuses["new"] == 4 and report.statuses["failed"] == 1
    assert any("stage 'times'" in str(e) and "a bug in the rules" in str(e) for e in report.errors)
    again = process_paths([str(folder)], store, stages=("language", "sentences", "times"))
    assert again.statuses["unchanged"] == 4  # the stored ones are not processed again
