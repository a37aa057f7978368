"""The one ordered registry of filters, from which every list of filters is derived.

A filter joins by decorating its class with `register`; the registry's order is the order of a
pipeline (`Pipeline.default`, `Pipeline.from_names`, ``--only``, ``--list-filters`` and the docs
table all read it). Built-in filters are ordered by family (`FAMILIES`, the family modules of
`cleantext.filters` in pipeline order), then by the order they register in within the family (their
order in the family's modules), so that one family importing another changes nothing; a filter of
your own goes last, or takes its place with ``after=`` or ``before=``. Installed packages add
filters through the ``cleantext.filters`` entry-point group: each entry names a filter class
(registered at the end, or where its ``after``/``before`` class attributes say) or a module whose
import registers its filters. Entry points are read the first time a name is looked up that is not
built in.

>>> "whitespace" in names()
True
>>> get("whitespace").name
'whitespace'
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Any, TypeVar, overload

from cleantext.filters.base import Detector, Filter, Repair

ENTRY_POINT_GROUP = "cleantext.filters"

#: The built-in families (modules or packages of `cleantext.filters`) in pipeline order: layout
#: first (line-based filters expect ``\n``), then characters, then lines, then joins; detectors
#: run last on the output wherever they stand.
FAMILIES = (
    "whitespace",
    "encoding",
    "entities",
    "moses",
    "scripts",
    "boilerplate",
    "rejoin",
    "mt",
)

F = TypeVar("F", bound=type[Filter])

_REGISTERED: list[type[Filter]] = []  # in registration order
_ANCHORS: dict[str, tuple[str | None, str | None]] = {}  # name -> (after, before)
_BY_NAME: dict[str, type[Filter]] = {}
_order_cache: list[type[Filter]] | None = None
_plugins_loaded = False


def family_of(cls: type[Filter]) -> str | None:
    """The built-in family a filter class belongs to, or None for anyone else's filter."""
    parts = cls.__module__.split(".")
    if len(parts) >= 3 and parts[:2] == ["cleantext", "filters"] and parts[2] in FAMILIES:
        return parts[2]
    return None


def _ordered() -> list[type[Filter]]:
    """Built-ins by family then registration; other filters after them, or at their anchor."""
    global _order_cache
    if _order_cache is not None:
        return _order_cache
    seq = {cls: i for i, cls in enumerate(_REGISTERED)}

    def builtin_key(cls: type[Filter]) -> tuple[int, int]:
        return (FAMILIES.index(family_of(cls) or ""), seq[cls])

    order = sorted((c for c in _REGISTERED if family_of(c) is not None), key=builtin_key)
    for cls in _REGISTERED:
        if family_of(cls) is not None:
            continue
        after, before = _ANCHORS.get(cls.name, (None, None))
        anchor = after if after is not None else before
        names = [c.name for c in order]
        if anchor is None or anchor not in names:
            order.append(cls)
        else:
            index = names.index(anchor)
            order.insert(index + 1 if after is not None else index, cls)
    _order_cache = order
    return order


@overload
def register(cls: F, *, after: str | None = None, before: str | None = None) -> F: ...


@overload
def register(
    cls: None = None, *, after: str | None = None, before: str | None = None
) -> Callable[[F], F]: ...


def register(
    cls: F | None = None, *, after: str | None = None, before: str | None = None
) -> F | Callable[[F], F]:
    """Register a filter class under its ``name``; usable as ``@register`` or ``@register(...)``.

    The class must derive from `Repair` or `Detector` (not both) and be a dataclass whose
    every option has a default. ``after``/``before`` place it next to a registered filter;
    otherwise it goes last. Registering the same class twice is a no-op; another class under a
    taken name is an error.
    """

    def add(flt_cls: F) -> F:
        _check_class(flt_cls)
        name = flt_cls.name
        existing = _BY_NAME.get(name)
        if existing is flt_cls:
            return flt_cls
        if existing is not None:
            raise ValueError(
                f"filter name {name!r} is taken by {existing.__module__}.{existing.__qualname__}"
            )
        if after is not None and before is not None:
            raise ValueError("give after= or before=, not both")
        anchor = after if after is not None else before
        if anchor is not None and anchor not in _BY_NAME:
            raise KeyError(f"cannot place {name!r} next to unknown filter {anchor!r}")
        global _order_cache
        _REGISTERED.append(flt_cls)
        _ANCHORS[name] = (after, before)
        _BY_NAME[name] = flt_cls
        _order_cache = None
        return flt_cls

    return add if cls is None else add(cls)


def unregister(name: str) -> None:
    """Remove a filter (for tests and interactive sessions that re-define one)."""
    global _order_cache
    cls = _BY_NAME.pop(name)
    _REGISTERED.remove(cls)
    _ANCHORS.pop(name, None)
    _order_cache = None


def _check_class(cls: type[Any]) -> None:
    if not isinstance(cls, type) or not issubclass(cls, (Repair, Detector)):
        raise TypeError(f"{cls!r} derives from neither Repair nor Detector")
    if issubclass(cls, Repair) and issubclass(cls, Detector):
        raise TypeError(f"{cls.__qualname__} derives from both Repair and Detector")
    name = getattr(cls, "name", None)
    if not isinstance(name, str) or not name:
        raise TypeError(f"{cls.__qualname__} has no name")
    if issubclass(cls, Detector) and not isinstance(getattr(cls, "family", None), str):
        raise TypeError(f"detector {name!r} declares no family")
    if not dataclasses.is_dataclass(cls):
        raise TypeError(f"filter {name!r} is not a dataclass: its options must be fields")


def _load_plugins() -> None:
    """Register the filters of installed packages (the ``cleantext.filters`` entry points)."""
    global _plugins_loaded
    if _plugins_loaded:
        return
    _plugins_loaded = True
    from importlib.metadata import entry_points

    for entry in entry_points(group=ENTRY_POINT_GROUP):
        loaded = entry.load()
        if isinstance(loaded, type):
            register(
                loaded,
                after=getattr(loaded, "after", None),
                before=getattr(loaded, "before", None),
            )
        # A module registered its filters when it was imported.


def names() -> list[str]:
    """Every registered filter name, in pipeline order (installed plugins included)."""
    _load_plugins()
    return [cls.name for cls in _ordered()]


def filter_class(name: str) -> type[Filter]:
    """The class registered under ``name``; `KeyError` naming the known ones if there is none."""
    cls = _BY_NAME.get(name)
    if cls is None:
        _load_plugins()
        cls = _BY_NAME.get(name)
    if cls is None:
        raise KeyError(f"unknown filter {name!r}; known filters: {', '.join(names())}")
    return cls


def get(name: str, **options: Any) -> Filter:
    """A filter instance by name; ``options`` are its dataclass fields.

    Raises `KeyError` for an unknown name and `TypeError` for an unknown option, naming both.
    """
    cls = filter_class(name)
    check_options(cls, options)
    instance: Filter = cls(**options)
    return instance


def check_options(cls: type[Filter], options: dict[str, Any]) -> None:
    """`TypeError` naming the first option that ``cls`` does not have."""
    known = {f.name for f in dataclasses.fields(cls)}  # type: ignore[arg-type]
    unknown = sorted(set(options) - known)
    if unknown:
        raise TypeError(
            f"filter {cls.name!r} has no option {unknown[0]!r}; "
            f"its options: {', '.join(sorted(known)) or 'none'}"
        )


def position(name: str) -> int:
    """The place of ``name`` in the registry's order (the order pipelines keep)."""
    return _ordered().index(filter_class(name))


def classes(*, family: str | None = None) -> list[type[Filter]]:
    """The registered classes in order; with ``family``, only that family's detectors."""
    _load_plugins()
    if family is None:
        return list(_ordered())
    return [cls for cls in _ordered() if getattr(cls, "family", None) == family]


def default_names() -> list[str]:
    """The built-in filters of the default pipeline, in order.

    Only cleantext's own classes count: what ``Pipeline.default()`` does must not depend on
    which plugins happen to be installed (principle 5: the same output on any machine).
    """
    return [cls.name for cls in _ordered() if cls.default and family_of(cls) is not None]


def describe(name: str) -> str:
    """The first paragraph of a filter's docstring (used by ``--list-filters``)."""
    doc = (filter_class(name).__doc__ or "").strip()
    return doc.split("\n\n", 1)[0].replace("\n", " ")


def kind(name: str) -> str:
    """``"repair"`` or ``"detector"``."""
    return "detector" if issubclass(filter_class(name), Detector) else "repair"


__all__ = [
    "ENTRY_POINT_GROUP",
    "FAMILIES",
    "check_options",
    "classes",
    "default_names",
    "describe",
    "family_of",
    "filter_class",
    "get",
    "kind",
    "names",
    "position",
    "register",
    "unregister",
]
