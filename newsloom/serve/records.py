"""Articles as the API and the pages show them: summaries, details with evidence, marked-up text."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from newsloom.article import Article
from newsloom.store import Connection
from newsloom.store import articles as article_rows
from newsloom.store import entities as entity_rows
from newsloom.store.articles import export_record, iter_articles, load_article

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
        marks.append(
            (t["start"], t["end"], Span("", "time", None, f"{t.get('precision')}: {t.get('value')}"))
        )
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
