"""The sides of a classifier's reading (newsloom/events/readings.py, #13 "seen as a user"): a visitor
is the source and the host the target in any written order; a pronoun subject is the one person
the sentences before made their subject; an event no one is named in is not stored."""

from __future__ import annotations

import pytest

from newsloom.events.extract import sentence_event

from .helpers import make_article

RAMAPHOSA = ("person", "person:ramaphosa", "Cyril Ramaphosa", "head_of_state", None)
GUTERRES = ("person", "person:guterres", "António Guterres", "un_secretary_general", "org:un")
CUONG = ("person", "person:luong cuong", "Lương Cường", "head_of_state", None)
VIETNAM = ("place", "place:vn", "Vietnam", None, None)
LAOS = ("place", "place:la", "Laos", None, None)
UN = ("organization", "org:un", "United Nations", None, None)


def sides(text: str, lang: str, names: dict, index: int = 0) -> tuple[tuple[str, ...], tuple[str, ...]]:
    article = make_article(text, lang, names, published="2025-10-24")
    event = sentence_event(article, index, "CONSULT", 0.9, require_actor=False)
    assert event is not None
    return event.source, event.target


@pytest.mark.parametrize(
    ("text", "lang", "names"),
    [
        # the host written first: "the first visit to Y by X"
        ("It was the first visit to Vietnam by Cyril Ramaphosa in two decades.", "en",
         {"Vietnam": VIETNAM, "Cyril Ramaphosa": RAMAPHOSA}),
        ("Đây là chuyến thăm Việt Nam đầu tiên của Tổng thống Cyril Ramaphosa sau gần 20 năm.", "vi",
         {"Việt Nam": VIETNAM, "Cyril Ramaphosa": RAMAPHOSA}),
        # another country named first: it only welcomes the visit
        ("Laos menyambut baik kunjungan kenegaraan Cyril Ramaphosa ke Vietnam.", "id",
         {"Laos": LAOS, "Vietnam": VIETNAM, "Cyril Ramaphosa": RAMAPHOSA}),
        ("Laos welcomed Cyril Ramaphosa, who is on a state visit to Vietnam.", "en",
         {"Laos": LAOS, "Vietnam": VIETNAM, "Cyril Ramaphosa": RAMAPHOSA}),
    ],
)  # fmt: skip
def test_the_visitor_is_the_source_and_the_host_the_target(text, lang, names):
    assert sides(text, lang, names) == (("person:ramaphosa",), ("place:vn",))


def test_the_vietnamese_visit_phrase_reads_the_visitor_before_it():
    text = "Tổng Thư ký António Guterres đang thăm chính thức Việt Nam."
    assert sides(text, "vi", {"António Guterres": GUTERRES, "Việt Nam": VIETNAM}) == (
        ("person:guterres",),
        ("place:vn",),
    )


def test_without_a_visit_phrase_the_actor_order_stands():
    text = "Vietnam thanked Cyril Ramaphosa for the talks."
    assert sides(text, "en", {"Vietnam": VIETNAM, "Cyril Ramaphosa": RAMAPHOSA}) == (
        ("place:vn",),
        ("person:ramaphosa",),
    )


# -- a pronoun subject -----------------------------------------------------------------------------

BANQUET = "In the evening he hosted a state banquet for the visiting president."


@pytest.mark.parametrize(
    ("text", "lang", "names", "source"),
    [
        (f"Lương Cường wished South Africa success as G20 host. {BANQUET}", "en",
         {"Lương Cường": CUONG}, ("person:luong cuong",)),
        # two sentences back, through another "he"
        (f"Lương Cường met Cyril Ramaphosa's delegation at noon. He also laid a wreath. {BANQUET}", "en",
         {"Lương Cường": CUONG, "Cyril Ramaphosa": RAMAPHOSA}, ("person:luong cuong",)),
        ("Chủ tịch Lương Cường chúc Nam Phi thành công. Buổi tối, ông chủ trì tiệc chiêu đãi Tổng thống.",
         "vi", {"Lương Cường": CUONG}, ("person:luong cuong",)),
        # two people made subject: "he" is either, no guess
        (f"Lương Cường and Cyril Ramaphosa agreed to upgrade ties. {BANQUET}", "en",
         {"Lương Cường": CUONG, "Cyril Ramaphosa": RAMAPHOSA}, ()),
        # a body as subject: "he" is nobody named
        (f"The United Nations praised Vietnam. {BANQUET}", "en", {"United Nations": UN, "Vietnam": VIETNAM}, ()),
    ],
)  # fmt: skip
def test_a_pronoun_subject_is_the_one_person_made_subject_before(text, lang, names, source):
    article = make_article(text, lang, names, published="2025-10-23")
    last = len(article.sentences) - 1
    event = sentence_event(article, last, "CONSULT", 0.9, require_actor=False)
    assert event is not None and event.source == source
    if source:
        assert event.source_actors[0].resolved_by == "pronoun"


def test_an_event_no_one_is_named_in_is_not_stored(tmp_path):
    from dataclasses import replace

    from newsloom.events.merge import merge_article_events
    from newsloom.events.queries import list_events
    from newsloom.store import Store
    from newsloom.store.articles import save_article

    text = f"The two presidents agreed to upgrade ties. {BANQUET}"
    article = make_article(text, "en", {}, published="2025-10-23")
    nobody = sentence_event(article, 1, "CONSULT", 0.9, require_actor=False)
    other = make_article(
        f"Lương Cường praised the talks. {BANQUET}", "en", {"Lương Cường": CUONG}, published="2025-10-23",
        article_id="t2", path="t2.txt",
    )  # fmt: skip
    named = sentence_event(other, 1, "CONSULT", 0.9, require_actor=False)
    assert nobody is not None and not nobody.source and not nobody.target
    assert named is not None and named.source
    stages = ("language", "sentences", "entities", "times", "events")
    article = replace(article, events=(replace(nobody, classifier="model"),), stages=stages)
    store = Store.open(str(tmp_path / "nobody.db"))
    try:
        with store.transaction() as conn:
            save_article(conn, article)
            assert merge_article_events(conn, article) == []
            assert list_events(conn, limit=10) == []
            other = replace(other, events=(replace(named, classifier="model"),), stages=stages)
            save_article(conn, other)
            assert len(merge_article_events(conn, other)) == 1  # a named one still is
    finally:
        store.close()


# -- a leading adverbial phrase holds no subject -----------------------------------------------------

QUANG = ("person", "person:quang", "Luong Tam Quang", "minister", None)
KUBAYI = ("person", "person:kubayi", "Mmamoloko Kubayi", "minister", None)
SUGIONO = ("person", "person:sugiono", "Sugiono", "foreign_minister", None)
ASEAN = ("organization", "org:asean", "ASEAN", None, None)
WITH_KUBAYI = (
    "Luong Tam Quang received the delegation heads on Sunday. With Justice Minister Mmamoloko Kubayi, "
    "he discussed the state visit and agreed to study new instruments of legal assistance."
)


def test_with_someone_opening_a_sentence_is_not_its_subject():
    from newsloom.events.extract import extract_events

    article = make_article(WITH_KUBAYI, "en", {"Luong Tam Quang": QUANG, "Mmamoloko Kubayi": KUBAYI})
    agreed = [e for e in extract_events(article) if e.sentence == 1 and e.type == "AGREE"]
    # Quang is the subject; Kubayi, named by the opening "with", is the other party (#13, session 12)
    assert [(e.source, e.joint) for e in agreed] == [(("person:quang", "person:kubayi"), True)]
    # and a classifier's reading of it: "he", after the phrase, is Quang
    reading = sentence_event(article, 1, "CONSULT", 0.9, require_actor=False)
    assert reading is not None and reading.source == ("person:quang",)


def test_a_classifier_reading_takes_the_subject_after_a_participial_phrase():
    text = "Speaking at the meeting of the ASEAN council in Kuala Lumpur, Sugiono said the region must act."
    assert sides(text, "en", {"ASEAN": ASEAN, "Sugiono": SUGIONO}) == (("person:sugiono",), ("org:asean",))


def test_a_pronoun_after_a_sentence_whose_subject_is_unnamed_is_no_one():
    # "the South African president" is no mention: Võ Nguyên Giáp is the object, not who "he" is
    giap = ("person", "person:giap", "Võ Nguyên Giáp", None, None)
    text = (
        "Before leaving, the South African president visited the family of the late General Võ Nguyên Giáp. "
        "He left Hanoi in the evening, concluding a two-day visit."
    )
    article = make_article(text, "en", {"Võ Nguyên Giáp": giap}, published="2025-10-24")
    event = sentence_event(article, 1, "CONSULT", 0.9, require_actor=False)
    assert event is not None and event.source == ()


def test_the_last_person_left_by_a_sentence_is_its_subject_not_a_person_in_its_opening_phrase():
    from newsloom.events.extract import extract_events

    chachine = ("person", "person:chachine", "Paulo Chachine", "minister", None)
    text = (
        "Meeting Interior Minister Paulo Chachine, Quang said the two countries should make full use of "
        "their agreements. With Justice Minister Mmamoloko Kubayi, he discussed the state visit and agreed "
        "to study new instruments."
    )
    names = {"Paulo Chachine": chachine, "Quang": QUANG, "Mmamoloko Kubayi": KUBAYI}
    article = make_article(text, "en", names, published="2025-10-26")
    agreed = [e for e in extract_events(article) if e.sentence == 1 and e.type == "AGREE"]
    # "he" is Quang, not Chachine; Kubayi, named by the opening "with", is the other party
    assert [e.source for e in agreed] == [("person:quang", "person:kubayi")]
    reading = sentence_event(article, 1, "CONSULT", 0.9, require_actor=False)
    assert reading is not None and reading.source == ("person:quang",)
