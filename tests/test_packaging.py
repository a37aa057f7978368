"""The source distribution: it carries its licence and everything its tests read."""

from __future__ import annotations

import subprocess
import sys
import tarfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
#: What the tests read besides the package: their own files and data, the seed, the docs.
NEEDED = ("tests", "seeds", "docs")
IGNORED_PARTS = {"__pycache__", ".pytest_cache", ".hypothesis"}


def files_under(root: Path, folder: str) -> set[str]:
    return {
        path.relative_to(root).as_posix()
        for path in (root / folder).rglob("*")
        if path.is_file()
        and not IGNORED_PARTS & set(path.parts)
        and path.suffix not in (".pyc", ".pyo")
    }


@pytest.fixture(scope="module")
def sdist(tmp_path_factory: pytest.TempPathFactory) -> Path:
    pytest.importorskip("build")
    out = tmp_path_factory.mktemp("dist")
    subprocess.run(
        [sys.executable, "-m", "build", "--sdist", "--no-isolation", "--outdir", str(out)],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    (archive,) = out.glob("*.tar.gz")
    unpacked = tmp_path_factory.mktemp("unpacked")
    with tarfile.open(archive) as tar:
        tar.extractall(unpacked, filter="data")
    (top,) = unpacked.iterdir()
    return top


def test_sdist_has_the_tests_their_data_and_the_docs(sdist: Path) -> None:
    for folder in NEEDED:
        expected = files_under(ROOT, folder)
        assert expected, folder
        missing = expected - files_under(sdist, folder)
        assert not missing, sorted(missing)[:10]
    for name in ("LICENSE", "README.md", "pyproject.toml", "mkdocs.yml", "docs_hooks.py"):
        assert (sdist / name).is_file(), name
    assert (sdist / "tests" / "data" / "fakenews" / "fakenews.jsonl").stat().st_size > 0


def test_sdist_declares_the_licence_in_spdx_form(sdist: Path) -> None:
    metadata = (sdist / "PKG-INFO").read_text(encoding="utf-8")
    assert "License-Expression: Apache-2.0" in metadata
    assert "License-File: LICENSE" in metadata
    assert "Apache License" in (sdist / "LICENSE").read_text(encoding="utf-8")[:200]


def test_tests_run_from_the_unpacked_sdist(sdist: Path) -> None:
    import os

    env = {**os.environ, "PYTHONPATH": str(sdist / "src")}
    run = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-p",
            "no:cacheprovider",
            "tests/test_registry.py",
            "tests/test_boilerplate.py",
            "-k",
            "seed or registry",
        ],
        cwd=sdist,
        env=env,
        capture_output=True,
        text=True,
    )
    assert run.returncode == 0, run.stdout[-2000:] + run.stderr[-2000:]
    assert run.stdout.count(".") >= 5  # tests ran (addopts has -q: no summary line)
