"""Detectors for the side effects of machine translation: they flag, they never change text.

Meaning errors cannot be caught cheaply, but what MT leaves around them can: a bracket left from
a link (``taking a chance ]``), a lost sentence boundary (``mistakes In the past``), a decoding
loop, a sentence left in the source language, a homoglyph word, tokenizer spacing, a quote that is
never closed. Each detector raises `Flag`s with a stable code (its own name, ``repetition``),
a span in the text it was given, a message and a confidence; the pipeline turns them into the
document score ``Result.scores["mt"]`` (flags per 1,000 words, weighted by confidence).

Precision comes first: on clean, professionally translated news in 28 languages (NTREX-128) the
default detectors raise about one flag per 1,000 sentences (see ``docs/filters/mt.md``). Each
detector starts with a cheap test that rejects most clean text, and they share what they compute
about a document (script profile, language, sentences) through a `DocumentContext`.
"""

from __future__ import annotations

# isort: off
# One module per detector, imported in pipeline order (the order they register in).
from cleantext.filters.mt.brackets import UnbalancedBracket
from cleantext.filters.mt.boundary import MissingSentenceBoundary
from cleantext.filters.mt.repetition import Repetition
from cleantext.filters.mt.untranslated import Untranslated
from cleantext.filters.mt.mixed_script import MixedScriptWord
from cleantext.filters.mt.spacing import TokenizerSpacing
from cleantext.filters.mt.quotes import UnpairedQuote

# isort: on
from cleantext.filters.mt._common import FAMILY

__all__ = [
    "FAMILY",
    "MissingSentenceBoundary",
    "MixedScriptWord",
    "Repetition",
    "TokenizerSpacing",
    "UnbalancedBracket",
    "UnpairedQuote",
    "Untranslated",
]
