"""The corruptor for the `whitespace` family: the layout residue of Windows files and scrapers.

`WhitespaceNoise` takes text that the `whitespace` filter leaves alone and makes it dirty in the
ways that filter repairs: line breaks written as CRLF (or LS, FF), spaces and tabs at line ends,
extra blank lines in paragraph breaks and at both ends, and zero-width spaces, BOMs and stray
control characters. Every corruption is one `Artifact` whose ``kind`` is the rule that repairs it,
so ``whitespace(corrupt(x)) == x`` for every clean ``x``.

>>> import random
>>> dirty, artifacts = WhitespaceNoise(rate=1.0).corrupt("One.\\n\\nTwo.\\n", random.Random(1))
>>> from cleantext import Pipeline
>>> Pipeline(["whitespace"]).clean(dirty)
'One.\\n\\nTwo.\\n'
>>> sorted({a.kind for a in artifacts})[:2]
['whitespace.blank-lines', 'whitespace.edges']
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from typing import ClassVar

from cleantext.fuzz.base import Artifact

#: What a line break becomes; CRLF most often, as in files saved on Windows.
LINE_ENDINGS: tuple[str, ...] = ("\r\n", "\r\n", "\r\n", "\u2028", "\x0c")
#: Spaces and tabs left at a line end by editors and HTML-to-text converters.
TRAILING: tuple[str, ...] = (" ", "  ", "\t", " \t", "   ")
#: Invisible characters: the doubled zero-width space of MT post-editing tools, a BOM from a
#: concatenated file, and the C0 controls that survive a bad conversion.
INVISIBLES: tuple[str, ...] = ("\u200b", "\u200b\u200b", "\ufeff", "\x7f", "\x08", "\x00")


@dataclass(frozen=True, slots=True)
class WhitespaceNoise:
    """Inject CRLF, trailing spaces, extra blank lines and invisible characters, with ground truth.

    ``rate`` is the chance that each opportunity (a line break, a line end, a paragraph break,
    a word boundary) is corrupted. The input must be clean for the `whitespace` filter (what it
    leaves unchanged); on such input the corruption is exactly reversible by that filter.
    """

    name: ClassVar[str] = "whitespace"

    rate: float = 0.3

    def corrupt(self, text: str, rng: random.Random) -> tuple[str, list[Artifact]]:
        rate = self.rate
        # Insertions before clean position ``i``: (kind, inserted text).
        inserts: dict[int, list[tuple[str, str]]] = {}

        def insert(position: int, kind: str, inserted: str) -> None:
            inserts.setdefault(position, []).append((kind, inserted))

        # One line-break convention per document (as a real file has), applied to some breaks.
        crlf = rng.random() < 0.5
        ending = "\r\n" if crlf else rng.choice(LINE_ENDINGS)
        breaks = [i for i, ch in enumerate(text) if ch == "\n"]
        replaced = {i for i in breaks if crlf or rng.random() < rate}

        if text and rng.random() < rate:  # blank lines at the top
            insert(0, "whitespace.edges", (ending if crlf else "\n") * rng.randint(1, 3))
        if text and rng.random() < rate:  # a BOM at the very start
            insert(0, "whitespace.invisible", "\ufeff")
        for i in breaks:
            if rng.random() < rate:  # spaces at the end of the line
                insert(i, "whitespace.trailing-space", rng.choice(TRAILING))
            if text[i + 1 : i + 2] == "\n" and rng.random() < rate:  # a paragraph break
                extra = (ending if crlf else "\n") * rng.randint(1, 3)
                insert(i + 1, "whitespace.blank-lines", extra)
        if text and not text.endswith("\n") and rng.random() < rate:
            insert(len(text), "whitespace.trailing-space", rng.choice(TRAILING))
        if text.endswith("\n") and rng.random() < rate:  # blank lines at the end
            insert(len(text), "whitespace.edges", (ending if crlf else "\n") * rng.randint(1, 3))
        # Invisible characters at a few random places (between any two characters is fine: the
        # filter removes them wherever they stand, and a line break is never split).
        for _ in range(rng.randint(0, max(1, int(len(text) * rate / 200)))):
            insert(rng.randint(0, len(text)), "whitespace.invisible", rng.choice(INVISIBLES))

        pieces: list[str] = []
        artifacts: list[Artifact] = []
        size = 0
        pos = 0
        for position in sorted(set(inserts) | replaced):
            pieces.append(text[pos:position])
            size += position - pos
            pos = position
            for kind, inserted in inserts.get(position, ()):
                artifacts.append(Artifact(kind, size, size + len(inserted), ""))
                pieces.append(inserted)
                size += len(inserted)
            if position in replaced:
                artifacts.append(Artifact("whitespace.line-ending", size, size + len(ending), "\n"))
                pieces.append(ending)
                size += len(ending)
                pos = position + 1
        pieces.append(text[pos:])
        return "".join(pieces), artifacts
