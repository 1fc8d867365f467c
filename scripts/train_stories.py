"""Learn how story clustering combines its signals, from labelled pairs of public news articles.

    python scripts/train_stories.py [--data ../shared/data/semeval2022-task8/train.jsonl] [--cv-only]

Data: the SemEval-2022 Task 8 training pairs (``train.jsonl``, from the public repository
GeekDream-x/SemEval2022-Task8-TonyX, Apache-2.0; the texts belong to their publishers and are
never copied into this repository). Only the original (not machine-translated) English-English
pairs are used: the English pipeline is the one whose entities and dates the clustering reads.
A pair is labelled one story when its ``overall`` rating is at most 1.5 (1 = very similar: the
same event), another when it is at least 2.5; the pairs in between are left out.

Each text goes through every per-article stage (``newsloom.analyze_many``); the signals of a pair
are measured with the clustering's own functions (centred cosine of the passages, weighted
overlap of entity and event keys, days between the dates), and a logistic regression (balanced
classes) is fitted on them. Grouped cross-validation (pairs sharing an article in one fold)
compares it with the embedding alone and with the former hand weights. Writes the
``same_language`` model of newsloom/stories/join_model.json (five weights and a bias, with the
data's source in its meta); the ``cross_language`` model there is kept as it is (hand weights,
see ``newsloom.stories.join``).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import pickle
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from newsloom.article import Article  # noqa: E402
from newsloom.stories.cluster import article_date, day_distance, entity_overlap, idf, unit_keys  # noqa: E402
from newsloom.stories.join import FEATURES, JOIN_MODEL_PATH, JoinModel, JoinModels, JoinSignals  # noqa: E402

DATA = ROOT.parent / "shared" / "data" / "semeval2022-task8" / "train.jsonl"
SOURCE = "GeekDream-x/SemEval2022-Task8-TonyX train.jsonl (SemEval-2022 Task 8 training pairs), Apache-2.0"
#: Ratings at or under this are one story, at or over OTHER_STORY another (1-4 scale, 1 = same).
SAME_STORY = 1.5
OTHER_STORY = 2.5
#: Inverse regularisation strength of the logistic regression (five signals, ~150 pairs).
C = 1.0
FOLDS = 5
SEED = 13
#: The learned model applies once the store has centred this many vectors of the language: its
#: signals were measured on vectors centred by the mean of all the training texts (281).
MIN_LANGUAGE_VECTORS = 100
#: The former hand-set score (sim + overlap - per-day penalty >= 0.45), for comparison.
HAND_THRESHOLD = 0.45


def read_pairs(path: Path) -> list[dict[str, Any]]:
    with open(path, encoding="utf-8") as handle:
        pairs = [json.loads(line) for line in handle if line.strip()]
    return [
        p
        for p in pairs
        if p["lang1"] == "en" and p["lang2"] == "en" and not any(c.isalpha() for c in p["pair_id"])
        and (p["overall"] <= SAME_STORY or p["overall"] >= OTHER_STORY)
    ]  # fmt: skip


def analyse(texts: list[str], cache: Path) -> dict[str, Article]:
    """Each text through the per-article stages (first line as its title), cached between runs."""
    if cache.is_file():
        with open(cache, "rb") as handle:
            cached: dict[str, Article] = pickle.load(handle)
        if set(texts) <= set(cached):
            return cached
    from newsloom import analyze_many

    items = [
        {"text": t, "lang": "en", "title": t.split("\n", 1)[0].strip() if "\n" in t else None} for t in texts
    ]
    articles = dict(zip(texts, analyze_many(items), strict=True))
    cache.parent.mkdir(parents=True, exist_ok=True)
    with open(cache, "wb") as handle:
        pickle.dump(articles, handle)
    return articles


def pair_signals(pairs: list[dict[str, Any]], articles: dict[str, Article]) -> list[JoinSignals]:
    """The clustering's signals for each pair (text1 as the unit, text2 as a one-member story)."""
    from newsloom.stories.stage import unit_vectors

    vectors = {t: unit_vectors(a, 384) for t, a in articles.items()}
    usable = {t: v[0] for t, v in vectors.items() if v}
    centre = np.mean(list(usable.values()), axis=0)
    keys = {t: unit_keys(a, None, {}) for t, a in articles.items()}
    counts: Counter[str] = Counter(k for ks in keys.values() for k in ks)
    weights = {k: idf(n, len(articles)) for k, n in counts.items()}
    out = []
    for pair in pairs:
        a, b = pair["text1"], pair["text2"]
        if a in usable and b in usable:
            va, vb = usable[a] - centre, usable[b] - centre
            sim = float(va @ vb / (np.linalg.norm(va) * np.linalg.norm(vb)))
        else:
            sim = 0.0
        overlap = entity_overlap(keys[a], {k: 1 for k in keys[b]}, 1, weights)
        date_a, exact = article_date(articles[a])
        date_b, _ = article_date(articles[b])
        out.append(JoinSignals(sim, overlap, day_distance(date_a, date_b), exact))
    return out


def groups_of(pairs: list[dict[str, Any]]) -> np.ndarray:
    """Pairs that share an article get one group (so that no article is in two folds)."""
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        while parent.setdefault(x, x) != x:
            x = parent[x]
        return x

    for pair in pairs:
        a, b = pair["pair_id"].split("_")[:2]
        parent[find(a)] = find(b)
    roots: dict[str, int] = {}
    return np.array([roots.setdefault(find(p["pair_id"].split("_")[0]), len(roots)) for p in pairs])


def fit(x: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, float]:
    from sklearn.linear_model import LogisticRegression

    model = LogisticRegression(C=C, class_weight="balanced", max_iter=1000).fit(x, y)
    return model.coef_[0], float(model.intercept_[0])


def best_threshold(values: np.ndarray, y: np.ndarray) -> float:
    """The cut on ``values`` with the best balanced accuracy on (values, y)."""
    best, cut = -1.0, 0.0
    for t in np.unique(values):
        predicted = values >= t
        score = (predicted[y == 1].mean() + (~predicted[y == 0]).mean()) / 2
        if score > best:
            best, cut = score, float(t)
    return cut


def report(y: np.ndarray, predicted: dict[str, np.ndarray]) -> None:
    print(f"{'decision':<34}{'accuracy':>9}{'balanced':>9}{'F1 same':>9}")
    for name, p in predicted.items():
        tp, fp, fn = int((p & (y == 1)).sum()), int((p & (y == 0)).sum()), int((~p & (y == 1)).sum())
        f1 = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
        balanced = (p[y == 1].mean() + (~p[y == 0]).mean()) / 2
        print(f"{name:<34}{(p == (y == 1)).mean():>9.3f}{balanced:>9.3f}{f1:>9.3f}")


def cluster_in_store(articles: list[Article], learned: bool) -> dict[str, set[int]]:
    """Article id -> story ids after the corpus steps run over ``articles`` in a fresh store, with
    the shipped join models, or with the hand weights alone (``learned`` False)."""
    import tempfile
    from unittest import mock

    import sqlalchemy as sa

    from newsloom.corpus import run_corpus_steps
    from newsloom.store import Store
    from newsloom.store.articles import save_article
    from newsloom.stories import cluster, join

    models = join.join_models()
    chosen = models if learned else join.JoinModels(models.cross_language, models.cross_language)
    with tempfile.TemporaryDirectory() as folder, mock.patch.object(cluster, "join_models", lambda: chosen):
        store = Store.open(str(Path(folder) / "check.db"))
        for article in articles:
            with store.transaction() as conn:
                if save_article(conn, article) in ("new", "updated"):
                    run_corpus_steps(conn, article)
        found: dict[str, set[int]] = {}
        with store.connect() as conn:
            for article_id, story_id in conn.execute(
                sa.text("SELECT article_id, story_id FROM story_members")
            ):
                found.setdefault(str(article_id), set()).add(int(story_id))
        store.engine.dispose()
    return found


def store_check(pairs: list[dict[str, Any]], articles: dict[str, Article], y: np.ndarray) -> None:
    """The labelled pairs judged by the whole clustering (in a store, one random order), learned vs hand."""
    order = [articles[t] for t in np.random.default_rng(SEED).permutation(list(articles))]
    print(f"\nthe clustering in a store ({len(order)} articles, one random order; the learned model judges")
    print("English candidates once 100 English vectors are stored; in-sample for the learned model):")
    results = {}
    for name, learned in (("shipped (learned + hand)", True), ("hand weights alone", False)):
        stories = cluster_in_store(order, learned)
        results[name] = np.array(
            [
                bool(
                    stories.get(articles[p["text1"]].id, set()) & stories.get(articles[p["text2"]].id, set())
                )
                for p in pairs
            ]
        )
    report(y, results)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--cache", type=Path, default=Path("/tmp/newsloom_stories/semeval_en.pkl"))
    parser.add_argument("--cv-only", action="store_true", help="measure only; write no model")
    parser.add_argument(
        "--store-check", action="store_true", help="also judge the pairs by clustering in a store"
    )
    args = parser.parse_args(argv)

    pairs = read_pairs(args.data)
    texts = list(dict.fromkeys(t for p in pairs for t in (p["text1"], p["text2"])))
    articles = analyse(texts, args.cache)
    signals = pair_signals(pairs, articles)
    x = np.array([s.vector() for s in signals])
    y = np.array([1 if p["overall"] <= SAME_STORY else 0 for p in pairs])
    groups = groups_of(pairs)
    print(
        f"{len(pairs)} English pairs ({int(y.sum())} one story, {int((1 - y).sum())} two), {len(texts)} texts"
    )

    rng = np.random.default_rng(SEED)
    fold_of = {g: i % FOLDS for i, g in enumerate(rng.permutation(np.unique(groups)))}
    folds = np.array([fold_of[g] for g in groups])
    learned = np.zeros(len(y), dtype=bool)
    embedding = np.zeros(len(y), dtype=bool)
    for k in range(FOLDS):
        train, test = folds != k, folds == k
        w, b = fit(x[train], y[train])
        learned[test] = x[test] @ w + b >= 0
        cut = best_threshold(x[train, 0], y[train])  # the embedding baseline: one threshold on sim
        embedding[test] = x[test, 0] >= cut
    hand = x[:, 0] + x[:, 1] - 0.25 * x[:, 3] - 0.15 * x[:, 4] >= HAND_THRESHOLD
    print(f"{FOLDS}-fold grouped cross-validation (thresholds and weights fitted on the other folds):")
    report(y, {"learned (logistic, 5 signals)": learned, "embedding alone (one threshold)": embedding,
               "former hand weights": hand})  # fmt: skip
    if args.store_check:
        store_check(pairs, articles, y)
    if args.cv_only:
        return 0
    w, b = fit(x, y)
    meta = {
        "trained_on": f"{SOURCE}; {len(pairs)} original English pairs",
        "languages": ["en"],
        "min_language_vectors": MIN_LANGUAGE_VECTORS,
        "labels": f"one story: overall <= {SAME_STORY}; two stories: overall >= {OTHER_STORY}",
        "command": "python scripts/train_stories.py",
        "date": dt.date.today().isoformat(),
        "cv_accuracy": round(float((learned == (y == 1)).mean()), 4),
        "cv_accuracy_embedding_alone": round(float((embedding == (y == 1)).mean()), 4),
    }
    model = JoinModel(tuple(float(v) for v in w), b, meta)
    path = JoinModels(model, JoinModels.load(JOIN_MODEL_PATH).cross_language).save(JOIN_MODEL_PATH)
    print("weights:", dict(zip(FEATURES, np.round(w, 3), strict=True)), "bias", round(b, 3))
    print(f"wrote {path.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
