"""The entity stage's shortcuts give what the plain computations give (newsloom/entities/mentions.py,
gazetteer.py, learned.py): they were added for speed, never to change a mention."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from newsloom.article import Article
from newsloom.entities.mentions import Token, tokenize
from newsloom.entities.stage import find_mentions_many, recogniser
from newsloom.sentences import split_sentences
from tests.entities.conftest import make_article

ROOT = Path(__file__).resolve().parents[2]


def _examples() -> list[Article]:
    from newsloom.ingest import read_path

    found = []
    for path in sorted((ROOT / "examples").rglob("*")):
        if path.is_file():
            found += [a for a in read_path(str(path)) if isinstance(a, Article)]
    out = []
    for article in found:
        language = article.meta("language") or Path(article.path).name[:2]
        language = language if language in ("en", "id", "vi") else "vi"
        sentences = tuple(
            dataclasses.replace(s, language=language) for s in split_sentences(article.text, language)
        )
        out.append(dataclasses.replace(article, language=language, sentences=sentences))
    return out


class _Everything:
    """A prefix set that holds every key: the gazetteer matcher then tries every span, as it did before."""

    def __contains__(self, key: object) -> bool:
        return True


def test_the_gazetteer_stops_only_where_no_name_goes_on(monkeypatch: pytest.MonkeyPatch) -> None:
    """The bundled examples give the same mentions with the prefix shortcut and with every span tried."""
    articles = _examples()
    assert len(articles) >= 20
    fast = find_mentions_many(articles, "rules")
    gazetteer = recogniser("en", "rules").gaz
    monkeypatch.setattr(gazetteer, "prefixes", _Everything())
    slow = find_mentions_many(articles, "rules")
    assert fast == slow
    assert sum(m.rule == "gazetteer" for mentions in fast for m in mentions) > 50


def test_the_gazetteer_knows_every_leading_part_of_its_names() -> None:
    gazetteer = recogniser("en", "rules").gaz
    assert ("united", "nations") in gazetteer.prefixes and ("united",) in gazetteer.prefixes
    assert ("nations", "united") not in gazetteer.prefixes
    assert all(key in gazetteer.prefixes for key in gazetteer.index)


def test_a_token_works_out_its_shape_once_and_keeps_it_when_shifted() -> None:
    token = tokenize("Under-Secretary-General said")[0]
    assert (token.is_word, token.cap, token.words) == (True, True, ("Under", "Secretary", "General"))
    moved = token.shifted(10)
    assert (moved.start, moved.end, moved.words, moved.cap) == (10, 33, token.words, True)
    assert moved == Token("Under-Secretary-General", 10, 33)
    assert not tokenize(", x")[0].is_word


@pytest.mark.parametrize("language", ["en", "id", "vi"])
def test_numpy_and_blis_products_give_the_same_spans(language: str) -> None:
    """The shipped models give the same spans whether numpy's BLAS or thinc's blis multiplies."""
    from thinc.api import NumpyOps

    from newsloom.entities.learned import LearnedRecogniser, model_path

    path = model_path(language)
    if path is None:
        pytest.skip(f"no {language} model shipped")
    texts = [
        "He visited Scotland and Wales last week. Boris Johnson met Angela Merkel in Berlin.",
        "Presiden Joko Widodo tiba di Bandara Soekarno-Hatta, Jakarta, bersama Menteri Luar Negeri Retno Marsudi.",
        "Sở Y tế Đà Nẵng vừa công bố kết quả. Ông Nguyễn Văn An đến Hà Nội gặp Bộ trưởng Bộ Ngoại giao.",
    ]
    sentences = [[t.text for t in tokenize(text)] for text in texts]
    model = LearnedRecogniser(path)
    with_numpy = model.propose_many(sentences)
    for _, component in model.nlp.pipeline:
        for node in component.model.walk():
            node.ops = NumpyOps(use_blis=True)
    assert model.propose_many(sentences) == with_numpy
    assert any(with_numpy)


@pytest.mark.parametrize("language", ["en", "id", "vi"])
def test_the_recogniser_without_the_label_scan_gives_what_spacy_gives(language: str) -> None:
    """Our own loop over the components, with the entity recogniser that skips spaCy's scan for labels
    the documents bring, gives the spans of spaCy's own ``nlp.pipe``."""
    from spacy.tokens import Doc

    from newsloom.entities.learned import LABEL_TYPES, Proposal, learned_recogniser

    model = learned_recogniser(language)
    if model is None:
        pytest.skip(f"no {language} model shipped")
    assert type(model._steps[-1]).__name__ == "KnownLabelsRecognizer"
    texts = [a.text for a in _examples() if a.language == language][:8]
    sentences = [
        [t.text for t in tokenize(s.text)] for text in texts for s in split_sentences(text, language)
    ]
    docs = model.nlp.pipe([Doc(model.nlp.vocab, words=words) for words in sentences], batch_size=64)
    by_spacy = [[Proposal(e.start, e.end, LABEL_TYPES[e.label_]) for e in doc.ents] for doc in docs]
    assert model.propose_many(sentences) == by_spacy
    assert sum(map(len, by_spacy)) > 10


def test_the_country_mark_after_an_indonesian_title_is_a_place() -> None:
    """ "Presiden RI Joko Widodo": the corpora tag "RI" a place; it still belongs to the title too."""
    article = make_article("Dalam kunjungan itu, Presiden RI Joko Widodo bertemu Facebook.", "id")
    found = {m.text: m for m in article.entities if m.kind == "name"}
    assert found["Joko Widodo"].type == "person"
    assert found["Joko Widodo"].role_of == "place:ID"
    assert found["RI"].type == "place"


def test_a_line_no_language_claims_keeps_what_most_packs_read_in_it() -> None:
    """A sentence of unknown language (a score line): names most first-class readings agree on are kept,
    a name only one reading sees is not, and the generic pack's mentions stay where no agreed name is."""
    from newsloom.entities.mentions import RawMention
    from newsloom.entities.stage import consensus_recognisers, with_consensus

    def raw(start: int, end: int, type_: str, rule: str = "model") -> RawMention:
        return RawMention(start, end, type_, rule, 0.8)

    generic = [raw(0, 2, "name", "capitalised"), raw(5, 6, "place", "gazetteer")]
    readings = [
        [raw(0, 2, "organization"), raw(3, 4, "person")],
        [raw(0, 2, "organization")],
        [raw(0, 2, "person"), raw(3, 4, "organization")],
    ]
    kept = [(m.start, m.end, m.type) for m in with_consensus(generic, readings)]
    assert kept == [(0, 2, "organization"), (5, 6, "place")]
    assert consensus_recognisers("rules") == ()
    assert len(consensus_recognisers("hybrid")) >= 2


@pytest.mark.parametrize("language", ["en", "id", "vi"])
def test_a_sentence_given_twice_in_one_call_is_read_once_with_the_same_spans(
    language: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A sentence repeated within one model call is read once; each copy gets what it gets alone."""
    from newsloom.entities.learned import learned_recogniser

    model = learned_recogniser(language)
    if model is None:
        pytest.skip(f"no {language} model shipped")
    texts = [a.text for a in _examples() if a.language == language][:3]
    sentences = [
        [t.text for t in tokenize(s.text)] for text in texts for s in split_sentences(text, language)
    ]
    alone = [model.propose(words) for words in sentences]
    read: list[int] = []
    step = model._steps[0]
    original = step.predict
    monkeypatch.setattr(step, "predict", lambda docs: read.append(len(docs)) or original(docs))
    twice = model.propose_many(sentences + sentences[::-1])
    assert twice == alone + alone[::-1]
    assert sum(read) == len({tuple(words) for words in sentences}) < 2 * len(sentences)
    assert any(alone)


@pytest.mark.parametrize("language", ["en", "vi"])
def test_a_sentence_without_a_capital_or_a_digit_is_not_read_and_loses_nothing(language: str) -> None:
    """Where the pack drops the model's spans that hold no capital or digit, the stage does not run the
    model on a sentence without one: whatever the model proposes there, the recogniser keeps none of it."""
    from newsloom.entities.learned import Proposal

    hybrid = recogniser(language, "hybrid")
    if hybrid.learned is None:
        pytest.skip(f"no {language} model shipped")
    text = {"en": "the police said the minister of health would visit the city soon .",
            "vi": "cảnh sát cho biết bộ trưởng bộ y tế sẽ sớm đến thăm thành phố ."}[language]  # fmt: skip
    words = [t.text for t in tokenize(text)]
    assert not hybrid.reads_proposals(words)
    assert hybrid.reads_proposals(["Ông", *words[1:]]) and hybrid.reads_proposals([*words, "2024"])
    every = [Proposal(i, j, kind) for i in range(len(words)) for j in range(i + 1, min(i + 4, len(words)))
             for kind in ("person", "organization", "place")]  # fmt: skip
    assert hybrid.recognise(text, 0, every)[1] == hybrid.recognise(text, 0, [])[1]
    assert recogniser("id", "hybrid").reads_proposals(words)  # Indonesian keeps "kediri", "detikcom"
