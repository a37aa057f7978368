"""Rejoin what layout broke at line breaks: numbers, hyphenated words, hard-wrapped paragraphs.

Scrapers and PDF extractors break text where the page broke lines. A wrong join silently
corrupts data (``20`` / ``17 people`` is not ``2017 people``), so every join here needs evidence
beyond "a digit on each side": the shape of the pieces, the word before, the word after. What is
possible but not proven is flagged by the `SplitNumber` detector instead of being joined.

Only ASCII digits are rejoined. Arabic-Indic (``٠-٩``) and Persian (``۰-۹``) digits, ``٫``/``٬``
and numbers glued to CJK text (``于201`` / ``4年``) are deliberately left alone: their year ranges
(Hijri, Solar Hijri) and separators need rules we cannot check on data we have.
"""

from __future__ import annotations

# isort: off
# In pipeline order: words first, then numbers, then lines (this order keeps the three
# idempotent together; see docs/filters/rejoin.md).
from cleantext.filters.rejoin.words import RejoinWords
from cleantext.filters.rejoin.numbers import RejoinNumbers, SplitNumber
from cleantext.filters.rejoin.lines import RejoinLines

# isort: on

__all__ = ["RejoinLines", "RejoinNumbers", "RejoinWords", "SplitNumber"]
