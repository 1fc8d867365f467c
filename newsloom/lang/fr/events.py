"""French event predicates and argument patterns.

Subject-verb-object order as in English; past events are told in the passé composé ("a rencontré",
"ont signé", "s'est entretenu avec"), the passive puts the agent after "par" ("a été reçue par").
Reporting verbs alone ("a déclaré", "a indiqué", "a souligné") are not events. The simple future
("rencontrera", "se rendra") and "doit"/"devrait" + infinitive make a meeting or a visit still to
come, which PLOVER codes AGREE.
"""

import re

import pycountry

from newsloom.events.rules import LEADER_ROLES, TARGET_OBJECT, TARGET_REQUIRED, EventRules, Trigger
from newsloom.lang.fr.entities import NATIONALITIES, inflections
from newsloom.lang.fr.entities import RULES as ENTITY_RULES


def _alpha3(alpha2: str) -> str:
    country = pycountry.countries.get(alpha_2=alpha2)
    if country is None:
        raise ValueError(f"newsloom/lang/fr/entities.py NATIONALITIES: {alpha2!r} is no ISO alpha-2 code")
    return str(country.alpha_3)


#: nationality adjectives, every form -> ISO alpha-3: the entity pack's table (one list of French
#: nationalities; its gazetteer keys hold alpha-2 codes)
DEMONYMS = {form: _alpha3(code) for word, code in NATIONALITIES.items() for form in inflections(word)}
#: the titles French writes in lower case ("la ministre", "le vice-ministre"), from the entity pack
_TITLE = "|".join(
    re.escape(title).replace("\\ ", r"\s+")
    for title in sorted(ENTITY_RULES.titles, key=len, reverse=True)
    if title[:1].islower()
)
#: "le vice-ministre", "la ministre", "l'ambassadeur": an article and a lower-case title
_ARTICLE_TITLE = r"(?:(?:le|la|les|l['’])\s*)?(?:" + _TITLE + r")\b"
_NAT = r"(?:\s+(?P<nat>" + "|".join(sorted(DEMONYMS, key=len, reverse=True)) + r"))?"
# Verbs that, in the future or after a promise, make a statement an offer to cooperate (AGREE).
_COOP = (
    r"(?:coopérer|collaborer|soutenir|aider|renforcer|approfondir|développer|poursuivre|promouvoir|"
    r"accroître|investir|participer|contribuer|faciliter|travailler\s+(?:étroitement\s+)?(?:avec|ensemble))"
)
#: a past participle after its auxiliary: "a rencontré", "ont signé", "avait reçu"; not the conditionnel
#: "aurait signé", which tells what is reported or what would have been, not what was done
_AUX = (
    r"(?:a|ont|avait|avaient)\s+(?:(?:\w+ment|aussitôt|aussi|également|déjà|pourtant|encore|ensuite"
    r"|enfin|toutefois|alors|de\s+(?:son|leur)\s+côté)\s+){0,2}"
)


# Cues that a clause is not asserted as fact (``EventRules.nonfactual``), by kind, as the en/vi/id packs have them.
# possibility: "pourrait", "peut-être", "probablement" (en could, might, possibly, likely)
_MODAL = (
    r"pourrai(?:en)?t|peut-être|éventuellement|probablement|vraisemblablement|possiblement|sans\s+doute|"
    r"(?:il\s+est|serait)\s+(?:possible|probable)\s+(?:que|qu['’])|(?:est|sont)\s+susceptibles?\s+d"
)
# expected or scheduled, not done: "devrait être approuvée", "est censé", "la rencontre est prévue lundi", "La
# visite prévue lundi ..." (a planned thing as the subject); not "comme prévu" (as planned: done), nor an act on a
# planned thing ("a annulé la visite prévue": the cancellation is told, as en "called off the planned visit")
_EXPECTED = (
    r"(?:est|sont|était|étaient)\s+censée?s?|sur\s+le\s+point\s+d|"
    r"(?:est|sont|était|étaient|a\s+été|ont\s+été|sera|seront)\s+(?:\w+ment\s+)?(?:prévue?s?|programmée?s?)"
)
_PLANNED_SUBJECT = (
    r"^\W*(?:la|le|les|l['’]|une|un|cette|ce|cet|ces)\s*(?:[\w'’-]+\s+){1,4}?(?:prévue?s?|programmée?s?)\b"
)
# plans and intentions: "envisage de", "prévoit de", "projette de", "a l'intention de", "son projet de fermer"; a
# plan undone ("a renoncé à son projet de", "le projet de ... a été abandonné") is asserted (codebook: CONCEDE), as
# in the en pack; one fixed-width lookbehind per undoing verb and determiner. "projet de loi" is a bill.
_UNDOING = ("renoncé à", "renonce à", "renoncent à", "abandonné", "abandonne", "abandonnent", "annulé", "annule",
            "annulent", "retiré", "retire", "retirent", "enterré", "enterre", "suspendu", "suspend", "gelé", "gèle")  # fmt: skip
_DETERMINERS = ("son ", "sa ", "ses ", "leur ", "leurs ", "le ", "les ", "un ", "ce ", "cette ", "l'", "l’")
_UNDONE = r"(?:abandonnée?s?|annulée?s?|retirée?s?|enterrée?s?|suspendue?s?|gelée?s?)"
_PROJECT = (
    "".join(
        "(?<!\\b" + (verb + " " + det).replace(" ", r"\s") + ")" for verb in _UNDOING for det in _DETERMINERS
    )
    + r"(?:projets?|intention|plans?)\s+d(?:e\s+|['’])\s*(?:se\s+|s['’])?(?=\w+(?:er|ir|re|oir)\b)"
    + r"(?![^.;]{0,80}?\b(?:a|ont|avait|avaient)\s+été\s+"
    + _UNDONE
    + r")"
)
_PLAN = (
    r"envisag(?:e|es|ent|eait|eaient|é|ée|ées|eant)|prévo(?:it|ient|yait|yaient|yant)|"
    r"(?:a|ont|avait|avaient)\s+prévu\s+d|projett?(?:e|ent|ait|aient)\s+d|(?:a|ont|avait|avaient)\s+l['’]intention\s+d|"
    r"aucun(?:e)?\s+(?:projet|intention|plan)\b|" + _PROJECT
)
# reported, not vouched for: the conditionnel passé of reported speech ("aurait signé", "auraient été tués": also
# what would have been, "aurait pu"), "serait mort", unnamed sources, "prétendument", "semble avoir"
_REPORTED = (
    r"aurai(?:en)?t|serai(?:en)?t\s+(?:\w+\s+)?(?:morte?s?|tuée?s?|blessée?s?|arrivée?s?|partie?s?|entrée?s?|"
    r"impliquée?s?|détenue?s?|arrêtée?s?|retenue?s?|décédée?s?|rendue?s?)|"
    r"selon\s+(?:des|plusieurs|certaines|de\s+premières|nos)\s+rumeurs|prétendument|apparemment|sembl(?:e|ent|ait|aient|erait)\s+(?:avoir|être)|"
    r"rumeurs?|dit-on"
)
# denied or left open: "a démenti", "nie", "aucune preuve", "n'exclut pas", "a refusé de commenter"
_DENIAL = (
    r"démen(?:ti|t|tent|tait|taient|tant)\b|ni(?:e|ent|é|ait|aient|ant)\b|aucune\s+preuve|"
    r"n['’]exclu(?:t|ent|ait)\s+pas|pas\s+(?:été\s+)?exclue?s?|on\s+ignore|"
    r"(?:refusé|refuse|refusent|décliné)\s+de\s+(?:commenter|confirmer|s['’]exprimer)"
)
# negated: "n'a pas signé", "ne s'est pas rendu", "n'est pas venu", "ne signera pas"; not "n'a pas hésité à" (did),
# "n'a pas seulement" (did, and more), nor in a sentence with a condition ("menace de ... si la rançon n'est pas
# versée": the threat is asserted; a condition alone is already ``hypothetical``), nor in a relative clause between
# commas ("Le ministre, qui n'avait pas assisté au sommet, a rencontré ...": another predicate's negation)
_NEGATED = (
    r"^(?!.*\b(?:si|s['’]ils?|à\s+moins\s+qu)\b).*?(?<!,\squi\s)(?:"
    r"\bn['’](?:a|ont|avait|avaient)\s+(?:finalement\s+|toujours\s+|encore\s+)?(?:pas|jamais|plus|point|toujours\s+pas)\s+(?:encore\s+)?"
    r"(?!seulement|uniquement|que\b|qu['’]|hésité|tardé|manqué|cessé|caché|ménagé)|"
    r"\bn['’](?:est|sont|était|étaient)\s+(?:pas|jamais)\s+(?:encore\s+)?"
    r"(?:venue?s?|allée?s?|arrivée?s?|partie?s?|entrée?s?|revenue?s?|retournée?s?)\b|"
    r"\bne\s+(?:s['’](?:est|était)|se\s+sont|l['’](?:a|ont)|les\s+(?:a|ont)|lui\s+(?:a|ont)|leur\s+(?:a|ont))\s+"
    r"(?:pas|jamais)|\bne\s+\w+(?:ra|ront)\s+(?:pas|jamais))"
)
# a meeting or visit called off or put off ("a annulé la visite prévue", "La visite ... a été reportée"): no
# meeting took place, whatever the classifier reads (the project's training label for "The minister's visit was
# cancelled": no event); the cancellation itself (REJECT) survives the cue (events/learned.py CUE_TYPES)
_MEETING_NOUNS = (
    r"(?:visite|voyage|déplacement|tournée|rencontre|réunion|sommet|entretien|entrevue|conférence|cérémonie|"
    r"signature|négociations|pourparlers)s?\b"
)
# ... unless the sentence says it took place after all ("reportée deux fois, la visite a finalement eu lieu", "s'est
# tenue malgré tout"): a meeting held; not "n'a finalement pas eu lieu"
_HELD_AFTER_ALL = (
    r"\b(?:finalement|enfin|tout\s+de\s+même|quand\s+même|bel\s+et\s+bien|malgré\s+tout)\b"
    r"(?:(?!\b(?:pas|jamais|plus|point)\b)[^.;]){0,40}?\b(?:eu\s+lieu|tenue?s?|déroulée?s?|organisée?s?)\b|"
    r"\b(?:eu\s+lieu|tenue?s?|déroulée?s?)\s+(?:\S+\s+){0,2}?(?:finalement|enfin|malgré\s+tout|quand\s+même)\b"
)
_NOT_HELD = r"(?![^.;]*?(?:" + _HELD_AFTER_ALL + r"))"
_CANCELLED = (
    r"\b" + _NOT_HELD + r"(?:annulé|reporté|ajourné|repoussé|décommandé|renoncé\s+à)\s+"
    r"(?:(?!(?:après|avant|pendant|lors|à|au|aux|en|pour|malgré|depuis|avec|dans|sur|de|du|des)\b)[\w'’-]+\s+){0,3}?"
    + _MEETING_NOUNS
    + "|"
    r"\b" + _NOT_HELD + _MEETING_NOUNS + r"[^.;]{0,80}?\b(?:a|ont|avait|avaient|est|sont)\s+(?:été\s+)?"
    r"(?:reportée?s?|annulée?s?|ajournée?s?|repoussée?s?|décommandée?s?)\b"
)
# "devrait" is expected ("La visite devrait avoir lieu en mai") unless it is what someone says another ought to do: "X
# a déclaré que Y devrait retirer ses troupes" is X's demand (REQUEST, as en "said Y should"), asserted; the verb after
# it tells an expectation ("devrait avoir lieu", "devrait se rendre") from a demand
_SAYS_OUGHT = (
    r"\b(?:(?:a|ont)\s+(?:\w+ment\s+)?(?:déclaré|estimé|affirmé|jugé|insisté\s+sur\s+le\s+fait|répété|martelé|exigé|"
    r"réclamé|souligné|dit|écrit|ajouté|plaidé\s+pour)|estime|estiment|juge|jugent|affirme|affirment|exige|exigent|"
    r"réclame|réclament|martèle|martèlent)\s+(?:que\s+|qu['’])[^;?!]{0,80}?\bdevrai(?:en)?t\s+(?:\w+ment\s+)?"
    r"(?!(?:avoir\s+lieu|être|se\s+tenir|se\s+dérouler|intervenir|durer|arriver|commencer|débuter|aboutir|coûter|"
    r"atteindre|permettre|se\s+rendre|rencontrer|recevoir|visiter|signer|s['’]entretenir)\b)"
)
_DEVRAIT = r"^(?!.*?" + _SAYS_OUGHT + r").*?\bdevrai(?:en)?t\b"
# "selon des sources" attributes; the mood says whether the writer vouches for the act: a past act in the passé
# composé by a named doer after it ("Selon des sources diplomatiques, l'Algérie a expulsé deux diplomates") is
# reported as fact (asserted); the conditionnel ("aurait expulsé": its own cue above), any other tense, or a doer
# the sources alone name ("l'armée a abattu deux drones") is not. Named: a capitalised word in the act's comma
# segment. Read up to where a rule trigger starts (the text before it ends the string): the trigger is the act
_PAST_ACT = (
    r"\b(?:a|ont)\s+(?:(?:\w+ment|déjà|aussi|également|bien)\s+)?(?:été\s+)?(?!lieu\b|priori\b|droit\b)"
    r"\w+(?:é|ée|és|ées|i|ie|is|ies|it|ite|its|u|ue|us|ues|ert|erte|erts|ertes)\b"
)
_SOURCES = (
    r"\b(?:selon\s+(?:des|plusieurs|certaines|de\s+premières|nos)\s+(?:sources|informations|témoins|médias)|"
    r"selon\s+la\s+presse|de\s+sources?\s+(?:\w+\s+)?(?:proches?|diplomatiques?|sécuritaires?|policières?|militaires?|"
    r"concordantes|anonymes?|bien\s+informées))\b"
    r"(?![^.;?!]*?,\s*[^.;?!,]*?\b(?-i:[A-ZÀ-ÖØ-Þ])[^.;?!,]*?(?:" + _PAST_ACT + r"|$))"
)
# the present conditionnel of reported speech in a main clause ("La Russie fournirait des armes", "préparerait une
# offensive"): what is said, not vouched for; not after "que/qu'/si/qui" (the future in the past, "a annoncé que la
# France fournirait": a promise; a condition; another predicate's), nor the imparfait of -rer verbs ("préparait",
# "déclarait": "-erait" needs the infinitive's e), nor "trait/retrait/portrait"
_CONDITIONNEL = (
    r"^(?:(?!\b(?:que|qu['’]|si|s['’]ils?|qui)(?:\b|(?<=['’])))[^;])*?"
    r"\b(?:\w+(?<!é)erai(?:en)?t|\w+rrai(?:en)?t|(?:vien|tien|voud|vau|fau|pren|ren|attein|rejoin|join|craind)drai(?:en)?t|"
    r"(?:fourni|agi|réagi|investi|choisi|fini|parti|sorti|réussi|établi|bâti|servi|offri|ouvri|souffri)rai(?:en)?t|"
    r"aurai(?:en)?t|serai(?:en)?t|ferai(?:en)?t|irai(?:en)?t|saurai(?:en)?t)\b"
)
# a yes/no question asserts nothing ("L'Algérie a-t-elle expulsé ... ?"); a wh-question presupposes its act
_QUESTION = r"^(?!\W*(?:pourquoi|comment|quand|où|combien|qui|que|qu['’]|quel\w*|lequel|laquelle)\b)[^?]*\?"
# generic, not one event: "souvent", "généralement"
_GENERIC = r"habituellement|généralement|souvent|couramment|traditionnellement|d['’]ordinaire|historiquement"
_NONFACTUAL = (
    r"\b(?:"
    + "|".join((_MODAL, _EXPECTED, _PLAN, _REPORTED, _DENIAL, _GENERIC))
    + r")"
    + "|"
    + "|".join((_NEGATED, _PLANNED_SUBJECT, _QUESTION, _DEVRAIT, _SOURCES, _CONDITIONNEL))
)

T = Trigger

#: the office and leader nouns of a description ("le dirigeant laotien", "son homologue
#: ukrainien"): the entity pack's titles, and the words that name no title of their own
DESCRIPTION_NOUNS: dict[str, tuple[str, ...]] = {
    **{title.lower(): (role,) for title, role in ENTITY_RULES.titles.items()},
    "dirigeant": LEADER_ROLES, "dirigeante": LEADER_ROLES, "homologue": (), "envoyé": ("ambassador",),
    "envoyée": ("ambassador",), "émissaire": ("ambassador",),
}  # fmt: skip

RULES = EventRules(
    triggers=(
        # -- CONSULT --------------------------------------------------------------------------
        # "Quang a discuté avec X de ...", "a discuté de la sécurité avec X": a meeting with X
        T(r"\b" + _AUX + r"(?P<t>discuté|débattu)\b[^.;,]{0,60}?\bavec\s", "CONSULT", joint=True,
          target=TARGET_REQUIRED, target_gap=80, confidence=0.75),
        T(r"\b" + _AUX + r"(?P<t>rencontré)|\b(?P<t2>rencontre|rencontrent)\b(?!\s+(?:de|des|du|entre|avec)\b)",
          "CONSULT", joint=True, target=TARGET_REQUIRED, target_gap=40, confidence=0.85),
        T(r"\b(?:s['’](?:est|était)|se\s+sont|s['’]étaient)\s+(?:\w+ment\s+|longuement\s+)?entretenue?s?"
          r"(?:\s+(?:par\s+téléphone|au\s+téléphone|en\s+visioconférence))?(?:\s+\w+)?\s+avec\b",
          "CONSULT", joint=True, target=TARGET_REQUIRED, target_gap=40, confidence=0.9),
        T(r"\b(?:se\s+sont|s['’]étaient|s['’]est|s['’]était)\s+(?:\w+\s+)?(?:entretenus|parlé|téléphoné)\b",
          "CONSULT", joint=True, confidence=0.8),
        T(r"\b(?:ont|a|avaient|avait)\s+(?:tenu|eu|mené)\s+(?:un|une|des|de\s+longs?)\s+(?:\w+\s+)?(?:entretiens?|pourparlers|discussions|consultations|négociations|réunion|échanges?)\b",
          "CONSULT", joint=True, confidence=0.85),
        T(r"\b" + _AUX + r"(?P<t>reçu|accueilli)\b(?!\s+(?:un|une|des|le|la|les|l['’]|du|de|d['’])\s*(?:soutien|appui|aide|lettre|message|appel|menaces?|courrier|rapport|prix|financement|plainte|critiques?|coup)\b)",
          "CONSULT", mode="visit", host="source", target=TARGET_REQUIRED, target_gap=40, confidence=0.85),
        T(r"\b(?:a|ont|avait|avaient)\s+été\s+(?P<t>reçue?s?|accueillie?s?)\b", "CONSULT", mode="visit",
          host="source", voice="passive", confidence=0.85),
        T(r"\b" + _AUX + r"(?P<t>visité)\b", "CONSULT", mode="visit", host="target", target=TARGET_REQUIRED,
          target_gap=30, confidence=0.8),
        T(r"\b" + _AUX + r"(?P<t>téléphoné\s+à|appelé\s+au\s+téléphone)\b", "CONSULT", mode="phone", joint=True,
          target=TARGET_REQUIRED, target_gap=20, confidence=0.8),
        # "S'exprimant lors de la 30e réunion du Conseil X, Y a déclaré": speaking at a body's meeting
        # is attending it (a multilateral CONSULT with the body); the participle opens the sentence (or
        # follows its opening phrase) and its subject follows a comma
        T(r"(?<![\w;:]\s)(?<![\w;:])(?P<t>s['’]exprimant|intervenant|prenant\s+la\s+parole)\s+(?:lors|au\s+cours)\s+(?:de\s+la|d['’]une)\s+(?:[\w-]+\s+){0,2}?(?:réunion|session|séance(?:\s+plénière)?)\s+(?:du|de\s+la|de\s+l['’]|des|de)",
          "CONSULT", mode="multilateral", target=TARGET_REQUIRED, target_gap=30, subject_after=True, passive_ok=False,
          confidence=0.7),
        # -- SUPPORT ----------------------------------------------------------------------------
        T(r"\b" + _AUX + r"(?P<t>salué|félicité|loué|remercié|rendu\s+hommage\s+à)\b", "SUPPORT",
          target=TARGET_OBJECT, confidence=0.85),
        # "a souhaité plein succès à l'Afrique du Sud": good wishes, as vi "chúc ... thành công"
        T(r"\b" + _AUX + r"(?P<t>souhaité)\b(?=[^.;]{0,60}?\bsuccès\b)", "SUPPORT", target=TARGET_REQUIRED,
          confidence=0.75),
        T(r"\b(?:s['’]est|se\s+sont)\s+(?P<t>félicitée?s?|réjouie?s?)\s+(?:de|du|des|d['’])", "SUPPORT",
          target=TARGET_OBJECT, confidence=0.8),
        T(r"\b" + _AUX + r"(?P<t>soutenu|appuyé|approuvé|(?:exprimé|réaffirmé|apporté)\s+(?:son|leur|tout\s+son)\s+(?:soutien|appui))\b",
          "SUPPORT", target=TARGET_OBJECT, confidence=0.8),
        T(r"\b" + _AUX + r"(?P<t>signé|paraphé|ratifié)\b", "SUPPORT", target=TARGET_OBJECT, confidence=0.8),
        T(r"\b(?:a|ont)\s+été\s+(?P<t>signée?s?|ratifiée?s?)\s+par\b", "SUPPORT", voice="passive",
          confidence=0.8),
        # -- AGREE ------------------------------------------------------------------------------
        T(r"\b(?:sont|est|se\s+sont\s+mis|s['’]est\s+mise?)\s+(?:\w+ment\s+)?(?P<t>convenue?s?|d['’]accord)\b",
          "AGREE", confidence=0.85),
        T(r"\b" + _AUX + r"(?P<t>conclu\s+un\s+accord|trouvé\s+un\s+accord|accepté)\b", "AGREE", confidence=0.8),
        # "il a convenu d'étudier ...", "ils ont convenu que ...": the passé composé with "avoir"
        T(r"\b" + _AUX + r"(?P<t>convenu)\s+(?:de|d['’]|que|qu['’])", "AGREE", confidence=0.85),
        T(r"\b(?:s['’]est|se\s+sont)\s+(?P<t>engagée?s?)\s+à\b|\b" + _AUX + r"(?P<t2>promis|offert)\s+(?:de|d['’])",
          "AGREE", confidence=0.85, possessive_is_source=True),
        T(r"\b(?:est|sont|s['’]est\s+dite?|s['’]est\s+déclarée?)\s+(?:\w+\s+)?(?P<t>prête?s?|disposée?s?)\s+à\b",
          "AGREE", confidence=0.75, passive_ok=False),
        T(r"\b" + _AUX + r"(?P<t>proposé)\b", "AGREE", confidence=0.7),
        # an invitation to visit or take part (an invitation to act is a request)
        T(r"\b" + _AUX + r"(?P<t>invité)\b(?=[^.;]{0,60}?\bà\s+(?:effectuer|se\s+rendre|visiter|venir|participer|assister))",
          "AGREE", confidence=0.7),
        T(r"\b" + _AUX + r"(?P<t>présenté|soumis|mis\s+sur\s+la\s+table)\s+(?:un|une|leur|son|sa)\s+(?:\w+\s+)?(?:proposition|plan|offre|initiative|feuille\s+de\s+route)\b",
          "AGREE", confidence=0.7),
        # a visit or a meeting still to come is an agreement to meet
        T(r"\b(?P<t>rencontrera|rencontreront|recevra|recevront|accueillera|accueilleront|se\s+rendra|se\s+rendront|se\s+rendrait|visitera|signera|signeront|se\s+retrouveront|se\s+réuniront|organisera|organiseront)\b",
          "AGREE", confidence=0.7),
        T(r"\b(?:doit|doivent|devrait|devraient|devra|devront)\s+(?P<t>(?:se\s+rendre|rencontrer|recevoir|visiter|signer|s['’]entretenir))\b",
          "AGREE", confidence=0.7, passive_ok=False),
        T(r"\b(?:est|sont)\s+(?P<t>attendue?s?)\s+(?:à|au|aux|en|le|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)\b",
          "AGREE", confidence=0.65, passive_ok=False),
        T(r"\b(?:va|vont|continuera|continueront|entend|entendent)\s+(?:\w+ment\s+)?" + _COOP, "AGREE",
          confidence=0.65),
        # -- REQUEST ----------------------------------------------------------------------------
        T(r"\b(?:" + _AUX + r"(?P<t>appelé|exhorté)|(?P<t2>appelle|exhorte))\b(?=[^.;]{0,80}?\b(?:à|au|aux)\b)",
          "REQUEST", confidence=0.85),
        T(r"\b" + _AUX + r"(?P<t>demandé|exigé|réclamé|sollicité|plaidé\s+pour|pressé|enjoint)\b", "REQUEST",
          confidence=0.85),
        T(r"\b" + _AUX + r"(?P<t>suggéré|recommandé)\b", "REQUEST", confidence=0.75),
        # -- ACCUSE / REJECT / THREATEN ---------------------------------------------------------
        T(r"\b" + _AUX + r"(?P<t>condamné|dénoncé|critiqué|fustigé|déploré|blâmé|vilipendé)\b(?!\s+à\s+\w+\s+(?:ans|mois)\b)",
          "ACCUSE", mode="disapprove", confidence=0.85),
        T(r"\b" + _AUX + r"(?P<t>accusé|inculpé|poursuivi)\b", "ACCUSE", mode="allege", confidence=0.8),
        T(r"\b(?:a|ont|avait|avaient)\s+été\s+(?P<t>mise?s?\s+en\s+examen|inculpée?s?)\b", "ACCUSE", mode="allege",
          confidence=0.75),
        T(r"\b" + _AUX + r"(?P<t>convoqué)\s+(?:\w+\s+){0,2}?(?:ambassadeur|ambassadrice|chargée?\s+d['’]affaires|diplomate)",
          "ACCUSE", mode="disapprove", confidence=0.8),
        T(r"\b" + _AUX + r"(?P<t>ouvert\s+une\s+enquête)\b", "ACCUSE", mode="investigate", confidence=0.65),
        T(r"\b" + _AUX + r"(?P<t>rejeté|refusé|démenti|récusé|opposé\s+son\s+veto)\b|\b(?P<t2>rejette|refuse|rejettent)\b",
          "REJECT", confidence=0.8),
        T(r"\b(?:que|qu['’])\s*(?:\w+\s+){0,3}?(?:a|ont)\s+(?:aussitôt\s+)?(?P<t>rejetée?s?|refusée?s?)\b", "REJECT",
          confidence=0.75),
        # a meeting or visit called off is a REJECT `meet` (PLOVER: "Cancellation of meetings are REJECT"); "reporté"
        # (put off) is no refusal (``non_event`` only); "a été annulée" (passive) names no one who cancels
        T(r"\b" + _AUX + r"(?P<t>annulé|décommandé)\s+(?=(?:(?!(?:après|avant|pendant|lors|à|au|aux|en|pour|malgré|"
          r"depuis|avec|dans|sur|de|du|des)\b)[\w'’-]+\s+){0,3}?" + _MEETING_NOUNS + ")",
          "REJECT", mode="meet", confidence=0.75),
        # ... and in the passive with its agent ("La rencontre avec le Cambodge a été annulée par la Thaïlande"): the
        # agent cancels, what the meeting was with is the target (the pattern opens at the meeting's article)
        T(r"(?:\b(?:la|le|les|une|un|cette|ce|sa|son|ses|leur|leurs)\s+|\bl['’])?\b" + _MEETING_NOUNS
          + r"[^.;]{0,80}?\b(?:a|ont|avait|avaient)\s+été\s+(?P<t>annulée?s?|décommandée?s?)\s+par\b", "REJECT",
          mode="meet", voice="passive", min_sources=1, confidence=0.75),
        T(r"\b" + _AUX + r"(?P<t>menacé\s+de|menacé\s+d['’]|averti\s+que|mis\s+en\s+garde)|\b(?P<t2>menace\s+de|menacent\s+de)\b",
          "THREATEN", confidence=0.75),
        # -- PROTEST ----------------------------------------------------------------------------
        T(r"\b" + _AUX + r"(?P<t>manifesté|défilé|protesté)\b|\bse\s+sont\s+(?P<t2>rassemblés|mobilisés)\b",
          "PROTEST", mode="demo", confidence=0.75),
        T(r"\b(?P<t>manifestants|grévistes)\b(?=\s+(?:ont|avaient|se\s+sont)\b)", "PROTEST", mode="demo",
          confidence=0.7),
        T(r"\b" + _AUX + r"(?P<t>lancé|entamé|déclenché|poursuivi|reconduit)\s+(?:un|une|leur|la)\s+(?:\w+\s+)?(?:grève|mouvement\s+de\s+grève)",
          "PROTEST", mode="strike", confidence=0.8),
        T(r"\b(?:sont|étaient)\s+(?P<t>en\s+grève)\b", "PROTEST", mode="strike", confidence=0.75),
        T(r"\b" + _AUX + r"(?P<t>boycotté)\b", "PROTEST", mode="boycott", confidence=0.7),
        T(r"\b" + _AUX + r"(?P<t>jeté|lancé)\s+(?:\w+\s+){0,2}?(?:pierres|projectiles|œufs|oeufs|cocktails\s+molotov|pavés)\b",
          "PROTEST", mode="riot", confidence=0.7),
        # -- SANCTION ---------------------------------------------------------------------------
        T(r"\b(?:" + _AUX + r"(?:adopté|imposé|décrété|infligé|prononcé|annoncé)\s+(?:[\w'’-]+\s+){0,6}?(?P<t>sanctions)|" + _AUX
          + r"(?P<t2>sanctionné))\b", "SANCTION", mode="discontinue", confidence=0.85),
        T(r"\b" + _AUX + r"(?P<t>suspendu|rompu|gelé)\s+(?:\w+\s+){0,2}?(?:relations|coopération|aide|accords?|négociations|liens|avoirs)\b",
          "SANCTION", mode="discontinue", confidence=0.8),
        T(r"\b(?:" + _AUX + r"(?P<t>expulsé)|en\s+(?P<t2>expulsant))\s+(?:\w+\s+){0,3}?(?:diplomates|agents|ambassadeur|ambassadrice|consuls?|fonctionnaires)\b",
          "SANCTION", mode="expel", confidence=0.8),
        T(r"\b(?:" + _AUX + r"|en\s+)(?P<t>rappelé|rappelant)\s+(?:son|leur|ses)\s+ambassadeur", "SANCTION",
          mode="expel", confidence=0.75),
        T(r"\b(?:a|ont)\s+été\s+(?P<t>condamnée?s?)\s+à\b", "SANCTION", mode="convict", voice="passive",
          confidence=0.8),
        # -- MOBILIZE ---------------------------------------------------------------------------
        T(r"\b" + _AUX + r"(?P<t>déployé|mobilisé|dépêché|envoyé)\s+(?:\w+\s+){0,3}?(?:renforts|troupes|soldats|militaires|forces|navires\s+de\s+guerre|blindés)\b",
          "MOBILIZE", mode="troops", confidence=0.8),
        T(r"\b" + _AUX + r"(?P<t>déployé|mobilisé|dépêché)\s+(?:\w+\s+){0,3}?(?:policiers|gendarmes|agents|forces\s+de\s+l['’]ordre|secouristes)\b",
          "MOBILIZE", mode="police", confidence=0.7),
        # -- COERCE -----------------------------------------------------------------------------
        T(r"\b" + _AUX + r"(?:également\s+)?(?P<t>arrêté|interpellé|appréhendé|placé\s+en\s+garde\s+à\s+vue|écroué)\b",
          "COERCE", mode="arrest", confidence=0.85),
        T(r"\b(?:a|ont|avait|avaient)\s+été\s+(?P<t>arrêtée?s?|interpellée?s?|appréhendée?s?|placée?s?\s+en\s+garde\s+à\s+vue|écrouée?s?)\b",
          "COERCE", mode="arrest", confidence=0.8),
        T(r"\b" + _AUX + r"(?P<t>saisi|confisqué|démantelé|perquisitionné)\b", "COERCE", mode="seize",
          confidence=0.75),
        T(r"\b" + _AUX + r"(?P<t>expulsé|reconduit\s+à\s+la\s+frontière)\b(?!\s+(?:\w+\s+){0,3}?(?:diplomates|agents|ambassadeur|consuls?)\b)",
          "COERCE", mode="deport", confidence=0.75),
        T(r"\b" + _AUX + r"(?P<t>interdit)\b", "COERCE", mode="restrict", confidence=0.6),
        T(r"\b" + _AUX + r"(?:instauré|décrété|imposé)\s+(?:un\s+)?(?P<t>couvre-feu)\b", "COERCE", mode="curfew",
          confidence=0.85),
        T(r"\b" + _AUX + r"(?:décrété|déclaré|proclamé)\s+(?:l['’])?(?P<t>état\s+d['’]urgence|loi\s+martiale)\b",
          "COERCE", mode="martial-law", confidence=0.85),
        # -- ASSAULT ----------------------------------------------------------------------------
        T(r"\b" + _AUX + r"(?P<t>attaqué|tué|pris\s+d['’]assaut)\b", "ASSAULT", confidence=0.75),
        T(r"\b" + _AUX + r"(?P<t>enlevé|kidnappé|pris\s+en\s+otage)\b", "ASSAULT", mode="abduct", confidence=0.85),
        T(r"\b" + _AUX + r"(?P<t>bombardé|pilonné|tiré\s+des\s+(?:roquettes|missiles|obus))\b", "ASSAULT",
          mode="heavy-weapons", confidence=0.85),
        T(r"\b(?P<t>frappes?\s+aériennes?)\b", "ASSAULT", mode="aerial", confidence=0.7),
        T(r"\b(?P<t>frappes?\s+de\s+drones?)\b", "ASSAULT", mode="drone", confidence=0.7),
        T(r"\b" + _AUX + r"(?P<t>assassiné)\b", "ASSAULT", mode="assassinate", confidence=0.85),
        # -- AID / COOPERATE --------------------------------------------------------------------
        T(r"\b" + _AUX + r"(?P<t>livré|envoyé|fourni|acheminé|octroyé|débloqué|offert|fait\s+don\s+de)\s+(?:[\w,.'’-]+\s+){0,5}?(?:aide|assistance|tonnes|matériel|vivres|médicaments|équipements?|dons?|millions|milliards|vaccins|tentes|couvertures)\b",
          "AID", confidence=0.75),
        T(r"\b(?:aide|dons?|assistance)\s+(?:a|ont)\s+été\s+(?P<t>remise?s?|livrée?s?|acheminée?s?)\s+par\b", "AID",
          voice="passive", confidence=0.75),
        T(r"\b" + _AUX + r"(?P<t>accordé\s+l['’]asile)\b", "AID", mode="asylum", confidence=0.8),
        T(r"\b" + _AUX + r"(?P<t>extradé)\b", "COOPERATE", confidence=0.85),
        T(r"\b" + _AUX + r"(?P<t>échangé|partagé|transmis)\s+(?:\w+\s+){0,2}?(?:informations|renseignements|données)\b",
          "COOPERATE", confidence=0.7),
        T(r"\b(?:patrouilles?|opérations?|enquêtes?|exercices?|manœuvres)\s+(?P<t>conjointe?s?)\b", "COOPERATE",
          joint=True, confidence=0.7),
        # -- CONCEDE / RETREAT ------------------------------------------------------------------
        T(r"\b" + _AUX + r"(?P<t>levé\s+(?:son|leur|le|la|les|l['’])\s*(?:veto|restrictions))\b",
          "CONCEDE", confidence=0.8),
        T(r"\b" + _AUX + r"(?P<t>levé\s+(?:son|leur|le|la|les|l['’])\s*(?:embargo|sanctions|couvre-feu|blocage|blocus|état\s+d['’]urgence))\b",
          "RETREAT", mode="ease", confidence=0.8),
        T(r"\b" + _AUX + r"(?P<t>gracié|amnistié|présenté\s+(?:ses|des)\s+excuses|assoupli)\b", "CONCEDE",
          confidence=0.8),
        T(r"\b" + _AUX + r"(?P<t>libéré|relâché|remis\s+en\s+liberté)\b(?=[^.;]{0,40}\b(?:otages?|prisonniers?|détenus?|captifs?|pêcheurs|marins|opposants?)\b)",
          "RETREAT", mode="release", confidence=0.8),
        T(r"\b" + _AUX + r"(?P<t>retiré)\s+(?:\w+\s+){0,4}?(?:troupes|soldats|forces|contingents?|casques\s+bleus|militaires)\b",
          "RETREAT", mode="withdraw", confidence=0.8),
        T(r"\b" + _AUX + r"(?P<t>démissionné)\b", "RETREAT", mode="resign", confidence=0.8),
    ),
    # "la rencontre", "une visite", "lors de la signature", "sa réception"
    blocked_before=r"\b(?:la|une|cette|sa|son|leur|de|du|des|lors\s+de|après\s+la)\s+$",
    blocked_after=r"^\s+(?:compte|note|acte|part|fin)\b",
    negation=r"\b(?:ne|n['’])\s*(?:\w+\s+){0,2}?(?:pas|jamais|plus|guère|point)\s+$|\b(?:pas|jamais)\s+$",
    # a threat is conditional by nature: "a menacé de ... si ..." asserts the threat (codebook: THREATEN)
    hypothetical=r"^(?!.*\b(?:menac\w*|avert\w*|ultimatum)\b.*\b(?:si|s['’]ils?)\b).*?\b(?:si|s['’]il|s['’]ils|au\s+cas\s+où|à\s+condition\s+que)\b",
    clause_break=r";|\s+—\s+|\s+–\s+",
    # "a dénoncé ... et a menacé de ...": a second verb in the passé composé opens its own clause (its
    # trigger starts at the auxiliary, right after "et")
    clause_conjunction=r"\s(?:et|,)\s",
    complement=r"\b(?:pour|afin\s+de|que|qu['’]|de\s+(?=\w+er\b)|à\s+(?=\w+er\b))",
    reporting=r"\b(?:déclaré|indiqué|affirmé|souligné|précisé|ajouté|expliqué|annoncé|rappelé\s+que|assuré|estimé|insisté|réitéré|martelé|confié|dit|selon)\b",
    opinion=r"\b(?:estime|estiment|pense|pensent|croit|croient|juge|jugent|espère|espèrent|considère|considèrent)\s+(?:que|qu['’])",
    nonfactual=_NONFACTUAL,
    non_event=_CANCELLED,
    # "a averti que la loi pourrait être détournée": a warning of a possibility, not a threat
    possibility=r"\b(?:pourrai(?:en)?t|pourra|pourront|risque(?:nt|rait)?\s+de|peut-être|possiblement|(?-i:peut|peuvent)\b(?!-être))",
    passive_aux=r"\b(?:a|ont|avait|avaient|aura|auront)\s+été\s+$|\b(?:est|sont|était|étaient|fut|furent)\s+$",
    agent_marker=r"\bpar\b",
    joint_subject=r"\b(?:les\s+deux\s+(?:parties|dirigeants|ministres|pays|chefs\s+d['’]État|chefs\s+de\s+la\s+diplomatie|hommes|délégations|présidents|camps|gouvernements)|les\s+deux\s+parties|les\s+deux)\b",
    person_pronoun=r"\b(?:il|elle)\b",
    adverbial_opener=r"^\s*(?:Selon|D['’]après|Lors\s+d|Au\s+cours|À\s+l['’]issue|En\s+marge|Dans\s+|En\s+|Au\s+|Aux\s+|À\s+|Après\s+|Avant\s+|Pendant\s+|Durant\s+|Avec\s+|S['’]exprimant|Interrogée?\s+|De\s+son\s+côté|Pour\s+sa\s+part|\w+ant\b)",
    specific_object=r"\b(?:initiative|proposition|plan|convention|accord|traité|protocole|mémorandum|programme|projet|résolution|candidature|déclaration|décision|mesures?|partenariat|appel|envoi|réforme|offre)\b",
    # "à la Maison des congrès", "dans l'enceinte": the article before a named place is the locative's
    locative=r"\b(?:à|au|aux|en|dans)\s+(?:(?:la|le|les)\s+|l['’])?$",
    # inside an object only "en"/"dans" say where; "à l'Afrique du Sud" is also to whom
    object_locative=r"\b(?:en|dans)\s+(?:(?:la|le|les)\s+|l['’])?$",
    between=r"\b(?:entre|les\s+deux)\s+$",
    on_behalf=r"\bau\s+nom\s+(?:de\s+(?:la\s+|l['’])?|du\s+|des\s+|d['’])$",
    bilateral=r"\bbilatéra\w*",
    # "ensemble", "trilatérale": one meeting with several counterparts
    met_together=r"\b(?:ensemble|conjointement|trilatéra\w*)\b",
    planned_meeting=r"\b(?:rencontrera|rencontreront|recevra|recevront|accueillera|accueilleront|se\s+rendra|se\s+rendront|se\s+retrouveront|se\s+réuniront|(?:doit|doivent|devrait|devraient|devra|devront)\s+(?:se\s+rendre|rencontrer|recevoir|visiter|s['’]entretenir))\b",
    meeting_reference=r"\b(?:lors|au\s+cours)\s+de\s+(?:cette|cet|la|l['’])\s*(?:rencontre|réunion|entretien|entrevue)\b",
    past_year_opener=r"^\W*(?:L['’]an\s+dernier|L['’]année\s+dernière|L['’]an\s+passé|Un\s+an\s+plus\s+tôt)\b",
    relative_clause=r",\s*(?:(?:à|au cours de|lors de|pendant|dans|par)\s+(?:laquelle|lequel|lesquels|lesquelles)|qui|que|dont|où|lequel|laquelle)\b",
    # "La réunion a eu lieu un jour après que la police a arrêté ...": that clause, N days before
    days_after=r"\b(?:(?P<d1>un)\s+jour|(?P<d2>deux)\s+jours|(?P<d3>trois)\s+jours)\s+après\s+(?:que\b|qu['’])",
    # "quelques jours après", "au lendemain de", "dans la foulée de": the act told in passing
    in_passing=(
        r"\b(?:(?:quelques|plusieurs)\s+(?:heures|jours|semaines)\s+après|une\s+semaine\s+après|"
        r"au\s+lendemain\s+(?:de|du|des|d['’])|dans\s+la\s+foulée\s+(?:de|du|des|d['’]))"
    ),
    # plus-que-parfait: "avait (déjà) transmis", "avaient été arrêtés", "s'était rendu"; a participle
    # joined to one ("avait suivi le réseau depuis août et transmis"): earlier than the day told
    earlier_act=(
        r"(?:\b(?:avai(?:s|t|ent)|avions|aviez|étai(?:s|t|ent)|étions|étiez)\s+(?:(?:déjà|auparavant|"
        r"préalablement|alors|aussi|également|\w+ment)\s+)?(?:été\s+)?|\bavai(?:t|ent)\s+[^.;:!?,]{0,80}?\bet\s+"
        r"(?:(?:ensuite|puis|aussi|également)\s+)?)$"
    ),
    consult_modes=(
        (r"\b(?:téléphone|téléphonique|visioconférence|en\s+ligne|appel\s+vidéo|par\s+vidéo)\b", "phone"),
        (r"\b(?:en\s+marge|sommet|multilatéra\w*)\b", "multilateral"),
        (r"\b(?:médiation|médiateur|sous\s+l['’]égide)\b", "third-party"),
        (r"\b(?:visite|reçue?s?|accueillie?s?|s['’]est\s+rendue?|en\s+déplacement)\b", "visit"),
    ),
    mode_cues=(
        ("REQUEST", r"\b(?:soutien\w*|aide\w*|assistance|coopér\w*|financ\w*)\b", "assist"),
        ("REQUEST", r"\b(?:rencontr\w*|négoci\w*|dialogue|pourparlers)\b", "meet"),
        ("REQUEST", r"\b(?:libération|libérer|relâcher|cessez-le-feu|trêve|lever|assouplir|retrait\s+(?:\S+\s+){0,4}?(?:troupes|forces|soldats|mission|casques\s+bleus)|retirer\s+(?:\S+\s+){0,2}?(?:troupes|forces|soldats)|rouvrir\s+(?:\S+\s+){0,2}?(?:frontières?|points?\s+de\s+passage))\b", "yield"),
        ("REQUEST", r"\b(?:réforme\w*|chang\w*|démission\w*|modifi\w*|destitution|(?:nouvelles|libres)\s+élections|élections\s+(?:anticipées|libres))\b", "change"),
        ("REJECT", r"\b(?:soutien|aide|assistance|coopération)\b", "assist"),
        ("REJECT", r"\b(?:rencontre|négociations?|dialogue|pourparlers|invitation)\b", "meet"),
        ("REJECT", r"\b(?:libération|libérer|cessez-le-feu|trêve|lever|retrait\s+(?:\S+\s+){0,4}?(?:troupes|forces|soldats|mission|casques\s+bleus)|retirer\s+(?:\S+\s+){0,2}?(?:troupes|forces|soldats)|(?:r)?ouvrir\s+(?:\S+\s+){0,2}?(?:frontières?|points?\s+de\s+passage))\b", "yield"),
        ("REJECT", r"\b(?:réforme\w*|chang\w*|démission\w*|modifi\w*|amendement\w*)\b", "change"),
        # modes of the other types, read for a classifier's event in its whole sentence (and after a
        # rule trigger that carries no mode), first match wins; from the codebook's mode definitions
        ("THREATEN", r"\b(?:arrêt\w*|emprisonn\w*|poursuiv\w*)\b", "arrest"),
        ("THREATEN", r"\b(?:expuls\w*)\b", "expel"),
        ("THREATEN", r"\b(?:rompre|relations\s+diplomatiques|ambassadeur)\b", "relations"),
        ("THREATEN", r"\b(?:sanction\w*|embargo|droits\s+de\s+douane|interdi\w*|restrei\w*)\b", "restrict"),
        ("THREATEN", r"\b(?:attaqu\w*|frapp\w*|représailles|force|guerre|exécut\w*|tuer|abattre|détruire)\b", "violence"),
        ("MOBILIZE", r"\b(?:police|policiers|gendarmes?|CRS|renforts)\b", "police"),
        ("MOBILIZE", r"\b(?:milices?|combattants|rebelles)\b", "militia"),
        ("MOBILIZE", r"\b(?:missiles?|frégates?|navires?|chars|artillerie|avions)\b", "weapons"),
        ("MOBILIZE", r"\b(?:troupes|soldats|régiments?|bataillons?|armée|unités)\b", "troops"),
        ("PROTEST", r"\bgrève\s+de\s+la\s+faim\b", "hunger"),
        ("PROTEST", r"\bboycott\w*\b", "boycott"),
        ("PROTEST", r"\bgrève\w*\b", "strike"),
        ("PROTEST", r"\b(?:émeut\w*|pill\w*|incendi\w*)\b", "riot"),
        ("PROTEST", r"\b(?:bloqu\w*|occup\w*|barrag\w*)\b", "obstruct"),
        ("PROTEST", r"\b(?:manifest\w*|march\w*|rassembl\w*)\b", "demo"),
        ("COERCE", r"\b(?:loi\s+martiale|état\s+d['’]urgence)\b", "martial-law"),
        ("COERCE", r"\b(?:désinformation|fausses\s+nouvelles|infox)\b", "misinformation"),
        ("COERCE", r"\b(?:coupé|couper|coupure)\s+(?:\w+\s+){0,2}?(?:l['’]eau|l['’]électricité|courant|vivres)\b", "withhold"),
        ("COERCE", r"\bcouvre-feu\b", "curfew"),
        ("COERCE", r"\b(?:cyber\w*|pirat\w*)\b", "cyber"),
        ("COERCE", r"\b(?:censur\w*|bloqué\s+l'accès)\b", "censor"),
        ("COERCE", r"\b(?:expuls\w*|reconduit\w*)\b", "deport"),
        ("COERCE", r"\b(?:saisi\w*|perquisition\w*|descentes?)\b", "seize"),
        ("COERCE", r"\b(?:arrêt\w*|interpell\w*|détenu\w*|garde\s+à\s+vue)\b", "arrest"),
        ("COERCE", r"\b(?:interdi\w*|restrei\w*|fermé\w*)\b", "restrict"),
        ("ASSAULT", r"\b(?:assassin\w*|tentative\s+d['’]assassinat|attentat\s+contre\s+(?:le|la|l['’])\s*(?:président|ministre|premier|chef|général|maire|juge|député))\b", "assassinate"),
        ("ASSAULT", r"\b(?:kamikaze|attentat-suicide)\b", "suicide-attack"),
        ("ASSAULT", r"\bdrones?\b", "drone"),
        ("ASSAULT", r"\b(?:frappes?\s+aériennes?|bombardi\w*\s+aérien\w*|raids?\s+aériens?|avions?\s+de\s+(?:chasse|combat)|hélicoptères?\s+de\s+combat)\b", "aerial"),
        ("ASSAULT", r"\b(?:armes?\s+chimiques?|gaz\s+sarin|armes?\s+biologiques?)\b", "unconventional"),
        ("ASSAULT", r"\b(?:enlev\w*|otages?|kidnapp\w*)\b", "abduct"),
        ("ASSAULT", r"\b(?:gaz\s+lacrymogène|balles\s+en\s+caoutchouc|canons?\s+à\s+eau)\b", "crowd-control"),
        ("ASSAULT", r"\b(?:bombe|explos\w*|grenades?|piégée|mines?\s+antipersonnel|engins?\s+explosifs?)\b", "explosives"),
        ("ASSAULT", r"\b(?:obus|roquettes?|mortiers?|pilonn\w*)\b", "heavy-weapons"),
        ("ASSAULT", r"\b(?:ouvert\s+le\s+feu|tir\w*|abattu\w*|fusill\w*)\b", "firearms"),
        ("ASSAULT", r"\b(?:couteaux?|machettes?|armes?\s+blanches?|poignard\w*|pierres)\b", "primitive"),
        ("ASSAULT", r"\b(?:frapp\w*|matraqu\w*|passé\w*\s+à\s+tabac|roué\w*\s+de\s+coups)\b", "beat"),
        ("ASSAULT", r"\btortur\w*\b", "torture"),
        ("ASSAULT", r"\b(?:viols?|violences?\s+sexuelles?|agressions?\s+sexuelles?)\b", "sexual"),
        ("ASSAULT", r"\b(?:incendi\w*|détrui\w*|ras\w*)\b", "destroy"),
        # the kinds of aid the codebook's AID definition names (first match wins)
        ("AID", r"\basile\b", "asylum"),
        ("AID", r"\b(?:aide\s+militaire|assistance\s+militaire|armes|munitions|obus|missiles?|chars|blindés|défense\s+aérienne|équipements?\s+militaires?|patrouilleurs)\b", "military"),
        ("AID", r"\b(?:prêts?|crédits?|appui\s+budgétaire|soutien\s+budgétaire|allègement\s+de\s+(?:la\s+)?dette|annul\w*\s+(?:\S+\s+){0,3}?dettes?|réparations|aide\s+(?:économique|financière))\b", "economic"),
        ("AID", r"\b(?:humanitaire|d['’]urgence|vivres|nourriture|denrées|riz|eau\s+potable|médicaments|médicales?|vaccins|tentes|couvertures|abris|secours|sinistrés|catastrophe|inondations|incendies|pandémie|épidémie|glissements?\s+de\s+terrain|tsunami|séisme|tremblement\s+de\s+terre|cyclone|sécheresse|famine|réfugiés|déplacés|évacu\w*)\b", "humanitarian"),
        ("AID", r"\b(?:subventions?|dons?\s+de\s+\d|financements?|fonds|\d[\d\s.,]*\s*(?:millions?|milliards?)\s+d['’](?:euros|dollars))\b", "economic"),
        ("SANCTION", r"\b(?:condamn\w*|peine|prison)\b", "convict"),
        ("SANCTION", r"\bexpuls\w*\b", "expel"),
        ("SANCTION", r"\b(?:rappel\w*|retir\w*)\b", "withdraw"),
        ("SANCTION", r"\b(?:suspend\w*|gel\w*|interdi\w*|embargo|sanction\w*)\b", "discontinue"),
        ("RETREAT", r"\b(?:lev\w*|assoupli\w*|allég\w*|suspend\w*|mis\s+fin\s+à|rouv\w*)\s+(?:\S+\s+){0,3}?(?:couvre-feu|restrictions?|confinement|état\s+d['’]urgence|sanctions|embargo|blocus|interdictions?|moratoire|quotas?|frontières?|postes?[-\s]frontières?|points?\s+de\s+passage)\b", "ease"),
        ("RETREAT", r"\b(?:restitu\w*|rendu|rendus|rendue|rendues|rend|renvoy\w*|rapatri\w*)\s+(?:\S+\s+){0,4}?(?:biens|terres|propriétés?|avoirs|navires?|bateaux|chalutiers?|territoire|dépouilles|restes|corps|œuvres|objets|artefacts|cargaison|équipements?|saisi\w*|confisqu\w*)\b", "return"),
        ("RETREAT", r"\bdémission\w*\b", "resign"),
        ("RETREAT", r"\b(?:libér\w*|relâch\w*)\b", "release"),
        ("RETREAT", r"\b(?:désarm\w*|remis\s+leurs\s+armes)\b", "disarm"),
        ("RETREAT", r"\b(?:autoris\w*|accès)\b", "access"),
        ("RETREAT", r"\b(?:retir\w*|repli\w*)\b", "withdraw"),
        ("RETREAT", r"\b(?:cessez-le-feu|trêve)\b", "ceasefire"),
        ("ACCUSE", r"\b(?:enquête\w*|enquêt\w*)\b", "investigate"),
        ("ACCUSE", r"\b(?:accus\w*|alléga\w*)\b", "allege"),
        ("ACCUSE", r"\b(?:critiqu\w*|condamn\w*|dénonc\w*)\b", "disapprove"),
    ),
    two_countries=r"\s+des\s+deux\s+pays\b",
    # "les pays de l'ASEAN", "les États membres de l'ONU": the members act
    members_before=r"\b(?:pays|États|gouvernements|membres)(?:\s+membres)?\s+(?:de\s+l['’]\s*|de\s+la\s+|du\s+|des\s+|de\s+)$",
    # "la Convention des Nations unies contre ...", "la Charte de l'ASEAN": a title, no party
    document_before=r"\b(?:Convention|Traité|Charte|Pacte|Protocole|Déclaration|Résolution)\s+(?:de\s+l['’]\s*|de\s+la\s+|du\s+|des\s+|de\s+)?$",
    # "le Forum d'affaires Vietnam-Afrique du Sud", "la Cérémonie ... franco-vietnamienne": a name
    # "La cérémonie s'est ouverte au ...": a gathering told by its name alone, at a clause's start
    gathering_held=r"(?:^|,\s*)(?P<name>(?:la\s+|le\s+)?(?:cérémonie|conférence|forum)\b[^,;.]{0,80}?)\s(?P<t>s['’]est\s+ouverte?|s['’]est\s+tenue?|a\s+eu\s+lieu)\b",
    gathering_before=r"(?-i:\b(?:Forum|Conférence|Cérémonie|Dialogue))(?:(?:\s+|\s*[-–]\s*)(?!(?:par|avec|et|qui|à|au|aux|pour|où|dont)\b)[\w'’]+){0,8}?(?:\s+|\s*[-–]\s*)$",
    # "L'ONU doit poursuivre sa réforme": the UN is asked, not asking
    obligation_after=r"\s+(?:doit|doivent|devrait|devraient)\b",
    organizer_phrase=r"\b(?:co-?)?organisée?s?\s+(?:conjointement\s+)?par\b[^,;.]*",
    counted_subject=r"\b\d[\d\s.,]*\s+(?:États|pays|gouvernements|délégations)\s+(?:ont\s+|avaient\s+)?(?:déjà\s+)?$",
    # "Avec X, il a ...", "Avec la ministre sud-africaine de la Justice X, ...": a title in lower case
    counterparts_before=r"\bavec\s+(?:\S+\s+)?$|\bavec\s+" + _ARTICLE_TITLE + r"[^,;.]{0,80}$",
    clause_appositive=r"(?:s['’]exprimant|intervenant|prenant\s+la\s+parole)\b",
    conjunctions=("et",),
    comitatives=("avec",),
    complementizers=("que", "qu'", "qu’"),
    appositive_stops=("qui", "pour", "afin de", "lors de"),
    # "..., chef du service, et le vice-ministre iranien des Affaires étrangères" Y: the last guest's title
    closing_title=_ARTICLE_TITLE,
    visit_to=r"\b(?:visite|voyage)(?:\s+(?:officielle|d['’]État|de\s+travail))?\s+(?:en|au|aux|à)\s+",
    group_actors=(
        (r"\b(?:la\s+)?(?:police(?:\s+nationale)?|policiers|gendarmes|gendarmerie|douaniers|douane|enquêteurs)" + _NAT, "COP", "police"),
        (r"\b(?:l['’]armée|soldats|militaires|troupes|forces\s+armées)" + _NAT, "MIL", "military"),
        (r"\b(?:autorités|gouvernement|ministres|responsables|juges?|procureurs?|justice)" + _NAT, "GOV", "authorities"),
        (r"\b(?:manifestants|agriculteurs|grévistes|syndicats|cheminots|étudiants|militants)" + _NAT, "CVL", "protesters"),
    ),
    demonyms=DEMONYMS,
    contexts=(
        (r"\b(?:cyber\w*|piratage\w*|informatique)\b", "cyber"),
        (r"\b(?:drogues?|stupéfiants|cocaïne|héroïne|cannabis|méthamphétamine)\b", "illegal_drugs"),
        (r"\b(?:traite\s+des\s+êtres\s+humains|trafic\w*|passeurs?)\b", "trafficking"),
        (r"\b(?:crimes?|criminel\w*|blanchiment|fraude|escroquerie)\b", "crime"),
        (r"\b(?:corruption|pots-de-vin)\b", "corruption"),
        (r"\b(?:maintien\s+de\s+la\s+paix|casques\s+bleus)\b", "peacekeeping"),
        (r"\b(?:commerce\w*|commercia\w*|investissement\w*|économi\w*|entreprises?)\b", "economic"),
        (r"\b(?:climat\w*|environnement\w*)\b", "environment"),
        (r"\b(?:parlement\w*|législati\w*|Assemblée\s+nationale|Sénat)\b", "legislative"),
        (r"\b(?:militaire\w*|défense|armée|marine)\b", "military"),
    ),
    # a person named by office and nationality after the first mention (``events/descriptions.py``):
    # "le dirigeant laotien", "son homologue ukrainien", "la ministre indonésienne"; the article (or
    # possessive) right before, so "l'ancien président laotien" (a former holder) is none
    descriptions=(r"\b(?:le|la|l['’]|son|sa|leur|du|au)\s*{noun}\s+{nat}\b",),
    description_nouns=DESCRIPTION_NOUNS,
    # a country the stage names itself (a description that fits no one) in French: "Indonésie",
    # "Afrique du Sud"; the press writes "Vietnam" (CLDR "Viêt Nam"), "Birmanie" (CLDR "Myanmar
    # (Birmanie)") and "Palestine" (CLDR "Territoires palestiniens")
    country_locale="fr",
    country_names={"VNM": "Vietnam", "MMR": "Birmanie", "PSE": "Palestine"},
)  # fmt: skip
