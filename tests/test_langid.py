"""Language identification: cheap signals first, langdetect seeded and cached; shared context."""

from __future__ import annotations

import random

import pytest
from hypothesis import given
from hypothesis import strategies as st
from tests.helpers import ntrex_documents

from cleantext import langid
from cleantext.context import DocumentContext, sentences
from cleantext.segment import _SCRIPT_RUN_RE, SCRIPTS, script_counts

NTREX = list(ntrex_documents())
ISO1 = {
    "amh": "am", "arb": "ar", "ben": "bn", "deu": "de", "ell": "el", "eng": "en", "fas": "fa",
    "fra": "fr", "heb": "he", "hin": "hi", "hye": "hy", "ind": "id", "ita": "it", "jpn": "ja",
    "kat": "ka", "kor": "ko", "nld": "nl", "pol": "pl", "por": "pt", "rus": "ru", "spa": "es",
    "swa": "sw", "tha": "th", "tur": "tr", "ukr": "uk", "urd": "ur", "vie": "vi", "zho_Hans": "zh",
}  # fmt: skip


def test_guess_names_every_ntrex_language(langdetect_calls: list[str]) -> None:
    calls = langdetect_calls
    wrong = [d["id"] for d in NTREX if (langid.guess(d["text"]) or ("?",))[0] != ISO1[d["lang"]]]
    assert wrong == []
    # Scripts and function words decide almost every document; langdetect is the exception.
    assert len(calls) < 0.05 * len(NTREX)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("政府は火曜日の夜に新しい予算を承認しました。", "ja"),
        ("市议会周二晚上批准了新的预算 Peter Murchie。", "zh"),
        ("정부는 화요일 저녁 새 예산을 승인했다.", "ko"),
        ("รัฐบาลอนุมัติงบประมาณใหม่", "th"),
        ("Η κυβέρνηση ενέκρινε τον νέο προϋπολογισμό.", "el"),
        ("የTennessee ግዛት ተጫዋች በቅዳሜው ጨዋታ ላይ ከባድ ጉዳት ደርሶበታል", "am"),  # Latin names too
        ("Hello world, this is a test.", None),  # a shared script: no answer from the script
    ],
)
def test_script_language(text: str, language: str | None) -> None:
    assert langid.script_language(text) == language


def test_function_words_are_distinctive_and_shared_words_vote_for_nobody() -> None:
    latin = langid.WORD_LANGUAGE["Latin"]
    assert latin["the"] == "en" and latin["und"] == "de" and latin["dans"] == "fr"
    for shared in ("de", "la", "in", "a", "no", "die", "was"):
        assert shared not in latin
    assert langid.FUNCTION_WORDS["Latin"]["de"] >= {"fr", "es", "pt", "nl"}
    assert langid.function_words(langid.words("le chien de la maison"), "Latin", "fr") == (0, 3)
    assert langid.function_words(langid.words("the dog of the house"), "Latin", "fr") == (3, 0)


def test_words_keep_apostrophes_and_skip_abbreviations() -> None:
    assert langid.words("It's d'un U.S. Café") == ["it's", "d'un", "café"]


def test_detect_is_deterministic_and_cached() -> None:
    text = "Das ist ein kurzer deutscher Satz über das Wetter und die Stadt."
    langid.detect.cache_clear()
    first = langid.detect(text)
    assert first is not None and first[0] == "de"
    assert langid.detect(text) == first
    assert langid.detect.cache_info().hits >= 1
    assert langid.detect("12345 !!! ???") is None


def test_detect_adds_the_probabilities_of_a_languages_variants() -> None:
    found = langid.detect("政府周二表示，不会改变新机场的建设计划，工程将按原定时间表继续进行。")
    assert found is not None and found[0] == "zh"


def test_guess_is_none_on_text_without_letters() -> None:
    assert langid.guess("") is None
    assert langid.guess("12 345 — 678.") is None


# -- script_counts (made faster for the detectors; same answers) -----------------------------------


def _reference_script_counts(text: str) -> dict[str, int]:
    counts: dict[str, int] = {}
    for match in _SCRIPT_RUN_RE.finditer(text):
        if match.lastgroup is not None:
            counts[match.lastgroup] = counts.get(match.lastgroup, 0) + match.end() - match.start()
    return counts


@given(st.text(st.characters(blacklist_categories=())))
def test_script_counts_match_the_plain_scan(text: str) -> None:
    assert dict(script_counts(text)) == _reference_script_counts(text)


def test_script_counts_match_the_plain_scan_on_ntrex() -> None:
    for doc in NTREX[::4]:
        assert dict(script_counts(doc["text"])) == _reference_script_counts(doc["text"])
    assert set(_reference_script_counts("Nаval 市 ก")) <= set(SCRIPTS)


# -- the shared context ----------------------------------------------------------------------------


def test_context_computes_each_fact_once_and_only_on_demand() -> None:
    doc = DocumentContext("The council said on Tuesday that it would not be closed for now.")
    assert doc.known_language is None
    assert doc.language == doc.language and doc.known_language == doc.language
    assert doc.scripts is doc.scripts and doc.words is doc.words
    assert doc.sentences is doc.sentences


@given(st.text(st.characters(blacklist_categories=())))
def test_sentences_are_spans_of_the_text(text: str) -> None:
    previous_end = 0
    for sentence in sentences(text):
        assert previous_end <= sentence.start < sentence.end <= len(text)
        assert text[sentence.start : sentence.end] == sentence.text == sentence.text.strip()
        assert "\n" not in sentence.text
        previous_end = sentence.end


def test_sentences_of_several_scripts() -> None:
    text = "Dr. Who left. “Yes!” she said.\nمرحبا؟ نعم. 你好。再见！ नमस्ते। ठीक"
    assert [s.text for s in sentences(text)] == [
        "Dr.",
        "Who left.",
        "“Yes!”",
        "she said.",
        "مرحبا؟",
        "نعم.",
        "你好。",
        "再见！",
        "नमस्ते।",
        "ठीक",
    ]


def test_language_is_reproducible_across_orders() -> None:
    docs = [d["text"] for d in NTREX[::20]]
    first = [DocumentContext(t).language for t in docs]
    random.Random(1).shuffle(docs)
    langid.detect.cache_clear()
    again = {t: DocumentContext(t).language for t in docs}
    assert [again[t] for t in [d["text"] for d in NTREX[::20]]] == first
