"""`cleantext.fuzz`: the clean-text strategies are clean, and every corruptor keeps the protocol."""

from __future__ import annotations

import random
from typing import Any

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from cleantext import Pipeline
from cleantext.fuzz import (
    SCRIPTS,
    Artifact,
    Corruptor,
    clean_documents,
    clean_paragraphs,
    clean_sentences,
    corrupt_many,
    default_corruptors,
)
from cleantext.segment import script_counts

# Which letters a script's sentences are mostly made of (CJK mixes Han, kana and Hangul).
LETTERS = {
    "Latin": {"Latin"},
    "Cyrillic": {"Cyrillic"},
    "Arabic": {"Arabic"},
    "CJK": {"Han", "Hiragana", "Katakana", "Hangul"},
    "Devanagari": {"Devanagari"},
}


def test_the_five_scripts_of_the_design() -> None:
    assert set(SCRIPTS) == set(LETTERS)


@pytest.mark.parametrize("script", SCRIPTS)
@given(data=st.data())
def test_sentences_are_one_clean_line_in_their_script(script: str, data: st.DataObject) -> None:
    sentence = data.draw(clean_sentences(script))
    assert sentence == sentence.strip() and "\n" not in sentence
    counts = script_counts(sentence)
    assert set(counts) <= LETTERS[script]
    assert sum(counts.values()) > len(sentence) / 2


@pytest.mark.parametrize("script", SCRIPTS)
@given(data=st.data())
def test_paragraphs_are_one_line(script: str, data: st.DataObject) -> None:
    paragraph = data.draw(clean_paragraphs(script))
    assert paragraph == paragraph.strip() and "\n" not in paragraph
    assert "  " not in paragraph


@given(clean_documents(), st.booleans())
def test_documents_are_paragraphs_and_one_blank_line(text: str, final: bool) -> None:
    body = text.removesuffix("\n")
    assert body == body.strip()
    assert "\n\n\n" not in text
    assert all(p and "\n" not in p for p in body.split("\n\n"))


@given(st.data())
def test_documents_trailing_newline_option(data: st.DataObject) -> None:
    assert data.draw(clean_documents(trailing_newline=True)).endswith("\n")
    assert not data.draw(clean_documents(trailing_newline=False)).endswith("\n")


_DEFAULT = Pipeline.default()


@pytest.mark.parametrize("script", SCRIPTS)
@settings(max_examples=25)  # the whole default pipeline, detectors and language id included
@given(data=st.data())
def test_default_pipeline_leaves_clean_documents_alone(script: str, data: st.DataObject) -> None:
    text = data.draw(clean_documents(script))
    # A paragraph repeated word for word is a repeated title to `boilerplate` (rightly so: real
    # articles do not repeat a paragraph); the strategy draws such documents by chance.
    paragraphs = text.removesuffix("\n").split("\n\n")
    assume(len(set(paragraphs)) == len(paragraphs))
    assert _DEFAULT.run(text).edits == ()


# -- every corruptor in cleantext.fuzz keeps the protocol -----------------------------------------


def _corruptors() -> list[Any]:
    """Every corruptor class in the `cleantext.fuzz` modules that builds with its defaults."""
    return list(default_corruptors())


CORRUPTORS = _corruptors()
SAMPLE = (
    "The city council approved the new budget on Tuesday evening, officials said.\n\n"
    "“We are very pleased,” the mayor told reporters. About 4,500 people attended in 2014.\n"
    "Prices rose by 2.5% in October (the highest rise since March) & more.\n"
)


def test_corruptors_are_found() -> None:
    assert "WhitespaceNoise" in {type(c).__name__ for c in CORRUPTORS}


@pytest.mark.parametrize("corruptor", CORRUPTORS, ids=lambda c: type(c).__name__)
def test_corruptor_protocol(corruptor: Any) -> None:
    assert isinstance(corruptor, Corruptor)
    for seed in range(5):
        dirty, artifacts = corruptor.corrupt(SAMPLE, random.Random(seed))
        assert isinstance(dirty, str)
        # Reproducible from the seed, so that a failing fuzz case can be replayed.
        assert corruptor.corrupt(SAMPLE, random.Random(seed)) == (dirty, artifacts)
        for artifact in artifacts:
            assert isinstance(artifact, Artifact) and artifact.kind
            assert 0 <= artifact.start <= artifact.end <= len(dirty)
        if not artifacts:
            assert dirty == SAMPLE


def test_corrupt_many_is_reproducible() -> None:
    noise = next(c for c in CORRUPTORS if type(c).__name__ == "WhitespaceNoise")
    texts = [SAMPLE, SAMPLE.upper(), ""]
    first = list(corrupt_many(noise, texts, seed=7))
    assert first == list(corrupt_many(noise, texts, seed=7))
    assert [clean for clean, _, _ in first] == texts
    assert first != list(corrupt_many(noise, texts, seed=8))
