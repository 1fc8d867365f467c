"""The one document type that flows through the pipeline.

Readers fill the text, metadata (each field with its provenance), boilerplate and source path;
per-article stages add language, sentences, entity mentions, time expressions, events and an
embedding. Corpus-level steps (linking, merging, clustering) read stored Articles.
Every type here is a frozen dataclass: a stage returns a new Article (``dataclasses.replace``).
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any

from newsloom.entities.types import Mention
from newsloom.events.types import Event
from newsloom.serialize import from_dict, to_dict
from newsloom.timex.types import TimeExpression

#: Where a metadata value came from.
PROVENANCE_SOURCES = ("header", "url", "html-meta", "text", "inferred", "feed", "jsonl", "argument")

#: The metadata fields every reader tries to fill.
METADATA_FIELDS = (
    "published",
    "title",
    "author",
    "section",
    "source_url",
    "outlet",
    "credit",
    "dateline",
    "language",
)


#: Fields kept in memory only (the store keeps raw text and embeddings in their own columns).
_LOCAL = {"serialize": False}


@dataclass(frozen=True, slots=True)
class MetaField:
    """One metadata value with where it came from and how sure we are (0..1)."""

    value: str
    source: str
    confidence: float
    detail: str = ""  # e.g. the extractor's verdict ("htmldate: original date from <meta>")


@dataclass(frozen=True, slots=True)
class Boilerplate:
    """A line kept out of the body: caption, credit, counter, source line, byline, ..."""

    kind: str
    text: str
    line: int  # 1-based line of the input


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence of the body: ``article.text[start:end] == text``."""

    start: int
    end: int
    text: str
    paragraph: int
    language: str | None = None


@dataclass(frozen=True, slots=True)
class SentenceVector:
    """A sentence the events stage sent to the encoder, with the unit vector it got back."""

    sentence: int  # index into Article.sentences
    vector: tuple[float, ...]
    encoder: str  # the encoder's name: a vector is reused only by the same encoder


@dataclass(frozen=True, slots=True)
class Article:
    """A news article as it moves through the pipeline."""

    id: str  # content hash of the normalised body (stable across re-runs)
    path: str  # the input path as given (plus "#item" for feed items / JSONL lines)
    text: str  # the body, boilerplate removed; every offset points into this
    fmt: str = "text"  # text | html | feed | jsonl | stdin | memory
    metadata: dict[str, MetaField] = field(default_factory=dict)
    boilerplate: tuple[Boilerplate, ...] = ()
    raw: str = field(
        default="", repr=False, compare=False, metadata=_LOCAL
    )  # the input text as read (for re-processing)
    language: str | None = None
    language_confidence: float = 0.0
    sentences: tuple[Sentence, ...] = ()
    entities: tuple[Mention, ...] = ()
    times: tuple[TimeExpression, ...] = ()
    events: tuple[Event, ...] = ()
    embedding: tuple[float, ...] | None = field(default=None, repr=False, compare=False, metadata=_LOCAL)
    stages: tuple[str, ...] = ()  # names of the stages that ran, in order
    # the sentences the events stage encoded, with their vectors, for the embed stage to reuse
    # (``story_reuse``): in memory only, never stored nor serialised
    sentence_vectors: tuple[SentenceVector, ...] = field(
        default=(), repr=False, compare=False, metadata=_LOCAL
    )

    # -- convenience views -------------------------------------------------
    def meta(self, name: str) -> str | None:
        """The value of a metadata field, or None."""
        item = self.metadata.get(name)
        return item.value if item else None

    @property
    def title(self) -> str | None:
        return self.meta("title")

    @property
    def published(self) -> str | None:
        """ISO date (YYYY-MM-DD) of publication, or None when unknown (never invented)."""
        return self.meta("published")

    def with_meta(self, name: str, value: str, source: str, confidence: float, detail: str = "") -> Article:
        """A copy with one metadata field set."""
        metadata = dict(self.metadata)
        metadata[name] = MetaField(value, source, confidence, detail)
        return dataclasses.replace(self, metadata=metadata)

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = to_dict(self)
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Article:
        return from_dict(cls, data)
