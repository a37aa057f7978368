"""The ``untranslated`` detector: a stretch left in another language."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import ClassVar

import regex

from cleantext import langid
from cleantext.context import DocumentContext, Sentence
from cleantext.filters.base import Detector
from cleantext.filters.mt._common import CJK_CHARS, FAMILY, title_like
from cleantext.filters.registry import register
from cleantext.model import Flag
from cleantext.segment import script_counts

_CJK = frozenset(("Han", "Hiragana", "Katakana"))
_NO_SPACE_GROUPS = frozenset(("CJK", "Thai", "Lao", "Khmer", "Myanmar"))
# A quotation is at most 300 characters: an opening quote never closed then costs a
# bounded scan, not one to the end of the line (linear on a line of unclosed quotes).
_QUOTED_RE = re.compile(
    r'"[^"\n]{0,300}"|“[^”\n]{0,300}”|„[^“”\n]{0,300}[“”]|«[^»\n]{0,300}»'
    r"|「[^」\n]{0,300}」|『[^』\n]{0,300}』"
)
_QUOTES_IN = re.compile('["“„«「『]').search
# A same-script candidate needs this many function words of other languages and few of its own.
_MIN_FOREIGN = 3
_SENTENCE_WORDS = 60  # a long sentence, in words
# Text in another language over this share of a document makes it bilingual (a partly translated
# manual, a parallel text), not a translation with leftovers: no flag.
_BILINGUAL = 1 / 3
# Flags over this share of a document: the other language is the document's as much as its own.
_MOSTLY_FLAGGED = 1 / 2
_CJK_CHAR_RE = re.compile(f"[{CJK_CHARS}]")
_KANA = "\u3041-\u309f\u30a1-\u30fa\u31f0-\u31ff\uff66-\uff9d"
_KANA_RE = re.compile(f"[{_KANA}]")
# Punctuation a function word may carry as a whitespace token (``(le``, ``la,``, ``«de``).
_BEFORE_WORD = "(“\"'«„‘[¿¡‚‹—"
_AFTER_WORD = ",.;:!?)”\"'»…’]›"


@lru_cache(maxsize=64)
def _foreign_tokens(script: str, language: str) -> frozenset[str]:
    """The foreign function words of ``script`` for ``language``, bare and with one punctuation
    mark before or after: what a lowercased whitespace token is when it is one of them."""
    foreign = langid.foreign_and_own(script, language)[0]
    return frozenset(
        [*foreign]
        + [mark + word for word in foreign for mark in _BEFORE_WORD]
        + [word + mark for word in foreign for mark in _AFTER_WORD]
    )


@lru_cache(maxsize=8)
def _kana_free_re(length: int) -> re.Pattern[str]:
    """A run of ``length`` or more characters of one line without kana."""
    return re.compile(f"[^{_KANA}\n]{{{length},}}")


def _lines_with(doc: DocumentContext, pattern: re.Pattern[str]) -> Iterator[int]:
    """The start of each line where ``pattern`` matches, once a line; linear: the search goes on
    after the line of each match."""
    text = doc.text
    match = pattern.search(text)
    while match is not None:
        start, end = doc.line_span(match.start())
        yield start
        match = pattern.search(text, end + 1)


# Code and machine text inside prose, in no language: text in backticks, URLs, e-mail addresses,
# manual references (``passwd(5)``), options (``--foo``, ``-x``, ``--size=10K``), paths and file
# names (``/etc/passwd``, ``~/.profile``, ``*.o``, ``foo.tar.bz2``), identifiers with an inner
# underscore, a capital inside lowercase letters or a dot between words (``pw_name``,
# ``getGroup``, ``os.path``), and placeholders in capitals (``FILE``, ``PATTERN``).
_CODE_RE = re.compile(
    r"`[^`\n]{0,300}`"
    r"|\b(?:https?|ftp)://\S+|\bwww\.\S+"
    r"|<?(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+>?"
    r"|(?<![\w.+-])[\w.+-]+\(\d[a-z]*\)"
    r"|(?<![\w-])--?[A-Za-z0-9][\w-]*(?:=\S*)?"
    r"|(?<![\w/])(?:~|\.{1,2})?/[\w.*+-]+(?:/[\w.*+-]*)*"
    r"|\*\.\w+|(?<!\S)\.[a-z0-9]{1,5}\b"
    r"|(?<![\w.-])[\w-]{2,}(?:\.[\w-]+)*\.[a-z][a-z0-9]{0,3}\b(?!\.\w)"
    r"|\b\w*_\w+\b|\b[a-z]+[A-Z]\w*\b|(?<![\w.])\w+(?:\.\w+)+\("
    r"|\b[A-Z][A-Z0-9_]{2,}\b"
)
_CODE_SIGNS = re.compile(r"[`@/_(\-*.]|[A-Z]{3}").search


def _without_code(text: str) -> str:
    """``text`` with code, options, paths, addresses and placeholders blanked: they are in no
    language and must not decide one (`_CODE_RE`)."""
    return _CODE_RE.sub(" ", text) if _CODE_SIGNS(text) else text


def _unquoted(text: str) -> str:
    """``text`` without its quoted parts: quoted titles and citations (``autora de "Just the
    Funny Parts: And a Few Hard Truths"``) are in another language on purpose."""
    return _QUOTED_RE.sub(" ", text) if _QUOTES_IN(text) else text


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


#: A document up to this long whose language is unclear is decided sentence by sentence.
_SHORT = 2000


def _sentence_majority(doc: DocumentContext, script: str) -> tuple[str, float] | None:
    """The language of a short document by its sentences: each sentence with clear function
    words (2+ distinctive ones, three quarters for one language) votes; a language wins with
    two sentences or more, twice as many as any other and over half of their text. None
    otherwise, and for long documents or scripts without function-word lists (bounded: `_SHORT`
    characters)."""
    if len(doc.text) > _SHORT or script not in langid.WORD_LANGUAGE:
        return None
    weight: dict[str, int] = {}
    sentences: dict[str, int] = {}
    for sentence in doc.sentences:
        votes = langid.stopword_votes(langid.words(sentence.text), script)
        if not votes:
            continue
        best, count = votes.most_common(1)[0]
        if count >= 2 and count >= 0.75 * sum(votes.values()):
            weight[best] = weight.get(best, 0) + len(sentence.text)
            sentences[best] = sentences.get(best, 0) + 1
    if not weight:
        return None
    best = max(weight, key=lambda language: (weight[language], language))
    share = weight[best] / sum(weight.values())
    others = max((n for language, n in sentences.items() if language != best), default=0)
    if share <= 0.5 or sentences[best] < max(2, 2 * others):
        return None
    return best, round(share, 3)


@register
@dataclass(frozen=True, slots=True)
class Untranslated(Detector):
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
    lists (recall, not precision, pays for that). Code is in no language: text in backticks,
    URLs, e-mail addresses, manual references (``passwd(5)``), options (``--size=10K``, ``-x``),
    paths and file names, identifiers and placeholders in capitals are blanked before anything
    is judged (`_CODE_RE`). A document with another script on a third of its letters, or with
    over half of its text flagged, is bilingual (a partly translated manual): no flag. A short
    document (up to 2,000 characters) whose language is unclear is decided sentence by sentence.

    Worst case: lines alternating between two scripts, or a megabyte of mixed-language text with
    a candidate in every line. Still linear: the stretches of the other script are walked beside
    the sentences of their own line (each line split once, lines without a stretch never), the
    function-word clusters are found on the shared whitespace tokens and only their lines are
    split, and a mask of flagged characters replaces a scan of earlier flags.

    >>> doc = ("The council approved the new budget on Tuesday evening after a long debate. "
    ...        "Officials said that the bridge would reopen next year after the repairs. "
    ...        "Le conseil municipal a approuvé le nouveau budget mardi soir après un long débat. "
    ...        "The mayor said that she was very pleased with the result of the vote.")
    >>> [(f.code, doc[f.start:f.start + 10]) for f in Untranslated().flags(doc)]
    [('untranslated', 'Le conseil')]
    """

    name: ClassVar[str] = "untranslated"
    family: ClassVar[str] = FAMILY
    default: ClassVar[bool] = True

    min_chars: int = 40
    min_probability: float = 0.9
    min_document_confidence: float = 0.8
    min_function_words: int = 2

    def flags_in(self, doc: DocumentContext) -> Iterator[Flag]:
        text = doc.text
        if len(text) < 2 * self.min_chars:
            return
        script = doc.script
        if script is None:
            return
        language = doc.language
        if language is None or language[1] < self.min_document_confidence:
            # A short document: the foreign sentence itself blurs the votes of the whole.
            language = _sentence_majority(doc, script)
            if language is None:
                return
        doc_language, doc_group = language[0], _group(script)
        limit = len(text) / 2
        # 1 where a flag already covers the text. Flags are disjoint and the candidates of each
        # kind are disjoint, so the checks read each character a bounded number of times.
        flagged: bytearray | None = None
        found_flags: list[Flag] = []
        covered = 0
        for start, end, found in self._candidates(doc, doc_group, script, doc_language):
            if end - start > limit or (flagged is not None and flagged.find(1, start, end) >= 0):
                continue
            if found is not None:
                if flagged is None:
                    flagged = bytearray(len(text))
                flagged[start:end] = b"\x01" * (end - start)
                covered += end - start
                if covered > _MOSTLY_FLAGGED * len(text):
                    return  # a bilingual document
                found_flags.append(
                    Flag(
                        start,
                        end,
                        "untranslated",
                        f"text in {found[0]!r} in a {doc_language!r} document",
                        round(0.9 * found[1], 3),
                    )
                )
        yield from found_flags

    def _candidates(
        self, doc: DocumentContext, doc_group: str, script: str, doc_language: str
    ) -> Iterator[tuple[int, int, tuple[str, float] | None]]:
        """``(start, end, verdict)`` for each span worth judging (a verdict is None when the
        span is not in another language after all). Verdicts are computed lazily, one by one."""
        text = doc.text
        min_letters = 0.6 * self.min_chars
        # 1. Another script: sentences mostly written in it, then long stretches of it that no
        # sentence boundary separates from the document's text (Thai has no full stops).
        grouped = _grouped(doc.scripts)
        letters = sum(grouped.values())
        for group, count in grouped.items():
            if group == doc_group or count < min_letters or count > _BILINGUAL * letters:
                continue  # (a third of the letters and more: a bilingual document)
            stretches = [
                (m.start(), m.start() + len(m.group().rstrip()))
                for m in _segment_re(group).finditer(text)
            ]
            # Sentences of the lines that hold stretches (a stretch never crosses a line
            # break), walked beside the stretches: linear in sentences plus stretches.
            index = 0
            while index < len(stretches):
                line_start, line_end = doc.line_span(stretches[index][0])
                first = index
                while index < len(stretches) and stretches[index][0] < line_end:
                    index += 1
                on_line = stretches[first:index]
                k = 0
                for sentence in doc.line_sentences(line_start):
                    while k < len(on_line) and on_line[k][1] <= sentence.start:
                        k += 1
                    inside = 0
                    j = k
                    while j < len(on_line) and on_line[j][0] < sentence.end:
                        a, b = on_line[j]
                        inside += min(b, sentence.end) - max(a, sentence.start)
                        j += 1
                    if inside >= min_letters:
                        verdict = self._other_script(sentence.text, group, doc_language)
                        yield sentence.start, sentence.end, verdict
            for start, end in stretches:
                if end - start >= self.min_chars:
                    yield start, end, self._other_script(text[start:end], group, doc_language)
        # 2. Chinese in a Japanese document or Japanese in a Chinese one: same script group,
        # told apart by kana. Only lines that can hold such a sentence are split: in Japanese,
        # lines with a kana-free run as long as a candidate; in Chinese, lines with kana.
        if doc_group == "CJK" and doc_language in ("ja", "zh"):
            pattern = _kana_free_re(self.min_chars) if doc_language == "ja" else _KANA_RE
            for line_start in _lines_with(doc, pattern):
                for sentence in doc.line_sentences(line_start):
                    if sentence.end - sentence.start >= self.min_chars:
                        verdict = self._other_cjk(sentence.text, doc_language)
                        if verdict is not None:
                            yield sentence.start, sentence.end, verdict
        # 3. The same script: sentences with function words of other languages of the
        # document's script and few of its own language.
        for sentence in self._function_word_candidates(doc, script, doc_language):
            verdict = self._same_script(
                _without_code(_unquoted(sentence.text)), script, doc_language
            )
            yield sentence.start, sentence.end, verdict

    def _confirmed(
        self, text: str, doc_language: str, function_words: bool = True
    ) -> tuple[str, float] | None:
        """langdetect's verdict when it names another language, surely.

        With ``function_words``, a language with a function-word list must also show
        ``min_function_words`` of them: langdetect is sure of too much on Latin names and glosses
        (``(Louisiana State Police fugitive task force)`` in a Thai document).
        """
        if title_like(text):
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
        span = _without_code(_unquoted(span))
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
        sentence = _without_code(sentence)
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
        # On the whitespace tokens the detectors share, lowercased (C-speed maps): foreign
        # function words, bare or with a punctuation mark at one edge. Three of them within a
        # sentence's length (60 tokens) make a cluster; names like "de la" or "van" are spread
        # out. Only the lines that hold a cluster are split into sentences and judged.
        loose = map(str.lower, doc.tokens)
        marks = bytes(map(_foreign_tokens(script, language).__contains__, loose))
        if marks.count(1) < _MIN_FOREIGN:
            return
        positions: list[int] = []
        pos = marks.find(1)
        while pos >= 0:
            positions.append(pos)
            pos = marks.find(1, pos + 1)
        clusters = [
            (positions[i], positions[i + _MIN_FOREIGN - 1])
            for i in range(len(positions) - _MIN_FOREIGN + 1)
            if positions[i + _MIN_FOREIGN - 1] - positions[i] < _SENTENCE_WORDS
        ]
        if not clusters:
            return
        # Lines as token ranges (a token never crosses a line break): one pass over the lines.
        line_starts: list[int] = []
        token_ends: list[int] = []
        offset = tokens = 0
        for content in doc.text.split("\n"):
            line_starts.append(offset)
            offset += len(content) + 1
            tokens += len(content.split())
            token_ends.append(tokens)
        lines: set[int] = set()
        for first, last in clusters:
            line = bisect.bisect_right(token_ends, first)
            while True:
                lines.add(line)
                if token_ends[line] > last:
                    break
                line += 1
        for index in sorted(lines):
            for sentence in doc.line_sentences(line_starts[index]):
                tokens_in = langid.words(sentence.text)
                foreign, own = langid.function_words(tokens_in, script, language)
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
