"""Cutting a text into title and segments for embedding."""

from __future__ import annotations

from newsloom.compare.parts import MAX_SEGMENT_CHARS, MAX_SEGMENTS, split_parts


def test_first_short_line_is_the_title() -> None:
    text = (
        "Indonesia dan Vietnam sepakat perkuat kerja sama perikanan\n"
        "Menteri Kelautan kedua negara bertemu di Jakarta pada Selasa. Mereka membahas patroli bersama."
    )
    parts = split_parts(text, "id")
    assert parts.title == "Indonesia dan Vietnam sepakat perkuat kerja sama perikanan"
    assert parts.language == "id"
    assert "Mereka membahas patroli bersama." in parts.segments


def test_one_line_text_takes_its_first_sentence_as_title() -> None:
    parts = split_parts(
        "Heavy rain flooded central Hanoi on Monday. Traffic stopped for hours on main roads.", "en"
    )
    assert parts.title == "Heavy rain flooded central Hanoi on Monday."
    assert len(parts.segments) == 2


def test_chinese_full_stops_split_and_long_runs_are_cut() -> None:
    sentence = "越南副总理在河内会见了联合国毒品和犯罪问题办公室执行主任。"
    parts = split_parts(sentence * 3 + "双方讨论了合作" * 60, "zh")
    assert parts.segments[0] == sentence
    assert all(len(s) <= MAX_SEGMENT_CHARS for s in parts.segments)
    assert len(parts.segments) >= 4


def test_segments_are_bounded_and_keep_both_ends() -> None:
    text = " ".join(f"Sentence number {i} reports another detail of the storm." for i in range(60))
    parts = split_parts(text, "en")
    assert len(parts.segments) == MAX_SEGMENTS
    assert parts.segments[0].startswith("Sentence number 0 ")
    assert parts.segments[-1].startswith("Sentence number 59 ")


def test_language_is_identified_when_not_given() -> None:
    parts = split_parts("Chính phủ Việt Nam công bố kế hoạch phát triển hạ tầng giao thông trong năm tới.")
    assert parts.language == "vi"
