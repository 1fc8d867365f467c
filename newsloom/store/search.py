"""The search index's rows: documents (an article, event or entity in one language) and their
full-text entries. Ranking and folding are the search's business (``newsloom.serve.search``);
this module reads and writes what it is given."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

import numpy as np
import sqlalchemy as sa

from newsloom.store import dialect
from newsloom.store.chunks import in_chunks
from newsloom.store.dialect import Clause
from newsloom.store.schema import (
    articles,
    embeddings,
    entities,
    entity_links,
    event_sources,
    events,
    search_docs,
    story_members,
)


@dataclass(frozen=True)
class SearchDoc:
    """One indexed document."""

    id: int
    kind: str
    ref: str
    language: str
    title: str
    body: str
    published: str | None
    signature: str


@dataclass(frozen=True)
class ArticleText:
    """What the index needs of an article."""

    id: str
    language: str | None
    title: str | None
    text: str
    published: str | None


def _doc(row: sa.Row[tuple[object, ...]]) -> SearchDoc:
    m = row._mapping
    return SearchDoc(
        id=int(m["id"]), kind=str(m["kind"]), ref=str(m["ref"]), language=str(m["language"] or ""),
        title=str(m["title"] or ""), body=str(m["body"] or ""), published=m["published"],
        signature=str(m["signature"]),
    )  # fmt: skip


def unindexed_articles(conn: sa.Connection) -> Iterator[ArticleText]:
    """Articles not indexed yet (an article's text never changes; duplicates are left out)."""
    indexed = sa.select(search_docs.c.ref).where(search_docs.c.kind == "article")
    query = (
        sa.select(articles.c.id, articles.c.language, articles.c.title, articles.c.text, articles.c.published)
        .where(articles.c.duplicate_of.is_(None), articles.c.id.not_in(indexed))
        .order_by(articles.c.id)
    )  # fmt: skip
    for row in conn.execute(query).all():
        yield ArticleText(row.id, row.language, row.title, row.text, row.published)


def signatures(
    conn: sa.Connection, kind: str, refs: Sequence[str] | None = None
) -> dict[tuple[str, str], tuple[int, str]]:
    """(ref, language) -> (doc id, signature) of every document of a kind (of those refs, if given)."""
    query = sa.select(search_docs.c.id, search_docs.c.ref, search_docs.c.language, search_docs.c.signature)
    found: dict[tuple[str, str], tuple[int, str]] = {}
    chunks = [None] if refs is None else list(in_chunks(refs))
    for chunk in chunks:
        where = query.where(search_docs.c.kind == kind)
        if chunk is not None:
            where = where.where(search_docs.c.ref.in_(chunk))
        found.update({(row.ref, row.language): (int(row.id), row.signature) for row in conn.execute(where)})
    return found


def index_version(conn: sa.Connection) -> int:
    """The newest document's id: grows whenever the index gains a document."""
    return int(conn.execute(sa.select(sa.func.max(search_docs.c.id))).scalar() or 0)


def has_docs(conn: sa.Connection, kind: str) -> bool:
    """True once the index holds a document of this kind (a first full pass has run)."""
    return (
        conn.execute(sa.select(search_docs.c.id).where(search_docs.c.kind == kind).limit(1)).first()
        is not None
    )


def entities_named_in(conn: sa.Connection, article_ids: Sequence[str]) -> list[int]:
    """Ids of the entities some articles name (their index documents may have changed with them)."""
    found: set[int] = set()
    for chunk in in_chunks(article_ids):
        query = sa.select(entity_links.c.entity_id).where(entity_links.c.article_id.in_(chunk)).distinct()
        found.update(int(row[0]) for row in conn.execute(query))
    return sorted(found)


def events_reported_in(conn: sa.Connection, article_ids: Sequence[str]) -> list[int]:
    """Ids of the events some articles report (new ones, and stored ones they were merged into)."""
    found: set[int] = set()
    for chunk in in_chunks(article_ids):
        query = sa.select(event_sources.c.event_id).where(event_sources.c.article_id.in_(chunk)).distinct()
        found.update(int(row[0]) for row in conn.execute(query))
    return sorted(found)


def write_doc(
    conn: sa.Connection, doc: SearchDoc, folded_title: str, folded_body: str, *, existing: int | None
) -> int:
    """Insert (``existing`` None) or replace a document and its full-text entry; returns its id."""
    values = {"title": doc.title, "body": doc.body, "published": doc.published, "signature": doc.signature}
    if existing is None:
        result = conn.execute(
            sa.insert(search_docs).values(kind=doc.kind, ref=doc.ref, language=doc.language, **values)
        )
        inserted = result.inserted_primary_key
        assert inserted is not None  # an INSERT into a table with an integer key
        doc_id = int(inserted[0])
    else:
        doc_id = existing
        conn.execute(sa.update(search_docs).where(search_docs.c.id == doc_id).values(**values))
    dialect.index_text(conn, doc_id, folded_title, folded_body, replace=existing is not None)
    return doc_id


def out_of_step(conn: sa.Connection, kind: str) -> tuple[list[int], list[int]]:
    """For ``kind`` ("event" or "entity"): the ids of the docs whose record no longer exists, and
    the ids of the live records the index holds no doc of (hidden, false, events left out: they
    have no doc on purpose)."""
    from newsloom.store.corrections import hidden_event_ids

    table = events if kind == "event" else entities
    live = {str(row[0]) for row in conn.execute(sa.select(table.c.id))}
    docs: dict[str, list[int]] = {}  # ref -> its docs (one per language)
    for row in conn.execute(sa.select(search_docs.c.id, search_docs.c.ref).where(search_docs.c.kind == kind)):
        docs.setdefault(row.ref, []).append(int(row.id))
    hidden: set[str] = set()
    if kind == "event":
        hidden = {str(row[0]) for row in conn.execute(hidden_event_ids())}
    gone = [doc_id for ref, ids in docs.items() if ref not in live for doc_id in ids]
    missing = [int(ref) for ref in sorted(live - set(docs) - hidden, key=int)]
    return gone, missing


def delete_docs(conn: sa.Connection, doc_ids: Sequence[int]) -> None:
    """Remove documents (a record that is gone: an event marked false, an entity merged away)."""
    for doc_id in doc_ids:
        if dialect.full_text(conn):
            dialect.unindex_text(conn, doc_id)
        conn.execute(sa.delete(search_docs).where(search_docs.c.id == doc_id))


def matching_docs(
    conn: sa.Connection, clauses: Sequence[Clause], title_weight: float, limit: int
) -> list[SearchDoc]:
    """Documents matching any of the clauses, best first (none where the database has no index)."""
    order = dialect.match_ids(conn, clauses, title_weight, limit)
    if not order:
        return []
    docs = {
        d.id: d for d in map(_doc, conn.execute(sa.select(search_docs).where(search_docs.c.id.in_(order))))
    }
    return [docs[i] for i in order if i in docs]


def find_doc(conn: sa.Connection, kind: str, ref: str, language: str | None) -> SearchDoc | None:
    query = sa.select(search_docs).where(search_docs.c.kind == kind, search_docs.c.ref == ref)
    if language:
        query = query.where(search_docs.c.language == language)
    row = conn.execute(query.order_by(search_docs.c.id).limit(1)).first()
    return _doc(row) if row is not None else None


def find_docs(
    conn: sa.Connection, kind: str, refs: Sequence[str], language: str | None, chunk: int = 500
) -> dict[str, SearchDoc]:
    """``find_doc`` for many refs of one kind in a query per ``chunk``: ref -> its first document."""
    found: dict[str, SearchDoc] = {}
    wanted = list(dict.fromkeys(refs))
    for start in range(0, len(wanted), chunk):
        query = sa.select(search_docs).where(
            search_docs.c.kind == kind, search_docs.c.ref.in_(wanted[start : start + chunk])
        )
        if language:
            query = query.where(search_docs.c.language == language)
        for row in conn.execute(query.order_by(search_docs.c.id)):
            doc = _doc(row)
            found.setdefault(doc.ref, doc)
    return found


def passage_vectors(conn: sa.Connection) -> Iterator[tuple[str, str, np.ndarray]]:
    """(article id, article language, vector) for every embedded passage: an article, or one segment
    of a roundup."""
    query = (
        sa.select(story_members.c.article_id, articles.c.language, embeddings.c.vector)
        .join(embeddings, embeddings.c.key == story_members.c.embedding_key)
        .join(articles, articles.c.id == story_members.c.article_id)
        .distinct()
    )
    for row in conn.execute(query):
        yield row.article_id, str(row.language or ""), np.frombuffer(row.vector, dtype="<f4")
