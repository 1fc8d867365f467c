"""Features of a pair of texts: embedding similarity of their parts, and cheap overlap signals.

:func:`prepare_texts` reads and embeds texts once (batched, through the encoder's content-hash
cache); :func:`pair_features` turns two prepared texts into a fixed, named feature vector.
"""

from __future__ import annotations

import math
import unicodedata
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from newsloom.compare import signals
from newsloom.compare.parts import TextParts, split_parts
from newsloom.stories.embed import Encoder, normalise_rows

#: Head and tail of a text are its first and last few segments (news puts the event in the lead).
HEAD_SEGMENTS = 3
#: Sentence pairs at least this similar count as "saying the same thing": e5-small puts almost
#: any two sentences above 0.7, so only the top of the range tells shared facts; two thresholds
#: let the model weigh them.
ALIGN_THRESHOLDS = (0.85, 0.9)
#: Means of the k best-matched sentences of each text: one or two shared sentences tell a shared
#: event even when the rest of the texts differ (background, reactions).
ALIGN_TOP_K = (3, 5)
#: Shares of sentences whose best match, after subtracting the language means, is at least this
#: similar: centred cosines spread over 0-1, so coverage is read at several levels.
CENTRED_ALIGN_THRESHOLDS = (0.3, 0.4, 0.5, 0.6)
#: Character n-gram length for the lexical similarity of same-script texts.
CHAR_NGRAM = 4
#: What the style profile of a text measures, language-independently (the SemEval "style" and
#: "tone" ratings follow the genre: wire report, opinion, live blog, press release).
STYLE_PROFILE = ("sentence_chars", "quotes", "questions", "exclamations", "digits", "capitals")
#: Features computed after subtracting each text's own language mean (:func:`_language_centred`):
#: for a language the model has no centre for, they come from another centre than in training,
#: so such a pair is scored by a fallback model trained without them.
LANGUAGE_CENTRED = ("lcos_", "lalign_")
_QUOTES = frozenset('"“”„«»「」『』')


@dataclass(frozen=True, slots=True)
class LanguageCenter:
    """Mean vectors of one language's texts in the training corpus: whole texts and segments."""

    whole: np.ndarray  # (dim,)
    segment: np.ndarray  # (dim,)


@dataclass(frozen=True, slots=True)
class PreparedText:
    """One text read and embedded: its parts, vectors and overlap signals."""

    parts: TextParts
    whole: np.ndarray  # (dim,)
    title: np.ndarray  # (dim,)
    segments: np.ndarray  # (k, dim), k >= 1
    names: frozenset[str]
    numbers: frozenset[str]
    quantities: frozenset[str]  # signals.quantities: numbers across scripts and formats
    romanised: signals.RomanisedText
    dates: signals.DateSignals
    places: frozenset[tuple[str, str]]
    words: Counter[str]
    ngrams: Counter[str]
    script: str
    style: tuple[float, ...]  # see STYLE_PROFILE


def _script(text: str) -> str:
    """The dominant writing system, by the first word of the Unicode name of its letters."""
    counts: Counter[str] = Counter()
    for ch in text[:2000]:
        if ch.isalpha():
            counts[unicodedata.name(ch, "OTHER ?").split()[0]] += 1
    return counts.most_common(1)[0][0] if counts else "NONE"


def _style(text: str, segments: Sequence[str]) -> tuple[float, ...]:
    """Language-independent writing habits of ``text``, in STYLE_PROFILE order."""
    letters = max(1, sum(ch.isalpha() for ch in text))
    per_1000 = 1000 / max(1, len(text))
    return (
        math.log1p(sum(len(s) for s in segments) / max(1, len(segments))),
        sum(ch in _QUOTES for ch in text) * per_1000,
        sum(ch in "?？؟" for ch in text) * per_1000,
        sum(ch in "!！" for ch in text) * per_1000,
        sum(ch.isdigit() for ch in text) / letters,
        sum(ch.isupper() for ch in text) / letters,
    )


def _char_ngrams(text: str) -> Counter[str]:
    folded = " ".join(signals.fold(text).split())
    return Counter(folded[i : i + CHAR_NGRAM] for i in range(max(0, len(folded) - CHAR_NGRAM + 1)))


def prepare_texts(
    texts: Sequence[str],
    langs: Sequence[str | None],
    encoder: Encoder,
    date_source: str = "cldr",
    place_source: str = "geonames",
) -> list[PreparedText]:
    """Read, cut and embed ``texts`` in one batch per kind of part."""
    parts = [split_parts(text, lang) for text, lang in zip(texts, langs, strict=True)]
    flat = [s for p in parts for s in p.segments]
    # one call for every part: the encoder batches texts of like length together (titles with
    # sentences), and a title that is also the first sentence is embedded once
    n = len(parts)
    vectors = encoder.encode([p.text for p in parts] + [p.title for p in parts] + flat)
    wholes, titles, flat_vectors = vectors[:n], vectors[n : 2 * n], vectors[2 * n :]
    find_dates = signals.DATE_SOURCES[date_source]
    find_places = signals.PLACE_SOURCES[place_source]
    prepared = []
    offset = 0
    for i, p in enumerate(parts):
        k = len(p.segments)
        script = _script(p.text)
        segments = flat_vectors[offset : offset + k] if k else wholes[i : i + 1]
        offset += k
        prepared.append(
            PreparedText(
                parts=p,
                whole=wholes[i],
                title=titles[i],
                segments=segments,
                names=frozenset(signals.name_tokens(p.text)),
                numbers=frozenset(signals.numbers(p.text)),
                quantities=frozenset(signals.quantities(p.text)),
                romanised=signals.romanise(p.text, script),
                dates=find_dates(p.text, p.language),
                places=frozenset(find_places(p.text, p.language)),
                words=signals.content_words(p.text),
                ngrams=_char_ngrams(p.text),
                script=script,
                style=_style(p.text, p.segments),
            )
        )
    return prepared


def _unit(vector: np.ndarray) -> np.ndarray:
    norm = float(np.linalg.norm(vector))
    return vector / norm if norm > 0 else vector


def _jaccard(a: set | frozenset, b: set | frozenset) -> float:
    return len(a & b) / len(a | b) if a or b else 0.0


def _containment(a: set | frozenset, b: set | frozenset) -> float:
    """Shared items over the smaller set: 1.0 when one text's items are all in the other."""
    return len(a & b) / min(len(a), len(b)) if a and b else 0.0


def _cosine_counts(a: Counter[str], b: Counter[str]) -> float:
    if not a or not b:
        return 0.0
    dot = sum(count * b[key] for key, count in a.items() if key in b)
    norm = math.sqrt(sum(v * v for v in a.values())) * math.sqrt(sum(v * v for v in b.values()))
    return dot / norm


def _set_features(prefix: str, a: set | frozenset, b: set | frozenset) -> dict[str, float]:
    return {
        f"{prefix}_jaccard": _jaccard(a, b),
        f"{prefix}_containment": _containment(a, b),
        f"{prefix}_shared": math.log1p(len(a & b)),
        f"{prefix}_both": float(bool(a) and bool(b)),
    }


def _cos(a: np.ndarray, b: np.ndarray) -> float:
    return float(np.dot(a, b))


def pair_features(
    a: PreparedText,
    b: PreparedText,
    center: np.ndarray | None = None,
    languages: Mapping[str, LanguageCenter] | None = None,
    spreads: Mapping[str, PairSpread] | None = None,
) -> dict[str, float]:
    """Named features of the pair (a, b); symmetric in a and b.

    ``center`` is the mean embedding of a corpus: cosines after subtracting it spread out the
    narrow band (0.7-0.95) in which every pair of e5 vectors falls. ``languages`` holds the mean
    vectors of each language's texts: subtracting a text's own language mean removes what every
    text of that language shares, so a German and an English report of one event move closer.
    ``spreads`` (:func:`pair_spreads`) say how similar two texts of the pair's languages are by
    chance: the centred cosines are also read as standard scores against that.
    """
    f: dict[str, float] = {}
    head_a, head_b = _unit(a.segments[:HEAD_SEGMENTS].mean(0)), _unit(b.segments[:HEAD_SEGMENTS].mean(0))
    tail_a, tail_b = _unit(a.segments[-HEAD_SEGMENTS:].mean(0)), _unit(b.segments[-HEAD_SEGMENTS:].mean(0))
    mean_a, mean_b = _unit(a.segments.mean(0)), _unit(b.segments.mean(0))
    f["cos_whole"] = _cos(a.whole, b.whole)
    f["cos_title"] = _cos(a.title, b.title)
    f["cos_title_whole"] = (_cos(a.title, b.whole) + _cos(b.title, a.whole)) / 2
    f["cos_head"] = _cos(head_a, head_b)
    f["cos_tail"] = _cos(tail_a, tail_b)
    f["cos_head_tail"] = (_cos(head_a, tail_b) + _cos(head_b, tail_a)) / 2
    f["cos_mean"] = _cos(mean_a, mean_b)

    sims = a.segments @ b.segments.T
    best_a, best_b = sims.max(axis=1), sims.max(axis=0)
    recall, precision = float(best_a.mean()), float(best_b.mean())
    f["align_mean"] = (recall + precision) / 2
    f["align_min"] = min(recall, precision)
    f["align_max"] = float(sims.max())
    f["align_avg"] = float(sims.mean())
    f["align_top3"] = float(np.sort(sims.ravel())[-3:].mean())
    for threshold in ALIGN_THRESHOLDS:
        share = (float((best_a >= threshold).mean()) + float((best_b >= threshold).mean())) / 2
        f[f"align_share_{int(threshold * 100)}"] = share

    if center is not None:
        ca, cb = normalise_rows(np.vstack([a.whole, b.whole]) - center)
        f["ccos_whole"] = _cos(ca, cb)
        cta, ctb = normalise_rows(np.vstack([a.title, b.title]) - center)
        f["ccos_title"] = _cos(cta, ctb)
        cma, cmb = normalise_rows(np.vstack([mean_a, mean_b]) - center)
        f["ccos_mean"] = _cos(cma, cmb)
        csa, csb = normalise_rows(a.segments - center), normalise_rows(b.segments - center)
        csims = csa @ csb.T
        f["calign_mean"] = (float(csims.max(axis=1).mean()) + float(csims.max(axis=0).mean())) / 2
        f["calign_max"] = float(csims.max())

    if languages is not None:
        f.update(_language_centred(a, b, languages, center, spreads or {}))
    f.update(_alignment_shape(sims))
    f["cos_lead"] = _cos(a.segments[0], b.segments[0])
    f["cos_title_lead"] = (_cos(a.title, b.segments[0]) + _cos(b.title, a.segments[0])) / 2

    f.update(_set_features("names", a.names, b.names))
    f["names_min_count"] = math.log1p(min(len(a.names), len(b.names)))
    f.update(_romanised_names(a.romanised, b.romanised))
    f.update(_set_features("numbers", a.numbers, b.numbers))
    inter = a.quantities & b.quantities
    f["quantities_jaccard"] = _jaccard(a.quantities, b.quantities)
    f["quantities_containment"] = _containment(a.quantities, b.quantities)
    f["quantities_shared"] = math.log1p(len(inter))
    f.update(_set_features("years", a.dates.years, b.dates.years))
    f["years_gap"] = (
        min(abs(x - y) for x in a.dates.years for y in b.dates.years)
        if a.dates.years and b.dates.years
        else -1.0
    )
    f.update(_set_features("days", a.dates.days, b.dates.days))
    f.update(_set_features("months", a.dates.months, b.dates.months))
    f["weekdays_jaccard"] = _jaccard(a.dates.weekdays, b.dates.weekdays)
    f.update(_set_features("places", {p for p, _ in a.places}, {p for p, _ in b.places}))
    f.update(_set_features("countries", {c for _, c in a.places if c}, {c for _, c in b.places if c}))
    f["words_cosine"] = _cosine_counts(a.words, b.words)
    f["words_jaccard"] = _jaccard(set(a.words), set(b.words))
    f["ngrams_cosine"] = _cosine_counts(a.ngrams, b.ngrams)

    for name, x, y in zip(STYLE_PROFILE, a.style, b.style, strict=True):
        f[f"style_{name}_gap"] = abs(x - y)
    f["same_language"] = float(a.parts.language is not None and a.parts.language == b.parts.language)
    f["same_script"] = float(a.script == b.script)
    len_a, len_b = math.log1p(len(a.parts.text)), math.log1p(len(b.parts.text))
    f["length_min"] = min(len_a, len_b)
    f["length_gap"] = abs(len_a - len_b)
    f["segments_min"] = float(min(len(a.segments), len(b.segments)))
    f["segments_gap"] = abs(math.log(len(a.segments)) - math.log(len(b.segments)))
    return f


def _top_mean(values: np.ndarray, k: int) -> float:
    return float(np.sort(values)[-k:].mean())


def _alignment_shape(sims: np.ndarray) -> dict[str, float]:
    """How the best matches of each sentence are spread: the top few (one shared fact) against
    the weaker direction (one text covers more than the other)."""
    best_a, best_b = sims.max(axis=1), sims.max(axis=0)
    f: dict[str, float] = {}
    for k in ALIGN_TOP_K:
        f[f"align_top{k}_dir"] = (_top_mean(best_a, k) + _top_mean(best_b, k)) / 2
    recall, precision = float(best_a.mean()), float(best_b.mean())
    f["align_f"] = 2 * recall * precision / (recall + precision) if recall + precision > 0 else 0.0
    return f


def _romanised_names(a: signals.RomanisedText, b: signals.RomanisedText) -> dict[str, float]:
    """Names of one text found in the other once both are romanised: "Putin" in "Путин", "Beijing"
    in "北京" (BeiJing); -1 when neither text has names to look for (Chinese, Arabic)."""
    found = [
        sum(t in other.letters for t in x.names) / len(x.names) for x, other in ((a, b), (b, a)) if x.names
    ]
    return {
        "rnames_found": float(np.mean(found)) if found else -1.0,
        "rnames_found_min": min(found) if found else -1.0,
        "rnames_jaccard": _jaccard(a.names, b.names),
    }


def _centred_unit(p: PreparedText, center: LanguageCenter) -> tuple[np.ndarray, np.ndarray]:
    """The whole-text vector and the mean of the segment vectors after subtracting the language means."""
    whole = normalise_rows(p.whole[None, :] - center.whole)[0]
    return whole, _unit(normalise_rows(p.segments - center.segment).mean(0))


def _language_centred(
    a: PreparedText,
    b: PreparedText,
    languages: Mapping[str, LanguageCenter],
    center: np.ndarray | None,
    spreads: Mapping[str, PairSpread],
) -> dict[str, float]:
    """Cosines after subtracting each text's own language mean. When the model has no mean for
    one of the two languages, both texts lose the same corpus mean instead (centring only one
    of them would push a pair apart for a reason that has nothing to do with its content)."""
    ca, cb = languages.get(a.parts.language or ""), languages.get(b.parts.language or "")
    if ca is None or cb is None:
        ca = cb = _corpus_center(languages, center, a.whole.shape[0])
    (wa, ma), (wb, mb) = _centred_unit(a, ca), _centred_unit(b, cb)
    ta, tb = (
        normalise_rows(a.title[None, :] - ca.segment)[0],
        normalise_rows(b.title[None, :] - cb.segment)[0],
    )
    sa, sb = normalise_rows(a.segments - ca.segment), normalise_rows(b.segments - cb.segment)
    sims = sa @ sb.T
    best_a, best_b = sims.max(axis=1), sims.max(axis=0)
    f = {
        "lcos_whole": _cos(wa, wb),
        "lcos_title": _cos(ta, tb),
        "lcos_mean": _cos(ma, mb),
        "lalign_mean": (float(best_a.mean()) + float(best_b.mean())) / 2,
        "lalign_min": min(float(best_a.mean()), float(best_b.mean())),
        "lalign_top3": (_top_mean(best_a, 3) + _top_mean(best_b, 3)) / 2,
        "lalign_max": float(sims.max()),
    }
    spread = spreads.get(pair_key(a.parts.language, b.parts.language))
    f["lcos_whole_z"] = (f["lcos_whole"] - spread.whole_mean) / spread.whole_std if spread else 0.0
    f["lcos_mean_z"] = (f["lcos_mean"] - spread.mean_mean) / spread.mean_std if spread else 0.0
    f.update(_centred_alignment(sims))
    return f


def _centred_alignment(sims: np.ndarray) -> dict[str, float]:
    """Coverage and shape of the best matches between language-centred sentences: shares above
    several levels, lower quartile and median, mutual best matches, and the lead's best match."""
    best_a, best_b = sims.max(axis=1), sims.max(axis=0)
    f = {
        f"lalign_share_{int(t * 100)}": (float((best_a >= t).mean()) + float((best_b >= t).mean())) / 2
        for t in CENTRED_ALIGN_THRESHOLDS
    }
    f["lalign_q25"] = (float(np.quantile(best_a, 0.25)) + float(np.quantile(best_b, 0.25))) / 2
    f["lalign_med"] = (float(np.median(best_a)) + float(np.median(best_b))) / 2
    # sentence i of a and j of b are each other's best match: a one-to-one shared fact
    of_a, of_b = sims.argmax(axis=1), sims.argmax(axis=0)
    f["lalign_mutual"] = sum(int(of_b[j] == i) for i, j in enumerate(of_a)) / min(sims.shape)
    f["lalign_lead"] = (float(sims[0].max()) + float(sims[:, 0].max())) / 2
    return f


@dataclass(frozen=True, slots=True)
class PairSpread:
    """Mean and spread of the language-centred cosines of two texts of two languages taken at
    random: how similar such texts are by chance (Arabic news sit closer together than English)."""

    whole_mean: float
    whole_std: float
    mean_mean: float
    mean_std: float


def pair_key(lang_a: str | None, lang_b: str | None) -> str:
    """The key of a language pair in :func:`pair_spreads` ("de|en" for en-de and de-en)."""
    return "|".join(sorted((lang_a or "", lang_b or "")))


def pair_spreads(
    prepared: Sequence[PreparedText], languages: Mapping[str, LanguageCenter]
) -> dict[str, PairSpread]:
    """:class:`PairSpread` of every pair of languages with a centre, over all pairs of ``prepared``
    texts of those languages (no ratings: any texts of the languages will do)."""
    by_language: dict[str, list[tuple[np.ndarray, np.ndarray]]] = {}
    for p in prepared:
        if (p.parts.language or "") in languages:
            lang = p.parts.language or ""
            by_language.setdefault(lang, []).append(_centred_unit(p, languages[lang]))
    vectors = {
        lang: (np.array([w for w, _ in v]), np.array([m for _, m in v])) for lang, v in by_language.items()
    }
    out: dict[str, PairSpread] = {}
    for la in sorted(vectors):
        for lb in sorted(vectors):
            if la > lb:
                continue
            stats = []
            for k in (0, 1):
                sims = vectors[la][k] @ vectors[lb][k].T
                if la == lb:  # a text against itself is no pair
                    sims = sims[~np.eye(len(sims), dtype=bool)]
                if sims.size:
                    stats += [float(sims.mean()), float(sims.std()) or 1.0]
            if len(stats) == 4:
                out[pair_key(la, lb)] = PairSpread(*stats)
    return out


def languages_known(a: PreparedText, b: PreparedText, languages: Mapping[str, LanguageCenter] | None) -> bool:
    """Whether ``languages`` holds a centre for the language of both texts (see LANGUAGE_CENTRED)."""
    if not languages:
        return False
    return all((t.parts.language or "") in languages for t in (a, b))


def _corpus_center(
    languages: Mapping[str, LanguageCenter], center: np.ndarray | None, dim: int
) -> LanguageCenter:
    """One centre for all languages: the corpus mean of whole texts, the mean of the languages'
    segment means."""
    zero = np.zeros(dim, dtype=np.float32)
    segment = np.mean([c.segment for c in languages.values()], axis=0) if languages else zero
    whole = (
        center
        if center is not None
        else (np.mean([c.whole for c in languages.values()], axis=0) if languages else zero)
    )
    return LanguageCenter(whole.astype(np.float32), segment.astype(np.float32))


def language_centers(prepared: Sequence[PreparedText], min_texts: int = 30) -> dict[str, LanguageCenter]:
    """Mean whole-text and segment vectors of each language with at least ``min_texts`` texts."""
    by_language: dict[str, list[PreparedText]] = {}
    for item in prepared:
        if item.parts.language:
            by_language.setdefault(item.parts.language, []).append(item)
    return {
        lang: LanguageCenter(
            np.mean([p.whole for p in items], axis=0).astype(np.float32),
            np.vstack([p.segments for p in items]).mean(axis=0).astype(np.float32),
        )
        for lang, items in sorted(by_language.items())
        if len(items) >= min_texts
    }


def feature_names(center: bool = True, languages: bool = True) -> tuple[str, ...]:
    """The names :func:`pair_features` returns, in order (computed on a tiny synthetic pair), with
    a corpus centre and language centres given or not."""
    dim = 4
    parts = TextParts(text="x", language="en", title="x", segments=("x",))
    vec = np.ones(dim, dtype=np.float32) / 2
    dates = signals.DateSignals(frozenset(), frozenset(), frozenset(), frozenset())
    dummy = PreparedText(
        parts,
        vec,
        vec,
        vec[None, :],
        frozenset(),
        frozenset(),
        frozenset(),
        signals.RomanisedText(frozenset(), ""),
        dates,
        frozenset(),
        Counter(),
        Counter(),
        "LATIN",
        (0.0,) * len(STYLE_PROFILE),
    )
    zero = np.zeros(dim, dtype=np.float32)
    centers = {"en": LanguageCenter(zero, zero)} if languages else None
    return tuple(pair_features(dummy, dummy, zero if center else None, centers))
