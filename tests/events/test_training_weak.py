"""The round-11 sentences for the weak types (``data/sentences_weak.tsv``): training only, in the four
pack languages, each weak type beside hard negatives that look like it, never a sentence of another
file."""

from __future__ import annotations

from collections import Counter

from newsloom.events import training
from newsloom.events.classifier import load_sentences


def test_weak_type_sentences_come_with_hard_negatives_in_each_pack_language():
    items = training.load_packless_training(training.WEAK_TRAINING)
    assert {s.language for s in items} == {"en", "vi", "id", "fr"}
    assert {s.split for s in items} == {"train"}
    for language in ("en", "vi", "id", "fr"):
        counts = Counter(t for s in items if s.language == language for t in (s.types or {"none"}))
        assert counts["RETREAT"] >= 8 and counts["CONCEDE"] >= 6, (language, counts)
        # the carried-out retreat beside its look-alikes: refused, imposed, demanded, hedged
        assert counts["REJECT"] >= 1 and counts["COERCE"] >= 1 and counts["none"] >= 2, (language, counts)
        for kind in ("MOBILIZE", "SANCTION", "PROTEST"):
            assert counts[kind] >= 1, (language, kind, counts)


def test_no_weak_type_sentence_is_written_twice_nor_shared_with_the_other_files():
    texts = [s.text for s in training.load_packless_training(training.WEAK_TRAINING)]
    assert len(set(texts)) == len(texts)
    others = (
        {s.text for s in load_sentences()}
        | {s.text for s in training.load_packless_training()}
        | {s.text for s in training.load_packless_training(training.CONCEDE_TRAINING)}
    )
    assert not set(texts) & others
