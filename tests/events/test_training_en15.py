"""Round 15: the English sentences of ``data/sentences_en15.tsv`` (training only, aimed at CONCEDE,
RETREAT, COERCE, SANCTION, REJECT, two-event sentences and hedged statements), read by the training
script only when asked. No model is loaded."""

from __future__ import annotations

import re
from collections import Counter

from newsloom.events import training
from newsloom.events.classifier import load_sentences
from newsloom.events.embed import load_examples
from newsloom.events.types import PLOVER_TYPES
from tests.events.helpers import load_training_script

OTHER_FILES = (
    training.PACKLESS_TRAINING,
    training.CONCEDE_TRAINING,
    training.WEAK_TRAINING,
    training.NEWS12_TRAINING,
    training.EN13_TRAINING,
    training.EN14_TRAINING,
)


def _script():
    return load_training_script("train_events_en15")


def _items():
    return training.load_packless_training(_script().EN15_TRAINING)


def test_the_round_15_sentences_are_english_training_rows_with_valid_labels_aimed_at_the_weak_types():
    items = _items()
    assert len(items) >= 240
    assert {s.language for s in items} == {"en"} and {s.split for s in items} == {"train"}
    assert {t for s in items for t in s.types} <= set(PLOVER_TYPES)
    counts = Counter(t for s in items for t in (s.types or {"none"}))
    for kind in ("CONCEDE", "RETREAT"):
        assert counts[kind] >= 35, (kind, counts)
    for kind in ("COERCE", "SANCTION", "REJECT"):
        assert counts[kind] >= 15, (kind, counts)
    assert counts["none"] >= 30, counts
    assert sum(len(s.types) >= 2 for s in items) >= 40  # the held-out gold has two-event sentences


def test_no_round_15_sentence_is_written_twice_nor_shared_with_any_other_training_row():
    texts = [s.text.casefold() for s in _items()]
    assert len(set(texts)) == len(texts)
    others = {s.text.casefold() for s in load_sentences()}
    for name in OTHER_FILES:
        others |= {s.text.casefold() for s in training.load_packless_training(name)}
    others |= {t.casefold() for sentences in load_examples().values() for t in sentences}
    assert not set(texts) & others, sorted(set(texts) & others)


#: A hedged, conditional or planned statement (data/README.md, "Hedged, conditional and future
#: statements") ...
HEDGED = re.compile(
    r"\b(could|may|might|(?:is|are) expected to|weighing whether|no intention|not clear whether|has yet to"
    r"|unlikely to|no sign that|if (?:the|it|both))\b",
    re.IGNORECASE,
)
#: ... unless the act of threatening, warning, asking or promising is itself in the sentence.
ACT = re.compile(r"\b(threat\w*|warn\w*|demand\w*|urg\w*|ask\w*|promis\w*|pledg\w*)\b", re.IGNORECASE)
#: A denial of a fact (data/README.md, "Denials").
DENIED_FACT = re.compile(r"\bdenied (that|reports|rumours|any|it had)\b")


def test_hedged_statements_and_denials_of_a_fact_are_no_event_in_round_15():
    items = _items()
    hedged = [s for s in items if HEDGED.search(s.text) and not ACT.search(s.text)]
    assert len(hedged) >= 10  # the line is exercised, not vacuous
    assert all(not s.types for s in hedged), [s.text for s in hedged if s.types]
    denials = [s for s in items if DENIED_FACT.search(s.text)]
    assert len(denials) >= 4 and all(not s.types for s in denials), [s.text for s in denials]


def test_the_training_script_reads_en15_only_when_asked():
    module = _script()
    texts, labels, codes, counts = module.training_texts({"en", "en15"})
    plain, _, _, plain_counts = module.training_texts({"en"})
    assert counts["sentences_en15.tsv"] == len(_items()) and "sentences_en15.tsv" not in plain_counts
    assert len(texts) == len(plain) + len(_items()) and set(codes) == {"en"}
    assert "en15" in module.EXTRA_SOURCES
