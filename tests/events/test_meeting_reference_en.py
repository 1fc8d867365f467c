"""English statements told "at that meeting" (#13, session 16), on sentences written here.

"At that meeting, X asked Y ..." tells what was said at the meeting the report told before it, as the
vi/id/fr packs' ``meeting_reference`` read it; a meeting still to come ("at the meeting next week",
"at the talks due on Friday") or one the phrase itself introduces ("at the meeting of ...") is no
reference to a meeting already told.
"""

from __future__ import annotations

import pytest

from newsloom.events.implicit import implied_meetings
from newsloom.events.rollup import ArticleEvent, article_events
from newsloom.events.stage import find_events
from newsloom.lang.en.events import RULES

from .helpers import People, make_article

NAMES: People = {
    "Interior Ministry": ("organization", "org:moi", "Interior Ministry", None, None),
    "Federal Police": ("organization", "org:fp", "Federal Police", None, None),
}
MET = "The Interior Ministry and the Federal Police agreed to step up information exchanges in Perth. "


def _groups(text: str) -> list[ArticleEvent]:
    article = make_article(text, "en", NAMES, published="2026-03-12")
    return implied_meetings(article_events(find_events(article, classifier=False).events))


def _request(groups: list[ArticleEvent]) -> ArticleEvent:
    return next(g for g in groups if g.type == "REQUEST" and any(m.sentence == 1 for m in g.mentions))


@pytest.mark.parametrize(
    "said",
    [
        "At that meeting, the Interior Ministry asked the Federal Police to extradite two suspects.",
        "During the talks, the Interior Ministry asked the Federal Police to extradite two suspects.",
        "The Interior Ministry urged the Federal Police at the talks to extradite two suspects.",
    ],
)
def test_a_request_at_that_meeting_belongs_to_the_meeting_told_before(said: str) -> None:
    groups = _groups(MET + said)
    meetings = [g for g in groups if g.type == "CONSULT"]
    assert len(meetings) == 1, [(g.type, [m.rule for m in g.mentions]) for g in groups]
    assert _request(groups).parent == meetings[0].group


@pytest.mark.parametrize(
    "said",
    [
        "Weeks later, the Interior Ministry asked the Federal Police to extradite two suspects.",
        "At the meeting next week, the Interior Ministry asked the Federal Police to extradite two suspects.",
        "The Interior Ministry urged the Federal Police to extradite two suspects at the talks due on Friday.",
    ],
)
def test_a_request_elsewhere_or_for_a_meeting_to_come_is_not_filed_under_it(said: str) -> None:
    assert _request(_groups(MET + said)).parent is None


@pytest.mark.parametrize(
    "sentence",
    [
        "At that meeting, the minister asked for help.",
        "During the talks, both sides agreed.",
        "He spoke at this meeting, officials said.",
    ],
)
def test_reference_phrase(sentence: str) -> None:
    assert RULES.compiled("meeting_reference").search(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "He will raise it at the meeting next week.",
        "He will raise it at the talks due on Friday.",
        "He will raise it at the meeting, which will be held in May.",
        "He will raise it at the meeting to be held in May.",
        "At the meeting of ASEAN interior ministers, he asked for help.",
        "At the talks between the two police forces, he asked for help.",
        "He attended the meeting on Monday.",
    ],
)
def test_no_reference_phrase(sentence: str) -> None:
    assert not RULES.compiled("meeting_reference").search(sentence)
