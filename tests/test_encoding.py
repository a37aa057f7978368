"""The `encoding` filter: ftfy's own test cases, mixed lines, C1 controls, the cheap pre-check."""

from __future__ import annotations

import json
import random
from collections.abc import Iterator
from typing import Any

import ftfy
import pytest
from hypothesis import given
from hypothesis import strategies as st
from tests.helpers import DATA, assert_idempotent, ntrex_documents, run_filter

import cleantext.filters.encoding as encoding_module
from cleantext import Pipeline
from cleantext.filters.encoding import Encoding, has_mojibake_hint, redecode_words
from cleantext.fuzz import SCRIPTS, clean_documents
from cleantext.fuzz.encoding import C1Controls, Mojibake, mojibake

FTFY = DATA / "ftfy"
PASSING_FILES = ("in-the-wild", "synthetic", "language-names", "negative")


def _cases(*names: str) -> Iterator[dict[str, Any]]:
    for name in names:
        with (FTFY / f"{name}.json").open(encoding="utf-8") as handle:
            for case in json.load(handle):
                case["file"] = name
                yield case


def _expected(case: dict[str, Any]) -> str:
    return str(case.get("fixed-encoding", case["fixed"]))


def _uncurl(text: str) -> str:
    return str(ftfy.fixes.uncurl_quotes(text))


# The cases ftfy itself passes: ``fix_encoding(original)`` is the expected text, as in ftfy's
# own test suite (``fixed-encoding`` when given, else ``fixed``).
FTFY_PASSES = [
    c for c in _cases(*PASSING_FILES) if ftfy.fix_encoding(c["original"]) == _expected(c)
]
KNOWN_FAILURES = list(_cases("known-failures"))
# The known failures of ftfy that the pipeline fixes, by label (a regression must show).
FIXED_KNOWN_FAILURES = {
    "Misleading mix-up in Spanish",  # ftfy's fix_encoding itself, compared with quotes uncurled
    "An example with 'à' in windows-1251 where we need our heuristic to be bolder",
    "Italian UTF-8 / MacRoman mojibake that looks like math",
    "Latin-1 / MacRoman mixup in Spanish, 2 characters",
}


def _passes(output: str, case: dict[str, Any]) -> bool:
    # `encoding` does not uncurl quotes, so both sides are uncurled. The expected text is what
    # ftfy's fix_encoding gives or, for the one case with an entity inside mojibake that
    # `encoding` decodes (``10Î&frac14;s``), what fix_text gives.
    return _uncurl(output) in (_uncurl(_expected(case)), _uncurl(case["fixed"]))


def test_ftfy_passes_almost_all_cases() -> None:
    assert len(FTFY_PASSES) == 151


@pytest.mark.parametrize("case", FTFY_PASSES, ids=lambda c: f"{c['file']}: {c['label']}")
def test_ftfy_cases_that_ftfy_passes(case: dict[str, Any]) -> None:
    result = run_filter(Encoding(), case["original"])
    assert _passes(result.text, case), (result.text, _expected(case))


@pytest.mark.parametrize("case", FTFY_PASSES, ids=lambda c: f"{c['file']}: {c['label']}")
def test_ftfy_cases_with_an_extra_layer_of_mojibake(case: dict[str, Any]) -> None:
    # ftfy's own test: the same text read as Latin-1 once more must still come out fixed.
    extra = case["original"].encode("utf-8").decode("latin-1")
    assert _passes(run_filter(Encoding(), extra).text, case)


@pytest.mark.parametrize("case", KNOWN_FAILURES, ids=lambda c: c["label"])
def test_ftfy_known_failures(case: dict[str, Any]) -> None:
    fixed = _passes(Pipeline.default().only("encoding", "entities").clean(case["original"]), case)
    assert fixed == (case["label"] in FIXED_KNOWN_FAILURES)


def test_false_positive_of_ftfy_is_still_ours() -> None:
    # ftfy's one known false positive, "MISUTÂ\u00a0AJIKKO", is the usual mojibake of a
    # no-break space; like ftfy, the filter "fixes" it. Pinned so that a change is deliberate.
    assert run_filter(Encoding(), "MISUTÂ\u00a0AJIKKO").text == "MISUT\u00a0AJIKKO"


# -- mixed lines and code pages ftfy is shy of --------------------------------------------------


@pytest.mark.parametrize(
    ("dirty", "clean"),
    [
        ("дороге РґРѕСЂРѕРіРµ дороге", "дороге дороге дороге"),
        ("Die Steuern fГјr kleine Unternehmen", "Die Steuern für kleine Unternehmen"),
        ("–ü—Ä–∞–≤–∏—Ç–µ–ª—å—Å—Ç–≤–æ одобрило", "Правительство одобрило"),
        ("Ш§Щ„Щ…ШЇЩЉЩ†Ш© وافق", "المدينة وافق"),
        ("caf√© au lait", "café au lait"),
        ("The â€œquotesâ€\x9d and “these”", "The “quotes” and “these”"),
        ("CafÃ© and Café", "Café and Café"),
        ("‚ÄúWe are pleased,‚Äù he said", "“We are pleased,” he said"),
        ("dost tĹ\x99etĂ\xadho", "dost třetího"),
    ],
)
def test_mojibake_mixed_with_correct_text(dirty: str, clean: str) -> None:
    assert run_filter(Encoding(), dirty).text == clean


def test_edits_cover_the_changed_characters_only() -> None:
    result = run_filter(Encoding(), "Ils ont dit “Ã©tÃ©” et “CafÃ©” hier")
    assert [(e.original, e.replacement) for e in result.edits] == [
        ("Ã©", "é"),
        ("Ã©", "é"),
        ("Ã©", "é"),
    ]
    assert {e.rule for e in result.edits} == {"encoding.mojibake"}


@pytest.mark.parametrize(
    "clean",
    [
        "Рівне, ВІДДІЛ, Сі, Ві",  # Ukrainian: cp1251 look-alikes of one sequence
        "Сёмга и СССР» — «Газпром»",
        "ΤΟ «Γ΄ Λυκείου»",
        "l’été «élan» —Él dijo",
        "İşte Türkçe ağaç",
        "Dziś ążą Łąka",
        "├┤a┼┐a┼┐a",
    ],
)
def test_look_alikes_in_clean_text_stay(clean: str) -> None:
    assert run_filter(Encoding(), clean).text == clean
    assert redecode_words(clean) == clean


# -- C1 controls ----------------------------------------------------------------------------------


def test_c1_controls_read_as_cp1252() -> None:
    result = run_filter(Encoding(), "\x84Handwerk bringt dich überall hin\x93: Von der YOU")
    assert result.text == "„Handwerk bringt dich überall hin“: Von der YOU"
    assert {e.rule for e in result.edits} == {"encoding.c1-control"}


def test_stray_c1_control_before_a_quote_is_dropped_not_turned_into_a_letter() -> None:
    # NTREX Polish has ``\x83”Tak``: cp1252 would read ``ƒ``, which nothing around supports.
    result = run_filter(Encoding(), "w którym słychać słowa: \x83”Tak, dojś się”")
    assert result.text == "w którym słychać słowa: ”Tak, dojś się”"
    assert [(e.original, e.replacement, e.rule) for e in result.edits] == [
        ("\x83", "", "encoding.c1-control")
    ]


def test_c1_letters_inside_words_and_undefined_c1_controls() -> None:
    assert run_filter(Encoding(), "Fran\x8aois").text == "FranŠois"
    # Undefined in cp1252: left as ftfy leaves it.
    assert run_filter(Encoding(), "intentional \x81").text == "intentional \x81"


def test_mac_roman_letters_read_as_latin1() -> None:
    assert run_filter(Encoding(), "Coatl\x87n conf\x92an").text == "Coatlán confían"
    # An apostrophe inside an Italian word stays cp1252's.
    assert run_filter(Encoding(), "l\x92anno").text == "l’anno"


def test_entity_inside_mojibake() -> None:
    assert run_filter(Encoding(), "10Î&frac14;s").text == "10μs"
    assert run_filter(Encoding(), "Café &frac14; off").text == "Café &frac14; off"


def test_surrogates() -> None:
    assert run_filter(Encoding(), "a\ud800b").text == "a\ufffdb"
    assert run_filter(Encoding(), "a\ud83d\ude00b").text == "a😀b"


# -- the cheap pre-check ------------------------------------------------------------------------


@pytest.fixture
def ftfy_calls(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    calls: list[str] = []
    real = ftfy.fix_encoding

    def counting(text: str, *args: Any, **kwargs: Any) -> str:
        calls.append(text)
        return str(real(text, *args, **kwargs))

    monkeypatch.setattr(encoding_module.ftfy, "fix_encoding", counting)
    return calls


def test_clean_lines_do_not_reach_ftfy(ftfy_calls: list[str]) -> None:
    by_language: dict[str, int] = {}
    non_ascii_lines = 0
    for document in ntrex_documents():
        before = len(ftfy_calls)
        assert run_filter(Encoding(), document["text"]).text == document["text"]
        by_language[document["lang"]] = (
            by_language.get(document["lang"], 0) + len(ftfy_calls) - before
        )
        non_ascii_lines += sum(1 for line in document["text"].split("\n") if not line.isascii())
    # Measured: 2 of 8,120 non-ASCII lines (Turkish ``İş``: cp1254's lead before cp1250's
    # continuation). No Cyrillic, Greek, Arabic, CJK or Indic line goes to ftfy.
    assert sum(by_language.values()) * 1000 < non_ascii_lines
    for language in ("rus", "ukr", "ell", "arb", "fas", "heb", "zho_Hans", "jpn", "kor", "hin"):
        assert by_language[language] == 0, language


def test_hint_on_clean_and_dirty_text() -> None:
    assert not has_mojibake_hint("Café «déjà vu»\u00a0: “quoted” — ça va")
    assert not has_mojibake_hint("Київ, Рівне і Сімферополь; Сёмга «Газпром»")
    for clean in ("Café", "дороге", "Ελληνικά", "市议会", "नगर", "۲٫۵", "“We”"):
        for codec in ("cp1252", "latin-1", "cp1251", "mac_roman"):
            dirty = mojibake(clean + " " + clean, codec)
            assert has_mojibake_hint(dirty), (clean, codec, dirty)


# -- properties ---------------------------------------------------------------------------------


@given(clean_documents())
def test_clean_documents_are_untouched(text: str) -> None:
    assert run_filter(Encoding(), text).text == text


@pytest.mark.parametrize("script", SCRIPTS)
@given(data=st.data())
def test_inverts_line_and_sentence_mojibake(script: str, data: st.DataObject) -> None:
    text = data.draw(clean_documents(script))
    seed = data.draw(st.integers(0, 2**32))
    corruptor = Mojibake(rate=0.7, scopes=("line", "sentence"))
    dirty, artifacts = corruptor.corrupt(text, random.Random(seed))
    result = run_filter(Encoding(), dirty)
    assert result.text == text, (dirty, artifacts)
    assert all(e.rule.startswith("encoding.") for e in result.edits)


@given(clean_documents("Latin"), st.integers(0, 2**32))
def test_inverts_c1_controls(text: str, seed: int) -> None:
    dirty, artifacts = C1Controls(rate=1.0).corrupt(text, random.Random(seed))
    result = run_filter(Encoding(), dirty)
    assert result.text == text
    assert len(result.edits) == len(artifacts)


@given(clean_documents(), st.integers(0, 2**32))
def test_idempotent_on_mojibake(text: str, seed: int) -> None:
    dirty, _ = Mojibake(rate=0.7).corrupt(text, random.Random(seed))
    assert_idempotent(Encoding(), dirty)


@given(st.text())
def test_total_on_any_text(text: str) -> None:
    once = run_filter(Encoding(), text).text
    assert run_filter(Encoding(), once).text == once


@given(st.text(alphabet=st.characters(min_codepoint=0x80, max_codepoint=0x2FF)))
def test_total_on_latin1_soup(text: str) -> None:
    assert_idempotent(Encoding(), text)
