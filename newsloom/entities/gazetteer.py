"""The gazetteer shipped with the package: places (built by ``scripts/build_gazetteer.py``) and
organizations (hand-curated), indexed by folded name tokens for span lookup and linking."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib import resources

from newsloom.entities.names import is_acronym, name_tokens

#: Single-word names this short are used only in their own language: "Anh" is the UK in
#: Vietnamese but a given name elsewhere; "Iran" is listed under every language anyway.
SHORT_NAME_LETTERS = 4


@dataclass(frozen=True, slots=True)
class GazetteerEntry:
    """One known place or organization."""

    id: str  # "place:VN", "place:geo:1581130", "org:un"
    type: str  # place | organization
    kind: str  # country, city, region, province, landmark, un_agency, ...
    names: dict[str, tuple[str, ...]]  # language ("any" for all) -> names
    country: str | None = None
    parent: str | None = None

    @property
    def name(self) -> str:
        """The display name: English first (shared across languages), else any."""
        for lang in ("en", "any", "vi", "id"):
            if self.names.get(lang):
                return next((n for n in self.names[lang] if not is_acronym(n)), self.names[lang][0])
        return self.id

    def all_names(self) -> list[tuple[str, str]]:
        return [(lang, n) for lang, names in self.names.items() for n in names]


@dataclass(frozen=True, slots=True)
class Surface:
    """One written form of an entry, as found in the index."""

    text: str
    words: tuple[str, ...]  # the surface's words, case and marks kept
    language: str
    entry_id: str


class Gazetteer:
    """Entries by id and their surfaces by folded word tuple."""

    def __init__(self, entries: list[GazetteerEntry], not_names: frozenset[str] = frozenset()) -> None:
        self.entries = {e.id: e for e in entries}
        self.not_names = not_names
        self.index: dict[tuple[str, ...], list[Surface]] = {}
        #: every key and every leading part of one: a span whose words are not in here can grow into
        #: no name, so the matcher stops there instead of trying every longer span
        self.prefixes: set[tuple[str, ...]] = set()
        self.max_words = 1
        for entry in entries:
            for lang, name in entry.all_names():
                key = name_tokens(name)
                if not key:
                    continue
                words = tuple(_words(name))
                self.index.setdefault(key, []).append(Surface(name, words, lang, entry.id))
                self.prefixes.update(key[:n] for n in range(1, len(key) + 1))
                self.max_words = max(self.max_words, len(key))

    def lookup(self, key: tuple[str, ...], language: str | None) -> list[Surface]:
        """Surfaces of ``key`` usable in ``language`` (short single words only in their own language)."""
        found = []
        for surface in self.index.get(key, ()):
            short = len(key) == 1 and len(key[0]) <= SHORT_NAME_LETTERS and not is_acronym(surface.text)
            if short and surface.language not in ("any", language):
                continue
            found.append(surface)
        return found

    def by_acronym(self, acronym: str) -> GazetteerEntry | None:
        """The entry that has ``acronym`` among its names."""
        for surface in self.index.get(name_tokens(acronym), ()):
            if surface.text.replace(".", "") == acronym.replace(".", ""):
                return self.entries[surface.entry_id]
        return None


def _words(name: str) -> list[str]:
    from newsloom.entities.names import _WORD

    return _WORD.findall(name)


@cache
def load_gazetteer() -> Gazetteer:
    """The packaged gazetteer (loaded once per process)."""
    data = resources.files("newsloom.entities") / "data"
    places = json.loads((data / "places.json").read_text(encoding="utf-8"))
    curated = json.loads((data / "organizations.json").read_text(encoding="utf-8"))
    entries = [_entry(p, "place") for p in places["places"]]
    entries += [_entry(o, "organization") for o in curated["organizations"]]
    return Gazetteer(entries, frozenset(places.get("not_names", ())))


def _entry(raw: dict[str, object], type_: str) -> GazetteerEntry:
    names = raw["names"]
    assert isinstance(names, dict)
    return GazetteerEntry(
        id=str(raw["id"]),
        type=type_,
        kind=str(raw.get("kind", "")),
        names={lang: tuple(values) for lang, values in names.items()},
        country=str(raw["country"]) if raw.get("country") else None,
        parent=str(raw["parent"]) if raw.get("parent") else None,
    )
