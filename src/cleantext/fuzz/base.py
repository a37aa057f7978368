"""The corruptor protocol, its ground truth, and the layering that keeps it exact.

A corruptor takes clean text and a seeded `random.Random` and returns the dirty text with one
`Artifact` per defect, in the dirty text's coordinates, each holding the clean text its span
replaced. `apply` checks that ground truth (undoing every artifact gives the clean text back) and
adds the clean coordinates; `layer` puts a second corruptor's defects on an already dirty text
without letting them touch the first one's, so that the ground truth of a text corrupted by
several families stays exact.
"""

from __future__ import annotations

import dataclasses
import random
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any, ClassVar, Literal, Protocol, runtime_checkable

Outcome = Literal["repair", "flag"]


@dataclass(frozen=True, slots=True)
class Artifact:
    """One injected defect.

    ``kind`` is the rule (``rejoin-numbers.year``) or flag code (``unbalanced-bracket``) it
    exercises; ``start``/``end`` its span in the DIRTY text; ``clean`` the clean text that span
    replaced (empty for an insertion such as a spam line). `cleantext.fuzz.corrupt` also fills
    ``family`` (the corruptor's registered name), ``clean_start``/``clean_end`` (the span in the
    CLEAN text), ``expect`` (``repair``: a cleaner should give the clean text back over the span;
    ``flag``: it cannot be repaired safely and should be flagged) and ``code`` (the flag code that
    counts as flagging it, if any).
    """

    kind: str
    start: int
    end: int
    clean: str
    family: str = ""
    expect: Outcome = "repair"
    code: str | None = None
    clean_start: int = -1
    clean_end: int = -1

    def to_dict(self) -> dict[str, Any]:
        return {
            "family": self.family,
            "kind": self.kind,
            "expect": self.expect,
            "code": self.code,
            "dirty": [self.start, self.end],
            "clean": [self.clean_start, self.clean_end],
            "clean_text": self.clean,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Artifact:
        """The inverse of `to_dict`; raises `KeyError`, `TypeError` or `ValueError` on bad data."""
        start, end = (int(x) for x in data["dirty"])
        clean_start, clean_end = (int(x) for x in data["clean"])
        expect = data.get("expect", "repair")
        if expect not in ("repair", "flag"):
            raise ValueError(f"expect must be 'repair' or 'flag', not {expect!r}")
        code = data.get("code")
        return cls(
            kind=str(data["kind"]),
            start=start,
            end=end,
            clean=str(data.get("clean_text", "")),
            family=str(data.get("family", "")),
            expect=expect,
            code=None if code is None else str(code),
            clean_start=clean_start,
            clean_end=clean_end,
        )


@runtime_checkable
class Corruptor(Protocol):
    """Makes clean text dirty in one known way; ``name`` is the filter family it exercises."""

    name: ClassVar[str]

    def corrupt(self, text: str, rng: random.Random) -> tuple[str, list[Artifact]]: ...


class GroundTruthError(ValueError):
    """A corruptor's artifacts do not give its input back (a bug in the corruptor)."""


def undo(dirty: str, artifacts: Sequence[Artifact]) -> str:
    """The text with every artifact's dirty span replaced by its clean text.

    >>> undo("in 201\\n\\n4, then", [Artifact("rejoin-numbers.year", 6, 8, "")])
    'in 2014, then'
    """
    pieces: list[str] = []
    pos = 0
    for artifact in sorted(artifacts, key=lambda a: (a.start, a.end)):
        if artifact.start < pos:
            raise GroundTruthError(f"overlapping artifacts at {artifact.start}")
        pieces.append(dirty[pos : artifact.start])
        pieces.append(artifact.clean)
        pos = artifact.end
    pieces.append(dirty[pos:])
    return "".join(pieces)


def rewrite(text: str, items: Iterable[tuple[int, int, str, str]]) -> tuple[str, list[Artifact]]:
    """Replace ``text[start:end]`` by ``new`` for each ``(start, end, new, kind)``.

    The items must not overlap (an insertion has ``start == end``). Returns the dirty text and one
    artifact per item, in the dirty text's coordinates.

    >>> dirty, (artifact,) = rewrite("in 2014, then", [(6, 6, "\\n\\n", "rejoin-numbers.year")])
    >>> dirty, artifact.start, artifact.end, artifact.clean
    ('in 201\\n\\n4, then', 6, 8, '')
    """
    pieces: list[str] = []
    artifacts: list[Artifact] = []
    pos = 0
    shift = 0
    for start, end, new, kind in sorted(items, key=lambda item: (item[0], item[1])):
        if start < pos:
            raise GroundTruthError(f"overlapping rewrites at {start}")
        pieces.append(text[pos:start])
        pieces.append(new)
        artifacts.append(Artifact(kind, start + shift, start + shift + len(new), text[start:end]))
        shift += len(new) - (end - start)
        pos = end
    pieces.append(text[pos:])
    return "".join(pieces), artifacts


def apply(
    corruptor: Corruptor, text: str, rng: random.Random, *, exact: bool = False
) -> tuple[str, list[Artifact]]:
    """Run ``corruptor`` on ``text``, check its ground truth and add clean coordinates.

    Raises `GroundTruthError` if undoing the artifacts does not give ``text`` back, unless
    ``exact`` is set: then the artifacts are rebuilt from the differences between the texts
    (some supported corruptors mark only the visible part of an insertion, the spam line but not
    the break that sets it apart).
    """
    dirty, artifacts = corruptor.corrupt(text, rng)
    ordered = sorted(artifacts, key=lambda a: (a.start, a.end))
    if undo(dirty, ordered) != text:
        if not exact:
            name = type(corruptor).__name__
            raise GroundTruthError(f"{name}: artifacts do not undo to the input")
        ordered = _from_diff(text, dirty, ordered)
    placed: list[Artifact] = []
    shift = 0
    for artifact in ordered:
        clean_start = artifact.start - shift
        placed.append(
            dataclasses.replace(
                artifact, clean_start=clean_start, clean_end=clean_start + len(artifact.clean)
            )
        )
        shift += (artifact.end - artifact.start) - len(artifact.clean)
    return dirty, placed


def _from_diff(text: str, dirty: str, artifacts: Sequence[Artifact]) -> list[Artifact]:
    """Exact artifacts from the differences, each of the kind of the marked one it touches."""
    from cleantext.fuzz.align import diff

    exact: list[Artifact] = []
    for i1, i2, j1, j2 in diff(text, dirty):
        near = [a for a in artifacts if a.start <= j2 and j1 <= a.end] or list(artifacts)
        exact.append(Artifact(near[0].kind if near else "?", j1, j2, text[i1:i2]))
    return exact


def _inside(position: int, start: int, end: int) -> bool:
    return start < position < end


def _conflicts(new: Artifact, old: Artifact) -> bool:
    """Whether ``new`` (dirty coordinates of the previous layer) touches the inside of ``old``."""
    if new.clean_start == new.clean_end:  # an insertion: conflicts only strictly inside
        return _inside(new.clean_start, old.start, old.end)
    if old.start == old.end:
        return _inside(old.start, new.clean_start, new.clean_end)
    return new.clean_start < old.end and old.start < new.clean_end


def layer(
    dirty: str,
    artifacts: Sequence[Artifact],
    corruptor: Corruptor,
    rng: random.Random,
) -> tuple[str, list[Artifact]]:
    """Corrupt an already dirty text once more, keeping the ground truth exact.

    ``artifacts`` are those already in ``dirty`` (with clean coordinates). The new corruptor's
    defects that would fall inside an existing artifact are undone again, so every artifact of the
    result is independent: undoing all of them gives the original clean text.
    """
    new_dirty, new = apply(corruptor, dirty, rng, exact=True)
    # Here each new artifact's clean_* are coordinates in ``dirty`` (the layer's input).
    clash = [any(_conflicts(a, old) for old in artifacts) for a in new]
    if any(clash):
        new_dirty = undo(new_dirty, [a for a, bad in zip(new, clash, strict=True) if bad])
        new = _shift_kept(new, clash)
    old_sorted = sorted(artifacts, key=lambda a: (a.start, a.end))
    out: list[Artifact] = []
    for old in old_sorted:
        shift = sum(_delta(a) for a in new if a.clean_end <= old.start)
        out.append(dataclasses.replace(old, start=old.start + shift, end=old.end + shift))
    for a in new:
        # From the layer's input coordinates to the clean text's, through the older artifacts.
        clean_start = a.clean_start - sum(_delta(o) for o in old_sorted if o.end <= a.clean_start)
        out.append(
            dataclasses.replace(a, clean_start=clean_start, clean_end=clean_start + len(a.clean))
        )
    out.sort(key=lambda a: (a.start, a.end, a.clean_start))
    return new_dirty, out


def _delta(artifact: Artifact) -> int:
    """How much longer the artifact made the text."""
    return (artifact.end - artifact.start) - (artifact.clean_end - artifact.clean_start)


def _shift_kept(new: list[Artifact], clash: list[bool]) -> list[Artifact]:
    """The kept artifacts' dirty spans once the clashing ones were undone."""
    out: list[Artifact] = []
    shift = 0
    for artifact, bad in zip(new, clash, strict=True):
        if bad:
            shift += _delta(artifact)
        else:
            out.append(
                dataclasses.replace(
                    artifact, start=artifact.start - shift, end=artifact.end - shift
                )
            )
    return out


def corrupt_many(
    corruptor: Corruptor, texts: Iterable[str], seed: int = 0
) -> Iterator[tuple[str, str, list[Artifact]]]:
    """``(clean, dirty, artifacts)`` for each text, reproducible from ``seed``."""
    rng = random.Random(seed)
    for text in texts:
        dirty, artifacts = corruptor.corrupt(text, rng)
        yield text, dirty, artifacts


def default_corruptors(mode: str = "blind") -> list[Corruptor]:
    """An instance, with default options, of every default corruptor that can run here.

    Those that need an extra that is not installed are left out (see `cleantext.fuzz.names`).
    """
    from cleantext.fuzz.registry import available, entries, get

    return [get(e.name, mode=mode) for e in entries() if e.default and available(e.name)]
