"""Every code example in docs/ runs, the generated reference pages cover what is installed, and
the site builds with ``mkdocs build --strict`` (when mkdocs is installed).

Examples: each ```` ```python ```` block is executed and each ```` ```pycon ```` block (or
python block that starts with ``>>>``) is run as a doctest, its expected output checked; in
order, one namespace per page, from the repository root. A block right after a line
``<!-- no-test: reason -->`` is skipped (say why: a cluster, a network, the reader's files).
After ``<!-- needs: ray, pyarrow -->`` the rest of the page is skipped when one of those
modules is not installed.
"""

from __future__ import annotations

import doctest
import importlib.util
import os
import re
import shutil
import subprocess
import sys
import types
from dataclasses import dataclass
from pathlib import Path

import pytest

from cleantext import cli, filters
from cleantext._docs import cli_reference, filter_reference
from cleantext.filters.registry import unregister

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"

_FENCE = re.compile(
    r"^(?P<indent> *)```(?P<lang>[\w-]*)[^\n]*\n(?P<body>.*?)^(?P=indent)```", re.M | re.S
)
_SKIP = re.compile(r"<!--\s*no-test:[^>]*-->\s*$")
_NEEDS = re.compile(r"<!--\s*needs:\s*([\w., ]+?)\s*-->\s*$")


@dataclass(frozen=True)
class Block:
    page: Path
    line: int
    lang: str
    code: str
    skipped: bool
    needs: tuple[str, ...] = ()


def blocks(text: str, page: Path) -> list[Block]:
    """The python and pycon code blocks of a Markdown page, in order."""
    found = []
    for match in _FENCE.finditer(text):
        lang = match.group("lang")
        if lang not in ("python", "pycon", "py"):
            continue
        before = text[: match.start()].rstrip("\n").rsplit("\n", 1)[-1]
        needs = _NEEDS.search(before)
        indent = len(match.group("indent"))
        code = "\n".join(line[indent:] for line in match.group("body").splitlines())
        found.append(
            Block(
                page,
                text.count("\n", 0, match.start()) + 1,
                # A python block written as a session is a session.
                "pycon" if lang == "pycon" or code.lstrip().startswith(">>>") else "python",
                code + "\n",
                bool(_SKIP.search(before)),
                tuple(n.strip() for n in needs.group(1).split(",")) if needs else (),
            )
        )
    return found


def test_blocks_are_found_with_their_closing_fence_left_out() -> None:
    page = (
        "Intro\n\n```pycon\n>>> 1 + 1\n2\n```\n\n"
        "<!-- no-test: needs a cluster -->\n```python\nx = 1\n```\n"
    )
    found = blocks(page, Path("x.md"))
    assert [(b.lang, b.code, b.skipped) for b in found] == [
        ("pycon", ">>> 1 + 1\n2\n", False),
        ("python", "x = 1\n", True),
    ]


PAGES = sorted(DOCS.rglob("*.md"))


def run_page(page: Path) -> int:
    """Run a page's examples; returns how many ran. Fails naming the page and line."""
    # A real module, so that a dataclass defined in an example can find its module.
    module = types.ModuleType(f"docs_example_{page.stem.replace('-', '_')}")
    sys.modules[module.__name__] = module
    registered = set(filters.names())
    try:
        return _run_blocks(page, module.__dict__)
    finally:
        del sys.modules[module.__name__]
        for name in set(filters.names()) - registered:  # a page that registers a filter
            unregister(name)


def _run_blocks(page: Path, namespace: dict[str, object]) -> int:
    parser = doctest.DocTestParser()
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    ran = 0
    for block in blocks(page.read_text(encoding="utf-8"), page):
        if block.skipped:
            continue
        missing = [name for name in block.needs if importlib.util.find_spec(name) is None]
        if missing:
            pytest.skip(f"{page.name}:{block.line} needs {', '.join(missing)}")
        where = f"{page.relative_to(ROOT)}:{block.line}"
        if block.lang == "python":
            exec(compile(block.code, where, "exec"), namespace)
        else:
            test = parser.get_doctest(block.code, namespace, where, where, block.line)
            out: list[str] = []
            result = runner.run(test, out=out.append, clear_globs=False)
            assert result.failed == 0, "".join(out)
            namespace.update(test.globs)  # DocTest ran on a copy; later blocks see its names
        ran += 1
    return ran


@pytest.mark.parametrize("page", PAGES, ids=[str(p.relative_to(DOCS)) for p in PAGES])
def test_page_examples_run(page: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.chdir(ROOT)
    monkeypatch.syspath_prepend(str(ROOT))
    run_page(page)


def test_some_examples_exist() -> None:
    assert (
        sum(len([b for b in blocks(p.read_text("utf-8"), p) if not b.skipped]) for p in PAGES) >= 10
    )


def test_filter_reference_covers_every_registered_filter() -> None:
    page = filter_reference()
    for name in filters.names():
        assert f"\n## `{name}`\n" in page
        first_line = filters.describe(name).split(". ")[0]
        assert first_line.split()[0] in page


def test_cli_reference_covers_every_option() -> None:
    parser = cli.build_parser()
    page = cli_reference(parser)
    for action in parser._actions:
        for option in action.option_strings:
            assert f"`{option}" in page, option


def test_help_points_to_installed_docs_and_help_docs_prints_them() -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    shown = subprocess.run(
        [sys.executable, "-m", "cleantext", "--help"], capture_output=True, text=True, env=env
    )
    assert shown.returncode == 0
    assert "docs/cli.md" not in shown.stdout and "--help-docs" in shown.stdout
    docs = subprocess.run(
        [sys.executable, "-m", "cleantext", "--help-docs"], capture_output=True, text=True, env=env
    )
    assert docs.returncode == 0
    assert docs.stdout == cli_reference(cli.build_parser()) + "\n" + filter_reference()


def test_check_prints_a_one_line_summary(tmp_path: Path) -> None:
    import json

    from cleantext.pipeline import Pipeline

    texts = ["All good here.\n", "The new plan was taking a chance ]\n\nIt passed.\n", "Fine.\n"]
    corpus = tmp_path / "c.jsonl"
    corpus.write_text("".join(json.dumps({"text": t}) + "\n" for t in texts), "utf-8")
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    run = subprocess.run(
        [sys.executable, "-m", "cleantext", "--jsonl", "--check", str(corpus)],
        capture_output=True,
        text=True,
        env=env,
    )
    results = [Pipeline.default().run(t) for t in texts]
    flagged = [r for r in results if r.flags]
    assert flagged
    codes = sorted({f.code for r in flagged for f in r.flags})
    assert run.returncode == 1
    (line,) = run.stderr.splitlines()
    assert line.startswith(f"cleantext: {len(flagged)} of {len(texts)} documents flagged: ")
    for code in codes:
        count = sum(1 for r in flagged if any(f.code == code for f in r.flags))
        assert f"{code} {count}" in line


@pytest.mark.skipif(
    shutil.which("mkdocs") is None and not (Path(sys.executable).parent / "mkdocs").exists(),
    reason="mkdocs not installed",
)
def test_site_builds_strict(tmp_path: Path) -> None:
    pytest.importorskip("material")
    mkdocs = shutil.which("mkdocs") or str(Path(sys.executable).parent / "mkdocs")
    run = subprocess.run(
        [mkdocs, "build", "--strict", "--site-dir", str(tmp_path / "site")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    assert run.returncode == 0, run.stderr[-3000:]
    diff = (tmp_path / "site" / "reference" / "diff" / "index.html").read_text("utf-8")
    assert "<del" in diff and "<ins" in diff
    reference = (tmp_path / "site" / "reference" / "filters" / "index.html").read_text("utf-8")
    assert all(name in reference for name in filters.names())
