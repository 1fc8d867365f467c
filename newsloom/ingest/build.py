"""Assemble an Article from what a reader found: the body, its metadata and boilerplate."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterable

from newsloom.article import Article, Boilerplate, MetaField
from newsloom.ingest.metadata import date_from_url


def normalise_for_hash(text: str) -> str:
    """Case-, space- and punctuation-insensitive form of a body (for the content hash)."""
    text = unicodedata.normalize("NFC", text).casefold()
    return " ".join(re.findall(r"\w+", text))


def content_id(text: str) -> str:
    """The article id: a hash of the normalised body, stable across re-runs and file names."""
    return hashlib.sha256(normalise_for_hash(text).encode("utf-8")).hexdigest()[:40]


def build_article(
    *,
    path: str,
    fmt: str,
    paragraphs: Iterable[str],
    metadata: dict[str, MetaField],
    boilerplate: Iterable[Boilerplate] = (),
    raw: str = "",
) -> Article:
    """An Article whose id is the content hash; the date falls back to the source URL's."""
    text = "\n\n".join(p.strip() for p in paragraphs if p.strip())
    metadata = {k: v for k, v in metadata.items() if v.value}
    if "published" not in metadata and "source_url" in metadata:
        found = date_from_url(metadata["source_url"].value)
        if found:
            metadata["published"] = MetaField(found, "url", 0.7, metadata["source_url"].value)
    return Article(
        id=content_id(text),
        path=path,
        text=text,
        fmt=fmt,
        metadata=metadata,
        boilerplate=tuple(boilerplate),
        raw=raw,
    )
