"""cleantext: repair text scraped from the web or sent through machine translation.

>>> import cleantext
>>> result = cleantext.run("Caf\\u00c3\\u00a9 au lait  \\r\\n")
>>> result.text
'Café au lait\\n'
>>> [(e.rule, e.original) for e in result.edits]
[('encoding.mojibake', 'Ã©'), ('whitespace.edges', '  \\r\\n')]
"""

from __future__ import annotations

from functools import lru_cache

from cleantext import filters
from cleantext.model import Change, Edit, FilterError, Flag, Result, apply_edits
from cleantext.pipeline import DEFAULT_FILTERS, Pipeline

__version__ = "0.1.0"


@lru_cache(maxsize=1)
def _default_pipeline() -> Pipeline:
    return Pipeline.default()


def run(text: str) -> Result:
    """Run the default pipeline on ``text`` and return the full `Result`."""
    return _default_pipeline().run(text)


def clean(text: str) -> str:
    """Run the default pipeline on ``text`` and return only the repaired text."""
    return _default_pipeline().run(text).text


__all__ = [
    "DEFAULT_FILTERS",
    "Change",
    "Edit",
    "FilterError",
    "Flag",
    "Pipeline",
    "Result",
    "__version__",
    "apply_edits",
    "clean",
    "filters",
    "run",
]
