"""English nationality adjectives are one table (the entity pack's), read by the event pack too."""

from __future__ import annotations

import pycountry

from newsloom.lang.en.entities import NATIONALITIES, RULES
from newsloom.lang.en.events import RULES as EVENT_RULES
from tests.entities.conftest import make_article


def test_the_event_pack_reads_the_entity_packs_nationalities():
    for word, alpha2 in NATIONALITIES.items():
        assert RULES.title_prefixes[word] == f"place:{alpha2}", word
        assert EVENT_RULES.demonyms[word] == pycountry.countries.get(alpha_2=alpha2).alpha_3, word
    assert set(EVENT_RULES.demonyms) == set(NATIONALITIES)


def test_a_nationality_the_entity_pack_lacked_names_the_titles_country():
    """Main's entity table had 44 words and not "Mozambican", "Azerbaijani" or "Danish": the title's
    country was lost, and the event's actors had none."""
    text = (
        "Mozambican Interior Minister Paulo Chachine met Azerbaijani Deputy Minister Ali Naghiyev "
        "in Hanoi on Monday."
    )
    article = make_article(text, "en")
    countries = {m.text: m.role_of for m in article.entities if m.type == "person"}
    assert countries == {"Paulo Chachine": "place:MZ", "Ali Naghiyev": "place:AZ"}


def test_a_nationality_before_a_title_is_no_name():
    """The learned model read "Danish" in "and Danish Defence Minister" as an organization; it is the
    title's country (the gold's convention: a nationality adjective is no mention)."""
    text = "Ali Naghiyev and Danish Defence Minister Troels Lund Poulsen attended the talks in Baku."
    article = make_article(text, "en")
    assert "Danish" not in {m.text for m in article.entities}
    (poulsen,) = [m for m in article.entities if m.text == "Troels Lund Poulsen"]
    assert (poulsen.role, poulsen.role_of) == ("minister", "place:DK")
