"""Round 16: the French, Vietnamese and Indonesian sentences of ``data/sentences_{fr,vi,id}18.tsv``
(training only, aimed at the contrasts of each language's out-of-fold confusion), read by the training
script only when asked, and kept apart from the held-out split. No model is loaded."""

from __future__ import annotations

import re
from collections import Counter

import pytest

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
#: Per file: its language, how many sentences at least, and the types of its language's weakest
#: contrasts (out-of-fold confusion of the training split) with the fewest sentences each.
EXPECTED = {
    "fr18": ("fr", 200, {"CONCEDE": 15, "RETREAT": 15, "REQUEST": 10, "ACCUSE": 10, "REJECT": 10}),
    "vi18": ("vi", 95, {"CONCEDE": 10, "RETREAT": 8, "SUPPORT": 6, "ACCUSE": 6, "REJECT": 5}),
    "id18": ("id", 95, {"REQUEST": 8, "COERCE": 8, "CONCEDE": 10, "RETREAT": 8, "MOBILIZE": 5}),
}


def _script():
    return load_training_script("train_events_round16")


def _items(code: str):
    return training.load_packless_training(_script().ROUND16_TRAINING[code])


@pytest.mark.parametrize("code", sorted(EXPECTED))
def test_each_round_16_file_is_one_language_of_training_rows_aimed_at_its_weak_contrasts(code):
    language, least, weak = EXPECTED[code]
    items = _items(code)
    assert len(items) >= least
    assert {s.language for s in items} == {language} and {s.split for s in items} == {"train"}
    assert {t for s in items for t in s.types} <= set(PLOVER_TYPES)
    counts = Counter(t for s in items for t in (s.types or {"none"}))
    for kind, n in weak.items():
        assert counts[kind] >= n, (code, kind, counts)
    assert counts["none"] >= 12, counts  # hard negatives: hedged, planned, denied, put off
    assert sum(len(s.types) >= 2 for s in items) >= 6  # two-event sentences


def test_no_round_16_sentence_is_written_twice_nor_shared_with_any_other_row():
    texts = [s.text.casefold() for code in EXPECTED for s in _items(code)]
    assert len(set(texts)) == len(texts)
    others = {s.text.casefold() for s in load_sentences()}
    for name in OTHER_FILES:
        others |= {s.text.casefold() for s in training.load_packless_training(name)}
    others |= {t.casefold() for sentences in load_examples().values() for t in sentences}
    assert not set(texts) & others, sorted(set(texts) & others)


def _words(text: str) -> set[str]:
    return set(re.findall(r"\w+", text.casefold()))


def test_no_round_16_sentence_shares_half_its_words_with_a_held_out_sentence():
    """The held-out split stays a test of new wording: a training sentence that is a near copy of a
    held-out one (Jaccard of words >= 0.5) would score itself."""
    held = [s for s in load_sentences() if s.split == "heldout"]
    close = []
    for code in EXPECTED:
        for item in _items(code):
            mine = _words(item.text)
            for other in held:
                if other.language == item.language:
                    theirs = _words(other.text)
                    if len(mine & theirs) / len(mine | theirs) >= 0.5:
                        close.append((item.text, other.text))
    assert not close, close[:3]


def test_the_training_script_reads_the_round_16_files_only_when_asked():
    module = _script()
    assert {"fr18", "vi18", "id18"} <= set(module.EXTRA_SOURCES)
    texts, _, codes, counts = module.training_texts({"fr", "fr18"})
    plain, _, _, plain_counts = module.training_texts({"fr"})
    assert "sentences_fr18.tsv" in counts and "sentences_fr18.tsv" not in plain_counts
    assert len(texts) == len(plain) + counts["sentences_fr18.tsv"] and set(codes) == {"fr"}
