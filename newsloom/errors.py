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
