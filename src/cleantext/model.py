"""The books: what filters propose (`Change`, `Flag`) and what a run returns (`Edit`, `Result`).

A repair filter proposes `Change`s in the coordinates of the text it was given. The pipeline applies
them and translates them back to the ORIGINAL input with `compose`, so that every `Edit` of a
`Result` names its span in the input, the text it replaced, the text it put there and its rule.
Applying all edits of a result to its input gives its output (`apply_edits`): the books balance.

When a later stage rewrites text that an earlier stage produced, the two edits become one edit
(spanning the union, in original coordinates); the earlier rules are kept in `Edit.merged`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any


class FilterError(ValueError):
    """A filter broke the contract: overlapping, unsorted-at-one-point or out-of-range changes."""


@dataclass(frozen=True, slots=True)
class Change:
    """Replace ``text[start:end]`` with ``replacement``; proposed by a repair filter.

    ``rule`` is a stable code, ``<filter-name>`` or ``<filter-name>.<sub-rule>``; ``reason`` is a
    short human explanation. Spans are in the coordinates of the text the filter was given.
    """

    start: int
    end: int
    replacement: str
    rule: str
    reason: str = ""


@dataclass(frozen=True, slots=True)
class Edit:
    """A change expressed in the ORIGINAL input's coordinates: ``original`` became ``replacement``.

    ``merged`` lists the rules of earlier edits that this one absorbed because a later stage
    rewrote their output (oldest first); it is empty for most edits.
    """

    start: int
    end: int
    original: str
    replacement: str
    rule: str
    reason: str = ""
    merged: tuple[str, ...] = ()

    @property
    def is_drop(self) -> bool:
        """True when the edit removes text and puts nothing in its place."""
        return not self.replacement and bool(self.original)

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "start": self.start,
            "end": self.end,
            "original": self.original,
            "replacement": self.replacement,
            "rule": self.rule,
            "reason": self.reason,
        }
        if self.merged:
            data["merged"] = list(self.merged)
        return data


@dataclass(frozen=True, slots=True)
class Flag:
    """Something a detector saw in the OUTPUT text and could not safely repair.

    ``code`` is stable API (e.g. ``unbalanced-bracket``); ``confidence`` is in [0, 1].
    """

    start: int
    end: int
    code: str
    message: str
    confidence: float = 1.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "start": self.start,
            "end": self.end,
            "code": self.code,
            "message": self.message,
            "confidence": self.confidence,
        }


@dataclass(frozen=True, slots=True)
class Result:
    """What a pipeline run returns: the output text, the edits that made it, the flags on it.

    ``scores`` holds document-level numbers (e.g. ``"mt"``: MT flags per 1,000 words);
    ``language`` is the document language as ``(code, confidence)`` when it was determined.
    """

    text: str
    original: str
    edits: tuple[Edit, ...] = ()
    flags: tuple[Flag, ...] = ()
    scores: Mapping[str, float] = field(default_factory=dict)
    language: tuple[str, float] | None = None

    @property
    def changed(self) -> bool:
        return bool(self.edits)

    @property
    def dropped(self) -> tuple[Edit, ...]:
        """Edits that removed text without replacement (dropped lines, stray characters)."""
        return tuple(edit for edit in self.edits if edit.is_drop)

    def edits_by_rule(self, prefix: str) -> tuple[Edit, ...]:
        """Edits whose rule is ``prefix`` or starts with ``prefix + '.'``."""
        return tuple(e for e in self.edits if e.rule == prefix or e.rule.startswith(prefix + "."))

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready view (the output text is included; the input is not)."""
        data: dict[str, Any] = {
            "text": self.text,
            "edits": [edit.to_dict() for edit in self.edits],
            "flags": [flag.to_dict() for flag in self.flags],
            "scores": dict(self.scores),
        }
        if self.language is not None:
            data["language"] = {"code": self.language[0], "confidence": self.language[1]}
        return data


def check_changes(text: str, changes: Iterable[Change], owner: str) -> list[Change]:
    """Sort ``changes`` and verify they are in range and do not overlap; name ``owner`` if not.

    Two insertions at the same point are rejected too: their order would be ambiguous.
    A change whose replacement equals the text it replaces is dropped (it is not an edit).
    """
    ordered = sorted(changes, key=lambda c: (c.start, c.end))
    checked: list[Change] = []
    size = len(text)
    prev_end = -1
    prev_start = -1
    for change in ordered:
        if not 0 <= change.start <= change.end <= size:
            raise FilterError(
                f"filter {owner!r} proposed an out-of-range change "
                f"[{change.start}:{change.end}] on a text of length {size} (rule {change.rule!r})"
            )
        if change.start < prev_end or (change.start == change.end == prev_start == prev_end):
            raise FilterError(
                f"filter {owner!r} proposed overlapping changes at [{change.start}:{change.end}] "
                f"(rule {change.rule!r})"
            )
        prev_start, prev_end = change.start, change.end
        if text[change.start : change.end] != change.replacement:
            checked.append(change)
    return checked


def apply_changes(text: str, changes: Sequence[Change]) -> str:
    """Apply sorted, non-overlapping changes (as returned by `check_changes`)."""
    pieces: list[str] = []
    pos = 0
    for change in changes:
        pieces.append(text[pos : change.start])
        pieces.append(change.replacement)
        pos = change.end
    pieces.append(text[pos:])
    return "".join(pieces)


def apply_edits(original: str, edits: Sequence[Edit]) -> str:
    """Apply edits (sorted, in original coordinates) to the original input."""
    pieces: list[str] = []
    pos = 0
    for edit in edits:
        pieces.append(original[pos : edit.start])
        pieces.append(edit.replacement)
        pos = edit.end
    pieces.append(original[pos:])
    return "".join(pieces)


@dataclass(slots=True)
class _Span:
    """An edit under construction: original span plus its span in the current text."""

    orig_start: int
    orig_end: int
    cur_start: int
    cur_end: int
    replacement: str
    rule: str
    reason: str
    merged: tuple[str, ...]


def _join_insertions(spans: list[_Span]) -> list[_Span]:
    """Join insertions at one original point (their order would be ambiguous as two edits)."""
    joined: list[_Span] = []
    for span in spans:
        prev = joined[-1] if joined else None
        if (
            prev is not None
            and prev.orig_start == prev.orig_end == span.orig_start == span.orig_end
        ):
            joined[-1] = _Span(
                prev.orig_start,
                prev.orig_end,
                prev.cur_start,
                span.cur_end,
                prev.replacement + span.replacement,
                prev.rule,
                prev.reason,
                (*prev.merged, *span.merged, span.rule),
            )
        else:
            joined.append(span)
    return joined


class Ledger:
    """Keeps the books across stages: the current text and its edits against the original.

    >>> ledger = Ledger("a  b\\r\\n")
    >>> ledger.apply([Change(1, 3, " ", "ws")])
    >>> ledger.apply([Change(3, 5, "\\n", "eol")])
    >>> ledger.text
    'a b\\n'
    >>> [(e.start, e.end, e.original, e.replacement) for e in ledger.edits()]
    [(1, 3, '  ', ' '), (4, 6, '\\r\\n', '\\n')]
    """

    __slots__ = ("_spans", "original", "text")

    def __init__(self, original: str) -> None:
        self.original = original
        self.text = original
        self._spans: list[_Span] = []

    def apply(self, changes: Sequence[Change]) -> None:
        """Apply checked changes (see `check_changes`) made against `self.text`."""
        if not changes:
            return
        # Old spans and new changes are intervals in the current text. Two intervals interact
        # when ``a.start < b.end and b.start < a.end`` (this also covers zero-length ones
        # strictly inside); connected groups become one edit. A sweep over both sorted lists
        # finds the groups in linear time.
        spans = self._spans
        # (start, end, kind, index): kind 0 = an old span, 1 = a new change.
        items = [(s.cur_start, s.cur_end, 0, i) for i, s in enumerate(spans)]
        items.extend((c.start, c.end, 1, i) for i, c in enumerate(changes))
        items.sort()

        text = self.text
        new_spans: list[_Span] = []
        pieces: list[str] = []
        pos = 0  # position in the current text up to which pieces were emitted
        delta = 0  # (current length - original length) of old spans before `pos`
        shift = 0  # (new length - current length) accumulated so far in this stage

        index = 0
        count = len(items)
        while index < count:
            group_start, group_end = items[index][0], items[index][1]
            group = [items[index]]
            index += 1
            while index < count and items[index][0] < group_end:
                group.append(items[index])
                group_end = max(group_end, items[index][1])
                index += 1

            pieces.append(text[pos:group_start])
            orig_start = group_start - delta
            new_changes = [changes[i] for _, _, kind, i in group if kind == 1]
            old = [spans[i] for _, _, kind, i in group if kind == 0]
            old_growth = sum((s.cur_end - s.cur_start) - (s.orig_end - s.orig_start) for s in old)
            orig_end = orig_start + (group_end - group_start) - old_growth

            if not new_changes:
                # Old spans never interact with each other, so an untouched group is one span.
                assert len(old) == 1
                replacement, rule, reason, merged = (
                    old[0].replacement,
                    old[0].rule,
                    old[0].reason,
                    old[0].merged,
                )
            else:
                local: list[str] = []
                cursor = group_start
                for change in new_changes:
                    local.append(text[cursor : change.start])
                    local.append(change.replacement)
                    cursor = change.end
                local.append(text[cursor:group_end])
                replacement = "".join(local)
                rule, reason = new_changes[0].rule, new_changes[0].reason
                earlier: list[str] = []
                for span in old:
                    earlier.extend(span.merged)
                    earlier.append(span.rule)
                merged = tuple(earlier)

            new_start = group_start + shift
            pieces.append(replacement)
            shift += len(replacement) - (group_end - group_start)
            delta += old_growth
            pos = group_end
            if replacement != self.original[orig_start:orig_end]:
                new_spans.append(
                    _Span(
                        orig_start,
                        orig_end,
                        new_start,
                        new_start + len(replacement),
                        replacement,
                        rule,
                        reason,
                        merged,
                    )
                )
        pieces.append(text[pos:])
        self.text = "".join(pieces)
        self._spans = _join_insertions(new_spans)

    def edits(self) -> tuple[Edit, ...]:
        original = self.original
        return tuple(
            Edit(
                s.orig_start,
                s.orig_end,
                original[s.orig_start : s.orig_end],
                s.replacement,
                s.rule,
                s.reason,
                s.merged,
            )
            for s in self._spans
        )
