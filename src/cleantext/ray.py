"""Cleaning a Ray Data dataset: one column repaired, the books beside it, rejects kept.

Install with ``pip install 'cleantext-repair[ray]'``. Every function takes a `ray.data.Dataset`
and returns datasets (lazy, like every Ray Data transformation):

* `clean` repairs one text column and adds the `RESULT_COLUMNS` (edit count, flag codes, MT
  score, language). The pipeline is built once per worker (a callable class in an actor pool).
* `clean_with_rejects` also returns a second dataset with every dropped span and every record
  set aside (``max_mt_score``, ``drop_flags``): nothing is lost.
* `learn_boilerplate` is the first pass of corpus mode as a distributed count of line hashes per
  source; `clean_corpus` runs both passes.

Rows keep their other columns. Ray Data does not keep the row order unless asked
(``ray.data.DataContext.get_current().execution_options.preserve_order = True``); the results
do not depend on it. See ``docs/engines.md``.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from functools import partial
from typing import TYPE_CHECKING, Any

import pyarrow as pa

from cleantext import _batch
from cleantext._batch import EDITS, FLAGS, LANGUAGE, MT_SCORE, RESULT_COLUMNS
from cleantext.corpus import LearnedBoilerplate, line_keys
from cleantext.filters.boilerplate import line_hash
from cleantext.pipeline import Pipeline

if TYPE_CHECKING:
    from ray.data import Dataset

__all__ = [
    "EDITS",
    "FLAGS",
    "LANGUAGE",
    "MT_SCORE",
    "REJECTS_SCHEMA_FIELDS",
    "RESULT_COLUMNS",
    "clean",
    "clean_corpus",
    "clean_with_rejects",
    "learn_boilerplate",
]

#: Rows per batch handed to a worker: small enough to spread a small dataset over the workers.
BATCH_SIZE = 64

_KEEP = "__cleantext_keep"
_REJECTS = "__cleantext_rejects"

#: The columns of the rejects dataset besides ``id`` (whose type is the id column's).
REJECTS_SCHEMA_FIELDS: tuple[tuple[str, pa.DataType], ...] = (
    ("kind", pa.string()),  # "span" (a dropped span) or "record" (a record set aside)
    ("start", pa.int64()),  # span: where it was in the input text
    ("end", pa.int64()),
    ("original", pa.string()),  # span: the dropped text
    ("rule", pa.string()),  # span: the rule that dropped it
    ("reason", pa.string()),  # span: the rule's reason; record: "mt-score" or "flag:<code>"
    ("score", pa.float64()),  # record: the MT score, for "mt-score"
    ("record", pa.string()),  # record: the whole input record, as a JSON object
)


class _Cleaner:
    """Runs in a Ray actor: the pipeline is unpickled (or built) once per worker."""

    def __init__(
        self,
        pipeline: Pipeline | None,
        column: str,
        source_column: str | None,
        max_mt_score: float | None = None,
        drop_flags: Sequence[str] = (),
        rejects: bool = False,
    ) -> None:
        self.pipeline = Pipeline.default() if pipeline is None else pipeline
        self.column = column
        self.source_column = source_column
        self.max_mt_score = max_mt_score
        self.drop_flags = tuple(drop_flags)
        self.rejects = rejects

    def __call__(self, table: pa.Table) -> pa.Table:
        texts = table.column(self.column).to_pylist()
        sources = (
            None if self.source_column is None else table.column(self.source_column).to_pylist()
        )
        results = _batch.run_many(self.pipeline, texts, sources)
        cleaned = [result.text for result in results]
        columns = _batch.result_columns(results)
        if self.rejects:
            keep: list[bool] = []
            rejects: list[list[str]] = []
            for index, result in enumerate(results):
                why = _batch.set_aside(result, self.max_mt_score, self.drop_flags)
                keep.append(why is None)
                if why is None:
                    rejects.append([json.dumps(r) for r in _batch.span_rejects(result)])
                else:
                    cleaned[index] = texts[index]  # a record set aside is kept as it came
                    reason, score = why
                    rejects.append(
                        [json.dumps({"kind": "record", "reason": reason, "score": score})]
                    )
        position = table.schema.get_field_index(self.column)
        table = table.set_column(
            position,
            table.schema.field(position),
            pa.array(cleaned, table.schema.field(position).type),
        )
        table = _with(table, EDITS, pa.array(columns[EDITS], pa.int64()))
        table = _with(table, FLAGS, pa.array(columns[FLAGS], pa.list_(pa.string())))
        table = _with(table, MT_SCORE, pa.array(columns[MT_SCORE], pa.float64()))
        table = _with(table, LANGUAGE, pa.array(columns[LANGUAGE], pa.string()))
        if self.rejects:
            table = _with(table, _KEEP, pa.array(keep, pa.bool_()))
            table = _with(table, _REJECTS, pa.array(rejects, pa.list_(pa.string())))
        return table


def _with(table: pa.Table, name: str, values: pa.Array) -> pa.Table:
    """``table`` with column ``name`` set to ``values`` (replaced if it exists)."""
    position = table.schema.get_field_index(name)
    if position >= 0:
        return table.set_column(position, name, values)
    return table.append_column(name, values)


def _map_clean(
    dataset: Dataset,
    column: str,
    pipeline: Pipeline | None,
    source_column: str | None,
    concurrency: int | tuple[int, int] | None,
    **options: Any,
) -> Dataset:
    return dataset.map_batches(
        _Cleaner,
        fn_constructor_kwargs={
            "pipeline": pipeline,
            "column": column,
            "source_column": source_column,
            **options,
        },
        batch_format="pyarrow",
        batch_size=BATCH_SIZE,
        concurrency=concurrency,
        zero_copy_batch=True,
    )


def clean(
    dataset: Dataset,
    column: str = "text",
    pipeline: Pipeline | None = None,
    source_column: str | None = None,
    *,
    concurrency: int | tuple[int, int] | None = None,
) -> Dataset:
    """``dataset`` with ``column`` repaired and the `RESULT_COLUMNS` added.

    ``pipeline`` is the default pipeline if None. ``source_column`` names the column whose value
    is each document's source (e.g. ``"domain"``), passed to ``Pipeline.run(text, source=...)``:
    a corpus-mode pipeline needs it. ``concurrency`` is the number of workers (actors), or a
    ``(min, max)`` range that Ray scales within; Ray chooses when it is None. A fixed pool of as
    many workers as the cluster has CPUs leaves none for the tasks that read the input (the
    run then waits forever): on a 2-CPU machine reading files, pass ``(1, 2)``, or materialize
    the input first.
    """
    return _map_clean(dataset, column, pipeline, source_column, concurrency)


def clean_with_rejects(
    dataset: Dataset,
    column: str = "text",
    pipeline: Pipeline | None = None,
    source_column: str | None = None,
    *,
    id_column: str = "id",
    max_mt_score: float | None = None,
    drop_flags: Iterable[str] = (),
    concurrency: int | tuple[int, int] | None = None,
) -> tuple[Dataset, Dataset]:
    """`clean`, and a second dataset with everything cleaning took out of the first.

    A record whose MT score exceeds ``max_mt_score``, or that carries a flag code in
    ``drop_flags``, is set aside: it leaves the clean dataset and goes to the rejects whole
    (``kind="record"``, ``record`` holds it as JSON). Every span the pipeline dropped from a
    kept record is a rejects row too (``kind="span"``, with its offsets, text and rule). Each
    rejects row carries the record's ``id_column`` value as ``id`` (null if there is no such
    column). The columns are `REJECTS_SCHEMA_FIELDS`.

    Cleaning runs once: both datasets are views over one materialized pass (Ray spills its
    object store to disk when it must), so consuming both does not clean twice.
    """
    combined = _map_clean(
        dataset,
        column,
        pipeline,
        source_column,
        concurrency,
        max_mt_score=max_mt_score,
        drop_flags=tuple(drop_flags),
        rejects=True,
    ).materialize()
    kept = combined.map_batches(_kept, batch_format="pyarrow", zero_copy_batch=True)
    rejects = combined.map_batches(
        _rejects,
        fn_kwargs={"id_column": id_column},
        batch_format="pyarrow",
        zero_copy_batch=True,
    )
    return kept, rejects


def _kept(table: pa.Table) -> pa.Table:
    return table.filter(table.column(_KEEP)).drop_columns([_KEEP, _REJECTS])


def _rejects(table: pa.Table, id_column: str) -> pa.Table:
    has_id = id_column in table.column_names
    id_type = table.schema.field(id_column).type if has_id else pa.string()
    schema = pa.schema([("id", id_type), *REJECTS_SCHEMA_FIELDS])
    ids = table.column(id_column).to_pylist() if has_id else [None] * table.num_rows
    record_columns = [
        name for name in table.column_names if name not in (*RESULT_COLUMNS, _KEEP, _REJECTS)
    ]
    rows: list[dict[str, Any]] = []
    for index, entries in enumerate(table.column(_REJECTS).to_pylist()):
        for entry in entries:
            row = {"id": ids[index], **json.loads(entry)}
            if row["kind"] == "record":
                record = table.select(record_columns).slice(index, 1).to_pylist()[0]
                row["record"] = json.dumps(record, ensure_ascii=False, default=str)
            rows.append(row)
    return pa.Table.from_pylist(rows, schema=schema)


# -- corpus mode --------------------------------------------------------------------------------


def _line_keys(table: pa.Table, column: str, source_column: str, min_letters: int) -> pa.Table:
    """One row per (document, countable line) and one per document, as hashes.

    The hashing is the single-process learner's (`cleantext.corpus.BoilerplateLearner.add`):
    a document is known by ``line_hash(source, text)``, its lines by `cleantext.corpus.line_keys`.
    Rows with a null source are not counted.
    """
    sources: list[str] = []
    documents: list[int] = []
    lines: list[int] = []
    marks: list[bool] = []
    seen: set[int] = set()
    texts = table.column(column).to_pylist()
    for text, source in zip(texts, table.column(source_column).to_pylist(), strict=True):
        if source is None:
            continue
        source = str(source)
        document = line_hash(source, text)
        if document in seen:
            continue  # the shuffle below removes duplicates across batches
        seen.add(document)
        keys = line_keys(text, source, min_letters)
        # The document's own row (its line is a placeholder), then one row per distinct line.
        sources.extend([source] * (len(keys) + 1))
        documents.extend([document] * (len(keys) + 1))
        lines.append(0)
        lines.extend(keys)
        marks.append(True)
        marks.extend([False] * len(keys))
    return pa.table(
        {
            "source": pa.array(sources, pa.string()),
            "document": pa.array(documents, pa.uint64()),
            "line": pa.array(lines, pa.uint64()),
            "is_document": pa.array(marks, pa.bool_()),
        }
    )


def learn_boilerplate(
    dataset: Dataset,
    column: str = "text",
    source_column: str = "domain",
    *,
    min_count: int = 5,
    min_share: float = 0.05,
    min_letters: int = 8,
    num_partitions: int | None = None,
) -> LearnedBoilerplate:
    """The first pass of corpus mode, distributed: the lines each source repeats.

    Counts, for each source, in how many of its distinct documents each normalized line occurs
    (the hashing of `cleantext.corpus.BoilerplateLearner`; exact duplicate documents count
    once), and keeps the lines in at least ``min_count`` documents and ``min_share`` of them.
    Counts are exact: two shuffles over (document, line) hashes; only the learned hashes and one
    count per source come back to the driver. The single-process learner gives the same result
    as long as it did not have to prune (``prunings == 0``, its tables under ``max_entries``).
    ``num_partitions`` is passed to both shuffles (Ray's default, 200, suits large corpora).
    """
    from ray.data.expressions import col

    if min_count < 1 or not 0.0 <= min_share <= 1.0:
        raise ValueError(
            f"min_count must be >= 1 and min_share in [0, 1]; got {min_count}, {min_share}"
        )
    keys = dataset.select_columns([column, source_column]).map_batches(
        partial(_line_keys, column=column, source_column=source_column, min_letters=min_letters),
        batch_format="pyarrow",
        batch_size=BATCH_SIZE * 4,
    )
    distinct = keys.groupby(["source", "document", "line", "is_document"], num_partitions).count()
    counts = (
        distinct.select_columns(["source", "line", "is_document"])
        .groupby(["source", "line", "is_document"], num_partitions)
        .count()
        .materialize()
    )
    documents = {
        row["source"]: int(row["count()"])
        for row in counts.filter(expr=col("is_document")).take_all()
    }
    needed = {source: max(min_count, min_share * n) for source, n in documents.items()}
    learned = counts.map_batches(
        _above, fn_kwargs={"needed": needed}, batch_format="pyarrow"
    ).take_all()
    tables: dict[str, set[int]] = {}
    for row in learned:
        tables.setdefault(row["source"], set()).add(int(row["line"]))
    return LearnedBoilerplate(
        hashes={source: frozenset(lines) for source, lines in tables.items()},
        documents=documents,
        min_letters=min_letters,
    )


def _above(table: pa.Table, needed: dict[str, float]) -> pa.Table:
    rows = [
        (source, line)
        for source, line, is_document, count in zip(
            table.column("source").to_pylist(),
            table.column("line").to_pylist(),
            table.column("is_document").to_pylist(),
            table.column("count()").to_pylist(),
            strict=True,
        )
        if not is_document and count >= needed[source]
    ]
    return pa.table(
        {
            "source": pa.array([source for source, _ in rows], pa.string()),
            "line": pa.array([line for _, line in rows], pa.uint64()),
        }
    )


def clean_corpus(
    dataset: Dataset,
    column: str = "text",
    source_column: str = "domain",
    pipeline: Pipeline | None = None,
    *,
    min_count: int = 5,
    min_share: float = 0.05,
    concurrency: int | tuple[int, int] | None = None,
    num_partitions: int | None = None,
) -> Dataset:
    """Corpus mode in one call: `learn_boilerplate`, then `clean` with the learned lines added
    to ``pipeline`` (the default pipeline if None). Reads ``dataset`` twice."""
    learned = learn_boilerplate(
        dataset,
        column,
        source_column,
        min_count=min_count,
        min_share=min_share,
        num_partitions=num_partitions,
    )
    return clean(
        dataset,
        column,
        learned.pipeline(pipeline),
        source_column,
        concurrency=concurrency,
    )
