"""Line-level precision and recall of the residue and spam lines cleantext drops, on hand labels.

The labels are ``tests/data/fakenews/fakenews.jsonl``: the 239 distinct documents of the
FakeNewsCorpus sample (250 rows), every line labelled ``content`` or with a residue class by hand
(see its SOURCE.md and ``labels.py``). A labelled line counts as dropped when one drop edit of the
run covers all of its non-blank text; the rule of that edit is the line's rule.

Reported, for each mode:

- residue+spam lines overall: precision (dropped lines that are residue), recall (residue lines
  dropped) and the content lines dropped (the worst error);
- recall per residue class (``classes`` in the labels);
- per rule: the lines it dropped, how many were residue and content, its precision and the share
  of all residue lines it caught;
- glued residue: content lines that start or end with residue (``glued``), counted as stripped
  when edits remove the residue part and the line stays, and as lost when the whole line is
  dropped.

Two modes: the default pipeline, and corpus mode (the default pipeline plus the
`site-boilerplate` filter learned per ``domain``, what ``cleantext --jsonl --learn-boilerplate``
does). Corpus mode learns from the 250 rows of the sample, which the labelled records hold in full
(each distinct text once, with the ids of its ``duplicates``), so no other file is needed.
Usage::

    python benchmarks/eval_residue.py [--errors] [--json OUT] [--min-count 5] [--min-share 0.05]
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cleantext import Pipeline, Result
from cleantext.corpus import BoilerplateLearner, LearnedBoilerplate

ROOT = Path(__file__).resolve().parents[1]
LABELS = ROOT / "tests" / "data" / "fakenews" / "fakenews.jsonl"

Doc = dict[str, Any]


def records(path: Path = LABELS) -> list[Doc]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle]


def sample_rows(docs: Iterable[Doc]) -> Iterator[tuple[str, str]]:
    """``(text, domain)`` for every row of the sample: each labelled text once per row."""
    for doc in docs:
        for _ in range(1 + len(doc.get("duplicates", ()))):
            yield str(doc["text"]), str(doc["domain"])


def line_spans(text: str) -> list[tuple[int, int]]:
    """For each line of ``text.split("\\n")``: the span of its text without edge whitespace."""
    spans = []
    pos = 0
    for part in text.split("\n"):
        lead = len(part) - len(part.lstrip())
        spans.append((pos + lead, pos + len(part.rstrip())))
        pos += len(part) + 1
    return spans


def dropped_by(result: Result) -> list[str | None]:
    """For each line of ``result.original``: the rule of the drop edit that covers all of its
    text, or None when no drop edit does (blank lines are never dropped)."""
    drops = [edit for edit in result.edits if edit.is_drop]
    rules: list[str | None] = []
    for start, end in line_spans(result.original):
        rule = None
        if end > start:
            rule = next((e.rule for e in drops if e.start <= start and end <= e.end), None)
        rules.append(rule)
    return rules


def dropped_lines(result: Result) -> list[bool]:
    """For each line of ``result.original`` (split on ``\\n``): was all of its text dropped?"""
    return [rule is not None for rule in dropped_by(result)]


def glued_span(text: str, line: int, side: str, residue: str) -> tuple[int, int]:
    """The span of a glued residue part in ``text`` (it is a prefix or suffix of the line's
    stripped text)."""
    start, end = line_spans(text)[line]
    assert text[start:end].startswith(residue) or text[start:end].endswith(residue)
    return (start, start + len(residue)) if side == "prefix" else (end - len(residue), end)


def glued_outcome(result: Result, line: int, side: str, residue: str) -> tuple[str, str]:
    """``(outcome, rule)`` of one glued part: ``stripped`` when edits that remove text cover the
    part and the line is kept, ``line dropped`` when the whole line went, else ``kept``."""
    rule = dropped_by(result)[line]
    if rule is not None:
        return "line dropped", rule
    start, end = glued_span(result.original, line, side, residue)
    removing = [e for e in result.edits if residue not in e.replacement]
    covered = set()
    rules = []
    for edit in removing:
        overlap = set(range(max(start, edit.start), min(end, edit.end)))
        if overlap:
            covered |= overlap
            rules.append(edit.rule)
    letters = {i for i in range(start, end) if not result.original[i].isspace()}
    if letters and letters <= covered:
        return "stripped", "+".join(sorted(set(rules)))
    return "kept", ""


@dataclass
class Tally:
    """Counts over labelled lines, overall, per class, per rule and for glued parts."""

    true_pos: int = 0  # residue, dropped
    false_pos: int = 0  # content, dropped: the worst error
    false_neg: int = 0  # residue, kept
    true_neg: int = 0  # content, kept
    classes: Counter[str] = field(default_factory=Counter)  # residue lines per class
    caught: Counter[str] = field(default_factory=Counter)  # ... of them dropped
    rule_residue: Counter[str] = field(default_factory=Counter)
    rule_content: Counter[str] = field(default_factory=Counter)
    rule_classes: dict[str, Counter[str]] = field(default_factory=dict)
    glued: Counter[str] = field(default_factory=Counter)  # outcome -> parts
    errors: list[tuple[str, str, str, str, str]] = field(default_factory=list)

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

    def add(self, doc: Doc, result: Result) -> None:
        text = str(doc["text"])
        parts = text.split("\n")
        doc_id = str(doc["id"])
        classes = doc.get("classes") or doc["labels"]
        rules = dropped_by(result)
        for part, label, cls, rule in zip(parts, doc["labels"], classes, rules, strict=True):
            if label is None:
                continue
            if label == "residue":
                cls = "residue" if cls in (None, "content", "residue") else cls
                self.classes[cls] += 1
                if rule is None:
                    self.false_neg += 1
                    self.errors.append(("miss", doc_id, cls, "", part))
                    continue
                self.true_pos += 1
                self.caught[cls] += 1
                self.rule_residue[rule] += 1
                self.rule_classes.setdefault(rule, Counter())[cls] += 1
            elif rule is not None:
                self.false_pos += 1
                self.rule_content[rule] += 1
                self.errors.append(("FALSE DROP", doc_id, "content", rule, part))
            else:
                self.true_neg += 1
        for piece in doc.get("glued", ()):
            outcome, rule = glued_outcome(result, piece["line"], piece["side"], piece["text"])
            self.glued[outcome] += 1
            if outcome != "stripped":
                kind = "glued kept" if outcome == "kept" else "GLUED LOST"
                self.errors.append((kind, doc_id, piece["class"], rule, parts[piece["line"]]))

    def to_json(self) -> dict[str, Any]:
        rules = sorted(set(self.rule_residue) | set(self.rule_content))
        return {
            "precision": self.precision,
            "recall": self.recall,
            "residue_lines": self.true_pos + self.false_neg,
            "residue_dropped": self.true_pos,
            "content_lines": self.false_pos + self.true_neg,
            "content_dropped": self.false_pos,
            "classes": {c: [self.caught[c], n] for c, n in sorted(self.classes.items())},
            "rules": {
                r: {
                    "residue": self.rule_residue[r],
                    "content": self.rule_content[r],
                    "classes": dict(self.rule_classes.get(r, {})),
                }
                for r in rules
            },
            "glued": dict(self.glued),
        }


def score(docs: Iterable[Doc], run: Callable[[Doc], Result]) -> Tally:
    tally = Tally()
    for doc in docs:
        tally.add(doc, run(doc))
    return tally


def learn(docs: Sequence[Doc], *, min_count: int, min_share: float) -> LearnedBoilerplate:
    learner = BoilerplateLearner(min_count=min_count, min_share=min_share)
    learner.add_many(sample_rows(docs))
    return learner.learned()


def corpus_runner(learned: LearnedBoilerplate, base: Pipeline) -> Callable[[Doc], Result]:
    """Run each document through its domain's learned pipeline, whichever corpus-mode API the
    installed cleantext has: ``pipeline_for(source, base)`` or ``pipeline(base)`` with
    ``run(text, source=...)``."""
    if hasattr(learned, "pipeline_for"):
        pipelines: dict[str, Pipeline] = {}

        def run(doc: Doc) -> Result:
            source = str(doc["domain"])
            if source not in pipelines:
                pipelines[source] = learned.pipeline_for(source, base)
            return pipelines[source].run(str(doc["text"]))

        return run
    shared = learned.pipeline(base)  # type: ignore[attr-defined]
    return lambda doc: shared.run(str(doc["text"]), source=str(doc["domain"]))


def report(title: str, tally: Tally) -> None:
    print(f"\n== {title}: {tally}")
    print(f"\n{'class':18} {'lines':>6} {'dropped':>8} {'recall':>7}")
    for cls, n in sorted(tally.classes.items(), key=lambda kv: (-kv[1], kv[0])):
        print(f"{cls:18} {n:6} {tally.caught[cls]:8} {tally.caught[cls] / n:7.3f}")
    residue = tally.true_pos + tally.false_neg
    print(f"\n{'rule':34} {'dropped':>7} {'residue':>7} {'content':>7} {'prec.':>6} {'recall':>6}")
    rules = set(tally.rule_residue) | set(tally.rule_content)
    for rule in sorted(rules, key=lambda r: -(tally.rule_residue[r] + tally.rule_content[r])):
        good, bad = tally.rule_residue[rule], tally.rule_content[rule]
        print(
            f"{rule:34} {good + bad:7} {good:7} {bad:7} {good / (good + bad):6.3f} "
            f"{good / residue if residue else 0:6.3f}"
        )
    parts = sum(tally.glued.values())
    print(
        f"\nglued residue parts: {parts}; stripped (line kept) {tally.glued['stripped']}, "
        f"left in place {tally.glued['kept']}, whole line dropped {tally.glued['line dropped']}"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--errors", action="store_true", help="list every wrong line")
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    parser.add_argument("--min-count", type=int, default=5)
    parser.add_argument("--min-share", type=float, default=0.05)
    args = parser.parse_args(argv)

    docs = records()
    labels = Counter(label for doc in docs for label in doc["labels"] if label)
    rows = sum(1 + len(doc.get("duplicates", ())) for doc in docs)
    print(
        f"{len(docs)} documents ({rows} rows with duplicates), {sum(labels.values())} labelled "
        f"lines: {labels['residue']} residue/spam, {labels['content']} content; "
        f"{sum(len(doc.get('glued', ())) for doc in docs)} glued residue parts"
    )

    default = Pipeline.default()
    plain = score(docs, lambda doc: default.run(str(doc["text"])))
    report("default pipeline", plain)

    learned = learn(docs, min_count=args.min_count, min_share=args.min_share)
    corpus = score(docs, corpus_runner(learned, default))
    report(
        f"corpus mode (learned {len(learned)} lines from the {rows} rows, "
        f"min_count={args.min_count}, min_share={args.min_share})",
        corpus,
    )
    if args.json:
        figures = {"default": plain.to_json(), "corpus": corpus.to_json()}
        args.json.write_text(json.dumps(figures, indent=1) + "\n", encoding="utf-8")
    if args.errors:
        for title, tally in (("default", plain), ("corpus mode", corpus)):
            kinds = Counter(kind for kind, *_ in tally.errors)
            print(f"\n== errors, {title}: {dict(kinds)}")
            for kind, doc_id, cls, rule, part in sorted(tally.errors):
                print(f"{kind:10} {doc_id:>6} {cls:12} {rule:24} {part[:100]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
