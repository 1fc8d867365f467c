"""What every view shares: frozen models and pages of a list."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Generic, TypeVar

from pydantic import BaseModel, ConfigDict

T = TypeVar("T")


class Model(BaseModel):
    """A view's result: immutable, and exactly the fields it declares."""

    model_config = ConfigDict(frozen=True)


class Page(Model, Generic[T]):
    """One page of a list; ``next_offset`` is None on the last page."""

    items: list[T]
    limit: int
    offset: int
    next_offset: int | None


def page_of(rows: Sequence[T], limit: int, offset: int) -> Page[T]:
    """A page from rows fetched with ``limit + 1``: the extra row says there is a next page."""
    return Page[T](
        items=list(rows[:limit]),
        limit=limit,
        offset=offset,
        next_offset=offset + limit if len(rows) > limit else None,
    )
