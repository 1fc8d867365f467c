"""The trends route: JSON, the page with its SVG charts, and the CSV download beside them."""

from __future__ import annotations

import csv
import io

from fastapi.testclient import TestClient

from newsloom.views.trends import week_of


def test_trends_json_page_and_csv_agree(client: TestClient) -> None:
    body = client.get("/api/trends").json()
    assert body["weeks"] and body["types"] and body["countries"]
    page = client.get("/trends", headers={"accept": "text/html"}).text
    assert page.count("<svg") >= len(body["types"][:8]) + len(body["countries"][:8])
    assert 'href="/api/trends.csv"' in page
    download = client.get("/api/trends.csv")
    assert download.status_code == 200 and download.headers["content-type"].startswith("text/csv")
    assert "attachment" in download.headers["content-disposition"]
    rows = list(csv.DictReader(io.StringIO(download.text)))
    total = sum(int(r["count"]) for r in rows if r["dimension"] == "type")
    assert total == sum(s["total"] for s in body["types"])


def test_trends_take_a_date_range(client: TestClient) -> None:
    assert client.get("/api/trends", params={"date_from": "2999-01-01"}).json()["weeks"] == []
    assert (
        client.get("/api/trends", params={"date_from": "2025-02-01", "date_to": "2025-01-01"}).status_code
        == 422
    )
    page = client.get("/trends", params={"date_from": "2025-10-01"}, headers={"accept": "text/html"}).text
    assert "/api/trends.csv?date_from=2025-10-01" in page


def test_events_dated_far_from_the_articles_are_counted_apart_with_a_link_to_every_date(
    client: TestClient,
) -> None:
    body = client.get("/api/trends").json()
    every = client.get("/api/trends", params={"all_dates": "true"}).json()
    assert body["window_from"] and body["window_to"] and every["window_from"] is None
    assert sum(s["total"] for s in every["types"]) == sum(s["total"] for s in body["types"]) + body["outside"]
    assert all(week_of(body["window_from"]) <= week <= body["window_to"] for week in body["weeks"])
    page = client.get("/trends", headers={"accept": "text/html"}).text
    if body["outside"]:  # the examples recall the relations established in 1993
        assert "/trends?all_dates=true" in page and "not drawn" in page
    whole = client.get("/trends", params={"all_dates": "true"}, headers={"accept": "text/html"}).text
    assert "not drawn" not in whole and "/api/trends.csv?all_dates=true" in whole
    rows = list(csv.DictReader(io.StringIO(client.get("/api/trends.csv", params={"all_dates": "true"}).text)))
    assert sum(int(r["count"]) for r in rows if r["dimension"] == "type") == sum(
        s["total"] for s in every["types"]
    )
