"""Corpus-level steps: run after an article's stages, inside its transaction, against the store.

Each step is ``func(conn, article) -> object``, imported here and listed in order in
:data:`CORPUS_STEPS`: a reader (and mypy) follows the whole flow from this one list. Steps look
candidates up through indexed blocking keys, never by scanning every stored row.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from newsloom.article import Article
from newsloom.corrections import replay_for_article
from newsloom.entities.linking import link_article
from newsloom.errors import NewsloomError
from newsloom.events.merge import date_from_story, merge_article_events
from newsloom.store import Connection
from newsloom.stories.storylines import cluster_and_thread


@dataclass(frozen=True)
class CorpusStep:
    name: str
    run: Callable[[Connection, Article], object]
    after_stage: str  # the per-article stage whose output it reads


#: In order: entities are linked before events are merged (events name canonical actors), stories
#: are clustered (and threaded into storylines) from the embeddings; events dated without a year
#: take it from the story their article joined.
CORPUS_STEPS: tuple[CorpusStep, ...] = (
    CorpusStep("link_entities", link_article, "entities"),
    CorpusStep("merge_events", merge_article_events, "events"),
    CorpusStep("cluster_stories", cluster_and_thread, "embed"),
    CorpusStep("date_from_story", date_from_story, "embed"),  # years of undated events, from the story
    # last: what people corrected is replayed over whatever this article touched (docs/corrections.md)
    CorpusStep("replay_corrections", replay_for_article, "language"),
)


def corpus_step(name: str) -> CorpusStep:
    """The step called ``name``; an unknown name is an error that lists the steps there are."""
    for step in CORPUS_STEPS:
        if step.name == name:
            return step
    known = ", ".join(step.name for step in CORPUS_STEPS)
    raise NewsloomError(f"No corpus step {name!r}. Steps: {known}.")


def run_corpus_steps(conn: Connection, article: Article) -> list[str]:
    """Run every step whose stage ran on ``article``, in order; return the names run."""
    done = []
    for step in CORPUS_STEPS:
        if step.after_stage in article.stages:
            step.run(conn, article)
            done.append(step.name)
    return done
