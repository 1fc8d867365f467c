"""Retrieval quality of the search: recall@k per query language and target language.

    python -m newsloom.serve.search_eval --gold tests/gold/retrieval/queries.jsonl \\
        --build examples tests/gold/blind_stories [--db FILE] [--k 10]

A gold file holds one JSON object a line: ``{"id", "lang", "query", "relevant": [paths]}``, each
path an input path relative to the repository root (a feed item or JSONL line with ``#N``). For
each query and each target language that has relevant articles, the measure is the share of them
found on the first page (``k`` hits) of the search *in that language* (the search's language
filter, as a reader of Vietnamese reports asks for them), averaged per (query language, target
language). The same share on the first page of the unfiltered, mixed-language list is reported
beside it. Queries with no relevant article check the notice: a search that matches no word of
any report must say so (``exact`` false).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from newsloom.errors import NewsloomError
from newsloom.serve.search import SearchIndex
from newsloom.store import Store
from newsloom.store import articles as article_rows

ROOT = Path(__file__).resolve().parents[2]
LANGUAGES = ("en", "vi", "id", "fr")


@dataclass(frozen=True)
class RetrievalQuery:
    id: str
    lang: str
    query: str
    relevant: tuple[str, ...]


@dataclass
class RetrievalReport:
    k: int
    #: (query language, target language) -> recall of each query with relevant articles there
    filtered: dict[tuple[str, str], list[float]] = field(default_factory=dict)
    mixed: dict[tuple[str, str], list[float]] = field(default_factory=dict)
    #: queries without any relevant article, and how many of them said "no exact match"
    empty: int = 0
    empty_said: int = 0
    missing: list[str] = field(default_factory=list)  # gold paths not in the store

    @staticmethod
    def table(cells: dict[tuple[str, str], list[float]]) -> dict[str, float]:
        return {f"{q}>{t}": round(sum(v) / len(v), 3) for (q, t), v in sorted(cells.items())}

    def lowest(self) -> float:
        return min(sum(v) / len(v) for v in self.filtered.values()) if self.filtered else 0.0

    def as_dict(self) -> dict[str, object]:
        return {
            "k": self.k,
            "recall_in_language": self.table(self.filtered),
            "recall_mixed": self.table(self.mixed),
            "lowest_in_language": round(self.lowest(), 3),
            "queries_per_cell": {f"{q}>{t}": len(v) for (q, t), v in sorted(self.filtered.items())},
            "no_match_queries": self.empty,
            "no_match_said": self.empty_said,
            "missing_paths": self.missing,
        }


def load_queries(path: Path) -> list[RetrievalQuery]:
    """The queries of a gold file; a bad line is an error naming the file and line."""
    queries = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
            queries.append(
                RetrievalQuery(str(row["id"]), str(row["lang"]), str(row["query"]), tuple(row["relevant"]))
            )
        except (ValueError, KeyError, TypeError) as exc:
            raise NewsloomError(
                f"{path}:{number}: not a retrieval query ({exc}); each line needs id, lang, query and "
                "relevant (a list of paths)."
            ) from exc
    return queries


def _articles_of(store: Store, relevant: Sequence[str], root: Path) -> dict[tuple[str, str], set[str]]:
    """(gold path, language) -> the ids of the stored articles in that language read from it.

    A whole feed or JSONL file named as relevant (its items not told apart) counts once per language
    of its items: found in a language when any of its items in that language is shown."""
    found: dict[tuple[str, str], set[str]] = {}
    with store.connect() as conn:
        for rel in relevant:
            base, _, item = rel.partition("#")
            path = str(root / base) + (f"#{item}" if item else "")
            ids = article_rows.articles_at_path(conn, path) or article_rows.articles_at_path(conn, rel)
            if not ids:
                found[(rel, "")] = set()
            for heading in article_rows.headings(conn, ids):
                found.setdefault((rel, heading.language or ""), set()).add(heading.id)
    return found


def evaluate(
    index: SearchIndex, queries: Sequence[RetrievalQuery], k: int = 10, root: Path = ROOT
) -> RetrievalReport:
    """Recall@k of ``index`` on ``queries`` (see the module's docstring)."""
    report = RetrievalReport(k=k)
    for query in queries:
        gold = _articles_of(index.store, query.relevant, root)
        report.missing.extend(p for (p, _), ids in gold.items() if not ids)
        by_language: dict[str, list[set[str]]] = {}
        for (_, language), ids in gold.items():
            if ids:
                by_language.setdefault(language, []).append(ids)
        mixed = {h.id for h in index.search(query.query, kinds=("article",), limit=k)}
        if not query.relevant:
            report.empty += 1
            hits = index.search(query.query, kinds=("article",), limit=k)
            report.empty_said += not any({"text", "name"} & set(h.matched_by) for h in hits)
        for target, groups in by_language.items():
            shown = {h.id for h in index.search(query.query, kinds=("article",), language=target, limit=k)}
            key = (query.lang, target)
            report.filtered.setdefault(key, []).append(sum(bool(ids & shown) for ids in groups) / len(groups))
            report.mixed.setdefault(key, []).append(sum(bool(ids & mixed) for ids in groups) / len(groups))
    return report


def build_store(db: Path, inputs: Sequence[str]) -> Store:
    """A store of ``inputs`` through every stage and corpus step (kept if it exists already)."""
    from newsloom.runner import process_paths

    store = Store.open(str(db))
    report = process_paths([str(ROOT / p) if not Path(p).is_absolute() else p for p in inputs], store,
                           stages=None, corpus=True)  # fmt: skip
    if not report.ok:
        raise NewsloomError(f"Building the retrieval collection failed: {report.errors}")
    return store


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--gold", type=Path, default=ROOT / "tests" / "gold" / "retrieval" / "queries.jsonl")
    parser.add_argument("--db", type=Path, default=Path("retrieval.db"))
    parser.add_argument("--build", nargs="*", default=["examples", "tests/gold/blind_stories"])
    parser.add_argument("--k", type=int, default=10)
    parser.add_argument(
        "--root", type=Path, default=ROOT, help="Where the gold's paths start (a store built elsewhere)."
    )
    args = parser.parse_args(argv)
    store = build_store(args.db, args.build)
    try:
        index = SearchIndex(store)
        index.refresh(force=True)
        report = evaluate(index, load_queries(args.gold), k=args.k, root=args.root)
    finally:
        store.close()
    json.dump(report.as_dict(), sys.stdout, indent=1, ensure_ascii=False)
    print()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
