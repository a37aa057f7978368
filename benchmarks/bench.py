"""Throughput of cleantext against ftfy and clean-text, on the same documents, in one run.

Measures, on each corpus kind of `build_corpus` (built first if missing):

* MB/s of ``Pipeline.default().run``, of every registered filter alone, of ``ftfy.fix_text``
  and of clean-text's ``clean()`` with its defaults (PyPI ``clean-text``, loaded from
  ``benchmarks/.vendor`` under another module name, see `load_clean_text`);
* the share of the default pipeline's time spent in language identification
  (``cleantext.langid.detect``, wrapped: calls, langdetect runs, seconds);
* scaling with document size, 1 KB to 1 MB, on the same megabyte of text cut into documents.

MB is 10^6 bytes of UTF-8 input. Each figure is the median of ``--repeats`` timed passes over the
whole corpus kind; caches of `cleantext.langid.detect` are cleared before each pass so that a
repeat does not run on answers the previous one cached. Time is the process's CPU time
(`time.process_time`), not wall time: the benchmark machine is shared, and CPU time of this
single-threaded process hardly moves when other processes load the cores, while wall time moved
by 3x (``--wall`` measures wall time instead). Results are printed as a table and written to
``benchmarks/out/bench.json``.

Usage (from the repository root)::

    .venv/bin/python benchmarks/bench.py [--repeats 5] [--kinds english multilingual]
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import platform
import statistics
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import ftfy

sys.path.insert(0, str(Path(__file__).resolve().parent))
import build_corpus
import cleantext
from cleantext import Pipeline, filters, langid

HERE = Path(__file__).resolve().parent
VENDOR = HERE / ".vendor"
OUT = HERE / "out"
SIZES = (1_000, 4_000, 16_000, 64_000, 256_000, 1_000_000)
FILTER_SIZES = (4_000, 64_000, 1_000_000)

Runner = Callable[[str], object]

#: The clock of every measurement (see the module docstring); ``--wall`` switches it.
clock = time.process_time


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


def clear_caches() -> None:
    """Forget cached language answers, so that every timed pass does the same work."""
    if hasattr(langid.detect, "cache_clear"):
        langid.detect.cache_clear()


def mb(texts: Sequence[str]) -> float:
    return sum(len(t.encode("utf-8")) for t in texts) / 1e6


def timed(run: Runner, texts: Sequence[str], repeats: int) -> float:
    """Median seconds of ``repeats`` passes of ``run`` over ``texts``."""
    seconds = []
    for _ in range(repeats):
        clear_caches()
        start = clock()
        for text in texts:
            run(text)
        seconds.append(clock() - start)
    return statistics.median(seconds)


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
    clear_caches()
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


def scaling_text(corpus: dict[str, list[str]]) -> tuple[str, str]:
    """One megabyte of distinct text for the scaling runs, and where it comes from.

    Real scraped English (all of the FakeNewsCorpus sample, about 1.1 MB) when present: one
    language, as a long document would be, and no repeated passage (repeats would change what
    some filters do). Else the corpus kinds joined, repeated if they are shorter than 1 MB.
    """
    articles = build_corpus.web_articles()
    source = "distinct web articles (FakeNewsCorpus sample)"
    joined = "\n\n".join(articles)
    if len(joined.encode("utf-8")) < SIZES[-1]:
        joined = "\n\n".join(t for texts in corpus.values() for t in texts)
        source = "the corpus kinds joined"
        while len(joined.encode("utf-8")) < SIZES[-1]:
            joined += "\n\n" + joined
            source = "the corpus kinds joined, repeated"
    return joined.encode("utf-8")[: SIZES[-1]].decode("utf-8", "ignore"), source


def scaling(run: Runner, data: str, sizes: Sequence[int], repeats: int) -> list[dict[str, float]]:
    """The same megabyte of text cut into documents of each size: MB/s per size."""
    rows = []
    for size in sizes:
        step = max(1, len(data) * size // SIZES[-1])
        docs = [data[i : i + step] for i in range(0, len(data), step)]
        seconds = timed(run, docs, repeats)
        rows.append({"size": size, "documents": len(docs), "mb_per_s": mb(docs) / seconds})
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--kinds", nargs="+", default=list(build_corpus.KINDS))
    parser.add_argument("--no-filters", action="store_true", help="skip filters one by one")
    parser.add_argument("--no-scaling", action="store_true")
    parser.add_argument("--wall", action="store_true", help="wall time instead of CPU time")
    parser.add_argument(
        "--table", action="store_true", help="only print the tables of the last bench.json"
    )
    args = parser.parse_args()
    if args.table:
        print(table(json.loads((OUT / "bench.json").read_text(encoding="utf-8"))))
        return
    global clock
    if args.wall:
        clock = time.perf_counter

    if not (build_corpus.OUT / "manifest.json").exists():
        build_corpus.build()
    corpus = {kind: build_corpus.load(kind) for kind in args.kinds}
    corpus = {kind: texts for kind, texts in corpus.items() if texts}

    subjects: dict[str, Runner] = {"cleantext default": Pipeline.default().run}
    subjects["ftfy.fix_text"] = ftfy.fix_text
    clean_text = load_clean_text()
    if clean_text is not None:
        subjects["clean-text clean()"] = clean_text
    else:
        print("clean-text not installed in benchmarks/.vendor: skipped", file=sys.stderr)
    if not args.no_filters:
        for name in filters.names():
            subjects[f"  {name}"] = Pipeline([name]).run

    # Warm up: imports, compiled regexes, langdetect's profiles.
    sample = [texts[0] for texts in corpus.values()]
    for run in subjects.values():
        for text in sample:
            run(text)

    results: dict[str, dict[str, float]] = {}
    for label, run in subjects.items():
        results[label] = {}
        for kind, texts in corpus.items():
            results[label][kind] = mb(texts) / timed(run, texts, args.repeats)
        print(
            f"{label:<30}" + "".join(f"{results[label][k]:>14.2f}" for k in corpus),
            file=sys.stderr,
        )

    shares = {kind: langid_share(texts) for kind, texts in corpus.items()}
    scale: list[dict[str, float]] = []
    per_filter: dict[str, list[dict[str, float]]] = {}
    data, source = scaling_text(corpus)
    if not args.no_scaling:
        repeats = max(3, args.repeats // 2)
        scale = scaling(Pipeline.default().run, data, SIZES, repeats)
        if not args.no_filters:
            for name in filters.names():
                per_filter[name] = scaling(Pipeline([name]).run, data, FILTER_SIZES, repeats)

    report: dict[str, Any] = {
        "machine": {
            "python": platform.python_version(),
            "platform": platform.platform(),
            "processor": platform.processor() or platform.machine(),
            "cores": os.cpu_count(),
            "load_average_at_end": [round(x, 2) for x in os.getloadavg()],
            "note": "2 cores shared with other work; figures are medians",
        },
        "cleantext": cleantext.__version__,
        "ftfy": ftfy.__version__,
        "repeats": args.repeats,
        "clock": "wall (perf_counter)" if args.wall else "process CPU time (process_time)",
        "corpus": {k: {"documents": len(t), "mb": round(mb(t), 3)} for k, t in corpus.items()},
        "mb_per_s": {
            label: {k: round(v, 3) for k, v in row.items()} for label, row in results.items()
        },
        "langid": shares,
        "scaling": {"source": source, "rows": scale, "filters": per_filter},
    }
    OUT.mkdir(exist_ok=True)
    (OUT / "bench.json").write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    print(table(report))


def table(report: dict[str, Any]) -> str:
    """The report as Markdown tables (the README shows the latest)."""
    kinds = list(report["corpus"])
    lines = [
        f"| MB/s (median of {report['repeats']}, CPU time) | " + " | ".join(kinds) + " |",
        "|---|" + "---:|" * len(kinds),
        "| corpus size (MB) | "
        + " | ".join(f"{report['corpus'][k]['mb']:.2f}" for k in kinds)
        + " |",
    ]
    for label, row in report["mb_per_s"].items():
        name = label.strip()
        shown = f"&nbsp;&nbsp;`{name}` alone" if label.startswith(" ") else f"**{name}**"
        lines.append(f"| {shown} | " + " | ".join(f"{row[k]:.2f}" for k in kinds) + " |")
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
    rows = report["scaling"]["rows"]
    if rows:
        lines += [
            "",
            f"Scaling, on 1 MB of {report['scaling']['source']} cut into documents of each size:",
            "",
            "| document size | documents | default pipeline MB/s |",
            "|---:|---:|---:|",
        ]
        for row in rows:
            lines.append(f"| {row['size']:,} B | {row['documents']} | {row['mb_per_s']:.2f} |")
        speeds = [row["mb_per_s"] for row in rows]
        lines.append(
            f"\nFastest / slowest size: {max(speeds) / min(speeds):.2f}x "
            "(1.00x is perfectly linear time in the document size)."
        )
    per_filter = report["scaling"]["filters"]
    if per_filter:
        sizes = [f"{row['size']:,} B" for row in next(iter(per_filter.values()))]
        lines += [
            "",
            "| each filter alone, MB/s by document size | "
            + " | ".join(sizes)
            + " | smallest / largest |",
            "|---|" + "---:|" * (len(sizes) + 1),
        ]
        for name, frows in per_filter.items():
            speeds = [row["mb_per_s"] for row in frows]
            ratio = speeds[0] / speeds[-1]
            mark = " **superlinear?**" if ratio > 2 else ""
            lines.append(
                f"| `{name}` | "
                + " | ".join(f"{v:.2f}" for v in speeds)
                + f" | {ratio:.2g}x{mark} |"
            )
    return "\n".join(lines)


if __name__ == "__main__":
    main()
