"""The ``rejoin-lines`` repair (opt-in): hard-wrapped paragraphs unwrapped."""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import ClassVar

import regex

from cleantext.filters.base import Repair
from cleantext.filters.registry import register
from cleantext.filters.rejoin.numbers import digit_line_breaks
from cleantext.model import Change

_STRUCTURE_RE = regex.compile(
    r"""
    ^\s                                           # indented: code, quotes, verse
    | ^(?:[-*+•·▪●◦‣–—>#=|]|\(?[0-9]{1,3}[.)]|\(?[a-zA-Z][.)]|[ivxIVX]{1,4}[.)])(?:\s|$)
    | ^\#                                         # markdown heading
    | \t | \x20\x20 | \|                          # tables and aligned columns
    | [{};]\s*$ | ``` | => | == | && | \|\|        # code
    | ^(?:def|class|import|return|function|var|let|const|public|private)\b
    | </?[a-zA-Z][^>]*>                           # markup
    """,
    regex.VERBOSE,
)
# Scripts written without spaces between words: a line break there cannot become a space.
_NO_SPACE_SCRIPT_RE = regex.compile(
    r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Thai}\p{Lao}\p{Khmer}\p{Myanmar}\p{Tibetan}]"
)
_SENTENCE_END = tuple('.!?:;"”’)»。！？।۔')
_HYPHENATED_END_RE = regex.compile(r"\p{L}[\-\u2010\u00ad]\Z")
_INNER_BREAK_RE = re.compile(r"[^\n]\n[^\n]")


def _first_word_length(line: str) -> int:
    space = line.find(" ")
    return len(line) if space < 0 else space


def _wrapped_breaks(lines: list[str], width: int, min_fill: float) -> bool:
    """True when every break between ``lines`` looks like a greedy wrap at ``width`` columns.

    A greedy wrapper breaks a line only when the next word would not fit: so a wrapped line is
    long (at least ``min_fill * width``) and ``len(line) + 1 + len(next word) > width``.
    """
    mid_sentence = 0
    for line, following in itertools.pairwise(lines):
        length = len(line)
        if length > width or length < min_fill * width:
            return False
        if length + 1 + _first_word_length(following) <= width:
            return False
        if not line.endswith(_SENTENCE_END):
            mid_sentence += 1
    breaks = len(lines) - 1
    # Hard wrapping breaks mid-sentence far more often than at a sentence end; one sentence per
    # line (NTREX, subtitles) breaks at every sentence end.
    return mid_sentence >= 1 and mid_sentence * 2 >= breaks and len(lines[-1]) <= width


def _plain_paragraph(lines: list[str]) -> bool:
    """No list, heading, table, code, verse, hyphen or no-space script in this paragraph."""
    if any(_STRUCTURE_RE.search(line) for line in lines):
        return False
    if any(_HYPHENATED_END_RE.search(line) for line in lines[:-1]):
        return False  # `RejoinWords` left this hyphen: so do we, and the whole paragraph
    if len(lines) >= 3 and all(line[:1].isupper() for line in lines):
        return False  # every line capitalized: verse, a list of titles
    return not any(_NO_SPACE_SCRIPT_RE.search(line) for line in lines)


def _blocks(text: str) -> Iterator[tuple[int, list[str]]]:
    """Runs of two or more non-blank lines: ``(offset of the first line, the lines)``."""
    block: list[str] = []
    block_start = pos = 0
    for line in text.split("\n"):
        if line.strip():
            if not block:
                block_start = pos
            block.append(line)
        else:
            if len(block) >= 2:
                yield block_start, block
            block = []
        pos += len(line) + 1
    if len(block) >= 2:
        yield block_start, block


@register
@dataclass(frozen=True, slots=True)
class RejoinLines(Repair):
    """Unwrap hard-wrapped paragraphs: single line breaks at a constant width become spaces.

    Opt-in (not in the default pipeline): on text that is meant to keep its lines it would be a
    normalization. A paragraph of three or more lines is unwrapped when every break looks like a
    greedy wrap (each line is at least ``min_fill`` of the width and the next word would not have
    fit), most breaks fall mid-sentence, and the width is at least ``min_width`` columns. A
    two-line paragraph is unwrapped only at the width proven by such a paragraph in the same
    document. Leaves alone: lists, headings, tables, code, indented lines, verse (short or
    all-capitalized lines), one sentence per line, text in scripts without spaces (CJK, Thai),
    paragraphs with a line ending in a hyphen (`RejoinWords` decides those) and paragraphs that
    touch a line break between digits (`RejoinNumbers` decides those). Run it after both.

    >>> para = ("aaaa bbbb cccc dddd eeee ffff gggg hhhh iiii jjjj kkkk\\n"
    ...         "llll mmmm nnnn oooo pppp qqqq rrrr ssss tttt uuuu vvvv\\n"
    ...         "wwww xxxx.")
    >>> RejoinLines(min_width=40).changes(para).__next__().rule
    'rejoin-lines'
    """

    name: ClassVar[str] = "rejoin-lines"
    min_width: int = 40
    min_fill: float = 0.6

    def changes(self, text: str) -> Iterator[Change]:
        # Cheap reject: no line break followed by a non-blank line.
        if _INNER_BREAK_RE.search(text) is None:
            return
        wrapped: list[tuple[int, list[str]]] = []
        pairs: list[tuple[int, list[str]]] = []
        widths: list[int] = []
        number_breaks: list[tuple[int, int]] | None = None
        for start, lines in _blocks(text):
            # The cheap tests on line lengths first: they reject one sentence per line.
            if len(lines) == 2:
                if len(lines[0]) < self.min_fill * self.min_width:
                    continue
            else:
                width = max(len(line) for line in lines)
                if width < self.min_width or not _wrapped_breaks(lines, width, self.min_fill):
                    continue
            if not _plain_paragraph(lines):
                continue
            # Paragraphs touching a line break between digits belong to `RejoinNumbers` (a
            # space would turn ``201`` / ``4`` into ``201 4``; and unwrapping the line a split
            # number ends would change the evidence it was judged on).
            if number_breaks is None:
                number_breaks = list(digit_line_breaks(text))
            end = start + sum(len(line) + 1 for line in lines) - 1
            if any(start <= b_end and b_start <= end for b_start, b_end in number_breaks):
                continue
            if len(lines) == 2:
                pairs.append((start, lines))
            else:
                wrapped.append((start, lines))
                widths.append(width)
        if widths and max(widths) - min(widths) <= max(4, max(widths) // 10):
            # Two-line paragraphs carry no width of their own: use the one the others proved.
            # (Only unwrapped paragraphs prove it, so a second run finds nothing new.)
            width = max(widths)
            for start, lines in pairs:
                if not lines[0].endswith(_SENTENCE_END) and _wrapped_breaks(
                    lines, width, self.min_fill
                ):
                    wrapped.append((start, lines))
        for start, lines in sorted(wrapped):
            pos = start
            for line in lines[:-1]:
                pos += len(line)
                yield Change(
                    pos,
                    pos + 1,
                    " ",
                    "rejoin-lines",
                    "a hard-wrapped paragraph: line break inside a paragraph",
                )
                pos += 1
