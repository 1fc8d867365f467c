"""The story vector built from the title's and the sentences' vectors (``story_from_sentences``):
the mean of what the events stage encoded already, the rest encoded in one call."""

from __future__ import annotations

import numpy as np

from newsloom.article import Article
from newsloom.settings import Settings
from newsloom.stories.embed import make_encoder
from newsloom.stories.stage import EmbedStage, article_passage, passage_parts, passages
from tests.stories.helpers import FAKE, BagOfWordsEncoder, fake_encoder, make_article

__all__ = ["fake_encoder"]  # the fixture, imported for pytest

TEXT = (
    "Police dispersed the protesters in the capital on Friday. "
    "Hundreds had gathered outside the parliament since the morning. "
    "The interior minister called for calm in a statement read on television."
)


def _article() -> Article:
    return make_article("protest", TEXT, title="Police disperse protest in capital")


def test_the_parts_are_what_the_passage_is_made_of() -> None:
    article = _article()
    (parts,) = passage_parts(article)
    assert parts[0] == "Police disperse protest in capital"
    assert parts[1:] == [s.text for s in article.sentences[:2]]  # the lead; the third is past the cut
    assert article_passage(article) == "\n".join(parts)


def test_the_vector_is_the_normalised_mean_of_the_parts(fake_encoder: BagOfWordsEncoder) -> None:
    article = _article()
    done = EmbedStage(Settings(encoder=FAKE, story_from_sentences=True))(article)
    (parts,) = passage_parts(article)
    rows = fake_encoder.encode(parts)
    mean = rows.mean(axis=0)
    assert done.embedding is not None
    assert np.allclose(done.embedding, mean / np.linalg.norm(mean), atol=1e-6)
    whole = EmbedStage(Settings(encoder=FAKE))(article)
    assert whole.embedding is not None and not np.allclose(whole.embedding, done.embedding)


def test_sentences_encoded_already_are_not_encoded_again(fake_encoder: BagOfWordsEncoder) -> None:
    article = _article()
    make_encoder(FAKE).encode([s.text for s in article.sentences])  # as the events stage does
    calls = len(fake_encoder.calls)
    EmbedStage(Settings(encoder=FAKE, story_from_sentences=True))(article)
    assert fake_encoder.calls[calls:] == [["Police disperse protest in capital"]]  # the title alone


def test_a_batch_gives_what_one_by_one_gives_and_stored_vectors_are_used(
    fake_encoder: BagOfWordsEncoder,
) -> None:
    articles = [_article(), make_article("short", "The talks resumed in Geneva on Monday.")]
    stage = EmbedStage(Settings(encoder=FAKE, story_from_sentences=True))
    together = stage.pipe(articles)
    assert [a.embedding for a in together] == [stage(a).embedding for a in articles]
    keys = stage.cache_keys(articles)
    assert len(keys) == sum(len(passages(a)) for a in articles)  # the keys stay the passages'
    calls = len(fake_encoder.calls)
    known = {k: np.full(fake_encoder.dim, 0.5, dtype=np.float32) for k in keys}
    again = stage.pipe(articles, known=known)
    assert len(fake_encoder.calls) == calls and again[0].embedding == (0.5,) * fake_encoder.dim
