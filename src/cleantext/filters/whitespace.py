"""Whitespace and invisible characters: the layout residue of scraping and copy-paste."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import ClassVar

import regex

from cleantext.filters.base import Repair
from cleantext.filters.registry import register
from cleantext.model import Change

# Characters that carry no text and are never wanted: C0 controls other than tab and line breaks,
# DEL, the byte-order mark and the zero-width space. ZWNJ (U+200C) and ZWJ (U+200D) are NOT here:
# Persian, Indic scripts and emoji sequences need them. C1 controls (U+0080-U+009F) are left to the
# `encoding` filter, because they are usually cp1252 characters decoded wrongly, not junk.
_INVISIBLE = "\x00-\x08\x0e-\x1f\x7f\ufeff\u200b"
# Line breaks: CRLF, CR, and the separators that break line-oriented tools (VT, FF, LS, PS).
# NEL (U+0085) is a cp1252 ellipsis gone wrong far more often than a line break: left to `encoding`.
_BREAKS = "\n\r\x0b\x0c\u2028\u2029"
_BLANK = f" \t{_INVISIBLE}{_BREAKS}"  # what a "gap" between two visible characters is made of

# A gap worth a look: a maximal run of blank characters holding at least one line break or
# invisible character. Plain runs of spaces and tabs (between words) are skipped. The lookbehind
# makes every attempt inside a run of spaces fail at once, and the possessive quantifiers never
# backtrack, so the scan is linear even on a line of a million spaces.
_GAP_RE = regex.compile(rf"(?<![ \t])[ \t]*+[{_INVISIBLE}{_BREAKS}][{_BLANK}]*+")
_BREAK_RE = regex.compile(rf"\r\n?|[{_BREAKS}]")
_INVISIBLE_RE = regex.compile(rf"[{_INVISIBLE}]+")
# Scripts written without spaces between words whose line breaking needs word boundaries
# (Unicode's line-breaking algorithm, UAX #14, class SA): there U+200B marks them, and a single
# U+200B next to a character of the script is text. Chinese and Japanese break between any two
# characters and do not write it: there it is residue.
_ZWSP_SCRIPT_RE = regex.compile(
    r"[\p{Thai}\p{Lao}\p{Khmer}\p{Myanmar}\p{Tibetan}\p{Tai_Tham}\p{Tai_Le}\p{New_Tai_Lue}"
    r"\p{Tai_Viet}\p{Javanese}\p{Balinese}]"
)
_ZWSP = "\u200b"
# The cheap reject: one character-class scan (the stdlib `re` scans a class about three times
# faster than `regex`) plus substring tests. A blank line holding a space or tab shows as
# ``" \n"``/``"\t\n"``, so ``"\n\n\n"`` is the only other sign of a run of blank lines.
_ODD_CHAR_RE = re.compile(f"[{_INVISIBLE}\r\x0b\x0c\u2028\u2029]")

_RULES: dict[str, tuple[str, str, str]] = {
    # group: (rule, replacement, reason)
    "leading": ("whitespace.edges", "", "blank lines at the start of the text"),
    "trailing": ("whitespace.edges", "\n", "blank lines or spaces at the end of the text"),
    "blank": ("whitespace.blank-lines", "\n\n", "more than one blank line in a row"),
    "line_end": ("whitespace.trailing-space", "", "spaces or tabs at the end of a line"),
    "break": ("whitespace.line-ending", "\n", "CR, CRLF, VT, FF, LS or PS as a line break"),
    "invisible": ("whitespace.invisible", "", "control character, BOM or zero-width space"),
}


@register
@dataclass(frozen=True, slots=True)
class Whitespace(Repair):
    """Normalize line breaks to ``\\n``; drop trailing spaces, extra blank lines and invisible junk.

    Fixes: CRLF/CR/VT/FF/LS/PS line breaks, spaces and tabs at line ends, runs of blank lines
    (kept as one blank line), blank lines at the start and end of the text (a final line break is
    kept), C0 control characters, DEL, BOM and zero-width spaces where they are residue: doubled
    (the ``U+200B U+200B`` some MT post-editing tools leave), at a line's edges, next to a space,
    or between characters of scripts that separate words with spaces (Latin, Cyrillic...).
    Leaves alone: a single U+200B inside a line next to a character of a script that writes
    words without spaces (Khmer, Thai, Lao, Burmese, Tibetan, Tai scripts, Javanese, Balinese),
    where it is the word separator (a doubled one there becomes one); ZWNJ
    and ZWJ (Persian, Indic, emoji), NBSP, tabs and runs of spaces inside a line, indentation,
    and C1 controls (see `encoding`).

    Worst case: a text made of gaps (``"\u200b "`` repeated, a million blank lines): one regex
    scan plus constant work per gap, linear.

    >>> from cleantext import Pipeline
    >>> Pipeline([Whitespace()]).clean("Title  \\r\\n\\r\\n\\r\\n\\u200bBody\\t\\n\\n")
    'Title\\n\\nBody\\n'
    """

    name: ClassVar[str] = "whitespace"
    default: ClassVar[bool] = True

    def changes(self, text: str) -> Iterator[Change]:
        # The clean common case: no CR, no invisible character, no space before a line break, no
        # double blank line, and no whitespace at either end.
        if (
            _ODD_CHAR_RE.search(text) is None
            and " \n" not in text
            and "\t\n" not in text
            and "\n\n\n" not in text
            and not text[:1].isspace()
            and text[-1:] not in (" ", "\t")
            and not text.endswith("\n\n")
        ):
            return
        size = len(text)
        last_end = 0
        for match in _GAP_RE.finditer(text):
            last_end = match.end()
            yield from _gap_changes(text, match.start(), last_end, size)
        if last_end < size and text[-1] in " \t":
            # Spaces or tabs at the very end, after the last gap.
            yield _change(len(text.rstrip(" \t")), size, "line_end")


def _change(start: int, end: int, group: str) -> Change:
    rule, replacement, reason = _RULES[group]
    return Change(start, end, replacement, rule, reason)


def _gap_changes(text: str, start: int, end: int, size: int) -> Iterator[Change]:
    """The changes for one gap ``text[start:end]``: blank characters between two visible ones.

    The gap is ``F0 B1 F1 ... Bk Fk``: k line breaks with fillers (spaces, tabs, invisible
    characters) around them. ``Fk`` is the next line's indentation: only its invisibles go.
    """
    breaks = [m.span() for m in _BREAK_RE.finditer(text, start, end)]
    if not breaks:
        if end == size and _has_space(text, start, end):
            yield _change(start, end, "line_end")  # spaces at the very end of the text
        elif _word_separator(text, start, end, size):
            if text[start:end] != _ZWSP:  # doubled, or with a BOM or a control: one is kept
                yield Change(
                    start, end, _ZWSP, "whitespace.invisible", "doubled word separator (U+200B)"
                )
        else:
            yield from _invisible_changes(text, start, end, inside_line=start > 0 and end < size)
        return
    last_break = breaks[-1][1]
    if start == 0:
        # Blank lines at the top; a text of nothing but blank lines becomes empty.
        yield _change(0, end if end == size else last_break, "leading")
        if end < size:
            yield from _invisible_changes(text, last_break, end)
        return
    if end == size:
        if breaks[0] == (start, end):  # only the final line break: keep it, as ``\n``
            if text[start:end] != "\n":
                yield _change(start, end, "break")
        else:
            yield _change(start, end, "trailing")
        return
    if len(breaks) >= 3:
        yield _change(start, last_break, "blank")
    else:
        fill_start = start
        for break_start, break_end in breaks:
            if fill_start < break_start:  # spaces or invisibles at the end of a line
                kind = "line_end" if _has_space(text, fill_start, break_start) else "invisible"
                # A Khmer (Thai, Lao, Burmese...) word ends with its separator, line end or not.
                closes_word = (
                    fill_start == start
                    and text[start:break_start] == _ZWSP
                    and _ZWSP_SCRIPT_RE.match(text, start - 1) is not None
                )
                if not closes_word:
                    yield _change(fill_start, break_start, kind)
            if text[break_start:break_end] != "\n":
                yield _change(break_start, break_end, "break")
            fill_start = break_end
    yield from _invisible_changes(text, last_break, end)


def _word_separator(text: str, start: int, end: int, size: int) -> bool:
    """Whether the gap ``text[start:end]`` (no line break in it) is a word separator: it holds
    U+200B and no space, stands inside a line, and a character of a script that separates
    words with U+200B stands on at least one side (Khmer, Thai, Lao, Burmese...)."""
    if start == 0 or end == size or _ZWSP not in text[start:end] or _has_space(text, start, end):
        return False
    return (
        _ZWSP_SCRIPT_RE.match(text, start - 1) is not None
        or _ZWSP_SCRIPT_RE.match(text, end) is not None
    )


def _has_space(text: str, start: int, end: int) -> bool:
    return text.find(" ", start, end) >= 0 or text.find("\t", start, end) >= 0


def _invisible_changes(
    text: str, start: int, end: int, *, inside_line: bool = False
) -> Iterator[Change]:
    """Remove the invisible runs of a gap. Inside a line, a single U+200B that touches a
    character of a script that separates words with it stays, even with a space on its other
    side (``%lu \u200bត្រូវ``, ``ពាក្យ\u200b ពាក្យ``: how Khmer software messages are written)."""
    for match in _INVISIBLE_RE.finditer(text, start, end):
        if (
            inside_line
            and match.group() == _ZWSP
            and (
                _ZWSP_SCRIPT_RE.match(text, match.start() - 1) is not None
                or _ZWSP_SCRIPT_RE.match(text, match.end()) is not None
            )
        ):
            continue
        yield _change(match.start(), match.end(), "invisible")
