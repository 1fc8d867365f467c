"""A target read after a trigger is its object only up to a relative clause (#13, bundled example
"The minister also welcomed the near-complete implementation of the APSC Blueprint, which officials
say has reached 99.6 percent": the officials are no target of the welcome)."""

from __future__ import annotations

import pytest

from newsloom.events.extract import extract_events
from tests.events.helpers import make_article

SUGIONO = ("person", "person:sugiono", "Sugiono", "foreign_minister", None)
VIETNAM = ("place", "place:vn", "Vietnam", None, None)
UNODC = ("organization", "org:unodc", "UNODC", None, None)


@pytest.mark.parametrize(
    ("text", "lang", "names", "target"),
    [
        ("Sugiono welcomed the progress of the plan, which UNODC says is almost complete.", "en",
         {"Sugiono": SUGIONO, "UNODC": UNODC}, ()),
        ("Sugiono menyambut baik kemajuan rencana itu, yang menurut UNODC hampir rampung.", "id",
         {"Sugiono": SUGIONO, "UNODC": UNODC}, ()),
        # the object comes before the relative clause: still the target
        ("Sugiono welcomed UNODC, which has an office in Hanoi.", "en",
         {"Sugiono": SUGIONO, "UNODC": UNODC}, ("org:unodc",)),
    ],
)  # fmt: skip
def test_no_target_across_a_relative_clause(text, lang, names, target):
    events = [e for e in extract_events(make_article(text, lang, names, published="2025-10-25"))
              if e.type == "SUPPORT"]  # fmt: skip
    assert events, "the welcome is read"
    assert events[0].source == ("person:sugiono",)
    assert events[0].target == target
