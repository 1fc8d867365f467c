"""Indonesian (Bahasa Indonesia)."""

import re

from newsloom.lang.base import LanguagePack

PACK = LanguagePack(
    code="id",
    name="Indonesian",
    lingua="INDONESIAN",
    abbreviations=frozenset({"Dr", "Ir", "H", "Hj", "Prof", "drg", "dr", "No", "Jl", "Sdr", "Bpk", "M", "S.H", "dkk"}),
    boilerplate={
        "caption": (re.compile(r"(?:^|[.\s(])(?:Foto|Gambar)\s*(?:\d+\.?|:\s*\S.{0,60})\s*$", re.I),),
        "counter": (re.compile(r"^\s*Komentar\s*\(\d+\)\s*$", re.I),),
        "source_line": (re.compile(r"^\s*Sumber\s*:\s*\S+.*$", re.I),),
        "related": (re.compile(r"^\s*(?:Baca juga|Berita terkait|Simak juga)\s*:?.*$", re.I),),
        "editor": (re.compile(r"^\s*(?:Editor|Penulis|Pewarta|Reporter)\s*:\s*.{2,60}$", re.I),),
    },
    # "JAKARTA, KOMPAS.com -", "Jakarta (ANTARA) -"
    dateline=re.compile(
        r"^\s*(?P<place>[A-Z][A-Za-z .]{1,30}?)\s*(?:,\s*(?P<outlet>[A-Za-z.]{2,20})|\((?P<agency>[^)]{1,30})\))\s*[—–-]{1,2}\s+"
    ),
    byline=re.compile(r"^\s*(?:Oleh|Penulis|Laporan)\s*:?\s+(?P<author>[A-Z].{1,60})$"),
    close_relatives=("ms",),
    # Indonesian spellings and words where Malay differs (bahwa/bahawa, karena/kerana, polisi/polis, ...)
    distinctive_words=frozenset(
        {"bahwa", "karena", "yaitu", "saja", "polisi", "kemarin", "pengadilan", "uang", "bandara", "sekjen",
         "pekan", "tanggal", "bisa", "kantor", "narkoba", "pernyataan", "menkumham", "kapolri", "jumat"}
    ),
    # words of Indonesian (and Malay) no other Latin-script pack language has, then ones it shares
    # with other languages ("di" Italian, "dan" an English name lowercased): half the weight
    function_words=frozenset(
        {"yang", "dengan", "untuk", "pada", "adalah", "ini", "itu", "tidak", "akan", "oleh", "dalam",
         "juga", "telah", "sudah", "merupakan", "menjadi", "lahir", "tersebut", "bahwa", "karena",
         "atau", "sebagai", "kepada", "bagi", "serta", "setelah", "sejak", "tahun", "antara", "dari",
         "putra", "putri", "kota", "sebuah", "seorang", "dia", "mereka", "kata"}
    ),
    shared_function_words=frozenset({"di", "dan", "ke", "saat"}),
    sections=frozenset(
        {"Nasional", "Internasional", "Dunia", "Politik", "Ekonomi", "Hukum", "Olahraga", "Berita",
         "Megapolitan", "Regional", "Teknologi", "Kriminal"}
    ),
)  # fmt: skip
