"""English (#13, session 16): a dropped plan is asserted, and "would keep supporting" is a promise.

- "X dropped its plan to ..." states what X did (codebook: CONCEDE), so the factual filter must not read
  the dropped plan as a plan; "X plans to ..." stays a plan.
- "would keep supporting Y" is "would continue to support Y": future-tense cooperation, AGREE by the
  project gold's guideline 3, as the vi ("sẽ tiếp tục hỗ trợ") and id ("akan terus mendukung") packs read it.
Every sentence here is written for the test.
"""

from __future__ import annotations

import pytest

from newsloom.events.learned import asserted
from newsloom.events.stage import find_events
from newsloom.lang.en.events import RULES

from .helpers import UNODC, VN, make_article


@pytest.mark.parametrize(
    "sentence",
    [
        "The ministry dropped its plan to close the northern border crossings.",
        "The council has abandoned plans to raise the port fees.",
        "The government scrapped the plan to build a second runway.",
        "Officials shelved their plans to expand the fishing ban.",
        "The cabinet withdrew its plan to tax foreign remittances.",
        "Plans to relocate the embassy were called off after the talks.",
    ],
)
def test_undone_plan_is_asserted(sentence: str) -> None:
    assert asserted(sentence, RULES)


@pytest.mark.parametrize(
    "sentence",
    [
        "The ministry plans to close the northern border crossings.",
        "The council announced its plan to raise the port fees.",
        "Plans to relocate the embassy were announced after the talks.",
        "The cabinet has no plans to tax foreign remittances.",
    ],
)
def test_plan_still_a_plan(sentence: str) -> None:
    assert not asserted(sentence, RULES)


NAMES = {"UNODC": UNODC, "Vietnam": VN}


@pytest.mark.parametrize(
    "sentence",
    [
        "UNODC would keep supporting Vietnam in its fight against online fraud.",
        "UNODC will keep on helping Vietnam train its border guards.",
        "UNODC will continue to support Vietnam in its fight against online fraud.",
    ],
)
def test_future_support_is_agree(sentence: str) -> None:
    article = find_events(make_article(sentence, "en", NAMES, published="2025-10-25"), classifier=False)
    assert [(e.type, [a.key for a in e.source_actors]) for e in article.events] == [("AGREE", ["org:unodc"])]


def test_past_support_stays_support() -> None:
    sentence = "UNODC kept supporting Vietnam in its fight against online fraud last year."
    article = find_events(make_article(sentence, "en", NAMES, published="2025-10-25"), classifier=False)
    assert [e.type for e in article.events] == ["SUPPORT"]
