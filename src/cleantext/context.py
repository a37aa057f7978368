"""What detectors share about one document: scripts, language, words, sentences, computed once.

Several detectors need the same facts about the text they look at (its script profile, its
language, its sentences). A `DocumentContext` computes each fact lazily, the first time a detector
asks, and keeps it for the others; a fact nobody asks for costs nothing (langdetect in particular
runs only when a detector needs the language and the cheap signals in `cleantext.langid` cannot
decide it). The pipeline makes one context per output text, hands it to every detector
(`Detector.flags_in`), and afterwards reads the language (if some detector computed it) and the
word count that turns flags into per-family scores. Nothing here knows about particular
detectors.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import regex

from cleantext import langid
from cleantext.model import Flag
from cleantext.segment import script_counts

#: Characters of scripts written without spaces between words, and how many of them make one
#: word for `DocumentContext.word_count`. Measured on NTREX-128 (the same 1,997 news sentences in
#: each language): 42,034 English words against 69,682 Han characters in Chinese (1.7 a word),
#: 97,062 Han and kana characters in Japanese (2.3) and 208,190 Thai characters (5.0). Han and
#: kana count 2 to a word, Thai, Lao, Khmer and Myanmar letters 5.
_CJK_CHARS_PER_WORD = 2.0
_SEA_CHARS_PER_WORD = 5.0
_NO_SPACE_RE = regex.compile(
    r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Thai}\p{Lao}\p{Khmer}\p{Myanmar}]+"
)

# A sentence ends after . ! ? … (and their Arabic, Devanagari and Ethiopic forms), optionally
# followed by closing quotes or brackets, where whitespace follows; CJK full stops need no space.
# A line break always ends one.
_SENTENCE_END_RE = re.compile(r"""[.!?…؟।॥።]+["'”’»)\]]*(?=\s)|[。！？]+["'”’」』)）]*|\n""")


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence: ``text[start:end]`` (without the whitespace around it)."""

    start: int
    end: int
    text: str


def sentences(text: str) -> list[Sentence]:
    """Split ``text`` into sentences, never across a line break; offsets index ``text``.

    A heuristic (abbreviations such as ``Dr.`` end a "sentence"); callers that judge sentences
    only need pieces of prose with offsets, not a linguist's segmentation.

    >>> [s.text for s in sentences("One. Two!\\nThree 3.5 four。五")]
    ['One.', 'Two!', 'Three 3.5 four。', '五']
    """
    result: list[Sentence] = []
    start = 0
    for match in _SENTENCE_END_RE.finditer(text):
        end = match.start() if match.group() == "\n" else match.end()
        _append_trimmed(result, text, start, end)
        start = match.end()
    _append_trimmed(result, text, start, len(text))
    return result


def _append_trimmed(result: list[Sentence], text: str, start: int, end: int) -> None:
    piece = text[start:end]
    stripped = piece.strip()
    if stripped:
        start += len(piece) - len(piece.lstrip())
        result.append(Sentence(start, start + len(stripped), stripped))


class DocumentContext:
    """Lazily computed facts about one text, shared by the detectors that look at it.

    >>> doc = DocumentContext("The council said on Tuesday that it would not be closed for now.")
    >>> doc.known_language is None  # nobody asked yet
    True
    >>> doc.language
    ('en', 1.0)
    >>> doc.word_count
    13.0
    """

    __slots__ = (
        "_language",
        "_language_done",
        "_line_sentences",
        "_scripts",
        "_sentences",
        "_tokens",
        "_votes",
        "_word_count",
        "_word_counts",
        "_words",
        "text",
    )

    def __init__(self, text: str) -> None:
        self.text = text
        self._scripts: Counter[str] | None = None
        self._language: tuple[str, float] | None = None
        self._language_done = False
        self._word_count: float | None = None
        self._sentences: list[Sentence] | None = None
        self._votes: Counter[str] | None = None
        self._words: list[str] | None = None
        self._word_counts: Counter[str] | None = None
        self._tokens: list[str] | None = None
        self._line_sentences: dict[int, list[Sentence]] = {}

    @property
    def scripts(self) -> Counter[str]:
        """Letters per script (`segment.script_counts`)."""
        if self._scripts is None:
            self._scripts = script_counts(self.text)
        return self._scripts

    @property
    def script(self) -> str | None:
        """The script with most letters, or None for a text without letters."""
        counts = self.scripts
        return counts.most_common(1)[0][0] if counts else None

    @property
    def tokens(self) -> list[str]:
        """The whitespace-separated tokens of the text (``text.split()``: one C-speed pass)."""
        if self._tokens is None:
            self._tokens = self.text.split()
        return self._tokens

    def line_span(self, pos: int) -> tuple[int, int]:
        """``(start, end)`` of the line holding offset ``pos`` (``end`` at its line break)."""
        text = self.text
        end = text.find("\n", pos)
        return text.rfind("\n", 0, pos) + 1, len(text) if end < 0 else end

    def line_sentences(self, pos: int) -> list[Sentence]:
        """The sentences of the line holding offset ``pos``, as `sentences` of the whole text
        has them there (sentences never cross a line break), computed for that line only."""
        start, end = self.line_span(pos)
        found = self._line_sentences.get(start)
        if found is None:
            found = [
                Sentence(s.start + start, s.end + start, s.text)
                for s in sentences(self.text[start : end + 1])
            ]
            self._line_sentences[start] = found
        return found

    @property
    def words(self) -> list[str]:
        """The lowercased words of the text (`langid.words`)."""
        if self._words is None:
            self._words = langid.words(self.text)
        return self._words

    @property
    def word_counts(self) -> Counter[str]:
        """How often each lowercased word occurs."""
        if self._word_counts is None:
            self._word_counts = Counter(self.words)
        return self._word_counts

    @property
    def votes(self) -> Counter[str]:
        """Distinctive function words per language of the dominant script (`langid.stopword_votes`),
        counted on `langid.sample` of the text (a bounded sample: the whole text up to
        `langid.LANGUAGE_SAMPLE` characters, evenly spaced windows of it beyond).

        Empty when the dominant script has no function-word lists (it names its language alone,
        or `langid` has no lists for it).
        """
        if self._votes is None:
            script = self.script
            if script is None or script not in langid.WORD_LANGUAGE:
                self._votes = Counter()
            elif len(self.text) <= langid.LANGUAGE_SAMPLE:
                self._votes = langid.stopword_votes(self.word_counts, script)
            else:
                sample = langid.sample(self.text)
                self._votes = langid.stopword_votes(langid.words(sample), script)
        return self._votes

    @property
    def language(self) -> tuple[str, float] | None:
        """``(code, confidence)`` from `langid.guess` (cheap signals first), or None."""
        if not self._language_done:
            script = self.script
            votes = self.votes if script in langid.WORD_LANGUAGE else None
            self._language = langid.guess(self.text, self.scripts, votes)
            self._language_done = True
        return self._language

    @property
    def known_language(self) -> tuple[str, float] | None:
        """The language if some detector already computed it; never computes it."""
        return self._language if self._language_done else None

    @property
    def sentences(self) -> list[Sentence]:
        if self._sentences is None:
            self._sentences = sentences(self.text)
        return self._sentences

    @property
    def word_count(self) -> float:
        """Words, counting scripts written without spaces by characters (see the table above).

        Whitespace-separated tokens elsewhere; 2 Han or kana characters or 5 Thai, Lao, Khmer or
        Myanmar letters count as one word (measured on NTREX-128, see `_CJK_CHARS_PER_WORD`).
        """
        if self._word_count is None:
            text = self.text
            if text.isascii():
                self._word_count = float(len(self.tokens))
            else:
                counts = self.scripts
                cjk = sum(counts[s] for s in ("Han", "Hiragana", "Katakana"))
                sea = sum(counts[s] for s in ("Thai", "Lao", "Khmer", "Myanmar"))
                if cjk or sea:
                    spaced = len(_NO_SPACE_RE.sub(" ", text).split())
                    count = spaced + cjk / _CJK_CHARS_PER_WORD + sea / _SEA_CHARS_PER_WORD
                    self._word_count = round(count, 1)
                else:
                    self._word_count = float(len(self.tokens))
        return self._word_count

    def scores(self, flags_by_family: Mapping[str, Iterable[Flag]]) -> dict[str, float]:
        """Flags per 1,000 words, weighted by confidence, for each detector family that ran.

        A family that raised nothing scores 0.0.

        >>> DocumentContext("a b c d").scores({"mt": [Flag(0, 1, "x", "", 0.5)], "other": []})
        {'mt': 125.0, 'other': 0.0}
        """
        flags_by_family = {family: list(flags) for family, flags in flags_by_family.items()}
        if not any(flags_by_family.values()):
            # No flag, no score to weigh: the word count (a whole-text split) is not needed.
            return {family: 0.0 for family in flags_by_family}
        words = max(self.word_count, 1.0)
        return {
            family: round(1000.0 * sum(flag.confidence for flag in flags) / words, 3)
            for family, flags in flags_by_family.items()
        }


__all__ = ["DocumentContext", "Sentence", "sentences"]
