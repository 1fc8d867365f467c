"""bench/stories.py pools several story gold files as one corpus (the two blind sets: 308 articles)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bench.stories import read_golds


def write_gold(
    folder: Path, stories: dict[str, list[str]], lines: dict[str, list[str]] | None = None
) -> Path:
    folder.mkdir(parents=True)
    gold = {"stories": [{"id": s, "articles": a} for s, a in stories.items()]}
    if lines:
        gold["storylines"] = [{"id": line, "stories": s} for line, s in lines.items()]  # type: ignore[misc]
    path = folder / "stories.json"
    path.write_text(json.dumps(gold), encoding="utf-8")
    return path


def test_two_sets_pool_without_sharing_a_story_through_an_id_both_use(tmp_path: Path) -> None:
    first = write_gold(tmp_path / "march", {"s1": ["a.txt", "b.txt"]}, {"l1": ["s1"]})
    second = write_gold(tmp_path / "april", {"s1": ["c.txt"], "s2": ["d.txt"]})
    stories, lines = read_golds([first, second])
    assert len(stories) == 4
    by_article = {Path(k).name: v for k, v in stories.items()}
    assert by_article["a.txt"] == by_article["b.txt"] == {"march/s1"}
    assert by_article["c.txt"] == {"april/s1"}  # the same id in another month is another story
    assert lines == {"march/s1": "march/l1"}
    assert read_golds([first]) == (
        {k: {"s1"} for k in stories if Path(k).name in ("a.txt", "b.txt")},
        {"s1": "l1"},
    )


def test_an_article_in_two_pooled_sets_is_an_error(tmp_path: Path) -> None:
    first = write_gold(tmp_path / "march", {"s1": ["../shared/x.txt"]})
    second = write_gold(tmp_path / "april", {"s9": ["../shared/x.txt"]})
    with pytest.raises(SystemExit, match="in two of the pooled golds"):
        read_golds([first, second])


def test_another_join_model_is_used_by_both_clustering_steps_for_a_while(tmp_path: Path) -> None:
    from bench.stories import join_model_from
    from newsloom.stories import cluster, join, recluster

    shipped = join.join_model()
    other = join.JoinModel(tuple(0.0 for _ in join.FEATURES), -7.0, {"note": "test"})
    path = join.save_model(other, tmp_path / "model.json")
    with join_model_from(path):
        assert cluster.join_model().bias == recluster.join_model().bias == -7.0
    assert cluster.join_model() is recluster.join_model() is shipped
    with join_model_from(None):
        assert recluster.join_model() is shipped


def test_errors_name_the_stories_that_mix_gold_stories_and_the_gold_stories_split(
    capsys: pytest.CaptureFixture[str],
) -> None:
    from bench.stories import print_errors

    gold = {"a.txt": {"flood"}, "b.txt": {"flood"}, "c.txt": {"quake"}, "d.txt": {"quake"}}
    print_errors({"a.txt": {1}, "b.txt": {2}, "c.txt": {2}, "d.txt": {3}}, gold)
    out = capsys.readouterr().out
    assert "mixed story 2: b.txt [flood], c.txt [quake]" in out
    assert "split gold flood: 2 stories" in out and "split gold quake: 2 stories" in out
    print_errors({"a.txt": {1}, "b.txt": {1}, "c.txt": {2}, "d.txt": {2}}, gold)
    assert capsys.readouterr().out == ""
    # a roundup of both events in the story of each is neither a mix nor a split
    print_errors({"a.txt": {1}, "b.txt": {1}, "c.txt": {2}, "d.txt": {2}, "r.txt": {1, 2}},
                 {**gold, "r.txt": {"flood", "quake"}})  # fmt: skip
    assert capsys.readouterr().out == ""
    print_errors({"a.txt": {1}, "b.txt": {1}, "c.txt": {2}, "d.txt": {2}, "r.txt": {1}},
                 {**gold, "r.txt": {"flood", "quake"}})  # fmt: skip
    assert (
        capsys.readouterr().out == "    split gold quake: 2 stories\n"
    )  # the roundup not in the quake's story
