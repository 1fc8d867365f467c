"""The round-12 sentences (``data/sentences_news12.tsv``): training only, in the four pack languages,
each weak type beside the look-alikes the training split's confusion mixed it with, never a sentence
of another file, and read by the training script with ``--languages ...,news12``."""

from __future__ import annotations

from collections import Counter

from newsloom.events import training
from newsloom.events.classifier import load_sentences
from tests.events.helpers import load_training_script


def _items():
    return training.load_packless_training(training.NEWS12_TRAINING)


def test_the_round_12_sentences_pair_each_weak_type_with_its_look_alikes_in_each_pack_language():
    items = _items()
    assert {s.language for s in items} == {"en", "vi", "id", "fr"}
    assert {s.split for s in items} == {"train"}
    for language in ("en", "vi", "id", "fr"):
        counts = Counter(t for s in items if s.language == language for t in (s.types or {"none"}))
        # done against promised against refused against asked, and the imposing side of a lifting
        for kind in ("RETREAT", "CONCEDE", "REJECT", "REQUEST", "AGREE", "SUPPORT", "COERCE", "SANCTION"):
            assert counts[kind] >= 1, (language, kind, counts)
        assert counts["none"] >= 2 and counts["RETREAT"] >= 4 and counts["CONCEDE"] >= 4, (language, counts)
    english = Counter(t for s in items if s.language == "en" for t in s.types)
    assert min(english[t] for t in ("AGREE", "CONCEDE", "RETREAT", "COERCE")) >= 20, english
    assert sum(len(s.types) >= 2 for s in items) >= 20  # several events in one sentence


def test_no_round_12_sentence_is_written_twice_nor_shared_with_the_other_files():
    texts = [s.text for s in _items()]
    assert len(set(texts)) == len(texts)
    others = {s.text for s in load_sentences()} | {s.text for s in training.load_packless_training()}
    for name in (training.CONCEDE_TRAINING, training.WEAK_TRAINING):
        others |= {s.text for s in training.load_packless_training(name)}
    assert not set(texts) & others


def test_the_training_script_reads_them_only_when_asked():
    module = load_training_script("train_events_news12")
    texts, _, codes, counts = module.training_texts({"en", "vi", "id", "fr", "news12"})
    plain, _, _, plain_counts = module.training_texts({"en", "vi", "id", "fr"})
    assert counts["sentences_news12.tsv"] == len(_items()) and "sentences_news12.tsv" not in plain_counts
    assert len(texts) == len(plain) + len(_items())
    assert not {"es", "de"} & set(codes)
