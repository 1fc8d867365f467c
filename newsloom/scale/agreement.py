"""How far two clusterings of the same units agree: B-cubed precision, recall and F1 (Bagga and
Baldwin 1998), the measure coreference work uses for entity and event clusters. Here it compares
the corpus steps' result of a Spark run with the local incremental run on the same input."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Hashable, Mapping
from dataclasses import dataclass


@dataclass(frozen=True)
class BCubed:
    """B-cubed of ``found`` against ``reference``, over the units both hold; ``only_one`` counts the
    units one clustering has and the other has not (a perfect agreement has none)."""

    precision: float
    recall: float
    units: int
    only_one: int

    @property
    def f1(self) -> float:
        total = self.precision + self.recall
        return 2 * self.precision * self.recall / total if total else 0.0


def _clusters(labels: Mapping[Hashable, Hashable]) -> dict[Hashable, set[Hashable]]:
    members: dict[Hashable, set[Hashable]] = defaultdict(set)
    for unit, label in labels.items():
        members[label].add(unit)
    return {unit: members[label] for unit, label in labels.items()}


def bcubed(found: Mapping[Hashable, Hashable], reference: Mapping[Hashable, Hashable]) -> BCubed:
    """B-cubed agreement of two unit -> cluster mappings (cluster ids need not match, only groupings)."""
    shared = set(found) & set(reference)
    only_one = len(set(found) ^ set(reference))
    if not shared:
        return BCubed(1.0 if not only_one else 0.0, 1.0 if not only_one else 0.0, 0, only_one)
    mine = _clusters({u: found[u] for u in shared})
    theirs = _clusters({u: reference[u] for u in shared})
    precision = sum(len(mine[u] & theirs[u]) / len(mine[u]) for u in shared) / len(shared)
    recall = sum(len(mine[u] & theirs[u]) / len(theirs[u]) for u in shared) / len(shared)
    return BCubed(precision, recall, len(shared), only_one)
