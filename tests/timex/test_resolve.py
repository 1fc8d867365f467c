"""Unit tests of resolve_times: one rule, one language pack behaviour, or one error per test."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from newsloom.timex import TimeExpression, resolve_times

PUB = "2025-10-22"  # a Wednesday in ISO week 43


def found(text: str, lang: str, published: object = PUB) -> list[tuple[str, str | None, str | None, str]]:
    exprs = resolve_times(text, lang=lang, published=published)  # type: ignore[arg-type]
    for e in exprs:
        assert text[e.start : e.end] == e.text
    return [(e.text, e.value, e.end_value, e.precision) for e in exprs]


def values(text: str, lang: str, published: object = PUB) -> list[str | None]:
    return [v for _, v, _, _ in found(text, lang, published)]


# -- absolute dates ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("Họp ngày 21/10.", "vi", ("ngày 21/10", "2025-10-21", None, "day")),
        ("Ngày 24-10, đoàn tới Hà Nội.", "vi", ("Ngày 24-10", "2025-10-24", None, "day")),
        ("Sự kiện ngày 25-10-2025 thành công.", "vi", ("ngày 25-10-2025", "2025-10-25", None, "day")),
        (
            "Ngày 15 tháng 9 năm 2025, Chính phủ họp.",
            "vi",
            ("Ngày 15 tháng 9 năm 2025", "2025-09-15", None, "day"),
        ),
        ("It was signed on 21 Oct 2025 in Hanoi.", "en", ("21 Oct 2025", "2025-10-21", None, "day")),
        ("Talks began on October 21.", "en", ("October 21", "2025-10-21", None, "day")),
        ("He arrived on Oct. 20 and left.", "en", ("Oct. 20", "2025-10-20", None, "day")),
        (
            "Rapat pada tanggal 21 Oktober berjalan lancar.",
            "id",
            ("tanggal 21 Oktober", "2025-10-21", None, "day"),
        ),
        ("Dia tiba Selasa (21/10) di Jakarta.", "id", ("Selasa (21/10)", "2025-10-21", None, "day")),
        ("Deadline: 2025-11-03.", "en", ("2025-11-03", "2025-11-03", None, "day")),
    ],
)
def test_absolute_dates(text: str, lang: str, expected: tuple[str, str, None, str]) -> None:
    assert found(text, lang) == [expected]


def test_part_of_day_on_a_date() -> None:
    assert found("Chiều 21/10, Phó Thủ tướng tiếp bà Waly.", "vi") == [
        ("Chiều 21/10", "2025-10-21TAF", None, "part_of_day")
    ]
    assert values("Sáng 22/10 họp; tối 20/10 dự tiệc; đêm 23/10 mưa; trưa 21/10 nghỉ.", "vi") == [
        "2025-10-22TMO",
        "2025-10-20TEV",
        "2025-10-23TNI",
        "2025-10-21TMI",
    ]
    assert values("They met on the afternoon of October 24.", "en") == ["2025-10-24TAF"]
    assert values("Kamis (23/10) pagi, Wapres meninjau banjir.", "id") == ["2025-10-23TMO"]


def test_month_and_year_values() -> None:
    assert found("Trong tháng 10/2025 và năm 2024.", "vi") == [
        ("tháng 10/2025", "2025-10", None, "month"),
        ("năm 2024", "2024", None, "year"),
    ]
    assert found("Shares were listed in March 2006 and in 1995.", "en") == [
        ("March 2006", "2006-03", None, "month"),
        ("1995", "1995", None, "year"),
    ]
    assert found("Inflasi pada September 2025 rendah.", "id") == [
        ("September 2025", "2025-09", None, "month")
    ]


# -- missing year ------------------------------------------------------------------------------------


def test_missing_year_takes_the_nearest_year_before_publication() -> None:
    assert values("Ngày 28/12, cầu thông xe.", "vi", "2026-01-05") == ["2025-12-28"]
    assert values("Ngày 30/12, kế hoạch được ban hành.", "vi", "2025-03-10") == ["2024-12-30"]


def test_missing_year_may_be_just_after_publication() -> None:
    assert values("Kỳ họp bế mạc vào ngày 11/12.", "vi") == ["2025-12-11"]
    assert values("The summit opens on January 10.", "en", "2025-12-20") == ["2026-01-10"]


def test_future_wording_picks_the_coming_month() -> None:
    assert values("The talks are expected to conclude in January.", "en") == ["2026-01"]
    assert values("The talks concluded in January.", "en") == ["2025-01"]


def test_no_publication_date_keeps_day_and_month() -> None:
    assert found("Chiều 24-10, hai bên hội đàm.", "vi", None) == [
        ("Chiều 24-10", "XXXX-10-24TAF", None, "part_of_day")
    ]
    assert found("Tahun lalu, ekspor naik.", "id", None) == [("Tahun lalu", None, None, "year")]
    expr = resolve_times("Yesterday, prices rose.", lang="en", published=None)[0]
    assert (expr.value, expr.anchor) == (None, "unresolved")


# -- relative ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "lang", "value", "precision"),
    [
        ("Hôm qua, giá vàng tăng.", "vi", "2025-10-21", "day"),
        ("Hôm nay, Quốc hội họp.", "vi", "2025-10-22", "day"),
        ("Ngày mai, trường nghỉ học.", "vi", "2025-10-23", "day"),
        ("Tuần trước, hai bên ký kết.", "vi", "2025-W42", "week"),
        ("Tháng trước, xuất khẩu tăng.", "vi", "2025-09", "month"),
        ("Năm ngoái, du lịch hồi phục.", "vi", "2024", "year"),
        ("Yesterday, the bank set the rate.", "en", "2025-10-21", "day"),
        ("Last week, the committee met.", "en", "2025-W42", "week"),
        ("Two years ago, it had one park.", "en", "2023", "year"),
        ("Kemarin, harga emas naik.", "id", "2025-10-21", "day"),
        ("Hari ini, harga turun.", "id", "2025-10-22", "day"),
        ("Pekan lalu, DPR bersidang.", "id", "2025-W42", "week"),
        ("Minggu lalu, Presiden meresmikan tol.", "id", "2025-W42", "week"),
        ("Sáng nay, thị trường mở cửa.", "vi", "2025-10-22TMO", "part_of_day"),
        ("Đêm qua, mưa lớn.", "vi", "2025-10-21TNI", "part_of_day"),
        ("Tonight, the team plays Nepal.", "en", "2025-10-22TNI", "part_of_day"),
        ("Tadi malam, gempa terjadi.", "id", "2025-10-21TNI", "part_of_day"),
    ],
)
def test_relative_words(text: str, lang: str, value: str, precision: str) -> None:
    ((_, got, _, got_precision),) = found(text, lang)
    assert (got, got_precision) == (value, precision)
    assert resolve_times(text, lang=lang, published=PUB)[0].anchor == "published"


def test_weekday_is_the_most_recent_on_or_before_publication() -> None:
    assert values("Deputy PM Son on Tuesday received Ghada Waly.", "en", "2025-10-21") == ["2025-10-21"]
    assert values("Vào thứ Hai, Thủ tướng chủ trì phiên họp.", "vi") == ["2025-10-20"]
    assert values("Harga saham turun pada perdagangan Selasa.", "id") == ["2025-10-21"]


def test_weekday_future_wording() -> None:
    assert values("The minister is scheduled to visit Laos on Thursday.", "en") == ["2025-10-23"]
    assert values("Lễ ký kết dự kiến diễn ra vào thứ Năm.", "vi") == ["2025-10-23"]
    assert values("Chủ nhật, đoàn sẽ về nước.", "vi") == ["2025-10-26"]
    # the future wording belongs to what was said, not to the day it was said on
    assert values("The minister said on Tuesday that the road would open.", "en") == ["2025-10-21"]


def test_weekday_directions_and_weeks() -> None:
    assert values("Selasa lalu, menteri bertemu mitranya.", "id", "2025-10-24") == ["2025-10-21"]
    assert values("The museum reopens next Tuesday.", "en") == ["2025-10-28"]
    assert values("Thủ tướng sẽ thăm Lào vào thứ Sáu tới.", "vi") == ["2025-10-24"]
    assert values("Thứ Hai tuần trước, hai bên ký bản ghi nhớ.", "vi") == ["2025-10-13"]
    assert values("Senin pekan lalu, KPK memeriksa saksi.", "id") == ["2025-10-13"]


# -- anaphora ------------------------------------------------------------------------------------------


def test_anaphora_takes_the_previous_day() -> None:
    exprs = resolve_times(
        "Chiều 24-10, hai bên hội đàm. Chiều cùng ngày, Thủ tướng tiếp khách.", lang="vi", published=None
    )
    assert [(e.value, e.anchor) for e in exprs] == [
        ("XXXX-10-24TAF", "absolute"),
        ("XXXX-10-24TAF", "previous"),
    ]
    assert values("On October 20, police seized drugs. The same day, they arrested 12.", "en") == [
        "2025-10-20",
        "2025-10-20",
    ]
    assert values("Selasa (21/10), PM tiba. Pada hari yang sama, mereka bertemu.", "id") == [
        "2025-10-21",
        "2025-10-21",
    ]
    assert values("Ngày 20/10, ông làm việc. Ngày hôm sau, ông thăm nhà máy.", "vi") == [
        "2025-10-20",
        "2025-10-21",
    ]
    assert values("He visited on 14 October. Two days later, he returned.", "en") == [
        "2025-10-14",
        "2025-10-16",
    ]


def test_anaphora_without_a_previous_day_is_unresolved() -> None:
    (expr,) = resolve_times("The same day, police arrested 12 suspects.", lang="en", published=PUB)
    assert (expr.value, expr.anchor) == (None, "unresolved")


def test_anaphora_after_an_unresolved_day_stays_unresolved() -> None:
    exprs = resolve_times(
        "Thứ Ba tuần trước, Ủy ban họp. Chiều cùng ngày, Ủy ban họp riêng.", lang="vi", published=None
    )
    assert [e.value for e in exprs] == [None, None]


# -- ranges --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("Thăm Việt Nam từ ngày 24 đến 25-10.", "vi", ("từ ngày 24 đến 25-10", "2025-10-24", "2025-10-25")),
        ("Thăm Việt Nam từ 24 đến 25/10.", "vi", ("từ 24 đến 25/10", "2025-10-24", "2025-10-25")),
        ("Mưa trong ngày 22-23/10.", "vi", ("ngày 22-23/10", "2025-10-22", "2025-10-23")),
        ("Diễn tập từ 20/10 đến 25/10.", "vi", ("từ 20/10 đến 25/10", "2025-10-20", "2025-10-25")),
        ("Giai đoạn 2021-2025, kinh tế tăng.", "vi", ("2021-2025", "2021", "2025")),
        ("The festival runs 24-25 October.", "en", ("24-25 October", "2025-10-24", "2025-10-25")),
        ("He visits from October 26 to 28.", "en", ("from October 26 to 28", "2025-10-26", "2025-10-28")),
        ("Between 2016 and 2020, roads were built.", "en", ("Between 2016 and 2020", "2016", "2020")),
        ("KTT pada 26-28 Oktober di Kuala Lumpur.", "id", ("26-28 Oktober", "2025-10-26", "2025-10-28")),
        (
            "Pameran pada 24 Juli-3 Agustus 2025.",
            "id",
            ("24 Juli-3 Agustus 2025", "2025-07-24", "2025-08-03"),
        ),
        (
            "Dari tanggal 1 hingga 15 November ada diskon.",
            "id",
            ("Dari tanggal 1 hingga 15 November", "2025-11-01", "2025-11-15"),
        ),
    ],
)
def test_ranges(text: str, lang: str, expected: tuple[str, str, str]) -> None:
    ((span, value, end_value, precision),) = found(text, lang)
    assert (span, value, end_value) == expected
    assert precision == "range"


def test_range_across_the_year_end() -> None:
    assert found("Từ ngày 30/12/2025 đến ngày 2/1/2026, khách tăng.", "vi") == [
        ("Từ ngày 30/12/2025 đến ngày 2/1/2026", "2025-12-30", "2026-01-02", "range")
    ]


# -- durations and sets --------------------------------------------------------------------------------


def test_durations_and_sets() -> None:
    assert [(v, p) for _, v, _, p in found("Kéo dài 3 ngày, hằng tuần có họp.", "vi")] == [
        ("P3D", "duration"),
        ("P1W", "set"),
    ]
    assert values("Talks lasted two weeks; the board meets every Monday.", "en") == ["P2W", "XXXX-WXX-1"]
    assert values("Selama tiga hari, upacara digelar setiap Senin.", "id") == ["P3D", "XXXX-WXX-1"]


# -- no false dates ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Một là, cải cách. Hai là, hạ tầng. Ba là, số hóa. Bốn là, nhân lực. Thứ năm, cần hội nhập.", "vi"),
        ("Thứ hai, Bộ trưởng đề nghị rà soát quy hoạch.", "vi"),
        ("Việt Nam xếp thứ hai thế giới; đây là lần thứ ba liên tiếp.", "vi"),
        ("Kim ngạch 9 tháng đầu năm đạt 2,4 tỉ USD, tăng 57%, ở 5 lĩnh vực.", "vi"),
        ("Theo Nghị định số 13/2023/NĐ-CP và Nghị định 13/2023.", "vi"),
        ("Chuyến bay VN123 bị hủy; tỷ số 2-1; 2/3 số đại biểu tán thành.", "vi"),
        ("We may extend the mon-sat schedule, officials said.", "en"),
        ("Flight VN123 was cancelled under Decree 13/2023/ND-CP.", "en"),
        ("Exports rose 17 percent in the first nine months of the year.", "en"),
        ("Undang-Undang Nomor 27 Tahun 2022 disahkan; skor 2-1; 57 persen setuju.", "id"),
        ("Penerbangan GA 880 dibatalkan; sekitar 2/3 dari penumpang terdampak.", "id"),
    ],
)
def test_no_false_dates(text: str, lang: str) -> None:
    assert [e for e in resolve_times(text, lang=lang, published=PUB) if e.value and e.value[0] in "12X"] == []


def test_may_the_month_needs_context() -> None:
    assert values("The draft was finalised in May.", "en") == ["2025-05"]
    assert values("Officials may extend it. May 20, 2026 is the date.", "en") == ["2026-05-20"]


# -- other languages ----------------------------------------------------------------------------------


def test_other_languages_use_generic_numeric_rules() -> None:
    assert values("La réunion du 21/10/2025 et du 2025-10-24.", "fr") == ["2025-10-21", "2025-10-24"]
    assert values("La réunion du 21/10 a eu lieu.", "fr") == []  # "21/10" alone is not safe everywhere


def test_other_languages_read_cldr_month_names_with_a_year() -> None:
    assert values("Am 21. Oktober 2025 traf er den Minister.", "de") == ["2025-10-21"]
    assert values("El acuerdo se firmó el 21 de octubre de 2025.", "es") == ["2025-10-21"]
    assert values("Встреча состоялась 21 октября 2025 года.", "ru") == ["2025-10-21"]
    assert values("La riunione si è tenuta in ottobre.", "it") == []  # no year: not safe without a pack


def test_language_tags_are_reduced_to_their_primary_code() -> None:
    assert values("Hôm qua, giá vàng tăng.", "vi-VN") == ["2025-10-21"]


# -- arguments -----------------------------------------------------------------------------------------


def test_published_accepts_date_datetime_and_iso_strings() -> None:
    for published in (
        date(2025, 10, 22),
        datetime(2025, 10, 22, 9, 30),
        "2025-10-22",
        "2025-10-22T09:30:00+07:00",
        "2025-10-22T02:30:00Z",
    ):
        assert values("Hôm qua, giá vàng tăng.", "vi", published) == ["2025-10-21"]


def test_empty_text_returns_nothing() -> None:
    assert resolve_times("", lang="vi", published=PUB) == []
    assert resolve_times("   \n", lang="en", published=None) == []


def test_bytes_text_says_to_decode() -> None:
    with pytest.raises(TypeError, match="decode"):
        resolve_times(b"Chi\xe1\xbb\x81u 21/10", lang="vi", published=PUB)  # type: ignore[arg-type]


def test_non_string_text_is_named() -> None:
    with pytest.raises(TypeError, match="`text`"):
        resolve_times(42, lang="vi", published=PUB)  # type: ignore[arg-type]


def test_unknown_language_code_lists_the_supported_ones() -> None:
    with pytest.raises(ValueError, match=r"`lang`.*first-class packs are .*vi.*generic"):
        resolve_times("Hôm qua", lang="vietnamese", published=PUB)
    with pytest.raises(TypeError, match="`lang`"):
        resolve_times("Hôm qua", lang=None, published=PUB)  # type: ignore[arg-type]


def test_unparseable_published_lists_the_formats() -> None:
    with pytest.raises(ValueError, match=r"`published`.*YYYY-MM-DD"):
        resolve_times("Hôm qua", lang="vi", published="22 tháng 10")
    with pytest.raises(TypeError, match="`published`"):
        resolve_times("Hôm qua", lang="vi", published=20251022)  # type: ignore[arg-type]


def test_results_are_typed_and_serialisable() -> None:
    (expr,) = resolve_times("Chiều 21/10, họp.", lang="vi", published=PUB)
    assert isinstance(expr, TimeExpression)
    assert expr.to_dict() == {
        "start": 0,
        "end": 11,
        "text": "Chiều 21/10",
        "value": "2025-10-21TAF",
        "precision": "part_of_day",
        "anchor": "published",
        "end_value": None,
        "sentence": None,
    }


def test_hours_and_decades() -> None:
    assert values("Negotiators spent more than 420 hours over two decades.", "en") == ["PT420H", "P20Y"]
    assert values("Hơn 420 giờ đàm phán, kéo dài hai thập kỷ.", "vi") == ["PT420H", "P20Y"]
    assert values("Perundingan 420 jam selama dua dekade.", "id") == ["PT420H", "P20Y"]
    assert values("Cuộc họp bắt đầu lúc 8 giờ sáng.", "vi") == []  # a clock time, not a duration


def test_part_of_the_previous_day() -> None:
    text = "Ramaphosa arrived on Thursday. In the evening, he hosted a banquet."
    assert values(text, "en", "2025-10-23") == ["2025-10-23", "2025-10-23TEV"]
    assert values("He wakes early; the morning light is beautiful.", "en") == []


def test_two_days_of_one_month() -> None:
    assert found("Lễ mở ký diễn ra trong hai ngày 25 và 26/10.", "vi") == [
        ("hai ngày", "P2D", None, "duration"),
        ("25 và 26/10", "2025-10-25", "2025-10-26", "range"),
    ]


def test_a_range_without_year_is_placed_by_its_end() -> None:
    assert found("In the January-October period exports rose.", "en", "2025-11-14") == [
        ("January-October", "2025-01", "2025-10", "range")
    ]


def test_relative_days_after_an_opener_make_a_range() -> None:
    assert found("Từ thứ Ba đến Chủ nhật tuần này, Hà Nội đón khách.", "vi", "2025-10-26") == [
        ("Từ thứ Ba đến Chủ nhật tuần này", "2025-10-21", "2025-10-26", "range")
    ]
    assert values("Từ đêm nay đến ngày 16/11, miền Trung mưa to.", "vi", "2025-11-14") == ["2025-11-14"]


def test_this_and_coming_after_a_vietnamese_date() -> None:
    assert found("Ngày 20-11 tới, ngành giáo dục tổ chức lễ kỷ niệm.", "vi", "2025-11-14") == [
        ("Ngày 20-11 tới", "2025-11-20", None, "day")
    ]
    assert values(
        "Tháng 12 này, cầu khánh thành; từ ngày 20-11 tới ngày 25-11 có lễ hội.", "vi", "2025-11-14"
    ) == [
        "2025-12",
        "2025-11-20",
    ]


@pytest.mark.parametrize(
    ("text", "lang", "published", "value"),
    [
        ("The talks resume next September.", "en", "2025-10-10", "2026-09"),
        ("The talks resume next September.", "en", "2025-03-10", "2025-09"),
        ("Pertemuan lanjutan digelar Juli depan.", "id", "2025-03-10", "2025-07"),
        ("Pertemuan lanjutan digelar Juli mendatang.", "id", "2025-10-10", "2026-07"),
        ("Hai bên ký hiệp định vào tháng 9 tới.", "vi", "2025-10-10", "2026-09"),
        ("The talks stalled last September.", "en", "2025-03-10", "2024-09"),
    ],
)
def test_next_month_points_forward(text: str, lang: str, published: str, value: str) -> None:
    """A month with the pack's 'next' word ("next", "depan", "tới") is never a past month."""
    assert [t.value for t in resolve_times(text, lang=lang, published=published)] == [value]


def test_anaphora_skips_a_historical_date() -> None:
    """'Tối cùng ngày' after background dated 1993 refers to the report's own day, not 1993."""
    text = (
        "Chiều 24/10, ông tiếp bà Waly. Ngày 22/12/1993, ông nhậm chức. Tối cùng ngày, Bộ trưởng tiếp đoàn."
    )
    values = [t.value for t in resolve_times(text, lang="vi", published="2025-10-25")]
    assert values == ["2025-10-24TAF", "1993-12-22", "2025-10-24TEV"]


def test_anaphora_after_only_a_historical_date_is_unresolved() -> None:
    text = "Ngày 22/12/1993, ông nhậm chức. Tối cùng ngày, Bộ trưởng tiếp đoàn."
    expressions = resolve_times(text, lang="vi", published="2025-10-25")
    assert [(t.value, t.anchor) for t in expressions][1] == (None, "unresolved")
