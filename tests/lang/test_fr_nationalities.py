"""French nationality adjectives are one table (the entity pack's), read by the event pack too."""

from __future__ import annotations

import pycountry

from newsloom.lang.fr.entities import NATIONALITIES, RULES, inflections
from newsloom.lang.fr.events import DEMONYMS


def test_the_event_pack_reads_every_form_of_the_entity_packs_nationalities():
    for word, alpha2 in NATIONALITIES.items():
        alpha3 = pycountry.countries.get(alpha_2=alpha2).alpha_3
        for form in inflections(word):
            assert DEMONYMS[form] == alpha3, form
            assert RULES.title_suffixes[form] == f"place:{alpha2}", form
    assert len(DEMONYMS) == len({form for word in NATIONALITIES for form in inflections(word)})


def test_feminine_and_plural_forms():
    assert inflections("laotien") == ("laotien", "laotienne", "laotiens", "laotiennes")
    assert inflections("sud-coréen") == ("sud-coréen", "sud-coréenne", "sud-coréens", "sud-coréennes")
    assert inflections("turc") == ("turc", "turque", "turcs", "turques")
    assert inflections("français") == ("français", "française", "français", "françaises")
    assert inflections("belge") == ("belge", "belge", "belges", "belges")
