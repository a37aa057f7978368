"""Corruptors for the `encoding` filter: mojibake made with real codecs, with ground truth.

* `Mojibake` encodes clean text as UTF-8 and decodes the bytes with a single-byte codec, as a
  misconfigured database, scraper or e-mail client does: cp1252 (``CafÃ©``), Latin-1 (C1
  controls in ``â\\x80\\x9c``), cp1251 (``РґРѕСЂРѕРіРµ``) or Mac Roman (``caf√©``). It corrupts a
  whole line, one sentence of a line, or one word, so that mojibake stands next to correct text.
* `C1Controls` encodes cp1252 punctuation (curly quotes, dashes, ellipsis, euro sign) in cp1252
  and decodes it as Latin-1: ``\\x93quoted\\x94`` for ``“quoted”``.

Codecs are decoded "sloppily" (an undefined byte becomes the C1 control of the same number, as
browsers and ftfy do), so that every corruption is lossless. Each artifact's ``kind`` is the
rule that repairs it and its span is the corrupted span of the dirty text.

>>> import random
>>> dirty, (found,) = Mojibake(codecs=("cp1252",), scopes=("word",)).corrupt(
...     "The café is open.", random.Random(1))
>>> dirty, (found.kind, found.start, found.end, found.clean)
('The cafÃ© is open.', ('encoding.mojibake', 4, 9, 'café'))
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from typing import ClassVar

import ftfy.bad_codecs  # noqa: F401  (registers the "sloppy-windows-*" codecs)
import regex

from cleantext.fuzz.base import Artifact

#: Codec names as users know them -> the (sloppy) Python codec that reproduces them.
CODECS: dict[str, str] = {
    "cp1252": "sloppy-windows-1252",
    "latin-1": "latin-1",
    "cp1251": "sloppy-windows-1251",
    "mac_roman": "macroman",
}
#: How much of a line one corruption covers.
SCOPES: tuple[str, ...] = ("line", "sentence", "word")

_SENTENCE_RE = regex.compile(r"[^.!?。！？\n]+[.!?。！？]*\s*")
_WORD_RE = regex.compile(r"\S+")


def mojibake(text: str, codec: str) -> str:
    """``text`` as UTF-8 read by ``codec`` (a key of `CODECS` or a Python codec name).

    >>> mojibake("дороге", "cp1251"), mojibake("café", "mac_roman")
    ('РґРѕСЂРѕРіРµ', 'caf√©')
    """
    return text.encode("utf-8").decode(CODECS.get(codec, codec))


@dataclass(frozen=True, slots=True)
class Mojibake:
    """Mojibake a line, a sentence or a word with a real codec, with ground truth.

    ``rate`` is the chance that each line is corrupted; ``codecs`` and ``scopes`` are drawn from
    uniformly (one codec per corruption). Only spans with non-ASCII text are corrupted (ASCII is
    the same in every codec), so an all-ASCII line is never touched.
    """

    name: ClassVar[str] = "encoding"

    rate: float = 0.5
    codecs: tuple[str, ...] = tuple(CODECS)
    scopes: tuple[str, ...] = SCOPES

    def corrupt(self, text: str, rng: random.Random) -> tuple[str, list[Artifact]]:
        pieces: list[str] = []
        artifacts: list[Artifact] = []
        size = 0
        start = 0
        for line in text.split("\n"):
            if start:
                pieces.append("\n")
                size += 1
            start += len(line) + 1
            if line.isascii() or rng.random() >= self.rate:
                pieces.append(line)
                size += len(line)
                continue
            scope = rng.choice(self.scopes)
            codec = rng.choice(self.codecs)
            spans = _spans(line, scope)
            candidates = [(a, b) for a, b in spans if not line[a:b].isascii()]
            if not candidates:
                pieces.append(line)
                size += len(line)
                continue
            a, b = rng.choice(candidates)
            # A sentence span keeps its trailing space outside the corruption.
            while b > a and line[b - 1].isspace():
                b -= 1
            dirty = mojibake(line[a:b], codec)
            pieces.append(line[:a])
            artifacts.append(
                Artifact("encoding.mojibake", size + a, size + a + len(dirty), line[a:b])
            )
            pieces.append(dirty)
            pieces.append(line[b:])
            size += len(line) - (b - a) + len(dirty)
        return "".join(pieces), artifacts


def _spans(line: str, scope: str) -> list[tuple[int, int]]:
    if scope == "line":
        return [(0, len(line))]
    pattern = _SENTENCE_RE if scope == "sentence" else _WORD_RE
    return [m.span() for m in pattern.finditer(line)]


_CP1252_PUNCTUATION = frozenset("€‚„…†‡‰‹›‘’“”•–—™")


@dataclass(frozen=True, slots=True)
class C1Controls:
    """cp1252 punctuation read as Latin-1 (``\\x93`` for ``“``), with ground truth.

    ``rate`` is the chance that each line is corrupted; every cp1252 punctuation character of a
    corrupted line becomes its C1 control, as a whole line goes through the wrong codec.
    """

    name: ClassVar[str] = "encoding"

    rate: float = 0.5

    def corrupt(self, text: str, rng: random.Random) -> tuple[str, list[Artifact]]:
        chars = list(text)
        artifacts: list[Artifact] = []
        start = 0
        for line in text.split("\n"):
            if rng.random() < self.rate:
                for i, ch in enumerate(line, start):
                    if ch in _CP1252_PUNCTUATION:
                        chars[i] = ch.encode("cp1252").decode("latin-1")
                        artifacts.append(Artifact("encoding.c1-control", i, i + 1, ch))
            start += len(line) + 1
        return "".join(chars), artifacts
