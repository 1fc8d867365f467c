"""Bytes to text: UTF-8 first, then a detected legacy encoding (cp1252, Windows-1258, ...)."""

from __future__ import annotations

import codecs
import unicodedata

#: A file with more than this share of control bytes (other than whitespace) is binary.
BINARY_CONTROL_SHARE = 0.05


#: The control bytes a text file does not hold (tab, newline, form feed, carriage return and escape do).
_CONTROL_BYTES = bytes(b for b in range(32) if b not in (9, 10, 12, 13, 27))


#: Byte-order marks of the UTF-16/32 files Windows editors save as "Unicode" (longest first: the
#: UTF-32 little-endian mark begins with the UTF-16 one).
UNICODE_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
)  # fmt: skip


def unicode_bom_encoding(data: bytes) -> str | None:
    """'utf-16' or 'utf-32' when ``data`` starts with that byte-order mark, else None."""
    return next((encoding for bom, encoding in UNICODE_BOMS if data.startswith(bom)), None)


def looks_binary(data: bytes) -> bool:
    """True for images, archives, executables: NUL bytes or many control bytes (UTF-16/32 text with
    its byte-order mark is text, though every other byte is NUL)."""
    encoding = unicode_bom_encoding(data)
    if encoding is not None:
        try:
            return looks_binary(data.decode(encoding).encode("utf-8"))
        except UnicodeDecodeError:
            return True
    head = data[:8192]
    if b"\x00" in head:
        return True
    controls = len(head) - len(head.translate(None, _CONTROL_BYTES))
    return bool(head) and controls / len(head) > BINARY_CONTROL_SHARE


def decode_text(data: bytes) -> tuple[str, str] | None:
    """(text in NFC, encoding name), or None when no encoding gives readable text."""
    wide = unicode_bom_encoding(data)
    if wide is not None:
        try:
            return unicodedata.normalize("NFC", data.decode(wide)), wide
        except UnicodeDecodeError:
            return None
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return unicodedata.normalize("NFC", data.decode("utf-8")), "utf-8"
    except UnicodeDecodeError:
        pass
    vietnamese = _try_cp1258(data)
    if vietnamese is not None:
        return vietnamese, "cp1258"
    from charset_normalizer import from_bytes

    best = from_bytes(data, cp_isolation=list(LEGACY_ENCODINGS)).best()
    if best is None:
        return None
    return unicodedata.normalize("NFC", str(best)), best.encoding


#: Legacy encodings news archives still come in (Windows code pages, CJK, Cyrillic).
LEGACY_ENCODINGS = (
    "cp1252", "cp1250", "cp1251", "cp1253", "cp1254", "cp1256", "cp874", "iso8859_2", "koi8_r",
    "gb18030", "big5", "shift_jis", "euc_kr",
)  # fmt: skip
#: Windows-1258 writes Vietnamese tones as combining marks after the letter (grave, acute, tilde,
#: hook above, dot below); in cp1252 the same bytes are Ì ì Þ Ò ò, rare inside words.
_CP1258_TONES = frozenset("\u0300\u0301\u0303\u0309\u0323")
#: share of words carrying such a tone mark above which the text is taken as Windows-1258 Vietnamese
CP1258_MIN_TONED_WORDS = 0.1


def _try_cp1258(data: bytes) -> str | None:
    try:
        text = data.decode("cp1258")
    except UnicodeDecodeError:
        return None
    words = text.split()
    toned = sum(1 for w in words if any(ch in _CP1258_TONES for ch in w[1:]))
    if not words or toned / len(words) < CP1258_MIN_TONED_WORDS:
        return None
    return unicodedata.normalize("NFC", text)
