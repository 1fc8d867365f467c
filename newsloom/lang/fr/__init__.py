"""French."""

import re

from newsloom.lang.base import LanguagePack

PACK = LanguagePack(
    code="fr",
    name="French",
    lingua="FRENCH",
    letters="àâæçéèêëîïôœùûüÿ",
    # "M. Barrot", "av. J.-C.", "p. 12": a period after these does not end the sentence
    abbreviations=frozenset(
        {"M", "MM", "Mme", "Mmes", "Mlle", "Dr", "Pr", "Me", "Mgr", "St", "Ste", "av", "apr", "J.-C", "J.-C.", "C",
         "cf", "etc", "p", "n°", "No", "janv", "févr", "fév", "avr", "juil", "sept", "oct", "nov", "déc", "env",
         "Gal", "Gén", "Cie", "art", "vol", "éd", "min", "max"}
    ),
    boilerplate={
        # "Publié le 05/03/2025 à 14h32", "Mis à jour le 6 mars 2025 à 09:10"
        "published_line": (
            re.compile(r"^\s*(?:Publié|Mis\s+à\s+jour|Modifié|Actualisé)\s+le\s+.{4,60}$", re.I),
        ),
        "caption": (re.compile(r"(?:^|[.\s(])(?:Photo|Crédit\s+photo|Illustration)\s*:\s*\S.{0,60}\s*$", re.I),),
        "counter": (re.compile(r"^\s*(?:\d+\s+)?(?:Commentaires?|Réactions?)\s*(?:\(\d+\))?\s*$", re.I),),
        "source_line": (re.compile(r"^\s*Source\s*:\s*\S+.*$", re.I),),
        "related": (re.compile(r"^\s*(?:Lire\s+aussi|À\s+lire\s+aussi|Voir\s+aussi|Sur\s+le\s+même\s+sujet)\s*:?.*$", re.I),),
        "reading_time": (re.compile(r"^\s*Temps\s+de\s+lecture\s*:?\s*\d+\s*min\.?\s*$", re.I),),
    },
    # "PARIS (AFP) –", "BRUXELLES –", "N'DJAMENA, 12 sept (Reuters) -"
    dateline=re.compile(
        r"^\s*(?P<place>[A-ZÀ-ÖØ-Þ][A-ZÀ-ÖØ-Þ .'’-]{1,30}?)(?:,\s*\d{1,2}\s+[a-zéû]{3,9}\.?)?\s*"
        r"(?:\((?P<agency>[^)]{1,30})\))?\s*[—–-]{1,2}\s+"
    ),
    # "Par Claire Dubois", "Par Claire Dubois, envoyée spéciale à Kiev"
    byline=re.compile(r"^\s*Par\s+(?P<author>[A-ZÀ-Ý][^\d,]{1,50}?)(?:\s*,\s*(?:envoyée?|correspondante?)\b.*)?$"),
    sections=frozenset(
        {"International", "Monde", "Politique", "Société", "Économie", "Europe", "Afrique", "Asie", "France",
         "Culture", "Sports", "Sport", "Faits divers", "Justice", "Diplomatie", "Défense", "Actualités"}
    ),
)  # fmt: skip
