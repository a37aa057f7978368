"""The ``site-boilerplate`` filter and the line keys of corpus mode (`cleantext.corpus`)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from hashlib import blake2b
from typing import ClassVar

import regex

from cleantext.filters.base import Repair
from cleantext.filters.boilerplate._patterns import (
    BYLINE_RE,
)
from cleantext.filters.registry import register
from cleantext.model import Change
from cleantext.segment import Line, drop_lines, lines

_NORMALIZE_SPACE_RE = regex.compile(r"\s+")
_LETTER_RE = regex.compile(r"\p{L}")


def normalize_line(line: str) -> str:
    """The form a line is counted under in corpus mode: case-folded, spaces collapsed.

    Digits are kept: lines that differ only in their numbers ("Share price: 172p (up 0.9%)")
    are usually templated content, not furniture.

    >>> normalize_line("  Subscribe to  Canada Free Press for FREE ")
    'subscribe to canada free press for free'
    """
    spaced: str = _NORMALIZE_SPACE_RE.sub(" ", line.casefold())
    return spaced.strip()


_NUMBER_RE = regex.compile(r"\d+(?:[.,:/-]\d+)*")
_MONTH_RE = regex.compile(
    r"(?<!\w)(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|janvier|février|mars|avril|mai"
    r"|juin|juillet|août|septembre|octobre|novembre|décembre|januar|februar|märz|juni|juli"
    r"|oktober|dezember|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre"
    r"|noviembre|diciembre|monday|tuesday|wednesday|thursday|friday|saturday|sunday)(?!\w)"
)
#: How many non-blank lines from the top and from the bottom are "edge" lines in corpus mode.
EDGE_TOP = 2
EDGE_BOTTOM = 3


def mask_line(normalized: str) -> str:
    """A normalized line with its numbers and month and day names masked: the key under which
    corpus mode counts the lines at the edges of a page, so that ``Posted on May 3, 2017 by
    admin`` and ``Posted on June 9, 2018 by admin`` count as one.

    >>> mask_line("(visited 1,024 times, 3 visits today)")
    '(visited 0 times, 0 visits today)'
    """
    masked: str = _MONTH_RE.sub("m", _NUMBER_RE.sub("0", normalized))
    return masked


def edge_hash(source: str, normalized: str) -> int:
    """The hash of an edge line of ``source`` (numbers and dates masked), apart from
    `line_hash`'s keys."""
    return line_hash(source, "\x1e" + mask_line(normalized))


def edge_positions(count: int) -> range:
    """Indexes of the edge lines among ``count`` non-blank lines (the rest are not edges)."""
    return range(EDGE_TOP, max(EDGE_TOP, count - EDGE_BOTTOM))


def line_hash(source: str, normalized: str) -> int:
    """A 64-bit hash of a normalized line of one source (blake2b, stable across processes)."""
    digest = blake2b(f"{source}\x1f{normalized}".encode("utf-8", "surrogatepass"), digest_size=8)
    return int.from_bytes(digest.digest(), "big")


def countable(normalized: str, min_letters: int = 8) -> bool:
    """Whether corpus mode may learn this line: two words or more and enough letters.

    Short lines ("Conclusion", "Europe", "—") repeat across articles without being furniture.
    """
    return " " in normalized and len(_LETTER_RE.findall(normalized)) >= min_letters


@register
@dataclass(frozen=True, slots=True)
class SiteBoilerplate(Repair):
    """Drop the lines one site repeats across many of its documents (learned in corpus mode).

    Configured with ``hashes``: the 64-bit hashes (`line_hash`) of the normalized lines that
    `cleantext.corpus.BoilerplateLearner` learned, for any number of sources (a line's hash
    includes its source, so one table serves a whole corpus). Each document is looked up under
    the ``source`` the pipeline is given with it (``Pipeline.run(text, source="example.org")``);
    a document given without one is taken to come from this filter's ``source``. Without hashes
    it does nothing, so it is not part of the default pipeline.

    Two kinds of learned line: a line repeated anywhere in the site's documents (exact, modulo
    case and spaces), and a line repeated among the first two or last three lines of its pages
    with numbers and dates masked (`mask_line`: ``Posted on May 3, 2017 by admin``); the second
    kind is only matched at those edges.

    Leaves alone: bylines (``By Jane Doe`` repeats on a one-author blog but is not furniture),
    lines too short to learn (see `countable`), a line learned for another source, and a whole
    document when more than ``max_drop_share`` of its lines (and more than two) would go,
    because such a document is most likely a copy of another one rather than a page of
    furniture. Worst case: a document of many short lines, one hash per line (linear).

    >>> learned = frozenset({line_hash("example.org", "buy our book now")})
    >>> flt = SiteBoilerplate(hashes=learned)
    >>> from cleantext import Pipeline
    >>> Pipeline([flt]).run("Body text.\\n\\nBuy our book NOW", source="example.org").text
    'Body text.'
    >>> Pipeline([flt]).run("Body text.\\n\\nBuy our book NOW", source="other.org").text
    'Body text.\\n\\nBuy our book NOW'
    """

    name: ClassVar[str] = "site-boilerplate"

    #: The source of a document that comes without one.
    source: str = ""
    hashes: frozenset[int] = field(default_factory=frozenset)
    #: Share of a document's non-blank lines above which nothing is dropped (a likely duplicate).
    max_drop_share: float = 0.5
    #: Minimum letters for a line to be learned and matched (see `countable`).
    min_letters: int = 8

    def __post_init__(self) -> None:
        # A config file gives a list; the filter must stay hashable and its lookups O(1).
        if not isinstance(self.hashes, frozenset):
            object.__setattr__(self, "hashes", frozenset(self.hashes))

    def changes(self, text: str) -> Iterator[Change]:
        return self.changes_for(text, None)

    def changes_for(self, text: str, source: str | None) -> Iterator[Change]:
        if not self.hashes or not text:
            return
        source = self.source if source is None else source
        nonblank = [line for line in lines(text) if not line.is_blank]
        doomed: list[Line] = []
        inner = edge_positions(len(nonblank))
        for index, line in enumerate(nonblank):
            normalized = normalize_line(line.content)
            if not countable(normalized, self.min_letters) or BYLINE_RE.match(normalized):
                continue
            if line_hash(source, normalized) in self.hashes or (
                index not in inner and edge_hash(source, normalized) in self.hashes
            ):
                doomed.append(line)
        if not doomed:
            return
        if len(doomed) > 2 and len(doomed) > self.max_drop_share * len(nonblank):
            return
        reason = f"repeated across documents of {source}" if source else "repeated"
        yield from drop_lines(text, doomed, f"{self.name}.repeated-line", [reason] * len(doomed))
