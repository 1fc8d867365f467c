"""French time expressions: "le 5 mars", "mardi dernier", "hier soir", "la semaine dernière",
"du 9 au 13 juin", "les 22 et 23 novembre", "juin prochain", "le lendemain", "dans la soirée",
"trois semaines", "chaque année".

French writes months and weekdays in lower case, so both are matched in any case; "mars" alone
needs a word that introduces a time ("en mars", "depuis mars"): "Mars" is also the planet.
Modifiers come after the noun ("mardi dernier", "juin prochain") and belong to the span.
"""

from typing import TypeVar

from newsloom.lang.generic.time import NUMERIC_GUARD_AFTER, NUMERIC_GUARD_BEFORE
from newsloom.timex.rules import TimePattern, TimeRules

_MONTHS = ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
           "novembre", "décembre")  # fmt: skip
_WEEKDAYS = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")
#: "1er mars": the first of the month is an ordinal
_DAY = r"@B@(?P<day>@D@)(?:er)?"
_DAY2 = r"(?P<day2>@D@)(?:er)?"
_WD = r"(?:(?P<wd>@WD@)\s+)?"
#: "prochain"/"dernier" after a month or a date: inside the span, the year comes from the future cue
_NEXT_OR_LAST = r"(?:\s+(?:prochain|dernier|passé))?"
#: words that introduce a month or a year standing alone ("en mars", "depuis 2020", "fin 2024")
_TIME_PREPOSITION = (
    r"\b(?:en|depuis|dès|jusqu['’]en|jusqu['’]à|avant|après|pendant|durant|fin|début|mi|courant|d['’]ici|de|d['’]|"
    r"entre|vers|mois\s+de)[\s-]*$"
)
#: apostrophes are written straight or curly; every phrase is listed with both
_APOSTROPHES = ("'", "’")
_V = TypeVar("_V")


def _both_apostrophes(phrases: dict[str, _V]) -> dict[str, _V]:
    return {phrase.replace("'", a): value for phrase, value in phrases.items() for a in _APOSTROPHES}


RULES = TimeRules(
    code="fr",
    months={
        **{name: number for number, name in enumerate(_MONTHS, 1)},
        "fevrier": 2, "aout": 8, "decembre": 12,  # written without accents
        "janv.": 1, "févr.": 2, "fév.": 2, "avr.": 4, "juil.": 7, "sept.": 9, "oct.": 10, "nov.": 11, "déc.": 12,
    },
    months_alone=tuple(m for m in _MONTHS if m != "mars"),
    weekdays={
        **{name: number for number, name in enumerate(_WEEKDAYS)},
        **{name + "s": number for number, name in enumerate(_WEEKDAYS)},  # "tous les lundis"
    },
    parts_of_day={
        "matin": "MO", "matinée": "MO", "midi": "MI", "après-midi": "AF", "soir": "EV", "soirée": "EV",
        "nuit": "NI",
    },
    relative=_both_apostrophes({
        "aujourd'hui": ("day", 0), "hier": ("day", -1), "avant-hier": ("day", -2), "demain": ("day", 1),
        "après-demain": ("day", 2),
        "cette semaine": ("week", 0), "la semaine dernière": ("week", -1), "la semaine passée": ("week", -1),
        "la semaine prochaine": ("week", 1),
        "ce mois-ci": ("month", 0), "le mois dernier": ("month", -1), "le mois passé": ("month", -1),
        "le mois prochain": ("month", 1),
        "cette année": ("year", 0), "l'an dernier": ("year", -1), "l'année dernière": ("year", -1),
        "l'an passé": ("year", -1), "l'année passée": ("year", -1), "l'an prochain": ("year", 1),
        "l'année prochaine": ("year", 1),
    }),
    # "ce matin", "cet après-midi", "hier soir", "demain matin"
    pod_relative={"ce": 0, "cet": 0, "cette": 0, "hier": -1, "demain": 1},
    relative_pod={"cette nuit": (0, "NI")},
    anaphora=_both_apostrophes({
        "le même jour": 0, "le jour même": 0, "ce jour-là": 0, "le lendemain": 1, "la veille": -1,
        "le surlendemain": 2, "l'avant-veille": -2,
    }),
    # "le lendemain matin", "le même soir"
    anaphora_pod={"le lendemain": 1, "le même": 0},
    directions={"dernier": -1, "passé": -1, "prochain": 1},
    numbers={
        "un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "sept": 7, "huit": 8,
        "neuf": 9, "dix": 10, "onze": 11, "douze": 12, "quinze": 15, "vingt": 20, "trente": 30,
        "quarante": 40, "cinquante": 50, "soixante": 60, "cent": 100,
    },
    units={
        "jour": "D", "jours": "D", "journée": "D", "journées": "D", "semaine": "W", "semaines": "W", "mois": "M",
        "an": "Y", "ans": "Y", "année": "Y", "années": "Y", "heure": "H", "heures": "H", "décennie": "DE",
        "décennies": "DE",
    },
    # the simple future ("rencontrera", "se rendra", "accueillera", "seront"), "doit", "prévu" ("prochain" is
    # not a cue: it would carry over to a date before the one it qualifies)
    future_cue=(
        r"\b(?:\w+(?:era|eront|ira|iront|dra|dront|ura|uront|rra|rront)|doit|doivent|devra|devront|devrait"
        r"|devraient|va|vont|pourrait|pourraient|prévue?s?|programmée?s?|attendue?s?)\b"
        # "d'ici décembre", "d'ici 2030": "by" a time always looks ahead
        r"|\bd['’]ici\s+$"
    ),
    past_cue=r"\b(?:a|ont|avait|avaient|était|étaient|été|selon|dernière?s?)\b",
    range_forms=(
        (r"\bdu", r"au|jusqu['’]au"),
        (r"\bentre", r"et"),
        (None, r"[-–]|au"),
    ),
    numeric_guard_before=(
        NUMERIC_GUARD_BEFORE
        + r"|\b(?:n°|no|numéro|décret|loi|arrêté|article|vol|ligne|route|score|chambre|page|chapitre|version"
        r"|plus\s+de|moins\s+de|près\s+de|environ)\s*$"
    ),
    numeric_guard_after=(
        NUMERIC_GUARD_AFTER
        + r"|^\s*(?:%|pour\s+cent|personnes|habitants|soldats|morts|blessés|euros|dollars|francs|millions"
        r"|milliards|tonnes|kilos|kg|km|kilomètres|hectares|voix|points|fois|unités|navires|tracteurs|agents)"
    ),
    patterns=(
        # le matin du 5 mars ; dans la soirée du mardi 12 mars 2025
        TimePattern(
            r"(?:(?:l['’]|la\s+|le\s+))?(?P<pod>@POD@)\s+du\s+" + _WD + _DAY + r"\s+(?P<mname>@MNAME@)"
            r"(?:\s+(?P<year>@Y@))?(?!\w)",
            numeric=True,
        ),
        # du 28 février au 2 mars 2025
        TimePattern(
            r"(?:du\s+)?" + _WD + _DAY + r"\s+(?P<mname>@MNAME@)(?:\s+(?P<year>@Y@))?\s+(?:au|-|–)\s+"
            r"(?:@WD@\s+)?" + _DAY2 + r"\s+(?P<mname2>@MNAME@)(?:\s+(?P<year2>@Y@))?(?!\w)",
            numeric=True,
        ),
        # du 9 au 13 juin ; les 22 et 23 novembre ; 24-25 octobre 2025
        TimePattern(
            r"(?:du\s+)?" + _WD + _DAY + r"\s*(?:au|et|-|–)\s*(?:@WD@\s+)?" + _DAY2 + r"\s+(?P<mname2>@MNAME@)"
            r"(?:\s+(?P<year2>@Y@))?(?!\w)",
            numeric=True,
        ),
        # (mardi) 5 mars (2025) ; 1er septembre ; 3 avril prochain
        TimePattern(
            _WD + _DAY + r"\s+(?P<mname>@MNAME@)(?:\s+(?P<year>@Y@))?" + _NEXT_OR_LAST + r"(?!\w)",
            numeric=True,
        ),
        # mars 2026
        TimePattern(r"(?P<mname>@MNAME@)\s+(?P<year>@Y@)@E@", numeric=True),
        # mars de l'année dernière
        TimePattern(r"(?P<mname>@MNAME@)\s+(?:de\s+)?(?P<rel>l['’]an(?:née)?\s+(?:dernière?|passée?|prochaine?)|cette\s+année)(?!\w)"),
        # juin prochain, mars dernier
        TimePattern(r"(?P<mname>@MNAME@)\s+(?:prochain|dernier|passé)(?!\w)"),
        # en juin ; en mars, depuis mars (the planet "Mars" is no month)
        TimePattern(r"(?P<mname>@MALONE@)(?!\w)", reject_after=r"^\.?\s+\d"),
        TimePattern(r"(?P<mname>@MNAME@)(?!\w)", cue_before=_TIME_PREPOSITION, reject_after=r"^\.?\s+\d"),
        # 2020-2025 ; entre 2016 et 2020
        TimePattern(r"@B@(?P<year>@Y@)\s*[-–]\s*(?P<year2>@Y@)@E@", numeric=True),
        TimePattern(r"entre\s+(?P<year>@Y@)\s+et\s+(?P<year2>@Y@)@E@", numeric=True),
        # en 2024, depuis 2020, l'accord de 1968
        TimePattern(r"@B@(?P<year>@Y@)@E@", cue_before=_TIME_PREPOSITION, numeric=True),
        # mardi de la semaine dernière
        TimePattern(r"(?P<wd>@WD@)\s+(?:de\s+)?(?P<rel>(?:la\s+semaine\s+(?:dernière|passée|prochaine)|cette\s+semaine))(?!\w)"),
        # mardi, mardi soir, lundi dernier, vendredi prochain
        TimePattern(r"(?P<wd>@WD@)(?:\s+(?P<pod>@POD@))?(?:\s+(?P<dir>@DIR@))?(?!\w)"),
        # cette nuit
        TimePattern(r"(?P<relpod>@RELPOD@)(?!\w)"),
        # ce matin, hier soir, demain matin
        TimePattern(r"(?P<podrel>@PODREL@)\s+(?P<pod>@POD@)(?!\w)"),
        # le lendemain matin
        TimePattern(r"(?P<ana>@ANAPOD@)\s+(?P<pod>@POD@)(?!\w)"),
        # dans la soirée, dans l'après-midi: the part of the previous day ("la soirée du 5 mars" is longer)
        TimePattern(
            r"(?P<same>la\s+|le\s+|l['’])(?P<pod>@POD@)(?!\w)",
            cue_before=r"\b(?:dans|durant|pendant|en\s+fin\s+de|en\s+début\s+de)\s+$",
            reject_after=r"^\s+(?:du|de)\b",
        ),
        # le même jour, le lendemain, la veille
        TimePattern(r"(?P<ana>@ANA@)(?!\w)"),
        # deux jours plus tard, une semaine plus tôt
        TimePattern(
            r"@B@(?P<num>@NUM@)\s+(?P<unit>@UNIT@)\s+(?:(?P<later>plus\s+tard|après)|(?P<earlier>plus\s+tôt|auparavant))(?!\w)"
        ),
        # il y a deux ans
        TimePattern(r"(?P<ago>il\s+y\s+a)\s+(?P<num>@NUM@)\s+(?P<unit>@UNIT@)(?!\w)"),
        # hier, la semaine dernière, cette année
        TimePattern(r"(?P<rel>@REL@)(?!\w)"),
        # chaque lundi, tous les lundis ; chaque année, tous les deux ans
        TimePattern(r"(?:chaque|tous\s+les)\s+(?P<setwd>@WD@)(?!\w)"),
        TimePattern(r"(?:chaque|tous\s+les|toutes\s+les)\s+(?:(?P<setnum>@NUM@)\s+)?(?P<setunit>@UNIT@)(?!\w)"),
        # trois semaines, 45 jours ("un jour" is "some day"; "âgé de 45 ans" is an age)
        TimePattern(
            r"(?!(?:un|une)\s)@B@(?P<num>@NUM@)\s+(?P<unit>@UNIT@)(?!\w)",
            reject_before=r"\b(?:âgée?s?\s+de|de\s+plus\s+de|premi(?:er|ère)s?)\s+$",
        ),
    ),
)  # fmt: skip
