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
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from typing import ClassVar

import ftfy
import ftfy.bad_codecs  # registers the "sloppy-windows-*" codecs
import regex

from cleantext.filters.base import Repair
from cleantext.filters.entities import find_entities
from cleantext.filters.registry import register
from cleantext.model import Change
from cleantext.segment import script_counts

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


def has_mojibake_hint(line: str) -> bool:
    """True when ``line`` shows a sign of mojibake (the cheap test before any repair).

    >>> has_mojibake_hint("Café “quoted” — déjà vu"), has_mojibake_hint("CafÃ© â€œquotedâ€")
    (False, True)
    >>> has_mojibake_hint("Київ, Рівне і Сімферополь"), has_mojibake_hint("РљРёРµРІ")
    (False, True)
    """
    return not line.isascii() and _HINT_RE.search(line) is not None


# -- word-level re-decoding -------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _WordCodec:
    """A code page tried on single words, and what counts as evidence in it."""

    codec: str
    #: Its characters for the leads of Latin-1 and Latin Extended-A letters (bytes C2-C5): they
    #: never precede a continuation in clean text, so one such sequence inside a word of ASCII
    #: letters is evidence enough (``fГјr``, ``caf√©``).
    latin_leads: str
    #: Whether one sequence may decode to a Latin letter on its own evidence. In Latin-1 and
    #: cp1252, ftfy's heuristics know which look-alikes are real text (``AHÅ™``, ``MARQUÉ…``):
    #: there a one-sequence Latin word needs a decoded word next to it or two in its line.
    latin_results: bool
    #: Runs of characters the page can encode (ASCII and its 128 others).
    runs_re: re.Pattern[str]


# The code pages, in the order they are tried. cp1251, Mac Roman and cp1253 are those ftfy is shy
# of on a line that mixes mojibake with correct text.
_WORD_CODECS: tuple[_WordCodec, ...] = tuple(
    _WordCodec(
        codec,
        _chars(codec, 0xC2, 0xC5),
        latin,
        re.compile(r"[\x00-\x7f" + _class(_chars(codec, 0x80, 0xFF))[1:] + "+"),
    )
    for codec, latin in (
        ("sloppy-windows-1251", True),
        ("macroman", True),
        ("sloppy-windows-1253", True),
        ("sloppy-windows-1252", False),
        ("latin-1", False),
    )
)
# The pages ftfy is shy of, tried before ftfy; Latin-1 and cp1252 words are left to ftfy first.
_SHY_PAGES = _WORD_CODECS[:3]
_NBSP_PARTS_RE = regex.compile(r"[^\s\u00a0]+")
# A word, with the no-break spaces inside it: byte A0 is a continuation (``resterГ\u00a0``).
_WORD_RE = regex.compile(r"(?:[^\s]|\u00a0)+")
_UTF8_LEAD_RE = re.compile(rb"[\xc2-\xf4]")
# ``‚Ä“`` (Mac Roman), ``вЂњ`` (cp1251): UTF-8 punctuation (E2 80 xx), never in clean text.
_PUNCTUATION_RE = re.compile(rb"\xe2\x80[\x80-\xbf]")
# Decoded characters that no modern text spells with: IPA, spacing modifiers, detached combining
# marks, historic Cyrillic, phonetic extensions, controls (but ZWNJ, ZWJ and the bidi marks,
# which Persian, Arabic, Hebrew and Indic text needs) and unassigned code points.
_IMPLAUSIBLE_RE = regex.compile(
    r"[\u0250-\u036f\u0460-\u0489\u1d00-\u1dff\p{Cc}\p{Co}\p{Cn}\p{Cs}]"
    r"|(?![\u200c-\u200f\u202a-\u202e\u2066-\u2069])\p{Cf}"
)
_CJK = frozenset({"Han", "Hiragana", "Katakana", "Hangul"})


def redecode_words(line: str, pages: tuple[_WordCodec, ...] = _WORD_CODECS) -> str:
    """Decode words that are UTF-8 read as a single-byte codec, one word at a time.

    A word is decoded when re-encoding it in a code page gives valid UTF-8 that is shorter,
    holds no control, private-use, IPA or historic character, and spells letters of one script
    (Chinese, Japanese and Korean count as one); and when the evidence is enough: two sequences
    in the word, one Latin-letter sequence inside a Latin word (``fГјr``), or UTF-8 punctuation
    (``‚Äú``). A word with a single sequence (``РІ`` for ``в``, ``В«`` for ``«``) is decoded too
    when another word of its line was decoded from the same code page on its own evidence, and
    its letters are of a script the line already writes in. ftfy decides per line, so it leaves
    mojibake next to correct text of the same script, or in a code page it is shy of.

    >>> redecode_words("дороге РґРѕСЂРѕРіРµ РІ, fГјr Sie")
    'дороге дороге в, für Sie'
    >>> redecode_words("Рівне, ВІДДІЛ, Сі")
    'Рівне, ВІДДІЛ, Сі'
    """
    if line.isascii():
        return line
    found: list[_Decoded] = []
    for match in _WORD_RE.finditer(line):
        if match.group().isascii():
            continue
        decoded = _redecode_word(line, match.start(), match.end(), pages)
        if not decoded and "\u00a0" in match.group():
            # The no-break space was the author's, not a byte of the mojibake: «\u00a0¬ª.
            for part in _NBSP_PARTS_RE.finditer(line, match.start(), match.end()):
                if not part.group().isascii():
                    decoded.extend(_redecode_word(line, part.start(), part.end(), pages))
        found.extend(decoded)
    strong: dict[str, set[str]] = {}
    for item in found:
        if item.sure:
            strong.setdefault(item.codec, set()).update(item.scripts)
    line_scripts = set(script_counts(line))
    pieces: list[str] = []
    pos = 0
    for item in found:
        # A word of one sequence needs a word decoded from the same page on its own evidence
        # in its line, and letters of a script that the line already writes in.
        if not item.sure and not (
            item.codec in strong and item.scripts <= strong[item.codec] | line_scripts
        ):
            continue
        pieces.append(line[pos : item.start])
        pieces.append(item.text)
        pos = item.end
    if not pieces:
        return line
    pieces.append(line[pos:])
    return "".join(pieces)


@dataclass(frozen=True, slots=True)
class _Decoded:
    """``line[start:end]`` decoded from ``codec``; ``sure`` when it is evidence on its own."""

    start: int
    end: int
    text: str
    codec: str
    sure: bool
    scripts: frozenset[str]


def _redecode_word(
    line: str, start: int, end: int, pages: tuple[_WordCodec, ...]
) -> list[_Decoded]:
    """Decodings of the word ``line[start:end]``, or of the parts of it that a code page can
    encode (Chinese or Japanese text has no spaces: ``市议会Â∏ÇËÆÆ`` is one "word")."""
    word = line[start:end]
    for page in pages:
        decoded = _redecode_run(word, page)
        if decoded is not None:
            return [_Decoded(start, end, decoded[0], page.codec, decoded[1], decoded[2])]
    word_scripts: Counter[str] | None = None
    for page in pages:
        found = []
        for run in page.runs_re.finditer(word):
            if run.end() - run.start() < len(word) and not run.group().isascii():
                decoded = _redecode_run(run.group(), page)
                if decoded is None:
                    continue
                # Inside a word, the decoded letters must be of the word's own script:
                # ``հանդÕ¥Õº`` is Armenian read as cp1252, not Greek read as Mac Roman.
                # The scripts of the rest of the word are the word's minus the run's (one
                # count of the word, so that a word of many runs stays linear).
                if word_scripts is None:
                    word_scripts = script_counts(word)
                rest = word_scripts - script_counts(run.group())
                if _same_scripts(decoded[2], rest):
                    found.append(
                        _Decoded(
                            start + run.start(),
                            start + run.end(),
                            decoded[0],
                            page.codec,
                            *decoded[1:],
                        )
                    )
        if found:
            return found
    return []


def _same_scripts(decoded: frozenset[str], rest: Counter[str]) -> bool:
    """Whether ``decoded`` scripts fit the scripts of the ``rest`` of the word, as letter
    counts (CJK scripts count as one)."""
    around = {name for name, count in rest.items() if count > 0}
    if not around or not decoded:
        return True
    if around & _CJK:
        around |= _CJK
    return decoded <= around


def _redecode_run(word: str, page: _WordCodec) -> tuple[str, bool, frozenset[str]] | None:
    """(decoded text, whether it alone is evidence enough, its scripts) if ``word`` is UTF-8
    read as the page and decodes to plausible text, else None."""
    if not page.latin_results and "\u00a0" in word:
        return None  # ``SELKÄ\u00a0EDELLÄ``: Finnish capitals before a no-break space
    try:
        raw = word.encode(page.codec)
        decoded = raw.decode("utf-8")
    except UnicodeError:
        return None
    if len(decoded) >= len(word) or _IMPLAUSIBLE_RE.search(decoded) or _orphan_mark(decoded):
        return None
    # The scripts of what the bytes became; ASCII letters around them (``Honda`` in
    # ``HondaбЉ•``, Amharic ``ን`` after a brand name) are the author's.
    scripts = frozenset(script_counts("".join(ch for ch in decoded if not ch.isascii())))
    if len(scripts) > 1 and not scripts <= _CJK:
        return None
    latin = scripts == {"Latin"}
    sequences = len(_UTF8_LEAD_RE.findall(raw))
    if latin and not page.latin_results and sequences < 2:
        return decoded, False, scripts  # ftfy's look-alikes: only with other evidence in the line
    sure = (
        (sequences >= 2 and bool(scripts))  # letters, not a string of symbols (``㆒``)
        or (latin and _ascii_letters(word) and any(ch in page.latin_leads for ch in word))
        or (page.latin_results and _PUNCTUATION_RE.search(raw) is not None)
    )
    return decoded, sure, scripts


def _ascii_letters(word: str) -> bool:
    return any(ch.isascii() and ch.isalpha() for ch in word)


def _orphan_mark(text: str) -> bool:
    """A combining mark with no letter (or mark) before it: a sign of a wrong decoding."""
    return any(
        unicodedata.category(ch).startswith("M")
        and (i == 0 or not (text[i - 1].isalpha() or unicodedata.category(text[i - 1])[0] == "M"))
        for i, ch in enumerate(text)
    )


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
    return "".join(kept)


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
    if old and all("\x80" <= ch <= "\x9f" for ch in old):
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
