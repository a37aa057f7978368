"""The filters, by family, and the registry that orders them.

Importing this package imports every family; each filter class registers itself (`register`)
and the registry orders them by family (`registry.FAMILIES`), then as they stand in their
family. Adding a filter is one decorated class in its family's module.

>>> names()[:3]
['whitespace', 'encoding', 'entities']
>>> get("whitespace").name
'whitespace'
"""

from __future__ import annotations

from cleantext.filters import (  # noqa: F401  (imported to register their filters)
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
from cleantext.filters.registry import (
    FAMILIES,
    check_options,
    classes,
    default_names,
    describe,
    family_of,
    filter_class,
    get,
    kind,
    names,
    position,
    register,
    unregister,
)


def is_detector(flt: object) -> bool:
    """Whether ``flt`` is a detector (a declared kind, not a guess)."""
    return isinstance(flt, Detector)


__all__ = [
    "FAMILIES",
    "Detector",
    "Filter",
    "Repair",
    "check_options",
    "classes",
    "default_names",
    "describe",
    "family_of",
    "filter_class",
    "get",
    "is_detector",
    "kind",
    "names",
    "position",
    "register",
    "unregister",
]
