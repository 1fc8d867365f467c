"""Quality gate for stories and storylines on the gold corpus (tests/gold/stories.json).

The pipeline runs once per session over the shared seeds then the bundled examples (see
``conftest.gold_run``). Scores, with floors in ``tests/gold/story_floors.json``:

- extended B-cubed of stories (``tests/stories/metrics.py``): a roundup counts in every gold story
  it reports, and in every system story it joined;
- roundup attachment: of the (roundup, gold story) pairs, the share where the roundup joined a
  system story whose members mostly belong to that gold story;
- cross-lingual stories: the share of gold stories whose main system story has reports in at
  least two languages (every gold story is reported in two or more);
- storyline purity and inverse purity over stories: each system story is labelled with its main
  gold story, whose gold storyline is compared with the system storyline.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Hashable
from pathlib import Path

import pytest
import sqlalchemy as sa

from newsloom.stories.queries import export_stories, list_stories
from tests.conftest import ROOT
from tests.stories.conftest import GoldRun
from tests.stories.metrics import bcubed, purity

GOLD = json.loads((ROOT / "tests" / "gold" / "stories.json").read_text(encoding="utf-8"))
FLOORS: dict[str, float] = json.loads(
    (ROOT / "tests" / "gold" / "story_floors.json").read_text(encoding="utf-8")
)

pytestmark = pytest.mark.slow


def gold_stories() -> dict[str, set[Hashable]]:
    found: dict[str, set[Hashable]] = {}
    for story in GOLD["stories"]:
        for path in story["articles"]:
            found.setdefault(path, set()).add(story["id"])
    return found


def gold_storyline() -> dict[str, str]:
    return {story: line["id"] for line in GOLD["storylines"] for story in line["stories"]}


def labels(run: GoldRun) -> dict[int, str]:
    """Each system story's main gold story: the one most of its members report."""
    gold = gold_stories()
    votes: dict[int, Counter[str]] = {}
    for path, story_ids in run.stories.items():
        for story_id in story_ids:
            votes.setdefault(story_id, Counter()).update(str(g) for g in gold.get(path, ()))
    return {sid: min(v, key=lambda g: (-v[g], g)) for sid, v in votes.items() if v}


@pytest.fixture(scope="module")
def scores(gold_run: GoldRun) -> dict[str, float]:
    gold = gold_stories()
    precision, recall, f1 = bcubed({p: set(s) for p, s in gold_run.stories.items()}, gold)
    label = labels(gold_run)
    pairs = [(path, g) for path, stories in gold.items() if len(stories) > 1 for g in stories]
    attached = sum(any(label.get(sid) == g for sid in gold_run.stories.get(path, ())) for path, g in pairs)
    languages: dict[int, set[str]] = {}
    for path, story_ids in gold_run.stories.items():
        for sid in story_ids:
            languages.setdefault(sid, set()).add(_language(path))
    main: dict[str, int] = {}
    for sid, g in sorted(label.items()):
        size = len(languages.get(sid, ()))
        if g not in main or size > len(languages.get(main[g], ())):
            main[g] = sid
    cross = sum(len(languages.get(sid, ())) >= 2 for sid in main.values()) / len(GOLD["stories"])
    line_of = gold_storyline()
    system_line = {sid: gold_run.storyline[sid] for sid in label}
    true_line = {sid: line_of[g] for sid, g in label.items()}
    result = {
        "bcubed_precision": precision,
        "bcubed_recall": recall,
        "bcubed_f1": f1,
        "roundup_attachment": attached / len(pairs),
        "cross_lingual_stories": cross,
        "storyline_purity": purity(system_line, true_line),
        "storyline_inverse_purity": purity(true_line, system_line),
    }
    print("\nstory gate:", json.dumps({k: round(v, 3) for k, v in result.items()}))
    return result


def _language(path: str) -> str:
    for item in GOLD_METADATA:
        if item["path"] == path:
            return str(item["language"])
    return "?"


GOLD_METADATA = [
    json.loads(line)
    for line in (ROOT / "tests" / "gold" / "metadata.jsonl").read_text(encoding="utf-8").splitlines()
    if line.strip()
]


def test_every_gold_article_was_processed_into_a_story(gold_run: GoldRun) -> None:
    assert not gold_run.report.errors
    missing = [path for path in gold_stories() if path not in gold_run.stories]
    assert missing == []


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_score_is_above_its_floor(scores: dict[str, float], name: str) -> None:
    assert scores[name] >= FLOORS[name], f"{name} = {scores[name]:.3f} < floor {FLOORS[name]}"


def test_the_four_event_roundup_joins_several_stories_without_merging_them(gold_run: GoldRun) -> None:
    seed = next(path for path in gold_stories() if path.startswith("../shared/seeds/002_"))
    joined = gold_run.stories[seed]
    assert len(joined) >= 3
    label = labels(gold_run)
    assert len({label.get(sid) for sid in joined}) == len(joined)  # each one a different gold story


def test_the_two_seed_reports_of_one_meeting_share_a_story(gold_run: GoldRun) -> None:
    seeds = sorted(
        p
        for p in gold_stories()
        if p.startswith("../shared/seeds/00") and not p.startswith("../shared/seeds/002")
    )
    assert len(seeds) == 2
    assert gold_run.stories[seeds[0]] & gold_run.stories[seeds[1]]


def test_stories_have_titles_dates_and_export_records(gold_run: GoldRun) -> None:
    with gold_run.store.connect() as conn:
        listed = list_stories(conn, limit=1000)
        records = list(export_stories(conn, "jsonl"))
    assert listed and all(s["title"] for s in listed)
    # a story has a date unless none of its reports has one (an undated crawl record alone in its story)
    undated = {r["id"] for r in records if not r["date"]}
    with gold_run.store.connect() as conn:
        dated = conn.execute(
            sa.text("SELECT DISTINCT story_id FROM story_members WHERE date IS NOT NULL AND date != ''")
        ).scalars()
        assert not undated & {int(d) for d in dated}
    assert {r["id"] for r in records} == {s["id"] for s in listed}
    paths = {Path(p).name for r in records for p in r["articles"]}
    assert "vi_07_diem_tin_tuan_cong_uoc_ha_noi.txt" in paths
