"""Mojibake: text decoded with the wrong codec (``CafÃ©`` for ``Café``), repaired with ftfy."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import ClassVar

import ftfy
import regex

from cleantext.model import Change

# A line can only be mojibake if it holds a character that a UTF-8 byte becomes when decoded as a
# single-byte codec: Latin-1/cp1252 lead and continuation bytes (U+0080-U+00FF and cp1252's extra
# punctuation), or the replacement character. Lines without one never reach ftfy. Cyrillic/Greek
# mojibake (cp1251, cp1253, mac_roman) also shows one of these or the symbols below.
_MOJIBAKE_HINT_RE = regex.compile(
    "[\u0080-\u00ff\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc"
    "\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122"
    "\u0402-\u040f\u0452-\u045f\u0490\u0491\u2116\u221a\u2260\u2264\u2265\u2202\u2206\u220f\u2211"
    "\u222b\u03a9\u03c0\u25ca\ufb01\ufb02\ufffd]"
)
_LINE_RE = regex.compile(r"[^\n]+")
_SURROGATE_RE = regex.compile(r"[\ud800-\udbff][\udc00-\udfff]|[\ud800-\udfff]")


@dataclass(frozen=True, slots=True)
class Encoding:
    """Repair mojibake line by line with ftfy's encoding fixes only (``ftfy.fix_encoding``).

    Fixes: UTF-8 decoded as Latin-1, cp1252, cp1251, mac_roman and the other codecs ftfy knows,
    including its byte-level sub-fixes (``restore_byte_a0``, ``decode_inconsistent_utf8``,
    ``fix_c1_controls``); lone UTF-16 surrogates (JSON ``"\\ud800"`` escapes) become U+FFFD and
    split surrogate pairs are joined. Leaves alone: everything ftfy's ``fix_text`` would normalize —
    curly quotes, NFC, character width, ligatures, HTML entities (owned by `entities`) —
    and every line that shows no sign of mojibake, which never reaches ftfy.

    >>> from cleantext import Pipeline
    >>> Pipeline([Encoding()]).clean("The cafÃ© said “hi”")
    'The café said “hi”'
    """

    name: ClassVar[str] = "encoding"

    def changes(self, text: str) -> Iterator[Change]:
        if text.isascii():
            return
        yield from _surrogate_changes(text)
        for match in _LINE_RE.finditer(text):
            line = match.group()
            if line.isascii() or _MOJIBAKE_HINT_RE.search(line) is None:
                continue
            if _SURROGATE_RE.search(line):
                continue  # ftfy cannot encode surrogates; they were handled above
            fixed = ftfy.fix_encoding(line)
            if fixed != line:
                yield Change(match.start(), match.end(), fixed, "encoding.mojibake", "mojibake")


def _surrogate_changes(text: str) -> Iterator[Change]:
    if _SURROGATE_RE.search(text) is None:
        return
    for match in _SURROGATE_RE.finditer(text):
        found = match.group()
        if len(found) == 2:
            high, low = ord(found[0]), ord(found[1])
            joined = chr(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00))
            yield Change(match.start(), match.end(), joined, "encoding.surrogate", "split pair")
        else:
            yield Change(
                match.start(), match.end(), "\ufffd", "encoding.surrogate", "lone surrogate"
            )
