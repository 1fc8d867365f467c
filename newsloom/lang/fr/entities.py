"""French names, titles and roles for the entity stage.

French writes titles, nationality adjectives and the generic head of many names in lower case ("le
président sénégalais", "la ministre des Affaires étrangères", "ministère de l'Intérieur"), puts the
nationality after the title, and introduces a place with "à" (cities) or "en" (feminine countries
and regions): "à Bruxelles", "en Indonésie".
"""

import dataclasses

from newsloom.entities.rules import EntityRules

#: Ministers' portfolios, after "ministre de/des/du/de la" ("ministre des Affaires étrangères").
PORTFOLIOS = frozenset(
    {"Affaires étrangères", "Europe et des Affaires étrangères", "Intérieur", "Armées", "Défense", "Justice",
     "Économie", "Finances", "Économie et des Finances", "Santé", "Éducation nationale", "Transports",
     "Agriculture", "Travail", "Culture", "Industrie", "Commerce", "Industrie et du Commerce", "Commerce extérieur",
     "Transition énergétique", "Transition écologique", "Énergie", "Environnement", "Sécurité publique",
     "Relations internationales", "Coopération", "Francophonie", "Mines", "Pétrole", "Communication",
     "Numérique", "Logement", "Sports", "Jeunesse", "Affaires sociales", "Outre-mer", "Budget", "Plan"}
)  # fmt: skip

#: Portfolios French writes with the elided article, glued to the word: "ministre de l'Intérieur",
#: "le ministre vietnamien de l'Industrie et du Commerce" (one token "l'Industrie" after "de").
ELIDED_PORTFOLIOS = frozenset(
    f"{article}{portfolio}"
    for article in ("l'", "l’")
    for portfolio in (
        "Intérieur", "Intérieur et des Outre-mer", "Europe et des Affaires étrangères", "Économie",
        "Économie et des Finances", "Éducation nationale", "Enseignement supérieur", "Agriculture",
        "Agriculture et de la Souveraineté alimentaire", "Industrie", "Industrie et du Commerce", "Énergie",
        "Environnement", "Emploi", "Aménagement du territoire", "Outre-mer", "Immigration", "Information",
        "Investissement", "Intégration",
    )
)  # fmt: skip

#: Nationality adjectives (masculine singular) -> the country's gazetteer key; the feminine and plural
#: forms are derived. French puts them after the title: "le président laotien", "la ministre
#: sud-africaine des Relations internationales".
NATIONALITIES = {
    "français": "FR", "belge": "BE", "espagnol": "ES", "allemand": "DE", "italien": "IT",
    "britannique": "GB", "américain": "US", "russe": "RU", "ukrainien": "UA", "chinois": "CN",
    "japonais": "JP", "indien": "IN", "indonésien": "ID", "vietnamien": "VN", "sud-africain": "ZA",
    "algérien": "DZ", "marocain": "MA", "tunisien": "TN", "sénégalais": "SN", "ivoirien": "CI",
    "malien": "ML", "nigérien": "NE", "burkinabè": "BF", "tchadien": "TD", "centrafricain": "CF",
    "camerounais": "CM", "congolais": "CD", "libanais": "LB", "israélien": "IL", "palestinien": "PS",
    "égyptien": "EG", "saoudien": "SA", "qatari": "QA", "iranien": "IR", "turc": "TR", "hongrois": "HU",
    "polonais": "PL", "suisse": "CH", "canadien": "CA", "québécois": "CA", "haïtien": "HT",
    "soudanais": "SD", "malaisien": "MY", "thaïlandais": "TH", "cambodgien": "KH", "laotien": "LA",
    "philippin": "PH", "australien": "AU", "brésilien": "BR", "mexicain": "MX", "équatorien": "EC",
    "colombien": "CO", "singapourien": "SG", "birman": "MM", "coréen": "KR", "sud-coréen": "KR",
    "nord-coréen": "KP",
}  # fmt: skip


#: feminine forms no rule below gives ("grec" -> "grecque" does follow the "-c" rule)
_IRREGULAR_FEMININE = {"turc": "turque"}


def inflections(word: str) -> tuple[str, str, str, str]:
    """Masculine, feminine and plural forms: "laotien", "laotienne", "laotiens", "laotiennes"."""
    if word in _IRREGULAR_FEMININE:
        feminine = _IRREGULAR_FEMININE[word]
    elif word.endswith(("ien", "éen")):
        feminine = word + "ne"
    elif word.endswith(("e", "è", "i")):
        feminine = word
    elif word.endswith("c"):
        feminine = word + "que"
    else:
        feminine = word + "e"
    plural = word if word.endswith(("s", "x")) else word + "s"
    return (word, feminine, plural, feminine + "s")


def _inflected(nationalities: dict[str, str]) -> dict[str, str]:
    """Every form of each adjective -> its country's gazetteer key."""
    return {form: f"place:{code}" for word, code in nationalities.items() for form in inflections(word)}


#: "général", "générale" are adjectives too ("l'intérêt général"): read as titles only capitalised
_ADJECTIVE_TITLES = frozenset({"général", "générale"})

RULES = EntityRules(
    titles={
        "président": "head_of_state", "présidente": "head_of_state", "président de la République": "head_of_state",
        "chef de l'État": "head_of_state", "chef de l’État": "head_of_state", "vice-président": "deputy_head_of_state",
        "vice-présidente": "deputy_head_of_state", "roi": "monarch", "reine": "monarch", "émir": "monarch",
        "Premier ministre": "head_of_government", "Première ministre": "head_of_government",
        "chef du gouvernement": "head_of_government", "vice-Premier ministre": "deputy_head_of_government",
        "ministre": "minister", "ministre délégué": "minister", "ministre déléguée": "minister",
        "secrétaire d'État": "deputy_minister", "secrétaire d’État": "deputy_minister",
        "vice-ministre": "deputy_minister", "ministre des Affaires étrangères": "foreign_minister",
        "ministre de l'Europe et des Affaires étrangères": "foreign_minister",
        "ministre de l’Europe et des Affaires étrangères": "foreign_minister",
        "chef de la diplomatie": "foreign_minister", "haute représentante": "foreign_minister",
        "haut représentant": "foreign_minister",
        "président de l'Assemblée nationale": "legislature_speaker", "présidente de l'Assemblée nationale": "legislature_speaker",
        "président du Sénat": "legislature_speaker", "député": "legislator", "députée": "legislator",
        "sénateur": "legislator", "sénatrice": "legislator", "eurodéputé": "legislator", "eurodéputée": "legislator",
        "secrétaire général": "secretary_general", "secrétaire générale": "secretary_general",
        "secrétaire général adjoint": "deputy_secretary_general", "secrétaire générale adjointe": "deputy_secretary_general",
        "directeur général": "agency_head", "directrice générale": "agency_head", "directeur exécutif": "agency_head",
        "directrice exécutive": "agency_head", "haut-commissaire": "agency_head", "commissaire européen": "agency_head",
        "commissaire européenne": "agency_head", "directeur": "director", "directrice": "director",
        "ambassadeur": "ambassador", "ambassadrice": "ambassador", "représentant permanent": "ambassador",
        "représentante permanente": "ambassador",
        "président du conseil d'administration": "chair", "présidente du conseil d'administration": "chair",
        "gouverneur": "governor", "gouverneure": "governor", "préfet": "governor", "préfète": "governor",
        "maire": "mayor", "porte-parole": "spokesperson", "général": "general", "générale": "general",
        "chef d'état-major": "general", "chef de l'armée": "general", "amiral": "general", "colonel": "general",
        "procureur": "chief_justice", "procureure": "chief_justice", "procureur de la République": "chief_justice",
        "PDG": "chief_executive", "P.-D.G.": "chief_executive", "directeur général délégué": "chief_executive",
        "chef de la police": "police_chief", "directeur de la police": "police_chief",
        "secrétaire général du parti": "party_general_secretary",
    },
    honorifics=frozenset({"M.", "Mme", "Mmes", "MM.", "Mlle", "Me", "Dr", "Pr", "Mgr", "Monsieur", "Madame"}),
    name_order="given_first",
    # "Ursula von der Leyen", "Ould Abdallah", "ben Salmane": particles inside foreign names too
    connectors=frozenset({"de", "du", "des", "d'", "d’", "de la", "de l'", "de l’", "et", "pour", "sur", "en", "à", "aux", "la", "le", "les",
                          "von", "van", "der", "den", "ben", "bin", "al", "el"}),
    org_heads=frozenset(
        {"Ministère", "Office", "Conseil", "Commission", "Union", "Organisation", "Agence", "Banque", "Assemblée",
         "Parlement", "Cour", "Tribunal", "Haut-Commissariat", "Fonds", "Programme", "Institut", "Université",
         "Parti", "Mouvement", "Front", "Communauté", "Comité", "Fédération", "Confédération", "Syndicat",
         "Direction", "Secrétariat", "Ambassade", "Consulat", "Gendarmerie", "Sénat", "Caisse", "Société",
         "Groupe", "Compagnie", "Association", "Observatoire", "Centre"}
    ),
    org_tails=frozenset({"SA", "SAS", "SARL", "Group", "Groupe", "Cheminots"}),
    non_entity_words=frozenset(
        {"Convention", "Traité", "Accord", "Déclaration", "Loi", "Résolution", "Sommet", "Forum", "Conférence",
         "Journée", "Semaine", "Année", "Prix", "Coupe", "Jeux", "Festival", "Stratégie", "Plan", "Initiative",
         "Partenariat"}
    ),
    # not "les"/"des": "des Nations unies" is "de les", one organization
    plural_markers=frozenset({"deux", "trois", "quatre", "plusieurs", "tous", "toutes", "ex", "ancien", "ancienne", "anciens"}),
    credit_markers=frozenset({"Photo", "Photo:", "Crédit", "Source", "Par", "Illustration"}),
    sentence_openers=frozenset(
        {"Le", "La", "Les", "L'", "L’", "Un", "Une", "Des", "Il", "Elle", "Ils", "Elles", "On", "Nous", "Ce", "Cet",
         "Cette", "Ces", "Son", "Sa", "Ses", "Leur", "Leurs", "Selon", "Dans", "En", "Au", "Aux", "À", "Pour",
         "Après", "Avant", "Lors", "Mais", "Et", "Or", "Plusieurs", "Depuis", "Pendant", "Durant", "Sur", "Par",
         "Avec", "Sans", "Entre", "Malgré", "Comme", "Si", "Quand", "Alors", "Ainsi", "Enfin", "Toutefois",
         "Cependant", "Néanmoins", "Parmi", "Face", "Outre", "Interrogé", "Interrogée", "Lundi", "Mardi",
         "Mercredi", "Jeudi", "Vendredi", "Samedi", "Dimanche", "Hier", "Demain", "Aujourd'hui"}
    ),
    # French places are introduced by "à" (cities) and "en" (feminine countries, regions): "à Bruxelles",
    # "en Indonésie"; lower-case geographic heads name the place after them ("océan Indien", "mer Rouge")
    place_heads=frozenset({"à", "en", "océan", "mer", "golfe", "détroit", "lac", "fleuve", "île", "îles", "mont",
                           "province", "région", "aéroport", "gare", "port", "palais", "quartier"}),
    title_joiners=frozenset({"et", ",", "/"}),
    title_links=frozenset({"de", "du", "des", "de la", "de l'", "de l’", "d'", "d’", "auprès de", "auprès du", "auprès des", "au", "aux"}),
    portfolio_titles=frozenset({"ministre", "ministre délégué", "ministre déléguée", "vice-ministre", "secrétaire d'État"}),
    portfolios=PORTFOLIOS | ELIDED_PORTFOLIOS,
    portfolio_links=frozenset({"de", "des", "du", "de la", "de l'", "de l’", "chargé de", "chargée de", "chargé du", "chargée du", "chargée de la", "chargé de la"}),
    title_suffixes=_inflected(NATIONALITIES),
)  # fmt: skip
RULES = dataclasses.replace(
    RULES,
    lowercase_titles=frozenset(t for t in RULES.titles if t[:1].islower() and t not in _ADJECTIVE_TITLES),
)
