"""Dirty text with a known clean answer: corruptors and hypothesis strategies.

A `Corruptor` takes clean text and a seeded `random.Random` and returns the dirty text plus the
ground truth of what it did (`Artifact`s). Users fuzz their own corpus pipelines with them; our
tests check ``filter(corrupt(x)) == x``. Corruptor modules mirror the filter families one to one.
"""

from __future__ import annotations

from cleantext.fuzz.base import Artifact, Corruptor, corrupt_many, default_corruptors
from cleantext.fuzz.strategies import SCRIPTS, clean_documents, clean_paragraphs, clean_sentences

__all__ = [
    "SCRIPTS",
    "Artifact",
    "Corruptor",
    "clean_documents",
    "clean_paragraphs",
    "clean_sentences",
    "corrupt_many",
    "default_corruptors",
]
