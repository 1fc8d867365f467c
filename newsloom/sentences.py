"""Sentence splitting (a stage), with the abbreviations of each language pack, and per-sentence language."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator

from newsloom.article import Article, Sentence
from newsloom.lang import get_pack
from newsloom.registry import stage

#: A sentence ends at . ! ? … (and closing quotes/brackets) followed by space and an opening
#: capital, digit, quote or bracket.
_BOUNDARY = re.compile(
    r"([.!?…]+[\"'”’»)\]]*)(\s+)(?=[\"'“‘«(\[]?[\dA-ZÀ-ÝĐƠƯẠ-Ỹ\u0400-\u042F])"
    # Chinese and Japanese full stops end a sentence with no space after them
    r"|([。！？]+[」』”）]*)(\s*)(?=\S)"
)
_PARAGRAPH = re.compile(r"\n\s*\n|\n")
#: Sentences shorter than this keep the article's language (too little text to identify alone).
MIN_SENTENCE_LETTERS_FOR_LANGID = 40
#: A "sentence" longer than this is cut (at a comma, else a space) before the per-sentence stages,
#: so text with no sentence breaks (a table, a list, a run-on paste) costs them what a normal text
#: of its length costs. Real sentences stay under it: on 400 SemEval-2022 training pairs (6,830
#: sentences) the 99th percentile is ~500 characters and 0.07% are longer; Vietnamese news
#: sentences of 440 run one event each.
MAX_SENTENCE_CHARS = 1000
#: Where a long sentence is best cut: after a clause mark, else at any space.
_CLAUSE_END = re.compile(r"[,;:)\]]\s|\s[—–-]\s")
_SPACE = re.compile(r"\s")


def split_paragraphs(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each non-empty paragraph (a line of the body)."""
    pos = 0
    for match in _PARAGRAPH.finditer(text):
        if text[pos : match.start()].strip():
            yield pos, match.start()
        pos = match.end()
    if text[pos:].strip():
        yield pos, len(text)


def split_sentences(text: str, lang: str | None, max_chars: int | None = None) -> list[Sentence]:
    """Sentences of ``text`` with offsets; paragraphs never share a sentence; with ``max_chars``,
    none longer than that (see :func:`cut_long`)."""
    abbreviations = get_pack(lang).abbreviations
    sentences: list[Sentence] = []
    for number, (p_start, p_end) in enumerate(split_paragraphs(text)):
        start = p_start
        for match in _BOUNDARY.finditer(text, p_start, p_end):
            before = text[start : match.start(1) if match.group(1) else match.start(3)]
            last_token = before.rsplit(None, 1)[-1] if before.split() else ""
            if last_token.rstrip(".") in abbreviations or re.fullmatch(r"[A-ZĐ]", last_token):
                continue  # "Mr. Son", "TS. Nguyễn", an initial "J. Smith"
            end = match.end(1) if match.group(1) else match.end(3)
            sentences.extend(_make(text, s, e, number) for s, e in cut_long(text, start, end, max_chars))
            start = match.end()
        if text[start:p_end].strip():
            sentences.extend(_make(text, s, e, number) for s, e in cut_long(text, start, p_end, max_chars))
    return [s for s in sentences if s.text]


def cut_long(text: str, start: int, end: int, limit: int | None) -> Iterator[tuple[int, int]]:
    """(start, end) pieces of one sentence, none longer than ``limit`` (None: the sentence whole): cut
    in its second half at the last clause mark, else the last space, else at the limit."""
    while limit and end - start > limit:
        low, high = start + limit // 2, start + limit
        cut = _last_match(_CLAUSE_END, text, low, high) or _last_match(_SPACE, text, low, high) or high
        yield start, cut
        start = cut
    yield start, end


def _last_match(pattern: re.Pattern[str], text: str, low: int, high: int) -> int | None:
    found = None
    for match in pattern.finditer(text, low, high):
        found = match.start() + 1
    return found


def _make(text: str, start: int, end: int, paragraph: int) -> Sentence:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Sentence(start=start, end=end, text=text[start:end], paragraph=paragraph)


@stage("sentences", requires=("text", "language"), assigns=("sentences",))
def add_sentences(article: Article) -> Article:
    """Split the body into sentences and tell each one's language (quoted foreign text, mixed pages)."""
    from newsloom.lang import FIRST_CLASS, get_pack
    from newsloom.langid import detect_language

    # a sentence is told among the article's language, the first-class ones and their relatives:
    # a short candidate list keeps lingua fast and sure on sentence-length text
    own = article.language or "en"
    candidates = tuple(sorted({own, *FIRST_CLASS, *get_pack(own).close_relatives}))
    result = []
    # long "sentences" (tables, lists, run-on pastes) are cut here, before the per-sentence stages;
    # split_sentences alone keeps them whole for callers whose features were computed that way
    for sentence in split_sentences(article.text, article.language, MAX_SENTENCE_CHARS):
        lang = article.language
        if (
            sum(map(str.isalpha, sentence.text)) >= MIN_SENTENCE_LETTERS_FOR_LANGID
        ):  # map: no generator frames
            detected, conf = detect_language(sentence.text, candidates, 0.0)  # no wide retry per sentence
            # a sentence overrides the article only when lingua is sure: names alone mislead it
            if detected and detected != lang and conf >= 0.9:
                lang = detected
        result.append(dataclasses.replace(sentence, language=lang))
    return dataclasses.replace(article, sentences=tuple(result))
