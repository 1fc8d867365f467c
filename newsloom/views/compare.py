"""How similar two articles are, on the SemEval-2022 Task 8 scale, as a person reads it."""

from __future__ import annotations

from newsloom.views.common import Model

SCALE = "1 = very similar ... 4 = very dissimilar"


class CompareResult(Model):
    """A score per dimension (geography, entities, time, narrative, style, tone, overall), 1 to 4;
    which text does not look like an article, and why; the typical error of the overall score."""

    scores: dict[str, float]
    scale: str = SCALE
    #: "text_a"/"text_b" -> why that text does not read as an article (a sign-in wall, an error
    #: page, a title alone); empty when both do
    not_article: dict[str, list[str]] = {}
    #: one sentence per such text, for a person
    warnings: list[str] = []
    #: typical error of the overall score for a pair of this kind (None: not recorded)
    uncertainty: float | None = None


def compare_view(
    text_a: str, text_b: str, lang_a: str | None = None, lang_b: str | None = None
) -> CompareResult:
    """Scores of two texts in any languages (``ValueError``/``TypeError`` name what is wrong with one)."""
    from newsloom.compare import compare_pair  # loads the model and the encoder: only when asked

    result = compare_pair(text_a, text_b, lang_a, lang_b)
    names = ("text_a", "text_b")
    return CompareResult(
        scores=result.scores,
        not_article={
            name: list(page.reasons)
            for name, page in zip(names, result.pages, strict=True)
            if not page.looks_like_article
        },
        warnings=result.warnings(names),
        uncertainty=result.uncertainty,
    )
