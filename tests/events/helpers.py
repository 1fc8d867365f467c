"""Hand-built articles for event tests: mentions and times are given, not recognised."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from typing import Any

from newsloom.article import Article
from newsloom.entities.types import Mention
from newsloom.sentences import split_sentences
from newsloom.timex.types import TimeExpression

#: surface -> (type, key, canonical, role, role_of)
People = dict[str, tuple[str, str, str | None, str | None, str | None]]


def make_article(
    text: str,
    lang: str,
    names: People,
    times: Sequence[tuple[str, str | None, str]] = (),
    published: str | None = None,
    article_id: str = "t1",
    path: str = "t.txt",
    dateline: str | None = None,
) -> Article:
    """An Article with sentences split, every occurrence of each name as a Mention (longest names
    first) and each time phrase resolved to the given (value, precision)."""
    article = Article(id=article_id, path=path, text=text, language=lang)
    sentences = tuple(dataclasses.replace(s, language=lang) for s in split_sentences(text, lang))
    taken: list[tuple[int, int]] = []
    mentions: list[Mention] = []
    for surface in sorted(names, key=len, reverse=True):
        type_, key, canonical, role, role_of = names[surface]
        start = text.find(surface)
        while start >= 0:
            end = start + len(surface)
            if not any(a < end and start < b for a, b in taken):
                taken.append((start, end))
                index = next(i for i, s in enumerate(sentences) if s.start <= start < s.end)
                kind = (
                    "title"
                    if canonical and surface not in canonical and type_ == "person" and role
                    else "name"
                )
                mentions.append(
                    Mention(start, end, surface, type_, index, key, canonical, role, None, role_of, kind=kind)
                )
            start = text.find(surface, end)
    expressions = []
    for surface, value, precision in times:
        start = text.find(surface)
        index = next(i for i, s in enumerate(sentences) if s.start <= start < s.end)
        expressions.append(
            TimeExpression(start, start + len(surface), surface, value, precision, "absolute", sentence=index)
        )
    article = dataclasses.replace(
        article,
        sentences=sentences,
        entities=tuple(sorted(mentions, key=lambda m: m.start)),
        times=tuple(expressions),
    )
    if published:
        article = article.with_meta("published", published, "argument", 1.0)
    if dateline:
        article = article.with_meta("dateline", dateline, "text", 1.0)
    return article


SON = ("person", "person:bui thanh son", "Bùi Thanh Sơn", "deputy_head_of_government", None)
WALY = ("person", "person:ghada waly", "Ghada Waly", "un_under_secretary_general", "org:unodc")
UNODC = ("organization", "org:unodc", "United Nations Office on Drugs and Crime", None, None)
VN = ("place", "place:vn", "Vietnam", None, None)


#: Lương Tam Quang and the four guests of his 26 Oct meetings (the bundled examples' names, for
#: made-up sentences shaped like them)
QUANG = ("person", "person:quang", "Luong Tam Quang", "minister", None)
QUANG_AND_GUESTS: People = {
    "Luong Tam Quang": QUANG,
    "Quang": QUANG,
    "Ali Naghiyev": ("person", "person:naghiyev", "Ali Naghiyev", None, None),
    "Vahid Jalalzadeh": ("person", "person:jalalzadeh", "Vahid Jalalzadeh", "deputy_minister", None),
    "Paulo Chachine": ("person", "person:chachine", "Paulo Chachine", "minister", None),
    "Mmamoloko Kubayi": ("person", "person:kubayi", "Mmamoloko Kubayi", "minister", None),
}
#: Quang's meetings with the two guests he received together: one meeting each
EACH_GUEST = [(("person:quang",), ("person:naghiyev",)), (("person:quang",), ("person:jalalzadeh",))]


def load_training_script(name: str) -> Any:
    """``scripts/train_events.py`` imported as module ``name`` (the script is not a package module)."""
    import importlib.util
    import sys
    from pathlib import Path

    path = Path(__file__).resolve().parents[2] / "scripts" / "train_events.py"
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module
