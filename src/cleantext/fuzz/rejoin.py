"""Corruptors for the `rejoin` family, and clean documents that tempt a number-joiner.

* `SplitNumbers` cuts numbers with ``\\n`` or ``\\n\\n`` (``2014`` → ``201`` / ``4``).
* `HyphenateWords` hyphenates words across a line break (``publica-`` / ``tion``) and breaks
  hyphenated compounds after their hyphen (``Iran-`` / ``backed``).
* `HardWrap` hard-wraps paragraphs at a fixed width, breaking only at single spaces.

Each has ``supported_only``: when set, it makes only the corruptions that the filters document
as repairable (a year after a word of time, a thousands group, money with a magnitude; a word
the English list or the document knows; a paragraph wrapped to three or more lines), so that
``filter(corrupt(x)) == x`` is a property test. Unset, the corruption is blind, and the share
the filters restore is their recall (``benchmarks/eval_rejoin.py``).

`edge_number_document` writes CLEAN text built to tempt a number-joiner: numbers at the ends and
starts of lines and paragraphs in every shape that must not be joined (dates, times, scores,
prices, lists, headings ending in a number, years at a sentence end followed by a paragraph that
starts with a number). Nothing in it may be joined.
"""

from __future__ import annotations

import random
import re
from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

import regex

from cleantext.filters.rejoin._data import (
    COMPOUND_SUFFIXES,
    MONEY_FOLLOWERS,
    SUSPENDED_HYPHEN_FOLLOWERS,
    TEMPORAL_WORDS,
    YEAR_FOLLOWERS,
    YEAR_PREPOSITIONS,
    english_words,
)
from cleantext.fuzz.base import Artifact

if TYPE_CHECKING:
    from hypothesis import strategies as st


def _breaks(rng: random.Random) -> str:
    return "\n" if rng.random() < 0.5 else "\n\n"


def _insert(text: str, inserts: list[tuple[int, str, str, str]]) -> tuple[str, list[Artifact]]:
    """Insert ``(position, inserted, kind, clean)`` items; ``clean`` is what the span replaced.

    An insert whose ``clean`` is non-empty REPLACES ``len(clean)`` characters at ``position``.
    Artifacts come back in the dirty text's coordinates.
    """
    pieces: list[str] = []
    artifacts: list[Artifact] = []
    pos = 0
    shift = 0
    for position, inserted, kind, clean in sorted(inserts):
        pieces.append(text[pos:position])
        start = position + shift
        pieces.append(inserted)
        artifacts.append(Artifact(kind, start, start + len(inserted), clean))
        pos = position + len(clean)
        shift += len(inserted) - len(clean)
    pieces.append(text[pos:])
    return "".join(pieces), artifacts


# --------------------------------------------------------------------------------------------
# Numbers

# An ASCII number standing on its own: after whitespace, a bracket or a currency sign, and not
# glued to a letter, a slash, a colon or a hyphen on the right.
_NUMBER_RE = re.compile(
    r"(?:(?<=[\s(\[$€£¥₹₽])|^)(?P<num>[0-9][0-9.,]*[0-9])(?=[\s,;:.)%!?]|\Z)(?![.,][0-9])"
)
_WORDS_BEFORE_RE = regex.compile(r"[\p{L}\p{M}]+")
_SMALL_NUMBER_BEFORE_RE = re.compile(r"(?<![0-9.,])[0-9]{1,3}(?![0-9])[^0-9\n]{0,16}\Z")


def _after_number(text: str, end: int) -> tuple[str, str]:
    """The punctuation right after a number and the word (or digits) after that."""
    rest = text[end : end + 40]
    match = regex.match(r"(?P<p>[,;:.)]?)(?:\s+(?P<w>[\p{L}\p{M}%]+|[0-9]))?", rest)
    assert match is not None
    return match.group("p"), match.group("w") or ""


def _supported_number_cuts(text: str, match: re.Match[str]) -> list[int]:
    """Offsets inside the number where `RejoinNumbers` documents that it rejoins a cut."""
    num = match.group("num")
    start, end = match.span("num")
    line_start = text.rfind("\n", 0, start) + 1
    before = text[line_start:start]
    punct, raw_word = _after_number(text, end)
    word = raw_word.casefold()
    words = _WORDS_BEFORE_RE.findall(before)
    sentence_words = _WORDS_BEFORE_RE.findall(re.split(r"(?<=[.!?…。])\s+", before)[-1])
    cuts: list[int] = []
    if re.fullmatch(r"(?:1[5-9]|20)[0-9]{2}", num):
        prev = before.split()[-1].casefold() if before.split() else ""
        follows = punct in (",", ";", ":", ".", ")") or (not punct and word in YEAR_FOLLOWERS)
        if word[:1].isdigit() or _SMALL_NUMBER_BEFORE_RE.search(before):
            follows = False  # ``2013, 75%`` continues a list; ``379 800 habitants en 2017``
        if len(sentence_words) >= 4 and follows:
            # Cut after the third digit after any word of time; after the first or second only
            # in a year of the 1900s or 2000s after a word that takes years, not hours.
            if prev in TEMPORAL_WORDS:
                cuts.append(start + 3)
            if prev in YEAR_PREPOSITIONS and num[:2] in ("19", "20"):
                cuts.extend((start + 1, start + 2))
    elif re.fullmatch(r"[1-9][0-9]{0,2}(?:,[0-9]{3})+", num):
        lowercase_word = (
            not punct and raw_word[:1].islower() and word not in SUSPENDED_HYPHEN_FOLLOWERS
        )
        enumeration = re.search(r"[0-9][,;]?\s+\Z", before) is not None
        if words and lowercase_word and not enumeration:
            for offset, char in enumerate(num):
                if char == ",":
                    cuts.extend((start + offset, start + offset + 1))
    elif re.fullmatch(r"[0-9]{1,3}\.[0-9]+", num):
        currency = text[start - 1 : start] in "$€£¥₹₽" and start > 0
        rest = text[end:]
        magnitude = re.match(r" (?:million|billion|trillion)(?P<r>[^\n]*)", rest)
        if currency and magnitude:
            tail = magnitude.group("r")
            next_word = tail.split()[0].casefold() if tail.strip() else ""
            if not tail or tail[0] in ",;:.)" or (tail[0] == " " and next_word in MONEY_FOLLOWERS):
                dot = start + num.index(".")
                cuts.extend((dot, dot + 1))
    return cuts


@dataclass(frozen=True, slots=True)
class SplitNumbers:
    """Cut up to ``max_cuts`` numbers at a random inner point with ``\\n`` or ``\\n\\n``."""

    name: ClassVar[str] = "rejoin-numbers"
    max_cuts: int = 2
    supported_only: bool = False

    def corrupt(self, text: str, rng: random.Random) -> tuple[str, list[Artifact]]:
        options: list[int] = []
        for match in _NUMBER_RE.finditer(text):
            if self.supported_only:
                options.extend(_supported_number_cuts(text, match))
            else:
                options.extend(range(match.start("num") + 1, match.end("num")))
        if not options:
            return text, []
        chosen = sorted(set(rng.sample(options, min(self.max_cuts, len(options)))))
        # Two cuts in one number would make neither piece a number: keep the first.
        kept: list[int] = []
        for cut in chosen:
            if kept and re.fullmatch(r"[0-9.,]*", text[kept[-1] : cut]):
                continue
            kept.append(cut)
        return _insert(text, [(cut, _breaks(rng), "split-number", "") for cut in kept])


# --------------------------------------------------------------------------------------------
# Words

_WORD_RE = regex.compile(r"(?<![\p{L}\p{M}\-‐])[\p{L}\p{M}]+(?![\p{L}\p{M}\-‐])")
_COMPOUND_RE = regex.compile(r"(?<![\p{L}\p{M}\-‐])[\p{L}\p{M}]+-[\p{L}\p{M}]+(?![\p{L}\p{M}\-‐])")


_TOKEN_RE = regex.compile(r"[\p{L}\p{M}]+(?:-[\p{L}\p{M}]+)*")


def _counts(text: str) -> Counter[str]:
    """Casefolded words and hyphenated words of ``text``, and the parts of the latter."""
    counts: Counter[str] = Counter()
    for token in _TOKEN_RE.findall(text):
        token = token.casefold()
        counts[token] += 1
        if "-" in token:
            counts.update(token.split("-"))
    return counts


@dataclass(frozen=True, slots=True)
class HyphenateWords:
    """Hyphenate up to ``max_words`` words across a line break; break compounds after the hyphen.

    A word of ``min_length`` letters or more is cut with at least two letters on each side, the
    way typesetters hyphenate; ``soft_hyphen_rate`` of the cuts use U+00AD instead of ``-``.
    """

    name: ClassVar[str] = "rejoin-words"
    max_words: int = 3
    min_length: int = 5
    soft_hyphen_rate: float = 0.1
    supported_only: bool = False

    def corrupt(self, text: str, rng: random.Random) -> tuple[str, list[Artifact]]:
        # One list of possible cuts per word, so that a word is cut at most once.
        options: list[list[tuple[int, str]]] = []
        words = english_words() if self.supported_only else frozenset()
        counts = _counts(text) if self.supported_only else Counter()
        seen: set[str] = set()
        for match in _WORD_RE.finditer(text):
            word = match.group()
            if len(word) < self.min_length:
                continue
            if self.supported_only:
                # One copy of a word at most: the other copies are the document's evidence.
                if word.casefold() in seen:
                    continue
                seen.add(word.casefold())
            cuts = [
                (match.start() + cut, "word")
                for cut in range(2, len(word) - 1)
                if not self.supported_only
                or self._supported_cut(counts, word[:cut], word[cut:], words)
            ]
            if cuts:
                options.append(cuts)
        for match in _COMPOUND_RE.finditer(text):
            left, right = match.group().split("-")
            if self.supported_only and (
                match.group().casefold() in seen
                or not self._supported_compound(counts, left, right, words)
            ):
                continue
            seen.add(match.group().casefold())
            options.append([(match.start() + len(left) + 1, "compound")])
        if not options:
            return text, []
        picked = sorted(
            rng.choice(cuts) for cuts in rng.sample(options, min(self.max_words, len(options)))
        )
        inserts: list[tuple[int, str, str, str]] = []
        for offset, kind in picked:
            brk = _breaks(rng)
            if kind == "compound":
                inserts.append((offset, brk, "compound-break", ""))
            elif rng.random() < self.soft_hyphen_rate:
                inserts.append((offset, "\u00ad" + brk, "soft-hyphenation", ""))
            else:
                inserts.append((offset, "-" + brk, "hyphenation", ""))
        return _insert(text, inserts)

    @staticmethod
    def _supported_cut(counts: Counter[str], left: str, right: str, words: frozenset[str]) -> bool:
        """The filter's documented evidence for a join: the word list or another copy."""
        if not right[0].islower() or right.casefold() in SUSPENDED_HYPHEN_FOLLOWERS:
            return False
        joined = left + right
        if counts[f"{left}-{right}".casefold()]:
            return False
        return joined.casefold() in words or counts[joined.casefold()] >= 2

    @staticmethod
    def _supported_compound(
        counts: Counter[str], left: str, right: str, words: frozenset[str]
    ) -> bool:
        if not right[:1].islower() or right.casefold() in SUSPENDED_HYPHEN_FOLLOWERS:
            return False
        if counts[(left + right).casefold()]:
            return False
        # The document's own spelling, or a known second half (``-backed``). Not "both halves
        # are English words": the filter trusts that only in a document it finds English.
        if counts[f"{left}-{right}".casefold()] >= 2:
            return True
        return (left + right).casefold() not in words and right.casefold() in COMPOUND_SUFFIXES


# --------------------------------------------------------------------------------------------
# Lines

_NO_SPACE_SCRIPT_RE = regex.compile(
    r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Thai}\p{Lao}\p{Khmer}\p{Myanmar}\p{Tibetan}]"
)
_SENTENCE_END = tuple('.!?:;"”’)»。！？।۔')


def _wrap(paragraph: str, width: int) -> list[int]:
    """Offsets of the single spaces a greedy wrapper at ``width`` turns into line breaks."""
    breaks: list[int] = []
    line_start = 0
    last_space = -1
    for index, char in enumerate(paragraph):
        if char == " ":
            if index - line_start > width and last_space > line_start:
                breaks.append(last_space)
                line_start = last_space + 1
            last_space = index
    if len(paragraph) - line_start > width and last_space > line_start:
        breaks.append(last_space)
    return breaks


@dataclass(frozen=True, slots=True)
class HardWrap:
    """Hard-wrap every one-line paragraph at a random width in ``[min_width, max_width]``."""

    name: ClassVar[str] = "rejoin-lines"
    min_width: int = 50
    max_width: int = 79
    supported_only: bool = False

    def corrupt(self, text: str, rng: random.Random) -> tuple[str, list[Artifact]]:
        width = rng.randint(self.min_width, self.max_width)
        inserts: list[tuple[int, str, str, str]] = []
        pos = 0
        lines = text.split("\n")
        for index, paragraph in enumerate(lines):
            # Only a line that is a paragraph of its own: blank lines (or nothing) around it.
            alone = (index == 0 or not lines[index - 1].strip()) and (
                index == len(lines) - 1 or not lines[index + 1].strip()
            )
            if (
                alone
                and paragraph.strip() == paragraph
                and "  " not in paragraph
                and not _NO_SPACE_SCRIPT_RE.search(paragraph)
            ):
                breaks = _wrap(paragraph, width)
                if not self.supported_only or self._supported(paragraph, breaks):
                    inserts.extend((pos + b, "\n", "hard-wrap", " ") for b in breaks)
            pos += len(paragraph) + 1
        return _insert(text, inserts)

    @staticmethod
    def _supported(paragraph: str, breaks: list[int]) -> bool:
        """Three lines or more, mostly broken mid-sentence, not every line capitalized."""
        if len(breaks) < 2:
            return False
        mid = sum(not paragraph[:b].endswith(_SENTENCE_END) for b in breaks)
        starts = [paragraph[0], *(paragraph[b + 1] for b in breaks)]
        return mid >= 1 and 2 * mid >= len(breaks) and not all(c.isupper() for c in starts)


# --------------------------------------------------------------------------------------------
# Clean documents with numbers at line and paragraph edges

_MONTHS = "January February March April May June July August September October November December"
_DAYS = "MONDAY TUESDAY WEDNESDAY THURSDAY FRIDAY SATURDAY SUNDAY"


def _fill(template: str, rng: random.Random) -> str:
    """Replace ``{year}``, ``{n}``, ``{nn}``, ``{big}``, ... with random values."""
    values = {
        "year": lambda: str(rng.randint(1900, 2030)),
        "n": lambda: str(rng.randint(1, 9)),
        "nn": lambda: str(rng.randint(10, 99)),
        "nnn": lambda: str(rng.randint(100, 999)),
        "big": lambda: f"{rng.randint(1, 999)},{rng.randint(0, 999):03d}",
        "price": lambda: f"{rng.randint(1, 999)}.{rng.randint(0, 99):02d}",
        "dec": lambda: f"{rng.randint(0, 20)}.{rng.randint(1, 9)}",
        "time": lambda: f"{rng.randint(1, 12)}:{rng.choice(['00', '15', '30', '45'])}",
        "date": lambda: f"{rng.randint(1, 12)}/{rng.randint(1, 28)}",
        "score": lambda: f"{rng.randint(0, 5)}-{rng.randint(0, 5)}",
        "month": lambda: rng.choice(_MONTHS.split()),
        "day": lambda: str(rng.randint(1, 28)),
        "weekday": lambda: rng.choice(_DAYS.split()),
        "small": lambda: str(rng.randint(15, 20)),
        "prefix": lambda: str(rng.randint(150, 209)),
    }
    return re.sub(r"\{(\w+)\}", lambda m: values[m.group(1)](), template)


# Lines that END in a number: sentence ends (with punctuation) and lines without punctuation
# (headings, datelines, table rows, captions). The `2` marks templates in the hardest shape: a
# year-like prefix or a 1-3 digit number right before a line break.
_LEFT_LINES: tuple[str, ...] = (
    "The museum opened in {year}.",
    "The museum opened in {year}!",
    "Officials said the bridge would reopen in {year}.",
    "Sales reached {big}.",
    "The final score was {score}.",
    "Tickets cost ${n}.",
    "Tickets cost ${price}.",
    "A ticket costs ${nn}.",
    "The show starts at {time}.",
    "Inflation hit {dec}%.",
    "He was born on {month} {day}, {year}.",
    "The vote was {nn} to {nn}.",
    "Her personal best is {nn}.",
    "The company was founded in {year}, and it grew fast in {year}.",
    "The plant closed down in {small}.",
    "About {big} people attended, according to the organisers.",
    "Stock Car {year}",
    "{weekday} {date}",
    "{weekday} {date}",
    "Top {nn}",
    "Top {small}",
    "Chapter {nn}",
    "Round {small}",
    "Week {n}",
    "Part {n}",
    "Game {n}",
    "Stage {nn}",
    "Episode {nn}",
    "Budget {year}",
    "Election {year}",
    "Class of {year}",
    "Vision {year}",
    "Windows {nn}",
    "Formula 1",
    "Apollo 11",
    "Route 66",
    "Article {nn}",
    "Section {nnn}",
    "Psalm {nn}",
    "John {n}",
    "Serves {n}",
    "Makes {nn}",
    "Total: {big}",
    "Population {big}",
    "Price: ${price}",
    "${price}",
    "Final score",
    "Results for {month} {day}",
    "Posted on {month} {day}",
    "Updated {month} {day}, {year}",
    "Lakers {nnn}",
    "Room {prefix}",
    "Children under {small}",
    "Deaths in {year}",
    "Open daily until {small}",
    "The festival ran from {n} until {small}",
    "Of the {small}",
    "The survey covered people aged {nn} to {small}",
    "Temperatures fell below {small}",
    "Scores in round {small}",
    "The results were {nn}, {nn},",
    "Winning numbers: {nn}, {nn}, {nn},",
    "The price was cut to ${n}.",
    "Growth slowed to {n}.",
    "It was {small}.",
    "In {year}.",
    "Page {nnn}",
    "Figure {n}",
    "Table {n}",
    "Since {year}",
    "The first edition appeared in {year}",
    "Dossier n° {nn}",
    "Kapitel {nn}",
    "Jahrgang {year}",
    "Capítulo {nn}",
    "Глава {nn}",
    "Статья {nn}",
)

# Lines that START with a number.
_RIGHT_LINES: tuple[str, ...] = (
    "{n} people were hurt.",
    "{nn} people died in the fire.",
    "{big} fans attended the match.",
    "{time} AM- {time} PM Coliseum: Main",
    "12 Noon Coliseum: Double Down",
    "{time} PM Starline Show",
    "{score} to the visitors",
    "{score}",
    "1a etapa",
    '{nn}" Element TV',
    "{year} was a record year.",
    "{n}% of voters backed the plan.",
    "{n} million people watched the final.",
    "{n} billion people live in Asia.",
    "{nn} things to know before you go",
    "{n} cups flour",
    "{n}. Preheat the oven.",
    "{n}) Mix the dry ingredients.",
    "24/7 support is available.",
    "9/11 changed the city.",
    "{nnn} days later, the talks resumed.",
    "000 is the emergency number in Australia.",
    "0800 numbers are free to call.",
    "007 returns to cinemas.",
    "{nn} Celtics",
    "{nn}, {nn} and {nn} are the winning numbers.",
    "{nn} and {nn} year olds answered most questions.",
    "{n}, {n} and {n} were the best days.",
    "{nn} to {nn} people are expected.",
    "{nn} cents a litre is the new price.",
    "{dec} percent of the vote went to the Greens.",
    "{n}.{n} million tonnes were shipped.",
    "{nn}-year-olds were the largest group.",
    "{n}th place went to the hosts.",
    "{nn} For God so loved the world",
    "{nn} more days were added.",
    "{nn} minutes later, the alarm rang.",
    "{n} of them were injured.",
    "{nn} on Sundays",
    "{nn}, closed on Mondays",
    "{nn} and over",
    "{nn} personnes ont été blessées.",
    "{nn} Menschen wurden verletzt.",
    "{nn} personas resultaron heridas.",
    "{nn} человек пострадали.",
)

_PROSE: tuple[str, ...] = (
    "The council approved the new budget on Tuesday evening.",
    "Officials said the work would take several months.",
    "“We are very pleased with the result,” the coach told reporters.",
    "The report was published on the ministry's website.",
    "Le musée restera fermé jusqu'à la fin du mois.",
    "Die Regierung will die Steuern senken.",
)

# Clean blocks in other scripts and digit systems (Arabic-Indic, Persian, CJK, Devanagari).
_OTHER_SCRIPTS: tuple[str, ...] = (
    "افتتح المتحف في عام ٢٠١٤.\n\n٤ أشخاص أصيبوا.",
    "نرخ تورم ۲٫۵ درصد بود.\n\n۴ نفر زخمی شدند.",
    "博物馆于2014年开放。\n\n4人受伤。",
    "博物館は2014年に開館した。\n4人が負傷した。",
    "संग्रहालय 2014 में खुला।\n\n4 लोग घायल हुए।",
)


def edge_number_document(rng: random.Random) -> str:
    """A clean document with numbers at the edges of lines and paragraphs (see module doc)."""
    blocks: list[str] = []
    for _ in range(rng.randint(2, 6)):
        kind = rng.random()
        if kind < 0.55:
            left = _fill(rng.choice(_LEFT_LINES), rng)
            right = _fill(rng.choice(_RIGHT_LINES), rng)
            if rng.random() < 0.4:
                left = f"{rng.choice(_PROSE)} {left}"
            blocks.append(left + _breaks(rng) + right)
        elif kind < 0.65:  # a numbered list, bare or with dots
            size = rng.randint(2, 5)
            dot = rng.choice(["", ".", ")"])
            blocks.append("\n".join(f"{i}{dot}" for i in range(1, size + 1)))
        elif kind < 0.75:  # a schedule
            lines = [_fill("{weekday} {date}", rng)]
            lines.extend(_fill("{time} AM- {time} PM Hall {n}", rng) for _ in range(2))
            blocks.append("\n\n".join(lines))
        elif kind < 0.85:  # a price list / score table, one cell per line
            cells = [_fill(rng.choice(["${price}", "{nn}", "{big}", "{score}"]), rng)]
            cells.extend(
                _fill(rng.choice(['{nn}" TV', "{nn} Celtics", "{n} pcs"]), rng) for _ in "ab"
            )
            blocks.append("\n".join(cells))
        elif kind < 0.93:
            blocks.append(rng.choice(_PROSE))
        else:
            blocks.append(rng.choice(_OTHER_SCRIPTS))
    return "\n\n".join(blocks) + rng.choice(["", "\n"])


def edge_number_documents() -> st.SearchStrategy[str]:
    """Hypothesis strategy for `edge_number_document` (needs hypothesis)."""
    from hypothesis import strategies as st

    return st.randoms(use_true_random=False).map(edge_number_document)
