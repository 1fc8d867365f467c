"""Article rows: save (deduplicated by content hash, near-duplicates by simhash), load, list, export."""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

import numpy as np
import sqlalchemy as sa

from newsloom.article import Article
from newsloom.store.chunks import in_chunks
from newsloom.store.dialect import lock_writers
from newsloom.store.schema import article_paths, articles, simhash_bands

#: Two bodies whose 64-bit simhashes differ in at most this many bits are one article re-crawled.
NEAR_DUPLICATE_BITS = 3
_BANDS = 4  # 4 x 16 bits: any two hashes within 3 bits share at least one band exactly


def hash_words(text: str) -> list[str]:
    r"""The words a body is hashed by: NFC, case-folded, punctuation and spacing ignored (the same
    normalisation as the article id's content hash, ``newsloom.ingest.build.normalise_for_hash``).

    Exactly ``re.findall(r"\w+", ...)``: a character is a word character when ``str.isalnum()`` or
    "_" (what ``\w`` means for str patterns), so a space-separated token made only of them is one
    word as it is, and only the others go through the pattern (1.4x faster on news text)."""
    words: list[str] = []
    for token in unicodedata.normalize("NFC", text).casefold().split():
        if token.isalnum():
            words.append(token)
        else:
            words.extend(_WORD.findall(token))
    return words


_WORD = re.compile(r"\w+")


def simhash(text: str) -> int:
    """64-bit simhash of word 3-shingles of the normalised body (signed, to fit a BIGINT)."""
    # each word encoded once and the shingles joined as bytes (the same bytes as encoding each
    # "w1 w2 w3"); the hashing loop is a list comprehension: ~20% of ingest's time was spent here
    encoded = [word.encode() for word in hash_words(text)]
    if len(encoded) < 3:
        shingles = [b" ".join(encoded)]
    else:
        shingles = [b" ".join(three) for three in zip(encoded, encoded[1:], encoded[2:], strict=False)]
    blake2b = hashlib.blake2b
    digests = b"".join([blake2b(shingle, digest_size=8).digest() for shingle in shingles])
    bits = np.unpackbits(np.frombuffer(digests, dtype=np.uint8).reshape(len(shingles), 8), axis=1)
    votes = bits.sum(axis=0, dtype=np.int64) * 2 - len(shingles)  # +1 per set bit, -1 per clear bit
    value = int.from_bytes(np.packbits(votes > 0).tobytes(), "big")  # the first bit is the highest
    return value - (1 << 64) if value >= 1 << 63 else value


def _bands(value: int) -> list[tuple[int, int]]:
    unsigned = value & ((1 << 64) - 1)
    return [(band, unsigned >> (16 * band) & 0xFFFF) for band in range(_BANDS)]


#: Built once: statement construction costs more than running it on the ingest path.
_NEAR_DUPLICATE_QUERY = (
    sa.select(articles.c.id, articles.c.simhash)
    .join(simhash_bands, simhash_bands.c.article_id == articles.c.id)
    .where(
        sa.or_(
            *(
                sa.and_(simhash_bands.c.band == band, simhash_bands.c.value == sa.bindparam(f"v{band}"))
                for band in range(_BANDS)
            )
        ),
        articles.c.duplicate_of.is_(None),
    )
    .limit(50)
)
_STAGES_QUERY = sa.select(articles.c.stages).where(articles.c.id == sa.bindparam("id"))
_PATH_QUERY = sa.select(article_paths.c.article_id).where(article_paths.c.path == sa.bindparam("p"))


_INSERT_ARTICLE = sa.insert(articles)
_INSERT_BANDS = sa.insert(simhash_bands)
_INSERT_PATH = sa.insert(article_paths)
_MOVE_PATH = (
    sa.update(article_paths)
    .where(article_paths.c.path == sa.bindparam("p"))
    .values(article_id=sa.bindparam("a"))
)
_UPDATE_ARTICLE = (
    sa.update(articles)
    .where(articles.c.id == sa.bindparam("i"))
    .values(language=sa.bindparam("l"), data=sa.bindparam("d"), stages=sa.bindparam("s"))
)


def _within(a: int, b: int) -> bool:
    return bin((a ^ b) & ((1 << 64) - 1)).count("1") <= NEAR_DUPLICATE_BITS


def find_near_duplicate(conn: sa.Connection, value: int) -> str | None:
    """Id of a stored article whose simhash is within NEAR_DUPLICATE_BITS of ``value`` (banded lookup)."""
    params = {f"v{band}": v for band, v in _bands(value)}
    for row in conn.execute(_NEAR_DUPLICATE_QUERY, params):
        if _within(row.simhash, value):
            return str(row.id)
    return None


class NearDuplicates:
    """The near-duplicate lookup of one write batch, in memory: the stored articles sharing a band
    with any article of the batch, fetched in one query (:meth:`load`), plus the batch's own
    articles as they are saved. The same answers as :func:`find_near_duplicate` one by one."""

    def __init__(self) -> None:
        self._bands: dict[tuple[int, int], list[tuple[str, int]]] = {}
        self._simhashes: dict[str, int] = {}  # article id -> its simhash, computed once for the batch
        self._order: dict[str, int] = {}  # candidate id -> rank (stored first, then in saving order)
        # what the batch's writes would otherwise ask the store one article at a time (two queries
        # of five per article): whether an id is stored, and which article a path holds
        self._not_stored: set[str] = set()  # loaded ids the store did not hold, none saved since
        self._paths: dict[str, str | None] = {}  # path of the batch -> the article it holds (None: no row)
        self._saved_paths: dict[str, str] = {}  # article saved in this batch -> its path

    def load(
        self, conn: sa.Connection, batch: Sequence[Article], simhashes: Mapping[str, int] | None = None
    ) -> None:
        """Fetch the stored candidates of the batch's new articles (those not stored yet), whether
        each is stored, and the article each of their paths holds. ``simhashes``: article id -> its
        :func:`simhash`, where already computed (by a worker process)."""
        lock_writers(conn)  # PostgreSQL: no other process adds candidates until this transaction ends
        stored = _stored_ids(conn, [a.id for a in batch])
        self._not_stored.update(a.id for a in batch if a.id not in stored)
        self._paths.update(_path_owners(conn, [a.path for a in batch]))
        for article in batch:
            if article.id not in stored and article.id not in self._simhashes:
                given = simhashes.get(article.id) if simhashes else None
                self._simhashes[article.id] = simhash(article.text) if given is None else given
        wanted: dict[int, set[int]] = {}
        for value in self._simhashes.values():
            for band, v in _bands(value):
                wanted.setdefault(band, set()).add(v)
        if not wanted:
            return
        query = (
            sa.select(articles.c.id, articles.c.simhash, simhash_bands.c.band, simhash_bands.c.value)
            .join(simhash_bands, simhash_bands.c.article_id == articles.c.id)
            .where(
                sa.or_(*(sa.and_(simhash_bands.c.band == b, simhash_bands.c.value.in_(sorted(vs)))
                         for b, vs in sorted(wanted.items()))),
                articles.c.duplicate_of.is_(None),
            )
            .order_by(articles.c.ingested_at, articles.c.id)
        )  # fmt: skip
        for row in conn.execute(query):
            self._add(str(row.id), int(row.simhash), [(int(row.band), int(row.value))])

    def simhash_of(self, article: Article) -> int:
        value = self._simhashes.get(article.id)
        return simhash(article.text) if value is None else value

    def find(self, value: int) -> str | None:
        found = [
            (self._order[i], i)
            for key in _bands(value)
            for i, v in self._bands.get(key, ())
            if _within(v, value)
        ]
        return min(found)[1] if found else None

    def add(self, article_id: str, value: int) -> None:
        """An article of the batch saved as an original: later ones may duplicate it."""
        self._add(article_id, value, _bands(value))

    def stored_stages(self, conn: sa.Connection, article_id: str) -> set[str] | None:
        """:func:`stages_done`, without a query for an article the batch knows is not stored."""
        return None if article_id in self._not_stored else stages_done(conn, article_id)

    def path_owner(self, conn: sa.Connection, path: str) -> str | None:
        """The id of the article stored under ``path`` (None: no row), from the batch's lookup."""
        if path in self._paths:
            return self._paths[path]
        found = conn.execute(_PATH_QUERY, {"p": path}).first()
        return str(found.article_id) if found is not None else None

    def path_written(self, article: Article) -> None:
        """``article``'s path now holds it (a later article of the batch must see that)."""
        self._paths[article.path] = article.id
        self._saved_paths[article.id] = article.path

    def row_written(self, article_id: str) -> None:
        """The article's row is stored now."""
        self._not_stored.discard(article_id)

    def discard(self, article_id: str) -> None:
        """An article whose savepoint was rolled back: it is not stored after all (its row and its
        path are asked of the store again)."""
        path = self._saved_paths.pop(article_id, None)
        if path is not None:
            self._paths.pop(path, None)
        self._not_stored.discard(article_id)
        self._order.pop(article_id, None)
        for key, entries in self._bands.items():
            self._bands[key] = [e for e in entries if e[0] != article_id]

    def _add(self, article_id: str, value: int, keys: list[tuple[int, int]]) -> None:
        self._order.setdefault(article_id, len(self._order))
        for key in keys:
            entries = self._bands.setdefault(key, [])
            if (article_id, value) not in entries:
                entries.append((article_id, value))


def _path_owners(conn: sa.Connection, paths: Sequence[str]) -> dict[str, str | None]:
    """Path -> the id of the article stored under it, or None, for each of ``paths``."""
    found: dict[str, str | None] = dict.fromkeys(paths)
    for chunk in in_chunks(paths):
        query = sa.select(article_paths.c.path, article_paths.c.article_id).where(
            article_paths.c.path.in_(chunk)
        )
        found.update((row.path, str(row.article_id)) for row in conn.execute(query))
    return found


def _stored_ids(conn: sa.Connection, ids: Sequence[str]) -> set[str]:
    found: set[str] = set()
    for chunk in in_chunks(ids):
        found.update(row.id for row in conn.execute(sa.select(articles.c.id).where(articles.c.id.in_(chunk))))
    return found


def save_article(
    conn: sa.Connection, article: Article, near: NearDuplicates | None = None, data: str | None = None
) -> str:
    """Store an article; returns 'new', 'updated', 'unchanged', 'copy' or 'duplicate'.

    The same body (whatever the file name) is one article: read under a name that did not hold it
    before, it is a 'copy' (the new name is recorded, nothing else); a stored article is updated only when
    more stages have run on it; a near-identical body is recorded as a duplicate of the first
    (looked up in ``near``, the batch's lookup, when given, else in the store). ``data``: the article's
    stored form (:func:`stored_form`), where already computed.
    The first statement of the caller's write transaction: on PostgreSQL it waits for the writer lock
    (``dialect.lock_writers``), so the corpus steps that follow in the same transaction see every
    article other processes committed before and no other process writes until this one commits.
    """
    lock_writers(conn)
    stored_stages = (
        near.stored_stages(conn, article.id) if near is not None else stages_done(conn, article.id)
    )
    new_name = _remember_path(conn, article, near)
    if stored_stages is not None:
        if set(article.stages) <= stored_stages:
            return "copy" if new_name else "unchanged"
        conn.execute(
            _UPDATE_ARTICLE,
            {
                "i": article.id,
                "l": article.language,
                "d": data if data is not None else stored_form(article),
                "s": ",".join(article.stages),
            },
        )
        return "updated"
    value = near.simhash_of(article) if near is not None else simhash(article.text)
    duplicate_of = near.find(value) if near is not None else find_near_duplicate(conn, value)
    conn.execute(
        _INSERT_ARTICLE,
        {
            "id": article.id,
            "path": article.path,
            "fmt": article.fmt,
            "language": article.language,
            "published": article.published,
            "title": article.title,
            "text": article.text,
            "raw": article.raw,
            "data": data if data is not None else stored_form(article),
            "stages": ",".join(article.stages),
            "simhash": value,
            "duplicate_of": duplicate_of,
            "ingested_at": datetime.now(UTC).isoformat(timespec="microseconds"),  # ingest order, no tie
        },
    )
    if near is not None:
        near.row_written(article.id)
    if duplicate_of is None:
        conn.execute(
            _INSERT_BANDS, [{"band": b, "value": v, "article_id": article.id} for b, v in _bands(value)]
        )
        if near is not None:
            near.add(article.id, value)
    return "duplicate" if duplicate_of else "new"


@dataclass
class _Rows:
    """The rows a group of articles writes, table by table (one statement each)."""

    paths: list[dict[str, Any]]
    moves: list[dict[str, Any]]
    inserts: list[dict[str, Any]]
    updates: list[dict[str, Any]]
    bands: list[dict[str, Any]]


def stored_form(article: Article) -> str:
    """The JSON an article is stored as (its ``data`` column)."""
    return json.dumps(article.to_dict(), ensure_ascii=False)


def save_articles(
    conn: sa.Connection,
    batch: Sequence[Article],
    near: NearDuplicates,
    data: Sequence[str | None] | None = None,
) -> list[str]:
    """:func:`save_article` for each article of ``batch`` in turn (the same statuses, the same rows),
    with each table's rows written in one statement at the end: per-row statements and a savepoint
    each were most of a plain ingest's store time. ``near`` must hold the batch's lookup
    (:meth:`NearDuplicates.load`). The caller wraps the call in one savepoint: should any statement
    fail, nothing of the group is kept and ``near`` no longer matches the store. ``data``: each
    article's stored form (:func:`stored_form`) where already computed, else None."""
    lock_writers(conn)
    rows = _Rows([], [], [], [], [])
    written: dict[str, set[str]] = {}  # id saved in this group -> its stages
    forms = data if data is not None else [None] * len(batch)
    statuses = [
        _plan_article(conn, article, near, rows, written, form)
        for article, form in zip(batch, forms, strict=True)
    ]
    for statement, values in (
        (_INSERT_PATH, rows.paths), (_MOVE_PATH, rows.moves), (_INSERT_ARTICLE, rows.inserts),
        (_UPDATE_ARTICLE, rows.updates), (_INSERT_BANDS, rows.bands),
    ):  # fmt: skip
        if values:
            conn.execute(statement, values)
    return statuses


def _plan_article(
    conn: sa.Connection,
    article: Article,
    near: NearDuplicates,
    rows: _Rows,
    written: dict[str, set[str]],
    form: str | None = None,
) -> str:
    """What :func:`save_article` would write for one article, added to ``rows``; its status."""
    stored_stages = written.get(article.id)
    if stored_stages is None:
        stored_stages = near.stored_stages(conn, article.id)
    owner = near.path_owner(conn, article.path)
    if owner is None:
        rows.paths.append({"path": article.path, "article_id": article.id})
    elif owner != article.id:
        rows.moves.append({"p": article.path, "a": article.id})
    if owner != article.id:
        near.path_written(article)
    data = None
    if stored_stages is None or not set(article.stages) <= stored_stages:
        data = form if form is not None else stored_form(article)
    if stored_stages is not None:
        if data is None:
            return "unchanged" if owner == article.id else "copy"
        rows.updates.append(
            {"i": article.id, "l": article.language, "d": data, "s": ",".join(article.stages)}
        )
        written[article.id] = set(article.stages)
        return "updated"
    value = near.simhash_of(article)
    duplicate_of = near.find(value)
    rows.inserts.append(
        {
            "id": article.id, "path": article.path, "fmt": article.fmt, "language": article.language,
            "published": article.published, "title": article.title, "text": article.text,
            "raw": article.raw, "data": data, "stages": ",".join(article.stages), "simhash": value,
            "duplicate_of": duplicate_of, "ingested_at": _ingest_time(rows),
        }
    )  # fmt: skip
    near.row_written(article.id)
    written[article.id] = set(article.stages)
    if duplicate_of is None:
        rows.bands.extend({"band": b, "value": v, "article_id": article.id} for b, v in _bands(value))
        near.add(article.id, value)
    return "duplicate" if duplicate_of else "new"


def _ingest_time(rows: _Rows) -> str:
    """Now, later than the group's previous article (the ingest order has no tie, as one by one)."""
    now = datetime.now(UTC)
    if rows.inserts:
        previous = datetime.fromisoformat(rows.inserts[-1]["ingested_at"])
        now = max(now, previous + timedelta(microseconds=1))
    return now.isoformat(timespec="microseconds")


def _remember_path(conn: sa.Connection, article: Article, near: NearDuplicates | None = None) -> bool:
    """Record that ``article`` was read from its path; True when that path did not hold it before."""
    if near is not None:
        owner = near.path_owner(conn, article.path)
    else:
        found = conn.execute(_PATH_QUERY, {"p": article.path}).first()
        owner = str(found.article_id) if found is not None else None
    if owner is None:
        conn.execute(_INSERT_PATH, {"path": article.path, "article_id": article.id})
    elif owner != article.id:  # the file at this path changed: it now holds another article
        conn.execute(_MOVE_PATH, {"p": article.path, "a": article.id})
    if near is not None and owner != article.id:
        near.path_written(article)
    return owner != article.id


def _from_row(row: Any) -> Article:
    article = Article.from_dict(json.loads(row.data))
    return article


def load_article(conn: sa.Connection, article_id: str) -> Article | None:
    row = conn.execute(sa.select(articles.c.data).where(articles.c.id == article_id)).first()
    return _from_row(row) if row else None


def stages_done(conn: sa.Connection, article_id: str) -> set[str] | None:
    """The stages already stored for an article, or None if it is not stored."""
    row = conn.execute(_STAGES_QUERY, {"id": article_id}).first()
    return {s for s in row.stages.split(",") if s} if row else None


def stages_of(conn: sa.Connection, ids: Sequence[str]) -> dict[str, set[str]]:
    """:func:`stages_done` of many articles in one query: id -> its stored stages (stored ones only)."""
    found: dict[str, set[str]] = {}
    for chunk in in_chunks(sorted(set(ids))):
        query = sa.select(articles.c.id, articles.c.stages).where(articles.c.id.in_(chunk))
        found.update((row.id, {s for s in row.stages.split(",") if s}) for row in conn.execute(query))
    return found


def published_span(conn: sa.Connection) -> tuple[str | None, str | None]:
    """The first and last publication day (YYYY-MM-DD) of the stored articles (near-duplicates left
    out; partial dates such as 'XXXX-10-24' too); (None, None) when none has one."""
    day = sa.func.substr(articles.c.published, 1, 10)
    query = sa.select(sa.func.min(day), sa.func.max(day)).where(
        articles.c.duplicate_of.is_(None), articles.c.published >= "0", articles.c.published < "A"
    )
    row = conn.execute(query).first()
    return (row[0], row[1]) if row is not None else (None, None)


def count_without_stage(conn: sa.Connection, stage: str) -> int:
    """Stored articles (near-duplicates left out) that ``stage`` has not run on (read-only)."""
    ran = sa.func.coalesce(sa.literal(",") + articles.c.stages + sa.literal(","), "").contains(f",{stage},")
    query = sa.select(sa.func.count()).select_from(articles).where(articles.c.duplicate_of.is_(None), ~ran)
    return int(conn.execute(query).scalar() or 0)


def count_articles(conn: sa.Connection, include_duplicates: bool = False) -> int:
    query = sa.select(sa.func.count()).select_from(articles)
    if not include_duplicates:
        query = query.where(articles.c.duplicate_of.is_(None))
    return int(conn.execute(query).scalar() or 0)


def iter_articles(
    conn: sa.Connection,
    *,
    language: str | None = None,
    date_from: str | None = None,
    date_to: str | None = None,
    include_duplicates: bool = False,
    limit: int | None = None,
    offset: int = 0,
) -> Iterator[Article]:
    """Stored articles in ingest order, filtered."""
    query = sa.select(articles.c.data).order_by(articles.c.ingested_at, articles.c.path)
    if language:
        query = query.where(articles.c.language == language)
    if date_from:
        query = query.where(articles.c.published >= date_from)
    if date_to:
        query = query.where(articles.c.published <= date_to)
    if not include_duplicates:
        query = query.where(articles.c.duplicate_of.is_(None))
    if limit is not None:
        query = query.limit(limit)
    if offset:
        query = query.offset(offset)
    for row in conn.execute(query):
        yield _from_row(row)


def export_record(article: Article) -> dict[str, Any]:
    """The export shape of an article (jsonl/csv): metadata values plus their provenance."""
    record: dict[str, Any] = {
        "id": article.id,
        "path": article.path,
        "language": article.language,
        "published": article.published,
    }
    for name in ("title", "author", "source_url", "section", "credit", "outlet", "dateline"):
        record[name] = article.meta(name)
    record["provenance"] = {
        name: {"source": f.source, "confidence": f.confidence} for name, f in sorted(article.metadata.items())
    }
    record["boilerplate"] = [{"kind": b.kind, "text": b.text, "line": b.line} for b in article.boilerplate]
    record["text"] = article.text
    return record


_DATA_OF = sa.select(articles.c.id, articles.c.data).where(
    articles.c.id.in_(sa.bindparam("ids", expanding=True))
)


def article_data(conn: sa.Connection, ids: Sequence[str]) -> dict[str, dict[str, Any]]:
    """Article id -> its stored ``Article.to_dict()`` record (as JSON-decoded data), in one query
    per chunk of ids."""
    found: dict[str, dict[str, Any]] = {}
    for chunk in in_chunks(ids):
        for row in conn.execute(_DATA_OF, {"ids": chunk}):
            found[row.id] = json.loads(row.data)
    return found


def duplicate_of(conn: sa.Connection, article_id: str) -> str | None:
    """The id of the article this one is a near-duplicate of, or None."""
    value = conn.execute(sa.select(articles.c.duplicate_of).where(articles.c.id == article_id)).scalar()
    return str(value) if value else None


def paths_of(conn: sa.Connection, article_id: str) -> list[str]:
    """Every input path an article was read from."""
    query = sa.select(article_paths.c.path).where(article_paths.c.article_id == article_id)
    return [row.path for row in conn.execute(query)]


def articles_at_path(conn: sa.Connection, path: str) -> list[str]:
    """Ids of the articles read from an input path (a file, or its '#N' feed items / JSONL lines)."""
    pattern = path.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "#%"
    query = (
        sa.select(article_paths.c.article_id)
        .where(sa.or_(article_paths.c.path == path, article_paths.c.path.like(pattern, escape="\\")))
        .order_by(article_paths.c.path)
    )
    return list(dict.fromkeys(row.article_id for row in conn.execute(query)))


@dataclass(frozen=True)
class ArticleHeading:
    """What a link to an article shows: its title, language, and the start of its text."""

    id: str
    title: str | None
    language: str | None
    lead: str  # the first HEADING_CHARS characters of the text


#: Characters of text read for an article's heading.
HEADING_CHARS = 160


def headings(conn: sa.Connection, ids: Sequence[str]) -> list[ArticleHeading]:
    found: list[ArticleHeading] = []
    for chunk in in_chunks(ids):
        query = sa.select(
            articles.c.id,
            articles.c.title,
            articles.c.language,
            sa.func.substr(articles.c.text, 1, HEADING_CHARS),
        ).where(articles.c.id.in_(chunk))
        found.extend(ArticleHeading(row[0], row[1], row[2], row[3] or "") for row in conn.execute(query))
    return found


def newest_published(conn: sa.Connection) -> str | None:
    """The newest full publication date (YYYY-MM-DD) of a stored article."""
    value = conn.execute(
        sa.select(sa.func.max(articles.c.published)).where(articles.c.published.like("____-__-__"))
    ).scalar()
    return str(value) if value else None


def article_version(conn: sa.Connection) -> tuple[object, ...]:
    """Changes whenever articles are added or a person corrects the record: the count (near-duplicates
    included), the newest ingest time and the newest correction (an undo is a correction too)."""
    from newsloom.store.corrections import corrections_version

    found = tuple(conn.execute(sa.select(sa.func.count(), sa.func.max(articles.c.ingested_at))).one())
    return (*found, corrections_version(conn))
