"""Corruptors for the `mt` detectors: the side effects of machine translation, with ground truth.

One corruptor per detector, named like it; each artifact's ``kind`` is the flag code the detector
raises, and its span (in the dirty text) is where that flag belongs:

* `StrayBracket` — a bracket without a partner after or before a word (``taking a chance ]``).
* `DropBoundary` — a full stop lost between two sentences (``mistakes In the past``).
* `LoopNgram` — an n-gram repeated in a loop (``is growing and is growing and``); CJK and Thai
  text loop by characters.
* `SpliceSentence` — a sentence in another language spliced in (from a `SentencePool`).
* `Homoglyphs` — letters swapped for look-alikes of another script (``Nаval``).
* `TokenizeSpacing` — one sentence spaced as a tokenizer leaves it (``rose , he said .``).
* `DropClosingQuote` — a closing quotation mark removed.

Each has ``supported_only``: when set, it makes only the corruptions its detector documents as
detectable, so that "flagged where it was made" is a property test; unset, it corrupts blindly
and the share that is flagged is the detector's recall (``benchmarks/eval_mt.py``). A corruptor
that finds nothing to corrupt returns the text unchanged and no artifact.
"""

from __future__ import annotations

import random
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import ClassVar

import regex

from cleantext import langid
from cleantext.context import DocumentContext, sentences
from cleantext.filters.mt._common import title_like as _title_like
from cleantext.filters.mt._data import (
    CONJUNCTIONS,
    CYRILLIC_LOOKALIKES,
    DOUBLING_ERRORS,
    QUOTE_CLOSERS,
    REPEATED_ON_PURPOSE,
    SENTENCE_STARTERS,
)
from cleantext.filters.mt.quotes import _quote_position
from cleantext.filters.mt.untranslated import _group, _unquoted
from cleantext.fuzz.base import Artifact
from cleantext.model import Result

_WORD_RE = regex.compile(r"(?<![\p{L}\p{M}\p{N}])\p{L}[\p{L}\p{M}]{2,}(?![\p{L}\p{M}\p{N}])")
_NO_SPACE_RE = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Thai}]{6,}")
_SEA_RE = regex.compile(r"\p{Thai}")
_MARK_RE = regex.compile(r"\p{M}")


def _replace(text: str, start: int, end: int, new: str, kind: str) -> tuple[str, list[Artifact]]:
    """Replace ``text[start:end]`` by ``new``; the artifact covers ``new`` in the dirty text."""
    return text[:start] + new + text[end:], [
        Artifact(kind, start, start + len(new), text[start:end])
    ]


def covers(result: Result, artifacts: Sequence[Artifact]) -> bool:
    """True when ``result`` has a flag of each artifact's kind touching the artifact's span.

    Artifacts are in the coordinates of the text the pipeline was given; flags in its output's.
    The edits of ``result`` translate one into the other.
    """

    def to_output(pos: int) -> int:
        shift = 0
        for edit in result.edits:
            if edit.end <= pos:
                shift += len(edit.replacement) - (edit.end - edit.start)
        return pos + shift

    for artifact in artifacts:
        start, end = to_output(artifact.start), to_output(artifact.end)
        if not any(
            flag.code == artifact.kind and flag.start <= end and start <= flag.end
            for flag in result.flags
        ):
            return False
    return True


# -- unbalanced-bracket ----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class StrayBracket:
    """Insert one bracket without a partner: ``word ]``, ``word)`` after a word, ``(word`` before.

    Never next to a digit or a one-letter word (``1)`` and ``a)`` are list markers, which the
    detector leaves alone). ``supported_only``: only in paragraphs without brackets, so that the
    stray one cannot pair with a bracket of the text (the pairing would move the flag).
    """

    name: ClassVar[str] = "unbalanced-bracket"
    supported_only: bool = False

    def corrupt(self, text: str, rng: random.Random) -> tuple[str, list[Artifact]]:
        words = list(_WORD_RE.finditer(text))
        if self.supported_only:
            words = [w for w in words if not _BRACKET_NEAR_RE.search(_paragraph_of(text, w))]
        if not words:
            return text, []
        word = rng.choice(words)
        form = rng.randrange(4)
        if form == 0:  # "taking a chance ]"
            return _insert(text, word.end(), " " + rng.choice("])"), offset=1)
        if form == 1:
            return _insert(text, word.end(), rng.choice(")]"), offset=0)
        if form == 2:
            return _insert(text, word.start(), rng.choice("(["), offset=0)
        return _insert(text, word.start(), rng.choice("([") + " ", offset=0, size=1)


_BRACKET_NEAR_RE = re.compile(r"[()\[\]{}（）［］｛｝【】]")


def _paragraph_of(text: str, match: regex.Match[str]) -> str:
    """The paragraph around ``match`` and the ones next to it (pairs may span one break)."""
    start = text.rfind("\n\n", 0, match.start())
    start = text.rfind("\n\n", 0, max(start, 0))
    end = text.find("\n\n", match.end())
    end = len(text) if end < 0 else text.find("\n\n", end + 2)
    return text[max(start, 0) : len(text) if end < 0 else end]


def _insert(
    text: str, pos: int, new: str, offset: int, size: int = 1, kind: str = "unbalanced-bracket"
) -> tuple[str, list[Artifact]]:
    """Insert ``new`` at ``pos``; the artifact is ``new[offset:offset + size]``."""
    dirty = text[:pos] + new + text[pos:]
    return dirty, [Artifact(kind, pos + offset, pos + offset + size, "")]


# -- missing-sentence-boundary ---------------------------------------------------------------------

# The end of a sentence and the start of the next, in one line or on the next line.
_BOUNDARY_RE = regex.compile(
    r"(?P<prev>(?<![\p{L}\p{M}])[\p{L}\p{M}'’-]+)(?P<stop>\.[ \n])(?P<next>\p{Lu}[\p{L}\p{M}'’]*)"
    r"(?= (?P<after>[\p{L}\p{M}]+))"
)


@dataclass(frozen=True, slots=True)
class DropBoundary:
    """Drop a full stop and the break after it: ``mistakes. In the past`` → ``mistakes In the``.

    Works within a line and across a single line break (a document with one sentence a line).
    ``supported_only``: only where the detector can see it: the word before is lowercase, the
    next sentence starts with a listed function word of the document's language and continues
    with a lowercase word. The artifact spans the two words that now touch.
    """

    name: ClassVar[str] = "missing-sentence-boundary"
    supported_only: bool = False

    def corrupt(self, text: str, rng: random.Random) -> tuple[str, list[Artifact]]:
        candidates = list(_BOUNDARY_RE.finditer(text))
        if self.supported_only and candidates:
            language = DocumentContext(text).language
            starters = SENTENCE_STARTERS.get(language[0], frozenset()) if language else frozenset()
            candidates = [
                m
                for m in candidates
                if m.group("next") in starters
                and m.group("prev").islower()
                and m.group("after")[0].islower()
                and m.group("prev")[-1] not in "'’-"
            ]
        if not candidates:
            return text, []
        match = rng.choice(candidates)
        start, end = match.start("stop"), match.end("stop")
        dirty = text[:start] + " " + text[end:]
        clean = text[match.start("prev") : match.end("next")]
        artifact = Artifact(
            "missing-sentence-boundary",
            match.start("prev"),
            match.end("next") - 1,
            clean,
        )
        return dirty, [artifact]


# -- repetition ------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class LoopNgram:
    """Repeat an n-gram of a line back to back, as a looping decoder does.

    Spaced text: a unit of 1 to 6 words from a line, repeated once or twice more. Text in a
    script written without spaces (Han, kana, Thai): a unit of 2 to 8 characters. ``supported_only``
    keeps what the detector documents: 3+ words repeated once, 2 words twice, a doubled
    function word; 4+ characters once or 2-3 characters twice; copies separated by spaces only.
    """

    name: ClassVar[str] = "repetition"
    supported_only: bool = False

    def corrupt(self, text: str, rng: random.Random) -> tuple[str, list[Artifact]]:
        runs = list(_NO_SPACE_RE.finditer(text))
        if runs and (rng.random() < 0.5 or len(text.split()) < 4):
            return self._characters(text, rng, runs)
        return self._words(text, rng)

    def _words(self, text: str, rng: random.Random) -> tuple[str, list[Artifact]]:
        tokens = [(m.start(), m.end()) for m in re.finditer(r"\S+", text)]
        for _ in range(20):
            if len(tokens) < 2:
                return text, []
            first = rng.randrange(len(tokens))
            size = rng.randint(1, 6)
            last = first + size - 1
            if last >= len(tokens):
                continue
            start, end = tokens[first][0], tokens[last][1]
            unit = text[start:end]
            if "\n" in unit or "\t" in unit:
                continue
            extra = rng.randint(1, 2)
            if self.supported_only and not _detectable_unit(unit.split(), extra + 1):
                continue
            if self.supported_only and text[end : end + 1] not in ("", " ", "\n"):
                continue
            copies = (" " + unit) * extra
            dirty = text[:end] + copies + text[end:]
            return dirty, [Artifact("repetition", end, end + len(copies), "")]
        return text, []

    def _characters(
        self, text: str, rng: random.Random, runs: list[regex.Match[str]]
    ) -> tuple[str, list[Artifact]]:
        for _ in range(20):
            run = rng.choice(runs)
            size = rng.randint(2, 8)
            if run.end() - run.start() < size:
                continue
            start = rng.randrange(run.start(), run.end() - size + 1)
            unit = text[start : start + size]
            extra = 1 if size >= 4 else 2
            if not self.supported_only:
                extra = rng.randint(1, 2)
            if len(set(unit)) == 1:
                continue
            if self.supported_only and _SEA_RE.match(unit):
                # Thai and its neighbours: 6+ code points, from a base letter to a base letter.
                after = text[start + size : start + size + 1]
                if size < 6 or _MARK_RE.match(unit) or (after and _MARK_RE.match(after)):
                    continue
                extra = 1
            copies = unit * extra
            end = start + size
            if self.supported_only and text[end : end + size] == unit:
                continue  # the text already repeats here: the loop would be longer than planned
            dirty = text[:end] + copies + text[end:]
            return dirty, [Artifact("repetition", end, end + len(copies), "")]
        return text, []


def _detectable_unit(unit: list[str], copies: int) -> bool:
    if any(not token for token in unit):
        return False
    if len(unit) == 1:
        word = unit[0]
        if copies >= 3:
            return word.isalpha() and word.lower() not in REPEATED_ON_PURPOSE
        return word.isalpha() and word.islower() and word in DOUBLING_ERRORS
    if any(token[-1] in "!?,;:" for token in unit):
        return False
    if len(unit) <= 3 and any(token.lower() in CONJUNCTIONS for token in unit):
        return False
    if sum(token.strip(".,;:\"'“”‘’«»()[]").isalpha() for token in unit) < 2:
        return False
    return copies >= 3 or len(unit) >= 3


# -- untranslated ----------------------------------------------------------------------------------

#: A few sentences per language, written for this module, for splicing when no pool is given.
BUILTIN_SENTENCES: dict[str, tuple[str, ...]] = {
    "en": (
        "The government said on Tuesday that it would not change its plans for the new airport.",
        "According to the police, the two men were arrested at the border early in the morning.",
    ),
    "fr": (
        "Le gouvernement a déclaré mardi qu'il ne changerait pas ses projets pour l'aéroport.",
        "Selon la police, les deux hommes ont été arrêtés à la frontière tôt dans la matinée.",
    ),
    "de": (
        "Die Regierung sagte am Dienstag, dass sie ihre Pläne für den Flughafen nicht ändere.",
        "Nach Angaben der Polizei wurden die beiden Männer am Morgen an der Grenze festgenommen.",
    ),
    "es": (
        "El gobierno dijo el martes que no cambiaría sus planes para el nuevo aeropuerto.",
        "Según la policía, los dos hombres fueron detenidos en la frontera por la mañana temprano.",
    ),
    "ru": (
        "Правительство заявило во вторник, что не будет менять свои планы по аэропорту.",
        "По данным полиции, двое мужчин были задержаны на границе рано утром в понедельник.",
    ),
    "zh": (
        "政府周二表示，不会改变新机场的建设计划，工程将按原定时间表继续进行。",
        "据警方称，这两名男子于清晨在边境被捕，目前正在接受进一步调查。",
    ),
    "ar": (
        "قالت الحكومة يوم الثلاثاء إنها لن تغير خططها بشأن المطار الجديد في العاصمة.",
        "وبحسب الشرطة، فقد تم القبض على الرجلين عند الحدود في الصباح الباكر من يوم الاثنين.",
    ),
    "hi": (
        "सरकार ने मंगलवार को कहा कि वह नए हवाई अड्डे के लिए अपनी योजनाओं को नहीं बदलेगी।",
        "पुलिस के अनुसार, दोनों व्यक्तियों को सुबह-सुबह सीमा पर गिरफ्तार किया गया था।",
    ),
}


@dataclass(frozen=True, slots=True)
class SentencePool:
    """Sentences by language to splice from: ``((language, (sentence, ...)), ...)``."""

    by_language: tuple[tuple[str, tuple[str, ...]], ...]

    @classmethod
    def builtin(cls) -> SentencePool:
        return cls(tuple(BUILTIN_SENTENCES.items()))

    @classmethod
    def from_documents(
        cls, documents: Iterable[tuple[str, str]], min_chars: int = 60, per_language: int = 500
    ) -> SentencePool:
        """Sentences of at least ``min_chars`` from ``(language, text)`` pairs (N a language)."""
        pool: dict[str, list[str]] = {}
        for language, text in documents:
            bucket = pool.setdefault(language, [])
            if len(bucket) >= per_language:
                continue
            bucket.extend(s.text for s in sentences(text) if len(s.text) >= min_chars)
        return cls(tuple((lang, tuple(items[:per_language])) for lang, items in pool.items()))


@dataclass(frozen=True, slots=True)
class SpliceSentence:
    """Splice in a sentence of another language after a sentence of the document.

    The sentence comes from ``pool`` (default: `BUILTIN_SENTENCES`), from any language but
    ``language`` (the document's; guessed when not given). ``supported_only``: the document's
    language must be clear, the sentence at least 60 characters and at most a quarter of the
    document, and either in another script or carrying 3+ distinctive function words of its
    language (what the detector needs before it asks langdetect).
    """

    name: ClassVar[str] = "untranslated"
    supported_only: bool = False
    pool: SentencePool = field(default_factory=SentencePool.builtin)
    language: str | None = None

    def corrupt(self, text: str, rng: random.Random) -> tuple[str, list[Artifact]]:
        doc = DocumentContext(text)
        language = self.language
        if language is None or self.supported_only:
            guessed = doc.language
            if self.supported_only and (guessed is None or guessed[1] < 0.8):
                return text, []
            language = language or (guessed[0] if guessed else None)
        choices = [(lang, items) for lang, items in self.pool.by_language if lang != language]
        choices = [(lang, items) for lang, items in choices if items]
        if not choices:
            return text, []
        ends = [s.end for s in doc.sentences] or [len(text)]
        for _ in range(20):
            lang, items = rng.choice(choices)
            sentence = rng.choice(items)
            if self.supported_only and not _detectable_splice(sentence, lang, doc):
                continue
            pos = rng.choice(ends)
            # After a full stop the sentence follows on the line; after a line without one (a
            # heading, or Thai, which has no full stop) it gets a line of its own.
            glue = " " if text[pos - 1 : pos] in _SENTENCE_FINAL else "\n"
            dirty = text[:pos] + glue + sentence + text[pos:]
            return dirty, [Artifact("untranslated", pos + 1, pos + 1 + len(sentence), "")]
        return text, []


_SENTENCE_FINAL = frozenset(".!?…。！？؟।።\"'”’»)")


def _detectable_splice(sentence: str, language: str, doc: DocumentContext) -> bool:
    """The evidence `Untranslated` documents, checked on the sentence about to be spliced."""
    if len(sentence) < 60 or 4 * len(sentence) > len(doc.text) or len(sentence.split()) < 6:
        return False
    guessed = doc.language
    if guessed is None or doc.script is None:
        return False
    doc_language = guessed[0]
    counts = DocumentContext(sentence).scripts
    if not counts:
        return False
    script = counts.most_common(1)[0][0]
    group, doc_group = _group(script), _group(doc.script)
    if group != doc_group:
        if counts[script] < 0.8 * sum(counts.values()):
            return False
        if langid.script_language(sentence) not in (None, doc_language):
            return True
        return _sure(sentence, doc_language, need_function_words=group == "Latin")
    if group == "CJK":
        kana = counts["Hiragana"] + counts["Katakana"]
        if (doc_language, bool(kana)) not in (("ja", False), ("zh", True)):
            return False
        return _sure(sentence, doc_language, need_function_words=False)
    judged = _unquoted(sentence)
    tokens = langid.words(judged)
    if len(judged.strip()) < 40 or len(tokens) < 6:
        return False
    foreign, own = langid.function_words(tokens, script, doc_language)
    return foreign >= 3 and foreign > own and _sure(judged, doc_language, True)


def _sure(text: str, doc_language: str, need_function_words: bool) -> bool:
    if _title_like(text):
        return False
    found = langid.detect(text, doc_language)
    if found is None or found[1] < 0.9:
        return False
    if need_function_words and found[0] in langid.LANGUAGE_SCRIPT:
        return langid.listed_words(langid.words(text), found[0]) >= 2
    return True


# -- mixed-script-word -----------------------------------------------------------------------------

_LATIN_TO_CYRILLIC = dict(zip("aeopcyxiABEKMHOPCTX", "аеорсухіАВЕКМНОРСТХ", strict=True))
_CYRILLIC_TO_LATIN = {v: k for k, v in _LATIN_TO_CYRILLIC.items()}
_LATIN_TO_GREEK = dict(zip("oABEHIKMNOPTXYZ", "οΑΒΕΗΙΚΜΝΟΡΤΧΥΖ", strict=True))
assert set(_LATIN_TO_CYRILLIC.values()) <= set(CYRILLIC_LOOKALIKES)


@dataclass(frozen=True, slots=True)
class Homoglyphs:
    """Swap one or two letters of a word for look-alikes of another script (``Nаval``).

    Latin words get Cyrillic (or, one time in four, Greek) look-alikes; Cyrillic words get Latin
    ones. Only words of 3+ letters (the detector's floor), so ``supported_only`` has no effect.
    """

    name: ClassVar[str] = "mixed-script-word"
    supported_only: bool = False

    def corrupt(self, text: str, rng: random.Random) -> tuple[str, list[Artifact]]:
        words = [m for m in _WORD_RE.finditer(text) if self._swappable(m.group())]
        if not words:
            return text, []
        word = rng.choice(words)
        table = self._table(word.group(), rng)
        positions = [i for i, ch in enumerate(word.group()) if ch in table]
        picked = sorted(rng.sample(positions, min(len(positions), rng.randint(1, 2))))
        first, last = word.start() + picked[0], word.start() + picked[-1] + 1
        chars = list(text[first:last])
        for index in picked:
            chars[index - picked[0]] = table[chars[index - picked[0]]]
        new = "".join(chars)
        return _replace(text, first, last, new, "mixed-script-word")

    @staticmethod
    def _table(word: str, rng: random.Random) -> dict[str, str]:
        if any(ch in _CYRILLIC_TO_LATIN for ch in word) and not any(
            ch in _LATIN_TO_CYRILLIC for ch in word
        ):
            return _CYRILLIC_TO_LATIN
        if rng.random() < 0.25 and any(ch in _LATIN_TO_GREEK for ch in word):
            return _LATIN_TO_GREEK
        return _LATIN_TO_CYRILLIC

    @staticmethod
    def _swappable(word: str) -> bool:
        latin = all("a" <= ch.lower() <= "z" for ch in word)
        cyrillic = all("\u0400" <= ch <= "\u04ff" for ch in word)
        if latin:
            return any(ch in _LATIN_TO_CYRILLIC for ch in word)
        return cyrillic and any(ch in _CYRILLIC_TO_LATIN for ch in word)


# -- tokenizer-spacing -----------------------------------------------------------------------------

_SPACEABLE_RE = re.compile(r"(?<=\w)[,.)\]](?=\s|\Z)|[(\[](?=\w)")


@dataclass(frozen=True, slots=True)
class TokenizeSpacing:
    """Space the punctuation of one sentence as a tokenizer does: ``rose , he said .``.

    Adds a space before ``, . ) ]`` and after ``( [`` in one sentence (``...`` and decimals are
    left alone). ``supported_only``: only sentences with at least two such marks (the detector
    wants two in a line). The artifacts are the inserted spaces with their marks.
    """

    name: ClassVar[str] = "tokenizer-spacing"
    supported_only: bool = False

    def corrupt(self, text: str, rng: random.Random) -> tuple[str, list[Artifact]]:
        spans = sentences(text)
        marks = [(s, list(_SPACEABLE_RE.finditer(text, s.start, s.end + 1))) for s in spans]
        marks = [(s, found) for s, found in marks if found]
        if self.supported_only:
            marks = [(s, found) for s, found in marks if len(found) >= 2]
        if not marks:
            return text, []
        _, found = rng.choice(marks)
        pieces: list[str] = []
        artifacts: list[Artifact] = []
        pos = 0
        for shift, match in enumerate(found):
            pieces.append(text[pos : match.start()])
            mark = match.group()
            spaced = " " + mark if mark in ",.)]" else mark + " "
            pieces.append(spaced)
            start = match.start() + shift
            artifacts.append(Artifact("tokenizer-spacing", start, start + 2, mark))
            pos = match.end()
        pieces.append(text[pos:])
        return "".join(pieces), artifacts


# -- unpaired-quote --------------------------------------------------------------------------------

_PAIR_RE = re.compile(
    r"(?P<open>[\"“„«»「『])(?P<body>[^\"“”„«»「」『』\n]{1,400}?)(?P<close>[\"”“»«」』])"
)


@dataclass(frozen=True, slots=True)
class DropClosingQuote:
    """Remove the closing mark of a quotation (“…”, „…“, «…», 「…」, ``"…"``).

    The artifact spans the now unclosed quotation, from its opening mark to where the closing
    one was. ``supported_only``: not where the next paragraph starts with an opening quote (news
    style: the quotation could be continuing there, the detector rightly stays silent).
    """

    name: ClassVar[str] = "unpaired-quote"
    supported_only: bool = False

    def corrupt(self, text: str, rng: random.Random) -> tuple[str, list[Artifact]]:
        pairs = [
            m
            for m in _PAIR_RE.finditer(text)
            if m.group("close") in QUOTE_CLOSERS.get(m.group("open"), "")
        ]
        if self.supported_only:
            # Real pairs only (not Hebrew gershayim, ארה“ב), and none that a later closing mark
            # or a reopening paragraph (news style) could take for the dropped one's partner.
            pairs = [
                m
                for m in pairs
                if _quote_position(text, m.start())[0]
                and _quote_position(text, m.start("close"))[1]
                and not _next_paragraph_opens(text, m.end())
                and not _LATER_CLOSER_RE.search(text, m.end())
            ]
        if not pairs:
            return text, []
        match = rng.choice(pairs)
        close = match.start("close")
        dirty = text[:close] + text[close + 1 :]
        clean = text[match.start() : close + 1]
        return dirty, [Artifact("unpaired-quote", match.start(), close, clean)]


_LATER_CLOSER_RE = re.compile('["”“»«」』]')


def _next_paragraph_opens(text: str, pos: int) -> bool:
    found = re.compile(r"\n[ \t]*\n\s*(\S)").search(text, pos)
    if found is None:
        return False
    return found.group(1) in QUOTE_CLOSERS or found.group(1) in "„«"


#: One instance of each corruptor, blind.
CORRUPTORS: tuple[
    StrayBracket
    | DropBoundary
    | LoopNgram
    | SpliceSentence
    | Homoglyphs
    | TokenizeSpacing
    | DropClosingQuote,
    ...,
] = (
    StrayBracket(),
    DropBoundary(),
    LoopNgram(),
    SpliceSentence(),
    Homoglyphs(),
    TokenizeSpacing(),
    DropClosingQuote(),
)
