"""English."""

import re

from newsloom.lang.base import LanguagePack

PACK = LanguagePack(
    code="en",
    name="English",
    lingua="ENGLISH",
    abbreviations=frozenset(
        {"Mr", "Mrs", "Ms", "Dr", "Prof", "St", "Jr", "Sr", "Gen", "Col", "Lt", "Sen", "Rep", "Gov",
         "No", "Vol", "Inc", "Ltd", "Co", "Corp", "vs", "etc", "U.S", "U.N", "Jan", "Feb", "Aug", "Sept",
         "Oct", "Nov", "Dec"}
    ),
    boilerplate={
        "caption": (
            re.compile(r"(?:^|[.\s(])(?:Photo|Picture|Image)\s*(?:\d+\.?|:\s*\S.{0,60})\s*$", re.I),
        ),
        "counter": (re.compile(r"^\s*(?:Comments?|Replies)\s*\(\d+\)\s*$", re.I),),
        "source_line": (re.compile(r"^\s*(?:Source|Read more|Via)\s*:\s*\S+\s*$", re.I),),
        "related": (re.compile(r"^\s*(?:Related|See also|Also read)\s*:.*$", re.I),),
    },
    # "HÀ NỘI —", "JAKARTA (Reuters) -", "HANOI, Oct 21 (VNA) -"
    dateline=re.compile(
        r"^\s*(?P<place>[A-ZĐÀ-Ỹ][A-ZĐÀ-Ỹ .'-]{1,30}?)(?:,\s*[A-Z][a-z]{2,8}\.? \d{1,2})?\s*(?:\([^)]{1,30}\))?\s*[—–-]{1,2}\s+"
    ),
    byline=re.compile(r"^\s*(?:By|Written by|Reporting by)\s+(?P<author>[A-Z].{1,60})$"),
    # not "was", "will" (German, Dutch), "her" (Danish, Norwegian): those only as shared words
    function_words=frozenset(
        {"the", "and", "who", "with", "from", "its", "has", "have", "after", "are", "his",
         "their", "which", "were", "been", "that", "this", "said", "says"}
    ),
    shared_function_words=frozenset(
        {"is", "an", "in", "at", "a", "to", "on", "as", "for", "by", "of", "was", "will", "her"}
    ),
    sections=frozenset(
        {"World", "Politics", "Business", "National", "Society", "Opinion", "Sports", "Life",
         "Asia", "Asia-Pacific", "Diplomacy", "Crime", "Economy", "Technology", "News"}
    ),
)  # fmt: skip
