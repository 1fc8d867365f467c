"""The per-article stages on Apache Spark: `newsloom spark run INPUT --out DIR`.

The driver lists the input files (files, folders, JSONL) into a DataFrame of paths; each partition
builds the pipeline once (as a process-pool worker does), reads its files into Articles and runs the
stages over them; the articles are written to ``DIR/articles`` as Parquet (one row per article:
``id, path, language, published, title, stages``; ``data``, the whole ``Article.to_dict()`` as
JSON, mentions, times and events included; ``embedding``, the article's vector), inputs that failed to ``DIR/errors``. An
article read from two paths is kept once (by its content-hash id). The corpus steps (linking,
merging, clustering) are not run here: they read and write the store (``newsloom run``).

Every executor must see the input paths (local mode, or a shared file system). Needs
``pip install 'newsloom[spark]'`` and a Java runtime (OpenJDK 17).
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from newsloom.article import Article
from newsloom.errors import InputError, NewsloomError
from newsloom.ingest import iter_input_files, read_path

#: The Spark schema of ``DIR/articles`` (``data`` is JSON).
ARTICLE_SCHEMA = (
    "id string, path string, language string, published string, title string, stages string, data string, "
    "embedding array<float>"
)
ERROR_COLUMNS = ("path", "problem")


@dataclass(frozen=True)
class SparkReport:
    """What one Spark run wrote."""

    files: int
    articles: int
    errors: int
    out: Path


def spark_session(master: str, app_name: str = "newsloom") -> Any:
    """A Spark session on ``master`` (``local[2]``, ``spark://host:7077``, ``yarn``)."""
    try:
        from pyspark.sql import SparkSession
    except ImportError as exc:
        raise NewsloomError(
            "The Spark engine needs pyspark: pip install 'newsloom[spark]' (and Java 17)."
        ) from exc
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)  # executors run this interpreter (local mode)
    try:
        return SparkSession.builder.master(master).appName(app_name).getOrCreate()
    except Exception as exc:  # no Java, bad master URL
        raise NewsloomError(
            f"Cannot start Spark on {master}: {exc}. Is Java 17 installed (java -version)?"
        ) from exc


def article_row(article: Article) -> tuple[Any, ...]:
    """An article as one row of ``DIR/articles``."""
    data = json.dumps(article.to_dict(), ensure_ascii=False)
    stages = ",".join(article.stages)
    vector = [float(v) for v in article.embedding] if article.embedding is not None else None
    return (
        article.id,
        article.path,
        article.language,
        article.published,
        article.title,
        stages,
        data,
        vector,
    )


def process_partition(
    paths: Iterable[Any], stages: tuple[str, ...] | None, max_bytes: int
) -> Iterator[tuple]:
    """One partition: build the pipeline once, read the files, run the stages. Yields
    ``("article", row)`` or ``("error", (path, problem))``."""
    from newsloom.pipeline import Pipeline

    pipeline = Pipeline(stages)
    articles: list[Article] = []
    for row in paths:
        for item in read_path(str(row.path), max_bytes):
            if isinstance(item, InputError):
                yield ("error", (item.path, str(item)))
            else:
                articles.append(item)
    try:
        done: list[Article | InputError] = list(pipeline.pipe(articles))
    except Exception:  # one article failed the batch: run them one by one to find it
        done = [_one(pipeline, article) for article in articles]
    for result in done:
        if isinstance(result, InputError):
            yield ("error", (result.path, str(result)))
        else:
            yield ("article", article_row(result))


def _one(pipeline: Any, article: Article) -> Article | InputError:
    try:
        return pipeline(article)  # type: ignore[no-any-return]
    except Exception as exc:
        return InputError(
            article.path, f"processing failed ({type(exc).__name__}: {exc})", "Please report this as a bug."
        )


def spark_run(
    inputs: list[str],
    out: Path,
    *,
    master: str = "local[2]",
    stages: tuple[str, ...] | None = None,
    partitions: int | None = None,
    max_bytes: int = 20 * 1024 * 1024,
) -> SparkReport:
    """Run the per-article stages over ``inputs`` on Spark and write Parquet under ``out``."""
    files = [f for path in inputs for f in iter_input_files(path) if not isinstance(f, InputError)]
    if not files:
        raise NewsloomError(f"No input files under {', '.join(inputs)}: give files, folders or JSONL.")
    spark = spark_session(master)
    try:
        count = partitions or max(1, spark.sparkContext.defaultParallelism)
        frame = spark.createDataFrame([(str(Path(f).resolve()),) for f in files], "path string")
        results = frame.repartition(min(count, len(files))).rdd.mapPartitions(
            lambda rows: process_partition(rows, stages, max_bytes)
        )
        results.cache()
        found = spark.createDataFrame(
            results.filter(lambda r: r[0] == "article").map(lambda r: r[1]), ARTICLE_SCHEMA
        )
        found = found.dropDuplicates(["id"])
        errors = spark.createDataFrame(
            results.filter(lambda r: r[0] == "error").map(lambda r: r[1]),
            ", ".join(f"{c} string" for c in ERROR_COLUMNS),
        )
        found.write.mode("overwrite").parquet(str(out / "articles"))
        errors.write.mode("overwrite").parquet(str(out / "errors"))
        return SparkReport(len(files), found.count(), errors.count(), out)
    finally:
        spark.stop()


# --- `newsloom run INPUT --engine spark`: the stages on Spark, the store and corpus steps on the driver

#: The JSONL reader's field -> the column of the articles export (Parquet) it is read from.
PARQUET_FIELDS = {
    "text": "text",
    "title": "title",
    "url": "source_url",
    "published": "published",
    "language": "language",
    "source": "outlet",
    "author": "author",
    "section": "section",
}

#: One unit of input: ("file", path) or ("row", parquet path, row number, JSONL line).
Unit = tuple[Any, ...]
#: What comes back for each article, in input order: (input file, article | failure | error).
Result = tuple[str, Any]


def is_parquet_input(path: str) -> bool:
    """A ``.parquet`` file, or a folder of them (as Spark and ``export --format parquet`` write)."""
    p = Path(path)
    if p.is_file():
        return p.suffix.lower() == ".parquet"
    return p.is_dir() and any(p.glob("*.parquet"))


def parquet_line(record: dict[str, Any]) -> str:
    """An articles-export record (a Parquet row) as one line of the JSONL input format."""
    line = {key: record.get(column) for key, column in PARQUET_FIELDS.items()}
    return json.dumps({k: v for k, v in line.items() if v is not None}, ensure_ascii=False)


def read_units(units: Iterable[Unit], max_bytes: int) -> Iterator[tuple[str, Article | InputError]]:
    """The articles (or errors) of some input units, in order, each with the input it came from."""
    from newsloom.ingest.jsonl import parse_line

    for unit in units:
        if unit[0] == "file":
            for item in read_path(unit[1], max_bytes):
                yield unit[1], item
        else:
            _, path, number, line = unit
            yield path, parse_line(line, path, number)


def process_units(
    units: Iterable[Unit], names: tuple[str, ...], settings: Any, max_bytes: int, lookup: Any
) -> Iterator[Result]:
    """One Spark partition: the pipeline built once from the settings, the stages over its articles
    in batches (a failing article is a ``StageFailure``, the others go on), results in input order."""
    from newsloom.pipeline import Pipeline

    pipeline = Pipeline(names, settings)
    batch: list[tuple[str, Article]] = []

    def flush() -> Iterator[Result]:
        done = pipeline.run_batch([a for _, a in batch], keep_failures=True, lookup=lookup)
        yield from zip([f for f, _ in batch], done, strict=True)
        batch.clear()

    for source, item in read_units(units, max_bytes):
        if isinstance(item, InputError):  # an exception with its own arguments: sent as a plain tuple
            yield from flush()
            yield source, ("input-error", item.path, item.problem, item.hint, item.line)
            continue
        batch.append((source, item))
        if len(batch) >= settings.batch_size:
            yield from flush()
    yield from flush()


def spark_results(
    files: list[str],
    parquet: list[str],
    names: tuple[str, ...],
    settings: Any,
    *,
    master: str,
    max_bytes: int,
    lookup: Any = None,
    partitions: int | None = None,
) -> Iterator[Result]:
    """Every input's articles through the stages on Spark, streamed back to the driver in input order
    (files in the order given, then Parquet rows in file order).

    The executors read the files themselves (every executor must see them: local mode or a shared
    file system); Parquet inputs are read by Spark. All partitions run at once (the results are
    persisted, memory then disk), then the driver reads them back partition by partition, which keeps
    the order ``sc.parallelize`` and Parquet's row order gave them.
    """
    from pyspark import StorageLevel

    spark = spark_session(master)
    try:
        context = spark.sparkContext
        count = partitions or max(1, context.defaultParallelism)
        units: Any = context.parallelize([("file", f) for f in files], max(1, min(count, len(files))))
        for path in parquet:
            frame = spark.read.parquet(path)
            columns = [c for c in PARQUET_FIELDS.values() if c in frame.columns]
            if "text" not in columns:
                raise NewsloomError(
                    f"{path} has no 'text' column: give the articles export "
                    "(newsloom export --what articles --format parquet) or rows in the JSONL input's shape."
                )
            rows = frame.select(*dict.fromkeys(columns)).rdd.zipWithIndex()
            units = units.union(rows.map(lambda r, p=path: ("row", p, r[1] + 1, parquet_line(r[0].asDict()))))
        results = units.mapPartitions(
            lambda part: process_units(part, names, settings, max_bytes, lookup)
        ).persist(StorageLevel.MEMORY_AND_DISK)
        results.count()  # every partition runs now, in parallel; reading back below is in order
        for source, result in results.toLocalIterator():
            yield source, InputError(*result[1:]) if isinstance(result, tuple) else result
    finally:
        spark.stop()
