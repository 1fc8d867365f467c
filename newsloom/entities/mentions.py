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
from newsloom.entities.learned import LearnedRecogniser, Proposal
from newsloom.entities.names import _WORD, fold, has_diacritics, is_acronym
from newsloom.entities.proposals import SCORE_MODEL, coherent_lists, merged_spans
from newsloom.entities.rules import ROLE_BY_ORGANIZATION, EntityRules

#: Tokens: dotted acronyms (U.N.), words with inner hyphens/apostrophes (Under-Secretary-General,
#: O'Brien; not the possessive 's), a possessive, any other single character.
TOKEN = re.compile(r"(?:[A-Z]\.){2,}|[^\W_]+(?:(?:-|['’](?!s\b))[^\W_]+)*|['’]s\b|\S", re.UNICODE)
#: Punctuation that may sit inside a place or organization name ("châu Á – Thái Bình Dương").
INNER_PUNCT = frozenset({"-", "–", "—", ",", "&", "'", "’"})
POSSESSIVE = frozenset({"'s", "’s"})
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
#: One-word places this short may be part of a person's name ("Minh Đức", "Tuấn Anh", "Hà Nga").
SHORT_PLACE_LETTERS = 4
#: How many items back a document's name may still be going on ("Konvensi PBB tentang ...").
DOCUMENT_LOOKBACK = 6
#: Unknown all-caps words shorter than this are initials ("RK"), not organizations.
MIN_ACRONYM_LETTERS = 3
#: A proposal longer than this many tokens is a run-away span, not a name ("Trung tâm đào tạo ... và khẳng
#: định UNODC sẵn sàng phối hợp ..."): the model learned long lowercase organization names from VLSP.
MAX_PROPOSAL_TOKENS = 14
ROMAN_NUMERALS = re.compile(r"^[IVXLC]+$")
#: Rule guesses kept tentative beside the learned model's spans (coreference keeps them only as part of
#: a known name).
TENTATIVE_RULES = frozenset({"capitalised"})


@dataclass(frozen=True, slots=True)
class Token:
    """A token of a sentence; what the matchers ask of it (a word? capitalised? its words) is worked
    out once here, not again at every span that tries it (the rules look at each token many times)."""

    text: str
    start: int
    end: int
    is_word: bool = field(init=False, compare=False, repr=False)
    cap: bool = field(init=False, compare=False, repr=False)
    #: the token's words ("Under-Secretary-General" -> three)
    words: tuple[str, ...] = field(init=False, compare=False, repr=False)
    #: its words casefolded (the title and phrase lexicons' keys) and folded (the gazetteer's keys)
    lowered: tuple[str, ...] = field(init=False, compare=False, repr=False)
    folded: tuple[str, ...] = field(init=False, compare=False, repr=False)

    def __post_init__(self) -> None:
        _fill(self, _shape(self.text))

    def shifted(self, offset: int) -> Token:
        """The token with its offsets moved by ``offset`` (what it is worked out once, kept)."""
        return _token(self.text, self.start + offset, self.end + offset)


_Shape = tuple[bool, bool, tuple[str, ...], tuple[str, ...], tuple[str, ...]]


@lru_cache(maxsize=65536)
def _shape(text: str) -> _Shape:
    """What a token's text alone decides (a news text repeats its words: worked out once each)."""
    words = tuple(_WORD.findall(text))
    first = text[0]
    return (
        first.isalnum(),
        first.isupper(),
        words,
        tuple(w.casefold() for w in words),
        tuple(map(fold, words)),
    )


# the slots' own setters: a frozen dataclass refuses ``setattr``, and ``object.__setattr__`` by name
# costs a lookup per field (tokens are made by the ten thousand)
_SET_TEXT, _SET_START, _SET_END, _SET_WORD, _SET_CAP, _SET_WORDS, _SET_LOWERED, _SET_FOLDED = (
    Token.__dict__[name].__set__
    for name in ("text", "start", "end", "is_word", "cap", "words", "lowered", "folded")
)


def _fill(token: Token, shape: _Shape) -> None:
    _SET_WORD(token, shape[0])
    _SET_CAP(token, shape[1])
    _SET_WORDS(token, shape[2])
    _SET_LOWERED(token, shape[3])
    _SET_FOLDED(token, shape[4])


def _token(text: str, start: int, end: int) -> Token:
    """``Token(text, start, end)`` without the dataclass's checks (the same object)."""
    token: Token = object.__new__(Token)
    _SET_TEXT(token, text)
    _SET_START(token, start)
    _SET_END(token, end)
    shape = _shape(text)
    _SET_WORD(token, shape[0])
    _SET_CAP(token, shape[1])
    _SET_WORDS(token, shape[2])
    _SET_LOWERED(token, shape[3])
    _SET_FOLDED(token, shape[4])
    return token


def token_texts(text: str) -> list[str]:
    """The texts of :func:`tokenize`'s tokens (what the learned model reads)."""
    return TOKEN.findall(text)


def tokenize(text: str, offset: int = 0) -> list[Token]:
    """Tokens of ``text`` with offsets shifted by ``offset``."""
    return [_token(m.group(), m.start() + offset, m.end() + offset) for m in TOKEN.finditer(text)]


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
        learned: LearnedRecogniser | None = None,
    ) -> None:
        self.rules = rules
        self.learned = learned
        self.gaz = gazetteer
        self.language = language
        self.family_names = family_names
        self.segmenter = segmenter
        self.titles = {
            tuple(w.casefold() for w in _WORD.findall(t)): role for t, role in rules.titles.items()
        }
        self.max_title = max((len(k) for k in self.titles), default=1)
        self.honorifics = {h.casefold().rstrip(".") for h in rules.honorifics}
        self.written_honorifics = {h.rstrip(".") for h in rules.honorifics}
        self.opening_verbs = re.compile(rules.opening_verbs) if rules.opening_verbs else None
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
        self.org_inner = {w.casefold() for w in rules.org_inner_words}
        self.place_heads = {tuple(h.casefold().split()) for h in rules.place_heads}
        self.place_tails = {t.casefold() for t in rules.place_tails}
        self.hon_phrases = {
            phrase
            for h in rules.honorifics
            if len(phrase := tuple(t.text.casefold() for t in tokenize(h.rstrip(".")))) > 1
        }
        self.portfolio_titles = {tuple(_WORD.findall(t.casefold())) for t in rules.portfolio_titles}
        self.portfolios = {tuple(_WORD.findall(p.casefold())) for p in rules.portfolios}
        self.max_portfolio = max((len(p) for p in self.portfolios), default=0)
        self.portfolio_links = {tuple(w.casefold().split()) for w in rules.portfolio_links}
        self.suffixes = {w.casefold(): of for w, of in rules.title_suffixes.items()}
        self.prefixes = {tuple(w.casefold().split()): of for w, of in rules.title_prefixes.items()}
        self.title_states = {
            " ".join(t.text.casefold() for t in tokenize(w)): of for w, of in rules.title_states.items()
        }
        self.lowercase_titles = {tuple(_WORD.findall(t.casefold())) for t in rules.lowercase_titles}
        self.initials = {w.casefold() for w in rules.initials_markers}
        self.list_joiners = frozenset(w.casefold() for w in rules.list_joiners)
        self.name_titles = frozenset(w.casefold() for w in rules.name_titles)
        self.org_head_titles = {tuple(_WORD.findall(t.casefold())) for t in rules.org_head_titles}
        self.org_stops = {w.casefold() for w in rules.org_stop_words}
        self.regional_heads = {tuple(_WORD.findall(h.casefold())) for h in rules.regional_org_heads}
        self.role_words = {tuple(_WORD.findall(w.casefold())) for w in rules.role_words}
        self.max_role_words = max((len(w) for w in self.role_words), default=0)
        # phrase lengths, longest first: a phrase at a token is looked up once per length, not per phrase
        self.org_head_sizes = _sizes(self.org_heads)
        self.place_head_sizes = _sizes(self.place_heads)
        self.non_entity_sizes = _sizes(self.non_entity)
        self.hon_phrase_sizes = _sizes(self.hon_phrases)

    # -- matching ------------------------------------------------------------------------------
    def _match_title(self, toks: list[Token], i: int) -> tuple[int, str] | None:
        if not toks[i].is_word or not (toks[i].cap or self.lowercase_titles):
            return None
        words: list[str] = []
        best = None
        best_words: tuple[str, ...] = ()
        for j in range(i, min(len(toks), i + MAX_SPAN_TOKENS)):
            if not toks[j].is_word:
                break
            words.extend(toks[j].lowered)
            if len(words) > self.max_title:
                break
            role = self.titles.get(tuple(words))
            if role:
                best = (j + 1, role)
                best_words = tuple(words)
        if best is None or self._opens_longer_org_head(toks, i, len(best_words)):
            return None  # "Đại sứ quán": the embassy, not the ambassador
        if not toks[i].cap and best_words not in self.lowercase_titles:
            return None
        end = best[0]
        if end < len(toks) and toks[end].text.casefold() in self.suffixes and self.lowercase_titles:
            end += 1  # "la ministre sud-africaine des Relations internationales": the country first
        if best_words[-1:] in self.portfolio_titles or best_words[-2:] in self.portfolio_titles:
            end = self._portfolio_end(toks, end)
        if end < len(toks) and toks[end].text.casefold() in self.suffixes:
            end += 1  # "Menteri Luar Negeri RI": the country's mark belongs to the title
        return end, best[1]

    def _opens_longer_org_head(self, toks: list[Token], i: int, words: int) -> bool:
        head = self._phrase_at(toks, i, self.org_heads, self.org_head_sizes)
        return head is not None and len(head) > words

    def _portfolio_end(self, toks: list[Token], j: int) -> int:
        """The end of a minister's portfolio after the title ("Minister for Immigration and
        Corrections", "Menteri Perhubungan", "Bộ trưởng Quốc phòng"), or ``j`` if none follows."""
        k = j
        for link in sorted(self.portfolio_links, key=len, reverse=True):
            if tuple(t.text.casefold() for t in toks[k : k + len(link)]) == link:
                k += len(link)
                break
        end = j
        # a portfolio opens with a capital, or right after an elided article glued to it ("l'Intérieur")
        while k < len(toks) and toks[k].is_word and (toks[k].cap or toks[k].words[-1][:1].isupper()):
            lead = self._words_from(toks, k, self.max_portfolio)
            size = next(
                (n for n in range(min(self.max_portfolio, len(lead)), 0, -1) if lead[:n] in self.portfolios),
                0,
            )
            if not size:
                break
            k = end = self._token_after_words(toks, k, size)
            joined = k + 1 < len(toks) and toks[k].text.casefold() in self.joiners
            if not joined:
                break
            k += 1
        return end

    def _token_after_words(self, toks: list[Token], i: int, count: int) -> int:
        seen = 0
        while i < len(toks) and seen < count:
            seen += len(toks[i].words)
            i += 1
        return i

    def _match_honorific(self, toks: list[Token], i: int) -> int | None:
        """The end of a honorific of several tokens ("Tan Sri", "Datuk Seri", "Dato'") at ``i``."""
        return next((i + n for n in self.hon_phrase_sizes if _texts_at(toks, i, n) in self.hon_phrases), None)

    def _honorific_at(self, toks: list[Token], i: int) -> bool:
        """Token ``i`` is a honorific of the pack. One the pack writes only in lowercase ("anh", "chị")
        is a name when capitalised inside the sentence ("Nguyễn Anh Tuấn", ", Anh Đức"); opening the
        sentence it stays a honorific ("Anh Tuấn cho biết")."""
        text = toks[i].text
        if text.casefold().rstrip(".") not in self.honorifics:
            return False
        if text.rstrip(".") in self.written_honorifics or not text[:1].isupper() or text.isupper():
            return True
        return not any(t.is_word for t in toks[:i])

    def _match_gazetteer(self, toks: list[Token], i: int) -> tuple[int, Surface] | None:
        if not toks[i].is_word:
            return None
        words: list[str] = []
        folded: list[str] = []
        best = None
        for j in range(i, min(len(toks), i + MAX_SPAN_TOKENS)):
            tok = toks[j]
            if not tok.is_word:
                if tok.text in POSSESSIVE and j > i:
                    words.append("s")  # "Lao People's Revolutionary Party"
                    folded.append("s")
                    continue
                if tok.text in INNER_PUNCT and j > i:
                    continue
                break
            words.extend(tok.words)
            folded.extend(tok.folded)
            if len(words) > self.gaz.max_words:
                break
            key = tuple(folded)
            if key not in self.gaz.prefixes:
                break  # no name goes on from these words
            for surface in self.gaz.lookup(key, self.language):
                if self._surface_fits(toks, i, j + 1, words, surface):
                    best = (j + 1, surface)
                    break
        return best

    def _surface_fits(self, toks: list[Token], i: int, j: int, words: list[str], surface: Surface) -> bool:
        """Case and marks agree ("Who" is not WHO; "Hạ" is not "Hà"; "Ha Noi" may be "Hà Nội")."""
        if any(toks[k].text == "," for k in range(i, j)) and "," not in surface.text:
            return False
        if toks[j - 1].text in POSSESSIVE:
            return False
        if j < len(toks) and toks[j].text == "$":
            return False  # "US$2.4 billion": a currency
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
            hon = self._match_honorific(toks, i) if toks[i].cap else None
            if hon:
                items.append(Item("hon", i, hon))
                i = hon
                continue
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
            if toks[i].is_word and toks[i].cap and not self._honorific_at(toks, i):
                j = i + 1
                while j < len(toks) and toks[j].is_word and toks[j].cap and j - i < MAX_SPAN_TOKENS:
                    if (
                        self._match_title(toks, j)
                        or self._honorific_at(toks, j)
                        or self._match_honorific(toks, j)
                    ):
                        break
                    nxt = self._match_gazetteer(toks, j)
                    if nxt and (nxt[0] - j > 1 or len(toks[j].words) > 1 or self._is_org(nxt[1])):
                        break
                    if nxt and not self._may_be_name_part(toks[j].text):
                        break  # "Under | Indonesia's": a country is not the end of a name
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
        """A one-word place inside a person's name ("Nguyễn Minh Đức") or another word ("Pháp luật");
        a suspect's initials ("berinisial AS (45)"); a word of a marked place name ("Lao Bảo")."""
        if self._initials(toks, i, j):
            return True
        if (
            j - i == 1
            and not self._is_org(surface)
            and not has_diacritics(toks[i].text)
            and j < len(toks)
            and toks[j].is_word
            and toks[j].cap
            and has_diacritics(toks[j].text)
            and self.rules.name_order == "family_first"
            and not self._match_gazetteer(toks, j)
            and not self._match_title(toks, j)
        ):
            return True  # "Lao Bảo": an unmarked country name opening a marked Vietnamese place name
        if j - i != 1 or len(toks[i].words) != 1 or self._is_org(surface):
            return False
        after_title = bool(items) and items[-1].kind == "title"
        short = self._may_be_name_part(toks[i].text)
        if not after_title and short:
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

    def _initials(self, toks: list[Token], i: int, j: int) -> bool:
        """Capitals that are someone's initials: after "berinisial", or before an age "(45)"."""
        if not all(t.text.isupper() for t in toks[i:j] if t.is_word):
            return False
        if i > 0 and toks[i - 1].text.casefold() in self.initials:
            return True
        return (
            j + 2 < len(toks)
            and toks[j].text == "("
            and toks[j + 1].text.isdigit()
            and toks[j + 2].text == ")"
            and len(toks[i].text) <= 3
        )

    def _may_be_name_part(self, word: str) -> bool:
        """A one-word place that is also a given name ("Đức", "Anh", "Nga")."""
        return (
            len(word) <= SHORT_PLACE_LETTERS and has_diacritics(word)
        ) or word in self.rules.ambiguous_places

    def _names_a_thing(self, tok: Token) -> bool:
        word = tok.lowered
        return word in self.non_entity or (len(word) == 1 and word[0] in self.org_tails)

    def _standalone_word(self, tok: Token, toks: list[Token], sentence_text: str) -> bool:
        if self.segmenter is None:  # without a segmenter: a following lowercase word may belong to it
            nxt = next((t for t in toks if t.start >= tok.end), None)
            return nxt is None or not (nxt.is_word and not nxt.cap)
        spans = _segment_spans(self.segmenter, sentence_text)
        return (tok.start, tok.end) in spans  # tokens are sentence-relative inside recognise()

    # -- mentions --------------------------------------------------------------------------------
    def recognise(
        self, text: str, offset: int = 0, proposals: list[Proposal] | None = None
    ) -> tuple[list[Token], list[RawMention]]:
        """Tokens of a sentence (offsets shifted by ``offset``) and the mentions in it (token indexes).
        ``proposals``: the learned model's spans over ``tokenize(text)`` when the caller batched them."""
        toks = tokenize(text)
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
        if self.learned is not None:
            mentions = self._with_proposals(toks, items, mentions, proposals)
            starts = {m.start: m for m in mentions}
            by_item = {n: starts[item.start] for n, item in enumerate(items) if item.start in starts}
        self._attach_titles(toks, items, by_item, mentions)
        mentions.sort(key=lambda m: m.start)
        if offset:
            toks = [t.shifted(offset) for t in toks]
        return toks, mentions

    def _with_proposals(
        self,
        toks: list[Token],
        items: list[Item],
        mentions: list[RawMention],
        proposals: list[Proposal] | None,
    ) -> list[RawMention]:
        """The learned model's spans, corrected and completed by the rules (see ``proposals.py``)."""
        assert self.learned is not None
        if proposals is None:
            texts = [t.text for t in toks]
            proposals = self.learned.propose(texts) if self.reads_proposals(texts) else []
        marks = frozenset(item.end - 1 for item in items if self._suffix_at(toks, item))
        proposals = [p for p in proposals if self._may_be_proposed(toks, p, marks)]
        proposals = coherent_lists(proposals, [t.text for t in toks], self.list_joiners)
        # what may not open a name: titles, honorifics, role words ("Midfielder", "Tiền vệ")
        blocked = {i for item in items if item.kind in ("title", "hon") for i in range(item.start, item.end)}
        blocked |= {i for i, tok in enumerate(toks) if tok.is_word and self._honorific_at(toks, i)}
        blocked |= self._role_word_tokens(toks)
        blocked |= self._nationalities_before_titles(toks, items)
        merged: list[RawMention] = []
        words = [t.text for t in toks]

        def may_stand_alone(mention: RawMention) -> bool:  # "Anh": England, or a given name, or "brother"
            single = mention.end - mention.start == 1
            if single and self._opening_common_word(toks, mention.start, known_names_too=True):
                return False  # '" Antara peristiwa itu ...': "between", not the news agency the model saw none of
            return not (single and words[mention.start] in self.rules.ambiguous_places)

        is_word = [t.is_word for t in toks]
        cuts = frozenset(item.start for item in items if item.kind in ("title", "hon"))
        titles = (
            frozenset(
                i for item in items if item.kind in ("title", "hon") for i in range(item.start, item.end)
            )
            - marks
        )
        for start, end, kind, agreed in merged_spans(
            proposals,
            mentions,
            blocked,
            is_word,
            words,
            may_stand_alone,
            cuts,
            titles,
            frozenset(i for i, word in enumerate(words) if word in self.family_names),
            self.rules.title_bodies,
            self.rules.acronym_people,
            self._headed(toks, items),
        ):
            if agreed is not None and agreed.rule == "title" and words[start] in self.family_names:
                kind = "person"  # "Bộ trưởng Phan Văn Giang": a family name after a title
            if kind == "person" and self._opens_with_name_title(words, proposals, start, end):
                start -= 1  # "Sultan Hamengkubuwono X": the title is part of the name, as the model read it
            if agreed is not None and (agreed.start, agreed.end, agreed.type) == (start, end, kind):
                agreed.tentative = False
                merged.append(agreed)
                continue
            gazetteer_id = agreed.gazetteer_id if agreed is not None and agreed.rule == "gazetteer" else None
            rule = f"model:{self.learned.version}"  # the model's version goes with the mention into the store
            merged.append(RawMention(start, end, kind, rule, SCORE_MODEL, gazetteer_id=gazetteer_id))
        # the rules' capitalised-run guesses the model did not confirm stay tentative: coreference keeps
        # them only as part of a known person's or organization's name ("Human Rights" officials)
        taken = {i for m in merged for i in range(m.start, m.end)}
        for m in mentions:
            if (m.tentative or m.rule in TENTATIVE_RULES) and not taken & set(range(m.start, m.end)):
                m.tentative = True
                merged.append(m)
        return merged

    def _nationalities_before_titles(self, toks: list[Token], items: list[Item]) -> set[int]:
        """A nationality adjective of the pack's ``title_prefixes`` right before a title ("and Danish |
        Defence Minister X"): the title's country, not a name (the model may read it as one)."""
        return {
            items[n - 1].start
            for n, item in enumerate(items)
            if item.kind == "title"
            and n > 0
            and items[n - 1].kind == "run"
            and items[n - 1].end - items[n - 1].start == 1
            and (toks[items[n - 1].start].text.casefold(),) in self.prefixes
        }

    def _headed(self, toks: list[Token], items: list[Item]) -> frozenset[int]:
        """The tokens right after a title that heads an organization ("Kepala | BKSR")."""
        return frozenset(
            item.end
            for item in items
            if item.kind == "title"
            and tuple(t.text.casefold() for t in toks[item.start : item.end]) in self.org_head_titles
        )

    def _opens_with_name_title(
        self, words: list[str], proposals: list[Proposal], start: int, end: int
    ) -> bool:
        """The word before a person is a title the pack keeps inside the name, and the model's person
        span opened with it ("Sultan HB X")."""
        return (
            start > 0
            and words[start - 1].casefold() in self.name_titles
            and any(p.start == start - 1 and p.end >= end and p.type == "person" for p in proposals)
        )

    def reads_proposals(self, words: list[str]) -> bool:
        """Whether a proposal of the learned model over ``words`` could be kept: in a pack without
        lower-case names (:meth:`_may_be_proposed`), not in a sentence without a capital or a digit,
        so the model need not read it ("cảnh sát đã bắt giữ ..." holds no name)."""
        return self.rules.lowercase_names or any(w[:1].isupper() or w[:1].isdigit() for w in words)

    def _suffix_at(self, toks: list[Token], item: Item) -> int:
        """1 when a title ends in a country's mark ("Presiden RI"): the mark is the title's, and still a
        place the model may name, as the corpora tag it; else 0."""
        if item.kind != "title" or item.end - item.start < 2:
            return 0
        return int(toks[item.end - 1].text.casefold() in self.suffixes)

    def _may_be_proposed(
        self, toks: list[Token], proposal: Proposal, marks: frozenset[int] = frozenset()
    ) -> bool:
        """The pack's lexicons veto a proposal: a document, event or programme ("National Target
        Programme"), or initials ("JT": capitals shorter than an acronym)."""
        words = self._run_words(toks, proposal.start, proposal.end)
        if self._has_non_entity(words) and not self._starts_with_head(toks, proposal.start):
            return False
        if proposal.end - proposal.start > MAX_PROPOSAL_TOKENS:
            return False
        if not self.rules.lowercase_names and not any(
            t.text[:1].isupper() or t.text[:1].isdigit() for t in toks[proposal.start : proposal.end]
        ):
            return False  # "cảnh sát" (the police): a name has a capital or a number ("quận 10")
        text = toks[proposal.start].text
        single = proposal.end - proposal.start == 1
        if single and self._opening_verb(toks, proposal.start):
            return False  # "Menjawab pertanyaan wartawan, ...": a verb opening the sentence
        if single and self._opening_common_word(toks, proposal.start):
            return (
                False  # "Hadir dalam rombongan ...": a common word, capitalised because it opens the sentence
            )
        if single and proposal.start in marks:
            return True  # "Presiden RI": the country's mark after a title
        return not (
            single and text.isupper() and len(text) < self.rules.min_proposed_acronym
        )  # "UN": the gazetteer's

    def _opening_verb(self, toks: list[Token], i: int) -> bool:
        """The first word of the sentence is one of the pack's opening verbs and no known name."""
        if self.opening_verbs is None or any(t.is_word for t in toks[:i]):
            return False
        text = toks[i].text
        return bool(self.opening_verbs.fullmatch(text)) and not self.gaz.lookup((fold(text),), self.language)

    def _opening_common_word(self, toks: list[Token], i: int, known_names_too: bool = False) -> bool:
        """The first word of the sentence is one of the pack's common words and no known name (or, with
        ``known_names_too``, also a known one: a gazetteer name the model did not propose there)."""
        if not self.rules.common_words or any(t.is_word for t in toks[:i]):
            return False
        text = toks[i].text
        return text.casefold() in self.rules.common_words and (
            known_names_too or not self.gaz.lookup((fold(text),), self.language)
        )

    def _role_word_tokens(self, toks: list[Token]) -> set[int]:
        """Tokens of role words ("Midfielder", "Tiền vệ") written capitalised, as before a name."""
        found: set[int] = set()
        for i, tok in enumerate(toks):
            if not (tok.is_word and tok.cap):
                continue
            lead = self._words_from(toks, i, self.max_role_words)
            for size in range(1, min(self.max_role_words, len(lead)) + 1):
                if lead[:size] in self.role_words:
                    found.update(range(i, self._token_after_words(toks, i, size)))
        return found

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
                    if self._starts_with_head(toks, items[m + 2].start) and self._has_org_shape(
                        self._run_words(toks, item.start, items[m].end)
                    ):
                        break  # "Dewan Pengawas dan Komisi ...": two organizations
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
                    last = items[vi_org[1] - 1]
                    if last.end > vi_org[0] and toks[vi_org[0]].cap:
                        merged.append(Item("run", vi_org[0], last.end))  # the name after the organization
                    n = vi_org[1]
                    continue
            merged.append(item)
            n += 1
        return self._absorb_suffixes(toks, merged)

    def _starts_with_head(self, toks: list[Token], i: int) -> bool:
        return self._phrase_at(toks, i, self.org_heads, self.org_head_sizes) is not None

    def _absorb_suffixes(self, toks: list[Token], items: list[Item]) -> list[Item]:
        """An organization's name goes on over a country or organization right after it:
        "Kepolisian Federal Australia", "Bộ Ngoại giao Iran", "Dewan Komunitas Politik-Keamanan ASEAN"."""
        out: list[Item] = []
        for item in items:
            prev = out[-1] if out else None
            if (
                item.kind == "gaz"
                and prev is not None
                and prev.kind == "run"
                and prev.end == item.start
                and self._has_org_shape(self._run_words(toks, prev.start, prev.end))
            ):
                out[-1] = Item("run", prev.start, item.end)
                continue
            if item.kind == "gaz" and prev is not None and self._brand_before_country(toks, prev, item):
                # "Vịnh Thái Lan" is a place named after the country; "Grab Indonesia" a company
                brand = None if self._place_head_at(toks, prev.start) else "brand"
                out[-1] = Item("run", prev.start, item.end, role=brand)
                continue
            out.append(item)
        return out

    def _place_head_at(self, toks: list[Token], i: int) -> bool:
        return self._phrase_at(toks, i, self.place_heads, self.place_head_sizes) is not None

    def _brand_before_country(self, toks: list[Token], prev: Item, item: Item) -> bool:
        """A one-word name right before a country is a company's or group's national arm
        ("Grab Indonesia", "Garda Indonesia"), not a person next to a place."""
        if prev.kind != "run" or prev.end != item.start or prev.end - prev.start != 1 or item.surface is None:
            return False
        entry = self.gaz.entries[item.surface.entry_id]
        word = toks[prev.start]
        after = item.end < len(toks) and (
            (toks[item.end].is_word and toks[item.end].cap) or toks[item.end].text in POSSESSIVE
        )  # "Meeting Mozambique's Interior Minister": the country opens a phrase of its own
        return (
            entry.type == "place"
            and entry.id.count(":") == 1  # a country ("place:ID"), not a city
            and len(word.words) == 1
            and not word.text.isupper()
            and word.text.casefold() not in self.openers
            and not self._match_title(toks, prev.start)
            and not (prev.start > 0 and toks[prev.start - 1].text.casefold() in self.honorifics)
            and word.text not in self.family_names
            and not after
        )

    def _vietnamese_org(self, toks: list[Token], items: list[Item], n: int) -> tuple[int, int] | None:
        """An organization written with lowercase inside ("Bộ Công an", "Ngân hàng Nhà nước Việt Nam"):
        a head word, then capitalised words each followed by at most one lowercase word."""
        start = items[n].start
        # the longest head ("Bộ Tư lệnh ..." over "Bộ ..."); any matching head was taken before, in the
        # set's order, which is not fixed from one process to the next
        head = self._phrase_at(toks, start, self.org_heads, self.org_head_sizes)
        if head is None or not self.rules.org_lowercase_inside:
            return None
        k = self._after_head(toks, start + len(head), head)
        if k >= len(toks) or not (toks[k].is_word and toks[k].cap):
            return None
        end = self._org_name_end(toks, k)
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

    def _after_head(self, toks: list[Token], k: int, head: tuple[str, ...]) -> int:
        """Where the name proper starts after the head word: past "tỉnh"/"thành phố" for a regional body."""
        if head not in self.regional_heads:
            return k
        if k < len(toks) and toks[k].text.casefold() in self.place_prefixes:
            return k + 1  # "Công an tỉnh Quảng Trị": a provincial body
        if k + 1 < len(toks) and f"{toks[k].text} {toks[k + 1].text}".casefold() in self.place_prefixes:
            return k + 2  # "Công an thành phố Huế"
        return k

    def _org_name_end(self, toks: list[Token], k: int) -> int:
        """The end of the organization's name from its first capitalised word at ``k``."""
        last_cap = True
        caps = 0
        end = k
        while k < len(toks) and toks[k].is_word:
            inner = self._match_gazetteer(toks, k)
            if inner and self._is_org(inner[1]) and inner[0] - k > 1:  # "Văn phòng Liên hợp quốc về ..."
                k = end = inner[0]
                last_cap = True
                continue
            if inner and not self._is_org(inner[1]):
                return inner[0]  # "Bộ Ngoại giao Iran": the country closes the organization's name
            word = toks[k].text.casefold()
            if word in self.org_stops:
                break  # "Bộ Công an đã ...": a verb's auxiliary ends the name
            if caps and toks[k].text in self.family_names and self._person_run(toks, k):
                break  # "Bộ Công Thương Nguyễn Hồng Diên": a person's full name after the organization
            pair = f"{word} {toks[k + 1].text.casefold()}" if k + 1 < len(toks) else ""
            if pair in self.org_inner:  # "Cơ quan An ninh quốc gia"
                k = end = k + 2
                last_cap = False
                continue
            if toks[k].cap:
                last_cap = True
                caps += 1
            elif last_cap and word not in self.plural:
                last_cap = False
            elif word in self.connectors and self._starts_with_head(toks, k + 1):
                break  # "Bộ Quốc phòng và Bộ Công an": two organizations
            elif not (word in self.connectors and k + 1 < len(toks) and toks[k + 1].cap):
                break  # anything but "Bộ Tư pháp và Phát triển Hiến pháp" ends the name
            k += 1
            end = k
        return end

    def _person_run(self, toks: list[Token], k: int) -> bool:
        """Tokens from ``k`` are 2-4 capitalised syllables, a Vietnamese-style full name."""
        n = k
        while n < len(toks) and toks[n].is_word and toks[n].cap and len(toks[n].words) == 1:
            n += 1
        return 2 <= n - k <= 4

    def _words_from(self, toks: list[Token], i: int, count: int) -> tuple[str, ...]:
        """The casefolded words of the word tokens from ``i`` on, until ``count`` or more words or a
        token that is no word."""
        words: list[str] = []
        j = i
        while len(words) < count and j < len(toks) and toks[j].is_word:
            words.extend(toks[j].lowered)
            j += 1
        return tuple(words)

    def _phrase_at(
        self, toks: list[Token], i: int, phrases: set[tuple[str, ...]], sizes: tuple[int, ...]
    ) -> tuple[str, ...] | None:
        """The longest of ``phrases`` (whose lengths are ``sizes``, longest first) opening at ``i``."""
        if not sizes:
            return None
        words = self._words_from(toks, i, sizes[0])
        return next((words[:n] for n in sizes if len(words) >= n and words[:n] in phrases), None)

    def _run_words(self, toks: list[Token], i: int, j: int) -> list[str]:
        return [w.casefold() for t in toks[i:j] if t.is_word for w in t.words]

    def _has_org_shape(self, words: list[str]) -> bool:
        if len(words) > 1 and words[0] in self.openers:
            words = words[1:]  # "The Commission on Human Rights"
        if not words:
            return False
        if words[-1] in self.org_tails:
            return True
        return len(words) > 1 and any(tuple(words[:n]) in self.org_heads for n in self.org_head_sizes)

    def _has_non_entity(self, words: list[str]) -> bool:
        return any(
            tuple(words[k : k + n]) in self.non_entity
            for k in range(len(words))
            for n in self.non_entity_sizes
        )

    def _item_mention(self, toks: list[Token], items: list[Item], n: int) -> RawMention | None:
        item = items[n]
        if item.kind == "gaz" and item.surface is not None:
            entry = self.gaz.entries[item.surface.entry_id]
            if entry.type == "organization" and self._plural_before(toks, item.start):
                return None
            return RawMention(
                item.start, item.end, entry.type, "gazetteer", SCORE_GAZETTEER, gazetteer_id=entry.id
            )
        if item.kind != "run":
            return None
        return self._run_mention(toks, items, n)

    def _run_mention(self, toks: list[Token], items: list[Item], n: int) -> RawMention | None:
        """A run of capitalised words: typed by what stands before it, its shape and its words."""
        item = items[n]
        start, end = item.start, item.end
        words = self._run_words(toks, start, end)
        context = self._left_context(toks, items, n)
        if start == 0 and context is None and toks[0].text.casefold() in self.openers:
            start += 1
            if start >= end:
                return None
            words = self._run_words(toks, start, end)
        if item.role == "brand":
            return RawMention(start, end, "organization", "brand-country", SCORE_ORG_SHAPE)
        if self._has_non_entity(words) and not (self._starts_with_head(toks, start) and end - start > 1):
            return None
        if self._continues_document(toks, items, n):
            return None  # "Konvensi PBB (tentang) Melawan Kejahatan Siber": the rest of a document's name
        opens_with_head = any(tuple(words[: len(h)]) == h for h in self.place_heads) and len(words) > 1
        closes_place = words[-1] in self.place_tails and not self._has_org_shape(
            words
        )  # not "Kedutaan Besar ... Selatan"
        if self._after_place_head(toks, start) or closes_place or opens_with_head:
            # a place head inside opens the next place: "Desa Wonolelo | Kecamatan Sawangan | Kabupaten ..."
            end = next((i for i in range(start + 2, end) if self._place_head_at(toks, i)), end)
            return RawMention(
                start, end, "place", "place-word", SCORE_ORG_SHAPE
            )  # "sân bay I Gusti Ngurah Rai"
        if context == "title-of":  # "Minister of Public Security"
            if not self._has_org_shape(words) and self._lowercase_title_before(toks, items, n):
                return None  # "le procureur de la République de Marseille": a city, not a body
            return RawMention(start, end, "organization", "title-of", SCORE_ORG_SHAPE)
        if (
            context is None
            and n + 1 < len(items)
            and items[n + 1].kind == "title"
            and not self._has_org_shape(words)
        ):
            return None  # "South African President ...", "Indonesian Foreign Minister ...": a modifier
        if context in ("title", "honorific", "credit"):
            if self._has_org_shape(words) or (
                end - start == 1 and is_acronym(toks[start].text) and context == "title"
            ):
                return RawMention(start, end, "organization", "org-shape", SCORE_ORG_SHAPE)
            end = min(end, start + MAX_PERSON_TOKENS)
            return RawMention(start, end, "person", context, SCORE_TITLED)
        return self._shape_mention(toks, start, end, words)

    def _shape_mention(self, toks: list[Token], start: int, end: int, words: list[str]) -> RawMention | None:
        """A run with nothing before it that says what it is: its shape decides, or nothing does."""
        if self._has_org_shape(words) and end - start > 1:
            return RawMention(start, end, "organization", "org-shape", SCORE_ORG_SHAPE)
        if end - start == 1:
            return self._single_word_mention(toks[start], start)
        if all(t.text.isupper() for t in toks[start:end] if t.is_word):
            return None  # a shouted headline or a credit line, unless a title or credit marker says so
        if toks[start].text in self.family_names and end - start <= 4:
            return RawMention(start, end, "person", "family-name", SCORE_FAMILY_NAME)
        if words[-1].endswith(tuple(self.rules.demonym_endings)):
            return None  # "South African", "Vietnamese": an adjective, not a name
        if end - start <= 4 and not any(w.isdigit() for w in words):
            return RawMention(start, end, "person", "capitalised", SCORE_CAPITALISED)
        return None

    def _single_word_mention(self, tok: Token, start: int) -> RawMention | None:
        """One capitalised word: an acronym is an organization, a shouted word nothing, else a name part."""
        if (
            is_acronym(tok.text)
            and len(tok.text) >= MIN_ACRONYM_LETTERS
            and tok.text not in self.gaz.not_names
            and not ROMAN_NUMERALS.match(tok.text)
        ):
            return RawMention(start, start + 1, "organization", "acronym", SCORE_ACRONYM)
        if len(tok.words) == 1 and tok.text.isupper():
            return None
        return RawMention(start, start + 1, "person", "name-part", SCORE_CAPITALISED, tentative=True)

    def _all_named_things(self, toks: list[Token], items: list[Item], first: int, stop: int) -> bool:
        """Items ``first..stop-1`` are places or organizations (what sits between a title and a name)."""
        for item in items[first:stop]:
            if item.kind == "gaz":
                continue
            if item.kind != "run" or not self._has_org_shape(self._run_words(toks, item.start, item.end)):
                return False
        return True

    def _continues_document(self, toks: list[Token], items: list[Item], n: int) -> bool:
        """Item ``n`` follows a document or event name through organizations, brackets, connectors."""
        back = n - 1
        steps = 0
        while back >= 0 and steps < DOCUMENT_LOOKBACK:
            item = items[back]
            text = toks[item.start].text
            if item.kind == "run":
                return self._has_non_entity(self._run_words(toks, item.start, item.end))
            if item.kind == "gaz" or text in "()" or text.casefold() in self.connectors:
                back -= 1
                steps += 1
                continue
            return False
        return False

    def _after_place_head(self, toks: list[Token], start: int) -> bool:
        return any(
            start >= n and _texts_at(toks, start - n, n) in self.place_heads for n in self.place_head_sizes
        )

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
        if prev.kind == "hon":
            return "honorific"
        if prev.kind in ("gaz", "run"):
            back = n - 1
            while back >= 0 and n - back <= 3 and items[back].kind in ("gaz", "run"):
                back -= 1
            if (
                0 <= back < n - 1
                and items[back].kind == "title"
                and self._all_named_things(toks, items, back + 1, n)
            ):
                return (
                    "title"  # "Tổng thống Nam Phi | Ramaphosa", "Thứ trưởng Bộ Ngoại giao Iran | Vahid ..."
                )
        if prev.kind == "other":
            word = toks[i - 1].text
            if (word.casefold(),) in self.links and n > 1 and items[n - 2].kind == "title":
                return "title-of"
            if self._honorific_at(toks, i - 1):
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
            own = by_item.get(n)
            if own is not None and own.type == "person" and own.end > items[n].end:
                _add_roles(own, chain)  # "Sultan Hamengkubuwono X": a name that opens with its title
                n = max(n_after, n + 1)
                continue
            target = by_item.get(n_after) if n_after < len(items) else None
            if target is None:
                target = self._apposed_name(toks, items, n_after, by_item)
            if target is not None and target.type == "person":
                _add_roles(target, chain)
                n = n_after + 1
                continue
            clause = (
                n_after < len(items) and items[n_after].kind == "other" and toks[items[n_after].start].is_word
            )
            said_of = any(role.of for role in chain)
            # "..., Bộ trưởng đề nghị": a title followed by a verb opens a clause; not an apposition
            owner = None if clause and not said_of else self._appositive_owner(toks, items, n, by_item)
            if owner is not None:
                _add_roles(owner, chain)
            elif not self._plural_before(toks, items[n].start) and (toks[items[n].start].cap or said_of):
                first = items[n]
                mentions.append(
                    RawMention(
                        first.start, first.end, "person", "title", SCORE_TITLED, kind="title", roles=chain[:1]
                    )
                )
            n = max(n_after, n + 1)

    def _lowercase_title_before(self, toks: list[Token], items: list[Item], n: int) -> bool:
        """The title linked to run ``n`` ("title de Run") is one written in lower case."""
        back = n - 2
        while back >= 0 and items[back].kind == "other":
            back -= 1
        return back >= 0 and items[back].kind == "title" and not toks[items[back].start].cap

    def _apposed_name(
        self, toks: list[Token], items: list[Item], k: int, by_item: dict[int, RawMention]
    ) -> RawMention | None:
        """ "La ministre sud-africaine des Relations internationales, Naledi Pandor, a ...": a person's
        name set between commas right after the title is its holder."""
        if k + 1 >= len(items) or toks[items[k].start].text != ",":
            return None
        name = by_item.get(k + 1)
        closed = k + 2 >= len(items) or toks[items[k + 2].start].text in {",", "."}
        return name if name is not None and name.kind == "name" and closed else None

    def _title_chain(
        self, toks: list[Token], items: list[Item], n: int, by_item: dict[int, RawMention]
    ) -> tuple[list[RawRole], int]:
        """The titles from item ``n`` on, with the organization each belongs to, and the index of the
        item after the chain ("Tổng Bí thư, Chủ tịch nước Lào | Thongloun Sisoulith")."""
        chain: list[RawRole] = []
        pending: list[RawRole] = []
        left_org = self._org_before(toks, items, n, by_item)
        m = n
        while m < len(items) and items[m].kind == "title":
            title = items[m]
            text = " ".join(t.text for t in toks[title.start : title.end])
            suffix = self._title_country(toks, title)
            role = RawRole(title.role or "", text, left_org or suffix)
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
            role.of = role.of or self.title_states.get(role.text.casefold())  # "State President" -> VN
            role.role = ROLE_BY_ORGANIZATION.get((role.role, role.of), role.role)
        return chain, m

    def _title_country(self, toks: list[Token], title: Item) -> str | None:
        """The country a title's own words name: its last word ("Presiden RI"), or a nationality
        adjective inside it ("la ministre sud-africaine des Relations internationales")."""
        marks = (self.suffixes.get(t.text.casefold()) for t in reversed(toks[title.start + 1 : title.end]))
        return next((of for of in marks if of is not None), None)

    def _org_before(
        self, toks: list[Token], items: list[Item], n: int, by_item: dict[int, RawMention]
    ) -> str | None:
        """ "UN Secretary-General": an organization or country right before the title."""
        if n > 0 and items[n - 1].kind == "gaz" and (n - 1) in by_item:
            return by_item[n - 1].gazetteer_id
        if n > 0 and items[n - 1].kind == "run" and self.prefixes:  # "The French | President"
            words = tuple(t.text.casefold() for t in toks[items[n - 1].start : items[n - 1].end])
            return self.prefixes.get(words[-2:]) or self.prefixes.get(words[-1:])
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
                of = target.gazetteer_id or " ".join(t.text for t in toks[items[k].start : items[k].end])
                k += 1
                if (
                    k + 2 < len(items)
                    and toks[items[k].start].text == "("
                    and k + 1 in by_item
                    and toks[items[k + 2].start].text == ")"
                ):
                    k += 3
                country = by_item.get(k)
                if target.type == "organization" and country is not None and country.type == "place":
                    k += 1  # "Bộ Ngoại giao Iran": the ministry's country, skipped to reach the name
                return k, of
        return m, None

    def _appositive_owner(
        self, toks: list[Token], items: list[Item], n: int, by_item: dict[int, RawMention]
    ) -> RawMention | None:
        """ "Ghada Waly, UN Under-Secretary-General ...": the person a title after a comma describes."""
        k = n - 1
        if k >= 0 and items[k].kind == "gaz" and k in by_item:
            k -= 1  # an organization before the title belongs to the title ("UN Secretary-General")
        elif (
            self.learned is not None
            and k >= 1
            and items[k].kind == "run"
            and toks[items[k - 1].start].text.casefold() in self.openers
        ):
            k -= 2  # "Thongloun Sisoulith, the Lao Party chief": a determiner and a modifier before the title
        if k < 0 or toks[items[k].start].text != ",":
            return None
        k -= 1
        # skip back over an earlier appositive: titles, organizations, acronyms in parentheses
        while k >= 0:
            mention = by_item.get(k)
            if mention is not None and mention.kind == "name" and mention.type == "person":
                return mention
            if (
                mention is not None
                and mention.kind == "name"
                and _model_guess(mention)
                and mention.end - mention.start > 1
            ):
                mention.type = "person"  # "Thongloun Sisoulith, General Secretary of ...": a person
                return mention
            word = toks[items[k].start].text
            if (
                items[k].kind in ("title", "gaz", "run")
                or word in {"(", ")", ",", "/"}
                or word in self.openers
            ):
                k -= 1
                continue
            if toks[items[k].start].text.casefold() in self.joiners or (
                items[k].kind == "other" and toks[items[k].start].text.casefold() in self.connectors
            ):
                k -= 1
                continue
            return None
        return None


def _model_guess(mention: RawMention) -> bool:
    """An organization the learned model proposed that no lexicon knows: its type may be corrected."""
    return (
        mention.rule.startswith("model:") and mention.type == "organization" and mention.gazetteer_id is None
    )


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


def _sizes(phrases: set[tuple[str, ...]]) -> tuple[int, ...]:
    """The lengths of ``phrases``, longest first."""
    return tuple(sorted({len(p) for p in phrases}, reverse=True))


def _texts_at(toks: list[Token], i: int, count: int) -> tuple[str, ...]:
    """The casefolded texts of ``count`` tokens from ``i`` (fewer at the sentence's end)."""
    return tuple(t.text.casefold() for t in toks[i : i + count])
