"""Draw the documentation's figures from benchmark results (needs matplotlib; not a dependency).

* ``docs/img/throughput-vs-size.png`` from ``benchmarks/out/bench.json`` (``bench.py``'s scaling
  rows: the default pipeline's MB/s by document size, and each filter alone when present);
* ``docs/img/engines.png`` from ``benchmarks/out/engines.json`` (``bench_engines.py``).

A missing result file is skipped with a note. The docs site shows whichever figures exist
(``docs_hooks.py``, the Pictures page). Usage, from the repository root::

    .venv/bin/pip install matplotlib
    .venv/bin/python benchmarks/plots.py [--bench FILE] [--engines FILE]
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "benchmarks" / "out"
IMG = ROOT / "docs" / "img"


def _pyplot() -> Any:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    return plt


def throughput_vs_size(report: dict[str, Any], path: Path) -> None:
    plt = _pyplot()
    figure, axes = plt.subplots(figsize=(7, 4), dpi=120)
    rows = report["scaling"]["rows"]
    axes.plot(
        [row["size"] for row in rows],
        [row["mb_per_s"] for row in rows],
        marker="o",
        linewidth=2.5,
        label="default pipeline",
        color="black",
    )
    for name, frows in sorted(report["scaling"].get("filters", {}).items()):
        axes.plot(
            [row["size"] for row in frows],
            [row["mb_per_s"] for row in frows],
            marker=".",
            linewidth=1,
            alpha=0.7,
            label=name,
        )
    axes.set_xscale("log")
    axes.set_yscale("log")
    axes.set_xlabel("document size (bytes)")
    axes.set_ylabel("MB/s (one process, CPU time)")
    axes.set_title("Throughput against document size")
    axes.grid(True, which="both", alpha=0.3)
    axes.legend(fontsize=6, ncol=2, loc="best")
    figure.tight_layout()
    figure.savefig(path)
    plt.close(figure)


def engines(report: dict[str, Any], path: Path) -> None:
    plt = _pyplot()
    mb = report["corpus_bytes"] / 1e6
    bars = [
        ("cleantext --jsonl -j 2", report["cli_seconds"]),
        ("Ray Data, 2 workers\n(start-up, read, clean, write)", report["ray_seconds"]),
        ("Ray Data, 2 workers\n(clean + write)", report["ray_clean_seconds"]),
    ]
    figure, axes = plt.subplots(figsize=(7, 3.2), dpi=120)
    labels = [label for label, _ in bars]
    speeds = [mb / seconds for _, seconds in bars]
    axes.barh(labels, speeds, color=["#555", "#1f77b4", "#6baed6"])
    for index, (speed, (_, seconds)) in enumerate(zip(speeds, bars, strict=True)):
        axes.text(speed, index, f"  {speed:.2f} MB/s ({seconds:.0f} s)", va="center", fontsize=8)
    axes.invert_yaxis()
    axes.set_xlabel("MB/s, wall time")
    axes.set_xlim(0, max(speeds) * 1.45)
    equal = "equal" if report.get("equal") else "NOT equal"
    axes.set_title(
        f"{report['documents']:,} documents, {mb:.0f} MB on 2 shared cores: outputs {equal}",
        fontsize=9,
    )
    figure.tight_layout()
    figure.savefig(path)
    plt.close(figure)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--bench", type=Path, default=OUT / "bench.json")
    parser.add_argument("--engines", type=Path, default=OUT / "engines.json")
    args = parser.parse_args()
    IMG.mkdir(parents=True, exist_ok=True)
    for source, draw, name in (
        (args.bench, throughput_vs_size, "throughput-vs-size.png"),
        (args.engines, engines, "engines.png"),
    ):
        if not source.exists():
            print(f"skipped docs/img/{name}: no {source}")
            continue
        report = json.loads(source.read_text(encoding="utf-8"))
        if draw is throughput_vs_size and not report.get("scaling", {}).get("rows"):
            print(f"skipped docs/img/{name}: {source} has no scaling rows (bench.py --no-scaling?)")
            continue
        draw(report, IMG / name)
        print(f"wrote docs/img/{name} from {source}")


if __name__ == "__main__":
    main()
