"""How similar two articles are, on the SemEval-2022 Task 8 scale, as a person reads it."""

from __future__ import annotations

from newsloom.views.common import Model

SCALE = "1 = very similar ... 4 = very dissimilar"


class CompareResult(Model):
    """A score per dimension (geography, entities, time, narrative, style, tone, overall), 1 to 4."""

    scores: dict[str, float]
    scale: str = SCALE


def compare_view(
    text_a: str, text_b: str, lang_a: str | None = None, lang_b: str | None = None
) -> CompareResult:
    """Scores of two texts in any languages (``ValueError``/``TypeError`` name what is wrong with one)."""
    from newsloom.compare import compare_texts  # loads the model and the encoder: only when asked

    return CompareResult(scores=compare_texts(text_a, text_b, lang_a, lang_b))
