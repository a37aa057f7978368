"""Aligning two texts: the spans where they differ, by lines first and characters within.

Used to score a cleaner (where does its output differ from the clean text?) and to give exact
ground truth to corruptors that mark only the visible part of what they inserted.
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher
from itertools import accumulate

#: ``(start, end)`` in the first text and ``(start, end)`` in the second of one difference.
Op = tuple[int, int, int, int]

# Past this size a replaced block is reported whole instead of diffed character by character.
_CHAR_DIFF_LIMIT = 20_000


_LINE_RE = re.compile(r"[^\n]*\n|[^\n]+")
_LAYOUT = " \t\r\n\u2028\u2029\x0c\u200b\ufeff"


def _lines(text: str) -> list[str]:
    return _LINE_RE.findall(text)


def _key(line: str) -> str:
    return line.strip(_LAYOUT).replace("\u200b", "").replace("\ufeff", "")


def _offsets(lines: list[str]) -> list[int]:
    return [0, *accumulate(len(line) for line in lines)]


def _char_ops(a: str, b: str, i0: int, j0: int) -> list[Op]:
    if a == b:
        return []
    if len(a) + len(b) > _CHAR_DIFF_LIMIT:
        return [(i0, i0 + len(a), j0, j0 + len(b))]
    matcher = SequenceMatcher(None, a, b, autojunk=False)
    return [
        (i0 + i1, i0 + i2, j0 + j1, j0 + j2)
        for tag, i1, i2, j1, j2 in matcher.get_opcodes()
        if tag != "equal"
    ]


def diff(a: str, b: str) -> list[Op]:
    """The differences between ``a`` and ``b``, in order; empty when they are equal.

    >>> diff("in 2014, then", "in 201\\n\\n4, then")
    [(6, 6, 6, 8)]
    """
    if a == b:
        return []
    la, lb = _lines(a), _lines(b)
    oa, ob = _offsets(la), _offsets(lb)
    ops: list[Op] = []
    # Lines are matched on their text without invisible and trailing layout characters, so that
    # a CRLF or a trailing space on every line does not hide which lines correspond.
    matcher = SequenceMatcher(None, [_key(x) for x in la], [_key(x) for x in lb], autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal" or (tag == "replace" and i2 - i1 == j2 - j1):
            for k in range(i2 - i1):
                ops += _char_ops(la[i1 + k], lb[j1 + k], oa[i1 + k], ob[j1 + k])
        elif tag == "replace":
            ops += _char_ops(a[oa[i1] : oa[i2]], b[ob[j1] : ob[j2]], oa[i1], ob[j1])
        else:
            ops.append((oa[i1], oa[i2], ob[j1], ob[j2]))
    return ops


def slide(text: str, start: int, end: int, inserted: str) -> tuple[int, int]:
    """How far a pure insertion or deletion at ``text[start:end]`` can move and mean the same.

    Inserting ``\\n`` into ``a\\n\\nb`` at 2 or at 3 gives the same text; a scorer must not
    blame a cleaner for which of the two its diff picked. Returns the widest ``(lo, hi)``.
    """
    if start != end and inserted:
        return start, end
    unit = inserted or text[start:end]
    if not unit:
        return start, end
    lo, hi = start, end
    # Rotations: the unit can move left while the character before equals its last one...
    span = text[start:end]
    limit = 400
    if span:  # a deletion
        while lo > 0 and limit and text[lo - 1] == text[hi - 1]:
            lo, hi, limit = lo - 1, hi - 1, limit - 1
        lo_bound = lo
        lo, hi, limit = start, end, 400
        while hi < len(text) and limit and text[hi] == text[lo]:
            lo, hi, limit = lo + 1, hi + 1, limit - 1
        return lo_bound, hi
    rotated = unit
    while lo > 0 and limit and text[lo - 1] == rotated[-1]:
        rotated = rotated[-1] + rotated[:-1]
        lo, limit = lo - 1, limit - 1
    rotated, limit = unit, 400
    while hi < len(text) and limit and text[hi] == rotated[0]:
        rotated = rotated[1:] + rotated[0]
        hi, limit = hi + 1, limit - 1
    return lo, hi
