"""Language identification (a stage): lingua over a configurable candidate set, with a fallback.

The candidate set is small on purpose (speed, and no Malay/Indonesian confusion from a language
the corpus never holds); when lingua is unsure among the candidates, it retries over every language
it knows, built lazily the first time that is needed.
"""

from __future__ import annotations

import dataclasses
from functools import cache
from typing import Any

from newsloom.article import Article
from newsloom.pipeline import stage
from newsloom.settings import DEFAULT_LANGUAGES, Settings, load_settings

#: Below this many letters a text is too short to identify on its own.
MIN_LETTERS = 12
#: lingua is as sure on the first 600 characters of an article as on all of it, and much faster;
#: when it is unsure there, it looks at up to 3,000
SAMPLE_CHARS = 600
LONG_SAMPLE_CHARS = 3000
SURE = 0.9


@cache
def _detector(codes: tuple[str, ...] | None) -> Any:
    from lingua import IsoCode639_1, Language, LanguageDetectorBuilder

    if codes is None:
        # the fallback over every language: trigram models only (low accuracy mode) load in ~0.3 s and
        # ~60 MB, where the full models of 75 languages take ~7 s and ~900 MB, for a text the
        # candidates could not tell (and the first-pass sample is long enough for trigrams)
        return LanguageDetectorBuilder.from_all_languages().with_low_accuracy_mode().build()
    langs = [Language.from_iso_code_639_1(getattr(IsoCode639_1, c.upper())) for c in codes]
    return LanguageDetectorBuilder.from_languages(*langs).build()


def detect_language(
    text: str, candidates: tuple[str, ...] = DEFAULT_LANGUAGES, min_confidence: float = 0.5
) -> tuple[str | None, float]:
    """ISO 639-1 code of ``text`` and lingua's confidence; ``(None, 0.0)`` if it cannot tell."""
    sample = text[:SAMPLE_CHARS]
    if sum(ch.isalpha() for ch in sample) < MIN_LETTERS:
        return None, 0.0
    code, conf = _best(_detector(tuple(candidates)), sample)
    if conf < SURE and len(text) > len(sample):
        sample = text[:LONG_SAMPLE_CHARS]
        code, conf = _best(_detector(tuple(candidates)), sample)
    if conf < min_confidence:
        wide_code, wide_conf = _best(_detector(None), sample)
        if wide_conf > conf:
            code, conf = wide_code, wide_conf
    return code, conf


def _best(detector: Any, text: str) -> tuple[str | None, float]:
    values = detector.compute_language_confidence_values(text)
    if not values or values[0].value <= 0:
        return None, 0.0
    ranked = [(v.language.iso_code_639_1.name.lower(), float(v.value)) for v in values[:2]]
    return _prefer_first_class(text, ranked)


def _prefer_first_class(text: str, ranked: list[tuple[str, float]]) -> tuple[str, float]:
    """Between close relatives (Malay/Indonesian), a first-class language wins unless the text
    holds more of the relative's distinctive words: lingua alone calls short Indonesian Malay."""
    from newsloom.lang import FIRST_CLASS, get_pack

    top = ranked[0]
    if len(ranked) < 2 or top[0] in FIRST_CLASS:
        return top
    second = ranked[1]
    if second[0] not in FIRST_CLASS or top[0] not in get_pack(second[0]).close_relatives:
        return top
    words = set(text.lower().split())
    own = len(words & get_pack(top[0]).distinctive_words)
    relative = len(words & get_pack(second[0]).distinctive_words)
    return top if own > relative else (second[0], top[1] + second[1])


@cache
def _settings() -> Settings:
    return load_settings()


@stage("language", requires=("text",), assigns=("language",))
def identify_language(article: Article) -> Article:
    """Set ``article.language`` unless a trusted source (header, feed, argument) already did."""
    given = article.metadata.get("language")
    if given and given.source in ("header", "argument", "jsonl", "html-meta") and given.confidence >= 0.9:
        return dataclasses.replace(article, language=given.value, language_confidence=given.confidence)
    settings = _settings()
    text = (article.meta("title") or "") + "\n" + article.text
    code, conf = detect_language(text, settings.languages, settings.language_min_confidence)
    if code is None:
        return article
    updated = article.with_meta("language", code, "inferred", round(conf, 3), "lingua")
    return dataclasses.replace(updated, language=code, language_confidence=round(conf, 3))
