"""Finding person, organization and place names in a sentence, with the titles around them.

No multilingual NER model runs offline, so names come from four cheap signals combined per
language pack: the gazetteer (places, organizations), the title and honorific lexicons
("Phó Thủ tướng Bùi Thanh Sơn", "bà Ghada Waly"), the shape of capitalised runs (a Vietnamese
family name opening 2-4 capitalised syllables; an organization head or tail word), and, for single
Vietnamese syllables that are also places ("Pháp" in "Pháp luật"), the underthesea word segmenter.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache

from newsloom.entities.gazetteer import Gazetteer, Surface
from newsloom.entities.names import _WORD, fold, has_diacritics, is_acronym
from newsloom.entities.rules import ROLE_BY_ORGANIZATION, EntityRules

#: Tokens: dotted acronyms (U.N.), words with inner hyphens/apostrophes (Under-Secretary-General,
#: O'Brien; not the possessive 's), a possessive, any other single character.
TOKEN = re.compile(r"(?:[A-Z]\.){2,}|[^\W_]+(?:(?:-|['’](?!s\b))[^\W_]+)*|['’]s\b|\S", re.UNICODE)
#: Punctuation that may sit inside a place or organization name ("châu Á – Thái Bình Dương").
INNER_PUNCT = frozenset({"-", "–", "—", ",", "&", "'", "’"})
#: The longest title or name we try to match, in tokens.
MAX_SPAN_TOKENS = 14
#: A person's name is at most this many words ("Matamela Cyril Ramaphosa", "Nguyễn Thị Minh Khai").
MAX_PERSON_TOKENS = 5
#: Scores: how much each recogniser is trusted (gazetteer and titles are near-certain).
SCORE_GAZETTEER = 0.95
SCORE_TITLED = 0.9
SCORE_FAMILY_NAME = 0.85
SCORE_ORG_SHAPE = 0.75
SCORE_ACRONYM = 0.6
SCORE_CAPITALISED = 0.55
ROMAN_NUMERALS = re.compile(r"^[IVXLC]+$")


@dataclass(frozen=True, slots=True)
class Token:
    text: str
    start: int
    end: int

    @property
    def is_word(self) -> bool:
        return self.text[0].isalnum()

    @property
    def cap(self) -> bool:
        return self.text[0].isupper()

    @property
    def words(self) -> list[str]:
        return _WORD.findall(self.text)


def tokenize(text: str, offset: int = 0) -> list[Token]:
    """Tokens of ``text`` with offsets shifted by ``offset``."""
    return [Token(m.group(), m.start() + offset, m.end() + offset) for m in TOKEN.finditer(text)]


@dataclass(slots=True)
class RawRole:
    role: str
    text: str
    of: str | None = None  # gazetteer id or the organization's text


@dataclass(slots=True)
class RawMention:
    """A mention found in one sentence, before in-article coreference."""

    start: int  # token indexes [start, end)
    end: int
    type: str
    rule: str
    score: float
    kind: str = "name"
    gazetteer_id: str | None = None
    roles: list[RawRole] = field(default_factory=list)
    #: a single capitalised word that is a name only if it matches part of a known person's name
    tentative: bool = False


@dataclass(slots=True)
class Item:
    """A piece of the sentence: a title, a gazetteer name, a capitalised run, or any other token."""

    kind: str  # title | gaz | run | other
    start: int
    end: int
    role: str | None = None
    surface: Surface | None = None


class Recogniser:
    """Finds mentions in sentences of one language."""

    def __init__(
        self,
        rules: EntityRules,
        gazetteer: Gazetteer,
        language: str | None,
        family_names: frozenset[str],
        segmenter: Callable[[str], list[str]] | None = None,
    ) -> None:
        self.rules = rules
        self.gaz = gazetteer
        self.language = language
        self.family_names = family_names
        self.segmenter = segmenter
        self.titles = {
            tuple(w.casefold() for w in _WORD.findall(t)): role for t, role in rules.titles.items()
        }
        self.max_title = max((len(k) for k in self.titles), default=1)
        self.honorifics = {h.casefold().rstrip(".") for h in rules.honorifics}
        self.openers = {w.casefold() for w in rules.sentence_openers}
        self.plural = {w.casefold() for w in rules.plural_markers}
        self.connectors = {w.casefold() for w in rules.connectors}
        self.links = {tuple(w.casefold().split()) for w in rules.title_links}
        self.joiners = {w.casefold() for w in rules.title_joiners}
        self.org_heads = {tuple(_WORD.findall(h.casefold())) for h in rules.org_heads}
        self.org_tails = {t.casefold() for t in rules.org_tails}
        self.non_entity = {tuple(_WORD.findall(w.casefold())) for w in rules.non_entity_words}
        self.credit = {c.casefold().rstrip(":") for c in rules.credit_markers}
        self.place_prefixes = {p.casefold() for p in rules.place_prefixes}
        self._offset = 0

    # -- matching ------------------------------------------------------------------------------
    def _match_title(self, toks: list[Token], i: int) -> tuple[int, str] | None:
        if not toks[i].is_word or not toks[i].cap:
            return None
        words: list[str] = []
        best = None
        for j in range(i, min(len(toks), i + MAX_SPAN_TOKENS)):
            if not toks[j].is_word:
                break
            words.extend(w.casefold() for w in toks[j].words)
            if len(words) > self.max_title:
                break
            role = self.titles.get(tuple(words))
            if role:
                best = (j + 1, role)
        return best

    def _match_gazetteer(self, toks: list[Token], i: int) -> tuple[int, Surface] | None:
        if not toks[i].is_word:
            return None
        words: list[str] = []
        best = None
        for j in range(i, min(len(toks), i + MAX_SPAN_TOKENS)):
            tok = toks[j]
            if not tok.is_word:
                if tok.text in INNER_PUNCT and j > i:
                    continue
                break
            words.extend(tok.words)
            if len(words) > self.gaz.max_words:
                break
            key = tuple(fold(w) for w in words)
            for surface in self.gaz.lookup(key, self.language):
                if self._surface_fits(toks, i, j + 1, words, surface):
                    best = (j + 1, surface)
                    break
        return best

    def _surface_fits(self, toks: list[Token], i: int, j: int, words: list[str], surface: Surface) -> bool:
        """Case and marks agree ("Who" is not WHO; "Hạ" is not "Hà"; "Ha Noi" may be "Hà Nội")."""
        if any(toks[k].text == "," for k in range(i, j)) and "," not in surface.text:
            return False
        if is_acronym(surface.text.replace(".", "")) and not all(w.isupper() for w in words):
            return False
        if len(surface.words) != len(words):
            return True
        for n, (written, known) in enumerate(zip(words, surface.words, strict=True)):
            prefix = n == 0 and written.casefold() in self.place_prefixes  # "châu Phi" for "Châu Phi"
            if known[0].isupper() and not written[0].isupper() and not prefix:
                return False
            if n == 0 and not written[0].isupper() and not prefix:
                return False
            if written.casefold() != known.casefold() and has_diacritics(written):
                return False  # "Ảnh" is not "Anh"; unmarked "Ha Noi" may still be "Hà Nội"
        return True

    # -- items ----------------------------------------------------------------------------------
    def _items(self, toks: list[Token], sentence_text: str) -> list[Item]:
        items: list[Item] = []
        i = 0
        while i < len(toks):
            title = self._match_title(toks, i)
            if title:
                items.append(Item("title", i, title[0], role=title[1]))
                i = title[0]
                continue
            gaz = self._match_gazetteer(toks, i)
            if gaz and not self._gazetteer_rejected(toks, i, gaz[0], gaz[1], items, sentence_text):
                items.append(Item("gaz", i, gaz[0], surface=gaz[1]))
                i = gaz[0]
                continue
            if toks[i].is_word and toks[i].cap and toks[i].text.casefold() not in self.honorifics:
                j = i + 1
                while j < len(toks) and toks[j].is_word and toks[j].cap and j - i < MAX_SPAN_TOKENS:
                    if self._match_title(toks, j) or toks[j].text.casefold() in self.honorifics:
                        break
                    nxt = self._match_gazetteer(toks, j)
                    if nxt and (nxt[0] - j > 1 or len(toks[j].words) > 1 or self._is_org(nxt[1])):
                        break
                    j += 1
                items.append(Item("run", i, j))
                i = j
                continue
            items.append(Item("other", i, i + 1))
            i += 1
        return items

    def _is_org(self, surface: Surface) -> bool:
        entry = self.gaz.entries[surface.entry_id]
        return entry.type == "organization"

    def _gazetteer_rejected(
        self, toks: list[Token], i: int, j: int, surface: Surface, items: list[Item], sentence_text: str
    ) -> bool:
        """A one-word place inside a person's name ("Nguyễn Minh Đức") or another word ("Pháp luật")."""
        if j - i != 1 or len(toks[i].words) != 1 or self._is_org(surface):
            return False
        after_title = bool(items) and items[-1].kind == "title"
        if not after_title:
            prev_cap = (
                i > 0 and toks[i - 1].is_word and toks[i - 1].cap and bool(items) and items[-1].kind == "run"
            )
            next_cap = j < len(toks) and toks[j].is_word and toks[j].cap and not self._match_title(toks, j)
            if next_cap and (self._match_gazetteer(toks, j) or self._names_a_thing(toks[j])):
                next_cap = False  # "Việt Nam Lào", "Hanoi Convention", "Jakarta Police"
            if prev_cap or next_cap:
                return True
        if toks[i].text in self.rules.ambiguous_places:
            if i > 0 and toks[i - 1].text.casefold() in self.honorifics:
                return True
            return not self._standalone_word(toks[i], toks, sentence_text)
        return False

    def _names_a_thing(self, tok: Token) -> bool:
        word = tuple(w.casefold() for w in tok.words)
        return word in self.non_entity or (len(word) == 1 and word[0] in self.org_tails)

    def _standalone_word(self, tok: Token, toks: list[Token], sentence_text: str) -> bool:
        if self.segmenter is None:  # without a segmenter: a following lowercase word may belong to it
            nxt = next((t for t in toks if t.start >= tok.end), None)
            return nxt is None or not (nxt.is_word and not nxt.cap)
        spans = _segment_spans(self.segmenter, sentence_text)
        return (tok.start - self._offset, tok.end - self._offset) in spans

    # -- mentions --------------------------------------------------------------------------------
    def recognise(self, text: str, offset: int = 0) -> tuple[list[Token], list[RawMention]]:
        """Tokens of a sentence and the mentions in it (token indexes)."""
        toks = tokenize(text, offset)
        self._offset = offset
        if not toks:
            return toks, []
        items = self._merge_org_runs(toks, self._items(toks, text))
        mentions: list[RawMention] = []
        by_item: dict[int, RawMention] = {}
        for n in range(len(items)):
            mention = self._item_mention(toks, items, n)
            if mention:
                by_item[n] = mention
                mentions.append(mention)
        self._attach_titles(toks, items, by_item, mentions)
        mentions.sort(key=lambda m: m.start)
        return toks, mentions

    def _merge_org_runs(self, toks: list[Token], items: list[Item]) -> list[Item]:
        """Join runs across connectors into organizations ("Ministry of Foreign Affairs") or
        non-entities ("National Target Programme on Drug Prevention and Control")."""
        merged: list[Item] = []
        n = 0
        while n < len(items):
            item = items[n]
            if item.kind == "run":
                end_n = n
                m = n
                while (
                    m + 2 < len(items)
                    and items[m + 1].kind == "other"
                    and toks[items[m + 1].start].text.casefold() in self.connectors
                    and items[m + 2].kind == "run"
                ):
                    m += 2
                    words = self._run_words(toks, item.start, items[m].end)
                    if self._has_org_shape(words) or self._has_non_entity(words):
                        end_n = m
                if end_n > n:
                    merged.append(Item("run", item.start, items[end_n].end))
                    n = end_n + 1
                    continue
                vi_org = self._vietnamese_org(toks, items, n)
                if vi_org is not None:
                    merged.append(Item("run", item.start, vi_org[0]))
                    n = vi_org[1]
                    continue
            merged.append(item)
            n += 1
        return merged

    def _vietnamese_org(self, toks: list[Token], items: list[Item], n: int) -> tuple[int, int] | None:
        """An organization written with lowercase inside ("Bộ Công an", "Ngân hàng Nhà nước Việt Nam"):
        a head word, then capitalised words each followed by at most one lowercase word."""
        start = items[n].start
        head = next((h for h in self.org_heads if self._words_at(toks, start, len(h)) == h), None)
        if head is None or not self.rules.org_lowercase_inside:
            return None
        k = start + len(head)
        if k >= len(toks) or not (toks[k].is_word and toks[k].cap):
            return None
        last_cap = True
        end = k
        while k < len(toks) and toks[k].is_word:
            if toks[k].cap:
                last_cap = True
            elif last_cap and toks[k].text.casefold() not in self.plural:
                last_cap = False
            else:
                break
            k += 1
            end = k
        if not (toks[end - 1].cap or end - start > len(head) + 1):
            return None
        while end > start and toks[end - 1].text.casefold() in self.connectors:
            end -= 1
        next_item = next((m for m in range(n, len(items)) if items[m].start >= end), len(items))
        if any(items[m].kind == "title" for m in range(n, next_item)):
            return None
        if next_item < len(items) and items[next_item].start < end:
            return None
        return end, next_item

    def _words_at(self, toks: list[Token], i: int, count: int) -> tuple[str, ...]:
        words: list[str] = []
        j = i
        while len(words) < count and j < len(toks) and toks[j].is_word:
            words.extend(w.casefold() for w in toks[j].words)
            j += 1
        return tuple(words[:count]) if len(words) >= count else ()

    def _run_words(self, toks: list[Token], i: int, j: int) -> list[str]:
        return [w.casefold() for t in toks[i:j] if t.is_word for w in t.words]

    def _has_org_shape(self, words: list[str]) -> bool:
        if not words:
            return False
        if words[-1] in self.org_tails:
            return True
        return any(tuple(words[: len(h)]) == h for h in self.org_heads) and len(words) > 1

    def _has_non_entity(self, words: list[str]) -> bool:
        return any(tuple(words[k : k + len(w)]) == w for w in self.non_entity for k in range(len(words)))

    def _item_mention(self, toks: list[Token], items: list[Item], n: int) -> RawMention | None:
        item = items[n]
        if item.kind == "gaz" and item.surface is not None:
            entry = self.gaz.entries[item.surface.entry_id]
            if self._plural_before(toks, item.start):
                return None
            return RawMention(
                item.start, item.end, entry.type, "gazetteer", SCORE_GAZETTEER, gazetteer_id=entry.id
            )
        if item.kind != "run":
            return None
        start, end = item.start, item.end
        words = self._run_words(toks, start, end)
        context = self._left_context(toks, items, n)
        if start == 0 and context is None and toks[0].text.casefold() in self.openers:
            start += 1
            if start >= end:
                return None
            words = self._run_words(toks, start, end)
        if self._has_non_entity(words):
            return None
        if context in ("title", "honorific", "credit"):
            if self._has_org_shape(words):
                return RawMention(start, end, "organization", "org-shape", SCORE_ORG_SHAPE)
            end = min(end, start + MAX_PERSON_TOKENS)
            return RawMention(start, end, "person", context, SCORE_TITLED)
        if self._has_org_shape(words) and end - start > 1:
            return RawMention(start, end, "organization", "org-shape", SCORE_ORG_SHAPE)
        if end - start == 1:
            tok = toks[start]
            if (
                is_acronym(tok.text)
                and tok.text not in self.gaz.not_names
                and not ROMAN_NUMERALS.match(tok.text)
            ):
                return RawMention(start, end, "organization", "acronym", SCORE_ACRONYM)
            if len(tok.words) == 1 and tok.text.isupper():
                return None
            return RawMention(start, end, "person", "name-part", SCORE_CAPITALISED, tentative=True)
        if all(t.text.isupper() for t in toks[start:end] if t.is_word):
            return None  # a shouted headline or a credit line, unless a title or credit marker says so
        if toks[start].text in self.family_names and end - start <= 4:
            return RawMention(start, end, "person", "family-name", SCORE_FAMILY_NAME)
        if end - start <= 4 and not any(w.isdigit() for w in words):
            return RawMention(start, end, "person", "capitalised", SCORE_CAPITALISED)
        return None

    def _plural_before(self, toks: list[Token], i: int) -> bool:
        return i > 0 and toks[i - 1].text.casefold() in self.plural

    def _left_context(self, toks: list[Token], items: list[Item], n: int) -> str | None:
        """What stands right before item ``n``: a title (maybe with its country between), an
        honorific, a credit marker."""
        i = items[n].start
        prev = items[n - 1] if n > 0 else None
        if prev is None:
            return None
        if prev.kind == "title":
            return "title"
        if prev.kind == "gaz" and n > 1 and items[n - 2].kind == "title":
            return "title"  # "Tổng thống Nam Phi Matamela Cyril Ramaphosa"
        if prev.kind == "other":
            word = toks[i - 1].text
            if word.casefold().rstrip(".") in self.honorifics:
                return "honorific"
            if word == "." and i > 1 and toks[i - 2].text.casefold() in self.honorifics:
                return "honorific"  # "Mr. Son", "Dr. Waly"
            if word == ":" and i > 1 and toks[i - 2].text.casefold() in self.credit:
                return "credit"
        if (
            prev.kind == "run"
            and prev.end - prev.start == 1
            and toks[prev.start].text.casefold() in self.honorifics
        ):
            return "honorific"  # "Bà Ghada Waly" at the start of a sentence
        return None

    # -- titles and roles -------------------------------------------------------------------------
    def _attach_titles(
        self, toks: list[Token], items: list[Item], by_item: dict[int, RawMention], mentions: list[RawMention]
    ) -> None:
        n = 0
        while n < len(items):
            if items[n].kind != "title":
                n += 1
                continue
            chain, n_after = self._title_chain(toks, items, n, by_item)
            target = by_item.get(n_after) if n_after < len(items) else None
            if target is not None and target.type == "person":
                _add_roles(target, chain)
                n = n_after + 1
                continue
            owner = self._appositive_owner(toks, items, n, by_item)
            if owner is not None:
                _add_roles(owner, chain)
            elif not self._plural_before(toks, items[n].start) and toks[items[n].start].cap:
                first = items[n]
                mentions.append(
                    RawMention(
                        first.start, first.end, "person", "title", SCORE_TITLED, kind="title", roles=chain[:1]
                    )
                )
            n = max(n_after, n + 1)

    def _title_chain(
        self, toks: list[Token], items: list[Item], n: int, by_item: dict[int, RawMention]
    ) -> tuple[list[RawRole], int]:
        """The titles from item ``n`` on, with the organization each belongs to, and the index of the
        item after the chain ("Tổng Bí thư, Chủ tịch nước Lào | Thongloun Sisoulith")."""
        chain: list[RawRole] = []
        pending: list[RawRole] = []
        left_org = self._org_before(items, n, by_item)
        m = n
        while m < len(items) and items[m].kind == "title":
            title = items[m]
            text = " ".join(t.text for t in toks[title.start : title.end])
            role = RawRole(title.role or "", text, left_org)
            left_org = None
            pending.append(role)
            m += 1
            m, of = self._role_of(toks, items, m, by_item)
            if of is not None:
                for waiting in pending:
                    waiting.of = waiting.of or of
                chain.extend(pending)
                pending = []
            # joiners between titles: "," "kiêm" "and" "/"
            if (
                m + 1 < len(items)
                and items[m].kind == "other"
                and toks[items[m].start].text.casefold() in self.joiners | {"/"}
                and items[m + 1].kind == "title"
            ):
                m += 1
                continue
            break
        chain.extend(pending)
        for role in chain:
            role.role = ROLE_BY_ORGANIZATION.get((role.role, role.of), role.role)
        return chain, m

    def _org_before(self, items: list[Item], n: int, by_item: dict[int, RawMention]) -> str | None:
        """ "UN Secretary-General": an organization or country right before the title."""
        if n > 0 and items[n - 1].kind == "gaz" and (n - 1) in by_item:
            return by_item[n - 1].gazetteer_id
        return None

    def _role_of(
        self, toks: list[Token], items: list[Item], m: int, by_item: dict[int, RawMention]
    ) -> tuple[int, str | None]:
        """An organization or country after a title ("of the United Nations", "LHQ", "Nam Phi"),
        skipping a parenthesised acronym after it."""
        k = m
        for link in sorted(self.links, key=len, reverse=True):
            words = tuple(
                toks[items[k + x].start].text.casefold() for x in range(len(link)) if k + x < len(items)
            )
            if words == link and all(items[k + x].kind == "other" for x in range(len(link))):
                k += len(link)
                break
        if k < len(items) and k in by_item and items[k].kind in ("gaz", "run"):
            target = by_item[k]
            if target.type in ("organization", "place"):
                k += 1
                if (
                    k + 2 < len(items)
                    and toks[items[k].start].text == "("
                    and k + 1 in by_item
                    and toks[items[k + 2].start].text == ")"
                ):
                    k += 3
                of = target.gazetteer_id or " ".join(
                    t.text for t in toks[items[k - 1].start : items[k - 1].end]
                )
                return k, of
        return m, None

    def _appositive_owner(
        self, toks: list[Token], items: list[Item], n: int, by_item: dict[int, RawMention]
    ) -> RawMention | None:
        """ "Ghada Waly, UN Under-Secretary-General ...": the person a title after a comma describes."""
        k = n - 1
        if k >= 0 and items[k].kind == "gaz" and k in by_item:
            k -= 1  # an organization before the title belongs to the title ("UN Secretary-General")
        if k < 0 or toks[items[k].start].text != ",":
            return None
        k -= 1
        # skip back over an earlier appositive: titles, organizations, acronyms in parentheses
        while k >= 0:
            mention = by_item.get(k)
            if mention is not None and mention.type == "person" and mention.kind == "name":
                return mention
            if items[k].kind in ("title", "gaz", "run") or toks[items[k].start].text in {"(", ")", ",", "/"}:
                k -= 1
                continue
            if toks[items[k].start].text.casefold() in self.joiners or (
                items[k].kind == "other" and toks[items[k].start].text.casefold() in self.connectors
            ):
                k -= 1
                continue
            return None
        return None


def _add_roles(mention: RawMention, roles: list[RawRole]) -> None:
    for role in roles:
        if not any(r.role == role.role and r.of == role.of for r in mention.roles):
            mention.roles.append(role)


@lru_cache(maxsize=4096)
def _segment_cached(segmenter: Callable[[str], list[str]], text: str) -> frozenset[tuple[int, int]]:
    spans = set()
    pos = 0
    for word in segmenter(text):
        at = text.find(word, pos)
        if at < 0:
            continue
        spans.add((at, at + len(word)))
        pos = at + len(word)
    return frozenset(spans)


def _segment_spans(segmenter: Callable[[str], list[str]], text: str) -> frozenset[tuple[int, int]]:
    return _segment_cached(segmenter, text)
