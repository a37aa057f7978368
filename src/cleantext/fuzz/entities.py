"""Corruptors for the `entities` filter: HTML escapes, mangled the way MT pipelines and CMSs do it.

* `TokenizedEntities` escapes quotes and apostrophes as HTML entities and splits each entity
  the way a machine-translation tokenizer does (Moses tokenizes ``&#39;`` into ``&amp; # 39 ;``
  and its detokenizer hands back ``& # 39;``), setting it apart from its word with spaces:
  ``& # 39; Iraq needs the USA & # 39;``, ``it & # 39;s``, ``& quot ;a disaster& quot ;``.
* `EscapedEntities` escapes characters once, twice or three times (``&quot;``, ``&amp;#39;``,
  ``&amp;amp;quot;``), or leaves a double escape with its ``&`` and ``#`` eaten (``amp;039;``).

Each artifact's ``kind`` is the rule that repairs it and its span covers the entity plus the
spaces the tokenizer added, so ``entities(corrupt(x)) == x`` for clean ``x`` in which every
escaped quote is one the filter can place (`TokenizedEntities` only touches such quotes: an
apostrophe inside a word, or a quote at a word's edge).

>>> import random
>>> from cleantext import Pipeline
>>> dirty, _ = TokenizedEntities(rate=1.0).corrupt("'Iraq needs the USA'", random.Random(4))
>>> dirty
'& #39; Iraq needs the USA & # 39;'
>>> Pipeline(["entities"]).clean(dirty)
"'Iraq needs the USA'"
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass
from typing import ClassVar

from cleantext.fuzz.base import Artifact

# The entities an HTML escaper writes for each quote, and the tokenized spellings of each.
_NAMES: dict[str, tuple[str, ...]] = {
    "'": ("#39", "#039", "#x27", "apos"),
    '"': ("#34", "quot", "#x22"),
    "‘": ("#8216", "lsquo"),
    "’": ("#8217", "rsquo", "#x2019"),
    "“": ("#8220", "ldquo"),
    "”": ("#8221", "rdquo"),
    "„": ("#8222", "bdquo"),
    "‚": ("#8218", "sbquo"),
    "&": ("amp", "#38"),
    "<": ("lt",),
    ">": ("gt",),
    "é": ("eacute", "#233"),
    "«": ("laquo",),
    "»": ("raquo",),
}
_QUOTES = "'\"‘’“”„‚"


def _tokenize(name: str, rng: random.Random) -> str:
    """``#39`` as a tokenizer leaves it: ``& # 39;``, ``& # 39 ;``, ``&# 39;``, ``& #39;``..."""
    if name.startswith("#"):
        body = name[1:]
        if body.startswith("x"):
            body = rng.choice(("x", "x ")) + body[1:]
        return rng.choice(("& # ", "& # ", "&# ", "& #")) + body + rng.choice((";", ";", " ;"))
    return rng.choice(("& " + name + " ;", "& " + name + ";", "&" + name + " ;"))


def _can_place(text: str, i: int) -> bool:
    """Whether the filter can put the quote at ``text[i]`` back: it stands at a word's edge or,
    for an apostrophe, inside a word before a contraction suffix or after an elided word."""
    before = text[i - 1] if i else ""
    after = text[i + 1] if i + 1 < len(text) else ""
    if before.isalpha() and after.isalpha():
        if text[i] not in "'’":
            return False
        end = i + 1
        while end < len(text) and text[end].isalpha():
            end += 1
        start = i
        while start and text[start - 1].isalpha():
            start -= 1
        suffix, prefix = text[i + 1 : end].lower(), text[start:i].lower()
        return suffix in {"s", "t", "d", "m", "ll", "re", "ve"} or prefix in {"l", "d", "qu", "n"}
    return not (before.isalnum() and after.isalnum())


@dataclass(frozen=True, slots=True)
class TokenizedEntities:
    """Escape quotes as entities and split them as an MT tokenizer does, with ground truth.

    ``rate`` is the chance that a line's quotes and apostrophes are escaped; an escaper escapes
    them all, so a line is escaped whole or not at all (and a line with a quote the filter could
    not place is left alone). The tokenizer sets each entity apart from the word it touched:
    after an opening quote (usually), before a closing one, on both sides of an apostrophe in a
    word (``it & # 39; s``; sometimes only before it: ``it & # 39;s``).
    """

    name: ClassVar[str] = "entities"

    rate: float = 0.5

    def corrupt(self, text: str, rng: random.Random) -> tuple[str, list[Artifact]]:
        chosen: list[int] = []
        start = 0
        for line in text.split("\n"):
            quotes = [start + i for i, ch in enumerate(line) if ch in _QUOTES]
            if quotes and all(_can_place(text, i) for i in quotes) and rng.random() < self.rate:
                chosen.extend(quotes)
            start += len(line) + 1
        return _rewrite(
            text, chosen, lambda item: _tokenized(text, item, rng), "entities.tokenized"
        )


def _tokenized(text: str, item: tuple[int, str], rng: random.Random) -> tuple[str, str, str]:
    """(space added before, tokenized entity, space added after) for the quote at ``i``."""
    i, ch = item
    entity = _tokenize(rng.choice(_NAMES[ch]), rng)
    before = text[i - 1] if i else "\n"
    after = text[i + 1] if i + 1 < len(text) else "\n"
    if before.isalpha() and after.isalpha():  # an apostrophe in a word
        return " ", entity, rng.choice((" ", ""))
    if before.isspace() or before in "([{":  # an opening quote, or one at the line start
        right = " " if not after.isspace() and rng.random() < 0.7 else ""
        return "", entity, right
    return ("" if before.isspace() else " "), entity, ""  # a closing quote


@dataclass(frozen=True, slots=True)
class EscapedEntities:
    """Escape characters as entities once, twice or three times, or half-eaten, with ground truth.

    ``rate`` is the chance that each escapable character (quotes, ``& < >``, ``é``, guillemets)
    is escaped; ``double`` the share of those escaped twice or more. Artifacts carry the rule that
    repairs them: ``entities.named``/``entities.numeric``, ``entities.double-escaped`` or
    ``entities.half-eaten``.
    """

    name: ClassVar[str] = "entities"

    rate: float = 0.3
    double: float = 0.5

    def corrupt(self, text: str, rng: random.Random) -> tuple[str, list[Artifact]]:
        chosen = [i for i, ch in enumerate(text) if ch in _NAMES and rng.random() < self.rate]
        kinds: dict[int, str] = {}

        def escape(i_char: tuple[int, str]) -> tuple[str, str, str]:
            i, ch = i_char
            name = rng.choice(_NAMES[ch])
            if rng.random() >= self.double:
                kinds[i] = "entities.numeric" if name.startswith("#") else "entities.named"
                return "", f"&{name};", ""
            amps = "amp;" * rng.choice((1, 1, 2))
            if name.startswith("#") and rng.random() < 0.3:
                kinds[i] = "entities.half-eaten"  # the ``&`` and the ``#`` went missing
                return "", f"{amps}{name[1:]};" if name[1:].isdigit() else f"{amps}{name};", ""
            kinds[i] = "entities.double-escaped"
            return "", f"&{amps}{name};", ""

        dirty, artifacts = _rewrite(text, chosen, escape, "")
        return dirty, [
            Artifact(kinds[i], a.start, a.end, a.clean)
            for i, a in zip(chosen, artifacts, strict=True)
        ]


def _rewrite(
    text: str,
    chosen: list[int],
    make: Callable[[tuple[int, str]], tuple[str, str, str]],
    kind: str,
) -> tuple[str, list[Artifact]]:
    """Replace ``text[i]`` for each chosen ``i`` by ``left + entity + right``; one artifact each."""
    pieces: list[str] = []
    artifacts: list[Artifact] = []
    pos = 0
    size = 0
    for i in chosen:
        left, entity, right = make((i, text[i]))
        pieces.append(text[pos:i])
        size += i - pos
        replacement = left + entity + right
        artifacts.append(Artifact(kind, size, size + len(replacement), text[i]))
        pieces.append(replacement)
        size += len(replacement)
        pos = i + 1
    pieces.append(text[pos:])
    return "".join(pieces), artifacts
