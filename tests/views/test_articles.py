"""The article page's marked body: mentions and time expressions with a title a person can read."""

from __future__ import annotations

from newsloom.views.articles import marked_paragraphs


def test_a_time_expression_left_unresolved_says_so_not_none() -> None:
    # an article without a publication date: "Monday" cannot be dated, the tooltip said "day: None"
    record = {
        "text": "The EU imposed sanctions on Monday.\nOn 2025-10-21 they met.",
        "mentions": [],
        "times": [
            {"start": 28, "end": 34, "precision": "day", "value": None},
            {"start": 39, "end": 49, "precision": "day", "value": "2025-10-21"},
        ],
    }
    titles = [
        span.title for paragraph in marked_paragraphs(record) for span in paragraph if span.kind == "time"
    ]
    assert titles == ["day: not dated (no publication date or reference to count from)", "day: 2025-10-21"]
