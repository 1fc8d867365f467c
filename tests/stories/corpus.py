"""A small hand-written corpus for the story tests: three events of one Tuesday, each reported in
two languages, a roundup of all three, and a follow-up two days later."""

from __future__ import annotations

from newsloom.article import Article
from tests.stories.helpers import make_article

TRADE_TALKS_EN = (
    "HÀ NỘI — Trade Minister Lan Phạm on Tuesday received Japanese envoy Kenji Sato to discuss rice "
    "exports and a new customs agreement.\n"
    "Phạm said Việt Nam wanted to double rice shipments to Japan within three years.\n"
    "Sato promised that Tokyo would speed up the review of the customs agreement."
)
TRADE_TALKS_VI = (
    "Chiều 3/3, tại Hà Nội, Bộ trưởng Lan Phạm tiếp Đặc phái viên Nhật Bản Kenji Sato để trao đổi về "
    "xuất khẩu gạo và hiệp định hải quan mới.\n"
    "Bộ trưởng Lan Phạm mong muốn tăng gấp đôi lượng gạo xuất sang Nhật Bản trong ba năm tới.\n"
    "Ông Kenji Sato cam kết Tokyo sẽ đẩy nhanh việc xem xét hiệp định hải quan."
)
BRIDGE_EN = (
    "ĐÀ NẴNG — Mayor Trần Bình on Tuesday opened the new Hàn River bridge, a six-lane crossing built "
    "in two years.\n"
    "Bình told residents that the bridge would cut commuting times across the city by half.\n"
    "Engineers said the bridge was designed to withstand typhoon winds."
)
BRIDGE_ID = (
    "Da Nang - Wali Kota Trần Bình pada Selasa (3/3) meresmikan jembatan baru di atas Sungai Hàn.\n"
    "Menurut Trần Bình, jembatan enam lajur itu memangkas waktu tempuh warga hingga separuh.\n"
    "Para insinyur menyebut jembatan dirancang tahan terhadap angin topan."
)
ARREST_EN = (
    "SURABAYA — Police in Surabaya on Tuesday arrested three men suspected of smuggling protected "
    "birds, acting on a tip from customs officer Dewi Lestari.\n"
    "The suspects hid 40 parrots in plastic pipes on a ferry, Lestari said.\n"
    "The birds were handed to a wildlife centre in East Java."
)
ARREST_ID = (
    "Surabaya - Polisi Surabaya pada Selasa (3/3) menangkap tiga pria yang diduga menyelundupkan "
    "burung dilindungi berkat informasi petugas bea cukai Dewi Lestari.\n"
    "Menurut Dewi Lestari, para tersangka menyembunyikan 40 ekor burung nuri di dalam pipa plastik.\n"
    "Burung-burung itu diserahkan ke pusat rehabilitasi satwa di Jawa Timur."
)
ROUNDUP_EN = (
    "A busy Tuesday for ministers and mayors across the region, with trade, a new bridge and a "
    "smuggling case in the news.\n"
    "On Tuesday afternoon, Trade Minister Lan Phạm received Japanese envoy Kenji Sato in Hà Nội to "
    "discuss rice exports and a customs agreement. Sato promised a quick review.\n"
    "The same afternoon, Mayor Trần Bình opened the new Hàn River bridge in Đà Nẵng, a six-lane "
    "crossing that should halve commuting times.\n"
    "Also on Tuesday, police in Surabaya arrested three men suspected of smuggling protected parrots, "
    "after a tip from customs officer Dewi Lestari."
)
FOLLOW_UP_EN = (
    "HÀ NỘI — Trade Minister Lan Phạm on Saturday met Japanese envoy Kenji Sato again and the two "
    "signed the customs agreement on rice exports they had discussed on Tuesday.\n"
    "Sato said the agreement would enter into force in June."
)

PUBLISHED = "2026-03-03"


def trade_en() -> Article:
    return make_article("trade-en", TRADE_TALKS_EN, published=PUBLISHED,
                        title="Việt Nam and Japan discuss rice exports", persons=["Lan Phạm", "Kenji Sato", ("Sato", "Kenji Sato"), ("Phạm", "Lan Phạm")],
                        places=[("HÀ NỘI", "Hà Nội")], times=[("Tuesday", "2026-03-03")])  # fmt: skip


def trade_vi() -> Article:
    return make_article("trade-vi", TRADE_TALKS_VI, language="vi", published="2026-03-04",
                        persons=["Lan Phạm", "Kenji Sato"], places=["Hà Nội"],
                        times=[("Chiều 3/3", "2026-03-03TAF")])  # fmt: skip


def bridge_en() -> Article:
    return make_article("bridge-en", BRIDGE_EN, published=PUBLISHED, persons=["Trần Bình", ("Bình", "Trần Bình")],
                        places=[("ĐÀ NẴNG", "Đà Nẵng")], times=[("Tuesday", "2026-03-03")])  # fmt: skip


def bridge_id() -> Article:
    return make_article("bridge-id", BRIDGE_ID, language="id", published=PUBLISHED, persons=["Trần Bình"],
                        places=[("Da Nang", "Đà Nẵng")], times=[("Selasa (3/3)", "2026-03-03")])  # fmt: skip


def arrest_en() -> Article:
    return make_article("arrest-en", ARREST_EN, published=PUBLISHED, persons=["Dewi Lestari", ("Lestari", "Dewi Lestari")],
                        places=[("SURABAYA", "Surabaya"), "Surabaya"], times=[("Tuesday", "2026-03-03")])  # fmt: skip


def arrest_id() -> Article:
    return make_article("arrest-id", ARREST_ID, language="id", published=None,
                        persons=["Dewi Lestari"], places=["Surabaya"],
                        times=[("Selasa (3/3)", "2026-03-03")])  # fmt: skip


def roundup_en() -> Article:
    return make_article("roundup-en", ROUNDUP_EN, published=PUBLISHED,
                        persons=["Lan Phạm", "Kenji Sato", ("Sato", "Kenji Sato"), "Trần Bình", "Dewi Lestari"],
                        places=["Hà Nội", "Đà Nẵng", "Surabaya"],
                        times=[("On Tuesday afternoon", "2026-03-03TAF"), ("The same afternoon", "2026-03-03TAF"),
                               ("Also on Tuesday", "2026-03-03")])  # fmt: skip


def follow_up_en() -> Article:
    # four days after the talks: with the same two actors, the learned join model takes a report two
    # days later for the same story (it is in SemEval's sense); the signing is another event
    return make_article("follow-up-en", FOLLOW_UP_EN, published="2026-03-07",
                        persons=["Lan Phạm", "Kenji Sato", ("Sato", "Kenji Sato"), ("Phạm", "Lan Phạm")], places=[("HÀ NỘI", "Hà Nội")],
                        times=[("Saturday", "2026-03-07"), ("Tuesday", "2026-03-03")])  # fmt: skip
