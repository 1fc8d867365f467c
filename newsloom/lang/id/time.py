"""Indonesian time expressions: "Selasa (21/10)", "tanggal 21 Oktober", "kemarin", "Selasa lalu",
"pekan lalu", "pada hari yang sama", "21-22 Oktober", "tiga hari", "setiap Senin".

"Minggu" is Sunday only capitalised and not followed by "lalu"/"depan"/"ini" ("minggu lalu" is last week).
"""

from newsloom.lang.generic.time import NUMERIC_GUARD_AFTER, NUMERIC_GUARD_BEFORE
from newsloom.timex.rules import TimePattern, TimeRules

_MONTHS = ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September",
           "Oktober", "November", "Desember")  # fmt: skip
_WD = r"(?:hari\s+)?(?P<wd>@WD@)"
_PAREN_DATE = r"\(\s*(?P<day>@D@)\s*/\s*(?P<month>@M@)(?:\s*/\s*(?P<year>@Y@))?\s*\)"
_CONNECT = r"\s*(?:-|–|hingga|sampai(?:\s+dengan)?|s\.?d\.?|s/d|dan)\s*"

RULES = TimeRules(
    code="id",
    months={
        **{name: number for number, name in enumerate(_MONTHS, 1)},
        "Jan": 1, "Feb": 2, "Mar": 3, "Apr": 4, "Jun": 6, "Jul": 7, "Agu": 8, "Agt": 8, "Agus": 8, "Ags": 8,
        "Sep": 9, "Sept": 9, "Okt": 10, "Nov": 11, "Des": 12,
        # the abbreviation's period belongs to the date; a full name's never does
        "Jan.": 1, "Feb.": 2, "Mar.": 3, "Apr.": 4, "Jun.": 6, "Jul.": 7, "Agu.": 8, "Agt.": 8, "Agus.": 8,
        "Ags.": 8, "Sep.": 9, "Sept.": 9, "Okt.": 10, "Nov.": 11, "Des.": 12,
    },
    months_alone=_MONTHS,
    month_case_sensitive=True,
    weekdays={"Senin": 0, "Selasa": 1, "Rabu": 2, "Kamis": 3, "Jumat": 4, "Jum'at": 4, "Sabtu": 5, "Minggu": 6, "Ahad": 6},
    weekday_case_sensitive=True,
    parts_of_day={"pagi": "MO", "subuh": "MO", "siang": "MI", "sore": "AF", "petang": "EV", "malam": "NI", "dini hari": "NI"},
    relative={
        "hari ini": ("day", 0), "kemarin": ("day", -1), "kemarin lusa": ("day", -2), "besok": ("day", 1),
        "esok": ("day", 1), "lusa": ("day", 2),
        "pekan ini": ("week", 0), "minggu ini": ("week", 0), "pekan lalu": ("week", -1),
        "minggu lalu": ("week", -1), "pekan depan": ("week", 1), "minggu depan": ("week", 1),
        "bulan ini": ("month", 0), "bulan lalu": ("month", -1), "bulan depan": ("month", 1),
        "tahun ini": ("year", 0), "tahun lalu": ("year", -1), "tahun depan": ("year", 1),
    },
    pod_relative={"ini": 0, "tadi": 0, "kemarin": -1, "besok": 1},
    relative_pod={"tadi malam": (-1, "NI")},
    anaphora={
        "hari yang sama": 0, "hari itu": 0, "keesokan harinya": 1, "keesokan hari": 1, "esok harinya": 1,
        "sehari kemudian": 1, "sehari setelahnya": 1, "sehari sebelumnya": -1,
    },
    anaphora_pod={"harinya": 0, "hari itu": 0, "hari yang sama": 0},
    directions={"lalu": -1, "kemarin": -1, "depan": 1, "mendatang": 1, "ini": 0},
    numbers={
        "satu": 1, "dua": 2, "tiga": 3, "empat": 4, "lima": 5, "enam": 6, "tujuh": 7, "delapan": 8,
        "sembilan": 9, "sepuluh": 10, "sebelas": 11, "dua belas": 12, "dua puluh": 20, "tiga puluh": 30,
        "empat puluh": 40, "lima puluh": 50, "seratus": 100,
    },
    # "jam 8" is a clock time, but the number comes after "jam" there and is not matched
    units={"hari": "D", "pekan": "W", "minggu": "W", "bulan": "M", "tahun": "Y", "jam": "H", "dekade": "DE", "dasawarsa": "DE"},
    future_cue=r"\b(?:akan|dijadwalkan|direncanakan|rencananya|bakal|hendak)\b",
    past_cue=r"\b(?:mengatakan|kata|katanya|menyatakan|menegaskan|menyebut|mengungkapkan|ujar|ucap|telah|sudah)\b",
    range_forms=(
        (r"\b(?:dari|sejak|antara)", r"hingga|sampai(?:\s+dengan)?|s\.?d\.?|s/d|[-–]|dan"),
        (None, r"hingga|sampai(?:\s+dengan)?|s/d|[-–]"),
    ),
    numeric_guard_before=(
        NUMERIC_GUARD_BEFORE
        + r"|\b(?:Nomor|nomor|Peraturan|Perpres|Permen|PP|UU|Undang-Undang|Keppres|Inpres|Perda|Pasal"
        r"|[Pp]enerbangan|skor|menang|kalah|imbang|rasio|sebesar|mencapai|hampir|sekitar)\s*$"
    ),
    numeric_guard_after=(
        NUMERIC_GUARD_AFTER
        + r"|^\s*(?:persen|orang|warga|penduduk|unit|kali|jiwa|ton|kg|km|hektare|ha\b|miliar|juta|ribu"
        r"|triliun|USD|dolar|rupiah|poin|dari\b|hari\b|pekan\b|minggu\b|bulan\b|tahun\b(?!\s+\d)"
        # counted people and things after a name ("Total 2000 peserta"): no year
        r"|peserta|personel|anggota|polisi|prajurit|tentara|siswa|mahasiswa|pekerja|karyawan|pegawai"
        r"|kendaraan|mobil|kapal|rumah|keluarga|kepala\s+keluarga|delegasi)"
    ),
    patterns=(
        # Selasa (21/10), Selasa pagi (21/10), Selasa (21/10) malam
        TimePattern(_WD + r"\s*(?:(?P<pod>@POD@)\s*)?" + _PAREN_DATE, numeric=True),
        TimePattern(_WD + r"\s*" + _PAREN_DATE + r"\s+(?P<pod>@POD@)(?!\w)", numeric=True),
        # 21-22 Oktober ; dari 21 hingga 23 Oktober 2025
        TimePattern(
            r"(?:(?:dari|antara)\s+)?(?:tanggal\s+)?@B@(?P<day>@D@)" + _CONNECT + r"(?P<day2>@D@)\s+"
            r"(?P<mname2>@MNAME@)(?:\s+(?P<year2>@Y@))?(?!\w)",
            numeric=True,
        ),
        # (21-22/10)
        TimePattern(
            r"(?:tanggal\s+)?@B@(?P<day>@D@)\s*[-–]\s*(?P<day2>@D@)/(?P<month2>@M@)(?:/(?P<year2>@Y@))?@E@",
            numeric=True,
        ),
        # tanggal 25-10-2025
        TimePattern(r"(?:tanggal\s+)?@B@(?P<day>@D@)(?P<sep>[/.\-])(?P<month>@M@)(?P=sep)(?P<year>@Y@)@E@", numeric=True),
        # (21/10)
        TimePattern(r"(?:tanggal\s+)?@B@(?P<day>@D@)/(?P<month>@M@)@E@", numeric=True),
        # Selasa, 21 Oktober 2025 ; tanggal 21 Oktober ; the end of "24 Juli-3 Agustus"
        TimePattern(
            r"(?:" + _WD + r",?\s+)?(?:tanggal\s+)?@BN@(?P<day>@D@)\s+(?P<mname>@MNAME@)(?:\s+(?P<year>@Y@))?(?!\w)",
            reject_before=r"\b(?:Pasal|Nomor|No\.?)\s*$",
        ),
        # Oktober 2025, bulan Oktober 2025
        TimePattern(r"(?:bulan\s+)?(?P<mname>@MNAME@)\s+(?P<year>@Y@)@E@", numeric=True),
        # Mei lalu, Oktober lalu
        TimePattern(r"(?:bulan\s+)?(?P<mname>@MALONE@)\s+lalu(?!\w)"),
        # Oktober tahun lalu
        TimePattern(r"(?:bulan\s+)?(?P<mname>@MNAME@)\s+(?P<rel>tahun\s+(?:lalu|ini|depan))(?!\w)"),
        # bulan Oktober, Oktober
        TimePattern(r"bulan\s+(?P<mname>@MNAME@)(?!\w)", reject_after=r"^\.?\s+\d"),
        TimePattern(r"(?P<mname>@MALONE@)(?!\w)", reject_after=r"^\.?\s+\d"),
        # 2020-2025, tahun 2020-2025
        TimePattern(r"(?:tahun\s+)?@B@(?P<year>@Y@)\s*[-–]\s*(?P<year2>@Y@)@E@", numeric=True),
        # tahun 2024
        TimePattern(r"tahun\s+(?P<year>@Y@)@E@", numeric=True, reject_before=r"\b(?:Nomor|No\.?)\s*\d+\s+$"),
        # pada 2024, sejak 2020
        TimePattern(
            r"@B@(?P<year>@Y@)@E@",
            cue_before=r"\b(?:pada|sejak|hingga|sampai|awal|akhir|pertengahan|selama|sepanjang|medio|periode|dari|menjelang|jelang|sebelum|setelah|usai)\s+$",
            numeric=True,
        ),
        # a year naming a plan, a vision or an edition after its capitalised name: "Visi ASEAN 2045",
        # "Cetak Biru APSC 2025", "SEA Games 2025" (law numbers and counts are the numeric guards')
        TimePattern(r"@B@(?P<year>@Y@)@E@", cue_before=r"(?-i:\b(?!Tahun\b)[A-Z][\w-]*)\s+$", numeric=True),
        # tadi malam
        TimePattern(r"(?P<relpod>@RELPOD@)(?!\w)"),
        # "akhir pekan lalu" is last weekend, not last week: it yields nothing
        TimePattern(r"akhir\s+(?:pekan|minggu)\s+(?:lalu|ini|depan)(?!\w)", emit=False),
        # kemarin, pekan lalu
        TimePattern(r"(?P<rel>@REL@)(?!\w)"),
        # pagi ini, kemarin sore
        TimePattern(r"(?P<pod>@POD@)\s+(?P<podrel>@PODREL@)(?!\w)"),
        TimePattern(r"(?P<podrel>@PODREL@)\s+(?P<pod>@POD@)(?!\w)"),
        # Senin pekan lalu
        TimePattern(_WD + r"\s+(?P<rel>(?:pekan|minggu)\s+(?:lalu|ini|depan))(?!\w)"),
        # Selasa, Selasa lalu, Jumat malam
        TimePattern(_WD + r"(?:\s+(?P<pod>@POD@))?(?:\s+(?P<dir>@DIR@))?(?!\w)"),
        # sore harinya, malam hari itu
        TimePattern(r"(?P<pod>@POD@)\s+(?P<ana>@ANAPOD@)(?!\w)"),
        # hari yang sama, keesokan harinya
        TimePattern(r"(?P<ana>@ANA@)(?!\w)"),
        # dua hari kemudian, sehari sebelumnya: counted from the previous day
        TimePattern(
            r"@B@(?P<num>@NUM@)\s+(?P<unit>@UNIT@)\s+(?:(?P<later>kemudian|setelahnya|sesudahnya)|(?P<earlier>sebelumnya))(?!\w)"
        ),
        # dua tahun lalu
        TimePattern(r"@B@(?P<num>@NUM@)\s+(?P<unit>@UNIT@)\s+(?P<ago>(?:yang\s+)?lalu)(?!\w)"),
        # tiga hari ("tiga bulan pertama" is a part of the year)
        TimePattern(r"@B@(?P<num>@NUM@)\s+(?P<unit>@UNIT@)(?!\w)", reject_after=r"^\s+pertama\b"),
        # setiap Senin, setiap tahun
        TimePattern(r"(?:setiap|tiap)\s+(?:hari\s+)?(?P<setwd>@WD@)(?!\w)"),
        TimePattern(r"(?:setiap|tiap)\s+(?:(?P<setnum>@NUM@)\s+)?(?P<setunit>@UNIT@)(?!\w)"),
    ),
)  # fmt: skip
