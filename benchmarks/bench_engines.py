"""Ray Data (2 workers) against the command (``cleantext --jsonl -j 2``) on one JSONL corpus:
the same records out, record by record, and the throughput of each.

Usage (from the repository root, with the ``ray`` extra installed; run it with ``nice``)::

    .venv/bin/python benchmarks/build_engine_corpus.py --count 100000
    nice .venv/bin/python benchmarks/bench_engines.py [--corpus benchmarks/out/engine.jsonl]

Both runs read the file and write JSONL, and are timed end to end (wall time: the two workers
are the point), including Ray's start-up. Ray runs on a local cluster of 2 CPUs with a fixed
pool of 2 workers; the input is read (and materialized) first, because a fixed pool of as many
workers as CPUs leaves no CPU for the read tasks. Prints a Markdown table and writes
``benchmarks/out/engines.json``.
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

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "benchmarks" / "out"


def run_cli(corpus: Path, output: Path) -> float:
    started = time.perf_counter()
    with output.open("wb") as sink:
        subprocess.run(
            [sys.executable, "-m", "cleantext", "--jsonl", "-j", "2", str(corpus)],
            stdout=sink,
            check=True,
        )
    return time.perf_counter() - started


def run_ray(corpus: Path, output: Path) -> tuple[float, float]:
    """Seconds in all, and seconds of the clean-and-write pass alone."""
    started = time.perf_counter()
    import ray

    import cleantext.ray

    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False)
    ray.data.DataContext.get_current().enable_progress_bars = False
    try:
        dataset = ray.data.read_json(str(corpus)).materialize()
        cleaning = time.perf_counter()
        cleaned = cleantext.ray.clean(dataset, concurrency=2)
        cleaned.drop_columns(list(cleantext.ray.RESULT_COLUMNS)).write_json(str(output))
        done = time.perf_counter()
    finally:
        ray.shutdown()
    return done - started, done - cleaning


def compare(corpus: Path, cli_output: Path, ray_output: Path) -> dict[str, Any]:
    """Record by record, by id: every record of the command's output equals Ray's."""
    cli: dict[str, dict[str, Any]] = {}
    with cli_output.open(encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            cli[record["id"]] = record
    ray_records: dict[str, dict[str, Any]] = {}
    for path in sorted(ray_output.glob("*.json")):
        with path.open(encoding="utf-8") as handle:
            for line in handle:
                record = json.loads(line)
                ray_records[record["id"]] = record
    with corpus.open(encoding="utf-8") as handle:
        inputs = sum(1 for _ in handle)
    differing = [key for key in cli if ray_records.get(key) != cli[key]]
    return {
        "inputs": inputs,
        "cli_records": len(cli),
        "ray_records": len(ray_records),
        "differing": len(differing),
        "first_differing": differing[:5],
        "equal": len(cli) == len(ray_records) == inputs and not differing,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=OUT / "engine.jsonl")
    args = parser.parse_args()
    size = args.corpus.stat().st_size
    cli_output = OUT / "engine-cli.jsonl"
    ray_output = OUT / "engine-ray"
    if ray_output.exists():
        for path in ray_output.iterdir():
            path.unlink()
    cli_seconds = run_cli(args.corpus, cli_output)
    ray_seconds, ray_clean_seconds = run_ray(args.corpus, ray_output)
    check = compare(args.corpus, cli_output, ray_output)
    result = {
        "corpus_bytes": size,
        "documents": check["inputs"],
        "cpus": os.cpu_count(),
        "load_average": os.getloadavg()[0],
        "cli_seconds": cli_seconds,
        "ray_seconds": ray_seconds,
        "ray_clean_seconds": ray_clean_seconds,
        **check,
    }
    (OUT / "engines.json").write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    mb = size / 1e6
    print(f"{check['inputs']} documents, {mb:.1f} MB; equal record by record: {check['equal']}")
    print("| run | seconds | MB/s | documents/s |")
    print("|---|---|---|---|")
    for name, seconds in (
        ("`cleantext --jsonl -j 2`", cli_seconds),
        ("Ray Data, 2 workers (all)", ray_seconds),
        ("Ray Data, 2 workers (clean + write)", ray_clean_seconds),
    ):
        print(f"| {name} | {seconds:.1f} | {mb / seconds:.2f} | {check['inputs'] / seconds:.0f} |")


if __name__ == "__main__":
    main()
