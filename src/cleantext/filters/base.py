"""The two filter protocols. A filter is a small frozen dataclass: options are its fields.

* A **repair** filter proposes `Change`s: ``changes(text) -> Iterable[Change]``.
* A **detector** proposes `Flag`s on the final text: ``flags(text) -> Iterable[Flag]``.

Both carry a stable kebab-case ``name`` (API: configs, ``--only``/``--skip`` and rule codes use it).
Every rule a repair filter emits is ``name`` or ``name.<sub-rule>``; the pipeline checks this.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import ClassVar, Protocol, runtime_checkable

from cleantext.model import Change, Flag


@runtime_checkable
class Repair(Protocol):
    """Proposes non-overlapping changes in the coordinates of ``text``."""

    name: ClassVar[str]

    def changes(self, text: str) -> Iterable[Change]: ...


@runtime_checkable
class Detector(Protocol):
    """Proposes flags on ``text`` (the pipeline's output); never changes text."""

    name: ClassVar[str]

    def flags(self, text: str) -> Iterable[Flag]: ...


Filter = Repair | Detector
