"""English names, titles and roles for the entity stage."""

from newsloom.entities.rules import EntityRules

#: Ministers' portfolios, after "Minister for/of" and before "Minister" ("Home Minister").
PORTFOLIOS = frozenset(
    {"Foreign Affairs", "Home Affairs", "Interior", "Defence", "Defense", "National Defence", "Public Security",
     "Justice", "Trade", "Industry", "Finance", "Health", "Education", "Transport", "Transportation",
     "Agriculture", "Energy", "Environment", "Immigration", "Corrections", "Labour", "Labor", "Tourism",
     "Culture", "Information", "Communications", "Economy", "Planning", "Investment", "Science", "Technology",
     "Security", "Fisheries", "Maritime Affairs", "Border Protection", "Citizenship", "Social Affairs",
     "Law", "Human Rights", "Religious Affairs", "Manpower", "Youth", "Sports", "Police", "Home",
     "Multicultural Affairs", "Digital Affairs", "Infrastructure", "Housing", "Women", "Land", "Water"}
)  # fmt: skip

#: Nationality adjectives -> the country's gazetteer key (ISO alpha-2): the one English table, read
#: by this pack (a title's country: "the French President", "South African Foreign Minister") and by
#: the event pack (groups, descriptions: "Indonesian police", "his Estonian counterpart"). The
#: countries the bundled news is about, the large ones, and those of Europe, Asia, Africa and the
#: Americas most in the news. English adjectives do not inflect; a plural noun ("the Danes") is no
#: adjective and stays out.
NATIONALITIES = {
    "Vietnamese": "VN", "Indonesian": "ID", "Australian": "AU", "Lao": "LA", "Laotian": "LA",
    "Malaysian": "MY", "Thai": "TH", "Cambodian": "KH", "Filipino": "PH", "Philippine": "PH",
    "Singaporean": "SG", "Burmese": "MM", "Myanmar": "MM", "Bruneian": "BN", "Timorese": "TL",
    "Chinese": "CN", "Japanese": "JP", "Korean": "KR", "South Korean": "KR", "North Korean": "KP",
    "Taiwanese": "TW", "Mongolian": "MN", "Indian": "IN", "Pakistani": "PK", "Bangladeshi": "BD",
    "Sri Lankan": "LK", "Nepali": "NP", "Afghan": "AF", "Kazakh": "KZ", "Uzbek": "UZ",
    "American": "US", "Canadian": "CA", "Mexican": "MX", "Cuban": "CU", "Venezuelan": "VE",
    "Colombian": "CO", "Peruvian": "PE", "Chilean": "CL", "Argentine": "AR", "Argentinian": "AR",
    "Brazilian": "BR", "New Zealand": "NZ",
    "British": "GB", "Irish": "IE", "French": "FR", "German": "DE", "Italian": "IT", "Spanish": "ES",
    "Portuguese": "PT", "Dutch": "NL", "Belgian": "BE", "Swiss": "CH", "Austrian": "AT", "Polish": "PL",
    "Czech": "CZ", "Slovak": "SK", "Hungarian": "HU", "Romanian": "RO", "Bulgarian": "BG",
    "Serbian": "RS", "Croatian": "HR", "Greek": "GR", "Swedish": "SE", "Norwegian": "NO", "Danish": "DK",
    "Finnish": "FI", "Estonian": "EE", "Latvian": "LV", "Lithuanian": "LT", "Belarusian": "BY",
    "Ukrainian": "UA", "Russian": "RU", "Georgian": "GE", "Armenian": "AM", "Azerbaijani": "AZ",
    "Turkish": "TR", "Iranian": "IR", "Iraqi": "IQ", "Syrian": "SY", "Lebanese": "LB", "Jordanian": "JO",
    "Israeli": "IL", "Palestinian": "PS", "Saudi": "SA", "Emirati": "AE", "Qatari": "QA",
    "Egyptian": "EG", "Libyan": "LY", "Tunisian": "TN", "Algerian": "DZ", "Moroccan": "MA",
    "Sudanese": "SD", "Ethiopian": "ET", "Kenyan": "KE", "Nigerian": "NG", "Ghanaian": "GH",
    "Senegalese": "SN", "Malian": "ML", "Chadian": "TD", "Congolese": "CD", "Rwandan": "RW",
    "Zimbabwean": "ZW", "Mozambican": "MZ", "South African": "ZA",
}  # fmt: skip

RULES = EntityRules(
    titles={
        "President": "head_of_state", "State President": "head_of_state", "Vice President": "deputy_head_of_state",
        "Vice State President": "deputy_head_of_state", "King": "monarch", "Queen": "monarch", "Sultan": "monarch",
        "Prime Minister": "head_of_government", "PM": "head_of_government", "Premier": "head_of_government",
        "Deputy Prime Minister": "deputy_head_of_government", "Deputy PM": "deputy_head_of_government",
        "Permanent Deputy Prime Minister": "deputy_head_of_government", "Vice Premier": "deputy_head_of_government",
        "Minister": "minister", "Deputy Minister": "deputy_minister", "Vice Minister": "deputy_minister",
        "Foreign Minister": "foreign_minister", "Minister of Foreign Affairs": "foreign_minister",
        "Foreign Secretary": "foreign_minister", "Secretary of State": "foreign_minister",
        "Deputy Foreign Minister": "deputy_minister", "Minister of Public Security": "minister",
        "Minister of Home Affairs": "minister", "Minister of Justice": "minister", "Minister of Defence": "minister",
        "Minister of National Defence": "minister", "Minister of Trade": "minister",
        "National Assembly Chairman": "legislature_speaker", "National Assembly Chairwoman": "legislature_speaker",
        "Chairman of the National Assembly": "legislature_speaker", "Speaker": "legislature_speaker",
        "NA Chairman": "legislature_speaker", "House Speaker": "legislature_speaker",
        "Party General Secretary": "party_general_secretary", "General Secretary": "party_general_secretary",
        "Politburo member": "politburo_member", "Party chief": "party_general_secretary", "Party Chief": "party_general_secretary",
        "Secretary-General": "secretary_general", "Secretary General": "secretary_general",
        "Deputy Secretary-General": "deputy_secretary_general",
        "Under-Secretary-General": "un_under_secretary_general", "Under Secretary-General": "un_under_secretary_general",
        "Executive Director": "agency_head", "Director-General": "agency_head", "Director General": "agency_head",
        "Administrator": "agency_head", "Director": "director", "Ambassador": "ambassador",
        "Chairman": "chair", "Chairwoman": "chair", "Chair": "chair", "Vice Chairman": "deputy_chair",
        "Governor": "governor", "Mayor": "mayor", "Spokesperson": "spokesperson", "Spokesman": "spokesperson",
        "Spokeswoman": "spokesperson", "General": "general", "Senior General": "general",
        "Chief Justice": "chief_justice", "CEO": "chief_executive", "Chief Executive": "chief_executive",
        "Senator": "legislator", "Police Chief": "police_chief",
        "Commissioner": "agency_head", "Police Commissioner": "police_chief", "Chief Commissioner": "agency_head",
        "Inspector General": "police_chief", "Inspector-General": "police_chief", "Police General": "general",
        "Lieutenant General": "general", "Major General": "general", "Admiral": "general",
        **{f"{p} Minister": "minister" for p in PORTFOLIOS},
    },
    honorifics=frozenset(
        {"Mr", "Mr.", "Mrs", "Mrs.", "Ms", "Ms.", "Dr", "Dr.", "Prof", "Prof.", "Sir", "Dame", "Madam",
         # Malaysian honorifics in English-language news
         "Datuk Seri", "Dato' Seri", "Dato’ Seri", "Dato' Sri", "Dato’ Sri", "Tan Sri", "Puan Sri", "Toh Puan",
         "Datuk", "Dato'", "Dato’", "Datin", "Tun", "Datuk Seri Utama"}
    ),
    name_order="given_first",
    connectors=frozenset({"of", "for", "on", "and", "the", "at", "in", "against", "de", "van", "von", "bin", "al"}),
    org_heads=frozenset(
        {"Ministry", "Bank", "University", "Department", "Office", "Council", "Committee", "Commission",
         "Agency", "Bureau"}
    ),
    org_tails=frozenset(
        {"Office", "Agency", "Commission", "Committee", "Council", "Ministry", "Bank", "Organization",
         "Organisation", "Association", "Party", "University", "Institute", "Foundation", "Fund", "Group",
         "Corporation", "Company", "Corp", "Inc", "Ltd", "Authority", "Assembly", "Court", "Police", "Army",
         "Navy", "Union", "Federation", "Department", "Service", "Centre", "Center", "Forces", "Secretariat",
         "News", "Times", "Post", "Airlines", "Airways", "Embassy", "Consulate", "Customs", "Bureau",
         "Movement", "Guard", "Coast Guard"}
    ),
    non_entity_words=frozenset(
        {"Convention", "Programme", "Program", "Treaty", "Agreement", "Declaration", "Act", "Law", "Resolution",
         "Summit", "Forum", "Conference", "Day", "Week", "Year", "Award", "Prize", "Cup", "Games", "Festival",
         "Opening", "Signature", "Strategy", "Plan", "Initiative", "Prevention", "Control", "Blueprint",
         "Partnership"}
    ),
    plural_markers=frozenset({"two", "both", "three", "several", "many", "all", "other", "former", "a", "an"}),
    credit_markers=frozenset({"Photo", "Photo:", "Photos", "Source", "By", "Credit"}),
    sentence_openers=frozenset(
        {"The", "A", "An", "He", "She", "It", "They", "We", "I", "This", "That", "These", "Those", "In", "On",
         "At", "For", "By", "But", "And", "As", "After", "Before", "During", "With", "While", "When", "If",
         "His", "Her", "Their", "Its", "Our", "Under", "Over", "From", "To", "Highlighting", "According", "Meanwhile", "However", "Also"}
    ),
    # nationality adjectives: "South African", "Vietnamese", "Indonesian", "Spanish"
    demonym_endings=("ese", "ian", "ican", "ish"),
    # "the French President", "South African Foreign Minister": the title's country before it
    title_prefixes={word: f"place:{code}" for word, code in NATIONALITIES.items()},
    place_heads=frozenset({}),
    place_tails=frozenset(
        {"Airport", "Island", "Islands", "Province", "Street", "Square", "Bay", "Strait", "River", "Sea", "Port",
         "Harbour", "Harbor", "Gulf", "Lake", "Peninsula", "Regency", "District", "Mountains", "Ocean"}
    ),
    # Titles English news gives one state's offices only: Vietnam's "Chủ tịch nước" is its "State
    # President" (other heads of state are "President"), its National Assembly is led by a "Chairman"
    # (Laos' and Cambodia's by a "President", others' by a "Speaker"), and only its government has a
    # "Permanent Deputy Prime Minister". A country written with the title comes first.
    title_states={
        "State President": "place:VN", "Vice State President": "place:VN",
        "National Assembly Chairman": "place:VN", "National Assembly Chairwoman": "place:VN",
        "NA Chairman": "place:VN", "Permanent Deputy Prime Minister": "place:VN",
    },
    title_joiners=frozenset({"and", ",", "/"}),
    title_links=frozenset({"of", "of the", "at", "at the", "to", "to the"}),
    portfolio_titles=frozenset({"Minister", "Deputy Minister", "Vice Minister", "Secretary", "Assistant Minister"}),
    portfolios=PORTFOLIOS,
    portfolio_links=frozenset({"of", "for", "of the", "for the"}),
    role_words=frozenset(
        {"Midfielder", "Striker", "Defender", "Goalkeeper", "Winger", "Coach", "Head coach", "Singer", "Actor", "Actress", "Rapper", "Author", "Writer", "Novelist", "Poet", "Artist", "Musician", "Guitarist", "Drummer", "Veteran", "Rookie", "Boxer", "Pitcher", "Cyclist", "Tennis player", "Journalist", "Reporter", "Photographer", "Businessman", "Businesswoman", "Tycoon", "Billionaire", "Lawyer", "Activist", "Doctor", "Professor"}
    ),
)  # fmt: skip
