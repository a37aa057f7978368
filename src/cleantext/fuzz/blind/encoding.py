"""Blind mojibake: UTF-8 read with the wrong codec, over a word, a sentence, a line or a page.

A misconfigured database, feed reader or e-mail gateway decodes UTF-8 bytes with a single-byte
codec. Which codec depends on the site's locale, not on the text: cp1252 everywhere (most
often, also on Arabic, Cyrillic or Greek pages: ``Ø§Ù„``), Latin-1, cp1251 and KOI8-R on Russian
hosting, cp1250 in Central Europe, cp1253, cp1254, cp1256 and Mac Roman; sometimes twice
(``Ã©`` read again as ``ÃƒÂ©``). Undefined bytes become the C1 control of the same number, as
browsers do, so the corruption is lossless. Also cp1252 punctuation read as Latin-1
(``\\x93quoted\\x94``).

>>> import random
>>> moji = Mojibake(codecs=("sloppy-windows-1252",), scopes=("word",))
>>> dirty, found = moji.corrupt("Le café.", random.Random(0))
>>> dirty, found[0].clean
('Le cafÃ©.', 'café.')
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from typing import ClassVar

import ftfy.bad_codecs  # noqa: F401  (registers the "sloppy-windows-*" codecs)
import regex

from cleantext.fuzz.base import Artifact, rewrite

#: Codec -> weight: how often each misreading happens.
CODECS: dict[str, int] = {
    "sloppy-windows-1252": 10, "latin-1": 2, "sloppy-windows-1251": 2, "koi8-r": 1,
    "sloppy-windows-1250": 1, "sloppy-windows-1253": 1, "sloppy-windows-1254": 1,
    "sloppy-windows-1256": 1, "macroman": 1,
}  # fmt: skip
SCOPES: tuple[str, ...] = ("word", "sentence", "line", "document")

_WORD_RE = regex.compile(r"\S+")
_SENTENCE_RE = regex.compile(r"[^.!?。！？\n]+[.!?。！？]*")
_LINE_RE = regex.compile(r"[^\n]+")
_C1_SOURCES = "‘’“”–—…€"


def _misread(text: str, codec: str, twice: bool) -> str:
    dirty = text.encode("utf-8").decode(codec)
    return dirty.encode("utf-8").decode(codec) if twice else dirty


@dataclass(frozen=True, slots=True)
class Mojibake:
    """Misread 1 to ``max_spans`` spans of one ``scope`` with one codec (a page has one fault)."""

    name: ClassVar[str] = "encoding"
    codecs: tuple[str, ...] = tuple(CODECS)
    scopes: tuple[str, ...] = SCOPES
    max_spans: int = 3
    twice_rate: float = 0.1
    c1_rate: float = 0.1

    def corrupt(self, text: str, rng: random.Random) -> tuple[str, list[Artifact]]:
        if text.isascii():
            return text, []
        if rng.random() < self.c1_rate and any(c in text for c in _C1_SOURCES):
            return self._c1(text, rng)
        codec = rng.choices(self.codecs, [CODECS.get(c, 1) for c in self.codecs])[0]
        twice = rng.random() < self.twice_rate
        scope = rng.choice(self.scopes)
        pattern = _LINE_RE if scope == "document" else {
            "word": _WORD_RE, "sentence": _SENTENCE_RE, "line": _LINE_RE
        }[scope]  # fmt: skip
        spans = [m.span() for m in pattern.finditer(text) if not m.group().isascii()]
        if scope != "document":
            spans = sorted(rng.sample(spans, min(len(spans), rng.randint(1, self.max_spans))))
        items = [(a, b, _misread(text[a:b], codec, twice), "encoding.mojibake") for a, b in spans]
        return rewrite(text, [item for item in items if item[2] != text[item[0] : item[1]]])

    @staticmethod
    def _c1(text: str, rng: random.Random) -> tuple[str, list[Artifact]]:
        items = [
            (i, i + 1, ch.encode("cp1252").decode("latin-1"), "encoding.c1-control")
            for i, ch in enumerate(text)
            if ch in _C1_SOURCES
        ]
        return rewrite(text, items)
