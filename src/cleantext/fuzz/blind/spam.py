"""Blind spam lines: ads in another script at the top or bottom of a page of any length.

WordPress and forum spam lands as a line of its own before the article or after it, whatever the
article's length (a two-paragraph brief gets the same header as a long feature), in any script
the article does not use: a Persian ad on an English page, a Latin casino line on a Persian,
Georgian or Chinese one, a Chinese ad on a Korean or Japanese one. The artifact is the ad line
and the break that separates it from the article.

>>> import random
>>> korean = "정부는 화요일 저녁 새 예산을 승인했다."
>>> dirty, found = OtherScriptSpam().corrupt(korean, random.Random(0))
>>> found[0].kind, script_group(dirty[found[0].start : found[0].end]) != "Hangul"
('spam-lines.other-script', True)
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from typing import ClassVar

from cleantext.fuzz.base import Artifact, rewrite
from cleantext.fuzz.blind import script_group
from cleantext.fuzz.blind._data import SPAM

# Latin ads are the most common on every page; the others are drawn uniformly.
_LATIN_WEIGHT = 4


@dataclass(frozen=True, slots=True)
class OtherScriptSpam:
    """One or two ad lines in a script group the document is not written in, at its edges."""

    name: ClassVar[str] = "spam-lines"

    def corrupt(self, text: str, rng: random.Random) -> tuple[str, list[Artifact]]:
        body = text.rstrip("\n")
        if not body.strip():
            return text, []
        own = script_group(body)
        groups = [g for g in SPAM if g != own]
        weights = [_LATIN_WEIGHT if g == "Latin" else 1 for g in groups]
        where = rng.choices(("top", "bottom", "both"), (5, 3, 2))[0]
        items = []
        if where in ("top", "both"):
            line = rng.choice(SPAM[rng.choices(groups, weights)[0]])
            items.append((0, 0, line + rng.choice(("\n", "\n\n")), "spam-lines.other-script"))
        if where in ("bottom", "both"):
            line = rng.choice(SPAM[rng.choices(groups, weights)[0]])
            sep = rng.choice(("\n", "\n\n"))
            items.append((len(body), len(body), sep + line, "spam-lines.other-script"))
        return rewrite(text, items)
