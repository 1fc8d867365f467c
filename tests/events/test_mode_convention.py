"""The project's mode convention (session 13): the codebook's AID kinds, RETREAT ease/return and ASSAULT
assassinate, read from the packs' cues in en/vi/id/fr; and the finer PLOVER modes the project does not
code (``codebook.CODED_MODES``) reported as no mode. Sentences written for these tests."""

from __future__ import annotations

import pytest

from newsloom.events.codebook import CODED_MODES, TYPES, coded_mode, event_scale, is_coded, is_mode
from newsloom.events.extract import extract_events
from newsloom.events.modes import NO_MODE, coded, sentence_mode
from newsloom.lang import load_part

from .helpers import make_article

RULES = {lang: load_part(lang, "events") for lang in ("en", "vi", "id", "fr")}


def test_the_codebook_names_the_kinds_its_definitions_give() -> None:
    assert set(TYPES["AID"].modes) == {"economic", "military", "humanitarian", "asylum"}
    assert {"ease", "return"} <= set(TYPES["RETREAT"].modes)
    assert "assassinate" in TYPES["ASSAULT"].modes
    # every coded mode is a codebook mode of at least one type
    assert all(any(name in t.modes for t in TYPES.values()) for name in CODED_MODES)
    # a new mode without a PLOVER score takes its type's
    assert event_scale("AID", "humanitarian") == event_scale("AID")


@pytest.mark.parametrize(
    ("type_", "mode", "coded_as"),
    [
        ("ASSAULT", "firearms", None),
        ("ASSAULT", "explosives", "explosives"),
        ("CONSULT", "multilateral", "multilateral"),  # kept: gatherings are joined by it
        ("CONSULT", "visit", "visit"),
        ("ACCUSE", "allege", None),
        ("PROTEST", "strike", None),
        ("SANCTION", "convict", None),
        ("SANCTION", "withdraw", "withdraw"),
        ("RETREAT", "release", None),
        ("RETREAT", "ease", "ease"),
        ("COERCE", "restrict", "restrict"),
        ("MOBILIZE", "weapons", None),
        ("AID", "asylum", "asylum"),
        ("AID", "visit", None),  # a coded name that is not this type's mode
        ("AGREE", None, None),
    ],
)
def test_coded_mode(type_: str, mode: str | None, coded_as: str | None) -> None:
    assert is_mode(type_, mode) or mode == "visit"
    assert coded_mode(type_, mode) == coded_as
    assert is_coded(type_, mode) == (coded_as is not None)
    assert coded(type_, (mode, "words")) == ((coded_as, "words") if coded_as else NO_MODE)


@pytest.mark.parametrize(
    ("lang", "text", "mode"),
    [
        ("en", "The agency flew blankets, tents and drinking water to villages cut off by the landslide.", "humanitarian"),
        ("en", "The donors wired 40 million dollars to the central bank to pay public salaries.", "economic"),
        ("en", "The bank extended a 250 million dollar credit line to the port authority.", "economic"),
        ("en", "Ottawa shipped ammunition and two air-defence batteries to the army.", "military"),
        ("en", "Sweden gave asylum to the former editor and his family.", "asylum"),
        ("en", "Emergency aid worth 3 million dollars reached the flooded districts.", "humanitarian"),
        ("en", "The province received help from the capital.", None),
        ("vi", "Đoàn công tác đã trao 20 tấn gạo và nước sạch cho bà con vùng lũ.", "humanitarian"),
        ("vi", "Quỹ đã giải ngân khoản vay 50 triệu USD cho dự án cảng biển.", "economic"),
        ("vi", "Nước bạn đã chuyển giao vũ khí và đạn dược cho quân đội chính phủ.", "military"),
        ("id", "Relawan menyalurkan sembako dan selimut kepada warga korban longsor.", "humanitarian"),
        ("id", "Pemerintah pusat mencairkan pinjaman untuk pembangunan jalan tol.", "economic"),
        ("id", "Negara sahabat itu mengirimkan amunisi dan kendaraan lapis baja.", "military"),
        ("fr", "L'ONG a acheminé des vivres et des couvertures aux familles sinistrées.", "humanitarian"),
        ("fr", "Le Fonds a versé un prêt de 80 millions d'euros au gouvernement.", "economic"),
        ("fr", "Paris a livré des munitions et des blindés à l'armée malienne.", "military"),
    ],
)  # fmt: skip
def test_aid_kinds(lang: str, text: str, mode: str | None) -> None:
    assert sentence_mode(text, RULES[lang], "AID") == mode


@pytest.mark.parametrize(
    ("lang", "text", "mode"),
    [
        ("en", "The junta relaxed the nightly curfew in the capital on Saturday.", "ease"),
        ("en", "Brussels scrapped the import quotas on Ukrainian grain.", "ease"),
        ("en", "The coast guard handed back the confiscated boats to their owners.", "return"),
        ("en", "The occupying forces pulled back from the hilltop positions.", "withdraw"),
        ("en", "The truce held for a second night along the front.", "ceasefire"),
        ("en", "The separatists freed the captured pilots.", None),  # release: not coded
        ("vi", "Thành phố đã gỡ bỏ lệnh phong tỏa sau hai tuần.", "ease"),
        ("vi", "Phía bạn đã hoàn trả các tàu cá và tang vật cho ngư dân.", "return"),
        ("id", "Pemerintah daerah mencabut status darurat setelah banjir surut.", "ease"),
        ("id", "Polisi mengembalikan barang sitaan kepada pemiliknya.", "return"),
        ("fr", "Le gouvernement a levé les restrictions de circulation dans la région.", "ease"),
        ("fr", "L'armée a restitué les terres confisquées aux villageois.", "return"),
    ],
)  # fmt: skip
def test_retreat_ease_and_return(lang: str, text: str, mode: str | None) -> None:
    assert sentence_mode(text, RULES[lang], "RETREAT") == mode


@pytest.mark.parametrize(
    ("lang", "text", "mode"),
    [
        ("en", "A sniper assassinated the prosecutor as he left the court.", "assassinate"),
        ("en", "Police foiled an attempt on the life of the mayor.", "assassinate"),
        ("en", "Gunmen shot dead three farmers in the valley.", None),  # firearms: not coded
        ("en", "Jets struck the depot, and a bomb hit the bridge.", None),  # aircraft over the munition
        ("en", "A grenade exploded in the crowded market.", "explosives"),
        ("vi", "Kẻ lạ mặt đã ám sát một quan chức địa phương.", "assassinate"),
        ("vi", "Một quả mìn đã phát nổ trên đường tuần tra.", "explosives"),
        ("id", "Polisi menggagalkan upaya pembunuhan terhadap hakim di Medan.", "assassinate"),
        ("fr", "Le militant a été assassiné devant son domicile.", "assassinate"),
        ("fr", "Des tirs ont visé un convoi près de la frontière.", None),
    ],
)  # fmt: skip
def test_assault_modes(lang: str, text: str, mode: str | None) -> None:
    assert sentence_mode(text, RULES[lang], "ASSAULT") == mode


@pytest.mark.parametrize(
    ("lang", "text", "type_"),
    [
        ("en", "The regulator accused the firm of hiding losses.", "ACCUSE"),
        ("en", "Bus drivers went on strike over unpaid wages.", "PROTEST"),
        ("en", "The court convicted the former governor of graft.", "SANCTION"),
        ("en", "The navy moved three warships and a submarine to the strait.", "MOBILIZE"),
        ("en", "Customs officers seized 2 tonnes of cocaine at the port.", "COERCE"),
        ("vi", "Công nhân đã đình công để đòi tăng lương.", "PROTEST"),
        ("id", "Hakim menjatuhkan vonis tujuh tahun penjara kepada terdakwa.", "SANCTION"),
    ],
)  # fmt: skip
def test_finer_modes_are_not_coded(lang: str, text: str, type_: str) -> None:
    assert sentence_mode(text, RULES[lang], type_) is None


def test_rule_events_read_the_new_modes() -> None:
    names = {
        "Japan": ("place", "place:jp", "Japan", None, None),
        "Tonga": ("place", "place:to", "Tonga", None, None),
    }
    text = "Japan delivered tents and medicines to Tonga after the cyclone."
    aid = [
        e for e in extract_events(make_article(text, "en", names, published="2025-10-26")) if e.type == "AID"
    ]
    assert aid and {e.mode for e in aid} == {"humanitarian"}, [(e.mode, e.rule) for e in aid]
    text = "The authorities lifted the curfew in Tonga on Sunday."
    found = extract_events(make_article(text, "en", names, published="2025-10-26"))
    retreat = [e for e in found if e.type == "RETREAT"]
    assert retreat and {e.mode for e in retreat} == {"ease"}, [(e.type, e.mode, e.rule) for e in found]
