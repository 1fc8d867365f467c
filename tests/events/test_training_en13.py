"""The round-13 English sentences (``data/sentences_en13.tsv``): training only, English only, each weak
type beside its look-alikes and hard negatives, never a sentence of another file, and read by the
training script only with ``--languages ...,en13``."""

from __future__ import annotations

from collections import Counter

from newsloom.events import training
from newsloom.events.classifier import load_sentences
from newsloom.events.types import PLOVER_TYPES
from tests.events.helpers import load_training_script


def _items():
    return training.load_packless_training(training.EN13_TRAINING)


def test_the_round_13_sentences_are_english_and_cover_the_weak_contrasts_with_hard_negatives():
    items = _items()
    assert len(items) >= 300
    assert {s.language for s in items} == {"en"} and {s.split for s in items} == {"train"}
    assert {t for s in items for t in s.types} <= set(PLOVER_TYPES)
    counts = Counter(t for s in items for t in (s.types or {"none"}))
    for kind in ("AGREE", "CONCEDE", "RETREAT", "COERCE"):
        assert counts[kind] >= 30, (kind, counts)
    for kind in ("SUPPORT", "REQUEST", "SANCTION"):
        assert counts[kind] >= 20, (kind, counts)
    assert counts["none"] >= 40, counts  # hedged, denied, planned, generic
    assert sum(len(s.types) >= 2 for s in items) >= 40  # several events in one sentence


def test_no_round_13_sentence_is_written_twice_nor_shared_with_the_other_files():
    texts = [s.text for s in _items()]
    assert len(set(texts)) == len(texts)
    others = {s.text for s in load_sentences()} | {s.text for s in training.load_packless_training()}
    for name in (training.CONCEDE_TRAINING, training.WEAK_TRAINING, training.NEWS12_TRAINING):
        others |= {s.text for s in training.load_packless_training(name)}
    assert not set(texts) & others


def test_the_training_script_reads_them_only_when_asked():
    module = load_training_script("train_events_en13")
    texts, _, codes, counts = module.training_texts({"en", "en13"})
    plain, _, _, plain_counts = module.training_texts({"en"})
    assert counts["sentences_en13.tsv"] == len(_items()) and "sentences_en13.tsv" not in plain_counts
    assert len(texts) == len(plain) + len(_items())
    assert set(codes) == {"en"}
