"""What `newsloom watch SOURCES` and `newsloom sources add` read: URLs, text files of URLs, OPML files."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from newsloom.errors import NewsloomError


@dataclass(frozen=True)
class SourceSpec:
    url: str
    name: str = ""


def check_url(url: str, where: str = "") -> str:
    parts = urlsplit(url.strip())
    if parts.scheme not in ("http", "https") or not parts.netloc:
        place = f" ({where})" if where else ""
        raise NewsloomError(
            f"{url!r}{place} is not an http(s) URL, a text file of URLs or an OPML file. "
            "Give a feed, sitemap or section page URL such as https://example.org/rss.xml."
        )
    return url.strip()


def read_opml(text: str, path: str) -> list[SourceSpec]:
    from lxml import etree

    try:
        root = etree.fromstring(
            text.encode("utf-8"), etree.XMLParser(resolve_entities=False, no_network=True)
        )
    except etree.XMLSyntaxError as exc:
        raise NewsloomError(
            f"{path}: not a readable OPML file ({exc}). Fix it or list the URLs one per line."
        ) from exc
    found = []
    for outline in root.iter("outline"):
        url = outline.get("xmlUrl") or outline.get("url") or outline.get("htmlUrl")
        if url:
            name = outline.get("title") or outline.get("text") or ""
            found.append(SourceSpec(check_url(url, path), name))
    return found


def read_url_list(text: str, path: str) -> list[SourceSpec]:
    """One URL a line; blank lines and ``#`` comments skipped; text after the URL is its name."""
    found = []
    for number, line in enumerate(text.splitlines(), start=1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        url, _, name = line.partition(" ")
        found.append(SourceSpec(check_url(url, f"{path} line {number}"), name.strip()))
    return found


def read_sources(args: list[str]) -> list[SourceSpec]:
    """Every source named by the arguments, in order, each URL once."""
    specs: list[SourceSpec] = []
    for arg in args:
        path = Path(arg)
        if "://" not in arg and path.is_file():
            text = path.read_text(encoding="utf-8", errors="replace")
            is_opml = "<opml" in text[:2000].lower()
            specs.extend(read_opml(text, arg) if is_opml else read_url_list(text, arg))
        else:
            specs.append(SourceSpec(check_url(arg)))
    unique: dict[str, SourceSpec] = {}
    for spec in specs:
        unique.setdefault(spec.url, spec)
    return list(unique.values())
