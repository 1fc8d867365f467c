"""The training sentences of languages without a pack (``data/sentences_nopack.tsv``): all trained
on, every type in every language, never a held-out language, never a sentence of another file."""

from __future__ import annotations

from collections import Counter

import pytest

from newsloom.events import training
from newsloom.events.classifier import load_sentences
from newsloom.events.types import PLOVER_TYPES
from newsloom.lang import available_packs


def test_every_type_and_negatives_in_each_language_without_a_pack():
    items = training.load_packless_training()
    languages = {s.language for s in items}
    assert languages == {"it", "pt", "nl", "pl"}
    assert not languages & set(available_packs()), "a language with a pack belongs in its own file"
    for language in languages:
        mine = [s for s in items if s.language == language]
        counts = Counter(t for s in mine for t in s.types)
        assert not [t for t in PLOVER_TYPES if counts[t] < 2], (language, counts)
        assert sum(1 for s in mine if not s.types) >= 5, language
    assert {s.split for s in items} == {"train"}


def test_no_sentence_is_written_twice_nor_shared_with_the_other_files():
    items = training.load_packless_training()
    texts = [s.text for s in items]
    assert len(set(texts)) == len(texts)
    assert not set(texts) & {s.text for s in load_sentences()}


def test_a_held_out_language_is_refused_with_its_file_and_line(tmp_path, monkeypatch):
    from importlib import resources

    data = resources.files("newsloom.events").joinpath("data")
    name = "sentences_nopack.tsv"
    original = data.joinpath(name).read_text(encoding="utf-8")
    lines = original.splitlines()
    bad = next(i for i, line in enumerate(lines) if line.startswith("it\t"))
    lines[bad] = "es\tREJECT\tEl senado rechazó la moción."
    target = tmp_path / "events"
    (target / "data").mkdir(parents=True)
    (target / "data" / name).write_text("\n".join(lines) + "\n", encoding="utf-8")
    monkeypatch.setattr(training.resources, "files", lambda package: target)
    with pytest.raises(ValueError, match=rf"sentences_nopack\.tsv:{bad + 1}: es is held out whole"):
        training.load_packless_training()
