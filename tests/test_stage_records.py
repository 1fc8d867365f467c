"""The per-article stages give the same records as before a speed change (#18).

The bundled examples go through language, sentences, entities, times and events (the real models);
each article's fields are serialised and hashed, and the hashes are compared with
``tests/fixtures/stage_records.json``, written from the code before the speed work began. A change
of any field of any mention, time, event or sentence fails and names the article and the field.

A change that is meant to change the records rewrites the fixture, and says so in its commit:

    PYTHONPATH=. python -m tests.test_stage_records --write
"""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path
from typing import Any

import pytest

from newsloom.article import Article
from newsloom.ingest import read_path
from newsloom.serialize import to_dict

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
FIXTURE = ROOT / "tests" / "fixtures" / "stage_records.json"
#: Every per-article stage but the embed stage (its vectors are the encoder's, not the rules').
STAGES = ("language", "sentences", "entities", "times", "events")
FIELDS = ("language", "language_confidence", "sentences", "entities", "times", "events")
#: Confidences are rounded: the encoder's last bits may move with its thread count.
DIGITS = 4


def _rounded(value: Any) -> Any:
    if isinstance(value, float):
        return round(value, DIGITS)
    if isinstance(value, list):
        return [_rounded(v) for v in value]
    if isinstance(value, dict):
        return {k: _rounded(v) for k, v in value.items()}
    return value


def field_digests(article: Article) -> dict[str, str]:
    """One short hash per record field of ``article``."""
    out = {}
    for name in FIELDS:
        data = json.dumps(_rounded(to_dict(getattr(article, name))), sort_keys=True, ensure_ascii=False)
        out[name] = hashlib.sha256(data.encode("utf-8")).hexdigest()[:16]
    return out


def example_records() -> dict[str, dict[str, str]]:
    """Each bundled example's field hashes, by its path relative to the repository."""
    from newsloom.pipeline import Pipeline

    articles = [a for a in read_path(str(EXAMPLES)) if isinstance(a, Article)]
    done = Pipeline(STAGES).run_batch(articles)
    return {str(Path(a.path).relative_to(ROOT)) if a.path.startswith(str(ROOT)) else a.path: field_digests(a)
            for a in done}  # fmt: skip


def test_the_stages_give_the_records_they_gave_before() -> None:
    expected = json.loads(FIXTURE.read_text(encoding="utf-8"))
    found = example_records()
    assert sorted(found) == sorted(expected), "the examples changed: rewrite the fixture (module docstring)"
    changed = [f"{path}: {name}" for path, fields in expected.items() for name, digest in fields.items()
               if found[path][name] != digest]  # fmt: skip
    assert not changed, f"records changed against {FIXTURE.name} ({len(changed)}): {changed[:20]}"


def test_a_changed_field_changes_its_digest() -> None:
    article = Article(id="a", path="p", text="Hà Nội, 21/10.", language="vi", language_confidence=0.91234)
    other = Article(id="a", path="p", text="Hà Nội, 21/10.", language="vi", language_confidence=0.9)
    first, second = field_digests(article), field_digests(other)
    assert first["language"] == second["language"]
    assert first["language_confidence"] != second["language_confidence"]


if __name__ == "__main__":
    if "--write" not in sys.argv[1:]:
        pytest.exit("usage: python -m tests.test_stage_records --write")
    FIXTURE.write_text(json.dumps(example_records(), indent=1, sort_keys=True) + "\n", encoding="utf-8")
    print(f"wrote {FIXTURE}")
