"""Canonical entities, their aliases, blocking keys, links to article mentions, and roles over time."""

from __future__ import annotations

import sqlalchemy as sa

VERSION = 2

metadata = sa.MetaData()

entities = sa.Table(
    "entities",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("key", sa.String(300), nullable=False, unique=True),  # gazetteer id or type:folded name
    sa.Column("name", sa.Text, nullable=False),  # canonical: the most marked spelling any source gave
    sa.Column("type", sa.String(16), nullable=False),  # person | organization | place
    sa.Column("gazetteer_id", sa.String(64)),
    sa.Column("mention_count", sa.Integer, nullable=False, default=0),
    sa.Column("article_count", sa.Integer, nullable=False, default=0),
    sa.Column("first_seen", sa.String(10)),
    sa.Column("last_seen", sa.String(10)),
)
sa.Index("ix_entities_type_count", entities.c.type, entities.c.article_count)
sa.Index("ix_entities_article_count", entities.c.article_count)

#: every surface form seen, with its folded form (diacritics and case removed) and language
entity_aliases = sa.Table(
    "entity_aliases",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("entity_id", sa.Integer, sa.ForeignKey("entities.id", ondelete="CASCADE"), nullable=False),
    sa.Column("alias", sa.String(300), nullable=False),
    sa.Column("folded", sa.String(300), nullable=False),
    sa.Column("language", sa.String(8), nullable=False),
    sa.Column("count", sa.Integer, nullable=False, default=0),
    sa.UniqueConstraint("entity_id", "alias", "language", name="uq_entity_alias"),
)
sa.Index("ix_entity_aliases_folded", entity_aliases.c.folded)

#: cheap blocking keys a new mention is looked up by: full:<folded name>, gaz:<id>, acr:<ACRONYM>,
#: part:<folded given name> (a person named by one word in an article)
entity_keys = sa.Table(
    "entity_keys",
    metadata,
    sa.Column("key", sa.String(300), primary_key=True),
    sa.Column("entity_id", sa.Integer, sa.ForeignKey("entities.id", ondelete="CASCADE"), primary_key=True),
)
sa.Index("ix_entity_keys_entity", entity_keys.c.entity_id)

#: one row per mention linked to an entity, with its evidence
entity_links = sa.Table(
    "entity_links",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("entity_id", sa.Integer, sa.ForeignKey("entities.id", ondelete="CASCADE"), nullable=False),
    sa.Column("article_id", sa.String(64), nullable=False),
    sa.Column("article_path", sa.Text),
    sa.Column("published", sa.String(10)),
    sa.Column("sentence", sa.Integer),
    sa.Column("start_offset", sa.Integer, nullable=False),
    sa.Column("end_offset", sa.Integer, nullable=False),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("kind", sa.String(8), nullable=False),  # name | title
    sa.Column("rule", sa.String(64), nullable=False),  # recogniser + linking rule
    sa.Column("score", sa.Float, nullable=False),
)
sa.Index("ix_entity_links_article", entity_links.c.article_id)
sa.Index("ix_entity_links_entity", entity_links.c.entity_id, entity_links.c.published)

#: person -> role at an organization/country, first and last seen (article dates), with evidence
entity_roles = sa.Table(
    "entity_roles",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("entity_id", sa.Integer, sa.ForeignKey("entities.id", ondelete="CASCADE"), nullable=False),
    sa.Column("role", sa.String(64), nullable=False),
    sa.Column("role_of_key", sa.String(300), nullable=False, default=""),  # entities.key, or "" when unsaid
    sa.Column("role_of_entity_id", sa.Integer),
    sa.Column("role_text", sa.Text, nullable=False),  # the title as first written
    sa.Column("first_seen", sa.String(10)),
    sa.Column("last_seen", sa.String(10)),
    sa.Column("count", sa.Integer, nullable=False, default=0),
    sa.Column("first_article_id", sa.String(64), nullable=False),
    sa.Column("last_article_id", sa.String(64), nullable=False),
    sa.Column("evidence", sa.Text, nullable=False),  # the sentence that gave the title
    sa.UniqueConstraint("entity_id", "role", "role_of_key", name="uq_entity_role"),
)


def upgrade(conn: sa.Connection) -> None:
    metadata.create_all(conn)
