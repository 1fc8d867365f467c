"""Titles a person reads: a story's best headline in the reader's language, never a first sentence
cut mid-phrase, and a storyline's name (its own when the view has one, else its principal actors).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from typing import Any

from newsloom.store import Connection
from newsloom.store import stories as story_rows

#: A story title's rank when it is a report's headline (a lower rank is a sentence taken from the text).
HEADLINE = 2
#: Longest title shown whole; a longer sentence is cut at its last phrase boundary before this.
MAX_TITLE_CHARS = 120
#: A cut keeps at least this much (else it cuts at a word instead of an early comma).
MIN_KEPT_CHARS = 40
#: Where a phrase ends inside a sentence: a comma, semicolon, colon or dash followed by a space.
PHRASE_END = re.compile(r"[,;:]\s|\s[–—-]\s")
SENTENCE_END = re.compile(r"[.!?…。]['\"”’)]?$")
#: Actors a generated storyline name lists.
NAME_ACTORS = 2
#: Stories of a storyline read to find its principal actors (the first ones: where it started).
NAME_STORIES = 3
ACTOR_TYPES = ("person", "organization")


def clean_title(text: str, limit: int = MAX_TITLE_CHARS) -> str:
    """A sentence as a title: whole when it is complete and short; else cut where a phrase ends
    (or, without one, between words) and marked with an ellipsis. Never cut inside a word."""
    text = " ".join(text.split())
    if len(text) <= limit and SENTENCE_END.search(text):
        return text[:-1] if text.endswith(".") else text
    window = text[:limit]
    ends = [m.start() for m in PHRASE_END.finditer(window) if m.start() >= MIN_KEPT_CHARS]
    if len(text) <= limit and not ends:
        return text  # short, just without its final stop: nothing was cut
    cut = ends[-1] if ends else window.rfind(" ", MIN_KEPT_CHARS)
    if cut <= 0:
        cut = len(window)
    return window[:cut].rstrip(" ,;:–—-") + "…"


def best_title(titles: dict[str, tuple[str, int]], language: str) -> str | None:
    """A headline in ``language``, else a headline in any language (English first, then by code),
    else a sentence of a report in ``language`` or any, cleaned (see ``clean_title``)."""
    if not titles:
        return None

    def order(item: tuple[str, tuple[str, int]]) -> tuple[int, int, int, str]:
        code, (_, rank) = item
        headline = rank >= HEADLINE
        return (0 if headline else 1, 0 if code == language else 1, 0 if code == "en" else 1, code)

    code, (title, rank) = min(titles.items(), key=order)
    return title if rank >= HEADLINE else clean_title(title)


def story_titles(conn: Connection, story_ids: Iterable[int], language: str) -> dict[int, str]:
    """Story id -> its title for a reader of ``language``."""
    found = story_rows.titles_of(conn, sorted(set(story_ids)))
    return {story: title for story, titles in found.items() if (title := best_title(titles, language))}


def storyline_name(conn: Connection, line_id: int, view: Any = None) -> str | None:
    """The storyline's own name when its view has one (``view.name``), else its principal actors
    (the persons and organizations most mentioned in its first stories), else its first story's
    title (a line whose reports name no actor, e.g. a ceremony's sessions), else None."""
    own = getattr(view, "name", None) or (view.get("name") if isinstance(view, dict) else None)
    if own:
        return str(own)
    stories = [s.id for s in story_rows.stories_in_storyline(conn, line_id)[:NAME_STORIES]]
    actors = principal_actors(conn, stories)
    if actors:
        return " · ".join(actors)
    if not stories:
        return None
    return best_title(story_rows.titles_of(conn, stories[:1]).get(stories[0], {}), "en")


def principal_actors(conn: Connection, story_ids: Sequence[int], top: int = NAME_ACTORS) -> list[str]:
    """The persons and organizations most mentioned across some stories."""
    from newsloom.stories.queries import story_detail

    counts: Counter[str] = Counter()
    for story_id in story_ids:
        detail = story_detail(conn, story_id) or {}
        for entity in detail.get("entities", []):
            if entity.get("type") in ACTOR_TYPES:
                counts[str(entity["name"])] += int(entity.get("mentions") or 0)
    return [name for name, _ in counts.most_common(top)]


def storyline_names(conn: Connection, lines: Iterable[Any]) -> dict[int, str]:
    """Storyline id -> name, for storyline views (models or plain records) or bare ids."""
    names = {}
    for line in lines:
        line_id = int(line) if isinstance(line, int) else int(getattr(line, "id", None) or line["id"])
        name = storyline_name(conn, line_id, None if isinstance(line, int) else line)
        if name:
            names[line_id] = name
    return names
