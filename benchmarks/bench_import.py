"""Import time: ``import cleantext`` (and ``import ftfy`` beside it) in fresh processes.

Each figure is the median CPU time (user + system: a busy machine hardly moves
it) of ``--runs`` fresh interpreters running ``import X``, less the median of ``python -c pass``
(the interpreter's own start-up). Then one ``python -X importtime -c "import cleantext"``
names the costly modules: the cumulative microseconds of each cleantext module (its own
imports included) and the largest self times.

Usage (from the repository root)::

    nice .venv/bin/python benchmarks/bench_import.py [--runs 15] [--top 15]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import bench_common as common


def fresh(code: str) -> float:
    """CPU seconds (user + system) of a fresh interpreter running ``code``."""
    child = subprocess.Popen([sys.executable, "-c", code], cwd=common.ROOT)
    _, status, usage = os.wait4(child.pid, 0)
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode:
        raise SystemExit(f"{code!r} failed with exit {child.returncode}")
    return usage.ru_utime + usage.ru_stime


def medians(runs: int) -> dict[str, float]:
    """Median seconds of each snippet, the snippets interleaved run by run."""
    snippets = {"python -c pass": "pass", "ftfy": "import ftfy", "cleantext": "import cleantext"}
    seconds: dict[str, list[float]] = {name: [] for name in snippets}
    for _ in range(runs):
        for name, code in snippets.items():
            seconds[name].append(fresh(code))
    return {name: statistics.median(values) for name, values in seconds.items()}


def importtime() -> list[tuple[str, int, int]]:
    """(module, self us, cumulative us) of one ``-X importtime`` run of ``import cleantext``."""
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", "import cleantext"],
        capture_output=True,
        text=True,
        check=True,
        cwd=common.ROOT,
    )
    rows = []
    for line in done.stderr.splitlines():
        if not line.startswith("import time:") or "self [us]" in line:
            continue
        self_us, cumulative, name = line.split(":", 1)[1].split("|")
        rows.append((name.rstrip(), int(self_us), int(cumulative)))
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--top", type=int, default=15)
    args = parser.parse_args()
    base = medians(args.runs)
    start = base["python -c pass"]
    rows = importtime()
    report = {
        "machine": common.machine(),
        "runs": args.runs,
        "seconds": base,
        "importtime": rows,
    }
    common.write_report("import", report)
    print(
        f"| import (median of {args.runs} fresh processes, CPU time, less `python -c pass` "
        f"= {start:.3f} s) | seconds |\n|---|---:|"
    )
    for name in ("ftfy", "cleantext"):
        print(f"| `import {name}` | {base[name] - start:.3f} |")
    print("\n| module (`-X importtime`, one run) | self ms | cumulative ms |\n|---|---:|---:|")
    ours = [r for r in rows if r[0].strip().startswith("cleantext")]
    for name, self_us, cumulative in sorted(ours, key=lambda r: -r[2])[: args.top]:
        print(f"| `{name.strip()}` | {self_us / 1000:.1f} | {cumulative / 1000:.1f} |")
    print("\n| largest self times (any module) | self ms |\n|---|---:|")
    for name, self_us, _ in sorted(rows, key=lambda r: -r[1])[: args.top]:
        print(f"| `{name.strip()}` | {self_us / 1000:.1f} |")


if __name__ == "__main__":
    main()
