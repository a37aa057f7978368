"""Scaling with document size: MB/s at 1 KB, 64 KB, 1 MB and 10 MB of distinct text, three shapes.

The text is all the distinct news text at hand: the FakeNewsCorpus sample (English, scraped) and
the 27 NTREX-128 translations, about 12 MB. Three shapes of it:

* ``multi-line`` — paragraphs, one language at a time in sections of about 1% of that
  language's text, the languages in turn; every window of 150 KB or more holds every language in
  the same proportions, so a 1 KB document and a 10 MB one differ only in size;
* ``single-line`` — the same text with every line break made a space (one line per document);
* ``mixed-language`` — one paragraph of each language in turn.

At each size the first ``max(size, 1 MB)`` of a shape is cut into documents of that size (at a
space), and the default pipeline, ``ftfy.fix_text`` and ftfy's non-normalizing configuration
run over them in interleaved passes (median of ``--repeats``, CPU time). Each (shape, size) runs
in its own subprocess with a timeout; a subject whose pass takes longer than ``--budget`` seconds
gets that one pass. With linear time the MB/s is the same at every size.

Usage (from the repository root; matplotlib is needed only for ``--plot``, and is installed in
the benchmark environment only, ``.venv/bin/pip install matplotlib``, never a dependency)::

    nice .venv/bin/python benchmarks/bench_scaling.py --plot docs/img/throughput.png
    .venv/bin/python benchmarks/bench_scaling.py --table                 # reprint the last run
    .venv/bin/python benchmarks/bench_scaling.py --replot docs/img/throughput.png
"""

from __future__ import annotations

import argparse
import heapq
import random
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
import bench_common as common
import build_corpus
from bench_common import DEFAULT, FTFY, FTFY_NN

SIZES = (1_000, 64_000, 1_000_000, 10_000_000)
VOLUME = 1_000_000
SHAPES = ("multi-line", "single-line", "mixed-language")
SECTIONS = 100


def sources() -> dict[str, list[str]]:
    """Paragraphs per language: English from the web sample and NTREX, the rest from NTREX."""
    rng = random.Random(0)
    by_lang: dict[str, list[str]] = {}
    for lang, sentences in sorted(build_corpus.ntrex_sentences().items()):
        by_lang[lang] = list(build_corpus.paragraphs(sentences, rng))
    web = [p.strip() for a in build_corpus.web_articles() for p in a.split("\n") if p.strip()]
    english = next((k for k in by_lang if k.startswith("eng")), "eng")
    by_lang[english] = web + by_lang.get(english, [])
    return by_lang


def merged(by_lang: dict[str, list[str]], *, one_paragraph: bool) -> str:
    """Languages in turn, each advancing by the same share of its own text at every turn."""
    totals = {lang: sum(len(p) for p in paras) or 1 for lang, paras in by_lang.items()}
    heap = [(0.0, lang) for lang in sorted(by_lang)]
    position = dict.fromkeys(by_lang, 0)
    out: list[str] = []
    while heap:
        done, lang = heapq.heappop(heap)
        paras, total = by_lang[lang], totals[lang]
        goal = done + (0.0 if one_paragraph else 1 / SECTIONS)
        used = done * total
        while position[lang] < len(paras):
            para = paras[position[lang]]
            position[lang] += 1
            out.append(para)
            used += len(para)
            if used / total >= goal:
                break
        if position[lang] < len(paras):
            heapq.heappush(heap, (used / total, lang))
    return "\n\n".join(out) + "\n"


def shape_text(shape: str) -> str:
    by_lang = sources()
    if shape == "mixed-language":
        return merged(by_lang, one_paragraph=True)
    text = merged(by_lang, one_paragraph=False)
    if shape == "single-line":
        text = " ".join(text.split("\n"))
    return text


def documents(text: str, size: int) -> list[str]:
    """The first ``max(size, VOLUME)`` bytes of ``text`` cut into documents of ``size`` bytes,
    each cut moved to the next space (or character boundary, if no space is near)."""
    data = text.encode("utf-8")[: max(size, VOLUME)]
    docs: list[str] = []
    start = 0
    while start < len(data):
        end = min(len(data), start + size)
        space = data.find(b" ", end, end + 200)
        if space != -1:
            end = space + 1
        while end < len(data) and (data[end] & 0xC0) == 0x80:
            end += 1
        docs.append(data[start:end].decode("utf-8", "ignore"))
        start = end
    return docs


def child(shape: str, size: int, repeats: int, budget: float) -> None:
    docs = documents(shape_text(shape), size)
    runs = common.subjects(each_filter=False)
    order = {FTFY: runs[FTFY], FTFY_NN: runs[FTFY_NN], DEFAULT: runs[DEFAULT]}
    volume = common.mb(docs)

    def report(label: str, number: int, seconds: float) -> None:
        common.emit(
            shape=shape, size=size, documents=len(docs), mb=volume, subject=label, seconds=seconds
        )

    common.interleaved(order, docs, repeats, budget=budget, report=report)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--sizes", nargs="+", type=int, default=list(SIZES))
    parser.add_argument("--shapes", nargs="+", default=list(SHAPES))
    parser.add_argument("--timeout", type=float, default=300.0, help="seconds per child (wall)")
    parser.add_argument("--budget", type=float, default=30.0, help="one pass only above this")
    parser.add_argument("--plot", type=Path, help="also draw MB/s against size into this PNG")
    parser.add_argument("--replot", type=Path, help="only draw the last run into this PNG")
    parser.add_argument("--table", action="store_true", help="reprint the last run's table")
    parser.add_argument("--child", nargs=2, metavar=("SHAPE", "SIZE"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child[0], int(args.child[1]), args.repeats, args.budget)
        return
    if args.table or args.replot:
        report = common.read_report("scaling")
        if args.replot:
            plot(report, args.replot)
        print(table(report))
        return
    cells: list[dict[str, Any]] = []
    for shape in args.shapes:
        for size in args.sizes:
            command = [
                str(Path(__file__)),
                "--child",
                shape,
                str(size),
                "--repeats",
                str(args.repeats),
                "--budget",
                str(args.budget),
            ]
            records, problem = common.run_child(command, args.timeout)
            cell: dict[str, Any] = {"shape": shape, "size": size, "problem": problem}
            for record in records:
                cell["documents"], cell["mb"] = record["documents"], record["mb"]
                cell.setdefault("seconds", {}).setdefault(record["subject"], []).append(
                    record["seconds"]
                )
            cells.append(cell)
            print(cell_line(cell), file=sys.stderr, flush=True)
    report = {
        "machine": common.machine(),
        "repeats": args.repeats,
        "timeout": args.timeout,
        "volume": VOLUME,
        "cells": cells,
    }
    common.write_report("scaling", report)
    if args.plot:
        plot(report, args.plot)
    print(table(report))


def speed(cell: dict[str, Any], subject: str) -> float | None:
    seconds = cell.get("seconds", {}).get(subject)
    if not seconds:
        return None
    return float(cell["mb"]) / common.median(seconds) if common.median(seconds) else None


def cell_line(cell: dict[str, Any]) -> str:
    parts = [f"{cell['shape']:<15} {cell['size']:>10,}"]
    for subject in (DEFAULT, FTFY, FTFY_NN):
        value = speed(cell, subject)
        parts.append(f"{subject} {value:.2f}" if value else f"{subject} –")
    if cell["problem"]:
        parts.append(str(cell["problem"]))
    return "  ".join(parts)


def _size(size: int) -> str:
    return f"{size // 1_000_000} MB" if size >= 1_000_000 else f"{size // 1000} KB"


def table(report: dict[str, Any]) -> str:
    cells = report["cells"]
    sizes = sorted({c["size"] for c in cells})
    lines = [
        f"MB/s by document size (median of {report['repeats']}, CPU time; "
        f"{report['volume'] // 1_000_000} MB of each shape cut into documents, 10 MB: one "
        f"document; timeout {report['timeout']:.0f} s per cell):",
        "",
        "| shape | subject | " + " | ".join(_size(s) for s in sizes) + " | fastest / slowest |",
        "|---|---|" + "---:|" * (len(sizes) + 1),
    ]
    for shape in dict.fromkeys(c["shape"] for c in cells):
        for subject in (DEFAULT, FTFY, FTFY_NN):
            row, values = [], []
            for size in sizes:
                cell = next(c for c in cells if c["shape"] == shape and c["size"] == size)
                value = speed(cell, subject)
                if value is None:
                    row.append("timeout" if cell["problem"] == "timeout" else "–")
                else:
                    row.append(f"{value:.2f}")
                    values.append(value)
            spread = f"{max(values) / min(values):.2f}x" if len(values) == len(sizes) else "–"
            if subject == DEFAULT and (spread == "–" or max(values) / min(values) > 1.5):
                spread += " **over target**"
            lines.append(f"| {shape} | {subject} | " + " | ".join(row) + f" | {spread} |")
    return "\n".join(lines)


def plot(report: dict[str, Any], path: Path) -> None:
    """MB/s against document size, one panel per shape, cleantext and both ftfy configurations."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    cells = report["cells"]
    shapes = list(dict.fromkeys(c["shape"] for c in cells))
    figure, axes = plt.subplots(1, len(shapes), figsize=(4.2 * len(shapes), 3.6), sharey=True)
    styles = {DEFAULT: ("o-", "C0"), FTFY: ("s--", "C1"), FTFY_NN: ("^:", "C2")}
    for axis, shape in zip(axes if len(shapes) > 1 else [axes], shapes, strict=True):
        for subject, (style, color) in styles.items():
            points = [
                (c["size"], speed(c, subject))
                for c in sorted(cells, key=lambda c: c["size"])
                if c["shape"] == shape and speed(c, subject)
            ]
            if points:
                xs, ys = zip(*points, strict=True)
                axis.plot(xs, ys, style, color=color, label=subject)
        axis.set_xscale("log")
        axis.set_yscale("log")
        axis.set_title(shape)
        axis.set_xlabel("document size (bytes)")
        axis.grid(True, which="both", alpha=0.3)
    (axes[0] if len(shapes) > 1 else axes).set_ylabel("MB/s (CPU time)")
    (axes[0] if len(shapes) > 1 else axes).legend(fontsize=8)
    figure.suptitle(f"cleantext vs ftfy, {report['machine']['git'][:40]}", fontsize=9)
    figure.tight_layout()
    path.parent.mkdir(parents=True, exist_ok=True)
    figure.savefig(path, dpi=110)
    print(f"wrote {path}", file=sys.stderr)


if __name__ == "__main__":
    main()
