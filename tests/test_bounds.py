"""Bounded cost and documented errors of the library API: lone surrogates, run-on text, the
all-languages fallback of language identification."""

from __future__ import annotations

import subprocess
import sys

import pytest

import newsloom
from newsloom.sentences import MAX_SENTENCE_CHARS, cut_long, split_sentences
from tests.conftest import ROOT

RUN_ON = " ".join(
    ["le ministre a rencontré la délégation de Hanoi mardi, pour parler du commerce et de la sécurité"] * 120
)


@pytest.mark.parametrize("text", ["abc \ud800 def", "\udfff", "Le ministre \udc80a rencontré la délégation."])
def test_a_lone_surrogate_is_the_documented_value_error(text: str) -> None:
    with pytest.raises(ValueError, match="text holds a lone surrogate") as raised:
        newsloom.analyze(text, disable=["embed"])
    assert not isinstance(raised.value, UnicodeError)  # not a codec's error from deep inside lingua
    assert f"position {text.index(next(c for c in text if 0xD800 <= ord(c) <= 0xDFFF))}" in str(raised.value)
    with pytest.raises(ValueError, match="text holds a lone surrogate"):
        list(newsloom.analyze_many([{"text": text}], disable=["embed"]))


def test_a_paired_surrogate_free_emoji_text_is_fine() -> None:
    article = newsloom.analyze("The minister 🙂 met the delegation in Hanoi on Tuesday.", disable=["embed"])
    assert article.language == "en"


def test_run_on_text_is_cut_into_bounded_sentences_that_cover_it() -> None:
    assert len(split_sentences(RUN_ON, "fr")) == 1  # whole unless asked
    sentences = split_sentences(RUN_ON, "fr", MAX_SENTENCE_CHARS)
    assert len(RUN_ON) > 10 * MAX_SENTENCE_CHARS
    assert all(0 < len(s.text) <= MAX_SENTENCE_CHARS for s in sentences)
    assert all(RUN_ON[s.start : s.end] == s.text for s in sentences)
    assert "".join(s.text for s in sentences).replace(" ", "") == RUN_ON.replace(" ", "")
    # cut after a clause mark where there is one in the second half of the window
    assert all(s.text.endswith(",") for s in sentences[:-1])


def test_a_long_run_without_spaces_is_cut_at_the_limit() -> None:
    pieces = list(cut_long("x" * 1000, 0, 1000, 400))
    assert pieces == [(0, 400), (400, 800), (800, 1000)]
    assert list(cut_long("x" * 1000, 0, 1000, None)) == [(0, 1000)]


def test_ordinary_sentences_are_not_cut() -> None:
    text = "Chiều 21/10, Phó Thủ tướng Bùi Thanh Sơn tiếp bà Ghada Waly. Hai bên thảo luận về hợp tác."
    assert [s.text for s in split_sentences(text, "vi", MAX_SENTENCE_CHARS)] == [
        "Chiều 21/10, Phó Thủ tướng Bùi Thanh Sơn tiếp bà Ghada Waly.",
        "Hai bên thảo luận về hợp tác.",
    ]


def test_analyze_refuses_a_text_over_its_cap_with_what_to_do(monkeypatch: pytest.MonkeyPatch) -> None:
    import newsloom.api

    monkeypatch.setattr(newsloom.api, "MAX_ANALYZE_CHARS", 1000)
    with pytest.raises(ValueError, match="over the 1,000 analyze takes at once") as raised:
        newsloom.analyze("The minister met the delegation. " * 40, disable=["embed"])
    assert "Split it" in str(raised.value)
    assert newsloom.analyze("The minister met the delegation. " * 20, disable=["embed"]).sentences


def test_analyze_on_run_on_text_gives_bounded_sentences() -> None:
    article = newsloom.analyze(RUN_ON, disable=["embed"])
    assert article.sentences and max(len(s.text) for s in article.sentences) <= MAX_SENTENCE_CHARS


FALLBACK_MEMORY = """
import resource, sys
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
from newsloom.langid import _best, _detector
code, _ = _best(_detector(None), "Ministr se v úterý v Hanoji setkal s delegací z Vietnamu, aby projednali obchod a bezpečnost.")
grown = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) // 1024
print(code, grown)
"""
#: The all-languages fallback may add at most this much memory (the full models of every language
#: took ~900 MB and ~7 s to load; trigram models ~60 MB).
FALLBACK_MAX_MB = 300


def test_the_all_languages_fallback_is_bounded_in_memory() -> None:
    out = subprocess.run(
        [sys.executable, "-c", FALLBACK_MEMORY],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=300,
        check=True,
    ).stdout.split()
    code, grown = out[0], int(out[1])
    assert code == "cs"
    assert grown < FALLBACK_MAX_MB, f"the all-languages fallback grew the process by {grown} MB"


@pytest.mark.parametrize("page", ["<p>hi</p>", "<html><body><script>go()</script></body></html>"])
def test_an_html_page_without_article_text_is_the_documented_value_error(page: str) -> None:
    with pytest.raises(ValueError, match="no article text found in this HTML page"):
        newsloom.analyze(page, disable=["embed"])
