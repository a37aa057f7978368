"""Scoring a cleaner on corrupted text whose clean answer is known.

For one record (clean text, dirty text, artifacts) and a cleaner's output (and flags, if it
reports any), `judge` says of each artifact whether it was **repaired** (the output equals the
clean text over the artifact's span), **flagged** (not repaired, but a flag of the artifact's
code, or of any code when it has none, touches it) or **missed**, and counts the **harm**: the
characters changed outside every artifact. `Tally` adds records up per family.

Where the difference between output and clean text could sit at several equivalent places (one
blank line more in a run of blank lines), it is given to the artifact there, not counted as harm.
"""

from __future__ import annotations

import dataclasses
import time
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from cleantext.fuzz.align import Op, diff, slide
from cleantext.fuzz.base import Artifact, undo

OUTCOMES: tuple[str, ...] = ("repaired", "flagged", "missed")


@dataclass(frozen=True, slots=True)
class FlagSpan:
    """A flag a cleaner reported: its span in the OUTPUT text and its code."""

    start: int
    end: int
    code: str


@dataclass(frozen=True, slots=True)
class Judgement:
    outcomes: tuple[str, ...]  # one per artifact, in the order given
    harm_chars: int


def _place(op: Op, dirty: str, output: str, spans: Sequence[tuple[int, int]]) -> Op:
    """Move a pure insertion or deletion, among the places where it means the same, onto an
    artifact it can reach (the diff may have put one blank line's deletion beside it)."""
    i1, i2, j1, j2 = op
    if i1 != i2 and j1 != j2:
        return op
    lo, hi = slide(dirty, i1, i2, output[j1:j2])
    size = i2 - i1
    for start, end in spans:
        if start <= hi and lo <= end:
            new = min(max(start, lo), hi - size)
            return (new, new + size, j1, j2)
    return op


def _hits(op: Op, start: int, end: int) -> bool:
    i1, i2 = op[0], op[1]
    if i1 < end and start < i2:
        return True
    return (i1 == i2 or start == end) and start <= i2 and i1 <= end


def _to_output(ops: Sequence[Op], position: int, right: bool) -> int:
    """Where a dirty-text position lands in the output (the left or right edge of a change)."""
    shift = 0
    for i1, i2, j1, j2 in ops:
        if i1 < position < i2:
            return j2 if right else j1
        if i2 < position or (i2 == position and (right or i1 < i2)):
            shift += (j2 - j1) - (i2 - i1)
    return position + shift


def judge(
    dirty: str, artifacts: Sequence[Artifact], output: str, flags: Iterable[FlagSpan] = ()
) -> Judgement:
    """The outcome of each artifact and the harm, for one record.

    The cleaner's changes are the differences between the dirty text and its output; an artifact
    is repaired when the output over its dirty span is its clean text; a change that touches no
    artifact is harm. So the identity repairs nothing and harms nothing, exactly.

    >>> a = Artifact("rejoin-numbers.year", 6, 8, "", clean_start=6, clean_end=6)
    >>> judge("in 201\\n\\n4, then", [a], "in 2014, then").outcomes
    ('repaired',)
    >>> j = judge("in 201\\n\\n4, then", [a], "in 201\\n\\n4, ten")
    >>> j.outcomes, j.harm_chars
    (('missed',), 1)
    """
    if output == undo(dirty, artifacts):
        return Judgement(("repaired",) * len(artifacts), 0)
    spans = [(a.start, a.end) for a in artifacts]
    ops = sorted(_place(op, dirty, output, spans) for op in diff(dirty, output))
    harm = sum(
        max(op[1] - op[0], op[3] - op[2])
        for op in ops
        if not any(_hits(op, start, end) for start, end in spans)
    )
    flag_list = list(flags)
    outcomes: dict[int, str] = {}
    # Artifacts that touch are judged together: no diff can tell which of two adjacent defects
    # (a trailing space before a CRLF) a change repaired.
    order = sorted(range(len(artifacts)), key=lambda k: spans[k])
    groups: list[list[int]] = []
    for k in order:
        if groups and spans[k][0] <= max(spans[g][1] for g in groups[-1]):
            groups[-1].append(k)
        else:
            groups.append([k])
    for group in groups:
        first, last = spans[group[0]][0], max(spans[k][1] for k in group)
        start = _to_output(ops, first, right=False)
        end = _to_output(ops, last, right=True)
        clean = undo(dirty[first:last], [_shifted(artifacts[k], first) for k in group])
        repaired = output[start:end] == clean
        for k in group:
            artifact = artifacts[k]
            if repaired:
                outcomes[k] = "repaired"
                continue
            flagged = any(
                f.start <= end
                and start <= f.end
                and (artifact.code is None or f.code == artifact.code)
                for f in flag_list
            )
            outcomes[k] = "flagged" if flagged else "missed"
    return Judgement(tuple(outcomes[k] for k in range(len(artifacts))), harm)


def _shifted(artifact: Artifact, offset: int) -> Artifact:
    return dataclasses.replace(artifact, start=artifact.start - offset, end=artifact.end - offset)


@dataclass(slots=True)
class Tally:
    """Outcomes per family, harm and throughput over many records."""

    families: dict[str, Counter[str]] = field(default_factory=dict)
    records: int = 0
    clean_records: int = 0
    clean_records_changed: int = 0
    harm_chars: int = 0
    harmed_records: int = 0
    dirty_bytes: int = 0
    seconds: float = 0.0

    def add(
        self, artifacts: Sequence[Artifact], judgement: Judgement, changed_clean: bool = False
    ) -> None:
        self.records += 1
        if not artifacts:
            self.clean_records += 1
            self.clean_records_changed += changed_clean
        for artifact, outcome in zip(artifacts, judgement.outcomes, strict=True):
            self.families.setdefault(artifact.family or "?", Counter())[outcome] += 1
        self.harm_chars += judgement.harm_chars
        self.harmed_records += judgement.harm_chars > 0

    def to_dict(self) -> dict[str, Any]:
        families = {
            name: {"total": sum(c.values()), **{o: c[o] for o in OUTCOMES}}
            for name, c in sorted(self.families.items())
        }
        mb = self.dirty_bytes / 1e6
        return {
            "records": self.records,
            "families": families,
            "harm": {
                "chars": self.harm_chars,
                "records": self.harmed_records,
                "clean_records": self.clean_records,
                "clean_records_changed": self.clean_records_changed,
            },
            "throughput": {
                "seconds": round(self.seconds, 3),
                "mb": round(mb, 3),
                "mb_per_s": round(mb / self.seconds, 3) if self.seconds else None,
                "docs_per_s": round(self.records / self.seconds, 1) if self.seconds else None,
            },
        }

    def table(self) -> str:
        """The per-family table, then harm and throughput, as plain text."""
        data = self.to_dict()
        rows = [
            f"{'family':<27} {'total':>7} {'repaired':>9} {'flagged':>8} {'missed':>7}  repaired%"
        ]
        for name, c in data["families"].items():
            share = 100 * c["repaired"] / c["total"] if c["total"] else 0.0
            rows.append(
                f"{name:<27} {c['total']:>7} {c['repaired']:>9} {c['flagged']:>8} "
                f"{c['missed']:>7}  {share:8.1f}%"
            )
        harm, speed = data["harm"], data["throughput"]
        rows.append(
            f"harm: {harm['chars']} characters changed outside every artifact, in "
            f"{harm['records']} of {self.records} records; {harm['clean_records_changed']} of "
            f"{harm['clean_records']} clean records changed"
        )
        if speed["mb_per_s"] is not None:
            rows.append(
                f"throughput: {speed['mb_per_s']:.2f} MB/s, {speed['docs_per_s']:.0f} docs/s "
                f"({self.records} records, {speed['mb']:.2f} MB, {speed['seconds']:.2f} s in the "
                "cleaner)"
            )
        return "\n".join(rows)


class Timer:
    """Adds the wall time of a ``with`` block to a `Tally`."""

    def __init__(self, tally: Tally) -> None:
        self.tally = tally
        self.start = 0.0

    def __enter__(self) -> Timer:
        self.start = time.perf_counter()
        return self

    def __exit__(self, *exc: object) -> None:
        self.tally.seconds += time.perf_counter() - self.start
