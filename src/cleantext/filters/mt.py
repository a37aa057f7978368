"""Detectors for the side effects of machine translation: they flag, they never change text.

Meaning errors cannot be caught cheaply, but what MT leaves around them can: a bracket left from
a link (``taking a chance ]``), a lost sentence boundary (``mistakes In the past``), a decoding
loop, a sentence left in the source language, a homoglyph word, tokenizer spacing, a quote that is
never closed. Each detector here raises `Flag`s with a stable code ``mt.<name>``, a span in the
text it was given, a message and a confidence; the pipeline turns them into the document score
``Result.scores["mt"]`` (flags per 1,000 words, weighted by confidence).

Precision comes first: on clean, professionally translated news in 28 languages (NTREX-128) the
default detectors raise about one flag per 1,000 sentences (see ``docs/filters/mt.md``). Each
detector starts with a cheap test that rejects most clean text, and they share what they compute
about a document (script profile, language, sentences) through a `DocumentContext`.
"""

from __future__ import annotations

import bisect
import operator
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import ClassVar

import regex

from cleantext import langid
from cleantext.context import DocumentContext, Sentence
from cleantext.filters._mt_data import (
    ALWAYS_OPENING,
    CONJUNCTIONS,
    CYRILLIC_LOOKALIKES,
    DOUBLING_ERRORS,
    GREEK_LOOKALIKES,
    LATIN_LOOKALIKES,
    QUOTE_CLOSERS,
    REPEATED_ON_PURPOSE,
    SENTENCE_STARTERS,
    TITLE_INTRODUCERS,
    UNIT_PREFIXES,
)
from cleantext.model import Flag
from cleantext.segment import script_counts

FAMILY = "mt"

_PARAGRAPH_BREAK_RE = re.compile(r"\n[ \t]*\n")


def _line_at(text: str, pos: int) -> str:
    """The line of ``text`` that holds offset ``pos``."""
    end = text.find("\n", pos)
    return text[text.rfind("\n", 0, pos) + 1 : len(text) if end < 0 else end]


def _paragraph_starts(text: str) -> list[int]:
    """Offsets where paragraphs (runs of lines between blank lines) start, for `bisect`."""
    return [0, *(m.end() for m in _PARAGRAPH_BREAK_RE.finditer(text))]


# -- mt.unbalanced-bracket -------------------------------------------------------------------------

# bracket -> (family, opens); fullwidth forms pair with their ASCII partners (CJK text mixes them).
_BRACKETS: dict[str, tuple[str, bool]] = {
    "(": ("(", True), ")": ("(", False), "（": ("(", True), "）": ("(", False),
    "[": ("[", True), "]": ("[", False), "［": ("[", True), "］": ("[", False),
    "{": ("{", True), "}": ("{", False), "｛": ("{", True), "｝": ("{", False),
    "【": ("【", True), "】": ("【", False),
}  # fmt: skip
_BRACKET_RE = re.compile(r"[()\[\]{}（）［］｛｝【】]")
_OPENER_OF = {"(": "(", "[": "[", "{": "{", "【": "【"}
_NEWLINE_RE = re.compile("\n")
_ONLY_SPACES_RE = re.compile(r"[ \t]*")
# A closer that is not a bracket: list markers and footnote residue (``1)``, ``a)``, ``iv)``,
# ``2]``, ``1.)``) and smileys (``:)``, ``;-]``, ``=(``, ``8)``).
_NOT_A_CLOSER_RE = re.compile(
    r"(?:(?<!\d)\d{1,3}\.?|(?<![^\W\d_])(?:[A-Za-z]|[ivxIVX]{1,4})\.?|[:;=8][-'^o]?)\Z"
)
# An opener that is not a bracket: footnote residue (``[1``) and smileys (``:(``, ``):``-style).
_NOT_AN_OPENER_BEFORE_RE = re.compile(r"[:;=][-'^o]?\Z")
_NOT_AN_OPENER_AFTER_RE = re.compile(r"\d{1,3}(?!\d)|[-'^o]?[:;=](?!\w)")
# A half-open interval: ``[0, 1)``, ``(0, 5]``.
_INTERVAL_RE = re.compile(r"[\[(]\s*[-+]?[\d.]+\s*[,;]\s*[-+]?[\d.∞]+\s*[\])]")


@dataclass(frozen=True, slots=True)
class UnbalancedBracket:
    """Flag a bracket or parenthesis without its partner: ``taking a chance ]``.

    MT systems and scrapers leave half of a link or citation behind. Pairs are matched per kind
    (fullwidth brackets pair with ASCII ones) within a paragraph; an opener left open at the end of
    a paragraph may still be closed at the start of the next one (a parenthesis across a blank
    line). Leaves alone: balanced citations (``[ Engadget ]``), list markers and footnote residue
    (``1)``, ``a)``, ``iv)``, ``2]``, ``[1``), smileys (``:)``, ``:-(``) and half-open intervals
    (``[0, 1)``).

    >>> text = "taking a chance ]\\n\\n[ Engadget ]"
    >>> [(f.code, f.start) for f in UnbalancedBracket().flags(text)]
    [('mt.unbalanced-bracket', 16)]
    """

    name: ClassVar[str] = "unbalanced-bracket"
    family: ClassVar[str] = FAMILY

    def flags(self, text: str) -> Iterator[Flag]:
        return self.flags_in(DocumentContext(text))

    def flags_in(self, doc: DocumentContext) -> Iterator[Flag]:
        text = doc.text
        found = [(m.start(), m.group()) for m in _BRACKET_RE.finditer(text)]
        if not found:
            return
        starts = _paragraph_starts(text)
        # family -> open brackets as (position, paragraph index)
        stacks: dict[str, list[tuple[int, int]]] = {}
        unmatched: list[int] = []
        last_paragraph = 0
        for pos, char in found:
            paragraph = bisect.bisect_right(starts, pos) - 1
            if paragraph != last_paragraph:
                # Openers from before the previous paragraph can no longer be closed.
                for stack in stacks.values():
                    while stack and stack[0][1] < paragraph - 1:
                        unmatched.append(stack.pop(0)[0])
                last_paragraph = paragraph
            family, opens = _BRACKETS[char]
            stack = stacks.setdefault(family, [])
            if opens:
                stack.append((pos, paragraph))
            elif stack:
                stack.pop()
            else:
                unmatched.append(pos)
        for stack in stacks.values():
            unmatched.extend(pos for pos, _ in stack)
        if not unmatched:
            return
        intervals = {i for m in _INTERVAL_RE.finditer(text) for i in (m.start(), m.end() - 1)}
        newlines = [m.start() for m in _NEWLINE_RE.finditer(text)]
        for pos in sorted(unmatched):
            char = text[pos]
            opens = _BRACKETS[char][1]
            if pos in intervals:
                continue
            line = bisect.bisect_left(newlines, pos)
            line_start = newlines[line - 1] + 1 if line else 0
            line_end = newlines[line] if line < len(newlines) else len(text)
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
            yield Flag(pos, pos + 1, "mt.unbalanced-bracket", message, 0.9 if lone else 0.7)


# -- mt.missing-sentence-boundary ------------------------------------------------------------------

_ALL_STARTERS = sorted({w for words in SENTENCE_STARTERS.values() for w in words}, key=len)
_STARTER_SET = frozenset(_ALL_STARTERS)
# A capitalized word between spaces, followed by a lowercase letter. A literal space first makes
# the scan a fast search; membership and the lowercase letter before are checked on the matches.
_BOUNDARY_RE = re.compile(r" ([A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ'’]*) (?=[a-zß-öø-ÿ])")
_LOWER_WORD_RE = regex.compile(r"\p{Ll}+(?:['’-]\p{Ll}+)*")


@dataclass(frozen=True, slots=True)
class MissingSentenceBoundary:
    """Flag a capitalized function word right after a lowercase word: ``mistakes In the past``.

    When MT or a scraper loses a full stop, the next sentence's first word keeps its capital in
    the middle of a line. Only function words that start sentences and are lowercase inside one
    count (lists for en, fr, de, es, pt, it, nl, chosen by the document's language), and only when
    a lowercase word follows them. Leaves alone: names and titles (``the White House``, ``in New
    York``, ``Lord of The Rings``: the word after the capital is capitalized too), headlines in
    title case, German nouns (never in the lists), one-letter words (``vitamin A``, ``I``),
    ``His`` (God's, in religious text), a title after ``called``, ``film``, ``the word`` …,
    anything across a line break, and languages without a list.

    >>> [f.code for f in MissingSentenceBoundary().flags("We've all made mistakes In the past.")]
    ['mt.missing-sentence-boundary']
    >>> list(MissingSentenceBoundary().flags("He met the band The Who in the White House."))
    []
    """

    name: ClassVar[str] = "missing-sentence-boundary"
    family: ClassVar[str] = FAMILY

    def flags(self, text: str) -> Iterator[Flag]:
        return self.flags_in(DocumentContext(text))

    def flags_in(self, doc: DocumentContext) -> Iterator[Flag]:
        text = doc.text
        candidates = [
            m
            for m in _BOUNDARY_RE.finditer(text)
            if m.group(1) in _STARTER_SET and text[m.start() - 1 : m.start()].islower()
        ]
        if not candidates:
            return
        language = doc.language
        if language is None or language[0] not in SENTENCE_STARTERS:
            return
        starters = SENTENCE_STARTERS[language[0]]
        introducers = TITLE_INTRODUCERS[language[0]]
        title_lines: dict[int, bool] = {}  # line start -> the line is in title case
        for match in candidates:
            word = match.group(1)
            if word not in starters:
                continue
            space = match.start()
            word_start = space
            while word_start > 0 and not text[word_start - 1].isspace():
                word_start -= 1  # (back to the last whitespace: each character is seen once)
            previous = text[word_start:space]
            if not _LOWER_WORD_RE.fullmatch(previous) or previous in introducers:
                continue
            line_start = text.rfind("\n", 0, space) + 1
            if line_start not in title_lines:
                title_lines[line_start] = _title_like(_line_at(text, space))
            if title_lines[line_start]:
                continue  # a headline in title case: ``… DNA and Why is a War Against our DNA?``
            yield Flag(
                word_start,
                match.end(1),
                "mt.missing-sentence-boundary",
                f"{word!r} after {previous!r}: a sentence boundary seems lost",
                0.8,
            )


# -- mt.repetition ---------------------------------------------------------------------------------

_TOKEN_RE = re.compile(r"\S+")
_BREAK_RE = re.compile(r"[\n\t]")
# Loops in scripts written without spaces. Han and kana: a unit of 2+ characters (the copy
# count decides below). Thai, Lao, Khmer, Myanmar: 6+ code points starting and ending on a base
# letter, because their vowels and tone marks are separate code points and short units repeat
# inside ordinary words (``ซีเอ็นเอ็น``, CNN).
_CJK_CHARS = (
    "\u3005-\u3007\u3041-\u30ff\u31f0-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
    "\U00020000-\U0002fa1f"
)
_CJK_LOOP_RE = re.compile(rf"([{_CJK_CHARS}]{{2,20}}?)\1+")
_SEA_LOOP_RE = re.compile("([\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff]{6,30}?)\\1+")
_MAX_UNIT = 8
# A doubled token this long is a loop whatever it is: a clause of Chinese or Japanese (no spaces
# inside), or a long word. Shorter doubles are often reduplication: Hindi ``धीरे धीरे``, Turkish
# ``yavaş yavaş``, Swahili ``haraka haraka``, Indonesian ``anak anak``.
_LONG_TOKEN = 12
_SEA_CHAR_RE = re.compile("[\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff]")


def _is_word(token: str) -> bool:
    return token.strip(".,;:!?\"'“”‘’«»()[]").isalpha()


def _period(units: list[str]) -> int:
    """The smallest p with ``units[i] == units[i - p]`` throughout (the last copy may be cut)."""
    size = len(units)
    for p in range(1, size + 1):
        if all(units[i] == units[i - p] for i in range(p, size)):
            return p
    return size


def _is_mark(char: str) -> bool:
    return bool(char) and unicodedata.category(char)[0] == "M"


def _is_primitive(unit: str) -> bool:
    """Whether ``unit`` is not a shorter block repeated whole (``哈哈``, ``abab``)."""
    size = len(unit)
    return not any(size % p == 0 and unit[:p] * (size // p) == unit for p in range(1, size))


@dataclass(frozen=True, slots=True)
class Repetition:
    """Flag a decoding loop (an n-gram repeated back to back) and doubled function words.

    Neural MT sometimes loops: ``the economy is growing and the economy is growing and …``.
    Flags, within one line and with only spaces between the copies: a unit of 3 to 8 words
    repeated (2 copies), of 2 words (3 copies), a word 3 times or more, a doubled function word
    (``the the``, ``und und``) and a doubled token of 12+ characters; in scripts written without
    spaces, a unit of 4+ characters repeated (2 copies) or of 2-3 characters (3 copies), and in
    Thai, Lao, Khmer and Myanmar of 6+ code points (their vowels are separate code points).
    Leaves alone: legitimate doubles (``that that``, ``had had``, German and Dutch ``die die``),
    reduplication (Hindi ``धीरे धीरे``, Turkish ``yavaş yavaş``, CJK ``看看``, ``研究研究``),
    emphasis (``very very``, ``bye bye``), rhetoric (``take and take and take``: a unit of up to
    three words with a conjunction), laughter and chants (``ha ha ha``, ``Lock her up! Lock her
    up!``, ``pump it out, pump it out``: copies set apart by ``! ? , ; :``), punctuated lists
    (``holy, holy, holy``), numbers, and capitalized doubles (``Bora Bora``).

    >>> text = "and the economy is growing and the economy is growing"
    >>> [f.code for f in Repetition().flags(text)]
    ['mt.repetition']
    """

    name: ClassVar[str] = "repetition"
    family: ClassVar[str] = FAMILY

    def flags(self, text: str) -> Iterator[Flag]:
        return self.flags_in(DocumentContext(text))

    def flags_in(self, doc: DocumentContext) -> Iterator[Flag]:
        text = doc.text
        yield from self._word_loops(text)
        if not text.isascii():
            scripts = doc.scripts
            if scripts["Han"] or scripts["Hiragana"] or scripts["Katakana"]:
                yield from self._character_loops(text, _CJK_LOOP_RE, 4)
            if scripts["Thai"] or scripts["Lao"] or scripts["Khmer"] or scripts["Myanmar"]:
                yield from self._character_loops(text, _SEA_LOOP_RE, 6)

    def _word_loops(self, text: str) -> Iterator[Flag]:
        tokens = text.split()
        size = len(tokens)
        if size < 2:
            return
        spans: list[tuple[int, int]] | None = None
        covered = bytearray(size)  # 1 for tokens already inside a flagged repeat
        for unit in range(1, min(_MAX_UNIT, size // 2) + 1):
            # same[i] is 1 when token i equals token i + unit: a run of n ones is a repeat.
            same = bytes(map(operator.eq, tokens, tokens[unit:]))
            need = 1 if unit == 1 else (2 * unit if unit == 2 else unit)
            pattern = b"\x01" * need
            pos = same.find(pattern)
            while pos >= 0:
                end = pos + need
                while end < len(same) and same[end]:
                    end += 1
                first, last = pos, end + unit  # the repeated region, tokens [first, last)
                pos = same.find(pattern, end)
                if covered.find(1, first, last) >= 0:
                    continue
                if _period(tokens[first:last]) < unit:
                    continue  # a shorter unit repeated: seen (or rejected) with that unit
                if spans is None:
                    spans = [m.span() for m in _TOKEN_RE.finditer(text)]
                if _BREAK_RE.search(text, spans[first][0], spans[last - 1][1]):
                    # Copies must share a line: keep the part on the line where the loop starts.
                    cut = first + 1
                    while cut < last and not _BREAK_RE.search(
                        text, spans[cut - 1][1], spans[cut][0]
                    ):
                        cut += 1
                    last = cut
                region = tokens[first:last]
                copies = len(region) / unit
                if copies < (3 if unit == 2 else 2) or not self._is_loop(region[:unit], copies):
                    continue
                start, stop = spans[first][0], spans[last - 1][1]
                covered[first:last] = b"\x01" * (last - first)
                shown = " ".join(region[:unit])
                if unit == 1 and copies == 2:
                    message = f"doubled word {shown!r}"
                    confidence = 0.9
                else:
                    message = f"{shown!r} repeated {int(copies)} times"
                    confidence = 0.8
                yield Flag(start, stop, "mt.repetition", message, confidence)

    @staticmethod
    def _is_loop(unit: list[str], copies: float) -> bool:
        if len(unit) == 1:
            word = unit[0]
            if (
                len(word) >= _LONG_TOKEN
                and any(ch.isalpha() for ch in word)
                and not _SEA_CHAR_RE.search(word)
            ):
                # A clause of Chinese or Japanese, or a long word. Not Thai and its neighbours:
                # their spaces separate phrases, and phrases repeat in lyrics and chants.
                return True
            if not word.isalpha():
                return False
            lower = word.lower()
            if copies < 3:
                return word == lower and lower in DOUBLING_ERRORS
            return lower not in REPEATED_ON_PURPOSE
        if any(token[-1] in "!?,;:" for token in unit):
            # Chants, lyrics and rhetoric (``Lock her up! Lock her up!``, ``pump it out, pump it
            # out``): copies set apart by punctuation are repeated on purpose.
            return False
        words = [t for t in unit if _is_word(t)]
        if len(words) < min(2, len(unit)):
            return False
        lowered = [w.strip(".,;:").lower() for w in words]
        if len(lowered) <= 3 and any(w in CONJUNCTIONS for w in lowered):
            return False  # ``take and take and take``: rhetoric
        return not all(w in REPEATED_ON_PURPOSE for w in lowered)

    @staticmethod
    def _character_loops(
        text: str, pattern: re.Pattern[str] | regex.Pattern[str], shortest: int
    ) -> Iterator[Flag]:
        for match in pattern.finditer(text):
            unit = match.group(1)
            if not _is_primitive(unit):
                continue  # 哈哈哈哈: a shorter unit repeated
            if _is_mark(unit[0]) or _is_mark(text[match.end() : match.end() + 1]):
                continue  # a unit must run from a base letter to a base letter
            copies = (match.end() - match.start()) // len(unit)
            if copies < (2 if len(unit) >= shortest else 3):
                continue
            yield Flag(
                match.start(),
                match.end(),
                "mt.repetition",
                f"{unit!r} repeated {copies} times",
                0.8,
            )


# -- mt.untranslated -------------------------------------------------------------------------------

_CJK = frozenset(("Han", "Hiragana", "Katakana"))
_NO_SPACE_GROUPS = frozenset(("CJK", "Thai", "Lao", "Khmer", "Myanmar"))
_QUOTED_RE = re.compile(r'"[^"\n]*"|“[^”\n]*”|„[^“”\n]*[“”]|«[^»\n]*»|「[^」\n]*」|『[^』\n]*』')
_QUOTES_IN = re.compile('["“„«「『]').search
# A same-script candidate needs this many function words of other languages and few of its own.
_MIN_FOREIGN = 3
_SENTENCE_WORDS = 60  # a long sentence, in words
_LETTERS_RE = regex.compile(r"[\p{L}\p{M}]+")
_CJK_CHAR_RE = re.compile(f"[{_CJK_CHARS}]")
_KANA_RE = re.compile("[\u3041-\u309f\u30a1-\u30fa\u31f0-\u31ff\uff66-\uff9d]")


def _unquoted(text: str) -> str:
    """``text`` without its quoted parts: quoted titles and citations (``autora de "Just the
    Funny Parts: And a Few Hard Truths"``) are in another language on purpose."""
    return _QUOTED_RE.sub(" ", text) if _QUOTES_IN(text) else text


def _title_like(text: str) -> bool:
    """Whether most longer words are capitalized: a name or a title (``Citizens for Responsibility
    and Ethics in Washington``, ``AI Superpowers: China, Silicon Valley and the New World Order``),
    not a sentence. German prose, nouns capitalized, stays under the bar (0.4 to 0.65)."""
    long_words = [w for w in _LETTERS_RE.findall(text) if len(w) >= 4]
    if len(long_words) < 3:
        return False
    capitalized = sum(1 for w in long_words if w[0].isupper())
    return capitalized >= 0.75 * len(long_words)


def _group(script: str) -> str:
    return "CJK" if script in _CJK else script


def _grouped(counts: dict[str, int]) -> dict[str, int]:
    grouped: dict[str, int] = {}
    for script, count in counts.items():
        key = _group(script)
        grouped[key] = grouped.get(key, 0) + count
    return grouped


@lru_cache(maxsize=64)
def _segment_re(script: str) -> regex.Pattern[str]:
    """A stretch of one script: its letters with marks, spaces, digits and punctuation between."""
    letters = r"\p{Han}\p{Hiragana}\p{Katakana}" if script == "CJK" else rf"\p{{Script={script}}}"
    return regex.compile(rf"[{letters}](?:[{letters}\p{{M}}]|[^\p{{L}}\n])*")


@dataclass(frozen=True, slots=True)
class Untranslated:
    """Flag text in another language than the document: a segment MT left untranslated.

    Runs only when the document's language is clear (confidence at least
    ``min_document_confidence``). Cheap signals pick the candidates: (1) another script than the
    document's — a sentence mostly in it, or a stretch of it (its letters with the spaces, digits
    and punctuation between them) of at least ``min_chars`` characters; (2) in Chinese or
    Japanese, a sentence without kana in a Japanese document or with kana in a Chinese one; (3) a
    sentence of the document's script with 3+ function words of other languages and fewer of its
    own (see `cleantext.langid`). Candidates must hold 6+ words where words are
    spaced and be under half of the document. A script that belongs to one language (Thai,
    Hangul, Ethiopic…) names the language; otherwise langdetect (seeded, cached) must name another
    language with probability at least ``min_probability``, and Latin text or text of the
    document's script must show at least ``min_function_words`` function words of that language
    when it has a list.
    Leaves alone: names and titles (most longer words capitalized: ``Citizens for Responsibility
    and Ethics in Washington``, ``Elite League: Dundee Stars 5-3 Belfast Giants``), quoted titles
    and citations in the document's script (only the text outside quotes is judged there), short
    quotes and slogans, bilingual
    documents (no clear language), and languages of the document's script without function-word
    lists (recall, not precision, pays for that).

    >>> doc = ("The council approved the new budget on Tuesday evening after a long debate. "
    ...        "Officials said that the bridge would reopen next year after the repairs. "
    ...        "Le conseil municipal a approuvé le nouveau budget mardi soir après un long débat. "
    ...        "The mayor said that she was very pleased with the result of the vote.")
    >>> [(f.code, doc[f.start:f.start + 10]) for f in Untranslated().flags(doc)]
    [('mt.untranslated', 'Le conseil')]
    """

    name: ClassVar[str] = "untranslated"
    family: ClassVar[str] = FAMILY

    min_chars: int = 40
    min_probability: float = 0.9
    min_document_confidence: float = 0.8
    min_function_words: int = 2

    def flags(self, text: str) -> Iterator[Flag]:
        return self.flags_in(DocumentContext(text))

    def flags_in(self, doc: DocumentContext) -> Iterator[Flag]:
        text = doc.text
        if len(text) < 2 * self.min_chars:
            return
        script = doc.script
        if script is None:
            return
        language = doc.language
        if language is None or language[1] < self.min_document_confidence:
            return
        doc_language, doc_group = language[0], _group(script)
        limit = len(text) / 2
        flagged: list[tuple[int, int]] = []
        for start, end, found in self._candidates(doc, doc_group, script, doc_language):
            if end - start > limit or any(a < end and start < b for a, b in flagged):
                continue
            if found is not None:
                flagged.append((start, end))
                yield Flag(
                    start,
                    end,
                    "mt.untranslated",
                    f"text in {found[0]!r} in a {doc_language!r} document",
                    round(0.9 * found[1], 3),
                )

    def _candidates(
        self, doc: DocumentContext, doc_group: str, script: str, doc_language: str
    ) -> Iterator[tuple[int, int, tuple[str, float] | None]]:
        """``(start, end, verdict)`` for each span worth judging (a verdict is None when the
        span is not in another language after all). Verdicts are computed lazily, one by one."""
        text = doc.text
        min_letters = 0.6 * self.min_chars
        # 1. Another script: sentences mostly written in it, then long stretches of it that no
        # sentence boundary separates from the document's text (Thai has no full stops).
        for group, count in _grouped(doc.scripts).items():
            if group == doc_group or count < min_letters:
                continue
            stretches = [
                (m.start(), m.start() + len(m.group().rstrip()))
                for m in _segment_re(group).finditer(text)
            ]
            for sentence in doc.sentences:
                inside = sum(
                    min(b, sentence.end) - max(a, sentence.start)
                    for a, b in stretches
                    if a < sentence.end and sentence.start < b
                )
                if inside >= min_letters:
                    verdict = self._other_script(sentence.text, group, doc_language)
                    yield sentence.start, sentence.end, verdict
            for start, end in stretches:
                if end - start >= self.min_chars:
                    yield start, end, self._other_script(text[start:end], group, doc_language)
        # 2. Chinese in a Japanese document or Japanese in a Chinese one: same script group,
        # told apart by kana.
        if doc_group == "CJK" and doc_language in ("ja", "zh"):
            for sentence in doc.sentences:
                if sentence.end - sentence.start >= self.min_chars:
                    verdict = self._other_cjk(sentence.text, doc_language)
                    if verdict is not None:
                        yield sentence.start, sentence.end, verdict
        # 3. The same script: sentences with function words of other languages of the
        # document's script and few of its own language.
        for sentence in self._function_word_candidates(doc, script, doc_language):
            verdict = self._same_script(_unquoted(sentence.text), script, doc_language)
            yield sentence.start, sentence.end, verdict

    def _confirmed(
        self, text: str, doc_language: str, function_words: bool = True
    ) -> tuple[str, float] | None:
        """langdetect's verdict when it names another language, surely.

        With ``function_words``, a language with a function-word list must also show
        ``min_function_words`` of them: langdetect is sure of too much on Latin names and glosses
        (``(Louisiana State Police fugitive task force)`` in a Thai document).
        """
        if _title_like(text):
            return None
        detected = langid.detect(text, doc_language)
        if detected is None or detected[1] < self.min_probability:
            return None
        if (
            function_words
            and detected[0] in langid.LANGUAGE_SCRIPT
            and langid.listed_words(langid.words(text), detected[0]) < self.min_function_words
        ):
            return None
        return detected

    def _other_script(self, span: str, group: str, doc_language: str) -> tuple[str, float] | None:
        counts = _grouped(script_counts(span))
        letters = sum(counts.values())
        if counts.get(group, 0) < max(0.7 * letters, 0.6 * self.min_chars):
            return None
        if group not in _NO_SPACE_GROUPS and len(span.split()) < 6:
            return None
        by_script = langid.script_language(span)
        if by_script is not None:
            # Thai, Hangul, Ethiopic…: the script names the language; Han without kana is
            # Chinese (langdetect splits such text between Chinese and Korean).
            return None if by_script == doc_language else (by_script, 1.0)
        # Names, brands and glosses in other-script text are Latin: only Latin text must show
        # function words (Arabic and others attach theirs to the next word anyway).
        return self._confirmed(span, doc_language, function_words=group == "Latin")

    def _other_cjk(self, sentence: str, doc_language: str) -> tuple[str, float] | None:
        cjk = len(_CJK_CHAR_RE.findall(sentence))
        if cjk < 0.6 * self.min_chars:
            return None
        kana = len(_KANA_RE.findall(sentence))
        if (doc_language == "ja" and kana) or (doc_language == "zh" and kana < 0.1 * cjk):
            return None
        return self._confirmed(sentence, doc_language)

    @staticmethod
    def _function_word_candidates(
        doc: DocumentContext, script: str, language: str
    ) -> Iterator[Sentence]:
        """Sentences with 3+ function words of other languages and few of their own."""
        if script not in langid.FUNCTION_WORDS:
            return
        # Cheap reject on the whole document, at C speed: no three foreign function words
        # within a sentence's length of each other (names like "de la" or "van" are spread out).
        foreign_words = langid.foreign_and_own(script, language)[0]
        marks = bytes(map(foreign_words.__contains__, doc.words))
        positions: list[int] = []
        pos = marks.find(1)
        while pos >= 0:
            positions.append(pos)
            pos = marks.find(1, pos + 1)
        if not any(
            positions[i + _MIN_FOREIGN - 1] - positions[i] < _SENTENCE_WORDS
            for i in range(len(positions) - _MIN_FOREIGN + 1)
        ):
            return
        for sentence in doc.sentences:
            foreign, own = langid.function_words(langid.words(sentence.text), script, language)
            if foreign >= _MIN_FOREIGN and foreign > own:
                yield sentence

    def _same_script(
        self, sentence: str, script: str, doc_language: str
    ) -> tuple[str, float] | None:
        if len(sentence.strip()) < self.min_chars:
            return None
        tokens = langid.words(sentence)
        if len(tokens) < 6:
            return None
        foreign, own = langid.function_words(tokens, script, doc_language)
        if foreign < _MIN_FOREIGN or foreign <= own:
            return None  # (again: quoted titles may have been taken out)
        return self._confirmed(sentence, doc_language)


# -- mt.mixed-script-word --------------------------------------------------------------------------

# Runs of one alphabet's letters, by code-point blocks (a fast scan); a word mixing alphabets
# shows as a run with a letter right before or after it. `_judge` then counts the word's letters
# by their real script.
_ALPHABET_RUN_RE = {
    "Latin": re.compile("[A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\u1e00-\u1eff]+"),
    "Cyrillic": re.compile("[\u0400-\u0481\u048a-\u052f]+"),
    "Greek": re.compile("[\u0386\u0388-\u03ff\u1f00-\u1ffc]+"),
}
_LETTER_SCRIPT_RE = regex.compile(r"(\p{Latin})|(\p{Cyrillic})|(\p{Greek})")
_SCRIPT_NAMES = ("Latin", "Cyrillic", "Greek")
_LOOKALIKES = {
    "Latin": frozenset(LATIN_LOOKALIKES),
    "Cyrillic": frozenset(CYRILLIC_LOOKALIKES),
    "Greek": frozenset(GREEK_LOOKALIKES),
}


def _word_around(text: str, start: int, end: int) -> tuple[int, int]:
    def inside(ch: str) -> bool:
        return ch.isalpha() or unicodedata.category(ch).startswith("M")

    while start > 0 and inside(text[start - 1]):
        start -= 1
    while end < len(text) and inside(text[end]):
        end += 1
    return start, end


@dataclass(frozen=True, slots=True)
class MixedScriptWord:
    """Flag a word mixing Latin with Cyrillic or Greek letters: ``Nаval`` with a Cyrillic ``а``.

    Homoglyph swaps (spam that dodges filters, OCR, a keyboard layout switched mid-word) leave words
    that look right and match nothing. Confidence is high when the minority letters are
    look-alikes of the majority script, lower otherwise. Leaves alone: words of fewer than 3
    letters (``Δx``), units (``μm``, ``μmol``, ``kΩ``), gene and protein names with a Greek letter
    at an edge of an uppercase Latin name (``TNFα``, ``IFNγ``), the micro sign ``µ`` (a Common
    character, not Greek), and words joined by a hyphen or apostrophe (``β-blocker``).

    >>> [(f.code, f.start, f.end) for f in MixedScriptWord().flags("The Nаval base, 5 μm wide.")]
    [('mt.mixed-script-word', 4, 9)]
    """

    name: ClassVar[str] = "mixed-script-word"
    family: ClassVar[str] = FAMILY

    def flags(self, text: str) -> Iterator[Flag]:
        return self.flags_in(DocumentContext(text))

    def flags_in(self, doc: DocumentContext) -> Iterator[Flag]:
        text = doc.text
        if text.isascii():
            return
        scripts = doc.scripts
        present = sorted((s for s in _SCRIPT_NAMES if scripts[s]), key=lambda s: scripts[s])
        if len(present) < 2:
            return  # one alphabet only: no word can mix two
        # Runs of the rarer alphabets (a few names in a Russian text) touching another letter.
        words: set[tuple[int, int]] = set()
        for script in present[:-1]:
            done = -1
            for match in _ALPHABET_RUN_RE[script].finditer(text):
                start, end = match.span()
                if start < done:
                    continue  # inside the word found last
                if text[start - 1 : start].isalpha() or text[end : end + 1].isalpha():
                    word = _word_around(text, start, end)
                    words.add(word)
                    done = word[1]
        for start, end in sorted(words):
            flag = self._judge(text, start, end)
            if flag is not None:
                yield flag

    @staticmethod
    def _judge(text: str, start: int, end: int) -> Flag | None:
        word = text[start:end]
        letters: dict[str, list[str]] = {name: [] for name in _SCRIPT_NAMES}
        for match in _LETTER_SCRIPT_RE.finditer(word):
            letters[_SCRIPT_NAMES[(match.lastindex or 1) - 1]].append(match.group())
        total = sum(len(v) for v in letters.values())
        if total < 3:
            return None
        ranked = sorted(_SCRIPT_NAMES, key=lambda s: len(letters[s]), reverse=True)
        major, minor = ranked[0], [s for s in ranked[1:] if letters[s]]
        if not minor:
            return None  # one alphabet next to letters of another script (``منصةSolid``)
        if major == "Latin" and minor == ["Greek"]:
            greek, latin = letters["Greek"], "".join(letters["Latin"])
            if all(ch in UNIT_PREFIXES for ch in greek) and len(latin) <= 3:
                return None  # μm, μmol, kΩ
            if (
                len(greek) == 1
                and greek[0].islower()
                and greek[0] in (word[0], word[-1])
                and latin.isupper()
            ):
                return None  # TNFα, IFNγ (a capital Greek letter there is a homoglyph: KSWΒ)
        odd = [ch for script in minor for ch in letters[script]]
        lookalike = all(ch in _LOOKALIKES[script] for script in minor for ch in letters[script])
        names = ", ".join(
            f"{ch!r} ({unicodedata.name(ch, f'U+{ord(ch):04X}')})" for ch in dict.fromkeys(odd)
        )
        return Flag(
            start,
            end,
            "mt.mixed-script-word",
            f"{major} word {word[:40]!r} contains {'/'.join(minor)} letters: {names[:200]}",
            0.9 if lookalike else 0.6,
        )


# -- mt.tokenizer-spacing --------------------------------------------------------------------------


def _ends_token(char: str) -> bool:
    """A word, or a closing bracket or quote, can stand before a tokenizer's space."""
    return char.isalnum() or char in _TOKEN_ENDS


_TOKEN_ENDS = frozenset("_)]\"'”’»")


# A space before , . ) ] or after ( [ as a tokenizer leaves it. Not before ``...``, ``.NET``,
# ``.5`` or ``,5`` (the (?![.\w]) part), and never before : ; ! ? (French typography).
_SPACING_RE = re.compile(r" (?:[,.](?![.\w])|[)\]])|[(\[] (?=\w)")
# ``[ Engadget ]``: a citation spaced on both sides is a house style, not a tokenizer.
_SPACED_CITATION_RE = re.compile(r"\[ [^\[\]\n]{1,80} \]")


@dataclass(frozen=True, slots=True)
class TokenizerSpacing:
    """Flag tokenizer spacing: a space before ``, . ) ]`` or after ``( [``, several in one line.

    MT pipelines that forget to detokenize leave ``the result , he said .`` and ``( AFP )``. One
    space before a full stop is a common typo in clean text (NTREX-128 has dozens), so a line is
    flagged only when it shows the pattern at least ``min_per_line`` times; each occurrence gets
    its own flag. Leaves alone: French spacing before ``: ; ! ?`` (correct there), ellipses
    (``wait ... what``), ``.NET``, decimals (``.5``, ``,5``), spaced citations (``[ Engadget ]``).

    >>> [(f.start, f.end) for f in TokenizerSpacing().flags("Prices rose , he said .")]
    [(11, 13), (21, 23)]
    """

    name: ClassVar[str] = "tokenizer-spacing"
    family: ClassVar[str] = FAMILY

    min_per_line: int = 2

    def flags(self, text: str) -> Iterator[Flag]:
        return self.flags_in(DocumentContext(text))

    def flags_in(self, doc: DocumentContext) -> Iterator[Flag]:
        text = doc.text
        matches = [
            m
            for m in _SPACING_RE.finditer(text)
            if m.group()[0] != " " or _ends_token(text[m.start() - 1 : m.start()])
        ]
        if len(matches) < self.min_per_line:
            return
        citations = [m.span() for m in _SPACED_CITATION_RE.finditer(text)] if "[ " in text else []
        newlines = [m.start() for m in _NEWLINE_RE.finditer(text)]
        by_line: dict[int, list[re.Match[str]]] = {}
        for match in matches:
            if any(a <= match.start() < b for a, b in citations):
                continue
            by_line.setdefault(bisect.bisect_left(newlines, match.start()), []).append(match)
        for group in by_line.values():
            if len(group) < self.min_per_line:
                continue
            for match in group:
                shown = match.group().strip()
                where = "before" if match.group().startswith(" ") else "after"
                yield Flag(
                    match.start(),
                    match.end(),
                    "mt.tokenizer-spacing",
                    f"space {where} {shown!r}, as a tokenizer leaves it",
                    0.5,
                )


# -- mt.unpaired-quote -----------------------------------------------------------------------------

_QUOTE_RE = re.compile('["“”„«»‘’‚‹›「」『』《》]')
_ONLY_WHITESPACE_RE = re.compile(r"\s*")


def _quote_position(text: str, pos: int) -> tuple[bool, bool]:
    """Whether the quote at ``pos`` stands where an opening and where a closing quote stands.

    Opening: after whitespace, the start, an opening bracket, a dash or another quote, and
    before a letter, digit or quote. Closing: after a non-space, and before whitespace, the end
    or punctuation (of any script: ``"…"،`` in Arabic, ``"…"。`` in CJK text).
    """
    before = text[pos - 1] if pos > 0 else "\n"
    after = text[pos + 1] if pos + 1 < len(text) else "\n"
    before_cat = unicodedata.category(before)
    after_cat = unicodedata.category(after)
    opening = (
        before.isspace() or before_cat in ("Ps", "Pi", "Pd") or before in QUOTE_CLOSERS
    ) and (after_cat[0] in "LNM" or after in QUOTE_CLOSERS or after_cat == "Ps")
    closing = pos > 0 and not before.isspace() and (after.isspace() or after_cat[0] in "PS")
    return opening, closing


@dataclass(frozen=True, slots=True)
class UnpairedQuote:
    """Flag an opening quotation mark that nothing closes. Not in the default pipeline.

    MT and scrapers drop closing quotes. Quotes pair by convention (“…”, „…“, „…”, ”…”, «…», »…«,
    ‘…’, 「…」, 『…』, 《…》; straight and curly double quotes close each other, and a straight
    ``"`` opens or closes by its position). Pairing runs over the whole document, nesting allowed,
    because quotations run over sentences and paragraphs; an opening quote at the start of a
    paragraph continues the quotation left open before it (news style: a quotation over several
    paragraphs reopens each one and closes once). Leaves alone: apostrophes (``it's``, ``’90s``,
    ``‘90s``), straight single quotes (apostrophes too often), inch marks (``12"``), Hebrew
    gershayim (``צה"ל``), and closing quotes without an opener.

    Opt-in because clean text is full of them: professionally translated news (NTREX-128) has
    about 7 unclosed quotes per 1,000 sentences, mostly quotations whose translator dropped the
    closing mark, and its English source about 2 (see ``docs/filters/mt.md``).

    >>> [f.start for f in UnpairedQuote().flags('He said “we will win. Then he left.')]
    [8]
    >>> list(UnpairedQuote().flags('“We will win.\\n\\n“We always do,” he said.'))
    []
    """

    name: ClassVar[str] = "unpaired-quote"
    family: ClassVar[str] = FAMILY

    def flags(self, text: str) -> Iterator[Flag]:
        return self.flags_in(DocumentContext(text))

    def flags_in(self, doc: DocumentContext) -> Iterator[Flag]:
        text = doc.text
        found = list(_QUOTE_RE.finditer(text))
        if not found:
            return
        starts = _paragraph_starts(text)
        stack: list[tuple[int, str, int]] = []  # (position, quote, paragraph)
        for match in found:
            pos, char = match.start(), match.group()
            opening, closing = _quote_position(text, pos)
            if not opening or closing:
                # A closing quote closes the innermost quotation it can close.
                for index in range(len(stack) - 1, -1, -1):
                    if char in QUOTE_CLOSERS[stack[index][1]]:
                        del stack[index]
                        break
                else:
                    if char in ALWAYS_OPENING:
                        stack.append((pos, char, bisect.bisect_right(starts, pos) - 1))
                continue
            if char not in QUOTE_CLOSERS or (
                char in "‘‚‹›" and not text[pos + 1 : pos + 2].isalpha()
            ):
                continue  # a closing-only mark, or ‘90s (an apostrophe the wrong way round)
            paragraph = bisect.bisect_right(starts, pos) - 1
            if _ONLY_WHITESPACE_RE.fullmatch(text, starts[paragraph], pos):
                # Reopened at a paragraph start: quotations left open before it continue here.
                stack = [item for item in stack if item[2] == paragraph]
            stack.append((pos, char, paragraph))
        for pos, char, _ in stack:
            yield Flag(pos, pos + 1, "mt.unpaired-quote", f"opening {char!r} is never closed", 0.6)


#: The detectors of this family, in the order the default pipeline lists them.
DETECTORS: tuple[type, ...] = (
    UnbalancedBracket,
    MissingSentenceBoundary,
    Repetition,
    Untranslated,
    MixedScriptWord,
    TokenizerSpacing,
    UnpairedQuote,
)
