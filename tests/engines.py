"""The small corpus the engine adapters are tested on (Ray Data, datatrove, datasets).

Real scraped pages (FakeNewsCorpus sample: boilerplate, MT flags, sites that repeat lines),
clean news in many scripts (NTREX-128), a few documents with repairable damage, and exact
duplicates of some pages under new ids (corpus mode counts a duplicate once).
"""

from __future__ import annotations

import json
from typing import Any

from tests.helpers import DATA, ntrex_documents


def engine_records(ntrex_per_language: int = 1, pages: int = 100) -> list[dict[str, Any]]:
    """Records with ``id`` (str), ``domain`` (str) and ``text``; ids are unique."""
    records: list[dict[str, Any]] = []
    with (DATA / "fakenews" / "fakenews.jsonl").open(encoding="utf-8") as handle:
        for _, line in zip(range(pages), handle, strict=False):
            page = json.loads(line)
            records.append({"id": page["id"], "domain": page["domain"], "text": page["text"]})
    seen: dict[str, int] = {}
    for doc in ntrex_documents():
        if seen.get(doc["lang"], 0) < ntrex_per_language:
            seen[doc["lang"]] = seen.get(doc["lang"], 0) + 1
            records.append({"id": doc["id"], "domain": "ntrex", "text": doc["text"]})
    damaged = [
        "Caf\u00c3\u00a9 au lait  \r\nIt&#39;s good.\r\n",
        "The vote & # 39 ; s outcome was announced in 201\n\n4, a year later.",
        "Home > News > World\n\nA short story about nothing.\n\nSource link",
    ]
    records.extend(
        {"id": f"damaged-{n}", "domain": "example.org", "text": text}
        for n, text in enumerate(damaged)
    )
    # Duplicates last, so that they land in other batches than their originals.
    records.extend({**record, "id": f"copy-{record['id']}"} for record in records[:10:3])
    return records
