"""Held-out quality gate: twelve news articles (4 vi, 4 en, 4 id) written and annotated by hand for
this test and never used to tune the rules (see tests/gold/heldout/README.md).

The articles go through the reader and the per-article pipeline without embeddings, then the corpus
steps into a fresh store. Scores: mention F1 per language and type, title coreference, cross-article
linking and false merges (small code of our own, same rules as tests/entities/test_gold.py); time
expressions through ``newsloom.timex.evaluate``; events through ``newsloom.events.evaluate``.
Floors: tests/gold/heldout_floors.json. Figures: ``pytest tests/test_heldout.py -s``.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

from newsloom.article import Article
from newsloom.events.evaluate import (
    EVENT_STAGES,
    Gold,
    load_gold,
    read_articles,
    score_extraction,
    score_merging,
)
from newsloom.timex.evaluate import Score, Span, score_text

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "tests" / "gold" / "heldout"
FLOORS = json.loads((ROOT / "tests" / "gold" / "heldout_floors.json").read_text(encoding="utf-8"))
LANGUAGES = ("vi", "en", "id")
TYPES = ("person", "organization", "place")
#: How many error lines of each kind the report prints (enough to see patterns, short enough to read).
ERRORS_SHOWN = 25


def _jsonl(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def p(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def r(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        return 2 * self.tp / (2 * self.tp + self.fp + self.fn) if self.tp else 0.0


@dataclass
class MentionScore:
    counts: dict[tuple[str, str], Counts] = field(default_factory=lambda: defaultdict(Counts))
    title_total: int = 0
    title_right: int = 0
    linked: list[tuple[str, int]] = field(default_factory=list)  # (gold entity, stored entity id)
    errors: list[str] = field(default_factory=list)

    @property
    def title_coref(self) -> float:
        return self.title_right / self.title_total if self.title_total else 1.0

    @property
    def linking_accuracy(self) -> float:
        """Share of matched name mentions stored under their gold entity's majority stored entity."""
        majority: dict[str, int] = {}
        for entity in {g for g, _ in self.linked}:
            majority[entity] = Counter(s for g, s in self.linked if g == entity).most_common(1)[0][0]
        right = sum(1 for g, s in self.linked if majority[g] == s)
        return right / len(self.linked) if self.linked else 0.0

    @property
    def merged(self) -> dict[int, list[str]]:
        """Stored entities holding mentions of two or more gold entities."""
        golds: dict[int, set[str]] = defaultdict(set)
        for g, s in self.linked:
            golds[s].add(g)
        return {s: sorted(g) for s, g in golds.items() if len(g) > 1}


def score_mentions(
    docs: list[tuple[dict[str, Any], Article]], links: dict[str, dict[str, int]]
) -> MentionScore:
    """Exact span and type for names; the in-article key for titles; stored entities for linking."""
    score = MentionScore()
    for gold, article in docs:
        language = gold["language"]
        system = {(m.start, m.end): m for m in article.entities}
        names = [m for m in gold["mentions"] if m["kind"] == "name"]
        for m in names:
            got = system.get((m["start"], m["end"]))
            if got is not None and got.kind == "name" and got.type == m["type"]:
                score.counts[(language, m["type"])].tp += 1
                if got.key in links[gold["doc"]]:
                    score.linked.append((m["entity"], links[gold["doc"]][got.key]))
            else:
                score.counts[(language, m["type"])].fn += 1
                found = f"{got.type}/{got.kind}" if got is not None else "nothing at that span"
                score.errors.append(f"miss {language} {m['type']:12} {m['text']!r}: {found}")
        gold_spans = {(m["start"], m["end"], m["type"]) for m in names}
        for s in article.entities:
            if s.kind == "name" and (s.start, s.end, s.type) not in gold_spans:
                score.counts[(language, s.type)].fp += 1
                score.errors.append(f"spurious {language} {s.type:12} {s.text!r} ({s.rule})")
        # a title is right when its key is the key the article's names of that gold entity carry
        key_votes = Counter(
            (system[(m["start"], m["end"])].key, m["entity"])
            for m in names
            if (m["start"], m["end"]) in system
        )
        entity_of_key: dict[str, str] = {}
        for (key, entity), _ in key_votes.most_common():
            entity_of_key.setdefault(key, entity)
        for m in gold["mentions"]:
            if m["kind"] != "title":
                continue
            score.title_total += 1
            got = system.get((m["start"], m["end"]))
            if got is not None and got.kind == "title" and entity_of_key.get(got.key) == m["entity"]:
                score.title_right += 1
            else:
                said = f"key {got.key!r}" if got is not None else "not found"
                score.errors.append(f"title {language} {m['text']!r} -> {m['entity']}: {said}")
    return score


def _link_all(articles: list[Article]) -> dict[str, dict[str, int]]:
    """In-article key -> stored entity id, linking the articles in order into a fresh entity store."""
    from newsloom.entities.linking import link_article
    from newsloom.store.migrations import m0002_entities

    engine = sa.create_engine("sqlite://")
    with engine.begin() as conn:
        m0002_entities.upgrade(conn)
    links: dict[str, dict[str, int]] = {}
    for article in articles:
        with engine.begin() as conn:
            links[article.path] = {link.key: link.entity_id for link in link_article(conn, article)}
    return links


@pytest.fixture(scope="module")
def processed(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    from newsloom.corpus import run_corpus_steps
    from newsloom.pipeline import Pipeline
    from newsloom.store import Store
    from newsloom.store.articles import save_article

    entity_gold = _jsonl(GOLD / "entities.jsonl")
    paths = [line["doc"] for line in entity_gold]
    pipeline = Pipeline(EVENT_STAGES)  # language, sentences, entities, times, events: no embeddings
    articles = {path: pipeline(article) for path, article in read_articles(paths, ROOT).items()}
    store = Store.open(str(tmp_path_factory.mktemp("heldout") / "heldout.db"))
    for path in paths:
        with store.transaction() as conn:
            save_article(conn, articles[path])
            run_corpus_steps(conn, articles[path])
    yield {
        "entity_gold": entity_gold,
        "time_gold": _jsonl(GOLD / "times.jsonl"),
        "event_gold": load_gold(GOLD / "events.json"),
        "articles": articles,
        "links": _link_all([articles[p] for p in paths]),
        "store": store,
    }
    store.close()


@pytest.fixture(scope="module")
def mentions(processed: dict[str, Any]) -> MentionScore:
    docs = [(g, processed["articles"][g["doc"]]) for g in processed["entity_gold"]]
    score = score_mentions(docs, processed["links"])
    print("\nheld-out entities (exact span and type):")
    for (language, type_), c in sorted(score.counts.items()):
        print(f"  {language}/{type_:12} P={c.p:.3f} R={c.r:.3f} F1={c.f1:.3f}  tp={c.tp} fp={c.fp} fn={c.fn}")
    print(f"  title coreference {score.title_coref:.3f} ({score.title_right}/{score.title_total})")
    print(f"  linking accuracy {score.linking_accuracy:.3f} over {len(score.linked)} mentions")
    print(f"  false merges {len(score.merged)} {score.merged}")
    print("  errors:", *score.errors[: ERRORS_SHOWN * 3], sep="\n    ")
    return score


@pytest.fixture(scope="module")
def times(processed: dict[str, Any]) -> dict[str, Score]:
    by_lang: dict[str, Score] = {"overall": Score()}
    for row in processed["time_gold"]:
        article = processed["articles"][row["doc"]]
        assert article.text == row["text"], f"{row['doc']}: body changed since it was annotated"
        found = [Span(t.start, t.end, t.value, t.precision, t.end_value) for t in article.times]
        score = score_text(row, found)
        by_lang.setdefault(row["lang"], Score()).add(score)
        by_lang["overall"].add(score)
    print("\nheld-out times:")
    for lang, s in by_lang.items():
        print(
            f"  {lang:8} exact={s.exact_rate:.3f} recall={s.recall:.3f} false_dates={s.false_dates}"
            f"  ({s.exact}/{s.gold} exact, {s.system} found by the system)"
        )
    print("  errors:", *by_lang["overall"].misses, *by_lang["overall"].false_examples, sep="\n    ")
    return by_lang


@pytest.fixture(scope="module")
def events(processed: dict[str, Any]) -> dict[str, Any]:
    gold: Gold = processed["event_gold"]
    report: dict[str, Any] = {"overall": score_extraction(gold, processed["articles"])}
    for lang in LANGUAGES:
        part = Gold(articles=[a for a in gold.articles if a["language"] == lang], aliases=gold.aliases)
        report[lang] = score_extraction(part, processed["articles"])
    with processed["store"].connect() as conn:
        report["merging"] = score_merging(gold, conn)
    print("\nheld-out events:")
    for key in ("overall", *LANGUAGES):
        types = report[key].types.values()
        tp, fp, fn = (sum(getattr(c, n) for c in types) for n in ("tp", "fp", "fn"))
        micro = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
        print(f"  {key:8} type micro-F1={micro:.3f} {json.dumps(report[key].summary())}")
    overall = report["overall"]
    merged = report["merging"]
    print(f"  merging {merged.passed}/{merged.total}")
    print(
        "  errors:",
        *overall.misses[:ERRORS_SHOWN],
        *overall.spurious[:ERRORS_SHOWN],
        *overall.actor_errors[:ERRORS_SHOWN],
        *merged.failures[:ERRORS_SHOWN],
        sep="\n    ",
    )
    return report


# -- the gold itself -------------------------------------------------------------------------------


def test_gold_matches_the_bodies_the_reader_gives(processed: dict[str, Any]) -> None:
    for gold in processed["entity_gold"]:
        text = processed["articles"][gold["doc"]].text
        assert hashlib.sha1(text.encode()).hexdigest() == gold["text_sha1"], gold["doc"]
        for m in gold["mentions"]:
            assert text[m["start"] : m["end"]] == m["text"], (gold["doc"], m)
    for row in processed["time_gold"]:
        for expr in row["expressions"]:
            assert row["text"][expr["start"] : expr["start"] + len(expr["text"])] == expr["text"], row["id"]
    langs = Counter(g["language"] for g in processed["entity_gold"])
    assert langs == {"vi": 4, "en": 4, "id": 4}


def test_language_is_identified(processed: dict[str, Any]) -> None:
    wrong = [
        (g["doc"], processed["articles"][g["doc"]].language)
        for g in processed["entity_gold"]
        if processed["articles"][g["doc"]].language != g["language"]
    ]
    assert len(processed["entity_gold"]) - len(wrong) >= FLOORS["language_identified"], wrong


# -- entities --------------------------------------------------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("type_", TYPES)
def test_mention_f1_floor(mentions: MentionScore, language: str, type_: str) -> None:
    got = mentions.counts[(language, type_)].f1
    floor = FLOORS["entities"]["mention_f1"][language][type_]
    assert got >= floor, f"held-out {language}/{type_} mention F1 {got:.3f} fell below {floor}"


def test_title_coreference_floor(mentions: MentionScore) -> None:
    assert mentions.title_coref >= FLOORS["entities"]["title_coref"]


def test_linking_floor(mentions: MentionScore) -> None:
    assert mentions.linking_accuracy >= FLOORS["entities"]["linking_accuracy"]
    assert len(mentions.merged) <= FLOORS["entities"]["false_merges_max"], mentions.merged


# -- times -----------------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["overall", *LANGUAGES])
def test_time_floors(times: dict[str, Score], lang: str) -> None:
    score, floor = times[lang], FLOORS["times"][lang]
    assert score.exact_rate >= floor["exact"], "\n".join(score.misses)
    assert score.recall >= floor["recall"], "\n".join(score.misses)
    assert score.false_dates <= floor["false_dates_max"], "\n".join(score.false_examples)


# -- events ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("key", ["overall", *LANGUAGES])
def test_event_floors(events: dict[str, Any], key: str) -> None:
    score, floor = events[key], FLOORS["events"][key]
    summary = score.summary()
    assert score.macro_f1 >= floor["type_macro_f1"], (summary, score.misses, score.spurious)
    assert score.actor_f1 >= floor["actors_f1"], (summary, score.actor_errors)
    assert (summary["date_accuracy"] or 0.0) >= floor["date_accuracy"], summary


def test_event_merging_floor(events: dict[str, Any]) -> None:
    merged = events["merging"]
    assert merged.rate >= FLOORS["events"]["merge_rate"], merged.failures
