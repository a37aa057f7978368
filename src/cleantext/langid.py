"""Language identification: langdetect behind a small, seeded, cached interface.

langdetect is random by default (two runs can disagree) and slow (about 4 ms a document), so this
module seeds it once, memoizes answers, and offers a cheap `script_language` shortcut for scripts
that belong to one language, so that callers only pay for langdetect on real candidates.
"""

from __future__ import annotations

import threading
from functools import lru_cache

from langdetect import DetectorFactory, LangDetectException, detect_langs

from cleantext.segment import script_counts

_SEED = 0
_LOCK = threading.Lock()
_INITIALIZED = False

# Scripts used by (practically) one language: no statistics needed.
_SCRIPT_LANGUAGE: dict[str, str] = {
    "Hangul": "ko", "Thai": "th", "Georgian": "ka", "Armenian": "hy", "Hebrew": "he",
    "Greek": "el", "Bengali": "bn", "Gujarati": "gu", "Gurmukhi": "pa", "Tamil": "ta",
    "Telugu": "te", "Kannada": "kn", "Malayalam": "ml", "Sinhala": "si", "Khmer": "km",
    "Lao": "lo", "Myanmar": "my",
}  # fmt: skip


def _ensure_seeded() -> None:
    global _INITIALIZED
    if _INITIALIZED:
        return
    with _LOCK:
        DetectorFactory.seed = _SEED
        _INITIALIZED = True


def script_language(text: str) -> str | None:
    """The language implied by the script alone, or None when the script is shared."""
    counts = script_counts(text)
    if not counts:
        return None
    script, count = counts.most_common(1)[0]
    if count < 0.8 * sum(counts.values()):
        return None
    if script in ("Hiragana", "Katakana"):
        return "ja"
    return _SCRIPT_LANGUAGE.get(script)


@lru_cache(maxsize=4096)
def detect(text: str) -> tuple[str, float] | None:
    """The most likely language of ``text`` and its probability, or None when undecidable.

    Deterministic: langdetect is seeded, and each call builds its detector from the seed.

    >>> detect("The quick brown fox jumps over the lazy dog near the river bank.")[0]
    'en'
    """
    _ensure_seeded()
    try:
        ranked = detect_langs(text)
    except LangDetectException:
        return None
    if not ranked:
        return None
    best = ranked[0]
    return str(best.lang), float(best.prob)
