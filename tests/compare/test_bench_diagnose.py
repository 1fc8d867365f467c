"""bench/compare.py --diagnose: text openings shared by many pairs (page furniture, error pages)."""

from __future__ import annotations

from bench.compare import repeated_openings


def _pair(text1: str, text2: str) -> dict[str, str]:
    return {"text1": text1, "text2": text2}


def test_an_opening_shared_by_three_pairs_is_reported_with_its_pairs() -> None:
    chrome = "Support us - donate to the site\n\nMain page | About | Contact\n"
    pairs = [
        _pair(chrome + "menu one", "Floods closed the northern highway on Monday, officials said."),
        _pair("Parliament passed the budget after a night of debate.", chrome + "menu two"),
        _pair(chrome, "A new bridge opened over the river on Sunday."),
        _pair("The central bank held its rate at 5 percent.", "Storms cut power to 10,000 homes."),
    ]
    found = repeated_openings(pairs)
    assert list(found.values()) == [[0, 1, 2]]
    assert next(iter(found)).startswith("Support us - donate to the site Main")


def test_openings_shared_by_fewer_pairs_are_not_reported() -> None:
    pairs = [
        _pair(
            "The same report opens both texts of this pair.", "The same report opens both texts of this pair."
        ),
        _pair("Another story about the harbour strike in the port.", "A third story on the weather."),
    ]
    assert repeated_openings(pairs) == {}
