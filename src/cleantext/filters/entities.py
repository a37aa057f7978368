"""HTML entities left in text: intact, double-escaped, half-eaten, and split apart by a tokenizer.

Scrapers and CMS exports leave ``&quot;`` and ``&#39;`` in text, sometimes escaped twice
(``&amp;#39;``) or with the ``&`` eaten (``amp;#039;``); machine-translation pipelines run a
tokenizer over them and hand back ``& # 39;``. The `Entities` filter decodes the forms that are
certainly entities and, for the tokenized ones, puts a decoded quote back against its word.
"""

from __future__ import annotations

import bisect
import html.entities
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import ClassVar

import regex

from cleantext.filters._quotes import (
    QUOTE_CHAR_RE,
    QUOTES,
    attach_quotes,
    space_runs,
    uses_low_nine_quotes,
)
from cleantext.filters.base import Repair
from cleantext.filters.registry import register
from cleantext.model import Change

# -- data ------------------------------------------------------------------------------------


def _build_named() -> dict[str, str]:
    """Entity names (without ``&`` and ``;``) to characters: the HTML5 names that end in ``;``.

    Lower-case names are also accepted in upper case (``&EACUTE;``), as ftfy does, when the upper
    case spelling is not a different entity; the character is upper-cased with it.
    """
    named: dict[str, str] = {}
    for name, char in html.entities.html5.items():
        if name.endswith(";"):
            named[name[:-1]] = char
    for name, char in list(named.items()):
        upper = name.upper()
        if name == name.lower() and upper not in named and len(char.upper()) == 1:
            named[upper] = char.upper()
    return named


_NAMED: dict[str, str] = _build_named()


def _words(spaced: str) -> frozenset[str]:
    return frozenset(spaced.split())


# Names accepted in a tokenized (spaced) or half-eaten form. Intact ``&name;`` is unambiguous
# for any HTML5 name, but once spaces are allowed inside, ``R & D;`` or ``rock & it ;`` would be
# "entities" too; so the spaced forms are limited to what HTML escapers actually emit: markup
# escapes, typographic punctuation, common symbols and Latin-1 letters.
_LATIN1_LETTERS_RE = regex.compile(
    r"[A-Za-z](?:acute|grave|circ|uml|tilde|cedil|ring|slash)|[Aa][Ee]lig|[Oo][Ee]lig|szlig"
    r"|ETH|eth|THORN|thorn|[Ss]caron|[Zz]caron|Yuml"
)
_SPACED_NAMES: frozenset[str] = _words(
    """
    amp quot apos lt gt nbsp AMP QUOT LT GT
    ndash mdash hellip lsquo rsquo sbquo ldquo rdquo bdquo laquo raquo lsaquo rsaquo bull middot
    prime Prime copy reg trade euro pound cent yen curren deg times divide plusmn frac12 frac14
    frac34 sup1 sup2 sup3 micro iexcl iquest sect para ordf ordm shy dagger Dagger permil
    """
) | frozenset(name for name in _NAMED if _LATIN1_LETTERS_RE.fullmatch(name))

# cp1252's readings of the C1 code points: browsers decode ``&#150;`` as an en dash, not as a
# control character (HTML5 "numeric character reference end state").
_C1_AS_CP1252: dict[int, str] = {
    n: bytes([n]).decode("cp1252")
    for n in range(0x80, 0xA0)
    if n not in (0x81, 0x8D, 0x8F, 0x90, 0x9D)
}

# The spaces a tokenizer puts between the parts of an entity (ASCII spaces only, never a line
# break). ``esc`` holds the ``amp;`` of double and triple escapes; a match that does not start
# with ``&`` is a half-eaten double escape (``amp;#039;``) and needs at least one ``amp;``.
_SP = "[ ]{0,2}"
_ENTITY_RE = regex.compile(
    rf"""
    (?: & {_SP} | (?<!&[ ]{{0,2}}) (?=amp;) )
    (?P<esc> (?: amp {_SP} ; {_SP} ){{0,8}} )
    (?P<body>
        \# {_SP} (?: (?P<dec>\d{{1,8}}) | [xX] {_SP} (?P<hex>[0-9a-fA-F]{{1,6}}) )
      | (?P<bare>\d{{2,8}})
      | (?P<name>[A-Za-z][A-Za-z0-9]{{1,31}})
    )
    {_SP} ;
    """,
    regex.VERBOSE,
)

_START_RE = re.compile("&|amp;")
# The longest text an entity can span (``&`` and spaces, eight ``amp;``, a 32-letter name, ``;``).
# Each match is bounded by it: `regex` looks for a required literal (``;``) from the match
# position to the end of the text, which made a run of ``&`` without ``;`` quadratic.
_LONGEST = 3 + 8 * 8 + 1 + 32 + 3
# -- the filter ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Found:
    """A decoded entity: ``text[start:end]`` becomes ``char``."""

    start: int
    end: int
    char: str
    rule: str
    tokenized: bool


@register
@dataclass(frozen=True, slots=True)
class Entities(Repair):
    """Decode HTML entities that are certainly entities, including tokenized and double forms.

    Fixes: every HTML5 named entity written with its ``;`` (``&eacute;``, ``&rsquo;``), decimal
    and hex references (``&#39;``, ``&#x27;``; ``&#150;`` is cp1252's en dash, as in browsers),
    double and triple escapes (``&amp;#39;``, ``&amp;amp;quot;``), the half-eaten ``amp;#039;``,
    and the forms a machine-translation tokenizer leaves: ``& # 39;``, ``& # x27 ;``,
    ``& quot ;``. A quote decoded from a tokenized entity takes back the spaces the tokenizer
    put around it: contractions and elisions close up (``didn & # 39;t`` -> ``didn't``), other
    quotes pair up, an opening one joins the next word and a closing one the previous word
    (``& # 39; Iraq needs the USA & # 39;`` -> ``'Iraq needs the USA'``).

    Leaves alone: names without ``;`` (``&copy``, ``&not``: in ``this&not that`` or a query
    string ``?a=1&copy=2`` they are not entities, which is why ftfy does not decode them either),
    unknown names, code points that are controls, surrogates or out of range, spaced forms of
    names that escapers do not emit (``R & D;``, ``Q & A``), and every ampersand in prose
    (``AT&T``, ``S&P 500``, ``& #WorldCup``). Entities are decoded wherever they are, even in
    text that also holds markup (no "a ``<`` turns it off" switch), except where the text talks
    about them (`_talked_about`): inside backticks, quoted on their own (``"&amp;"``), a token
    of its own near a word about markup (``escape ampersand as &amp;``), or one of three
    different entities listed on a line (``&lt;, &gt; and &amp;``). Spaces the author wrote stay.

    Worst case: a line of a million ``&`` or ``& # `` (each candidate is matched within a
    bounded window: linear) and many tokenized quotes on one line (one pairing pass).

    >>> from cleantext import Pipeline
    >>> Pipeline([Entities()]).clean("& # 39; Iraq needs the USA & # 39; &amp;amp; AT&T")
    "'Iraq needs the USA' & AT&T"
    """

    name: ClassVar[str] = "entities"
    default: ClassVar[bool] = True

    def changes(self, text: str) -> Iterator[Change]:
        if "&" not in text and "amp;" not in text:
            return
        found = find_entities(text)
        if found and _DISCUSSION_HINT_RE.search(text) is not None:
            talked_about = _talked_about(text, found)
            found = [item for item, keep in zip(found, talked_about, strict=True) if not keep]
        if not found:
            return
        spans = _attach_quotes(text, found)
        for item, (start, end) in zip(found, spans, strict=True):
            reason = f"{text[item.start : item.end]!r} is the entity for {item.char!r}"
            if (start, end) != (item.start, item.end):
                reason += "; tokenizer spaces around the quote removed"
            yield Change(start, end, item.char, item.rule, reason)


# -- markup talked about --------------------------------------------------------------------

# Words that say a text is about markup, in several languages (``escap`` covers escape,
# escaped, escaping, escapar). "Entity" alone is not one: it is business English ("a legal
# entity"), as 实体 is Chinese economics; only "character entity", "entity reference"... are.
# A word counts only within `_NEAR` characters of a standalone entity on the same line.
_DISCUSSION_RE = regex.compile(
    r"(?i:escap|ampersand|esperluette|perluète|kaufmännisch|html|xml|sgml|markup"
    r"|(?:character|named|numeric) (?:entit|reference)|entity (?:reference|name|code)"
    r"|zeichenreferenz|échapp|escapar|secuencia de escape|экранир|амперсанд|мнемоник"
    r"|转义|轉義|エスケープ|文字参照|이스케이프|문자 참조|এস্কেপ|এম্পারসেন্ড|এনটিটি)"
)
# The cheap reject: a backtick, a quote right before an ``&``, an entity followed by another
# (``&lt;, &gt;``), or a discussion word anywhere.
_DISCUSSION_HINT_RE = regex.compile(
    r"`|[\"'“‘«„]&|;,? (?:\w+ )?&"
    r"|(?i:escap|ampersand|esperluette|perluète|kaufmännisch|html|xml|markup|entit"
    r"|reference|referenz|échapp|экранир|амперсанд|мнемоник|转义|轉義|エスケープ|文字参照"
    r"|이스케이프|문자 참조|এস্কেপ|এম্পারসেন্ড|এনটিটি)"
)
_NEAR = 80
_QUOTE_PAIRS = {'"': '"', "'": "'", "“": "”", "‘": "’", "«": "»", "„": "“", "`": "`"}


def _standalone(
    text: str, item: _Found, line_start: int, line_end: int, bounds: tuple[set[int], set[int]]
) -> bool:
    """An entity written as a token of its own: it stands for a symbol, not a letter
    (``&#4850;`` is an escaped Ethiopic letter), and no letter, digit or other entity touches
    it (``&#1594;&#1590;`` is an escaped word). ``bounds`` are the line's entity starts and
    ends."""
    starts, ends = bounds
    if item.char.isalnum() or item.start in ends or item.end in starts:
        return False
    before = text[item.start - 1] if item.start > line_start else " "
    after = text[item.end] if item.end < line_end else " "
    return not before.isalnum() and not after.isalnum()


def _talked_about(text: str, found: Sequence[_Found]) -> list[bool]:
    """For each entity, whether the text talks about it rather than uses it (it stays).

    The evidence, on the entity's own line: it stands inside a code span between
    backticks; it is quoted on its own (``"&amp;"``, ``«&lt;»``); or it stands as a token of its own
    within `_NEAR` characters of a word about markup (``escape ampersand as &amp;``, "entity",
    "HTML", ``échapper``, ``экранировать``, ``转义``...); or three different entities stand as
    tokens of their own on the line (``&lt;, &gt; and &amp;``: a list of entities). Tokenized
    and half-eaten forms (``& # 39;``, ``amp;#039;``) are machine output, never talked about.
    Linear: each line is scanned once for backticks and words, positions found by bisection.
    """
    keep = [False] * len(found)
    index = 0
    while index < len(found):
        line_start = text.rfind("\n", 0, found[index].start) + 1
        line_end = text.find("\n", found[index].start)
        if line_end < 0:
            line_end = len(text)
        group: list[int] = []
        while index < len(found) and found[index].start < line_end:
            group.append(index)
            index += 1
        ticks = (
            [i for i in range(line_start, line_end) if text[i] == "`"]
            if (text.find("`", line_start, line_end) >= 0)
            else []
        )
        words = [m.start() for m in _DISCUSSION_RE.finditer(text, line_start, line_end)]
        bounds = ({found[i].start for i in group}, {found[i].end for i in group})
        alone = {
            i
            for i in group
            if not found[i].tokenized
            and found[i].rule != "entities.half-eaten"
            and _standalone(text, found[i], line_start, line_end, bounds)
        }
        listed = len({text[found[i].start : found[i].end] for i in alone}) >= 3
        for i in group:
            item = found[i]
            if item.tokenized or item.rule == "entities.half-eaten":
                continue
            # Inside backticks: an odd number of them before the entity, one after.
            k = bisect.bisect_left(ticks, item.start)
            if k % 2 == 1 and k < len(ticks):
                keep[i] = True
                continue
            if i not in alone:
                continue
            before = text[item.start - 1] if item.start > line_start else ""
            after = text[item.end] if item.end < line_end else ""
            if before in _QUOTE_PAIRS and after == _QUOTE_PAIRS[before]:
                keep[i] = True
                continue
            w = bisect.bisect_left(words, item.start - _NEAR)
            if listed or (w < len(words) and words[w] <= item.end + _NEAR):
                keep[i] = True
    return keep


def find_entities(text: str) -> list[_Found]:
    """Every certain entity in ``text``, in order, with its character and rule."""
    found: list[_Found] = []
    pos = 0
    # An entity starts at ``&`` or at a half-eaten ``amp;``: jump from one to the next at C
    # speed instead of trying the pattern (and its lookbehind) at every position.
    for candidate in _START_RE.finditer(text):
        if candidate.start() < pos:
            continue
        start = candidate.start()
        match = _ENTITY_RE.match(text, start, start + _LONGEST)
        if match is not None:
            item = _decode(match)
            if item is not None:
                found.append(item)
                pos = match.end()
    return found


def _decode(match: regex.Match[str]) -> _Found | None:
    whole = match.group()
    half_eaten = not whole.startswith("&")
    escapes = match.group("esc")
    tokenized = " " in whole
    if half_eaten and not escapes:
        return None
    dec, hexa, bare, name = match.group("dec", "hex", "bare", "name")
    char: str | None
    if dec is not None:
        char = _code_point(int(dec))
    elif hexa is not None:
        char = _code_point(int(hexa, 16))
    elif bare is not None:
        # ``amp;039;``: the ``#`` went with the ``&``; only after an ``amp;``.
        char = _code_point(int(bare)) if escapes else None
    else:
        assert name is not None
        spaced_only = tokenized or half_eaten
        char = _NAMED.get(name) if not spaced_only or name in _SPACED_NAMES else None
    if char is None:
        return None
    if tokenized:
        rule = "entities.tokenized"
    elif half_eaten:
        rule = "entities.half-eaten"
    elif escapes:
        rule = "entities.double-escaped"
    elif name is not None:
        rule = "entities.named"
    else:
        rule = "entities.numeric"
    return _Found(match.start(), match.end(), char, rule, tokenized)


def _code_point(number: int) -> str | None:
    """The character a numeric reference stands for, or None when decoding it would do harm."""
    if 0x80 <= number <= 0x9F:
        return _C1_AS_CP1252.get(number)
    if number in (0x09, 0x0A):
        return chr(number)
    if (
        number < 0x20
        or number == 0x7F
        or 0xD800 <= number <= 0xDFFF
        or number > 0x10FFFF
        or 0xFDD0 <= number <= 0xFDEF
        or number & 0xFFFE == 0xFFFE
    ):
        return None
    return chr(number)


# -- quote re-attachment ---------------------------------------------------------------------


def _attach_quotes(text: str, found: Sequence[_Found]) -> list[tuple[int, int]]:
    """The span each entity's change replaces: the entity, plus the tokenizer's spaces.

    Only tokenized entities take spaces back: quotes as `attach_quotes` decides (the line's
    other quotes, plain or intact, take part in the pairing), and a no-break space, which
    swallows the spaces on both sides (it was the space between two words).
    """
    spans = [(item.start, item.end) for item in found]
    low_nine_style = uses_low_nine_quotes(text) or any(item.char in "„‚" for item in found)
    index = 0
    while index < len(found):
        line_start = text.rfind("\n", 0, found[index].start) + 1
        line_end = text.find("\n", found[index].start)
        if line_end < 0:
            line_end = len(text)
        group: list[int] = []
        while index < len(found) and found[index].start < line_end:
            group.append(index)
            index += 1
        if not any(found[i].tokenized for i in group):
            continue
        # Every quote of the line, in order: (start, end, char, set apart) -> entity index.
        quotes: list[tuple[int, int, str, bool]] = []
        owner: list[int | None] = []
        starts = [found[i].start for i in group]
        plain = []
        for match in QUOTE_CHAR_RE.finditer(text, line_start, line_end):
            k = bisect.bisect_right(starts, match.start()) - 1
            if k < 0 or match.start() >= found[group[k]].end:  # not inside an entity
                plain.append(match.start())
        entity_at = {found[i].start: i for i in group if found[i].char in QUOTES}
        for position in sorted([*plain, *entity_at]):
            if position in entity_at:
                item = found[entity_at[position]]
                quotes.append((item.start, item.end, item.char, item.tokenized))
                owner.append(entity_at[position])
            else:
                quotes.append((position, position + 1, text[position], False))
                owner.append(None)
        placed = attach_quotes(text, quotes, line_start, line_end, low_nine_style=low_nine_style)
        for i, span in zip(owner, placed, strict=True):
            if i is not None and found[i].tokenized:
                spans[i] = span
        for i in group:
            if found[i].tokenized and found[i].char == "\u00a0":
                start, end = space_runs(text, found[i].start, found[i].end, line_start, line_end)
                if start > line_start and end < line_end:
                    spans[i] = (start, end)
    # Two items may both claim the spaces between them (``& quot ; & quot ;``): first come.
    for i in range(1, len(spans)):
        if spans[i][0] < spans[i - 1][1]:
            spans[i] = (spans[i - 1][1], spans[i][1])
    return spans
