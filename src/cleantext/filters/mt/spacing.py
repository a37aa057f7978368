"""The ``tokenizer-spacing`` detector: spaces a tokenizer put before punctuation."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import ClassVar

from cleantext.context import DocumentContext
from cleantext.filters.base import Detector
from cleantext.filters.mt._common import FAMILY, NEWLINE_RE
from cleantext.filters.registry import register
from cleantext.model import Flag


def _ends_token(char: str) -> bool:
    """A word, or a closing bracket or quote, can stand before a tokenizer's space."""
    return char.isalnum() or char in _TOKEN_ENDS


_TOKEN_ENDS = frozenset("_)]\"'”’»")


# A space before , . ) ] or after ( [ as a tokenizer leaves it. Not before ``...``, ``.NET``,
# ``.5`` or ``,5`` (the (?![.\w]) part), and never before : ; ! ? (French typography).
_SPACING_RE = re.compile(r" (?:[,.](?![.\w])|[)\]])|[(\[] (?=\w)")
_PAIRS = (" ,", " .", " )", " ]", "( ", "[ ")
# ``[ Engadget ]``: a citation spaced on both sides is a house style, not a tokenizer.
_SPACED_CITATION_RE = re.compile(r"\[ [^\[\]\n]{1,80} \]")


@register
@dataclass(frozen=True, slots=True)
class TokenizerSpacing(Detector):
    """Flag tokenizer spacing: a space before ``, . ) ]`` or after ``( [``, several in one line.

    MT pipelines that forget to detokenize leave ``the result , he said .`` and ``( AFP )``. One
    space before a full stop is a common typo in clean text (NTREX-128 has dozens), so a line is
    flagged only when it shows the pattern at least ``min_per_line`` times; each occurrence gets
    its own flag. Leaves alone: French spacing before ``: ; ! ?`` (correct there), ellipses
    (``wait ... what``), ``.NET``, decimals (``.5``, ``,5``), spaced citations (``[ Engadget ]``).

    Clean text is rejected by six substring counts. Worst case: a megabyte of `` , , , ``. Still
    linear: one scan finds the matches, each is placed on its line by a binary search, and the
    spaced citations are found by one scan.

    >>> [(f.start, f.end) for f in TokenizerSpacing().flags("Prices rose , he said .")]
    [(11, 13), (21, 23)]
    """

    name: ClassVar[str] = "tokenizer-spacing"
    family: ClassVar[str] = FAMILY
    default: ClassVar[bool] = True

    min_per_line: int = 2

    def flags_in(self, doc: DocumentContext) -> Iterator[Flag]:
        text = doc.text
        # Every match holds one of these pairs: fewer of them than a line needs, no flag (a few
        # C-speed substring counts reject clean text).
        if sum(map(text.count, _PAIRS)) < self.min_per_line:
            return
        matches = [
            m
            for m in _SPACING_RE.finditer(text)
            if m.group()[0] != " " or _ends_token(text[m.start() - 1 : m.start()])
        ]
        if len(matches) < self.min_per_line:
            return
        citations = [m.span() for m in _SPACED_CITATION_RE.finditer(text)] if "[ " in text else []
        newlines = [m.start() for m in NEWLINE_RE.finditer(text)]
        by_line: dict[int, list[re.Match[str]]] = {}
        for match in matches:
            if any(a <= match.start() < b for a, b in citations):
                continue
            by_line.setdefault(bisect.bisect_left(newlines, match.start()), []).append(match)
        for group in by_line.values():
            if len(group) < self.min_per_line:
                continue
            for match in group:
                shown = match.group().strip()
                where = "before" if match.group().startswith(" ") else "after"
                yield Flag(
                    match.start(),
                    match.end(),
                    "tokenizer-spacing",
                    f"space {where} {shown!r}, as a tokenizer leaves it",
                    0.5,
                )
