"""The fallback for any language without a pack of its own: script-neutral rules only."""

import re

from newsloom.lang.base import LanguagePack

PACK = LanguagePack(
    code="xx",
    name="Other",
    boilerplate={
        "caption": (
            re.compile(r"(?:^|[.\s(])(?:Photo|Foto|Ảnh|Фото|Bild)\s*(?:\d+\.?|:\s*\S.{0,60})\s*$", re.I),
        ),
        "counter": (re.compile(r"^\s*\w{3,12}\s*\(\d+\)\s*$"),),
        "source_line": (re.compile(r"^\s*\w{3,12}\s*:\s*https?://\S+\s*$"),),
    },
    dateline=re.compile(r"^\s*(?P<place>[A-Z][A-Z .'-]{2,30}?)\s*(?:\([^)]{1,30}\))?\s*[—–]\s+"),
)
