"""Spam lines at the edges of a page: a script (or a language) the rest of the page never uses.

A WordPress theme shop's Persian ad (``قالب وردپرس درنا توس``) on top of an English article, a
Latin SEO line under a Persian one, an English keyword line under a Spanish article: short lines
at the top or the bottom of a document whose writing has nothing in common with the body.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import ClassVar

import regex

from cleantext import langid
from cleantext.filters.base import Repair
from cleantext.filters.registry import register
from cleantext.model import Change, apply_changes
from cleantext.segment import Line, drop_lines, has_letters, script_counts

# Scripts that one writing system mixes: Japanese writes Han, Hiragana and Katakana together,
# Korean mixes Hangul with Han, and a Chinese page may quote either. They count as one group,
# so that a line of kanji on a page of kana is never "another script".
_GROUP: dict[str, str] = {"Han": "CJK", "Hiragana": "CJK", "Katakana": "CJK", "Hangul": "CJK"}

# Scripts written without spaces between words.
_MAX_ROUNDS = 3

_UNSPACED = frozenset({"CJK", "Thai", "Lao", "Khmer", "Myanmar", "Tibetan"})
_MIN_UNSPACED_LETTERS = 6

# Languages written in both Latin and Cyrillic (Serbian, Montenegrin, Bosnian; Uzbek, Kazakh,
# Azerbaijani in transition): a letter peculiar to one of them on either side means the other
# script may be the same language, so Latin/Cyrillic lines are never dropped there.
_DIGRAPHIC_RE = regex.compile(
    "[ђјљњћџЂЈЉЊЋЏ"  # Serbian/Macedonian Cyrillic
    "әғқңөұүһӘҒҚҢӨҰҮҺўҳЎҲ"  # Kazakh, Uzbek Cyrillic (not і: Ukrainian has it too)
    "đĐčćČĆəƏğĞşŞıİʻʼ‘]"  # Serbo-Croatian, Azerbaijani, Turkic, Uzbek Latin
)
# Addresses, handles and hashtags: their letters are Latin on any page and say nothing about it.
_ADDRESS_RE = regex.compile(
    r"(?:https?://|www\.)\S+|\S+@\S+\.\w+|[@#][\w.]+|(?<!\w)[\w-]+(?:\.[\w-]+)*\.[a-z]{2,6}(?:/\S*)?",
    regex.IGNORECASE,
)
_ADDRESS_HINT_RE = regex.compile(r"://|www\.|[@#]|\.[A-Za-z]{2,6}\b")
_WORD_RE = regex.compile(r"[\p{L}\p{M}]+(?:['’-][\p{L}\p{M}]+)*")
# A line that ends like a sentence or a quotation is prose, even in a foreign script: an
# article may close with a quote in the original language. Spam lines are keyword strings.
_SENTENCE_END_RE = regex.compile(r"[.?…。？؟।။»”\"’)\]:：]\s*$")

# The wording of the ads that spam lines carry, in the scripts they come in: casinos and betting,
# downloads and cracks, WordPress themes and plugins, pills and loans. A line with one of these
# words needs less evidence from the body (a short page, a few letters of its script elsewhere).
_SPAM_WORDS: tuple[str, ...] = (
    # Latin
    "casino", "casinos", "poker", "slot", "slots", "betting", "bet", "baccarat", "roulette",
    "jackpot", "download", "downloads", "free download", "crack", "keygen", "torrent", "apk",
    "wordpress", "theme", "themes", "plugin", "plugins", "template", "templates", "nulled",
    "viagra", "cialis", "loan", "loans", "payday", "escort", "escorts", "porn", "xxx", "sex",
    "dating", "seo", "backlinks", "replica", "cheap", "discount", "forex", "crypto",
    "kasino", "apuestas", "apostas", "scommesse", "télécharger", "herunterladen", "descargar",
    "baixar", "scaricare",
    # Cyrillic
    "казино", "скачать", "бесплатно", "ставки", "букмекер", "кредит", "займ", "порно",
    "шаблоны", "шаблон", "вордпресс",
    # Arabic script (Persian, Arabic, Urdu)
    "قالب", "وردپرس", "وردپرس", "دانلود", "کازینو", "كازينو", "شرط", "بندی", "تحميل", "قالب‌های",
    "خرید", "فروش", "سئو", "بت", "پوکر", "رایگان",
    # Han, kana, Hangul
    "娱乐", "娛樂", "博彩", "赌场", "賭場", "彩票", "百家乐", "百家樂", "下载", "下載", "代孕",
    "发票", "發票", "棋牌", "老虎机", "破解", "免费", "免費", "色情", "カジノ", "ダウンロード",
    "無料", "出会い", "카지노", "바카라", "토토", "다운로드", "무료", "슬롯", "대출",
    # Georgian, Greek, Hebrew, Devanagari, Thai
    "კაზინო", "ჩამოტვირთვა", "καζίνο", "κατέβασμα", "קזינו", "הורדה", "कैसीनो", "डाउनलोड",
    "คาสิโน", "ดาวน์โหลด", "บาคาร่า", "สล็อต",
)  # fmt: skip
_SPAM_RE = regex.compile(
    r"(?<![\p{Latin}\p{Cyrillic}\p{Greek}])(?:"
    + "|".join(regex.escape(word) for word in sorted(set(_SPAM_WORDS), key=len, reverse=True))
    + r")(?![\p{Latin}\p{Cyrillic}\p{Greek}])",
    regex.IGNORECASE,
)


def _word_set(words: str) -> frozenset[str]:
    return frozenset(words.split())


# Function words that tell apart the Latin-script languages langdetect knows best; only words
# that belong to one language of the set are listed, so two hits already mean something.
_FUNCTION_WORDS: dict[str, frozenset[str]] = {
    "en": _word_set(
        "the and of to that for with your you are this from be have can our how what at by we "
        "or not it its which they their has been were would there about into more"
    ),
    "es": _word_set(
        "el los las y muy pero también cuando hay fue está están según donde desde hasta "
        "porque sus más ya"
    ),
    "fr": _word_set(
        "les des du et est une pour dans qui sur pas au avec ce sont aux plus été cette ont "
        "nous vous leur"
    ),
    "de": _word_set(
        "der die und ist nicht mit von zu ein eine für auf sich dem auch im werden wird sind "
        "wie bei nach oder aus einen einer"
    ),
    "pt": _word_set(
        "os dos não em é ao às pelo pela também seu sua foi são isso muito ou nas num numa "
        "pelos até já"
    ),
    "it": _word_set(
        "il di che è della delle dei degli gli nel nella per non sono anche più questo questa "
        "alla alle hanno essere stato molto tra"
    ),
    "nl": _word_set(
        "het een van niet op dat voor met zijn te wordt ook aan maar bij uit naar dit deze "
        "werd worden hij ze heeft hebben nog wel geen"
    ),
}


_WORD_LANGUAGE: dict[str, str] = {
    word: lang for lang, table in _FUNCTION_WORDS.items() for word in table
}
assert len(_WORD_LANGUAGE) == sum(map(len, _FUNCTION_WORDS.values())), "a word in two languages"


def _group_counts(counts: Counter[str]) -> Counter[str]:
    grouped: Counter[str] = Counter()
    for script, count in counts.items():
        grouped[_GROUP.get(script, script)] += count
    return grouped


@dataclass(frozen=True, slots=True)
class _Candidate:
    line: Line
    group: str  # the one script group of its letters
    counts: Counter[str]  # letters per script group
    raw: Counter[str]  # letters per script (Han and Hangul apart)
    spam: bool  # has the wording of an ad


def _function_word_language(text: str, min_hits: int) -> str | None:
    """The language whose function words dominate ``text``, or None when unclear."""
    words = _WORD_RE.findall(text.casefold())
    if not words:
        return None
    hits = Counter(lang for word in words if (lang := _WORD_LANGUAGE.get(word)) is not None)
    if not hits:
        return None
    ranked = hits.most_common(2)
    best, count = ranked[0]
    runner_up = ranked[1][1] if len(ranked) > 1 else 0
    if count < min_hits or count < 0.12 * len(words) or count < 3 * runner_up:
        return None
    return best


def function_word_language(text: str, min_hits: int = 5) -> str | None:
    """The language whose function words dominate ``text`` (en, es, fr, de, pt, it, nl), or None
    when unclear; used by `boilerplate` to tell English chrome on a page in another language."""
    return _function_word_language(text, min_hits)


def _to_original(position: int, removals: Sequence[Change]) -> int:
    """Where a position of the text after ``removals`` (sorted deletions) was before them."""
    shift = 0
    for removal in removals:
        if position < removal.start - shift:
            break
        shift += removal.end - removal.start
    return position + shift


def _first_lettered(edge: Sequence[Line]) -> Line | None:
    return next((line for line in edge if has_letters(line.content)), None)


def _edge_lines(text: str, depth: int) -> tuple[list[Line], list[Line]]:
    """The first and the last ``depth`` non-blank lines (each list from its edge inward),
    found without splitting the whole text; the same `Line` values as `segment.lines`."""
    size = len(text)
    top: list[Line] = []
    pos = 0
    while pos < size and len(top) < depth:
        end = text.find("\n", pos)
        end, after = (size, size) if end == -1 else (end, end + 1)
        if text[pos:end].strip():
            top.append(Line(pos, end, after, text[pos:end]))
        pos = after
    bottom: list[Line] = []
    stop = size
    while stop > 0 and len(bottom) < depth:
        end = stop - 1 if text[stop - 1] == "\n" else stop
        start = text.rfind("\n", 0, end) + 1
        if text[start:end].strip():
            bottom.append(Line(start, end, stop, text[start:end]))
        stop = start
    return top, bottom


def _continues(text: str, line: Line) -> bool:
    """Is the line part of a paragraph with the line after it (a sentence broken across lines:
    the next line follows without a blank line and opens in lower case)?"""
    nxt = text[line.next_start : line.next_start + 2]
    return bool(nxt) and nxt[0].islower()


def _function_word_share(text: str, lang: str) -> float:
    """The share of the words of ``text`` that are function words of ``lang``."""
    words = _WORD_RE.findall(text.casefold())
    table = _FUNCTION_WORDS[lang]
    return sum(word in table for word in words) / len(words) if words else 0.0


def _strip_addresses(line: str) -> str:
    if _ADDRESS_HINT_RE.search(line) is None:
        return line
    stripped: str = _ADDRESS_RE.sub(" ", line)
    return stripped


def _without(text: str, doomed: Sequence[Line]) -> str:
    """``text`` without the given lines (their content; line breaks are kept)."""
    pieces: list[str] = []
    pos = 0
    for line in sorted(doomed, key=lambda line: line.start):
        pieces.append(text[pos : line.start])
        pos = line.end
    pieces.append(text[pos:])
    return "".join(pieces)


@lru_cache(maxsize=64)
def _script_re(group: str) -> regex.Pattern[str]:
    """A pattern for one letter of a script group."""
    scripts = [name for name, grouped in _GROUP.items() if grouped == group] or [group]
    return regex.compile("[" + "".join(rf"\p{{Script={name}}}" for name in scripts) + "]")


@register
@dataclass(frozen=True, slots=True)
class SpamLines(Repair):
    """Drop short lines at the top or bottom written in a script the rest of the page never uses.

    Fixes (``spam-lines.other-script``): a short line near an edge whose letters all belong to one
    script that is absent from the rest of the document, when the rest is long enough and has a
    dominant script. Symmetric: a Persian ad on an English page and a Latin ad on a Persian page
    both go. With ``languages`` on (``spam-lines.other-language``), an edge line in the same
    script but clearly another language (an English SEO line under a Spanish article) goes too:
    function words nominate it and the seeded langdetect must confirm both languages.

    Leaves alone: anything in the body (``Слава Україні!`` between English paragraphs, ``花前態舞``
    inside a sentence); lines that mix scripts; bilingual texts and glossaries (no dominant script,
    or the line's script occurs elsewhere); Han, Hiragana, Katakana and Hangul, which count as one
    writing system; Latin next to Cyrillic when either side shows a letter of a language written in
    both (Serbian ``ј``, ``đ``, Kazakh ``қ``...); URLs, e-mail addresses and handles; lines that end
    like a sentence or a quotation; lines under ``min_words`` words or ``min_letters`` letters
    (six letters in scripts written without spaces); documents whose rest has fewer than
    ``min_body_letters`` letters; a stack of foreign lines so deep that three looks at the
    output do not reach its end (the filter looks again at its output so as to be idempotent).

    A line with an ad's wording (casino, download, WordPress themes ... in any script) needs
    only ``min_short_body_letters`` letters of body, may share its script with up to 5% of the
    rest, and, in Han, goes from a page of Hangul or kana. Worst case: a document whose edge
    lines are all candidates; only ``edge_lines`` lines per edge are examined, and the body is
    profiled once per look (at most three looks), so the time is linear in the text.

    >>> from cleantext import Pipeline
    >>> body = "The council approved the budget on Tuesday evening after a long debate. " * 4
    >>> Pipeline([SpamLines()]).clean("قالب وردپرس درنا توس\\n" + body.strip()) == body.strip()
    True
    """

    name: ClassVar[str] = "spam-lines"
    default: ClassVar[bool] = True

    #: How many non-blank lines from each edge may be dropped.
    edge_lines: int = 3
    #: Longer lines are prose, not spam.
    max_line_chars: int = 200
    #: A spam line has at least this many words and letters (one foreign word is a name).
    min_words: int = 3
    min_letters: int = 10
    #: The rest of the document must have this many letters, and one script group must hold
    #: ``min_dominance`` of them.
    min_body_letters: int = 200
    min_dominance: float = 0.8
    #: ... or this many, when the line carries an ad's wording (casino, download, WordPress
    #: theme ... in any script): a short page decides with its line.
    min_short_body_letters: int = 12
    #: Also drop same-script lines in another language (function words + langdetect).
    languages: bool = True
    #: A line must have this many words for its language to be judged.
    min_language_words: int = 6
    #: Both langdetect answers must be at least this sure.
    min_language_confidence: float = 0.9

    def changes(self, text: str) -> Iterator[Change]:
        found = self._find(text)
        if not found:
            return
        # Dropping lines brings new lines to the edges. Look again, so that the output is a
        # fixed point (idempotence): what a second run would drop goes now. A stack of foreign
        # lines that does not end within `_MAX_ROUNDS` looks is left whole.
        for _ in range(_MAX_ROUNDS):
            ordered = [found[start] for start in sorted(found)]
            changes = drop_lines(
                text,
                [line for line, _, _ in ordered],
                [rule for _, rule, _ in ordered],
                [reason for _, _, reason in ordered],
            )
            more = self._find(apply_changes(text, changes))
            if not more:
                yield from changes
                return
            for line, rule, reason in more.values():
                start = _to_original(line.start, changes)
                end = start + len(line.content)
                after = end + 1 if text[end : end + 1] == "\n" else end
                found[start] = (Line(start, end, after, line.content), rule, reason)

    def _find(self, text: str) -> dict[int, tuple[Line, str, str]]:
        """The lines to drop, by start: ``(line, rule, reason)``."""
        doomed: dict[int, tuple[Line, str, str]] = {}
        if not text or "\n" not in text.strip():
            return doomed  # one line: nothing to compare it with
        # Only the lines at the edges matter, so the text is never split as a whole.
        top, bottom = _edge_lines(text, self.edge_lines)
        if not top or top[0] == bottom[0]:
            return doomed  # one non-blank line
        # Cheap reject: a run of spam starts with the first line that has letters at an edge.
        firsts = [line for line in (_first_lettered(top), _first_lettered(bottom)) if line]
        maybe_script = not text.isascii() and any(
            self._script_candidate(line) is not None for line in firsts
        )
        if maybe_script:
            for line, reason in self._other_script(text, top, bottom):
                doomed[line.start] = (line, f"{self.name}.other-script", reason)
            top = [line for line in top if line.start not in doomed]
            bottom = [line for line in bottom if line.start not in doomed]
            firsts = [line for line in (_first_lettered(top), _first_lettered(bottom)) if line]
        if self.languages and any(self._language_candidate(line) is not None for line in firsts):
            for line, reason in self._other_language(text, top, bottom):
                doomed[line.start] = (line, f"{self.name}.other-language", reason)
        return doomed

    # -- other script -------------------------------------------------------------------------

    def _other_script(
        self, text: str, top_lines: Sequence[Line], bottom_lines: Sequence[Line]
    ) -> list[tuple[Line, str]]:
        # The runs of candidate lines from each edge inward (lines without letters are skipped).
        top = self._script_run(top_lines)
        taken = {cand.line.start for cand in top}
        bottom = [c for c in self._script_run(bottom_lines) if c.line.start not in taken]
        runs = [top, bottom]
        if not runs[0] and not runs[1]:
            return []
        # Cheap reject: usually every candidate (a title, a dateline) shares the body's script.
        rest_text = _without(text, [cand.line for run in runs for cand in run])
        if all(
            not cand.spam and _script_re(cand.group).search(rest_text)
            for run in runs
            for cand in run
        ):
            return []
        raw_total = script_counts(text)
        total = _group_counts(raw_total)
        # A candidate's script must be absent from everything that stays. A candidate that fails
        # stays, and so do the candidates behind it (they are no longer at the edge); that
        # changes the rest, so repeat until stable.
        while True:
            rest = Counter(total)
            for run in runs:
                for cand in run:
                    rest.subtract(cand.counts)
            rest = +rest
            changed = False
            for index, run in enumerate(runs):
                for position, cand in enumerate(run):
                    if not self._foreign(cand, rest, text, raw_total):
                        runs[index] = run[:position]
                        changed = True
                        break
            if not changed:
                break
        if not rest:
            return []
        dominant = rest.most_common(1)[0][0]
        return [
            (
                cand.line,
                f"a line in {cand.group} script on a {dominant}-script page "
                f"(no other {cand.group} text)",
            )
            for run in runs
            for cand in run
        ]

    def _script_run(self, edge: Sequence[Line]) -> list[_Candidate]:
        run: list[_Candidate] = []
        for line in edge:
            if not has_letters(line.content):
                continue
            cand = self._script_candidate(line)
            if cand is None:
                break
            run.append(cand)
        return run

    def _foreign(
        self, cand: _Candidate, rest: Counter[str], text: str, raw_total: Counter[str]
    ) -> bool:
        body_letters = sum(rest.values())
        # An ad's wording lets a short page decide: its line and its body together.
        needed = self.min_short_body_letters if cand.spam else self.min_body_letters
        if not rest or body_letters < needed:
            return False
        if cand.group == "CJK" and rest["CJK"]:
            return self._han_on_hangul_or_kana(cand, rest, raw_total)
        own = rest[cand.group]
        # A few letters of the line's script elsewhere (a name, a URL left in an article) do
        # not make it the page's script, when the line reads like an ad.
        if own and not (cand.spam and own <= 0.05 * body_letters):
            return False
        dominant, count = rest.most_common(1)[0]
        if count < self.min_dominance * body_letters:
            return False  # bilingual: no script dominates the rest
        # Serbian and its neighbours: the "foreign" script may be the same language.
        digraphic = {cand.group, dominant} == {"Latin", "Cyrillic"}
        return not (digraphic and _DIGRAPHIC_RE.search(text))

    def _han_on_hangul_or_kana(
        self, cand: _Candidate, rest: Counter[str], raw_total: Counter[str]
    ) -> bool:
        """A Chinese ad (Han only, with an ad's wording) on a Korean or Japanese page: the page's
        own letters are mostly Hangul, or a good share kana (Japanese writes Han too, and a
        Korean page may show Hanja: without an ad's wording a Han line stays)."""
        if not cand.spam or set(cand.raw) != {"Han"} or not rest["CJK"]:
            return False
        cjk = rest["CJK"]
        if cjk < self.min_dominance * sum(rest.values()):
            return False
        hangul = raw_total["Hangul"]
        kana = raw_total["Hiragana"] + raw_total["Katakana"]
        return hangul >= 0.7 * cjk or kana >= 0.2 * cjk

    def _script_candidate(self, line: Line) -> _Candidate | None:
        content = line.content
        if len(content) > self.max_line_chars or _SENTENCE_END_RE.search(content):
            return None
        stripped = _strip_addresses(content)
        counts = _group_counts(script_counts(stripped))
        if len(counts) != 1:
            return None  # no letters, or mixed scripts: not a clean foreign line
        group, letters = next(iter(counts.items()))
        if group in _UNSPACED:
            # Chinese, Japanese, Thai...: no spaces to count words by; six letters is a phrase.
            if letters < _MIN_UNSPACED_LETTERS:
                return None
        elif letters < self.min_letters or len(_WORD_RE.findall(stripped)) < self.min_words:
            return None
        raw = script_counts(stripped)
        return _Candidate(line, group, counts, raw, _SPAM_RE.search(stripped) is not None)

    # -- other language -----------------------------------------------------------------------

    def _other_language(
        self, text: str, top: Sequence[Line], bottom: Sequence[Line]
    ) -> list[tuple[Line, str]]:
        if not top or not bottom or top[0].start >= bottom[0].start:
            return []
        # The body is judged without its first and last lines (the usual places of spam).
        sample = text[top[0].next_start : bottom[0].start][:3000]
        if len(_WORD_RE.findall(sample)) < 40:
            return []
        body_lang = _function_word_language(sample, min_hits=5)
        if body_lang is None:
            return []
        doomed: list[tuple[Line, str]] = []
        for edge in (top, bottom):
            for line in edge:
                if not has_letters(line.content):
                    continue
                lang = self._language_candidate(line)
                if (
                    lang is None
                    or _continues(text, line)
                    or lang == body_lang
                    or _function_word_share(sample, lang) > 0.02
                    or script_counts(line.content).keys() != {"Latin"}
                    or not self._confirmed(line.content, lang)
                    or not self._confirmed(sample, body_lang)
                ):
                    break
                if line not in (found for found, _ in doomed):
                    doomed.append((line, f"a line in {lang} at the edge of a text in {body_lang}"))
        return doomed

    def _language_candidate(self, line: Line) -> str | None:
        content = line.content
        if len(content) > self.max_line_chars or _SENTENCE_END_RE.search(content):
            return None  # long, or a sentence: prose (a quote, a summary), not a keyword line
        stripped = _strip_addresses(content)
        if len(_WORD_RE.findall(stripped)) < self.min_language_words:
            return None
        return _function_word_language(stripped, min_hits=2)

    def _confirmed(self, text: str, lang: str) -> bool:
        found = langid.detect(text)
        return found is not None and found[0] == lang and found[1] >= self.min_language_confidence
