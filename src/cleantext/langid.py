"""Language identification: cheap signals first, langdetect behind a seeded, cached interface.

langdetect is random by default (two runs can disagree) and slow (about 4 ms a document), so this
module seeds it once and memoizes answers, and it offers cheaper signals that decide most texts
without it: a script that belongs to one language (`script_language`), the kana share that tells
Japanese from Chinese, and counts of distinctive function words (`stopword_votes`) for the
languages that share the Latin, Cyrillic, Arabic or Devanagari script. `guess` chains them and calls
langdetect only when they cannot decide. Language codes are ISO 639-1 as langdetect names them,
except that Chinese is ``zh`` whatever the variant.
"""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from functools import lru_cache

import regex
from langdetect import DetectorFactory, LangDetectException, detect_langs

from cleantext._langid_data import AMBIGUOUS, SCRIPT_LANGUAGE, STOPWORDS
from cleantext.segment import script_counts

_SEED = 0
_LOCK = threading.Lock()
_INITIALIZED = False

#: How much of a long text `guess` hands to langdetect: its cost grows with the text, its answer
#: on news prose is settled long before this.
LANGDETECT_SAMPLE = 2000
#: How much of a long text the function-word votes of a document are counted on (`sample`):
#: a bounded cost per document whatever its size, and on news the votes are settled long before.
LANGUAGE_SAMPLE = 1200
_SAMPLE_WINDOWS = 4

_CJK_SCRIPTS = ("Han", "Hiragana", "Katakana")


def _distinctive(groups: Mapping[str, Mapping[str, str]]) -> dict[str, dict[str, str]]:
    """Per script, word -> language for words listed for exactly one language of that script."""
    table: dict[str, dict[str, str]] = {}
    for script, languages in groups.items():
        seen: Counter[str] = Counter()
        for words in languages.values():
            seen.update(set(words.split()))
        table[script] = {
            word: language
            for language, words in languages.items()
            for word in words.split()
            if seen[word] == 1 and word not in AMBIGUOUS
        }
    return table


def _listing(groups: Mapping[str, Mapping[str, str]]) -> dict[str, dict[str, frozenset[str]]]:
    """Per script, word -> every language that lists it."""
    table: dict[str, dict[str, set[str]]] = {}
    for script, languages in groups.items():
        for language, words in languages.items():
            for word in words.split():
                table.setdefault(script, {}).setdefault(word, set()).add(language)
    return {
        script: {word: frozenset(langs) for word, langs in words.items()}
        for script, words in table.items()
    }


#: script -> {distinctive function word -> language}.
WORD_LANGUAGE: dict[str, dict[str, str]] = _distinctive(STOPWORDS)
#: script -> {function word -> the languages that list it}, shared words included.
FUNCTION_WORDS: dict[str, dict[str, frozenset[str]]] = _listing(STOPWORDS)
#: script -> the languages `stopword_votes` can tell apart in it.
STOPWORD_LANGUAGES: dict[str, frozenset[str]] = {
    script: frozenset(languages) for script, languages in STOPWORDS.items()
}
#: Every language with a function-word list, whatever its script.
LANGUAGE_SCRIPT: dict[str, str] = {
    language: script for script, languages in STOPWORDS.items() for language in languages
}

# Words, with their inner apostrophes (``d'un``, ``it's`` are one word, so that no fragment ``d``
# or ``s`` looks like a function word), and not the letters of an abbreviation (``U.S.``).
_WORD_RE = regex.compile(r"(?<!\p{L}\.)[\p{L}\p{M}]+(?:['’][\p{L}\p{M}]+)*(?!\.\p{L})")


def _ensure_seeded() -> None:
    global _INITIALIZED
    if _INITIALIZED:
        return
    with _LOCK:
        DetectorFactory.seed = _SEED
        _INITIALIZED = True


def words(text: str) -> list[str]:
    """Lowercased runs of letters (and their combining marks), the unit `stopword_votes` counts."""
    found: list[str] = _WORD_RE.findall(text.lower())
    return found


def sample(text: str, size: int = LANGUAGE_SAMPLE) -> str:
    """At most about ``size`` characters of ``text`` for deciding its language: the whole text
    when it is that short, else `_SAMPLE_WINDOWS` windows spread evenly over it (the start, the
    end and between), each cut at whitespace so that no word is split, joined by line breaks.
    Linear in ``size``, not in the text: each cut looks at most 64 characters around it.

    >>> sample("a b c", 10)
    'a b c'
    >>> len(sample("word " * 10_000)) <= 2000
    True
    """
    if len(text) <= size:
        return text
    width = size // _SAMPLE_WINDOWS
    step = (len(text) - width) / (_SAMPLE_WINDOWS - 1)
    pieces = []
    for i in range(_SAMPLE_WINDOWS):
        start = int(i * step)
        end = start + width
        if start:
            space = text.find(" ", start, start + 64)
            start = space + 1 if space >= 0 else start
        space = text.rfind(" ", max(start, end - 64), end)
        pieces.append(text[start : space if space > start else end])
    return "\n".join(pieces)


def stopword_votes(tokens: Iterable[str] | Counter[str], script: str) -> Counter[str]:
    """How many of ``tokens`` are distinctive function words of each language of ``script``.

    ``tokens`` may be a `Counter` of them (a document's words counted once for several uses).

    >>> stopword_votes(words("Le chat et le chien sont dans la maison"), "Latin")
    Counter({'fr': 3})
    """
    table = WORD_LANGUAGE.get(script)
    votes: Counter[str] = Counter()
    if not table:
        return votes
    counted = tokens if isinstance(tokens, Counter) else Counter(tokens)
    # Only the words both hold (a C-speed set intersection), in a fixed order (the vote counts
    # do not depend on it; a tie between languages decides nothing anyway).
    for word in sorted(counted.keys() & table.keys()):
        votes[table[word]] += counted[word]
    return votes


@lru_cache(maxsize=256)
def foreign_and_own(script: str, language: str) -> tuple[frozenset[str], frozenset[str]]:
    """The function words of ``script`` listed only for other languages than ``language``, and
    those listed for ``language``."""
    table = FUNCTION_WORDS.get(script, {})
    foreign = frozenset(word for word, langs in table.items() if language not in langs)
    own = frozenset(word for word, langs in table.items() if language in langs)
    return foreign, own


def function_words(tokens: Sequence[str], script: str, language: str) -> tuple[int, int]:
    """``(foreign, own)``: how many ``tokens`` are function words of other languages of
    ``script`` only, and how many are function words of ``language`` (shared words included).

    >>> function_words(words("Le conseil a approuvé le budget après un débat"), "Latin", "en")
    (4, 1)
    """
    foreign, own = foreign_and_own(script, language)
    return sum(map(foreign.__contains__, tokens)), sum(map(own.__contains__, tokens))


def listed_words(tokens: Sequence[str], language: str) -> int:
    """How many of ``tokens`` are function words listed for ``language`` (shared or not)."""
    script = LANGUAGE_SCRIPT.get(language)
    if script is None:
        return 0
    return sum(map(foreign_and_own(script, language)[1].__contains__, tokens))


def script_language(text: str, counts: Counter[str] | None = None) -> str | None:
    """The language implied by the script alone, or None when the script is shared.

    The script must hold most of the letters; Latin names and acronyms are common in text of
    other scripts, so the share asked is one half, not more. Japanese mixes Han with kana: a
    CJK text is ``ja`` when kana make up a tenth of its CJK letters and ``zh`` when there is no
    kana at all; in between it is left undecided.

    >>> script_language("政府は火曜日の夜に新しい予算を承認しました。")
    'ja'
    >>> script_language("市议会周二晚上批准了新的预算 Peter Murchie。")
    'zh'
    """
    counts = script_counts(text) if counts is None else counts
    total = sum(counts.values())
    if not total:
        return None
    cjk = sum(counts[s] for s in _CJK_SCRIPTS)
    if cjk >= 0.5 * total:
        kana = counts["Hiragana"] + counts["Katakana"]
        if kana >= 0.1 * cjk:
            return "ja"
        return "zh" if kana == 0 else None
    script, count = counts.most_common(1)[0]
    if count < 0.5 * total:
        return None
    return SCRIPT_LANGUAGE.get(script)


def guess(
    text: str, counts: Counter[str] | None = None, votes: Counter[str] | None = None
) -> tuple[str, float] | None:
    """The language of a document and a confidence in [0, 1], from the cheapest signal that decides.

    In order: the script (``script_language``; confidence 0.99: a script cannot be mistaken),
    distinctive function words when the script is shared (decided when the winner has at least 6
    votes and 75% of them; confidence = that share), and langdetect on the first
    `LANGDETECT_SAMPLE` characters otherwise. None for a text too short to judge. ``counts``
    (`script_counts` of the text) and ``votes`` (`stopword_votes` of its words in its dominant
    script) may be passed when the caller already has them.

    >>> guess("The council said that the bridge would be closed for repairs, and that it was safe.")
    ('en', 1.0)
    """
    counts = script_counts(text) if counts is None else counts
    total = sum(counts.values())
    if not total:
        return None
    by_script = script_language(text, counts)
    if by_script is not None:
        return by_script, 0.99
    script, count = counts.most_common(1)[0]
    if count >= 0.8 * total and script in WORD_LANGUAGE:
        if votes is None:
            votes = stopword_votes(words(text), script)
        if votes:
            best, best_votes = votes.most_common(1)[0]
            share = best_votes / sum(votes.values())
            if best_votes >= 6 and share >= 0.75:
                return best, round(share, 3)
    if total < 20:
        return None
    return detect(text[:LANGDETECT_SAMPLE])


def _normalize(code: str) -> str:
    return "zh" if code.startswith("zh") else code


@lru_cache(maxsize=4096)
def detect(text: str, against: str | None = None) -> tuple[str, float] | None:
    """The most likely language of ``text`` (langdetect) and its probability, or None.

    With ``against`` (a language), the most likely language *other than* ``against`` and the
    probability that ``text`` is not in ``against``: closely related languages that split the
    probability (Indonesian and Malay, Czech and Slovak) still add up to a sure "not this one".
    Chinese is ``zh``: langdetect's ``zh-cn`` and ``zh-tw`` are added up.

    Deterministic: langdetect is seeded, and each call builds its detector from the seed.

    >>> detect("The quick brown fox jumps over the lazy dog near the river bank.")[0]
    'en'
    >>> detect("The quick brown fox jumps over the lazy dog near the river bank.", "en")
    """
    ranked = _ranked(text)
    if against is None:
        return ranked[0] if ranked else None
    others = [(code, prob) for code, prob in ranked if code != against]
    if not others:
        return None
    not_against = 1.0 - sum(prob for code, prob in ranked if code == against)
    return others[0][0], round(min(max(not_against, 0.0), 1.0), 6)


@lru_cache(maxsize=4096)
def _ranked(text: str) -> tuple[tuple[str, float], ...]:
    """langdetect's languages for ``text``, most likely first, variants merged."""
    _ensure_seeded()
    try:
        found = detect_langs(text)
    except LangDetectException:
        return ()
    merged: dict[str, float] = {}
    for item in found:
        code = _normalize(str(item.lang))
        merged[code] = merged.get(code, 0.0) + float(item.prob)
    ranked = sorted(merged.items(), key=lambda pair: -pair[1])
    return tuple((code, min(prob, 1.0)) for code, prob in ranked)
