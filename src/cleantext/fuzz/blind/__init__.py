"""Blind corruptors: defects placed where real scrapers, CMSs and MT pipelines put them.

They are written without looking at what the filters take as evidence (no module here imports
`cleantext.filters`; a test checks it), so the share a filter restores is its recall on dirt it
was not built around. The "supported" corruptors of the family modules (`cleantext.fuzz.rejoin`
and the others) carry the filters' documented evidence; they are for property tests.

One module per filter family: `rejoin` (numbers and words split across line and paragraph breaks
anywhere inside a sentence, in every script), `spam` (ads in another script at the top or bottom,
on documents of any length), `residue` (breadcrumbs, share blocks, glued share text, source
links, residue glued before or after a content line, in the page's language or English),
`encoding` (mojibake of several codecs over a word, sentence, line or document), `entities`
(HTML escapes and MT-tokenized entities anywhere) and `moses` (``@-@ @,@ @.@`` markers).
"""

from __future__ import annotations

from collections import Counter

import regex

from cleantext.segment import script_counts

#: Scripts that count as one group for "another script": kana and Hangul are NOT grouped with
#: Han, since a Chinese ad on a Korean or Japanese page is as foreign as a Latin one.
_GROUPS = {"Hiragana": "Kana", "Katakana": "Kana"}

_LINE_RE = regex.compile(r"[^\n]+")


def script_group(text: str) -> str | None:
    """The dominant script group of ``text`` (Japanese text with kana counts as ``Kana``).

    >>> script_group("政府は火曜日の夜に新しい予算を承認しました。"), script_group("市议会周二晚上")
    ('Kana', 'Han')
    """
    counts: Counter[str] = Counter()
    for script, count in script_counts(text).items():
        counts[_GROUPS.get(script, script)] += count
    if not counts:
        return None
    if counts["Kana"] and counts["Kana"] >= 0.1 * (counts["Kana"] + counts["Han"]):
        return "Kana"
    return counts.most_common(1)[0][0]


def language(text: str) -> str:
    """The page's language (ISO 639-1), ``en`` when it cannot be told."""
    from cleantext import langid

    guessed = langid.guess(text[:2000])
    return guessed[0] if guessed else "en"


def lines(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of each non-empty line."""
    return [m.span() for m in _LINE_RE.finditer(text)]
