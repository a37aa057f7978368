"""cleantext.hf: the batched map function on an in-memory datasets.Dataset, with num_proc, and
its fingerprint. Skipped when datasets is not installed."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

datasets = pytest.importorskip("datasets")

from datasets.fingerprint import Hasher  # noqa: E402
from tests.engines import engine_records  # noqa: E402

import cleantext.hf  # noqa: E402
from cleantext import _batch  # noqa: E402
from cleantext.pipeline import Pipeline  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def records() -> list[dict[str, Any]]:
    return engine_records()


def test_map_with_two_processes_equals_single_process(records: list[dict[str, Any]]) -> None:
    dataset = datasets.Dataset.from_list(records)
    fn = cleantext.hf.cleaner()
    cleaned = dataset.map(
        fn, batched=True, batch_size=16, num_proc=2, features=fn.features(dataset.features)
    )
    assert cleaned.num_rows == len(records)
    pipeline = Pipeline.default()
    for record, row in zip(records, cleaned, strict=True):  # map keeps the order
        result = pipeline.run(record["text"])
        assert row["id"] == record["id"] and row["domain"] == record["domain"]
        assert row["text"] == result.text
        assert row[cleantext.hf.EDITS] == len(result.edits)
        assert row[cleantext.hf.FLAGS] == _batch.flag_codes(result)
        assert row[cleantext.hf.MT_SCORE] == result.scores.get("mt", 0.0)
        assert row[cleantext.hf.LANGUAGE] == _batch.language(result)
    assert sum(row["text"] != r["text"] for r, row in zip(records, cleaned, strict=True)) >= 10


def test_source_column_reaches_a_corpus_pipeline(records: list[dict[str, Any]]) -> None:
    from cleantext.corpus import BoilerplateLearner

    learner = BoilerplateLearner(min_count=2, min_share=0.05)
    for record in records:
        learner.add(record["text"], record["domain"])
    pipeline = learner.learned().pipeline()
    dataset = datasets.Dataset.from_list(records)
    cleaned = cleantext.hf.clean(dataset, pipeline=pipeline, source_column="domain")
    plain = Pipeline.default()
    dropped_more = 0
    for record, row in zip(records, cleaned, strict=True):
        assert row["text"] == pipeline.run(record["text"], source=record["domain"]).text
        dropped_more += row["text"] != plain.run(record["text"]).text
    assert dropped_more > 0


HASH_SCRIPT = """
import cleantext.hf
from datasets.fingerprint import Hasher
from cleantext.pipeline import Pipeline
print(Hasher.hash(cleantext.hf.cleaner()))
print(Hasher.hash(cleantext.hf.cleaner(pipeline=Pipeline.default().without("moses"))))
"""


def test_fingerprint_is_stable_across_processes_and_tells_pipelines_apart() -> None:
    default = Hasher.hash(cleantext.hf.cleaner())
    assert Hasher.hash(cleantext.hf.cleaner(pipeline=Pipeline.default())) == default
    # A pipeline that has already run (warm caches) hashes as a fresh one.
    warm = cleantext.hf.cleaner()
    warm({"text": ["Caf\u00c3\u00a9 &amp; more\n", "ok"]})
    assert Hasher.hash(warm) == default
    other = Hasher.hash(cleantext.hf.cleaner(pipeline=Pipeline.default().without("moses")))
    assert other != default
    assert Hasher.hash(cleantext.hf.cleaner(column="body")) != default
    run = subprocess.run(
        [sys.executable, "-c", HASH_SCRIPT],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    )
    assert run.stdout.split() == [default, other]


def test_same_map_twice_gives_the_same_fingerprint(records: list[dict[str, Any]]) -> None:
    dataset = datasets.Dataset.from_list(records[:8])
    first = cleantext.hf.clean(dataset)
    second = cleantext.hf.clean(dataset)
    third = cleantext.hf.clean(dataset, column="domain")
    assert first._fingerprint == second._fingerprint != third._fingerprint
