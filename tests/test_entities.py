"""The `entities` filter: certain entities decoded, tokenized quotes re-attached, traps stay."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from tests.helpers import assert_idempotent, ntrex_documents, run_filter

from cleantext import Pipeline
from cleantext.filters.entities import Entities
from cleantext.fuzz import SCRIPTS, clean_documents
from cleantext.fuzz.entities import EscapedEntities, TokenizedEntities

SEED = Path(__file__).parent.parent / "seeds" / "000_57bc97d0d5dad970.txt"


def clean(text: str) -> str:
    return run_filter(Entities(), text).text


# -- the seed and the tokenized forms -------------------------------------------------------------


def test_seed_line_through_the_default_pipeline() -> None:
    output = Pipeline.default().clean(SEED.read_text(encoding="utf-8"))
    assert "\n'Iraq needs the USA'\n" in output
    assert "& #" not in output


@pytest.mark.parametrize(
    ("dirty", "expected"),
    [
        ("& # 39; Iraq needs the USA & # 39;", "'Iraq needs the USA'"),
        ("it & # 39;s", "it's"),
        ("it & # 39; s", "it's"),
        ("didn & # 39;t", "didn't"),
        ("& quot ;a disaster& quot ;", '"a disaster"'),
        ("he said & quot ; we will win & quot ; and left", 'he said "we will win" and left'),
        ("the players & # 39; union", "the players' union"),
        ("L & # 39; homme", "L'homme"),
        ("(& quot ; yes & quot ;)", '("yes")'),
        ("a & nbsp ; b", "a\u00a0b"),
    ],
)
def test_tokenized_quotes_take_back_their_spaces(dirty: str, expected: str) -> None:
    assert clean(dirty) == expected


@pytest.mark.parametrize(
    ("dirty", "expected"),
    [
        ("& # 39 ;x", "'x"),
        ("&# 39;x", "'x"),
        ("& #39;x", "'x"),
        ("& # x27 ;x", "'x"),
        ("& #x 27;x", "'x"),
        ("& quot ;x", '"x'),
        ("AT& amp ;T", "AT&T"),
        ("& apos ;x", "'x"),
        ("& lt ; & gt ;", "< >"),
        ("caf & eacute ;", "caf é"),
    ],
)
def test_spaces_anywhere_inside_an_entity(dirty: str, expected: str) -> None:
    result = run_filter(Entities(), dirty)
    assert result.text == expected
    assert {e.rule for e in result.edits} == {"entities.tokenized"}


def test_author_spaces_stay() -> None:
    # Intact entities: the spaces around them are the author's.
    assert clean("he said &quot; no &quot; twice") == 'he said " no " twice'
    # A tokenized opening quote keeps the space before it, a closing one the space after it.
    assert clean("said & quot ;yes& quot ; and") == 'said "yes" and'


# -- intact, double, half-eaten -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("dirty", "expected", "rule"),
    [
        ("&eacute;t&eacute;", "été", "entities.named"),
        ("&rsquo;&hellip;&Jscr;", "’…𝒥", "entities.named"),
        ("P&EACUTE;REZ", "PÉREZ", "entities.named"),
        ("&#39;&#x27;&#039;", "'''", "entities.numeric"),
        ("&#150;", "–", "entities.numeric"),  # cp1252's en dash, as browsers read it
        ("&amp;amp;", "&", "entities.double-escaped"),
        ("&amp;#39;", "'", "entities.double-escaped"),
        ("&amp;quot;", '"', "entities.double-escaped"),
        ("&amp;amp;quot;", '"', "entities.double-escaped"),
        ("it amp;039;s", "it '", "entities.half-eaten"),
        ("itamp;#039;s", "it's", "entities.half-eaten"),
    ],
)
def test_entity_forms(dirty: str, expected: str, rule: str) -> None:
    result = run_filter(Entities(), dirty)
    assert result.text.startswith(expected)
    assert {e.rule for e in result.edits} == {rule}


@pytest.mark.parametrize(
    "text",
    [
        "AT & T",
        "R & D;",
        "Q & A",
        "Q & A;",
        "Marks & Spencer",
        "Marks & Spencer; and",
        "M&S",
        "S&P 500",
        "won 2&1 in the final",
        "& #WorldCup",
        "http://example.com/?a=1&amp=2",
        "https://example.com/search?q=x&copy=3&lang=en&not=1",
        "this&not that",
        "&copy 2014",
        "rock & it ;",
        "&bogus; &#0; &#xD800; &#1114112; &#129; &#1;",
        "&#39",
        "به گفته مسئولان، پل پس از تعمیرات بازگشایی می\u200cشود & سه\u200cشنبه",
        "<b>a</b> & <i>b</i>",
    ],
)
def test_traps_stay_unchanged(text: str) -> None:
    assert clean(text) == text


def test_markup_does_not_switch_decoding_off() -> None:
    # ftfy's "auto" mode stops decoding as soon as the text holds a "<"; this filter does not.
    assert clean("<p>caf&eacute; &amp; bar</p>") == "<p>café & bar</p>"


def test_edit_reasons_name_the_entity() -> None:
    (edit,) = run_filter(Entities(), "x &amp;#39; y").edits
    assert edit.original == "&amp;#39;"
    assert "'&amp;#39;'" in edit.reason


# -- properties ---------------------------------------------------------------------------------


@pytest.mark.parametrize("script", SCRIPTS)
@given(text=st.data())
def test_clean_documents_are_untouched(script: str, text: st.DataObject) -> None:
    document = text.draw(clean_documents(script))
    assert clean(document) == document


def test_ntrex_is_untouched() -> None:
    for document in ntrex_documents():
        assert run_filter(Entities(), document["text"]).text == document["text"]


@given(clean_documents("Latin"), st.integers(0, 2**32))
def test_inverts_tokenized_entities(text: str, seed: int) -> None:
    dirty, artifacts = TokenizedEntities(rate=0.8).corrupt(text, random.Random(seed))
    result = run_filter(Entities(), dirty)
    assert result.text == text
    assert [(e.start, e.end, e.replacement) for e in result.edits] == [
        (a.start, a.end, a.clean) for a in artifacts
    ]


@given(
    st.lists(
        st.sampled_from(
            [
                "'Iraq needs the USA'",
                "it's",
                "didn't",
                '"a disaster"',
                "(“yes”)",
                "l'homme",
                "He said 'no' and “left”.",
                "Marks & Spencer",
                "x",
            ]
        ),
        min_size=1,
        max_size=6,
    ).map(" ".join),
    st.integers(0, 2**32),
)
def test_inverts_tokenized_quotes_in_hard_places(text: str, seed: int) -> None:
    dirty, _ = TokenizedEntities(rate=1.0).corrupt(text, random.Random(seed))
    assert clean(dirty) == text


@pytest.mark.parametrize("script", SCRIPTS)
@given(data=st.data())
def test_inverts_escaped_entities(script: str, data: st.DataObject) -> None:
    text = data.draw(clean_documents(script))
    dirty, artifacts = EscapedEntities(rate=0.5).corrupt(
        text, random.Random(data.draw(st.integers()))
    )
    result = run_filter(Entities(), dirty)
    assert result.text == text
    assert [e.rule for e in result.edits] == [a.kind for a in artifacts]


@given(clean_documents(), st.integers(0, 2**32))
def test_idempotent_on_corrupted_text(text: str, seed: int) -> None:
    rng = random.Random(seed)
    dirty, _ = EscapedEntities(rate=0.5).corrupt(text, rng)
    dirty, _ = TokenizedEntities(rate=0.5).corrupt(dirty, rng)
    assert_idempotent(Entities(), dirty)


@given(
    st.lists(st.sampled_from([*"&#;amp quot39xX'\"\n0é", "amp;", "&#", "& #", "quot;"])).map(
        "".join
    )
)
def test_idempotent_and_total_on_entity_soup(text: str) -> None:
    assert_idempotent(Entities(), text)


@given(st.text())
def test_total_on_any_text(text: str) -> None:
    run_filter(Entities(), text)


@pytest.mark.parametrize(
    ("dirty", "expected"),
    [
        # Seen in Dutch and Spanish news: a quote already touching a word on its outer side.
        (
            "Het is een goed product& quot ; schreef de krant.",
            'Het is een goed product" schreef de krant.',
        ),
        (
            "Es un buen producto& # 34; escribió el diario.",
            'Es un buen producto" escribió el diario.',
        ),
    ],
)
def test_quote_never_glued_between_two_words(dirty: str, expected: str) -> None:
    assert run_filter(Entities(), dirty).text == expected


@pytest.mark.parametrize(
    "text",
    [
        "To show a literal ampersand, escape ampersand as &amp; in attributes.",
        "The characters &lt;, &gt; and &amp; must be replaced.",
        "Write `a &amp;&amp; b` in the template.",
        'The string "&quot;" stands for a double quote.',
        "In HTML, &nbsp; is a no-break space.",
        "Échappez l’esperluette en &amp; dans le code.",
        "Экранируйте амперсанд как &amp; в атрибутах.",
        "在 HTML 中 &lt; 需要转义。",
    ],
)
def test_markup_talked_about_stays(text: str) -> None:
    assert run_filter(Entities(), text).edits == ()


@pytest.mark.parametrize(
    ("dirty", "expected"),
    [
        ("Tom &amp; Jerry said &quot;hi&quot;", 'Tom & Jerry said "hi"'),
        ("The legal entity &amp; its owners", "The legal entity & its owners"),
        ("the company&#39;s HTML team", "the company's HTML team"),
        ("A & # 39; quote & # 39; in HTML", "A 'quote' in HTML"),
    ],
)
def test_markup_used_is_still_decoded(dirty: str, expected: str) -> None:
    assert run_filter(Entities(), dirty).text == expected
