"""Corruptors for the `boilerplate` filter: scraper residue lines, breadcrumbs, repeated titles.

* `ResidueLines` inserts page-furniture lines ("Source link", "Advertisements", "Share this:",
  "Lire la suite", "Читайте также" ...) as paragraphs of their own: at the top, at the bottom, or
  between two paragraphs (a quarter of real residue sits mid-text).
* `Breadcrumbs` puts a navigation trail above the first line (``Home / World / <title>`` when
  the text opens with a title, ``Home » World »`` otherwise).
* `RepeatedTitle` prints the title (the first line, when it looks like one) a second time.

Each artifact's ``kind`` is the rule that must remove it (``boilerplate.<sub-rule>``), so
``Boilerplate()`` applied to the dirty text gives back the clean one, byte for byte.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from typing import ClassVar

import regex

from cleantext.fuzz.base import Artifact

_UNSPACED_RE = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Thai}\p{Lao}\p{Khmer}]")

#: Residue lines by the sub-rule that owns them, in the languages the filter knows.
RESIDUE: dict[str, tuple[str, ...]] = {
    "source-link": (
        "Source link", "Source: https://example.com/news/2018/01/article-title/", "Lien source",
        "Quelllink", "Fuente original", "Ссылка на источник",
    ),
    "read-more": (
        "Read more", "Continue reading →", "READ MORE:", "Read more @ Example-Site.org",
        "Lire la suite", "Weiterlesen", "Leer más", "Leia mais", "Continua a leggere",
        "Читать далее", "Read Also: The Real Story Behind The Budget Vote",
    ),
    "share": (
        "Share this:", "Share this: Facebook Twitter", "Facebook | Twitter | Email",
        "Partager cet article", "Diesen Artikel teilen", "Compartir", "Compartilhe", "Condividi",
        "Поделиться",
    ),
    "social": (
        "Follow us on Twitter", "Like us on Facebook", "Follow @exampledaily",
        "Suivez-nous sur Twitter", "Folgen Sie uns auf Facebook", "Síguenos en Twitter",
    ),
    "subscribe": (
        "Subscribe to our newsletter", "Subscribe", "Abonnez-vous à notre newsletter",
        "Jetzt abonnieren", "Suscríbete a nuestro boletín", "Inscreva-se", "Iscriviti",
        "Подписывайтесь на наш канал",
    ),
    "advertisement": (
        "Advertisement", "Advertisements", "ADVERTISEMENT", "Publicité", "Anzeige",
        "Publicidad", "Publicidade", "Pubblicità", "Реклама",
    ),
    "filed-under": (
        "Filed under: Politics, World | 3 Comments »", "Tags: budget, council, city",
        "Catégories : Politique", "Schlagwörter: Politik, Haushalt", "Etiquetas: política",
        "Теги: политика, бюджет",
    ),
    "posted-by": (
        "Posted on January 5, 2018 by admin", "Posted on by editor", "Posted by Jane Doe",
        "Publié le 5 janvier 2018 par la rédaction",
        "Veröffentlicht am 5. Januar 2018 von Redaktion",
    ),
    "related": (
        "Related", "Related Posts:", "Related Articles", "Articles similaires", "Ähnliche Artikel",
        "Artículos relacionados", "Artigos relacionados", "Articoli correlati", "Похожие статьи",
    ),
    "like-this": ("Like this: Like Loading...", "Like this:", "Like Loading..."),
    "visits": ("(Visited 12 times, 1 visits today)", "(Visited 1,024 times, 3 visits today)"),
    "copyright": (
        "Copyright © 2018 Example Media. All rights reserved.", "© 2017 Example Inc.",
        "Tous droits réservés", "Alle Rechte vorbehalten", "Todos los derechos reservados",
        "Все права защищены",
    ),
    "rss-footer": ("The post Budget Approved appeared first on Example Daily.",),
}  # fmt: skip

#: Trail openers and section names for `Breadcrumbs`.
HOMES: tuple[str, ...] = ("Home", "HOME", "Accueil", "Startseite", "Inicio", "Início", "Главная")
SECTIONS: tuple[str, ...] = ("World", "News", "Politics", "Monde", "Politik", "Mundo", "Мир")
SEPARATORS: tuple[str, ...] = ("/", "»", ">", "›", "|")

#: Headlines in several scripts, for tests that need documents that open with a title.
TITLES: dict[str, tuple[str, ...]] = {
    "Latin": (
        "In Iraq, US ally with former Iran-backed enemies – INTERNATIONAL",
        "City council approves the new budget",
        "Le conseil municipal adopte le budget",
        "Regierung senkt die Steuern für kleine Firmen",
    ),
    "Cyrillic": ("Правительство одобрило новый бюджет", "Уряд знизить податки для бізнесу"),
    "Arabic": ("مجلس المدينة يوافق على الميزانية الجديدة", "دولت بودجه جدید را تصویب کرد"),
    "CJK": ("市议会批准新预算", "政府が新しい予算を承認", "정부 새 예산 승인"),
    "Devanagari": ("नगर परिषद ने नए बजट को मंज़ूरी दी",),
}


def _line_starts(text: str) -> list[tuple[int, str]]:
    """Offsets where a line starts, with the break that precedes it (``\\n`` or ``\\n\\n``)."""
    starts: list[tuple[int, str]] = []
    index = text.find("\n")
    while index != -1:
        after = index + 1
        if after < len(text) and text[after] == "\n":
            after += 1
            if after < len(text) and text[after] != "\n":
                starts.append((after, "\n\n"))
        elif after < len(text):
            starts.append((after, "\n"))
        index = text.find("\n", after)
    return starts


def _first_line(text: str) -> str:
    return text.split("\n", 1)[0]


def _titleish(line: str) -> bool:
    """A headline: 3 to 30 words (or 6 letters of an unspaced script), no final punctuation."""
    if not line or line != line.strip() or line[-1] in ".,;:。．।":
        return False
    words = [word for word in line.split() if any(ch.isalpha() for ch in word)]
    if 3 <= len(words) <= 30:
        return True
    letters = sum(ch.isalpha() for ch in line)
    return len(words) == 1 and letters >= 6 and _UNSPACED_RE.search(line) is not None


@dataclass(frozen=True, slots=True)
class ResidueLines:
    """Insert ``count`` residue lines (1 to 3 at random when 0), each a paragraph of its own.

    ``rules`` limits the sub-rules drawn from `RESIDUE` (all of them when empty).

    >>> dirty, found = ResidueLines(count=1).corrupt("Para one.\\n\\nPara two.", random.Random(1))
    >>> dirty.count("\\n\\n"), found[0].kind.startswith("boilerplate.")
    (2, True)
    """

    name: ClassVar[str] = "boilerplate"

    count: int = 0
    rules: tuple[str, ...] = ()

    def corrupt(self, text: str, rng: random.Random) -> tuple[str, list[Artifact]]:
        if not text.strip() or text != text.strip("\n") + ("\n" if text.endswith("\n") else ""):
            return text, []  # leading or doubled trailing line breaks: leave such text alone
        rules = list(self.rules or RESIDUE)
        count = self.count or rng.randint(1, 3)
        body = text[:-1] if text.endswith("\n") else text
        ending = text[len(body) :]
        # Insertion points: the top, the start of any line, the end; a line inserted before a
        # line that follows a blank line is a paragraph of its own, else a line of its paragraph.
        points = sorted({(0, "\n\n"), (len(body), ""), *_line_starts(body)})
        chosen = sorted(rng.choice(points) for _ in range(count))
        pieces: list[str] = []
        artifacts: list[Artifact] = []
        pos = 0
        out_len = 0
        for point, sep in chosen:
            rule = rng.choice(rules)
            line = rng.choice(RESIDUE[rule])
            chunk = body[pos:point]
            pieces.append(chunk)
            out_len += len(chunk)
            if point == len(body):
                start = out_len + 2
                pieces.append("\n\n" + line)
                out_len += 2 + len(line)
            else:
                start = out_len
                pieces.append(line + sep)
                out_len += len(line) + len(sep)
            artifacts.append(Artifact(f"boilerplate.{rule}", start, start + len(line), ""))
            pos = point
        pieces.append(body[pos:])
        return "".join(pieces) + ending, artifacts


@dataclass(frozen=True, slots=True)
class Breadcrumbs:
    """Put a breadcrumb trail above the first line.

    >>> dirty, _ = Breadcrumbs().corrupt("Budget approved today\\n\\nBody.", random.Random(2))
    >>> dirty.split("\\n")[0]
    'Главная / Мир / Budget approved today'
    """

    name: ClassVar[str] = "boilerplate"

    def corrupt(self, text: str, rng: random.Random) -> tuple[str, list[Artifact]]:
        if not text.strip() or text[0].isspace():
            return text, []
        home, section, sep = rng.choice(HOMES), rng.choice(SECTIONS), rng.choice(SEPARATORS)
        first = _first_line(text)
        if _titleish(first) and sep not in first and rng.random() < 0.7:
            trail = f"{home} {sep} {section} {sep} {first}"
        else:
            trail = f"{home} {sep} {section} {sep}" if rng.random() < 0.5 else f"{home} {sep}"
        return trail + "\n" + text, [Artifact("boilerplate.breadcrumb", 0, len(trail), "")]


@dataclass(frozen=True, slots=True)
class RepeatedTitle:
    """Print the title again below itself (when the text opens with a title-like line).

    >>> RepeatedTitle().corrupt("Budget approved today\\n\\nBody.", random.Random(0))[0]
    'Budget approved today\\n\\nBudget approved today\\n\\nBody.'
    """

    name: ClassVar[str] = "boilerplate"

    def corrupt(self, text: str, rng: random.Random) -> tuple[str, list[Artifact]]:
        first = _first_line(text)
        if first == text or not _titleish(first):
            return text, []
        end = len(first)
        sep = "\n\n" if text[end : end + 2] == "\n\n" else "\n"
        start = end + len(sep)
        dirty = text[:end] + sep + first + text[end:]
        return dirty, [Artifact("boilerplate.repeated-title", start, start + len(first), "")]
