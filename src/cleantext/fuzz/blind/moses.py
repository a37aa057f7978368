"""Blind Moses markers: the ``@-@``, ``@,@`` and ``@.@`` of WikiText and Moses' aggressive splits.

Moses' tokenizer with ``-a`` (and the WikiText corpora built with it) writes every hyphen between
two word characters as `` @-@ ``, and the separators inside numbers as `` @,@ `` and `` @.@ ``:
``a long @-@ awaited report on 1 @,@ 200 cases``. A document carries them on every line, however
short it is (a one-line document too). Pure Python: no sacremoses needed.

>>> import random
>>> MosesMarkers().corrupt("A long-awaited 1,200-page report.", random.Random(0))[0]
'A long @-@ awaited 1 @,@ 200 @-@ page report.'
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from typing import ClassVar

import regex

from cleantext.fuzz.base import Artifact, rewrite

_MARKER_RE = regex.compile(r"(?<=\w)-(?=\w)|(?<=\d)[.,](?=\d)")


@dataclass(frozen=True, slots=True)
class MosesMarkers:
    """Replace every hyphen inside a word and separator inside a number by its marker."""

    name: ClassVar[str] = "moses"

    def corrupt(self, text: str, rng: random.Random) -> tuple[str, list[Artifact]]:
        items = [
            (m.start(), m.end(), f" @{m.group()}@ ", "moses.wikitext")
            for m in _MARKER_RE.finditer(text)
        ]
        return rewrite(text, items)
