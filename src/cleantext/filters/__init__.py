"""The filter registry: every filter by its stable name.

Adding a filter is one class in the module of its artifact family plus one line in `_CLASSES`.

>>> "whitespace" in names()
True
>>> get("whitespace").name
'whitespace'
"""

from __future__ import annotations

import dataclasses
from typing import Any

from cleantext.filters import (
    boilerplate,
    encoding,
    entities,
    moses,
    mt,
    rejoin,
    scripts,
    whitespace,
)
from cleantext.filters.base import Detector, Filter, Repair

_CLASSES: tuple[type[Any], ...] = (
    whitespace.Whitespace,
    encoding.Encoding,
    entities.Entities,
    moses.Moses,
    scripts.SpamLines,
    boilerplate.Boilerplate,
    boilerplate.SiteBoilerplate,
    rejoin.RejoinNumbers,
    rejoin.RejoinWords,
    rejoin.RejoinLines,
    rejoin.SplitNumber,
    mt.UnbalancedBracket,
    mt.MissingSentenceBoundary,
    mt.Repetition,
    mt.Untranslated,
    mt.MixedScriptWord,
    mt.TokenizerSpacing,
    mt.UnpairedQuote,
)

_REGISTRY: dict[str, type[Any]] = {cls.name: cls for cls in _CLASSES}
assert len(_REGISTRY) == len(_CLASSES), "two filters share a name"


def names() -> list[str]:
    """All registered filter names, in registration order."""
    return list(_REGISTRY)


def get(name: str, **options: Any) -> Filter:
    """A filter instance by name; ``options`` are its dataclass fields.

    Raises `KeyError` for an unknown name and `TypeError` for an unknown option, naming both.
    """
    try:
        cls = _REGISTRY[name]
    except KeyError:
        raise KeyError(f"unknown filter {name!r}; known filters: {', '.join(names())}") from None
    known = {f.name for f in dataclasses.fields(cls)}
    unknown = sorted(set(options) - known)
    if unknown:
        raise TypeError(
            f"filter {name!r} has no option {unknown[0]!r}; "
            f"its options: {', '.join(sorted(known)) or 'none'}"
        )
    instance: Filter = cls(**options)
    return instance


def describe(name: str) -> str:
    """The first paragraph of a filter's docstring (used by ``--list-filters``)."""
    doc = (_REGISTRY[name].__doc__ or "").strip()
    return doc.split("\n\n", 1)[0].replace("\n", " ")


def is_detector(flt: object) -> bool:
    return isinstance(flt, Detector) and not isinstance(flt, Repair)


__all__ = ["Detector", "Filter", "Repair", "describe", "get", "is_detector", "names"]
