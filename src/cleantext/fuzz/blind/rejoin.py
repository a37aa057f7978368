"""Blind splits: numbers and words cut by a line or paragraph break anywhere inside a sentence.

A scraper breaks text where the markup breaks it (an inline element closed with a block one, a
column wrap, a ``<br>`` in a number), not where a joiner would find evidence: after any digit of
any number (``201`` / ``4``, ``12,`` / ``000``, ``2020年`` as ``20`` / ``20年``), in any script,
across ``\\n`` or ``\\n\\n``; inside any word, with a hyphen, a soft hyphen or no mark at all,
and after the hyphen of a compound. The artifact is the inserted break (and mark).

>>> import random
>>> dirty, found = SplitNumbers(max_cuts=1).corrupt("Built in 1998 by hand.", random.Random(2))
>>> dirty, found[0].kind
('Built in 1\\n\\n998 by hand.', 'rejoin-numbers.year')
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from typing import ClassVar

import regex

from cleantext.fuzz.base import Artifact, rewrite

# Any number in any script's digits, with its group and decimal separators.
_NUMBER_RE = regex.compile(r"\d+(?:[.,\u066b\u066c]\d+)*")
_YEAR_RE = regex.compile(r"(?:1[0-9]|20)[0-9]{2}")
_WORD_RE = regex.compile(r"[\p{L}\p{M}]+")
_COMPOUND_RE = regex.compile(r"[\p{L}\p{M}]{2,}-(?=[\p{L}\p{M}]{2,})")
# Scripts written without spaces: a split there is a bare line break between two letters.
_UNSPACED_RE = regex.compile(
    r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Thai}\p{Lao}\p{Khmer}\p{Myanmar}]"
)


def _break(rng: random.Random) -> str:
    return "\n" if rng.random() < 0.5 else "\n\n"


@dataclass(frozen=True, slots=True)
class SplitNumbers:
    """Cut 1 to ``max_cuts`` numbers (years first when ``year_share`` says so) at any inner point.

    ``year_share`` is the chance that a cut goes to a year (1000-2099) when the text has one.
    """

    name: ClassVar[str] = "rejoin-numbers"
    max_cuts: int = 2
    year_share: float = 0.6

    def corrupt(self, text: str, rng: random.Random) -> tuple[str, list[Artifact]]:
        numbers = [m for m in _NUMBER_RE.finditer(text) if m.end() - m.start() >= 2]
        if not numbers:
            return text, []
        years = [m for m in numbers if _YEAR_RE.fullmatch(m.group())]
        chosen: dict[int, regex.Match[str]] = {}
        for _ in range(rng.randint(1, self.max_cuts)):
            pool = years if years and rng.random() < self.year_share else numbers
            match = rng.choice(pool)
            chosen[match.start()] = match
        items = []
        for match in chosen.values():
            cut = rng.randrange(match.start() + 1, match.end())
            kind = "year" if _YEAR_RE.fullmatch(match.group()) else "number"
            items.append((cut, cut, _break(rng), f"rejoin-numbers.{kind}"))
        return rewrite(text, items)


@dataclass(frozen=True, slots=True)
class SplitWords:
    """Break 1 to ``max_words`` words of ``min_length`` letters or more, or compounds, anywhere.

    In spaced scripts the cut has two letters on each side and is marked with ``-`` (most
    often), U+00AD or nothing; after a compound's own hyphen it is a bare break. In unspaced
    scripts (Han, kana, Thai...) it is a bare break between any two letters.
    """

    name: ClassVar[str] = "rejoin-words"
    max_words: int = 2
    min_length: int = 5

    def corrupt(self, text: str, rng: random.Random) -> tuple[str, list[Artifact]]:
        options: list[tuple[int, str]] = []
        for match in _WORD_RE.finditer(text):
            word = match.group()
            if _UNSPACED_RE.search(word):
                if len(word) >= 2:
                    options.append((match.start(), "unspaced"))
            elif len(word) >= self.min_length:
                options.append((match.start(), "word"))
        options.extend((m.end(), "compound") for m in _COMPOUND_RE.finditer(text))
        if not options:
            return text, []
        picked = rng.sample(options, min(len(options), rng.randint(1, self.max_words)))
        items = []
        used: set[int] = set()
        for position, shape in picked:
            if shape == "compound":
                cut, mark, kind = position, "", "compound"
            else:
                word = _WORD_RE.match(text, position)
                assert word is not None
                size = len(word.group())
                low, high = (1, size) if shape == "unspaced" else (2, size - 1)
                cut = word.start() + rng.randrange(low, high)
                mark, kind = "", "bare-break"
                if shape == "word":
                    roll = rng.random()
                    if roll < 0.7:
                        mark, kind = "-", "hyphenation"
                    elif roll < 0.8:
                        mark, kind = "\u00ad", "soft-hyphenation"
            if cut in used:
                continue
            used.add(cut)
            items.append((cut, cut, mark + _break(rng), f"rejoin-words.{kind}"))
        return rewrite(text, items)
