"""The entity stage now against the entity stage of an older checkout, on the same texts, in one run.

#14 asks that the entity stage not get slower than 2x of the stage as it was when the issue was filed
(the rules and gazetteers alone, commit fc9fae8). Give that commit as a checkout (``git worktree add
--detach ../then fc9fae8``); this script writes the texts once (the examples, the seeds and SemEval
training texts, as ``bench/entities.py`` reads them), then times each tree's stage in its own process,
alternating rounds, in CPU seconds (one BLAS thread), and prints the ratio now / then. Asserts nothing.

    python bench/entity_stage_history.py --then ../then --rounds 2 --semeval 100
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

#: Run inside each tree (PYTHONPATH=<tree>): builds the articles with that tree's sentence splitter and
#: times its entity stage (``find_mentions_many`` in batches of 64 where it exists, else one by one).
TIMER = r"""
import dataclasses, json, sys, time
from newsloom.article import Article
from newsloom.sentences import split_sentences
import newsloom.entities.stage as st
texts = json.load(open(sys.argv[1], encoding="utf-8"))
arts = []
for t in texts:
    sents = tuple(dataclasses.replace(s, language=t["lang"]) for s in split_sentences(t["text"], t["lang"]))
    arts.append(Article(id=t["id"], path=t["id"], text=t["text"], language=t["lang"], sentences=sents))
def run():
    if hasattr(st, "find_mentions_many"):
        return [m for i in range(0, len(arts), 64) for ms in st.find_mentions_many(arts[i:i + 64], "hybrid") for m in ms]
    return [m for a in arts for m in st.find_mentions(a)]
found = run()  # models loaded, caches warm
start = time.process_time()
run()
print(json.dumps({"cpu": time.process_time() - start, "mentions": len(found), "articles": len(arts)}))
"""


def write_texts(path: Path, semeval: int) -> int:
    sys.path[:0] = [str(ROOT), str(ROOT / "bench")]
    import entities as bench  # the bench's own corpus readers

    texts = [{"id": a.id, "lang": a.language or "vi", "text": a.text} for a in bench.base_articles()]
    texts += [
        {"id": a.id, "lang": a.language or "en", "text": a.text} for a in bench.semeval_articles(semeval)
    ]
    path.write_text(json.dumps(texts, ensure_ascii=False), encoding="utf-8")
    return len(texts)


def time_tree(tree: Path, texts: Path) -> dict[str, float]:
    env = {**os.environ, "PYTHONPATH": str(tree), "OMP_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1"}
    out = subprocess.run(
        [sys.executable, "-c", TIMER, str(texts)],
        cwd=tree,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    return dict(json.loads(out.stdout.strip().splitlines()[-1]))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--then", type=Path, required=True, help="a checkout of the older commit")
    parser.add_argument("--rounds", type=int, default=2, help="alternating rounds")
    parser.add_argument(
        "--semeval", type=int, default=100, help="SemEval training texts beside the 41 gold ones"
    )
    args = parser.parse_args()
    if not (args.then / "newsloom" / "entities" / "stage.py").exists():
        print(
            f"{args.then}: not a newsloom checkout (no newsloom/entities/stage.py); give the older commit's tree"
        )
        return 2
    with tempfile.TemporaryDirectory() as folder:
        texts = Path(folder) / "texts.json"
        count = write_texts(texts, args.semeval)
        print(
            f"{count} texts (examples, seeds, {args.semeval} SemEval training texts); CPU seconds, one BLAS thread"
        )
        for n in range(args.rounds):
            then, now = time_tree(args.then.resolve(), texts), time_tree(ROOT, texts)
            print(
                f"round {n + 1}: then {then['cpu']:.2f} s ({then['mentions']:.0f} mentions), "
                f"now {now['cpu']:.2f} s ({now['mentions']:.0f} mentions): now / then = {now['cpu'] / then['cpu']:.2f}x"
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
