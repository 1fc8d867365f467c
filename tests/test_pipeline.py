from __future__ import annotations

import dataclasses

import pytest

from newsloom.article import Article
from newsloom.errors import PipelineError
from newsloom.pipeline import Pipeline, registered_stages, stage


def test_unknown_stage_is_named_with_the_available_ones() -> None:
    with pytest.raises(PipelineError, match=r"No stage 'nope'.*Available stages: .*language"):
        Pipeline(["nope"])


def test_order_is_checked_when_the_pipeline_is_built() -> None:
    with pytest.raises(
        PipelineError, match=r"Stage 'sentences' needs 'language' \(set by stage 'language'\)"
    ):
        Pipeline(["sentences"])
    assert Pipeline(["language", "sentences"]).names == ("language", "sentences")


def test_a_stage_returning_something_else_fails_by_name() -> None:
    @stage("test_bad_stage", requires=("text",), assigns=())
    def bad(article: Article) -> Article:
        return "not an article"  # type: ignore[return-value]

    with pytest.raises(PipelineError, match="Stage 'test_bad_stage' returned str"):
        Pipeline(["test_bad_stage"])(Article(id="x", path="p", text="t"))


def test_stages_are_pure_and_recorded() -> None:
    original = Article(
        id="x", path="p", text="Chiều 21/10, Phó Thủ tướng tiếp đoàn đại biểu Liên hợp quốc tại Hà Nội."
    )
    result = Pipeline(["language", "sentences"])(original)
    assert original.language is None and original.sentences == ()  # the input is untouched
    assert result.language == "vi" and len(result.sentences) == 1
    assert result.stages == ("language", "sentences")


def test_process_pool_gives_the_same_result_as_a_loop() -> None:
    texts = [
        f"The minister met delegation number {i} in Hanoi on Tuesday. They signed a memorandum."
        for i in range(6)
    ]
    articles = [Article(id=str(i), path=str(i), text=t) for i, t in enumerate(texts)]
    pipeline = Pipeline(["language", "sentences"])
    serial = [dataclasses.astuple(a) for a in pipeline.pipe(articles)]
    pooled = [dataclasses.astuple(a) for a in pipeline.pipe(articles, processes=2, chunksize=2)]
    assert pooled == serial


def test_registered_stages_declare_what_they_set() -> None:
    stages = registered_stages()
    assert stages["language"].assigns == ("language",)
    assert "sentences" in stages["sentences"].assigns
