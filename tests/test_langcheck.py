"""The packs' first look at a language (newsloom.langcheck): what it settles before lingua, and what it leaves."""

from __future__ import annotations

from newsloom.langcheck import settled_language, settling_packs
from newsloom.settings import Settings

PACKS = settling_packs(Settings().languages)

ENGLISH = (
    "The minister said on Tuesday that the two countries have agreed to expand their trade, after talks "
    "with President Lương Cường in Hà Nội. The agreement, which was signed by both delegations, covers "
    "energy and ports, and the ministers said that its first projects will start this year."
)
VIETNAMESE = (
    "Chiều 21/10, tại Hà Nội, Chủ tịch nước Lương Cường đã hội đàm với Tổng Thư ký Liên hợp quốc. Hai bên "
    "nhất trí tăng cường hợp tác trong các lĩnh vực phát triển bền vững, chuyển đổi số và ứng phó biến đổi khí hậu."
)
INDONESIAN = (
    "Polisi mengatakan bahwa kedua tersangka ditangkap di bandara pada hari Jumat karena membawa narkoba. "
    "Kepala kantor imigrasi juga menyatakan bahwa pemeriksaan akan diperketat untuk semua penumpang yang "
    "datang dari luar negeri, dan hasilnya akan diumumkan pekan depan oleh pihak kepolisian."
)


def test_a_pack_settles_its_own_language() -> None:
    assert settled_language(ENGLISH.lower(), PACKS) == "en"  # foreign names do not stop it
    assert settled_language(VIETNAMESE.lower(), PACKS) == "vi"
    assert settled_language(INDONESIAN.lower(), PACKS) == "id"


def test_what_the_packs_cannot_settle_goes_to_lingua() -> None:
    german = (
        "Der Minister sagte am Dienstag, dass die beiden Länder ihren Handel ausweiten wollen. Das Abkommen "
        "wurde von beiden Delegationen unterzeichnet und gilt für Energie und Häfen; die ersten Projekte "
        "sollen noch in diesem Jahr beginnen, wie es in einer Erklärung hieß."
    )
    malay = INDONESIAN.replace("bahwa", "bahawa").replace("Polisi", "Polis").replace("karena", "kerana")
    mixed = "Hội nghị ASEAN summit meeting tại Jakarta " + "the ministers met Bộ trưởng các nước " * 10
    assert settled_language(german.lower(), PACKS) is None
    assert settled_language(malay.lower(), PACKS) is None  # Malay's own words: lingua and the packs decide
    assert settled_language(mixed.lower(), PACKS) is None
    assert settled_language("the minister and the president", PACKS) is None  # too few words to tell


def test_only_candidate_languages_settle() -> None:
    packs = settling_packs(("vi", "fr", "de"))
    assert {p.code for p in packs} == {"vi"}
    assert settled_language(ENGLISH.lower(), packs) is None
