"""Build ``fakenews.jsonl``: 77 FakeNewsCorpus documents with every line labelled by hand.

Run from the repository root: ``python tests/data/fakenews/labels.py``. It reads the shared sample
(``../shared/data/fakenewscorpus_sample/news_sample.csv``), keeps the documents listed in `LABELS`
(in that order) and writes one JSON record per document: ``id``, ``domain``, ``title``, ``text``
(the ``content`` column, verbatim) and ``labels``, aligned with ``text.split("\\n")``: ``null``
for a blank line, else ``"content"`` or ``"residue"``. ``notes`` explains borderline lines.

The labels below were set by reading every line of every document (see SOURCE.md for the
rules); they are the line numbers (0-based, in ``text.split("\\n")``) that are residue.
"""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path

HERE = Path(__file__).parent
SHARED = HERE.parents[2] / ".." / "shared" / "data" / "fakenewscorpus_sample" / "news_sample.csv"

# id -> residue line numbers. Documents without residue have an empty tuple.
LABELS: dict[str, tuple[int, ...]] = {
    "21902": (0, 12),
    "8600": (2,),
    "30562": (),
    "32995": (),
    "32957": (),
    "3009": (),
    "141": (),
    "1920": (),
    "3448": (2, 30, 32),
    "29553": (2, 6),
    "23561": (2, 4, 18, 28, 30, 32, 34, 36),
    "7820": (2, 4, 6),
    "20749": (0,),
    "26829": (2, 4, 70),
    "23081": (2, 4, 36, 38),
    "18811": (2, 14, 16),
    "13433": (2, 4, 16, 18, 20),
    "22567": (2, 12),
    "37351": (2, 4, 8, 10, 12, 16, 18),
    "35815": (2, 4, 32, 34),
    "35379": (),
    "1771": (2, 82),
    "31019": (0,),
    "24915": (2, 4, 8),
    "29683": (2, 8),
    "15564": (0, 70, 72, 74, 76),
    "39259": (2, 36, 38),
    "15568": (0, 38, 40, 42, 44),
    "13022": (2, 24, 26),
    "12071": (2, 6, 8),
    "17495": (2, 26),
    "17100": (2, 28, 30),
    "24401": (2, 4, 22),
    "33591": (2, 4, 102, 104, 110),
    "26929": (2, 4, 8, 12),
    "33458": (2, 4, 16),
    "33402": (0, 8, 10, 12, 14, 16, 18),
    "19445": (2, 16, 18, 20, 22, 24, 26, 28),
    "791": (14,),
    "899": (),
    "2350": (),
    "36296": (),
    "3399": (),
    "5524": (0, 2, 48),
    "8751": (0,),
    "5590": (0, 14),
    "2928": (0, 14, 16),
    "9757": (0,),
    "5934": (),
    "1422": (0, 20, 22, 26, 28),
    "1685": (14, 28, 30, 32, 34),
    "2363": (0,),
    "37771": (0, 2, 4),
    "700": (0,),
    "6509": (),
    "14508": (),
    "28369": (0, 2, 4, 6, 8, 10, 12, 14, 16),
    "27893": (),
    "36475": (),
    "36471": (),
    "26554": (),
    "19639": (),
    "29669": (),
    "37134": (),
    "9272": (),
    "9101": (),
    "12075": (),
    "13437": (),
    "10186": (),
    "12544": (),
    "26150": (),
    "19866": (),
    "17604": (0, 24, 26, 28),
    "20411": (0, 14, 16, 18),
    "38549": (),
    "38736": (),
    "38616": (),
}

# Borderline lines and the call made on them: (id, line) -> note.
NOTES: dict[tuple[str, int], str] = {
    ("21902", 0): "residue: a byline cut to the bare word 'By'",
    ("21902", 6): "content: a lone '.' (lines without letters are layout, labelled content)",
    ("8600", 2): "residue: photo credit of an image that is not there",
    ("23561", 18): "residue: image credit line",
    ("23561", 26): "content: separator line",
    ("23561", 32): "residue: site promotion ('redOrbit.com' + next line)",
    ("20749", 0): "residue: the whole extracted text is a promoted headline the site repeats",
    ("31019", 0): "residue: the whole extracted text is a promoted headline the site repeats",
    ("22567", 10): "content: 'Courtesy of ...' credits the press release (borderline)",
    ("37351", 14): "content: 'Contributed by <author>' is an author credit (borderline)",
    ("33591", 106): "content: 'Contributed by <author>' is an author credit (borderline)",
    ("35379", 74): "content: author bio written with the article",
    ("35379", 114): "content: 'End of <title>' marker written by the author (borderline)",
    ("13022", 24): "residue: bare URL of the original article in the syndication footer",
    ("33458", 14): "content: affiliate disclosure written by the author (borderline)",
    ("15564", 74): "residue: promoted video title the site repeats under articles",
    ("2350", 2): "content: an archive teaser ending in '..Read more' (the line is mostly text)",
    ("9757", 12): "content: 'Continued below...' glued to a content paragraph",
    ("1422", 14): "content: 'Continued below...' glued to a content paragraph",
    ("1685", 0): "content: image caption",
    ("2363", 0): "residue: 'Expand | Collapse' widget text with the photo credit",
    ("37771", 0): "residue: the page is a CMS error template",
    ("700", 0): "residue: truncated meta description (repeats the title and the first paragraph)",
    ("28369", 0): "residue: the page is only the site's 'Recommended Resources' sidebar",
    ("19639", 6): "content: author box on an archive page (borderline)",
    ("17604", 10): "content: separator line",
}


def build(source: Path = SHARED, target: Path = HERE / "fakenews.jsonl") -> None:
    csv.field_size_limit(sys.maxsize)
    with source.open(encoding="utf-8", newline="") as handle:
        rows = {row["id"]: row for row in csv.DictReader(handle)}
    with target.open("w", encoding="utf-8") as out:
        for doc_id, residue in LABELS.items():
            row = rows[doc_id]
            text = row["content"]
            parts = text.split("\n")
            assert all(parts[i].strip() for i in residue), (doc_id, residue)
            labels = [
                None if not part.strip() else "residue" if i in residue else "content"
                for i, part in enumerate(parts)
            ]
            notes = {str(i): note for (nid, i), note in NOTES.items() if nid == doc_id}
            record = {
                "id": doc_id,
                "domain": row["domain"],
                "title": row["title"],
                "text": text,
                "labels": labels,
                "notes": notes,
            }
            out.write(json.dumps(record, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    build()
