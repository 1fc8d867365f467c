"""Publication dates of real web pages: newsloom's HTML reader against htmldate alone, same run.

    python bench/reader_dates.py [--htmldate-repo /work/.mirror/adbar+htmldate/repo] [--set mediacloud]

Data: the date-annotated pages of htmldate's own evaluation (github.com/adbar/htmldate, Apache-2.0
code; the pages are publishers' web pages kept there for evaluation): ``tests/eval_mediacloud_2020.json``
with ``tests/test_set/`` (200 news pages, worldwide, Data Culture Group) or ``tests/eval_default.json``
with ``tests/cache/`` and ``tests/eval/`` (BBAW collection, mostly German). Read from the snapshot
``fetch`` brought (nothing of it is copied into this repository). Used only to measure, blind: no
rule or constant of the reader was tuned on it.

Prints, per method: pages with the right day, with a wrong day (a false date), with no date, and
the accuracy as a ratio of the htmldate baseline's. Methods: ``htmldate`` (find_date with its
extensive search, the library alone: the baseline), ``reader-before`` (markup only, then the URL:
newsloom before issue #19), ``reader`` (newsloom.ingest.html.find_published).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

SETS = {
    "mediacloud": ("tests/eval_mediacloud_2020.json", ("tests/test_set",)),
    "default": ("tests/eval_default.json", ("tests/cache", "tests/eval")),
}


def extract(repo: str, which: str, folder: Path) -> tuple[dict[str, dict[str, str]], list[Path]]:
    gold_path, page_dirs = SETS[which]
    archive = subprocess.run(
        ["git", f"--git-dir={repo}", "archive", "HEAD", gold_path, *page_dirs],
        capture_output=True,
        check=True,
    ).stdout
    subprocess.run(["tar", "-x", "-C", str(folder)], input=archive, check=True)
    gold = json.loads((folder / gold_path).read_text("utf-8"))
    return gold, [folder / d for d in page_dirs]


def read_page(dirs: list[Path], name: str) -> str | None:
    for folder in dirs:
        path = folder / name
        if path.exists():
            return path.read_bytes().decode("utf-8", "replace")
    return None


def htmldate_alone(html: str, _url: str | None) -> str | None:
    import htmldate

    return htmldate.find_date(html, original_date=True, extensive_search=True, outputformat="%Y-%m-%d")


def reader_before(html: str, url: str | None) -> str | None:
    import htmldate

    from newsloom.ingest.metadata import date_from_url

    found = htmldate.find_date(html, original_date=True, extensive_search=False, outputformat="%Y-%m-%d")
    return found or (date_from_url(url) if url else None)


def reader(html: str, url: str | None) -> str | None:
    from newsloom.ingest.html import find_published

    found = find_published(html, url)
    return found.value if found else None


METHODS: dict[str, Callable[[str, str | None], str | None]] = {
    "htmldate": htmldate_alone,
    "reader-before": reader_before,
    "reader": reader,
}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--htmldate-repo", default="/work/.mirror/adbar+htmldate/repo")
    parser.add_argument("--set", choices=sorted(SETS), default="mediacloud")
    args = parser.parse_args()
    from newsloom.ingest.html import _meta_tags

    with tempfile.TemporaryDirectory() as tmp:
        gold, dirs = extract(args.htmldate_repo, args.set, Path(tmp))
        counts = {name: Counter[str]() for name in METHODS}
        seconds = Counter[str]()
        pages = 0
        for entry in gold.values():
            html = read_page(dirs, entry["file"])
            if html is None or not entry.get("date"):
                continue
            pages += 1
            tags = _meta_tags(html)
            url = tags.get("canonical") or tags.get("og:url")  # what the reader sees: the page alone
            for name, method in METHODS.items():
                started = time.perf_counter()
                found = method(html, url)
                seconds[name] += time.perf_counter() - started
                counts[name]["right" if found == entry["date"] else "none" if found is None else "wrong"] += 1
    base = counts["htmldate"]["right"] / pages
    print(f"{args.set}: {pages} dated pages")
    print(
        f"{'method':<14} {'right':>6} {'wrong':>6} {'none':>6} {'accuracy':>9} {'vs htmldate':>12} {'ms/page':>8}"
    )
    for name, count in counts.items():
        accuracy = count["right"] / pages
        print(
            f"{name:<14} {count['right']:>6} {count['wrong']:>6} {count['none']:>6} {accuracy:>9.3f} "
            f"{accuracy / base:>12.3f} {1000 * seconds[name] / pages:>8.1f}"
        )


if __name__ == "__main__":
    main()
