"""Tokenizer residue: Moses / WikiText tokenized text handed on as if it were running text.

MT and NLP pipelines tokenize text (``It 's a long @-@ awaited test .``) and sometimes forget to
detokenize it. The `Moses` filter puts the tokens back together, but only in a document that
shows the tokenizer's profile: several independent signs, because each one alone occurs in clean
text (Dutch ``'s ochtends``, ``@-@`` in Haskell or Scala code, French spacing before ``: ; ! ?``).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import ClassVar

import regex

from cleantext.filters._quotes import ELISIONS, QUOTES, attach_quotes, uses_low_nine_quotes
from cleantext.filters.base import Repair
from cleantext.filters.registry import register
from cleantext.model import Change

# -- signs of a tokenizer ----------------------------------------------------------------------

# The signs are counted with stdlib `re` (several times faster than `regex` on these simple
# patterns); `regex` is used where a pattern needs Unicode properties.

# English clitics that Moses splits off the word before: ``it 's``, ``did n't``, ``can 't``.
_CLITIC_RE = re.compile(
    r"(?<=\w)(?P<space> )(?:n't|N'T|'(?:s|re|ve|ll|d|m|S|RE|VE|LL|D|M)|(?<=[nN] )'[tT])(?!\w)"
)
# An apostrophe inside a word of a script other than Latin, split off with the rest of the word
# (Ukrainian ``п'ять`` -> ``п 'ять``): a sign only in a document that already has the profile.
_APOSTROPHE_RE = regex.compile(r"(?<=[^\W\d_\p{Latin}])(?P<space> )'(?=[^\W\d_\p{Latin}])")
# Dutch writes an adverbial genitive with a detached ``'s``: ``'s ochtends``, ``'s Gravenhage``.
_DUTCH_S_RE = re.compile(
    r"'s (?:ochtends|morgens|middags|namiddags|voormiddags|avonds|nachts|zondags|maandags"
    r"|dinsdags|woensdags|donderdags|vrijdags|zaterdags|winters|zomers|jaars|werelds|lands"
    r"|rijks|konings|Gravenhage|Hertogenbosch|Graveland|Heerenberg)\b"
)
# French and Italian elision that Moses (fr, it) leaves as ``l' homme``.
_ELISION_RE = regex.compile(
    r"(?<![\w'])(?i:" + "|".join(sorted(ELISIONS, key=len, reverse=True)) + r")'(?P<space> )(?=\w)"
)
# A cheap superset of `_CLITIC_RE` (no lookbehind, so the scan is fast): the pre-check.
_CLITIC_HINT_RE = re.compile(r" (?:n't|'(?:s|re|ve|ll|d|m|t))(?!\w)", re.IGNORECASE)
_WIKITEXT_RE = re.compile(r" @(?P<mark>[-,.])@ ")
# The markers as WikiText writes them, certain without a profile: ``@-@`` between two words of
# two letters or more, or between digits; ``@,@`` and ``@.@`` between digits (``1 @,@ 000``).
# On a line with ``=`` (code: ``let f = a @-@ b``, an operator in Haskell) none is.
_WIKITEXT_WORDS_RE = regex.compile(
    r"(?:(?<=\p{L}{2}) @(?P<mark>-)@ (?=\p{L}{2})|(?<=\d) @(?P<mark>[-,.])@ (?=\d))"
)
_BRACKET_RE = re.compile(r"[(\[{] (?=\w)|(?<=\w) [)\]}]")
_QUOTE_TOKEN_RE = re.compile(r"(?:(?<= )|^)[\"'“”‘’„‚«»](?= |$)", re.MULTILINE)
_ESCAPE_RE = re.compile(r"&(?:apos|quot|amp|lt|gt|#91|#93|#124);")

# What the detokenizer closes up, beyond the signs above.
_PUNCT_BEFORE_RE = regex.compile(r"(?<=\S)(?P<space> )(?=[,.;:!?%°…)\]}]+(?:\s|$|[\"'”’»]))")
_PUNCT_BEFORE_FRENCH_RE = regex.compile(r"(?<=\S)(?P<space> )(?=[,.…)\]}]+(?:\s|$|[\"'”’»]))")
_OPEN_BRACKET_RE = regex.compile(r"(?<=[(\[{¿¡])(?P<space> )(?=\S)")
_CURRENCY_RE = regex.compile(r"(?<=(?:^|\s)\p{Sc})(?P<space> )(?=\d)", regex.MULTILINE)
_TIME_RE = regex.compile(r"(?<=\d)(?P<before> ):(?P<after> )(?=\d)")
_GUILLEMET_RE = regex.compile(r"(?<=«)(?P<space> )(?=\S)|(?<=\S)(?P<space> )(?=»)")

# French sets ``; : ! ? %`` and the inside of guillemets apart with a space: a rule, not residue.
_FRENCH_WORDS_RE = regex.compile(
    r"\b(?:le|la|les|des|du|une|est|et|dans|pour|qui|que|pas|sur|au|aux|avec|cette|il|elle"
    r"|nous|vous|ont|sont|été|ne|plus|mais|ou)\b",
    regex.IGNORECASE,
)
_WORD_RE = regex.compile(r"\w+")


@dataclass(frozen=True, slots=True)
class Profile:
    """How many signs of each kind of tokenizer residue a document shows."""

    clitics: int = 0
    spaced_commas: int = 0
    commas: int = 0
    spaced_periods: int = 0
    periods: int = 0
    wikitext: int = 0
    brackets: int = 0
    quote_tokens: int = 0
    escapes: int = 0

    @property
    def signals(self) -> list[str]:
        """The independent signs present. Punctuation counts only when most of it is spaced."""
        found: list[str] = []
        if self.clitics:
            found.append("clitics")
        # One odd spaced comma is a typo (or a script whose own comma is not ``,``): two at least.
        if self.spaced_commas >= 2 and self.spaced_commas * 2 >= self.commas:
            found.append("commas")
        if self.spaced_periods >= 2 and self.spaced_periods * 2 >= self.periods:
            found.append("periods")
        if self.wikitext:
            found.append("wikitext")
        if self.brackets:
            found.append("brackets")
        if self.quote_tokens >= 2:
            found.append("quotes")
        if self.escapes:
            found.append("escapes")
        return found

    def is_tokenized(self, min_signals: int = 2) -> bool:
        """At least ``min_signals`` independent signs, one of them from prose punctuation or
        clitics (``@-@`` and spaced brackets alone also occur in source code)."""
        signals = self.signals
        prose = {"clitics", "commas", "periods"}
        return len(signals) >= min_signals and not prose.isdisjoint(signals)


def profile(text: str) -> Profile:
    """Count the signs of Moses/WikiText tokenization in ``text``.

    The prose signs come first, from substring counts and one lookbehind-free scan; when there
    is none, the document cannot have the profile and the other signs are not counted.
    """
    clitics = 0
    if _CLITIC_HINT_RE.search(text) is not None:
        clitics = sum(
            1 for m in _CLITIC_RE.finditer(text) if _DUTCH_S_RE.match(text, m.end("space")) is None
        )
    spaced_commas = _ends(text, " ,")
    spaced_periods = _ends(text, " .")
    found = Profile(
        clitics=clitics,
        spaced_commas=spaced_commas,
        commas=_ends(text, ","),
        spaced_periods=spaced_periods,
        periods=_ends(text, "."),
    )
    if not {"clitics", "commas", "periods"} & set(found.signals):
        return found
    return Profile(
        clitics=clitics,
        spaced_commas=spaced_commas,
        commas=found.commas,
        spaced_periods=spaced_periods,
        periods=found.periods,
        wikitext=len(_WIKITEXT_RE.findall(text)),
        brackets=len(_BRACKET_RE.findall(text)),
        quote_tokens=len(_QUOTE_TOKEN_RE.findall(text)),
        escapes=len(_ESCAPE_RE.findall(text)),
    )


def _ends(text: str, mark: str) -> int:
    """How often ``mark`` ends a clause: followed by a space, a line break or the end."""
    return text.count(mark + " ") + text.count(mark + "\n") + text.endswith(mark)


def looks_french(text: str) -> bool:
    """True when French function words make up a tenth of the words (a cheap, sufficient test
    here: it only decides whether spaces before ``; : ! ?`` and inside guillemets stay)."""
    words = len(_WORD_RE.findall(text))
    return words > 0 and len(_FRENCH_WORDS_RE.findall(text)) * 10 >= words


@register
@dataclass(frozen=True, slots=True)
class Moses(Repair):
    """Detokenize Moses/WikiText output, in documents that show the tokenizer's profile.

    Fixes, once a document shows at least ``min_signals`` independent signs of a tokenizer
    (clitics split off, most commas or periods set apart, ``@-@``, ``( word )``, quotes standing
    alone, Moses escapes), one of them from prose punctuation or clitics: ``long @-@ awaited``,
    ``1 @,@ 000``, ``3 @.@ 5`` (WikiText); ``it 's``, ``did n't``, ``can 't`` (clitics);
    ``l' homme`` (elision); spaces before ``, . ; : ! ? % ) ] }`` and after ``( [ {``;
    ``$ 5``; ``10 : 30``; quotes standing alone, re-attached by pairing (``" word "``).

    Without the profile, only ``@-@``, ``@,@`` and ``@.@`` between two words or numbers are
    detokenized (WikiText's markers; nothing else writes them there), even on a one-line
    document. Leaves alone: the rest of any document without the profile, however many spaces it
    has before a single kind of punctuation, so Dutch ``'s ochtends``, an ``@-@`` operator not
    between two words and French spacing before ``: ; ! ?`` stay; in a French document, that
    spacing and the spaces inside guillemets stay even when it is tokenized. Moses escapes
    (``&apos;``) are the `entities` filter's, which runs first in the default pipeline.
    Slashes, ``@`` and ``#`` (``A / B``), which Moses also splits, stay split: whether the
    author had spaces there is unknowable.

    >>> from cleantext import Pipeline
    >>> Pipeline([Moses()]).clean("It 's a long @-@ awaited test , is n't it ?")
    "It's a long-awaited test, isn't it?"
    >>> Pipeline([Moses()]).clean("Ik ga 's ochtends werken .")
    "Ik ga 's ochtends werken ."
    """

    name: ClassVar[str] = "moses"
    default: ClassVar[bool] = True
    min_signals: int = 2

    def changes(self, text: str) -> Iterator[Change]:
        # A profile needs a prose sign: a clitic (`` n't``, `` 's``) or two spaced commas or
        # periods. Substring counts at C speed reject almost every clean text.
        if (
            text.count(" ,") < 2 and text.count(" .") < 2 and _CLITIC_HINT_RE.search(text) is None
        ) or not profile(text).is_tokenized(self.min_signals):
            # WikiText's ``@-@ @,@ @.@`` between two words or numbers need no profile: nothing
            # else writes them (a one-line document is detokenized that far).
            if "@ " in text:
                yield from _wikitext_markers(text)
            return
        yield from _detokenize(text, french=looks_french(text))


def _wikitext_markers(text: str) -> Iterator[Change]:
    """The certain WikiText markers of a text without the profile, on lines without ``=``
    (each line's ``=`` is looked for once: linear on a line of a million markers)."""
    line_end = -1
    code = False
    for match in _WIKITEXT_WORDS_RE.finditer(text):
        if match.start() > line_end:
            line_start = text.rfind("\n", 0, match.start()) + 1
            line_end = text.find("\n", match.end())
            if line_end < 0:
                line_end = len(text)
            code = text.find("=", line_start, line_end) >= 0
        if not code:
            mark = match.group("mark")
            reason = _REASONS["moses.wikitext"]
            yield Change(match.start(), match.end(), mark, "moses.wikitext", reason)


_REASONS: dict[str, str] = {
    "moses.wikitext": "WikiText/Moses @-@ split",
    "moses.clitic": "clitic split off by a tokenizer",
    "moses.punctuation": "space a tokenizer put next to punctuation",
    "moses.quotes": "quote set apart by a tokenizer",
}


def _detokenize(text: str, *, french: bool) -> Iterator[Change]:
    """Changes that undo the tokenization; called only on documents with the profile."""
    dead: dict[int, str] = {}  # position of a space to delete -> rule

    def kill(position: int, rule: str) -> None:
        dead.setdefault(position, rule)

    for match in _CLITIC_RE.finditer(text):
        if _DUTCH_S_RE.match(text, match.end("space")) is None:
            kill(match.start("space"), "moses.clitic")
    for pattern in (_ELISION_RE, _APOSTROPHE_RE):
        for match in pattern.finditer(text):
            kill(match.start("space"), "moses.clitic")
    punct_re = _PUNCT_BEFORE_FRENCH_RE if french else _PUNCT_BEFORE_RE
    for match in punct_re.finditer(text):
        kill(match.start("space"), "moses.punctuation")
    for pattern in (_OPEN_BRACKET_RE, _CURRENCY_RE):
        for match in pattern.finditer(text):
            kill(match.start("space"), "moses.punctuation")
    for match in _TIME_RE.finditer(text):
        kill(match.start("before"), "moses.punctuation")
        kill(match.start("after"), "moses.punctuation")
    if not french:
        for match in _GUILLEMET_RE.finditer(text):
            kill(match.start(), "moses.quotes")
    _quote_spaces(text, kill)

    wikitext = [(m.start(), m.end(), m.group("mark")) for m in _WIKITEXT_RE.finditer(text)]
    changes: list[Change] = []
    for start, end, mark in wikitext:
        changes.append(Change(start, end, mark, "moses.wikitext", _REASONS["moses.wikitext"]))
    inside = {p for start, end, _ in wikitext for p in range(start, end)}
    run_start = run_end = -1
    run_rule = ""
    for position in sorted(dead):
        if position in inside:
            continue
        if run_start >= 0 and position == run_end:
            run_end += 1
            continue
        if run_start >= 0:
            changes.append(Change(run_start, run_end, "", run_rule, _REASONS[run_rule]))
        run_start, run_end, run_rule = position, position + 1, dead[position]
    if run_start >= 0:
        changes.append(Change(run_start, run_end, "", run_rule, _REASONS[run_rule]))
    yield from sorted(changes, key=lambda c: c.start)


def _quote_spaces(text: str, kill: Callable[[int, str], None]) -> None:
    """Mark the spaces that quotes standing alone take back (see `attach_quotes`)."""
    line_start = 0
    low_nine = uses_low_nine_quotes(text)
    for line in text.split("\n"):
        line_end = line_start + len(line)
        quotes = [
            (line_start + m.start(), line_start + m.end(), m.group(), True)
            for m in _QUOTE_TOKEN_RE.finditer(line)
            if m.group() in QUOTES
        ]
        if quotes:
            placed = attach_quotes(text, quotes, line_start, line_end, low_nine_style=low_nine)
            for (start, end, _, _), (low, high) in zip(quotes, placed, strict=True):
                for position in (*range(low, start), *range(end, high)):
                    kill(position, "moses.quotes")
        line_start = line_end + 1
