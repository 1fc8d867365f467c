"""The API, the event page and the events export carry the words each source was read from (#13):
the trigger where the rule read it when its word is written twice, and the named sides."""

from __future__ import annotations

import html as html_lib
import json
import re
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from tests.views.test_event_spans import REPORTS, store_reports


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[TestClient, dict[str, int]]]:
    from newsloom.serve.api import create_app

    path = tmp_path_factory.mktemp("spans") / "spans.db"
    ids = store_reports(path)
    with TestClient(create_app(str(path))) as client:
        yield client, ids


def _second(sentence: str, word: str) -> int:
    return sentence.index(word, sentence.index(word) + 1)


@pytest.mark.parametrize(("lang", "text", "word", "day"), REPORTS)
def test_the_api_json_carries_the_spans(
    served: tuple[TestClient, dict[str, int]], lang: str, text: str, word: str, day: str
) -> None:
    client, ids = served
    event = client.get(f"/api/events/{ids[lang]}").json()
    (source,) = event["sources"]
    assert source["spans_from"] == "recorded"
    at = _second(source["sentence"], word)
    assert {"kind": "trigger", "start": at, "end": at + len(word), "text": word} in source["spans"]
    kinds = {(s["kind"], s["text"]) for s in source["spans"]}
    assert ("source", "Bùi Thanh Sơn") in kinds and ("target", "Ghada Waly") in kinds
    for span in source["spans"]:
        assert source["sentence"][span["start"] : span["end"]] == span["text"]


def test_the_schema_documents_the_spans(served: tuple[TestClient, dict[str, int]]) -> None:
    client, _ = served
    schemas = client.get("/openapi.json").json()["components"]["schemas"]
    assert {"spans", "spans_from"} <= set(schemas["EventSource"]["properties"])
    assert {"kind", "start", "end", "text"} <= set(schemas["EvidenceWords"]["properties"])


def test_the_event_page_marks_the_second_tiep(served: tuple[TestClient, dict[str, int]]) -> None:
    client, ids = served
    page = client.get(f"/events/{ids['vi']}", headers={"accept": "text/html"}).text
    quote = re.search(r'<blockquote class="evidence"[^>]*>\s*<p>(.*?)</p>', page, re.S)
    assert quote, page[:2000]
    marked = re.findall(r'<mark class="ev-(\w+)"[^>]*>([^<]*)</mark>', quote.group(1))
    assert ("trigger", "tiếp") in marked and ("source", "Bùi Thanh Sơn") in marked
    before = html_lib.unescape(re.sub(r"<[^>]+>", "", quote.group(1).split('<mark class="ev-trigger"')[0]))
    assert before.endswith("Phó Thủ tướng Bùi Thanh Sơn đã ") and "tiếp tục" in before


def test_the_events_export_carries_the_spans(served: tuple[TestClient, dict[str, int]]) -> None:
    client, ids = served
    lines = client.get("/api/export", params={"what": "events", "format": "jsonl"}).text.splitlines()
    records = {r["id"]: r for r in map(json.loads, lines)}
    (source,) = records[ids["id"]]["sources"]
    at = _second(source["sentence"], "menerima")
    assert {"kind": "trigger", "start": at, "end": at + len("menerima"), "text": "menerima"} in source[
        "spans"
    ]
