"""Lines, paragraphs, scripts, and `drop_lines` (the one way filters drop whole lines)."""

from __future__ import annotations

import itertools

import regex
from hypothesis import given
from hypothesis import strategies as st

from cleantext.model import apply_changes, check_changes
from cleantext.segment import (
    SCRIPTS,
    dominant_script,
    drop_lines,
    lines,
    paragraphs,
    script_counts,
)

ANY_TEXT = st.text(alphabet="ab \t\n\r\u2028ж中", max_size=40)


# -- lines and paragraphs ----------------------------------------------------------------------


def test_lines_examples() -> None:
    assert lines("") == []
    assert [(ln.start, ln.end, ln.next_start, ln.content) for ln in lines("ab\n\ncd")] == [
        (0, 2, 3, "ab"),
        (3, 3, 4, ""),
        (4, 6, 6, "cd"),
    ]
    assert [ln.content for ln in lines("a\n")] == ["a"]  # no empty line after the last break
    assert [ln.is_blank for ln in lines("a\n \t\n")] == [False, True]
    # Only ``\n`` separates lines: the whitespace filter runs first and normalizes the rest.
    assert [ln.content for ln in lines("a\rb\u2028c")] == ["a\rb\u2028c"]


@given(ANY_TEXT)
def test_lines_reassemble_the_text(text: str) -> None:
    found = lines(text)
    assert "".join(text[ln.start : ln.next_start] for ln in found) == text
    position = 0
    for ln in found:
        assert ln.start == position
        assert ln.content == text[ln.start : ln.end] and "\n" not in ln.content
        assert text[ln.end : ln.next_start] in ("\n", "")
        position = ln.next_start
    assert all(text[ln.end : ln.next_start] == "\n" for ln in found[:-1])


def test_paragraphs_examples() -> None:
    text = "a\nb\n\n\n  \nc\n"
    assert [(p.start, p.end, text[p.start : p.end]) for p in paragraphs(text)] == [
        (0, 3, "a\nb"),
        (9, 10, "c"),
    ]
    assert paragraphs("") == [] and paragraphs("\n \n") == []


@given(ANY_TEXT)
def test_paragraphs_are_the_non_blank_lines_in_order(text: str) -> None:
    found = paragraphs(text)
    in_paragraphs = [ln for p in found for ln in p.lines]
    assert in_paragraphs == [ln for ln in lines(text) if not ln.is_blank]
    for p in found:
        assert text[p.start : p.end] == "\n".join(ln.content for ln in p.lines)
    for before, after in itertools.pairwise(found):
        assert text[before.end : after.start].count("\n") >= 2  # a blank line between


# -- scripts -------------------------------------------------------------------------------------


def test_script_counts() -> None:
    assert script_counts("Hello, мир! 123") == {"Latin": 5, "Cyrillic": 3}
    assert script_counts("123 -- !?") == {}
    assert script_counts("東京は日本の首都です。カタカナ") == {
        "Han": 6,
        "Hiragana": 4,
        "Katakana": 4,
    }
    # Devanagari vowel signs belong to the script; the virama and ZWJ do not add letters twice.
    assert set(script_counts("नमस्ते दुनिया")) == {"Devanagari"}
    assert script_counts("سلام دنیا") == {"Arabic": 8}


@given(st.text(alphabet=st.characters(max_codepoint=127), max_size=40))
def test_ascii_shortcut_agrees_with_the_script_classes(text: str) -> None:
    latin = len(regex.findall(r"\p{Script=Latin}", text))
    assert script_counts(text) == ({"Latin": latin} if latin else {})


@given(st.text(max_size=40))
def test_script_counts_only_known_scripts(text: str) -> None:
    counts = script_counts(text)
    assert set(counts) <= set(SCRIPTS)
    assert sum(counts.values()) <= len(text)


def test_dominant_script() -> None:
    assert dominant_script("Привет, my friend, как дела?") == "Cyrillic"
    assert dominant_script("2024 — 42") is None


# -- drop_lines ----------------------------------------------------------------------------------


@st.composite
def layouts(draw: st.DrawFn) -> tuple[str, list[int]]:
    """A tidy text (lines and paragraphs, maybe a final break) and which lines to drop."""
    count = draw(st.integers(1, 8))
    text = ""
    for i in range(count):
        text += f"line {i}"
        if i < count - 1:
            text += draw(st.sampled_from(["\n", "\n\n"]))
    text += draw(st.sampled_from(["", "\n"]))
    doomed = draw(st.lists(st.integers(0, count - 1), unique=True, min_size=1))
    return text, sorted(doomed)


@given(layouts())
def test_drop_lines_keeps_the_rest_tidy(case: tuple[str, list[int]]) -> None:
    text, doomed_numbers = case
    content_lines = [ln for ln in lines(text) if not ln.is_blank]
    doomed = [content_lines[i] for i in doomed_numbers]
    reasons = [f"reason {i}" for i in doomed_numbers]
    changes = drop_lines(text, doomed, "test.drop", reasons)

    # The books: valid changes, one per dropped line, each naming its line's reason.
    assert check_changes(text, changes, "drop_lines") == changes
    assert len(changes) == len(doomed)
    for change, line, reason in zip(changes, doomed, reasons, strict=True):
        assert change.start <= line.start and line.end <= change.end
        assert change.replacement == "" and change.rule == "test.drop"
        assert change.reason == reason
    out = apply_changes(text, changes)

    kept = [ln.content for ln in content_lines if ln not in doomed]
    assert [ln.content for ln in lines(out) if not ln.is_blank] == kept
    assert "\n\n\n" not in out
    assert not out.startswith("\n") and not out.endswith("\n\n")
    if kept:
        assert out.endswith("\n") == text.endswith("\n")
    else:
        assert out == ""
    # Paragraph breaks between kept lines survive where no line between them was dropped.
    for before, after in itertools.pairwise(content_lines):
        if before not in doomed and after not in doomed:
            gap = text[before.end : after.start]
            assert f"{before.content}{gap}{after.content}" in out


def test_drop_lines_with_one_rule_per_line() -> None:
    text = "spam\nbody\n\nfooter\n"
    ls = lines(text)
    changes = drop_lines(text, [ls[0], ls[3]], ["a.spam", "a.footer"], ["spam", "footer"])
    assert [(c.rule, c.reason, text[c.start : c.end]) for c in changes] == [
        ("a.spam", "spam", "spam\n"),
        ("a.footer", "footer", "\nfooter\n"),
    ]
    assert apply_changes(text, changes) == "body\n"


def test_drop_nothing() -> None:
    assert drop_lines("a\nb", [], "x", []) == []
