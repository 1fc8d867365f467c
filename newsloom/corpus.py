"""Corpus-level steps: run after an article's stages, inside its transaction, against the store.

Each step is ``func(conn, article) -> object`` found lazily by module path, so a domain that is
not installed (or not written yet) is simply absent. Steps look candidates up through indexed
blocking keys, never by scanning every stored row.
"""

from __future__ import annotations

import importlib
import importlib.util
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import Any

import sqlalchemy as sa

from newsloom.article import Article


@dataclass(frozen=True)
class CorpusStep:
    name: str
    module: str
    function: str
    after_stage: str  # the per-article stage whose output it reads


#: In order: entities are linked before events are merged (events name canonical actors).
CORPUS_STEPS = (
    CorpusStep("link_entities", "newsloom.entities.linking", "link_article", "entities"),
    CorpusStep("merge_events", "newsloom.events.merge", "merge_article_events", "events"),
    CorpusStep("cluster_stories", "newsloom.stories.cluster", "cluster_article", "embed"),
)


@cache
def available_steps() -> tuple[tuple[CorpusStep, Callable[[sa.Connection, Article], Any]], ...]:
    found = []
    for step in CORPUS_STEPS:
        try:
            if importlib.util.find_spec(step.module) is None:
                continue
        except ModuleNotFoundError:
            continue
        func = getattr(importlib.import_module(step.module), step.function, None)
        if func is not None:
            found.append((step, func))
    return tuple(found)


def run_corpus_steps(conn: sa.Connection, article: Article) -> list[str]:
    """Run every available step whose stage ran on ``article``; return the names run."""
    done = []
    for step, func in available_steps():
        if step.after_stage in article.stages:
            func(conn, article)
            done.append(step.name)
    return done
