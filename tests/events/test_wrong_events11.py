"""Wrong events on the bundled examples as a journalist reads them (#13, round 11).

- Sugiono at the ASEAN Political-Security Community Council was two events: the Indonesian report
  dated 25 October with the council as target, the English one undated with "ASEAN". The council is
  its own body in the curated organizations (its name in en/vi/id), and an English sentence with no
  time at all, in a report with no publication date, is on the story day of the same actor's act
  just before it ("Sugiono on Saturday urged ... Speaking at the 30th meeting of the Council ...").
"""

from __future__ import annotations

import dataclasses
from dataclasses import replace
from datetime import date

from newsloom.article import Article
from newsloom.entities.stage import find_mentions
from newsloom.events.rollup import ArticleEvent
from newsloom.events.types import Event
from newsloom.events.years import STORY_DATE_SOURCE, with_story_days
from newsloom.sentences import split_sentences

SAT_SUN = (date(2025, 10, 25), date(2025, 10, 26))
URGED = "Foreign Minister Sugiono on Saturday urged the governments to work together."
SPEAKING = "Speaking at the 30th meeting of the Council in Kuala Lumpur, Sugiono said the region must adapt."


def _group(group: int, sentence: int, evidence: str, src: str, time_text: str | None) -> ArticleEvent:
    mention = Event(
        type="REQUEST" if time_text else "CONSULT", sentence=sentence, evidence=evidence, start=0, end=5,
        trigger="x", date=None, date_end=None, date_source="none", time_text=time_text,
    )  # fmt: skip
    return ArticleEvent(
        group=group, type=mention.type, mode=None, parent=None, mentions=(mention,), joint=False,
        source_actors=(), target_actors=(), src_keys=frozenset({src}), tgt_keys=frozenset(),
        date=None, date_end=None, precision=None, date_source="none", location=None, location_source=None,
    )  # fmt: skip


def test_a_sentence_with_no_time_is_on_the_story_day_of_its_actor_s_act_before_it():
    lead = _group(0, 0, URGED, "person:sugiono", "Saturday")
    meeting = _group(1, 1, SPEAKING, "person:sugiono", None)
    dated_lead, dated_meeting = with_story_days([lead, meeting], SAT_SUN, "en")
    assert dated_lead.date == "2025-10-25"
    assert (dated_meeting.date, dated_meeting.date_source) == ("2025-10-25", STORY_DATE_SOURCE)
    assert dated_meeting.mentions[0].date == "2025-10-25"


def test_no_day_for_another_actor_or_an_act_told_before_the_dated_one():
    other = _group(1, 1, SPEAKING, "person:someone-else", None)
    before = _group(2, 0, SPEAKING, "person:sugiono", None)
    lead = _group(0, 1, URGED, "person:sugiono", "Saturday")
    _, kept_other, kept_before = with_story_days([lead, other, before], SAT_SUN, "en")
    assert kept_other.date is None and kept_before.date is None
    # no story span: nothing is dated
    assert with_story_days([lead, replace(other, src_keys=lead.src_keys)], None, "en")[1].date is None


def _mentions(text: str, language: str) -> dict[str, str | None]:
    article = Article(id="t", path="t", text=text, language=language)
    sentences = tuple(dataclasses.replace(s, language=language) for s in split_sentences(text, language))
    article = dataclasses.replace(article, sentences=sentences)
    return {m.text: m.key for m in find_mentions(article) if m.type == "organization"}


def test_the_council_is_its_own_body_in_english_and_indonesian():
    en = _mentions(
        "Speaking at the 30th meeting of the ASEAN Political-Security Community Council in Kuala Lumpur, "
        "Sugiono said the region must adapt.",
        "en",
    )
    idn = _mentions(
        "Menteri Luar Negeri Sugiono berbicara dalam Pertemuan ke-30 Dewan Komunitas Politik-Keamanan ASEAN.",
        "id",
    )
    assert en.get("ASEAN Political-Security Community Council") == "org:asean-apsc-council", en
    assert idn.get("Dewan Komunitas Politik-Keamanan ASEAN") == "org:asean-apsc-council", idn
