from newsloom.ingest.metadata import date_from_url, normalise_date


def test_date_from_url_styles() -> None:
    assert date_from_url("https://x.example/a-b-20251021201901655.htm") == "2025-10-21"
    assert date_from_url("https://x.example/2025/10/24/talks/") == "2025-10-24"
    assert date_from_url("https://x.example/article/12345") is None
    assert date_from_url("https://x.example/20251341.htm") is None  # month 13 is not a date


def test_normalise_date() -> None:
    assert normalise_date("2025-10-21T14:30:00+07:00") == "2025-10-21"
    assert normalise_date("Tue, 21 Oct 2025 10:00:00 GMT") == "2025-10-21"
    assert normalise_date("next week") is None
