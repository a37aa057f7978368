"""The corruptor protocol and its ground truth."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
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


def default_corruptors() -> list[Corruptor]:
    """An instance, with default options, of every corruptor class in the `cleantext.fuzz` modules.

    Classes that need arguments (a sentence pool, say) are skipped. Used to fuzz a pipeline with
    every known artifact family at once, and by the benchmark corpus builder.
    """
    import cleantext.fuzz

    found: list[Corruptor] = []
    for info in pkgutil.iter_modules(cleantext.fuzz.__path__):
        module = importlib.import_module(f"cleantext.fuzz.{info.name}")
        for _, cls in inspect.getmembers(module, inspect.isclass):
            if (
                cls.__module__ == module.__name__
                and callable(getattr(cls, "corrupt", None))
                and isinstance(getattr(cls, "name", None), str)
            ):
                try:
                    instance = cls()
                except TypeError:
                    continue
                if isinstance(instance, Corruptor):
                    found.append(instance)
    return found
