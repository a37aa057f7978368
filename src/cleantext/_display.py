"""What the ``cleantext`` command shows on standard error: ``--explain`` and the progress bar."""

from __future__ import annotations

import bisect
import os
import sys
from collections.abc import Sequence
from typing import IO, Any

from cleantext._io import Item
from cleantext.model import Result

#: The progress bar appears on a terminal once the input is known to be larger than this...
PROGRESS_BYTES = 1 << 20
#: ... or once this many records have been read (JSONL).
PROGRESS_RECORDS = 1000

_EXPLAIN_WIDTH = 200


def explain(label: str, result: Result) -> str:
    """A readable account of a result's edits and flags (what ``--explain`` prints).

    Edits are located by line:column in the input, flags in the output (both 1-based).
    """
    edits, flags = len(result.edits), len(result.flags)
    lines = [
        f"== {label}: {edits} edit{'s' if edits != 1 else ''}, "
        f"{flags} flag{'s' if flags != 1 else ''} =="
    ]
    in_breaks = _breaks(result.original) if result.edits else []
    for edit in result.edits:
        line, col = _line_col(in_breaks, edit.start)
        head = f"{line}:{col} {edit.rule}"
        if edit.reason:
            head += f": {edit.reason}"
        if edit.merged:
            head += f" (after {', '.join(edit.merged)})"
        lines.extend((head, f"  - {_show(edit.original)}", f"  + {_show(edit.replacement)}"))
    out_breaks = _breaks(result.text) if result.flags else []
    for flag in result.flags:
        line, col = _line_col(out_breaks, flag.start)
        lines.append(
            f"{line}:{col} (output) flag {flag.code} [{flag.confidence:.2f}]: {flag.message}"
        )
        lines.append(f"  ! {_show(result.text[flag.start : flag.end])}")
    return "\n".join(lines) + "\n"


def _breaks(text: str) -> list[int]:
    breaks: list[int] = []
    index = text.find("\n")
    while index != -1:
        breaks.append(index)
        index = text.find("\n", index + 1)
    return breaks


def _line_col(breaks: list[int], pos: int) -> tuple[int, int]:
    line = bisect.bisect_left(breaks, pos)
    start = breaks[line - 1] + 1 if line else 0
    return line + 1, pos - start + 1


def _show(text: str) -> str:
    if len(text) <= _EXPLAIN_WIDTH:
        return repr(text)
    return f"{text[:_EXPLAIN_WIDTH]!r}... ({len(text) - _EXPLAIN_WIDTH} more characters)"


class Progress:
    """A tqdm bar on standard error for large inputs on a terminal; otherwise nothing."""

    def __init__(self, paths: Sequence[str], enabled: bool) -> None:
        self.enabled = enabled
        self.bar: Any = None
        self.bytes = 0
        self.records = 0
        self.total: int | None = None
        if enabled and all(path != "-" and os.path.isfile(path) for path in paths):
            self.total = sum(os.path.getsize(path) for path in paths)

    def update(self, item: Item) -> None:
        if not self.enabled:
            return
        self.bytes += item.size
        self.records += 1
        if self.bar is None:
            large = (self.total or self.bytes) > PROGRESS_BYTES or self.records > PROGRESS_RECORDS
            if not large:
                return
            from tqdm import tqdm

            self.bar = tqdm(
                total=self.total,
                initial=self.bytes,
                unit="B",
                unit_scale=True,
                unit_divisor=1024,
                desc="cleantext",
                file=sys.stderr,
                leave=False,
                dynamic_ncols=True,
            )
            return
        self.bar.update(item.size)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()


def is_tty(stream: IO[str]) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False
