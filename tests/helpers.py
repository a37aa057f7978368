"""Helpers every filter's tests use: run one filter, check the books, load the test data."""

from __future__ import annotations

import json
import re
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


def noharm_documents() -> Iterator[dict[str, str]]:
    """The do-no-harm corpus beyond news (tests/data/noharm): ``id``, ``lang``, ``script``,
    ``domain``, ``source`` and ``text`` per record."""
    with (DATA / "noharm" / "noharm.jsonl").open(encoding="utf-8") as handle:
        for line in handle:
            yield json.loads(line)


def noharm_allowed() -> list[dict[str, str]]:
    """Source defects of the do-no-harm corpus that a filter may repair (noharm/allow.json)."""
    data: list[dict[str, str]] = json.loads(
        (DATA / "noharm" / "allow.json").read_text(encoding="utf-8")
    )
    return data


#: Sentence-final marks: . ! ? and their full-width forms, the Devanagari danda and double danda,
#: the Arabic question mark and Urdu full stop, the Ethiopic full stop, Khmer khan, Myanmar section
#: mark, Armenian full stop and Tibetan shad. A mark ends a sentence when white space or the end
#: of the line follows it (so "3.5", "e.g.," and "file.txt" do not count).
_SENTENCE_END_RE = re.compile(
    r"[.!?\u3002\uff01\uff1f\u0964\u0965\u061f\u06d4\u1362\u17d4\u104b\u0589\u0f0d](?=\s|$)"
)


def count_sentences(text: str) -> int:
    """Sentences, counted simply, line by line: the sentence-final marks of a non-blank line, plus
    one when the line does not end with such a mark (a heading, a list item, a Thai line without
    marks, a message without a full stop count one each)."""
    total = 0
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped:
            marks = len(_SENTENCE_END_RE.findall(stripped))
            total += marks + (0 if _SENTENCE_END_RE.search(stripped[-1]) else 1)
    return total
