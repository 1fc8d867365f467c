"""Vietnamese time expressions: "Chiều 21/10", "ngày 25-10-2025", "từ ngày 24 đến 25-10", "hôm qua",
"thứ Ba tuần trước", "chiều cùng ngày", "3 ngày", "hằng tuần".

Vietnamese writes weekdays as ordinals ("thứ hai" is Monday and "second"), so a bare weekday counts
only after a word that introduces a day ("vào", "từ", "đến", a part of the day, "hôm") or before a
date; "Thứ năm, cần ..." in a list after "Bốn là, ..." is the ordinal "Fifth".
"""

from typing import Any

from newsloom.lang.generic.time import NUMERIC_GUARD_AFTER, NUMERIC_GUARD_BEFORE
from newsloom.timex.rules import TimePattern, TimeRules

# A part of the day and/or "ngày"/"hôm" before a date: "Chiều 21/10", "sáng ngày 21/10", "ngày 24-10".
_PFX = r"(?:(?P<pod>@POD@)\s+(?:(?:ngày|hôm)\s+)?|(?:ngày|hôm)\s+)"
_MONTH = r"(?:(?P<month>@M@)|(?P<mname>@MNAME@))"
_POD = r"(?P<pod>@POD@)\s+"
# "Ngày 20-11 tới", "tháng 12 này": the coming / this one ("tới ngày 25" would be a range's "to")
_THIS = r"(?:\s+(?:này|tới(?!\s+(?:ngày|\d))))?"


def _either(prefix: str, core: str, **context: Any) -> tuple[TimePattern, TimePattern]:
    """A form with and without its opening words: two regexes scan faster than one opening on an optional group."""
    return TimePattern(prefix + core, **context), TimePattern(core, **context)


RULES = TimeRules(
    code="vi",
    # "tháng Mười", "tháng Giêng": word months are capitalised after "tháng" ("tháng năm" is "months and years")
    months={
        "Giêng": 1, "Một": 1, "Hai": 2, "Ba": 3, "Tư": 4, "Năm": 5, "Sáu": 6, "Bảy": 7, "Tám": 8,
        "Chín": 9, "Mười": 10, "Mười Một": 11, "Mười Hai": 12, "Chạp": 12,
    },
    month_case_sensitive=True,
    weekdays={
        "thứ hai": 0, "thứ 2": 0, "thứ ba": 1, "thứ 3": 1, "thứ tư": 2, "thứ 4": 2, "thứ năm": 3,
        "thứ 5": 3, "thứ sáu": 4, "thứ 6": 4, "thứ bảy": 5, "thứ bẩy": 5, "thứ 7": 5, "chủ nhật": 6,
    },
    parts_of_day={
        "sáng": "MO", "sáng sớm": "MO", "rạng sáng": "MO", "buổi sáng": "MO", "trưa": "MI",
        "buổi trưa": "MI", "chiều": "AF", "buổi chiều": "AF", "chiều tối": "EV", "tối": "EV",
        "buổi tối": "EV", "đêm": "NI", "khuya": "NI", "đêm khuya": "NI",
    },
    relative={
        "hôm nay": ("day", 0), "ngày hôm nay": ("day", 0), "hôm qua": ("day", -1),
        "ngày hôm qua": ("day", -1), "hôm kia": ("day", -2), "ngày mai": ("day", 1), "ngày kia": ("day", 2),
        "tuần này": ("week", 0), "tuần trước": ("week", -1), "tuần qua": ("week", -1),
        "tuần tới": ("week", 1), "tuần sau": ("week", 1),
        "tháng này": ("month", 0), "tháng trước": ("month", -1), "tháng tới": ("month", 1),
        "tháng sau": ("month", 1),
        "năm nay": ("year", 0), "năm ngoái": ("year", -1), "năm trước": ("year", -1),
        "năm tới": ("year", 1), "năm sau": ("year", 1), "sang năm": ("year", 1),
    },
    pod_relative={"nay": 0, "hôm nay": 0, "qua": -1, "hôm qua": -1, "mai": 1, "ngày mai": 1},
    anaphora={
        "cùng ngày": 0, "hôm đó": 0, "ngày hôm đó": 0, "hôm ấy": 0, "ngày hôm ấy": 0,
        "hôm sau": 1, "ngày hôm sau": 1, "một ngày sau đó": 1,
        "hôm trước": -1, "ngày hôm trước": -1, "một ngày trước đó": -1,
    },
    directions={"tới": 1, "này": 0, "vừa qua": -1, "vừa rồi": -1, "trước": -1},
    numbers={
        "một": 1, "hai": 2, "ba": 3, "bốn": 4, "năm": 5, "sáu": 6, "bảy": 7, "tám": 8, "chín": 9, "mười": 10,
        "hai mươi": 20, "ba mươi": 30, "bốn mươi": 40, "năm mươi": 50, "một trăm": 100,
    },
    units={"ngày": "D", "tuần": "W", "tháng": "M", "năm": "Y", "giờ": "H", "thập kỷ": "DE", "thập niên": "DE"},
    future_cue=r"\b(?:sẽ|dự kiến|dự định|sắp|chuẩn bị)\b",
    past_cue=r"\b(?:cho biết|nói|khẳng định|nhấn mạnh|thông báo|phát biểu|tuyên bố|đã)\b",
    range_forms=((r"\btừ", r"đến|tới|[-–]"), (None, r"đến|[-–]")),
    numeric_guard_before=(
        NUMERIC_GUARD_BEFORE
        + r"|\b(?:số|Nghị định|Nghị quyết|Quyết định|Thông tư|Luật|Chỉ thị|Công văn|Pháp lệnh|Kết luận"
        r"|Thông báo|Công điện|Tờ trình|Báo cáo|Công ước|chuyến bay|chuyến|tỷ số|tỉ số|tỷ lệ|tỉ lệ|thắng"
        r"|thua|hòa|hơn|gần|chiếm|Quốc lộ|QL|mã|phòng|ô tô|biển số)\s*$"
    ),
    numeric_guard_after=(
        NUMERIC_GUARD_AFTER
        + r"|^\s*(?:phần trăm|số\b|dân số|trong số|người|điểm|bàn\b|lần\b|ha\b|km|kg|tấn|tỷ|tỉ|triệu"
        r"|nghìn|ngàn|USD|đồng|ngày\b|tháng\b|tuần\b|giờ\b|năm\b(?!\s+(?:nay|ngoái|trước|tới|sau|\d)))"
    ),
    patterns=(
        # thứ Ba (21/10), Chiều thứ Sáu (24-10-2025)
        *_either(
            _POD,
            r"(?P<wd>@WD@)\s*\(\s*(?:ngày\s+)?(?P<day>@D@)\s*[/\-]\s*(?P<month>@M@)(?:\s*[/\-]\s*(?P<year>@Y@))?\s*\)",
            numeric=True,
        ),
        # thứ Ba, ngày 21/10 ; thứ Ba 21-10-2025
        *_either(
            _POD,
            r"(?P<wd>@WD@)\s*,?\s*(?:ngày\s+)?@B@(?P<day>@D@)\s*[/\-]\s*(?P<month>@M@)(?:[/\-](?P<year>@Y@))?@E@",
            numeric=True,
        ),
        # từ ngày 24 đến 25-10 ; 24-25/10 ; từ 24 đến 25/10/2025
        TimePattern(
            r"(?:từ\s+)?(?:ngày\s+)?@B@(?P<day>@D@)\s*(?:đến|tới|[-–])\s*(?:ngày\s+)?(?P<day2>@D@)\s*[/\-]\s*"
            r"(?P<month2>@M@)(?:\s*[/\-]\s*(?P<year2>@Y@))?@E@",
            numeric=True,
        ),
        # 25 và 26/10: two days of one month
        TimePattern(
            r"@B@(?P<day>@D@)\s+và\s+(?P<day2>@D@)\s*[/\-]\s*(?P<month2>@M@)(?:\s*[/\-]\s*(?P<year2>@Y@))?@E@",
            numeric=True,
        ),
        # từ ngày 24 đến ngày 25 tháng 10 (năm 2025)
        TimePattern(
            r"(?:từ\s+)?ngày\s+(?P<day>@D@)\s*(?:đến|tới|[-–])\s*(?:ngày\s+)?(?P<day2>@D@)\s+tháng\s+"
            r"(?P<month2>@M@)(?:\s+năm\s+(?P<year2>@Y@))?@E@",
            numeric=True,
        ),
        # ngày 25-10-2025, Chiều 21/10/2025
        *_either(_PFX, r"@B@(?P<day>@D@)(?P<sep>[/.\-])(?P<month>@M@)(?P=sep)(?P<year>@Y@)@E@", numeric=True),
        # (ngày) 21 tháng 10 (năm 2025)
        *_either(
            _PFX, r"@B@(?P<day>@D@)\s+tháng\s+" + _MONTH + r"(?:\s*(?:năm\s+|[/\-]\s*)(?P<year>@Y@))?@E@", numeric=True
        ),
        # Chiều 21/10, 21/10
        *_either(_PFX, r"@B@(?P<day>@D@)/(?P<month>@M@)@E@" + _THIS, numeric=True),
        # ngày 24-10, Chiều 24-10
        TimePattern(_PFX + r"@B@(?P<day>@D@)[-–](?P<month>@M@)@E@" + _THIS, numeric=True),
        # (24-10), đến 25-10: a bare day-month with a dash needs a word that introduces a date
        TimePattern(
            r"@B@(?P<day>@D@)[-–](?P<month>@M@)@E@",
            cue_before=r"(?:\(\s*|\b(?:vào|từ|đến|tới|trước|sau|hạn)\s+)$",
            numeric=True,
        ),
        # tháng 10/2025, tháng 10 năm 2025
        TimePattern(r"tháng\s+" + _MONTH + r"(?:\s*[/\-]\s*|\s+năm\s+)(?P<year>@Y@)@E@", numeric=True),
        # tháng 10 năm ngoái
        TimePattern(r"tháng\s+" + _MONTH + r"\s+(?P<rel>năm\s+(?:nay|ngoái|trước|tới|sau))(?!\w)"),
        # tháng 10, tháng Mười ("mỗi tháng 1 lần" is "once a month")
        TimePattern(
            r"tháng\s+" + _MONTH + r"(?![\w/\-]|[.,]\d)" + _THIS,
            reject_after=r"^\s+(?:lần|lượt|tuổi)\b",
            reject_before=r"\b(?:lương|mỗi|hằng|hàng)\s+$",
        ),
        # giai đoạn 2021-2025, năm 2020-2025
        TimePattern(r"(?:năm\s+)?@B@(?P<year>@Y@)\s*[-–]\s*(?P<year2>@Y@)@E@", numeric=True),
        # năm 2025
        TimePattern(r"năm\s+(?P<year>@Y@)@E@", numeric=True),
        # đến 2030, từ 2020: a bare year after a word that introduces a time
        TimePattern(
            r"@B@(?P<year>@Y@)@E@",
            cue_before=r"\b(?:đến|tới|từ|trước|sau|vào|trong|giai đoạn|nhiệm kỳ|đầu|cuối|giữa)\s+$",
            numeric=True,
        ),
        # thứ Ba tuần trước, sáng thứ Hai tuần tới
        *_either(_POD, r"(?P<wd>@WD@)\s+(?P<rel>tuần\s+(?:trước|này|tới|sau|qua))(?!\w)"),
        # thứ Hai tới, thứ Sáu vừa qua
        TimePattern(r"(?:(?P<pod>@POD@)\s+|hôm\s+)?(?P<wd>@WD@)\s+(?P<dir>@DIR@)(?!\w)", reject_after=r"^\s*là\b"),
        # sáng thứ Hai, hôm thứ Ba
        TimePattern(r"(?:(?P<pod>@POD@)|hôm)\s+(?P<wd>@WD@)(?!\w)", reject_after=r"^\s*là\b"),
        # Chủ nhật is never an ordinal
        TimePattern(r"(?P<wd>chủ\s+nhật)(?!\w)"),
        # vào thứ Năm, từ thứ Hai: a bare weekday needs a word that introduces a day
        TimePattern(
            r"(?P<wd>@WD@)(?!\w)",
            cue_before=r"(?:\b(?:vào|từ|đến|tới|sang|trước|sau|các|mỗi|và|hoặc|hay|hết)\s+|\(\s*)$",
            reject_after=r"^\s*là\b",
        ),
        # sáng nay, chiều qua, tối hôm qua
        TimePattern(r"(?P<pod>@POD@)\s+(?P<podrel>@PODREL@)(?!\w)"),
        # chiều cùng ngày, hôm sau ("Cùng ngày 24/10" is a date, not an anaphor)
        *_either(_POD, r"(?P<ana>@ANA@)(?!\w)", reject_after=r"^\s*\d"),
        # hai ngày sau (đó), một tuần trước đó: counted from the previous day ("3 ngày sau khi" is "after")
        TimePattern(
            r"@B@(?P<num>@NUM@)\s+(?P<unit>ngày|tuần)\s+(?:(?P<later>sau(?:\s+đó)?)|(?P<earlier>trước\s+đó))(?!\s+khi)(?!\w)",
            reject_before=r"\b(?:thứ|lần|số)\s+$",
        ),
        # 3 năm trước (đây): "ago"; "3 ngày trước khi" is "3 days before"
        TimePattern(
            r"@B@(?P<num>@NUM@)\s+(?P<unit>@UNIT@)\s+(?P<ago>trước(?:\s+đây)?)(?!\s+(?:khi|đó))(?!\w)",
            reject_before=r"\b(?:thứ|lần|số)\s+$",
        ),
        # hôm qua, tuần trước, năm ngoái ("những năm trước" is "previous years")
        TimePattern(r"(?P<rel>@REL@)(?!\w)", reject_before=r"\b(?:những|các|nhiều|mấy|vài|cùng)\s+$"),
        # 3 ngày, hai tuần, 420 giờ ("9 tháng đầu năm" is a part of the year; "lúc 8 giờ sáng" a clock time)
        TimePattern(
            r"@B@(?P<num>@NUM@)\s+(?P<unit>@UNIT@)(?!\w)",
            reject_after=r"^\s+(?:đầu|cuối)\b|^\s+(?:sáng|chiều|tối|trưa|đêm|kém|rưỡi)\b",
            reject_before=r"\b(?:thứ|lần|số|lúc|vào)\s+$",
        ),
        # thứ Hai hằng tuần, mỗi thứ Hai
        TimePattern(r"(?P<setwd>@WD@)\s+(?:hằng|hàng)\s+tuần(?!\w)"),
        TimePattern(r"mỗi\s+(?P<setwd>@WD@)(?!\w)"),
        # hằng năm, mỗi ngày
        TimePattern(r"(?:hằng|hàng|mỗi)\s+(?P<setunit>ngày|tuần|tháng|năm)(?!\w)", reject_after=r"^\s+trời\b"),
    ),
)  # fmt: skip
