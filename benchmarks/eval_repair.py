"""Evaluate the repair families of issue 3: encoding, entities, moses.

Run by hand from the repository root (reads ``../shared/data``; takes a few minutes)::

    .venv/bin/python benchmarks/eval_repair.py [--samples 10000] [--seed 0]

1. Round-trip recall per corruptor family on ``--samples`` corrupted samples each, made from
   real news: paragraphs of three NTREX-128 sentences (28 languages) with their own line breaks
   when two paragraphs are drawn. A sample is restored when the family's filter gives back the
   clean text exactly; "wrong" counts samples changed into something else than the clean text
   (a repair that went astray), "missed" samples left as they were.
2. ftfy's test cases: the share of the cases ftfy itself passes that the `encoding` filter
   passes (curly quotes uncurled on both sides), with the extra Latin-1 layer of ftfy's own
   test, and how many of ``known-failures.json`` the `encoding` + `entities` pipeline fixes.
3. Clean text: every NTREX-128 document (28 languages) through ``encoding``, ``entities`` and
   ``moses``, and how many lines reach ftfy with the structural pre-check against the old
   character-class pre-check.
4. Throughput of the three filters on clean NTREX text (CPU time, best of three passes).
"""

from __future__ import annotations

import argparse
import json
import random
import re
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import ftfy

import cleantext.filters.encoding as encoding_module
from cleantext import Pipeline
from cleantext.filters.moses import looks_french, profile
from cleantext.fuzz.base import Corruptor
from cleantext.fuzz.encoding import C1Controls, Mojibake
from cleantext.fuzz.entities import EscapedEntities, TokenizedEntities
from cleantext.fuzz.moses import MosesTokenize, inverse_is_defined

DATA = Path(__file__).resolve().parent.parent.parent / "shared" / "data"
FTFY = DATA / "ftfy"
# The pre-check of the foundation, kept here to compare: any Latin-1 letter, curly quote, dash...
OLD_HINT_RE = re.compile(
    "[\u0080-\u00ff\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc"
    "\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122"
    "\u0402-\u040f\u0452-\u045f\u0490\u0491\u2116\u221a\u2260\u2264\u2265\u2202\u2206\u220f\u2211"
    "\u222b\u03a9\u03c0\u25ca\ufb01\ufb02\ufffd]"
)
MOSES_LANGS = {"eng": "en", "fra": "fr", "deu": "de", "spa": "es", "ita": "it", "por": "pt"}


def ntrex() -> dict[str, list[list[str]]]:
    """language -> documents, each a list of sentences."""
    source = DATA / "ntrex128"
    ids = (source / "DOCUMENT_IDS.tsv").read_text(encoding="utf-8").splitlines()
    languages: dict[str, list[list[str]]] = {}
    for path in sorted(source.glob("newstest2019-*.txt")):
        grouped: dict[str, list[str]] = {}
        lines = path.read_text(encoding="utf-8").split("\n")
        for sentence, doc_id in zip(lines, ids, strict=False):
            grouped.setdefault(doc_id, []).append(sentence)
        languages[path.stem.split(".")[-1]] = list(grouped.values())
    return languages


def sample(
    docs: dict[str, list[list[str]]], rng: random.Random, langs: list[str]
) -> tuple[str, str]:
    """A random clean text: one or two paragraphs of three sentences from one document."""
    lang = rng.choice(langs)
    sentences = rng.choice(docs[lang])
    start = rng.randrange(max(1, len(sentences) - 5))
    joiner = "" if lang in ("jpn", "zho_Hans") else " "
    paragraphs = [joiner.join(sentences[start : start + 3])]
    if rng.random() < 0.5:
        paragraphs.append(joiner.join(sentences[start + 3 : start + 6]))
    return lang, "\n\n".join(p for p in paragraphs if p)


def round_trip(
    label: str,
    make: Callable[[str], Corruptor],
    pipeline: Pipeline,
    docs: dict[str, list[list[str]]],
    samples: int,
    seed: int,
    langs: list[str],
    keep: Callable[[str, str], bool] = lambda clean, dirty: True,
) -> None:
    rng = random.Random(seed)
    counts: Counter[str] = Counter()
    by_lang: Counter[tuple[str, str]] = Counter()
    started = time.perf_counter()
    attempts = 0
    while counts["total"] < samples and attempts < samples * 20:
        attempts += 1
        lang, clean = sample(docs, rng, langs)
        dirty, artifacts = make(lang).corrupt(clean, rng)
        if not artifacts or not keep(clean, dirty):
            continue
        output = pipeline.clean(dirty)
        outcome = "restored" if output == clean else "missed" if output == dirty else "wrong"
        counts["total"] += 1
        counts[outcome] += 1
        by_lang[lang, outcome] += 1
    total = counts["total"]
    print(
        f"  {label:<44} {counts['restored'] / total:7.2%} restored  "
        f"{counts['missed']:5} missed  {counts['wrong']:5} wrong  of {total}"
        f"  ({time.perf_counter() - started:.0f} s)"
    )
    worst = sorted(
        {lang for lang, _ in by_lang},
        key=lambda lang: (
            by_lang[lang, "restored"]
            / max(1, sum(by_lang[lang, o] for o in ("restored", "missed", "wrong")))
        ),
    )[:4]
    details = []
    for lang in worst:
        n = sum(by_lang[lang, o] for o in ("restored", "missed", "wrong"))
        details.append(f"{lang} {by_lang[lang, 'restored']}/{n}")
    print(f"  {'':<44} lowest: {', '.join(details)}")


def ftfy_cases() -> None:
    uncurl = ftfy.fixes.uncurl_quotes
    encoding = Pipeline(["encoding"])
    both = Pipeline(["encoding", "entities"])

    def passes(output: str, case: dict[str, str]) -> bool:
        expected = case.get("fixed-encoding", case["fixed"])
        return uncurl(output) in (uncurl(expected), uncurl(case["fixed"]))

    total = ours = extra = 0
    for name in ("in-the-wild", "synthetic", "language-names", "negative"):
        for case in json.loads((FTFY / f"{name}.json").read_text(encoding="utf-8")):
            if ftfy.fix_encoding(case["original"]) != case.get("fixed-encoding", case["fixed"]):
                continue
            total += 1
            ours += passes(encoding.clean(case["original"]), case)
            layered = case["original"].encode("utf-8").decode("latin-1")
            extra += passes(encoding.clean(layered), case)
    print(f"  cases ftfy passes:                 {total}")
    print(f"  encoding passes:                   {ours}/{total} = {ours / total:.1%}")
    print(f"  ... with an extra Latin-1 layer:   {extra}/{total} = {extra / total:.1%}")
    known = json.loads((FTFY / "known-failures.json").read_text(encoding="utf-8"))
    fixed = [c["label"] for c in known if passes(both.clean(c["original"]), c)]
    by_ftfy = [c["label"] for c in known if passes(ftfy.fix_encoding(c["original"]), c)]
    print(f"  known failures fixed (encoding+entities): {len(fixed)}/{len(known)}")
    for label in fixed:
        note = " (ftfy.fix_encoding too, quotes uncurled)" if label in by_ftfy else ""
        print(f"    - {label}{note}")


def clean_text(docs: dict[str, list[list[str]]]) -> None:
    calls: Counter[str] = Counter()
    real = ftfy.fix_encoding
    current = [""]

    def counting(text: str, *args: object, **kwargs: object) -> str:
        calls[current[0]] += 1
        return str(real(text, *args, **kwargs))  # type: ignore[arg-type]

    encoding_module.ftfy.fix_encoding = counting  # type: ignore[assignment]
    pipeline = Pipeline(["encoding", "entities", "moses"])
    changed: list[tuple[str, str]] = []
    lines = old = 0
    try:
        for lang, documents in docs.items():
            current[0] = lang
            for sentences in documents:
                text = "\n".join(sentences)
                result = pipeline.run(text)
                changed.extend(
                    (lang, f"{e.original!r}->{e.replacement!r} {e.rule}") for e in result.edits
                )
                for line in sentences:
                    if not line.isascii():
                        lines += 1
                        old += OLD_HINT_RE.search(line) is not None
    finally:
        encoding_module.ftfy.fix_encoding = real
    print(f"  documents: {sum(len(d) for d in docs.values())}, non-ASCII lines: {lines}")
    print(f"  edits on clean text: {len(changed)} {changed[:5]}")
    print(f"  lines sent to ftfy: {sum(calls.values())} (old pre-check: {old}) {dict(calls)}")


def throughput(docs: dict[str, list[list[str]]]) -> None:
    texts = ["\n".join(d) for documents in docs.values() for d in documents]
    size = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    for name in ("encoding", "entities", "moses"):
        pipeline = Pipeline([name])
        best = float("inf")
        for _ in range(3):
            started = time.process_time()  # CPU time: the machine is shared
            for text in texts:
                pipeline.run(text)
            best = min(best, time.process_time() - started)
        print(f"  {name:<10} {size / best:8.1f} MB/s on {size:.1f} MB of clean NTREX text")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--samples", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    docs = ntrex()
    every = sorted(docs)
    latin_cyrillic = [lang for lang in every if lang in MOSES_LANGS or lang in ("rus", "ukr")]
    n, seed = args.samples, args.seed
    encoding = Pipeline(["encoding"])
    entities = Pipeline(["entities"])
    moses = Pipeline(["entities", "moses"])

    print("1. Round-trip recall (NTREX-128 paragraphs, 28 languages)")
    for codec in ("cp1252", "latin-1", "cp1251", "mac_roman"):
        for scope in ("line", "sentence", "word"):
            round_trip(
                f"encoding: Mojibake {codec}, {scope}",
                lambda _lang, c=codec, s=scope: Mojibake(rate=0.5, codecs=(c,), scopes=(s,)),
                encoding, docs, n, seed, every,
            )  # fmt: skip
    round_trip(
        "encoding: Mojibake, all mixed", lambda _: Mojibake(), encoding, docs, n, seed, every
    )
    round_trip("encoding: C1Controls", lambda _: C1Controls(), encoding, docs, n, seed, every)
    round_trip(
        "entities: TokenizedEntities", lambda _: TokenizedEntities(), entities, docs, n, seed, every
    )
    round_trip(
        "entities: EscapedEntities", lambda _: EscapedEntities(), entities, docs, n, seed, every
    )

    def tokenizer(lang: str) -> Corruptor:
        return MosesTokenize(MOSES_LANGS.get(lang, "en" if lang != "rus" else "ru"))

    round_trip("moses: MosesTokenize (all)", tokenizer, moses, docs, n, seed, latin_cyrillic)

    def invertible(clean: str, dirty: str) -> bool:
        decoded = entities.clean(dirty)
        return (
            inverse_is_defined(clean)
            and profile(decoded).is_tokenized()
            and not (looks_french(clean) and "%" in clean)
        )

    round_trip(
        "moses: ... invertible, with the profile",
        tokenizer, moses, docs, n, seed, latin_cyrillic, keep=invertible,
    )  # fmt: skip

    print("\n2. ftfy test cases")
    ftfy_cases()
    print("\n3. Clean text (NTREX-128, all 28 languages, every document)")
    clean_text(docs)
    print("\n4. Throughput on clean text")
    throughput(docs)


if __name__ == "__main__":
    main()
