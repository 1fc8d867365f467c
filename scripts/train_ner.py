"""Train the learned entity recogniser of a language (spaCy, small CNN) from public training files.

    nice python scripts/train_ner.py en id vi           # train, evaluate on our held-out split, ship
    python scripts/train_ner.py vi --max-steps 200      # a quick smoke run
    nice python scripts/train_ner.py fr --out /tmp/m    # French: silver data, one round of self-training

The sources are the TRAINING files listed in newsloom/entities/corpora.py (read from /work/.mirror,
where ``fetch`` put them; never copied into the repository). 10% of each training file is held out
by a hash of the sentence (our evaluation split), 5% more is spaCy's dev set for picking the best
step. Vietnamese adds silver person names: PhoNER_COVID19 annotates only patients' names, so names
of other people, which it leaves untagged, are taken from the packaged underthesea CRF where they
overlap no gold span.

Why spaCy with a CNN tok2vec: trains in minutes on two CPU cores, runs thousands of sentences a
second on one, and its weights are a few MB; hash embeddings of NORM/PREFIX/SUFFIX/SHAPE give the
word-shape and affix features a CRF would use, plus a learned context window.

French has no public training file within reach (WikiNEuRal's and WikiNER's French training files are
absent from the mirror): its model learns from silver names, the French pack's rules and gazetteer run
over the French texts of the SemEval-2022 Task 8 training pairs (../shared/data, read here, never
copied), then once more from what that first model and the rules find together (one round of
self-training). It ships only if it beats the rules on the French gold (tests/lang/fr_measure.py).

The model is written to newsloom/entities/models/<lang>/ with its sources, licences, version and
the held-out figures in meta.json.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import shlex
import shutil
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
os.environ.setdefault("OMP_NUM_THREADS", "1")

from newsloom.entities import corpora  # noqa: E402
from newsloom.entities.learned import MODELS_DIR, model_version  # noqa: E402

#: spaCy's default CNN NER, a little narrower (``--width`` 96, ``--depth`` 4) and with fewer hash rows
#: (``--rows``): small, fast. 64 wide and 2 deep (3.3 MB) held our own held-out split (en 0.891/0.912,
#: id 0.736/0.804 bare) but fell on the blind sentences (en 0.771 -> 0.676 exact): not shipped.
CONFIG = """
[paths]
train = null
dev = null

[system]
seed = 0
gpu_allocator = null

[nlp]
lang = "xx"
pipeline = ["tok2vec","ner"]
batch_size = 256

[components]

[components.tok2vec]
factory = "tok2vec"

[components.tok2vec.model]
@architectures = "spacy.Tok2Vec.v2"

[components.tok2vec.model.embed]
@architectures = "spacy.MultiHashEmbed.v2"
width = ${vars.width}
attrs = ["NORM","PREFIX","SUFFIX","SHAPE"]
rows = ${vars.rows}
include_static_vectors = false

[components.tok2vec.model.encode]
@architectures = "spacy.MaxoutWindowEncoder.v2"
width = ${vars.width}
depth = ${vars.depth}
window_size = 1
maxout_pieces = 3

[components.ner]
factory = "ner"

[components.ner.model]
@architectures = "spacy.TransitionBasedParser.v2"
state_type = "ner"
extra_state_tokens = false
hidden_width = 64
maxout_pieces = 2
use_upper = true
nO = null

[components.ner.model.tok2vec]
@architectures = "spacy.Tok2VecListener.v1"
width = ${vars.width}
upstream = "tok2vec"

[corpora]

[corpora.train]
@readers = "spacy.Corpus.v1"
path = ${paths.train}

[corpora.dev]
@readers = "spacy.Corpus.v1"
path = ${paths.dev}

[training]
dev_corpus = "corpora.dev"
train_corpus = "corpora.train"
seed = ${system.seed}
dropout = 0.15
accumulate_gradient = 1
patience = 2000
max_epochs = 0
max_steps = 6000
eval_frequency = 400
frozen_components = []
annotating_components = []
before_to_disk = null

[training.batcher]
@batchers = "spacy.batch_by_words.v1"
discard_oversize = false
tolerance = 0.2
get_length = null

[training.batcher.size]
@schedules = "compounding.v1"
start = 100
stop = 1000
compound = 1.001
t = 0.0

[training.logger]
@loggers = "spacy.ConsoleLogger.v1"
progress_bar = false

[training.optimizer]
@optimizers = "Adam.v1"
beta1 = 0.9
beta2 = 0.999
L2_is_weight_decay = true
L2 = 0.01
grad_clip = 1.0
use_averages = false
eps = 0.00000001
learn_rate = 0.001

[training.score_weights]
ents_f = 1.0
ents_p = 0.0
ents_r = 0.0
ents_per_type = null

[pretraining]

[initialize]
vectors = null
init_tok2vec = null
vocab_data = null
lookups = null
before_init = null
after_init = null

[initialize.components]

[initialize.tokenizer]
"""


def silver_people(sentence: corpora.Sentence) -> corpora.Sentence:
    """Add the underthesea CRF's person names (proper-noun words, every syllable capitalised) that
    overlap no gold span: PhoNER leaves everyone but patients untagged."""
    from underthesea import ner

    spans = list(sentence.spans)
    taken = {i for a, b, _ in spans for i in range(a, b)}
    position, start = 0, -1
    for word, pos, _chunk, tag in ner(sentence.text):
        syllables = word.split()
        if tuple(sentence.words[position : position + len(syllables)]) != tuple(syllables):
            return sentence  # the CRF re-tokenised the sentence; keep the gold only
        is_name = pos == "Np" and tag.endswith("PER") and all(s[:1].isupper() for s in syllables)
        if is_name and start < 0:
            start = position
        if not is_name and start >= 0:
            if not taken & set(range(start, position)):
                spans.append((start, position, "PER"))
            start = -1
        position += len(syllables)
    if start >= 0 and not taken & set(range(start, position)):
        spans.append((start, position, "PER"))
    return corpora.Sentence(sentence.words, tuple(sorted(spans)))


#: Rule mentions near-certain enough to be silver persons: a name right after an honorific ("ông",
#: "bà") or a title ("Chủ tịch", "Bộ trưởng"). PhoNER leaves officials' names untagged.
SILVER_PERSON_RULES = frozenset({"honorific", "title", "credit"})


def silver_titled_people(sentence: corpora.Sentence, language: str) -> corpora.Sentence:
    """Add the rules' persons named after an honorific or a title that overlap no span yet."""
    import dataclasses

    from newsloom.article import Article
    from newsloom.entities.stage import find_mentions
    from newsloom.sentences import split_sentences

    text = sentence.text
    article = Article(id="silver", path="silver", text=text, language=language)
    parts = tuple(dataclasses.replace(s, language=language) for s in split_sentences(text, language))
    article = dataclasses.replace(article, sentences=parts)
    starts, ends, position = {}, {}, 0
    for n, word in enumerate(sentence.words):
        starts[position] = n
        ends[position + len(word)] = n + 1
        position += len(word) + 1
    spans = list(sentence.spans)
    taken = {i for a, b, _ in spans for i in range(a, b)}
    for mention in find_mentions(article, "rules"):
        if mention.kind != "name" or mention.type != "person" or mention.rule not in SILVER_PERSON_RULES:
            continue
        first, last = starts.get(mention.start), ends.get(mention.end)
        if first is None or last is None or taken & set(range(first, last)):
            continue  # the rules' tokens do not fall on the corpus's words, or gold is there
        spans.append((first, last, "PER"))
        taken |= set(range(first, last))
    return corpora.Sentence(sentence.words, tuple(sorted(spans)))


#: The French texts silver training reads (SemEval-2022 Task 8 TRAINING pairs; see ../shared/data/README.md).
SILVER_TEXTS = {"fr": ROOT.parent / "shared" / "data" / "semeval2022-task8" / "train.jsonl"}
SILVER_LABELS = {"person": "PER", "organization": "ORG", "place": "LOC"}


def silver_texts(language: str) -> list[str]:
    """The distinct texts in ``language`` of the silver source, in file order."""
    path = SILVER_TEXTS[language]
    if not path.exists():
        raise FileNotFoundError(f"{path} is missing: silver training of {language!r} reads ../shared/data")
    seen: dict[str, None] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        row = json.loads(line) if line.strip() else {}
        for side in ("1", "2"):
            if row.get(f"lang{side}") == language and row.get(f"text{side}", "").strip():
                seen.setdefault(row[f"text{side}"], None)
    return list(seen)


def silver_sentences(
    language: str, texts: list[str], learned_path: Path | None = None
) -> list[corpora.Sentence]:
    """Each sentence of ``texts`` labelled by the pack's rules (``learned_path`` None) or by the stage's
    hybrid with the model at ``learned_path`` (self-training), the sentence analysed alone."""
    import dataclasses

    from newsloom.article import Article
    from newsloom.entities import stage
    from newsloom.entities.learned import LearnedRecogniser
    from newsloom.entities.mentions import Recogniser, tokenize
    from newsloom.sentences import split_sentences

    rules_only = stage.recogniser(language, "rules")
    recogniser = rules_only
    if learned_path is not None:
        recogniser = Recogniser(
            rules_only.rules,
            rules_only.gaz,
            language,
            stage.family_names(),
            None,
            LearnedRecogniser(learned_path),
        )
    found = []
    for text in texts:
        for part in split_sentences(text, language):
            toks = tokenize(part.text)
            if len(toks) < 3:
                continue
            sentence = dataclasses.replace(part, start=0, end=len(part.text), language=language)
            article = Article(
                id="silver", path="silver", text=part.text, language=language, sentences=(sentence,)
            )
            starts = {t.start: n for n, t in enumerate(toks)}
            ends = {t.end: n + 1 for n, t in enumerate(toks)}
            spans = []
            for mention in stage.find_mentions_with(article, recogniser):
                label = SILVER_LABELS.get(mention.type)
                first, last = starts.get(mention.start), ends.get(mention.end)
                if mention.kind == "name" and label and first is not None and last is not None:
                    spans.append((first, last, label))
            found.append(corpora.Sentence(tuple(t.text for t in toks), tuple(sorted(set(spans)))))
    return found


def write_docbin(sentences: list[corpora.Sentence], path: Path) -> None:
    import spacy
    from spacy.tokens import Doc, DocBin, Span

    nlp = spacy.blank("xx")
    docs = DocBin()
    for sentence in sentences:
        doc = Doc(nlp.vocab, words=list(sentence.words))
        doc.ents = [Span(doc, a, b, label=label) for a, b, label in sentence.spans]
        docs.add(doc)
    docs.to_disk(path)


@dataclass(frozen=True)
class Shape:
    """The network's size: tok2vec width and depth, hash-embedding rows of NORM/PREFIX/SUFFIX/SHAPE."""

    width: int = 96
    depth: int = 4
    rows: tuple[int, int, int, int] = (6000, 1500, 3000, 1000)

    def config(self) -> str:
        rows = "[" + ",".join(str(r) for r in self.rows) + "]"
        return (
            CONFIG.replace("${vars.width}", str(self.width))
            .replace("${vars.depth}", str(self.depth))
            .replace("${vars.rows}", rows)
        )


def gold_training(language: str) -> tuple[list[corpora.Sentence], list[corpora.Sentence]]:
    """(train, dev) sentences of ``language``'s public training files."""
    train_sentences = []
    for source, sentences in corpora.load_by_source(language, "train"):
        if source.partial_people:  # PhoNER tags patients only: add silver names of other people
            sentences = [silver_titled_people(silver_people(s), language) for s in sentences]
        train_sentences += sentences
    return train_sentences, corpora.load_sentences(language, "dev")


def train_language(
    language: str,
    work: Path,
    max_steps: int,
    shape: Shape = Shape(),
    data: tuple[list[corpora.Sentence], list[corpora.Sentence]] | None = None,
) -> Path:
    """Train on ``data`` (train, dev), by default the language's public training files."""
    from spacy.cli.init_config import fill_config
    from spacy.cli.train import train

    train_sentences, dev_sentences = data if data is not None else gold_training(language)
    print(f"[{language}] train {len(train_sentences)} sentences, dev {len(dev_sentences)}", flush=True)
    write_docbin(train_sentences, work / "train.spacy")
    write_docbin(dev_sentences, work / "dev.spacy")
    (work / "base.cfg").write_text(shape.config(), encoding="utf-8")
    fill_config(work / "config.cfg", work / "base.cfg", silent=True)  # spaCy's defaults for the rest
    train(
        work / "config.cfg",
        work / "out",
        overrides={
            "paths.train": str(work / "train.spacy"),
            "paths.dev": str(work / "dev.spacy"),
            "training.max_steps": max_steps,
        },
    )
    return work / "out" / "model-best"


def train_silver(language: str, args: argparse.Namespace, shape: Shape) -> Path:
    """Rules' silver names -> a first model; that model with the rules relabels -> the second model."""
    texts = silver_texts(language)
    root = args.work / language if args.work else Path(tempfile.mkdtemp(prefix=f"newsloom_ner_{language}_"))
    trained: Path | None = None
    for round_ in ("rules", "self"):
        sentences = silver_sentences(language, texts, trained)
        train = [s for s in sentences if corpora.split_of(s) == "train"]
        dev = [s for s in sentences if corpora.split_of(s) == "dev"]
        names = sum(len(s.spans) for s in train)
        print(f"[{language}] {round_} round: {len(train)} train sentences ({names} names), {len(dev)} dev")
        work = root / round_
        work.mkdir(parents=True, exist_ok=True)
        trained = train_language(language, work, args.max_steps, shape, (train, dev))
    assert trained is not None
    return trained


def ship(
    language: str, trained: Path, figures: dict[str, object], command: str, models_dir: Path = MODELS_DIR
) -> Path:
    """Copy the trained pipeline into the package (or ``models_dir``) with its provenance in meta.json."""
    target = models_dir / language
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(trained, target)
    meta_path = target / "meta.json"
    meta = json.loads(meta_path.read_text(encoding="utf-8"))
    meta.update(
        {
            "name": f"newsloom_ner_{language}",
            "version": model_version(language),
            "lang": "xx",
            "description": f"newsloom's learned recogniser of person/organization/place names ({language})",
            "sources": [
                {"name": s.name, "repository": f"github:{s.repo}", "file": s.path, "licence": s.licence}
                for s in corpora.SOURCES.get(language, ())
            ]
            or [
                {
                    "name": "silver: the pack's rules over SemEval-2022 Task 8 training texts, then self-training"
                }
            ],
            "split": f"sha1(sentence) % 100: <{corpora.HELDOUT_PERCENT} held out, "
            f"<{corpora.HELDOUT_PERCENT + corpora.DEV_PERCENT} dev, rest train",
            "trained": dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%MZ"),
            "command": command,
            "heldout": figures,
        }
    )
    meta.pop("performance", None)
    meta_path.write_text(json.dumps(meta, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return target


#: A common word: written lower case at least this often in the training split ...
COMMON_MIN_LOWER = 5
#: ... and this many times as often as it is capitalised inside a name.
COMMON_RATIO = 10


def common_words(language: str) -> list[str]:
    """Lower-case words of the language's training split that are almost never (part of) a name
    (``EntityRules.common_words``): not the first word of a sentence, letters only, 3 or more."""
    from collections import Counter

    lower: Counter[str] = Counter()
    tagged: Counter[str] = Counter()
    for sentence in corpora.load_sentences(language, "train"):
        inside = {i for start, end, _ in sentence.spans for i in range(start, end)}
        for i, word in enumerate(sentence.words):
            if i > 0 and word.isalpha() and word.islower() and len(word) >= 3:
                lower[word] += 1
            if i in inside and word[:1].isupper():
                tagged[word.casefold()] += 1
    return sorted(w for w, n in lower.items() if n >= COMMON_MIN_LOWER and n >= COMMON_RATIO * tagged[w])


def write_common_words(language: str) -> Path:
    from newsloom.lang import get_pack

    path = ROOT / "newsloom" / "lang" / get_pack(language).code / "common_words.txt"
    header = (
        f"# Lower-case words of {get_pack(language).name} running text that are almost never (part of) a name: each is written\n"
        f"# lower case at least {COMMON_MIN_LOWER} times, and at least {COMMON_RATIO} times as often as it is capitalised inside a name, in the\n"
        f"# TRAINING split of the {get_pack(language).name} NER files (newsloom/entities/corpora.py).\n"
        f"# Built by: python scripts/train_ner.py {language} --common-words\n"
    )
    path.write_text(header + "\n".join(common_words(language)) + "\n", encoding="utf-8")
    return path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("languages", nargs="+", choices=sorted({*corpora.SOURCES, *SILVER_TEXTS}))
    parser.add_argument("--max-steps", type=int, default=6000)
    parser.add_argument("--work", type=Path, default=None, help="scratch folder (default: a temp dir)")
    parser.add_argument("--width", type=int, default=Shape.width, help="tok2vec width")
    parser.add_argument("--depth", type=int, default=Shape.depth, help="tok2vec convolution layers")
    parser.add_argument(
        "--rows", default=",".join(map(str, Shape.rows)), help="hash rows of NORM,PREFIX,SUFFIX,SHAPE"
    )
    parser.add_argument(
        "--out", type=Path, default=MODELS_DIR, help="where the model folder goes (default: the package)"
    )
    parser.add_argument(
        "--common-words",
        action="store_true",
        help="write the pack's common_words.txt from the training split instead",
    )
    args = parser.parse_args(argv)
    if args.common_words:
        for language in args.languages:
            print(f"[{language}] wrote {write_common_words(language)}")
        return 0
    rows = tuple(int(r) for r in args.rows.split(","))
    if len(rows) != 4:
        parser.error(f"--rows takes four numbers (NORM,PREFIX,SUFFIX,SHAPE), got {args.rows!r}")
    shape = Shape(args.width, args.depth, (rows[0], rows[1], rows[2], rows[3]))
    command = "python scripts/train_ner.py " + shlex.join(argv if argv is not None else sys.argv[1:])

    from newsloom.entities.evaluate import evaluate_model

    for language in args.languages:
        if language in SILVER_TEXTS:
            trained = train_silver(language, args, shape)
            figures = {"silver": True}
            target = ship(language, trained, figures, command, args.out)
            size = sum(p.stat().st_size for p in target.rglob("*") if p.is_file())
            print(f"[{language}] silver model at {target} ({size / 1e6:.1f} MB)", flush=True)
            continue
        if not corpora.available(language):
            print(f"[{language}] skipped: fetch the repositories of {corpora.SOURCES[language]}")
            continue
        work = (
            args.work / language if args.work else Path(tempfile.mkdtemp(prefix=f"newsloom_ner_{language}_"))
        )
        work.mkdir(parents=True, exist_ok=True)
        trained = train_language(language, work, args.max_steps, shape)
        figures = evaluate_model(language, trained)
        target = ship(language, trained, figures, command, args.out)
        size = sum(p.stat().st_size for p in target.rglob("*") if p.is_file())
        print(f"[{language}] shipped {target} ({size / 1e6:.1f} MB): {json.dumps(figures)}", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
