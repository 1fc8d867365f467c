"""Page titles without the site's name: "Ministers meet - BBC News" -> ("Ministers meet", "BBC News").

Pages append (or prepend) the outlet to ``<title>`` and often to ``og:title``; the headline is what
the article is about, the outlet is recorded apart. A part is taken as the site's name only on
evidence: it is the page's declared site name, it names the page's host, it looks like a domain
("Kompas.com"), the rest of the title is the page's own headline (``<h1>``), or it follows a
pipe and is a short run of capitalised words ("| Republika Online").
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from urllib.parse import urlsplit

#: " - ", " | ", " – ", " — ", " :: ", " » ", " · " between headline and site name
SEPARATOR = re.compile(r"\s+(?:\||-|–|—|::|»|·|•)\s+")
#: "Kompas.com", "tuoitre.vn", "detik.co.id"
DOMAIN_LIKE = re.compile(r"\b[\w-]+(?:\.[a-z]{2,3}){1,2}$", re.I)
#: A site's name is short: longer parts are part of the headline.
MAX_SITE_NAME_WORDS = 5


def _key(text: str) -> str:
    return re.sub(r"[\W_]+", "", text.casefold())


def host_key(url: str | None) -> str:
    """'https://www.republika.co.id/berita/...' -> 'republika' (the registrable name, no www/TLD)."""
    if not url:
        return ""
    host = urlsplit(url if "//" in url else f"//{url}").hostname or ""
    labels = [label for label in host.split(".") if label not in ("www", "m", "amp")]
    return _key(max(labels[:-1] or labels or [""], key=len))


def _is_site_name(part: str, sep: str, known: set[str], host: str, headline: str | None, rest: str) -> bool:
    words = part.split()
    if not words or len(words) > MAX_SITE_NAME_WORDS:
        return False
    key = _key(part)
    if key in known or (host and len(host) >= 3 and (host in key or key in host)):
        return True
    if DOMAIN_LIKE.search(part) or (headline and _key(rest) == _key(headline)):
        return True
    # "| Republika Online": a pipe rarely sits inside a headline; the part must look like a name
    return sep.strip() == "|" and all(w[:1].isupper() or w[:1].isdigit() for w in words)


def split_site_name(
    title: str, site_names: Iterable[str] = (), url: str | None = None, headline: str | None = None
) -> tuple[str, str | None]:
    """(headline, site name or None): the site's name cut from either end of ``title``."""
    known = {_key(name) for name in site_names if name and name.strip()}
    host = host_key(url)
    pieces = SEPARATOR.split(title)
    seps = SEPARATOR.findall(title)
    if len(pieces) < 2:
        return title.strip(), None
    last, rest = pieces[-1].strip(), title[: title.rfind(seps[-1])].strip()
    if _is_site_name(last, seps[-1], known, host, headline, rest):
        return rest, last
    first, tail = pieces[0].strip(), title[title.find(seps[0]) + len(seps[0]) :].strip()
    if _key(first) in known or (headline and _key(tail) == _key(headline) and len(first.split()) <= 4):
        return tail, first
    return title.strip(), None


def is_site_name(title: str, site_names: Iterable[str] = (), url: str | None = None) -> bool:
    """True when the whole title is only the site's name ("VnExpress")."""
    key = _key(title)
    host = host_key(url)
    return bool(key) and (key in {_key(n) for n in site_names if n} or (len(host) >= 3 and key == host))
