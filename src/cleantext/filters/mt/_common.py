"""What the mt detectors share."""

from __future__ import annotations

import re

import regex

FAMILY = "mt"

PARAGRAPH_BREAK_RE = re.compile(r"\n[ \t]*\n")


def line_at(text: str, pos: int) -> str:
    """The line of ``text`` that holds offset ``pos``."""
    end = text.find("\n", pos)
    return text[text.rfind("\n", 0, pos) + 1 : len(text) if end < 0 else end]


def paragraph_starts(text: str) -> list[int]:
    """Offsets where paragraphs (runs of lines between blank lines) start, for `bisect`."""
    return [0, *(m.end() for m in PARAGRAPH_BREAK_RE.finditer(text))]


NEWLINE_RE = re.compile("\n")
#: Han and kana, the characters of scripts written without spaces that repeat in loops.
CJK_CHARS = (
    "\u3005-\u3007\u3041-\u30ff\u31f0-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
    "\U00020000-\U0002fa1f"
)

LETTERS_RE = regex.compile(r"[\p{L}\p{M}]+")


def title_like(text: str) -> bool:
    """Whether most longer words are capitalized: a name or a title (``Citizens for Responsibility
    and Ethics in Washington``, ``AI Superpowers: China, Silicon Valley and the New World Order``),
    not a sentence. German prose, nouns capitalized, stays under the bar (0.4 to 0.65)."""
    long_words = [w for w in LETTERS_RE.findall(text) if len(w) >= 4]
    if len(long_words) < 3:
        return False
    capitalized = sum(1 for w in long_words if w[0].isupper())
    return capitalized >= 0.75 * len(long_words)
