"""The corruptor protocol and its ground truth."""

from __future__ import annotations

import random
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import ClassVar, Protocol, runtime_checkable


@dataclass(frozen=True, slots=True)
class Artifact:
    """One corruption: ``kind`` (the family's code), its span in the DIRTY text, and what it hid.

    ``clean`` is the clean text the span replaced (empty for an insertion such as a spam line).
    """

    kind: str
    start: int
    end: int
    clean: str


@runtime_checkable
class Corruptor(Protocol):
    """Makes clean text dirty in one known way; ``name`` matches the filter family it exercises."""

    name: ClassVar[str]

    def corrupt(self, text: str, rng: random.Random) -> tuple[str, list[Artifact]]: ...


def corrupt_many(
    corruptor: Corruptor, texts: Iterable[str], seed: int = 0
) -> Iterator[tuple[str, str, list[Artifact]]]:
    """``(clean, dirty, artifacts)`` for each text, reproducible from ``seed``."""
    rng = random.Random(seed)
    for text in texts:
        dirty, artifacts = corruptor.corrupt(text, rng)
        yield text, dirty, artifacts
