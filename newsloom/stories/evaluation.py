"""Scores of a story clustering against gold, for clusters that may overlap (roundups in several stories).

Extended B-cubed (Amigó, Gonzalo, Artiles and Verdejo, 2009): for items e, e' let C be the set of
system clusters and L the set of gold categories of an item. Multiplicity precision of a pair
that shares a system cluster is min(|C(e)&C(e')|, |L(e)&L(e')|) / |C(e)&C(e')|; multiplicity
recall of a pair that shares a gold category is the same minimum over |L(e)&L(e')|. Precision
(recall) averages, over every item, the mean over the items it shares a cluster (category) with,
itself included. With one cluster and one category per item this is plain B-cubed.
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping, Set
from typing import TypeVar

T = TypeVar("T", bound=Hashable)


def bcubed(system: Mapping[T, Set[Hashable]], gold: Mapping[T, Set[Hashable]]) -> tuple[float, float, float]:
    """(precision, recall, F1) of ``system`` (item -> clusters) against ``gold`` (item -> categories).

    Only items of ``gold`` are scored; an item the system left out counts as a cluster of its own.
    """
    items = list(gold)
    clusters = {e: set(system.get(e, ())) or {("alone", e)} for e in items}
    precisions, recalls = [], []
    for e in items:
        p_terms, r_terms = [], []
        for f in items:
            shared_c = len(clusters[e] & clusters[f])
            shared_l = len(gold[e] & gold[f])
            if shared_c:
                p_terms.append(min(shared_c, shared_l) / shared_c)
            if shared_l:
                r_terms.append(min(shared_c, shared_l) / shared_l)
        precisions.append(sum(p_terms) / len(p_terms))
        recalls.append(sum(r_terms) / len(r_terms))
    precision = sum(precisions) / len(precisions) if precisions else 0.0
    recall = sum(recalls) / len(recalls) if recalls else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def purity(system: Mapping[T, Hashable], gold: Mapping[T, Hashable]) -> float:
    """Share of items whose system cluster's majority gold label is their own label."""
    by_cluster: dict[Hashable, list[Hashable]] = {}
    for item, cluster in system.items():
        if item in gold:
            by_cluster.setdefault(cluster, []).append(gold[item])
    total = sum(len(v) for v in by_cluster.values())
    if not total:
        return 0.0
    hits = sum(max(labels.count(label) for label in set(labels)) for labels in by_cluster.values())
    return hits / total
