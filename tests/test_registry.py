"""The filter registry, and the contract every registered filter keeps."""

from __future__ import annotations

import dataclasses
import pickle
import re
from pathlib import Path

import pytest

from cleantext import filters
from cleantext.filters import Detector, Repair

KEBAB_RE = re.compile(r"[a-z][a-z0-9]*(?:-[a-z0-9]+)*")
# How a docstring says what the filter deliberately does not touch.
LEAVES_ALONE_RE = re.compile(r"leaves? alone|left alone|never (?:touch|change)", re.IGNORECASE)


def test_names_and_get() -> None:
    names = filters.names()
    assert names[:2] == ["whitespace", "encoding"]  # registration order
    assert len(set(names)) == len(names)
    assert filters.get("whitespace").name == "whitespace"


def test_unknown_name_lists_the_known_ones() -> None:
    with pytest.raises(KeyError, match=r"unknown filter 'whitespaces'.*whitespace"):
        filters.get("whitespaces")


def test_unknown_option_is_named() -> None:
    with pytest.raises(TypeError, match="filter 'whitespace' has no option 'strict'"):
        filters.get("whitespace", strict=True)


@pytest.mark.parametrize("name", filters.names())
def test_every_filter_keeps_the_contract(name: str) -> None:
    flt = filters.get(name)  # every option has a default
    cls = type(flt)
    assert KEBAB_RE.fullmatch(name), f"{name!r} is not kebab-case"
    assert cls.name == name

    # Exactly one of the two protocols.
    assert isinstance(flt, Repair) != isinstance(flt, Detector)
    assert filters.is_detector(flt) == isinstance(flt, Detector)

    # Plain data: a frozen dataclass with slots, equal to its pickled copy.
    assert dataclasses.is_dataclass(cls)
    assert cls.__dataclass_params__.frozen  # type: ignore[attr-defined]
    assert hasattr(cls, "__slots__") and not hasattr(flt, "__dict__")
    for field in dataclasses.fields(cls):
        with pytest.raises(dataclasses.FrozenInstanceError):
            setattr(flt, field.name, getattr(flt, field.name))
    copy = pickle.loads(pickle.dumps(flt))
    assert copy == flt and hash(copy) == hash(flt)


@pytest.mark.parametrize("name", filters.names())
def test_every_filter_documents_what_it_fixes_and_leaves_alone(name: str) -> None:
    doc = type(filters.get(name)).__doc__ or ""
    summary = filters.describe(name)
    assert summary and summary.endswith("."), f"{name}: the first paragraph is one sentence"
    assert "\n" not in summary and len(summary) < 300
    assert LEAVES_ALONE_RE.search(doc), f"{name}: the docstring must say what it leaves alone"
    assert ">>>" in doc, f"{name}: the docstring shows one doctest"


def test_the_filter_reference_lists_every_filter() -> None:
    index = (Path(__file__).parent.parent / "docs" / "filters" / "README.md").read_text()
    rows = dict(re.findall(r"^\| `([a-z0-9-]+)` \| .*?\((\w+)\.md\) \|", index, re.M))
    for name in filters.names():
        family = filters.family_of(filters.filter_class(name))
        assert rows.get(name) == family, f"docs/filters/README.md: no line for {name!r}"
    assert set(rows) == set(filters.names())
