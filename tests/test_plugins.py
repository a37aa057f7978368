"""Filters of one's own: registered by a function call or found through an installed package's
entry point, then usable by name like the built-in ones (library, TOML, CLI)."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

import pytest

from cleantext import Change, FilterError, Flag, Pipeline, filters
from cleantext.filters import Detector, Repair

PLUGIN = textwrap.dedent(
    '''
    from dataclasses import dataclass
    from typing import ClassVar

    from cleantext.filters import Repair
    from cleantext.model import Change


    @dataclass(frozen=True, slots=True)
    class Shout(Repair):
        """Upper-case the word ``quiet`` (a test plugin). Leaves alone: everything else."""

        name: ClassVar[str] = "shout"
        after: ClassVar[str] = "entities"
        word: str = "quiet"

        def changes(self, text):
            start = text.find(self.word)
            while start >= 0:
                end = start + len(self.word)
                yield Change(start, end, self.word.upper(), "shout.word", "too quiet")
                start = text.find(self.word, end)
    '''
)


@pytest.fixture
def plugin_path(tmp_path: Path) -> Path:
    """A directory holding an 'installed' plugin: its module and its dist-info with one entry
    point, which importlib.metadata finds on sys.path exactly as it finds a pip-installed one."""
    (tmp_path / "shout_plugin.py").write_text(PLUGIN)
    info = tmp_path / "shout_plugin-1.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: shout-plugin\nVersion: 1.0\n")
    (info / "entry_points.txt").write_text("[cleantext.filters]\nshout = shout_plugin:Shout\n")
    return tmp_path


def _run(plugin_path: Path, *args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(plugin_path)}
    return subprocess.run(
        [sys.executable, *args], input=stdin, capture_output=True, text=True, env=env, timeout=60
    )


def test_an_installed_plugin_is_found_by_name_in_its_declared_place(plugin_path: Path) -> None:
    code = textwrap.dedent(
        """
        from cleantext import Pipeline, filters
        names = filters.names()
        assert names.index("shout") == names.index("entities") + 1, names
        assert "shout" not in Pipeline.default().names()  # plugins never join the default
        pipeline = Pipeline.from_config({"base": "default", "add": ["shout"]})
        assert pipeline.names().index("shout") == pipeline.names().index("entities") + 1
        result = pipeline.run("a quiet word")
        assert result.text == "a QUIET word", result
        assert [e.rule for e in result.edits] == ["shout.word"]
        print("ok")
        """
    )
    done = _run(plugin_path, "-c", code)
    assert done.returncode == 0 and done.stdout == "ok\n", done.stderr


def test_the_cli_knows_an_installed_plugin(plugin_path: Path) -> None:
    listed = _run(plugin_path, "-m", "cleantext", "--list-filters")
    assert listed.returncode == 0
    assert any(line.split()[:3] == ["shout", "repair", "-"] for line in listed.stdout.splitlines())
    done = _run(plugin_path, "-m", "cleantext", "--only", "shout,whitespace", stdin="quiet  \n")
    assert done.returncode == 0, done.stderr
    assert done.stdout == "QUIET\n"
    config = plugin_path / "config.toml"
    config.write_text('[[filters]]\nname = "shout"\nword = "calm"\n')
    done = _run(plugin_path, "-m", "cleantext", "--config", str(config), stdin="calm quiet\n")
    assert done.returncode == 0 and done.stdout == "CALM quiet\n", done.stderr


@dataclass(frozen=True, slots=True)
class Hash(Detector):
    """Flag every ``#`` (a test detector). Leaves alone: the text."""

    name: ClassVar[str] = "hash-sign"
    family: ClassVar[str] = "test"

    def flags(self, text: str) -> Iterator[Flag]:
        for i, char in enumerate(text):
            if char == "#":
                yield Flag(i, i + 1, "hash-sign", "a hash sign", 0.5)


@dataclass(frozen=True, slots=True)
class Dots(Repair):
    """Turn ``...`` into an ellipsis (a test repair). Leaves alone: single dots."""

    name: ClassVar[str] = "dots"
    marker: str = "..."

    def changes(self, text: str) -> Iterator[Change]:
        start = text.find(self.marker)
        while start >= 0:
            yield Change(start, start + len(self.marker), "…", "dots.ellipsis", "three dots")
            start = text.find(self.marker, start + len(self.marker))


@pytest.fixture
def registered() -> Iterator[None]:
    filters.register(Dots, after="whitespace")
    filters.register(Hash)
    yield
    filters.unregister("dots")
    filters.unregister("hash-sign")


@pytest.mark.usefixtures("registered")
def test_registration_makes_a_filter_usable_by_name_in_its_place() -> None:
    names = filters.names()
    assert names.index("dots") == names.index("whitespace") + 1
    assert names[-1] == "hash-sign"
    assert filters.kind("dots") == "repair" and filters.kind("hash-sign") == "detector"
    pipeline = Pipeline.from_names(["hash-sign", "dots", "whitespace"])
    assert pipeline.names() == ["whitespace", "dots", "hash-sign"]
    result = pipeline.run("Wait... #1  ")
    assert result.text == "Wait… #1"
    assert [f.code for f in result.flags] == ["hash-sign"]
    assert result.scores == {"test": pytest.approx(1000 * 0.5 / 2)}
    assert "dots" not in Pipeline.default().names()


@pytest.mark.usefixtures("registered")
def test_registering_twice_is_a_no_op_and_a_taken_name_an_error() -> None:
    assert filters.register(Dots) is Dots

    @dataclass(frozen=True, slots=True)
    class OtherDots(Repair):
        name: ClassVar[str] = "dots"

    with pytest.raises(ValueError, match="'dots' is taken"):
        filters.register(OtherDots)

    @dataclass(frozen=True, slots=True)
    class Unplaced(Repair):
        name: ClassVar[str] = "unplaced"

    with pytest.raises(KeyError, match="unknown filter 'nope'"):
        filters.register(Unplaced, after="nope")
    assert "unplaced" not in filters.names()


def test_a_filter_must_declare_its_kind() -> None:
    @dataclass(frozen=True, slots=True)
    class DuckTyped:
        name: ClassVar[str] = "duck"

        def changes(self, text: str) -> list[Change]:
            return []

    with pytest.raises(TypeError, match="neither Repair nor Detector"):
        filters.register(DuckTyped)  # type: ignore[type-var]
    with pytest.raises(TypeError, match="neither a repair nor a detector"):
        Pipeline([DuckTyped()])  # type: ignore[list-item]


def test_configure_works_on_a_users_own_instance() -> None:
    pipeline = Pipeline(["whitespace", Dots(marker="..")]).configure("dots", marker="!!")
    assert pipeline.filters[1] == Dots(marker="!!")
    assert pipeline.clean("Hey!! ..") == "Hey… .."
    with pytest.raises(TypeError, match="filter 'dots' has no option 'color'"):
        pipeline.configure("dots", color="red")


def test_a_detector_code_outside_its_name_is_an_error() -> None:
    @dataclass(frozen=True, slots=True)
    class Stray(Detector):
        name: ClassVar[str] = "stray"
        family: ClassVar[str] = "test"

        def flags(self, text: str) -> list[Flag]:
            return [Flag(0, 0, "strayed", "a code of another filter")]

    with pytest.raises(FilterError, match="detector 'stray' raised code 'strayed'"):
        Pipeline([Stray()]).run("text")


def test_the_registry_order_keeps_the_documented_constraints() -> None:
    names = filters.names()
    assert names[0] == "whitespace"
    # docs/filters/rejoin.md: words, then numbers, then lines keeps the three idempotent.
    assert names.index("rejoin-words") < names.index("rejoin-numbers") < names.index("rejoin-lines")
    assert Pipeline.default().names() == [n for n in names if n in Pipeline.default().names()]


def test_only_builds_opt_in_filters_in_the_default_order_whatever_the_argument_order() -> None:
    chosen = Pipeline.default().only("rejoin-lines", "rejoin-numbers", "rejoin-words")
    assert chosen.names() == ["rejoin-words", "rejoin-numbers", "rejoin-lines"]
    assert Pipeline.from_names(["rejoin-lines", "rejoin-words"]).names() == [
        "rejoin-words",
        "rejoin-lines",
    ]
