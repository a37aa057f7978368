"""Lines, paragraphs and scripts of a text, always with offsets into that text.

Filters work on spans, so every unit here carries ``start``/``end`` offsets. Script detection uses
`regex`'s ``\\p{Script=...}`` classes; Common and Inherited characters (digits, punctuation,
combining marks) belong to no script and are ignored when profiling.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

import regex

from cleantext.model import Change

# Scripts a profile distinguishes. Han, Hiragana and Katakana are kept apart because Japanese
# mixes them; callers that need "CJK" can group them.
SCRIPTS: tuple[str, ...] = (
    "Latin", "Cyrillic", "Greek", "Arabic", "Hebrew", "Devanagari", "Bengali", "Thai",
    "Georgian", "Armenian", "Ethiopic", "Han", "Hiragana", "Katakana", "Hangul", "Tamil",
    "Telugu", "Gujarati", "Gurmukhi", "Kannada", "Malayalam", "Sinhala", "Khmer", "Lao",
    "Myanmar", "Tibetan", "Syriac", "Thaana",
)  # fmt: skip

_SCRIPT_RUN_RE = regex.compile(
    "|".join(rf"(?P<{name}>\p{{Script={name}}}+)" for name in SCRIPTS), regex.VERSION1
)
_ANY_LETTER_RE = regex.compile(r"\p{L}")
_ASCII_RUNS_RE = re.compile(r"[\x00-\x7f]+")
_ASCII_NON_LETTERS = bytes(i for i in range(128) if not chr(i).isalpha())
_LINE_RE = regex.compile(r"[^\n]*\n|[^\n]+")
_BLANK_LINES_RE = regex.compile(r"\n(?:[ \t]*\n)+")


@dataclass(frozen=True, slots=True)
class Line:
    """One line: ``text[start:end]`` is its content, ``text[end:next_start]`` its terminator."""

    start: int
    end: int
    next_start: int
    content: str

    @property
    def is_blank(self) -> bool:
        return not self.content.strip()


def lines(text: str) -> list[Line]:
    """Split on ``\\n`` (the `whitespace` filter runs first and normalizes line endings).

    >>> [(l.start, l.end, l.content) for l in lines("ab\\n\\ncd")]
    [(0, 2, 'ab'), (3, 3, ''), (4, 6, 'cd')]
    """
    result: list[Line] = []
    for match in _LINE_RE.finditer(text):
        start, next_start = match.span()
        end = next_start - 1 if text[next_start - 1 : next_start] == "\n" else next_start
        result.append(Line(start, end, next_start, text[start:end]))
    return result


@dataclass(frozen=True, slots=True)
class Paragraph:
    """Consecutive non-blank lines; ``text[start:end]`` excludes the final line break."""

    start: int
    end: int
    lines: tuple[Line, ...]


def paragraphs(text: str) -> list[Paragraph]:
    """Group non-blank lines into paragraphs separated by blank lines.

    >>> [(p.start, p.end) for p in paragraphs("a\\nb\\n\\nc\\n")]
    [(0, 3), (5, 6)]
    """
    result: list[Paragraph] = []
    current: list[Line] = []
    for line in lines(text):
        if line.is_blank:
            if current:
                result.append(Paragraph(current[0].start, current[-1].end, tuple(current)))
                current = []
        else:
            current.append(line)
    if current:
        result.append(Paragraph(current[0].start, current[-1].end, tuple(current)))
    return result


def script_counts(text: str) -> Counter[str]:
    """Letters per script; characters of other scripts, Common and Inherited are not counted.

    >>> sorted(script_counts("Hello, мир! 123").items())
    [('Cyrillic', 3), ('Latin', 5)]
    """
    counts: Counter[str] = Counter()
    if text.isascii():
        letters = len(text.encode("ascii").translate(None, _ASCII_NON_LETTERS))
        if letters:
            counts["Latin"] = letters
        return counts
    # ASCII letters are Latin: count them at C speed and scan only the rest with the (slow)
    # script alternation, which for text in a Latin alphabet is a few accented letters.
    ascii_letters = len(text.encode("ascii", "ignore").translate(None, _ASCII_NON_LETTERS))
    if ascii_letters:
        counts["Latin"] = ascii_letters
    for match in _SCRIPT_RUN_RE.finditer(_ASCII_RUNS_RE.sub("", text)):
        name = match.lastgroup
        if name is not None:
            counts[name] += match.end() - match.start()
    return counts


def dominant_script(text: str) -> str | None:
    """The script with most letters, or None when the text has no letters of a known script."""
    counts = script_counts(text)
    return counts.most_common(1)[0][0] if counts else None


def has_letters(text: str) -> bool:
    return _ANY_LETTER_RE.search(text) is not None


def drop_lines(
    text: str, doomed: Sequence[Line], rule: str | Sequence[str], reasons: Sequence[str]
) -> list[Change]:
    """Changes that remove whole lines and keep the paragraph layout tidy.

    A dropped line takes its line break with it. Blank lines that a drop leaves at the top or the
    end of the text, or next to another blank line, go with it, so that the output needs no second
    whitespace pass; when the text did not end in a line break, neither does the output. There is
    one change per dropped line (its reason is ``reasons[i]``), so rejects stay line by line.
    ``rule`` is one rule for all lines, or one rule per line (``rule[i]`` for ``doomed[i]``).

    >>> t = "spam\\n\\nbody\\n\\nSource link"
    >>> ls = lines(t)
    >>> from cleantext.model import apply_changes
    >>> apply_changes(t, drop_lines(t, [ls[0], ls[4]], "x", ["a", "b"]))
    'body'
    """
    if not doomed:
        return []
    all_lines = lines(text)
    reason_at = {line.start: reason for line, reason in zip(doomed, reasons, strict=True)}
    rules = [rule] * len(doomed) if isinstance(rule, str) else rule
    rule_at = {line.start: name for line, name in zip(doomed, rules, strict=True)}
    removed = [line.start in reason_at for line in all_lines]
    kept: list[int] = []
    touched = False  # a removed line sits right before the current one
    for i, line in enumerate(all_lines):
        if removed[i]:
            touched = True
            continue
        if line.is_blank and touched and (not kept or all_lines[kept[-1]].is_blank):
            removed[i] = True
            continue
        kept.append(i)
        touched = False
    # Blank lines that a drop exposed at the end of the text.
    if removed[-1]:
        while kept and all_lines[kept[-1]].is_blank:
            removed[kept.pop()] = True

    changes: list[Change] = []
    for i, line in enumerate(all_lines):
        if not removed[i]:
            continue
        if changes and changes[-1].end == line.start and line.start not in reason_at:
            last = changes[-1]  # an extra blank line joins the drop before it
            changes[-1] = Change(last.start, line.next_start, "", last.rule, last.reason)
        elif changes and changes[-1].end == line.start and not changes[-1].reason:
            last = changes[-1]  # blank lines before a drop join it
            changes[-1] = Change(
                last.start, line.next_start, "", rule_at[line.start], reason_at[line.start]
            )
        else:
            changes.append(
                Change(
                    line.start,
                    line.next_start,
                    "",
                    rule_at.get(line.start, rules[0]),
                    reason_at.get(line.start, ""),
                )
            )
    if removed[-1] and kept and not text.endswith("\n"):
        # The text ends inside a drop: the first drop after the last kept line takes that line's
        # break too, so that no new one appears at the end.
        anchor = all_lines[kept[-1]]
        for i, change in enumerate(changes):
            if change.start == anchor.next_start:
                changes[i] = Change(anchor.end, change.end, "", change.rule, change.reason)
                break
    return changes


def collapse_blank_lines(text: str) -> Iterator[tuple[int, int]]:
    """Spans of runs of two or more line breaks with only spaces/tabs between them."""
    for match in _BLANK_LINES_RE.finditer(text):
        yield match.span()
