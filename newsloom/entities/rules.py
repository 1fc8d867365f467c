"""The shape of a language pack's entity knowledge (``lang/<iso>/entities.py`` exports ``RULES``)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

#: The one role vocabulary every language's titles map to.
ROLES = (
    "head_of_state", "deputy_head_of_state", "head_of_government", "deputy_head_of_government",
    "monarch", "minister", "deputy_minister", "foreign_minister", "legislature_speaker",
    "deputy_legislature_speaker", "legislator", "party_general_secretary", "party_secretary", "party_chair", "politburo_member",
    "secretary_general", "deputy_secretary_general", "un_secretary_general", "un_under_secretary_general",
    "un_deputy_secretary_general", "agency_head", "director", "ambassador", "chair", "deputy_chair",
    "governor", "mayor", "spokesperson", "general", "police_chief", "chief_justice", "chief_executive",
)  # fmt: skip

#: A generic role narrowed by the organization it belongs to (Secretary-General of the UN).
ROLE_BY_ORGANIZATION: dict[tuple[str, str | None], str] = {
    ("secretary_general", "org:un"): "un_secretary_general",
    ("deputy_secretary_general", "org:un"): "un_deputy_secretary_general",
}

#: The kind of body (the gazetteer's ``kind`` of an organization) a holder of a role leads and speaks
#: for in their own state: the National Assembly's chairman speaks for the National Assembly.
BODIES_LED: dict[str, str] = {
    "legislature_speaker": "legislature",
    "deputy_legislature_speaker": "legislature",
    "party_general_secretary": "party",
    "party_chair": "party",
    "police_chief": "police",
}


@dataclass(frozen=True)
class EntityRules:
    """What one language knows about names, titles and roles."""

    #: title as written -> role id; matched case-insensitively, longest first
    titles: dict[str, str] = field(default_factory=dict)
    #: whether the language's shipped learned recogniser proposes the spans (False: the rules alone)
    learned_model: bool = True
    #: the type of a capitalised run nothing types (no title, honorific, gazetteer entry or shape):
    #: "person" where the pack's lexicons make that a fair guess, "name" (untyped) where they do not
    unknown_run_type: str = "person"
    #: words before a person's name that carry no role ("ông", "Mr", "Ibu")
    honorifics: frozenset[str] = frozenset()
    #: "family_first" (Vietnamese: Bùi Thanh Sơn -> family Bùi, called Sơn) or "given_first"
    name_order: str = "given_first"
    #: family names that open a person's name without any title (Vietnamese)
    family_names: frozenset[str] = frozenset()
    #: lowercase words that may sit inside an organization's name ("of", "và", "dan")
    connectors: frozenset[str] = frozenset()
    #: first words of organization names ("Bộ", "Ministry", "Kementerian")
    org_heads: frozenset[str] = frozenset()
    #: last words of organization names ("Office", "Agency", "Commission")
    org_tails: frozenset[str] = frozenset()
    #: lowercase word pairs that continue an organization's name ("quốc gia" in "Cơ quan An ninh quốc gia")
    org_inner_words: frozenset[str] = frozenset()
    #: organization names keep lowercase words inside ("Bộ Công an", "Ngân hàng Nhà nước")
    org_lowercase_inside: bool = False
    #: words that make a capitalised run a document, event or programme, not an entity
    non_entity_words: frozenset[str] = frozenset()
    #: words before a title or name that make it plural or generic ("hai", "các", "two")
    plural_markers: frozenset[str] = frozenset()
    #: lowercase words that may open a place name ("châu" in "châu Phi")
    place_prefixes: frozenset[str] = frozenset()
    #: words after which a name is a photo or text credit ("Ảnh", "Photo", "Foto")
    credit_markers: frozenset[str] = frozenset()
    #: capitalised words that open sentences and are never names ("The", "Theo")
    sentence_openers: frozenset[str] = frozenset()
    #: single words that the gazetteer knows as places but that also open other words, checked with
    #: the word segmenter when available ("Pháp" in "Pháp luật", "Ý" in "Ý kiến")
    ambiguous_places: frozenset[str] = frozenset()
    #: a regular expression (matching a whole word) for verbs that may open a sentence alone, capitalised,
    #: and that the learned model takes for a name (Indonesian "Menjawab", "Dikatakan"); "" for none
    opening_verbs: str = ""
    #: lower-case words of running text that are almost never (part of) a name: the model's one-word name
    #: opening a sentence that is one of them is dropped ("Hadir dalam rombongan ...", "Benih kedelai ...")
    common_words: frozenset[str] = frozenset()
    #: whether a name the rules run on after a title may be the title's body and then its holder, where
    #: the model reads an organization or place inside it ("Ketua DPP PKS | Nasir Djamil"); off unless a
    #: pack turns it on: on for every language it split a gold story (tests/stories/test_gold.py, B-cubed
    #: recall 0.944 < 0.95), on for Indonesian only it does not
    title_bodies: bool = False
    #: words before a name that make it a place ("sân bay", "Bandara", "Pulau")
    place_heads: frozenset[str] = frozenset()
    #: last words that make a capitalised run a place ("Airport", "Island")
    place_tails: frozenset[str] = frozenset()
    #: endings of nationality adjectives that look like names ("African", "Vietnamese")
    demonym_endings: tuple[str, ...] = ()
    #: words joining two titles held by one person ("kiêm", "and", "dan")
    title_joiners: frozenset[str] = frozenset()
    #: words between a title and its organization ("of", "của", "of the")
    title_links: frozenset[str] = frozenset()
    #: titles that take a portfolio after them ("Minister", "Menteri", "Bộ trưởng")
    portfolio_titles: frozenset[str] = frozenset()
    #: portfolios of ministers ("Immigration", "Perhubungan", "Quốc phòng"); joined by title_joiners
    portfolios: frozenset[str] = frozenset()
    #: words between a portfolio title and its portfolio ("for", "of")
    portfolio_links: frozenset[str] = frozenset()
    #: words after a title that still belong to it, with the country they name ("RI" -> Indonesia;
    #: French nationality adjectives, before or after the portfolio: "la ministre sud-africaine des
    #: Relations internationales", "le président laotien")
    title_suffixes: dict[str, str] = field(default_factory=dict)
    #: nationality adjectives written before a title, with the country they name ("French" in "the
    #: French President" -> "place:FR"), as English writes them
    title_prefixes: dict[str, str] = field(default_factory=dict)
    #: titles only one state gives its offices, with that state, for a title written with no country
    #: ("State President" is how English writes Vietnam's "Chủ tịch nước"); a country written with the
    #: title ("the Lao State President", "State President of Laos") comes first
    title_states: dict[str, str] = field(default_factory=dict)
    #: titles also read when written in lower case, as French writes them ("le président laotien"); a
    #: lower-case title without its country makes no mention alone, it only describes a name next to it
    lowercase_titles: frozenset[str] = frozenset()
    #: words after which capitals are a suspect's initials, not names ("berinisial")
    initials_markers: frozenset[str] = frozenset()
    #: organization heads whose official names go on with a province or city ("Công an tỉnh Quảng Trị"),
    #: unlike descriptions of foreign bodies ("cảnh sát tỉnh Bali")
    regional_org_heads: frozenset[str] = frozenset()
    #: lowercase words that end an organization's name written with lowercase inside ("đã", "sẽ")
    org_stop_words: frozenset[str] = frozenset()
    #: what a person does, written before the name and never part of it ("Midfielder", "Pelatih",
    #: "Tiền vệ"): stripped from the edges of a span the learned recogniser proposes
    role_words: frozenset[str] = frozenset()
    #: the fewest capitals of a one-word acronym the learned model may propose alone; shorter ones are
    #: someone's initials ("JT"). Indonesian news writes its institutions in two ("MK", "PD", "KY")
    min_proposed_acronym: int = 3
    #: words that join the last item of a list of names ("dan", "and"): the model's one-word name typed
    #: unlike all the others of a list of four or more takes their type ("Arizona , Wyoming , Colorado dan
    #: Texas"); empty: lists are left as the model reads them
    list_joiners: frozenset[str] = frozenset()
    #: whether the learned model's all-lowercase spans stand ("kediri", "detikcom", as the Indonesian
    #: corpora tag them); False where a lowercase span is a common noun ("cảnh sát", the police)
    lowercase_names: bool = False
    #: whether the learned model's person over one all-capitals word stands against the rules' reading
    #: of it as an organization's acronym: Indonesian news names its leaders by their initials ("SBY",
    #: "JK", as the corpora tag them); False where the model's person there is an organization ("NATO")
    acronym_people: bool = False
    #: titles that head an organization named right after them ("Kepala BKSR", "Ketua KPK"): one
    #: all-capitals word there is the organization's acronym, whatever the learned model reads (the
    #: people named by initials are leaders: "Presiden SBY", "Wapres JK")
    org_head_titles: frozenset[str] = frozenset()
    #: one-word titles that the corpora keep inside a person's name where the learned model reads them
    #: so ("Sultan Hamengkubuwono X"); the rules still read the title alone elsewhere
    name_titles: frozenset[str] = frozenset()


def read_word_list(path: Path) -> frozenset[str]:
    """A pack's word list: one lower-case word a line, ``#`` comments."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip() for line in lines if line.strip() and not line.startswith("#"))
