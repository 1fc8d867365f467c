"""The mode convention (session 14): the stage reports every codebook mode the text names (AID's kinds,
RETREAT ease/return, ASSAULT assassinate from the definitions, and the finer PLOVER modes: firearms,
allege, strike, ...), read from the packs' cues in en/vi/id/fr; a gold set written to a closed list
of modes declares it beside it and is scored in that convention (``sentence_eval.load_coded_modes``,
``in_convention``). Sentences written for these tests."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsloom.events.codebook import ALL_MODES, TYPES, event_scale
from newsloom.events.extract import extract_events
from newsloom.events.modes import sentence_mode
from newsloom.events.sentence_eval import CODED_MODES_FILE, in_convention, load_coded_modes, mode_accuracy
from newsloom.events.types import Event
from newsloom.lang import load_part

from .helpers import make_article

RULES = {lang: load_part(lang, "events") for lang in ("en", "vi", "id", "fr")}


def test_the_codebook_names_the_kinds_its_definitions_give() -> None:
    assert set(TYPES["AID"].modes) == {"economic", "military", "humanitarian", "asylum"}
    assert {"ease", "return"} <= set(TYPES["RETREAT"].modes)
    assert "assassinate" in TYPES["ASSAULT"].modes
    assert {"firearms", "allege", "strike", "convict", "release", "ease", "economic"} <= ALL_MODES
    # a new mode without a PLOVER score takes its type's
    assert event_scale("AID", "humanitarian") == event_scale("AID")


def test_in_convention_reads_a_mode_outside_the_declared_list_as_none() -> None:
    coded = frozenset({"visit", "explosives"})
    assert in_convention("firearms", coded) is None
    assert in_convention("explosives", coded) == "explosives"
    assert in_convention("firearms", None) == "firearms"  # every mode coded
    assert in_convention(None, coded) is None


def _event(type_: str, mode: str | None) -> Event:
    return Event(type=type_, sentence=0, evidence="", start=0, end=0, trigger="", mode=mode)


def test_mode_accuracy_scores_in_the_gold_convention() -> None:
    gold = [[("ASSAULT", None)], [("ASSAULT", "explosives")]]
    found = [[_event("ASSAULT", "firearms")], [_event("ASSAULT", "explosives")]]
    # in the full convention the first is an error (gold none, stage firearms) ...
    assert mode_accuracy(gold, found) == (1, 2)
    # ... in a convention that does not code firearms it is no mode on both sides, not scored
    assert mode_accuracy(gold, found, frozenset({"explosives"})) == (1, 1)


def test_the_declared_lists_are_read_from_beside_the_gold(tmp_path: Path) -> None:
    gold = tmp_path / "set.jsonl"
    gold.write_text("", encoding="utf-8")
    assert load_coded_modes(gold) is None  # nothing declared: every mode
    declared = tmp_path / CODED_MODES_FILE
    declared.write_text(json.dumps({"set.jsonl": {"coded_modes": ["visit", "demo"]}}), encoding="utf-8")
    assert load_coded_modes(gold) == {"visit", "demo"}
    declared.write_text(json.dumps({"set.jsonl": {"coded_modes": "all"}}), encoding="utf-8")
    assert load_coded_modes(gold) is None
    declared.write_text(json.dumps({"set.jsonl": {"coded_modes": ["visit", "picnic"]}}), encoding="utf-8")
    with pytest.raises(ValueError, match=r"coded_modes\.json.*picnic"):
        load_coded_modes(gold)


ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(
    ("path", "size"),
    [
        ("tests/gold/blind/events.jsonl", 33),
        ("tests/gold/blind2/events.jsonl", 28),
        ("tests/gold/blind3/events.jsonl", None),
        ("tests/gold/blind4/events.jsonl", None),
        ("tests/gold/blind5/events.jsonl", None),
        ("tests/gold/blind6/events.jsonl", None),
        ("tests/gold/blind7/events.jsonl", None),
        ("tests/gold/events/modes_dev.jsonl", 63),
        ("tests/gold/events/modes_dev2.jsonl", 63),
        ("tests/gold/events/modes_dev3.jsonl", None),
    ],
)
def test_each_mode_gold_declares_its_convention(path: str, size: int | None) -> None:
    declared = json.loads((ROOT / path).parent.joinpath(CODED_MODES_FILE).read_text(encoding="utf-8"))
    assert Path(path).name in declared and declared[Path(path).name].get("from"), "say where the list is from"
    coded = load_coded_modes(ROOT / path)
    assert (None if coded is None else len(coded)) == size
    if "modes_dev" in path and coded is not None:  # the codebook of their sessions, and AID's kinds
        assert coded == ALL_MODES - {"ease", "return", "assassinate"}


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
        ("en", "The separatists freed the captured pilots.", "release"),
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
        ("en", "Gunmen shot dead three farmers in the valley.", "firearms"),
        ("en", "Jets struck the depot, and a bomb hit the bridge.", "aerial"),  # aircraft over the munition
        ("en", "A grenade exploded in the crowded market.", "explosives"),
        ("vi", "Kẻ lạ mặt đã ám sát một quan chức địa phương.", "assassinate"),
        ("vi", "Một quả mìn đã phát nổ trên đường tuần tra.", "explosives"),
        ("id", "Polisi menggagalkan upaya pembunuhan terhadap hakim di Medan.", "assassinate"),
        ("fr", "Le militant a été assassiné devant son domicile.", "assassinate"),
        ("fr", "Des tirs ont visé un convoi près de la frontière.", "firearms"),
    ],
)  # fmt: skip
def test_assault_modes(lang: str, text: str, mode: str | None) -> None:
    assert sentence_mode(text, RULES[lang], "ASSAULT") == mode


@pytest.mark.parametrize(
    ("lang", "text", "type_", "mode"),
    [
        ("en", "The regulator accused the firm of hiding losses.", "ACCUSE", "allege"),
        ("en", "Bus drivers went on strike over unpaid wages.", "PROTEST", "strike"),
        ("en", "The court convicted the former governor of graft.", "SANCTION", "convict"),
        ("en", "The navy moved three warships and a submarine to the strait.", "MOBILIZE", "weapons"),
        ("en", "Customs officers seized 2 tonnes of cocaine at the port.", "COERCE", "seize"),
        ("vi", "Công nhân đã đình công để đòi tăng lương.", "PROTEST", "strike"),
        ("id", "Hakim menjatuhkan vonis tujuh tahun penjara kepada terdakwa.", "SANCTION", "convict"),
    ],
)  # fmt: skip
def test_finer_modes_are_reported(lang: str, text: str, type_: str, mode: str) -> None:
    assert sentence_mode(text, RULES[lang], type_) == mode


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


@pytest.mark.parametrize(
    ("lang", "text", "type_", "mode"),
    [
        # session 14, from the errors on the held-out split of the training sentences (dev)
        ("en", "The air force bombed a bridge on the supply route.", "ASSAULT", "aerial"),
        ("en", "The cartel threatened to blow up the refinery.", "THREATEN", "violence"),
        ("en", "Tehran warned that foreign warships would be legitimate targets.", "THREATEN", "violence"),
        ("en", "The navy threatened to close the strait to tankers.", "THREATEN", "restrict"),
        ("en", "Dock workers downed tools at the port on Monday.", "PROTEST", "strike"),
        ("en", "Activists chained themselves to the gates of the ministry.", "PROTEST", "obstruct"),
        ("en", "Youths threw stones at shops during the protest.", "PROTEST", "riot"),
        ("en", "Police searched the homes of three opposition lawmakers.", "COERCE", "seize"),
        ("en", "Washington imposed export controls on two drone makers.", "SANCTION", "discontinue"),
        ("en", "The government urged investors to back the fast-changing sector.", "REQUEST", None),
        ("vi", "Hải quân dọa phong tỏa eo biển nếu tàu lạ tiến vào.", "THREATEN", "restrict"),
        ("vi", "Nhóm vũ trang dọa giết các con tin.", "THREATEN", "violence"),
        ("vi", "Sinh viên đã bãi khóa để phản đối học phí mới.", "PROTEST", "strike"),
        ("vi", "Hàng nghìn người xuống đường ở thủ đô.", "PROTEST", "demo"),
        ("id", "Kelompok itu mengancam meledakkan jembatan.", "THREATEN", "violence"),
        ("id", "Serikat sopir mengancam mogok bila tarif tidak naik.", "THREATEN", None),
        ("id", "Pemerintah mengancam menaikkan tarif impor baja.", "THREATEN", "restrict"),
        ("id", "Ribuan buruh turun ke jalan di Surabaya.", "PROTEST", "demo"),
        ("id", "TNI mengirim prajurit ke Papua setelah serangan kelompok bersenjata.", "MOBILIZE", "troops"),
        ("fr", "Les ravisseurs ont menacé d'exécuter le journaliste.", "THREATEN", "violence"),
    ],
)  # fmt: skip
def test_cues_added_from_the_dev_errors(lang: str, text: str, type_: str, mode: str | None) -> None:
    assert sentence_mode(text, RULES[lang], type_) == mode


@pytest.mark.parametrize(
    ("lang", "text", "type_", "mode"),
    [
        # session 16, from the errors read on the held-out split and on SemEval-2022 Task 8 training
        # texts (dev); what is asked or refused (the codebook's REQUEST/REJECT modes)
        ("en", "The opposition called for early elections after the budget vote failed.", "REQUEST", "change"),
        ("en", "The senator called for a global ban on cluster munitions.", "REQUEST", "change"),
        ("en", "Growers urged lawmakers to halt imports of cheap sugar.", "REQUEST", "change"),
        ("en", "The minister asked neighbouring states to share flight data with investigators.", "REQUEST", "assist"),
        ("en", "The council demanded that the occupying power withdraw its troops from the valley.", "REQUEST", "yield"),
        ("en", "The government refused to reopen the border crossing to trucks.", "REJECT", "yield"),
        ("en", "The two presidents urged a return to the diplomatic process.", "REQUEST", "meet"),
        ("en", "The opposition asked Norway to mediate between the parties.", "REQUEST", "meet"),
        ("en", "The junta refused the regional bloc's offer to mediate.", "REJECT", "meet"),
        ("en", "The rebels turned down the mediators' proposal for a truce.", "REJECT", "yield"),  # who proposes
        ("en", "Kenya asked its creditors for debt relief after the floods.", "REQUEST", "assist"),
        ("en", "The airline asked the state for a bailout.", "REQUEST", "assist"),
        ("en", "Exporters urged the central bank to lower interest rates.", "REQUEST", "change"),
        ("en", "The cabinet rejected calls to raise the value-added tax.", "REJECT", "change"),
        ("en", "Judges urged parliament to restore the independence of the courts.", "REQUEST", "change"),
        ("en", "The regional assembly demanded a referendum on autonomy.", "REQUEST", "change"),
        ("en", "The exiled leader urged the banks to unfreeze his party's accounts.", "REQUEST", "yield"),
        ("en", "The militia refused to withdraw from the captured town.", "REJECT", "yield"),
        ("en", "Tokyo asked Beijing to withdraw its survey ships from the area.", "REQUEST", "yield"),
        # the finance ministry asks; what it asks decides
        ("en", "The finance ministry asked the central bank to cut interest rates.", "REQUEST", "change"),
        # who asks is no mode: "aid groups", "relief agencies", "supporters"
        ("en", "Aid groups urged the army to evacuate the camp.", "REQUEST", None),
        ("en", "Supporters of the mayor asked the court to postpone the hearing.", "REQUEST", None),
        ("fr", "Le Conseil a exigé le retrait des troupes étrangères du pays.", "REQUEST", "yield"),
        ("fr", "L'opposition réclame des élections anticipées.", "REQUEST", "change"),
        ("vi", "Liên Hợp Quốc yêu cầu các bên rút quân khỏi khu vực tranh chấp.", "REQUEST", "yield"),
        ("vi", "Phe đối lập yêu cầu tổ chức bầu cử sớm.", "REQUEST", "change"),
        ("id", "Mahasiswa menuntut pemilu ulang di daerah itu.", "REQUEST", "change"),
        ("id", "Dewan Keamanan meminta kedua negara menarik pasukan dari perbatasan.", "REQUEST", "yield"),
        # a ceasefire named as the frame of a withdrawal is no mode of its own
        ("en", "The rebels withdrew from the port under the terms of the ceasefire.", "RETREAT", "withdraw"),
        ("fr", "Les rebelles ont retiré leurs unités conformément au cessez-le-feu.", "RETREAT", "withdraw"),
        ("vi", "Phiến quân rút khỏi thị trấn theo thỏa thuận ngừng bắn.", "RETREAT", "withdraw"),
        ("id", "Pasukan itu mundur dari kota sesuai kesepakatan gencatan senjata.", "RETREAT", "withdraw"),
        ("en", "The governor threatened to shut down bars that ignore the rules.", "THREATEN", "restrict"),
        # fires and epidemics are disasters: the money is relief (purpose over form)
        ("en", "The navy sent ships to help villages ravaged by wildfires.", "AID", "humanitarian"),
        ("vi", "Nhật Bản gửi 2 triệu USD giúp các tỉnh bị cháy rừng.", "AID", "humanitarian"),
        ("id", "Jepang mengirim dana untuk warga terdampak kebakaran hutan.", "AID", "humanitarian"),
        ("fr", "Le Canada a envoyé 5 millions d'euros aux régions touchées par les incendies.", "AID", "humanitarian"),
        ("en", "A gang attacked the shopkeeper with hammers.", "ASSAULT", "primitive"),
        ("en", "Police blamed an arson attack for the loss of the warehouse.", "ASSAULT", "destroy"),
    ],
)  # fmt: skip
def test_cues_added_in_session_16(lang: str, text: str, type_: str, mode: str | None) -> None:
    assert sentence_mode(text, RULES[lang], type_) == mode
