"""Idempotence everywhere: ``run(run(x).text).text == run(x).text`` on mixed, hostile inputs.

The inputs are built from the pieces real dirt is made of, side by side: lone surrogates, C0
and C1 controls, mojibake of several code pages, entities (intact, doubled, tokenized), Moses
markers, invisible characters, numbers at line breaks, and words of several scripts. Run at
the thorough profile (``HYPOTHESIS_PROFILE=thorough``) before a release.
"""

from __future__ import annotations

import pytest
from hypothesis import example, given
from hypothesis import strategies as st
from tests.helpers import assert_books_balance

from cleantext import Pipeline
from cleantext.filters import get, names

PIECES = [
    # scripts
    "Café",
    "déjà vu",
    "Київ",
    "дороге",
    "Ελλάδα",
    "سلام",
    "می‌شود",
    "हिन्दी",
    "中文",
    "日本語",
    "한국어",
    "ខ្ញុំ",
    "ภาษาไทย",
    "ລາວ",
    "မြန်မာ",
    "Straße",
    "İstanbul",
    "the",
    "in",
    # mojibake
    "CafÃ©",
    "Ã©",
    "Ã",
    "â€œ",
    "â€",
    "РґРѕСЂРѕРіРµ",
    "Р",
    "fГјr",
    "caf√©",
    "Â",
    "ß\x93",
    "Ã\xa0",
    "Î&frac14;",
    # surrogates and controls
    "\ud800",
    "\udc00",
    "\ud83d\ude00",
    "\x00",
    "\x07",
    "\x7f",
    "\x81",
    "\x83",
    "\x85",
    "\x92",
    "\x93",
    "\x94",
    "\ufeff",
    "\ufffd",
    # invisibles and layout
    "\u200b",
    "\u200b\u200b",
    "\u200c",
    "\u200d",
    "\xa0",
    " ",
    "  ",
    "\t",
    "\n",
    "\n\n",
    "\n\n\n",
    "\r\n",
    "\r",
    # entities
    "&amp;",
    "&amp;amp;",
    "&#39;",
    "& # 39;",
    "& quot ;",
    "&quot;",
    "amp;#039;",
    "&",
    "& #",
    "&nbsp;",
    "&eacute;",
    "&#150;",
    "&lt;",
    "AT&T",
    "?a=1&b=2",
    # tokenizer residue and quotes
    "@-@",
    "@,@",
    "@.@",
    " ,",
    " .",
    "it 's",
    "n't",
    '"',
    "'",
    "“",
    "”",
    "„",
    "«",
    "»",
    "(",
    ")",
    "[",
    # numbers and hyphens
    "201",
    "4",
    "20",
    "17",
    "2014",
    "1,",
    "000",
    "4.",
    "5",
    "$",
    "%",
    "-",
    "in 201\n\n4,",
]

mixed = st.lists(st.sampled_from(PIECES), max_size=30).map("".join)
anything = st.text(st.characters(codec=None, exclude_categories=()), max_size=40)
inputs = st.one_of(mixed, st.lists(st.one_of(mixed, anything), max_size=3).map("".join))

DEFAULT = Pipeline.default()
FILTERS = {name: Pipeline([get(name)]) for name in names()}


def _idempotent(pipeline: Pipeline, text: str) -> None:
    once = pipeline.run(text)
    assert_books_balance(once)
    twice = pipeline.run(once.text)
    assert twice.text == once.text, (text, once.text, [e.rule for e in twice.edits])


@given(inputs)
@example("\ud800CafÃ©")  # a lone surrogate beside mojibake (issue 11)
@example("Ã©\udc00Ã©")
def test_default_pipeline_is_idempotent(text: str) -> None:
    _idempotent(DEFAULT, text)


@pytest.mark.parametrize("name", sorted(FILTERS))
@given(text=inputs)
@example(text="\ud800CafÃ©")
def test_each_filter_is_idempotent(name: str, text: str) -> None:
    _idempotent(FILTERS[name], text)
