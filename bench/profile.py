"""Where each stage spends its time: cProfile of every per-article stage, top hot spots each.

    python bench/profile.py [--shared ../shared] [--semeval 100] [--top 10] [--sort tottime]

The bundled examples and seeds plus ``--semeval`` texts of the SemEval-2022 Task 8 training pairs
go through the whole pipeline in batches, as ``Pipeline.pipe`` runs them; each stage's batch is
profiled on its own (its models are loaded on a warm-up article first, so loading is not counted).
For each stage: its share of the time, then its ``--top`` functions by own time (``tottime``:
time in the function itself, where a hot spot is) with calls and cumulative time.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# this file is named like the standard library's `profile`, which cProfile imports: run as a
# script, its own folder must not come first on the path
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != Path(__file__).resolve().parent]
sys.path.insert(0, str(ROOT))

import argparse  # noqa: E402
import cProfile  # noqa: E402
import dataclasses  # noqa: E402
import importlib.util  # noqa: E402
import io  # noqa: E402
import pstats  # noqa: E402
import time  # noqa: E402

from newsloom.article import Article  # noqa: E402
from newsloom.pipeline import Pipeline, apply_stage  # noqa: E402

_SPEC = importlib.util.spec_from_file_location("bench_pipeline", ROOT / "bench" / "pipeline.py")
assert _SPEC is not None and _SPEC.loader is not None
bench = importlib.util.module_from_spec(_SPEC)  # bench/pipeline.py: the same corpus
sys.modules[_SPEC.name] = bench  # its dataclasses look their module up while the class is built
_SPEC.loader.exec_module(bench)


def profile_stages(articles: list[Article], top: int, sort: str) -> None:
    pipeline = Pipeline(None)
    pipeline(
        Article(id="warm-up", path="warm-up", text="The minister met the delegation in Hanoi on Tuesday.")
    )
    profiles = {name: cProfile.Profile() for name in pipeline.names}
    seconds = dict.fromkeys(pipeline.names, 0.0)
    for start in range(0, len(articles), bench.BATCH):
        batch = articles[start : start + bench.BATCH]
        for info, component in zip(pipeline.stages, pipeline.components, strict=True):
            started = time.perf_counter()
            profiles[info.name].enable()
            batch = apply_stage(info, component, batch, None)
            profiles[info.name].disable()
            seconds[info.name] += time.perf_counter() - started
    total = sum(seconds.values())
    print(
        f"{len(articles)} articles in batches of {bench.BATCH}: {len(articles) / total:.2f} articles/s under the profiler"
    )
    for name in pipeline.names:
        out = io.StringIO()
        stats = pstats.Stats(profiles[name], stream=out)
        stats.sort_stats(sort).print_stats(top)
        print(f"\n== {name}: {seconds[name]:.2f} s ({seconds[name] / total:.0%}), "
              f"{1000 * seconds[name] / len(articles):.1f} ms per article; top {top} by {sort}")  # fmt: skip
        lines = out.getvalue().splitlines()
        header = next((i for i, line in enumerate(lines) if line.lstrip().startswith("ncalls")), None)
        for line in lines[header:] if header is not None else lines:
            if line.strip():
                print("   " + line.replace(str(ROOT) + "/", "").replace(sys.prefix, "<venv>"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared", help="the shared folder")
    parser.add_argument(
        "--semeval", type=int, default=100, help="SemEval training texts added to the examples"
    )
    parser.add_argument("--top", type=int, default=10)
    parser.add_argument("--sort", default="tottime", choices=("tottime", "cumulative", "ncalls"))
    args = parser.parse_args()
    bench.SHARED = args.shared
    bench.SOURCES[0] = args.shared / "seeds"
    articles = bench.base_articles() + bench.semeval_articles(args.semeval)
    articles = [dataclasses.replace(a, id=f"profile-{i}") for i, a in enumerate(articles)]
    profile_stages(articles, args.top, args.sort)


if __name__ == "__main__":
    main()
