"""What every engine adapter writes (Ray Data, datatrove, Hugging Face datasets), in one place.

A document's `Result` becomes a few plain columns (`RESULT_COLUMNS`): the number of edits, the
distinct flag codes, the MT score and the language. What cleaning takes out of the corpus goes
to rejects (`span_rejects`, `set_aside`), with the same fields as the command's ``--rejects``
file, so that nothing is lost whichever engine runs the pipeline.

>>> from cleantext.pipeline import Pipeline
>>> columns = result_columns([Pipeline.default().run("ok  \\r\\n")])
>>> columns[EDITS], columns[FLAGS], columns[MT_SCORE], columns[LANGUAGE]
([1], [[]], [0.0], [None])
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from cleantext.model import Result
from cleantext.pipeline import Pipeline

#: The columns (or metadata keys) an adapter adds beside the repaired text.
EDITS = "cleantext_edits"
FLAGS = "cleantext_flags"
MT_SCORE = "cleantext_mt_score"
LANGUAGE = "cleantext_language"
RESULT_COLUMNS = (EDITS, FLAGS, MT_SCORE, LANGUAGE)


def run_many(
    pipeline: Pipeline, texts: Sequence[str], sources: Sequence[Any] | None = None
) -> list[Result]:
    """`run` for each text; a source that is None (a missing value) runs without one."""
    if sources is None:
        return [pipeline.run(text) for text in texts]
    return [
        pipeline.run(text, source=None if source is None else str(source))
        for text, source in zip(texts, sources, strict=True)
    ]


def flag_codes(result: Result) -> list[str]:
    """The distinct flag codes of a result, sorted."""
    return sorted({flag.code for flag in result.flags})


def mt_score(result: Result) -> float:
    return float(result.scores.get("mt", 0.0))


def language(result: Result) -> str | None:
    return None if result.language is None else result.language[0]


def result_columns(results: Iterable[Result]) -> dict[str, list[Any]]:
    """The `RESULT_COLUMNS` of many results, column by column."""
    columns: dict[str, list[Any]] = {name: [] for name in RESULT_COLUMNS}
    for result in results:
        columns[EDITS].append(len(result.edits))
        columns[FLAGS].append(flag_codes(result))
        columns[MT_SCORE].append(mt_score(result))
        columns[LANGUAGE].append(language(result))
    return columns


def span_rejects(result: Result) -> list[dict[str, Any]]:
    """Every span the run dropped, as the command's ``--rejects`` writes it (without the id)."""
    rejects = []
    for edit in result.dropped:
        record: dict[str, Any] = {"kind": "span", **edit.to_dict()}
        del record["replacement"]  # always empty for a dropped span
        rejects.append(record)
    return rejects


def set_aside(
    result: Result, max_mt_score: float | None = None, drop_flags: Iterable[str] = ()
) -> tuple[str, float | None] | None:
    """Why a whole record is set aside, or None (see `set_aside_reason`)."""
    return set_aside_reason(mt_score(result), flag_codes(result), max_mt_score, drop_flags)


def set_aside_reason(
    score: float,
    codes: Iterable[str],
    max_mt_score: float | None = None,
    drop_flags: Iterable[str] = (),
) -> tuple[str, float | None] | None:
    """``("mt-score", score)`` when ``score`` exceeds ``max_mt_score`` (the command's
    ``--max-mt-score``), else ``("flag:<code>", None)`` for the first (sorted) of ``codes`` that
    is in ``drop_flags``, else None.

    >>> set_aside_reason(12.5, ["repetition"], max_mt_score=10.0)
    ('mt-score', 12.5)
    >>> set_aside_reason(0.0, ["untranslated", "repetition"], drop_flags=["untranslated"])
    ('flag:untranslated', None)
    >>> set_aside_reason(0.0, ["repetition"], max_mt_score=10.0, drop_flags=["untranslated"])
    """
    if max_mt_score is not None and score > max_mt_score:
        return "mt-score", score
    wanted = set(drop_flags)
    for code in sorted(codes):
        if code in wanted:
            return f"flag:{code}", None
    return None
