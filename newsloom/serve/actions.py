"""What the API and the forms do beyond reading: compare two texts, ingest an upload.

Both the API routes (``serve.api``) and the pages' forms (``serve.pages``) call these.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from newsloom.serve.errors import ApiError
from newsloom.views.articles import ArticleSummary
from newsloom.views.common import Model
from newsloom.views.compare import CompareResult, compare_view

if TYPE_CHECKING:
    from fastapi import FastAPI

#: Longest text ``compare`` takes (characters): a long feature article, not a book.
MAX_COMPARE_CHARS = 100_000


def compare_scores(
    text_a: str, text_b: str, lang_a: str | None = None, lang_b: str | None = None
) -> CompareResult:
    """The compare view, its refusals of a text turned into 422s."""
    try:
        return compare_view(text_a, text_b, lang_a, lang_b)
    except (ValueError, TypeError) as exc:  # compare_texts names what is wrong with a text
        raise ApiError(422, str(exc)) from exc
    except FileNotFoundError as exc:  # the trained model is not shipped in this installation
        raise ApiError(501, f"compare is not available: {exc}") from exc


class IngestError(Model):
    path: str
    line: int | None
    problem: str
    hint: str


class IngestResult(Model):
    """What an upload became: the articles stored from it, per-status counts, errors, stages run."""

    file: str
    articles: list[ArticleSummary]
    statuses: dict[str, int]
    errors: list[IngestError]
    stages: list[str]
    seconds: float


def run_ingest(app: FastAPI, upload: tuple[str | None, str | None, bytes]) -> IngestResult:
    """One upload at a time through the pipeline, then the search index catches up."""
    from newsloom.serve.uploads import ingest_upload

    with app.state.write_lock:
        result = ingest_upload(app.state.store, *upload)
        app.state.search.refresh(force=True)
        app.state.response_cache.clear()  # this process's kept pages show the new article at once
    return IngestResult.model_validate(result)
