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
