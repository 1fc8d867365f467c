"""Trust marks: every event and story says how many articles report it, in how many languages, how
confident the record is; filters and the timeline's default hiding of uncertain events."""

from __future__ import annotations

from newsloom.store import Connection
from newsloom.views.events import EventQuery, event_view, events_view
from newsloom.views.stories import StoryQuery, stories_view
from newsloom.views.timeline import TimelineQuery, timeline_view
from newsloom.views.trust import LOW_CONFIDENCE, Trust, passes


def test_badges_follow_sources_and_confidence() -> None:
    assert Trust(sources=1, languages=1, confidence=0.5).badges == ["single source", "low confidence"]
    assert Trust(sources=3, languages=2, confidence=LOW_CONFIDENCE).badges == []
    assert Trust(sources=1, languages=1, confidence=0.99).badges == ["single source"]
    assert Trust(sources=1, languages=1, confidence=0.5).uncertain
    assert not Trust(sources=2, languages=1, confidence=0.5).uncertain
    assert Trust(sources=2, languages=1, confidence=None).badges == []


def test_an_event_no_model_read_is_marked_and_uncertain_alone() -> None:
    # its confidence is its rule's prior for the type (0.70-0.99): the mark, not the number, says so
    unchecked = Trust(sources=1, languages=1, confidence=0.94, rules_only=True)
    assert unchecked.badges == ["single source", "not checked by the model"]
    assert unchecked.uncertain
    confirmed = Trust(sources=2, languages=2, confidence=0.94, rules_only=True)
    assert confirmed.badges == ["not checked by the model"] and not confirmed.uncertain
    assert not Trust(sources=1, languages=1, confidence=0.94).uncertain


def test_filters_pass_only_what_meets_them() -> None:
    trust = Trust(sources=2, languages=2, confidence=0.8)
    assert passes(trust, 2, 0.8)
    assert not passes(trust, 3, 0.0)
    assert not passes(trust, 0, 0.81)
    assert not passes(Trust(sources=5, languages=1, confidence=None), 0, 0.1)


def test_every_event_carries_its_trust_mark(conn: Connection) -> None:
    events = events_view(conn, EventQuery(limit=100)).items
    assert events
    for event in events:
        assert event.trust.sources == event.n_articles
        assert event.trust.languages == len(event.languages)
        assert event.trust.confidence == event.confidence
        assert ("single source" in event.trust.badges) == (event.n_articles <= 1)
        assert ("not checked by the model" in event.trust.badges) == event.rules_only
        assert "trust" in event.model_dump()
    detail = event_view(conn, events[0].id)
    assert detail is not None and detail.trust.sources == events[0].n_articles
    for event in events:  # unchecked: no report of it was read by the classifier
        detail = event_view(conn, event.id)
        assert detail is not None
        assert detail.rules_only == all(s.classifier == "rules" for s in detail.sources), event.id
        assert detail.trust.badges == event.trust.badges
    assert any(e.rules_only for e in events) and not all(e.rules_only for e in events)


def test_event_filters_narrow_the_list(conn: Connection) -> None:
    every = events_view(conn, EventQuery(limit=100)).items
    confirmed = events_view(conn, EventQuery(limit=100, min_sources=2)).items
    confident = events_view(conn, EventQuery(limit=100, min_confidence=0.9)).items
    assert {e.id for e in confirmed} == {e.id for e in every if e.n_articles >= 2}
    assert {e.id for e in confident} == {e.id for e in every if e.confidence >= 0.9}
    assert 0 < len(confirmed) < len(every)  # the examples hold both kinds


def test_timeline_hides_uncertain_events_unless_asked(conn: Connection) -> None:
    def ids(query: TimelineQuery) -> set[int]:
        found = timeline_view(conn, query)
        return {e.id for day in found.items for group in day.groups for e in group.events}

    shown = timeline_view(conn, TimelineQuery())
    everything = ids(TimelineQuery(show_uncertain=True))
    uncertain = {e.id for e in events_view(conn, EventQuery(limit=100)).items if e.trust.uncertain}
    assert uncertain & everything, "the examples should hold a single-source event, low or unchecked"
    assert ids(TimelineQuery()).isdisjoint(uncertain)
    assert shown.hidden >= len(uncertain & everything)
    assert timeline_view(conn, TimelineQuery(show_uncertain=True)).hidden == 0
    assert all(e.n_articles >= 2 for e in _events(timeline_view(conn, TimelineQuery(min_sources=2))))


def _events(timeline):  # type: ignore[no-untyped-def]
    return [e for day in timeline.items for group in day.groups for e in group.events]


def test_every_story_carries_its_trust_mark(conn: Connection) -> None:
    stories = stories_view(conn, StoryQuery(limit=100)).items
    assert stories
    for story in stories:
        assert story.trust.sources == story.articles
        assert story.trust.languages == len(story.languages)
        assert story.trust.confidence is None


def test_the_timeline_keeps_an_event_as_its_validated_mark_says() -> None:
    """``TrustFilter.keeps`` makes the mark without validation: every stored shape decides as the
    validated ``Trust`` (``trust_of``) with ``passes`` does, for every filter."""
    import itertools

    from newsloom.views.timeline import TrustFilter, trust_of
    from newsloom.views.trust import passes

    events = [
        {"n_articles": n, "languages": languages, "confidence": confidence}
        for n, languages, confidence in itertools.product(
            (0, 1, 2, 5), (None, [], ["vi"], ["vi", "en"]), (None, 0.0, 0.5, 0.69, 0.7, 0.95)
        )
    ]
    filters = [
        TrustFilter(sources, confidence, show)
        for sources, confidence, show in itertools.product((0, 1, 2), (0.0, 0.6, 0.9), (False, True))
    ]
    decisions = set()
    for keep, event in itertools.product(filters, events):
        mark = trust_of(event)
        expected = (keep.show_uncertain or not mark.uncertain) and passes(
            mark, keep.min_sources, keep.min_confidence
        )
        assert keep.keeps(event) == expected, (keep, event)
        decisions.add(expected)
    assert decisions == {True, False}
