"""Tables and patterns of the `encoding` filter, built once at import (as ftfy keeps `chardata`).

The mojibake hint (`HINT_RE`, one `re` alternation per code page) and the C1-control tables.
"""

from __future__ import annotations

import re

import ftfy.bad_codecs  # noqa: F401  (registers the "sloppy-windows-*" codecs)

# -- the hint: a sign of mojibake, tested at C speed ------------------------------------------


def _chars(codec: str, low: int, high: int) -> str:
    """The characters that bytes ``low..high`` become in ``codec``."""
    return "".join(bytes([b]).decode(codec) for b in range(low, high + 1))


def _class(chars: str) -> str:
    return "[" + "".join(re.escape(c) for c in sorted(set(chars))) + "]"


_WINDOWS = (
    "sloppy-windows-1252",
    "sloppy-windows-1250",
    "sloppy-windows-1254",
    "sloppy-windows-1257",
    "iso-8859-2",
)
_C1 = "".join(map(chr, range(0x80, 0xA0)))


def _build_hint() -> re.Pattern[str]:
    """One regex for "this line may hold mojibake".

    Each codec's UTF-8 sequences as that codec displays them: a lead (bytes C2-F4) followed by the
    right number of continuations (80-BF). The pattern starts with one character class (every
    lead) so that the engine skips from candidate to candidate; lookbehinds then pick the codec.
    Codecs whose leads are ordinary letters of clean text need more: Cyrillic cp1251 and Greek
    cp1253 ask for two sequences in a row, a continuation that never follows a Cyrillic letter in
    clean text (``°``, ``‚``, ``©``...), or an ASCII letter next to the sequence (Latin text read
    as cp1251: ``fГјr``); Mac Roman's leads that are common punctuation (``« » “ ” ‘ ’``) are
    left out, and its dashes (Cyrillic read as Mac Roman, ``–ü—Ä``) need two sequences in a row.
    Three-byte sequences whose first continuation is a no-break space are left out too: French
    ``é\\u00a0»`` is clean typography. Stdlib `re` is used: on this pattern it is several times
    faster than `regex`.
    """
    win_cont = "".join(_chars(c, 0x80, 0xBF) for c in _WINDOWS)
    win_2 = "".join(_chars(c, 0xC2, 0xDF) for c in _WINDOWS)
    win_3 = "".join(_chars(c, 0xE0, 0xEF) for c in _WINDOWS)
    win_4 = "".join(_chars(c, 0xF0, 0xF4) for c in _WINDOWS)
    mac_cont = _chars("macroman", 0x80, 0xBF)
    mac_2 = "¬√ƒ≈∆◊ÿŸ⁄ﬁﬂ"
    mac_3 = _chars("macroman", 0xE0, 0xEF)
    dos_cont = _chars("cp437", 0x80, 0xBF)
    dos_2 = _chars("cp437", 0xC2, 0xDF)
    cyr_cont = _chars("sloppy-windows-1251", 0x80, 0xBF)
    cyr_2 = _chars("sloppy-windows-1251", 0xC2, 0xDF)
    cyr_3 = _chars("sloppy-windows-1251", 0xE0, 0xEF)
    cyr_rare = "ЂЃ‚ѓ„†‡€‰Љ‹ЊЌЋЏ™›¤¦§©¬®°±µ¶·"
    cyr_pair = "РСШЩЦЧЪЫ"  # Cyrillic, Arabic and Hebrew UTF-8 leads as cp1251 shows them
    cyr_latin = "ВГДЕ"  # Latin-1 and Latin Extended-A leads as cp1251 shows them
    grk_cont = _chars("sloppy-windows-1253", 0x80, 0xBF)
    grk_pair = "ΞΟ"
    nbsp_free = win_cont.replace("\u00a0", "")
    lead = _class(
        _C1 + "\ufffdÂÃ" + win_2 + win_3 + win_4 + mac_2 + mac_3 + dos_2 + "ß–—"
        + cyr_pair + cyr_latin + cyr_rare + grk_pair
    )  # fmt: skip
    c = _class
    alternatives = [
        f"(?<={c(_C1)})",
        # U+FFFD after a two-byte lead or a continuation as a code page shows it: ftfy's lossy
        # forms (``Ã\ufffd``, ``â€\ufffd``). Alone (a lone surrogate read, a byte a decoder
        # dropped), or after a letter (``μ\ufffd``, ``é\ufffd``), it is no sign of mojibake.
        f"(?<={c(win_2 + win_cont.replace(chr(0xB5), ''))}\ufffd)",
        "(?<=[ÂÃ]) ",  # the no-break space of à or of a no-break space, turned into a space
        f"(?<={c(win_2)}){c(win_cont)}",
        f"(?<={c(win_3)}){c(nbsp_free)}{c(win_cont)}",
        f"(?<={c(win_4)}){c(win_cont)}{{3}}",
        f"(?<={c(mac_2)}){c(mac_cont)}",
        f"(?<={c(mac_3)}){c(mac_cont)}{{2}}",
        f"(?<=[–—]){c(mac_cont)}[–—]{c(mac_cont)}",
        f"(?<={c(dos_2)}){c(dos_cont)}",
        f"(?<=ß){c(dos_cont)}{{2}}",  # cp437's E1 lead (Vietnamese read as cp437)
        f"(?<={c(cyr_2)}{c(cyr_rare)})",
        f"(?<={c(cyr_pair)}){c(cyr_cont)}{c(cyr_2)}{c(cyr_cont)}",
        f"(?<={c(cyr_latin)}){c(cyr_cont)}(?=[A-Za-z])",
        f"(?<=[A-Za-z]{c(cyr_latin)}){c(cyr_cont)}",
        f"(?<={c(cyr_3)}{c(cyr_rare)}){c(cyr_cont)}",
        f"(?<={c(cyr_3)}{c(cyr_cont)}{c(cyr_rare)})",
        f"(?<={c(grk_pair)}){c(grk_cont)}{c(grk_pair)}{c(grk_cont)}",
    ]
    return re.compile(lead + "(?:" + "|".join(alternatives) + ")")


_HINT_RE = _build_hint()

# -- stray C1 controls ------------------------------------------------------------------------

# cp1252's letters and modifiers among the C1 positions: plausible only next to a letter.
_C1_LETTERS = frozenset("\x83\x88\x8a\x8c\x8e\x98\x9a\x9c\x9e\x9f")
_C1_RE = re.compile("[\x80-\x9f]")
_C1_LETTERS_RE = re.compile("[\x83\x88\x8a\x8c\x8e\x98\x9a\x9c\x9e\x9f]")
_LEADS_1252 = frozenset(_chars("sloppy-windows-1252", 0xC2, 0xF4))
_CONTS_1252 = frozenset(_chars("sloppy-windows-1252", 0x80, 0xBF))
_ASCII_RE = re.compile("[\x00-\x7f]")
_NOT_CONTINUATION_RE = re.compile("[^" + _class("".join(_CONTS_1252))[1:])
# An entity right after a UTF-8 lead as cp1252 shows it: an escaper ran over mojibake.
_LEAD_ENTITY_RE = re.compile(_class("".join(_LEADS_1252)) + "&#?[0-9A-Za-z]{1,24};")


# Between ASCII letters: a C1 control after a non-ASCII letter may be part of a UTF-8 sequence
# read as cp1250 (``tĹ\x99etĂ``), which is ftfy's to fix.
_C1_IN_WORD_RE = re.compile(r"(?<=[A-Za-z])[\x80-\x9f](?=[A-Za-z])")
# cp1252 readings that cannot stand inside a word (an apostrophe can: ``l\x92anno``).
_CP1252_NOT_IN_WORDS = frozenset("†‡•‰™…€")
