"""Rejoin what layout broke at line breaks: numbers, hyphenated words, hard-wrapped paragraphs.

Scrapers and PDF extractors break text where the page broke lines. A wrong join silently
corrupts data (``20`` / ``17 people`` is not ``2017 people``), so every join here needs evidence
beyond "a digit on each side": the shape of the pieces, the word before, the word after. What is
possible but not proven is flagged by the `SplitNumber` detector instead of being joined.

Only ASCII digits are rejoined. Arabic-Indic (``٠-٩``) and Persian (``۰-۹``) digits, ``٫``/``٬``
and numbers glued to CJK text (``于201`` / ``4年``) are deliberately left alone: their year ranges
(Hijri, Solar Hijri) and separators need rules we cannot check on data we have.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from typing import ClassVar, Literal

import regex

from cleantext.filters._rejoin_data import (
    COMPOUND_SUFFIXES,
    CURRENCY_SIGNS,
    ENGLISH_FUNCTION_WORDS,
    MAGNITUDES,
    MONEY_FOLLOWERS,
    OTHER_FUNCTION_WORDS,
    SUSPENDED_HYPHEN_FOLLOWERS,
    TEMPORAL_WORDS,
    UNITS,
    YEAR_FOLLOWERS,
    YEAR_PREPOSITIONS,
    english_words,
)
from cleantext.model import Change, Flag

# --------------------------------------------------------------------------------------------
# Numbers

# A line break (up to two blank lines) with a digit on the right (maybe preceded by `,` or `.`);
# `_number_breaks` checks for an ASCII digit on the left (maybe followed by `,` or `.`). The
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
        if prose and (temporal or leading_zero) and follows:
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


def _number_breaks(text: str) -> Iterator[tuple[int, int]]:
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
    for start, end in _number_breaks(text):
        split = _judge(text, start, end)
        if split is not None:
            yield split


_NUMBER_REASONS = {
    "year": "a year split across a line break",
    "grouping": "a number with thousands separators split across a line break",
    "decimal": "a decimal amount split across a line break",
}


@dataclass(frozen=True, slots=True)
class RejoinNumbers:
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


@dataclass(frozen=True, slots=True)
class SplitNumber:
    """Flag a number that a line break may have cut in two (``Top 20`` / ``17 and 18``).

    Code ``rejoin.possible-split-number``: confidence 0.9 where `RejoinNumbers` would join (it
    was not in the pipeline), 0.5 where the shape fits but the evidence is too thin to join.
    Leaves alone what is clearly not one number (dates, times, scores, lists, two complete
    numbers), a bare number at a sentence end (``grew 2.`` / ``5% of voters``) and non-ASCII
    digits.

    >>> [f.code for f in SplitNumber().flags("Results in 20\\n17 and 18")]
    ['rejoin.possible-split-number']
    """

    name: ClassVar[str] = "split-number"

    def flags(self, text: str) -> Iterator[Flag]:
        for split in _number_splits(text):
            sure = split.verdict == "join"
            yield Flag(
                split.left_start,
                split.right_end,
                "rejoin.possible-split-number",
                f"{_NUMBER_REASONS[split.kind]}? ({split.joined})",
                0.9 if sure else 0.5,
            )


# --------------------------------------------------------------------------------------------
# Hyphenated words

_HYPHEN_BREAK_RE = regex.compile(
    r"(?<![\p{L}\p{M}])(?P<left>[\p{L}\p{M}]+)(?P<hyphen>[\-\u2010\u00ad])"
    r"(?P<brk>\n(?:[ \t]*\n){0,2})(?P<right>[\p{L}\p{M}]+)"
)
_TOKEN_RE = regex.compile(r"[\p{L}\p{M}]+(?:[\-\u2010][\p{L}\p{M}]+)*")

WordDecision = Literal["join", "compound", "soft-hyphen"]


def _word_counts(text: str) -> Counter[str]:
    """Casefolded words of ``text``: whole hyphenated tokens, their parts and adjacent pairs."""
    counts: Counter[str] = Counter()
    for match in _TOKEN_RE.finditer(text):
        token = match.group().casefold().replace("\u2010", "-")
        counts[token] += 1
        if "-" in token:
            parts = token.split("-")
            counts.update(parts)
            if len(parts) > 2:
                counts.update(f"{a}-{b}" for a, b in itertools.pairwise(parts))
    return counts


def _is_english(text: str, candidates: list[regex.Match[str]]) -> bool:
    """Enough English function words, and few of other languages, among standalone words.

    Only words that are neither part of a hyphenated word nor next to a hyphenated line break
    count, so that rejoining (which creates such words) cannot change the answer on a second run.
    """
    touched = {c.start("left") for c in candidates} | {c.start("right") for c in candidates}
    english = other = 0
    for match in _TOKEN_RE.finditer(text):
        token = match.group()
        if "-" in token or "\u2010" in token or match.start() in touched:
            continue
        folded = token.casefold()
        english += folded in ENGLISH_FUNCTION_WORDS
        other += folded in OTHER_FUNCTION_WORDS
    return english >= 3 and english > 2 * other


def _decide_word(
    left: str, right: str, chained: bool, counts: Counter[str], english: bool
) -> WordDecision | None:
    """Join (``publica-`` / ``tion``), keep the compound (``Iran-`` / ``backed``), or leave."""
    joined = (left + right).casefold()
    hyphenated = f"{left}-{right}".casefold()
    n_joined, n_hyphenated = counts[joined], counts[hyphenated]
    # The document's own spelling wins over any word list.
    if n_hyphenated > n_joined:
        return "compound"
    if n_joined > n_hyphenated:
        return "join"
    if n_joined:
        return None  # both spellings, equally often: unsure
    if not right[0].islower():
        return None  # ``Iraqi-`` / ``US``: no evidence, and never joined without a hyphen
    folded_left, folded_right = left.casefold(), right.casefold()
    if folded_right in SUSPENDED_HYPHEN_FOLLOWERS:
        return None  # ``pre-`` / ``and post-war``
    if chained:
        return "compound"  # ``state-of-`` / ``the-art``: already a hyphenated chain
    words = english_words()
    if len(left) >= 2 and len(right) >= 2 and joined in words:
        return "join"
    if folded_right in COMPOUND_SUFFIXES:
        return "compound"
    if (
        english
        and folded_right in words
        and folded_left in words
        and len(left) >= 2
        and left.islower()
    ):
        # ``well-`` / ``known``. Only in English text: in German ``eben-`` / ``falls`` and in
        # French ``com-`` / ``me`` are words whose halves happen to be English; and not
        # ``Par-`` / ``lament``, a capitalized first half is as often a foreign word.
        return "compound"
    return None


@dataclass(frozen=True, slots=True)
class RejoinWords:
    """Rejoin a word hyphenated across a line break: ``publica-`` / ``tion`` → ``publication``.

    The evidence is the document itself (the joined or hyphenated spelling appears elsewhere in
    it, in any language), then an English word list (SCOWL size 50, shipped as package data).
    Rules: ``rejoin-words.hyphenation`` (hyphen and break removed), ``rejoin-words.compound``
    (a real compound such as ``Iran-`` / ``backed``: the hyphen stays, the break goes),
    ``rejoin-words.soft-hyphen`` (a soft hyphen U+00AD before a break always marks a
    hyphenation). Leaves alone: suspended hyphens (``pre-`` / ``and post-war``), a capitalized
    second part without evidence (``Iraqi-`` / ``US``), words found in no list and nowhere else
    in the document (most non-English words), and caseless scripts without evidence.

    >>> from cleantext import Pipeline
    >>> Pipeline([RejoinWords()]).clean("the publica-\\ntion of Iran-\\nbacked groups")
    'the publication of Iran-backed groups'
    """

    name: ClassVar[str] = "rejoin-words"

    def changes(self, text: str) -> Iterator[Change]:
        # Cheap reject: no hyphen of any kind right before a line break.
        if "-\n" not in text and "\u00ad\n" not in text and "\u2010\n" not in text:
            return
        candidates = list(_HYPHEN_BREAK_RE.finditer(text, overlapped=True))
        if not candidates:
            return
        counts = _word_counts(text)
        english = _is_english(text, candidates)
        decided: dict[int, WordDecision] = {}
        # A fragment broken at both ends (``a-`` / ``b-`` / ``c``) has no known word: leave the
        # chain alone (deciding one link would change what the next run sees of the other).
        chain: set[int] = set()
        for index in range(len(candidates) - 1):
            if candidates[index + 1].start("left") < candidates[index].end("right"):
                chain.update((index, index + 1))
        # Decisions feed the evidence (a rejoined word is a spelling in the document), and a
        # second run would see them; iterate to a fixed point so that one run gives what two do.
        progress = True
        while progress:
            progress = False
            for index, match in enumerate(candidates):
                if index in decided or index in chain:
                    continue
                left, right = match.group("left"), match.group("right")
                decision: WordDecision | None
                if match.group("hyphen") == "\u00ad":
                    decision = "soft-hyphen"
                else:
                    chained = text[match.start() - 1 : match.start()] in ("-", "\u2010")
                    decision = _decide_word(left, right, chained, counts, english)
                if decision is None:
                    continue
                decided[index] = decision
                progress = True
                if decision == "compound":
                    counts[f"{left}-{right}".casefold()] += 1
                else:
                    counts[(left + right).casefold()] += 1
        for index, decision in sorted(decided.items()):
            match = candidates[index]
            word = match.group("left") + match.group("right")
            if decision == "compound":
                yield Change(
                    match.start("brk"),
                    match.end("brk"),
                    "",
                    "rejoin-words.compound",
                    f"a hyphenated compound split across a line break: "
                    f"{match.group('left')}-{match.group('right')}",
                )
            else:
                yield Change(
                    match.start("hyphen"),
                    match.end("brk"),
                    "",
                    f"rejoin-words.{'soft-hyphen' if decision == 'soft-hyphen' else 'hyphenation'}",
                    f"a word hyphenated across a line break: {word}",
                )


# --------------------------------------------------------------------------------------------
# Hard-wrapped lines

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


@dataclass(frozen=True, slots=True)
class RejoinLines:
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
                number_breaks = list(_number_breaks(text))
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
