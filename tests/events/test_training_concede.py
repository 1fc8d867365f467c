"""The round-8 CONCEDE training sentences (``data/sentences_concede.tsv``): training only, in the four
pack languages, CONCEDE beside hard negatives of the other sense, never a sentence of another file."""

from __future__ import annotations

from collections import Counter

from newsloom.events import training
from newsloom.events.classifier import load_sentences


def test_concede_sentences_come_with_hard_negatives_in_each_pack_language():
    items = training.load_packless_training(training.CONCEDE_TRAINING)
    assert {s.language for s in items} == {"en", "vi", "id", "fr"}
    assert {s.split for s in items} == {"train"}
    for language in ("en", "vi", "id", "fr"):
        counts = Counter(t for s in items if s.language == language for t in (s.types or {"none"}))
        assert counts["CONCEDE"] >= 8, (language, counts)
        # the other sense (refused, carried out) and a hedged concession beside them
        assert counts["REJECT"] >= 1 and counts["RETREAT"] >= 1 and counts["none"] >= 1, (language, counts)


def test_no_concede_sentence_is_written_twice_nor_shared_with_the_other_files():
    texts = [s.text for s in training.load_packless_training(training.CONCEDE_TRAINING)]
    assert len(set(texts)) == len(texts)
    others = {s.text for s in load_sentences()} | {s.text for s in training.load_packless_training()}
    assert not set(texts) & others
