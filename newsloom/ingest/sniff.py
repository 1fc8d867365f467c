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


#: Spreadsheet exports: newsloom does not read them (one row is not an article with its metadata).
TABLE_EXTENSIONS = frozenset({".csv", ".tsv"})
#: A JSON list of objects: '[' then, after spaces, '{'
_JSON_ARRAY = re.compile(r"\[\s*\{")


def sniff(text: str) -> str:
    """'feed', 'html', 'jsonl', 'json' (a list of article objects) or 'text'."""
    head = text[:4096].lstrip("\ufeff \t\r\n")
    if _JSON_ARRAY.match(head):  # a cut-off list too: reported as broken JSON, not read as one article
        return "json"
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
