"""cleantext as datatrove pipeline steps: a formatter that repairs, a filter that drops.

Install with ``pip install 'cleantext-repair[datatrove]'``.

* `CleantextFormatter` repairs ``doc.text`` and keeps the books in ``doc.metadata``: the
  `RESULT_COLUMNS` (``cleantext_edits``: the number of edits, ``cleantext_flags``: the distinct
  flag codes, ``cleantext_mt_score``, ``cleantext_language``) and, with ``keep_books`` (the
  default), ``cleantext_books``: every edit and flag as the command's ``--report`` writes them.
* `CleantextFilter` drops documents whose MT score exceeds ``max_mt_score`` or that carry one of
  ``drop_flags``; the reason (``mt-score`` or ``flag:<code>``) goes to
  ``doc.metadata["filter_reason"]`` of what datatrove's exclusion writer saves. After the
  formatter it reads the formatter's metadata; on its own it runs the pipeline (without changing
  the text).

Both follow datatrove's `BaseFormatter` / `BaseFilter` (stats, timing, exclusion writer). The
pipeline is pickled to each worker with the step and reused for every document there.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from datatrove.data import Document, DocumentsPipeline
from datatrove.pipeline.filters.base_filter import BaseFilter
from datatrove.pipeline.formatters.base import BaseFormatter
from datatrove.pipeline.writers.disk_base import DiskWriter
from datatrove.utils.typeshelper import StatHints

from cleantext import _batch
from cleantext._batch import EDITS, FLAGS, LANGUAGE, MT_SCORE, RESULT_COLUMNS
from cleantext.model import Result
from cleantext.pipeline import Pipeline

#: The metadata key of the full books (edits and flags) kept by `CleantextFormatter`.
BOOKS = "cleantext_books"

__all__ = [
    "BOOKS",
    "EDITS",
    "FLAGS",
    "LANGUAGE",
    "MT_SCORE",
    "RESULT_COLUMNS",
    "CleantextFilter",
    "CleantextFormatter",
]


def _source(doc: Document, source_key: str | None) -> str | None:
    if source_key is None:
        return None
    value = doc.metadata.get(source_key)
    return None if value is None else str(value)


def _metadata(result: Result, keep_books: bool) -> dict[str, Any]:
    columns = _batch.result_columns([result])
    data: dict[str, Any] = {name: values[0] for name, values in columns.items()}
    if keep_books:
        books = result.to_dict()
        del books["text"]
        data[BOOKS] = books
    return data


class CleantextFormatter(BaseFormatter):  # type: ignore[misc]
    """Repair each document's text; the books go to ``doc.metadata`` (see the module).

    ``pipeline`` is the default pipeline if None. ``source_key`` names the metadata field that
    holds a document's source (e.g. ``"domain"``), for a corpus-mode pipeline.
    """

    name = "🧹 cleantext"

    def __init__(
        self,
        pipeline: Pipeline | None = None,
        *,
        source_key: str | None = None,
        keep_books: bool = True,
    ) -> None:
        super().__init__()
        self.pipeline = Pipeline.default() if pipeline is None else pipeline
        self.source_key = source_key
        self.keep_books = keep_books

    def format(self, text: str) -> str:
        """The repaired text (what `BaseFormatter` asks of a formatter)."""
        return self.pipeline.run(text).text

    def run(self, data: DocumentsPipeline, rank: int = 0, world_size: int = 1) -> DocumentsPipeline:
        # BaseFormatter.run, with the result's books kept beside the text.
        for doc in data:
            self.stat_update(StatHints.total)
            with self.track_time():
                result = self.pipeline.run(doc.text, source=_source(doc, self.source_key))
            if result.edits:
                self.stat_update("edited")
            if result.flags:
                self.stat_update("flagged")
            doc.text = result.text
            doc.metadata.update(_metadata(result, self.keep_books))
            yield doc


class CleantextFilter(BaseFilter):  # type: ignore[misc]
    """Drop documents over an MT score or with given flag codes (see the module).

    ``exclusion_writer`` (any datatrove writer) saves the dropped documents with their
    ``filter_reason``. ``pipeline`` and ``source_key`` are used only for documents that did not
    go through `CleantextFormatter`.
    """

    name = "🧹 cleantext filter"

    def __init__(
        self,
        max_mt_score: float | None = None,
        drop_flags: Iterable[str] = (),
        *,
        pipeline: Pipeline | None = None,
        source_key: str | None = None,
        exclusion_writer: DiskWriter | None = None,
    ) -> None:
        super().__init__(exclusion_writer)
        self.max_mt_score = max_mt_score
        self.drop_flags = tuple(drop_flags)
        self.pipeline = Pipeline.default() if pipeline is None else pipeline
        self.source_key = source_key

    def filter(self, doc: Document) -> bool | tuple[bool, str]:
        metadata = doc.metadata
        if MT_SCORE in metadata and FLAGS in metadata:
            score, codes = float(metadata[MT_SCORE]), list(metadata[FLAGS])
        else:
            result = self.pipeline.run(doc.text, source=_source(doc, self.source_key))
            score, codes = _batch.mt_score(result), _batch.flag_codes(result)
        why = _batch.set_aside_reason(score, codes, self.max_mt_score, self.drop_flags)
        if why is None:
            return True
        return False, why[0]
