"""Build a large JSONL corpus for the engine benchmarks (Ray vs the command): N documents made
from the test data (FakeNewsCorpus pages and NTREX-128 news), repeated with variation.

Each record is ``{"id", "domain", "text"}``. A document is one base text (a scraped page, with
its site's furniture, or one NTREX news document in one of 28 languages) with some of its
paragraphs dropped or swapped, a numbered line of its own, and now and then some damage that
the default pipeline repairs (CRLF line ends, a split entity, mojibake, trailing spaces), so
that the corpus is not one text repeated: every document differs, sites repeat their lines.
Seeded: the same ``--seed`` and ``--count`` give the same bytes.

Usage (from the repository root; the output is not committed)::

    .venv/bin/python benchmarks/build_engine_corpus.py [--count 100000] [--out FILE]
"""

from __future__ import annotations

import argparse
import json
import random
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data"
OUT = ROOT / "benchmarks" / "out" / "engine.jsonl"

DAMAGE = (
    lambda text: text.replace("\n", "\r\n"),
    lambda text: text.replace("'", " & # 39 ; ", 1),
    lambda text: text.replace("é", "Ã©").replace("’", "â€™"),
    lambda text: text.replace("\n", "  \n", 3),
)


def bases() -> list[tuple[str, str]]:
    """``(domain, text)`` for every page and NTREX document of the test data."""
    found: list[tuple[str, str]] = []
    with (DATA / "fakenews" / "fakenews.jsonl").open(encoding="utf-8") as handle:
        for line in handle:
            page = json.loads(line)
            found.append((page["domain"], page["text"]))
    with (DATA / "ntrex128" / "ntrex128.jsonl").open(encoding="utf-8") as handle:
        for line in handle:
            doc = json.loads(line)
            found.append((f"ntrex-{doc['lang']}", doc["text"]))
    return found


def vary(text: str, number: int, rng: random.Random) -> str:
    paragraphs = text.split("\n\n")
    if len(paragraphs) > 3 and rng.random() < 0.5:
        del paragraphs[rng.randrange(1, len(paragraphs) - 1)]
    if len(paragraphs) > 3 and rng.random() < 0.3:
        i = rng.randrange(1, len(paragraphs) - 2)
        paragraphs[i], paragraphs[i + 1] = paragraphs[i + 1], paragraphs[i]
    paragraphs.insert(rng.randrange(0, len(paragraphs) + 1), f"Item {number} of the collection.")
    varied = "\n\n".join(paragraphs)
    if rng.random() < 0.2:
        varied = rng.choice(DAMAGE)(varied)
    return varied


def build(count: int, seed: int) -> list[dict[str, Any]]:
    rng = random.Random(seed)
    pool = bases()
    records = []
    for number in range(count):
        domain, text = pool[rng.randrange(len(pool))]
        records.append({"id": f"doc-{number}", "domain": domain, "text": vary(text, number, rng)})
    return records


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    args.out.parent.mkdir(parents=True, exist_ok=True)
    with args.out.open("w", encoding="utf-8") as handle:
        for record in build(args.count, args.seed):
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    print(f"{args.count} documents, {args.out.stat().st_size / 1e6:.1f} MB -> {args.out}")


if __name__ == "__main__":
    main()
