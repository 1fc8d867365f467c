"""The "events" stage: PLOVER events per sentence, rolled up per article.

Trigger rules of the language packs run on every sentence; a language without triggers (or any
language, when ``NEWSLOOM_EVENT_EMBEDDINGS=1``) gets the multilingual embedding classifier too.
"""

from __future__ import annotations

import dataclasses
import os

from newsloom.article import Article
from newsloom.events.extract import extract_events
from newsloom.events.rollup import rollup
from newsloom.lang import load_part
from newsloom.pipeline import stage

#: Environment switch: also run the embedding classifier on languages that have trigger rules
#: (as a second opinion on confidence, and for sentences the rules miss). Off by default: slow.
EMBEDDINGS_ENV = "NEWSLOOM_EVENT_EMBEDDINGS"


def _embeddings_wanted(article: Article) -> bool:
    if os.environ.get(EMBEDDINGS_ENV, "") in ("1", "true", "yes"):
        return True
    languages = {s.language or article.language for s in article.sentences} or {article.language}
    return any(load_part(code, "events").use_embeddings for code in languages)


def find_events(article: Article, embeddings: bool | None = None) -> Article:
    """The article with ``events`` filled (sentence-level mentions, rolled up into groups)."""
    events = extract_events(article)
    if embeddings if embeddings is not None else _embeddings_wanted(article):
        from newsloom.events.embed import add_embedding_events

        events = add_embedding_events(article, events)
    events.sort(key=lambda e: (e.sentence, e.start))
    return dataclasses.replace(article, events=tuple(rollup(events)))


@stage("events", requires=("text", "language", "sentences", "entities", "times"), assigns=("events",))
def add_events(article: Article) -> Article:
    """Stage: PLOVER events with actors, date, place, evidence sentence and confidence."""
    return find_events(article)
