"""The `whitespace` filter: every rule, what it keeps, and its properties."""

from __future__ import annotations

import doctest
import random
import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from tests.helpers import assert_idempotent, ntrex_documents, run_filter

from cleantext.filters.whitespace import Whitespace
from cleantext.fuzz import SCRIPTS, clean_documents
from cleantext.fuzz.whitespace import WhitespaceNoise

WS = Whitespace()

#: The rule codes are API: reports, configs and users' statistics key on them.
RULES = {
    "whitespace.line-ending",
    "whitespace.trailing-space",
    "whitespace.blank-lines",
    "whitespace.edges",
    "whitespace.invisible",
}

# (input, expected output, the rules that must fire)
REPAIRS = [
    pytest.param("a\r\nb\r\n", "a\nb\n", {"whitespace.line-ending"}, id="crlf"),
    pytest.param("a\rb\rc", "a\nb\nc", {"whitespace.line-ending"}, id="cr"),
    pytest.param("a\x0bb", "a\nb", {"whitespace.line-ending"}, id="vt"),
    pytest.param("a\x0cb", "a\nb", {"whitespace.line-ending"}, id="ff"),
    pytest.param("a\u2028b", "a\nb", {"whitespace.line-ending"}, id="ls"),
    pytest.param("a\u2029b", "a\nb", {"whitespace.line-ending"}, id="ps"),
    pytest.param("a\r\r\nb", "a\n\nb", {"whitespace.line-ending"}, id="cr-then-crlf"),
    pytest.param("a  \nb\t\nc", "a\nb\nc", {"whitespace.trailing-space"}, id="trailing"),
    pytest.param("a \t ", "a", {"whitespace.trailing-space"}, id="trailing-at-end"),
    pytest.param("a\n \nb", "a\n\nb", {"whitespace.trailing-space"}, id="spaces-on-blank"),
    pytest.param("a\n\n\nb", "a\n\nb", {"whitespace.blank-lines"}, id="three-newlines"),
    pytest.param("a\n \n\t\n\n\nb", "a\n\nb", {"whitespace.blank-lines"}, id="blank-run"),
    pytest.param("a\r\n\r\n\r\nb", "a\n\nb", {"whitespace.blank-lines"}, id="crlf-blanks"),
    pytest.param("\n\n \nText", "Text", {"whitespace.edges"}, id="leading-blank"),
    pytest.param("\n  Text", "  Text", {"whitespace.edges"}, id="leading-keeps-indent"),
    pytest.param("Text\n\n\n", "Text\n", {"whitespace.edges"}, id="trailing-blank"),
    pytest.param("Text\n \t\n  ", "Text\n", {"whitespace.edges"}, id="trailing-spaces"),
    pytest.param("\n\n \n", "", {"whitespace.edges"}, id="only-blank-lines"),
    pytest.param("a\x00b\x1fc\x01", "abc", {"whitespace.invisible"}, id="c0-controls"),
    pytest.param("a\x7fb", "ab", {"whitespace.invisible"}, id="del"),
    pytest.param("\ufeffText", "Text", {"whitespace.invisible"}, id="bom-at-start"),
    pytest.param("one\ufefftwo", "onetwo", {"whitespace.invisible"}, id="bom-mid-text"),
    pytest.param("a\u200b\u200bb", "ab", {"whitespace.invisible"}, id="zwsp-doubled"),
    pytest.param("a\u200b\nb", "a\nb", {"whitespace.invisible"}, id="zwsp-at-line-end"),
    pytest.param("a\n\u200b\nb", "a\n\nb", {"whitespace.invisible"}, id="zwsp-on-blank"),
    pytest.param("a\n\u200b  b", "a\n  b", {"whitespace.invisible"}, id="zwsp-in-indent"),
    pytest.param("Мо\u200bсква", "Москва", {"whitespace.invisible"}, id="zwsp-in-cyrillic"),
    pytest.param("ខ្ញុំ\u200b\u200bទៅ", "ខ្ញុំ\u200bទៅ", {"whitespace.invisible"}, id="khmer-doubled"),
    pytest.param(
        "ไทย \u200b\nภาษา", "ไทย\nภาษา", {"whitespace.trailing-space"}, id="thai-line-end"
    ),
    pytest.param("\u200bລາວ", "ລາວ", {"whitespace.invisible"}, id="lao-text-start"),
    pytest.param("မြန်မာ \u200b စာ", "မြန်မာ  စာ", {"whitespace.invisible"}, id="burmese-spaces"),
    pytest.param("ខ្ញុំ\u200b\u200b ទៅ", "ខ្ញុំ ទៅ", {"whitespace.invisible"}, id="khmer-doubled-space"),
]

# Real sentences written with U+200B between words, as Khmer, Thai, Lao and Burmese text is
# typed for line breaking (hand-written here; the ZWSPs are where a native writer puts them).
WORD_SEPARATED = {
    "khm": "ប្រទេស\u200bកម្ពុជា\u200bមាន\u200bប្រជាជន\u200bប្រហែល\u200b១៦\u200bលាន\u200bនាក់។",
    "tha": "ประเทศไทย\u200bมี\u200bประชากร\u200bประมาณ\u200b70\u200bล้าน\u200bคน",
    "lao": "ປະເທດ\u200bລາວ\u200bມີ\u200bປະຊາກອນ\u200bປະມານ\u200b7\u200bລ້ານ\u200bຄົນ",
    "mya": "မြန်မာ\u200bနိုင်ငံ\u200bသည်\u200bအရှေ့တောင်\u200bအာရှ\u200bတွင်\u200bရှိ\u200bသည်။",
}


@pytest.mark.parametrize("lang", sorted(WORD_SEPARATED))
def test_word_separator_zwsp_is_kept(lang: str) -> None:
    sentence = WORD_SEPARATED[lang]
    document = f"{sentence} {sentence}\n\n{sentence}\n"
    assert run_filter(WS, document).edits == ()
    # A word ends with its separator, at the end of a line too.
    assert run_filter(WS, sentence[:-1] + "\u200b\n" + sentence).edits == ()


@pytest.mark.parametrize("lang", sorted(WORD_SEPARATED))
def test_word_separator_residue_still_goes(lang: str) -> None:
    sentence = WORD_SEPARATED[lang]
    dirty = "\u200b" + sentence.replace("\u200b", "\u200b\u200b", 1) + "\n\u200b" + sentence
    result = run_filter(WS, dirty)
    assert result.text == sentence + "\n" + sentence
    assert {e.rule for e in result.edits} == {"whitespace.invisible"}


@pytest.mark.parametrize(("text", "expected", "rules"), REPAIRS)
def test_repairs(text: str, expected: str, rules: set[str]) -> None:
    result = run_filter(WS, text)
    assert result.text == expected
    assert {edit.rule for edit in result.edits} == rules


KEEPS = [
    pytest.param("Text\n", id="final-newline"),
    pytest.param("Text", id="no-final-newline"),
    pytest.param("one\ntwo\n\nthree", id="line-and-paragraph-breaks"),
    pytest.param("این کار انجام می\u200cشود.", id="zwnj-persian"),
    pytest.param("ਸ਼ੁਰੂ ਕ੍\u200dਸ਼", id="zwj-gurmukhi"),
    pytest.param("क्\u200dष और र्\u200dय", id="zwj-devanagari"),
    pytest.param("👩\u200d💻 and 👨\u200d👩\u200d👧", id="zwj-emoji"),
    pytest.param("10\u00a0km and 5\u202fkg", id="nbsp"),
    pytest.param("name\tvalue\tunit", id="tabs-inside-line"),
    pytest.param("a  b   c", id="spaces-inside-line"),
    pytest.param("def f():\n    return 1\n\tpass", id="indentation"),
    pytest.param("  Indented first line", id="leading-indentation"),
    pytest.param("cp1252 \x85 and \x80\x9f", id="c1-controls"),
    pytest.param("\u2060word\u00ad", id="word-joiner-and-soft-hyphen"),
    pytest.param("", id="empty"),
]


@pytest.mark.parametrize("text", KEEPS)
def test_keeps(text: str) -> None:
    result = run_filter(WS, text)
    assert result.text == text
    assert result.edits == ()


def test_edits_are_exact() -> None:
    result = run_filter(WS, "Title  \r\n\r\n\r\n\u200bBody\t\n\n")
    assert [(e.start, e.end, e.original, e.replacement, e.rule) for e in result.edits] == [
        (5, 13, "  \r\n\r\n\r\n", "\n\n", "whitespace.blank-lines"),
        (13, 14, "\u200b", "", "whitespace.invisible"),
        (18, 21, "\t\n\n", "\n", "whitespace.edges"),
    ]
    assert result.text == "Title\n\nBody\n"


def test_every_rule_is_a_documented_code() -> None:
    seen: set[str] = set()
    for param in REPAIRS:
        seen.update(edit.rule for edit in run_filter(WS, param.values[0]).edits)
    assert seen == RULES


@pytest.mark.parametrize(
    "text",
    [
        " " * 200_000 + "x\r",
        " \t" * 100_000 + "x\r",
        "\u200b " * 20_000 + "x",
        "a" + "\n " * 20_000 + "b",
        "\r" + "a \n" * 20_000,
        "\n" * 200_000,
    ],
    ids=["spaces", "tabs", "zwsp-spaces", "blank-lines", "many-lines", "only-newlines"],
)
def test_hostile_input_is_linear(text: str) -> None:
    # The first matcher backtracked cubically on long runs of spaces (1,000 took 3 s); these
    # would not finish in the test run if that came back.
    result = run_filter(WS, text)
    assert_idempotent(WS, result.text)


# -- properties ------------------------------------------------------------------------------

LAYOUT = " \t\n\r\x0b\x0c\u2028\u2029\u200b\u200c\u200d\ufeff\x00\x7f\x85\xa0ab"
ANY_STR = st.text(st.characters(codec=None, exclude_categories=()), max_size=60)


@given(st.text(alphabet=LAYOUT, max_size=40))
def test_idempotent_on_layout_soup(text: str) -> None:
    assert_idempotent(WS, text)


@given(ANY_STR)
def test_total_and_idempotent_on_any_str(text: str) -> None:
    # Any code point, lone surrogates and control characters included.
    assert_idempotent(WS, text)


@given(st.text(alphabet=LAYOUT, max_size=40))
def test_output_is_tidy(text: str) -> None:
    out = run_filter(WS, text).text
    assert "\r" not in out and "\u200b" not in out and "\ufeff" not in out
    assert "\n\n\n" not in out and " \n" not in out and "\t\n" not in out
    assert not out.startswith("\n") and not out.endswith("\n\n")
    assert not out.endswith((" ", "\t"))


@pytest.mark.parametrize("script", SCRIPTS)
@given(data=st.data())
def test_clean_documents_untouched(script: str, data: st.DataObject) -> None:
    text = data.draw(clean_documents(script))
    assert run_filter(WS, text).edits == ()


def test_ntrex_untouched_but_for_upstream_zwsp() -> None:
    # Known upstream defect (tests/data/ntrex128/SOURCE.md): doubled U+200B in the Dutch text.
    removed = 0
    for doc in ntrex_documents():
        for edit in run_filter(WS, doc["text"]).edits:
            assert (doc["lang"], edit.rule) == ("nld", "whitespace.invisible"), (doc["id"], edit)
            assert set(edit.original) == {"\u200b"} and edit.replacement == ""
            removed += len(edit.original)
    assert removed == 8


@given(clean_documents(), st.integers(0, 2**32 - 1), st.sampled_from([0.1, 0.3, 1.0]))
def test_inverts_its_corruption(text: str, seed: int, rate: float) -> None:
    dirty, artifacts = WhitespaceNoise(rate=rate).corrupt(text, random.Random(seed))
    assert run_filter(WS, dirty).text == text
    # The ground truth is exact: undoing the artifacts gives the clean text back.
    undone = dirty
    for artifact in sorted(artifacts, key=lambda a: a.start, reverse=True):
        assert artifact.kind in RULES
        undone = undone[: artifact.start] + artifact.clean + undone[artifact.end :]
    assert undone == text


@given(clean_documents(), st.integers(0, 2**32 - 1))
def test_corruption_is_deterministic(text: str, seed: int) -> None:
    noise = WhitespaceNoise()
    assert noise.corrupt(text, random.Random(seed)) == noise.corrupt(text, random.Random(seed))


def test_corruption_does_something() -> None:
    text = "One line.\nTwo lines.\n\nA paragraph.\n"
    dirty, artifacts = WhitespaceNoise(rate=1.0).corrupt(text, random.Random(0))
    assert dirty != text
    assert {a.kind for a in artifacts} >= {
        "whitespace.trailing-space",
        "whitespace.blank-lines",
        "whitespace.edges",
    }


def test_family_page_examples() -> None:
    page = Path(__file__).parent.parent / "docs" / "filters" / "whitespace.md"
    session = "".join(re.findall(r"```python\n(>>>.*?)```", page.read_text(), re.S))
    test = doctest.DocTestParser().get_doctest(session, {}, page.name, str(page), 0)
    runner = doctest.DocTestRunner()
    runner.run(test)
    assert test.examples and runner.summarize(verbose=False).failed == 0
