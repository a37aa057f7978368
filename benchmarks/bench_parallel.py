"""``cleantext --jsonl -j 1`` against ``-j 2`` on a 100 MB JSONL: wall time, CPU time, peak memory.

The JSONL is built by this script (``benchmarks/out/parallel.jsonl``, not committed): the
records of every corpus kind of `build_corpus`, repeated with new ids until ``--mb`` megabytes.
Each run is a fresh ``cleantext`` process writing to ``/dev/null``; the runs alternate (-j 1,
-j 2, -j 1, ...) and each figure is the median. Wall time is what ``-j`` is for (on a shared
machine it is noisy: the load average is in the report); CPU time is user + system of the
process and every worker it waited for; peak memory is the largest resident set among them
(``ru_maxrss`` of ``os.wait4``), so that memory that grows with the input shows as a peak that
grows with ``--mb``.

Usage (from the repository root)::

    nice .venv/bin/python benchmarks/bench_parallel.py [--mb 100] [--runs 3] [--jobs 1 2]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
import bench_common as common
import build_corpus

JSONL = common.OUT / "parallel.jsonl"


def build(megabytes: float, path: Path = JSONL) -> Path:
    """Write the corpus records, repeated with fresh ids, until ``megabytes`` MB."""
    if not (build_corpus.OUT / "manifest.json").exists():
        build_corpus.build()
    texts = [t for kind in build_corpus.KINDS for t in build_corpus.load(kind)]
    path.parent.mkdir(parents=True, exist_ok=True)
    size, number = 0, 0
    with path.open("w", encoding="utf-8") as handle:
        while size < megabytes * 1e6:
            for text in texts:
                line = json.dumps({"id": f"doc-{number}", "text": text}, ensure_ascii=False)
                handle.write(line + "\n")
                size += len(line.encode("utf-8")) + 1
                number += 1
                if size >= megabytes * 1e6:
                    break
    return path


def run(jobs: int, path: Path) -> dict[str, float]:
    command = [sys.executable, "-m", "cleantext", "--jsonl", "-j", str(jobs), str(path)]
    with open(os.devnull, "w") as sink:
        start = time.perf_counter()
        child = subprocess.Popen(command, stdout=sink, cwd=common.ROOT)
        _, status, usage = os.wait4(child.pid, 0)
        wall = time.perf_counter() - start
    child.returncode = os.waitstatus_to_exitcode(status)
    return {
        "wall": wall,
        "cpu": usage.ru_utime + usage.ru_stime,
        "peak_mb": usage.ru_maxrss / 1024,
        "exit": child.returncode,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--mb", type=float, default=100.0)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--jobs", nargs="+", type=int, default=[1, 2])
    args = parser.parse_args()
    path = JSONL
    if not path.exists() or abs(path.stat().st_size / 1e6 - args.mb) > 1:
        build(args.mb, path)
    size = path.stat().st_size / 1e6
    runs: dict[int, list[dict[str, float]]] = {jobs: [] for jobs in args.jobs}
    for _ in range(args.runs):
        for jobs in args.jobs:
            runs[jobs].append(run(jobs, path))
            print(f"-j {jobs}: {runs[jobs][-1]}", file=sys.stderr, flush=True)
    medians: dict[int, dict[str, float]] = {
        jobs: {key: common.median([r[key] for r in rows]) for key in ("wall", "cpu", "peak_mb")}
        for jobs, rows in runs.items()
    }
    report: dict[str, Any] = {
        "machine": common.machine(),
        "mb": size,
        "runs": {str(k): v for k, v in runs.items()},
        "medians": {str(k): v for k, v in medians.items()},
    }
    common.write_report("parallel", report)
    first = args.jobs[0]
    print(
        f"`cleantext --jsonl` on {size:.0f} MB, median of {args.runs} alternating runs:\n\n"
        "| | wall s | MB/s (wall) | CPU s | peak MB | speed-up (wall) |\n"
        "|---|---:|---:|---:|---:|---:|"
    )
    for jobs, row in medians.items():
        print(
            f"| `-j {jobs}` | {row['wall']:.1f} | {size / row['wall']:.2f} | {row['cpu']:.1f} "
            f"| {row['peak_mb']:.0f} | {medians[first]['wall'] / row['wall']:.2f}x |"
        )


if __name__ == "__main__":
    main()
