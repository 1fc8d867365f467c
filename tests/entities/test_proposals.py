"""Merging the learned model's spans with the rules (newsloom/entities/proposals.py)."""

from __future__ import annotations

from dataclasses import dataclass

from newsloom.entities.learned import Proposal
from newsloom.entities.proposals import merged_spans, strip_edges


@dataclass
class Rule:
    start: int
    end: int
    type: str
    rule: str
    score: float = 0.9
    kind: str = "name"
    gazetteer_id: str | None = None


def test_role_words_and_punctuation_are_stripped_from_the_edges() -> None:
    # "Midfielder Valentin Stefan ," with "Midfielder" a role word
    assert strip_edges(0, 4, {0}, [True, True, True, False]) == (1, 3)


def test_a_lone_blocked_word_stays_and_a_blocked_word_inside_stays() -> None:
    assert strip_edges(0, 1, {0}, [True]) == (0, 1)  # "Anh": England, not the honorific
    assert strip_edges(0, 2, {1}, [True, True]) == (0, 2)  # "Đông Anh"


def test_a_closing_bracket_opened_inside_the_span_stays() -> None:
    texts = ["Partai", "Persatuan", "(", "PPP", ")"]
    assert strip_edges(0, 5, set(), [True, True, False, True, False], texts) == (0, 5)
    assert strip_edges(0, 3, set(), [True, True, False], texts[:3]) == (0, 2)


def test_a_same_span_gazetteer_name_corrects_the_type() -> None:
    spans = merged_spans([Proposal(2, 3, "person")], [Rule(2, 3, "place", "gazetteer")], set(), [True] * 4)
    assert [(s, e, t) for s, e, t, _ in spans] == [(2, 3, "place")]


def test_a_capitalised_run_guess_does_not_override_the_model() -> None:
    spans = merged_spans(
        [Proposal(0, 2, "organization")], [Rule(0, 2, "person", "capitalised")], set(), [True] * 3
    )
    assert [(s, e, t) for s, e, t, _ in spans] == [(0, 2, "organization")]


def test_near_certain_rules_fill_what_the_model_missed_and_guesses_do_not() -> None:
    rules = [
        Rule(0, 1, "place", "gazetteer"),
        Rule(3, 5, "person", "capitalised"),
        Rule(6, 8, "person", "title"),
    ]
    spans = merged_spans([], rules, set(), [True] * 8)
    assert [(s, e, t) for s, e, t, _ in spans] == [(0, 1, "place"), (6, 8, "person")]


def test_a_rule_overlapping_a_proposal_is_not_added_twice() -> None:
    spans = merged_spans(
        [Proposal(0, 3, "organization")], [Rule(2, 3, "place", "gazetteer")], set(), [True] * 3
    )
    assert [(s, e, t) for s, e, t, _ in spans] == [(0, 3, "organization")]


def test_a_person_the_model_finds_closing_a_rule_organization_cuts_it() -> None:
    # "Dewan Pertimbangan Partai Golkar Akbar Tandjung": the rules' run is one organization; the model
    # says the last two words are a person: the council, then its chair
    rule = Rule(0, 6, "organization", "org-shape")
    spans = merged_spans([Proposal(4, 6, "person")], [rule], set(), [True] * 7)
    assert [(s, e, t) for s, e, t, _ in spans] == [(0, 4, "organization"), (4, 6, "person")]
    # a person inside, not closing it, does not cut it; nor does a gazetteer organization get cut
    inside = merged_spans([Proposal(2, 4, "person")], [rule], set(), [True] * 7)
    assert [(s, e, t) for s, e, t, _ in inside] == [(0, 6, "organization")]
    gazetteer = Rule(0, 6, "organization", "gazetteer")
    kept = merged_spans([Proposal(4, 6, "person")], [gazetteer], set(), [True] * 7)
    assert [(s, e, t) for s, e, t, _ in kept] == [(0, 6, "organization")]


def test_what_the_model_put_before_a_sure_person_is_no_person_and_does_not_cut_the_organization() -> None:
    # "Cơ quan An ninh quốc gia Azerbaijan Ali Naghiyev": the model's person "Azerbaijan Ali Naghiyev"
    # runs into the title rule's "Ali Naghiyev"; "Azerbaijan" is no person and closes no organization
    rules = [Rule(0, 7, "organization", "org-shape"), Rule(7, 9, "person", "title")]
    spans = merged_spans([Proposal(6, 9, "person")], rules, set(), [True] * 9)
    assert [(s, e, t) for s, e, t, _ in spans] == [(0, 7, "organization"), (7, 9, "person")]


def test_a_title_run_holding_the_models_organization_is_its_body_then_its_holder() -> None:
    # "kata Ketua | DPP PKS Nasir Djamil": the rules ran one person on after the title; the model reads
    # the party, then the person
    words = ["kata", "Ketua", "DPP", "PKS", "Nasir", "Djamil"]
    proposals = [Proposal(3, 4, "organization"), Proposal(4, 6, "person")]
    rules = [Rule(2, 6, "person", "title")]
    spans = merged_spans(proposals, rules, {1}, [True] * 6, words, cuts=frozenset({1}), titles=frozenset({1}))
    assert [(s, e, t) for s, e, t, _ in spans] == [(3, 4, "organization"), (4, 6, "person")]
    # the model reading only persons inside keeps the rules' run
    spans = merged_spans([Proposal(4, 6, "person")], rules, {1}, [True] * 6, words, titles=frozenset({1}))
    assert [(s, e, t) for s, e, t, _ in spans] == [(2, 6, "person")]


def test_a_title_run_opening_with_a_family_name_stays_one_person() -> None:
    # "Minister Bùi Thanh Sơn": the English model's "Thanh" place inside is no body of the title
    words = ["Minister", "Bùi", "Thanh", "Sơn"]
    rules = [Rule(1, 4, "person", "title")]
    spans = merged_spans(
        [Proposal(2, 3, "place")],
        rules,
        {0},
        [True] * 4,
        words,
        titles=frozenset({0}),
        family_named=frozenset({1}),
    )
    assert [(s, e, t) for s, e, t, _ in spans] == [(1, 4, "person")]


def test_a_lone_person_in_a_list_of_places_is_a_place() -> None:
    from newsloom.entities.learned import Proposal
    from newsloom.entities.proposals import coherent_lists

    words = ["di", "New", "Mexico", ",", "Arizona", ",", "Wyoming", ",", "Colorado", "dan", "Texas", "."]
    read = [
        Proposal(1, 3, "place"),
        Proposal(4, 5, "place"),
        Proposal(6, 7, "place"),
        Proposal(8, 9, "person"),
        Proposal(10, 11, "place"),
    ]
    joiners = frozenset({"dan"})
    assert coherent_lists(read, words, joiners)[3] == Proposal(8, 9, "place")
    # a pack without list joiners, a list of three, or a person of two words are left alone
    assert coherent_lists(read, words, frozenset())[3].type == "person"
    assert coherent_lists(read[1:4], words, joiners)[2].type == "person"
    longer = [*read[:3], Proposal(8, 10, "person"), Proposal(10, 11, "place")]
    assert coherent_lists(longer, [*words[:9], "Smith", *words[10:]], joiners)[3].type == "person"
    # an organization odd one out is the model's call (on the training split it was right)
    odd_org = [*read[:3], Proposal(8, 9, "organization"), read[4]]
    assert coherent_lists(odd_org, words, joiners)[3].type == "organization"


def test_a_family_name_run_neither_cuts_nor_retypes_the_models_span_but_fills_a_gap() -> None:
    # "Bệnh viện Bạch Mai": the model's hospital stands whole over the rules' person "Bạch Mai"
    whole = merged_spans(
        [Proposal(0, 4, "organization")], [Rule(2, 4, "person", "family-name")], set(), [True] * 5
    )
    assert [(s, e, t) for s, e, t, _ in whole] == [(0, 4, "organization")]
    # "đường Lê Lai": same span, the model's place
    same = merged_spans([Proposal(1, 3, "place")], [Rule(1, 3, "person", "family-name")], set(), [True] * 3)
    assert [(s, e, t) for s, e, t, _ in same] == [(1, 3, "place")]
    alone = merged_spans([], [Rule(1, 3, "person", "family-name")], set(), [True] * 3)
    assert [(s, e, t) for s, e, t, _ in alone] == [(1, 3, "person")]


def test_an_org_shape_run_longer_only_by_lowercase_words_yields_and_a_gazetteer_name_does_not() -> None:
    texts = ["của", "Báo", "ANTĐ", "đăng", "tải"]
    org = merged_spans(
        [Proposal(1, 3, "organization")], [Rule(1, 4, "organization", "org-shape")], set(), [True] * 5, texts
    )
    assert [(s, e, t) for s, e, t, _ in org] == [(1, 3, "organization")]
    words = ["thị", "trường", "châu", "Phi", "."]
    gazetteer = merged_spans(
        [Proposal(3, 4, "place")], [Rule(2, 4, "place", "gazetteer")], set(), [True] * 4 + [False], words
    )
    assert [(s, e, t) for s, e, t, _ in gazetteer] == [(2, 4, "place")]


def test_a_credit_lines_name_follows_the_models_type_and_does_not_stand_alone() -> None:
    spans = merged_spans(
        [Proposal(2, 3, "organization")], [Rule(2, 3, "person", "credit")], set(), [True] * 3
    )
    assert [(s, e, t) for s, e, t, _ in spans] == [(2, 3, "organization")]
    assert merged_spans([], [Rule(2, 3, "person", "credit")], set(), [True] * 3) == []


def test_a_place_named_after_a_titled_person_keeps_its_title() -> None:
    # "Jalan Sultan Agung": the model's street; the rules read "Sultan" as a title and "Agung" its holder
    texts = ["Jalan", "Sultan", "Agung", "terkenal"]
    spans = merged_spans(
        [Proposal(0, 3, "place")],
        [Rule(2, 3, "person", "title")],
        {1},
        [True] * 4,
        texts,
        cuts=frozenset({1}),
        titles=frozenset({1}),
    )
    assert [(s, e, t) for s, e, t, _ in spans] == [(0, 3, "place")]
    # a person the model reads after a title is still cut from it: only a place is named after one
    spans = merged_spans(
        [Proposal(0, 3, "person")],
        [Rule(2, 3, "person", "title")],
        {1},
        [True] * 4,
        texts,
        cuts=frozenset({1}),
        titles=frozenset({1}),
    )
    assert (0, 3, "person") not in [(s, e, t) for s, e, t, _ in spans]


def test_initials_the_model_reads_as_a_person_stay_a_person_where_the_pack_says_so() -> None:
    # "Kami tidak ingin SBY bersentuhan": the acronym rule reads an organization, the model a person
    texts = ["Kami", "tidak", "ingin", "SBY", "bersentuhan"]
    proposal, rule = [Proposal(3, 4, "person")], [Rule(3, 4, "organization", "acronym")]
    by_default = merged_spans(proposal, rule, set(), [True] * 5, texts)
    assert [(s, e, t) for s, e, t, _ in by_default] == [(3, 4, "organization")]
    for_initials = merged_spans(proposal, rule, set(), [True] * 5, texts, acronym_people=True)
    assert [(s, e, t) for s, e, t, _ in for_initials] == [(3, 4, "person")]


def test_an_acronym_in_brackets_stays_the_organization_it_abbreviates() -> None:
    # "Badan Keamanan Siber Regional ( BKSR )": a model reading "BKSR" as a person does not win there
    texts = ["Badan", "Keamanan", "Siber", "Regional", "(", "BKSR", ")"]
    spans = merged_spans(
        [Proposal(0, 4, "organization"), Proposal(5, 6, "person")],
        [Rule(5, 6, "organization", "acronym")],
        set(),
        [True, True, True, True, False, True, False],
        texts,
        acronym_people=True,
    )
    assert [(s, e, t) for s, e, t, _ in spans] == [(0, 4, "organization"), (5, 6, "organization")]


def test_an_acronym_after_a_title_heading_an_organization_stays_the_organization() -> None:
    # "Kepala BKSR hadir": the head of the agency; a model reading "BKSR" as a person does not win there
    texts = ["Kepala", "BKSR", "hadir"]
    proposal, rule = [Proposal(1, 2, "person")], [Rule(1, 2, "organization", "org-shape")]
    spans = merged_spans(
        proposal,
        rule,
        {0},
        [True] * 3,
        texts,
        titles=frozenset({0}),
        acronym_people=True,
        headed=frozenset({1}),
    )
    assert [(s, e, t) for s, e, t, _ in spans] == [(1, 2, "organization")]
    # after a leader's title the initials are the leader's ("Presiden SBY"), as before
    unheaded = merged_spans(
        proposal, rule, {0}, [True] * 3, texts, titles=frozenset({0}), acronym_people=True
    )
    assert [(s, e, t) for s, e, t, _ in unheaded] == [(1, 2, "person")]


def test_a_place_the_model_opens_with_a_title_is_the_titled_person() -> None:
    # "Timbalan Perdana Menteri Bui Thanh Son bertemu": the model glued the title onto a "place"
    texts = ["Timbalan", "Perdana", "Menteri", "Bui", "Thanh", "Son", "bertemu"]
    person = Rule(3, 6, "person", "title")
    spans = merged_spans(
        [Proposal(0, 6, "place")], [person], {0, 1, 2}, [True] * 7, texts, titles=frozenset({0, 1, 2})
    )
    assert [(s, e, t) for s, e, t, _ in spans] == [(3, 6, "person")]
    # the same place proposed without the title keeps the model's type (nothing says it misread)
    bare = merged_spans(
        [Proposal(3, 6, "place")], [person], {0, 1, 2}, [True] * 7, texts, titles=frozenset({0, 1, 2})
    )
    assert [(s, e, t) for s, e, t, _ in bare] == [(3, 6, "place")]


def test_a_place_the_gazetteer_knows_after_a_title_stays_a_place() -> None:
    # "Raja Jordania": the king of a country; the gazetteer's place is no titled person
    texts = ["Raja", "Jordania", "tiba"]
    spans = merged_spans(
        [Proposal(0, 2, "place")],
        [Rule(1, 2, "place", "gazetteer", gazetteer_id="place:JO")],
        {0},
        [True] * 3,
        texts,
        titles=frozenset({0}),
    )
    assert [(s, e, t) for s, e, t, _ in spans] == [(1, 2, "place")]


def test_a_place_opening_with_one_title_word_stays_a_place() -> None:
    # "di Raja Ampat ,": a regency named with a title word; the rules' titled "person" does not win
    texts = ["di", "Raja", "Ampat", ","]
    spans = merged_spans(
        [Proposal(1, 3, "place")],
        [Rule(2, 3, "person", "title")],
        {1},
        [True, True, True, False],
        texts,
        titles=frozenset({1}),
    )
    assert [(s, e, t) for s, e, t, _ in spans] == [(2, 3, "place")]
