"""The hand-labelled FakeNewsCorpus set: the records agree with `labels.py` and with themselves.

The figures measured on these labels are in test_boilerplate.py and test_corpus.py; here only
the data: a label for every line, classes from the documented list, glued parts that really are
prefixes or suffixes of content lines, and a JSONL file that is what ``labels.py`` builds.
"""

from __future__ import annotations

import importlib.util
import json
import sys
from types import ModuleType

import pytest
from tests.helpers import DATA

FAKENEWS = DATA / "fakenews"


def load_labels_module() -> ModuleType:
    spec = importlib.util.spec_from_file_location("fakenews_labels", FAKENEWS / "labels.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault(spec.name, module)
    spec.loader.exec_module(module)
    return module


LABELS = load_labels_module()
with (FAKENEWS / "fakenews.jsonl").open(encoding="utf-8") as handle:
    RECORDS = [json.loads(line) for line in handle]


def test_every_labelled_document_is_in_the_file_once() -> None:
    assert [r["id"] for r in RECORDS] == list(LABELS.LABELS)
    assert len({r["text"] for r in RECORDS}) == len(RECORDS)
    rows = sum(1 + len(r["duplicates"]) for r in RECORDS)
    assert rows == 250  # the whole sample: every row is a labelled text or a copy of one


@pytest.mark.parametrize("record", RECORDS, ids=[r["id"] for r in RECORDS])
def test_labels_classes_and_glued_parts_agree(record: dict[str, object]) -> None:
    parts = str(record["text"]).split("\n")
    labels, classes = record["labels"], record["classes"]
    assert isinstance(labels, list) and isinstance(classes, list)
    assert len(labels) == len(classes) == len(parts)
    for part, label, cls in zip(parts, labels, classes, strict=True):
        assert (label is None) == (not part.strip()) == (cls is None)
        assert label in (None, "content", "residue")
        assert (label == "residue") == (cls not in (None, "content"))
        assert cls in (None, "content", *LABELS.CLASSES)
    residue = LABELS.residue_lines(LABELS.LABELS[record["id"]], parts)
    assert residue == {i: c for i, c in enumerate(classes) if c not in (None, "content")}
    glued = record["glued"]
    assert isinstance(glued, list)
    for piece in glued:
        line = parts[piece["line"]].strip()
        assert classes[piece["line"]] == "content" and piece["class"] in LABELS.CLASSES
        assert piece["side"] in ("prefix", "suffix")
        fits = line.startswith if piece["side"] == "prefix" else line.endswith
        assert fits(piece["text"]) and len(piece["text"]) < len(line)
