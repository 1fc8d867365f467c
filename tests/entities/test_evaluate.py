"""Exact and overlapping span scores (newsloom/entities/evaluate.py)."""

from __future__ import annotations

from pathlib import Path

from newsloom.entities.evaluate import figures, overlap_matches, score


def test_overlap_pairs_each_gold_span_with_one_same_type_prediction() -> None:
    gold = [(0, 10, "place"), (12, 20, "person")]
    assert overlap_matches([(5, 8, "place"), (6, 9, "place")], gold) == 1
    assert overlap_matches([(12, 14, "organization")], gold) == 0


def test_exact_needs_both_edges_and_the_type() -> None:
    exact, overlap = score([([(0, 4, "place"), (10, 15, "person")], [(0, 6, "place"), (10, 15, "person")])])
    assert exact.f1() == 0.5
    assert overlap.f1() == 1.0
    result = figures(exact, overlap)
    assert result["exact_person"] == 1.0 and result["exact_place"] == 0.0


def test_no_gold_and_no_prediction_is_perfect_but_a_false_alarm_is_not() -> None:
    assert score([([], [])])[0].f1() == 1.0
    assert score([([(0, 3, "person")], [])])[0].f1() == 0.0


def test_the_public_call_scores_a_sentence_alone_with_and_without_its_language() -> None:
    from newsloom.entities.evaluate import api_spans

    text = "Bộ trưởng Bùi Thanh Sơn đã gặp Tổng Thư ký Liên hợp quốc tại New York."
    for predict in (api_spans("vi"), api_spans(None)):
        found = {(text[a:b], kind) for a, b, kind in predict(text)}
        assert ("Bùi Thanh Sơn", "person") in found and ("New York", "place") in found, found


def test_a_gold_file_is_scored_through_the_public_call_told_and_not_told(tmp_path: Path) -> None:
    import json

    from newsloom.entities.evaluate import compare_gold_file_api

    text = "Phạm Dũng"  # too short for lingua's first pass: the first-class retry tells it
    row = {"lang": "vi", "text": text, "entities": [{"start": 0, "end": 9, "type": "person"}]}
    wrong = {"lang": "vi", "text": "Hà Nội", "entities": [{"start": 0, "end": 6, "type": "person"}]}
    path = tmp_path / "gold.jsonl"
    path.write_text(
        "\n".join(json.dumps(r, ensure_ascii=False) for r in (row, wrong)) + "\n", encoding="utf-8"
    )
    report = compare_gold_file_api(path)["vi"]
    assert set(report) == {"api_lang", "api_auto"}
    for name in ("api_lang", "api_auto"):
        assert report[name]["sentences"] == 2
        assert 0.0 < report[name]["overlap"] < 1.0, report  # the person is found; Hà Nội is a place, not one


def test_the_difference_dump_reads_the_dev_split_only() -> None:
    """Hybrid-vs-model dumps are for tuning: the held-out split is refused, before anything is read."""
    import pytest

    from newsloom.entities.evaluate import dump_differences, main

    with pytest.raises(ValueError, match="dev split only"):
        dump_differences("id", "heldout")
    with pytest.raises(SystemExit):
        main(["id", "--dump", "/tmp/never-written.txt"])
