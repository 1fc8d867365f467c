"""Cross-lingual search over articles, events and entities: one ranked list, each hit with its language.

Three signals are fused by reciprocal rank:
- full text: SQLite FTS5 over a *folded* copy of every document (lower case, diacritics and đ
  removed, same length as the original so snippets cut the original text), so "bui thanh son"
  finds "Bùi Thanh Sơn";
- names: a query that is an alias of a known entity finds the entity, and its aliases in every
  language are added to the full-text query ("United Nations" also finds "Liên hợp quốc", "PBB");
- meaning: the query embedded with the stories encoder against stored article embeddings, when
  the stories part of newsloom stores them.

The index lives in the store (``newsloom.store.search``: documents and, on SQLite, their FTS5
table, created by a migration); this module decides what goes in it and ranks what comes out.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import logging
import re
import threading
import time
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

import numpy as np

from newsloom.entities.queries import entity_detail, export_entities, find_entity
from newsloom.events.queries import event_detail, export_events
from newsloom.events.stored import reporting_rows
from newsloom.store import Connection, Store
from newsloom.store import articles as article_rows
from newsloom.store import entities as entity_rows
from newsloom.store import events as event_rows
from newsloom.store import search as index_rows
from newsloom.store.corrections import corrections_version
from newsloom.store.dialect import Clause, full_text

log = logging.getLogger("newsloom.serve.search")

KINDS = ("article", "event", "entity")
#: Reciprocal-rank constant: 60 is the usual choice; it keeps one list's top hit from drowning others.
RRF_K = 60
#: Title matches count this many times a body match in bm25 (titles and names say what a doc is about).
TITLE_WEIGHT = 4.0
#: Full-text candidates read per query before fusion (FILTERED_FACTOR times more when the query is
#: limited to one kind or language, since the filter applies after FTS5 ranks).
FTS_CANDIDATES = 200
FILTERED_FACTOR = 5
#: Meaning bars (see ``SearchIndex._meaning_ranks``). multilingual-e5-small puts translations of one
#: report at ~0.83-0.88 cosine and unrelated news at ~0.70-0.76, but a short query scores ~0.77-0.82
#: against everything (even "qwerty asdf"), each language at its own level. Chosen on the development
#: queries (tests/gold/retrieval_dev, examples + 160 SemEval training texts as distractors).
MEANING_FLOOR = 0.70
MEANING_GAP = 0.0
MEANING_BELOW_BEST = 0.05
UNCONFIRMED_FLOOR = 0.80
UNCONFIRMED_GAP = 0.045
MEANING_PER_LANGUAGE = 20
#: Aliases of a matched entity added to the full-text query (the most used first).
MAX_EXPANSIONS = 24
#: Characters of context on each side of the first match in a snippet.
SNIPPET_CONTEXT = 90
#: Seconds between two checks of whether the store changed (a check is one small query).
REFRESH_INTERVAL = 2.0
DOCS_BATCH = 500


class _FoldTable(dict[int, str]):
    """str.translate table folding one character to exactly one character (so offsets survive)."""

    _SPECIAL = {"đ": "d", "Đ": "d", "ø": "o", "Ø": "o", "ł": "l", "Ł": "l", "ı": "i", "’": "'", "‘": "'"}

    def __missing__(self, code: int) -> str:
        char = chr(code)
        folded = self._SPECIAL.get(char)
        if folded is None:
            base = unicodedata.normalize("NFD", char)[0]
            lowered = base.lower()
            folded = lowered if len(lowered) == 1 else base
        self[code] = folded
        return folded


_FOLD = _FoldTable()
_TERM = re.compile(r"[^\W_]+", re.UNICODE)


def fold_text(text: str) -> str:
    """Lower case without diacritics, one character for one ("Bùi Thanh Sơn" -> "bui thanh son")."""
    return text.translate(_FOLD)


def query_terms(query: str) -> list[str]:
    """The folded words of a query (punctuation and FTS5 syntax dropped)."""
    return _TERM.findall(fold_text(query))[:16]


def _every_word(terms: list[str]) -> Clause:
    return Clause(tuple((t,) for t in terms))


@dataclass
class Segment:
    """A piece of a snippet; ``match`` pieces are the words the query found."""

    text: str
    match: bool = False


@dataclass
class Hit:
    """One search result."""

    kind: str
    id: str
    title: str
    language: str
    languages: list[str]
    published: str | None
    score: float
    matched_by: list[str]
    segments: list[Segment] = field(default_factory=list)
    #: an event's trust marks: distinct reporting articles, their languages, the stored confidence
    trust: dict[str, Any] | None = None
    #: (text, phrases) the segments are cut from when first asked for (``make_segments``): a search
    #: reads 200 hits to count their languages and shows 20, and only those 20 need a snippet
    snippet_source: tuple[str, list[list[str]]] | None = field(default=None, repr=False, compare=False)

    def cut_segments(self) -> list[Segment]:
        """The snippet's pieces, cut from ``snippet_source`` the first time."""
        if self.snippet_source is not None:
            self.segments = make_segments(*self.snippet_source)
            self.snippet_source = None
        return self.segments

    @property
    def snippet(self) -> str:
        return "".join(s.text for s in self.cut_segments())

    def to_dict(self) -> dict[str, Any]:
        highlights, position = [], 0
        for segment in self.cut_segments():
            if segment.match:
                highlights.append([position, position + len(segment.text)])
            position += len(segment.text)
        return {
            "kind": self.kind,
            "id": self.id,
            "title": self.title,
            "language": self.language,
            "languages": self.languages,
            "published": self.published,
            "score": round(self.score, 5),
            "matched_by": self.matched_by,
            "snippet": self.snippet,
            "highlights": highlights,
            "trust": self.trust,
            "url": f"/{self.kind}s/{self.id}",
            "api": f"/api/{self.kind}s/{self.id}",
        }


@lru_cache(maxsize=4096)
def _word_pattern(term: str) -> re.Pattern[str]:
    """``term`` as whole words (not inside a longer word)."""
    return re.compile(r"(?<![^\W_])" + re.escape(term) + r"(?![^\W_])")


def make_segments(text: str, phrases: list[list[str]], context: int = SNIPPET_CONTEXT) -> list[Segment]:
    """A window of ``text`` around the first phrase found (else a word), every occurrence marked."""
    folded = fold_text(text)
    words = [word for phrase in phrases for word in phrase]
    terms = list(dict.fromkeys([" ".join(p) for p in phrases if len(p) > 1] + words))  # whole phrases first
    first = None
    for term in terms:
        found = _word_pattern(term).search(folded)
        if found:
            first = (found.start(), found.end())
            break
    if first is None:
        cut = text[: 2 * context].strip()
        return [Segment(cut + ("…" if len(text) > 2 * context else ""))] if cut else []
    start, end = max(0, first[0] - context), min(len(text), first[1] + context)
    if start > 0 and (space := text.find(" ", start, first[0])) != -1:
        start = space + 1  # begin and end the snippet on whole words
    if end < len(text) and (space := text.rfind(" ", first[1], end)) != -1:
        end = space
    window = (start, end)
    spans = [(m.start(), m.end()) for term in terms for m in _word_pattern(term).finditer(folded, *window)]
    spans.sort(key=lambda span: (span[0], -span[1]))  # the longest match at a position wins
    start, end = window
    segments = [Segment("…")] if start > 0 else []
    position = start
    for span_start, span_end in spans:
        if span_start < position or span_end > end:
            continue
        if span_start > position:
            segments.append(Segment(text[position:span_start]))
        segments.append(Segment(text[span_start:span_end], match=True))
        position = span_end
    if position < end:
        segments.append(Segment(text[position:end]))
    if end < len(text):
        segments.append(Segment("…"))
    return segments


@dataclass
class _Doc:
    kind: str
    ref: str
    language: str
    title: str
    body: str
    published: str | None

    @property
    def signature(self) -> str:
        raw = json.dumps([self.title, self.body, self.published], ensure_ascii=False)
        return hashlib.sha1(raw.encode("utf-8"), usedforsecurity=False).hexdigest()


class SearchIndex:
    """The search index of one store: created lazily, refreshed when the store changes."""

    def __init__(self, store: Store, use_embeddings: bool = True) -> None:
        self.store = store
        self.use_embeddings = use_embeddings
        self._lock = threading.Lock()
        self._fingerprint: tuple[Any, ...] | None = None
        self._checked_at = 0.0
        self._vectors: np.ndarray | None = None
        self._vector_ids: list[str] = []
        self._vector_languages: np.ndarray = np.array([], dtype=object)
        self._language_rows: dict[str, np.ndarray] = {}
        self._corrected: int | None = None  # the corrections version last indexed (None: not yet)
        self.enabled = full_text(store.engine)

    # -- building -------------------------------------------------------------------------------

    def refresh(self, force: bool = False) -> dict[str, int]:
        """Bring the index up to date with the store; returns how many docs were written per kind."""
        if not self.enabled:
            return {}
        with self._lock:
            now = time.monotonic()
            if not force and now - self._checked_at < REFRESH_INTERVAL and self._fingerprint is not None:
                return {}
            self._checked_at = now
            with self.store.connect() as conn:
                fingerprint = article_rows.article_version(conn)
            if not force and fingerprint == self._fingerprint:
                return {}
            written: dict[str, int] = {}
            if force or not self.store.read_only:  # a read-only reader leaves the writing to a writer
                with self.store.transaction() as conn:
                    written = self._write_new(conn)
            self._load_vectors()
            self._fingerprint = fingerprint
            return written

    def _write_new(self, conn: Connection) -> dict[str, int]:
        """Index what is new: the articles not indexed yet, and the entities and events they touch
        (an entity's names and roles, an event's sources change only when an article lands). The
        first pass over a store (no article indexed yet) indexes every entity and event."""
        new = list(index_rows.unindexed_articles(conn))
        corrected = corrections_version(conn)
        # the first pass over a store, or a correction since the last pass (corrections change events
        # and entities without any new article): every entity and event is listed again
        # (a new process knows no version: it lists them again only if any correction was ever made)
        seen = self._corrected if self._corrected is not None else 0
        first_pass = not index_rows.has_docs(conn, "article") or corrected != seen
        self._corrected = corrected
        written = {kind: 0 for kind in KINDS}
        written["article"] = self._write(conn, "article", self._article_docs(new), refs=[a.id for a in new])
        if first_pass:
            written["entity"] = self._write(conn, "entity", self._entity_docs(export_entities(conn)))
            written["event"] = self._write(conn, "event", self._event_docs(export_events(conn, "jsonl")))
        elif new:
            ids = [a.id for a in new]
            # merging a new report may rebuild its neighbours' events under new ids, and linking may
            # merge entities: the docs of records that are gone go, records without a doc get one
            gone, missing = index_rows.out_of_step(conn, "event")
            gone_entities, missing_entities = index_rows.out_of_step(conn, "entity")
            entity_ids = sorted({*index_rows.entities_named_in(conn, ids), *missing_entities})
            event_ids = sorted({*index_rows.events_reported_in(conn, ids), *missing})
            records = self._entity_records(conn, entity_ids)
            written["entity"] = self._write(
                conn, "entity", self._entity_docs(records), refs=list(map(str, entity_ids))
            )
            events = (event_detail(conn, event_id) for event_id in event_ids)
            found = (event for event in events if event is not None)
            written["event"] = self._write(
                conn, "event", self._event_docs(found), refs=list(map(str, event_ids))
            )
            index_rows.delete_docs(conn, [*gone, *gone_entities])
            written["event"] += len(gone)
            written["entity"] += len(gone_entities)
        return written

    @staticmethod
    def _entity_records(conn: Connection, ids: list[int]) -> Iterator[dict[str, Any]]:
        """What the index needs of some entities, in the shape of ``export_entities``' records."""
        for start in range(0, len(ids), DOCS_BATCH):
            chunk = ids[start : start + DOCS_BATCH]
            aliases: dict[int, list[str]] = {}
            for alias in entity_rows.aliases_of(conn, chunk):
                bucket = aliases.setdefault(alias.entity_id, [])
                if alias.alias not in bucket:
                    bucket.append(alias.alias)
            names = entity_rows.names_by_language(conn, chunk)
            roles: dict[int, list[dict[str, Any]]] = {}
            for role in entity_rows.roles_of(conn, chunk):
                roles.setdefault(role.entity_id, []).append({"role": role.role, "title": role.role_text})
            for entity_id in chunk:
                row = entity_rows.entity_row(conn, entity_id)
                if row is not None:
                    yield {"id": row.id, "name": row.name, "aliases": aliases.get(row.id, []),
                           "names": names.get(row.id, {}), "roles": roles.get(row.id, []),
                           "first_seen": row.first_seen}  # fmt: skip

    def _article_docs(self, rows: Iterable[index_rows.ArticleText]) -> Iterator[_Doc]:
        """Articles not indexed yet (an article's text never changes; duplicates are left out)."""
        for row in rows:
            title = row.title or _lead(row.text)
            yield _Doc("article", row.id, row.language or "", title, row.text, row.published)

    def _entity_docs(self, records: Iterable[dict[str, Any]]) -> Iterator[_Doc]:
        """One doc per entity and language: its canonical name, the names seen in that language, roles."""
        for entity in records:
            names: dict[str, list[str]] = entity.get("names") or {}
            roles = " · ".join(
                str(r.get("title") or r.get("role") or "") for r in entity.get("roles") or [] if isinstance(r, dict)
            )  # fmt: skip
            for language, aliases in sorted(names.items()) or [("", list(entity.get("aliases") or []))]:
                body = " · ".join(dict.fromkeys([*aliases, roles] if roles else aliases))
                yield _Doc("entity", str(entity["id"]), language or "", str(entity.get("name") or ""), body,
                           entity.get("first_seen"))  # fmt: skip

    def _event_docs(self, records: Iterable[dict[str, Any]]) -> Iterator[_Doc]:
        """One doc per event and language: what happened, who, where, and the evidence sentences."""
        for event in records:
            by_language: dict[str, list[str]] = {}
            for source in event.get("sources") or []:
                if isinstance(source, dict):
                    by_language.setdefault(source.get("language") or "", []).append(
                        str(source.get("sentence") or "")
                    )
            title = str(event.get("title") or "") or event_title(event)
            for language, sentences in sorted(by_language.items()) or [("", [])]:
                body = " ".join(dict.fromkeys(sentences))
                yield _Doc("event", str(event["id"]), language, title, body, event.get("date"))

    def _write(self, conn: Connection, kind: str, docs: Iterable[_Doc], refs: list[str] | None = None) -> int:
        """Insert new docs, replace changed ones (same kind, ref, language); returns how many.
        ``refs``: the only refs ``docs`` can hold (their stored signatures alone are read).

        Events and entities are listed whole for their refs, so their docs no longer listed (an
        event marked false or merged away, an entity merged into another) are removed; articles are
        listed only when new, and stay."""
        existing = index_rows.signatures(conn, kind, refs)
        written = 0
        seen: set[tuple[str, str]] = set()
        for doc in docs:
            seen.add((doc.ref, doc.language))
            signature = doc.signature
            found = existing.get((doc.ref, doc.language))
            if found is not None and found[1] == signature:
                continue
            row = index_rows.SearchDoc(
                id=0, kind=kind, ref=doc.ref, language=doc.language, title=doc.title, body=doc.body,
                published=doc.published, signature=signature,
            )  # fmt: skip
            index_rows.write_doc(
                conn, row, fold_text(doc.title), fold_text(doc.body), existing=found[0] if found else None
            )
            written += 1
        if kind != "article":
            gone = [doc_id for key, (doc_id, _) in existing.items() if key not in seen]
            index_rows.delete_docs(conn, gone)
            written += len(gone)
        return written

    # -- embeddings -----------------------------------------------------------------------------
    def _load_vectors(self) -> None:
        """Stored passage embeddings of articles (from the stories part) as one matrix, with each
        row's article language; none if not stored."""
        self._vectors, self._vector_ids, self._vector_languages = None, [], np.array([], dtype=object)
        if not self.use_embeddings:
            return
        ids, languages, vectors = [], [], []
        with self.store.connect() as conn:
            for article_id, language, vector in index_rows.passage_vectors(conn):
                ids.append(str(article_id))
                languages.append(language)
                vectors.append(np.asarray(vector, dtype=np.float32))
        if vectors:
            self._vectors, self._vector_ids = np.vstack(vectors), ids
            self._vector_languages = np.array(languages, dtype=object)
        self._language_rows = {
            lang: np.flatnonzero(self._vector_languages == lang)
            for lang in sorted(set(self._vector_languages.tolist()))
        }  # each language's rows, found once per load rather than once per query

    def _meaning_ranks(
        self, query: str, language: str | None = None, *, confirmed: bool = True
    ) -> list[tuple[str, float, int]]:
        """Articles close in meaning to the query, ranked within each article language:
        (article id, cosine, rank in its language), best first within a language.

        A short query scores every passage of one language alike, and each language differently
        (a Vietnamese query scores Vietnamese passages ~0.05 higher than English ones about the same
        thing), so one bar across languages keeps only the query's own language. Each language is
        therefore ranked on its own: a passage must be above the median of its own language for this
        query and within ``MEANING_BELOW_BEST`` of that language's best, so every language gets its
        best matches.

        That is only for a query ``confirmed`` to be about something the store holds (some report or
        entity holds its words or names). Gibberish scores ~0.03-0.06 above each language's median,
        like a real topic in another language, so an unconfirmed query ("qwerty", a name nobody
        reported) must clear the old bar over the whole store instead: ``UNCONFIRMED_FLOOR`` and
        ``UNCONFIRMED_GAP`` above the median of every passage."""
        if self._vectors is None or not len(self._vector_ids):
            return []
        from newsloom.stories.embed import get_encoder

        vector = get_encoder().encode([query])[0]
        scores = self._vectors @ vector
        strict = max(UNCONFIRMED_FLOOR, float(np.median(scores)) + UNCONFIRMED_GAP)
        found: list[tuple[str, float, int]] = []
        for lang, rows in self._language_rows.items():
            if language is not None and lang != language:
                continue
            ranked = rows[np.argsort(-scores[rows])]
            bar = max(
                MEANING_FLOOR,
                float(np.median(scores[rows])) + MEANING_GAP,
                float(scores[ranked[0]]) - MEANING_BELOW_BEST,
            ) if confirmed else strict  # fmt: skip
            best: dict[str, float] = {}
            for i in ranked:
                if scores[i] < bar or len(best) >= MEANING_PER_LANGUAGE:
                    break
                best.setdefault(self._vector_ids[i], float(scores[i]))  # a roundup: its best segment
            found.extend((ref, score, rank) for rank, (ref, score) in enumerate(best.items(), start=1))
        return found

    # -- querying -------------------------------------------------------------------------------
    def search(
        self, query: str, *, kinds: tuple[str, ...] = KINDS, language: str | None = None, limit: int = 20,
        offset: int = 0,
    ) -> list[Hit]:  # fmt: skip
        """Ranked hits for ``query`` (any language, diacritics optional)."""
        terms = query_terms(query)
        if not terms:
            return []
        self.refresh()
        with self.store.connect() as conn:
            entity_ids, expansions = self._alias_matches(conn, query)
            ranked: dict[tuple[str, str], float] = {}
            reasons: dict[tuple[str, str], list[str]] = {}
            best_doc: dict[tuple[str, str], Any] = {}
            languages: dict[tuple[str, str], list[str]] = {}

            def vote(key: tuple[str, str], rank: int, reason: str) -> None:
                ranked[key] = ranked.get(key, 0.0) + 1.0 / (RRF_K + rank)
                if reason not in reasons.setdefault(key, []):
                    reasons[key].append(reason)

            for rank, entity_id in enumerate(entity_ids, start=1):
                vote(("entity", entity_id), rank, "name")
            if self.enabled:
                for rank, row in enumerate(
                    self._fts_rows(conn, query, terms, expansions, kinds, language), start=1
                ):
                    key = (row.kind, row.ref)
                    languages.setdefault(key, [])
                    if row.language and row.language not in languages[key]:
                        languages[key].append(row.language)
                    if key in best_doc:
                        continue
                    best_doc[key] = row
                    vote(key, rank, "text")
            if "article" in kinds:
                # a topic crosses languages by meaning; a name crosses them through its aliases, and
                # the meaning of a bare name is weak: a query naming an entity keeps the strict bar
                confirmed = not entity_ids and (bool(ranked) or self._any_word_known(conn, terms))
                for ref, _cosine, rank in self._meaning_ranks(query, language, confirmed=confirmed):
                    vote(("article", ref), rank, "meaning")
            keys = [k for k in sorted(ranked, key=lambda k: -ranked[k]) if k[0] in kinds]
            self._read_docs(conn, keys[: 2 * (offset + limit)], best_doc, language)
            hits = []
            for key in keys:
                row = best_doc.get(key) or self._doc_for(conn, key, language)
                if row is None:
                    continue
                if language and row.language != language and language not in languages.get(key, []):
                    continue
                hits.append(
                    Hit(
                        kind=key[0], id=key[1], title=row.title, language=row.language,
                        languages=languages.get(key) or ([row.language] if row.language else []),
                        published=row.published, score=ranked[key], matched_by=reasons[key],
                        snippet_source=(row.body or row.title, [terms, *expansions]),
                    )
                )  # fmt: skip
                if len(hits) >= offset + limit:
                    break
            page = hits[offset : offset + limit]
            trusts = event_trusts(conn, [h.id for h in page if h.kind == "event"])
            return [dataclasses.replace(h, trust=trusts.get(h.id)) if h.kind == "event" else h for h in page]

    def _any_word_known(self, conn: Connection, terms: list[str]) -> bool:
        """Whether some indexed doc, of any kind and language, holds one of the query's words."""
        if not self.enabled:
            return True  # no full-text index to ask: trust the query
        return bool(index_rows.matching_docs(conn, [Clause(((t,),)) for t in terms], TITLE_WEIGHT, 1))

    def _alias_matches(self, conn: Connection, query: str) -> tuple[list[str], list[list[str]]]:
        """Entities the query names (any alias, any language), and their aliases as folded phrases."""
        found = find_entity(conn, query)[:3]
        if not found:  # the query may be a canonical name that is not among the aliases
            found = self._entities_named(conn, query_terms(query))
        phrases: list[list[str]] = []
        for entity in found:
            names = entity.get("names") or {}
            for alias in [entity.get("name") or "", *(a for group in names.values() for a in group)]:
                words = query_terms(alias)
                if words and words not in phrases:
                    phrases.append(words)
        return [str(e["id"]) for e in found], phrases[:MAX_EXPANSIONS]

    def _entities_named(self, conn: Connection, terms: list[str]) -> list[dict[str, Any]]:
        """Entities whose canonical name folds to exactly the query's words."""
        if not self.enabled or not terms:
            return []
        self_refs = []
        for row in self._fts_query(conn, Clause((tuple(terms),), title_only=True), [], ("entity",), None):
            if query_terms(row.title) == terms and row.ref not in self_refs:
                self_refs.append(row.ref)
        found = []
        for ref in self_refs[:3]:
            detail = entity_detail(conn, int(ref)) if ref.isdigit() else None
            if detail:
                names: dict[str, list[str]] = {}
                for alias in detail.get("aliases") or []:
                    names.setdefault(alias.get("language") or "", []).append(alias.get("alias") or "")
                found.append({"id": detail["id"], "name": detail.get("name"), "names": names})
        return found

    def _fts_rows(
        self, conn: Connection, query: str, terms: list[str], expansions: list[list[str]], kinds: tuple[str, ...],
        language: str | None,
    ) -> list[Any]:  # fmt: skip
        rows = self._fts_query(conn, _every_word(terms), expansions, kinds, language)
        if not rows and len(terms) > 2:  # no doc has every word: any two neighbouring words will do
            pairs = [Clause((tuple(terms[i : i + 2]),)) for i in range(len(terms) - 1)]
            rows = self._fts_query(conn, pairs, expansions, kinds, language)
        return sorted(
            rows, key=lambda row: -closeness(query, terms, row.title, row.body)
        )  # stable: bm25 next

    def _fts_query(
        self, conn: Connection, main: Clause | list[Clause], expansions: list[list[str]], kinds: tuple[str, ...],
        language: str | None,
    ) -> list[Any]:  # fmt: skip
        """The best-ranked docs for a full-text query (the main clauses, or any expansion phrase):
        ranked inside the index first (a LIMIT there saves joining every match), then read by id and
        filtered by kind and language."""
        clauses = [main] if isinstance(main, Clause) else list(main)
        match = [*clauses, *(Clause((tuple(words),)) for words in expansions)]
        filtered = language is not None or set(kinds) != set(KINDS)
        limit = FTS_CANDIDATES * (FILTERED_FACTOR if filtered else 1)
        found = index_rows.matching_docs(conn, match, TITLE_WEIGHT, limit)
        found = [d for d in found if d.kind in kinds and (language is None or d.language == language)]
        return found[:FTS_CANDIDATES]

    @staticmethod
    def _read_docs(
        conn: Connection, keys: list[tuple[str, str]], docs: dict[tuple[str, str], Any], language: str | None
    ) -> None:
        """The documents of the keys ranked without one (meaning, names), a query per kind, into ``docs``
        (``_doc_for`` still reads any key past these one by one)."""
        for kind in KINDS:
            refs = [ref for k, ref in keys if k == kind and (k, ref) not in docs]
            if refs:
                for ref, doc in index_rows.find_docs(conn, kind, refs, language).items():
                    docs[(kind, ref)] = doc

    def _doc_for(self, conn: Connection, key: tuple[str, str], language: str | None) -> Any:
        return index_rows.find_doc(conn, key[0], key[1], language)


def event_trusts(conn: Connection, refs: list[str]) -> dict[str, dict[str, Any] | None]:
    """Event hits' trust marks (ref -> its distinct reporting articles, their languages, its confidence,
    whether the classifier read none of its reports; None for an event that is gone), read for the whole page at once: the stored counts of each event
    row, its source rows only for an event whose counts are not stored (the same figures as the
    event's record, ``events.queries.event_detail``, without reading every record)."""
    ids = [int(ref) for ref in refs if ref.isdigit()]
    rows = {row.id: row for row in event_rows.events_by_id(conn, ids)}
    unknown = [i for i, row in rows.items() if not row.n_articles or not json.loads(row.languages or "[]")]
    sources = event_rows.source_rows(conn, unknown)
    found: dict[str, dict[str, Any] | None] = {}
    for ref in refs:
        row = rows.get(int(ref)) if ref.isdigit() else None
        if row is None:
            found[ref] = None
            continue
        reports = reporting_rows(sources.get(row.id, []))  # told in passing: no report
        found[ref] = {
            "sources": int(row.n_articles or len({s.article_id for s in reports})),
            "languages": len(json.loads(row.languages or "[]") or {s.language for s in reports}),
            "confidence": row.confidence,
            "rules_only": bool(row.rules_only),
        }
    return found


def _lead(text: str, size: int = 140) -> str:
    """The first words of an article without a title (cut at a word), to show in its place."""
    first = text.strip().split("\n", 1)[0]
    return first if len(first) <= size else first[:size].rsplit(" ", 1)[0] + "…"


def closeness(query: str, terms: list[str], title: str, body: str) -> int:
    """2 when the doc holds the query as typed (diacritics included), 1 as a folded phrase, else 0.

    Folding merges distinct Vietnamese words ("Đà" and "đã" both fold to "da"), so a doc that has
    the words in the query's order, or with the query's own marks, comes before one that has them apart.
    """
    text = f"{title}\n{body}"
    typed = " ".join(query.split()).casefold()
    if typed != fold_text(typed) and typed in text.casefold():  # only a query with marks is "as typed"
        return 2
    return 1 if " ".join(terms) in " ".join(_TERM.findall(fold_text(text))) else 0


def event_title(event: dict[str, Any]) -> str:
    """'CONSULT (host): Bùi Thanh Sơn, Ghada Waly' from an event record."""
    actors = event.get("actors") or []
    if isinstance(actors, dict):  # {"source": [...], "target": [...]}
        actors = [*actors.get("source", []), *actors.get("target", [])]
    names = [str(a.get("name") or a.get("key") if isinstance(a, dict) else a) for a in actors]
    kind = str(event.get("type") or "event") + (f" ({event['mode']})" if event.get("mode") else "")
    return f"{kind}: {', '.join(names)}" if names else kind
