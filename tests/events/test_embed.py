"""The multilingual embedding classifier (loads multilingual-e5-small: slow)."""

from __future__ import annotations

import pytest

from newsloom.events.embed import classify, load_examples
from newsloom.events.types import PLOVER_TYPES


def test_examples_cover_every_type():
    examples = load_examples()
    assert set(examples) == {*PLOVER_TYPES, "NONE"}
    assert all(len(v) >= 4 for v in examples.values())


@pytest.mark.slow
def test_other_languages_by_similarity():
    verdicts = classify(
        [
            "Le Premier ministre a rencontré jeudi le président sud-africain à Hanoi.",  # fr: a meeting
            "La police a arrêté deux hommes à l'aéroport avec trois kilos de drogue.",  # fr: an arrest
            "Le commerce bilatéral a atteint deux milliards de dollars en neuf mois.",  # fr: no event
        ]
    )
    assert verdicts[0].type == "CONSULT"
    assert verdicts[1].type == "COERCE"
    assert verdicts[2].type is None
