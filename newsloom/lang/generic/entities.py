"""Names and titles for any language without a pack of its own: a few widespread titles and
honorifics (French, Malay, Spanish, German, Portuguese), capitalised runs do the rest."""

from newsloom.entities.rules import EntityRules

RULES = EntityRules(
    # a language without a pack: an unknown capitalised run is an untyped name, not a guessed person
    unknown_run_type="name",
    titles={
        "Président": "head_of_state", "Presidente": "head_of_state", "Präsident": "head_of_state",
        "Presiden": "head_of_state", "President": "head_of_state",
        "Premier ministre": "head_of_government", "Primer ministro": "head_of_government",
        "Perdana Menteri": "head_of_government", "Prime Minister": "head_of_government",
        "Vice-Premier ministre": "deputy_head_of_government", "vice-Premier ministre": "deputy_head_of_government",
        "Timbalan Perdana Menteri": "deputy_head_of_government", "Vice primer ministro": "deputy_head_of_government",
        "Deputy Prime Minister": "deputy_head_of_government",
        "Ministre": "minister", "Ministro": "minister", "Minister": "minister", "Menteri": "minister",
        "Secrétaire général": "secretary_general", "Secretario general": "secretary_general",
        "Setiausaha Agung": "secretary_general", "Generalsekretär": "secretary_general",
        "Secretary-General": "secretary_general",
        "Directrice exécutive": "agency_head", "Directeur exécutif": "agency_head", "Directora ejecutiva": "agency_head",
        "Pengarah Eksekutif": "agency_head", "Executive Director": "agency_head",
        "Ambassadeur": "ambassador", "Embajador": "ambassador", "Duta Besar": "ambassador", "Botschafter": "ambassador",
    },
    honorifics=frozenset(
        {"M.", "Mme", "Mlle", "Herr", "Frau", "Señor", "Señora", "Sr.", "Sra.", "Encik", "Puan", "Tuan", "Cik",
         "Datuk", "Dato'", "Dato’", "Tan Sri", "Mr", "Mr.", "Mrs", "Ms", "Dr", "Dr."}
    ),
    name_order="given_first",
    connectors=frozenset({"de", "des", "du", "la", "le", "van", "von", "der", "bin", "binti", "dan", "y", "e", "da", "do"}),
    org_heads=frozenset({"Ministère", "Ministerio", "Ministerium", "Kementerian", "Organisation", "Organización", "Banque", "Banco"}),
    org_tails=frozenset({"Office", "Agency", "Commission", "Bank", "Organization", "Organisation", "Union"}),
    non_entity_words=frozenset({"Convention", "Konvensyen", "Convención", "Konvention", "Programme", "Programa", "Traité"}),
    plural_markers=frozenset({"deux", "dos", "zwei", "dua", "kedua", "les", "los", "die"}),
    credit_markers=frozenset({"Photo", "Foto", "Fotos", "Photo:", "Foto:"}),
    sentence_openers=frozenset(
        {"Le", "La", "Les", "Un", "Une", "Il", "Elle", "Ils", "El", "Los", "Las", "Der", "Die", "Das", "Ein",
         "Eine", "Dia", "Ia", "Mereka", "Pada", "Dalam", "Di", "En", "Au", "Selon", "Según", "Laut", "Menurut",
         "The", "In", "On", "A", "An", "He", "She"}
    ),
    title_joiners=frozenset({"et", "y", "und", "dan", ","}),
    title_links=frozenset({"de", "de la", "du", "des", "del", "der"}),
)  # fmt: skip
