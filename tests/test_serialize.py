"""Plain data back to dataclasses (``newsloom.serialize``): nested, optional and repeated parts."""

from __future__ import annotations

from dataclasses import dataclass, field

from newsloom.article import Article, MetaField, Sentence
from newsloom.serialize import from_dict, to_dict


@dataclass(frozen=True)
class Leaf:
    name: str
    score: float = 0.0


@dataclass(frozen=True)
class Node:
    leaf: Leaf | None = None
    leaves: tuple[Leaf, ...] = ()
    listed: list[Leaf] = field(default_factory=list)
    by_name: dict[str, Leaf] = field(default_factory=dict)
    words: tuple[str, ...] = ()
    either: str | int | None = None


def test_nested_parts_come_back_as_they_were() -> None:
    node = Node(
        Leaf("a", 0.5), (Leaf("b"), Leaf("c", 1.0)), [Leaf("d")], {"e": Leaf("e", 2.0)}, ("x", "y"), 3
    )
    again = from_dict(Node, to_dict(node))
    assert again == node
    assert isinstance(again.leaves, tuple) and isinstance(again.listed, list)
    assert isinstance(again.by_name["e"], Leaf)


def test_missing_and_null_parts_stay_empty_and_unknown_keys_are_ignored() -> None:
    again = from_dict(Node, {"leaf": None, "either": None, "unknown": 1})
    assert again == Node()
    assert from_dict(Node, {"leaves": [{"name": "z", "later": True}]}).leaves == (Leaf("z"),)


def test_an_article_comes_back_whole() -> None:
    article = Article(
        id="a",
        path="p",
        text="Hà Nội, 21/10. Bộ trưởng đã gặp.",
        metadata={"title": MetaField("Tin", "html", 0.9)},
        language="vi",
        sentences=(Sentence(0, 14, "Hà Nội, 21/10.", 0, "vi"), Sentence(15, 32, "Bộ trưởng đã gặp.", 0)),
    )
    assert Article.from_dict(article.to_dict()) == article
