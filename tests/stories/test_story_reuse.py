"""The story vector reads no sentence twice (``story_reuse``, issue #18): a passage holding a
sentence the events stage encoded (an event the classifier read) is built from that sentence's
vector and the rest of the passage encoded as one text; any other passage is encoded whole. Off by
default (session 17: the events' marks find too few of the sentences the events stage encoded)."""

from __future__ import annotations

import dataclasses

import numpy as np

from newsloom.article import Article
from newsloom.events.types import Event
from newsloom.settings import Settings
from newsloom.stories.embed import make_encoder
from newsloom.stories.stage import EmbedStage, article_passage, passage_units, passages
from tests.stories.helpers import FAKE, BagOfWordsEncoder, fake_encoder, make_article

__all__ = ["fake_encoder"]  # the fixture, imported for pytest

TITLE = "Police disperse protest in capital"
TEXT = (
    "Police dispersed the protesters in the capital on Friday. "
    "Hundreds had gathered outside the parliament since the morning. "
    "The interior minister called for calm in a statement read on television."
)


def _article(classifier: str | None = None, sentence: int = 0) -> Article:
    article = make_article("protest", TEXT, title=TITLE)
    if classifier is None:
        return article
    read = article.sentences[sentence]
    event = Event(type="PROTEST", sentence=sentence, evidence=read.text, start=read.start,
                  end=read.start + 6, trigger=read.text[:6], classifier=classifier)  # fmt: skip
    return dataclasses.replace(article, events=(event,))


def test_a_passage_without_a_sentence_the_classifier_read_is_encoded_whole() -> None:
    for article in (_article(), _article("rules")):
        assert passage_units(article) == [[article_passage(article)]]


def test_a_sentence_the_classifier_read_is_its_own_unit_and_the_rest_one_text() -> None:
    article = _article("model", sentence=1)
    (units,) = passage_units(article)
    first, second = article.sentences[0].text, article.sentences[1].text
    assert units == [f"{TITLE}\n{first}", second]
    assert passage_units(_article("rules+model", sentence=1)) == [units]


def test_the_vector_is_the_units_mean_by_characters(fake_encoder: BagOfWordsEncoder) -> None:
    article = _article("model")
    (units,) = passage_units(article)
    rows = fake_encoder.encode(units)
    mean = np.average(rows, axis=0, weights=[len(u) for u in units])
    done = EmbedStage(Settings(encoder=FAKE, story_reuse=True))(article)
    assert done.embedding is not None
    assert np.allclose(done.embedding, mean / np.linalg.norm(mean), atol=1e-6)
    whole = EmbedStage(Settings(encoder=FAKE, story_reuse=False))(article)
    assert whole.embedding is not None and not np.allclose(whole.embedding, done.embedding)
    plain = _article()  # no sentence read: the same vector either way
    assert EmbedStage(Settings(encoder=FAKE, story_reuse=True))(plain).embedding == (
        EmbedStage(Settings(encoder=FAKE, story_reuse=False))(plain).embedding
    )


def test_the_sentence_the_events_stage_encoded_is_not_encoded_again(fake_encoder: BagOfWordsEncoder) -> None:
    article = _article("model")
    make_encoder(FAKE).encode([article.sentences[0].text])  # as the events stage does
    calls = len(fake_encoder.calls)
    EmbedStage(Settings(encoder=FAKE, story_reuse=True))(article)
    assert fake_encoder.calls[calls:] == [[f"{TITLE}\n{article.sentences[1].text}"]]


def test_a_batch_gives_what_one_by_one_gives_and_the_keys_stay_the_passages(
    fake_encoder: BagOfWordsEncoder,
) -> None:
    articles = [_article("model"), make_article("short", "The talks resumed in Geneva on Monday.")]
    stage = EmbedStage(Settings(encoder=FAKE, story_reuse=True))
    together = stage.pipe(articles)
    assert [a.embedding for a in together] == [stage(a).embedding for a in articles]
    assert stage.cache_keys(articles) == EmbedStage(Settings(encoder=FAKE, story_reuse=False)).cache_keys(
        articles
    )
    assert len(stage.cache_keys(articles)) == sum(len(passages(a)) for a in articles)


def test_off_by_default_the_passage_is_encoded_whole(fake_encoder: BagOfWordsEncoder) -> None:
    article = _article("model")
    done = EmbedStage(Settings(encoder=FAKE))(article)
    assert done.embedding == tuple(float(x) for x in fake_encoder.encode([article_passage(article)])[0])
