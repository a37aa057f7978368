"""A batched ``map`` function for Hugging Face `datasets` (``pip install datasets``).

``datasets.Dataset.map(cleaner(), batched=True, num_proc=N)`` repairs one column and adds the
`RESULT_COLUMNS` (edit count, flag codes, MT score, language)::

    from datasets import load_dataset
    import cleantext.hf

    ds = load_dataset("json", data_files="corpus.jsonl", split="train")
    fn = cleantext.hf.cleaner()  # column="text", pipeline=None (the default), source_column=None
    ds = ds.map(fn, batched=True, num_proc=2, features=fn.features(ds.features))
    ds = ds.filter(lambda row: row["cleantext_mt_score"] <= 10)  # set records aside, if wanted

The function is a small picklable object holding the pipeline; `datasets` hashes it to name its
cache files, and the same pipeline and options always hash the same (in any process), so a
second run reuses the cache; a different pipeline gets its own. Nothing here imports `datasets`.

>>> batch = {"text": ["Caf\\u00c3\\u00a9  \\r\\n"], "id": [7]}
>>> out = cleaner()(batch)
>>> out["text"], out["cleantext_edits"], out["cleantext_flags"]
(['Café\\n'], [2], [[]])
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from cleantext import _batch
from cleantext._batch import EDITS, FLAGS, LANGUAGE, MT_SCORE, RESULT_COLUMNS
from cleantext.pipeline import Pipeline

__all__ = [
    "EDITS",
    "FLAGS",
    "LANGUAGE",
    "MT_SCORE",
    "RESULT_COLUMNS",
    "Cleaner",
    "clean",
    "cleaner",
]


@dataclass(frozen=True)
class Cleaner:
    """``Cleaner(pipeline)(batch)``: for a batch (a dict of columns), a pyarrow table with the
    repaired ``column`` and the `RESULT_COLUMNS`; ``map`` keeps the other columns as they are."""

    pipeline: Pipeline
    column: str = "text"
    source_column: str | None = None

    def __call__(self, batch: Mapping[str, Sequence[Any]]) -> dict[str, list[Any]]:
        texts = list(batch[self.column])
        sources = None if self.source_column is None else list(batch[self.source_column])
        results = _batch.run_many(self.pipeline, texts, sources)
        out: dict[str, list[Any]] = {self.column: [result.text for result in results]}
        out.update(_batch.result_columns(results))
        return out  # `map` keeps the other columns

    def features(self, base: Any) -> Any:
        """The `datasets.Features` of the output: ``base`` (the input's ``dataset.features``)
        with the `RESULT_COLUMNS` added. Pass it as ``map(..., features=...)``: a batch where no
        document has a flag or a language would otherwise type those columns as null, and
        `datasets` refuses the next batch's values."""
        from datasets import Features, List, Value

        return Features(
            {
                **base,
                EDITS: Value("int64"),
                FLAGS: List(Value("string")),
                MT_SCORE: Value("float64"),
                LANGUAGE: Value("string"),
            }
        )


def cleaner(
    column: str = "text", pipeline: Pipeline | None = None, source_column: str | None = None
) -> Cleaner:
    """The function to pass to ``Dataset.map(..., batched=True)``; ``pipeline`` is the default
    pipeline if None; ``source_column`` names each document's source for a corpus-mode
    pipeline."""
    return Cleaner(Pipeline.default() if pipeline is None else pipeline, column, source_column)


def clean(
    dataset: Any,
    column: str = "text",
    pipeline: Pipeline | None = None,
    source_column: str | None = None,
    **map_options: Any,
) -> Any:
    """``dataset.map`` with `cleaner` and its `Cleaner.features`, batched; ``map_options`` go to
    ``map`` (``num_proc``, ``batch_size``, ``desc``...)."""
    fn = cleaner(column, pipeline, source_column)
    return dataset.map(fn, batched=True, features=fn.features(dataset.features), **map_options)
