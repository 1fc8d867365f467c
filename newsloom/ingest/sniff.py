"""Tell an input's kind by its content (the extension is only a hint)."""

from __future__ import annotations

import json
import re

_FEED = re.compile(r"<(?:rss|feed|rdf:RDF)\b", re.I)
_HTML = re.compile(r"<(?:!doctype\s+html|html|head|body|article|p|div)\b", re.I)
#: Extensions that announce a kind; content still decides.
FEED_EXTENSIONS = frozenset({".rss", ".atom", ".xml"})
HTML_EXTENSIONS = frozenset({".html", ".htm", ".xhtml"})
JSONL_EXTENSIONS = frozenset({".jsonl", ".ndjson"})


def sniff(text: str) -> str:
    """'feed', 'html', 'jsonl' or 'text'."""
    head = text[:4096].lstrip("\ufeff \t\r\n")
    if head.startswith("<"):
        if _FEED.search(head[:1500]):
            return "feed"
        if _HTML.search(head):
            return "html"
    if head.startswith("{"):
        first = head.split("\n", 1)[0]
        try:
            if isinstance(json.loads(first), dict):
                return "jsonl"
        except (ValueError, RecursionError):  # JSONDecodeError is a ValueError; deep nesting recurses
            pass
        if text.lstrip().startswith("{") and '"text"' in head:
            return "jsonl"  # a JSONL file whose first line is broken: report it line by line
    return "text"
