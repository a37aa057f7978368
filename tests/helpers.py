"""Helpers every filter's tests use: run one filter, check the books, load the test data."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

from cleantext import Pipeline, Result, apply_edits
from cleantext.filters.base import Filter

DATA = Path(__file__).parent / "data"


def run_filter(flt: Filter | str, text: str) -> Result:
    """Run a pipeline of just ``flt`` and check that its books balance."""
    result = Pipeline([flt]).run(text)
    assert_books_balance(result)
    return result


def assert_books_balance(result: Result) -> None:
    """Edits applied to the input give the output; every span is in range and sorted."""
    assert apply_edits(result.original, result.edits) == result.text
    previous_end = 0
    for edit in result.edits:
        assert previous_end <= edit.start <= edit.end <= len(result.original)
        assert result.original[edit.start : edit.end] == edit.original
        previous_end = edit.end
    for flag in result.flags:
        assert 0 <= flag.start <= flag.end <= len(result.text)


def assert_idempotent(flt: Filter | str, text: str) -> str:
    """``f(f(x)) == f(x)``; returns ``f(x)``."""
    once = run_filter(flt, text).text
    twice = run_filter(flt, once)
    assert twice.text == once, (once, twice.edits)
    return once


def ntrex_documents() -> Iterator[dict[str, str]]:
    """The clean multilingual NTREX-128 subset: records with ``id``, ``lang`` and ``text``."""
    with (DATA / "ntrex128" / "ntrex128.jsonl").open(encoding="utf-8") as handle:
        for line in handle:
            yield json.loads(line)
