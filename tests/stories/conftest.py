"""The gold run: every bundled example and shared seed through the whole pipeline, once a session."""

from __future__ import annotations

import os
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import pytest
import sqlalchemy as sa

from newsloom.runner import RunReport, process_paths
from newsloom.store import Store
from tests.conftest import EXAMPLES, ROOT, SEEDS


@dataclass
class GoldRun:
    """What the pipeline made of the gold corpus: memberships by path (relative to the repo root)."""

    store: Store
    report: RunReport
    stories: dict[str, set[int]] = field(default_factory=dict)  # article path -> story ids
    storyline: dict[int, int] = field(default_factory=dict)  # story id -> storyline id
    segments: dict[str, int] = field(default_factory=dict)  # article path -> roundup segments joined


@pytest.fixture(scope="session")
def gold_run(tmp_path_factory: pytest.TempPathFactory) -> GoldRun:
    """Seeds then examples, all stages and corpus steps, into a temporary store (nothing cached)."""
    if not SEEDS.is_dir():
        pytest.skip("../shared/seeds is not beside the repository")
    os.environ.pop("NEWSLOOM_ENCODER", None)  # the packaged model, whatever the shell says
    store = Store.open(str(tmp_path_factory.mktemp("gold-stories") / "stories.db"))
    report = process_paths([str(SEEDS), str(EXAMPLES)], store, stages=None, corpus=True)
    run = GoldRun(store, report)
    with store.connect() as conn:
        rows = conn.execute(
            sa.text(
                "SELECT a.path, m.story_id, m.segment, s.storyline_id FROM story_members m "
                "JOIN articles a ON a.id = m.article_id JOIN stories s ON s.id = m.story_id"
            )
        )
        segments: dict[str, int] = defaultdict(int)
        for path, story_id, segment, storyline_id in rows:
            key = os.path.relpath(path, ROOT)
            run.stories.setdefault(key, set()).add(int(story_id))
            run.storyline[int(story_id)] = int(storyline_id)
            segments[key] += segment >= 0
        run.segments = dict(segments)
    return run


def relative(path: Path) -> str:
    return os.path.relpath(path, ROOT)
