"""Language identification (a stage): lingua over a configurable candidate set, with a fallback.

The candidate set is small on purpose (speed, and no Malay/Indonesian confusion from a language
the corpus never holds); when lingua is unsure among the candidates, it retries over every language
it knows, built lazily the first time that is needed.
"""

from __future__ import annotations

import dataclasses
import re
import string
from collections.abc import Callable, Sequence
from functools import cache
from typing import Any

from newsloom.article import Article
from newsloom.langcheck import SETTLED_CONFIDENCE, settled_language, settling_packs
from newsloom.registry import stage
from newsloom.settings import DEFAULT_LANGUAGES, Settings

#: Below this many letters a text is too short to identify on its own.
MIN_LETTERS = 12
#: lingua is as sure on the first 400 characters of an article as on all of it, and much faster;
#: when it is unsure there, it looks at up to 3,000 (`python bench/ingest.py --langid`: on 1,627
#: labelled texts in the candidate languages (examples, seeds, SemEval training articles), 400 are right
#: as often as 600 or 3,000, 300 and 200 miss one and two more; 400 takes about 0.7 of 600's time)
SAMPLE_CHARS = 400
LONG_SAMPLE_CHARS = 3000
SURE = 0.9
#: A line lingua gives to a language without a pack below this confidence (or cannot tell at all) is
#: told again among the first-class packs' languages only (:func:`_first_class_fallback`).
UNSURE_ELSEWHERE = 0.5
#: The fewest letters the first-class retry looks at ("Phạm Dũng", "BONN"), and the confidence it needs.
MIN_FALLBACK_LETTERS = 4
FALLBACK_SURE = 0.5
SHORT_FALLBACK_SURE = 0.7


#: Metadata sources trusted for the language over identification (at confidence >= 0.9).
TRUSTED_SOURCES = ("header", "argument", "jsonl", "html-meta")


@cache
def _detector(codes: tuple[str, ...] | None) -> Any:
    """A detector shared by :func:`detect_language` calls (lingua detectors are immutable)."""
    return _build_detector(codes)


def _build_detector(codes: tuple[str, ...] | None) -> Any:
    from lingua import IsoCode639_1, Language, LanguageDetectorBuilder

    if codes is None:
        # the fallback over every language: trigram models only (low accuracy mode) load in ~0.3 s and
        # ~60 MB, where the full models of 75 languages take ~7 s and ~900 MB, for a text the
        # candidates could not tell (and the first-pass sample is long enough for trigrams)
        return LanguageDetectorBuilder.from_all_languages().with_low_accuracy_mode().build()
    langs = [Language.from_iso_code_639_1(getattr(IsoCode639_1, c.upper())) for c in codes]
    return LanguageDetectorBuilder.from_languages(*langs).build()


def load_language_models(candidates: Sequence[str], samples: Sequence[str]) -> None:
    """Load lingua's models of ``candidates`` (and the trigram models of the every-language fallback)
    now, by identifying ``samples`` one at a time: lingua keeps its models process-wide, so a
    forkserver that calls this shares them with every worker it forks. Sequential calls only: the
    parallel ones start lingua's rayon thread pool, which a forked child does not inherit."""
    for detector in (_build_detector(tuple(candidates)), _build_detector(None)):
        for text in samples:
            detector.compute_language_confidence_values(text)


def detect_language(
    text: str, candidates: tuple[str, ...] = DEFAULT_LANGUAGES, min_confidence: float = 0.5
) -> tuple[str | None, float]:
    """ISO 639-1 code of ``text`` and lingua's confidence; ``(None, 0.0)`` if it cannot tell."""
    codes = _home_codes(candidates)
    return identify(
        text,
        _detector(tuple(candidates)),
        lambda: _detector(None),
        min_confidence,
        home=None if codes is None else lambda: _detector(codes),
    )


@cache
def _home_codes(candidates: tuple[str, ...]) -> tuple[str, ...] | None:
    """The first-class languages among ``candidates`` (with their close relatives, so Malay stays
    Malay), for the retry of lines lingua cannot place; None when fewer than two are candidates."""
    from newsloom.lang import FIRST_CLASS, get_pack

    home = [c for c in candidates if c in FIRST_CLASS]
    relatives = [r for c in home for r in get_pack(c).close_relatives if r in candidates]
    codes = tuple(sorted({*home, *relatives}))
    return codes if len(home) >= 2 else None


def identify(
    text: str,
    narrow: Any,
    wide: Callable[[], Any],
    min_confidence: float,
    first: Any = None,
    sample_chars: int = SAMPLE_CHARS,
    longer: Any = None,
    home: Callable[[], Any] | None = None,
) -> tuple[str | None, float]:
    """:func:`detect_language` with given detectors (``wide`` built only when needed); ``first``
    and ``longer``: the narrow detector's values on the first and the long sample, when a batch call
    computed them already; ``home``: the detector over the first-class languages, for the lines
    the others cannot place (:func:`_first_class_fallback`)."""
    code, conf = _identify(text, narrow, wide, min_confidence, first, sample_chars, longer)
    if home is not None:
        return _first_class_fallback(text[:sample_chars], code, conf, home)
    return code, conf


def _first_class_fallback(
    sample: str, code: str | None, conf: float, home: Callable[[], Any]
) -> tuple[str | None, float]:
    """A short line lingua cannot place, or gives to a language without a pack at low confidence
    (a line of names and scores: "Gloria Bistrita - Ilie Lazar ( 32nd )" was Romanian, "Phạm Dũng"
    too short to tell), is told again among the first-class languages only: a line of foreign names
    in an English or Indonesian report is read by a pack that types its names. A language lingua is
    sure of stays."""
    from newsloom.lang import FIRST_CLASS, get_pack

    if code in FIRST_CLASS or (code is not None and conf >= SURE):
        return code, conf
    letters = {ch for ch in sample.lower() if ch.isalpha()}
    for pack in map(get_pack, FIRST_CLASS):
        if letters & set(pack.distinctive_letters):
            return pack.code, _confidence_of(home(), sample, pack.code)
    if code is not None and conf >= UNSURE_ELSEWHERE:
        return code, conf
    if (
        len(letters - set(string.ascii_lowercase) - _home_letters())
        or _letters(sample) < MIN_FALLBACK_LETTERS
    ):
        return code, conf  # a letter no first-class language writes ("ł", "ø"): the line is someone else's
    found, found_conf = _best(home(), sample)
    # a line too short for the first pass needs the retry to be sure ("Phạm Dũng" is; "Guten Morgen" is not)
    needed = FALLBACK_SURE if _letters(sample) >= MIN_LETTERS else SHORT_FALLBACK_SURE
    if found is None or found_conf < needed:
        return code, conf
    return found, found_conf


@cache
def _home_letters() -> frozenset[str]:
    from newsloom.lang import FIRST_CLASS, get_pack

    return frozenset(ch for code in FIRST_CLASS for ch in get_pack(code).letters)


def _confidence_of(detector: Any, text: str, code: str) -> float:
    for value in detector.compute_language_confidence_values(text):
        if value.language.iso_code_639_1.name.lower() == code:
            return float(value.value)
    return 0.0


def _identify(
    text: str,
    narrow: Any,
    wide: Callable[[], Any],
    min_confidence: float,
    first: Any,
    sample_chars: int,
    longer: Any,
) -> tuple[str | None, float]:
    sample = text[:sample_chars]
    if _letters(sample) < MIN_LETTERS:
        return None, 0.0
    code, conf = _ranked(first, sample) if first is not None else _best(narrow, sample)
    if conf < SURE and len(text) > len(sample):
        sample = text[:LONG_SAMPLE_CHARS]
        code, conf = _ranked(longer, sample) if longer is not None else _best(narrow, sample)
    if conf < min_confidence:
        wide_code, wide_conf = _best(wide(), sample)
        if wide_conf > conf:
            code, conf = wide_code, wide_conf
    return code, conf


def _best(detector: Any, text: str) -> tuple[str | None, float]:
    return _ranked(detector.compute_language_confidence_values(text), text)


def _ranked(values: Any, text: str) -> tuple[str | None, float]:
    if not values or values[0].value <= 0:
        return None, 0.0
    ranked = [(v.language.iso_code_639_1.name.lower(), float(v.value)) for v in values[:2]]
    return _prefer_first_class(text, ranked)


def _prefer_first_class(text: str, ranked: list[tuple[str, float]]) -> tuple[str, float]:
    """Between close relatives (Malay/Indonesian), a first-class language wins unless the text
    holds more of the relative's distinctive words: lingua alone calls short Indonesian Malay."""
    from newsloom.lang import FIRST_CLASS, get_pack

    top = ranked[0]
    if top[0] in FIRST_CLASS:
        # an unsure first-class reading yields to another first-class pack's function words:
        # "Marshall Allman lahir di Austin, Texas, putra dari ... dan ..." is Indonesian, not English
        return top if top[1] >= SURE else _by_function_words(text, top)
    if (
        len(ranked) < 2
        or ranked[1][0] not in FIRST_CLASS
        or top[0] not in get_pack(ranked[1][0]).close_relatives
    ):
        return _by_function_words(text, top)
    second = ranked[1]
    words = set(text.lower().split())
    own = len(words & get_pack(top[0]).distinctive_words)
    relative = len(words & get_pack(second[0]).distinctive_words)
    return top if own > relative else (second[0], top[1] + second[1])


#: How much evidence of a first-class pack's function words outweighs lingua on a short line of names:
#: a word of the pack's own counts 1, a word it shares with other languages ("in", "is") counts 1/2.
MIN_FUNCTION_WORDS = 2.0


def _by_function_words(text: str, top: tuple[str, float]) -> tuple[str, float]:
    """A line lingua gives to a language without a pack, but holding enough of a first-class pack's
    function words, is that pack's language: short English lines full of foreign names
    ("Sigur Rós is an Icelandic band from Reykjavík") are not Icelandic."""
    from newsloom.lang import FIRST_CLASS, get_pack

    words = set(re.findall(r"\w+", text.lower()))
    scores = {}
    for code in FIRST_CLASS:
        pack = get_pack(code)
        scores[code] = len(words & pack.function_words) + len(words & pack.shared_function_words) / 2
    ranked = sorted(scores.items(), key=lambda item: -item[1])
    if not ranked or ranked[0][1] < MIN_FUNCTION_WORDS or (len(ranked) > 1 and ranked[1][1] == ranked[0][1]):
        return top
    return ranked[0][0], top[1]


class LanguageIdentifier:
    """The "language" stage: ``article.language`` from lingua over the settings' candidates, unless
    a trusted source (header, feed, argument) already gave it. Its detectors are its own."""

    def __init__(self, settings: Settings) -> None:
        self.candidates = tuple(settings.languages)
        self.min_confidence = settings.language_min_confidence
        self._narrow = _build_detector(self.candidates)
        self._wide: Any = None  # every language lingua knows, built the first time it is needed
        self._home: Any = None  # the first-class languages, for the lines the others cannot place
        self._home_codes = _home_codes(self.candidates)
        self._settling = settling_packs(self.candidates)  # packs that settle a sample before lingua

    def __call__(self, article: Article) -> Article:
        return self.pipe([article])[0]

    def pipe(self, articles: Sequence[Article]) -> list[Article]:
        """The same as one by one; the first samples of the batch go to lingua in one parallel call."""
        out = [_trusted(a) for a in articles]
        texts = {i: _text_of(a) for i, (a, t) in enumerate(zip(articles, out, strict=True)) if t is None}
        settled = {
            i: settled_language(text[:SAMPLE_CHARS].lower(), self._settling) for i, text in texts.items()
        }
        sampled = [
            i
            for i, text in texts.items()
            if settled[i] is None and _letters(text[:SAMPLE_CHARS]) >= MIN_LETTERS
        ]
        values = self._narrow.compute_language_confidence_values_in_parallel(
            [texts[i][:SAMPLE_CHARS] for i in sampled]
        )
        first = dict(zip(sampled, values, strict=True))
        # the texts lingua is unsure of on the first sample: their long samples in one parallel call too
        unsure = [
            i
            for i in sampled
            if len(texts[i]) > SAMPLE_CHARS and _ranked(first[i], texts[i][:SAMPLE_CHARS])[1] < SURE
        ]
        again = (
            self._narrow.compute_language_confidence_values_in_parallel(
                [texts[i][:LONG_SAMPLE_CHARS] for i in unsure]
            )
            if unsure
            else []
        )
        longer = dict(zip(unsure, again, strict=True))
        for index, text in texts.items():
            code = settled[index]
            if code is not None:
                out[index] = _identified(articles[index], code, SETTLED_CONFIDENCE, "pack words")
                continue
            found = (
                identify(
                    text,
                    self._narrow,
                    self._wide_detector,
                    self.min_confidence,
                    first[index],
                    longer=longer.get(index),
                    home=self._home_detector if self._home_codes else None,
                )  # fmt: skip
                if index in first
                else self._short(text)
            )
            out[index] = _identified(articles[index], *found)
        return [a for a in out if a is not None]

    def _home_detector(self) -> Any:
        if self._home is None:
            self._home = _build_detector(self._home_codes)
        return self._home

    def _short(self, text: str) -> tuple[str | None, float]:
        """A text too short for the first pass: only the first-class retry may place it."""
        if not self._home_codes:
            return None, 0.0
        return _first_class_fallback(text[:SAMPLE_CHARS], None, 0.0, self._home_detector)

    def _wide_detector(self) -> Any:
        if self._wide is None:
            self._wide = _build_detector(None)
        return self._wide


def _letters(text: str) -> int:
    return sum(map(str.isalpha, text))  # a third of a generator's time (bench/profile.py)


def _text_of(article: Article) -> str:
    return (article.meta("title") or "") + "\n" + article.text


def _trusted(article: Article) -> Article | None:
    given = article.metadata.get("language")
    if given and given.source in TRUSTED_SOURCES and given.confidence >= 0.9:
        return dataclasses.replace(article, language=given.value, language_confidence=given.confidence)
    return None


def _identified(article: Article, code: str | None, conf: float, method: str = "lingua") -> Article:
    if code is None:
        return article
    updated = article.with_meta("language", code, "inferred", round(conf, 3), method)
    return dataclasses.replace(updated, language=code, language_confidence=round(conf, 3))


stage("language", requires=("text",), assigns=("language",))(LanguageIdentifier)


def identify_language(article: Article, settings: Settings | None = None) -> Article:
    """Set ``article.language`` (see :class:`LanguageIdentifier`; the default settings)."""
    return LanguageIdentifier(settings or Settings())(article)
