"""Every table of the store, as it is now: the one place a table is defined.

Migrations (``store/migrations/m000N_*.py``) are the frozen steps that create and change these
tables in an existing database, in order; nothing outside ``newsloom/store/`` imports a table.
When a table changes, the change is made here AND in a new migration that alters old databases
(``tests/store/test_schema.py`` checks that a migrated database has exactly these tables and columns).
"""

from __future__ import annotations

import weakref

import sqlalchemy as sa

metadata = sa.MetaData()

#: the migrations applied to this database (kept by newsloom.store.db)
schema_version = sa.Table(
    "schema_version",
    sa.MetaData(),  # apart: it exists before any migration runs
    sa.Column("version", sa.Integer, primary_key=True),
    sa.Column("name", sa.Text, nullable=False),
)

# -- Articles, the raw inputs they came from, and near-duplicate keys. ----------
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
#: added by m0005: the newest ingest time is what tells a reader that articles were added
ix_articles_ingested_at = sa.Index("ix_articles_ingested_at", articles.c.ingested_at)

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


# -- Canonical entities, their aliases, blocking keys, links to article mentions, and roles over time. ----------
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
#: who holds a role of a body (the state of a ministry is its minister's), see events/parties.py
ROLE_HOLDERS = sa.Index("ix_entity_roles_of", entity_roles.c.role_of_entity_id)


# -- Corpus-level events, the sentences (sources) that report them, and the keys that find them. ----------
events = sa.Table(
    "events",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("type", sa.String(16), nullable=False),  # PLOVER type
    sa.Column("mode", sa.String(32)),
    sa.Column("date", sa.String(10)),  # ISO start; "XXXX-MM-DD" when no source knows the year
    sa.Column("date_end", sa.String(10)),
    sa.Column("precision", sa.String(16)),
    sa.Column("date_source", sa.String(16)),  # time | previous | meeting | published | none
    sa.Column("location", sa.Text),
    sa.Column("location_key", sa.String(300)),
    sa.Column("parent_id", sa.Integer, sa.ForeignKey("events.id", ondelete="SET NULL")),  # the meeting
    sa.Column("joint", sa.Boolean, nullable=False, default=False),
    sa.Column("host", sa.String(8)),
    sa.Column("title", sa.Text, nullable=False, default=""),
    sa.Column("actors", sa.Text, nullable=False, default="{}"),  # JSON {"source": [...], "target": [...]}
    sa.Column("src_keys", sa.Text, nullable=False, default="[]"),  # JSON: identity keys of the source side
    sa.Column("tgt_keys", sa.Text, nullable=False, default="[]"),
    sa.Column("context", sa.Text, nullable=False, default="[]"),
    sa.Column("languages", sa.Text, nullable=False, default="[]"),
    sa.Column("confidence", sa.Float, nullable=False, default=0.0),
    sa.Column("n_sources", sa.Integer, nullable=False, default=0),
    sa.Column("n_articles", sa.Integer, nullable=False, default=0),
    sa.Column("created_at", sa.String(32), nullable=False),
    sa.Column("updated_at", sa.String(32), nullable=False),
    # no report of it was read by the events classifier (every source row's classifier is "rules"):
    # its confidence is its rule's prior, not checked by the model (migration 14)
    sa.Column("rules_only", sa.Boolean, nullable=False, default=False),
)
sa.Index("ix_events_date", events.c.date)
sa.Index("ix_events_type_date", events.c.type, events.c.date)
sa.Index("ix_events_parent", events.c.parent_id, events.c.type)

#: one row per sentence-level event mention: the evidence, in its own language
event_sources = sa.Table(
    "event_sources",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("event_id", sa.Integer, sa.ForeignKey("events.id", ondelete="CASCADE"), nullable=False),
    sa.Column("article_id", sa.String(64), nullable=False),
    sa.Column("path", sa.Text, nullable=False),
    sa.Column("language", sa.String(8)),
    sa.Column("published", sa.String(10)),
    sa.Column("title", sa.Text),
    sa.Column("url", sa.Text),
    sa.Column("article_group", sa.Integer, nullable=False),
    sa.Column("sentence_index", sa.Integer, nullable=False),
    sa.Column("sentence", sa.Text, nullable=False),
    sa.Column("trigger", sa.Text, nullable=False),
    sa.Column("start_offset", sa.Integer, nullable=False),
    sa.Column("end_offset", sa.Integer, nullable=False),
    sa.Column("type", sa.String(16), nullable=False),
    sa.Column("mode", sa.String(32)),
    sa.Column("date", sa.String(10)),
    sa.Column("date_end", sa.String(10)),
    sa.Column("precision", sa.String(16)),
    sa.Column("date_source", sa.String(16)),
    sa.Column("time_text", sa.Text),
    sa.Column("location", sa.Text),
    sa.Column("location_source", sa.String(16)),
    sa.Column("source_actors", sa.Text, nullable=False, default="[]"),  # JSON list of actor dicts
    sa.Column("target_actors", sa.Text, nullable=False, default="[]"),
    sa.Column("group_src_keys", sa.Text, nullable=False, default="[]"),  # the article-level event's keys
    sa.Column("group_tgt_keys", sa.Text, nullable=False, default="[]"),
    sa.Column("joint", sa.Boolean, nullable=False, default=False),
    sa.Column("host", sa.String(8)),
    sa.Column("context", sa.Text, nullable=False, default="[]"),
    sa.Column("confidence", sa.Float, nullable=False, default=0.0),
    sa.Column("rule", sa.Text, nullable=False, default=""),
    sa.Column("classifier", sa.String(16), nullable=False, default="rules"),
    # JSON list of the words read, in the sentence: [{"kind": "trigger"|"mode"|"source"|"target",
    # "start", "end"}]; NULL where a row's sentence could not be placed (see migration 13)
    sa.Column("spans", sa.Text),
    # "report": the article tells the act; "mention": it tells it in passing, in an article about
    # something else ("The meeting came a day after police arrested ..."): the row joins the event's
    # record, but is no report of it (not counted, not voted; see events/passing.py, migration 15)
    sa.Column("kind", sa.String(8), nullable=False, default="report", server_default="report"),
)
sa.Index("ix_event_sources_event", event_sources.c.event_id)
sa.Index("ix_event_sources_article", event_sources.c.article_id)

#: blocking keys: an actor key and a day ("2025-10-24"; "XXXX-10-24" when no source knows the year;
#: "" when undated) lead to candidate events; the month-day serves dates without their year
event_keys = sa.Table(
    "event_keys",
    metadata,
    sa.Column("key", sa.String(300), primary_key=True),
    sa.Column("day", sa.String(10), primary_key=True),
    sa.Column("event_id", sa.Integer, sa.ForeignKey("events.id", ondelete="CASCADE"), primary_key=True),
    sa.Column("md", sa.String(5), nullable=False),
)
sa.Index("ix_event_keys_event", event_keys.c.event_id)
sa.Index("ix_event_keys_md", event_keys.c.key, event_keys.c.md)

#: the actors of each event, by name, for `newsloom events --entity NAME`
event_actors = sa.Table(
    "event_actors",
    metadata,
    sa.Column("event_id", sa.Integer, sa.ForeignKey("events.id", ondelete="CASCADE"), primary_key=True),
    sa.Column("key", sa.String(300), primary_key=True),
    sa.Column("side", sa.String(8), primary_key=True),  # source | target
    sa.Column("name", sa.Text, nullable=False),
    sa.Column("folded", sa.String(300), nullable=False),
)
sa.Index("ix_event_actors_key", event_actors.c.key)
sa.Index("ix_event_actors_folded", event_actors.c.folded)

#: which events an article contributed to, and a signature of its events (re-runs are no-ops)
event_articles = sa.Table(
    "event_articles",
    metadata,
    sa.Column("article_id", sa.String(64), primary_key=True),
    sa.Column("signature", sa.String(64), nullable=False),
    sa.Column("event_ids", sa.Text, nullable=False, default="[]"),
    sa.Column("merged_at", sa.String(32), nullable=False),
)


# -- Embeddings by content hash, stories, their members, blocking keys, LSH buckets, and storylines. ----------
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

#: where the reports of a story went when re-clustering removed it (old links keep working; m0008)
story_redirects = sa.Table(
    "story_redirects",
    metadata,
    sa.Column("old_id", sa.Integer, primary_key=True),
    sa.Column("new_id", sa.Integer, nullable=False),
    sa.Column("moved_at", sa.String(32), nullable=False),
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

# -- the search index (kept by newsloom.store.search) -------------------------------------------------

#: one row per searchable document (an article, event or entity in one language); the full-text
#: index over folded title and body is dialect-specific (see newsloom.store.dialect)
search_docs = sa.Table(
    "serve_search_docs",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("kind", sa.String(16), nullable=False),
    sa.Column("ref", sa.String(128), nullable=False),
    sa.Column("language", sa.String(8), nullable=False, default=""),
    sa.Column("title", sa.Text, nullable=False, default=""),
    sa.Column("body", sa.Text, nullable=False, default=""),
    sa.Column("published", sa.String(10)),
    sa.Column("signature", sa.String(40), nullable=False),
    sa.UniqueConstraint("kind", "ref", "language", name="uq_serve_search_doc"),
)
sa.Index("ix_serve_search_docs_ref", search_docs.c.kind, search_docs.c.ref)


#: Tables seen in each database: a store's tables are only ever added, so a table found stays found
#: (asked again only while it is missing). Served pages asked SQLite ~6 times per request.
_SEEN_TABLES: weakref.WeakKeyDictionary[sa.Engine, set[str]] = weakref.WeakKeyDictionary()


def has_table(conn: sa.Connection, name: str) -> bool:
    """True when this database has the table (a store built by one domain's migration alone may not)."""
    seen = _SEEN_TABLES.setdefault(conn.engine, set())
    if name in seen:
        return True
    found = bool(sa.inspect(conn).has_table(name))
    if found:
        seen.add(name)
    return found
