"""Corruptor for the `spam-lines` filter: spam lines in another script at the edges of a page.

`OtherScriptSpam` puts one or two short keyword lines (a Persian WordPress ad, a Latin casino line,
a Chinese download ad...) at the top and/or the bottom of a document, always in a script group the
document does not use. The filter removes them when the rest of the document has at least
``SpamLines.min_body_letters`` letters, so a property test over documents that long checks
``filter(corrupt(x)) == x``.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from typing import ClassVar

from cleantext.fuzz.base import Artifact
from cleantext.segment import script_counts

#: Spam lines by script group (written for this module: SEO and ad phrases, no punctuation at the
#: end, three words or more where words are spaced). Han, Hiragana, Katakana and Hangul form the
#: group "CJK".
SPAM_LINES: dict[str, tuple[str, ...]] = {
    "Arabic": (
        "قالب وردپرس درنا توس",
        "دانلود رایگان فیلم و سریال جدید",
        "خرید بک لینک ارزان و قوی",
        "تحميل قوالب ووردبريس مجانا",
    ),
    "Latin": (
        "Download free WordPress themes",
        "cheap replica watches online shop",
        "best casino bonus codes today",
        "buy followers instant delivery cheap",
    ),
    "Cyrillic": (
        "Скачать бесплатно шаблоны для сайта",
        "купить дешевые авиабилеты онлайн",
        "лучшие онлайн казино без депозита",
    ),
    "CJK": (
        "免费下载最新电影高清版",
        "网上赌场最佳奖金代码",
        "無料ダウンロード最新映画",
    ),
    "Devanagari": (
        "मुफ्त फिल्में डाउनलोड करें अभी",
        "सस्ते होटल ऑनलाइन बुक करें",
    ),
    "Greek": ("Δωρεάν λήψη ταινιών και σειρών",),
    "Hebrew": ("הורדת תבניות וורדפרס בחינם",),
    "Thai": ("ดาวน์โหลดธีมเวิร์ดเพรสฟรี",),
}

_GROUP = {"Han": "CJK", "Hiragana": "CJK", "Katakana": "CJK", "Hangul": "CJK"}


def _groups(text: str) -> set[str]:
    return {_GROUP.get(script, script) for script in script_counts(text)}


@dataclass(frozen=True, slots=True)
class OtherScriptSpam:
    """Add spam lines in a script the document does not use, at its top and/or bottom.

    ``where`` is ``"top"``, ``"bottom"``, ``"both"`` or ``"any"`` (chosen at random per text).
    A text that already uses every script of `SPAM_LINES`, or has no line break to keep the spam
    apart from, comes back unchanged with no artifact.

    >>> dirty, found = OtherScriptSpam(where="top").corrupt("Body.\\n", random.Random(0))
    >>> dirty.endswith("\\nBody.\\n"), found[0].kind, found[0].start
    (True, 'spam-lines.other-script', 0)
    """

    name: ClassVar[str] = "spam-lines"

    where: str = "any"

    def corrupt(self, text: str, rng: random.Random) -> tuple[str, list[Artifact]]:
        used = _groups(text)
        choices = [group for group in SPAM_LINES if group not in used]
        if not choices or not text.strip():
            return text, []
        where = self.where if self.where != "any" else rng.choice(("top", "bottom", "both"))
        top = rng.choice(SPAM_LINES[rng.choice(choices)]) if where in ("top", "both") else ""
        bottom = rng.choice(SPAM_LINES[rng.choice(choices)]) if where in ("bottom", "both") else ""
        artifacts: list[Artifact] = []
        dirty = text
        if top:
            dirty = top + "\n" + dirty
            artifacts.append(Artifact("spam-lines.other-script", 0, len(top), ""))
        if bottom:
            if dirty.endswith("\n"):
                start = len(dirty)
                dirty = dirty + bottom + "\n"
            else:
                start = len(dirty) + 1
                dirty = dirty + "\n" + bottom
            artifacts.append(Artifact("spam-lines.other-script", start, start + len(bottom), ""))
        return dirty, artifacts
