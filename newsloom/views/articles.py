"""Articles as the CLI, the API and the pages show them: summaries, details with evidence,
marked-up text."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from pydantic import computed_field

from newsloom.article import Article
from newsloom.store import Connection
from newsloom.store import articles as article_rows
from newsloom.store import entities as entity_rows
from newsloom.store.articles import export_record, iter_articles, load_article
from newsloom.views.common import Model, Page, page_of
from newsloom.views.support import Support, support_of


class ArticleSummary(Model):
    """An article in a list."""

    id: str
    path: str
    language: str | None
    published: str | None
    title: str | None
    lead: str
    outlet: str | None
    events: int
    mentions: int

    @computed_field  # type: ignore[prop-decorator]
    @property
    def support(self) -> Support:
        """First-class (a language pack) or basic support, and what basic support means."""
        return support_of(self.language)


class Provenance(Model):
    source: str
    confidence: float


class MetadataValue(Model):
    value: str
    source: str
    confidence: float
    detail: str


class BoilerplateLine(Model):
    kind: str
    text: str
    line: int


class SentenceSpan(Model):
    start: int
    end: int
    text: str
    paragraph: int
    language: str | None


class ArticleDetail(Model):
    """One article with its evidence: metadata with provenance, boilerplate kept apart, sentences,
    mentions (with the entity each is linked to), time expressions and events."""

    id: str
    path: str
    language: str | None
    published: str | None
    title: str | None
    author: str | None
    source_url: str | None
    section: str | None
    credit: str | None
    outlet: str | None
    dateline: str | None
    provenance: dict[str, Provenance]
    boilerplate: list[BoilerplateLine]
    text: str
    metadata: dict[str, MetadataValue]
    language_confidence: float
    duplicate_of: str | None
    paths: list[str]
    sentences: list[SentenceSpan]
    mentions: list[dict[str, Any]]
    times: list[dict[str, Any]]
    events: list[dict[str, Any]]
    stages: list[str]

    @computed_field  # type: ignore[prop-decorator]
    @property
    def support(self) -> Support:
        """First-class (a language pack) or basic support, and what basic support means."""
        return support_of(self.language)


#: Characters of body text a summary shows when an article has no title.
LEAD_CHARS = 220


def article_summary(article: Article) -> dict[str, Any]:
    """The short form of an article used in lists."""
    lead = article.text.strip().split("\n", 1)[0]
    return {
        "id": article.id,
        "path": article.path,
        "language": article.language,
        "published": article.published,
        "title": article.title,
        "lead": lead[:LEAD_CHARS] + ("…" if len(lead) > LEAD_CHARS else ""),
        "outlet": article.meta("outlet"),
        "events": len(article.events),
        "mentions": len(article.entities),
    }


def list_articles(
    conn: Connection, *, language: str | None, date_from: str | None, date_to: str | None, limit: int,
    offset: int,
) -> list[dict[str, Any]]:  # fmt: skip
    """Summaries of stored articles in ingest order (``limit`` at most)."""
    found = iter_articles(
        conn, language=language, date_from=date_from, date_to=date_to, limit=limit, offset=offset
    )
    return [article_summary(a) for a in found]


@dataclass(frozen=True)
class ArticleQuery:
    language: str | None = None
    date_from: str | None = None
    date_to: str | None = None
    limit: int = 20
    offset: int = 0


def articles_view(conn: Connection, query: ArticleQuery) -> Page[ArticleSummary]:
    """Stored articles (near-duplicates left out) in ingest order, filtered, one page."""
    rows = list_articles(
        conn, language=query.language, date_from=query.date_from, date_to=query.date_to,
        limit=query.limit + 1, offset=query.offset,
    )  # fmt: skip
    return page_of([ArticleSummary.model_validate(r) for r in rows], query.limit, query.offset)


def article_view(conn: Connection, article_id: str) -> ArticleDetail | None:
    """One article with its evidence; None when there is no such article."""
    record = article_detail(conn, article_id)
    return ArticleDetail.model_validate(record) if record is not None else None


def entity_ids_of_mentions(conn: Connection, article_id: str) -> dict[tuple[int, int], int]:
    """(start, end) of each linked mention of an article -> its canonical entity id (when linked)."""
    return entity_rows.linked_spans(conn, article_id)


def article_detail(conn: Connection, article_id: str) -> dict[str, Any] | None:
    """One article with its metadata provenance, boilerplate, sentences, mentions, times and events."""
    article = load_article(conn, article_id)
    if article is None:
        return None
    record = export_record(article)
    record["metadata"] = {
        name: {"value": f.value, "source": f.source, "confidence": f.confidence, "detail": f.detail}
        for name, f in sorted(article.metadata.items())
    }
    record["language_confidence"] = article.language_confidence
    record["duplicate_of"] = article_rows.duplicate_of(conn, article_id)
    record["paths"] = article_rows.paths_of(conn, article_id)
    links = entity_ids_of_mentions(conn, article_id)
    record["sentences"] = [
        {"start": s.start, "end": s.end, "text": s.text, "paragraph": s.paragraph, "language": s.language}
        for s in article.sentences
    ]
    record["mentions"] = [{**m.to_dict(), "entity_id": links.get((m.start, m.end))} for m in article.entities]
    record["times"] = [t.to_dict() for t in article.times]
    record["events"] = [e.to_dict() for e in article.events]
    record["stages"] = list(article.stages)
    return record


@dataclass
class Span:
    """A piece of body text; ``kind`` is '' for plain text, 'mention' or 'time' for marked text."""

    text: str
    kind: str = ""
    entity_id: int | None = None
    title: str = ""


def marked_paragraphs(record: dict[str, Any]) -> list[list[Span]]:
    """The body split into paragraphs, mentions and time expressions marked (no overlaps)."""
    text: str = record["text"]
    marks: list[tuple[int, int, Span]] = []
    for m in record.get("mentions", []):
        label = f"{m.get('type')}: {m.get('canonical') or m.get('text')}"
        marks.append((m["start"], m["end"], Span("", "mention", m.get("entity_id"), label)))
    for t in record.get("times", []):
        value = t.get("value") or "not dated (no publication date or reference to count from)"
        label = f"{t['precision']}: {value}" if t.get("precision") else value
        marks.append((t["start"], t["end"], Span("", "time", None, label)))
    marks.sort(key=lambda item: (item[0], -item[1]))
    paragraphs: list[list[Span]] = [[]]
    position = 0

    def plain(upto: int) -> None:
        chunk = text[position:upto]
        parts = chunk.split("\n")
        for number, part in enumerate(parts):
            if number and (paragraphs[-1] or part):
                if part.strip() == "" and number < len(parts) - 1:
                    continue
                paragraphs.append([])
            if part:
                paragraphs[-1].append(Span(part))

    for start, end, span in marks:
        if start < position or end > len(text) or start >= end:
            continue
        plain(start)
        span.text = text[start:end]
        paragraphs[-1].append(span)
        position = end
    plain(len(text))
    return [p for p in paragraphs if any(s.text.strip() for s in p)]


def articles_at_path(conn: Connection, path: str) -> list[str]:
    """Ids of the articles read from an input path (a file, or its '#N' feed items / JSONL lines)."""
    return article_rows.articles_at_path(conn, path)


def article_titles(conn: Connection, ids: list[str]) -> dict[str, dict[str, Any]]:
    """Article id -> {title, language} (an untitled article gets its first words), for link text."""
    found: dict[str, dict[str, Any]] = {}
    for heading in article_rows.headings(conn, ids):
        lead = heading.lead.strip().split("\n", 1)[0]
        found[heading.id] = {
            "title": heading.title or lead[:120] + ("…" if len(lead) > 120 else ""),
            "language": heading.language,
        }
    return found
