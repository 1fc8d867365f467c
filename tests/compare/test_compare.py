"""The public function: arguments, output shape and range, and the order of similar and unrelated pairs."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsloom.compare import DIMENSIONS, compare_files, compare_texts

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT.parent / "shared" / "seeds"

VI = (
    "Indonesia và Việt Nam ký thỏa thuận hợp tác nghề cá\n"
    "Sáng 14/3/2025 tại Jakarta, Bộ trưởng Thủy sản Indonesia Sakti Wahyu Trenggono và Bộ trưởng Nông nghiệp "
    "Việt Nam Lê Minh Hoan đã ký thỏa thuận tuần tra chung trên biển. Hai bên cam kết chống đánh bắt bất hợp pháp "
    "và chia sẻ dữ liệu tàu cá. Thỏa thuận có hiệu lực trong 5 năm."
)
ID = (
    "Indonesia dan Vietnam teken kerja sama perikanan\n"
    "Menteri Kelautan dan Perikanan Sakti Wahyu Trenggono dan Menteri Pertanian Vietnam Le Minh Hoan "
    "menandatangani perjanjian patroli bersama di Jakarta pada 14 Maret 2025. Kedua negara berjanji memberantas "
    "penangkapan ikan ilegal dan berbagi data kapal. Perjanjian berlaku selama 5 tahun."
)
EN_OTHER = (
    "Heavy snow closes Alpine passes\n"
    "Several mountain passes in Switzerland and Austria were closed on Sunday after more than a metre of snow "
    "fell overnight. Avalanche warnings were raised to the highest level in Tyrol, and ski resorts told visitors "
    "to stay indoors until the weather improves."
)


def test_bytes_are_refused_with_a_hint() -> None:
    with pytest.raises(TypeError, match="decode it first"):
        compare_texts(b"Hanoi", "Hanoi")  # type: ignore[arg-type]


@pytest.mark.parametrize("empty", ["", "   \n ", "…!?"])
def test_empty_texts_are_refused(empty: str) -> None:
    with pytest.raises(ValueError, match="text_b is empty"):
        compare_texts("Lũ lụt ở miền Trung", empty)


def test_other_types_and_bad_language_codes_are_refused() -> None:
    with pytest.raises(TypeError, match="text_a must be a str, not int"):
        compare_texts(3, "x")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="ISO 639-1"):
        compare_texts("Hujan deras di Jakarta", "Heavy rain in Jakarta", lang_a="Indonesian")


def test_missing_file_is_named(tmp_path: Path) -> None:
    present = tmp_path / "a.txt"
    present.write_text("Bão số 5 đổ bộ vào Quảng Ngãi.", encoding="utf-8")
    with pytest.raises(FileNotFoundError, match="absent.txt: no such file"):
        compare_files(present, tmp_path / "absent.txt")


@pytest.mark.slow
def test_scores_have_the_seven_dimensions_on_the_scale() -> None:
    scores = compare_texts(VI, ID, "vi", "id")
    assert tuple(scores) == DIMENSIONS
    assert all(isinstance(v, float) and 1.0 <= v <= 4.0 for v in scores.values())


@pytest.mark.slow
def test_same_event_in_two_languages_is_more_similar_than_unrelated_events() -> None:
    same = compare_texts(VI, ID)
    other = compare_texts(VI, EN_OTHER)
    assert same["overall"] + 0.5 < other["overall"]
    assert same["entities"] < other["entities"]
    assert same["geography"] < other["geography"]


@pytest.mark.slow
def test_order_of_the_texts_does_not_matter() -> None:
    ab, ba = compare_texts(VI, ID), compare_texts(ID, VI)
    assert ab == pytest.approx(ba, abs=1e-3)


@pytest.mark.slow
@pytest.mark.skipif(not SEEDS.is_dir(), reason="shared seeds not present")
def test_seed_reports_of_one_meeting_are_closer_than_a_roundup_of_other_events() -> None:
    vi, en, roundup = sorted(SEEDS.glob("00[012]_*.txt"))
    same_meeting = compare_files(vi, en)
    other_events = compare_files(vi, roundup)
    assert same_meeting["overall"] < other_events["overall"]
    assert same_meeting["overall"] <= 2.0


def test_a_language_without_a_centre_is_scored_by_the_fallback_model() -> None:
    from newsloom.compare import load_model
    from newsloom.compare.model import CompareModel

    shipped = load_model()
    constant = {
        d: {
            "members": [{"type": "ridge", "mean": [0.0], "scale": [1.0], "coef": [0.0], "intercept": 3.5}],
            "weights": [1.0],
        }
        for d in DIMENSIONS
    }
    model = CompareModel(
        shipped.feature_names, shipped.heads, shipped.meta, CompareModel(("cos_whole",), constant)
    )
    assert "vi" not in shipped.meta["languages"] and "de" in shipped.meta["languages"]
    # no Vietnamese centre in the model: the fallback answers
    assert set(compare_texts(VI, ID, "vi", "id", model=model).values()) == {3.5}
    # languages the model has centres for (the codes given are taken as they are): the full model
    assert set(compare_texts(VI, ID, "de", "en", model=model).values()) != {3.5}
