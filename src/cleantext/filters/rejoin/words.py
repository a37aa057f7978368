"""The ``rejoin-words`` repair: words hyphenated across a line break (``publica-`` / ``tion``)."""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from typing import ClassVar, Literal

import regex

from cleantext.filters.base import Repair
from cleantext.filters.registry import register
from cleantext.filters.rejoin._data import (
    COMPOUND_SUFFIXES,
    ENGLISH_FUNCTION_WORDS,
    OTHER_FUNCTION_WORDS,
    SUSPENDED_HYPHEN_FOLLOWERS,
    english_words,
)
from cleantext.model import Change

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


@register
@dataclass(frozen=True, slots=True)
class RejoinWords(Repair):
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
    default: ClassVar[bool] = True

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
