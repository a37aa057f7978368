"""Evaluate the `mt` detectors: false flags on clean NTREX-128, recall on generated corruptions.

Two measurements, both through the DEFAULT pipeline:

1. **False flags on clean text.** The full NTREX-128 copy in ``../shared/data/ntrex128`` (1,997
   sentences of professionally translated news in each of 28 languages), rebuilt into its 123
   documents per language as ``tests/data/ntrex128/build.py`` does (sentences one per line in
   even documents, one per paragraph in odd ones). Every ``mt.*`` flag there counts as false;
   the rate is flags per 1,000 sentences, per language and per detector. Also reported: whether
   `Result.language` names the right language, and langdetect's share of the pipeline's time
   (the calls are timed by wrapping ``langid.detect_langs``).
2. **Recall on corruptions.** ``--samples`` documents (default 10,000) are drawn from the same
   NTREX documents; each is corrupted by one corruptor of ``cleantext.fuzz.mt`` (in turn), and
   counted as found when the pipeline raises a flag of the corruptor's code whose span touches
   the artifact (see ``cleantext.fuzz.mt.covers``).

Usage::

    python benchmarks/eval_mt.py [--data ../shared/data/ntrex128] [--samples 10000] [--show N]
"""

from __future__ import annotations

import argparse
import dataclasses
import random
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

from cleantext import Pipeline, filters, langid
from cleantext.filters.mt import FAMILY, UnpairedQuote
from cleantext.fuzz import mt as fuzz_mt

DETECTORS = filters.classes(family=FAMILY)

MT_NAMES = frozenset(cls.name for cls in DETECTORS)
ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = ROOT.parent / "shared" / "data" / "ntrex128"

# NTREX file codes (ISO 639-3) -> the codes `Result.language` uses (ISO 639-1, as langdetect).
ISO1 = {
    "amh": "am", "arb": "ar", "ben": "bn", "deu": "de", "ell": "el", "eng": "en", "fas": "fa",
    "fra": "fr", "heb": "he", "hin": "hi", "hye": "hy", "ind": "id", "ita": "it", "jpn": "ja",
    "kat": "ka", "kor": "ko", "nld": "nl", "pol": "pl", "por": "pt", "rus": "ru", "spa": "es",
    "swa": "sw", "tha": "th", "tur": "tr", "ukr": "uk", "urd": "ur", "vie": "vi", "zho_Hans": "zh",
}  # fmt: skip


def load_documents(data: Path) -> list[tuple[str, str, str]]:
    """``(language, document id, text)`` for every NTREX document in every language."""
    ids = (data / "DOCUMENT_IDS.tsv").read_text(encoding="utf-8").splitlines()
    order = list(dict.fromkeys(ids))
    documents: list[tuple[str, str, str]] = []
    for path in sorted(data.glob("newstest2019-*.txt")):
        language = path.stem.split(".")[-1]
        sentences = path.read_text(encoding="utf-8").split("\n")[: len(ids)]
        by_document: dict[str, list[str]] = defaultdict(list)
        for sentence, doc_id in zip(sentences, ids, strict=True):
            by_document[doc_id].append(sentence)
        for number, doc_id in enumerate(order):
            joiner = "\n" if number % 2 == 0 else "\n\n"
            documents.append((language, doc_id, joiner.join(by_document[doc_id])))
    return documents


class Timer:
    """Wraps ``langid.detect_langs`` to count and time langdetect calls."""

    def __init__(self) -> None:
        self.calls = 0
        self.seconds = 0.0
        self._original: Callable[..., Any] = langid.detect_langs  # type: ignore[attr-defined]

    def __enter__(self) -> Timer:
        def timed(text: str) -> Any:
            start = time.process_time()
            try:
                return self._original(text)
            finally:
                self.calls += 1
                self.seconds += time.process_time() - start

        langid.detect_langs = timed  # type: ignore[attr-defined]
        return self

    def __exit__(self, *_: object) -> None:
        langid.detect_langs = self._original  # type: ignore[attr-defined]


def false_flags(documents: list[tuple[str, str, str]], show: int) -> None:
    pipeline = Pipeline.default()
    sentences: Counter[str] = Counter()
    flags: Counter[tuple[str, str]] = Counter()
    wrong_language: Counter[str] = Counter()
    no_language: Counter[str] = Counter()
    changed: Counter[str] = Counter()
    examples: list[str] = []
    langid.detect("warm up the profiles before timing")
    langid.detect.cache_clear()
    langid._ranked.cache_clear()
    with Timer() as timer:
        start = time.process_time()
        results = [pipeline.run(text) for _, _, text in documents]
        first_pass = time.process_time() - start
    # CPU time, best of three interleaved passes each (the machine is shared and noisy).
    without = pipeline.without(*[name for name in pipeline.names() if name in MT_NAMES])
    best: dict[str, float] = {}
    for _ in range(3):
        for label, timed in (("with", pipeline), ("without", without)):
            langid.detect.cache_clear()
            langid._ranked.cache_clear()
            start = time.process_time()
            for _, _, text in documents:
                timed.run(text)
            best[label] = min(best.get(label, float("inf")), time.process_time() - start)
    total, without_mt = best["with"], best["without"]
    for (language, doc_id, text), result in zip(documents, results, strict=True):
        sentences[language] += len([s for s in text.split("\n") if s.strip()])
        if result.text != text:
            changed[language] += 1
        if result.language is None:
            no_language[language] += 1
        elif result.language[0] != ISO1[language]:
            wrong_language[language] += 1
        for flag in result.flags:
            if not flag.code.startswith("mt."):
                continue
            flags[(language, flag.code)] += 1
            if len(examples) < show:
                line_start = result.text.rfind("\n", 0, flag.start) + 1
                context = result.text[max(line_start, flag.start - 60) : flag.end + 60]
                examples.append(f"{language} {doc_id} {flag.code} {flag.message}\n    {context!r}")

    codes = sorted({code for _, code in flags})
    short = [code.split(".", 1)[1][:10] for code in codes]
    print("False flags on NTREX-128 (default pipeline), per 1,000 sentences")
    print(
        f"{'lang':9} {'sents':>6} {'flags':>5} {'/1000':>6}  " + " ".join(f"{s:>10}" for s in short)
    )
    all_flags = 0
    for language in sorted(sentences):
        count = sum(flags[(language, code)] for code in codes)
        all_flags += count
        rate = 1000 * count / sentences[language]
        cells = " ".join(f"{flags[(language, code)]:>10}" for code in codes)
        print(f"{language:9} {sentences[language]:>6} {count:>5} {rate:>6.2f}  {cells}")
    all_sentences = sum(sentences.values())
    print(
        f"{'total':9} {all_sentences:>6} {all_flags:>5} {1000 * all_flags / all_sentences:>6.2f}  "
        + " ".join(f"{sum(flags[(lang, code)] for lang in sentences):>10}" for code in codes)
    )
    print(f"documents changed by the pipeline: {dict(changed) or 'none'}")
    print(
        f"Result.language: wrong {sum(wrong_language.values())} {dict(wrong_language)}, "
        f"none {sum(no_language.values())} {dict(no_language)}, of {len(documents)} documents"
    )
    megabytes = sum(len(t.encode("utf-8")) for _, _, t in documents) / 1e6
    print(
        f"default pipeline: {total:.2f} s CPU for {len(documents)} documents "
        f"({megabytes / total:.2f} MB/s); without the mt detectors {without_mt:.2f} s "
        f"({megabytes / without_mt:.2f} MB/s): the mt detectors take "
        f"{100 * (total - without_mt) / total:.0f}%; langdetect: {timer.calls} runs, "
        f"{timer.seconds:.2f} s = {100 * timer.seconds / first_pass:.1f}% of the pipeline"
    )
    for example in examples:
        print(example)
    # The opt-in detector, on its own.
    quotes: Counter[str] = Counter()
    detector = UnpairedQuote()
    for language, _, text in documents:
        quotes[language] += sum(1 for _ in detector.flags(text))
    total_quotes = sum(quotes.values())
    print(
        f"opt-in unpaired-quote: {total_quotes} flags, "
        f"{1000 * total_quotes / all_sentences:.2f} per 1,000 sentences; per language: "
        + ", ".join(
            f"{lang} {1000 * quotes[lang] / sentences[lang]:.1f}" for lang in sorted(sentences)
        )
    )


def recall(
    documents: list[tuple[str, str, str]], samples: int, seed: int, show: int, supported: bool
) -> None:
    default = Pipeline.default()
    # unpaired-quote is opt-in: its corruptions are judged by the default pipeline plus it.
    with_quotes = Pipeline([*default.filters, UnpairedQuote()])
    rng = random.Random(seed)
    pool = fuzz_mt.SentencePool.from_documents(
        [(ISO1[language], text) for language, _, text in documents]
    )
    corruptors = [
        dataclasses.replace(corruptor, supported_only=supported) for corruptor in fuzz_mt.CORRUPTORS
    ]
    tried: Counter[str] = Counter()
    made: Counter[str] = Counter()
    found: Counter[str] = Counter()
    repaired: Counter[str] = Counter()
    other: Counter[str] = Counter()
    misses: dict[str, list[str]] = defaultdict(list)
    start = time.perf_counter()
    for number in range(samples):
        corruptor = corruptors[number % len(corruptors)]
        language, _, text = documents[rng.randrange(len(documents))]
        if isinstance(corruptor, fuzz_mt.SpliceSentence):
            corruptor = dataclasses.replace(corruptor, pool=pool, language=ISO1[language])
        tried[corruptor.name] += 1
        dirty, artifacts = corruptor.corrupt(text, rng)
        if not artifacts:
            continue
        made[corruptor.name] += 1
        pipeline = with_quotes if corruptor.name == "unpaired-quote" else default
        result = pipeline.run(dirty)
        code = artifacts[0].kind
        if fuzz_mt.covers(result, artifacts):
            found[corruptor.name] += 1
        elif result.text == text:
            repaired[corruptor.name] += 1  # a repair filter undid it (moses, for spacing)
        elif len(misses[corruptor.name]) < show:
            a = artifacts[0]
            misses[corruptor.name].append(
                f"{language}: {dirty[max(0, a.start - 50) : a.end + 50]!r} "
                f"{[(f.code, f.start, f.end) for f in result.flags]}"
            )
        other[corruptor.name] += sum(1 for f in result.flags if f.code != code)
    seconds = time.perf_counter() - start
    mode = "supported_only=True" if supported else "blind"
    print(f"\nRecall on {samples} corrupted NTREX documents ({mode}, seed {seed})")
    print(
        f"{'corruptor':26} {'tried':>6} {'made':>6} {'found':>6} {'recall':>7} "
        f"{'repaired':>8} {'other flags':>11}"
    )
    for corruptor in corruptors:
        name = corruptor.name
        rate = found[name] / made[name] if made[name] else 0.0
        print(
            f"{name:26} {tried[name]:>6} {made[name]:>6} {found[name]:>6} {rate:>7.3f} "
            f"{repaired[name]:>8} {other[name]:>11}"
        )
    total_made = sum(made.values())
    print(
        f"{'total':26} {sum(tried.values()):>6} {total_made:>6} {sum(found.values()):>6} "
        f"{sum(found.values()) / max(total_made, 1):>7.3f} {sum(repaired.values()):>8}"
        f"   ({seconds:.1f} s)"
    )
    for name, lines in misses.items():
        for line in lines:
            print(f"MISS {name}: {line}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else "")
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--samples", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--show", type=int, default=0, help="print N false flags / misses")
    parser.add_argument("--skip-clean", action="store_true")
    parser.add_argument("--skip-recall", action="store_true")
    args = parser.parse_args(argv)
    if not (args.data / "DOCUMENT_IDS.tsv").exists():
        print(f"no NTREX-128 data in {args.data}", file=sys.stderr)
        return 2
    documents = load_documents(args.data)
    if not args.skip_clean:
        false_flags(documents, args.show)
    if not args.skip_recall:
        for supported in (False, True):
            recall(documents, args.samples, args.seed, args.show, supported)
    return 0


if __name__ == "__main__":
    sys.exit(main())
