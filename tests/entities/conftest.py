"""Helpers for entity tests: build articles by hand, an in-memory entity store."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterator

import pytest
import sqlalchemy as sa

from newsloom.article import Article
from newsloom.entities.stage import find_mentions
from newsloom.sentences import split_sentences
from newsloom.store.migrations import m0002_entities


def make_article(
    text: str, language: str, published: str | None = None, id: str = "t1", path: str = "t"
) -> Article:
    """An article with sentences (all in ``language``) and entity mentions."""
    article = Article(id=id, path=path, text=text, language=language)
    if published:
        article = article.with_meta("published", published, "argument", 1.0)
    sentences = tuple(dataclasses.replace(s, language=language) for s in split_sentences(text, language))
    article = dataclasses.replace(article, sentences=sentences)
    return dataclasses.replace(article, entities=find_mentions(article))


@pytest.fixture
def article() -> Callable[..., Article]:
    return make_article


@pytest.fixture
def conn() -> Iterator[sa.Connection]:
    """A connection to a fresh in-memory store with the entity tables."""
    engine = sa.create_engine("sqlite://")
    with engine.begin() as connection:
        m0002_entities.upgrade(connection)
        yield connection
