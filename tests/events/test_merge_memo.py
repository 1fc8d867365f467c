"""The merge memos are bounded by entries and by an estimate of their bytes (issue #18, session 16:
by entries alone, 256 long articles' records could hold 256 times their size)."""

from __future__ import annotations

from newsloom.events import merge
from newsloom.events.merge import Memo


def test_the_oldest_entries_go_past_either_bound_and_one_over_the_budget_is_not_kept() -> None:
    memo = Memo(limit=3, budget=100)
    for key in "abc":
        memo.put(key, key.upper(), 10)
    memo.put("d", "D", 10)  # past the entries bound: "a" goes
    assert [k for k, _ in memo.items()] == ["b", "c", "d"] and memo.bytes == 30
    memo.put("e", "E", 85)  # past the bytes bound: "b" and "c" go
    assert [k for k, _ in memo.items()] == ["d", "e"] and memo.bytes == 95
    memo.put("d", "D2", 5)  # a key put again is replaced, not counted twice
    assert memo.get("d") == "D2" and memo.bytes == 90 and len(memo) == 2
    memo.put("huge", "H", 101)  # larger than the whole budget: not kept, nothing dropped for it
    assert memo.get("huge") is None and len(memo) == 2
    memo.clear()
    assert len(memo) == 0 and memo.bytes == 0 and memo.get("e") is None


def test_a_built_record_is_charged_by_its_length() -> None:
    merge._BUILT.clear()
    try:
        article = merge.Article(id="m1", path="m1.txt", text="Hà Nội mưa cả ngày.")
        text = __import__("json").dumps(article.to_dict(), ensure_ascii=False)
        built, _ = merge._build(text)
        assert built.text == article.text
        assert merge._BUILT.get(text) is not None
        assert merge._BUILT.bytes == merge.RECORD_BYTES_PER_CHAR * len(text)
    finally:
        merge._BUILT.clear()
