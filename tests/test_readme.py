"""The README's library examples are run as doctests: the documentation cannot drift from the code."""

from __future__ import annotations

import doctest

from tests.conftest import ROOT


def test_readme_examples_run() -> None:
    result = doctest.testfile(str(ROOT / "README.md"), module_relative=False, optionflags=doctest.ELLIPSIS)
    assert result.attempted >= 8
    assert result.failed == 0


def test_library_docstring_examples_run() -> None:
    import newsloom
    import newsloom.api
    import newsloom.timex.resolve

    for module in (newsloom, newsloom.api, newsloom.timex.resolve):
        result = doctest.testmod(module, optionflags=doctest.ELLIPSIS)
        assert result.failed == 0, module.__name__
        assert result.attempted >= 1, f"{module.__name__} has no example in its docstrings"
