"""classify_line's one-search filter (issue #18) answers as every pack's line pattern tried in turn."""

from __future__ import annotations

from newsloom.ingest.boilerplate import classify_line
from newsloom.lang import boilerplate_patterns
from tests.conftest import EXAMPLES

LINES = [
    "Comments (12)", "  bình luận (3)", "Photo: Reuters", "Hai bên hội đàm - Ảnh 1.", "Ảnh: HỮU HƯNG",
    "Source: https://example.org/a", "Baca juga: Menteri bertemu delegasi", "Xem thêm: tin liên quan",
    "Publié le 21 octobre 2025 à 10h", "Temps de lecture : 3 min", "Editor: Budi Santoso",
    "Lire aussi", "READ MORE: http://x.y", "The minister met the delegation in Hanoi.", "",
]  # fmt: skip


def every_pattern(line: str) -> str | None:
    for kind, patterns in boilerplate_patterns().items():
        if any(p.search(line) for p in patterns):
            return kind
    return None


def test_the_filter_changes_no_answer() -> None:
    lines = LINES + [
        line.strip()
        for path in sorted(EXAMPLES.rglob("*"))
        if path.is_file()
        for line in path.read_text(encoding="utf-8", errors="replace").splitlines()
    ]
    found = [classify_line(line) for line in lines]
    assert found == [every_pattern(line) for line in lines]
    assert sum(kind is not None for kind in found) >= 10  # boilerplate lines were among them
