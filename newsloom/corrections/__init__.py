"""Corrections that stick: a person merges, splits or changes events, entities and stories, and every
later run replays the correction (see ``docs/corrections.md``)."""

from newsloom.corrections.fixes import (
    KINDS,
    TARGETS,
    CorrectionError,
    Fix,
    Outcome,
    correct,
    replay,
    replay_for_article,
    replay_stories,
    undo,
)

__all__ = [
    "KINDS", "TARGETS", "CorrectionError", "Fix", "Outcome", "correct", "replay", "replay_for_article", "replay_stories",
    "undo",
]  # fmt: skip
