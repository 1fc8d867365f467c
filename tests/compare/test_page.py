"""The "not an article" check: page furniture, error pages and bare titles against real reports."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsloom.compare import Comparison
from newsloom.compare.page import PAGE_FEATURES, check_page, chrome_phrases, page_features, word_count

REPORT = (
    "Floods close the northern highway\n\n"
    "Heavy rain flooded the northern highway on Monday, forcing the police to close a 40-kilometre stretch "
    "between the two largest towns of the province. Officials said more than 300 families left their homes "
    "overnight and were housed in schools.\n\n"
    "Share this:\n\nShare this:\n\n"
    "The weather service expects the rain to ease on Wednesday, when repair crews will inspect two bridges "
    "that the water damaged."
)
ROBOT_CHECK = (
    "We are sorry, but we noticed a lot of requests from your address.\n\n"
    "Please confirm that you are not a robot.\n\n"
    "Your IP address: 10.0.0.1"
)
SIGN_IN_WALL = (
    "Mayor opens the new river bridge\n\n"
    "You have used all your free articles this month.\n\n"
    "Subscribers, log in to continue reading, or subscribe for unlimited access."
)
BARE_TITLE = "Mayor opens the new river bridge\n\n.com\n\nnews from the region and the world"
DONATION_BANNER = (
    "Voices of the Valley - donate to keep us independent\n"
    "A site for free thought and open debate.\n"
    "Founded by volunteers."
)
REPORT_ZH = (
    "暴雨导致北部公路关闭\n\n"
    "周一的暴雨淹没了北部公路，警方被迫关闭两座主要城镇之间长达四十公里的路段。官员表示，三百多户家庭连夜撤离，"
    "被安置在学校里。气象部门预计降雨将在周三减弱，届时维修人员将检查两座受损的桥梁。"
)
WALL_ZH = "暴雨导致北部公路关闭\n\n我们注意到您正在屏蔽广告！\n\n请关闭广告拦截器，或者购买订阅以继续阅读。"


def test_a_report_with_share_lines_is_an_article() -> None:
    check = check_page(REPORT)
    assert check.looks_like_article and check.reasons == ()
    assert check.chrome_lines == 2 and check.prose_words >= 40
    assert check.score < check_page(SIGN_IN_WALL).score


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        (ROBOT_CHECK, "page furniture"),
        (SIGN_IN_WALL, "too little prose"),
        (BARE_TITLE, "too little prose"),
        (DONATION_BANNER, "page furniture"),
        (WALL_ZH, "page furniture"),
    ],
)
def test_walls_errors_banners_and_bare_titles_are_not_articles(text: str, reason: str) -> None:
    check = check_page(text)
    assert not check.looks_like_article
    assert any(r.startswith(reason) for r in check.reasons), check.reasons
    assert 0.0 < check.score <= 1.0


def test_a_chinese_report_counts_its_characters_as_words() -> None:
    assert word_count("暴雨导致北部公路关闭") == 5.0
    assert check_page(REPORT_ZH).looks_like_article


def test_a_page_of_repeated_lines_or_of_figures_is_not_an_article() -> None:
    credits = "Photos of the year\n\n" + "\n\n".join(["PHOTO BY JANE ROE, THE DAILY"] * 6) + "\n\n" + REPORT
    assert any("repeat earlier lines" in r for r in check_page(credits).reasons)
    archive = "Blog archive\n" + " ".join(f"March 20{y} ({y * 3})" for y in range(10, 30))
    assert any(r.startswith("mostly figures") for r in check_page(archive).reasons)


def test_list_marks_are_not_repeated_lines() -> None:
    listing = REPORT + "\n\nBlocked sites:\n\n" + "\n\n".join(["-"] * 20)
    assert check_page(listing).looks_like_article


def test_furniture_phrases_are_folded_as_the_lines_are() -> None:
    phrases = chrome_phrases()
    assert "войти" not in phrases and "воити" in phrases  # й folds to и, as signals.fold does to lines
    assert all(p == p.casefold() for p in phrases)


def test_pair_features_are_symmetric_and_name_the_worse_side() -> None:
    article, wall = check_page(REPORT), check_page(SIGN_IN_WALL)
    ab, ba = page_features(article, wall), page_features(wall, article)
    assert ab == ba and tuple(ab) == PAGE_FEATURES
    assert ab["page_not_article"] == 1.0
    assert ab["page_score_min"] == article.score < ab["page_score_max"] == wall.score
    assert page_features(article, article)["page_not_article"] == 0.0


def test_a_comparison_warns_by_name_about_the_side_that_is_no_article() -> None:
    result = Comparison({"overall": 2.5}, (check_page(REPORT), check_page(ROBOT_CHECK)), 0.9)
    assert not result.looks_like_articles
    (warning,) = result.warnings()
    assert warning.startswith("text_b does not look like an article: ") and "page furniture" in warning
    assert Comparison({"overall": 2.5}, (check_page(REPORT),) * 2, 0.6).warnings() == []


def test_the_compare_view_names_the_text_that_is_no_article(monkeypatch: pytest.MonkeyPatch) -> None:
    import newsloom.compare
    from newsloom.views.compare import compare_view

    def fake_pair(text_a: str, text_b: str, *args: object, **kwargs: object) -> Comparison:
        return Comparison({"overall": 3.0}, (check_page(text_a), check_page(text_b)), 1.01)

    monkeypatch.setattr(newsloom.compare, "compare_pair", fake_pair)
    result = compare_view(ROBOT_CHECK, REPORT)
    assert set(result.not_article) == {"text_a"} and result.not_article["text_a"]
    assert result.warnings[0].startswith("text_a does not look like an article")
    assert result.uncertainty == 1.01
    clean = compare_view(REPORT, REPORT_ZH)
    assert clean.not_article == {} and clean.warnings == []


def test_the_shipped_model_records_a_wider_error_for_pairs_with_no_article() -> None:
    from newsloom.compare import load_model

    spreads = load_model().meta["uncertainty"]
    assert 0 < spreads["articles"] < spreads["not_article"]


def test_newsloom_compare_says_plainly_which_file_is_no_article(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from typer.testing import CliRunner

    import newsloom.compare
    from newsloom.cli import app

    def fake_pair(text_a: str, text_b: str, *args: object, **kwargs: object) -> Comparison:
        return Comparison({"overall": 3.0}, (check_page(text_a), check_page(text_b)), 1.01)

    monkeypatch.setattr(newsloom.compare, "compare_pair", fake_pair)
    report, wall = tmp_path / "report.txt", tmp_path / "wall.txt"
    report.write_text(REPORT, encoding="utf-8")
    wall.write_text(SIGN_IN_WALL, encoding="utf-8")
    result = CliRunner().invoke(app, ["compare", str(report), str(wall)], terminal_width=400)
    assert result.exit_code == 0, result.output
    assert f"{wall} does not look like an article" in " ".join(result.output.split())
    assert "± 1.01" in result.output and f"{report} does not" not in result.output


def test_a_notice_glued_into_one_long_line_is_still_furniture() -> None:
    glued = (
        "Council approves the harbour budget We use cookies to give you the best experience on our site. "
        "By continuing to browse you agree to our cookie policy and privacy policy. Cookies help us show "
        "you content and ads. You can change your settings at any time in your browser."
    )
    check = check_page(glued)
    assert check.lines >= 3 and check.chrome_lines >= 2
    assert not check.looks_like_article


def test_a_title_naming_a_social_network_is_news_not_furniture() -> None:
    text = REPORT.replace("Floods close the northern highway", "Facebook group helps flood victims", 1)
    check = check_page(text)
    assert not check.opening_chrome and check.looks_like_article


def test_the_api_and_the_compare_page_show_the_warning(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    pytest.importorskip("fastapi", reason="the serve extra (fastapi) is not installed")
    from fastapi.testclient import TestClient

    import newsloom.compare
    from newsloom.serve.api import create_app

    def fake_pair(text_a: str, text_b: str, *args: object, **kwargs: object) -> Comparison:
        return Comparison({"overall": 3.0}, (check_page(text_a), check_page(text_b)), 1.01)

    monkeypatch.setattr(newsloom.compare, "compare_pair", fake_pair)
    with TestClient(create_app(str(tmp_path / "empty.db"))) as client:
        body = client.post("/api/compare", json={"text_a": REPORT, "text_b": ROBOT_CHECK}).json()
        assert list(body["not_article"]) == ["text_b"] and body["uncertainty"] == 1.01
        page = client.post("/compare", data={"text_a": ROBOT_CHECK, "text_b": REPORT})
        assert page.status_code == 200
        assert 'role="alert"' in page.text and "Article A does not look like an article (" in page.text
