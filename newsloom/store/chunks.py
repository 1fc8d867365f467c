"""Long ``IN (...)`` lists cut into pieces every database takes.

SQLite builds before 3.32 allow 999 bound parameters per statement and PostgreSQL 65,535; 500 keeps
every query of the store under both, with room for the other parameters of the same statement.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import TypeVar

#: Values bound in one ``IN`` list.
IN_CHUNK = 500

T = TypeVar("T")


def in_chunks(values: Sequence[T], size: int = IN_CHUNK) -> Iterator[list[T]]:
    """``values`` in order, as lists of at most ``size`` (none for no values)."""
    for start in range(0, len(values), size):
        yield list(values[start : start + size])
