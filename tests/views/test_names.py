"""Events show the canonical names of their actors and roles as words, never internal labels."""

from __future__ import annotations

from newsloom.entities.rules import ROLES
from newsloom.store import Connection
from newsloom.views.entities import EntityQuery, entities_view, entity_view
from newsloom.views.events import EventQuery, event_view, events_view
from newsloom.views.names import retitle, role_words
from newsloom.views.timeline import TimelineQuery, timeline_view


def test_roles_are_words_of_the_pack() -> None:
    assert role_words("deputy_head_of_government") == "Deputy Prime Minister"
    assert role_words("head_of_state") == "President"
    assert role_words("un_secretary_general") == "Secretary-General"  # narrowed roles fall back
    assert role_words("deputy_head_of_government", "vi") == "Phó Thủ tướng"
    for role in ROLES:
        assert "_" not in (role_words(role) or "_"), role


def test_retitle_replaces_longest_names_first() -> None:
    renamed = {"Son": "X", "Bui Thanh Son": "Bùi Thanh Sơn"}
    assert retitle("Bui Thanh Son -> Ghada Waly: CONSULT", renamed) == "Bùi Thanh Sơn -> Ghada Waly: CONSULT"


def test_events_show_canonical_names_not_first_spellings(conn: Connection) -> None:
    events = events_view(conn, EventQuery(limit=100, entity="Bui Thanh Son")).items
    assert events, "the examples report Bùi Thanh Sơn's meeting in Vietnamese and Indonesian"
    for event in events:
        assert "Bui Thanh Son" not in event.title and "Bui Thanh Son" not in event.source + event.target
    assert any("Bùi Thanh Sơn" in e.title for e in events)
    detail = event_view(conn, events[0].id)
    assert detail is not None
    names = [a["name"] for side in (detail.actors.source, detail.actors.target) for a in side]
    assert "Bùi Thanh Sơn" in names and "Bui Thanh Son" not in names
    timeline = timeline_view(conn, TimelineQuery(show_uncertain=True))
    titles = [e.title for day in timeline.items for group in day.groups for e in group.events]
    assert titles and not any("Bui Thanh Son" in t for t in titles)


def test_actor_and_entity_roles_are_words(conn: Connection) -> None:
    roles = []
    for event in events_view(conn, EventQuery(limit=100)).items:
        detail = event_view(conn, event.id)
        assert detail is not None
        roles += [
            (a.get("role"), a.get("role_name"))
            for side in (detail.actors.source, detail.actors.target)
            for a in side
        ]
    named = [(role, words) for role, words in roles if role]
    assert named and all(words and "_" not in words for _, words in named)
    assert ("deputy_head_of_government", "Deputy Prime Minister") in named
    found = entities_view(conn, EntityQuery(q="Bui Thanh Son", type="person")).items
    assert found
    entity = entity_view(conn, found[0].id)
    assert entity is not None and entity.roles
    assert all(role.label and "_" not in role.label for role in entity.roles)
    assert "Deputy Prime Minister" in {role.label for role in entity.roles}
