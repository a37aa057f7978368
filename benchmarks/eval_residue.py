"""Line-level precision and recall of the lines the default pipeline drops, on hand labels.

The labels are ``tests/data/fakenews/fakenews.jsonl`` (77 FakeNewsCorpus documents, every line
labelled ``content`` or ``residue`` by hand; see its SOURCE.md). A labelled line counts as
dropped when one drop edit of the run covers all of its non-blank content.

Two runs: the default pipeline alone, and corpus mode (the default pipeline plus the
`site-boilerplate` filter learned per ``domain``). Corpus mode learns from all 250 documents of
``../shared/data/fakenewscorpus_sample/news_sample.csv`` when it is there, else from the labelled
subset. Usage::

    python benchmarks/eval_residue.py [--errors] [--min-count 5] [--min-share 0.05]
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from cleantext import Pipeline, Result
from cleantext.corpus import BoilerplateLearner, LearnedBoilerplate

ROOT = Path(__file__).resolve().parents[1]
LABELS = ROOT / "tests" / "data" / "fakenews" / "fakenews.jsonl"
SHARED = ROOT.parent / "shared" / "data" / "fakenewscorpus_sample" / "news_sample.csv"


@dataclass
class Score:
    """Counts of labelled lines by (label, dropped or kept)."""

    true_pos: int = 0  # residue, dropped
    false_pos: int = 0  # content, dropped: the worst error
    false_neg: int = 0  # residue, kept
    true_neg: int = 0  # content, kept

    @property
    def precision(self) -> float:
        dropped = self.true_pos + self.false_pos
        return self.true_pos / dropped if dropped else 1.0

    @property
    def recall(self) -> float:
        residue = self.true_pos + self.false_neg
        return self.true_pos / residue if residue else 1.0

    def __str__(self) -> str:
        return (
            f"precision {self.precision:.3f} ({self.true_pos}/{self.true_pos + self.false_pos}), "
            f"recall {self.recall:.3f} ({self.true_pos}/{self.true_pos + self.false_neg}); "
            f"content lines dropped: {self.false_pos} of {self.false_pos + self.true_neg}"
        )


def records(path: Path = LABELS) -> list[dict[str, object]]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle]


def dropped_lines(result: Result) -> list[bool]:
    """For each line of ``result.original`` (split on ``\\n``): was all of its content dropped?"""
    drops = [(edit.start, edit.end) for edit in result.edits if edit.is_drop]
    flags: list[bool] = []
    pos = 0
    for part in result.original.split("\n"):
        lead = len(part) - len(part.lstrip())
        start, end = pos + lead, pos + len(part.rstrip())
        flags.append(end > start and any(a <= start and end <= b for a, b in drops))
        pos += len(part) + 1
    return flags


def score(
    docs: Iterable[dict[str, object]], pipeline_for: Callable[[dict[str, object]], Pipeline]
) -> tuple[Score, list[tuple[str, str, str, str]]]:
    """The score over ``docs`` and the errors as ``(kind, id, rule, line)``."""
    total = Score()
    errors: list[tuple[str, str, str, str]] = []
    for doc in docs:
        text = str(doc["text"])
        result = pipeline_for(doc).run(text)
        labels = doc["labels"]
        assert isinstance(labels, list)
        parts = text.split("\n")
        for part, label, dropped in zip(parts, labels, dropped_lines(result), strict=True):
            if label is None:
                continue
            if label == "residue" and dropped:
                total.true_pos += 1
            elif label == "residue":
                total.false_neg += 1
                errors.append(("miss", str(doc["id"]), "", part))
            elif dropped:
                total.false_pos += 1
                rule = _rule_of(result, text, part)
                errors.append(("FALSE DROP", str(doc["id"]), rule, part))
            else:
                total.true_neg += 1
    return total, errors


def _rule_of(result: Result, text: str, part: str) -> str:
    start = text.find(part)
    for edit in result.edits:
        if edit.is_drop and edit.start <= start < edit.end:
            return edit.rule
    return "?"


def shared_corpus() -> Iterator[tuple[str, str]]:
    """``(text, domain)`` for the 250 documents of the shared sample."""
    csv.field_size_limit(sys.maxsize)
    with SHARED.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            yield row["content"], row["domain"]


def learn(
    docs: list[dict[str, object]], *, min_count: int, min_share: float
) -> tuple[LearnedBoilerplate, str]:
    learner = BoilerplateLearner(min_count=min_count, min_share=min_share)
    if SHARED.exists():
        learner.add_many(shared_corpus())
        origin = f"the {sum(learner.documents.values())} distinct documents of {SHARED.name}"
    else:
        learner.add_many((str(doc["text"]), str(doc["domain"])) for doc in docs)
        origin = "the labelled subset"
    return learner.learned(), origin


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--errors", action="store_true", help="list every wrong line")
    parser.add_argument("--min-count", type=int, default=5)
    parser.add_argument("--min-share", type=float, default=0.05)
    args = parser.parse_args(argv)

    docs = records()
    n_lines = sum(1 for doc in docs for label in doc["labels"] if label)  # type: ignore[attr-defined]
    n_residue = sum(1 for doc in docs for label in doc["labels"] if label == "residue")  # type: ignore[attr-defined]
    print(f"{len(docs)} documents, {n_lines} labelled lines, {n_residue} residue")

    default = Pipeline.default()
    plain, plain_errors = score(docs, lambda doc: default)
    print(f"default pipeline: {plain}")

    learned, origin = learn(docs, min_count=args.min_count, min_share=args.min_share)
    pipelines: dict[str, Pipeline] = {}

    def with_corpus(doc: dict[str, object]) -> Pipeline:
        source = str(doc["domain"])
        if source not in pipelines:
            pipelines[source] = learned.pipeline_for(source, default)
        return pipelines[source]

    corpus, corpus_errors = score(docs, with_corpus)
    print(
        f"corpus mode (learned {len(learned)} lines from {origin}, min_count={args.min_count}, "
        f"min_share={args.min_share}): {corpus}"
    )
    if args.errors:
        for title, errors in (("default", plain_errors), ("corpus mode", corpus_errors)):
            kinds = Counter(kind for kind, *_ in errors)
            print(f"\n== errors, {title}: {dict(kinds)}")
            for kind, doc_id, rule, part in sorted(errors):
                print(f"{kind:10} {doc_id:>6} {rule:28} {part[:110]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
