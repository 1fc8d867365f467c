"""The "times" stage: body offsets, sentence indices, publication date from the metadata."""

from __future__ import annotations

import doctest

import pytest

import newsloom.lang.generic.time
import newsloom.timex.evaluate
import newsloom.timex.resolve
import newsloom.timex.rules
import newsloom.timex.stage
from newsloom.article import Article
from newsloom.pipeline import Pipeline, registered_stages
from newsloom.sentences import split_sentences
from newsloom.timex.stage import add_times

BODY = "Chiều 24-10, hai bên hội đàm. Chiều cùng ngày, Thủ tướng hội kiến Tổng Bí thư Lào.\n\nNgày 24-10, Tổng thống Nam Phi tới Hà Nội."


def make(text: str, lang: str | None, published: str | None) -> Article:
    article = Article(
        id="t", path="t", text=text, language=lang, sentences=tuple(split_sentences(text, lang))
    )
    return article.with_meta("published", published, "header", 1.0) if published else article


def test_stage_is_registered_with_its_contract() -> None:
    info = registered_stages()["times"]
    assert info.requires == ("text", "language", "sentences")
    assert info.assigns == ("times",)


def test_stage_resolves_against_the_published_metadata() -> None:
    times = add_times(make(BODY, "vi", "2025-10-25")).times
    assert [(t.text, t.value, t.sentence) for t in times] == [
        ("Chiều 24-10", "2025-10-24TAF", 0),
        ("Chiều cùng ngày", "2025-10-24TAF", 1),
        ("Ngày 24-10", "2025-10-24", 2),
    ]
    for t in times:
        assert BODY[t.start : t.end] == t.text


def test_stage_without_publication_date_keeps_partial_dates() -> None:
    times = add_times(make("Hôm qua, đoàn tới. Chiều 24-10, hai bên hội đàm.", "vi", None)).times
    assert [(t.value, t.anchor) for t in times] == [(None, "unresolved"), ("XXXX-10-24TAF", "absolute")]


def test_stage_survives_an_unknown_language_and_a_bad_date() -> None:
    article = make("Réunion le 21/10/2025.", None, None).with_meta("published", "hier", "header", 0.2)
    assert [t.value for t in add_times(article).times] == ["2025-10-21"]
    weird = make("Réunion le 21/10/2025.", "zz-weird!", None)
    assert [t.value for t in add_times(weird).times] == ["2025-10-21"]


def test_stage_reads_only_the_body() -> None:
    article = make("Không có ngày tháng ở đây.", "vi", "2025-10-22")
    article = article.with_meta("title", "Chiều 21/10, Thủ tướng tiếp khách", "header", 1.0)
    assert add_times(article).times == ()


def test_stage_runs_in_the_pipeline_after_sentences() -> None:
    with pytest.raises(Exception, match="sentences"):
        Pipeline(["times"])
    pipeline = Pipeline(["language", "sentences", "times"])
    text = "Hôm qua, giá vàng trong nước tăng mạnh theo đà thế giới."
    article = Article(id="t", path="t", text=text).with_meta("published", "2025-10-22", "header", 1.0)
    result = pipeline(article)
    assert [t.value for t in result.times] == ["2025-10-21"]
    assert result.stages[-1] == "times"


@pytest.mark.parametrize(
    "module",
    [
        newsloom.timex.resolve,
        newsloom.timex.stage,
        newsloom.timex.rules,
        newsloom.timex.evaluate,
        newsloom.lang.generic.time,
    ],
)
def test_docstring_examples(module: object) -> None:
    failures, tried = doctest.testmod(module, optionflags=doctest.ELLIPSIS)  # type: ignore[arg-type]
    assert tried > 0
    assert failures == 0
