"""Public NER corpora in CoNLL columns, read from the snapshots ``fetch`` put under /work/.mirror.

Only TRAINING files are listed: held-out evaluations are drawn from the corpora's official dev and
test files, so those are never read. Our own evaluation split is carved out of the training files
(:func:`split_of`), deterministically, by a hash of the sentence. The data never enters the repository:
the training script and the evaluation read it from the mirror.
"""

from __future__ import annotations

import hashlib
import re
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

MIRROR = Path("/work/.mirror")
#: One sentence in a hundred per point: 10 points held out for evaluation, 5 for spaCy's dev scoring.
HELDOUT_PERCENT = 10
DEV_PERCENT = 5
#: Corpus tag -> our label; tags not listed (MISC, DATE, PATIENT_ID, EVT, ...) become "O".
LABELS = {
    "PER": "PER",
    "PERSON": "PER",
    "NAME": "PER",
    "PPL": "PER",
    "ORG": "ORG",
    "ORGANIZATION": "ORG",
    "ORGANISATION": "ORG",
    "IND": "ORG",
    "LOC": "LOC",
    "LOCATION": "LOC",
    "PLACE": "LOC",
    "PLC": "LOC",
}


@dataclass(frozen=True, slots=True)
class Source:
    """A training file of a public corpus inside a fetched repository."""

    name: str
    repo: str  # owner/name as fetched
    path: str  # the file inside the repository (a training file, never dev or test)
    licence: str
    separator: str | None = None  # column separator; None splits on any whitespace
    #: the corpus puts lowercase administrative words inside place spans ("huyện Yên Thành"); we do not
    strip_place_words: bool = False
    #: first words (lowercased) of places the corpus tags that we call organizations ("Bệnh viện Bạch Mai")
    organization_heads: tuple[str, ...] = ()
    #: ``conll`` (a word and its BIO tag a line) or ``enamex`` (a sentence a line, MUC-style inline tags)
    format: str = "conll"
    #: the column holding the word in a CoNLL file (WikiANN copies put a token index first)
    word_column: int = 0
    #: the commit to read the file at (a file later removed from the repository's tip)
    commit: str = "HEAD"
    #: the corpus tags only some people (PhoNER: patients); training adds silver person names
    partial_people: bool = False


#: The training sources per language. Each licence was read in the repository (README / LICENSE).
SOURCES: dict[str, tuple[Source, ...]] = {
    "en": (
        Source(
            "CoNLL-2003 English train",
            "zhangjiawei98/BARTNER",
            "data/conll2003/train.txt",
            "CoNLL-2003 annotations (free for research); Reuters RCV1 text under the NIST/Reuters research agreement",
        ),
    ),
    "id": (
        Source(
            "NERGrit train (IndoNLU)",
            "IndoNLP/indonlu",
            "dataset/nergrit_ner-grit/train_preprocess.txt",
            "IndoNLU repository, Apache-2.0",
            "\t",
        ),
        Source(
            "IDNer-news-2k train",
            "khairunnisaor/idner-news-2k",
            "train.txt",
            "MIT (khairunnisaor/idner-news-2k LICENSE)",
        ),
        Source(
            "NER-UI fold-1 train (IndoLEM)",
            "indolem/indolem",
            "ner/data/nerui/train.01.tsv",
            "IndoLEM, CC BY 4.0",
            "\t",
        ),
        Source(
            "NER-UGM fold-1 train (IndoLEM)",
            "indolem/indolem",
            "ner/data/nerugm/train.01.tsv",
            "IndoLEM, CC BY 4.0",
            "\t",
        ),
    ),
    "vi": (
        Source(
            "VLSP-2018 NER train (news)",
            "undertheseanlp/ner",
            "data/2018/train.txt",
            "VLSP-2018 NER shared task data, VLSP user agreement: research use, no redistribution; "
            "the undertheseanlp/ner copy is the official VLSP2018-NER-train-Jan14 folder, one sentence a line",
            strip_place_words=True,
            format="enamex",
            commit="f201b07261be79fee1e7a6604ae7a76f507d8f03",
        ),
        Source(
            "PhoNER_COVID19 syllable train",
            "VinAIResearch/PhoNER_COVID19",
            "data/syllable/train_syllable.conll",
            "PhoNER_COVID19 (VinAI), released for research; no redistribution of the data",
            strip_place_words=True,
            partial_people=True,
            # PhoNER tags where patients went as LOCATION; hospitals, centres, schools, offices are
            # organizations in the project (and in general-news NER)
            organization_heads=(
                "bệnh viện",
                "trung tâm",
                "viện",
                "khoa",
                "trường",
                "sở",
                "bộ",
                "cục",
                "công ty",
                "ủy ban",
                "uỷ ban",
                "ubnd",
                "phòng khám",
                "trạm y tế",
                "nhà máy",
                "ngân hàng",
                "hãng",
            ),
        ),
    ),
}


@dataclass(frozen=True, slots=True)
class Sentence:
    """A tokenised sentence with its entity spans as token ranges ``(start, end, label)``."""

    words: tuple[str, ...]
    spans: tuple[tuple[int, int, str], ...]

    @property
    def text(self) -> str:
        return " ".join(self.words)

    def char_spans(self) -> list[tuple[int, int, str]]:
        """The spans as character offsets in :attr:`text`."""
        starts, position = [], 0
        for word in self.words:
            starts.append(position)
            position += len(word) + 1
        return [(starts[a], starts[b - 1] + len(self.words[b - 1]), label) for a, b, label in self.spans]


def git_dir(repo: str) -> Path:
    return MIRROR / repo.replace("/", "+") / "repo"


def read_text(source: Source) -> str:
    """The file's text from the mirror; an error says how to fetch it when it is missing."""
    where = git_dir(source.repo)
    if not where.exists():
        raise FileNotFoundError(f"{source.name}: {where} is missing; fetch github:{source.repo} first")
    result = subprocess.run(
        ["git", f"--git-dir={where}", "show", f"{source.commit}:{source.path}"],
        capture_output=True,
        check=True,
        text=True,
    )
    return result.stdout


def spans_from_tags(tags: list[str]) -> list[tuple[int, int, str]]:
    """BIO tags -> ``(start, end, label)``, labels mapped by :data:`LABELS`; an orphan I- opens a span."""
    spans: list[tuple[int, int, str]] = []
    start, label = -1, ""
    for i, tag in enumerate([*tags, "O"]):
        prefix, _, name = tag.partition("-")
        mapped = LABELS.get(name, "") if prefix in ("B", "I") else ""
        continues = prefix == "I" and mapped == label and start >= 0
        if start >= 0 and not continues:
            spans.append((start, i, label))
            start, label = -1, ""
        if mapped and not continues:
            start, label = i, mapped
    return spans


def parse_conll(text: str, separator: str | None = None, word_column: int = 0) -> Iterator[Sentence]:
    """Sentences of a CoNLL-columns file: the word in ``word_column`` (the first), the BIO tag last."""
    words: list[str] = []
    tags: list[str] = []
    for line in [*text.splitlines(), ""]:
        columns = line.split(separator) if line.strip() else []
        if len(columns) >= 2 + word_column and columns[word_column] != "-DOCSTART-":
            words.append(columns[word_column].strip())
            tags.append(columns[-1].strip())
            continue
        if words:
            yield Sentence(tuple(words), tuple(spans_from_tags(tags)))
        words, tags = [], []


#: An ENAMEX tag as the VLSP-2018 copy spells it, spaces between the pieces.
ENAMEX_TAG = re.compile(r'<\s*ENAMEX\s+TYPE\s*=\s*"\s*(\w+)\s*"\s*>|<\s*/\s*ENAMEX\s*>')


def parse_enamex(text: str) -> Iterator[Sentence]:
    """Sentences of a MUC-style file, one sentence a line, names inside ``<ENAMEX TYPE="...">`` tags.

    Nested names keep the outermost one of a type we use (VLSP tags "Ủy ban nhân dân <LOC>tỉnh
    Quảng Ninh</LOC>" inside an organization); a line whose tags do not pair up is skipped.
    """
    for line in text.splitlines():
        words: list[str] = []
        open_tags: list[tuple[int, str]] = []
        found: list[tuple[int, int, str]] = []
        paired = True
        position = 0
        for match in ENAMEX_TAG.finditer(line):
            words += line[position : match.start()].split()
            position = match.end()
            if match.group(1):
                open_tags.append((len(words), LABELS.get(match.group(1), "")))
            elif open_tags:
                start, label = open_tags.pop()
                if label and len(words) > start:
                    found.append((start, len(words), label))
            else:
                paired = False
        words += line[position:].split()
        if not words or open_tags or not paired:
            continue
        outermost = [
            (a, b, label)
            for a, b, label in found
            if not any(c <= a and b <= d and (c, d) != (a, b) for c, d, _ in found)
        ]
        yield Sentence(tuple(words), tuple(sorted(outermost)))


def parse(text: str, source: Source) -> Iterator[Sentence]:
    """The sentences of a source's file in its format."""
    if source.format == "enamex":
        return parse_enamex(text)
    return parse_conll(text, source.separator, source.word_column)


def normalise(sentence: Sentence, source: Source) -> Sentence:
    """The source's spans in the project's convention (see :class:`Source`)."""
    if not source.strip_place_words and not source.organization_heads:
        return sentence
    spans = []
    for start, end, label in sentence.spans:
        opening = " ".join(sentence.words[start:end]).casefold()
        if label == "LOC" and any(
            opening == h or opening.startswith(h + " ") for h in source.organization_heads
        ):
            label = "ORG"
        while (
            label == "LOC"
            and source.strip_place_words
            and end - start > 1
            and sentence.words[start][:1].islower()
        ):
            start += 1
        spans.append((start, end, label))
    return Sentence(sentence.words, tuple(spans))


def split_of(sentence: Sentence) -> str:
    """``heldout``, ``dev`` or ``train``: a stable split by the hash of the sentence's text."""
    bucket = int(hashlib.sha1(sentence.text.encode("utf-8")).hexdigest()[:8], 16) % 100
    if bucket < HELDOUT_PERCENT:
        return "heldout"
    return "dev" if bucket < HELDOUT_PERCENT + DEV_PERCENT else "train"


def load_by_source(language: str, split: str) -> list[tuple[Source, list[Sentence]]]:
    """The sentences of each of ``language``'s training sources that fall in ``split``."""
    return [
        (source, [normalise(s, source) for s in parse(read_text(source), source) if split_of(s) == split])
        for source in SOURCES[language]
    ]


def load_sentences(language: str, split: str) -> list[Sentence]:
    """Every sentence of ``language``'s training sources that falls in ``split``."""
    return [s for _, sentences in load_by_source(language, split) for s in sentences]


def available(language: str) -> bool:
    return all(git_dir(source.repo).exists() for source in SOURCES.get(language, ()))
