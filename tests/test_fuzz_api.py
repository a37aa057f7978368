"""`cleantext.fuzz`: the registry, `corrupt`, exact ground truth (alone and layered), blindness."""

from __future__ import annotations

import ast
import json
import random
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from hypothesis import given, settings
from tests.helpers import ntrex_documents

from cleantext import fuzz
from cleantext.fuzz import Artifact, Entry, corrupt, describe, get, names, register, undo
from cleantext.fuzz.base import GroundTruthError, apply
from cleantext.fuzz.registry import _REGISTRY, entries
from cleantext.fuzz.strategies import clean_text, dirty_text

ROOT = Path(__file__).resolve().parents[1]
DOCS = [d["text"] for d in ntrex_documents()][::5]  # every language, both layouts


def assert_exact(clean: str, dirty: str, artifacts: tuple[Artifact, ...] | list[Artifact]) -> None:
    """Undoing the artifacts gives the clean text; each one's spans hold what it says."""
    assert undo(dirty, artifacts) == clean
    previous_end = 0
    for artifact in sorted(artifacts, key=lambda a: (a.start, a.end)):
        assert previous_end <= artifact.start <= artifact.end <= len(dirty)
        assert clean[artifact.clean_start : artifact.clean_end] == artifact.clean
        assert dirty[artifact.start : artifact.end] != artifact.clean
        assert artifact.family in names() and artifact.expect in ("repair", "flag")
        previous_end = artifact.end


def test_names_and_what_each_expects() -> None:
    assert {"rejoin-numbers", "spam-lines", "boilerplate", "encoding", "moses"} <= set(names())
    flags = {e.name: e.code for e in entries() if e.expect == "flag"}
    assert flags["unbalanced-bracket"] == "unbalanced-bracket"
    assert all(code == name for name, code in flags.items())  # flag codes are filter names
    assert get_entry("rejoin-numbers").code == "split-number"
    assert "opt-in" in describe()["rejoin-lines"]  # its filter is opt-in: not a default family
    c = corrupt(DOCS[0], seed=1)
    assert "rejoin-lines" not in {a.family for a in c.artifacts}


def get_entry(name: str) -> Entry:
    return _REGISTRY[name]


def test_unknown_names_and_modes_fail_clearly() -> None:
    with pytest.raises(KeyError, match="unknown corruptor 'nope'"):
        corrupt("text", ["nope"])
    with pytest.raises(ValueError, match="mode"):
        get("encoding", mode="clever")


@pytest.mark.parametrize("mode", ["blind", "supported"])
@pytest.mark.parametrize("name", [n for n in names() if fuzz.available(n)])
def test_ground_truth_is_exact_for_every_family(name: str, mode: str) -> None:
    produced = 0
    for seed, text in enumerate(DOCS):
        result = corrupt(text, [name], seed=seed, mode=mode)
        assert result.clean == text
        assert_exact(text, result.dirty, result.artifacts)
        assert all(a.family == name for a in result.artifacts)
        produced += len(result.artifacts)
    if mode == "blind" or name not in ("rejoin-numbers",):
        assert produced, f"{name} ({mode}) made no artifact on {len(DOCS)} documents"


@pytest.mark.parametrize("name", [e.name for e in entries() if "fuzz.blind" in str(e.blind)])
def test_blind_corruptors_are_exact_by_themselves(name: str) -> None:
    corruptor = get(name)
    for seed, text in enumerate(DOCS):
        dirty, artifacts = apply(corruptor, text, random.Random(seed))  # raises if not exact
        assert undo(dirty, artifacts) == text


def test_every_family_layered_on_one_text() -> None:
    for seed, text in enumerate(DOCS):
        result = corrupt(text, seed=seed)
        assert_exact(text, result.dirty, result.artifacts)
        assert len({a.family for a in result.artifacts}) >= 3


def test_apply_rejects_a_corruptor_whose_artifacts_lie() -> None:
    class Liar:
        name = "liar"

        def corrupt(self, text: str, rng: random.Random) -> tuple[str, list[Artifact]]:
            return text + "!", []

    with pytest.raises(GroundTruthError):
        apply(Liar(), "text", random.Random(0))


@settings(max_examples=60, deadline=None)
@given(dirty_text(layers=3))
def test_dirty_text_strategy_keeps_exact_ground_truth(
    case: tuple[str, str, list[Artifact]],
) -> None:
    dirty, clean, artifacts = case
    assert_exact(clean, dirty, artifacts)


@settings(max_examples=20, deadline=None)
@given(clean_text(scripts=["Cyrillic", "CJK"]))
def test_clean_text_strategy_draws_the_scripts_asked(text: str) -> None:
    assert any(
        "\u0400" <= ch <= "\u04ff" or "\u3040" <= ch <= "\ud7a3" or ch >= "\u4e00" for ch in text
    )


def test_blind_corruptors_do_not_read_the_filters() -> None:
    """Blindness: nothing under fuzz/blind imports a filter (its word lists or its evidence)."""
    for path in (ROOT / "src/cleantext/fuzz/blind").glob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            modules = (
                [node.module or ""] if isinstance(node, ast.ImportFrom)
                else [a.name for a in node.names] if isinstance(node, ast.Import) else []
            )  # fmt: skip
            assert not any(m.startswith("cleantext.filters") for m in modules), path.name


def test_blind_places_what_the_issue_lists() -> None:
    """Years split across breaks in non-Latin text; Han ads on Korean; English chrome."""
    korean = next(t for t in DOCS if "\uac00" <= t[0] <= "\ud7a3" or "한" in t[:50])
    spam_groups = set()
    for seed in range(40):
        c = corrupt(korean, ["spam-lines"], seed=seed)
        spam_groups |= {c.dirty[a.start : a.end].strip()[:1] for a in c.artifacts}
    assert any("\u4e00" <= ch <= "\u9fff" for ch in spam_groups)  # a Han ad on a Korean page
    shapes = {
        a.kind for seed in range(60) for a in corrupt(DOCS[3], ["boilerplate"], seed=seed).artifacts
    }
    assert {"boilerplate.share-block", "boilerplate.glued-share", "boilerplate.prefix"} <= shapes
    one_line = "The long-awaited report on 1,200 cases came out."
    assert corrupt(one_line, ["moses"]).dirty == (
        "The long @-@ awaited report on 1 @,@ 200 cases came out."
    )


def test_an_optional_corruptor_is_listed_and_skipped_when_its_extra_is_missing() -> None:
    register(
        Entry(
            "needs-missing", 99, ("cleantext.fuzz.blind.moses", "MosesMarkers", {}),
            ("cleantext.fuzz.blind.moses", "MosesMarkers", {}),
            requires=("no_such_module_for_cleantext",), extra="fuzz",
        )
    )  # fmt: skip
    try:
        assert "needs-missing" in names()
        assert "unavailable: needs no_such_module_for_cleantext" in describe()["needs-missing"]
        text = "A long-awaited report."
        assert corrupt(text, ["needs-missing"]).dirty == text  # skipped, not crashed
        assert corrupt(text, seed=1).clean == text
        with pytest.raises(ImportError, match="cleantext-repair\\[fuzz\\]"):
            get("needs-missing")
    finally:
        del _REGISTRY["needs-missing"]


_NO_HYPOTHESIS = textwrap.dedent(
    """
    import importlib.abc, sys

    class Block(importlib.abc.MetaPathFinder):
        def find_spec(self, name, path=None, target=None):
            if name.split(".")[0] in ("hypothesis", "sacremoses"):
                raise ModuleNotFoundError(f"No module named {name!r} (blocked)")
            return None

    sys.meta_path.insert(0, Block())
    import cleantext.fuzz
    from cleantext.fuzz.whitespace import WhitespaceNoise
    from cleantext.fuzz import corrupt, describe, undo
    assert "hypothesis" not in sys.modules
    assert "unavailable" in describe()["moses-tokenize"]
    c = corrupt("Il a été construit en 1998.\\n\\nLe pont a rouvert en 2014.", seed=3)
    assert undo(c.dirty, c.artifacts) == c.clean
    assert "moses-tokenize" not in {a.family for a in c.artifacts}
    try:
        import cleantext.fuzz.strategies
    except ImportError:
        print("ok")
    """
)


def test_import_without_hypothesis_or_sacremoses() -> None:
    """A meta-path hook blocks both imports in a fresh interpreter (a venv with
    --system-site-packages would still see them): the package and its corruptors load, the
    optional one is reported and skipped, and only the strategies module needs hypothesis."""
    done = subprocess.run(
        [sys.executable, "-c", _NO_HYPOTHESIS], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "ok"


def _fuzz_output(hash_seed: str) -> str:
    done = subprocess.run(
        [sys.executable, "-m", "cleantext", "fuzz", "--seed", "11", "--copies", "2"],
        capture_output=True, text=True, check=True, env={"PYTHONHASHSEED": hash_seed,
                                                         "PATH": "/usr/bin:/bin"},
    )  # fmt: skip
    return done.stdout


def test_deterministic_across_processes_and_hash_seeds() -> None:
    first, second = _fuzz_output("1"), _fuzz_output("2")
    assert first == second
    records = [json.loads(line) for line in first.split("\n") if line]
    assert len(records) == 2 * 112 and any(r["artifacts"] for r in records)
