"""mkdocs hooks: the generated pages of the documentation site (``mkdocs build --strict``).

* ``reference/filters.md`` from the filter registry and each filter's docstring, and
  ``reference/cli.md`` from the command's argument parser (`cleantext._docs`);
* ``reference/diff.md``: the seed document's repair, edit by edit, as an inline diff;
* ``pictures.md``: the figures under ``docs/img/`` that exist (``benchmarks/plots.py`` makes
  them from benchmark results; the fuzz scores chart comes from the fuzzing docs);
* ``benchmarks.md``: ``benchmarks/README.md``, so that the docs' links to it work on the site.

Nothing generated is written into ``docs/``: the pages exist only in the build.
"""

from __future__ import annotations

import re
from pathlib import Path, PurePosixPath
from typing import Any

from mkdocs.structure.files import File, Files

from cleantext import cli
from cleantext._docs import cli_reference, diff_html, filter_reference
from cleantext.pipeline import Pipeline

ROOT = Path(__file__).resolve().parent
SEED = ROOT / "seeds" / "000_57bc97d0d5dad970.txt"

#: Figures the site shows when they exist: file under docs/img/, title, what it shows.
PICTURES = (
    (
        "throughput-vs-size.png",
        "Throughput against document size",
        "The default pipeline's MB/s on the same megabyte of text cut into documents of each "
        "size (`benchmarks/bench.py`, plotted by `benchmarks/plots.py`). A flat line is linear "
        "time in the document size.",
    ),
    (
        "engines.png",
        "Ray Data against the command",
        "The same 100,000-document JSONL cleaned by `cleantext --jsonl -j 2` and by "
        "`cleantext.ray.clean` with 2 workers (`benchmarks/bench_engines.py`).",
    ),
    (
        "fuzz-scores.png",
        "Recall per corruptor family",
        "Round-trip recall on fuzzed documents, per artifact family (see the fuzzing page).",
    ),
)

#: Pages outside docs/ that the site includes: repository path -> page.
OUTSIDE = {"benchmarks/README.md": "benchmarks.md"}

_LINK = re.compile(r"\]\(([^)#\s]+)(#[^)\s]*)?\)")


def seed_diff_page() -> str:
    text = SEED.read_text(encoding="utf-8")
    result = Pipeline.default().run(text)
    lines = [
        "# An edit, as a diff",
        "",
        "The founding example (`seeds/000_57bc97d0d5dad970.txt`), run through the default "
        "pipeline when this site was built: struck-through text was removed, underlined text "
        "was put in its place; hover over a change to see its rule. Every edit is in the "
        "`Result`, so this page is drawn from the books, not from a text diff.",
        "",
        diff_html(result),
        "",
        "| rule | removed | inserted |",
        "|---|---|---|",
    ]
    for edit in result.edits:
        lines.append(f"| `{edit.rule}` | {_cell(edit.original)} | {_cell(edit.replacement)} |")
    if result.flags:
        lines += ["", "Flags on the output (not repaired: a person should look):", ""]
        for flag in result.flags:
            lines.append(f"- `{flag.code}` on {_cell(result.text[flag.start : flag.end])}")
    return "\n".join(lines) + "\n"


def _cell(text: str) -> str:
    shown = text if len(text) <= 60 else text[:57] + "..."
    shown = shown.replace("\n", "⏎").replace("|", "\\|").replace("`", "'")
    return f"`{shown}`" if shown else ""


def pictures_page(docs_dir: Path) -> str:
    lines = ["# Pictures", ""]
    missing = []
    for name, title, caption in PICTURES:
        if (docs_dir / "img" / name).exists():
            lines += [f"## {title}", "", f"![{title}](img/{name})", "", caption, ""]
        else:
            missing.append(f"`docs/img/{name}` ({title.lower()})")
    if missing:
        lines += ["Not drawn yet: " + ", ".join(missing) + ".", ""]
    return "\n".join(lines)


def benchmarks_page() -> str:
    return (ROOT / "benchmarks" / "README.md").read_text(encoding="utf-8")


def generated_pages(docs_dir: Path) -> dict[str, str]:
    """Every generated page: path under the site -> Markdown."""
    return {
        "reference/filters.md": filter_reference(),
        "reference/cli.md": cli_reference(cli.build_parser()),
        "reference/diff.md": seed_diff_page(),
        "pictures.md": pictures_page(docs_dir),
        "benchmarks.md": benchmarks_page(),
    }


def on_files(files: Files, config: Any) -> Files:
    docs_dir = Path(config["docs_dir"])
    for path, content in generated_pages(docs_dir).items():
        files.append(File.generated(config, path, content=content))
    return files


def on_page_markdown(markdown: str, page: Any, config: Any, files: Files) -> str:
    """Links that leave docs/ for a page the site includes (``../benchmarks/README.md``) go to
    that page."""
    source = PurePosixPath(page.file.src_uri)

    def fix(match: re.Match[str]) -> str:
        target, anchor = match.group(1), match.group(2) or ""
        if "://" in target:
            return match.group(0)
        depth = len(source.parent.parts)
        resolved = PurePosixPath(*source.parent.parts, target)
        parts: list[str] = []
        for part in resolved.parts:
            if part == "..":
                if parts:
                    parts.pop()
                else:
                    parts.append("..")
            elif part != ".":
                parts.append(part)
        outside = "/".join(p for p in parts if p != "..")
        if parts and parts[0] == ".." and outside in OUTSIDE:
            return "](" + "../" * depth + OUTSIDE[outside] + anchor + ")"
        return match.group(0)

    return _LINK.sub(fix, markdown)
