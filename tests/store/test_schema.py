"""The schema in ``store/schema.py`` is what the migrations build, and the store stays portable."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
import sqlalchemy as sa

from newsloom.store import Store, schema
from newsloom.store.migrations import discover

STORE = Path(__file__).resolve().parents[2] / "newsloom" / "store"


def test_a_migrated_database_has_exactly_the_tables_and_columns_of_the_schema(tmp_path: Path) -> None:
    store = Store.open(str(tmp_path / "s.db"))
    try:
        inspector = sa.inspect(store.engine)
        stored = {name for name in inspector.get_table_names() if not name.startswith("serve_search_fts")}
        assert stored == set(schema.metadata.tables) | {"schema_version"}
        for table in schema.metadata.tables.values():
            columns = {c["name"] for c in inspector.get_columns(table.name)}
            assert columns == {c.name for c in table.columns}, table.name
            indexes = {i["name"] for i in inspector.get_indexes(table.name)}
            assert {i.name for i in table.indexes} <= indexes, table.name
        assert store.version() == max(m.VERSION for m in discover())
    finally:
        store.close()


def test_every_table_is_created_by_exactly_one_migration() -> None:
    created = [table.name for module in discover() for table in module.TABLES]
    assert sorted(created) == sorted(schema.metadata.tables)


@pytest.mark.sqlite_only("builds a version-4 SQLite file by hand")
def test_the_search_index_is_built_by_a_migration_on_a_database_made_before_it(tmp_path: Path) -> None:
    """A database at version 4 (before the search step) gets the index and the new article index."""
    engine = sa.create_engine(f"sqlite:///{tmp_path / 'old.db'}")
    with engine.begin() as conn:
        schema.schema_version.create(conn)
        for module in discover()[:4]:
            module.upgrade(conn)
            conn.execute(
                sa.insert(schema.schema_version).values(version=module.VERSION, name=module.__name__)
            )
        conn.execute(sa.text("DROP INDEX ix_articles_ingested_at"))  # as version 4 made it
    engine.dispose()
    store = Store.open(str(tmp_path / "old.db"))
    try:
        inspector = sa.inspect(store.engine)
        assert "serve_search_docs" in inspector.get_table_names()
        assert "ix_articles_ingested_at" in {i["name"] for i in inspector.get_indexes("articles")}
        with store.connect() as conn:
            found = conn.execute(
                sa.text("SELECT name FROM sqlite_master WHERE name = 'serve_search_fts'")
            ).all()
        assert found
    finally:
        store.close()


def _sqlite_only_calls(path: Path) -> list[str]:
    """Uses of SQLite-only SQL in a module: ``rowid``, FTS5 ``MATCH``/``bm25``, ``PRAGMA``."""
    found = []
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, (ast.Module, ast.FunctionDef, ast.ClassDef))
        and node.body
        and isinstance(node.body[0], ast.Expr)
    }
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings:
            text = node.value.lower()
            if any(word in text for word in ("rowid", "bm25(", " match ", "pragma ", "fts5")):
                found.append(f"{path.name}:{node.lineno}")
    return found


def test_sqlite_only_sql_lives_in_the_dialect_module_alone() -> None:
    """PostgreSQL later touches ``store/`` alone, and there only ``dialect.py`` (and ``db.py``'s pragmas)."""
    offenders = [
        hit
        for path in sorted(STORE.rglob("*.py"))
        if path.name not in ("dialect.py", "db.py")
        for hit in _sqlite_only_calls(path)
    ]
    assert offenders == []


def test_the_store_hashes_the_words_the_article_id_is_made_of() -> None:
    """Near-duplicate keys and content ids read a body the same way (the store has its own copy)."""
    from newsloom.ingest.build import normalise_for_hash
    from newsloom.store.articles import hash_words

    for text in ("Bùi Thanh Sơn  met\nGhada Waly.", "ĐÀ NẴNG — Straße, Łódź; 21/10!", "Ｆｕｌｌ width"):
        assert hash_words(text) == normalise_for_hash(text).split()
