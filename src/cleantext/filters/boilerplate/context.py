"""Where a residue line sits decides whether it goes: the context rules of ``boilerplate``.

A line's wording (`rules._line_rule`) makes it a *candidate*; its *level* says how much more
evidence it needs:

* ``STRONG``: wording no prose uses (``Source link``, ``Share this:``, ``Like this: Like
  Loading...``, ``(Visited 12 times, 1 visits today)``): the line goes wherever it is.
* ``WEAK``: wording a document may use for itself (``Related``, ``Advertisement``, ``See also``,
  ``Copyright © 2022 ...``, ``Tags: ...``): the line goes only with web-page evidence, that is at
  an edge of the page (among the first two or the last three lines, counting only the lines that
  are not candidates), next to another candidate (a run of chrome), or in a document that holds a
  strong candidate somewhere (a scraped page). And never when it is a *section heading* or part
  of a section: in a document that lays out two or more other sections as a short heading line
  followed directly by its text, a candidate that opens such a block (``VOIR AUSSI``, Turkish
  ``AD`` "name"), or that sits inside a block under such a heading (``COPYRIGHT`` /
  ``Copyright © 2022 Free Software Foundation``), is the document's own text.
* ``TOP``: a labelled promoted headline (``Headline: ...``), which goes only among the first
  lines, under the title.

Edges count non-candidate lines only, so that what a first run drops does not move another line
to an edge for the second run (idempotence).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from cleantext.filters.boilerplate._patterns import HEADING_END, count_words

STRONG = 2
WEAK = 1
TOP = 3

#: Non-candidate lines on each side of a weak candidate at an edge of the page.
TOP_EDGE = 2
BOTTOM_EDGE = 3


@dataclass(slots=True)
class Row:
    """One non-blank line of the text, with what its wording and its neighbours say."""

    start: int
    end: int
    content: str
    stripped: str
    after_blank: bool  # the line before is blank, or this is the first line
    before_blank: bool  # the line after is blank, or this is the last line
    rule: str | None = None
    level: int = 0
    button: bool = False  # a share button on a line of its own ("Facebook", "Email")
    glued: bool = False  # may open or end with a link prompt (see `rules._glued`)


def heading_shaped(row: Row) -> bool:
    """Laid out like a section heading: short, with letters, no sentence-final mark."""
    text = row.stripped
    return (
        len(text) <= 60
        and text[-1] not in HEADING_END
        and any(ch.isalpha() for ch in text)
        and count_words(text) <= 6
    )


def _opens_section(row: Row, after: Row | None) -> bool:
    return row.after_blank and not row.before_blank and after is not None


def share_blocks(rows: list[Row]) -> None:
    """Runs of share buttons, one per line (``Share this:`` / ``Facebook`` / ``Twitter`` / ...),
    become ``share-block`` lines: two buttons or more, or one under a share prompt."""
    k = 0
    while k < len(rows):
        if not (rows[k].button or rows[k].rule in ("share", "like-this")):
            k += 1
            continue
        stop = k
        while stop < len(rows) and (rows[stop].button or rows[stop].rule in ("share", "like-this")):
            stop += 1
        run = rows[k:stop]
        buttons = [row for row in run if row.button and row.rule is None]
        prompt = any(row.rule in ("share", "like-this") for row in run)
        if len(buttons) >= 2 or (buttons and prompt):
            for row in buttons:
                row.rule, row.level = "share-block", STRONG
        k = stop


def decide(
    rows: list[Row],
    latin_page: Callable[[], bool] = lambda: True,
    english_chrome: Callable[[Row], bool] = lambda row: False,
) -> list[bool]:
    """For each row: does its candidate rule fire in this context?

    ``latin_page`` says (lazily: it is only asked when a weak candidate has no other evidence)
    whether the document is written in Latin script; a weak candidate in Latin letters on a page
    in another script is chrome the site kept in English or its own UI language.
    ``english_chrome`` says (as lazily) whether a row is English chrome on a page whose function
    words are another language's."""
    size = len(rows)
    content_before = [0] * size  # non-candidate rows before each row
    seen = 0
    for k, row in enumerate(rows):
        content_before[k] = seen
        seen += row.rule is None
    total_content = seen
    headings = 0
    for k, row in enumerate(rows):
        after = rows[k + 1] if k + 1 < size else None
        if row.rule is None and heading_shaped(row) and _opens_section(row, after):
            headings += 1
    page = any(row.level == STRONG for row in rows)
    fire = [False] * size
    in_sections = False  # after the first section heading of a document laid out in sections
    for k, row in enumerate(rows):
        after = rows[k + 1] if k + 1 < size else None
        opens = _opens_section(row, after) and heading_shaped(row)
        if opens and row.rule is None and headings >= 2:
            in_sections = True
        if row.rule is None:
            continue
        if row.level == STRONG:
            fire[k] = True
            continue
        if row.level == TOP:
            fire[k] = 1 <= content_before[k] <= 2
            continue
        # WEAK: a heading of this document, or inside one of its sections, is its own text.
        if opens and headings >= 2 and after is not None and after.rule is None:
            in_sections = True
            continue
        if in_sections:
            continue
        after_content = total_content - content_before[k]
        edge = content_before[k] < TOP_EDGE or after_content < BOTTOM_EDGE
        neighbour = (k > 0 and rows[k - 1].rule is not None) or (
            after is not None and after.rule is not None
        )
        fire[k] = (
            edge
            or neighbour
            or page
            or (_latin(row.stripped) and not latin_page())
            or english_chrome(row)
        )
    return fire


def _latin(text: str) -> bool:
    letters = [ch for ch in text if ch.isalpha()]
    return bool(letters) and all(ch.isascii() or "À" <= ch <= "ɏ" for ch in letters)
