"""Recall per repair family on BLIND corruptions of NTREX (28 languages), then on supported ones.

Each document gets one repair family (in turn, so every family has about the same number of
documents), blind (`cleantext.fuzz.blind`: defects where scrapers and MT put them) and,
separately, supported (the corruptors that carry the filters' documented evidence). The default
pipeline cleans the dirty text; an artifact is restored when the output equals the clean text
over its span (`cleantext.fuzz.score.judge`). Documents are NTREX as they are (long), their
first two or three paragraphs (short) and their first line (one line), in turn.

    python benchmarks/eval_blind.py                  # 2,000 documents, both modes, ~1 minute
    python benchmarks/eval_blind.py --docs 500 --families rejoin-numbers,spam-lines
    python benchmarks/eval_blind.py --json out.json  # also write the figures as JSON
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from pathlib import Path

import cleantext
from cleantext.fuzz import available, corrupt
from cleantext.fuzz.registry import entries
from cleantext.fuzz.score import FlagSpan, judge

ROOT = Path(__file__).resolve().parents[1]
NTREX = ROOT / "tests/data/ntrex128/ntrex128.jsonl"
SHAPES = ("long", "short", "one-line")


def repair_families() -> list[str]:
    return [e.name for e in entries() if e.expect == "repair" and e.default and available(e.name)]


def shaped(text: str, shape: str) -> str:
    if shape == "long":
        return text
    if shape == "one-line":
        return text.split("\n", 1)[0]
    breaks = "\n\n" if "\n\n" in text else "\n"
    return breaks.join(text.split(breaks)[:3])


def evaluate(docs: int, families: list[str], mode: str, seed: int) -> dict[str, dict[str, int]]:
    records = [json.loads(line) for line in NTREX.read_text(encoding="utf-8").splitlines()]
    pipeline = cleantext.Pipeline.default()
    table: dict[str, Counter[str]] = {name: Counter() for name in families}
    for k in range(docs):
        record = records[k % len(records)]
        family = families[k % len(families)]
        text = shaped(record["text"], SHAPES[(k // len(records)) % len(SHAPES)])
        result = corrupt(text, [family], seed=f"{seed}/{k}", mode=mode)
        if not result.artifacts:
            continue
        output = pipeline.run(result.dirty)
        flags = [FlagSpan(f.start, f.end, f.code) for f in output.flags]
        judgement = judge(result.dirty, result.artifacts, output.text, flags)
        counts = table[family]
        counts["documents"] += 1
        counts["artifacts"] += len(result.artifacts)
        counts.update(judgement.outcomes)
        counts["harm_chars"] += judgement.harm_chars
    return {name: dict(counts) for name, counts in table.items()}


def share(counts: dict[str, int], key: str) -> str:
    total = counts.get("artifacts", 0)
    return f"{100 * counts.get(key, 0) / total:5.1f}%" if total else "    -"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, default=2000, help="documents per mode (2000)")
    parser.add_argument("--families", help="comma-separated repair families (default: all)")
    parser.add_argument("--modes", default="blind,supported", help="blind,supported")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--json", type=Path, help="write the figures to this file")
    args = parser.parse_args(argv)
    families = args.families.split(",") if args.families else repair_families()
    results: dict[str, object] = {"docs": args.docs, "seed": args.seed, "modes": {}}
    for mode in args.modes.split(","):
        started = time.perf_counter()
        table = evaluate(args.docs, families, mode, args.seed)
        seconds = time.perf_counter() - started
        results["modes"][mode] = table  # type: ignore[index]
        print(f"\n{mode} corruptions ({args.docs} documents, seed {args.seed}, {seconds:.0f} s)")
        print(f"{'family':<16} {'docs':>5} {'artifacts':>9} {'restored':>9} {'flagged':>8} "
              f"{'harm chars':>10}")  # fmt: skip
        for name, counts in table.items():
            print(
                f"{name:<16} {counts.get('documents', 0):>5} {counts.get('artifacts', 0):>9} "
                f"{share(counts, 'repaired'):>9} {share(counts, 'flagged'):>8} "
                f"{counts.get('harm_chars', 0):>10}"
            )
    if args.json:
        args.json.write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
