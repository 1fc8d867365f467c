"""Statements told "at that meeting" (#13, session 16), on sentences written here.

- A sentence that points back to a meeting ("Dalam pertemuan itu, ...", "Tại cuộc hội đàm này, ...",
  "Lors de cette rencontre, ...") tells what was said at the meeting the report told before it, even
  when that meeting is only implied by a joint agreement ("X dan Y sepakat ...").
- "X dan Y sepakat memperkuat ... patroli bersama": what they agreed to strengthen is a promise
  (AGREE), not a COOPERATE carried out; "manfaat berbagi data" is a view of sharing, no sharing.
"""

from __future__ import annotations

import pytest

from newsloom.events.implicit import IMPLIED_RULE, implied_meetings
from newsloom.events.rollup import ArticleEvent, article_events
from newsloom.events.stage import find_events

from .helpers import People, make_article

KEPOLISIAN = ("organization", "org:polri", "Kepolisian Negara Republik Indonesia", None, None)
POLIS = ("organization", "org:pdrm", "Polis Diraja Malaysia", None, None)
ID_NAMES: People = {"Polri": KEPOLISIAN, "PDRM": POLIS}


def _groups(text: str, lang: str, names: People) -> list[ArticleEvent]:
    article = make_article(text, lang, names, published="2026-03-12")
    return implied_meetings(article_events(find_events(article, classifier=False).events))


def _meetings(groups: list[ArticleEvent]) -> list[ArticleEvent]:
    return [g for g in groups if g.type == "CONSULT"]


def _in_sentence(groups: list[ArticleEvent], sentence: int, type_: str) -> ArticleEvent:
    return next(g for g in groups if g.type == type_ and any(m.sentence == sentence for m in g.mentions))


def test_the_two_sides_at_that_meeting_are_the_parties_of_the_meeting_told_before():
    groups = _groups(
        "Polri dan PDRM sepakat menukar data buronan di Medan. "
        "Pejabat Polri menyebut langkah itu penting. "
        "Dalam pertemuan itu, kedua pihak menyepakati pembentukan satuan tugas perbatasan.",
        "id",
        ID_NAMES,
    )
    meetings = _meetings(groups)
    assert len(meetings) == 1  # the meeting the agreement implies; "at that meeting" adds none
    agreed = _in_sentence(groups, 2, "AGREE")
    assert agreed.parent == meetings[0].group
    assert {a.key for a in agreed.source_actors} == {"org:polri", "org:pdrm"} and agreed.joint


def test_a_request_at_that_meeting_belongs_to_the_meeting_told_before():
    groups = _groups(
        "Polri dan PDRM sepakat menukar data buronan di Medan. "
        "Dalam pertemuan tersebut, Polri meminta PDRM memulangkan dua tersangka.",
        "id",
        ID_NAMES,
    )
    meeting = _meetings(groups)[0]
    assert meeting.mentions[0].rule.startswith(IMPLIED_RULE)
    assert _in_sentence(groups, 1, "REQUEST").parent == meeting.group


def test_a_request_elsewhere_is_not_filed_under_the_meeting():
    groups = _groups(
        "Polri dan PDRM sepakat menukar data buronan di Medan. "
        "Sebulan kemudian, Polri meminta PDRM memulangkan dua tersangka.",
        "id",
        ID_NAMES,
    )
    assert _in_sentence(groups, 1, "REQUEST").parent is None


def test_at_that_meeting_with_no_meeting_told_before_names_the_parties_who_met():
    groups = _groups("Dalam pertemuan itu, Polri meminta PDRM memulangkan dua tersangka.", "id", ID_NAMES)
    meeting = _meetings(groups)[0]
    assert {a.key for a in meeting.participants} == {"org:polri", "org:pdrm"}
    assert _in_sentence(groups, 0, "REQUEST").parent == meeting.group


@pytest.mark.parametrize(
    ("lang", "text", "names"),
    [
        (
            "vi",
            "Bộ Công an và Cảnh sát Liên bang Úc nhất trí tăng cường trao đổi thông tin. "
            "Tại cuộc hội đàm này, Bộ Công an đề nghị Cảnh sát Liên bang Úc dẫn độ hai đối tượng.",
            {
                "Bộ Công an": ("organization", "org:bca", "Ministry of Public Security", None, None),
                "Cảnh sát Liên bang Úc": ("organization", "org:afp", "Australian Federal Police", None, None),
            },
        ),
        (
            "fr",
            "La gendarmerie et la police belge ont convenu de renforcer leurs échanges. "
            "Lors de cette rencontre, la gendarmerie a demandé à la police belge d'extrader deux suspects.",
            {
                "la gendarmerie": ("organization", "org:gn", "Gendarmerie nationale", None, None),
                "la police belge": ("organization", "org:pf", "Police fédérale belge", None, None),
            },
        ),
    ],
)
def test_at_that_meeting_in_vietnamese_and_french(lang: str, text: str, names: People):
    groups = _groups(text, lang, names)
    meetings = _meetings(groups)
    assert meetings, [(g.type, [m.rule for m in g.mentions]) for g in groups]
    requests = [g for g in groups if g.type == "REQUEST" and any(m.sentence == 1 for m in g.mentions)]
    assert requests and requests[0].parent == meetings[0].group


def test_agreeing_to_strengthen_joint_patrols_is_a_promise_not_cooperation_done():
    text = "Polri dan PDRM sepakat meningkatkan pertukaran intelijen dan patroli bersama di Selat Malaka."
    article = make_article(text, "id", ID_NAMES, published="2026-03-12")
    types = {e.type for e in find_events(article, classifier=False).events}
    assert "AGREE" in types and "COOPERATE" not in types


def test_joint_patrols_carried_out_stay_cooperation():
    text = "Polri dan PDRM menggelar patroli bersama di Selat Malaka."
    article = make_article(text, "id", ID_NAMES, published="2026-03-12")
    assert "COOPERATE" in {e.type for e in find_events(article, classifier=False).events}


def test_the_benefit_of_sharing_data_is_no_sharing():
    text = "Pejabat Polri menyebut penangkapan itu sebagai bukti manfaat berbagi data dengan PDRM."
    article = make_article(text, "id", ID_NAMES, published="2026-03-12")
    assert "COOPERATE" not in {e.type for e in find_events(article, classifier=False).events}
