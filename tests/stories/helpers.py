"""Builders for the story tests: a bag-of-words stand-in encoder and hand-made articles.

The fake encoder hashes lower-cased words into 64 dimensions, so two texts sharing names and
words point the same way, whatever their language: enough to test the clustering logic without
loading a model.
"""

from __future__ import annotations

import dataclasses
import hashlib
import re
from collections.abc import Iterator, Sequence

import numpy as np
import pytest

import newsloom.encoder
from newsloom.article import Article
from newsloom.entities.types import Mention
from newsloom.sentences import split_sentences
from newsloom.stories import embed
from newsloom.stories.embed import normalise_rows, register_encoder
from newsloom.stories.stage import ENCODER_ENV, embed_articles
from newsloom.timex.types import TimeExpression

FAKE = "fake-bow"
Name = str | tuple[str, str]
_WORD = re.compile(r"\w+")


class BagOfWordsEncoder:
    """Hashed bag of words: deterministic, fast, similar for texts that share words."""

    name = FAKE
    dim = 64

    def __init__(self) -> None:
        self.calls: list[list[str]] = []

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        self.calls.append(list(texts))
        rows = np.zeros((len(texts), self.dim), dtype=np.float32)
        for i, text in enumerate(texts):
            for word in _WORD.findall(text.casefold()):
                digest = hashlib.blake2b(word.encode(), digest_size=4).digest()
                rows[i, int.from_bytes(digest, "little") % self.dim] += 1.0
        return normalise_rows(rows)


@pytest.fixture
def fake_encoder(monkeypatch: pytest.MonkeyPatch) -> Iterator[BagOfWordsEncoder]:
    """Make the stage and the clustering use the bag-of-words encoder (a fresh cache per test)."""
    monkeypatch.setattr(embed, "_FACTORIES", dict(embed._FACTORIES))
    monkeypatch.setattr(embed, "_INSTANCES", {})
    monkeypatch.setattr(newsloom.encoder, "_CACHES", {})  # the process's caches start empty
    inner = BagOfWordsEncoder()
    register_encoder(FAKE, lambda: inner)
    monkeypatch.setenv(ENCODER_ENV, FAKE)
    yield inner


def make_article(
    article_id: str,
    text: str,
    *,
    language: str = "en",
    published: str | None = None,
    title: str | None = None,
    persons: Sequence[Name] = (),
    organizations: Sequence[Name] = (),
    places: Sequence[Name] = (),
    times: Sequence[tuple[str, str]] = (),
) -> Article:
    """An article with sentences, a mention at every occurrence of each name and the given time
    expressions (phrase, value), without running the other stages. A name is a string, or
    (surface, canonical) for a short or foreign form of a name (its key is the canonical's)."""
    article = Article(
        id=article_id,
        path=f"mem/{article_id}.txt",
        text=text,
        language=language,
        sentences=tuple(split_sentences(text, language)),
    )
    if published:
        article = article.with_meta("published", published, "header", 1.0)
    if title:
        article = article.with_meta("title", title, "header", 1.0)
    mentions = []
    for kind, names, prefix in (
        ("person", persons, "person"),
        ("organization", organizations, "org"),
        ("place", places, "place"),
    ):
        for name in names:
            surface, canonical = (name, name) if isinstance(name, str) else name
            for match in re.finditer(re.escape(surface), text):
                if any(m.start <= match.start() < m.end for m in mentions):
                    continue  # "Sato" inside "Kenji Sato"
                mentions.append(
                    Mention(match.start(), match.end(), surface, kind, key=f"{prefix}:{canonical.casefold()}",
                            canonical=canonical)
                )  # fmt: skip
    expressions = []
    for phrase, value in times:
        for match in re.finditer(re.escape(phrase), text):
            precision = "part_of_day" if "T" in value else "day"
            expressions.append(
                TimeExpression(match.start(), match.end(), phrase, value, precision, "published")
            )
    return dataclasses.replace(
        article,
        entities=tuple(sorted(mentions, key=lambda m: m.start)),
        times=tuple(sorted(expressions, key=lambda t: t.start)),
        stages=("language", "sentences", "entities", "times"),
    )


def with_meeting(article: Article, day: str, trigger: str = "received", date_source: str = "time") -> Article:
    """``article`` with the meeting the events stage reads in "X received Y" (CONSULT, the first
    person named the source, the second the target, dated ``day`` by a time expression): what
    ``newsloom.events`` gives for such a sentence."""
    from newsloom.events.types import Event

    people = [m.key for m in article.entities if m.type == "person" and m.key]
    start = article.text.index(trigger)
    event = Event("CONSULT", 0, article.sentences[0].text, start, start + len(trigger), trigger,
                  source=tuple(people[:1]), target=tuple(people[1:2]), date=day, date_source=date_source,
                  group=0)  # fmt: skip
    return dataclasses.replace(article, events=(event,), stages=(*article.stages, "events"))


def embedded(*articles: Article) -> list[Article]:
    """The articles after the embed stage (with whichever encoder is active)."""
    return [dataclasses.replace(a, stages=(*a.stages, "embed")) for a in embed_articles(articles)]
