"""Embeddings by content hash, stories, their members, blocking keys, LSH buckets, and storylines.

Every lookup the clustering makes goes through an index: ``story_keys (key, date, story_id)``,
``story_lsh (bucket, date, story_id)``, ``story_members.article_id``, ``storyline_keys (key, date,
storyline_id)``: equality on the key and on each day of a date window, or a recent-id range for
undated stories, so a lookup reads the rows of its window, never the whole history of a key.
"""

from __future__ import annotations

import sqlalchemy as sa

VERSION = 4

metadata = sa.MetaData()

#: passage vectors by content key (sha256 of encoder name + text): nothing is embedded twice
embeddings = sa.Table(
    "embeddings",
    metadata,
    sa.Column("key", sa.String(64), primary_key=True),
    sa.Column("encoder", sa.String(64), nullable=False),
    sa.Column("dim", sa.Integer, nullable=False),
    sa.Column("vector", sa.LargeBinary, nullable=False),  # float32, little-endian
)

#: running sum of the vectors of each language, to centre vectors per language (see stories.cluster)
embedding_means = sa.Table(
    "embedding_means",
    metadata,
    sa.Column("encoder", sa.String(64), primary_key=True),
    sa.Column("language", sa.String(8), primary_key=True),  # "*" = every language
    sa.Column("count", sa.Integer, nullable=False),
    sa.Column("total", sa.LargeBinary, nullable=False),  # float64 sum of raw vectors
)

stories = sa.Table(
    "stories",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("date", sa.String(10)),  # representative date: the commonest unit date of its members
    sa.Column("date_first", sa.String(10)),
    sa.Column("date_last", sa.String(10)),
    sa.Column("month_day", sa.String(5)),  # MM-DD of ``date`` (for members whose year is unknown)
    sa.Column("member_count", sa.Integer, nullable=False, default=0),
    sa.Column("encoder", sa.String(64), nullable=False),
    sa.Column("centroid", sa.LargeBinary, nullable=False),  # float64 sum of centred member vectors
    sa.Column("storyline_id", sa.Integer),
    sa.Column("created_at", sa.String(32), nullable=False),
    sa.Column("updated_at", sa.String(32), nullable=False),
)
sa.Index("ix_stories_date", stories.c.date)
sa.Index("ix_stories_storyline", stories.c.storyline_id, stories.c.date)

#: an article (segment -1) or one segment of a roundup, in a story
story_members = sa.Table(
    "story_members",
    metadata,
    sa.Column("story_id", sa.Integer, sa.ForeignKey("stories.id", ondelete="CASCADE"), primary_key=True),
    sa.Column("article_id", sa.String(64), primary_key=True),
    sa.Column("segment", sa.Integer, primary_key=True),  # -1 = the whole article
    sa.Column("start_offset", sa.Integer),  # the segment's span in the article text (NULL: all of it)
    sa.Column("end_offset", sa.Integer),
    sa.Column("language", sa.String(8)),
    sa.Column("date", sa.String(10)),  # the unit's date (event date, else publication date)
    sa.Column("title", sa.Text),  # the article title, or the segment's lead sentence
    sa.Column("title_rank", sa.Integer, nullable=False, default=0),  # 2 title, 1 lead of article, 0 segment
    sa.Column("score", sa.Float, nullable=False),
    sa.Column("via", sa.String(16), nullable=False),  # new | keys | lsh | keys+lsh
    sa.Column("embedding_key", sa.String(64)),
    sa.Column("added_at", sa.String(32), nullable=False),
)
sa.Index("ix_story_members_article", story_members.c.article_id)

#: blocking keys of a story (entity keys, event signatures) with how many members carry them
story_keys = sa.Table(
    "story_keys",
    metadata,
    sa.Column("key", sa.String(300), primary_key=True),
    sa.Column("story_id", sa.Integer, sa.ForeignKey("stories.id", ondelete="CASCADE"), primary_key=True),
    sa.Column("date", sa.String(10)),  # the story's date, copied for the date-window lookup
    sa.Column("count", sa.Integer, nullable=False),
    sa.Column("in_storyline", sa.Integer, nullable=False, default=0),  # 1: counted in its storyline's keys
)
sa.Index("ix_story_keys_key_date", story_keys.c.key, story_keys.c.date, story_keys.c.story_id)
sa.Index("ix_story_keys_story", story_keys.c.story_id)

#: in how many stories each key occurs (document frequency, for IDF weights)
story_key_counts = sa.Table(
    "story_key_counts",
    metadata,
    sa.Column("key", sa.String(300), primary_key=True),
    sa.Column("stories", sa.Integer, nullable=False),
)

#: random-hyperplane LSH of each story centroid: one row per band, ``bucket`` = band number and
#: hyperplane sign bits packed in one integer (see newsloom.stories.cluster.lsh_buckets)
story_lsh = sa.Table(
    "story_lsh",
    metadata,
    sa.Column("bucket", sa.Integer, primary_key=True),
    sa.Column("story_id", sa.Integer, sa.ForeignKey("stories.id", ondelete="CASCADE"), primary_key=True),
    sa.Column("date", sa.String(10)),
)
sa.Index("ix_story_lsh_bucket_date", story_lsh.c.bucket, story_lsh.c.date, story_lsh.c.story_id)
sa.Index("ix_story_lsh_story", story_lsh.c.story_id)

#: how many members of a story fall on each date (its representative date is the commonest)
story_dates = sa.Table(
    "story_dates",
    metadata,
    sa.Column("story_id", sa.Integer, sa.ForeignKey("stories.id", ondelete="CASCADE"), primary_key=True),
    sa.Column("date", sa.String(10), primary_key=True),  # "" for members without a date
    sa.Column("count", sa.Integer, nullable=False),
)

#: a title per language present in the story
story_titles = sa.Table(
    "story_titles",
    metadata,
    sa.Column("story_id", sa.Integer, sa.ForeignKey("stories.id", ondelete="CASCADE"), primary_key=True),
    sa.Column("language", sa.String(8), primary_key=True),
    sa.Column("title", sa.Text, nullable=False),
    sa.Column("rank", sa.Integer, nullable=False),
    sa.Column("article_id", sa.String(64), nullable=False),
)

storylines = sa.Table(
    "storylines",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("date_first", sa.String(10)),
    sa.Column("date_last", sa.String(10)),
    sa.Column("story_count", sa.Integer, nullable=False, default=0),
    sa.Column("centroid", sa.LargeBinary),  # float64 sum of the unit centroids of its stories
    sa.Column("created_at", sa.String(32), nullable=False),
)
sa.Index("ix_storylines_date_last", storylines.c.date_last)

#: actor/place keys of a storyline's stories, with the last date each was seen in it
storyline_keys = sa.Table(
    "storyline_keys",
    metadata,
    sa.Column("key", sa.String(300), primary_key=True),
    sa.Column(
        "storyline_id", sa.Integer, sa.ForeignKey("storylines.id", ondelete="CASCADE"), primary_key=True
    ),
    sa.Column("date", sa.String(10)),
    sa.Column("count", sa.Integer, nullable=False),
)
sa.Index(
    "ix_storyline_keys_key_date", storyline_keys.c.key, storyline_keys.c.date, storyline_keys.c.storyline_id
)
sa.Index("ix_storyline_keys_line", storyline_keys.c.storyline_id)


def upgrade(conn: sa.Connection) -> None:
    metadata.create_all(conn)
