"""Malay: a small pack so Indonesian is told apart from it (no extraction rules of its own yet)."""

from newsloom.lang.base import LanguagePack

PACK = LanguagePack(
    code="ms",
    name="Malay",
    lingua="MALAY",
    close_relatives=("id",),
    # Malaysian spellings and words where Indonesian differs
    distinctive_words=frozenset(
        {"bahawa", "kerana", "iaitu", "sahaja", "polis", "semalam", "mahkamah", "wang", "kerajaan", "boleh",
         "kenyataan", "encik", "puan", "ringgit", "semasa", "hendaklah", "dadah", "kenderaan", "jumaat"}
    ),
)  # fmt: skip
