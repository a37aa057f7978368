"""The ``mixed-script-word`` detector: homoglyphs of another alphabet inside a word."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from typing import ClassVar

import regex

from cleantext.context import DocumentContext
from cleantext.filters.base import Detector
from cleantext.filters.mt._common import FAMILY
from cleantext.filters.mt._data import (
    CYRILLIC_LOOKALIKES,
    GREEK_LOOKALIKES,
    LATIN_LOOKALIKES,
    UNIT_PREFIXES,
)
from cleantext.filters.registry import register
from cleantext.model import Flag

# Runs of one alphabet's letters, by code-point blocks (a fast scan); a word mixing alphabets
# shows as a run with a letter right before or after it. `_judge` then counts the word's letters
# by their real script.
_ALPHABET_RUN_RE = {
    "Latin": re.compile("[A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\u1e00-\u1eff]+"),
    "Cyrillic": re.compile("[\u0400-\u0481\u048a-\u052f]+"),
    "Greek": re.compile("[\u0386\u0388-\u03ff\u1f00-\u1ffc]+"),
}
_LETTER_SCRIPT_RE = regex.compile(r"(\p{Latin})|(\p{Cyrillic})|(\p{Greek})")
_SCRIPT_NAMES = ("Latin", "Cyrillic", "Greek")
_LOOKALIKES = {
    "Latin": frozenset(LATIN_LOOKALIKES),
    "Cyrillic": frozenset(CYRILLIC_LOOKALIKES),
    "Greek": frozenset(GREEK_LOOKALIKES),
}


def _word_around(text: str, start: int, end: int) -> tuple[int, int]:
    def inside(ch: str) -> bool:
        return ch.isalpha() or unicodedata.category(ch).startswith("M")

    while start > 0 and inside(text[start - 1]):
        start -= 1
    while end < len(text) and inside(text[end]):
        end += 1
    return start, end


@register
@dataclass(frozen=True, slots=True)
class MixedScriptWord(Detector):
    """Flag a word mixing Latin with Cyrillic or Greek letters: ``Nаval`` with a Cyrillic ``а``.

    Homoglyph swaps (spam that dodges filters, OCR, a keyboard layout switched mid-word) leave words
    that look right and match nothing. Confidence is high when the minority letters are
    look-alikes of the majority script, lower otherwise. Leaves alone: words of fewer than 3
    letters (``Δx``), units (``μm``, ``μmol``, ``kΩ``), gene and protein names with a Greek letter
    at an edge of an uppercase Latin name (``TNFα``, ``IFNγ``), the micro sign ``µ`` (a Common
    character, not Greek), and words joined by a hyphen or apostrophe (``β-blocker``).

    Worst case: a megabyte of words alternating Latin and Cyrillic letters (``aбaбaб…``). Still
    linear: runs of the rarer alphabet are found by one scan, a word is widened to its edges
    once (runs inside the word found last are skipped), and each word is judged once.

    >>> [(f.code, f.start, f.end) for f in MixedScriptWord().flags("The Nаval base, 5 μm wide.")]
    [('mixed-script-word', 4, 9)]
    """

    name: ClassVar[str] = "mixed-script-word"
    family: ClassVar[str] = FAMILY
    default: ClassVar[bool] = True

    def flags_in(self, doc: DocumentContext) -> Iterator[Flag]:
        text = doc.text
        if text.isascii():
            return
        scripts = doc.scripts
        present = sorted((s for s in _SCRIPT_NAMES if scripts[s]), key=lambda s: scripts[s])
        if len(present) < 2:
            return  # one alphabet only: no word can mix two
        # Runs of the rarer alphabets (a few names in a Russian text) touching another letter.
        words: set[tuple[int, int]] = set()
        for script in present[:-1]:
            done = -1
            for match in _ALPHABET_RUN_RE[script].finditer(text):
                start, end = match.span()
                if start < done:
                    continue  # inside the word found last
                if text[start - 1 : start].isalpha() or text[end : end + 1].isalpha():
                    word = _word_around(text, start, end)
                    words.add(word)
                    done = word[1]
        for start, end in sorted(words):
            flag = self._judge(text, start, end)
            if flag is not None:
                yield flag

    @staticmethod
    def _judge(text: str, start: int, end: int) -> Flag | None:
        word = text[start:end]
        letters: dict[str, list[str]] = {name: [] for name in _SCRIPT_NAMES}
        for match in _LETTER_SCRIPT_RE.finditer(word):
            letters[_SCRIPT_NAMES[(match.lastindex or 1) - 1]].append(match.group())
        total = sum(len(v) for v in letters.values())
        if total < 3:
            return None
        ranked = sorted(_SCRIPT_NAMES, key=lambda s: len(letters[s]), reverse=True)
        major, minor = ranked[0], [s for s in ranked[1:] if letters[s]]
        if not minor:
            return None  # one alphabet next to letters of another script (``منصةSolid``)
        if major == "Latin" and minor == ["Greek"]:
            greek, latin = letters["Greek"], "".join(letters["Latin"])
            if all(ch in UNIT_PREFIXES for ch in greek) and len(latin) <= 3:
                return None  # μm, μmol, kΩ
            if (
                len(greek) == 1
                and greek[0].islower()
                and greek[0] in (word[0], word[-1])
                and latin.isupper()
            ):
                return None  # TNFα, IFNγ (a capital Greek letter there is a homoglyph: KSWΒ)
        odd = [ch for script in minor for ch in letters[script]]
        lookalike = all(ch in _LOOKALIKES[script] for script in minor for ch in letters[script])
        names = ", ".join(
            f"{ch!r} ({unicodedata.name(ch, f'U+{ord(ch):04X}')})" for ch in dict.fromkeys(odd)
        )
        return Flag(
            start,
            end,
            "mixed-script-word",
            f"{major} word {word[:40]!r} contains {'/'.join(minor)} letters: {names[:200]}",
            0.9 if lookalike else 0.6,
        )
