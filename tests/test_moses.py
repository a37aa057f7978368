"""The `moses` filter: detokenize only documents with a tokenizer's profile; traps stay."""

from __future__ import annotations

import random

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st
from tests.helpers import assert_idempotent, ntrex_documents, run_filter

from cleantext import Pipeline
from cleantext.filters.moses import Moses, looks_french, profile
from cleantext.fuzz import SCRIPTS, clean_documents
from cleantext.fuzz.moses import MosesTokenize, inverse_is_defined

ENTITIES_AND_MOSES = Pipeline(["entities", "moses"])


def clean(text: str) -> str:
    return run_filter(Moses(), text).text


@pytest.mark.parametrize(
    ("dirty", "expected"),
    [
        ("It 's a long @-@ awaited test , is n't it ?", "It's a long-awaited test, isn't it?"),
        (
            "About 1 @,@ 000 people came . 3 @.@ 5 % of them stayed .",
            "About 1,000 people came. 3.5% of them stayed.",
        ),
        ('He said , " we won " ( again ) , twice .', 'He said, "we won" (again), twice.'),
        ("Can 't stop , won 't stop . Not now .", "Can't stop, won't stop. Not now."),
        (
            "It costs $ 5 , they said at 10 : 30 . It 's cheap .",
            "It costs $5, they said at 10:30. It's cheap.",
        ),
        (
            "The players ' union said , ' no ' , twice .",
            "The players' union said, 'no', twice.",
        ),
    ],
)
def test_detokenizes_a_tokenized_document(dirty: str, expected: str) -> None:
    assert clean(dirty) == expected


def test_moses_escapes_with_entities_first() -> None:
    dirty = "He said &quot; it &apos;s fine &quot; , did n't he ?"
    assert ENTITIES_AND_MOSES.clean(dirty) == "He said \"it's fine\", didn't he?"


def test_rules_are_named() -> None:
    result = run_filter(Moses(), "A long @-@ awaited test , is n't it ?")
    assert {e.rule for e in result.edits} == {
        "moses.wikitext",
        "moses.punctuation",
        "moses.clitic",
    }


@pytest.mark.parametrize(
    "text",
    [
        # One weak sign each: Dutch genitive, Haskell/Scala operators, French typography.
        "Ik ga 's ochtends werken en 's avonds naar huis.",
        "Ik ga 's ochtends werken , en dan naar huis.",
        "let f = a @-@ b in map f ( xs ) -- Haskell",
        "def @-@(that: Vec) = Vec(x - that.x) // Scala operator ( see docs )",
        "Il a dit : « non » ! Pourquoi ? Parce que ; voilà.",
        "Il a dit : « non » ! C'est l'été , n'est-ce pas ?",
        # A single spaced comma in an otherwise clean document.
        "Hello , world. This is fine, really. And this, too.",
        # Persian and Amharic punctuation habits.
        "قیمت\u200cها در ماه اکتبر ۲٫۵ درصد افزایش یافت .",
        'እመርታ ያለው ለውጥ ለማምጣት እየሰራን ነው፣ " ሊ እንዳሉት , Face++. የአርቴፊሻል',
    ],
)
def test_traps_stay_unchanged(text: str) -> None:
    assert clean(text) == text


def test_french_tokenized_document_keeps_french_spacing() -> None:
    dirty = "Il a dit : « non » , et il est parti . C' est la vie , n' est-ce pas ? Oui ."
    assert looks_french(dirty)
    assert clean(dirty) == "Il a dit : « non », et il est parti. C'est la vie, n'est-ce pas ? Oui."


def test_profile_counts_independent_signs() -> None:
    assert profile("It 's fine , really , yes .").signals == ["clitics", "commas"]
    assert not profile("Ik ga 's ochtends werken .").is_tokenized()
    assert not profile("x @-@ y ( z )").is_tokenized()  # no prose sign: code
    assert list(Moses(min_signals=3).changes("It 's fine , really , yes .")) == []


# -- properties ---------------------------------------------------------------------------------


@pytest.mark.parametrize("script", SCRIPTS)
@given(data=st.data())
def test_clean_documents_are_untouched(script: str, data: st.DataObject) -> None:
    document = data.draw(clean_documents(script))
    assert clean(document) == document


def test_ntrex_is_untouched() -> None:
    for document in ntrex_documents():
        assert run_filter(Moses(), document["text"]).text == document["text"]


@pytest.mark.parametrize("script", ["Latin", "Cyrillic"])
@given(
    data=st.data(),
    options=st.sampled_from(
        [("en", True, True), ("en", False, False), ("de", True, True), ("ru", False, True)]
    ),
)
def test_inverts_real_moses_tokenization(
    script: str, data: st.DataObject, options: tuple[str, bool, bool]
) -> None:
    text = data.draw(clean_documents(script, max_paragraphs=6))
    lang, escape, dashes = options
    dirty, artifacts = MosesTokenize(lang, escape, dashes).corrupt(text, random.Random(0))
    decoded = Pipeline(["entities"]).clean(dirty)
    # Only where the tokenization can be undone at all and the document shows the profile; a
    # French document keeps its space before % (French typography): no inverse either.
    assume(artifacts and inverse_is_defined(text) and profile(decoded).is_tokenized())
    assume(not (looks_french(text) and "%" in text))
    assert ENTITIES_AND_MOSES.clean(dirty) == text


@given(clean_documents(), st.sampled_from(["en", "fr", "de"]))
def test_idempotent_on_tokenized_text(text: str, lang: str) -> None:
    dirty, _ = MosesTokenize(lang).corrupt(text, random.Random(0))
    assert_idempotent(Moses(), Pipeline(["entities"]).clean(dirty))


@given(
    st.lists(st.sampled_from([*" ,.'\"()@-ntsa\n?!:;«»%$5&", "n't", "'s", " @-@ "])).map("".join)
)
def test_idempotent_and_total_on_punctuation_soup(text: str) -> None:
    assert_idempotent(Moses(), text)


@given(st.text())
def test_total_on_any_text(text: str) -> None:
    run_filter(Moses(), text)


@pytest.mark.parametrize(
    ("dirty", "expected"),
    [
        ("The long @-@ awaited report", "The long-awaited report"),
        ("It cost 1 @,@ 000 dollars or 3 @.@ 5 %", "It cost 1,000 dollars or 3.5 %"),
        ("Het lang @-@ verwachte rapport", "Het lang-verwachte rapport"),
    ],
)
def test_wikitext_markers_need_no_profile(dirty: str, expected: str) -> None:
    # A one-line document has no other sign of a tokenizer: the markers alone are certain.
    result = run_filter(Moses(), dirty)
    assert result.text == expected
    assert {e.rule for e in result.edits} == {"moses.wikitext"}


@pytest.mark.parametrize("text", ["let f = ab @-@ cd in f", "x @-@ y", "ab @,@ cd", "1 @-@"])
def test_wikitext_lookalikes_without_profile_stay(text: str) -> None:
    # Code (a line with ``=``), one-letter operands, ``@,@`` between words, no right operand.
    assert run_filter(Moses(), text).edits == ()
