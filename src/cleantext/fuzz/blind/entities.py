"""Blind HTML entities: escapes a CMS writes, and the shapes an MT tokenizer leaves of them.

A CMS escapes quotes and ``&`` (``&#39;``, ``&quot;``, ``&amp;``), sometimes every non-ASCII
letter (``&eacute;``, ``&#1076;``), sometimes twice (``&amp;#39;``); an MT pipeline then
tokenizes the entity (``& # 39 ;``, ``& quot ;``), with spaces on either side. Any character of
those classes may be hit, wherever it stands: inside a word, at its edges, between digits.

>>> import random
>>> dirty, found = HtmlEntities(rate=1.0, tokenize_rate=0.0, double_rate=0.0,
...                             numeric_rate=0.0).corrupt("It's AT&T.", random.Random(0))
>>> dirty, [a.clean for a in found]
('It&apos;s AT&amp;T.', ["'", '&'])
"""

from __future__ import annotations

import html.entities
import random
from dataclasses import dataclass
from typing import ClassVar

from cleantext.fuzz.base import Artifact, rewrite

_NAMED = {"'": "#39", '"': "quot", "&": "amp", "<": "lt", ">": "gt"}
_CODEPOINT_NAMES = {chr(cp): name for cp, name in html.entities.codepoint2name.items()}


def _entity(ch: str, rng: random.Random, numeric_rate: float) -> str:
    """The entity name (without ``&`` and ``;``) a CMS writes for ``ch``."""
    if ch in _NAMED and rng.random() >= numeric_rate:
        return _NAMED[ch] if ch != "'" else rng.choice(("#39", "#039", "apos", "#x27"))
    if ch in _CODEPOINT_NAMES and rng.random() >= numeric_rate:
        return _CODEPOINT_NAMES[ch]
    return f"#{ord(ch)}" if rng.random() < 0.8 else f"#x{ord(ch):X}"


def _tokenized(name: str, rng: random.Random) -> str:
    """``#39`` as an MT tokenizer leaves it: ``& # 39 ;``, ``& # 39;``, ``&# 39;``..."""
    if name.startswith("#"):
        return rng.choice(("& # ", "& # ", "&# ", "& #")) + name[1:] + rng.choice((" ;", ";"))
    return rng.choice(("& " + name + " ;", "& " + name + ";", "&" + name + " ;"))


@dataclass(frozen=True, slots=True)
class HtmlEntities:
    """Escape a share ``rate`` of the quotes and ``&`` (and, on some pages, of all non-ASCII).

    ``tokenize_rate`` of the pages are then MT-tokenized, ``double_rate`` double-escaped.
    """

    name: ClassVar[str] = "entities"
    rate: float = 0.5
    tokenize_rate: float = 0.4
    double_rate: float = 0.15
    numeric_rate: float = 0.3
    non_ascii_rate: float = 0.2
    max_entities: int = 12

    def corrupt(self, text: str, rng: random.Random) -> tuple[str, list[Artifact]]:
        non_ascii = rng.random() < self.non_ascii_rate
        targets = [
            i
            for i, ch in enumerate(text)
            if ch in _NAMED
            or (non_ascii and not ch.isascii() and ch.isprintable() and ch != "\u00a0")
        ]
        chosen = [i for i in targets if rng.random() < self.rate][: self.max_entities]
        tokenize = rng.random() < self.tokenize_rate
        double = not tokenize and rng.random() < self.double_rate
        items = []
        for i in chosen:
            name = _entity(text[i], rng, self.numeric_rate)
            if tokenize:
                new = _tokenized(name, rng)
                if i > 0 and not text[i - 1].isspace() and rng.random() < 0.5:
                    new = " " + new
                if i + 1 < len(text) and not text[i + 1].isspace() and rng.random() < 0.5:
                    new += " "
                kind = "entities.tokenized"
            elif double:
                new, kind = f"&amp;{name};", "entities.double-escaped"
            else:
                new = f"&{name};"
                kind = "entities.numeric" if name.startswith("#") else "entities.named"
            items.append((i, i + 1, new, kind))
        return rewrite(text, items)
