"""The corpus steps for a batch of stored articles (``newsloom run --corpus batch``), through their
blocking keys instead of one article at a time against everything stored before it.

1. **Entities and events, by component.** Each article's blocking keys (``scale.blocks``) are
   grouped by key (in Spark: a ``groupByKey`` on the executors) and the articles that share a key
   are joined by union-find: two components can never read or write each other's entities or events.
   Each component is then resolved on its own, in input order, with the incremental decision
   functions (``entities.linking.link_article``, ``events.merge.merge_article_events``), in its own
   transaction: a bad component is reported and the others go on.
2. **Stories, by date window.** Every story unit of the batch (``stories.cluster.article_units``,
   centred by its language's mean over the whole store) is put in a date block: blocks are cut where
   two consecutive dates are further apart than a story may span (``stories.join.too_far``), so no
   story is cut. Each block is clustered at once by the re-clustering's average linkage over the join
   model's probabilities (``stories.recluster``), which is what the incremental run ends with on its
   window of newest stories; the stories are then threaded into storylines.
   When the store held stories before the run, the newest window of stories is then clustered
   again with the new ones (``stories.recluster.recluster_recent``), so a new unit can join a story
   an earlier run stored.
3. Then, in input order: events dated without a year take it from their story, and the corrections
   people made are replayed (as the incremental steps do last).

Articles that already have stories keep them (as in the incremental step). A second run over the same
input stores nothing new (every article is ``unchanged``), so it changes nothing.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import numpy as np

from newsloom.article import Article
from newsloom.corrections import replay_for_article, replay_stories
from newsloom.entities.linking import link_article
from newsloom.errors import InputError
from newsloom.events.merge import date_from_story, merge_article_events
from newsloom.scale.blocks import article_keys, components, components_from_blocks, date_blocks
from newsloom.store import Connection, Store
from newsloom.store import stories as story_rows
from newsloom.stories.cluster import add_unit_to_story, article_units
from newsloom.stories.embed import content_key, get_encoder
from newsloom.stories.recluster import (
    MAX_UNITS,
    WindowUnit,
    centre,
    mean_probability,
    pair_distances,
    partition,
    recluster_recent,
)
from newsloom.stories.stage import encoder_name
from newsloom.stories.storylines import assign_storyline

#: Spark's way of finding the components (None: in this process).
Blocker = Callable[[list[set[str]]], list[list[int]]]
#: One date block's pair distances (condensed) and its average-linkage clusters (unit indexes).
Clustered = tuple[np.ndarray, list[list[int]]]
#: How the date blocks are clustered: here one after the other, or on Spark's executors.
Clusterer = Callable[[list[list[WindowUnit]]], list[Clustered]]


@dataclass
class BatchReport:
    """What a batch pass did, and how the work split (the largest component bounds the parallelism)."""

    articles: int = 0
    components: int = 0
    largest_component: int = 0
    story_blocks: int = 0
    largest_block: int = 0
    stories: int = 0
    joined_stored: bool = False  # the store held stories before: the newest were clustered again with these
    seconds: dict[str, float] = field(default_factory=dict)
    errors: list[InputError] = field(default_factory=list)


def run_batch_corpus(
    store: Store,
    articles: Sequence[Article],
    *,
    blocker: Blocker | None = None,
    clusterer: Clusterer | None = None,
    max_units: int = MAX_UNITS,
) -> BatchReport:
    """The corpus steps for ``articles`` (stored already, in input order), by blocks (see module)."""
    report = BatchReport(articles=len(articles))
    if not articles:
        return report
    started = time.perf_counter()
    keys = [article_keys(a) for a in articles]
    parts = blocker(keys) if blocker is not None else components(keys)
    report.components, report.largest_component = len(parts), max(len(p) for p in parts)
    failed: set[str] = set()
    for part in parts:
        members = [articles[i] for i in part]
        if not _in_transaction(store, report, members, _link_and_merge):
            failed.update(a.id for a in members)
    report.seconds["entities+events"] = time.perf_counter() - started
    started = time.perf_counter()
    kept = [a for a in articles if a.id not in failed]
    cluster = clusterer or cluster_blocks
    _in_transaction(
        store, report, kept, lambda conn, batch: _stories(conn, batch, report, max_units, cluster)
    )
    report.seconds["stories"] = time.perf_counter() - started
    started = time.perf_counter()
    _in_transaction(store, report, kept, _after_stories)
    report.seconds["years+corrections"] = time.perf_counter() - started
    return report


def _in_transaction(
    store: Store,
    report: BatchReport,
    articles: Sequence[Article],
    work: Callable[[Connection, Sequence[Article]], object],
) -> bool:
    """``work`` in one transaction; a failure rolls it back whole and is reported for its articles."""
    try:
        with store.transaction() as conn:
            work(conn, articles)
    except Exception as exc:  # a bug in a corpus step: this block only
        problem = f"batch corpus steps failed ({type(exc).__name__}: {exc}); nothing of this block was kept"
        for article in articles:
            report.errors.append(InputError(article.path, problem, "Please report this as a bug."))
        return False
    return True


def _link_and_merge(conn: Connection, articles: Sequence[Article]) -> None:
    """One component, in input order, as the incremental steps interleave them."""
    for article in articles:
        if "entities" in article.stages:
            link_article(conn, article)
        if "events" in article.stages:
            merge_article_events(conn, article)


def _stories(
    conn: Connection, articles: Sequence[Article], report: BatchReport, max_units: int, cluster: Clusterer
) -> None:
    """Every unit of the batch, clustered by date block (see module)."""
    encoder = encoder_name()
    report.joined_stored = bool(story_rows.newest_story_ids(conn, 1))
    units: list[WindowUnit] = []
    for article in articles:
        if "embed" not in article.stages or not article.embedding:
            continue
        if story_rows.stories_of_article(conn, article.id):
            continue  # clustered before: its memberships stand
        found = article_units(conn, article, get_encoder(encoder).dim)
        if not found:
            continue
        story_rows.put_embeddings(conn, encoder, {content_key(encoder, u.passage): u.vector for u in found})
        raw = np.vstack([u.vector for u in found]).astype(np.float64)
        language = article.language or "und"
        story_rows.add_to_means(
            conn, encoder, {language: (len(found), raw.sum(0)), "*": (len(found), raw.sum(0))}
        )
        units.extend(WindowUnit(article, unit, None) for unit in found)
    centre(conn, units)  # every unit by the store's final means, as the re-clustering does
    blocks = with_undated(units, *date_blocks([u.unit.date for u in units], max_units))
    report.story_blocks = len(blocks)
    report.largest_block = max((len(b) for b in blocks), default=0)
    made: list[int] = []
    grouped = [[units[i] for i in block] for block in blocks]
    for block_units, (distances, clusters) in zip(grouped, cluster(grouped), strict=True):
        made.extend(_write_block(conn, block_units, distances, clusters, encoder))
    report.stories += len(made)
    for story_id in made:
        assign_storyline(conn, story_id)
    if report.joined_stored and made:
        # stories of earlier runs: the newest window clustered again with this run's, so a unit
        # can join a story stored before (the blocks above hold this run's units only)
        recluster_recent(conn)


def with_undated(units: list[WindowUnit], blocks: list[list[int]], undated: list[int]) -> list[list[int]]:
    """Each unit without a full date put in the block of the dated unit its (centred) vector is closest
    to: an undated unit may join a story of any date, and it can join only one block's."""
    if not blocks:
        return [undated] if undated else []
    dated = [i for block in blocks for i in block]
    home = {i: b for b, block in enumerate(blocks) for i in block}
    vectors = np.vstack([units[i].unit.centred for i in dated])
    for index in undated:
        nearest = dated[int(np.argmax(vectors @ units[index].unit.centred))]
        blocks[home[nearest]].append(index)
    return blocks


def cluster_block(units: list[WindowUnit]) -> Clustered:
    """Average linkage over one date block (pure: runs on an executor as well as here)."""
    distances = pair_distances(units)
    return distances, partition(distances, len(units))


def cluster_blocks(blocks: list[list[WindowUnit]]) -> list[Clustered]:
    return [cluster_block(units) for units in blocks]


def _write_block(
    conn: Connection, units: list[WindowUnit], distances: np.ndarray, clusters: list[list[int]], encoder: str
) -> list[int]:
    """Each cluster of one block becomes a story. Returns the new story ids."""
    made: list[int] = []
    for cluster in clusters:
        target: int | None = None
        for index in cluster:
            row = story_rows.load_stories(conn, [target]).get(target) if target is not None else None
            score = mean_probability(distances, len(units), cluster, index)
            item = units[index]
            target = add_unit_to_story(conn, item.article, item.unit, encoder, row, score, "batch")
        if target is not None:
            made.append(target)
    return made


def _after_stories(conn: Connection, articles: Sequence[Article]) -> None:
    for article in articles:
        if "embed" in article.stages:
            date_from_story(conn, article)
    for article in articles:
        replay_for_article(conn, article)
    replay_stories(conn)


def spark_blocker(master: str) -> Blocker:
    """Components found on Spark: (key, article) pairs grouped by key on the executors, the blocks of
    more than one article collected, and union-find over them on the driver."""

    def find(keys: list[set[str]]) -> list[list[int]]:
        from newsloom.scale.spark import spark_session

        session = spark_session(master)
        pairs = session.sparkContext.parallelize(
            [(key, index) for index, held in enumerate(keys) for key in held], numSlices=4
        )
        blocks = (
            pairs.groupByKey()
            .map(lambda item: sorted(item[1]))
            .filter(lambda block: len(block) > 1)
            .collect()
        )
        return components_from_blocks(len(keys), blocks)

    return find


def spark_clusterer(master: str) -> Clusterer:
    """The date blocks clustered on Spark's executors, one task per block."""

    def run(blocks: list[list[WindowUnit]]) -> list[Clustered]:
        if len(blocks) < 2:
            return cluster_blocks(blocks)
        from newsloom.scale.spark import spark_session

        context = spark_session(master).sparkContext
        return list(context.parallelize(blocks, len(blocks)).map(cluster_block).collect())

    return run
