"""The ``unpaired-quote`` detector (opt-in): an opening quote never closed."""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from typing import ClassVar

from cleantext.context import DocumentContext
from cleantext.filters.base import Detector
from cleantext.filters.mt._common import FAMILY, paragraph_starts
from cleantext.filters.mt._data import (
    ALWAYS_OPENING,
    QUOTE_CLOSERS,
)
from cleantext.filters.registry import register
from cleantext.model import Flag

_QUOTE_RE = re.compile('["“”„«»‘’‚‹›「」『』《》]')
_ONLY_WHITESPACE_RE = re.compile(r"\s*")
# How deep a closing quote looks for its opener: quotations nest two or three levels, not more.
_DEPTH = 16


def _quote_position(text: str, pos: int) -> tuple[bool, bool]:
    """Whether the quote at ``pos`` stands where an opening and where a closing quote stands.

    Opening: after whitespace, the start, an opening bracket, a dash or another quote, and
    before a letter, digit or quote. Closing: after a non-space, and before whitespace, the end
    or punctuation (of any script: ``"…"،`` in Arabic, ``"…"。`` in CJK text).
    """
    before = text[pos - 1] if pos > 0 else "\n"
    after = text[pos + 1] if pos + 1 < len(text) else "\n"
    before_cat = unicodedata.category(before)
    after_cat = unicodedata.category(after)
    opening = (
        before.isspace() or before_cat in ("Ps", "Pi", "Pd") or before in QUOTE_CLOSERS
    ) and (after_cat[0] in "LNM" or after in QUOTE_CLOSERS or after_cat == "Ps")
    closing = pos > 0 and not before.isspace() and (after.isspace() or after_cat[0] in "PS")
    return opening, closing


@register
@dataclass(frozen=True, slots=True)
class UnpairedQuote(Detector):
    """Flag an opening quotation mark that nothing closes. Not in the default pipeline.

    MT and scrapers drop closing quotes. Quotes pair by convention (“…”, „…“, „…”, ”…”, «…», »…«,
    ‘…’, 「…」, 『…』, 《…》; straight and curly double quotes close each other, and a straight
    ``"`` opens or closes by its position). Pairing runs over the whole document, nesting allowed,
    because quotations run over sentences and paragraphs; an opening quote at the start of a
    paragraph continues the quotation left open before it (news style: a quotation over several
    paragraphs reopens each one and closes once). Leaves alone: apostrophes (``it's``, ``’90s``,
    ``‘90s``), straight single quotes (apostrophes too often), inch marks (``12"``), Hebrew
    gershayim (``צה"ל``), and closing quotes without an opener.

    Worst case: a megabyte of quotes that open and never close (``«a «b «c …``) followed by
    closing quotes of another convention. Still linear: a closing quote looks for its opener
    among the `_DEPTH` innermost open quotations only (quotations do not nest deeper), and
    paragraph indices come from a binary search (O(n log n)).

    Opt-in because clean text is full of them: professionally translated news (NTREX-128) has
    about 7 unclosed quotes per 1,000 sentences, mostly quotations whose translator dropped the
    closing mark, and its English source about 2 (see ``docs/filters/mt.md``).

    >>> [f.start for f in UnpairedQuote().flags('He said “we will win. Then he left.')]
    [8]
    >>> list(UnpairedQuote().flags('“We will win.\\n\\n“We always do,” he said.'))
    []
    """

    name: ClassVar[str] = "unpaired-quote"
    family: ClassVar[str] = FAMILY

    def flags_in(self, doc: DocumentContext) -> Iterator[Flag]:
        text = doc.text
        found = list(_QUOTE_RE.finditer(text))
        if not found:
            return
        starts = paragraph_starts(text)
        stack: list[tuple[int, str, int]] = []  # (position, quote, paragraph)
        for match in found:
            pos, char = match.start(), match.group()
            opening, closing = _quote_position(text, pos)
            if not opening or closing:
                # A closing quote closes the innermost quotation it can close.
                for index in range(len(stack) - 1, max(len(stack) - _DEPTH, 0) - 1, -1):
                    if char in QUOTE_CLOSERS[stack[index][1]]:
                        del stack[index]
                        break
                else:
                    if char in ALWAYS_OPENING:
                        stack.append((pos, char, bisect.bisect_right(starts, pos) - 1))
                continue
            if char not in QUOTE_CLOSERS or (
                char in "‘‚‹›" and not text[pos + 1 : pos + 2].isalpha()
            ):
                continue  # a closing-only mark, or ‘90s (an apostrophe the wrong way round)
            paragraph = bisect.bisect_right(starts, pos) - 1
            if _ONLY_WHITESPACE_RE.fullmatch(text, starts[paragraph], pos):
                # Reopened at a paragraph start: quotations left open before it continue here.
                stack = [item for item in stack if item[2] == paragraph]
            stack.append((pos, char, paragraph))
        for pos, char, _ in stack:
            yield Flag(pos, pos + 1, "unpaired-quote", f"opening {char!r} is never closed", 0.6)
