"""The encoder's prefilter: of the sentences the gate and the sparing still send to the encoder, only
those whose vector is likely to change what the events stage decides (issue #18).

The events stage reads a sentence's vector for two things: the types the classifier adds (on its
own, or beside the rule events) and the confidence of the rule events. On 41 gold articles and 100
SemEval training texts, 90% of the encoded sentences came out with the same events (type and
actors) with and without their vector (``python bench/event_vectors.py``; with the prefilter, 5.05
-> 3.05 sentences encoded per gold article, type macro-F1 0.933 -> 0.944). The prefilter is a
linear model distilled from the shipped classifier's own decisions on SemEval TRAINING texts
(``scripts/train_prefilter.py``): hashed words, word pairs and character 4-grams of the sentence,
its language, what the rules found in it (its rule events' types, a trigger word,
its entity mentions), whether it is in the lead and whether the pack's cues read it as asserted;
its output estimates the probability that the vector changes the sentence's events. A sentence
scoring under its kind's ``bar`` (chosen out of fold on the training texts for the recall the artifact
names) is not encoded: its rule events keep their type's calibrated rule-only confidence, as the
sparing's do. A sentence read alone (an article of at most ``SHORT_ARTICLE`` sentences) is always
encoded: it has one chance to be read. Of the rest, a kind listed in ``most`` sends at most that
many sentences per article, those furthest over their bar: the packless ones two (session 12,
chosen with the bar, recall 0.85, by a rule written before measuring: on 100 unseen SemEval texts
the sentences sent fall from 4.41 per text (round 11's prefilter) to 1.42, and of the events the
vector would add there, judged by hand in ``tests/gold/prefilter_lost/``, 37 are dropped, 9 right
and 28 wrong (round 11's dropped 4 right, 9 wrong); the gold articles, which have no packless
sentence, send 2.78 instead of 3.02 with the same gate figures. A cap on the plain or
all kinds raised type macro-F1 but broke 2 of the 13 main story events). Session 13 found why: the
cap kept the lead's plain sentences and dropped later ones whose classifier event between two named
leaders was the only link of a report to its story (see ``PAIRED_MENTIONS``). So a plain sentence
naming two or more entities is capped apart ("plain_paired", no cap), and the artifact caps the rule
sentences at 1 (veto is off: a rule sentence's vector can only add a type beside its rule events or
move their confidence) and the other plain ones at 1: 2.98 -> 2.29 sentences per gold article with
the same events (types, actors, dates) and every gate; only confidences move.
Session 14 re-measured it against the current readers (English round 13, Indonesian round 12):
re-distilled from them, it kept the same recall under the caps and sent more sentences, so these
weights stay (metadata ``remeasured_s14``; ``python bench/event_vectors.py --heldout``).
Session 15: a packless sentence naming no entity is not sent at all (:data:`PACKLESS_MENTIONS`): its
events could name no actor and never reach the store; the events stage's CPU per article fell 0.91x
on the gold + 100 SemEval training texts with the same stored events (``python bench/event_texts.py``
counts what the stage embeds and why). A bar of its own for "plain_paired" (``Prefilter.bar``: an
artifact may name one) was measured and not shipped: the probability barely tells the 15 of 58 gold
sentences whose vector changes their events from the rest (p 0.22..0.99), and the bar that kept every
changed one of the SemEval training texts (0.45) broke 2 of the 13 main story events while saving
7.6% of the stage's encoder tokens (``python bench/event_texts.py --bars plain_paired``).
Session 16: a learned skip after the caps (``Prefilter.skip``, ``events/skip.py``, trained by
``scripts/train_skip.py`` on the sentences the stage embeds) was measured and not shipped: on
SemEval training text its out-of-fold recall of the sentences whose vector changes their events
was 0.71 at the bar that saved 24% of the gold's and 40% of SemEval's encoder tokens (its
features rank real news sentences at AUC 0.56); ``load_prefilter`` sets none. Session 17: the skip
reading a first-pass vector distilled from the encoder (``events/firstpass.py``) saved 21% of the
SemEval texts' tokens at full recall but none of the gold's; not set either.

``scripts/train_prefilter.py`` rebuilds ``data/prefilter.json``; rerun it after the classifier,
the gate or the rules change (its labels are their decisions).
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from newsloom.article import Article
from newsloom.events.classifier import read_artifact
from newsloom.events.gate import feature_columns  # the sentence gate's hashing: one crc32 scheme
from newsloom.events.skip import SkipModel, SkipSignals
from newsloom.events.types import Event

PREFILTER_ARTIFACT = "data/prefilter.json"
#: A plain sentence naming at least this many entities is capped apart, as kind ``plain_paired``
#: (its bar stays the plain one): the classifier's event between two named actors is what links two
#: reports of one event when the pack has no trigger for its words ("Upacara dipimpin Presiden
#: Vietnam Luong Cuong dan dihadiri Sekjen PBB António Guterres": the only Lương Cường-Guterres
#: event of two Indonesian reports of the signing; session 13: a cap on every plain sentence kept the
#: lead's and broke 2 of the 13 main story events for want of such later sentences).
PAIRED_MENTIONS = 2
#: A sentence of a language without a pack (kind "packless") naming fewer entities than this is not
#: sent in an article read beyond its lead: the classifier's events take their actors from the
#: sentence's mentions (``extract.sentence_event``; such a pack reads no pronoun, group word or mode),
#: so its events would name no actor, no venue and no gathering, and the corpus steps leave such an
#: event out (``merge._groups``): it never reaches the store. Session 15: on 300 SemEval training texts
#: 179 of the 389 packless sentences sent named no entity (5,624 of 14,715 tokens); their 24 events
#: all named no actor.
PACKLESS_MENTIONS = 1
#: The sentences of an article's lead (its first ones) are marked as such: the lead says what
#: happened, and the classifier's events gather there.
LEAD = 3
_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class SentenceSignals:
    """What the stage knows of a sentence before any vector: its text and language, what kind of
    sentence it is for the classifier ("packless": its pack has no triggers, the classifier is all
    it has; "rule": it holds rule events; "plain": neither), its rule events' types, its entity
    mentions, whether it holds a trigger word, its position and whether the pack's cues read it as
    asserted."""

    text: str
    language: str
    kind: str
    rule_types: frozenset[str]
    mentions: int
    trigger: bool
    index: int
    asserted: bool


def prefilter_features(signals: SentenceSignals) -> list[str]:
    """The prefilter's features of one sentence: case-folded words, word pairs and the words'
    character 4-grams (stems and endings carry across a language's inflections: out-of-fold AUC
    0.775 -> 0.797 on the training rows), the language, and the rules' signals alone and crossed
    with the sentence's kind."""
    words = _WORD.findall(signals.text.casefold())
    found = [f"w:{w}" for w in words]
    found.extend(f"b:{a} {b}" for a, b in zip(words, words[1:], strict=False))
    for word in words:
        marked = f"<{word}>"
        found.extend(f"c:{marked[i : i + 4]}" for i in range(max(1, len(marked) - 3)))
    kind = signals.kind
    mentions = min(signals.mentions, 3)
    found.extend(
        (
            f"lang:{signals.language}",
            f"kind:{kind}",
            f"kind:{kind}|lang:{signals.language}",
            f"kind:{kind}|mentions:{mentions}",
            f"kind:{kind}|trigger:{int(signals.trigger)}",
            f"kind:{kind}|lead:{int(signals.index < LEAD)}",
            f"kind:{kind}|asserted:{int(signals.asserted)}",
            f"length:{min(len(words) // 10, 5)}",
        )
    )
    found.extend(f"rule:{t}" for t in sorted(signals.rule_types))
    if len(signals.rule_types) > 1:
        found.append("rules:several")
    return found


@dataclass(frozen=True)
class Prefilter:
    """The prefilter's weights (hashed columns), its bias and its bar on the probability per kind of
    sentence (each chosen for the same out-of-fold recall of that kind's changed sentences: one
    bar for all sent the Vietnamese, English and Indonesian sentences to the encoder and skipped
    the packless ones, whose events the model foresees worse); a kind not listed is always sent."""

    buckets: int
    weights: dict[int, float]
    bias: float
    bars: dict[str, float]
    metadata: dict[str, Any] = field(default_factory=dict)
    #: per kind of sentence (:func:`cap_kind`: "plain_paired" apart from "plain"), at most this many
    #: of an article's go to the encoder, those furthest over their bar (a kind not listed: no cap)
    most: dict[str, int] = field(default_factory=dict)
    #: a packless sentence naming fewer entities is not sent (see :data:`PACKLESS_MENTIONS`)
    packless_mentions: int = PACKLESS_MENTIONS
    #: the learned skip (``events/skip.py``): of the sentences kept, those it scores under its bar
    #: are not sent after all (None: all kept are sent); not part of this artifact
    skip: SkipModel | None = field(default=None, compare=False)

    def probability(self, signals: SentenceSignals) -> float:
        """The estimated probability that the sentence's vector changes its events."""
        columns = feature_columns(prefilter_features(signals), self.buckets)
        logit = self.bias + sum(self.weights.get(c, 0.0) * v for c, v in columns.items())
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, logit))))

    def needs_encoder(self, signals: SentenceSignals) -> bool:
        """Whether the sentence goes to the encoder."""
        bar = self.bar(signals)
        return bar is None or self.probability(signals) >= bar

    def bar(self, signals: SentenceSignals) -> float | None:
        """The sentence's bar: its cap kind's (:func:`cap_kind`, e.g. "plain_paired") when the
        artifact names one, else its kind's; None: always sent."""
        return self.bars.get(cap_kind(signals), self.bars.get(signals.kind))

    def kept(self, article: Article, events: Sequence[Event], candidates: Sequence[int]) -> list[int]:
        """The ``candidates`` of ``article`` (with its rule ``events``) that go to the encoder: all of
        them in an article of at most ``SHORT_ARTICLE`` sentences (a sentence read alone), else
        those the prefilter scores at or above its bar, of a kind (:func:`cap_kind`) in ``most`` at
        most that many (those furthest over the bar); never a packless one naming fewer than
        ``packless_mentions`` entities (its events could name no actor)."""
        from newsloom.events.learned import SHORT_ARTICLE

        if len(article.sentences) <= SHORT_ARTICLE:
            return list(candidates)
        scored: dict[str, list[tuple[float, int]]] = {}
        for i in candidates:
            signals = sentence_signals(article, i, events)
            if signals.kind == "packless" and signals.mentions < self.packless_mentions:
                continue
            bar = self.bar(signals)
            if bar is None:
                scored.setdefault(signals.kind, []).append((math.inf, i))
                continue
            probability = self.probability(signals)
            if probability >= bar:  # ranked by how far over its kind's bar
                scored.setdefault(cap_kind(signals), []).append((_logit(probability) - _logit(bar), i))
        kept = []
        for kind, found in scored.items():
            cap = self.most.get(kind, len(found))
            kept.extend(sorted(found, key=lambda pair: (-pair[0], pair[1]))[:cap])
        chosen = sorted(i for _, i in kept)
        if self.skip is not None:
            chosen = [i for i in chosen if not self.skip.skips(skip_signals(article, i, events))]
        return chosen

    def to_json(self) -> dict[str, Any]:
        return {
            "metadata": self.metadata,
            **({"most": dict(sorted(self.most.items()))} if self.most else {}),
            **(
                {"packless_mentions": self.packless_mentions}
                if self.packless_mentions != PACKLESS_MENTIONS
                else {}
            ),
            "buckets": self.buckets,
            "bias": round(self.bias, 5),
            "bars": {kind: round(bar, 5) for kind, bar in sorted(self.bars.items())},
            "weights": {str(c): round(w, 3) for c, w in sorted(self.weights.items()) if round(w, 3)},
        }

    @classmethod
    def from_json(cls, data: dict[str, Any], where: str = PREFILTER_ARTIFACT) -> Prefilter:
        try:
            return cls(
                buckets=int(data["buckets"]),
                weights={int(c): float(w) for c, w in data["weights"].items()},
                bias=float(data["bias"]),
                bars={str(k): float(v) for k, v in data["bars"].items()},
                metadata=dict(data.get("metadata", {})),
                most={str(k): int(v) for k, v in data.get("most", {}).items()},
                packless_mentions=int(data.get("packless_mentions", PACKLESS_MENTIONS)),
            )
        except (AttributeError, KeyError, TypeError, ValueError) as exc:
            raise ValueError(
                f"{where}: not a prefilter artifact ({exc!r}); rebuild it with 'python scripts/train_prefilter.py'"
            ) from exc


def cap_kind(signals: SentenceSignals) -> str:
    """The kind a sentence is capped under (``Prefilter.most``): its kind, a plain sentence naming
    at least ``PAIRED_MENTIONS`` entities apart as "plain_paired"."""
    if signals.kind == "plain" and signals.mentions >= PAIRED_MENTIONS:
        return "plain_paired"
    return signals.kind


def _logit(p: float) -> float:
    p = min(max(p, 1e-9), 1.0 - 1e-9)
    return math.log(p / (1.0 - p))


def sentence_signals(article: Article, index: int, events: Sequence[Event]) -> SentenceSignals:
    """The signals of sentence ``index`` of ``article`` whose rule events are ``events``."""
    from newsloom.events import learned

    rules = learned._rules(article, index)
    language, mentions, trigger = learned.sentence_signals(article, index)
    types = frozenset(e.type for e in events if e.sentence == index)
    kind = "packless" if not rules.triggers else "rule" if types else "plain"
    text = article.sentences[index].text
    return SentenceSignals(
        text, language, kind, types, mentions, trigger, index, learned.asserted(text, rules)
    )


def skip_signals(article: Article, index: int, events: Sequence[Event]) -> SkipSignals:
    """The signals of sentence ``index`` of ``article`` whose rule events are ``events``."""
    from newsloom.events import learned

    signals = sentence_signals(article, index, events)
    sentence = article.sentences[index]
    rules = learned._rules(article, index)
    triggers = (
        sum(1 for _ in rules.any_trigger.finditer(article.text, sentence.start, sentence.end))
        if rules.triggers
        else 0
    )
    mentions = tuple(m.type for m in article.entities if sentence.start <= m.start < sentence.end)
    found = tuple(sorted((e.type, round(e.confidence, 3)) for e in events if e.sentence == index))
    return SkipSignals(
        signals.text,
        signals.language,
        cap_kind(signals),
        found,
        triggers,
        mentions,
        index,
        len(article.sentences),
        signals.asserted,
    )


@cache
def load_prefilter() -> Prefilter:
    """The shipped prefilter (``newsloom/events/data/prefilter.json``), loaded once per process."""
    fix = (
        "rebuild it with 'python scripts/train_prefilter.py', or turn the prefilter off "
        "(setting event_prefilter = false)."
    )
    return Prefilter.from_json(read_artifact(PREFILTER_ARTIFACT, "The encoder prefilter", fix))
