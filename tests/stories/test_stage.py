"""The embed stage: what is embedded, roundup segments, the vector layout and the cache."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest

from newsloom.article import Article
from newsloom.encoder import clear_process_caches
from newsloom.events.types import Event
from newsloom.pipeline import registered_stages
from newsloom.settings import Settings
from newsloom.stories.embed import content_key
from newsloom.stories.stage import (
    PASSAGE_CHARS,
    EmbedStage,
    article_passage,
    day_of,
    embed,
    embed_articles,
    passage_parts,
    passages,
    segment_passage,
    segments,
    unit_vectors,
)
from tests.stories.corpus import follow_up_en, roundup_en, trade_en, trade_vi
from tests.stories.helpers import FAKE, BagOfWordsEncoder, fake_encoder, make_article

__all__ = ["fake_encoder"]  # the fixture, imported for pytest


def test_the_stage_is_registered_with_what_it_needs_and_sets() -> None:
    info = registered_stages()["embed"]
    # the passages read entities (a roundup's actors), times (its days) and events (lead sentences);
    # the events stage's sentence vectors are reused (story_reuse) and used up
    assert info.requires == (
        "text",
        "language",
        "sentences",
        "entities",
        "times",
        "events",
        "sentence_vectors",
    )
    assert info.assigns == ("embedding", "sentence_vectors")


def test_the_article_passage_is_the_title_and_the_lead() -> None:
    article = trade_en()
    passage = article_passage(article)
    assert passage.startswith("Việt Nam and Japan discuss rice exports\nHÀ NỘI — Trade Minister")
    assert "Phạm said" in passage  # the second sentence of the lead
    assert "Sato promised" not in passage  # the third is not
    assert len(passage) <= PASSAGE_CHARS


def test_event_sentences_beyond_the_lead_join_the_passage() -> None:
    body = " ".join(f"Sentence number {i} says little of note." for i in range(8))
    body += " The two ministers signed a customs deal in Hà Nội."
    article = make_article("events", body)
    last = len(article.sentences) - 1
    event = Event(
        type="AGREE", sentence=last, evidence=article.sentences[last].text, start=0, end=1, trigger="signed"
    )
    assert "customs deal" not in article_passage(article)
    assert "customs deal" in article_passage(dataclasses.replace(article, events=(event,)))


def test_a_long_lead_is_cut_at_a_word() -> None:
    article = make_article("long", "word " * 400)
    passage = article_passage(article)
    assert 0 < len(passage) <= PASSAGE_CHARS
    assert passage.endswith("word")


def test_an_ordinary_article_has_no_segments() -> None:
    assert segments(trade_en()) == []
    assert segments(trade_vi()) == []
    assert segments(follow_up_en()) == []  # two dates, one event and its actors


def test_a_roundup_is_cut_where_a_dated_paragraph_brings_new_actors() -> None:
    found = segments(roundup_en())
    assert [sorted(s.persons) for s in found] == [
        ["person:kenji sato", "person:lan phạm"],
        ["person:trần bình"],
        ["person:dewi lestari"],
    ]
    assert [s.date for s in found] == ["2026-03-03"] * 3
    text = roundup_en().text
    assert text[found[1].start :].startswith("The same afternoon")
    assert found[0].start == 0  # the opening line goes with the first event


def test_a_closing_line_on_another_day_is_not_an_event_of_its_own() -> None:
    body = (
        "Chiều 3/3, Bộ trưởng Lan Phạm tiếp Đặc phái viên Kenji Sato tại Hà Nội để bàn về xuất khẩu gạo.\n"
        "Hai bên nhất trí đẩy nhanh đàm phán hiệp định hải quan.\n"
        "Ngày 4/3, đoàn rời Hà Nội."
    )
    article = make_article("closing", body, language="vi", persons=["Lan Phạm", "Kenji Sato"],
                           times=[("Chiều 3/3", "2026-03-03TAF"), ("Ngày 4/3", "2026-03-04")])  # fmt: skip
    assert segments(article) == []


def test_day_of_reads_timex_values() -> None:
    assert day_of("2025-10-21TAF") == "2025-10-21"
    assert day_of("XXXX-10-24") == "XXXX-10-24"
    assert day_of("2025-W43") is None
    assert day_of(None) is None


def test_embedding_layout_is_one_block_per_unit(fake_encoder: BagOfWordsEncoder) -> None:
    plain, roundup = embed_articles([trade_en(), roundup_en()])
    assert plain.embedding is not None and len(plain.embedding) == 64
    assert roundup.embedding is not None and len(roundup.embedding) == 64 * 3  # one per event
    vectors = unit_vectors(roundup, 64)
    assert vectors is not None and len(vectors) == 3
    assert all(np.isclose(np.linalg.norm(v), 1.0) for v in vectors)
    assert not np.allclose(vectors[0], vectors[1])
    assert unit_vectors(roundup, 50) is None  # a dimension that does not divide the layout


def test_passages_of_many_articles_go_to_the_encoder_in_one_batch(fake_encoder: BagOfWordsEncoder) -> None:
    embed_articles([trade_en(), trade_vi(), roundup_en()])
    assert len(fake_encoder.calls) == 1
    assert len(fake_encoder.calls[0]) == 1 + 1 + 3


def test_the_same_text_is_embedded_once(fake_encoder: BagOfWordsEncoder) -> None:
    first = embed(trade_en())
    again = embed(dataclasses.replace(trade_en(), id="copy", path="mem/copy.txt"))
    assert first.embedding == again.embedding
    assert sum(len(call) for call in fake_encoder.calls) == 1
    assert passages(trade_en()) == [article_passage(trade_en())]


def test_an_empty_body_gets_no_embedding(fake_encoder: BagOfWordsEncoder) -> None:
    assert embed(make_article("empty", "   ")).embedding is None


def test_an_opening_that_announces_two_events_is_cut_in_two() -> None:
    body = (
        "On Friday, President Omar Diallo received Mayor Anna Berg and later opened a trade fair with "
        "minister Luis Prado.\n"
        "At the meeting, Berg asked for help to rebuild the harbour of her city after the storm.\n"
        "At the fair, Prado said exports of coffee and cocoa had doubled in a year."
    )
    article = make_article("two-in-one", body, persons=["Omar Diallo", "Anna Berg", ("Berg", "Anna Berg"),
                                                        "Luis Prado", ("Prado", "Luis Prado")])  # fmt: skip
    keys = {"diallo": "person:omar diallo", "berg": "person:anna berg", "prado": "person:luis prado"}

    def event(sentence: int, group: int, parent: int | None, word: str, *actors: str) -> Event:
        text = article.sentences[sentence].text
        start = article.sentences[sentence].start + text.index(word)  # each event its own trigger
        return Event(type="CONSULT", sentence=sentence, evidence=text, start=start, end=start + len(word),
                     trigger=word, source=(keys[actors[0]],), target=tuple(keys[a] for a in actors[1:]),
                     group=group, parent=parent)  # fmt: skip

    events = (event(0, 0, None, "received", "diallo", "berg"), event(0, 1, None, "opened", "diallo", "prado"),
              event(1, 2, 0, "asked", "berg"), event(2, 3, 1, "said", "prado"))  # fmt: skip
    found = segments(dataclasses.replace(article, events=events))
    assert [f.sentences for f in found] == [(0, 1), (0, 2)]
    assert [sorted(f.persons) for f in found] == [
        ["person:anna berg", "person:omar diallo"],
        ["person:luis prado", "person:omar diallo"],
    ]
    assert segment_passage(article, found[1]).startswith("At the fair")  # its own sentence first
    assert segments(article) == []  # without the events stage: one event


def test_the_meetings_one_trigger_announces_are_one_event() -> None:
    # "received X and Y" is one meeting per guest (events/counterparts.py), told as one announcement
    body = (
        "On Friday, President Omar Diallo received Mayor Anna Berg and minister Luis Prado in turn.\n"
        "At the meeting, Berg asked for help to rebuild the harbour of her city after the storm.\n"
        "At the fair, Prado said exports of coffee and cocoa had doubled in a year."
    )
    article = make_article("one-trigger", body, persons=["Omar Diallo", "Anna Berg", ("Berg", "Anna Berg"),
                                                         "Luis Prado", ("Prado", "Luis Prado")])  # fmt: skip
    keys = {"diallo": "person:omar diallo", "berg": "person:anna berg", "prado": "person:luis prado"}
    start = body.index("received")

    def event(sentence: int, group: int, parent: int | None, *actors: str) -> Event:
        text = article.sentences[sentence].text
        return Event(type="CONSULT", sentence=sentence, evidence=text, start=start, end=start + 8,
                     trigger="received", source=(keys[actors[0]],), target=tuple(keys[a] for a in actors[1:]),
                     group=group, parent=parent)  # fmt: skip

    events = (event(0, 0, None, "diallo", "berg"), event(0, 1, None, "diallo", "prado"),
              event(1, 2, 0, "berg"), event(2, 3, 1, "prado"))  # fmt: skip
    assert segments(dataclasses.replace(article, events=events)) == []


def test_the_stage_embeds_a_batch_in_one_call_as_one_by_one(fake_encoder: BagOfWordsEncoder) -> None:
    articles = [trade_en(), trade_vi(), roundup_en(), follow_up_en()]
    one_by_one = [EmbedStage(Settings(encoder=FAKE))(a) for a in articles]
    calls = len(fake_encoder.calls)
    clear_process_caches()  # the stages share the process's cache: the second would embed nothing
    together = EmbedStage(Settings(encoder=FAKE)).pipe(articles)
    assert [a.embedding for a in together] == [a.embedding for a in one_by_one]
    assert len(fake_encoder.calls) == calls + 1


def test_the_stage_embeds_only_what_the_runner_did_not_find(fake_encoder: BagOfWordsEncoder) -> None:
    stage = EmbedStage(Settings(encoder=FAKE))
    plain, roundup = trade_en(), roundup_en()
    keys = stage.cache_keys([plain, roundup])
    assert len(keys) == 1 + 3 and keys[0] == content_key(FAKE, article_passage(plain))
    stored = np.zeros(64, dtype=np.float32)
    stored[0] = 1.0
    done = stage.pipe([plain, roundup], known={keys[0]: stored})
    assert done[0].embedding == tuple(float(x) for x in stored)  # the stored vector, not a new one
    assert fake_encoder.calls == [passages(roundup)]  # only the roundup's passages were embedded


SECOND_DAY = (
    "Chiều 3/3, Bộ trưởng Lan Phạm tiếp Đặc phái viên Kenji Sato tại Hà Nội để bàn về xuất khẩu gạo "
    "và đẩy nhanh đàm phán hiệp định hải quan giữa hai nước.\n"
    "Ngày 4/3, hội nghị tiếp tục với các phiên thảo luận toàn thể và nhiều sự kiện bên lề về thương mại, "
    "đầu tư và hợp tác nông nghiệp{place}."
)


def test_a_paragraph_naming_nothing_on_another_day_continues_the_event() -> None:
    def article(place: str) -> Article:
        return make_article("second-day", SECOND_DAY.format(place=place), language="vi",
                            persons=["Lan Phạm", "Kenji Sato"], places=["Hà Nội", "Đà Nẵng"],
                            times=[("Chiều 3/3", "2026-03-03TAF"), ("Ngày 4/3", "2026-03-04")])  # fmt: skip

    # vi_01: "Trong ngày 26/10, Lễ mở ký tiếp tục ..." is the ceremony's second day, not another event
    assert segments(article("")) == []
    # the same paragraph naming a place of its own is another event of the next day
    assert [s.date for s in segments(article(" tại Đà Nẵng"))] == ["2026-03-03", "2026-03-04"]


def test_a_passage_is_cut_at_a_word_within_passage_cut(monkeypatch: pytest.MonkeyPatch) -> None:
    from newsloom.stories import stage

    article = trade_en()
    whole = article_passage(article)
    monkeypatch.setattr(stage, "PASSAGE_CUT", 40)
    cut = article_passage(article)
    assert 0 < len(cut) <= 40
    assert whole.startswith(cut) and whole[len(cut)] in " \n"  # ends where a word ends
    assert passages(article) == [cut]


def test_the_shipped_passage_is_its_whole_parts() -> None:
    # the join model was fitted on, and stores hold vectors of, passages of whole parts: a shorter
    # PASSAGE_CUT changes every passage (session 14: GVC dev running F1 -0.010 at 160 characters)
    article = trade_en()
    (parts,) = passage_parts(article)
    assert article_passage(article) == "\n".join(" ".join(p.split()) for p in parts)


def keyed_as_the_gazetteer(article: Article) -> Article:
    """``article`` with its place keys spelt as the gazetteer's ("place:ID", "place:iso:VN-71"; the
    builder folds case)."""

    def key(k: str | None) -> str | None:
        if k and k.startswith("place:iso:"):
            return "place:iso:" + k.removeprefix("place:iso:").upper()
        return "place:" + k.removeprefix("place:").upper() if k and len(k) == len("place:xx") else k

    return dataclasses.replace(
        article, entities=tuple(dataclasses.replace(m, key=key(m.key)) for m in article.entities)
    )


def test_a_roundup_of_one_day_is_cut_where_a_dated_paragraph_moves_to_another_place() -> None:
    body = (
        "Tối 14/8, trận động đất 5,9 độ ở Indonesia làm ít nhất 7 người chết, nhiều nhà cửa và một bệnh viện bị hư hại.\n"
        "Cùng ngày, động đất 4,6 độ xảy ra tại Điện Biên, 23 ngôi nhà và một lớp học bị nứt.\n"
        "Hai trận động đất không liên quan đến nhau, theo các nhà địa chấn học."
    )
    places = [("Indonesia", "ID"), ("Điện Biên", "iso:VN-71")]
    times = [("Tối 14/8", "2026-08-14TEV"), ("Cùng ngày", "2026-08-14")]
    article = keyed_as_the_gazetteer(make_article("quakes", body, language="vi", places=places, times=times))
    found = segments(article)
    assert [s.sentences for s in found] == [(0,), (1, 2)]  # no new person, the same day: a new place
    assert [s.date for s in found] == ["2026-08-14", "2026-08-14"]
    same_place = keyed_as_the_gazetteer(
        make_article(
            "quake", body.replace("Điện Biên", "Indonesia"), language="vi", places=places, times=times
        )
    )
    assert segments(same_place) == []  # the same place the same day: one event told on


def test_a_list_of_events_by_place_is_cut_without_time_cues_and_its_announcement_left_out() -> None:
    body = (
        "JAKARTA - BNN memaparkan dua kasus penyelundupan sabu besar dalam jumpa pers di Jakarta, Jumat (21/8/2026).\n"
        "Kasus pertama terjadi di Batam pada 7 Agustus: 75 kilogram sabu disembunyikan dalam kotak penanak nasi.\n"
        "Kasus kedua di Medan, Kamis dini hari: 120 kilogram sabu dalam bungkus teh ditemukan di kapal ikan.\n"
        "BNN menyebut kedua jaringan tidak saling terkait."
    )
    places = [("JAKARTA", "geo:1642911"), ("Jakarta", "geo:1642911"), ("Batam", "geo:6295587"),
              ("Medan", "geo:1214520")]  # fmt: skip
    times = [
        ("Jumat (21/8/2026)", "2026-08-21"),
        ("7 Agustus", "2026-08-07"),
        ("Kamis dini hari", "2026-08-20TNI"),
    ]
    found = segments(
        keyed_as_the_gazetteer(make_article("seizures", body, language="id", places=places, times=times))
    )
    assert [s.sentences for s in found] == [(1,), (2, 3)]
    assert [s.date for s in found] == ["2026-08-07", "2026-08-20"]


def test_one_report_recalling_an_earlier_event_elsewhere_is_not_cut() -> None:
    body = (
        "ENTIKONG - Presiden Prabowo dan Perdana Menteri Anwar meresmikan pos lintas batas baru di Kalimantan Barat, Rabu (12/8/2026).\n"
        "Kedua pemimpin menggunting pita di garis batas dan berjalan bersama melintasi perbatasan.\n"
        "Peresmian ini menindaklanjuti kesepakatan dalam konsultasi tahunan di Jakarta sembilan hari sebelumnya."
    )
    places = [("Kalimantan Barat", "iso:ID-KB"), ("Jakarta", "geo:1642911")]
    times = [("Rabu (12/8/2026)", "2026-08-12"), ("sembilan hari sebelumnya", "2026-08-03")]
    article = make_article(
        "border", body, language="id", persons=["Prabowo", "Anwar"], places=places, times=times
    )
    assert segments(article) == []  # one paragraph elsewhere on another day is no list


ROUNDUP_OF_ONE_DAY = (
    "Heavy rain flooded three Southeast Asian capitals on Monday.\n"
    "In Hanoi, Mayor Tran Van Kien ordered the drainage company to pump water from 40 streets before the evening rush.\n"
    "In Jakarta, Governor Dewi Lestari moved 900 riverside residents to schools as the river rose past its banks.\n"
    "In Manila, Mayor Ana Cruz suspended classes and the coast guard pulled a fisherman from the bay at dawn."
)
CAPITALS = [("Hanoi", "geo:1581130"), ("Jakarta", "geo:1642911"), ("Manila", "geo:1701668")]


def test_a_list_of_one_day_by_place_is_cut_where_each_paragraph_opens_with_its_place_and_actors() -> None:
    article = make_article(
        "rain", ROUNDUP_OF_ONE_DAY, persons=["Tran Van Kien", "Dewi Lestari", "Ana Cruz"], places=CAPITALS,
        times=[("on Monday", "2026-09-07")],
    )  # fmt: skip
    found = segments(keyed_as_the_gazetteer(article))
    # the opening names no one: it goes with the first item; each capital is an event of its own
    assert [s.sentences for s in found] == [(0, 1), (2,), (3,)]
    assert [sorted(s.persons) for s in found] == [
        ["person:tran van kien"],
        ["person:dewi lestari"],
        ["person:ana cruz"],
    ]


def test_the_first_item_of_a_list_of_one_day_is_kept_when_it_opens_the_article() -> None:
    body = ROUNDUP_OF_ONE_DAY.split("\n", 1)[1]
    article = make_article(
        "rain", body, persons=["Tran Van Kien", "Dewi Lestari", "Ana Cruz"], places=CAPITALS
    )
    assert [s.sentences for s in segments(keyed_as_the_gazetteer(article))] == [(0,), (1,), (2,)]


def test_one_report_going_on_in_other_places_is_not_cut_as_a_list() -> None:
    # the same actors in each place (one tour), or places without actors of their own (one flood)
    tour = (
        "Health Minister Lan Pham opened a vaccination drive for children on Monday.\n"
        "In Hanoi, Lan Pham watched nurses give the first doses at a district clinic near the Red River.\n"
        "In Hai Phong, Lan Pham and the ministry's team visited two schools to check cold storage for vaccines.\n"
        "In Nam Dinh, Lan Pham thanked volunteers who had registered 5,000 children in a single week."
    )
    places = [("Hanoi", "geo:1581130"), ("Hai Phong", "geo:1581298"), ("Nam Dinh", "geo:1573517")]
    article = make_article(
        "tour", tour, persons=["Lan Pham"], places=places, times=[("on Monday", "2026-09-07")]
    )
    assert segments(keyed_as_the_gazetteer(article)) == []
    flood = (
        "The Red River rose above its third alarm level on Monday, flooding riverside towns.\n"
        "In Hanoi, water covered the road along the dyke and 200 households moved to higher ground overnight.\n"
        "In Hai Phong, the flood reached the port's outer warehouses and cut two rural roads to the coast.\n"
        "In Nam Dinh, fields of rice ready for harvest were under a metre of water by the afternoon."
    )
    article = make_article("flood", flood, places=places, times=[("on Monday", "2026-09-07")])
    assert segments(keyed_as_the_gazetteer(article)) == []


def test_a_paragraph_opened_by_how_long_not_when_does_not_start_an_event() -> None:
    from newsloom.timex.types import TimeExpression

    body = (
        "The Asian Development Bank signed a loan of 90 million dollars with Da Nang city on Monday to "
        "build a bus rapid transit line along the river.\n"
        "The 25-year loan, agreed after two years of talks in Manila, carries a grace period and low "
        "interest, the bank's country office said.\n"
        "The line's first section should open in 2029."
    )
    places = [("Da Nang", "geo:1583992"), ("Manila", "geo:1701668")]
    made = keyed_as_the_gazetteer(
        make_article(
            "loan",
            body,
            persons=[],
            organizations=["Asian Development Bank"],
            places=places,
            times=[("on Monday", "2026-10-12")],
        )  # fmt: skip
    )
    at = body.index("25-year")
    duration = TimeExpression(at, at + len("25-year"), "25-year", "P25Y", "duration", "published")
    article = dataclasses.replace(made, times=tuple(sorted((*made.times, duration), key=lambda t: t.start)))
    # "The 25-year loan" says how long, not when: one report going on, not a second event in Manila
    assert segments(article) == []
    # the same paragraph opened by a day is a roundup's next event in another city
    when = dataclasses.replace(duration, text="25 Sep", value="2026-09-25", precision="day")
    cut = dataclasses.replace(made, times=tuple(sorted((*made.times, when), key=lambda t: t.start)))
    assert len(segments(cut)) == 2
