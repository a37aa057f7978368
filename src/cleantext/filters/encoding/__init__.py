"""Mojibake: text decoded with the wrong codec (``CafÃ©`` for ``Café``), repaired line by line.

A line reaches the repair only when it shows a sign of mojibake (`has_mojibake_hint`): a UTF-8 lead
byte followed by the right number of continuation bytes, as one of the single-byte codecs that
ftfy knows would display them, or a C1 control character. Clean text in any script almost never
shows one, so almost no clean line reaches ftfy (see docs/filters/encoding.md for the counts).

A hinted line goes through ``ftfy.fix_encoding``; what ftfy leaves because the line also holds
correct text in the same script (``дороге РґРѕСЂРѕРіРµ``), or because its heuristics are shy of a
code page (Latin text read as cp1251, ``fГјr``; Cyrillic read as Mac Roman), is decoded word by
word when the word decodes to clean text of one script (`redecode_words`). Stray C1 controls whose
cp1252 reading would not fit (``\\x83`` before a quote is not ``ƒ``) are dropped.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from typing import ClassVar

import ftfy

from cleantext.filters.base import Repair
from cleantext.filters.encoding._data import (
    _ASCII_RE,
    _C1_IN_WORD_RE,
    _C1_LETTERS,
    _C1_LETTERS_RE,
    _C1_RE,
    _CONTS_1252,
    _CP1252_NOT_IN_WORDS,
    _HINT_RE,
    _LEAD_ENTITY_RE,
    _LEADS_1252,
    _NOT_CONTINUATION_RE,
)
from cleantext.filters.encoding.words import (
    _IMPLAUSIBLE_RE,
    _SHY_PAGES,
    _UTF8_LEAD_RE,
    _WORD_CODECS,
    _orphan_mark,
    redecode_words,
)
from cleantext.filters.entities import find_entities
from cleantext.filters.registry import register
from cleantext.model import Change

__all__ = [
    "Encoding",
    "drop_stray_c1",
    "fix_line",
    "has_mojibake_hint",
    "macroman_c1",
    "redecode_words",
]


def has_mojibake_hint(line: str) -> bool:
    """True when ``line`` shows a sign of mojibake (the cheap test before any repair).

    >>> has_mojibake_hint("Café “quoted” — déjà vu"), has_mojibake_hint("CafÃ© â€œquotedâ€")
    (False, True)
    >>> has_mojibake_hint("Київ, Рівне і Сімферополь"), has_mojibake_hint("РљРёРµРІ")
    (False, True)
    """
    return not line.isascii() and _HINT_RE.search(line) is not None


def macroman_c1(line: str) -> str:
    """Mac Roman letters read as Latin-1: C1 controls inside words, read as Mac Roman.

    ``Coatl\x87n conf\x92an`` is ``Coatlán confían`` typed on a Mac: in cp1252 ``\x87`` would
    be ``‡``, which no word holds. Only when one such control proves the line was Mac Roman are
    the controls inside its words (``\x92``, otherwise an apostrophe) read as Mac Roman, and only
    when every one of them is a letter there.

    >>> macroman_c1("Coatl\x87n conf\x92an"), macroman_c1("l\x92anno")
    ('Coatlán confían', 'l\x92anno')
    """
    if _C1_RE.search(line) is None:
        return line
    inside = list(_C1_IN_WORD_RE.finditer(line))
    if not any(
        m.group().encode("latin-1").decode("cp1252", "replace") in _CP1252_NOT_IN_WORDS
        for m in inside
    ):
        return line
    letters = [m.group().encode("latin-1").decode("macroman") for m in inside]
    if not all(ch.isalpha() for ch in letters):
        return line
    chars = list(line)
    for match, letter in zip(inside, letters, strict=True):
        chars[match.start()] = letter
    return "".join(chars)


def drop_stray_c1(line: str) -> str:
    """Remove C1 controls whose cp1252 reading is a letter that nothing around it supports.

    ftfy reads every C1 control as cp1252 (``\x93quoted\x94`` -> ``“quoted”``), which is right
    for punctuation, and for letters inside words (``Fran\x8aois``); but ``\x83`` between a space
    and a quote is not ``ƒ``: such a control is dropped instead, so that no wrong letter appears.
    A C1 control that follows a non-ASCII character may be a byte of a UTF-8 sequence
    (``Å\x83``, ``м№\x98``) and is left to the repair of mojibake; one that cp1252 leaves
    undefined (``\x81``) is left as it is, as ftfy does.

    >>> drop_stray_c1("słowa: \x83”Tak"), drop_stray_c1("Fran\x8aois \x93x\x94 \x81")
    ('słowa: ”Tak', 'Fran\x8aois \x93x\x94 \x81')
    """
    if _C1_LETTERS_RE.search(line) is None:
        return line
    kept: list[str] = []
    for i, ch in enumerate(line):
        if ch in _C1_LETTERS and (i == 0 or line[i - 1].isascii()):
            before = line[i - 1] if i else ""
            after = line[i + 1] if i + 1 < len(line) else ""
            if not (before.isalpha() or after.isalpha()):
                continue
        kept.append(ch)
    fixed = "".join(kept)
    # A control dropped at the end of the line takes the spaces before it along: they would be
    # trailing spaces that `whitespace`, which runs first, only removes on a second run.
    if fixed.endswith((" ", "\t")) and not line.endswith((" ", "\t")):
        fixed = fixed.rstrip(" \t")
    return fixed


# -- the filter -------------------------------------------------------------------------------

_SURROGATE_RE = re.compile("[\ud800-\udbff][\udc00-\udfff]|[\ud800-\udfff]")
_SURROGATE_CHAR_RE = re.compile("[\ud800-\udfff]")
#: Lines longer than this are aligned by common prefix and suffix only (difflib is quadratic).
_ALIGN_LIMIT = 4000


@register
@dataclass(frozen=True, slots=True)
class Encoding(Repair):
    """Repair mojibake line by line: ftfy's encoding fixes, word-level re-decoding, stray C1.

    Fixes: UTF-8 decoded as Latin-1, cp1252, cp1251, cp1250, cp1253, Mac Roman and the other
    codecs ftfy knows, with ftfy's byte-level sub-fixes (``restore_byte_a0``,
    ``decode_inconsistent_utf8``, ``fix_c1_controls``); mojibake words next to correct text of
    the same script (``дороге РґРѕСЂРѕРіРµ``) and in code pages ftfy is shy of (``fГјr``,
    ``caf√©``, ``–ü—Ä–∏``), when the word decodes to one script; C1 controls: cp1252 readings
    where they fit (``\\x93`` -> ``“``), dropped where they do not (``\\x83”Tak``); lone UTF-16
    surrogates (JSON ``"\\ud800"`` escapes) become U+FFFD and split pairs are joined. Each edit
    covers the changed characters only, not the whole line.

    Leaves alone: everything ftfy's ``fix_text`` would normalize (curly quotes, NFC, character
    width, ligatures, HTML entities, which `entities` owns), every line without a sign of
    mojibake (it never reaches ftfy), and single short words whose decoding would be a guess
    (``Рі`` is cp1251 for ``г`` but also the start of ``Рівне``).

    >>> from cleantext import Pipeline
    >>> Pipeline([Encoding()]).clean("The cafÃ© said “hi” à Київ: РґРѕСЂРѕРіРµ")
    'The café said “hi” à Київ: дороге'
    """

    name: ClassVar[str] = "encoding"
    default: ClassVar[bool] = True

    def changes(self, text: str) -> Iterator[Change]:
        if text.isascii():
            return
        # Whole-text scans at C speed find the lines with a sign; the others are never split.
        starts = set(_hinted_lines(text, _HINT_RE))
        if "&" in text:
            starts.update(_hinted_lines(text, _LEAD_ENTITY_RE))
        if _SURROGATE_CHAR_RE.search(text) is not None:
            starts.update(_hinted_lines(text, _SURROGATE_CHAR_RE))
        for start in sorted(starts):
            end = text.find("\n", start)
            end = end if end >= 0 else len(text)
            for piece_start, piece_end in _pieces(text, start, end):
                yield from _piece_changes(text, piece_start, piece_end)


def _piece_changes(text: str, start: int, end: int) -> Iterator[Change]:
    """The changes that repair the line (or piece of a long line) ``text[start:end]``.

    Surrogates first: a lone one becomes U+FFFD and a split pair is joined, as a second run
    would see them; the mojibake repair then runs on that text, so that a lone surrogate beside
    mojibake (``\udc00Ã©``) gives at once what two runs would give (U+FFFD is itself a sign).
    """
    line = text[start:end]
    if _SURROGATE_CHAR_RE.search(line) is None:
        fixed = _fixed_point(line)
        if fixed != line:
            yield from _aligned_changes(line, fixed, start)
        return
    readable = _SURROGATE_RE.sub(_surrogate_replacement, line)
    hinted = has_mojibake_hint(readable) or (
        "&" in readable and _LEAD_ENTITY_RE.search(readable) is not None
    )
    fixed = _fixed_point(readable) if hinted else readable
    if fixed == readable:
        yield from _surrogate_changes(text, start, end)
    else:
        yield from _aligned_changes(line, fixed, start)


def _fixed_point(line: str) -> str:
    """`fix_line` again while it changes a line that still shows a sign (at most three times
    in all), so that a second run of the filter finds nothing left to do."""
    fixed = fix_line(line)
    for _ in range(2):
        if fixed == line or not has_mojibake_hint(fixed):
            break
        line, fixed = fixed, fix_line(fixed)
    return fixed


def _hinted_lines(text: str, pattern: re.Pattern[str]) -> Iterator[int]:
    """The start of every line holding a match of ``pattern``: one search per line, from the
    line's end on (a line of a million hints costs one search, not a million)."""
    pos = 0
    while True:
        match = pattern.search(text, pos)
        if match is None:
            return
        # ``text[pos - 1]`` is the previous line's break: the search back stops there.
        yield text.rfind("\n", max(pos - 1, 0), match.start()) + 1
        end = text.find("\n", match.end())
        if end < 0:
            return
        pos = end + 1


#: A line longer than this is repaired in pieces of about this length, cut after a space (or,
#: in a line without one, before an ASCII character): ftfy and the word decoders then see
#: bounded inputs, and a megabyte-long line costs what a thousand short ones cost.
_PIECE = 2000


def _pieces(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """``text[start:end]`` cut into pieces of about `_PIECE` characters at safe points."""
    while end - start > 2 * _PIECE:
        cut = text.rfind(" ", start + _PIECE, start + 2 * _PIECE)
        if cut < 0:
            cut = _ascii_before(text, start + _PIECE, start + 2 * _PIECE)
        else:
            cut += 1
        yield start, cut
        start = cut
    yield start, end


def _ascii_before(text: str, low: int, high: int) -> int:
    """A position in ``[low, high)`` before an ASCII character or, failing that, before a
    character that is not a UTF-8 continuation byte as cp1252 shows it (so that a sequence
    such as ``Ã©`` is not cut in two); else ``high``."""
    for pattern in (_ASCII_RE, _NOT_CONTINUATION_RE):
        match = pattern.search(text, low + 1, high)
        if match is not None:
            return match.start()
    return high


def fix_line(line: str) -> str:
    """The repaired line: stray C1 controls out, then ftfy and word-level re-decoding until
    neither changes anything (at most three rounds: mojibake can be layered)."""
    if "&" in line:
        inside = _decode_entities_inside_mojibake(line)
        if inside != line:
            fixed = _fix(inside)
            if fixed != inside and len(_HINT_RE.findall(fixed)) < len(_HINT_RE.findall(inside)):
                return fixed
    return _fix(line)


def _fix(line: str) -> str:
    """The best of three orders: ftfy first; words of the pages ftfy is shy of first; all words
    first. The one that leaves the fewest signs of mojibake wins, in that order of preference.

    ftfy first handles layered mojibake of a whole line best, and knows the lossy forms of
    Latin-1 and cp1252 (``Ã s`` for ``à``, ``Ñ�``), so all-words-first wins only when it leaves
    no sign at all (``ogÅ‚oszeniu`` next to correct Polish, which ftfy leaves). But
    deciding per line, it sometimes "fixes" part of a Mac Roman or cp1251 word as cp1252
    (``a√ßƒ±k`` -> ``a√߃±k``), after which the word cannot be decoded and no sign may be left
    to tell; a word decoded on its own evidence in those pages is reliable, so shy-pages-first
    wins its ties with ftfy first.
    """
    line = drop_stray_c1(macroman_c1(line))
    first = _rounds(line, ftfy_first=True)
    best, signs = first, len(_HINT_RE.findall(first))
    for pages, wins_ties in ((_SHY_PAGES, True), (_WORD_CODECS, False)):
        if not signs and not wins_ties:
            break
        words_first = _restore_a_grave(redecode_words(_redecode_line(line), pages), line)
        if words_first == line:
            continue
        other = _rounds(words_first, ftfy_first=False)
        other_signs = len(_HINT_RE.findall(other))
        # All words first (Latin-1 and cp1252 words before ftfy) is trusted only when it leaves
        # no sign at all: on a hopeless garble, fewer signs is not better text.
        if (wins_ties and other_signs <= signs) or (not wins_ties and other_signs == 0):
            best, signs = other, other_signs
    # ``bittersüß\x93`` is ``bittersüß“``, not the NKo letter that ``ß\x93`` also spells: a
    # repair that brings in one single letter of a script the line has nowhere else is the wrong
    # one when it is the only change (real mojibake of a script brings in words of it; a lone
    # Greek letter, ``IL2Rγc``, is common); then the line only has its C1 controls read as cp1252.
    reference = str(ftfy.fixes.fix_c1_controls(line))
    introduced = _letter_families(best) - _letter_families(reference) - _LONE_LETTER_FAMILIES
    if (
        introduced
        and sum(_family(ch) in introduced for ch in best if _lettered(ch)) == 1
        and _one_small_change(reference, best)
    ):
        # Repair the cp1252 reading instead (it has no C1 control left, so this ends).
        return line if reference == line else _fix(reference)
    return best


# Scripts whose single letters are common on their own: a Greek letter in a formula, a kanji or
# kana in Japanese text whose other letters are of another family.
_LONE_LETTER_FAMILIES = frozenset(
    {"LATIN", "GREEK", "CYRILLIC", "CJK", "HIRAGANA", "KATAKANA", "KATAKANA-HIRAGANA", "HANGUL"}
)


def _one_small_change(old: str, new: str) -> bool:
    """Whether ``new`` differs from ``old`` in one place only, a few characters wide."""
    prefix = 0
    limit = min(len(old), len(new))
    while prefix < limit and old[prefix] == new[prefix]:
        prefix += 1
    suffix = 0
    while suffix < limit - prefix and old[-1 - suffix] == new[-1 - suffix]:
        suffix += 1
    return len(old) - prefix - suffix <= 4 and len(new) - prefix - suffix <= 2


def _letter_families(text: str) -> set[str]:
    """The families of the letters of ``text`` (see `_family`)."""
    return {_family(ch) for ch in text if _lettered(ch)}


def _lettered(char: str) -> bool:
    """A letter, or a symbol of a script's own block (``꒔``, a Yi radical); not an emoji."""
    if char.isalpha():
        return True
    return 0x2E80 <= ord(char) < 0xFE00 and unicodedata.category(char) == "So"


def _family(char: str) -> str:
    """The first word of a character's Unicode name (``LATIN``, ``CYRILLIC``, ``NKO``...): a
    cheap stand-in for its script, covering every script."""
    return unicodedata.name(char, "?").split()[0]


def _rounds(line: str, *, ftfy_first: bool) -> str:
    fixed = line
    for _ in range(3):  # mojibake can be layered
        before = fixed
        if ftfy_first:
            fixed = ftfy.fix_encoding(fixed)
        fixed = _redecode_line(fixed)
        fixed = _restore_a_grave(redecode_words(fixed, _SHY_PAGES), fixed)
        if not ftfy_first:
            fixed = ftfy.fix_encoding(fixed)
        if not has_mojibake_hint(fixed):
            break  # no sign left: another round would change nothing
        fixed = _restore_a_grave(redecode_words(fixed), fixed)
        if fixed == before:
            break
    return fixed


def _redecode_line(line: str) -> str:
    """The whole line as UTF-8 read as one of the pages ftfy is shy of, when it decodes to
    plausible text with two sequences at least (a line of clean text essentially never does).
    Word by word, a line loses the words of one sequence that nothing vouches for."""
    for page in _SHY_PAGES:
        try:
            raw = line.encode(page.codec)
            decoded = raw.decode("utf-8")
        except UnicodeError:
            continue
        if (
            len(decoded) < len(line)
            and len(_UTF8_LEAD_RE.findall(raw)) >= 2
            and not _IMPLAUSIBLE_RE.search(decoded)
            and not _orphan_mark(decoded)
        ):
            return decoded
    return line


def _decode_entities_inside_mojibake(line: str) -> str:
    """Decode the entities that stand for a byte of a mojibake sequence (``10Î&frac14;s`` is
    ``10Î¼s``, which is ``10μs``): an escaper ran over the mojibake. Decoding them later, in
    `entities`, would leave mojibake that a second run would fix."""
    pieces: list[str] = []
    pos = 0
    for item in find_entities(line):
        if item.start and line[item.start - 1] in _LEADS_1252 and item.char in _CONTS_1252:
            pieces.append(line[pos : item.start])
            pieces.append(item.char)
            pos = item.end
    if not pieces:
        return line
    pieces.append(line[pos:])
    return "".join(pieces)


def _restore_a_grave(fixed: str, before: str) -> str:
    """``Г `` (cp1251) standing alone is French/Italian ``à`` once the line proved to be Latin
    text read as cp1251: its second byte was a no-break space that became a space."""
    if fixed == before or " Г " not in fixed or "Г" in fixed.replace(" Г ", ""):
        return fixed
    return fixed.replace(" Г ", " à ")


def _aligned_changes(line: str, fixed: str, offset: int) -> Iterator[Change]:
    """The changes that turn ``line`` into ``fixed``, each as tight as the alignment allows."""
    prefix = 0
    limit = min(len(line), len(fixed))
    while prefix < limit and line[prefix] == fixed[prefix]:
        prefix += 1
    suffix = 0
    while (
        suffix < limit - prefix and line[len(line) - 1 - suffix] == fixed[len(fixed) - 1 - suffix]
    ):
        suffix += 1
    old = line[prefix : len(line) - suffix]
    new = fixed[prefix : len(fixed) - suffix]
    if len(old) + len(new) > _ALIGN_LIMIT:
        yield _change(offset + prefix, old, new)
        return
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag != "equal":
            yield _change(offset + prefix + i1, old[i1:i2], new[j1:j2])


def _change(start: int, old: str, new: str) -> Change:
    if _SURROGATE_CHAR_RE.search(old) is not None:
        reason = "surrogates read, then mojibake repaired"
        return Change(start, start + len(old), new, "encoding.surrogate", reason)
    controls = old.lstrip(" \t") if not new else old  # a dropped control takes spaces along
    if controls and all("\x80" <= ch <= "\x9f" for ch in controls):
        reason = "cp1252 character read as a C1 control" if new else "stray C1 control character"
        return Change(start, start + len(old), new, "encoding.c1-control", reason)
    return Change(
        start, start + len(old), new, "encoding.mojibake", "UTF-8 read as a single-byte codec"
    )


def _surrogate_replacement(match: re.Match[str]) -> str:
    found = match.group()
    if len(found) == 2:
        high, low = ord(found[0]), ord(found[1])
        return chr(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00))
    return "\ufffd"


def _surrogate_changes(text: str, start: int, end: int) -> Iterator[Change]:
    for match in _SURROGATE_RE.finditer(text, start, end):
        reason = "split pair" if len(match.group()) == 2 else "lone surrogate"
        replacement = _surrogate_replacement(match)
        yield Change(match.start(), match.end(), replacement, "encoding.surrogate", reason)
