"""The ``rejoin-numbers`` repair and the ``split-number`` detector: numbers broken by a line
break."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import ClassVar, Literal

import regex

from cleantext.filters.base import Detector, Repair
from cleantext.filters.registry import register
from cleantext.filters.rejoin._data import (
    CURRENCY_SIGNS,
    MAGNITUDES,
    MONEY_FOLLOWERS,
    MONTHS,
    SUSPENDED_HYPHEN_FOLLOWERS,
    TEMPORAL_WORDS,
    UNITS,
    YEAR_FOLLOWERS,
    YEAR_PREPOSITIONS,
)
from cleantext.model import Change, Flag

# A line break (up to two blank lines) with a digit on the right (maybe preceded by `,` or `.`);
# `digit_line_breaks` checks for an ASCII digit on the left (maybe followed by `,` or `.`). The
# pattern starts with a literal, so `re` scans for it at C speed.
_NUMBER_BREAK_RE = re.compile(r"\n(?:[ \t]*\n){0,2}(?=[,.]?[0-9])")
_ASCII_DIGITS = frozenset("0123456789")
# The number at the end of the left line: after whitespace, `(` or the line start; optionally a
# currency sign (``$``, ``US$``). A digit after ``/``, ``:``, ``-``, ``.`` or a letter is part of a
# date, time, score or code (``THURSDAY 11/14``), never a number to extend.
_LEFT_NUMBER_RE = re.compile(
    rf"(?:^|(?<=[\s(\[]))(?P<cur>(?:[A-Z]{{1,2}})?[{CURRENCY_SIGNS}])?"
    r"(?P<num>[0-9]+(?:[.,][0-9]+)*[.,]?)\Z"
)
_RIGHT_NUMBER_RE = re.compile(r"[.,]?[0-9]+(?:[.,][0-9]+)*")
# Well-formed on its own: 0, 7, 2014, 4,500, 1,000,000, optionally with decimals (.5 is not).
_WELL_FORMED_RE = re.compile(r"(?:0|[1-9][0-9]{0,2}(?:,[0-9]{3})+|[1-9][0-9]*)(?:\.[0-9]+)?")
_YEAR_RE = re.compile(r"(?:1[5-9]|20)[0-9]{2}")
_GROUPED_RE = re.compile(r"[1-9][0-9]{0,2}(?:,[0-9]{3})+")
_DECIMAL_RE = re.compile(r"(?:[1-9][0-9]{0,2}(?:,[0-9]{3})+|[0-9]+)\.[0-9]+")
_WORD_RE = regex.compile(r"[\p{L}\p{M}]+")
_SENTENCE_SPLIT_RE = re.compile(r"(?<=[.!?…。])\s+")
_LIST_ITEM_RE = re.compile(r"\s*(?:[-*+•·▪●◦‣]|\(?[0-9]{1,3}[.)])\s")
# A number right before the left number (``11, 12,`` / ``000``): an enumeration, not one number.
_ENUMERATION_RE = re.compile(r"[0-9][,;]?\s+(?:(?:and|or|&|et|und|y|e|o)\s+)?\Z")
# A 1-3 digit number shortly before the left number (``from 9 until 20``): the left number is
# the end of a range of hours or counts, not the start of a year.
_SMALL_NUMBER_BEFORE_RE = re.compile(r"(?<![0-9.,])[0-9]{1,3}(?![0-9])[^0-9\n]{0,16}\Z")
_CONJUNCTIONS = SUSPENDED_HYPHEN_FOLLOWERS  # and, or, nor, et, und, y, ...

Verdict = Literal["join", "flag"]


@dataclass(frozen=True, slots=True)
class _NumberSplit:
    """A candidate: the break ``[start:end]`` between the left and right number pieces."""

    start: int
    end: int
    left_start: int  # where the left number (with its currency sign) starts
    right_end: int  # where the right number ends
    kind: str  # year | grouping | decimal
    joined: str
    verdict: Verdict


def _continuation(after: str) -> tuple[str, str, str]:
    """What follows the right number: ``(kind, word, rest after the word)``.

    Kinds: ``end`` (line end), ``punct`` (``,;:)`` then a space or the line end, not a digit:
    ``4, 5 and 6`` is an enumeration), ``period``, ``unit`` (``%``, ``bn``, `` billion``),
    ``lower``/``upper`` (a space and a word), ``bad`` (anything else: ``1a``, ``70"``, ``3-1``,
    ``8:00``).
    """
    if not after:
        return "end", "", ""
    first = after[0]
    if first in ",;:،؛)":
        rest = after[1:]
        if first == ")" and rest[:1] in (",", ".", ";", ":"):
            rest = rest[1:]
        if not rest or (rest[0] == " " and not rest[1:2].isdigit()):
            return "punct", "", rest
        return "bad", "", rest
    if first == ".":
        rest = after[1:]
        return ("period", "", rest) if not rest or rest[0] == " " else ("bad", "", rest)
    if first == "%":
        return "unit", "%", after[1:]
    if first in "'’" and after[1:2].islower():
        match = _WORD_RE.match(after, 1)  # a case suffix: Turkish ``2018'de``, ``2018’in``
        assert match is not None
        return "suffix", match.group().casefold(), after[match.end() :]
    space = first == " "
    match = _WORD_RE.match(after, 1 if space else 0)
    if match is None:
        return "bad", "", after
    word = match.group()
    folded = word.casefold()
    rest = after[match.end() :]
    if rest[:1].isdigit():
        return "bad", "", rest
    if folded in MAGNITUDES or folded in UNITS:
        return "unit", folded, rest
    if not space:
        return "bad", "", rest  # ``1a etapa``: a letter glued to the digits
    return ("lower" if word[0].islower() else "upper"), folded, rest


def _money_follows(rest: str) -> bool:
    """After ``$4.5 billion``: punctuation, the line end or a word that money takes."""
    if not rest or rest[0] in ",;:.)":
        return True
    match = _WORD_RE.match(rest, 1) if rest[0] == " " else None
    return match is not None and match.group().casefold() in MONEY_FOLLOWERS


def _judge(text: str, start: int, end: int) -> _NumberSplit | None:
    """Decide one break between digits: join, flag, or nothing (None)."""
    line_start = text.rfind("\n", 0, start) + 1
    left_line = text[line_start:start]
    right_stop = text.find("\n", end)
    right_line = text[end : len(text) if right_stop < 0 else right_stop]
    left = _LEFT_NUMBER_RE.search(left_line)
    right = _RIGHT_NUMBER_RE.match(right_line)
    if left is None or right is None:
        return None
    lnum, rnum, cur = left.group("num"), right.group(), left.group("cur") or ""
    if lnum[-1] in ".," and rnum[0] in ".,":
        return None
    joined = lnum + rnum
    year_shaped = (
        lnum.isdigit() and rnum.isdigit() and len(lnum) <= 3 and _YEAR_RE.fullmatch(joined)
    )
    if not year_shaped and _WELL_FORMED_RE.fullmatch(lnum) and _WELL_FORMED_RE.fullmatch(rnum):
        return None  # two good numbers side by side: ``2018`` / ``1a``, ``1`` / ``2``

    before = left_line[: left.start()]
    words = len(_WORD_RE.findall(left_line))
    # Prose: the sentence the number ends has four words or more (``Top 20`` is a heading).
    sentence = _SENTENCE_SPLIT_RE.split(left_line)[-1]
    prose = len(_WORD_RE.findall(sentence)) >= 4 and _LIST_ITEM_RE.match(left_line) is None
    if _ENUMERATION_RE.search(before):
        return None
    tokens = before.split()
    prev_word = tokens[-1].casefold() if tokens else ""
    kind_after, word_after, rest = _continuation(right_line[right.end() :])
    if kind_after == "bad":
        return None

    verdict: Verdict | None = None
    if year_shaped:
        kind = "year"
        # One or two digits (``in 20`` / ``17``) need a millennium or century (1, 2, 19, 20)
        # and a word that takes years rather than hours (``until 19`` is 7 p.m.).
        if len(lnum) <= 2:
            temporal = lnum in ("1", "2", "19", "20") and prev_word in YEAR_PREPOSITIONS
        else:
            temporal = prev_word in TEMPORAL_WORDS
        temporal = temporal and not _SMALL_NUMBER_BEFORE_RE.search(before)
        leading_zero = len(rnum) >= 2 and rnum[0] == "0"
        follows = kind_after in ("punct", "period") or (
            kind_after == "lower" and word_after in YEAR_FOLLOWERS
        )
        if (prose and (temporal or leading_zero) and follows) or (
            _continues_year(
                text,
                before,
                (lnum, rnum, joined),
                (kind_after, word_after),
                prose or (_letters(sentence) >= 16 and _UNSPACED_RE.search(sentence) is not None),
                prev_word in YEAR_PREPOSITIONS or _DAY_MONTH_BEFORE_RE.search(before) is not None,
            )
            and not (len(lnum) <= 2 and prev_word.rstrip(".,") in MONTHS)
        ):
            verdict = "join"
        elif ((temporal or leading_zero) and (follows or kind_after == "lower")) or (
            prose and follows and len(lnum) == 3
        ):
            verdict = "flag"
    elif _GROUPED_RE.fullmatch(joined):
        kind = "grouping"
        if words == 0 or kind_after == "upper":
            verdict = None
        elif kind_after == "end":
            verdict = "flag"
        elif rnum[0] == ",":
            verdict = "join"  # a line never starts with ``,000``
        elif lnum[-1] == ",":
            # ``12,`` / ``000 people``. ``98,`` / ``100 and 99`` is a list of scores.
            strong = (
                rnum[0] == "0"
                or kind_after == "unit"
                or (kind_after == "lower" and word_after not in _CONJUNCTIONS)
            )
            verdict = "join" if strong else "flag"
        else:
            # Split inside a group (``4,5`` / ``00``); ``3,2`` alone is a European decimal.
            strong = rnum[0] == "0" or re.search(r",[0-9]{3},[0-9]{1,2}\Z", lnum) is not None
            verdict = "join" if strong else "flag"
    elif _DECIMAL_RE.fullmatch(joined):
        kind = "decimal"
        if rnum[0] == ".":
            # A line never starts with ``.5``; a currency sign or a unit makes it a decimal.
            if cur or kind_after == "unit":
                verdict = "join"
            elif kind_after in ("punct", "lower", "period"):
                verdict = "flag"
        elif lnum[-1] == "." and cur and kind_after == "unit" and word_after in MAGNITUDES:
            # ``$4.`` may end a sentence: join only money with a magnitude, said as money.
            # Without a currency sign and a magnitude, a sentence end is the likelier reading
            # (``grew 2.`` / ``5% of voters``; ``$4.`` / ``36, closed``): not even flagged.
            verdict = "join" if _money_follows(rest) else "flag"
    else:
        return None
    if verdict is None:
        return None
    return _NumberSplit(
        start, end, line_start + left.start(), end + right.end(), kind, joined, verdict
    )


# What ends a sentence, in the scripts of our corpora (Latin, Arabic, Devanagari, Ethiopic...).
_TERMINAL = frozenset(".!?…。！？؟۔।॥።፧")
# A year after which the sentence goes on: punctuation then a space or the line end.
_YEAR_PUNCT = frozenset(",;:.!?…،؛።፣፤፥፡।")
# ``from 9 until 20`` / ``17``, ``aged 18 to 20``, ``5-20``: the left piece ends a range.
_RANGE_BEFORE_RE = re.compile(
    r"(?<![0-9.,])[0-9]{1,3}(?:\s+(?:until|till|to|bis|à|au|a|al|hasta|tot|до|i)\s+|\s*[-–]\s*)\Z"
)
# Scripts written without spaces between words: there a sentence of one "word" is prose.
_UNSPACED_RE = regex.compile(
    r"[\p{Thai}\p{Lao}\p{Khmer}\p{Myanmar}\p{Han}\p{Hiragana}\p{Katakana}]"
)
# A day and a month before the left piece (``29 Eylül 20``, ``19. Juni 19``): a year follows.
_DAY_MONTH_BEFORE_RE = re.compile(r"(?<![0-9.,])[0-9]{1,2}\.?\s+[^\W\d_]{3,},?\s+\Z")
_FOUR_DIGIT_YEAR_RE = re.compile(r"(?<![0-9.,])(?:19|20)[0-9]{2}(?![0-9]|[.,][0-9])")


def _letters(text: str) -> int:
    return sum(len(m) for m in _WORD_RE.findall(text))


def _continues_year(
    text: str,
    before: str,
    pieces: tuple[str, str, str],
    after: tuple[str, str],
    prose: bool,
    dated: bool,
) -> bool:
    """The evidence for joining a year split in any language, beyond a word of time.

    All of: the joined number is a year of 1900-2099 (or within 30 years of one the document
    writes elsewhere); no sentence ends right before the left piece (``sumatra. 20`` / ``06:``
    starts a sentence with a number); the left line is prose; and the right side continues the
    sentence: punctuation, or a word that starts in lower case or in a script without case
    (``201`` / ``8 فقط``, ``20`` / ``17 ለዌልሽ``). A left piece of one or two digits followed by
    a lower-case word of a cased script needs more, since ``below 20`` / ``17 people were hurt``
    is two numbers: a leading zero on the right (``2`` / ``018``), a word that takes years
    (`YEAR_FOLLOWERS`, ``году``, ``roku``...), three digits on the left, or a date or a word
    that takes years before it (``29 Eylül 20`` / ``18 tarihinde``, ``seit 1`` / ``994 aktiv``).
    Prose is four words in the sentence, or 16 letters in scripts written without spaces.
    After a month name a piece of one or two digits is a day (``October 20`` / ``29,``).
    """
    lnum, rnum, joined = pieces
    kind_after, word_after = after
    year = int(joined)
    if not prose or len(joined) != 4 or not _plausible_year(text, year):
        return False
    stripped = before.rstrip()
    if stripped[-1:] in _TERMINAL or _RANGE_BEFORE_RE.search(before):
        return False  # a sentence starts with the number; ``from 9 until 20``: a range
    if kind_after in ("punct", "period", "suffix"):
        return True
    if kind_after not in ("lower", "upper") or not word_after:
        return False
    first = word_after[0]
    caseless = not first.isupper() and not first.islower()
    if kind_after == "upper" and not caseless:
        return False
    if caseless or len(lnum) == 3 or word_after in YEAR_FOLLOWERS or dated:
        return True
    return len(rnum) >= 2 and rnum[0] == "0"


def _plausible_year(text: str, year: int) -> bool:
    """1900-2099, or near a year the document writes elsewhere (a history of the 1800s)."""
    if 1900 <= year <= 2099:
        return True
    found = _FOUR_DIGIT_YEAR_RE.search(text)
    return found is not None and abs(int(found.group()) - year) <= 30


def digit_line_breaks(text: str) -> Iterator[tuple[int, int]]:
    """Spans of line breaks with an ASCII digit (maybe then ``,`` or ``.``) before them."""
    if "\n" not in text:
        return  # cheap reject
    for match in _NUMBER_BREAK_RE.finditer(text):
        start = match.start()
        before = text[max(0, start - 2) : start]
        if before[-1:] in _ASCII_DIGITS or (
            before[-1:] in (",", ".") and before[:1] in _ASCII_DIGITS and len(before) == 2
        ):
            yield start, match.end()


def _number_splits(text: str) -> Iterator[_NumberSplit]:
    for start, end in digit_line_breaks(text):
        split = _judge(text, start, end)
        if split is not None:
            yield split


_NUMBER_REASONS = {
    "year": "a year split across a line break",
    "grouping": "a number with thousands separators split across a line break",
    "decimal": "a decimal amount split across a line break",
}


@register
@dataclass(frozen=True, slots=True)
class RejoinNumbers(Repair):
    """Join a number that a line break cut in two: ``collapsed in 201`` / ``4, a coalition``.

    Joins (rules ``rejoin-numbers.year``, ``.grouping``, ``.decimal``) only when the pieces and
    their context prove it: a year after a word of time (``in``, ``since``, ...) in a prose line,
    followed by punctuation or a function word (``20`` / ``17 and``); a thousands group completed
    across the break (``12,`` / ``000 people``); a money amount with a magnitude
    (``$4.`` / ``5 billion in aid``). Leaves alone: dates, times and scores (``11/14`` /
    ``8:00 AM``, ``3-1``), two complete numbers (``2018`` / ``1a etapa``, ``$58.56`` /
    ``70" TV``), numbered lists, counts (``Top 20`` / ``17 people``), anything after a sentence
    end, and non-ASCII digits. Possible splits it does not join are flagged by `SplitNumber`.

    >>> from cleantext import Pipeline
    >>> Pipeline([RejoinNumbers()]).clean("The forces collapsed in 201\\n\\n4, and then")
    'The forces collapsed in 2014, and then'
    """

    name: ClassVar[str] = "rejoin-numbers"
    default: ClassVar[bool] = True

    def changes(self, text: str) -> Iterator[Change]:
        # A join lengthens the line the next split sits on (``in 201`` / ``5 and in 2`` /
        # ``025``), which can turn its evidence into prose: join to a fixed point, so that one
        # run gives what two would. Joins only delete line breaks, so a position in the
        # current text maps back to the input by adding the deletions before it.
        removed: list[Change] = []
        current = text
        while True:
            joins = [s for s in _number_splits(current) if s.verdict == "join"]
            if not joins:
                break
            deletions = sorted((c.start, c.end) for c in removed)
            for split in joins:
                start = _to_input(split.start, deletions)
                end = start + (split.end - split.start)
                removed.append(
                    Change(
                        start,
                        end,
                        "",
                        f"rejoin-numbers.{split.kind}",
                        f"{_NUMBER_REASONS[split.kind]}: {split.joined}",
                    )
                )
            removed.sort(key=lambda c: c.start)
            current = "".join(_kept_pieces(text, removed))
        yield from removed


def _to_input(position: int, deletions: list[tuple[int, int]]) -> int:
    """Map a position in the text left after ``deletions`` (sorted input spans) to the input."""
    for start, end in deletions:
        if start <= position:
            position += end - start
        else:
            break
    return position


def _kept_pieces(text: str, removed: list[Change]) -> Iterator[str]:
    pos = 0
    for change in removed:
        yield text[pos : change.start]
        pos = change.end
    yield text[pos:]


@register
@dataclass(frozen=True, slots=True)
class SplitNumber(Detector):
    """Flag a number that a line break may have cut in two (``Top 20`` / ``17 and 18``).

    Code ``split-number``: confidence 0.9 where `RejoinNumbers` would join (it
    was not in the pipeline), 0.5 where the shape fits but the evidence is too thin to join.
    Leaves alone what is clearly not one number (dates, times, scores, lists, two complete
    numbers), a bare number at a sentence end (``grew 2.`` / ``5% of voters``) and non-ASCII
    digits.

    >>> [f.code for f in SplitNumber().flags("Results in 20\\n17 and 18")]
    ['split-number']
    """

    name: ClassVar[str] = "split-number"
    family: ClassVar[str] = "rejoin"
    default: ClassVar[bool] = True

    def flags(self, text: str) -> Iterator[Flag]:
        for split in _number_splits(text):
            sure = split.verdict == "join"
            yield Flag(
                split.left_start,
                split.right_end,
                "split-number",
                f"{_NUMBER_REASONS[split.kind]}? ({split.joined})",
                0.9 if sure else 0.5,
            )
