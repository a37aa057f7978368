"""The rejoin family: rejoin-numbers, rejoin-words, rejoin-lines and the split-number detector."""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from tests.helpers import assert_idempotent, ntrex_documents, run_filter

from cleantext import Pipeline
from cleantext.filters.rejoin import RejoinLines, RejoinNumbers, RejoinWords, SplitNumber
from cleantext.fuzz import SCRIPTS, clean_documents, clean_paragraphs
from cleantext.fuzz.rejoin import (
    HardWrap,
    HyphenateWords,
    SplitNumbers,
    edge_number_document,
    edge_number_documents,
)

SEED = Path(__file__).parent.parent / "seeds" / "000_57bc97d0d5dad970.txt"
FLAG = "split-number"


def numbers(text: str) -> str:
    return run_filter(RejoinNumbers(), text).text


def words(text: str) -> str:
    return run_filter(RejoinWords(), text).text


def split_flags(text: str) -> list[str]:
    return [text[f.start : f.end] for f in SplitNumber().flags(text)]


# --------------------------------------------------------------------------------------------
# rejoin-numbers


def test_seed_reads_2014_through_the_default_pipeline() -> None:
    result = Pipeline.default().run(SEED.read_text(encoding="utf-8"))
    assert "collapsed in 2014, a coalition of Iranian-funded" in result.text
    rules = [e.rule for e in result.edits if e.rule.startswith("rejoin-numbers")]
    assert rules == ["rejoin-numbers.year"]
    assert not [f for f in result.flags if f.code == FLAG]


@pytest.mark.parametrize(
    ("dirty", "clean", "rule"),
    [
        (
            "After regular IS forces collapsed in 201\n\n4, a coalition of militias formed.",
            "After regular IS forces collapsed in 2014, a coalition of militias formed.",
            "rejoin-numbers.year",
        ),
        (
            "Prices fell sharply across the region in 199\n8, when the crisis hit.",
            "Prices fell sharply across the region in 1998, when the crisis hit.",
            "rejoin-numbers.year",
        ),
        (
            "The company was founded in 20\n17 and grew fast.",
            "The company was founded in 2017 and grew fast.",
            "rejoin-numbers.year",
        ),
        (
            "The stadium filled up with about 12,\n000 people on Sunday.",
            "The stadium filled up with about 12,000 people on Sunday.",
            "rejoin-numbers.grouping",
        ),
        (
            "The deal is worth $4.\n5 billion, officials said.",
            "The deal is worth $4.5 billion, officials said.",
            "rejoin-numbers.decimal",
        ),
        (
            "The fund asked for $4.\n\n5 billion in aid.",
            "The fund asked for $4.5 billion in aid.",
            "rejoin-numbers.decimal",
        ),
        (
            "Profits rose by 2\n.5% this year.",
            "Profits rose by 2.5% this year.",
            "rejoin-numbers.decimal",
        ),
        ("Some 1,20\n0,000 people fled.", "Some 1,200,000 people fled.", "rejoin-numbers.grouping"),
        (
            "The town had 4,5\n00 inhabitants.",
            "The town had 4,500 inhabitants.",
            "rejoin-numbers.grouping",
        ),
        (
            "The town had 4\n,500 inhabitants.",
            "The town had 4,500 inhabitants.",
            "rejoin-numbers.grouping",
        ),
        (
            "The law has been in force since 2\n014, the court said.",
            "The law has been in force since 2014, the court said.",
            "rejoin-numbers.year",
        ),
        (
            "Elle a quitté le pays en 201\n\n4, après la guerre.",
            "Elle a quitté le pays en 2014, après la guerre.",
            "rejoin-numbers.year",
        ),
    ],
)
def test_joins_when_the_evidence_is_strong(dirty: str, clean: str, rule: str) -> None:
    result = run_filter(RejoinNumbers(), dirty)
    assert result.text == clean
    assert [e.rule for e in result.edits] == [rule]
    assert result.edits[0].replacement == ""


MUST_NOT_JOIN = [
    "The museum opened in 2014.\n4 people were hurt.",
    "The museum opened in 2014.\n\n4 people were hurt.",
    "THURSDAY 11/14\n\n8:00 AM- 4:00 PM Coliseum: Main",
    "FRIDAY 11/15\n\n12 Noon Coliseum: Double Down",
    "Stock Car 2018\n\n1a etapa",
    '$58.56\n\n70" Element TV',
    "Final score\n\n3-1",
    "1\n2\n3",
    "1.\n2.\n3.",
    "Top 20\n17 people",
    "Top 20\n\n17 and 18 year olds",
    "The vote was 20 to 17.\n\n14 members abstained.",
    "Lakers 102\n98 Celtics",
    "Posted on May 20\n14, the report said.",
    "The results were 98,\n100 and 99 points.",
    "Winning numbers: 11, 12,\n500 and 600",
    "The rate was 3,2\n50 people",
    "Growth slowed to 2.\n\n5% of voters said so.",
    "Tickets cost $4.\n\n5 million people watched the final.",
    "A ticket costs $7.\n36, closed on Mondays",
    "The library is open every day from 9 until 20\n15 on Sundays",
    "The survey covered people aged 16 to 20\n17 and 18 year olds answered.",
    "Of the 20\n17 were injured.",
    "The festival ran in 1999\n2000 and 2001 too.",
    "Room 201\n4 people max",
    "It rose 4.5\n5 percent",
    "John 3\n16 For God so loved the world",
    "Between 2010 and 201\n4, prices rose.",
]


@pytest.mark.parametrize("text", MUST_NOT_JOIN)
def test_must_not_join(text: str) -> None:
    assert numbers(text) == text
    assert numbers(text + "\n") == text + "\n"


@pytest.mark.parametrize(
    "text",
    [
        "The museum opened in 2014.\n\n4 people were hurt.",
        "THURSDAY 11/14\n\n8:00 AM- 4:00 PM Coliseum: Main",
        "Stock Car 2018\n\n1a etapa",
        '$58.56\n\n70" Element TV',
        "Final score\n\n3-1",
        "1\n2\n3",
        "Lakers 102\n98 Celtics",
    ],
)
def test_clear_non_splits_are_not_even_flagged(text: str) -> None:
    assert split_flags(text) == []


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("Results in 20\n17 and 18", "20\n17"),  # a heading: too short to call it prose
        ("Sales rose in 20\n14 countries last year.", "20\n14"),  # a count after it
        ("The results were 98,\n100 and 99 points.", "98,\n100"),  # a list of scores, or 98,100
        ("The rate was 3,2\n50 people", "3,2\n50"),  # a European decimal, or 3,250
        ("The cost is $4.\n5 billion people live there.", "$4.\n5"),
    ],
)
def test_unsure_splits_are_flagged_not_joined(text: str, flagged: str) -> None:
    assert numbers(text) == text
    assert split_flags(text) == [flagged]
    assert [f.confidence for f in SplitNumber().flags(text)] == [0.5]


def test_detector_flags_a_sure_split_when_the_repair_did_not_run() -> None:
    text = "After regular IS forces collapsed in 201\n\n4, a coalition formed."
    flags = list(SplitNumber().flags(text))
    assert [(text[f.start : f.end], f.confidence) for f in flags] == [("201\n\n4", 0.9)]
    assert "split-number" in Pipeline.default().names()


@pytest.mark.parametrize(
    "text",
    [
        "قیمت‌ها در سال ۲۰۱\n\n۴، افزایش یافت.",  # Persian digits: left alone
        "سقط في عام ٢٠١\n\n٤، ثم تشكل تحالف.",  # Arabic-Indic digits: left alone
        "نرخ تورم ۲٫\n\n۵ درصد بود.",  # the Persian decimal separator ٫
        "该博物馆于201\n\n4年开放。",  # digits glued to CJK text
        "博物馆于2014年开放。\n\n4人受伤。",  # a CJK full stop ends the sentence
        "संग्रहालय 201\n\n4 में खुला।",  # no case in Devanagari: no lowercase continuation
    ],
)
def test_other_digit_systems_and_scripts_are_deliberately_left_alone(text: str) -> None:
    assert numbers(text) == text
    assert split_flags(text) == []


def test_ascii_digits_in_cyrillic_text_join_on_punctuation() -> None:
    text = "Правительство ушло в отставку в 201\n4, после выборов."
    # No Russian word of time is needed: a plausible year, then punctuation that goes on.
    assert numbers(text) == "Правительство ушло в отставку в 2014, после выборов."


@pytest.mark.parametrize(
    "dirty",
    [
        # Years split as a blind corruptor splits them, in NTREX-like sentences.
        "Выборы в парламент прошли в 20\n\n18 году в Москве.",
        "Wybory odbyły się w 2\n018 roku w Polsce.",
        "Ünlü oyuncu çift sonunda, 20\n\n18 yılının haziran ayında evlendi.",
        "Ülkede genel seçim 29 Eylül 20\n18 tarihinde yapıldı.",
        "Der Vulkan ist seit 1\n\n994 aktiv und gefährlich.",
        "Türkiye 2018'de seçime gitti ve 201\n9'da yine.",
        "ያወጣው ፕሮግራም በጁላይ ወር 20\n17 ለዌልሽ ጉባዔ ነበር።",
        "أصيبت الغالبية في الربع الثاني من عام 201\n\n8 فقط.",
    ],
)
def test_year_splits_join_in_any_language(dirty: str) -> None:
    result = run_filter(RejoinNumbers(), dirty)
    assert result.text == re.sub(r"(?<=[0-9])\n+(?=[0-9])", "", dirty)
    assert [e.rule for e in result.edits] == ["rejoin-numbers.year"]


@pytest.mark.parametrize(
    "text",
    [
        "Temperatures fell below 20\n17 people were hurt.",  # two numbers: a count follows
        "Results for October 20\n\n29, closed on Mondays",  # a day after a month
        "The festival ran from 6 until 20\n\n58, closed on Mondays",  # the end of a range
        "It was a long day. 20\n\n06: the island was hit again.",  # a sentence starts
    ],
)
def test_year_shaped_traps_are_not_joined(text: str) -> None:
    assert numbers(text) == text


# --------------------------------------------------------------------------------------------
# rejoin-words


@pytest.mark.parametrize(
    ("dirty", "clean", "rules"),
    [
        ("the publica-\ntion of the report", "the publication of the report", ["hyphenation"]),
        ("the publica-\n\ntion of the report", "the publication of the report", ["hyphenation"]),
        ("militias, once Iran-\nbacked, now", "militias, once Iran-backed, now", ["compound"]),
        (
            "It is a well-\nknown case that was heard by the court and the jury.",
            "It is a well-known case that was heard by the court and the jury.",
            ["compound"],
        ),
        ("the state-of-\nthe-art system", "the state-of-the-art system", ["compound"]),
        ("Hezbollah-\nallied groups", "Hezbollah-allied groups", ["compound"]),  # a suffix
        ("the whole-\nsale market", "the wholesale market", ["hyphenation"]),
        ("soft\u00ad\nhyphen", "softhyphen", ["soft-hyphen"]),
        ("Рос\u00ad\nсия", "Россия", ["soft-hyphen"]),
        # The document's own spelling decides, in any language and over the word list.
        (
            "Die Bundes-\nregierung tagt. Die Bundesregierung schweigt.",
            "Die Bundesregierung tagt. Die Bundesregierung schweigt.",
            ["hyphenation"],
        ),
        (
            "Правитель-\nство ушло. Правительство молчит.",
            "Правительство ушло. Правительство молчит.",
            ["hyphenation"],
        ),
        ("re-\nelected; she was re-elected", "re-elected; she was re-elected", ["compound"]),
        ("e-\nmail us by email", "email us by email", ["hyphenation"]),
    ],
)
def test_rejoin_words(dirty: str, clean: str, rules: list[str]) -> None:
    result = run_filter(RejoinWords(), dirty)
    assert result.text == clean
    assert [e.rule for e in result.edits] == [f"rejoin-words.{r}" for r in rules]


@pytest.mark.parametrize(
    "text",
    [
        "pre-\nand post-war Europe",  # a suspended hyphen
        "a joint Iraqi-\nUS operation",  # capitalized second part, no evidence
        "le rapport annu-\nel",  # not English, no second copy: unsure
        "gouverne-\nment",
        "e-\nmail",  # one letter: typesetters never leave one
        "Par-\nlament",  # a capitalized non-English word whose half is English
        "Die Büros sind sic-\nher und das ist auch gut so.",  # German: halves look English
        "a well-\nknown case",  # too little text to call it English
        "a-\nb-\nc",  # a chain of fragments
        "pages 12-\n14",  # digits are not words
        "He said -\nthen left",  # a spaced dash
        "re-\nelect or reelect? re-elect",  # both spellings in the document
    ],
)
def test_rejoin_words_leaves_alone(text: str) -> None:
    assert words(text) == text


# --------------------------------------------------------------------------------------------
# rejoin-lines

WRAPPED = (
    "The request represented a monumental change for some of the\n"
    "most influential Shiite leaders in Iraq and offered an\n"
    "opportunity for the US to take its elusive security\n"
    "objectives in the region, albeit with some unlikely\n"
    "partners.\n"
    "\n"
    "But the developing alliance means the US military is taking\n"
    "a risk: training and planning missions with former members.\n"
)


def test_rejoin_lines_unwraps_paragraphs_and_proven_two_line_ones() -> None:
    result = run_filter(RejoinLines(), WRAPPED)
    first, second = result.text.rstrip("\n").split("\n\n")
    assert "\n" not in first and "\n" not in second
    assert first.startswith("The request represented a monumental change for some of the most")
    assert {e.rule for e in result.edits} == {"rejoin-lines"}
    assert all(e.original == "\n" and e.replacement == " " for e in result.edits)


@pytest.mark.parametrize(
    "text",
    [
        "- one item that is long enough to look like a wrapped line of text\n"
        "- two items that are long enough to look like a wrapped line of text\n"
        "- three items that are long enough to look like a wrapped line too\n",
        "1. one item that is long enough to look like a wrapped line of text\n"
        "2. two items that are long enough to look like a wrapped line of text\n"
        "3. three items that are long enough to look like a wrapped line too\n",
        "# A heading that is long enough to look like a wrapped line of text\n"
        "and a body that is long enough to look like a wrapped line of text\n"
        "and another line that is long enough to look like a wrapped line\n",
        "Shall I compare thee to a summer's day?\nThou art more lovely and more temperate:\n"
        "Rough winds do shake the darling buds of May,\nAnd summer's lease hath all too short\n",
        "| name | value | comment that is long enough to wrap somewhere |\n"
        "| ---- | ----- | --------------------------------------------- |\n"
        "| a    | 1     | another comment that is long enough to wrap |\n",
        "def function_with_a_long_name(argument_one, argument_two, argument_three):\n"
        "    return argument_one + argument_two + argument_three + argument_four\n"
        "    # a comment line that is long enough to look like wrapped prose text\n",
        "The council approved the new budget on Tuesday evening after a debate.\n"
        "Officials said the bridge would reopen in 2025 after months of repairs.\n"
        "About 4,500 people attended the festival, according to the organisers.\n",
        "该博物馆于2014年开放，这是一个很长的句子，用来测试没有空格的文字是否被保留，不会被合并成一行。\n"
        "据组织者称，约有4500人参加了这个节日，这也是一个很长的句子，用来测试。\n"
        "政府周二晚上批准了新的预算，这也是一个很长的句子，用来测试没有空格的文字。\n",
        "Short line\nanother short line\nand a third one\n",
    ],
    ids=[
        "bullets",
        "numbered",
        "heading",
        "verse",
        "table",
        "code",
        "one-sentence-per-line",
        "cjk",
        "short-lines",
    ],
)
def test_rejoin_lines_leaves_structure_alone(text: str) -> None:
    assert run_filter(RejoinLines(), text).text == text


def test_rejoin_lines_is_not_in_the_default_pipeline() -> None:
    assert "rejoin-lines" not in Pipeline.default().names()
    assert Pipeline.default().clean(WRAPPED) == WRAPPED


def test_rejoin_lines_min_width_option() -> None:
    assert run_filter(RejoinLines(min_width=70), WRAPPED).text == WRAPPED


# --------------------------------------------------------------------------------------------
# Clean text, NTREX, corruptors and properties

ALL = (RejoinWords(), RejoinNumbers(), RejoinLines())  # the documented order


def test_ntrex_is_untouched_and_unflagged() -> None:
    pipeline = Pipeline([*ALL, SplitNumber()])
    for doc in ntrex_documents():
        result = pipeline.run(doc["text"])
        assert result.text == doc["text"], doc["id"]
        assert not result.flags, doc["id"]


def test_edge_number_documents_are_never_joined() -> None:
    rng = random.Random(5)
    pipeline = Pipeline([RejoinNumbers(), RejoinWords()])
    for _ in range(300):
        doc = edge_number_document(rng)
        assert pipeline.clean(doc) == doc


@given(clean_documents())
def test_clean_documents_in_every_script_are_untouched(doc: str) -> None:
    for flt in ALL:
        assert run_filter(flt, doc).text == doc


@given(edge_number_documents())
def test_numbers_at_line_edges_are_never_joined(doc: str) -> None:
    # Every sentence end, date, time, score, price, list and heading in the generator.
    assert run_filter(RejoinNumbers(), doc).text == doc


# Clean sentences whose numbers the filter documents as repairable when cut.
_NUMBER_SENTENCES = (
    "After regular forces collapsed in 2014, a coalition took up positions.",
    "Officials said the bridge would reopen in 2025 after repairs.",
    "About 4,500 people attended the festival, according to the organisers.",
    "The government has ruled the country since 1998 and it plans to stay.",
    "The central bank set aside $4.5 billion in aid for the farmers.",
    "Some 1,200,000 people fled the fighting.",
    "The country voted in 2016 when the referendum was held.",
    "Prices rose by 2.5% in October, the statistics office said.",
)


@given(
    st.lists(st.sampled_from(_NUMBER_SENTENCES), min_size=1, max_size=6).map(" ".join),
    st.randoms(use_true_random=False),
)
def test_split_numbers_inverse(doc: str, rng: random.Random) -> None:
    dirty, artifacts = SplitNumbers(supported_only=True).corrupt(doc, rng)
    if "2014" in doc or "4,500" in doc:
        assert artifacts
    assert numbers(dirty) == doc


@given(clean_documents("Latin"), st.randoms(use_true_random=False))
def test_hyphenate_words_inverse(doc: str, rng: random.Random) -> None:
    dirty, _ = HyphenateWords(supported_only=True).corrupt(doc, rng)
    assert words(dirty) == doc


@given(st.sampled_from(SCRIPTS).flatmap(clean_documents), st.randoms(use_true_random=False))
def test_hyphenate_words_inverse_by_document_evidence(doc: str, rng: random.Random) -> None:
    # Any script: a word that occurs twice is its own evidence.
    dirty, _ = HyphenateWords(supported_only=True).corrupt(doc + " " + doc, rng)
    assert words(dirty) == doc + " " + doc


@given(
    st.lists(clean_paragraphs("Latin"), min_size=1, max_size=4).map("\n\n".join),
    st.randoms(use_true_random=False),
)
def test_hard_wrap_inverse(doc: str, rng: random.Random) -> None:
    dirty, _ = HardWrap(supported_only=True).corrupt(doc, rng)
    assert run_filter(RejoinLines(), dirty).text == doc


@given(st.sampled_from(SCRIPTS).flatmap(clean_documents), st.randoms(use_true_random=False))
def test_idempotent_on_blind_corruption(doc: str, rng: random.Random) -> None:
    dirty, _ = SplitNumbers(max_cuts=3).corrupt(doc, rng)
    dirty, _ = HyphenateWords(soft_hyphen_rate=0.3).corrupt(dirty, rng)
    dirty, _ = HardWrap().corrupt(dirty, rng)
    for flt in ALL:
        assert_idempotent(flt, dirty)
    once = Pipeline(ALL).clean(dirty)
    assert Pipeline(ALL).clean(once) == once


_EDGY = st.lists(
    st.sampled_from([*"0123456789,.$%-\u2010\u00ad\n \tabcIn", "in ", "\n\n", "201", "e-\n"]),
    max_size=40,
).map("".join)


@given(st.one_of(st.text(st.characters(blacklist_categories=())), _EDGY))
def test_total_and_books_balance_on_any_text(text: str) -> None:
    for flt in ALL:
        run_filter(flt, text)
        run_filter(flt, run_filter(flt, text).text)
    list(SplitNumber().flags(text))


@given(_EDGY)
def test_idempotent_on_edgy_text(text: str) -> None:
    for flt in ALL:
        assert_idempotent(flt, text)
