"""Bytes to text: UTF-8 first, then a detected legacy encoding (cp1252, Windows-1258, ...)."""

from __future__ import annotations

import unicodedata

#: A file with more than this share of control bytes (other than whitespace) is binary.
BINARY_CONTROL_SHARE = 0.05


def looks_binary(data: bytes) -> bool:
    """True for images, archives, executables: NUL bytes or many control bytes."""
    head = data[:8192]
    if b"\x00" in head:
        return True
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13, 27))
    return bool(head) and controls / len(head) > BINARY_CONTROL_SHARE


def decode_text(data: bytes) -> tuple[str, str] | None:
    """(text in NFC, encoding name), or None when no encoding gives readable text."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return unicodedata.normalize("NFC", data.decode("utf-8")), "utf-8"
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        return None
    # Vietnamese in Windows-1258 uses combining tone marks: NFC composes them into one letter.
    return unicodedata.normalize("NFC", str(best)), best.encoding
