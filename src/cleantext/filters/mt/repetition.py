"""The ``repetition`` detector: decoding loops (a word, phrase or characters repeated)."""

from __future__ import annotations

import operator
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import repeat
from typing import ClassVar

import regex

from cleantext.context import DocumentContext
from cleantext.filters.base import Detector
from cleantext.filters.mt._common import CJK_CHARS, FAMILY
from cleantext.filters.mt._data import (
    CONJUNCTIONS,
    DOUBLING_ERRORS,
    REPEATED_ON_PURPOSE,
)
from cleantext.filters.registry import register
from cleantext.model import Flag

_TOKEN_RE = re.compile(r"\S+")
_BREAK_RE = re.compile(r"[\n\t]")
# Loops in scripts written without spaces. Han and kana: a unit of 2+ characters (the copy
# count decides below). Thai, Lao, Khmer, Myanmar: 6+ code points starting and ending on a base
# letter, because their vowels and tone marks are separate code points and short units repeat
# inside ordinary words (``ซีเอ็นเอ็น``, CNN).
_CJK_LOOP_RE = re.compile(rf"([{CJK_CHARS}]{{2,20}}?)\1+")
_SEA_LOOP_RE = re.compile("([\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff]{6,30}?)\\1+")
_MAX_UNIT = 8
# A doubled token this long is a loop whatever it is: a clause of Chinese or Japanese (no spaces
# inside), or a long word. Shorter doubles are often reduplication: Hindi ``धीरे धीरे``, Turkish
# ``yavaş yavaş``, Swahili ``haraka haraka``, Indonesian ``anak anak``.
_LONG_TOKEN = 12
_SEA_CHAR_RE = re.compile("[\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff]")


def _is_word(token: str) -> bool:
    return token.strip(".,;:!?\"'“”‘’«»„‚‹›「」『』()[]").isalpha()


def _period(units: list[str]) -> int:
    """The smallest p with ``units[i] == units[i - p]`` throughout (the last copy may be cut).
    At most ``_MAX_UNIT`` tries for a region found with that unit: O(8 n)."""
    size = len(units)
    for p in range(1, size + 1):
        if all(units[i] == units[i - p] for i in range(p, size)):
            return p
    return size


def _needed(unit: int) -> int:
    """How many tokens in a row must equal the token ``unit`` places further for a loop."""
    return 1 if unit == 1 else (2 * unit if unit == 2 else unit)


def _may_loop(tokens: list[str]) -> bool:
    """Whether ``tokens`` may hold a loop: the cheap test that rejects clean text, exactly.

    Unit 1 needs a doubled token (one C-speed comparison of neighbours). A longer unit needs a
    run of tokens equal to the tokens ``unit`` places further, so a run of equal *lengths*
    first: the lengths (modulo 256, one byte a token) are compared for all positions at once, as
    one big-integer XOR (C speed), and only the few runs of equal lengths are compared as tokens.
    Linear: 8 passes over a byte a token, each candidate run compared once (at most 16 tokens).
    """
    if 1 in bytes(map(operator.eq, tokens, tokens[1:])):
        return True
    lengths = bytes(map(operator.and_, map(len, tokens), repeat(0xFF)))
    for unit in range(2, min(_MAX_UNIT, len(tokens) // 2) + 1):
        need = _needed(unit)
        width = len(lengths) - unit
        same = (
            int.from_bytes(lengths[:width], "little") ^ int.from_bytes(lengths[unit:], "little")
        ).to_bytes(width, "little")
        zeros = bytes(need)
        pos = same.find(zeros)
        while pos >= 0:
            if tokens[pos : pos + need] == tokens[pos + unit : pos + unit + need]:
                return True
            pos = same.find(zeros, pos + 1)
    return False


def _is_mark(char: str) -> bool:
    return bool(char) and unicodedata.category(char)[0] == "M"


def _is_primitive(unit: str) -> bool:
    """Whether ``unit`` is not a shorter block repeated whole (``哈哈``, ``abab``)."""
    size = len(unit)
    return not any(size % p == 0 and unit[:p] * (size // p) == unit for p in range(1, size))


@register
@dataclass(frozen=True, slots=True)
class Repetition(Detector):
    """Flag a decoding loop (an n-gram repeated back to back) and doubled function words.

    Neural MT sometimes loops: ``the economy is growing and the economy is growing and …``.
    Flags, within one line and with only spaces between the copies: a unit of 3 to 8 words
    repeated (2 copies), of 2 words (3 copies), a word 3 times or more, a doubled function word
    (``the the``, ``und und``) and a doubled token of 12+ characters; in scripts written without
    spaces, a unit of 4+ characters repeated (2 copies) or of 2-3 characters (3 copies), and in
    Thai, Lao, Khmer and Myanmar of 6+ code points (their vowels are separate code points).
    Leaves alone: legitimate doubles (``that that``, ``had had``, German and Dutch ``die die``),
    reduplication (Hindi ``धीरे धीरे``, Turkish ``yavaş yavaş``, CJK ``看看``, ``研究研究``),
    emphasis (``very very``, ``bye bye``), rhetoric (``take and take and take``: a unit of up to
    three words with a conjunction), laughter and chants (``ha ha ha``, ``Lock her up! Lock her
    up!``, ``pump it out, pump it out``: copies set apart by ``! ? , ; :``), punctuated lists
    (``holy, holy, holy``), numbers, and capitalized doubles (``Bora Bora``).

    Clean text is rejected by `_may_loop` before any token is compared as a string: neighbours
    compared once, token lengths for the longer units in one big-integer XOR per unit.
    Worst case: tokens of one length (``ab cd ef …``) or one token repeated over megabytes.
    Still linear: every unit (at most 8) makes one pass; a run of equal lengths costs one
    comparison of at most 16 tokens; a repeated region is covered once and its period is found
    in at most 8 tries; character loops are found by one regex scan whose unit is at most 30.

    >>> text = "and the economy is growing and the economy is growing"
    >>> [f.code for f in Repetition().flags(text)]
    ['repetition']
    """

    name: ClassVar[str] = "repetition"
    family: ClassVar[str] = FAMILY
    default: ClassVar[bool] = True

    def flags_in(self, doc: DocumentContext) -> Iterator[Flag]:
        text = doc.text
        yield from self._word_loops(text, doc.tokens)
        if not text.isascii():
            scripts = doc.scripts
            if scripts["Han"] or scripts["Hiragana"] or scripts["Katakana"]:
                yield from self._character_loops(text, _CJK_LOOP_RE, 4)
            if scripts["Thai"] or scripts["Lao"] or scripts["Khmer"] or scripts["Myanmar"]:
                yield from self._character_loops(text, _SEA_LOOP_RE, 6)

    def _word_loops(self, text: str, tokens: list[str]) -> Iterator[Flag]:
        size = len(tokens)
        if size < 2 or not _may_loop(tokens):
            return
        spans: list[tuple[int, int]] | None = None
        covered = bytearray(size)  # 1 for tokens already inside a flagged repeat
        for unit in range(1, min(_MAX_UNIT, size // 2) + 1):
            # same[i] is 1 when token i equals token i + unit: a run of n ones is a repeat.
            same = bytes(map(operator.eq, tokens, tokens[unit:]))
            need = _needed(unit)
            pattern = b"\x01" * need
            pos = same.find(pattern)
            while pos >= 0:
                end = pos + need
                while end < len(same) and same[end]:
                    end += 1
                first, last = pos, end + unit  # the repeated region, tokens [first, last)
                pos = same.find(pattern, end)
                if covered.find(1, first, last) >= 0:
                    continue
                if _period(tokens[first:last]) < unit:
                    continue  # a shorter unit repeated: seen (or rejected) with that unit
                if spans is None:
                    spans = [m.span() for m in _TOKEN_RE.finditer(text)]
                if _BREAK_RE.search(text, spans[first][0], spans[last - 1][1]):
                    # Copies must share a line: keep the part on the line where the loop starts.
                    cut = first + 1
                    while cut < last and not _BREAK_RE.search(
                        text, spans[cut - 1][1], spans[cut][0]
                    ):
                        cut += 1
                    last = cut
                region = tokens[first:last]
                copies = len(region) / unit
                if copies < (3 if unit == 2 else 2) or not self._is_loop(region[:unit], copies):
                    continue
                start, stop = spans[first][0], spans[last - 1][1]
                covered[first:last] = b"\x01" * (last - first)
                shown = " ".join(region[:unit])
                if unit == 1 and copies == 2:
                    message = f"doubled word {shown!r}"
                    confidence = 0.9
                else:
                    message = f"{shown!r} repeated {int(copies)} times"
                    confidence = 0.8
                yield Flag(start, stop, "repetition", message, confidence)

    @staticmethod
    def _is_loop(unit: list[str], copies: float) -> bool:
        if len(unit) == 1:
            word = unit[0]
            if (
                len(word) >= _LONG_TOKEN
                and any(ch.isalpha() for ch in word)
                and not _SEA_CHAR_RE.search(word)
            ):
                # A clause of Chinese or Japanese, or a long word. Not Thai and its neighbours:
                # their spaces separate phrases, and phrases repeat in lyrics and chants.
                return True
            if not word.isalpha():
                return False
            lower = word.lower()
            if copies < 3:
                return word == lower and lower in DOUBLING_ERRORS
            return lower not in REPEATED_ON_PURPOSE
        if any(token[-1] in "!?,;:" for token in unit):
            # Chants, lyrics and rhetoric (``Lock her up! Lock her up!``, ``pump it out, pump it
            # out``): copies set apart by punctuation are repeated on purpose.
            return False
        words = [t for t in unit if _is_word(t)]
        if len(words) < min(2, len(unit)):
            return False
        lowered = [w.strip(".,;:").lower() for w in words]
        if len(unit) <= 3 and any(w in CONJUNCTIONS for w in lowered):
            return False  # ``take and take and take``: rhetoric
        return not all(w in REPEATED_ON_PURPOSE for w in lowered)

    @staticmethod
    def _character_loops(
        text: str, pattern: re.Pattern[str] | regex.Pattern[str], shortest: int
    ) -> Iterator[Flag]:
        for match in pattern.finditer(text):
            unit = match.group(1)
            if not _is_primitive(unit):
                continue  # 哈哈哈哈: a shorter unit repeated
            if _is_mark(unit[0]) or _is_mark(text[match.end() : match.end() + 1]):
                continue  # a unit must run from a base letter to a base letter
            copies = (match.end() - match.start()) // len(unit)
            if copies < (2 if len(unit) >= shortest else 3):
                continue
            yield Flag(
                match.start(),
                match.end(),
                "repetition",
                f"{unit!r} repeated {copies} times",
                0.8,
            )
