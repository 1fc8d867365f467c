from __future__ import annotations

import dataclasses
import time
from collections.abc import Iterator, Mapping, Sequence
from typing import Any

import pytest

from newsloom.article import Article
from newsloom.encoder import clear_process_caches
from newsloom.errors import PipelineError
from newsloom.ingest import read_path
from newsloom.pipeline import (
    DEFAULT_STAGES,
    Pipeline,
    StageFailure,
    batched,
    builtin_stages,
    registered_stages,
    stage,
)
from newsloom.settings import Settings
from tests.conftest import EXAMPLES, SEEDS
from tests.stories.helpers import FAKE, BagOfWordsEncoder, fake_encoder

__all__ = ["fake_encoder"]  # the fixture, imported for pytest

VIETNAMESE = "Chiều 21/10, Phó Thủ tướng tiếp đoàn đại biểu Liên hợp quốc tại Hà Nội."
FRENCH = "Le ministre a rencontré la délégation vietnamienne mardi à Paris pour parler du commerce."


def test_unknown_stage_is_named_with_the_available_ones() -> None:
    with pytest.raises(PipelineError, match=r"No stage 'nope'.*Available stages: .*language"):
        Pipeline(["nope"])


def test_every_default_stage_is_built_in_in_pipeline_order() -> None:
    assert tuple(info.name for info in builtin_stages()) == DEFAULT_STAGES
    assert Pipeline().names == DEFAULT_STAGES  # none is dropped for being missing


def test_order_is_checked_when_the_pipeline_is_built() -> None:
    with pytest.raises(
        PipelineError, match=r"Stage 'sentences' needs 'language' \(set by stage 'language'\)"
    ):
        Pipeline(["sentences"])
    assert Pipeline(["language", "sentences"]).names == ("language", "sentences")
    with pytest.raises(PipelineError, match=r"Stage 'embed' needs 'entities' \(set by stage 'entities'\)"):
        Pipeline(["language", "sentences", "embed"])


def test_a_stage_returning_something_else_fails_by_name() -> None:
    @stage("test_bad_stage", requires=("text",), assigns=())
    def bad(article: Article) -> Article:
        return "not an article"  # type: ignore[return-value]

    with pytest.raises(PipelineError, match="Stage 'test_bad_stage' returned str"):
        Pipeline(["test_bad_stage"])(Article(id="x", path="p", text="t"))


def test_stages_are_pure_and_recorded() -> None:
    original = Article(id="x", path="p", text=VIETNAMESE)
    result = Pipeline(["language", "sentences"])(original)
    assert original.language is None and original.sentences == ()  # the input is untouched
    assert result.language == "vi" and len(result.sentences) == 1
    assert result.stages == ("language", "sentences")


def test_stages_are_built_from_the_settings_given_not_the_environment(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("NEWSLOOM_LANGUAGES", "fr")
    narrow = Settings(languages=("en", "id"), language_min_confidence=0.0)  # no retry over every language
    article = Article(id="fr", path="p", text=FRENCH)
    assert Pipeline.from_settings(narrow, ["language"])(article).language in ("en", "id")
    assert Pipeline.from_settings(Settings(), ["language"])(article).language == "fr"


def test_a_class_stage_is_built_once_per_pipeline_from_its_settings() -> None:
    built: list[Settings] = []

    @stage("test_tagger", requires=("text",), assigns=("language",))
    class Tagger:
        def __init__(self, settings: Settings) -> None:
            built.append(settings)
            self.code = settings.languages[0]

        def __call__(self, article: Article) -> Article:
            return dataclasses.replace(article, language=self.code)

    pipeline = Pipeline.from_settings(Settings(languages=("tl",)), ["test_tagger"])
    done = list(pipeline.pipe([Article(id=str(i), path="p", text="x") for i in range(5)], batch_size=2))
    assert [a.language for a in done] == ["tl"] * 5
    assert len(built) == 1


def test_a_stage_reading_what_it_did_not_declare_is_caught() -> None:
    @stage("test_sneaky", requires=("text",), assigns=("events",))
    def sneaky(article: Article) -> Article:
        return dataclasses.replace(article, events=tuple(e for e in article.entities if e))  # type: ignore[misc]

    @stage("test_honest", requires=("text", "entities"), assigns=("events",))
    def honest(article: Article) -> Article:
        return dataclasses.replace(article, events=tuple(e for e in article.entities if e))  # type: ignore[misc]

    article = Article(id="x", path="p", text="t")
    with pytest.raises(PipelineError, match=r"Stage 'test_sneaky' reads Article.entities.*requires"):
        Pipeline(["test_sneaky"], Settings(), check_reads=True)(article)
    assert Pipeline(["test_sneaky"], Settings())(article).events == ()  # unchecked, it goes through
    with pytest.raises(PipelineError, match="Stage 'test_honest' needs 'entities'"):
        Pipeline(["test_honest"], Settings(), check_reads=True)


def gold_articles() -> list[Article]:
    found = [a for folder in (SEEDS, EXAMPLES) if folder.is_dir() for a in read_path(str(folder))]
    articles = [a for a in found if isinstance(a, Article)]
    if len(articles) < 5:
        pytest.skip("the bundled examples and ../shared/seeds are not beside the repository")
    return articles


def comparable(article: Article) -> tuple[Any, ...]:
    return (*dataclasses.astuple(article), article.embedding)


def test_every_stage_reads_only_what_it_declares(fake_encoder: BagOfWordsEncoder) -> None:
    articles = gold_articles()[:12]
    checked = Pipeline(None, Settings(encoder=FAKE), check_reads=True)
    plain = Pipeline(None, Settings(encoder=FAKE))
    assert [comparable(a) for a in checked.pipe(articles)] == [comparable(a) for a in plain.pipe(articles)]


def test_batches_give_the_same_articles_as_one_by_one(fake_encoder: BagOfWordsEncoder) -> None:
    articles = gold_articles()
    pipeline = Pipeline(None, Settings(encoder=FAKE))
    one_by_one = [pipeline(a) for a in articles]
    calls = len(fake_encoder.calls)
    batched_run = list(pipeline.pipe(articles, batch_size=len(articles)))
    assert [comparable(a) for a in batched_run] == [comparable(a) for a in one_by_one]
    assert all(a.embedding for a in batched_run)
    assert len(fake_encoder.calls) == calls  # the second pass found every passage in the stage's cache
    clear_process_caches()  # the stages' encoders share the process's cache: empty it, as a new process
    fresh = Pipeline(None, Settings(encoder=FAKE))
    before = len(fake_encoder.calls)
    assert [comparable(a) for a in fresh.pipe(articles, batch_size=len(articles))] == [
        comparable(a) for a in one_by_one
    ]
    assert len(fake_encoder.calls) == before + 1  # a new pipeline's encoder: one call for the batch


def test_process_pool_gives_the_same_result_as_a_loop() -> None:
    texts = [
        f"The minister met delegation number {i} in Hanoi on Tuesday. They signed a memorandum."
        for i in range(6)
    ]
    articles = [Article(id=str(i), path=str(i), text=t) for i, t in enumerate(texts)]
    pipeline = Pipeline(["language", "sentences"])
    serial = [dataclasses.astuple(a) for a in pipeline.pipe(articles)]
    pooled = [dataclasses.astuple(a) for a in pipeline.pipe(articles, processes=2, batch_size=2)]
    assert pooled == serial


def test_a_failing_article_is_kept_as_a_failure_and_the_batch_goes_on() -> None:
    @stage("test_picky", requires=("text",), assigns=())
    def picky(article: Article) -> Article:
        if "bad" in article.text:
            raise ValueError("cannot read this one")
        return article

    articles = [Article(id=str(i), path=f"p{i}", text=t) for i, t in enumerate(["good", "bad", "fine"])]
    results = list(Pipeline(["test_picky"]).pipe(articles, keep_failures=True))
    assert [type(r).__name__ for r in results] == ["Article", "StageFailure", "Article"]
    failure = results[1]
    assert (
        isinstance(failure, StageFailure) and failure.article.path == "p1" and failure.stage == "test_picky"
    )
    assert "cannot read this one" in failure.error
    with pytest.raises(ValueError, match="cannot read this one"):
        list(Pipeline(["test_picky"]).pipe(articles))


def test_a_stage_with_cache_keys_gets_what_the_runner_found() -> None:
    asked: list[tuple[str, list[str]]] = []

    @stage("test_cached", requires=("text",), assigns=("language",))
    class Cached:
        def __init__(self, _settings: Settings) -> None:
            pass

        def __call__(self, article: Article) -> Article:
            return self.pipe([article])[0]

        def cache_keys(self, articles: Sequence[Article]) -> list[str]:
            return [a.text for a in articles]

        def pipe(self, articles: Sequence[Article], known: Mapping[str, str] | None = None) -> list[Article]:
            return [dataclasses.replace(a, language=(known or {}).get(a.text, "computed")) for a in articles]

    def lookup(stage_name: str, keys: Sequence[str]) -> Mapping[str, str]:
        asked.append((stage_name, list(keys)))
        return {"stored": "xx"}

    articles = [Article(id=t, path=t, text=t) for t in ("stored", "new")]
    done = list(Pipeline(["test_cached"]).pipe(articles, lookup=lookup))
    assert [a.language for a in done] == ["xx", "computed"]
    assert asked == [("test_cached", ["stored", "new"])]  # one lookup for the batch


def slow_feed() -> Iterator[int]:
    yield 1
    yield 2
    time.sleep(2.0)  # a live feed going quiet
    yield 3


def test_a_batch_does_not_wait_for_a_quiet_feed() -> None:
    batches = [b for b in batched(slow_feed(), size=10, seconds=0.5) if b]
    assert batches == [[1, 2], [3]]
    assert list(batched(slow_feed(), size=10)) == [[1, 2, 3]]  # without a time bound: filled
    assert list(batched([1, 2, 3, 4, 5], size=2, seconds=0.2)) == [[1, 2], [3, 4], [5]]


def test_registered_stages_declare_what_they_set() -> None:
    stages = registered_stages()
    assert stages["language"].assigns == ("language",)
    assert "sentences" in stages["sentences"].assigns
    assert set(stages["embed"].requires) >= {"entities", "times", "events"}  # what the passages read


def test_a_registered_stage_still_runs_as_a_callable() -> None:
    """Callers written before stages were built from settings (``registered_stages()[name].func``)."""
    language = registered_stages()["language"].func
    assert language is registered_stages()["language"].func  # built once
    assert language(Article(id="x", path="p", text=VIETNAMESE)).language == "vi"
