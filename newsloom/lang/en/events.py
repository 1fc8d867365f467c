"""English event predicates and argument patterns.

Subject-verb-object order; the passive ("Waly was received by Sơn") puts the agent after "by".
Reporting verbs alone ("said", "noted", "affirmed") are not events.
"""

from newsloom.events.actors import country_code
from newsloom.events.rules import LEADER_ROLES, TARGET_OBJECT, TARGET_REQUIRED, EventRules, Trigger
from newsloom.lang.en.entities import NATIONALITIES
from newsloom.lang.en.entities import RULES as ENTITY_RULES

# Verbs that, in the future tense or after a promise, make a statement an offer to cooperate (AGREE).
_COOP = (
    r"(?:continu\w*|cooperat\w*|collaborat\w*|support\w*|assist\w*|help\w*|work(?:ing)?\s+(?:closely\s+)?with|"
    r"deepen\w*|strengthen\w*|enhanc\w*|expand\w*|promot\w*|boost\w*|step\w* up|consider\w*\s+\w+ing|"
    r"participat\w*|join\w*|contribut\w*|provid\w*|facilitat\w*)"
)

# "plans to": a plan, unless it is the object of a verb that undid it ("dropped its plan to ...",
# "plans to ... were scrapped"): a dropped plan is asserted (codebook: CONCEDE). Python's lookbehind is
# fixed-width, so one per verb and determiner.
# fmt: off
_UNDOING = ("dropped", "abandoned", "scrapped", "shelved", "withdrew", "withdrawn", "ditched", "cancelled",
            "canceled", "gave up", "given up", "called off")
# fmt: on
_PLAN_DETERMINERS = ("", "its ", "their ", "his ", "her ", "the ", "a ", "all ", "any ", "earlier ")
_PLAN_TO = (
    r"(?=plans?\s)"
    + "".join(
        "(?<!\\b" + (verb + " " + det).replace(" ", r"\s") + ")"
        for verb in _UNDOING
        for det in _PLAN_DETERMINERS
    )
    + r"plans?\s+to\b(?![^.;]{0,80}?\b(?:was|were|has\s+been|have\s+been|had\s+been)\s+(?:"
    + "|".join(verb.replace(" ", r"\s+") for verb in _UNDOING)
    + r")\b)"
)

#: what is met or visited: a meeting or visit called off did not take place (``non_event``)
_MEETING_NOUNS = (
    r"(?:visits?|trips?|talks|meetings?|summits?|tour|ceremony|signing|conference|negotiations)\b"
)

#: a meeting put off or called off that the sentence says took place after all ("Twice postponed, the talks were
#: finally held", "the summit went ahead"): a meeting held, so the called-off cue of ``non_event`` is void there
_HELD_AFTER_ALL = (
    r"\b(?:finally|eventually|ultimately|at\s+last|in\s+the\s+end|after\s+all|nonetheless|nevertheless|still)\s+"
    r"(?:(?:been|be|was|were|has|have|had)\s+)?(?:took\s+place|(?:was|were|been|be)\s+held|held|went\s+ahead|"
    r"(?:was|were)\s+convened|happened|opened|began|met|arrived)\b|"
    r"\b(?:took\s+place|(?:was|were)\s+held|went\s+ahead)\b[^.;]{0,40}?\b(?:after\s+all|in\s+the\s+end|at\s+last)\b|"
    r"\bwent\s+ahead\b"
)
#: the called-off cue, void when ``_HELD_AFTER_ALL`` follows it in the sentence
_NOT_HELD = r"(?![^.;]*?(?:" + _HELD_AFTER_ALL + r"))"

T = Trigger


def _alpha3(word: str, alpha2: str) -> str:
    code = country_code(f"place:{alpha2}")
    if code is None:
        raise ValueError(
            f"newsloom/lang/en/entities.py NATIONALITIES: {word!r} -> {alpha2!r} is no ISO alpha-2 code; "
            "write the country's two-letter code"
        )
    return code


#: nationality adjectives -> ISO alpha-3 (groups, descriptions, a title's country): the entity pack's
#: table, the one list of English nationalities (its gazetteer keys hold alpha-2 codes)
DEMONYMS = {word: _alpha3(word, alpha2) for word, alpha2 in NATIONALITIES.items()}

#: the office and leader nouns of a description ("the Lao leader", "the Vietnamese president"): the
#: entity pack's titles, and the words that name no title of their own
DESCRIPTION_NOUNS: dict[str, tuple[str, ...]] = {
    **{title.lower(): (role,) for title, role in ENTITY_RULES.titles.items()},
    "leader": LEADER_ROLES, "head of state": ("head_of_state", "monarch"),
    "head of government": ("head_of_government",), "envoy": ("ambassador",),
    "top diplomat": ("foreign_minister",), "counterpart": (),
}  # fmt: skip

RULES = EventRules(
    triggers=(
        # -- CONSULT --------------------------------------------------------------------------
        T(r"\b(?:received|receives|receiving|hosted|hosts|hosting)\b(?!\s+(?:a|an|\d[\d,.]*|support|assistance|aid|funding|reports?|letters?|complaints?|news|praise|approval|training|votes?|money|donations?)\b)", "CONSULT", mode="visit", host="source",
          target=TARGET_REQUIRED, target_gap=30, confidence=0.85),
        T(r"\b(?:was|were|is|are|been|being)\s+(?:\w+ly\s+)?(?P<t>received|hosted|welcomed)\s+by\b", "CONSULT",
          mode="visit", host="source", voice="passive", confidence=0.85),
        T(r"\bhosted\s+(?:an?\s+)?(?:\w+\s+)?(?:welcome|welcoming\s+ceremony|banquet|reception|dinner|luncheon|lunch)\s+for\b",
          "CONSULT", mode="visit", host="source", target=TARGET_REQUIRED, confidence=0.8),
        T(r"\b(?:attended|attend|co-chaired|co-chair)\b", "CONSULT", joint=True, min_sources=2, confidence=0.65),
        T(r"\bheld\s+(?:a\s+|an\s+)?(?:(?:string|series|round|number)\s+of\s+)?(?:\w+\s+){0,2}?(?:talks|meetings?|discussions|consultations|(?:phone|telephone)\s+(?:call|conversation|talks)|call|summit)\b",
          "CONSULT", joint=True, confidence=0.9),
        # "Quang discussed border security with X", "discussed with X ways to ...": a meeting with X (the
        # words before "with" are the topic, never the target)
        T(r"\b(?P<t>discussed|discusses)\b[^.;,]{0,60}?\bwith\s", "CONSULT", joint=True, target=TARGET_REQUIRED,
          target_gap=80, confidence=0.75),
        T(r"\b(?:met|meets)(?:\s+with)?\b", "CONSULT", joint=True, target=TARGET_REQUIRED, target_gap=30,
          confidence=0.85),
        T(r"\b(?:paid|pays|paying)\s+(?:a\s+)?(?:\w+\s+)?(?:call|visit)\s+(?:on|to)\b", "CONSULT", mode="visit",
          host="target", target=TARGET_REQUIRED, confidence=0.85),
        T(r"\b(?:visited|visits|toured)\b", "CONSULT", mode="visit", host="target", target=TARGET_REQUIRED,
          target_gap=30, confidence=0.8),
        T(r"\b(?:talked|spoke|phoned|telephoned)\s+(?:by phone\s+|over the phone\s+|on the phone\s+)?(?:with|to)\b",
          "CONSULT", mode="phone", joint=True, target=TARGET_REQUIRED, target_gap=20, confidence=0.75),
        T(r"\b(?:together|along)\s+with(?=\s[^,;.]{2,50}?\s(?:attended|co-chaired|chaired|witnessed)\b)",
          "CONSULT", joint=True, target=TARGET_REQUIRED, target_gap=20, confidence=0.7),
        # "After meeting X, Y told reporters ...": the subject comes after the comma
        T(r"\b(?:After|Following|Upon)\s+(?P<t>meeting|talks\s+with|holding\s+talks\s+with)(?:\s+with)?\b", "CONSULT",
          joint=True, target=TARGET_REQUIRED, target_gap=30, subject_after=True, confidence=0.7),
        # "Speaking at the 30th meeting of the X Council, ..., Y said": speaking at a body's meeting is
        # attending it (a multilateral CONSULT with the body, as id "berbicara dalam Pertemuan X");
        # the participle opens the sentence or follows its opening phrase, and its subject follows a comma
        T(r"(?<![\w;:]\s)(?<![\w;:])(?-i:(?P<t>Speaking|speaking))\s+(?:at|to|during|before)\s+(?:the|a)\s+(?:[\w-]+\s+){0,2}?(?:meeting|session|plenary(?:\s+session)?)\s+of\b",
          "CONSULT", mode="multilateral", target=TARGET_REQUIRED, target_gap=30, subject_after=True, passive_ok=False,
          confidence=0.7),
        # "Meeting X, Quang said ...": a sentence opening with the meeting (a participle); its
        # subject follows the comma
        T(r"(?<![^\s])(?<![\w,;:]\s)(?-i:Meeting)(?:\s+with)?\b(?=[^,;.]{3,80},)", "CONSULT", joint=True,
          target=TARGET_REQUIRED, target_gap=30, subject_after=True, confidence=0.7),
        # -- SUPPORT ----------------------------------------------------------------------------
        T(r"\b(?:commended|commends|commending|praised|praises|praising|lauded|hailed|applauded)\b", "SUPPORT",
          target=TARGET_OBJECT, confidence=0.85),
        T(r"\b(?:welcomed|welcomes|welcoming)\b", "SUPPORT", target=TARGET_OBJECT, confidence=0.8),
        T(r"\b(?:appreciated|appreciates|valued)\b", "SUPPORT", target=TARGET_OBJECT, confidence=0.8),
        T(r"\b(?:thanked|congratulated|congratulates)\b", "SUPPORT", confidence=0.8),
        # "wished South Africa success as G20 host": good wishes, as vi "chúc ... thành công"
        T(r"\bwish(?:ed|es)\b(?=[^.;]{0,60}?\b(?:success|well)\b)", "SUPPORT", target=TARGET_REQUIRED,
          confidence=0.75),
        T(r"\b(?:expressed|voiced)\s+(?:\w+\s+){0,2}?(?:support|appreciation|gratitude|thanks)\b", "SUPPORT",
          target=TARGET_OBJECT, confidence=0.8),
        T(r"\b(?:supported|supports|supporting|endorsed|endorses|backed)\b", "SUPPORT", target=TARGET_OBJECT,
          confidence=0.75),
        T(r"\b(?:signed|signs|ratified|ratifies|inked)\b", "SUPPORT", target=TARGET_OBJECT, confidence=0.8),
        T(r"\b(?:recogni[sz]ed|upgraded\s+(?:\w+\s+)?(?:ties|relations))\b", "SUPPORT", target=TARGET_OBJECT,
          confidence=0.7),
        # -- AGREE ------------------------------------------------------------------------------
        T(r"\b(?:agreed|agree|agrees)\b", "AGREE", confidence=0.85),
        T(r"\b(?:pledged|pledges|pledging|promised|promises|vowed|vows)\b", "AGREE", confidence=0.85,
          possessive_is_source=True),
        T(r"\b(?:committed|commitment)\s+to\b", "AGREE", confidence=0.75),
        T(r"\b(?:offered|offers)\s+to\b", "AGREE", confidence=0.8),
        T(r"\b(?:stands|stood|is|was|are|were)\s+ready\s+to\b", "AGREE", confidence=0.75, passive_ok=False),
        T(r"\bexpressed\s+(?:a|the|his|her|their|its)\s+(?:\w+\s+)?(?:wish|desire|hope|willingness|readiness)\s+to\b",
          "AGREE", confidence=0.75),
        # "Quang said the two countries should step up ...": the speaker's proposal to the other country
        T(r"\b(?:the\s+two|both)\s+countries\s+(?P<t>(?:should|must|ought\s+to|need\s+to)\s+(?:\w+ly\s+)?(?:"
          + _COOP + r"|make\s+(?:full|better|good)\s+use\s+of))", "AGREE", other_countries=True, confidence=0.65),
        # "would keep supporting" is "would continue to support": a promise (gold guideline 3), as vi
        # "sẽ tiếp tục hỗ trợ" and id "akan terus mendukung"
        T(r"\b(?:will|would|shall)\s+(?:\w+ly\s+)?(?:keep\s+(?:on\s+)?)?" + _COOP, "AGREE", confidence=0.7),
        T(r"\b(?:proposed|proposes)\b(?!\s+that)", "AGREE", confidence=0.65),
        # a meeting still to come is an agreement to meet (PLOVER: future CONSULT is AGREE)
        T(r"\b(?:due|scheduled|set|expected|planning|plan)\s+to\s+(?:meet|hold\s+talks|visit)\b", "AGREE",
          confidence=0.7, passive_ok=False),
        T(r"\b(?:invited|invites)\b", "AGREE", target=TARGET_REQUIRED, target_gap=20, confidence=0.7),
        # -- REQUEST ----------------------------------------------------------------------------
        T(r"\bcall(?:ed|s|ing)\s+(?:on|upon|for)\b", "REQUEST", confidence=0.85),
        T(r"\b(?:urged|urges|urging|requested|requests|demanded|demands|appealed\s+(?:to|for))\b", "REQUEST",
          confidence=0.85),
        T(r"\b(?:asked|asks)\b", "REQUEST", target=TARGET_REQUIRED, target_gap=20, confidence=0.7),
        T(r"\b(?:suggested|suggests|proposed\s+that|recommended|recommends)\b", "REQUEST", confidence=0.75),
        # -- ACCUSE / REJECT / THREATEN ---------------------------------------------------------
        T(r"\b(?:condemned|condemns|critici[sz]ed|criticises|criticizes|denounced|deplored|blamed|slammed)\b",
          "ACCUSE", mode="disapprove", confidence=0.85),
        T(r"\b(?:accused|accuses|charged|indicted|sued|prosecuted)\b", "ACCUSE", mode="allege", confidence=0.8),
        T(r"\b(?:investigat(?:ed|es|ing)|launched\s+(?:an?\s+)?(?:investigation|probe|inquiry))\b", "ACCUSE",
          mode="investigate", confidence=0.65),
        T(r"\b(?:rejected|rejects|refused|refuses|denied|denies|vetoed|turned\s+down|declined\s+to)\b", "REJECT",
          confidence=0.8),
        # a meeting or visit called off is a REJECT `meet` (PLOVER: "Cancellation of meetings are REJECT"), the one
        # who cancels the source; a postponement is no refusal (the meeting is only put off: ``non_event``)
        T(r"\b(?P<t>called\s+off|cancell?ed|scrapped)\s+(?=(?:(?!(?:after|before|during|at|in|on|for|amid|following|"
          r"because|until|despite|since|as|when|while|over|with|of)\b)[\w'’-]+\s+){0,3}?" + _MEETING_NOUNS + ")",
          "REJECT", mode="meet", confidence=0.75),
        # ... and in the passive with its agent ("The talks with Cambodia were cancelled by Thailand"): the agent
        # cancels, what the meeting was with is the target (the pattern opens at the meeting noun)
        T(r"(?:\b(?:the|a|an|his|her|its|their|this|that)\s+)?\b" + _MEETING_NOUNS + r"[^.;]{0,60}?\b(?:was|were|has\s+been|"
          r"have\s+been|had\s+been)\s+(?:\w+ly\s+)?(?P<t>called\s+off|cancell?ed|scrapped)\s+by\b", "REJECT", mode="meet",
          voice="passive", min_sources=1, confidence=0.75),
        T(r"\b(?:threatened|threatens|warned\s+(?:of|that))\b", "THREATEN", confidence=0.75),
        # -- PROTEST ----------------------------------------------------------------------------
        T(r"\b(?:demonstrated|rallied|marched|staged\s+(?:a\s+)?(?:protest|rally|demonstration|sit-in))\b",
          "PROTEST", mode="demo", confidence=0.75),
        # "protested" says no kind of protest (a march, a letter, a strike): the cues around it may
        T(r"\bprotested\b", "PROTEST", confidence=0.75),
        T(r"\b(?:went\s+on\s+strike|staged\s+(?:a\s+)?strike|walked\s+out)\b", "PROTEST", mode="strike",
          confidence=0.8),
        T(r"\bboycott(?:ed|s)?\b", "PROTEST", mode="boycott", confidence=0.7),
        T(r"\brioted\b", "PROTEST", mode="riot", confidence=0.8),
        T(r"\bthrew\s+(?:\w+\s+){0,2}?(?:rocks|stones|bottles|eggs|petrol\s+bombs|molotov\s+cocktails|firecrackers)\s+at\b",
          "PROTEST", mode="riot", confidence=0.75),
        T(r"\b(?:gathered|took\s+to\s+the\s+streets|massed)\b(?=[^.;]{0,80}?\bto\s+(?:protest|denounce|oppose|demand)\b)",
          "PROTEST", mode="demo", confidence=0.75),
        T(r"\b(?:chanted|shouted)\s+(?:\w+\s+){0,2}?(?:slogans|demands)|\b(?:waved|carried|held\s+up)\s+(?:\w+\s+){0,2}?(?:placards|banners|signs|flags)\b",
          "PROTEST", mode="demo", confidence=0.7),
        # -- SANCTION ---------------------------------------------------------------------------
        T(r"\b(?:imposed\s+(?:\w+\s+)?sanctions|sanctioned|embargoed)\b", "SANCTION", mode="discontinue",
          confidence=0.85),
        T(r"\b(?:severed|cut|suspended|froze)\s+(?:\w+\s+)?(?:ties|relations|aid|talks|cooperation)\b", "SANCTION",
          mode="discontinue", confidence=0.8),
        T(r"\bexpelled\b", "SANCTION", mode="expel", confidence=0.8),
        # recalling one's own envoy withdraws one's own people (the codebook's SANCTION withdraw)
        T(r"\brecalled\s+(?:\w+\s+)?ambassador\b", "SANCTION", mode="withdraw", confidence=0.8),
        T(r"\b(?:convicted|sentenced)\b", "SANCTION", mode="convict", confidence=0.8),
        # -- MOBILIZE ---------------------------------------------------------------------------
        T(r"\b(?:deployed|mobili[sz]ed|massed)\s+(?:\w+\s+){0,2}?(?:troops|soldiers|forces|warships|units)\b",
          "MOBILIZE", mode="troops", confidence=0.8),
        T(r"\bput\s+(?:\w+\s+)?(?:troops|forces)\s+on\s+(?:high\s+)?alert\b", "MOBILIZE", mode="troops",
          confidence=0.8),
        T(r"\b(?:deployed|dispatched|sent|mobili[sz]ed)\s+(?:[\w,.'’-]+\s+){0,3}?(?:personnel|officers|police(?:men)?|rescuers|security\s+forces)\b",
          "MOBILIZE", confidence=0.7),
        # -- COERCE -----------------------------------------------------------------------------
        T(r"\b(?:arrested|arrests|detained|detains|apprehended|nabbed)\b", "COERCE", mode="arrest", confidence=0.85),
        T(r"\b(?:raided|seized|confiscated|dismantled|busted)\b", "COERCE", mode="seize", confidence=0.75),
        T(r"\b(?:deported|deports)\b", "COERCE", mode="deport", confidence=0.8),
        T(r"\b(?:banned|bans)\b", "COERCE", mode="restrict", confidence=0.6),
        T(r"\b(?:censored|blocked\s+access)\b", "COERCE", mode="censor", confidence=0.7),
        T(r"\bimposed\s+(?:a\s+)?curfew\b", "COERCE", mode="curfew", confidence=0.85),
        T(r"\bdeclared\s+(?:a\s+)?(?:state\s+of\s+emergency|martial\s+law)\b", "COERCE", mode="martial-law",
          confidence=0.85),
        T(r"\b(?:hacked|cyber-?attack(?:ed|s)?)\b", "COERCE", mode="cyber", confidence=0.7),
        # -- ASSAULT ----------------------------------------------------------------------------
        T(r"\b(?:attacked|attacks|assaulted|killed|stormed)\b", "ASSAULT", confidence=0.75),
        T(r"\b(?:beat|beaten|clubbed|punched|mauled)\b", "ASSAULT", mode="beat", confidence=0.7),
        T(r"\b(?:kidnapped|abducted|hijacked)\b", "ASSAULT", mode="abduct", confidence=0.85),
        T(r"\b(?:bombed|detonated)\b", "ASSAULT", mode="explosives", confidence=0.8),
        T(r"\b(?:shelled|fired\s+(?:\w+\s+)?(?:rockets|missiles|shells))\b", "ASSAULT", mode="heavy-weapons",
          confidence=0.85),
        T(r"\b(?:shot|gunned\s+down)\b", "ASSAULT", mode="firearms", confidence=0.7),
        T(r"\b(?:stabbed|hacked\s+to\s+death)\b", "ASSAULT", mode="primitive", confidence=0.8),
        T(r"\bassassinated\b", "ASSAULT", mode="assassinate", confidence=0.85),
        T(r"\bair\s*strikes?\b", "ASSAULT", mode="aerial", confidence=0.7),
        T(r"\bdrone\s+strikes?\b", "ASSAULT", mode="drone", confidence=0.7),
        T(r"\btortured\b", "ASSAULT", mode="torture", confidence=0.8),
        # -- AID / COOPERATE --------------------------------------------------------------------
        T(r"\b(?:donated|donates|granted|handed\s+over|provided|delivered|sent)\s+(?:[\w,.'’-]+\s+){0,4}?(?:aid|assistance|relief|funding|grants?|equipment|supplies|vehicles|kits|food|medicines?|tents|blankets|rations|vaccines|US\$|\$|USD|million|billion)\b",
          "AID", confidence=0.75),
        T(r"\bgranted\s+(?:political\s+)?asylum\b", "AID", mode="asylum", confidence=0.8),
        T(r"\b(?:extradited|extradites|repatriated\s+(?:the\s+)?suspects?)\b", "COOPERATE", confidence=0.85),
        T(r"\bhanded\s+over\s+(?:\w+\s+){0,3}?(?:suspects?|fugitives?|detainees|wanted)\b", "COOPERATE",
          confidence=0.8),
        T(r"\bjointly\s+\w+ed\b", "COOPERATE", joint=True, confidence=0.75),
        T(r"\bjoint\s+(?:\w+\s+)?(?:patrols?|exercises?|drills?|operations?|investigations?)\b", "COOPERATE",
          joint=True, confidence=0.7),
        T(r"\b(?:exchanged|shared|passed|provided|handed)\s+(?:\w+\s+){0,2}?(?:intelligence|information|data|details|tip-off)\b",
          "COOPERATE", confidence=0.65),
        T(r"\b(?:held|conducted|launched|began|begun|started|staged|mounted|carried\s+out)\s+(?:a\s+|their\s+)?(?:\w+\s+)?joint\s+(?:\w+\s+)?(?:exercises?|drills?|patrols?|operations?|investigations?)\b",
          "COOPERATE", joint=True, confidence=0.8),
        # -- CONCEDE / RETREAT ------------------------------------------------------------------
        T(r"\b(?:pardoned|granted\s+amnesty|apologi[sz]ed|eased\s+(?:\w+\s+)?restrictions|lifted\s+(?:the\s+|a\s+)?(?:ban|restrictions))\b",
          "CONCEDE", confidence=0.8),
        # verbal concessions (codebook): acquittals and commutations, acceding to demands, declared truces
        T(r"\b(?:acquitted|commuted|granted\s+(?:a\s+)?(?:\w+\s+)?(?:pardon|clemency)|announced\s+an?\s+(?:\w+\s+)?amnesty|"
          r"(?:gave|caved)\s+in\s+to|bow(?:ed|ing)\s+to\s+(?:\w+\s+){0,2}?(?:pressure|demands?)|backed\s+down|conceded\s+defeat|"
          r"expressed\s+(?:deep\s+)?regret|declared\s+an?\s+(?:[\w-]+\s+){0,2}?(?:ceasefire|truce))\b",
          "CONCEDE", confidence=0.75),
        # lifting a curfew, an emergency, sanctions or a blockade takes effect at once: material (codebook)
        T(r"\b(?:eased\s+(?:\w+\s+)?(?:sanctions|embargo|blockade)|lifted\s+(?:the\s+|a\s+|its\s+)?(?:\w+\s+)?(?:curfew|sanctions|embargo|blockade|lockdown|state\s+of\s+emergency))\b",
          "RETREAT", mode="ease", confidence=0.8),
        T(r"\b(?:released|freed)\b(?=[^.;]{0,40}\b(?:prisoners?|hostages?|detainees?|captives?|fishermen|crew|sailors)\b)",
          "RETREAT", mode="release", confidence=0.8),
        T(r"\bwithdrew\s+(?:\w+\s+)?(?:troops|forces)\b", "RETREAT", mode="withdraw", confidence=0.8),
        T(r"\b(?:resigned|stepped\s+down)\b", "RETREAT", mode="resign", confidence=0.8),
    ),
    # "the signing of", "a visit", "when asked", "his hosting of", "the visiting minister"
    blocked_before=r"\b(?:the|a|an|his|her|its|their|when|of|for)\s+(?:\w+ly\s+)?$",  # "the newly signed"
    # "received a letter", "asked about", "called for calm"? (kept), "signed off", "met the target"
    # ... and "visited the family / grave of the late X": a condolence, not a meeting with X
    blocked_after=(
        r"^\s+(?:about|off|up|the\s+(?:target|deadline|goal|criteria|demand)|"
        r"(?:the\s+)?(?:family|families|grave|tomb|mausoleum|memorial|relatives)\s+of)\b"
    ),
    negation=r"\b(?:not|never|no longer|n't)\s+(?:\w+\s+)?$|\bdid\s+not\s+$|\bfailed\s+to\s+$",
    # a threat is conditional by nature: "threatened to strike if ..." asserts the threat (codebook: THREATEN)
    hypothetical=r"^(?!.*\b(?:threat\w*|warn(?:s|ed|ing)?|ultimatum|vow(?:s|ed)?)\b.*\b(?:if|unless)\b).*?\b(?:if|unless|whether)\b",
    clause_break=r";|,\s+(?=(?:\w+ing)\b)(?!including\b|according\b|notably\b)|\s+—\s+|\s+-\s+(?=\w+ing\b)",
    clause_conjunction=r"\s(?:and|,)\s(?:also\s+)?",
    complement=r"\b(?:to|that|in\s+\w+ing)\b",
    finite_verb=r"(?!\w*eed\b)\w+ed\b",  # a past tense ("voiced"), not "proceed"
    reporting=r"\b(?:said|says|affirmed|affirms|noted|notes|stressed|stresses|underlined|underscored|emphasi[sz]ed|told|added|stated|highlighted|reiterated|expressed)\b",
    opinion=r"\b(?:believes?|believed|argued|argues|thinks?|thought|hoped|hopes|expects?|expected)\b",
    nonfactual=(
        r"\b(?:could|might|(?-i:may)|possibly|perhaps|likely|unlikely|(?:is|are|was|were)\s+(?:expected|due|set|scheduled)\s+to|"
        + _PLAN_TO
        + r"|planned\s+to|planning\s+to|considering|(?:will|would)\s+consider|fears?|feared|worr(?:y|ies|ied)|"
        r"denied|denies|deny|no\s+evidence|not\s+ruled\s+out|unclear|rumou?red|reportedly|allegedly|"
        r"usually|often|commonly|typically|historically|no\s+plans?|declined\s+to\s+(?:comment|confirm))\b"
    ),
    possibility=r"\b(?:could|might|(?-i:may)|risks?|possibly)\b",
    non_event=(
        r"\b(?:family|families|grave|tomb|mausoleum|relatives)\s+of\s+the\s+late\b|\blaid\s+(?:a\s+)?wreaths?\b|"
        r"\bpaid\s+(?:his|her|their)?\s*last\s+respects\b|"
        # a list of who signed or took part states membership, not an act between its members
        r"\bamong\s+(?:the\s+)?(?:signatories|signers|participants|attendees|delegates|guests)\s+(?:were|are|was|is|included)\b|"
        r"\b(?:signatories|attendees|participants)\s+(?:included|include|were|are)\s+(?!\w+ed\b)|"
        # witnessing others sign ("witnessed delegates signing the treaty") is attending, no act of the witnesses
        r"\bwitness(?:ed|es)?\b[^.;]{0,80}?\bsign(?:ing|ed|ature)\b|"
        # a count of meetings as the subject sums several up ("Three meetings filled the calendar")
        r"^\W*(?:two|three|four|five|six|several|many|a\s+(?:series|string|number)\s+of)\s+(?:[\w-]+\s+){0,2}?"
        r"(?:meetings|talks|visits)\b|"
        # a meeting or visit called off or put off ("called off the planned visit to Hanoi", "The talks were
        # postponed"): no meeting took place, whatever the classifier reads; the cancellation itself (REJECT)
        # survives the cue (events/learned.py CUE_TYPES). Not a strike or protest called off (CONCEDE)
        # ... unless the sentence says it took place after all (``_HELD_AFTER_ALL``: "The talks, which had been
        # postponed twice, were finally held"): the convention applies where nothing says it was held
        r"\b" + _NOT_HELD + r"(?:called\s+off|cancell?ed|scrapped|postponed|put\s+off|shelved|abandoned|dropped|delayed)\s+"
        r"(?:(?!(?:after|before|during|at|in|on|for|amid|following|because|until|despite|since|as|when|while|over|"
        r"with|of)\b)[\w'’-]+\s+){0,3}?" + _MEETING_NOUNS + r"|"
        r"\b" + _NOT_HELD + _MEETING_NOUNS + r"[^.;]{0,60}?\b(?:was|were|has\s+been|have\s+been|had\s+been)\s+(?:\w+ly\s+)?"
        r"(?:called\s+off|cancell?ed|postponed|put\s+off|scrapped|shelved|delayed)\b"
    ),
    passive_aux=r"\b(?:was|were|is|are|been|being|be)\s+(?:\w+ly\s+)?$",
    agent_marker=r"\bby\b",
    joint_subject=r"\b(?:the\s+two\s+(?:sides|leaders|ministers|countries|parties|delegations|officials)|both\s+(?:sides|leaders|ministers|parties|delegations)|the\s+sides|the\s+two)(?:['’]s?)?",
    person_pronoun=r"\b(?:he|she)\b",
    adverbial_opener=r"^\s*(?:\w+ing\b|On\s+the\s+sidelines|For\s+(?:his|her|their|its)\s+part|According\s+to|In\s+|On\s+|At\s+|After\s+|During\s+|Following\s+|Speaking\s+|As\s+|With\s+)",
    specific_object=r"\b(?:initiative|proposal|plan|convention|agreement|accord|treaty|memorandum|MoU|programmes?|programs?|project|resolution|bid|candidacy|hosting|declaration|statement|deal)\b",
    # "at the National Convention Centre": the article before a named place is the locative's
    locative=r"\b(?:in|at)\s+(?:the\s+)?$",
    between=r"\b(?:between|the\s+two)\s+$",
    on_behalf=r"\bon\s+behalf\s+of\s+(?:the\s+)?$",
    bilateral=r"\bbilateral\b",
    # "met X and Y together", "a trilateral meeting": one meeting with several counterparts
    met_together=r"\b(?:together|jointly|trilateral|quadrilateral|three-way|joint\s+meeting)\b",
    planned_meeting=r"\b(?:due|scheduled|set|expected|planning|plan)\s+to\s+(?:meet|hold\s+talks|visit)\b",
    # "At that meeting, ...", "during the talks": said at the meeting told before; not a meeting still to
    # come ("at the meeting next week", "at the talks due on Friday", "at the meeting to be held") nor
    # one this phrase introduces ("at the meeting of ASEAN ministers", "at the talks between X and Y")
    meeting_reference=(
        r"\b(?:at|during)\s+(?:the|that|this)\s+(?:meeting|talks)\b(?!,?\s+(?:next|due|scheduled|set|planned|"
        r"expected|later|tomorrow|coming|upcoming|to\s+be|(?:which|that)\s+(?:will|is\s+to|are\s+to)|of|between|"
        r"with|among|held|hosted|chaired|convened|organi[sz]ed|called)\b)"
    ),
    past_year_opener=r"^\W*(?:Last\s+year|A\s+year\s+(?:ago|earlier))\b",
    relative_clause=r",\s*(?:(?:at|in|on|during|after|before|by|from|with)\s+which\b|which|who|whose|where)\b",
    days_after=r"\b(?:(?P<d1>a|one)|(?P<d2>two)|(?P<d3>three))\s+days?\s+after\b",
    # "hours after", "days after", "a week after", "following last week's": the act told in passing
    in_passing=(
        r"\b(?:(?:hours|days|weeks|a\s+week|(?:just|shortly|only)\s+(?:hours|days))\s+after|on\s+the\s+heels\s+of|"
        r"following\s+(?:last\s+(?:week|month)['’]s|(?:the|a)\s+recent|(?:yesterday|\w+day)['’]s))\b"
    ),
    # past perfect: "had (already) passed", "had been arrested"; a verb joined to one ("had been
    # tracking the group since August and passed details"): earlier than the day told
    earlier_act=(
        r"(?:\bhad\s+(?:(?:already|earlier|previously|also|just|first|long|once|\w+ly)\s+)?(?:been\s+)?|"
        r"\bhad\s+(?:\w+\s+)?(?:been\s+)?\w+(?:ed|en|wn|ing|ught|t|d)\b[^.;:!?,]{0,80}?\band\s+"
        r"(?:(?:then|later|also|subsequently)\s+)?)$"
    ),
    consult_modes=(
        (r"\b(?:phone|telephone|video\s+(?:call|link|conference)|online|virtual(?:ly)?|teleconference)\b", "phone"),
        # "multilateral forums" (plural) are venues in general, not where this meeting is
        (r"\b(?:on\s+the\s+sidelines|summit|multilateral(?!\s+(?:forums|fora|mechanisms|institutions|organi[sz]ations|frameworks)\b))\b", "multilateral"),
        # a gathering of many countries' delegations ("attended by ... delegations from about 110 countries")
        (r"\bdelegations\s+(?:from|of)\s+(?:about\s+|some\s+|nearly\s+|more\s+than\s+)?\d+\s+countries\b|"
         r"\bheads\s+of\s+(?:\w+\s+)?delegations\b", "multilateral"),
        # a meeting of a body's members ("ministers of the ten ASEAN member states", "leaders of the
        # Pacific Islands Forum met")
        (r"\bmember\s+(?:states|countries|nations)\b|\b(?:leaders|ministers|heads\s+of\s+state)\s+of\s+the\s+"
         r"(?:\w+\s+){0,4}?(?-i:Forum|Union|Alliance|Council|Community|Organi[sz]ation|Group|Bloc)\b|"
         r"\b(?:ASEAN|G7|G20|BRICS|APEC|NATO|EU|AU|UN)\s+(?:ministerial|leaders['’]?|foreign\s+ministers['’]?)\s+(?:meeting|summit|talks)\b",
         "multilateral"),
        # talks hosted by someone else than the sides (the codebook's third-party mode)
        (r"\b(?:mediat\w*|brokered|facilitated\s+talks|hosted\s+talks\s+between)\b", "third-party"),
        (r"\b(?:visit\w*|received|hosted|hosting|courtesy\s+call|arriv\w*\s+in|trip\s+to|toured)\b", "visit"),
    ),
    # CONCEDE and RETREAT cues of a clause's head verb (events/concessions.py), from the codebook's
    # line (events/codebook.py): verbal, granted or promised = CONCEDE; carried out now = RETREAT
    admission=(
        r"\b(?:apologi[sz](?:ed|es)|conceded|concedes|regretted|regrets|pardoned|pardons|acquitted|commuted|"
        r"repealed|rescinded|unbanned|legali[sz]ed|"
        r"(?:admitted|admits|acknowledged|acknowledges)\s+(?:that|responsibility|guilt|wrongdoing|liability|"
        r"(?:its|his|her|their|the)\s+(?:\w+\s+)?(?:mistakes?|errors?|failures?|role|guilt|responsibility|wrongdoing|abuses?))|"
        r"(?:dropped|withdrew|withdrawn|abandoned|scrapped|shelved)\s+(?:[\w'’-]+\s+){0,3}?(?:charges|lawsuits?|suits?|"
        r"cases?|complaints?|bills?|plans?|proposals?|demands?|bids?|objections?|vetoe?s?|appeals?|reforms?|"
        r"polic(?:y|ies)|laws?|claims?)|"
        r"(?:called\s+off|suspended|ended)\s+(?:[\w'’-]+\s+){0,3}?(?:strikes?|protests?|boycotts?|march(?:es)?|sit-ins?|walkouts?)|"
        r"(?:lifted|eased|relaxed)\s+(?:the\s+|a\s+|its\s+)?(?:\w+\s+)?(?:ban|restrictions)\s+on)\b"
    ),
    promised_retreat=(
        r"\b(?:(?:pledg(?:ed|es)|promis(?:ed|es)|vow(?:ed|s)|agree[sd]?|offer(?:ed|s)|committed|undert(?:ook|akes)|decided)"
        r"\s+(?:\w+\s+){0,3}?to|"
        r"(?:pledg(?:ed|es)|promis(?:ed|es)|vow(?:ed|s)|announc(?:ed|es)|said|says|stated|confirmed)"
        r"\s+(?:[\w'’,-]+\s+){0,8}?(?:would|will|shall)|"
        r"\b(?<!\bif\s)(?:will|shall))"
        r"\s+(?:\w+ly\s+)?(?:begin\s+to\s+|start\s+to\s+)?(?:withdraw|pull\s+(?:\w+\s+){0,2}?(?:out|back)|release|free|"
        r"hand\s+(?:\w+\s+){0,2}?(?:over|back)|give\s+back|return|lift|ease|relax|resign|step\s+down|reopen|disarm|"
        r"demobili[sz]e|cede|vacate)\b"
    ),
    retreat_done=(
        r"\b(?:(?:released|freed|set\s+free|handed\s+back|gave\s+back|returned|repatriated)\s+(?:[\w'’,-]+\s+){0,4}?"
        r"(?:prisoners?|hostages?|detainees?|captives?|activists?|dissidents?|journalists?|fishermen|crew|sailors|"
        r"soldiers|POWs|remains|bodies|vessels?|boats?|ships?|trawlers?|territory|villages?|land|property|assets)|"
        r"(?:prisoners?|hostages?|detainees?|captives?|fishermen|sailors|crew|activists?|journalists?)\s+"
        r"(?:were|was|have\s+been|has\s+been|had\s+been)\s+(?:\w+ly\s+)?(?:released|freed|handed\s+over|set\s+free)|"
        r"(?:withdrew|withdrawn|pulled)\s+(?:[\w'’-]+\s+){0,3}?(?:troops|forces|soldiers|units|fighters|tanks|"
        r"battalions?|brigades?)|"
        r"(?:withdrew|retreated|pulled\s+out|pulled\s+back|evacuated)\s+from\s+(?:the\s+)?(?:[\w'’-]+\s+){0,3}?"
        r"(?:town|city|village|area|region|border|positions?|territory|bases?|zone|province|district|front|airport|port)|"
        r"(?:retreated|disengaged)|"
        r"(?:resigned|stepped\s+down|quit\s+as)|"
        r"(?:disarmed|demobili[sz]ed|laid\s+down\s+(?:their\s+|its\s+)?(?:arms|weapons)|"
        r"handed\s+in\s+(?:\w+\s+){0,2}?(?:weapons|arms|rifles))|"
        r"(?:ceded|vacated)|"
        r"reopened\s+(?:\w+\s+){0,3}?(?:border|crossings?|airspace|checkpoints?|ports?|bridge|roads?)|"
        r"(?:lifted|eased|relaxed|ended)\s+(?:the\s+|a\s+|its\s+)?(?:\w+\s+)?(?:curfew|lockdown|state\s+of\s+emergency|"
        r"sanctions|embargo|blockade|siege)|"
        r"(?:allowed|let)\s+(?:\w+\s+){0,3}?(?:inspectors|observers|monitors|aid\s+convoys|humanitarian\s+(?:aid|convoys|workers))"
        r"\s+(?:in|into|to\s+enter|access))\b"
    ),
    concession_blocked_before=(
        r"(?:\b(?:to|will|would|shall|should|must|could|might|may|can|not|never|no\s+longer)\s+"
        r"(?:be\s+|have\s+(?:been\s+)?)?|n't\s+(?:be\s+|have\s+(?:been\s+)?)?|\b(?:who|which|whose)\s+"
        r"(?:had\s+|has\s+|have\s+|was\s+|were\s+)?(?:been\s+)?|\bif\s+(?:\w+\s+){0,4}?)(?:\w+ly\s+)?$"
    ),
    mode_cues=(
        # REQUEST and REJECT: what is asked or refused (codebook: help or exchange; meetings or
        # negotiations; releases, lifted restrictions, ceasefires, withdrawals; a change of policy,
        # government or institutions). "aid groups", "relief agencies", "supporters" name who asks.
        ("REQUEST", r"\b(?:support(?!ers?\b)\w*|assist\w*|help\w*|aid(?!\s+(?:groups?|agenc(?:y|ies)|workers?|organi[sz]ations?))|cooperat\w*|facilitat\w*|funds|funding|relief(?!\s+(?:groups?|agenc(?:y|ies)|workers?|organi[sz]ations?))|loans?|financing|bailouts?|debt\s+relief|moratorium\s+on\s+(?:\w+\s+){0,2}?(?:debts?|repayments)|compensation|shar(?:e|ing)\s+(?:\w+\s+){0,2}?(?:data|information|intelligence|technology|expertise|experience))\b", "assist"),
        ("REQUEST", r"\b(?:meet\w*|negotiat\w*|mediat(?:e|es|ed|ing|ion)|talks|dialogue|diplomatic\s+(?:process|solution|track|channels?))\b", "meet"),
        ("REQUEST", r"\b(?:releas\w*|free|freeing|ceasefire|truce|lift\w*|ease|(?:re)?open\w*\s+(?:\w+\s+){0,3}?(?:border|crossings?|airspace|ports?)|unfreez\w*|withdr\w*\s+(?:\w+\s+){0,3}?(?:troops|forces|soldiers|army|mission|peacekeepers|units|vessels|ships|warships)|withdr\w*\s+from\s+(?:\w+\s+){0,3}?(?:territory|hills?|areas?|region|zone|town|city|villages?|border|positions?))\b", "yield"),
        ("REQUEST", r"\b(?:reform\w*|(?<!-)chang\w*|resign\w*|amend\w*|scrap\w*|repeal\w*|abolish\w*|revers\w*|revis\w*|overhaul\w*|step(?:s|ped)?\s+down|quit|impeach\w*|(?:fresh|new|early|snap|free|regional|general)\s+(?:\w+\s+)?elections?|referendum|restor\w*\s+(?:\w+\s+){0,4}?(?:independence|democra\w*|constitution\w*|civilian\s+rule|rule\s+of\s+law)|(?:raise|raising|cut|cutting|lower\w*|remov\w*|reduc\w*|increas\w*|hik\w*)\s+(?:\S+\s+){0,3}?(?:tax(?:es)?|VAT|interest\s+rates?|subsidies|tariffs?|duties)|(?:a|global|total|blanket)\s+ban|ban\s+on|(?:suspend\w*|halt\w*|ban\w*|stop\w*|curb\w*)\s+(?:\w+\s+){0,3}?(?:imports?|exports?))\b", "change"),
        ("REJECT", r"\b(?:support|assist\w*|aid(?!\s+(?:groups?|agenc(?:y|ies)|workers?|organi[sz]ations?))|cooperat\w*|financing|bailouts?|debt\s+relief)\b", "assist"),
        ("REJECT", r"\b(?:meet\w*|negotiat\w*|mediat(?:e|es|ed|ing|ion)|talks|dialogue|invitation)\b", "meet"),
        ("REJECT", r"\b(?:releas\w*|free|freeing|ceasefire|truce|lift\w*|(?:re)?open\w*\s+(?:\w+\s+){0,3}?(?:border|crossings?|airspace|ports?)|unfreez\w*|withdr\w*\s+(?:\w+\s+){0,3}?(?:troops|forces|soldiers|army|mission|peacekeepers|units|vessels|ships|warships)|withdr\w*\s+from\s+(?:\w+\s+){0,3}?(?:territory|hills?|areas?|region|zone|town|city|villages?|border|positions?))\b", "yield"),
        ("REJECT", r"\b(?:reform\w*|(?<!-)chang\w*|resign\w*|amend\w*|revis\w*|overhaul\w*|step(?:s|ped)?\s+down|(?:fresh|new|early|snap|free|regional|general)\s+(?:\w+\s+)?elections?|referendum|restor\w*\s+(?:\w+\s+){0,4}?(?:independence|democra\w*|constitution\w*|civilian\s+rule|rule\s+of\s+law)|(?:raise|raising|cut|cutting|lower\w*|remov\w*|reduc\w*|increas\w*|hik\w*)\s+(?:\S+\s+){0,3}?(?:tax(?:es)?|VAT|interest\s+rates?|subsidies|tariffs?|duties))\b", "change"),
        # modes of the other types, read for a classifier's event in its whole sentence (and after a
        # rule trigger that carries no mode), first match wins; from the codebook's mode definitions
        ("THREATEN", r"\b(?:arrest\w*|detain\w*|prosecut\w*|jail\w*)\b", "arrest"),
        ("THREATEN", r"\b(?:expel\w*|deport\w*)\b", "expel"),
        ("THREATEN", r"\b(?:sever\w*|cut\s+(?:off\s+)?(?:ties|relations)|diplomatic\s+(?:ties|relations)|ambassador)\b", "relations"),
        ("THREATEN", r"\b(?:sanction\w*|ban\w*|restrict\w*|tariffs?|embargo|boycott\w*|block(?:ade)?\w*|shut\w*\s+down|shutdowns?|clos(?:e|ing)\s+(?:the\s+|its\s+)?(?:\w+\s+)?(?:borders?|strait|airspace|ports?|crossings?))\b", "restrict"),
        ("THREATEN", r"\b(?:annex\w*|invad\w*|occup\w*|territor\w*)\b", "territory"),
        ("THREATEN", r"\b(?:attack\w*|strikes?|retaliat\w*|force|war|kill\w*|bomb\w*|military\s+action|blow\w*\s+up|(?:legitimate\s+)?targets?|execut\w*|shoot\w*\s+down)\b", "violence"),
        ("MOBILIZE", r"\b(?:police|riot\s+police|officers|gendarmes?|reinforcements)\b", "police"),
        ("MOBILIZE", r"\b(?:militias?|fighters|rebels|paramilitar\w*)\b", "militia"),
        ("MOBILIZE", r"\b(?:missiles?|warships?|frigates?|vessels|tanks|artillery|batteries|launchers|jets|aircraft|weapons)\b", "weapons"),
        ("MOBILIZE", r"\b(?:troops|soldiers|brigades?|battalions?|regiments?|reservists|army|forces|units)\b", "troops"),
        ("PROTEST", r"\b(?:hunger\s+strik\w*|refus\w*\s+(?:food|to\s+eat)|fasting)\b", "hunger"),
        ("PROTEST", r"\bboycott\w*\b", "boycott"),
        ("PROTEST", r"\b(?:strike|strikes|striking|walk(?:ed)?\s+(?:out|off)|downed\s+tools|stopped\s+work|work\s+stoppages?)\b", "strike"),
        ("PROTEST", r"\b(?:riot\w*|loot\w*|set\s+fire|torch\w*|thr[eo]w\w*\s+(?:stones|rocks|petrol\s+bombs|molotov\s+cocktails))\b", "riot"),
        ("PROTEST", r"\b(?:block\w*|blockad\w*|occup\w*|sit-in|barricad\w*|(?:glued|chained)\s+themselves)\b", "obstruct"),
        ("PROTEST", r"\b(?:demonstrat\w*|street\s+protests?|protest\s+(?:march|rall)\w*|march\w*|rall\w*|gather\w*)\b", "demo"),
        ("COERCE", r"\b(?:martial\s+law|state\s+of\s+emergency|emergency\s+rule)\b", "martial-law"),
        ("COERCE", r"\b(?:disinformation|misinformation|fake\s+news|propaganda\s+campaign)\b", "misinformation"),
        ("COERCE", r"\b(?:cut\s+off|shut\s+off|withh[eo]ld\w*)\s+(?:\w+\s+){0,2}?(?:water|electricity|power|fuel|food|supplies|services|salaries|wages)\b", "withhold"),
        ("COERCE", r"\bcurfew\b", "curfew"),
        ("COERCE", r"\b(?:cyber\w*|hack\w*)\b", "cyber"),
        ("COERCE", r"\b(?:censor\w*|blocked\s+access|(?:newspaper|website|broadcaster|internet)s?)\b", "censor"),
        ("COERCE", r"\b(?:deport\w*|expel\w*)\b", "deport"),
        ("COERCE", r"\b(?:seiz\w*|confiscat\w*|raid\w*|search(?:ed|es|ing))\b", "seize"),
        ("COERCE", r"\b(?:arrest\w*|detain\w*|custody)\b", "arrest"),
        ("COERCE", r"\b(?:ban\w*|restrict\w*|shut\w*|closed)\b", "restrict"),
        # an assassination names the act itself, over how it was done (codebook: targeted killings)
        ("ASSAULT", r"\b(?:assassinat\w*|targeted\s+killings?|attempt\w*\s+on\s+(?:\w+\s+){0,2}?life)\b", "assassinate"),
        ("ASSAULT", r"\bsuicide\b", "suicide-attack"),
        ("ASSAULT", r"\bdrones?\b", "drone"),
        ("ASSAULT", r"\b(?:air\s*strikes?|air\s+raids?|air\s+forces?|warplanes?|fighter\s+jets?|jets|helicopter\s+gunships?|bombers?|aerial)\b", "aerial"),
        ("ASSAULT", r"\b(?:chemical\s+(?:weapons?|attacks?)|nerve\s+agents?|sarin|chlorine\s+gas|biological\s+weapons?|dirty\s+bombs?)\b", "unconventional"),
        ("ASSAULT", r"\b(?:abduct\w*|kidnap\w*|hostages?)\b", "abduct"),
        ("ASSAULT", r"\b(?:tear\s+gas|rubber\s+bullets|water\s+cannons?)\b", "crowd-control"),
        ("ASSAULT", r"\b(?:bomb\w*|explo\w*|grenades?|blast|(?:land)?mines?|IEDs?)\b", "explosives"),
        ("ASSAULT", r"\b(?:shell\w*|artillery|rockets?|mortars?|missiles?)\b", "heavy-weapons"),
        ("ASSAULT", r"\b(?:gun\w*|shot|shoot\w*|opened\s+fire|rifles?|live\s+rounds)\b", "firearms"),
        ("ASSAULT", r"\b(?:knives|knife|machetes?|stabb\w*|axes|stones|rocks|spears|arrows|petrol\s+bombs?|hammers?|iron\s+bars|sticks|crowbars?)\b", "primitive"),
        ("ASSAULT", r"\b(?:beat\w*|batons?|clubbed|punch\w*|kick\w*)\b", "beat"),
        ("ASSAULT", r"\btortur\w*\b", "torture"),
        ("ASSAULT", r"\b(?:rap(?:e|ed|es|ing)|sexual(?:ly)?\s+(?:assault\w*|abus\w*|violence))\b", "sexual"),
        ("ASSAULT", r"\b(?:arson\w*|torch\w*|burn\w*|destroy\w*|demolish\w*)\b", "destroy"),
        ("ASSAULT", r"\b(?:assassinat\w*|targeted\s+killings?)\b", "targeted"),
        ("SANCTION", r"\b(?:convict\w*|sentenc\w*|jail\w*|prison)\b", "convict"),
        ("SANCTION", r"\b(?:expel\w*|persona\s+non\s+grata)\b", "expel"),
        ("SANCTION", r"\b(?:recall\w*|withdr\w*)\b", "withdraw"),
        ("SANCTION", r"\b(?:suspend\w*|cut|halt\w*|freez\w*|froze\w*|ban\w*|embargo|tariffs?|sanction\w*|export\s+controls|blacklist\w*)\b", "discontinue"),
        # RETREAT ease and return (codebook, from the type's definition): restrictions lifted now,
        # seized things handed back
        ("RETREAT", r"\b(?:lift\w*|eas\w*|relax\w*|scrap\w*|end\w*|suspend\w*)\s+(?:\w+\s+){0,3}?(?:curfews?|restrictions?|lockdowns?|state\s+of\s+emergency|emergency\s+rule|sanctions|embargo(?:es)?|blockades?|bans?|moratorium|quotas?|controls)\b|"
         r"\breopen\w*\s+(?:\w+\s+){0,2}?(?:border|crossings?|airspace|checkpoints?|ports?)\b", "ease"),
        ("RETREAT", r"\b(?:return\w*|handed\s+back|hand\w*\s+back|gave\s+back|restor\w*|repatriat\w*)\s+(?:\w+\s+){0,4}?(?:property|land|farmland|assets|vessels?|boats?|ships?|trawlers?|territory|villages?|remains|bodies|artefacts|artifacts|relics|equipment|seized|confiscated|cargo)\b", "return"),
        ("RETREAT", r"\b(?:resign\w*|stepp\w*\s+down|quit)\b", "resign"),
        ("RETREAT", r"\b(?:releas\w*|freed|free)\b", "release"),
        ("RETREAT", r"\b(?:disarm\w*|weapons|rifles|arms)\b", "disarm"),
        ("RETREAT", r"\b(?:allow\w*|access|let\s+\w+\s+in)\b", "access"),
        ("RETREAT", r"\b(?:withdr\w*|pull\w*\s+(?:\w+\s+){0,2}?(?:out|back)|retreat\w*)\b", "withdraw"),
        ("RETREAT", r"\b(?:ceasefire|truce)\b", "ceasefire"),
        # the kinds of aid the codebook's AID definition names (first match wins: asylum, arms, relief,
        # then money)
        ("AID", r"\basylum\b", "asylum"),
        ("AID", r"\b(?:military\s+(?:aid|assistance|equipment|hardware|training|support|package)|weapons|arms|ammunition|munitions|shells|missiles?|air[-\s]defen[cs]e|tanks|armou?red\s+vehicles|fighter\s+jets|patrol\s+(?:boats|vessels)|security\s+assistance)\b", "military"),
        ("AID", r"\b(?:loans?|credit\s+lines?|lines?\s+of\s+credit|budget\s+support|debt\s+relief|(?:forgave|forgiven|cancel\w*|wrote\s+off|written\s+off)\s+(?:\w+\s+){0,3}?debts?|reparations|economic\s+(?:aid|assistance)|financial\s+(?:aid|assistance|support))\b", "economic"),
        ("AID", r"\b(?:humanitarian|relief|food|rice|wheat|grain|flour|water|medicines?|medical\s+(?:supplies|teams?|aid)|vaccines?|tents|blankets|shelters?|emergency\s+(?:aid|assistance|supplies)|disaster|flood(?:s|ed|-hit)?|earthquake|cyclone|typhoon|storm|drought|famine|(?:wild|bush|forest\s+)?fires|wildfires?|bushfires?|pandemic|epidemic|landslides?|tsunami|refugees|displaced|evacuat\w*|rescu\w*)\b", "humanitarian"),
        ("AID", r"\b(?:grants?|funds|funding|cash)\b|(?:US)?\$\s?\d|\b\d[\d,.]*\s*(?:million|billion)[\s-]+(?:dollars?|euros?|pounds?|yen|yuan)\b", "economic"),
        ("ACCUSE", r"\b(?:investigat\w*|probe\w*|inquiry)\b", "investigate"),
        ("ACCUSE", r"\b(?:alleg\w*|accus\w*)\b", "allege"),
        ("ACCUSE", r"\b(?:criticis\w*|criticiz\w*|condemn\w*|denounc\w*)\b", "disapprove"),
    ),
    two_countries=r"\s+(?:of|from)\s+(?:the\s+two|both)\s+countries\b",
    # "officials from Vietnam" are Vietnam's; "officials praised Vietnam" are not
    group_country_gap=r"\s+(?:of|from|in)\s+(?:the\s+)?",
    members_after=r"\s+(?:governments|countries|nations|states|member\s+states|leaders)\b",
    # "the UN Convention against Cybercrime", "the ASEAN Charter": a title, the body is no party
    document_after=r"\s+(?:Convention|Treaty|Charter|Covenant|Protocol|Declaration|Resolution)\b",
    # "the Việt Nam–South Africa Business Forum", "the ASEAN–UN Dialogue": a gathering's name; the
    # words up to the noun are capitalised, so "Vietnam told the forum" keeps its speaker
    gathering_after=r"(?:\s*[-–—/]\s*(?-i:[A-ZÀ-ÖØ-ÞĐ])[\w'’.&-]*(?:\s+(?-i:[A-ZÀ-ÖØ-ÞĐ])[\w'’.&-]*)*)?"
    r"(?:\s+(?-i:[A-ZÀ-ÖØ-ÞĐ])[\w'’.&-]*){0,3}?\s+(?:Forum|Conference|Ceremony|Dialogue|Expo|Festival)\b",
    # "The Forum opened at ...", "the ceremony took place at ...": a gathering told by its name
    # alone, at a clause's start; one lowercase word may say what kind of gathering it is ("the
    # signing ceremony opened")
    gathering_held=r"(?:^|,\s*)(?P<name>(?:the\s+)?(?:(?-i:[A-Z][\w'’–-]*)\s+){0,8}(?:(?:signing|opening|closing|welcome|welcoming|press|award|awards)\s+)?(?:ceremony|conference|forum|dialogue))\s+(?P<t>opened|was\s+held|took\s+place|got\s+under\s+way)\b",
    # "The UN should press on with reform": the UN is asked, not asking
    obligation_after=r"\s+(?:should|must|ought\s+to|needs?\s+to|has\s+to|have\s+to)\b",
    organizer_phrase=r"\b(?:co-?)?organi[sz]ed\s+(?:jointly\s+)?by\b[^,;.]*",
    counted_subject=r"\b(?:\d[\d,.]*|dozens\s+of|several|many|other|some)\s+(?:states|countries|nations|governments|members|delegations|heads\s+of\s+delegations?|delegation\s+leaders)\s+(?:had|have|has)?\s*(?:already\s+)?$",
    counterparts_before=r"\bwith\s+(?:\S+\s+)?$",
    clause_appositive=r"(?-i:speaking|addressing|attending|chairing|co-chairing)\b",
    conjunctions=("and",),
    comitatives=("with", "together with"),
    list_determiners=("the",),
    complementizers=("that", "also", "would", "will"),
    appositive_stops=("who", "which", "that", "to"),
    additive_adverbs=("also",),
    visit_to=r"\b(?:visit|trip|tour)\s+to\s+(?:the\s+)?",
    visit_by=r"\bby\b",
    group_actors=(
        (r"\b(?:(?P<nat>[A-Z][a-z]+(?:\s+(?:and\s+)?[A-Z][a-z]+)?)\s+)?(?:police(?:\s+officers)?|customs(?:\s+officers)?|drug\s+squad|anti-narcotics\s+police)\b", "COP", "police"),
        (r"\b(?:(?P<nat>[A-Z][a-z]+(?:\s+(?:and\s+)?[A-Z][a-z]+)?)\s+)?(?:troops|soldiers|army|navy|armed\s+forces)\b", "MIL", "military"),
        (r"\b(?:(?P<nat>[A-Z][a-z]+(?:\s+(?:and\s+)?[A-Z][a-z]+)?)\s+)?(?:authorities|officials|investigators|prosecutors)\b", "GOV", "authorities"),
        (r"\b(?:(?P<nat>[A-Z][a-z]+(?:\s+(?:and\s+)?[A-Z][a-z]+)?)\s+)?(?:protesters|protestors|demonstrators|rioters|students|activists)\b", "CVL", "protesters"),
    ),
    demonyms=DEMONYMS,
    contexts=(
        (r"\b(?:cyber\w*|cybersecurity|hack\w*)\b", "cyber"),
        (r"\b(?:drugs?|narcotics?|methamphetamine|heroin)\b", "illegal_drugs"),
        (r"\b(?:human\s+trafficking|smuggl\w*|trafficking)\b", "trafficking"),
        (r"\b(?:crime|criminal\w*|money\s+laundering|fraud|scam\w*)\b", "crime"),
        (r"\b(?:corruption|bribe\w*)\b", "corruption"),
        (r"\bpeacekeeping\b", "peacekeeping"),
        (r"\b(?:trade|investment|economic|business\w*)\b", "economic"),
        (r"\b(?:climate|environment\w*)\b", "environment"),
        (r"\b(?:parliament\w*|legislat\w*|National\s+Assembly)\b", "legislative"),
        (r"\b(?:military|defen[cs]e|army|navy)\b", "military"),
    ),
    # a person named by nationality or country and office after the first mention
    # (``events/descriptions.py``): "the Lao leader", "his Estonian counterpart", "Indonesia's
    # foreign minister", "the president of Laos"
    descriptions=(
        r"\b(?:the|his|her|its|their)\s+(?:visiting\s+)?{nat}\s+{noun}\b",
        # a headline or a lead that drops the article: "Vietnamese Prime Minister met ...", "HANOI — Lao
        # President received ..." (no word or comma right before it)
        r"(?<![\w,]\s)(?<![\w,])(?:visiting\s+)?{nat}\s+{noun}\b",
        r"\b{country}['’]s\s+{noun}\b",
        r"\bthe\s+{noun}\s+of\s+(?:the\s+)?{country}\b",
    ),
    description_nouns=DESCRIPTION_NOUNS,
    # a country the stage names itself by CLDR's English name ("Russia", "Brunei", where ISO 3166
    # has "Russian Federation", "Brunei Darussalam"); CLDR's "Palestinian Territories" is no
    # state's name
    country_locale="en",
    country_names={"PSE": "Palestine"},
)  # fmt: skip
