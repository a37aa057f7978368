"""The books: applying and composing changes across stages (property tests)."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cleantext.model import (
    Change,
    Edit,
    FilterError,
    Flag,
    Ledger,
    Result,
    apply_changes,
    apply_edits,
    check_changes,
)

ALPHABET = "ab \nçж"


@st.composite
def text_and_changes(draw: st.DrawFn, text: str | None = None) -> tuple[str, list[Change]]:
    """A text and a random set of sorted, non-overlapping changes on it."""
    if text is None:
        text = draw(st.text(alphabet=ALPHABET, max_size=40))
    cuts = sorted(draw(st.lists(st.integers(0, len(text)), max_size=10)))
    changes: list[Change] = []
    pos = 0
    for i in range(0, len(cuts) - 1, 2):
        start, end = cuts[i], cuts[i + 1]
        if start < pos or (
            start == end and changes and changes[-1].start == changes[-1].end == start
        ):
            continue
        replacement = draw(st.text(alphabet=ALPHABET + "XY", max_size=5))
        changes.append(Change(start, end, replacement, f"r{i}"))
        pos = end
    return text, changes


@st.composite
def staged(draw: st.DrawFn) -> tuple[str, list[list[Change]]]:
    """An original text and several stages of changes, each valid on the previous output."""
    text, first = draw(text_and_changes())
    stages = [first]
    current = apply_changes(text, check_changes(text, first, "t"))
    for _ in range(draw(st.integers(0, 3))):
        _, more = draw(text_and_changes(current))
        stages.append(more)
        current = apply_changes(current, check_changes(current, more, "t"))
    return text, stages


@given(staged())
def test_books_balance_across_stages(case: tuple[str, list[list[Change]]]) -> None:
    original, stages = case
    ledger = Ledger(original)
    expected = original
    for stage in stages:
        checked = check_changes(ledger.text, stage, "t")
        expected = apply_changes(expected, checked)
        ledger.apply(checked)
        assert ledger.text == expected
        edits = ledger.edits()
        # Applying the edits to the ORIGINAL reproduces the current text.
        assert apply_edits(original, edits) == expected
        for edit in edits:
            assert 0 <= edit.start <= edit.end <= len(original)
            assert original[edit.start : edit.end] == edit.original
            assert edit.original != edit.replacement
        # Edits are sorted and do not overlap.
        for left, right in itertools.pairwise(edits):
            assert left.end <= right.start


@given(text_and_changes())
def test_single_stage_edits_are_the_changes(case: tuple[str, list[Change]]) -> None:
    text, changes = case
    checked = check_changes(text, changes, "t")
    ledger = Ledger(text)
    ledger.apply(checked)
    assert [(e.start, e.end, e.replacement, e.rule) for e in ledger.edits()] == [
        (c.start, c.end, c.replacement, c.rule) for c in checked
    ]


@given(staged())
def test_composition_equals_applying_the_composed_edits(
    case: tuple[str, list[list[Change]]],
) -> None:
    # Running stage by stage and running one stage made of the final edits agree on text and spans.
    original, stages = case
    ledger = Ledger(original)
    for stage in stages:
        ledger.apply(check_changes(ledger.text, stage, "t"))
    edits = ledger.edits()
    as_changes = [Change(e.start, e.end, e.replacement, e.rule) for e in edits]
    once = Ledger(original)
    once.apply(check_changes(original, as_changes, "t"))
    assert once.text == ledger.text
    assert [(e.start, e.end, e.original, e.replacement) for e in once.edits()] == [
        (e.start, e.end, e.original, e.replacement) for e in edits
    ]


def test_later_stage_rewriting_an_earlier_edit_merges_and_keeps_history() -> None:
    ledger = Ledger("a &amp;amp; b")
    ledger.apply([Change(2, 11, "&amp;", "entities.double")])
    ledger.apply([Change(2, 7, "&", "entities.named")])
    (edit,) = ledger.edits()
    assert (edit.start, edit.end, edit.original, edit.replacement) == (2, 11, "&amp;amp;", "&")
    assert edit.rule == "entities.named"
    assert edit.merged == ("entities.double",)


def test_a_change_that_undoes_an_earlier_one_leaves_no_edit() -> None:
    ledger = Ledger("abc")
    ledger.apply([Change(1, 2, "X", "up")])
    ledger.apply([Change(1, 2, "b", "down")])
    assert ledger.text == "abc"
    assert ledger.edits() == ()


def test_insertion_next_to_a_deletion_stays_separate() -> None:
    ledger = Ledger("aXb")
    ledger.apply([Change(1, 2, "", "drop")])
    ledger.apply([Change(1, 1, "-", "insert")])
    assert ledger.text == "a-b"
    assert [(e.start, e.end, e.replacement) for e in ledger.edits()] == [(1, 2, ""), (2, 2, "-")]


@pytest.mark.parametrize(
    "changes",
    [
        [Change(0, 3, "", "x"), Change(2, 4, "", "x")],  # overlap
        [Change(1, 1, "a", "x"), Change(1, 1, "b", "x")],  # two insertions at one point
        [Change(3, 9, "", "x")],  # out of range
        [Change(2, 1, "", "x")],  # reversed
    ],
)
def test_bad_changes_raise_naming_the_filter(changes: list[Change]) -> None:
    with pytest.raises(FilterError, match="'my-filter'"):
        check_changes("abcde", changes, "my-filter")


def test_no_op_changes_are_dropped() -> None:
    assert check_changes("abc", [Change(0, 1, "a", "x")], "f") == []


def test_result_views_and_json() -> None:
    edits = (
        Edit(0, 4, "spam", "", "boilerplate.x", "why"),
        Edit(5, 6, "\r", "\n", "whitespace.line-ending"),
    )
    result = Result("x", "spam\n\r", edits, (Flag(0, 1, "mt.x", "m", 0.5),))
    assert result.dropped == (edits[0],)
    assert result.edits_by_rule("whitespace") == (edits[1],)
    data = result.to_dict()
    assert data["edits"][0] == {
        "start": 0,
        "end": 4,
        "original": "spam",
        "replacement": "",
        "rule": "boilerplate.x",
        "reason": "why",
    }
    assert data["flags"][0]["code"] == "mt.x"
