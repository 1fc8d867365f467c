"""The network and map routes: JSON, the SVG pages linking to events, CSV downloads, bad parameters."""

from __future__ import annotations

import csv
import io
import re

from fastapi.testclient import TestClient

HTML = {"accept": "text/html"}


def test_network_json_and_page_agree(client: TestClient) -> None:
    body = client.get("/api/network").json()
    assert body["edges"] and body["nodes"]
    names = {(e["source_name"], e["target_name"]) for e in body["edges"]}
    assert any({"Bùi Thanh Sơn", "Ghada Waly"} == set(pair) for pair in names)
    page = client.get("/network", headers=HTML).text
    assert page.count("<circle") == len(body["nodes"])
    assert page.count('class="edge"') == len(body["edges"])
    linked = {int(i) for i in re.findall(r'href="/events/(\d+)"', page)}
    assert linked == {i for e in body["edges"] for i in e["event_ids"]}
    assert 'href="/api/network.csv"' in page


def test_network_csv_download(client: TestClient) -> None:
    download = client.get("/api/network.csv", params={"type": "consult"})
    assert download.status_code == 200 and download.headers["content-type"].startswith("text/csv")
    assert "attachment" in download.headers["content-disposition"]
    rows = list(csv.DictReader(io.StringIO(download.text)))
    assert rows and all(r["types"].startswith("CONSULT:") for r in rows)
    page = client.get("/network", params={"type": "CONSULT", "date_from": "2025-10-01"}, headers=HTML).text
    assert "/api/network.csv?date_from=2025-10-01&amp;type=CONSULT" in page


def test_map_json_page_and_csv(client: TestClient) -> None:
    body = client.get("/api/map").json()
    assert body["points"][0]["place"] == "Hanoi" and body["placed"] >= body["points"][0]["events"]
    page = client.get("/map", headers=HTML).text
    assert page.count('class="spot"') == len(body["points"])
    assert '<path class="land" d="M' in page
    assert {int(i) for i in re.findall(r'href="/events/(\d+)"', page)} == {
        i for p in body["points"] for i in p["event_ids"]
    }
    rows = list(csv.DictReader(io.StringIO(client.get("/api/map.csv").text)))
    assert [r["place"] for r in rows] == [p["place"] for p in body["points"]]


def test_network_and_map_refuse_bad_parameters(client: TestClient) -> None:
    for path in ("/api/network", "/api/map", "/network", "/map"):
        swapped = client.get(path, params={"date_from": "2025-11-01", "date_to": "2025-10-01"}, headers=HTML)
        assert swapped.status_code == 422 and "swap" in swapped.text
        assert client.get(path, params={"since": "2025-10-01"}, headers=HTML).status_code == 422
    assert client.get("/api/network", params={"limit": 0}).status_code == 422


def test_empty_period_says_so(client: TestClient) -> None:
    assert client.get("/api/network", params={"date_from": "2999-01-01"}).json()["edges"] == []
    page = client.get("/network", params={"date_from": "2999-01-01"}, headers=HTML).text
    assert "No events with two actors in this period." in page and "<circle" not in page
    page = client.get("/map", params={"date_from": "2999-01-01"}, headers=HTML).text
    assert "No event in this period has a known place." in page and 'class="spot"' not in page
