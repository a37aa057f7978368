"""Whitespace and invisible characters: the layout residue of scraping and copy-paste."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import ClassVar

import regex

from cleantext.model import Change

# Characters that carry no text and are never wanted: C0 controls other than tab and line breaks,
# DEL, the byte-order mark and the zero-width space. ZWNJ (U+200C) and ZWJ (U+200D) are NOT here:
# Persian, Indic scripts and emoji sequences need them. C1 controls (U+0080-U+009F) are left to the
# `encoding` filter, because they are usually cp1252 characters decoded wrongly, not junk.
_INVISIBLE = r"[\x00-\x08\x0e-\x1f\x7f\ufeff\u200b]"
# Line breaks: CRLF, CR, and the separators that break line-oriented tools (VT, FF, LS, PS).
# NEL (U+0085) is a cp1252 ellipsis gone wrong far more often than a line break: left to `encoding`.
_BREAK = r"(?:\r\n?|[\n\x0b\x0c\u2028\u2029])"
_FILLER = rf"(?:[ \t]|{_INVISIBLE})*"

_WHITESPACE_RE = regex.compile(
    rf"""
    (?P<leading>\A(?:{_FILLER}{_BREAK})+)
    | (?P<trailing>(?:{_FILLER}{_BREAK})+{_FILLER}\Z)
    | (?P<blank>{_FILLER}{_BREAK}(?:{_FILLER}{_BREAK}){{2,}})
    | (?P<line_end>{_FILLER}[ \t]{_FILLER}(?={_BREAK}|\Z))
    | (?P<break>\r\n?|[\x0b\x0c\u2028\u2029])
    | (?P<invisible>{_INVISIBLE}+)
    """,
    regex.VERBOSE,
)
_NEEDS_WORK_RE = regex.compile(rf"{_INVISIBLE}|[\r\x0b\x0c\u2028\u2029]|[ \t]\n|\n[ \t]*\n[ \t]*\n")

_RULES: dict[str, tuple[str, str, str]] = {
    # group: (rule, replacement, reason)
    "leading": ("whitespace.edges", "", "blank lines at the start of the text"),
    "trailing": ("whitespace.edges", "\n", "blank lines or spaces at the end of the text"),
    "blank": ("whitespace.blank-lines", "\n\n", "more than one blank line in a row"),
    "line_end": ("whitespace.trailing-space", "", "spaces or tabs at the end of a line"),
    "break": ("whitespace.line-ending", "\n", "CR, CRLF, VT, FF, LS or PS as a line break"),
    "invisible": ("whitespace.invisible", "", "control character, BOM or zero-width space"),
}


@dataclass(frozen=True, slots=True)
class Whitespace:
    """Normalize line breaks to ``\\n``; drop trailing spaces, extra blank lines and invisible junk.

    Fixes: CRLF/CR/VT/FF/LS/PS line breaks, spaces and tabs at line ends, runs of blank lines
    (kept as one blank line), blank lines at the start and end of the text (a final line break is
    kept), C0 control characters, DEL, BOM and zero-width spaces (the doubled ``U+200B`` that some
    MT post-editing tools leave is common). Leaves alone: ZWNJ and ZWJ (Persian, Indic, emoji),
    NBSP, tabs and runs of spaces inside a line, indentation, and C1 controls (see `encoding`).

    >>> from cleantext import Pipeline
    >>> Pipeline([Whitespace()]).clean("Title  \\r\\n\\r\\n\\r\\n\\u200bBody\\t\\n\\n")
    'Title\\n\\nBody\\n'
    """

    name: ClassVar[str] = "whitespace"

    def changes(self, text: str) -> Iterator[Change]:
        # The clean common case: no CR, no invisible character, no space before a line break, no
        # double blank line, and no whitespace at either end.
        if (
            _NEEDS_WORK_RE.search(text) is None
            and not text[:1].isspace()
            and text[-1:] not in (" ", "\t")
            and not text.endswith("\n\n")
        ):
            return
        for match in _WHITESPACE_RE.finditer(text):
            group = match.lastgroup
            assert group is not None
            rule, replacement, reason = _RULES[group]
            if group == "leading" and match.end() == len(text):
                replacement = ""  # a text of nothing but blank lines becomes empty
            yield Change(match.start(), match.end(), replacement, rule, reason)
