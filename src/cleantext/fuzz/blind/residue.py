"""Blind page residue: the chrome a scraper keeps, in the page's language or in English.

Sites keep English chrome on pages in any language, so each piece of residue is in the page's
language or English (``english_share``). The shapes are those of scraped pages:

* ``breadcrumb``: a trail (``Home / News / World``) on the first line;
* ``share-block``: ``Share this:`` and then one button per line (``Facebook``, ``Twitter``...);
* ``glued-share``: button labels run together (``Facebooktwittermail``) on a line of their own;
* ``source-link``, ``read-more``, ``advertisement``: a line of their own, between paragraphs or
  at the end;
* ``prefix`` / ``suffix``: residue glued before or after a content line (``Read more: In
  August...``, ``...the vote. Source link``), where only the residue must go.

>>> import random
>>> text = "The council met on Tuesday.\\n\\nIt approved the budget."
>>> dirty, found = ResidueLines(shapes=("breadcrumb",)).corrupt(text, random.Random(3))
>>> found[0].kind, dirty.endswith(text)
('boilerplate.breadcrumb', True)
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from typing import ClassVar

from cleantext.fuzz.base import Artifact, rewrite
from cleantext.fuzz.blind import language, lines
from cleantext.fuzz.blind._data import (
    ADVERTISEMENT,
    GLUED_SHARE,
    HOME,
    NETWORKS,
    READ_MORE,
    SECTIONS,
    SEPARATORS,
    SHARE,
    SOURCE,
)

SHAPES: tuple[str, ...] = (
    "breadcrumb", "share-block", "glued-share", "source-link", "read-more", "advertisement",
    "prefix", "suffix",
)  # fmt: skip


def _breadcrumb(lang: str, rng: random.Random) -> str:
    sections = SECTIONS.get(lang, SECTIONS["en"])
    trail = [HOME.get(lang, HOME["en"])]
    trail += rng.sample(sections, rng.randint(1, min(2, len(sections))))
    return rng.choice(SEPARATORS).join(trail)


def _share_block(lang: str, rng: random.Random) -> str:
    buttons = rng.sample(NETWORKS, rng.randint(2, 6))
    return "\n".join([SHARE.get(lang, SHARE["en"]), *buttons])


@dataclass(frozen=True, slots=True)
class ResidueLines:
    """Add 1 to ``max_pieces`` pieces of residue of the given ``shapes`` (all when empty)."""

    name: ClassVar[str] = "boilerplate"
    max_pieces: int = 2
    shapes: tuple[str, ...] = ()
    english_share: float = 0.4

    def corrupt(self, text: str, rng: random.Random) -> tuple[str, list[Artifact]]:
        body = text.rstrip("\n")
        spans = lines(body)
        if not spans:
            return text, []
        site = language(body)
        items: dict[tuple[int, int], tuple[int, int, str, str]] = {}
        for _ in range(rng.randint(1, self.max_pieces)):
            shape = rng.choice(self.shapes or SHAPES)
            lang = "en" if rng.random() < self.english_share else site
            item = self._piece(shape, lang, body, spans, rng)
            if item is not None and (item[0], item[1]) not in items:
                items[(item[0], item[1])] = item
        return rewrite(text, items.values())

    @staticmethod
    def _piece(
        shape: str, lang: str, body: str, spans: list[tuple[int, int]], rng: random.Random
    ) -> tuple[int, int, str, str] | None:
        kind = f"boilerplate.{shape}"
        end = len(body)
        sep = rng.choice(("\n", "\n\n"))
        if shape == "breadcrumb":
            return (0, 0, _breadcrumb(lang, rng) + sep, kind)
        if shape == "share-block":
            return (end, end, sep + _share_block(lang, rng), kind)
        if shape == "prefix":
            start, _ = rng.choice(spans)
            glue = rng.choice((": ", " ", "... ", " - "))
            label = rng.choice((READ_MORE, ADVERTISEMENT)).get(lang, "Read more")
            return (start, start, label + glue, kind)
        if shape == "suffix":
            _, stop = rng.choice(spans)
            label = rng.choice((READ_MORE, SOURCE)).get(lang, "Source link")
            return (stop, stop, rng.choice((" ", " - ", " | ")) + label, kind)
        line = {
            "glued-share": lambda: rng.choice(GLUED_SHARE),
            "source-link": lambda: SOURCE.get(lang, "Source link"),
            "read-more": lambda: READ_MORE.get(lang, "Read more"),
            "advertisement": lambda: ADVERTISEMENT.get(lang, "Advertisement"),
        }[shape]()
        if shape != "source-link" and len(spans) > 1 and rng.random() < 0.5:
            # Between two lines of the article: before the start of a line other than the first.
            # The line takes the break that stood there, so the article's layout is unchanged.
            start, _ = rng.choice(spans[1:])
            own_break = "\n\n" if body[start - 2 : start] == "\n\n" else "\n"
            return (start, start, line + own_break, kind)
        return (end, end, sep + line, kind)
