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
    (?P<esc> (?: amp {_SP} ; {_SP} )* )
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
_QUOTES_SINGLE = frozenset("'‘’‚")
_QUOTES_DOUBLE = frozenset('"“”„')
#: The quote characters `attach_quotes` places (guillemets are not among them: French sets
#: them apart with spaces on purpose).
QUOTES = _QUOTES_SINGLE | _QUOTES_DOUBLE
_QUOTE_CHAR_RE = regex.compile("[" + regex.escape("".join(sorted(QUOTES))) + "]")
_APOSTROPHES = frozenset("'’")
# What follows an apostrophe in a contraction, and the elided words that end in one.
_CONTRACTION_SUFFIXES = frozenset({"s", "t", "d", "m", "ll", "re", "ve"})
_ELISIONS = _words(
    """
    l d j m n s t c o qu jusqu lorsqu puisqu quoiqu quelqu presqu aujourd prud entr
    dell nell all dall sull coll quell quest nessun qualcun ciascun alcun bell sant tutt senz
    anch com dov cos buon grand mezz nient quant tant un
    """
)
# Words cut short with an apostrophe, which joins the word before it: un po’, mo’.
_TRUNCATIONS = _words("po mo pò de")
_NON_LATIN_LETTER_RE = regex.compile(r"[^\W\d_\p{Latin}]{2}")
_VOWELS_AND_H = frozenset("aeiouhàâäéèêëîïôöùûüyœæ")
_OPENERS = frozenset("([{<")
_CLOSERS = frozenset(".,;:!?)]}>…")


# -- the filter ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Found:
    """A decoded entity: ``text[start:end]`` becomes ``char``."""

    start: int
    end: int
    char: str
    rule: str
    tokenized: bool


@dataclass(frozen=True, slots=True)
class Entities:
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
    text that also holds markup (no "a ``<`` turns it off" switch). Spaces the author wrote stay.

    >>> from cleantext import Pipeline
    >>> Pipeline([Entities()]).clean("& # 39; Iraq needs the USA & # 39; &amp;amp; AT&T")
    "'Iraq needs the USA' & AT&T"
    """

    name: ClassVar[str] = "entities"

    def changes(self, text: str) -> Iterator[Change]:
        if "&" not in text and "amp;" not in text:
            return
        found = find_entities(text)
        if not found:
            return
        spans = _attach_quotes(text, found)
        for item, (start, end) in zip(found, spans, strict=True):
            reason = f"{text[item.start : item.end]!r} is the entity for {item.char!r}"
            if (start, end) != (item.start, item.end):
                reason += "; tokenizer spaces around the quote removed"
            yield Change(start, end, item.char, item.rule, reason)


def find_entities(text: str) -> list[_Found]:
    """Every certain entity in ``text``, in order, with its character and rule."""
    found: list[_Found] = []
    pos = 0
    # An entity starts at ``&`` or at a half-eaten ``amp;``: jump from one to the next at C
    # speed instead of trying the pattern (and its lookbehind) at every position.
    for candidate in _START_RE.finditer(text):
        if candidate.start() < pos:
            continue
        match = _ENTITY_RE.match(text, candidate.start())
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
        for match in _QUOTE_CHAR_RE.finditer(text, line_start, line_end):
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
                start, end = _space_runs(text, found[i].start, found[i].end, line_start, line_end)
                if start > line_start and end < line_end:
                    spans[i] = (start, end)
    # Two items may both claim the spaces between them (``& quot ; & quot ;``): first come.
    for i in range(1, len(spans)):
        if spans[i][0] < spans[i - 1][1]:
            spans[i] = (spans[i - 1][1], spans[i][1])
    return spans


_UNSPACED_RE = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}\u3000-\u303f\uff00-\uffef]")


def _unspaced(char: str | None) -> bool:
    """A character of a script written without spaces between words (Chinese, Japanese)."""
    return char is not None and _UNSPACED_RE.match(char) is not None


def uses_low_nine_quotes(text: str) -> bool:
    """Whether ``text`` opens quotations with ``„`` or ``‚`` (German, Polish, Czech...)."""
    return "„" in text or "‚" in text


def _space_runs(text: str, start: int, end: int, low: int, high: int) -> tuple[int, int]:
    """Extend ``[start, end)`` over the ASCII spaces on both sides, within ``[low, high)``."""
    while start > low and text[start - 1] == " ":
        start -= 1
    while end < high and text[end] == " ":
        end += 1
    return start, end


def attach_quotes(
    text: str,
    quotes: Sequence[tuple[int, int, str, bool]],
    line_start: int,
    line_end: int,
    *,
    low_nine_style: bool = False,
) -> list[tuple[int, int]]:
    """Where quotes belong on a line: the span each one's change should replace.

    ``quotes`` are every quote of the line ``text[line_start:line_end]``, in order, as
    ``(start, end, char, set_apart)``: ``text[start:end]`` is the quote as written (a character
    or an entity), ``set_apart`` tells that a tokenizer put spaces around it. Quotes written in
    place take part in the pairing but keep their span. A set-apart apostrophe between a word and
    a contraction suffix (``it ' s``, ``didn ' t``) or after an elided word before a vowel
    (``l ' homme``) closes up on both sides. The other quotes of each kind (single, double) pair
    up in order: the context decides where it is clear (line start, a space or an opening
    bracket before: opening; line end, a space or punctuation after: closing), and they
    alternate where it is not; an opening quote joins the next word, a closing one the previous
    word. An odd single quote after a word in ``s`` (``players ' union``), or after an elided or
    truncated word (``po ’ sta``), joins that word only. With ``low_nine_style`` (the text opens
    quotations with ``„`` or ``‚``), ``“`` and ``‘`` close. The spaces on the outer side of a
    quote are the author's and stay.

    >>> t = "say ' no ' , it ' s"
    >>> qs = [(4, 5, "'", True), (9, 10, "'", True), (16, 17, "'", True)]
    >>> [t[a:b] for a, b in attach_quotes(t, qs, 0, 19)]
    ["' ", " '", " ' "]
    """
    spans = [(start, end) for start, end, _, _ in quotes]
    left_ws: list[int] = []
    right_ws: list[int] = []
    floor = line_start
    for k, (start, end, _, set_apart) in enumerate(quotes):
        ceiling = quotes[k + 1][0] if k + 1 < len(quotes) else line_end
        low, high = _space_runs(text, start, end, floor, ceiling) if set_apart else (start, end)
        left_ws.append(low)
        right_ws.append(high)
        floor = end

    def left_char(k: int) -> str | None:
        return text[left_ws[k] - 1] if left_ws[k] > line_start else None

    def right_char(k: int) -> str | None:
        return text[right_ws[k]] if right_ws[k] < line_end else None

    def left_word(k: int) -> str:
        end = start = left_ws[k]
        while start > line_start and text[start - 1].isalpha():
            start -= 1
        if k and start == right_ws[k - 1] and k - 1 in closed_up:
            return "'" + text[start:end]  # the suffix of a contraction just closed up: it 's
        return text[start:end]

    def right_word(k: int) -> str:
        start = end = right_ws[k]
        while end < line_end and text[end].isalpha():
            end += 1
        return text[start:end]

    pending: dict[str, list[int]] = {"single": [], "double": []}
    closed_up: set[int] = set()
    for k, (_, _, char, set_apart) in enumerate(quotes):
        if char in _APOSTROPHES and set_apart:
            before, after = left_word(k), right_word(k)
            following = right_char(k) or ""
            # Elision drops a vowel before a vowel, an h or a number: l'homme, dell'80%.
            elided = before.lower() in _ELISIONS and (
                after[:1].lower() in _VOWELS_AND_H or (not after and following.isdigit())
            )
            # Ukrainian and Belarusian write an apostrophe inside words: п'ять, прем’єр.
            inside = bool(before and after and _NON_LATIN_LETTER_RE.match(before[-1] + after[0]))
            if (before and after and after.lower() in _CONTRACTION_SUFFIXES) or elided or inside:
                spans[k] = (left_ws[k], right_ws[k])
                closed_up.add(k)
                continue
        elif char in _APOSTROPHES:
            prev, nxt = left_char(k), right_char(k)
            if prev is not None and prev.isalpha() and (nxt is None or not nxt.isalnum()):
                word = left_word(k).lower()
                if word[-1:] == "s" or word in _ELISIONS or word in _TRUNCATIONS:
                    continue  # players’ union, un po’: an apostrophe, not a quote
            if prev is not None and prev.isalpha() and nxt is not None and nxt.isalpha():
                continue  # don't, l’homme: inside a word
        pending["single" if char in _QUOTES_SINGLE else "double"].append(k)

    singles = pending["single"]
    if len(singles) % 2 == 1:
        for k in singles:
            before = left_word(k)
            if (
                quotes[k][3]
                and quotes[k][2] in _APOSTROPHES
                and (before[-1:] in ("s", "S") or before.lower() in _ELISIONS | _TRUNCATIONS)
                and right_word(k)
            ):
                spans[k] = (left_ws[k], quotes[k][1])  # players' union, un po’ sta
                singles.remove(k)
                break

    for group in pending.values():
        is_open = False
        for k in group:
            prev, nxt = left_char(k), right_char(k)
            # Low-9 quotes open in every language that uses them (German, Polish, Czech...).
            # Low-9 quotes open in every language that writes them, and there the high ones
            # close („so“, ‚so‘: German, Polish, Czech...); a colon announces a quotation.
            char = quotes[k][2]
            low_nine = char in "„‚"
            high_closes = low_nine_style and char in "“‘"
            opens = not high_closes and (
                low_nine or prev is None or prev in _OPENERS or prev == ":" or prev.isspace()
            )
            closes = high_closes or (
                not low_nine and (nxt is None or nxt in _CLOSERS or nxt.isspace())
            )
            if opens and not closes:
                is_open = True
            elif closes and not opens:
                is_open = False
            else:
                is_open = not is_open
            if not quotes[k][3]:
                continue  # written in place: it only tells the pairing where we are
            if _unspaced(prev) and _unspaced(nxt):
                spans[k] = (left_ws[k], right_ws[k])  # Chinese and Japanese use no spaces
            elif is_open and nxt is not None:
                spans[k] = (quotes[k][0], right_ws[k])
            elif not is_open and prev is not None:
                spans[k] = (left_ws[k], quotes[k][1])
    return spans
