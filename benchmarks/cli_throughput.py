"""Throughput of the ``cleantext --jsonl`` command, start-up and JSON included (MB/s of input).

Builds a deterministic JSONL corpus of about ``--megabytes`` MB from ``tests/data`` (real scraped
news with its residue, NTREX translations in many scripts, ftfy's mojibake cases), so that the run
has edits, flags and dropped lines, then times the whole command (wall and CPU of the child
processes) ``--runs`` times and prints the medians.

    $ .venv/bin/python benchmarks/cli_throughput.py                 # 20 MB, 5 runs, -j 1
    $ .venv/bin/python benchmarks/cli_throughput.py --jobs 2 --report
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data"
OUT = Path(__file__).resolve().parent / "out" / "cli"


def records() -> list[dict[str, object]]:
    """One copy of every source record, with a ``domain`` for corpus mode."""
    found: list[dict[str, object]] = []
    for line in (DATA / "fakenews" / "fakenews.jsonl").read_text().splitlines():
        record = json.loads(line)
        found.append({"domain": record["domain"], "title": record["title"], "text": record["text"]})
    for line in (DATA / "ntrex128" / "ntrex128.jsonl").read_text().splitlines():
        record = json.loads(line)
        found.append({"domain": f"ntrex/{record['lang']}", "text": record["text"]})
    for name in ("in-the-wild.json", "synthetic.json", "negative.json"):
        for case in json.loads((DATA / "ftfy" / name).read_text()):
            found.append({"domain": "ftfy", "text": case["original"]})
    return found


def build(megabytes: float) -> Path:
    path = OUT / f"corpus-{megabytes:g}mb.jsonl"
    if path.exists():
        return path
    OUT.mkdir(parents=True, exist_ok=True)
    pool = records()
    rng = random.Random(0)
    size, number, target = 0, 0, int(megabytes * 1_000_000)
    with path.open("wb") as handle:
        while size < target:
            number += 1
            line = json.dumps({"id": number, **rng.choice(pool)}, ensure_ascii=False) + "\n"
            data = line.encode()
            handle.write(data)
            size += len(data)
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--megabytes", type=float, default=20)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--jobs", type=int, default=1)
    parser.add_argument("--report", action="store_true", help="also write --report and --rejects")
    args = parser.parse_args()
    corpus = build(args.megabytes)
    megabytes = corpus.stat().st_size / 1e6
    command = [sys.executable, "-m", "cleantext", "--jsonl", "-j", str(args.jobs), str(corpus)]
    if args.report:
        command += ["--report", str(OUT / "report.jsonl"), "--rejects", str(OUT / "rejects.jsonl")]
    walls, cpus = [], []
    for _ in range(args.runs + 1):  # the first run warms the page cache and is not counted
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        with open(os.devnull, "wb") as sink:
            subprocess.run(command, stdout=sink, check=True)
        wall = time.perf_counter() - start
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        walls.append(wall)
        cpus.append(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)
    walls, cpus = walls[1:], cpus[1:]
    print(
        f"{corpus.name}: {megabytes:.1f} MB, -j {args.jobs}, {args.runs} runs: "
        f"median {megabytes / statistics.median(walls):.2f} MB/s wall "
        f"({min(walls):.2f}-{max(walls):.2f} s), "
        f"{megabytes / statistics.median(cpus):.2f} MB/s of CPU"
    )


if __name__ == "__main__":
    main()
