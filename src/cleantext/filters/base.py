"""The two kinds of filter, declared. A filter is a small frozen dataclass: options are its fields.

* A **repair** (`Repair`) proposes `Change`s: ``changes(text) -> Iterable[Change]``.
* A **detector** (`Detector`) proposes `Flag`s on the final text: ``flags(text)``, or, to share
  the facts other detectors compute, ``flags_in(doc)`` over a `DocumentContext`.

Every filter carries a stable kebab-case ``name`` (API: configs, ``--only``/``--skip``, rule and
flag codes use it) and says whether it belongs to the default pipeline (``default``). Every rule
a repair emits and every code a detector raises is ``name`` or ``name.<reason>``; the pipeline
checks both. The pipeline dispatches on the declared kind: it never asks ``hasattr``.

>>> from dataclasses import dataclass
>>> @dataclass(frozen=True, slots=True)
... class Shout(Detector):
...     '''Flag a run of capitals.'''
...     name = "shout"
...     family = "style"
...     def flags(self, text):
...         return [Flag(0, len(text), "shout", "all capitals")] if text.isupper() else []
>>> [f.code for f in Shout().flags("HELLO")]
['shout']
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import ClassVar

from cleantext.context import DocumentContext
from cleantext.model import Change, Flag


class Filter:
    """What every filter declares: its ``name`` and whether the default pipeline has it."""

    __slots__ = ()

    name: ClassVar[str]
    #: A member of `Pipeline.default()` (only built-in filters: an installed plugin never
    #: changes what the default pipeline does).
    default: ClassVar[bool] = False


class Repair(Filter):
    """Proposes non-overlapping changes in the coordinates of ``text``."""

    __slots__ = ()

    def changes(self, text: str) -> Iterable[Change]:
        raise NotImplementedError(f"{type(self).__name__} must define changes(text)")

    def changes_for(self, text: str, source: str | None) -> Iterable[Change]:
        """What the pipeline calls: ``text`` with the document's ``source`` (a site, a file)
        beside it. Only a filter whose repair depends on the source overrides this."""
        return self.changes(text)


class Detector(Filter):
    """Proposes flags on ``text`` (the pipeline's output); never changes text.

    A detector defines `flags` (it looks at the text alone) or `flags_in` (it reads the facts
    that detectors share from a `DocumentContext`); the other one follows. ``family`` groups
    detectors for the per-family score of a `Result` (``mt``: flags per 1,000 words).
    """

    __slots__ = ()

    family: ClassVar[str]

    def flags(self, text: str) -> Iterable[Flag]:
        if type(self).flags_in is Detector.flags_in:
            raise NotImplementedError(f"{type(self).__name__} must define flags or flags_in")
        return self.flags_in(DocumentContext(text))

    def flags_in(self, doc: DocumentContext) -> Iterable[Flag]:
        """What the pipeline calls, with one context shared by all the detectors of a run."""
        if type(self).flags is Detector.flags:
            raise NotImplementedError(f"{type(self).__name__} must define flags or flags_in")
        return self.flags(doc.text)


__all__ = ["Detector", "Filter", "Repair"]
