"""``EventRules.has_trigger``: the answer ``any_trigger.search`` gives for a span, kept (issue #18: three
steps of the events stage ask it of the same sentence)."""

from __future__ import annotations

from newsloom.events import rules as rules_module
from newsloom.events.rules import EventRules, Trigger

TEXT = "The minister met his counterpart. It rained all day. Police arrested two men."


def _rules() -> EventRules:
    return EventRules(
        triggers=(Trigger(pattern=r"\bmet\b", type="CONSULT"), Trigger(pattern="arrest", type="COERCE"))
    )


def test_the_answer_is_the_search_of_that_span() -> None:
    rules = _rules()
    spans = [(0, 33), (34, 52), (53, len(TEXT)), (0, len(TEXT)), (4, 14)]
    for start, end in spans:
        expected = rules.any_trigger.search(TEXT, start, end) is not None
        assert rules.has_trigger(TEXT, start, end) is expected
        assert rules.has_trigger(TEXT, start, end) is expected  # asked again: the kept answer
    assert [rules.has_trigger(TEXT, s, e) for s, e in spans[:3]] == [True, False, True]
    assert EventRules().has_trigger(TEXT, 0, len(TEXT)) is False  # a pack without triggers


def test_the_memo_is_bounded(monkeypatch) -> None:
    monkeypatch.setattr(rules_module, "TRIGGER_MEMO", 3)
    rules = _rules()
    for start in range(10):
        rules.has_trigger(TEXT, start, len(TEXT))
    assert len(rules.__dict__["_has_trigger"]) <= 3
    assert rules.has_trigger(TEXT, 34, 52) is False
