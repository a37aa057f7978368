"""The ``unbalanced-bracket`` detector: half a bracket pair left behind by a link or citation."""

from __future__ import annotations

import bisect
import re
from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass
from typing import ClassVar

from cleantext.context import DocumentContext
from cleantext.filters.base import Detector
from cleantext.filters.mt._common import FAMILY, NEWLINE_RE, paragraph_starts
from cleantext.filters.mt._data import NAMING_WORDS
from cleantext.filters.registry import register
from cleantext.model import Flag

# bracket -> (family, opens); fullwidth forms pair with their ASCII partners (CJK text mixes them).
_BRACKETS: dict[str, tuple[str, bool]] = {
    "(": ("(", True), ")": ("(", False), "（": ("(", True), "）": ("(", False),
    "[": ("[", True), "]": ("[", False), "［": ("[", True), "］": ("[", False),
    "{": ("{", True), "}": ("{", False), "｛": ("{", True), "｝": ("{", False),
    "【": ("【", True), "】": ("【", False),
}  # fmt: skip
_BRACKET_RE = re.compile(r"[()\[\]{}（）［］｛｝【】]")
_OPENER_OF = {"(": "(", "[": "[", "{": "{", "【": "【"}
_ONLY_SPACES_RE = re.compile(r"[ \t]*")
# A closer that is not a bracket: list markers and footnote residue (``1)``, ``a)``, ``iv)``,
# ``2]``, ``1.)``) and smileys (``:)``, ``;-]``, ``=(``, ``8)``).
_NOT_A_CLOSER_RE = re.compile(
    r"(?:(?<!\d)\d{1,3}\.?|(?<![^\W\d_])(?:[A-Za-z]|[ivxIVX]{1,4})\.?|[:;=8][-'^o]?)\Z"
)
# An opener that is not a bracket: footnote residue (``[1``) and smileys (``:(``, ``):``-style).
_NOT_AN_OPENER_BEFORE_RE = re.compile(r"[:;=][-'^o]?\Z")
_NOT_AN_OPENER_AFTER_RE = re.compile(r"\d{1,3}(?!\d)|[-'^o]?[:;=](?!\w)")
# Prose with leftovers has few unmatched brackets: more than one every this many characters (and
# 16) is markup, code or bracket art, and none of them is flagged.
_PROSE_CHARS_PER_BRACKET = 50
# Quotes around a bracket named as a character: ``'['``, ``"("``, `` `{` ``, ``«[»``.
_QUOTES = frozenset("'\"`‘’“”«»「」")
# "or" names an opener (``unmatched [ or (``) but not a closer: ``Alemania ) o …`` is a leftover.
_OR_WORDS = frozenset(
    [
        "or",
        "ou",
        "oder",
        "или",
        "lub",
        "albo",
        "veya",
        "ose",
        "أو",
        "或",
        "或者",
        "または",
        "또는",
        "या",
    ]
)
_LONE_BRACKET_RE = re.compile(r"(?<=\s)[()\[\]{}（）［］｛｝【】](?=\s)")
# The start of the whitespace-separated token that holds a bracket, looked for this far back.
_TOKEN_BACK = 64
# A half-open interval: ``[0, 1)``, ``(0, 5]``.
_INTERVAL_RE = re.compile(r"[\[(]\s*[-+]?[\d.]+\s*[,;]\s*[-+]?[\d.∞]+\s*[\])]")


@register
@dataclass(frozen=True, slots=True)
class UnbalancedBracket(Detector):
    """Flag a bracket or parenthesis without its partner: ``taking a chance ]``.

    MT systems and scrapers leave half of a link or citation behind. Pairs are matched per kind
    (fullwidth brackets pair with ASCII ones) within a paragraph; an opener left open at the end of
    a paragraph may still be closed at the start of the next one (a parenthesis across a blank
    line). Leaves alone: balanced citations (``[ Engadget ]``), list markers and footnote residue
    (``1)``, ``a)``, ``iv)``, ``2]``, ``[1``), smileys (``:)``, ``:-(``) and half-open intervals
    (``[0, 1)``), brackets named as characters (``unmatched [ or (``, ``the [ key``, ``'}'``),
    regex syntax (``(?<``) and option synopses (``-i[CHAR[WIDTH]]]``).

    Worst case: a run of brackets (``[[[( {{«`` over a megabyte), every one unmatched (more
    than one in 50 characters unmatched is markup or bracket art: nothing is flagged). Still
    linear: one scan finds them, each is pushed and popped once per family stack (openers left
    from older paragraphs are dropped from the stack's bottom in O(1) each, never
    re-scanned), and each unmatched one is judged by looking at most 64 characters around it.

    >>> text = "taking a chance ]\\n\\n[ Engadget ]"
    >>> [(f.code, f.start) for f in UnbalancedBracket().flags(text)]
    [('unbalanced-bracket', 16)]
    """

    name: ClassVar[str] = "unbalanced-bracket"
    family: ClassVar[str] = FAMILY
    default: ClassVar[bool] = True

    def flags_in(self, doc: DocumentContext) -> Iterator[Flag]:
        text = doc.text
        found = [(m.start(), m.group()) for m in _BRACKET_RE.finditer(text)]
        if not found:
            return
        starts = paragraph_starts(text)
        # family -> open brackets as (position, paragraph index)
        stacks: dict[str, deque[tuple[int, int]]] = {}
        unmatched: list[int] = []
        last_paragraph = 0
        for pos, char in found:
            paragraph = bisect.bisect_right(starts, pos) - 1
            if paragraph != last_paragraph:
                # Openers from before the previous paragraph can no longer be closed.
                for stack in stacks.values():
                    while stack and stack[0][1] < paragraph - 1:
                        unmatched.append(stack.popleft()[0])
                last_paragraph = paragraph
            family, opens = _BRACKETS[char]
            stack = stacks.setdefault(family, deque())
            if opens:
                stack.append((pos, paragraph))
            elif stack:
                stack.pop()
            else:
                unmatched.append(pos)
        for stack in stacks.values():
            unmatched.extend(pos for pos, _ in stack)
        if not unmatched or len(unmatched) > len(text) // _PROSE_CHARS_PER_BRACKET + 16:
            return  # none, or so many that this is markup or bracket art, not prose with leftovers
        intervals = {i for m in _INTERVAL_RE.finditer(text) for i in (m.start(), m.end() - 1)}
        newlines = [m.start() for m in NEWLINE_RE.finditer(text)]
        for pos in sorted(unmatched):
            char = text[pos]
            opens = _BRACKETS[char][1]
            if pos in intervals:
                continue
            line = bisect.bisect_left(newlines, pos)
            line_start = newlines[line - 1] + 1 if line else 0
            line_end = newlines[line] if line < len(newlines) else len(text)
            if self._named(text, pos, opens, line_start, line_end):
                continue
            if opens:
                if _NOT_AN_OPENER_BEFORE_RE.search(text, max(line_start, pos - 3), pos) or (
                    _NOT_AN_OPENER_AFTER_RE.match(text, pos + 1, line_end)
                ):
                    continue
                message = f"{char!r} is never closed"
            else:
                if _NOT_A_CLOSER_RE.search(text, max(line_start, pos - 6), pos):
                    continue
                partner = _OPENER_OF[_BRACKETS[char][0]]
                message = f"{char!r} has no matching {partner!r}"
            # A lone closer after a space at the end of a line is the typical leftover of a link.
            lone = (
                not opens
                and text[pos - 1 : pos] == " "
                and _ONLY_SPACES_RE.fullmatch(text, pos + 1, line_end) is not None
            )
            yield Flag(pos, pos + 1, "unbalanced-bracket", message, 0.9 if lone else 0.7)

    @staticmethod
    def _named(text: str, pos: int, opens: bool, line_start: int, line_end: int) -> bool:
        """Whether the bracket at ``pos`` is talked about or is code, not half of a pair: quoted
        (``'['``, `` `{` ``), a token of its own next to a word that names it or beside another
        lone bracket (``unmatched [ or (``, ``the [ key``, ``) without ( opening``; the leftover
        ``taking a chance ]`` stays), regex syntax (``(?``, ``(?<``), or inside an
        option's synopsis (``-i[CHAR[WIDTH]]]``, ``--tabs[=N]``). Looks at most `_TOKEN_BACK`
        characters back: constant work per bracket."""
        before = text[pos - 1] if pos > line_start else " "
        after = text[pos + 1] if pos + 1 < line_end else " "
        if before in _QUOTES and after in _QUOTES:
            return True
        if opens and after == "?":
            return True
        if before.isspace() and after.isspace():
            # A token of its own: named when a word next to it says so (``[ or (``, ``the [
            # key``) or another bracket stands alone close by (``) without ( opening``).
            near = text[max(line_start, pos - 16) : min(line_end, pos + 17)]
            if len(_LONE_BRACKET_RE.findall(f" {near} ")) >= 2:
                return True
            left = text[max(line_start, pos - 24) : pos].split()
            right = text[pos + 1 : min(line_end, pos + 25)].split()
            for words in (left[-1:], right[:1]):
                word = words[0].strip(",.;:").lower() if words else ""
                if word in NAMING_WORDS and (opens or word not in _OR_WORDS):
                    return True
        low = max(line_start, pos - _TOKEN_BACK)
        space = max(text.rfind(" ", low, pos), text.rfind("\t", low, pos))
        token_start = space + 1 if space >= 0 else low
        return text.startswith("-", token_start) or "=" in text[token_start:pos]
