"""The score table of docs/fuzzing.md: cleantext, ftfy, datatrove's FTFYFormatter, the identity.

One generated set (``cleantext fuzz --seed SEED --copies N`` over the shipped NTREX sample), scored
by ``cleantext score --json`` once per cleaner, exactly as a user would run them. Prints a
Markdown table and, with ``--png``, draws the per-family bar chart (matplotlib is needed by this
script only; it is not a dependency of cleantext).

    python benchmarks/eval_fuzz.py --copies 90 --png docs/img/fuzz-scores.png   # 10,080 records

`ftfy_formatter` reproduces datatrove's ``FTFYFormatter()`` with its default settings
(datatrove ``src/datatrove/pipeline/formatters/ftfy.py``: fix the encoding, leave the format) as
an ``ftfy.TextFixerConfig``, so datatrove need not be installed.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

import ftfy

ROOT = Path(__file__).resolve().parents[1]

sys.path.insert(0, str(ROOT / "benchmarks"))
from bench_common import FTFY_NON_NORMALIZING as FTFY_FORMATTER  # noqa: E402


def ftfy_formatter(text: str) -> str:
    return str(ftfy.fix_text(text, config=FTFY_FORMATTER))


def identity(text: str) -> str:
    return text


CLEANERS: dict[str, list[str]] = {
    "cleantext": [],
    "ftfy.fix_text": ["--callable", "ftfy:fix_text"],
    "FTFYFormatter": ["--callable", "benchmarks.eval_fuzz:ftfy_formatter"],
    "identity": ["--callable", "benchmarks.eval_fuzz:identity"],
}


def _cleantext(*args: str, stdout: object = subprocess.PIPE) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "cleantext", *args], cwd=ROOT, stdout=stdout, text=True, check=True
    )  # type: ignore[call-overload, no-any-return]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--copies", type=int, default=90, help="copies of the sample (90)")
    parser.add_argument("--out", type=Path, default=ROOT / "benchmarks/out/fuzz")
    parser.add_argument("--png", type=Path, help="draw the per-family bar chart here")
    parser.add_argument("--replot", action="store_true", help="redraw from the last scores")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    records = args.out / f"records-seed{args.seed}.jsonl"
    saved = args.out / f"scores-seed{args.seed}.json"
    if args.replot:
        scores = json.loads(saved.read_text(encoding="utf-8"))
        print(table(scores, records))
        if args.png:
            chart(scores, args.png, args.seed)
        return 0
    with records.open("w", encoding="utf-8") as stream:
        _cleantext("fuzz", "--seed", str(args.seed), "--copies", str(args.copies), stdout=stream)
    scores = {
        name: json.loads(_cleantext("score", str(records), "--json", *extra).stdout)
        for name, extra in CLEANERS.items()
    }
    saved.write_text(json.dumps(scores, indent=1) + "\n", encoding="utf-8")
    print(table(scores, records))
    if args.png:
        chart(scores, args.png, args.seed)
    return 0


def _cell(family: dict[str, int]) -> str:
    total = family["total"]
    repaired = 100 * family["repaired"] / total
    flagged = 100 * family["flagged"] / total
    return f"{repaired:.1f}" + (f" (+{flagged:.1f} flagged)" if family["flagged"] else "")


def table(scores: dict[str, dict[str, object]], records: Path) -> str:
    first = next(iter(scores.values()))
    families = list(first["families"])  # type: ignore[call-overload]
    names = list(scores)
    lines = [
        f"{first['records']} records (`{records.name}`); % of artifacts repaired (and flagged)",
        "",
        "| family | artifacts | " + " | ".join(names) + " |",
        "|---|---:|" + "---:|" * len(names),
    ]
    for family in families:
        total = first["families"][family]["total"]  # type: ignore[index]
        cells = [_cell(scores[n]["families"][family]) for n in names]  # type: ignore[index]
        lines.append(f"| {family} | {total} | " + " | ".join(cells) + " |")
    harm = [scores[n]["harm"] for n in names]
    lines.append(
        "| **harm**: chars changed outside artifacts (records) | | "
        + " | ".join(f"{h['chars']} ({h['records']})" for h in harm)  # type: ignore[index]
        + " |"
    )
    lines.append(
        "| **harm**: clean records changed | | "
        + " | ".join(f"{h['clean_records_changed']} of {h['clean_records']}" for h in harm)  # type: ignore[index]
        + " |"
    )
    speed = [scores[n]["throughput"] for n in names]
    lines.append(
        "| throughput, MB/s | | "
        + " | ".join(f"{s['mb_per_s']:.2f}" for s in speed)  # type: ignore[index]
        + " |"
    )
    return "\n".join(lines)


def chart(scores: dict[str, dict[str, object]], path: Path, seed: int) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    names = list(scores)
    families = list(next(iter(scores.values()))["families"])  # type: ignore[call-overload]
    width = 0.8 / len(names)
    figure, axes = plt.subplots(figsize=(14, 5.5))
    for index, name in enumerate(names):
        counts = [scores[name]["families"][fam] for fam in families]  # type: ignore[index]
        repaired = [100 * f["repaired"] / f["total"] for f in counts]
        flagged = [100 * f["flagged"] / f["total"] for f in counts]
        positions = [k + (index - (len(names) - 1) / 2) * width for k in range(len(families))]
        bars = axes.bar(positions, repaired, width, label=f"{name} repaired")
        color = bars.patches[0].get_facecolor()
        axes.bar(positions, flagged, width, bottom=repaired, color=color, alpha=0.35, hatch="//")
    axes.set_xticks(range(len(families)), families, rotation=40, ha="right")
    axes.set_ylabel("% of artifacts repaired (hatched: flagged)")
    axes.set_ylim(0, 100)
    axes.set_title(f"cleantext score on `cleantext fuzz --seed {seed}` (blind corruptors)")
    axes.legend()
    figure.tight_layout()
    path.parent.mkdir(parents=True, exist_ok=True)
    figure.savefig(path, dpi=110)


if __name__ == "__main__":
    sys.exit(main())
