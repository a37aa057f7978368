"""Rebuild ntrex128.jsonl from ../shared/data/ntrex128 (run from the repository root).

Each record is one news document in one language: its sentences, one per line, joined with a
line break (even-numbered documents) or a blank line (odd-numbered ones): both layouts are tested.
The first documents covering at least LINES sentences are kept, for every language.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

LINES = 330
SOURCE = Path(sys.argv[1] if len(sys.argv) > 1 else "../shared/data/ntrex128")
HERE = Path(__file__).parent


def main() -> None:
    ids = (SOURCE / "DOCUMENT_IDS.tsv").read_text(encoding="utf-8").splitlines()
    order: list[str] = []
    for doc_id in ids:
        if doc_id not in order:
            order.append(doc_id)
    kept: list[str] = []
    count = 0
    for doc_id in order:
        if count >= LINES:
            break
        kept.append(doc_id)
        count += ids.count(doc_id)
    with (HERE / "ntrex128.jsonl").open("w", encoding="utf-8") as out:
        for path in sorted(SOURCE.glob("newstest2019-*.txt")):
            lang = path.stem.split(".")[-1]
            sentences = path.read_text(encoding="utf-8").split("\n")
            for number, doc_id in enumerate(kept):
                lines = [s for s, d in zip(sentences, ids, strict=False) if d == doc_id]
                joiner = "\n" if number % 2 == 0 else "\n\n"
                record = {"id": f"{lang}/{doc_id}", "lang": lang, "text": joiner.join(lines)}
                out.write(json.dumps(record, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
