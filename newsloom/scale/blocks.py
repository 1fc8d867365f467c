"""Blocking for the batch corpus steps: which stored articles can touch each other's entities and
events, as connected components over shared blocking keys.

The incremental linker finds a stored entity only through keys (gazetteer id, folded full name,
acronym, name parts, the entity key itself) and event merging only through the corpus keys of the
participants. Two articles that share no such key can never read or write each other's entities or
events, so the corpus is cut into components (union-find over "article holds key"), and each
component is resolved on its own, in input order, with the incremental decision functions: the
result equals the incremental one, and components are independent units of work. The keys here are
a superset of those the linker reads and writes (every name token, not only the ones it uses), so a
component is never cut where the linker would look across it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from newsloom.article import Article
from newsloom.entities.gazetteer import load_gazetteer
from newsloom.entities.names import fold, folded_name, is_acronym, name_tokens
from newsloom.entities.types import Mention


class UnionFind:
    """Disjoint sets of item indexes; the root of a set is its smallest index (deterministic)."""

    def __init__(self, size: int) -> None:
        self.parent = list(range(size))

    def find(self, item: int) -> int:
        while self.parent[item] != item:
            self.parent[item] = self.parent[self.parent[item]]
            item = self.parent[item]
        return item

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)

    def groups(self) -> list[list[int]]:
        """The sets, each in index order, ordered by their first index."""
        found: dict[int, list[int]] = {}
        for item in range(len(self.parent)):
            found.setdefault(self.find(item), []).append(item)
        return sorted(found.values(), key=lambda group: group[0])


def _name_keys(text: str, person: bool) -> set[str]:
    """The keys a name is looked up by and written under (``entities.linking``): its folded full
    name, an acronym, and for a person its one-word name or its first and last words."""
    folded = folded_name(text)
    if not folded:
        return set()
    keys = {f"full:{folded}"}
    if is_acronym(text):
        keys.add(f"acr:{text}")
    if person:
        words = name_tokens(text)
        keys.update({f"part:{folded}"} if len(words) == 1 else {f"part:{words[0]}", f"part:{words[-1]}"})
    return keys


def article_keys(article: Article) -> set[str]:
    """Every key through which linking or merging ``article`` could meet another article: the keys
    of each in-article entity (a person's name parts if any of its mentions is typed a person, a
    superset of the linker's choice by majority), and the keys of the events' actors."""
    gazetteer = load_gazetteer().entries
    groups: dict[str, list[Mention]] = {}
    for mention in article.entities:
        if mention.key:
            groups.setdefault(mention.key, []).append(mention)
    keys: set[str] = set()
    for key, mentions in groups.items():
        keys.add(f"key:{fold(key)}")
        if key in gazetteer:
            keys.add(f"gaz:{key}")
        person = any(m.type == "person" for m in mentions)
        for mention in mentions:
            if mention.kind == "name":
                keys.update(_name_keys(mention.text, person))
    for event in article.events:
        for actor in (*event.source_actors, *event.target_actors):
            keys.update(f"key:{fold(k)}" for k in (actor.key, *actor.affiliations) if k)
    return keys


def components(keys: Sequence[Iterable[str]]) -> list[list[int]]:
    """Connected components of the items (indexes into ``keys``) that share any key."""
    found = UnionFind(len(keys))
    first: dict[str, int] = {}
    for index, held in enumerate(keys):
        for key in held:
            found.union(first.setdefault(key, index), index)
    return found.groups()


def components_from_blocks(count: int, blocks: Iterable[Sequence[int]]) -> list[list[int]]:
    """Connected components of ``count`` items from blocks (the holders of one key each)."""
    found = UnionFind(count)
    for block in blocks:
        for other in block[1:]:
            found.union(block[0], other)
    return found.groups()


def date_blocks(dates: Sequence[str | None], max_size: int) -> tuple[list[list[int]], list[int]]:
    """The items (indexes into ``dates``) cut where two consecutive known dates are too far apart
    for one story (``stories.join.too_far``: units further apart are never linked, so no story is
    cut); a block over ``max_size`` is cut into pieces of ``max_size`` in date order (a story
    spanning the cut is split). Returns the blocks and, apart, the items without a full date (they
    may join a story of any date: see ``scale.batch``)."""
    from newsloom.stories.join import too_far

    known = sorted((d, i) for i, d in enumerate(dates) if d and not d.startswith("XXXX") and len(d) >= 10)
    unknown = [i for i, d in enumerate(dates) if not (d and not d.startswith("XXXX") and len(d) >= 10)]
    blocks: list[list[int]] = []
    current: list[int] = []
    latest: str | None = None
    for day, index in known:
        if current and (too_far(latest, (day,)) or len(current) >= max_size):
            blocks.append(current)
            current = []
        current.append(index)
        latest = day
    if current:
        blocks.append(current)
    return blocks, unknown
