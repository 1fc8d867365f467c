"""The story scores (extended B-cubed, purity) live in ``newsloom.stories.evaluation``; the tests read them here."""

from newsloom.stories.evaluation import bcubed, purity

__all__ = ["bcubed", "purity"]
