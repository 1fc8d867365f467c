"""The parts of an article that `compare` embeds and reads: title, segments (sentences), head, tail."""

from __future__ import annotations

import re
from dataclasses import dataclass

from newsloom.langid import detect_language
from newsloom.sentences import split_sentences

#: A title is the first line when the text has several lines and the first is this short.
MAX_TITLE_CHARS = 300
#: Segments longer than this are cut again: e5 is trained on sentence-sized passages, and a long
#: run of Chinese or Arabic text without spaces after its full stops is one "sentence" to the splitter.
MAX_SEGMENT_CHARS = 280
#: At most this many segments are embedded per text (half from the start, half from the end), which
#: bounds the cost of one comparison; SemEval texts (head + tail, ~1,000 chars) have about 8.
MAX_SEGMENTS = 24
#: Segments with fewer letters than this are noise for alignment ("(AP)", "___", a byline).
MIN_SEGMENT_LETTERS = 12
#: Sentence ends of scripts written without a space after them (Chinese, Japanese) or with their own
#: marks (Arabic, Devanagari); the shared splitter only knows the Latin ones.
_WIDE_STOPS = re.compile(r"(?<=[。！？；؟।])")
_SOFT_BREAK = re.compile(r"(?<=[,，、;:：])\s*|\s+")


@dataclass(frozen=True, slots=True)
class TextParts:
    """An article cut into what `compare` embeds."""

    text: str
    language: str | None
    title: str
    segments: tuple[str, ...]


def identify(text: str, lang: str | None) -> str | None:
    """``lang`` if given, else the language lingua finds (None if it cannot tell)."""
    if lang:
        return lang
    code, _ = detect_language(text)
    return code


def split_parts(text: str, lang: str | None = None) -> TextParts:
    """Title and segments of ``text`` (language identified if ``lang`` is None)."""
    language = identify(text, lang)
    stripped = text.strip()
    first_line, _, rest = stripped.partition("\n")
    segments = _segments(stripped, language)
    if rest.strip() and len(first_line.strip()) <= MAX_TITLE_CHARS:
        title = first_line.strip()
    else:
        title = segments[0] if segments else stripped[:MAX_TITLE_CHARS]
    return TextParts(text=stripped, language=language, title=title, segments=_bounded(segments))


def _segments(text: str, lang: str | None) -> list[str]:
    out: list[str] = []
    for sentence in split_sentences(text, lang):
        for piece in _WIDE_STOPS.split(sentence.text):
            out.extend(_cut(piece.strip()))
    return [s for s in out if sum(ch.isalpha() for ch in s) >= MIN_SEGMENT_LETTERS]


def _cut(piece: str) -> list[str]:
    """``piece`` in chunks of at most MAX_SEGMENT_CHARS, cut after commas or spaces when there are any."""
    if len(piece) <= MAX_SEGMENT_CHARS:
        return [piece] if piece else []
    chunks: list[str] = []
    current = ""
    pos = 0
    for match in _SOFT_BREAK.finditer(piece):
        token = piece[pos : match.end()]
        pos = match.end()
        if current and len(current) + len(token) > MAX_SEGMENT_CHARS:
            chunks.append(current.strip())
            current = ""
        current += token
    current += piece[pos:]
    while len(current) > MAX_SEGMENT_CHARS:  # no break at all (a long run of CJK characters)
        chunks.append(current[:MAX_SEGMENT_CHARS].strip())
        current = current[MAX_SEGMENT_CHARS:]
    if current.strip():
        chunks.append(current.strip())
    return [c for c in chunks if c]


def _bounded(segments: list[str]) -> tuple[str, ...]:
    if len(segments) <= MAX_SEGMENTS:
        return tuple(segments)
    half = MAX_SEGMENTS // 2
    return tuple(segments[:half] + segments[-half:])
