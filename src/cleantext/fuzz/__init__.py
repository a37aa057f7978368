"""Dirty text with a known clean answer: corruptors by name, layered, with exact ground truth.

>>> from cleantext.fuzz import corrupt, names
>>> "rejoin-numbers" in names()
True
>>> c = corrupt("It was built in 1998 and rebuilt in 2014.", ["rejoin-numbers"], seed=3)
>>> c.artifacts[0].expect, c.artifacts[0].family
('repair', 'rejoin-numbers')

`corrupt` returns the clean text, the dirty text and one `Artifact` per injected defect (its
family, spans in the dirty and the clean text, and whether a cleaner should repair or flag it).
Corruptors are blind by default (`cleantext.fuzz.blind`: defects where real scrapers and MT put
them); ``mode="supported"`` gives the ones that carry the filters' documented evidence.
Importing this package needs only the base install: the hypothesis strategies are in
`cleantext.fuzz.strategies` (``pip install 'cleantext-repair[fuzz]'``), and corruptors that need
an extra are listed by `describe` as unavailable and skipped by `corrupt`.
"""

from __future__ import annotations

from typing import Any

from cleantext.fuzz.base import Artifact, Corruptor, GroundTruthError, corrupt_many, undo
from cleantext.fuzz.registry import (
    Corrupted,
    Entry,
    available,
    corrupt,
    describe,
    get,
    names,
    register,
)

__all__ = [
    "Artifact",
    "Corrupted",
    "Corruptor",
    "Entry",
    "GroundTruthError",
    "available",
    "corrupt",
    "corrupt_many",
    "default_corruptors",
    "describe",
    "get",
    "names",
    "register",
    "undo",
]

from cleantext.fuzz.base import default_corruptors

# The strategies need hypothesis; they are reachable from here for old imports, loaded on use.
_STRATEGIES = (
    "SCRIPTS",
    "clean_documents",
    "clean_paragraphs",
    "clean_sentences",
    "clean_text",
    "dirty_text",
)


def __getattr__(name: str) -> Any:
    if name in _STRATEGIES:
        from cleantext.fuzz import strategies

        return getattr(strategies, name)
    raise AttributeError(f"module 'cleantext.fuzz' has no attribute {name!r}")
