"""An alert's hits as an Atom 1.0 feed (RFC 4287), so any feed reader can subscribe to it."""

from __future__ import annotations

from xml.etree import ElementTree as ET

from newsloom.store.watch import AlertRow, Hit

ATOM = "http://www.w3.org/2005/Atom"


def render_atom(alert: AlertRow, hits: list[Hit], self_url: str) -> str:
    ET.register_namespace("", ATOM)
    feed = ET.Element(f"{{{ATOM}}}feed")
    ET.SubElement(feed, f"{{{ATOM}}}id").text = f"urn:newsloom:alert:{alert.name}"
    ET.SubElement(feed, f"{{{ATOM}}}title").text = f"newsloom alert: {alert.name}"
    ET.SubElement(feed, f"{{{ATOM}}}updated").text = hits[0].fired_at if hits else alert.created_at
    ET.SubElement(feed, f"{{{ATOM}}}link", rel="self", href=self_url)
    author = ET.SubElement(feed, f"{{{ATOM}}}author")
    ET.SubElement(author, f"{{{ATOM}}}name").text = "newsloom"
    for hit in hits:
        article = hit.payload.get("article", {})
        entry = ET.SubElement(feed, f"{{{ATOM}}}entry")
        ET.SubElement(entry, f"{{{ATOM}}}id").text = f"urn:newsloom:alert:{alert.name}:{hit.key}"
        ET.SubElement(entry, f"{{{ATOM}}}title").text = article.get("title") or hit.payload.get(
            "matched", hit.key
        )
        ET.SubElement(entry, f"{{{ATOM}}}updated").text = hit.fired_at
        if article.get("url"):
            ET.SubElement(entry, f"{{{ATOM}}}link", href=article["url"])
        ET.SubElement(entry, f"{{{ATOM}}}summary").text = str(hit.payload.get("matched", ""))
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(feed, encoding="unicode")
