"""cleantext.datatrove in a LocalPipelineExecutor pipeline (JSONL in, JSONL out, exclusions).
Skipped when datatrove is not installed (``pip install -e '.[datatrove]'``)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("datatrove")

from datatrove.executor import LocalPipelineExecutor
from datatrove.pipeline.readers import JsonlReader
from datatrove.pipeline.writers import JsonlWriter
from tests.engines import engine_records

from cleantext.datatrove import (
    BOOKS,
    EDITS,
    FLAGS,
    LANGUAGE,
    MT_SCORE,
    CleantextFilter,
    CleantextFormatter,
)
from cleantext.pipeline import Pipeline


def write_input(folder: Path, records: list[dict[str, Any]], files: int = 2) -> None:
    folder.mkdir()
    for part in range(files):
        lines = [json.dumps(r, ensure_ascii=False) + "\n" for r in records[part::files]]
        (folder / f"part-{part}.jsonl").write_text("".join(lines), encoding="utf-8")


def read_output(folder: Path) -> dict[str, dict[str, Any]]:
    docs: dict[str, dict[str, Any]] = {}
    for path in sorted(folder.glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            doc = json.loads(line)
            assert doc["id"] not in docs
            docs[doc["id"]] = doc
    return docs


@pytest.fixture(scope="module")
def records() -> list[dict[str, Any]]:
    return engine_records()


def test_formatter_and_filter_in_a_local_pipeline(
    records: list[dict[str, Any]], tmp_path: Path
) -> None:
    pipeline = Pipeline.default()
    results = {r["id"]: pipeline.run(r["text"]) for r in records}
    scores = sorted(result.scores.get("mt", 0.0) for result in results.values())
    limit = scores[len(scores) * 3 // 4]
    write_input(tmp_path / "in", records)
    executor = LocalPipelineExecutor(
        pipeline=[
            JsonlReader(str(tmp_path / "in")),
            CleantextFormatter(),
            CleantextFilter(
                max_mt_score=limit,
                drop_flags=["untranslated"],
                exclusion_writer=JsonlWriter(str(tmp_path / "excluded"), compression=None),
            ),
            JsonlWriter(str(tmp_path / "out"), compression=None),
        ],
        tasks=2,
        workers=2,  # worker processes: the steps (and their pipelines) are pickled
        logging_dir=str(tmp_path / "logs"),
    )
    executor.run()
    kept, excluded = read_output(tmp_path / "out"), read_output(tmp_path / "excluded")
    assert kept and excluded
    assert set(kept) | set(excluded) == set(results)  # nothing lost
    for record in records:
        result = results[record["id"]]
        score = result.scores.get("mt", 0.0)
        codes = sorted({flag.code for flag in result.flags})
        doc = kept.get(record["id"]) or excluded[record["id"]]
        assert doc["text"] == result.text
        metadata = doc["metadata"]
        assert metadata["domain"] == record["domain"]  # the reader's metadata is kept
        assert metadata[EDITS] == len(result.edits)
        assert metadata[FLAGS] == codes
        assert metadata[MT_SCORE] == score
        assert metadata[LANGUAGE] == (None if result.language is None else result.language[0])
        books = result.to_dict()
        del books["text"]
        assert metadata[BOOKS] == books
        if score > limit:
            assert metadata["filter_reason"] == "mt-score"
        elif "untranslated" in codes:
            assert metadata["filter_reason"] == "flag:untranslated"
        else:
            assert record["id"] in kept and "filter_reason" not in metadata


def test_filter_alone_runs_the_pipeline_and_keeps_the_text(
    records: list[dict[str, Any]], tmp_path: Path
) -> None:
    pipeline = Pipeline.default()
    flagged = {r["id"] for r in records if pipeline.run(r["text"]).flags}
    assert flagged and len(flagged) < len(records)
    write_input(tmp_path / "in", records, files=1)
    every_code = {flt.name for flt in pipeline.filters} | {"split-number"}
    every_code |= {flag.code for r in records for flag in pipeline.run(r["text"]).flags}
    LocalPipelineExecutor(
        pipeline=[
            JsonlReader(str(tmp_path / "in")),
            CleantextFilter(drop_flags=sorted(every_code)),
            JsonlWriter(str(tmp_path / "out"), compression=None),
        ],
        tasks=1,
        logging_dir=str(tmp_path / "logs"),
    ).run()
    kept = read_output(tmp_path / "out")
    assert set(kept) == {r["id"] for r in records} - flagged
    originals = {r["id"]: r["text"] for r in records}
    assert all(doc["text"] == originals[doc_id] for doc_id, doc in kept.items())
