"""Word-level re-decoding: mojibake words next to correct text of the same script, and in the
code pages ftfy is shy of (``fГјr``, ``caf√é``), decoded one word at a time."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass

import regex

from cleantext.filters.encoding._data import _chars, _class
from cleantext.segment import script_counts

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
            # One character is one byte: it cannot be a multi-byte sequence (skipping it keeps
            # a word of a million one-character runs cheap).
            if 2 <= run.end() - run.start() < len(word) and not run.group().isascii():
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
