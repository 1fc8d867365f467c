"""The entity stage: person, organization and place mentions of an article, resolved within it."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from functools import cache

from newsloom.article import Article, Sentence
from newsloom.entities.coref import resolve
from newsloom.entities.gazetteer import load_gazetteer
from newsloom.entities.learned import LearnedRecogniser, Proposal, learned_recogniser
from newsloom.entities.mentions import Recogniser, tokenize
from newsloom.entities.rules import EntityRules
from newsloom.entities.types import Mention
from newsloom.lang import get_pack, load_part
from newsloom.registry import stage

#: hybrid: the learned model proposes, the rules correct; rules: the rules alone.
MODES = ("hybrid", "rules")
#: Languages whose one-syllable place names ("Pháp", "Anh") are checked with the underthesea segmenter.
SEGMENTED_LANGUAGES = ("vi",)


@cache
def family_names() -> frozenset[str]:
    """Vietnamese family names, used in every language: "Bùi Thanh Sơn" is family-first in English text too."""
    rules: EntityRules = load_part("vi", "entities")
    return rules.family_names


def _segmenter(language: str | None) -> Callable[[str], list[str]] | None:
    if language not in SEGMENTED_LANGUAGES:
        return None
    try:
        import underthesea  # noqa: F401  (loaded once, lazily, on the first ambiguous syllable)
    except ImportError:
        return None
    return _underthesea_words


def _underthesea_words(text: str) -> list[str]:
    from underthesea import word_tokenize

    words: list[str] = word_tokenize(text)
    return words


@cache
def recogniser(language: str | None, mode: str = "hybrid") -> Recogniser:
    """The recogniser of a language, built once: its learned model (where one is shipped) with the
    pack's rules as correction (``hybrid``), or the rules alone (``rules``, or no model shipped)."""
    if mode not in MODES:
        raise ValueError(f"unknown entity recogniser mode {mode!r}; choose one of {MODES}")
    code = get_pack(language).code
    rules: EntityRules = load_part(language if code != "xx" else None, "entities")
    learned = learned_recogniser(language) if mode == "hybrid" and rules.learned_model else None
    return Recogniser(rules, load_gazetteer(), language, family_names(), _segmenter(language), learned)


def find_mentions(article: Article, mode: str = "hybrid") -> tuple[Mention, ...]:
    """Every person, organization and place mention of ``article`` with in-article keys."""
    jobs = [(n, s, recogniser(s.language or article.language, mode)) for n, s in enumerate(article.sentences)]
    proposals = _batched_proposals(jobs)
    per_sentence = []
    for number, sentence, recognise in jobs:
        toks, raws = recognise.recognise(sentence.text, sentence.start, proposals.get(number))
        per_sentence.append((number, toks, raws))
    return resolve(per_sentence, article.text, load_gazetteer(), family_names())


def _batched_proposals(jobs: list[tuple[int, Sentence, Recogniser]]) -> dict[int, list[Proposal]]:
    """The learned models' spans for every sentence of an article, one batch per model (spaCy runs a
    batch of sentences several times faster than the same sentences one by one)."""
    batches: dict[int, tuple[LearnedRecogniser, list[int], list[list[str]]]] = {}
    for number, sentence, recognise in jobs:
        if recognise.learned is not None:
            model, numbers, words = batches.setdefault(id(recognise.learned), (recognise.learned, [], []))
            numbers.append(number)
            words.append([t.text for t in tokenize(sentence.text)])
    found: dict[int, list[Proposal]] = {}
    for model, numbers, words in batches.values():
        found.update(zip(numbers, model.propose_many(words), strict=True))
    return found


@stage("entities", requires=("text", "language", "sentences"), assigns=("entities",))
def add_entities(article: Article) -> Article:
    """Set ``article.entities``: names and titles of people, organizations and places."""
    return dataclasses.replace(article, entities=find_mentions(article))
