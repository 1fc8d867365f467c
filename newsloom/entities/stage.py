"""The entity stage: person, organization and place mentions of an article, resolved within it."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence
from functools import cache
from typing import TYPE_CHECKING

from newsloom.article import Article, Sentence
from newsloom.entities.coref import resolve
from newsloom.entities.gazetteer import load_gazetteer
from newsloom.entities.learned import LearnedRecogniser, Proposal, learned_recogniser
from newsloom.entities.mentions import RawMention, Recogniser, token_texts
from newsloom.entities.rules import EntityRules
from newsloom.entities.types import Mention
from newsloom.lang import FIRST_CLASS, get_pack, load_part
from newsloom.registry import stage

if TYPE_CHECKING:
    from newsloom.settings import Settings

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
    return find_mentions_many([article], mode)[0]


def find_mentions_many(articles: Sequence[Article], mode: str = "hybrid") -> list[tuple[Mention, ...]]:
    """:func:`find_mentions` of each article, the learned models run once over the sentences of all
    of them (one ``nlp.pipe`` call per model: spaCy's cost per call and per small batch is paid once)."""
    jobs = [
        [
            (n, s, recogniser(language, mode), () if language else consensus_recognisers(mode))
            for n, s in enumerate(article.sentences)
            for language in [s.language or article.language]
        ]
        for article in articles
    ]
    proposals = _batched_proposals(
        [(a, n, s, r) for a, job in enumerate(jobs) for n, s, first, others in job for r in (first, *others)]
    )
    found = []
    for number, (article, job) in enumerate(zip(articles, jobs, strict=True)):
        per_sentence = []
        for n, sentence, recognise, others in job:
            toks, raws = recognise.recognise(
                sentence.text, sentence.start, proposals.get((number, n, id(recognise.learned)), [])
            )
            if others:
                readings = [
                    other.recognise(
                        sentence.text, sentence.start, proposals.get((number, n, id(other.learned)), [])
                    )[1]
                    for other in others
                ]
                raws = with_consensus(raws, readings)
            per_sentence.append((n, toks, raws))
        mentions = resolve(per_sentence, article.text, load_gazetteer(), family_names())
        found.append(
            untyped_guesses(mentions, {n for n, _, r, _ in job if r.rules.unknown_run_type == "name"})
        )
    return found


@cache
def consensus_recognisers(mode: str = "hybrid") -> tuple[Recogniser, ...]:
    """The recognisers that read a sentence whose language nobody could tell (a dateline, a line of
    scores: "SEOUL 1996-08-23", "Hansa Rostock 0 Hamburg 1"): every first-class pack that runs a learned
    model; what most of them find is kept (:func:`with_consensus`). None in the rules-only mode.
    Lines given to a language without a pack at low confidence keep that language's reading: most of
    them are that language's, and a vote of the packs there typed sentence-opening words ("Montag",
    "Der Dollar", "Picante") on the SemEval training sentences."""
    found = tuple(r for r in (recogniser(code, mode) for code in FIRST_CLASS) if r.learned is not None)
    return found if len(found) >= 2 else ()


def with_consensus(generic: list[RawMention], readings: list[list[RawMention]]) -> list[RawMention]:
    """The names most first-class readings of a sentence agree on (same tokens, same type), then the
    generic pack's mentions they do not overlap: a line no language claims keeps what most languages
    would see in it, so no one pack's guess is forced on a foreign line (every pack agreeing was
    measured too: it keeps too little, under the generic pack alone on the dev split's score lines)."""
    votes: dict[tuple[int, int, str], list[RawMention]] = {}
    for reading in readings:
        for m in {
            (m.start, m.end, m.type): m for m in reading if m.kind == "name" and not m.tentative
        }.values():
            votes.setdefault((m.start, m.end, m.type), []).append(m)
    agreed: list[RawMention] = []
    for found in sorted(votes.values(), key=lambda found: (-len(found), found[0].start)):
        m = found[0]
        if 2 * len(found) > len(readings) and not any(m.start < a.end and a.start < m.end for a in agreed):
            agreed.append(m)
    kept = [g for g in generic if not any(g.start < a.end and a.start < g.end for a in agreed)]
    return sorted(agreed + kept, key=lambda m: m.start)


def find_mentions_with(article: Article, recognise: Recogniser) -> tuple[Mention, ...]:
    """:func:`find_mentions` with a given recogniser (the training script's silver labelling)."""
    per_sentence = []
    for n, sentence in enumerate(article.sentences):
        toks, raws = recognise.recognise(sentence.text, sentence.start)
        per_sentence.append((n, toks, raws))
    return resolve(per_sentence, article.text, load_gazetteer(), family_names())


#: Rules that type a name by guessing (a bare capitalised run, one capitalised word), with or without
#: coreference to another such guess.
GUESS_RULES = frozenset({"capitalised", "name-part"})


def untyped_guesses(mentions: tuple[Mention, ...], sentences: set[int]) -> tuple[Mention, ...]:
    """In ``sentences`` (whose pack cannot type a bare name), an entity known only from guessed persons
    is an untyped ``name``: "Angela Merkel" in a language without a pack is a name, not a person."""
    if not sentences:
        return mentions
    groups: dict[str, list[Mention]] = {}
    for mention in mentions:
        if mention.kind == "name":
            groups.setdefault(mention.key, []).append(mention)
    untyped = {
        key
        for key, group in groups.items()
        if key
        and all(
            m.type == "person" and m.sentence in sentences and m.rule.split("+")[0] in GUESS_RULES
            for m in group
        )
    }
    return tuple(
        dataclasses.replace(m, type="name", key=_name_key(m.key)) if m.key in untyped else m for m in mentions
    )


def _name_key(key: str) -> str:
    return "name:" + key.removeprefix("person:") if key.startswith("person:") else key


def _batched_proposals(
    jobs: list[tuple[int, int, Sentence, Recogniser]],
) -> dict[tuple[int, int, int], list[Proposal]]:
    """The learned models' spans for every ``(article, sentence, id of the model)`` of a batch, one call
    per model; a sentence the model's spans could not be kept in is not read (no key: no spans).
    Only the token texts are made here, not the tokens: a batch's tokens all alive at once cost more
    in the garbage collector's passes than tokenizing twice (the rules alone measured 0.6 -> 0.8 s)."""
    batches: dict[int, tuple[LearnedRecogniser, list[tuple[int, int, int]], list[list[str]]]] = {}
    for article, number, sentence, recognise in jobs:
        if recognise.learned is None:
            continue
        texts = token_texts(sentence.text)
        if texts and recognise.reads_proposals(texts):
            model, keys, words = batches.setdefault(id(recognise.learned), (recognise.learned, [], []))
            keys.append((article, number, id(recognise.learned)))
            words.append(texts)
    found: dict[tuple[int, int, int], list[Proposal]] = {}
    for model, keys, words in batches.values():
        found.update(zip(keys, model.propose_many(words), strict=True))
    return found


@stage("entities", requires=("text", "language", "sentences"), assigns=("entities",))
class EntityStage:
    """The "entities" stage: names and titles of people, organizations and places
    (``article.entities``); a batch of articles goes through each learned model in one call."""

    def __init__(self, settings: Settings | None = None) -> None:
        self.mode = "hybrid"

    def __call__(self, article: Article) -> Article:
        return self.pipe([article])[0]

    def pipe(self, articles: Sequence[Article]) -> list[Article]:
        found = find_mentions_many(articles, self.mode)
        return [dataclasses.replace(a, entities=m) for a, m in zip(articles, found, strict=True)]


#: The name ``pipeline.builtin_stages`` imports (the stage was a function before it batched).
add_entities = EntityStage
