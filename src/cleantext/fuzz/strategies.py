"""Hypothesis strategies for clean text in several scripts.

The sentences are plain, well-edited prose written for this module (no corpus licence attached).
Documents are built from them with numbers, curly quotes and paragraph breaks, so that "clean text
is untouched" is tested on text that looks like what filters meet, not on random code points.
"""

from __future__ import annotations

from collections.abc import Sequence

from hypothesis import strategies as st

from cleantext.fuzz.base import Artifact
from cleantext.fuzz.registry import corrupt

SENTENCES: dict[str, tuple[str, ...]] = {
    "Latin": (
        "The city council approved the new budget on Tuesday evening.",
        "Officials said the bridge would reopen in 2025 after repairs.",
        "“We are very pleased with the result,” the coach told reporters.",
        "About 4,500 people attended the festival, according to the organisers.",
        "La ministre a présenté le projet de loi devant l’Assemblée nationale.",
        "Die Regierung will die Steuern für kleine Unternehmen senken.",
        "El presidente viajó a Madrid para reunirse con los líderes europeos.",
        "A empresa anunciou um lucro de 3,2 milhões de euros no trimestre.",
        "Il museo resterà chiuso fino alla fine di marzo per lavori.",
        "Prices rose by 2.5% in October, the statistics office said.",
        "AT&T and Marks & Spencer both reported higher sales this year.",
        "Dr. Smith, who led the study, called the findings surprising.",
    ),
    "Cyrillic": (
        "Правительство одобрило новый бюджет во вторник вечером.",
        "По словам чиновников, мост откроют после ремонта в 2025 году.",
        "«Мы очень довольны результатом», — сказал тренер журналистам.",
        "На фестиваль пришли около 4 500 человек.",
        "Уряд планує знизити податки для малого бізнесу.",
        "Музей будет закрыт до конца марта.",
        "Цены выросли на 2,5% в октябре, сообщило статистическое ведомство.",
    ),
    "Arabic": (
        "وافق مجلس المدينة على الميزانية الجديدة مساء الثلاثاء.",
        "قال المسؤولون إن الجسر سيعاد فتحه بعد الإصلاحات.",
        "حضر المهرجان نحو ٤٥٠٠ شخص، بحسب المنظمين.",
        "دولت بودجه جدید را روز سه‌شنبه تصویب کرد.",
        "به گفته مسئولان، پل پس از تعمیرات بازگشایی می‌شود.",
        "قیمت‌ها در ماه اکتبر ۲٫۵ درصد افزایش یافت.",
    ),
    "CJK": (
        "市议会周二晚上批准了新的预算。",
        "官员表示，这座桥将在维修后于2025年重新开放。",
        "据组织者称，约有4500人参加了这个节日。",
        "政府は火曜日の夜に新しい予算を承認しました。",
        "博物館は3月末まで閉館します。",
        "정부는 화요일 저녁 새 예산을 승인했다.",
    ),
    "Devanagari": (
        "नगर परिषद ने मंगलवार शाम को नए बजट को मंज़ूरी दी।",
        "अधिकारियों ने कहा कि मरम्मत के बाद पुल 2025 में फिर से खुलेगा।",
        "आयोजकों के अनुसार, लगभग 4,500 लोग महोत्सव में शामिल हुए।",
        "संग्रहालय मार्च के अंत तक बंद रहेगा।",
    ),
}

#: The scripts for which clean text can be generated.
SCRIPTS: tuple[str, ...] = tuple(SENTENCES)


def clean_sentences(script: str | None = None) -> st.SearchStrategy[str]:
    """One clean sentence, from ``script`` or from any script."""
    if script is not None:
        return st.sampled_from(SENTENCES[script])
    return st.sampled_from([s for group in SENTENCES.values() for s in group])


def clean_paragraphs(script: str | None = None, max_sentences: int = 4) -> st.SearchStrategy[str]:
    """Sentences of one script joined by spaces (CJK sentences are joined without a space)."""

    def join(parts: list[str]) -> str:
        cjk = all(p[-1] in "。！？" for p in parts)
        return ("" if cjk else " ").join(parts)

    if script is None:
        return st.sampled_from(SCRIPTS).flatmap(lambda s: clean_paragraphs(s, max_sentences))
    return st.lists(clean_sentences(script), min_size=1, max_size=max_sentences).map(join)


def clean_documents(
    script: str | None = None, max_paragraphs: int = 5, trailing_newline: bool | None = None
) -> st.SearchStrategy[str]:
    """Paragraphs separated by one blank line; optionally ending in a line break."""
    if script is None:
        return st.sampled_from(SCRIPTS).flatmap(
            lambda s: clean_documents(s, max_paragraphs, trailing_newline)
        )
    ending = (
        st.sampled_from(["", "\n"])
        if trailing_newline is None
        else st.just("\n" if trailing_newline else "")
    )
    body = st.lists(clean_paragraphs(script), min_size=1, max_size=max_paragraphs)
    return st.tuples(body, ending).map(lambda pair: "\n\n".join(pair[0]) + pair[1])


def clean_text(
    scripts: Sequence[str] | None = None, max_paragraphs: int = 5
) -> st.SearchStrategy[str]:
    """A clean document in one of ``scripts`` (any of `SCRIPTS` when None)."""
    return st.sampled_from(tuple(scripts or SCRIPTS)).flatmap(
        lambda script: clean_documents(script, max_paragraphs)
    )


def dirty_text(
    families: Sequence[str] | None = None,
    *,
    scripts: Sequence[str] | None = None,
    mode: str = "blind",
    rate: float | None = None,
    layers: int | None = None,
) -> st.SearchStrategy[tuple[str, str, list[Artifact]]]:
    """``(dirty, clean, artifacts)``: a `clean_text` corrupted by `cleantext.fuzz.corrupt`.

    ``families`` (all default ones when None), ``mode``, ``rate`` and ``layers`` are passed to
    `corrupt`; the seed is drawn, so hypothesis shrinks and replays failures.
    """

    def make(pair: tuple[str, int]) -> tuple[str, str, list[Artifact]]:
        result = corrupt(pair[0], families, rate=rate, seed=pair[1], mode=mode, layers=layers)
        return result.dirty, result.clean, list(result.artifacts)

    return st.tuples(clean_text(scripts), st.integers(0, 2**32 - 1)).map(make)
