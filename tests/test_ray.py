"""cleantext.ray on a local Ray cluster (2 CPUs), against the single-process result record by
record. Skipped when ray is not installed (``pip install -e '.[ray]'``)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

ray = pytest.importorskip("ray")
pytest.importorskip("pyarrow")

import pyarrow.parquet as pq  # noqa: E402
from tests.engines import engine_records  # noqa: E402

import cleantext.ray as cray  # noqa: E402
from cleantext.corpus import BoilerplateLearner  # noqa: E402
from cleantext.pipeline import Pipeline  # noqa: E402

WORKERS = 2


@pytest.fixture(scope="module")
def cluster() -> Iterator[None]:
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False)
    ray.data.DataContext.get_current().enable_progress_bars = False
    try:
        yield
    finally:
        ray.shutdown()


@pytest.fixture(scope="module")
def records() -> list[dict[str, Any]]:
    return engine_records()


def by_id(rows: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    table = {row["id"]: row for row in rows}
    assert len(table) == len(rows), "ids must be unique"
    return table


def expected_columns(pipeline: Pipeline, text: str, source: str | None = None) -> dict[str, Any]:
    result = pipeline.run(text, source=source)
    return {
        "text": result.text,
        cray.EDITS: len(result.edits),
        cray.FLAGS: sorted({flag.code for flag in result.flags}),
        cray.MT_SCORE: result.scores.get("mt", 0.0),
        cray.LANGUAGE: None if result.language is None else result.language[0],
    }


def actual_columns(row: dict[str, Any]) -> dict[str, Any]:
    return {
        "text": row["text"],
        cray.EDITS: row[cray.EDITS],
        cray.FLAGS: list(row[cray.FLAGS]),
        cray.MT_SCORE: row[cray.MT_SCORE],
        cray.LANGUAGE: row[cray.LANGUAGE],
    }


def test_clean_jsonl_to_parquet_equals_single_process(
    cluster: None, records: list[dict[str, Any]], tmp_path: Path
) -> None:
    source = tmp_path / "corpus.jsonl"
    source.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), "utf-8")
    dataset = ray.data.read_json(str(source))
    # A range: a fixed pool of 2 actors on 2 CPUs would leave no CPU for the read tasks.
    cray.clean(dataset, concurrency=(1, WORKERS)).write_parquet(str(tmp_path / "clean"))
    rows = pq.read_table(tmp_path / "clean").to_pylist()
    cleaned = by_id(rows)
    assert set(cleaned) == {r["id"] for r in records}
    pipeline = Pipeline.default()
    changed = 0
    for record in records:
        row = cleaned[record["id"]]
        assert row["domain"] == record["domain"]  # other columns are kept
        assert actual_columns(row) == expected_columns(pipeline, record["text"]), record["id"]
        changed += row["text"] != record["text"]
    # The corpus exercises repairs, flags and languages, not only the unchanged path.
    assert changed >= 10
    assert any(row[cray.FLAGS] for row in rows)
    assert len({row[cray.LANGUAGE] for row in rows}) >= 10


def test_rejects_hold_every_dropped_span_and_set_aside_record(
    cluster: None, records: list[dict[str, Any]]
) -> None:
    pipeline = Pipeline.default()
    results = {r["id"]: pipeline.run(r["text"]) for r in records}
    scores = sorted(result.scores.get("mt", 0.0) for result in results.values())
    limit = scores[len(scores) * 3 // 4]  # about a quarter of the records go
    dataset = ray.data.from_items(records)
    kept, rejects = cray.clean_with_rejects(
        dataset, max_mt_score=limit, drop_flags=["untranslated"], concurrency=WORKERS
    )
    kept_rows = by_id(kept.take_all())
    reject_rows = rejects.take_all()
    set_aside = {row["id"]: row for row in reject_rows if row["kind"] == "record"}
    assert set_aside and kept_rows
    # Nothing is lost: each record is either kept or set aside whole.
    assert set(kept_rows) | set(set_aside) == set(results)
    assert not set(kept_rows) & set(set_aside)
    originals = by_id(records)
    for record_id, result in results.items():
        score = result.scores.get("mt", 0.0)
        codes = {flag.code for flag in result.flags}
        should_go = score > limit or "untranslated" in codes
        assert (record_id in set_aside) == should_go, record_id
        if should_go:
            row = set_aside[record_id]
            assert json.loads(row["record"]) == originals[record_id]
            assert row["reason"] == ("mt-score" if score > limit else "flag:untranslated")
            assert row["score"] == (score if score > limit else None)
        else:
            assert kept_rows[record_id]["text"] == result.text
            assert set(kept_rows[record_id]) == {"id", "domain", "text", *cray.RESULT_COLUMNS}
    spans = sorted(
        (row["id"], row["start"], row["end"], row["original"], row["rule"])
        for row in reject_rows
        if row["kind"] == "span"
    )
    expected = sorted(
        (record_id, edit.start, edit.end, edit.original, edit.rule)
        for record_id, result in results.items()
        if record_id in kept_rows
        for edit in result.dropped
    )
    assert spans == expected and expected


def test_distributed_count_learns_what_the_single_process_learner_learns(
    cluster: None, records: list[dict[str, Any]]
) -> None:
    dataset = ray.data.from_items(records)
    learned = cray.learn_boilerplate(
        dataset, source_column="domain", min_count=2, min_share=0.05, num_partitions=2
    )
    learner = BoilerplateLearner(min_count=2, min_share=0.05)
    for record in records:
        learner.add(record["text"], record["domain"])
    expected = learner.learned()
    assert learner.prunings == 0
    assert len(expected) > 0
    assert learned.hashes == expected.hashes
    # Exact duplicates (the "copy-" records) are counted once, as by the learner.
    assert learned.documents == expected.documents

    cleaned = by_id(
        cray.clean(dataset, pipeline=learned.pipeline(), source_column="domain").take_all()
    )
    single = expected.pipeline()
    plain = Pipeline.default()
    learned_away = 0
    for record in records:
        want = expected_columns(single, record["text"], record["domain"])
        assert actual_columns(cleaned[record["id"]]) == want, record["id"]
        learned_away += want["text"] != plain.run(record["text"]).text
    assert learned_away > 0  # the learned lines did drop something


def test_clean_corpus_runs_both_passes(cluster: None, records: list[dict[str, Any]]) -> None:
    subset = [r for r in records if r["domain"] in ("canadafreepress.com", "www.newsmax.com")]
    dataset = ray.data.from_items(subset)
    rows = by_id(
        cray.clean_corpus(dataset, min_count=2, min_share=0.1, num_partitions=1).take_all()
    )
    learner = BoilerplateLearner(min_count=2, min_share=0.1)
    for record in subset:
        learner.add(record["text"], record["domain"])
    pipeline = learner.learned().pipeline()
    assert len(learner.learned()) > 0
    for record in subset:
        want = expected_columns(pipeline, record["text"], record["domain"])
        assert actual_columns(rows[record["id"]]) == want
