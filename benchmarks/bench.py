"""Throughput of cleantext against ftfy and clean-text, on the same documents, in one run.

Measures, on each corpus kind of `build_corpus` (built first if missing):

* MB/s of ``Pipeline.default().run``, of its repairs alone, of every registered filter alone, of
  ``ftfy.fix_text`` (defaults), of ftfy's non-normalizing configuration (what datatrove's
  ``FTFYFormatter`` runs, `bench_common.FTFY_NON_NORMALIZING`) and of clean-text's ``clean()``
  with its defaults (PyPI ``clean-text``, loaded from ``benchmarks/.vendor`` under another module
  name, see `load_clean_text`), and the ratio of the default pipeline's speed to each ftfy's;
* the share of the default pipeline's time spent in language identification
  (``cleantext.langid.detect``, wrapped: calls, langdetect runs, seconds);
* where the default pipeline's time goes, filter by filter (`bench_common.filter_times`).

MB is 10^6 bytes of UTF-8 input. Every subject makes one pass over the whole corpus kind, then
every subject a second pass, and so on (passes interleaved, so that a slow minute of the shared
machine falls on every subject alike); each figure is the median of ``--repeats`` passes, after
a warm-up. Caches of `cleantext.langid.detect` are cleared before each pass. Time is the
process's CPU time (`time.process_time`); ``--wall`` measures wall time instead. Results are
printed as Markdown tables and written to ``benchmarks/out/bench.json``. Scaling with document
size is `bench_scaling.py`, hostile inputs `bench_hostile.py`, ``-j`` `bench_parallel.py`,
import time `bench_import.py`.

Usage (from the repository root)::

    nice .venv/bin/python benchmarks/bench.py [--repeats 5] [--kinds english multilingual]
    .venv/bin/python benchmarks/bench.py --table      # reprint the last run's tables
"""

from __future__ import annotations

import argparse
import importlib.util
import sys
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
import bench_common as common
import build_corpus
from bench_common import DEFAULT, FTFY, FTFY_NN, Runner, mb, median
from cleantext import Pipeline, filters, langid

HERE = Path(__file__).resolve().parent
VENDOR = HERE / ".vendor"
REPAIRS = "cleantext repairs only"
CLEAN_TEXT = "clean-text clean()"

clock = common.clock


def load_clean_text() -> Runner | None:
    """clean-text's ``clean`` from ``benchmarks/.vendor``, imported as ``cleantext_pypi``.

    clean-text installs a top-level module named ``cleantext`` too, so it cannot be imported by
    its own name beside ours. It is installed into a separate folder
    (``pip install --target benchmarks/.vendor clean-text``) and loaded from there under another
    name; its own imports are relative (``from .clean import *``), so they follow. The folder goes
    at the END of ``sys.path`` so that its dependencies (emoji) are found, while ``ftfy`` and
    ``cleantext`` still resolve to the project's environment first.
    """
    init = VENDOR / "cleantext" / "__init__.py"
    if not init.exists():
        return None
    if str(VENDOR) not in sys.path:
        sys.path.append(str(VENDOR))
    spec = importlib.util.spec_from_file_location(
        "cleantext_pypi", init, submodule_search_locations=[str(init.parent)]
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["cleantext_pypi"] = module
    spec.loader.exec_module(module)
    clean: Runner = module.clean
    return clean


def repairs_only() -> Pipeline:
    """The default pipeline without its detectors."""
    detectors = {
        cls.name for cls in filters.registry.classes() if issubclass(cls, filters.Detector)
    }
    return Pipeline([name for name in Pipeline.default().names() if name not in detectors])


@contextmanager
def counting_langid() -> Iterator[dict[str, float]]:
    """Wrap `cleantext.langid.detect` (all callers look it up on the module): calls and time."""
    original = langid.detect
    stats = {"calls": 0.0, "seconds": 0.0, "langdetect_runs": 0.0}
    misses = original.cache_info().misses if hasattr(original, "cache_info") else 0

    def detect(text: str, against: str | None = None) -> tuple[str, float] | None:
        start = clock()
        try:
            return original(text, against)
        finally:
            stats["seconds"] += clock() - start
            stats["calls"] += 1

    langid.detect = detect  # type: ignore[assignment]
    try:
        yield stats
    finally:
        langid.detect = original
        if hasattr(original, "cache_info"):
            stats["langdetect_runs"] = original.cache_info().misses - misses


def langid_share(texts: Sequence[str]) -> dict[str, float]:
    pipeline = Pipeline.default()
    common.clear_caches()
    with counting_langid() as stats:
        start = clock()
        for text in texts:
            pipeline.run(text)
        total = clock() - start
    return {
        "documents": len(texts),
        "calls": stats["calls"],
        "langdetect_runs": stats["langdetect_runs"],
        "seconds": round(stats["seconds"], 4),
        "share": round(stats["seconds"] / total, 4) if total else 0.0,
    }


def where_time_goes(texts: Sequence[str]) -> dict[str, float]:
    """Share of one default-pipeline pass spent in each filter (the rest: the pipeline's books)."""
    pipeline = Pipeline.default()
    common.clear_caches()
    with common.filter_times() as totals:
        start = clock()
        for text in texts:
            pipeline.run(text)
        total = clock() - start
    shares = {name: seconds / total for name, seconds in totals.items()}
    shares["(pipeline books)"] = max(0.0, 1 - sum(shares.values()))
    return dict(sorted(shares.items(), key=lambda kv: -kv[1]))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--kinds", nargs="+", default=list(build_corpus.KINDS))
    parser.add_argument("--no-filters", action="store_true", help="skip filters one by one")
    parser.add_argument("--wall", action="store_true", help="wall time instead of CPU time")
    parser.add_argument(
        "--table", action="store_true", help="only print the tables of the last bench.json"
    )
    args = parser.parse_args()
    if args.table:
        print(table(common.read_report("bench")))
        return
    global clock
    if args.wall:
        clock = time.perf_counter
        common.clock = time.perf_counter  # type: ignore[assignment]

    if not (build_corpus.OUT / "manifest.json").exists():
        build_corpus.build()
    corpus = {kind: build_corpus.load(kind) for kind in args.kinds}
    corpus = {kind: texts for kind, texts in corpus.items() if texts}

    runs = common.subjects(each_filter=False)
    runs[REPAIRS] = repairs_only().run
    clean_text = load_clean_text()
    if clean_text is not None:
        runs[CLEAN_TEXT] = clean_text
    else:
        print("clean-text not installed in benchmarks/.vendor: skipped", file=sys.stderr)
    if not args.no_filters:
        runs.update({k: v for k, v in common.subjects(ftfy_too=False).items() if k != DEFAULT})

    passes: dict[str, dict[str, list[float]]] = {}
    for kind, texts in corpus.items():
        print(f"{kind}: {len(texts)} documents, {mb(texts):.2f} MB", file=sys.stderr, flush=True)
        passes[kind] = common.interleaved(runs, texts, args.repeats)
    results = {
        label: {kind: mb(texts) / median(passes[kind][label]) for kind, texts in corpus.items()}
        for label in runs
    }
    report: dict[str, Any] = {
        "machine": common.machine(),
        "repeats": args.repeats,
        "clock": "wall (perf_counter)" if args.wall else "process CPU time (process_time)",
        "corpus": {k: {"documents": len(t), "mb": round(mb(t), 3)} for k, t in corpus.items()},
        "mb_per_s": {
            label: {k: round(v, 3) for k, v in row.items()} for label, row in results.items()
        },
        "seconds": {
            kind: {k: [round(x, 4) for x in v] for k, v in p.items()} for kind, p in passes.items()
        },
        "langid": {kind: langid_share(texts) for kind, texts in corpus.items()},
        "where": {kind: where_time_goes(texts) for kind, texts in corpus.items()},
    }
    common.write_report("bench", report)
    print(table(report))


def table(report: dict[str, Any]) -> str:
    """The report as Markdown tables (docs/performance.md shows the latest)."""
    kinds = list(report["corpus"])
    speeds = report["mb_per_s"]
    lines = [
        f"| MB/s (median of {report['repeats']}, CPU time) | " + " | ".join(kinds) + " |",
        "|---|" + "---:|" * len(kinds),
        "| corpus size (MB) | "
        + " | ".join(f"{report['corpus'][k]['mb']:.2f}" for k in kinds)
        + " |",
    ]
    for label, row in speeds.items():
        name = label.strip()
        shown = f"&nbsp;&nbsp;`{name}` alone" if label.startswith(" ") else f"**{name}**"
        lines.append(f"| {shown} | " + " | ".join(f"{row[k]:.2f}" for k in kinds) + " |")
    lines += ["", "| speed ratio (higher: cleantext faster) | " + " | ".join(kinds) + " |"]
    lines.append("|---|" + "---:|" * len(kinds))
    for mine in (DEFAULT, REPAIRS):
        for theirs, target in ((FTFY, "3x clean, 1x dirty"), (FTFY_NN, "1.5x clean")):
            if mine in speeds and theirs in speeds:
                cells = [f"{speeds[mine][k] / speeds[theirs][k]:.2f}x" for k in kinds]
                goal = f" (target {target})" if mine == DEFAULT else ""
                lines.append(f"| {mine} / {theirs}{goal} | " + " | ".join(cells) + " |")
    lines += [
        "",
        "| language id in the default pipeline | " + " | ".join(kinds) + " |",
        "|---|" + "---:|" * len(kinds),
    ]
    for key, title in (
        ("calls", "`langid.detect` calls"),
        ("langdetect_runs", "langdetect runs (cache misses)"),
        ("share", "share of pipeline time"),
    ):
        cells = []
        for k in kinds:
            value = report["langid"][k][key]
            cells.append(f"{value:.0%}" if key == "share" else f"{value:.0f}")
        lines.append(f"| {title} | " + " | ".join(cells) + " |")
    where = report.get("where")
    if where:
        names = sorted(
            {n for k in kinds for n in where[k]},
            key=lambda n: -max(where[k].get(n, 0) for k in kinds),
        )
        lines += [
            "",
            "| share of the default pipeline's time | " + " | ".join(kinds) + " |",
            "|---|" + "---:|" * len(kinds),
        ]
        for name in names:
            cells = [f"{where[k].get(name, 0):.0%}" for k in kinds]
            if any(where[k].get(name, 0) >= 0.005 for k in kinds):
                lines.append(f"| `{name}` | " + " | ".join(cells) + " |")
    return "\n".join(lines)


if __name__ == "__main__":
    main()
