"""Score event extraction and merging against hand-made gold (``tests/gold/events/gold.json``).

The gold lists, per article, every event with a snippet of its sentence, its PLOVER type and mode,
its source and target actors (each actor a slot of acceptable names; optional ones apart), its
date, and the corpus event it belongs to. The same scoring serves the quality gate
(``tests/events/test_gold.py``) and anyone tuning rules.

- **type macro-F1**: per PLOVER type, events matched by (article, sentence, type);
- **actors F1**: on matched events, gold actor slots found among the system's actors (source and
  target kept apart); a system actor matching no slot (required or optional) is a false positive;
- **merging**: each gold corpus event is exactly one stored event, whose annotated articles are
  exactly the gold ones.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from newsloom.article import Article
from newsloom.events.actors import fold
from newsloom.events.types import Actor, Event
from newsloom.store import Connection
from newsloom.store import events as event_rows

#: The per-article stages the gate runs (no embeddings: they are the stories' business).
EVENT_STAGES = ("language", "sentences", "entities", "times", "events")
#: The events gate's stages: with the embeddings, the corpus steps also cluster stories, and events
#: an undated article could not date take their year or day from the story (``events/years.py``),
#: as in ``newsloom run``.
GATE_STAGES = (*EVENT_STAGES, "embed")


def norm(name: str) -> str:
    """Folded, letters and digits only: "Việt Nam" and "Viet-nam" compare equal."""
    return re.sub(r"[^0-9a-z]", "", fold(name))


@dataclass
class Gold:
    articles: list[dict[str, Any]]
    aliases: dict[str, list[str]]

    def names(self, label: str) -> set[str]:
        return {norm(label), *(norm(a) for a in self.aliases.get(label, []))}

    @property
    def paths(self) -> list[str]:
        return [a["path"] for a in self.articles]


def load_gold(path: Path) -> Gold:
    data = json.loads(path.read_text(encoding="utf-8"))
    return Gold(articles=data["articles"], aliases=data.get("aliases", {}))


def read_articles(paths: Iterable[str], root: Path) -> dict[str, Article]:
    """The articles at gold paths (relative to ``root``; "file#N" for feed items), read by the
    readers, with ``path`` set to the gold path so that stored sources name them the same way."""
    import dataclasses
    import os

    from newsloom.ingest import read_path

    wanted = list(paths)
    found: dict[str, Article] = {}
    for file in sorted({p.split("#", 1)[0] for p in wanted}):
        for item in read_path(str(root / file)):
            if isinstance(item, Article):
                relative = os.path.normpath(os.path.relpath(item.path.split("#", 1)[0], root))
                suffix = "#" + item.path.split("#", 1)[1] if "#" in item.path else ""
                found[relative + suffix] = dataclasses.replace(item, path=relative + suffix)
    return {
        p: found[os.path.normpath(p.split("#", 1)[0]) + ("#" + p.split("#", 1)[1] if "#" in p else "")]
        for p in wanted
    }


# -- extraction ------------------------------------------------------------------------------------


@dataclass
class TypeCounts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def f1(self) -> float:
        return 2 * self.tp / (2 * self.tp + self.fp + self.fn) if self.tp else 0.0


@dataclass
class ExtractionScore:
    types: dict[str, TypeCounts] = field(default_factory=dict)
    actor_tp: int = 0
    actor_fp: int = 0
    actor_fn: int = 0
    mode_right: int = 0
    mode_total: int = 0
    date_right: int = 0
    date_total: int = 0
    misses: list[str] = field(default_factory=list)
    spurious: list[str] = field(default_factory=list)
    actor_errors: list[str] = field(default_factory=list)

    @property
    def macro_f1(self) -> float:
        scored = [c.f1 for c in self.types.values() if c.tp or c.fp or c.fn]
        return sum(scored) / len(scored) if scored else 0.0

    @property
    def actor_f1(self) -> float:
        tp, fp, fn = self.actor_tp, self.actor_fp, self.actor_fn
        return 2 * tp / (2 * tp + fp + fn) if tp else 0.0

    def summary(self) -> dict[str, Any]:
        return {
            "type_macro_f1": round(self.macro_f1, 3),
            "per_type_f1": {t: round(c.f1, 3) for t, c in sorted(self.types.items())},
            "actors_f1": round(self.actor_f1, 3),
            "mode_accuracy": round(self.mode_right / self.mode_total, 3) if self.mode_total else None,
            "date_accuracy": round(self.date_right / self.date_total, 3) if self.date_total else None,
        }


def _sentence_of(article: Article, snippet: str) -> int | None:
    for index, sentence in enumerate(article.sentences):
        if snippet in sentence.text:
            return index
    return None


def _actor_names(actor: Actor) -> set[str]:
    return {norm(actor.name), norm(actor.text)} - {""}


def _slot_hit(slot: Sequence[str], actor: Actor, gold: Gold) -> bool:
    names = _actor_names(actor)
    return any(names & gold.names(label) for label in slot)


def _actors_score(
    role: str, expected: dict[str, Any], event: Event, gold: Gold
) -> tuple[int, int, int, list[str]]:
    slots: list[list[str]] = expected.get(role, [])
    optional: list[str] = expected.get(f"{role}_optional", [])
    actors = list(event.source_actors if role == "source" else event.target_actors)
    if expected.get("joint") and not expected.get("target"):  # participants may sit on either side
        if role == "source":
            actors += list(event.target_actors)
        else:
            actors = []
    tp = sum(1 for slot in slots if any(_slot_hit(slot, a, gold) for a in actors))
    fn = len(slots) - tp
    wrong = [
        a
        for a in actors
        if not any(_slot_hit(slot, a, gold) for slot in slots) and not _slot_hit(optional, a, gold)
    ]
    notes = [f"{role} {a.name!r} not in gold" for a in wrong]
    notes += [f"{role} {slot} missing" for slot in slots if not any(_slot_hit(slot, a, gold) for a in actors)]
    return tp, len(wrong), fn, notes


def _overlap(expected: dict[str, Any], event: Event, gold: Gold) -> int:
    return (
        _actors_score("source", expected, event, gold)[0] + _actors_score("target", expected, event, gold)[0]
    )


def score_extraction(gold: Gold, articles: dict[str, Article]) -> ExtractionScore:
    """Type and actor scores of the articles' events against the gold."""
    score = ExtractionScore()
    for entry in gold.articles:
        article = articles.get(entry["path"])
        if article is None:
            raise FileNotFoundError(
                f"gold article {entry['path']} was not read; is ../shared beside the repo?"
            )
        expected_by_key: dict[tuple[int, str], list[dict[str, Any]]] = {}
        for expected in entry["events"]:
            index = _sentence_of(article, expected["sentence"])
            if index is None:
                raise ValueError(f"{entry['path']}: gold sentence not found: {expected['sentence']!r}")
            expected_by_key.setdefault((index, expected["type"]), []).append(expected)
        system_by_key: dict[tuple[int, str], list[Event]] = {}
        for event in article.events:
            system_by_key.setdefault((event.sentence, event.type), []).append(event)
        for key in set(expected_by_key) | set(system_by_key):
            expected_list = expected_by_key.get(key, [])
            system_list = list(system_by_key.get(key, []))
            counts = score.types.setdefault(key[1], TypeCounts())
            for expected in expected_list:
                if not system_list:
                    counts.fn += 1
                    score.misses.append(f"{entry['path']} s{key[0]} {key[1]}: {expected['sentence'][:60]}")
                    continue
                best = max(system_list, key=lambda e: _overlap(expected, e, gold))
                system_list.remove(best)
                counts.tp += 1
                for role in ("source", "target"):
                    tp, fp, fn, notes = _actors_score(role, expected, best, gold)
                    score.actor_tp += tp
                    score.actor_fp += fp
                    score.actor_fn += fn
                    score.actor_errors += [f"{entry['path']} s{key[0]} {key[1]}: {n}" for n in notes]
                if "mode" in expected or best.mode:
                    score.mode_total += 1
                    score.mode_right += int(expected.get("mode") == best.mode)
                if expected.get("date"):
                    score.date_total += 1
                    score.date_right += int((best.date or "")[-5:] == expected["date"][-5:])
            for event in system_list:
                counts.fp += 1
                score.spurious.append(
                    f"{entry['path']} s{key[0]} {key[1]} ({event.trigger!r}): {event.evidence[:60]}"
                )
    return score


# -- merging ---------------------------------------------------------------------------------------


@dataclass
class MergeScore:
    total: int = 0
    passed: int = 0
    failures: list[str] = field(default_factory=list)
    passed_ids: list[str] = field(default_factory=list)

    @property
    def rate(self) -> float:
        return self.passed / self.total if self.total else 0.0


def score_merging(gold: Gold, conn: Connection) -> MergeScore:
    """Each gold corpus event must be one stored event whose annotated articles are the gold ones."""
    annotated = set(gold.paths)
    mentions: dict[str, list[tuple[str, str, str, dict[str, Any]]]] = {}
    for entry in gold.articles:
        for expected in entry["events"]:
            mentions.setdefault(expected["event"], []).append(
                (entry["path"], expected["sentence"], expected["type"], expected)
            )
    rows = event_rows.source_evidence(conn)
    by_event: dict[int, set[str]] = {}
    for row in rows:
        by_event.setdefault(row.event_id, set()).add(row.path)
    score = MergeScore()
    for corpus_id, expected in sorted(mentions.items()):
        score.total += 1
        found: set[int] = set()
        missing = []
        for path, snippet, type_, annotation in expected:
            matching = [r for r in rows if r.path == path and snippet in r.sentence and r.type == type_]
            if not matching:
                missing.append(f"{path}: {snippet[:40]}")
                continue
            # two events of one type in one sentence (two meetings): the one with the gold's actors
            best = max(_row_overlap(r, annotation, gold) for r in matching)
            found |= {r.event_id for r in matching if _row_overlap(r, annotation, gold) == best}
        gold_articles = {p for p, _, _, _ in expected}
        if missing:
            score.failures.append(f"{corpus_id}: not extracted: {missing}")
            continue
        if len(found) != 1:
            score.failures.append(f"{corpus_id}: split over stored events {sorted(found)}")
            continue
        stored_articles = by_event[next(iter(found))] & annotated
        if stored_articles != gold_articles:
            extra, lost = stored_articles - gold_articles, gold_articles - stored_articles
            score.failures.append(
                f"{corpus_id}: articles differ (extra {sorted(extra)}, missing {sorted(lost)})"
            )
            continue
        score.passed += 1
        score.passed_ids.append(corpus_id)
    return score


def _row_overlap(row: Any, expected: dict[str, Any], gold: Gold) -> int:
    """How many of the gold's actor slots a stored source row names."""
    actors = [
        Actor(key=a["key"], name=a.get("name", ""), text=a.get("text", ""))
        for column in ("source_actors", "target_actors")
        for a in json.loads(getattr(row, column))
    ]
    slots = expected.get("source", []) + expected.get("target", [])
    return sum(1 for slot in slots if any(_slot_hit(slot, a, gold) for a in actors))


def stories_cross_check(stories: dict[str, Any], conn: Connection, gold_paths: Sequence[str]) -> MergeScore:
    """The main events of ``tests/gold/stories.json``: is each one stored event holding exactly its
    reporting articles? An article's candidate events are those whose actors include two of the
    story's actors (one for a one-actor story) within a day of its date; any PLOVER type. An article
    telling the event in passing (a source row of kind ``mention``) is no report of it, as the gold
    writes it."""
    from newsloom.events.passing import MENTION
    from newsloom.events.rollup import dates_compatible

    rows = [r for r in event_rows.source_dates(conn) if r.kind != MENTION]
    all_paths = set(gold_paths)
    by_event_articles: dict[int, set[str]] = {}
    info: dict[int, tuple[str | None, set[str]]] = {}
    for row in rows:
        by_event_articles.setdefault(row.event_id, set()).add(row.path)
        actors = json.loads(row.actors)
        names = {
            n
            for a in actors.get("source", []) + actors.get("target", [])
            for n in (norm(a.get("name", "")), norm(a.get("text", "")))
        }
        info[row.event_id] = (row.date, names)
    score = MergeScore()
    for story in stories["events"]:
        score.total += 1
        # each story actor by its full name or its last word ("Cyril Ramaphosa" ~ "Ramaphosa")
        wanted = [(norm(a), norm(a.split()[-1])) for a in story["actors"]]
        need = 2 if len(story["actors"]) >= 2 else 1
        candidates = []
        for event_id, (date, names) in info.items():
            shared = sum(
                1
                for full, last in wanted
                if any(n == full or (len(last) > 3 and n.endswith(last)) for n in names)
            )
            if shared >= need and dates_compatible(date, None, story["date"], story.get("date_end")):
                candidates.append(event_id)
        articles = set(story["articles"])
        best = max(candidates, key=lambda i: len(by_event_articles[i] & articles), default=None)
        if best is None:
            score.failures.append(f"{story['id']}: no stored event")
            continue
        stored = by_event_articles[best] & all_paths
        if stored == articles:
            score.passed += 1
            score.passed_ids.append(story["id"])
        else:
            score.failures.append(
                f"{story['id']}: event {best} has extra {sorted(stored - articles)} missing {sorted(articles - stored)}"
            )
    return score


def type_counts(articles: Iterable[Article]) -> Counter[str]:
    return Counter(e.type for a in articles for e in a.events)
