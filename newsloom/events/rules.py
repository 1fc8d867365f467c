"""The shape of the event rules a language pack exports as ``RULES`` (``lang/<iso>/events.py``).

A trigger is a regular expression for a predicate ("tiếp", "held talks with", "menandatangani")
with the PLOVER type it signals and how its arguments are found around it. Everything here is
language-neutral; the words live in the packs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property

#: Sentences whose "any trigger here?" answer an :class:`EventRules` keeps (``has_trigger``): more than
#: a batch's sentences of one language are asked in a row, so a step finds the answers the one before
#: it asked of the same article; cleared whole when full.
TRIGGER_MEMO = 4096
#: Where a trigger's target must be.
TARGET_REQUIRED = "required"  # an actor right after the trigger, else no event ("received a letter")
TARGET_OBJECT = "object"  # an actor, or a specific object (initiative, agreement) after it
TARGET_OPTIONAL = "optional"  # anything goes; an actor after the trigger is the target if present

#: The offices of the entity stage's role vocabulary a country's leader holds ("the Lao leader",
#: "vị lãnh đạo Lào", "le dirigeant laotien"): for the packs' ``description_nouns``.
LEADER_ROLES = ("head_of_state", "head_of_government", "party_general_secretary", "monarch")


@dataclass(frozen=True)
class Trigger:
    """One predicate pattern."""

    pattern: str  # regex; group "t" (if present) is the trigger span, else the whole match
    type: str  # PLOVER type
    mode: str | None = None
    target: str = TARGET_OPTIONAL
    #: max characters between the trigger end and a required target actor
    target_gap: int = 40
    voice: str = "active"  # active | passive (source after the agent marker, target before)
    joint: bool = False  # subject and object act together ("held talks with", "hội đàm với")
    host: str | None = None  # "source" when the subject hosts ("A received B"), "target" when visited
    confidence: float = 0.8
    #: an actor in the possessive right after the trigger is the committing party ("pledged X's support")
    possessive_is_source: bool = False
    #: fewer source actors than this and it is no event ("X and Y attended" is a meeting, "X attended" not)
    min_sources: int = 0
    #: whether an auxiliary before it ("was", "were") makes it passive ("were due to meet" is not)
    passive_ok: bool = True
    #: the subject follows the trigger's phrase after a comma ("After meeting X, Y said ...")
    subject_after: bool = False
    #: the pattern holds "the two countries" before the verb ("Quang said the two countries should
    #: step up ..."): the speaker's proposal, towards the country of the other people the sentence
    #: (or the current meeting) names, the speaker's own country being his side
    other_countries: bool = False

    @cached_property
    def regex(self) -> re.Pattern[str]:
        return re.compile(self.pattern, re.IGNORECASE)


@dataclass(frozen=True)
class EventRules:
    """Everything one language knows about event predicates and their arguments."""

    triggers: tuple[Trigger, ...] = ()
    #: text right before a trigger that makes it a noun or a non-event ("buổi tiếp", "the signing of")
    blocked_before: str = r"(?!)"
    #: text right after a trigger that makes it another word ("tiếp tục", "received a call"?)
    blocked_after: str = r"(?!)"
    #: negation between the subject and the trigger ("không", "did not")
    negation: str = r"(?!)"
    #: hypothetical/conditional markers that void the clause ("nếu", "if")
    hypothetical: str = r"(?!)"
    #: clause boundaries inside a sentence: each clause has at most one main predicate
    clause_break: str = r";"
    #: a conjunction that starts a new clause when a reporting verb or trigger follows it
    clause_conjunction: str = r"(?!)"
    #: words that open an embedded complement ("to", "để", "agar"): a conjunction after one joins
    #: two verbs of that complement ("urged X to sign and ratify"), not two clauses
    complement: str = r"(?!)"
    #: a finite verb form no complement can hold ("agreed to promote X and voiced support": "to
    #: voiced" is impossible): after a conjunction it opens a new clause even inside a complement
    finite_verb: str = r"(?!)"
    #: reporting verbs: not events, but they start a new clause after a conjunction
    reporting: str = r"(?!)"
    #: verbs of opinion ("cho rằng", "believes"): a trigger in their complement is not an event
    opinion: str = r"(?!)"
    #: cues that a clause is not asserted as fact: hedges and possibility ("could", "có thể"), plans
    #: ("plans to", "dự kiến"), fears and warnings of a possibility, denials ("denied that"),
    #: generic statements ("often", "thường"). A trigger after one in its clause is no event; a
    #: sentence holding one gets no event from the classifier alone (see events/learned.py)
    nonfactual: str = r"(?!)"
    #: possibility modals after a warning ("warned that X could ..."): a warning of a possibility,
    #: not a threat; THREATEN is dropped when one follows its trigger in the clause
    possibility: str = r"(?!)"
    #: phrases of a sentence that reports no event between its actors (a condolence visit to "the
    #: family of the late X", laying a wreath): the classifier alone adds no event there
    non_event: str = r"(?!)"
    #: passive marker between the target (before) and the agent (before the trigger): vi "được"
    passive_agent_before: str = r"(?!)"
    #: passive auxiliary right before the trigger: en "was|were"; the agent follows the agent marker
    passive_aux: str = r"(?!)"
    agent_marker: str = r"(?!)"
    #: "the two sides", "hai bên", "kedua pihak": the participants of the current meeting
    joint_subject: str = r"(?!)"
    #: person pronouns and bare honorifics standing for the last person spoken of
    person_pronoun: str = r"(?!)"
    #: opening words of an adverbial or participial phrase before the subject ("Theo", "Highlighting")
    adverbial_opener: str = r"(?!)"
    #: a specific object that makes a target-less support/agreement an event (initiative, agreement)
    specific_object: str = r"(?!)"
    #: locative prepositions before a place ("tại", "in", "di")
    locative: str = r"(?!)"
    #: the locatives that, inside an object, only say where the object is (empty: ``locative``); French
    #: leaves out "à/au/aux", which also mark whom the act is for ("souhaité plein succès à l'Afrique du Sud")
    object_locative: str = ""
    #: "on behalf of" before an actor: the side the source acts for, never its target
    on_behalf: str = r"(?!)"
    #: "between X and Y" around two actors: the one on the source's side is not a target
    between: str = r"(?!)"
    #: CONSULT mode cues anywhere in the sentence, checked in order
    consult_modes: tuple[tuple[str, str], ...] = ()
    #: "bilateral talks": a two-party meeting is never multilateral, even on a summit's sidelines
    bilateral: str = r"(?!)"
    #: a host's meeting with several counterparts held together ("a trilateral meeting", "cùng lúc"):
    #: one event; without it, a listed counterpart is a meeting of its own (``events/counterparts.py``)
    met_together: str = r"(?!)"
    #: a statement's trigger that plans a meeting ("were due to meet", "dự kiến gặp nhau"): the
    #: meeting is still to come, so the statement implies no meeting held (``events/implicit.py``)
    planned_meeting: str = r"(?!)"
    #: a phrase pointing back to a meeting already told ("Dalam pertemuan itu", "Tại cuộc hội đàm
    #: này", "lors de cette rencontre"): the statements of its sentence were made at that meeting
    #: (``events/implicit.py``)
    meeting_reference: str = r"(?!)"
    #: a sentence-initial phrase naming the year before ("Last year", "Năm ngoái"): the event is
    #: dated to that year (year precision), never to the publication day
    past_year_opener: str = r"(?!)"
    #: opens a relative clause ("which", "yang"): a date inside one is about something else
    relative_clause: str = r"(?!)"
    #: "N days after" before a clause ("The talks came a day after police arrested ..."): what that
    #: clause tells happened N days before the day the sentence is about; the named group ``d1``,
    #: ``d2`` or ``d3`` that matched gives N (``events/dates.py``)
    days_after: str = r"(?!)"
    #: other look-backs before a clause that tell its act in passing, as the time of the news the
    #: sentence is about ("hours after", "days after", "following last week's"): with ``days_after``,
    #: a source row of such an act is a mention, not a report of it (``events/passing.py``)
    in_passing: str = r"(?!)"
    #: the words before a trigger that tell its act as earlier than the day the report is about (en
    #: past perfect "had passed", "had been tracking X and passed"; vi "trước đó đã", "đã từng"; id
    #: "sebelumnya telah", "sudah lebih dulu"; fr plus-que-parfait "avait transmis"): the text before
    #: the trigger ends with it, and the act is dated "before" that day (``events/dates.py``)
    earlier_act: str = r"(?!)"
    #: a relative clause with no comma, between a trigger and an actor after it ("konvensi yang
    #: diadopsi Majelis Umum PBB", the convention adopted by the General Assembly): the actor is the
    #: relative clause's, no target of the trigger
    object_relative: str = r"(?!)"
    #: a verbal concession done (an apology, an admission, a pardon, a dropped lawsuit or plan): a
    #: CONCEDE cue for the classifier's reading (``events/concessions.py``)
    admission: str = r"(?!)"
    #: a promise or announcement governing a retreat verb ("pledged to withdraw", "said it would
    #: release"): a promised retreat, CONCEDE
    promised_retreat: str = r"(?!)"
    #: a retreat verb carried out ("released the hostages", "withdrew its troops"): RETREAT
    retreat_done: str = r"(?!)"
    #: right before one of the three, words that make it unasserted (to, a modal, a negation, a
    #: relative pronoun), matched up to it
    concession_blocked_before: str = r"(?!)"
    #: mode cues for other types: (type, regex, mode), checked in order
    mode_cues: tuple[tuple[str, str, str], ...] = ()
    #: PLOVER context cues: (regex, context)
    contexts: tuple[tuple[str, str], ...] = ()
    #: ISO alpha-3 of the country an unqualified national title refers to in this language's press
    #: (Vietnamese "Thủ tướng" alone is Vietnam's prime minister); None when it cannot be assumed
    home_country: str | None = None
    #: role ids (from the entity stage) that are national offices, for ``home_country``
    national_roles: tuple[str, ...] = ()
    #: the CLDR locale (babel) whose names name a country the stage makes an actor of (a description
    #: that fits no one, "the two countries"): "vi" writes France "Pháp", "id" "Prancis"; empty keeps
    #: the ISO 3166 English name. The country's key stays its code ("place:fr") in every language
    country_locale: str = ""
    #: ISO alpha-3 -> the name this language's press writes where CLDR's differs (vi "Anh", not
    #: "Vương quốc Anh")
    country_names: dict[str, str] = field(default_factory=dict)
    #: unnamed collective actors ("Indonesian police", "cảnh sát", "petugas"): (regex, PLOVER sector,
    #: label); the regex may capture a nationality adjective as group "nat"
    group_actors: tuple[tuple[str, str, str], ...] = ()
    #: right after an organization's name, a plural noun that makes the name a modifier of unnamed
    #: members ("Southeast Asian governments", "ASEAN countries"): the members act, not the name
    members_after: str = r"(?!)"
    #: the same for languages that put the noun first: right before an organization's name, a
    #: plural of its members ("các nước ASEAN", "negara-negara ASEAN"); matched up to the name
    members_before: str = r"(?!)"
    #: right after an organization's name, the noun of a document it gives its name to ("the UN
    #: Convention against Cybercrime", "the ASEAN Charter"): the name is part of a title, no party
    document_after: str = r"(?!)"
    #: the same for languages that put the noun first: right before the name ("Công ước Liên hợp
    #: quốc", "Konvensi PBB", "la Convention des Nations unies"); matched up to the name
    document_before: str = r"(?!)"
    #: right after a country's or organization's name, the rest of the name of a gathering it is
    #: part of ("the Việt Nam–South Africa Business Forum", "the ASEAN–UN Dialogue"): no party
    gathering_after: str = r"(?!)"
    #: the same for languages that put the noun first, matched up to the name ("Diễn đàn Doanh
    #: nghiệp Việt Nam - Nam Phi", "Forum Bisnis Vietnam-Afrika Selatan", "le Forum d'affaires
    #: Vietnam-Afrique du Sud")
    gathering_before: str = r"(?!)"
    #: right after an actor, a modal of obligation ("should", "must", "cần", "harus"): the actor is
    #: asked to act by someone else, so in a classifier's reading it is the target, not the source
    obligation_after: str = r"(?!)"
    #: a gathering told by its name alone, as the subject of its opening or holding ("Lễ mở ký Công
    #: ước khai mạc tại ...", "the Forum opened at ...", "Upacara ... dibuka di ..."); group "t" is
    #: the verb. With a venue the sentence names it is a multilateral meeting with no participant
    #: named, joined to its gathering's stored meeting by venue and day (``events/gatherings.py``)
    gathering_held: str = r"(?!)"
    #: right before a country's name, a word that makes it a person's nationality ("một người
    #: Indonesia 34 tuổi", "warga negara Australia"): the country is no actor there
    nationality_before: str = r"(?!)"
    #: who organised a gathering ("co-organised by VCCI and the South African Embassy", "do VCCI
    #: phối hợp với ... tổ chức", "yang diselenggarakan oleh"): the whole phrase; the countries and
    #: bodies inside it are no party to what those attending do
    organizer_phrase: str = r"(?!)"
    #: a counted or unnamed plural subject right before a trigger ("65 states had signed", "đã có 65
    #: quốc gia ký", "chứng kiến đại diện các quốc gia ký", "sebanyak 65 negara telah menandatangani"):
    #: who acted is not named, no event
    counted_subject: str = r"(?!)"
    #: before a sentence's first actor, a "with" that makes everyone it names a counterpart of the
    #: current meeting's host ("In talks with Mr X and Ms Y, the sides agreed", "Trong các cuộc gặp
    #: với ông X ..., các bên nhất trí"); matched up to the first actor (an honorific may follow it)
    counterparts_before: str = r"(?!)"
    #: after a guest's appositive, the last guest's title written in lower case (fr "..., et le
    #: vice-ministre iranien ..." Y): the list closes with that guest (``arguments.chain_forward``)
    closing_title: str = r"(?!)"
    #: a participle opening the words after a person's comma ("Sugiono, speaking at the meeting of
    #: X, said"): a clause of the person's, not a title, so X is no body the person speaks for
    clause_appositive: str = r"(?!)"
    #: words that list two actors ("và", "and", "dan", "et"): literal words or phrases, a space is
    #: any whitespace (``events/conjunctions.py`` builds the patterns of the stage's languages)
    conjunctions: tuple[str, ...] = ()
    #: "with" words that join a partner to an actor ("with", "với", "bersama dengan", "avec"): two
    #: actors of a list, and the co-actor of a trigger done by two ("co-chaired with X")
    comitatives: tuple[str, ...] = ()
    #: a determiner that may follow a list word before the next actor ("and the", "with the")
    list_determiners: tuple[str, ...] = ()
    #: words between a reporting verb and the subject it reports, not counted as words of another
    #: subject ("said that X ...", "khẳng định rằng", "bahwa", "also", "will")
    complementizers: tuple[str, ...] = ()
    #: words that end the appositive after a person's name (a relative clause, a purpose, a word of
    #: tense: "who", "để", "yang"): what follows is no title the person holds
    appositive_stops: tuple[str, ...] = ()
    #: an adverb after a clause conjunction that opens the same subject's next predicate ("and also",
    #: "và cũng"): the sentence splits there into clauses
    additive_adverbs: tuple[str, ...] = ()
    #: a visit phrase that ends right before the host ("is on an official visit to", "thăm chính
    #: thức", "kunjungan ... ke"): in a classifier's reading the actor before it is the visitor
    visit_to: str = r"(?!)"
    #: after the host, what introduces the visitor when none comes before ("by", "của", "oleh")
    visit_by: str = r"(?!)"
    #: what may stand between a collective noun and a country after it that is its nationality
    #: ("cảnh sát tỉnh Bali (Indonesia)"; en only "officials from Vietnam", never "officials praised
    #: Vietnam"), matched on the whole gap
    group_country_gap: str = r"(?s).*"
    #: "the two countries" in or right after a collective noun ("đại diện hai nước", "pejabat kedua
    #: negara"): the group is the authorities of both countries the article is mainly about
    two_countries: str = r"(?!)"
    #: nationality adjectives -> ISO alpha-3 ("Indonesian" -> IDN), for group actors
    demonyms: dict[str, str] = field(default_factory=dict)
    #: a person named by country and office instead of by name ("the Lao leader", "Indonesia's
    #: foreign minister", "vị lãnh đạo Lào", "le dirigeant laotien"): patterns holding {noun} (one of
    #: ``description_nouns``) and {nat} (one of ``demonyms``) or {country} (a country's name where the
    #: entity stage found one); ``events/descriptions.py`` reads them. Empty: no description is read
    descriptions: tuple[str, ...] = ()
    #: office and leader nouns of descriptions (matched in any case) -> the role ids of the entity
    #: stage they fit ("leader" fits a head of state or government or a party chief); () fits anyone
    description_nouns: dict[str, tuple[str, ...]] = field(default_factory=dict)
    #: right before a description, words that make it plural or another person ("các", "para"),
    #: matched up to the description
    description_blocked_before: str = r"(?!)"
    #: example sentences are English; the embedding classifier runs on every language without triggers
    use_embeddings: bool = False
    extra: dict[str, str] = field(default_factory=dict)

    @cached_property
    def any_trigger(self) -> re.Pattern[str]:
        """One pattern matching where any trigger matches: sentences without one are skipped fast."""
        parts = [re.sub(r"\(\?P<\w+>", "(?:", t.pattern) for t in self.triggers]
        return re.compile("|".join(f"(?:{p})" for p in parts) or r"(?!)", re.IGNORECASE)

    def has_trigger(self, text: str, start: int, end: int) -> bool:
        """Whether :attr:`any_trigger` matches in ``text`` between ``start`` and ``end``. Three steps
        of the events stage ask it of the same sentence (the trigger finder, the classifier's
        candidates, the gate's signals) and this one large pattern is most of the rule stages' regex
        CPU (kept: 0.75 -> 0.43 s of ``re.Pattern.search`` on 141 articles, events stage 0.73x; session
        18): the answer is kept for up to ``TRIGGER_MEMO`` sentences."""
        memo: dict[tuple[str, int, int], bool] = self.__dict__.setdefault("_has_trigger", {})
        key = (text, start, end)
        found = memo.get(key)
        if found is None:
            if len(memo) >= TRIGGER_MEMO:
                memo.clear()
            found = memo[key] = self.any_trigger.search(text, start, end) is not None
        return found

    def country_name(self, code: str) -> str | None:
        """The name of the country ``code`` (ISO alpha-3) in this language: the pack's, else CLDR's
        (``country_locale``), else ISO 3166's English one; None for no country."""
        from newsloom.events.actors import country_name

        return self.country_names.get(code) or country_name(code, self.country_locale)

    def compiled(self, name: str) -> re.Pattern[str]:
        """The compiled regex of one pattern field (cached per instance)."""
        cache = self.__dict__.setdefault("_compiled", {})
        if name not in cache:
            cache[name] = re.compile(getattr(self, name), re.IGNORECASE)
        return cache[name]
