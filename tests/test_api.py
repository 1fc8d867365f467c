from __future__ import annotations

from datetime import date, datetime

import pytest

import newsloom


def test_analyze_fills_the_article_without_a_store(tmp_path: object) -> None:
    article = newsloom.analyze(
        "HÀ NỘI — Deputy Prime Minister Bùi Thanh Sơn on Tuesday received Ghada Waly. — VNA/VNS",
        published=date(2025, 10, 21),
        url="https://news.example/a",
    )
    assert article.language == "en"
    assert article.published == "2025-10-21"
    assert article.metadata["published"].source == "argument"
    assert article.meta("credit") == "VNA/VNS"
    assert article.sentences and article.text.startswith("HÀ NỘI")


def test_published_accepts_datetime_and_iso_strings() -> None:
    text = "The minister met the delegation."
    assert newsloom.analyze(text, published=datetime(2025, 10, 21, 9, 30)).published == "2025-10-21"
    assert newsloom.analyze(text, published="2025-10-21T09:30:00+07:00").published == "2025-10-21"


@pytest.mark.parametrize(
    ("kwargs", "error", "message"),
    [
        ({"text": b"bytes"}, TypeError, "decode"),
        ({"text": 42}, TypeError, "must be a str"),
        ({"text": "x", "lang": "klingon"}, ValueError, "one of: .*vi"),
        ({"text": "x", "published": "next tuesday"}, ValueError, "ISO string"),
        ({"text": "x", "published": 20251021}, TypeError, "published must be"),
    ],
)
def test_bad_arguments_are_named(kwargs: dict[str, object], error: type[Exception], message: str) -> None:
    with pytest.raises(error, match=message):
        newsloom.analyze(**kwargs)  # type: ignore[arg-type]


def test_empty_text_is_an_empty_result() -> None:
    article = newsloom.analyze("   ")
    assert article.text == "" and article.sentences == () and article.events == ()


def test_analyze_many_is_lazy_and_ordered() -> None:
    items = iter(
        ["Thủ tướng tiếp Đại sứ Nhật Bản tại Hà Nội.", {"text": "The minister met them.", "lang": "en"}]
    )
    results = newsloom.analyze_many(items)
    first = next(results)
    assert first.language == "vi"
    assert [a.language for a in results] == ["en"]
    with pytest.raises(ValueError, match="no 'text' key"):
        list(newsloom.analyze_many([{"title": "x"}]))


def test_given_language_is_trusted() -> None:
    assert newsloom.analyze("Bertemu.", lang="id").language == "id"


def test_disable_leaves_stages_out_and_names_unknown_ones() -> None:
    article = newsloom.analyze("The minister met the delegation in Hanoi on Tuesday.", disable=["embed"])
    assert "embed" not in article.stages and article.embedding is None
    with pytest.raises(ValueError, match="disable=.*'nope'.*the stages are: language"):
        newsloom.analyze("text", disable=["nope"])
