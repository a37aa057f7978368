"""Scraper residue: whole lines of page furniture that are not the article.

Two filters live here:

* `Boilerplate` (``boilerplate``) knows what page furniture looks like in general: breadcrumbs,
  share bars, "Source link", "Read more", "Advertisement", copyright footers, a title printed
  twice, in English, French, German, Spanish, Portuguese, Italian, Dutch and Russian.
* `SiteBoilerplate` (``site-boilerplate``) knows the lines that one site repeats in many of its
  documents; its table of line hashes is learned from a corpus by `cleantext.corpus`.

Both drop whole lines only, through `segment.drop_lines`, and never touch a line that merely
*contains* furniture words: "The source link between the databases broke" is prose.
"""

from __future__ import annotations

# isort: off
from cleantext.filters.boilerplate._patterns import RULES
from cleantext.filters.boilerplate.rules import Boilerplate
from cleantext.filters.boilerplate.site import (
    SiteBoilerplate,
    countable,
    edge_hash,
    edge_positions,
    line_hash,
    mask_line,
    normalize_line,
)

# isort: on

__all__ = [
    "RULES",
    "Boilerplate",
    "SiteBoilerplate",
    "countable",
    "edge_hash",
    "edge_positions",
    "line_hash",
    "mask_line",
    "normalize_line",
]
