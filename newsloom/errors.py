"""Errors a person can act on: each names the thing, what was wrong and what to do."""

from __future__ import annotations


class NewsloomError(Exception):
    """Base class of every error newsloom raises on purpose."""


class InputError(NewsloomError):
    """One input (file, line, feed item) could not be read; the other inputs go on."""

    def __init__(self, path: str, problem: str, hint: str, line: int | None = None) -> None:
        self.path = path
        self.line = line
        self.problem = problem
        self.hint = hint
        where = f"{path}:{line}" if line is not None else path
        super().__init__(f"{where}: {problem}. {hint}")


class PipelineError(NewsloomError):
    """The pipeline was built wrongly (unknown stage, wrong order) or a stage misbehaved."""


class StoreError(NewsloomError):
    """The store cannot be opened or is of an unknown schema version."""


def interrupted_message(
    *, stored: int, before: int, files_done: int, files_total: int, db: str, command: str
) -> str:
    """What a run stopped by Ctrl-C leaves behind, and how to finish it."""
    return (
        f"Interrupted after {files_done} of {files_total} file(s): {stored - before} new article(s) stored "
        f"by this run, {stored} in {db} in all; each article is stored whole (a savepoint each, committed in batches), "
        f"nothing half-written. To resume, run the same command again ({command}): the articles "
        "already stored are recognised and skipped."
    )


def unexpected_error(path: str, exc: BaseException, line: int | None = None) -> InputError:
    """An InputError for a failure no reader foresaw (a library's ValueError, a RecursionError...)."""
    return InputError(
        path,
        f"could not be read ({type(exc).__name__}: {str(exc)[:200]})",
        "The other inputs go on; if the file looks like a normal article, please report it as a bug.",
        line,
    )
