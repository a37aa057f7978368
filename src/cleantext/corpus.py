"""Corpus mode: learn the lines a site repeats across its documents, then drop them.

A generic filter cannot know that ``Subscribe to Canada Free Press for FREE`` or one site's
promoted headline is furniture; a corpus can, because the line comes back in a large share of
that site's documents. Corpus mode makes two passes over the records:

1. `BoilerplateLearner.add` counts, per source (e.g. the ``domain`` field), in how many documents
   each normalized line occurs (`cleantext.filters.boilerplate.normalize_line`). Lines are stored
   as 64-bit blake2b hashes, never as text, and the table is bounded (see *Memory* below).
2. `BoilerplateLearner.learned` keeps the lines above both thresholds; `LearnedBoilerplate`
   then makes the second pass's `SiteBoilerplate` filter (`LearnedBoilerplate.filter`) or an
   ordinary pipeline holding it (`LearnedBoilerplate.pipeline`). Each document's source travels
   beside its text, ``Pipeline.run(text, source=...)``, never inside it.

Defaults, and why: a line is site boilerplate when it occurs in at least ``min_count`` (5)
documents of its source AND in at least ``min_share`` (5 %) of them. Five documents keep
syndicated copies of one article (2-3 copies are common in crawls) from being learned; the share
keeps a big site's common phrases ("Europe", a weekly column's name) from going just because the
site is big. Exact duplicate documents are counted once. Lines with fewer than two words or eight
letters are never learned (`countable`), and bylines (``By Jane Doe``) are never dropped.

Lines with numbers or dates at the edges of a page (the first two and the last three non-blank
lines) are also counted with them masked (`mask_line`: ``Posted on May 3, 2017 by admin`` and
``Posted on June 9, 2018 by admin`` are one line), under the same thresholds, and dropped only at
the edges of a page: in the body, lines that differ in their numbers are templated content
(``Share price: 172p``).

Memory: the count tables (one per source) hold at most ``max_entries`` line hashes in all
(default 1,000,000, about 100 MB in CPython). When they are full, entries seen in only one
document are pruned (then two, and so on, until a quarter of the room is free): lossy counting.
A line that a site repeats keeps coming back and survives; a pruned line restarts its count, so
counts are lower bounds and the pruned lines are the ones that matter least. The per-source
document counter is exact (one entry per source, e.g. per domain), and the duplicate-document
set is cleared when it reaches ``max_entries`` (duplicates further apart are counted twice).

>>> learner = BoilerplateLearner(min_count=2, min_share=0.5)
>>> for body in ("First story.", "Second story.", "Third story."):
...     learner.add(body + "\\n\\nSubscribe to our great newsletter", source="example.org")
>>> pipeline = learner.learned().pipeline_for("example.org")
>>> pipeline.clean("Fourth story.\\n\\nSubscribe to our great newsletter")
'Fourth story.'
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from hashlib import blake2b

from cleantext.filters.boilerplate import (
    SiteBoilerplate,
    countable,
    edge_hash,
    edge_positions,
    line_hash,
    mask_line,
    normalize_line,
)
from cleantext.pipeline import Pipeline

__all__ = ["BoilerplateLearner", "LearnedBoilerplate", "learn_boilerplate", "line_keys"]


@dataclass(frozen=True, slots=True)
class LearnedBoilerplate:
    """The lines learned per source; builds the filter and the pipeline of the second pass."""

    hashes: Mapping[str, frozenset[int]] = field(default_factory=dict)
    #: Documents seen per source in the first pass (for reports).
    documents: Mapping[str, int] = field(default_factory=dict)
    min_letters: int = 8

    def filter(self, default_source: str = "") -> SiteBoilerplate:
        """One `SiteBoilerplate` for every source: it looks each document up under the source
        given with it (``run(text, source=...)``), or under ``default_source``."""
        every: frozenset[int] = frozenset().union(*self.hashes.values())
        return SiteBoilerplate(source=default_source, hashes=every, min_letters=self.min_letters)

    def filter_for(self, source: str) -> SiteBoilerplate:
        """A `SiteBoilerplate` holding one source's lines only (it does nothing for an unknown
        source), with that source as the default of documents given without one."""
        return SiteBoilerplate(
            source=source,
            hashes=self.hashes.get(source, frozenset()),
            min_letters=self.min_letters,
        )

    def pipeline(self, base: Pipeline | None = None) -> Pipeline:
        """``base`` (the default pipeline if None) with `filter` in its registry place: an
        ordinary `Pipeline`; give each document's source to ``run(text, source=...)``."""
        base = Pipeline.default() if base is None else base
        return base.with_(self.filter())

    def pipeline_for(self, source: str, base: Pipeline | None = None) -> Pipeline:
        """``base`` (the default pipeline if None) with `filter_for` ``source``."""
        base = Pipeline.default() if base is None else base
        return base.with_(self.filter_for(source))

    def __len__(self) -> int:
        """The number of learned lines, over all sources."""
        return sum(len(table) for table in self.hashes.values())


def line_keys(text: str, source: str, min_letters: int = 8) -> set[int]:
    """The keys one document of ``source`` counts under: the hash of each countable line, and
    for lines at the page's edges that hold numbers or dates, the hash of the masked line too.
    The one definition of what corpus mode counts (the learner and the Ray adapter use it)."""
    keys: set[int] = set()
    nonblank = [line for line in text.split("\n") if line.strip()]
    inner = edge_positions(len(nonblank))
    for index, line in enumerate(nonblank):
        normalized = normalize_line(line)
        if countable(normalized, min_letters):
            keys.add(line_hash(source, normalized))
            if index not in inner and mask_line(normalized) != normalized:
                keys.add(edge_hash(source, normalized))
    return keys


class BoilerplateLearner:
    """The first pass of corpus mode: count normalized lines per source, in bounded memory."""

    def __init__(
        self,
        *,
        min_count: int = 5,
        min_share: float = 0.05,
        max_entries: int = 1_000_000,
        min_letters: int = 8,
    ) -> None:
        if min_count < 1 or not 0.0 <= min_share <= 1.0 or max_entries < 16:
            raise ValueError(
                "min_count must be >= 1, min_share in [0, 1] and max_entries >= 16; got "
                f"{min_count}, {min_share}, {max_entries}"
            )
        self.min_count = min_count
        self.min_share = min_share
        self.max_entries = max_entries
        self.min_letters = min_letters
        # source -> line hash -> number of documents of that source the line occurs in.
        self._counts: dict[str, dict[int, int]] = {}
        self._size = 0  # entries over all sources
        self._documents: Counter[str] = Counter()
        self._seen_documents: set[int] = set()
        self.prunings = 0

    def add(self, text: str, source: str) -> None:
        """Count the lines of one document of ``source``."""
        digest = blake2b(
            f"{source}\x1f{text}".encode("utf-8", "surrogatepass"), digest_size=8
        ).digest()
        fingerprint = int.from_bytes(digest, "big")
        if fingerprint in self._seen_documents:
            return  # an exact duplicate says nothing about the site's furniture
        if len(self._seen_documents) >= self.max_entries:
            self._seen_documents.clear()
        self._seen_documents.add(fingerprint)
        self._documents[source] += 1
        keys = line_keys(text, source, self.min_letters)
        counts = self._counts.setdefault(source, {})
        before = len(counts)
        for key in keys:
            counts[key] = counts.get(key, 0) + 1
        self._size += len(counts) - before
        if self._size > self.max_entries:
            self._prune()

    def add_many(self, records: Iterable[tuple[str, str]]) -> None:
        """`add` for each ``(text, source)`` pair."""
        for text, source in records:
            self.add(text, source)

    def _prune(self) -> None:
        """Forget the rarest lines until a quarter of the table is free (lossy counting)."""
        self.prunings += 1
        target = (self.max_entries * 3) // 4
        floor = 1
        while self._size > target:
            for counts in self._counts.values():
                doomed = [key for key, count in counts.items() if count <= floor]
                for key in doomed:
                    del counts[key]
                self._size -= len(doomed)
            floor += 1

    def __len__(self) -> int:
        """The number of line hashes currently counted, over all sources."""
        return self._size

    @property
    def documents(self) -> Mapping[str, int]:
        return dict(self._documents)

    def learned(self) -> LearnedBoilerplate:
        """The lines above both thresholds, grouped by source."""
        tables: dict[str, frozenset[int]] = {}
        for source, counts in self._counts.items():
            needed = max(self.min_count, self.min_share * self._documents[source])
            keys = frozenset(key for key, count in counts.items() if count >= needed)
            if keys:
                tables[source] = keys
        return LearnedBoilerplate(
            hashes=tables,
            documents=dict(self._documents),
            min_letters=self.min_letters,
        )


def learn_boilerplate(
    records: Iterable[tuple[str, str]],
    *,
    min_count: int = 5,
    min_share: float = 0.05,
    max_entries: int = 1_000_000,
) -> LearnedBoilerplate:
    """The first pass in one call: ``records`` are ``(text, source)`` pairs."""
    learner = BoilerplateLearner(min_count=min_count, min_share=min_share, max_entries=max_entries)
    learner.add_many(records)
    return learner.learned()
