"""The ``missing-sentence-boundary`` detector: a full stop lost between two sentences."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import ClassVar

import regex

from cleantext.context import DocumentContext
from cleantext.filters.base import Detector
from cleantext.filters.mt._common import FAMILY, line_at, title_like
from cleantext.filters.mt._data import (
    SENTENCE_STARTERS,
    TITLE_INTRODUCERS,
)
from cleantext.filters.registry import register
from cleantext.model import Flag

_ALL_STARTERS = sorted({w for words in SENTENCE_STARTERS.values() for w in words}, key=len)
_STARTER_SET = frozenset(_ALL_STARTERS)
# A capitalized starter word between spaces, followed by a lowercase letter.
_STARTER_SHAPE_RE = re.compile(r"[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ'’]*")
# The pattern starts with a starter word (a set of capitals the scan skips to at C speed); the
# space before the word and the lowercase letter before that are checked on the (few) matches.
_STARTER_RE = re.compile(
    "(?:"
    + "|".join(
        re.escape(w)
        for w in sorted(
            (w for w in _STARTER_SET if _STARTER_SHAPE_RE.fullmatch(w)), key=lambda w: (-len(w), w)
        )
    )
    + r")(?= [a-zß-öø-ÿ])"
)
_LOWER_WORD_RE = regex.compile(r"\p{Ll}+(?:['’-]\p{Ll}+)*")


@register
@dataclass(frozen=True, slots=True)
class MissingSentenceBoundary(Detector):
    """Flag a capitalized function word right after a lowercase word: ``mistakes In the past``.

    When MT or a scraper loses a full stop, the next sentence's first word keeps its capital in
    the middle of a line. Only function words that start sentences and are lowercase inside one
    count (lists for en, fr, de, es, pt, it, nl, chosen by the document's language), and only when
    a lowercase word follows them. Leaves alone: names and titles (``the White House``, ``in New
    York``, ``Lord of The Rings``: the word after the capital is capitalized too), headlines in
    title case, German nouns (never in the lists), one-letter words (``vitamin A``, ``I``),
    ``His`` (God's, in religious text), a title after ``called``, ``film``, ``the word`` …,
    anything across a line break, and languages without a list.

    Worst case: a line of capitalized starter words after lowercase ones (``a The b The …``),
    each a candidate. Still linear: one scan finds the candidates (it jumps to the capitals a
    starter can begin with), the word before each is read back to the previous whitespace
    once, and each line's title-case test runs once (memoized per line).

    >>> [f.code for f in MissingSentenceBoundary().flags("We've all made mistakes In the past.")]
    ['missing-sentence-boundary']
    >>> list(MissingSentenceBoundary().flags("He met the band The Who in the White House."))
    []
    """

    name: ClassVar[str] = "missing-sentence-boundary"
    family: ClassVar[str] = FAMILY
    default: ClassVar[bool] = True

    def flags_in(self, doc: DocumentContext) -> Iterator[Flag]:
        text = doc.text
        candidates = [
            (m.start() - 1, m.end(), m.group())
            for m in _STARTER_RE.finditer(text)
            if text[m.start() - 1 : m.start()] == " "
            and text[m.start() - 2 : m.start() - 1].islower()
        ]
        if not candidates:
            return
        language = doc.language
        if language is None or language[0] not in SENTENCE_STARTERS:
            return
        starters = SENTENCE_STARTERS[language[0]]
        introducers = TITLE_INTRODUCERS[language[0]]
        title_lines: dict[int, bool] = {}  # line start -> the line is in title case
        for space, word_end, word in candidates:
            if word not in starters:
                continue
            word_start = space
            while word_start > 0 and not text[word_start - 1].isspace():
                word_start -= 1  # (back to the last whitespace: each character is seen once)
            previous = text[word_start:space]
            if not _LOWER_WORD_RE.fullmatch(previous) or previous in introducers:
                continue
            line_start = text.rfind("\n", 0, space) + 1
            if line_start not in title_lines:
                title_lines[line_start] = title_like(line_at(text, space))
            if title_lines[line_start]:
                continue  # a headline in title case: ``… DNA and Why is a War Against our DNA?``
            yield Flag(
                word_start,
                word_end,
                "missing-sentence-boundary",
                f"{word!r} after {previous!r}: a sentence boundary seems lost",
                0.8,
            )
