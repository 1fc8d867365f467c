"""The learned recogniser: a small spaCy pipeline per language, shipped in the package.

Trained by ``scripts/train_ner.py`` on public training files (see ``corpora.py``). It reads the
project's own tokens (``mentions.tokenize``), so spans land on the same token indexes the rules use.
A language without a shipped model has no learned recogniser; the rules alone run there.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

MODELS_DIR = Path(__file__).resolve().parent / "models"
#: Bumped when the training data, features or label convention change; recorded in each meta.json.
MODEL_VERSION = "1.0.0"
#: A language's version where its model was retrained since (vi 1.1.0: VLSP-2018 news beside PhoNER;
#: id 1.1.0: 6,000 steps on the same training split; Malay keeps id 1.0.0 as its own copy).
MODEL_VERSIONS = {"vi": "1.1.0", "id": "1.1.0"}


def model_version(language: str) -> str:
    """The version the training script records for ``language``'s model."""
    return MODEL_VERSIONS.get(language, MODEL_VERSION)


#: Sentences per model call: spaCy's products over more tokens at once than this were slower here
#: (measured 16/64/256/1024 on the bench's Vietnamese sentences: 64 the fastest).
BATCH_SIZE = 64

#: The model's labels -> the project's entity types.
LABEL_TYPES = {"PER": "person", "ORG": "organization", "LOC": "place"}


@dataclass(frozen=True, slots=True)
class Proposal:
    """A span the model proposes, as token indexes ``[start, end)``."""

    start: int
    end: int
    type: str


class LearnedRecogniser:
    """A trained spaCy NER over pre-split tokens; loaded lazily, once per process (:func:`learned_recogniser`)."""

    def __init__(self, path: Path) -> None:
        try:
            import spacy
        except ImportError as error:  # pragma: no cover - spacy is a dependency
            raise ImportError("the learned recogniser needs spaCy: run 'pip install spacy'") from error
        self.path = path
        self.nlp = spacy.load(path)
        _multiply_with_numpy(self.nlp)
        self._steps = _inference_steps(self.nlp)
        self._one_thread = _one_blas_thread()
        self.meta: dict[str, Any] = json.loads((path / "meta.json").read_text(encoding="utf-8"))

    @property
    def version(self) -> str:
        """``<language>-<version>``, recorded in each mention's ``rule`` (and so in the store)."""
        return f"{self.path.name}-{self.meta.get('version', '?')}"

    def propose(self, words: list[str]) -> list[Proposal]:
        """Person, organization and place spans over ``words`` (one sentence's tokens)."""
        if not words:
            return []
        return self.propose_many([words])[0]

    def propose_many(self, sentences: list[list[str]]) -> list[list[Proposal]]:
        """:meth:`propose` for many sentences at once (spaCy batches them). A sentence that comes again
        in the call (a credit line, a dateline, a syndicated paragraph) is read once: the model reads
        each sentence alone, so its spans there are the same."""
        from spacy.tokens import Doc

        first_of: dict[tuple[str, ...], int] = {}
        which = [first_of.setdefault(tuple(words), len(first_of)) for words in sentences]
        docs = [Doc(self.nlp.vocab, words=list(words)) for words in first_of]
        found: list[list[Proposal]] = []
        with self._one_thread():
            for first in range(0, len(docs), BATCH_SIZE):
                batch = docs[first : first + BATCH_SIZE]
                for step in self._steps:
                    step.set_annotations(batch, step.predict(batch))
                found += [
                    [
                        Proposal(e.start, e.end, LABEL_TYPES[e.label_])
                        for e in doc.ents
                        if e.label_ in LABEL_TYPES
                    ]
                    for doc in batch
                ]
        return [list(found[n]) for n in which]


def _inference_steps(nlp: Any) -> list[Any]:
    """The pipeline's components, its entity recogniser replaced by one that skips spaCy's check for
    entity labels the documents bring (a Python loop over every token of every document, as costly as
    the recogniser's own work on our sentences): ours come as bare words, the labels are the model's."""
    from spacy.pipeline import EntityRecognizer

    class KnownLabelsRecognizer(EntityRecognizer):  # type: ignore[misc]
        def _ensure_labels_are_added(self, docs: Any) -> int:
            return 0

    steps = []
    for name, component in nlp.pipeline:
        if isinstance(component, EntityRecognizer):
            component = KnownLabelsRecognizer(
                nlp.vocab, component.model, name=name, moves=component.moves, **_beam_settings(component)
            )
        steps.append(component)
    return steps


def _beam_settings(component: Any) -> dict[str, Any]:
    keys = ("update_with_oracle_cut_size", "beam_width", "beam_density", "beam_update_prob")
    return {key: component.cfg[key] for key in keys if key in component.cfg}


def _multiply_with_numpy(nlp: Any) -> None:
    """Let numpy's BLAS do the models' matrix products instead of thinc's bundled blis: the same
    products in float32, several times faster on the CPUs we run on (they are most of the model's time;
    the spans were compared identical on the bundled examples, SemEval texts and our held-out split)."""
    from thinc.api import NumpyOps

    ops = NumpyOps(use_blis=False)
    for _, component in nlp.pipeline:
        model = getattr(component, "model", None)
        for node in model.walk() if model is not None else ():
            node.ops = ops


def _one_blas_thread() -> Callable[[], AbstractContextManager[object]]:
    """A context in which numpy's BLAS runs on one thread. Its threads waiting on each other cost more
    than they gain on products this small (measured 2-10x slower on a busy 2-core machine), and a
    process pool already gives each core a process."""
    try:
        from threadpoolctl import ThreadpoolController  # installed with scikit-learn
    except ImportError:  # pragma: no cover - scikit-learn is a dependency
        return nullcontext
    controller = ThreadpoolController()
    return lambda: controller.limit(limits=1, user_api="blas")


def model_path(language: str | None) -> Path | None:
    """The shipped model folder of ``language``, else of a close relative its pack names (Malay -> the
    Indonesian model), if there is one."""
    if not language:
        return None
    from newsloom.lang import get_pack

    pack = get_pack(language)
    candidates = (language, *pack.close_relatives) if pack.code == language else (language,)
    for code in candidates:
        path = MODELS_DIR / code
        if (path / "meta.json").exists():
            return path
    return None


def learned_recogniser(language: str | None) -> LearnedRecogniser | None:
    """The learned recogniser of ``language``, loaded on first use; None where none is shipped."""
    path = model_path(language)
    return _load(path) if path else None


@cache
def _load(path: Path) -> LearnedRecogniser:
    return LearnedRecogniser(path)  # once per process and model folder


def shipped_languages() -> tuple[str, ...]:
    if not MODELS_DIR.exists():
        return ()
    return tuple(sorted(p.name for p in MODELS_DIR.iterdir() if (p / "meta.json").exists()))
