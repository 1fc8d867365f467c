"""Articles, the raw inputs they came from, and near-duplicate keys."""

from __future__ import annotations

import sqlalchemy as sa

VERSION = 1

metadata = sa.MetaData()

articles = sa.Table(
    "articles",
    metadata,
    sa.Column("id", sa.String(64), primary_key=True),  # content hash of the normalised body
    sa.Column("path", sa.Text, nullable=False),
    sa.Column("fmt", sa.String(16), nullable=False),
    sa.Column("language", sa.String(8)),
    sa.Column("published", sa.String(10)),
    sa.Column("title", sa.Text),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("raw", sa.Text),
    sa.Column("data", sa.Text, nullable=False),  # JSON of Article.to_dict()
    sa.Column("stages", sa.Text, nullable=False, server_default=""),  # stages run, comma-separated
    sa.Column("simhash", sa.BigInteger),
    sa.Column("duplicate_of", sa.String(64)),
    sa.Column("ingested_at", sa.String(32), nullable=False),
)
sa.Index("ix_articles_published", articles.c.published)
sa.Index("ix_articles_language", articles.c.language)
sa.Index("ix_articles_path", articles.c.path)

#: every input path seen for an article (a re-crawl under another name points to the first article)
article_paths = sa.Table(
    "article_paths",
    metadata,
    sa.Column("path", sa.Text, primary_key=True),
    sa.Column("article_id", sa.String(64), nullable=False),
)

#: 4 bands of 16 bits of each article's 64-bit simhash: near-duplicates share at least one band
simhash_bands = sa.Table(
    "simhash_bands",
    metadata,
    sa.Column("band", sa.Integer, primary_key=True),
    sa.Column("value", sa.Integer, primary_key=True),
    sa.Column("article_id", sa.String(64), primary_key=True),
)


def upgrade(conn: sa.Connection) -> None:
    metadata.create_all(conn)
