"""Doctest collection of src/cleantext skips the engine adapters whose engine is not installed
(``--doctest-modules`` imports every module; the adapters' tests skip on their own)."""

from __future__ import annotations

from importlib.util import find_spec

_ADAPTERS = {
    "src/cleantext/ray.py": ("ray", "pyarrow"),
    "src/cleantext/datatrove.py": ("datatrove",),
}

collect_ignore = [
    path
    for path, modules in _ADAPTERS.items()
    if any(find_spec(module) is None for module in modules)
]
