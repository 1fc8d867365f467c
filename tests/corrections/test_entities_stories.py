"""Entity and story corrections: merge and split, kept by later runs, undone on request."""

from __future__ import annotations

from typing import Any

import pytest

from newsloom.corrections import CorrectionError, Fix, correct, undo
from tests.corrections.conftest import remerge_everything, run_later_report


def entity_id(conn: Any, key: str) -> int:
    from newsloom.store.entities import entity_by_key

    found = entity_by_key(conn, key)
    assert found is not None, key
    return int(found.id)


def fix(store: Any, target: str, kind: str, ids: list[int], values: dict[str, Any] | None = None) -> Any:
    with store.transaction() as conn:
        return correct(conn, Fix(target, kind, tuple(ids), values or {}, ""), "test")


def test_merged_entities_stay_merged_after_the_mentions_are_linked_again(store: Any) -> None:
    from newsloom.store.entities import aliases_of, entity_by_key

    with store.connect() as conn:
        first, second = entity_id(conn, "person:luong cuong"), entity_id(conn, "person:antonio guterres")
    assert fix(store, "entity", "merge", [first, second]).result_ids == [first]
    remerge_everything(store)
    run_later_report(store)
    with store.connect() as conn:
        assert entity_by_key(conn, "person:antonio guterres") is None, (
            "a re-run brought the merged entity back"
        )
        assert "António Guterres" in {a.alias for a in aliases_of(conn, [first])}


def test_undoing_an_entity_merge_brings_the_other_entity_back_with_its_names(store: Any) -> None:
    from newsloom.store.entities import aliases_of, entity_by_key

    with store.connect() as conn:
        first, second = entity_id(conn, "person:luong cuong"), entity_id(conn, "person:antonio guterres")
    outcome = fix(store, "entity", "merge", [first, second])
    with store.transaction() as conn:
        undo(conn, outcome.correction.id, "test")
    with store.connect() as conn:
        back = entity_by_key(conn, "person:antonio guterres")
        assert back is not None
        assert "António Guterres" in {a.alias for a in aliases_of(conn, [back.id])}
        assert "António Guterres" not in {a.alias for a in aliases_of(conn, [first])}


def test_a_name_split_off_an_entity_gets_an_entity_of_its_own(store: Any) -> None:
    from newsloom.store.entities import aliases_of

    with store.connect() as conn:
        first = entity_id(conn, "person:luong cuong")
        names = {a.alias for a in aliases_of(conn, [first])}
    assert {"Lương Cường", "Cường"} <= names
    outcome = fix(store, "entity", "split", [first], {"aliases": ["Cường"]})
    assert len(outcome.result_ids) == 2
    new = outcome.result_ids[1]
    with store.connect() as conn:
        assert {a.alias for a in aliases_of(conn, [new])} == {"Cường"}
        assert "Cường" not in {a.alias for a in aliases_of(conn, [first])}
    with pytest.raises(CorrectionError, match="none of the names"), store.transaction() as conn:
        correct(conn, Fix("entity", "split", (first,), {"aliases": ["Nobody"]}), "test")


def story_of(conn: Any, name: str) -> set[int]:
    from newsloom.store.articles import articles_at_path
    from newsloom.store.corrections import stories_of_articles
    from tests.conftest import EXAMPLES

    return set(stories_of_articles(conn, articles_at_path(conn, str(EXAMPLES / name))))


def test_merged_stories_stay_merged_and_a_split_story_stays_split(store: Any) -> None:
    forum = "text/en_02_ramaphosa_man_business_forum.txt"
    with store.connect() as conn:
        a, b = sorted(story_of(conn, forum))  # the English report is in two stories (two meetings)
        son = story_of(conn, "text/vi_01_son_waly_unodc.txt")
        assert son == story_of(conn, "text/id_01_son_waly_unodc.txt")
    fix(store, "story", "merge", [a, b])
    (son_story,) = son
    split = fix(
        store, "story", "split", [son_story], {"articles": ["examples/text/id_01_son_waly_unodc.txt"]}
    )
    remerge_everything(store)
    run_later_report(store)
    with store.connect() as conn:
        assert story_of(conn, forum) == {a}
        assert story_of(conn, "text/vi_01_son_waly_unodc.txt") != story_of(
            conn, "text/id_01_son_waly_unodc.txt"
        )
    with store.transaction() as conn:
        undo(conn, split.correction.id, "test")
    with store.connect() as conn:
        assert story_of(conn, "text/vi_01_son_waly_unodc.txt") == story_of(
            conn, "text/id_01_son_waly_unodc.txt"
        )
