"""Public NER corpora in CoNLL columns, read from the snapshots ``fetch`` put under /work/.mirror.

Only TRAINING files are listed: held-out evaluations are drawn from the corpora's official dev and
test files, so those are never read. Our own evaluation split is carved out of the training files
(:func:`split_of`), deterministically, by a hash of the sentence. The data never enters the repository:
the training script and the evaluation read it from the mirror.
"""

from __future__ import annotations

import hashlib
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
            "PhoNER_COVID19 syllable train",
            "VinAIResearch/PhoNER_COVID19",
            "data/syllable/train_syllable.conll",
            "PhoNER_COVID19 (VinAI), released for research; no redistribution of the data",
            strip_place_words=True,
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
        ["git", f"--git-dir={where}", "show", f"HEAD:{source.path}"],
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


def parse_conll(text: str, separator: str | None = None) -> Iterator[Sentence]:
    """Sentences of a CoNLL-columns file: the first column is the word, the last the BIO tag."""
    words: list[str] = []
    tags: list[str] = []
    for line in [*text.splitlines(), ""]:
        columns = line.split(separator) if line.strip() else []
        if len(columns) >= 2 and columns[0] != "-DOCSTART-":
            words.append(columns[0].strip())
            tags.append(columns[-1].strip())
            continue
        if words:
            yield Sentence(tuple(words), tuple(spans_from_tags(tags)))
        words, tags = [], []


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


def load_sentences(language: str, split: str) -> list[Sentence]:
    """Every sentence of ``language``'s training sources that falls in ``split``."""
    found: list[Sentence] = []
    for source in SOURCES[language]:
        sentences = parse_conll(read_text(source), source.separator)
        found += [normalise(s, source) for s in sentences if split_of(s) == split]
    return found


def available(language: str) -> bool:
    return all(git_dir(source.repo).exists() for source in SOURCES.get(language, ()))
