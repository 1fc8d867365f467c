"""Build a public English dev gold for story clustering from the Gun Violence Archive documents of
cltl/LongTailQATask (the documents the Gun Violence Corpus, GVC, was annotated on), outside the repo.

    python bench/gvc_gold.py [--mirror /work/.mirror/cltl+LongTailQATask/repo] [--out /tmp/newsloom_gvc]

Every document reports one shooting incident (its folder is the Gun Violence Archive incident id),
so a document's story is its incident: hundreds of US shootings, all confusable by topic, told with
the same words ("police said", "was shot", "hospital"), told apart only by the place, the victims'
names, ages and numbers, and the day. The documents of the GVC *test* incidents (Bugert et al. 2021's
split, UKPLab/cdcr-beyond-corpus-tailored resources/data/gun_violence/test.csv) are never read.

The incidents with at least two documents are divided by a hash of their id into ``dev`` (measured:
``--out``/dev/stories.json with one text file per document, the blind-set layout that
``bench/stories.py --gold`` reads) and ``train`` (``--out``/train/, pairs for
``scripts/train_stories.py --gvc``). One document in two is written without its date (as in the
public corpus the project is scored on, where many reports are undated). Nothing is written into
the repository: the texts belong to their publishers.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import io
import json
import pickle
import re
import subprocess
from pathlib import Path
from typing import Any

MIRROR = Path("/work/.mirror/cltl+LongTailQATask/repo")
CORPUS = "EventRegistries/GunViolenceArchive/the_violent_corpus"
#: Bugert et al. (2021) GVC test incidents (UKPLab/cdcr-beyond-corpus-tailored test.csv): never read.
GVC_TEST_INCIDENTS = frozenset(
    [
        "577792",
        "730157",
        "695963",
        "699070",
        "725323",
        "207542",
        "696569",
        "517940",
        "548527",
        "734402",
        "403084",
        "692025",
        "721079",
        "688056",
        "453738",
        "223936",
        "648867",
        "470044",
        "561245",
        "209733",
        "683045",
        "541769",
        "370966",
        "423088",
        "702958",
        "728026",
        "314763",
        "723429",
        "508327",
        "621109",
        "490954",
        "226600",
        "682959",
        "443803",
    ]
)
#: A document shorter than this (in characters, after cleaning) is a stub page and left out.
MIN_CHARS = 400
#: Of the incidents with 2+ documents, those whose hash falls under this share are dev, the rest train.
DEV_SHARE = 0.25
#: The most documents per incident (the biggest incidents would otherwise dominate B-cubed).
MAX_DOCS = 6
_SPACE = re.compile(r"[ \t]+")


class NewsItem:
    """The crawler's pickled document (``classes.NewsItem``); read through a restricted unpickler."""


class _Unpickler(pickle.Unpickler):
    ALLOWED = {("classes", "NewsItem"): NewsItem, ("datetime", "date"): dt.date,
               ("datetime", "datetime"): dt.datetime}  # fmt: skip

    def find_class(self, module: str, name: str) -> Any:
        if (module, name) in self.ALLOWED:
            return self.ALLOWED[(module, name)]
        raise pickle.UnpicklingError(f"{module}.{name} is not a document field")


def share(key: str) -> float:
    return int(hashlib.sha1(key.encode()).hexdigest()[:8], 16) / 0xFFFFFFFF


def read_documents(mirror: Path) -> dict[str, list[dict[str, str]]]:
    """incident id -> its documents (id, title, date, text), GVC test incidents left out."""
    git = ["git", "-C", str(mirror)]
    listing = subprocess.run([*git, "ls-tree", "-r", "HEAD", CORPUS], capture_output=True, text=True,
                             check=True).stdout.splitlines()  # fmt: skip
    wanted = []
    for line in listing:
        meta, name = line.split("\t", 1)
        incident = name.split("/")[-2]
        if incident not in GVC_TEST_INCIDENTS and name.endswith(".json"):
            wanted.append((incident, name, meta.split()[2]))
    batch = subprocess.run([*git, "cat-file", "--batch"], input="".join(f"{o}\n" for *_, o in wanted).encode(),
                           capture_output=True, check=True).stdout  # fmt: skip
    incidents: dict[str, list[dict[str, str]]] = {}
    at = 0
    for incident, name, _ in wanted:
        end = batch.index(b"\n", at)
        size = int(batch[at:end].split()[2])
        blob = batch[end + 1 : end + 1 + size]
        at = end + 2 + size
        try:
            item = _Unpickler(io.BytesIO(blob), encoding="latin1").load()
        except Exception:  # noqa: BLE001 - a broken pickle is one document less
            continue
        text = clean(str(getattr(item, "content", "") or ""))
        if len(text) < MIN_CHARS:
            continue
        title = _SPACE.sub(" ", str(getattr(item, "title", "") or "")).split(" :: ")[0].strip()
        date = getattr(item, "dct", None)
        incidents.setdefault(incident, []).append(
            {"id": str(getattr(item, "id", name)), "title": title,
             "date": date.isoformat()[:10] if isinstance(date, dt.date) else "", "text": text}
        )  # fmt: skip
    return incidents


def clean(text: str) -> str:
    paragraphs = [_SPACE.sub(" ", p).strip() for p in re.split(r"\n\s*\n|\n", text)]
    return "\n\n".join(p for p in paragraphs if len(p) > 1)


def write_split(folder: Path, incidents: dict[str, list[dict[str, str]]]) -> int:
    folder.mkdir(parents=True, exist_ok=True)
    stories = []
    count = 0
    for incident, docs in sorted(incidents.items()):
        names = []
        for doc in sorted(docs, key=lambda d: d["id"])[:MAX_DOCS]:
            name = f"gva_{incident}_{doc['id'][:12]}.txt"
            dated = share(doc["id"]) >= 0.5 and doc["date"]
            head = f" date {doc['date']} {doc['title']}" if dated else doc["title"]
            (folder / name).write_text(f"{head}\n\n{doc['text']}\n", encoding="utf-8")
            names.append(name)
        stories.append({"id": f"gva-{incident}", "articles": names})
        count += len(names)
    (folder / "stories.json").write_text(json.dumps({"stories": stories}, indent=1), encoding="utf-8")
    return count


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--mirror", type=Path, default=MIRROR)
    parser.add_argument("--out", type=Path, default=Path("/tmp/newsloom_gvc"))
    parser.add_argument("--max-dev", type=int, default=110, help="incidents in the dev gold")
    parser.add_argument("--max-train", type=int, default=260, help="incidents for training pairs")
    args = parser.parse_args(argv)
    incidents = {k: v for k, v in read_documents(args.mirror).items() if len(v) >= 2}
    ordered = sorted(incidents, key=share)
    dev = [k for k in ordered if share("split" + k) < DEV_SHARE][: args.max_dev]
    train = [k for k in ordered if share("split" + k) >= DEV_SHARE][: args.max_train]
    n_dev = write_split(args.out / "dev", {k: incidents[k] for k in dev})
    n_train = write_split(args.out / "train", {k: incidents[k] for k in train})
    print(f"{len(incidents)} incidents with 2+ documents (GVC test incidents left out); "
          f"dev: {len(dev)} incidents, {n_dev} documents; train: {len(train)} incidents, {n_train} documents "
          f"-> {args.out}")  # fmt: skip
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
