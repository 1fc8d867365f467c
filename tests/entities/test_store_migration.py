"""The entity tables arrive through the store's migrations and linking runs in its transactions."""

from collections.abc import Callable
from pathlib import Path

import pytest
import sqlalchemy as sa

from newsloom.article import Article
from newsloom.entities.linking import link_article
from newsloom.entities.queries import find_entity

db = pytest.importorskip("newsloom.store.db")


def test_store_open_applies_the_entity_migration(tmp_path: Path, article: Callable[..., Article]) -> None:
    store = db.Store.open(str(tmp_path / "news.db"))
    try:
        assert store.version() >= 2
        with store.transaction() as conn:
            assert {"entities", "entity_aliases", "entity_keys", "entity_links", "entity_roles"} <= set(
                sa.inspect(conn).get_table_names()
            )
            link_article(
                conn, article("Thủ tướng Phạm Minh Chính tiếp Tổng Thư ký LHQ António Guterres.", "vi")
            )
        with store.connect() as conn:
            assert find_entity(conn, "Antonio Guterres")[0]["name"] == "António Guterres"
    finally:
        store.close()
