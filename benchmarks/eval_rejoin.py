"""Evaluate the rejoin family: round-trip recall, false joins, clean-text safety, throughput.

Run by hand from the repository root (reads ``../shared/data``; takes a few minutes)::

    .venv/bin/python benchmarks/eval_rejoin.py [--docs 10000] [--seed 0]

1. Round-trip recall of each corruptor (`SplitNumbers`, `HyphenateWords`, `HardWrap`, blind and
   ``supported_only``) on real news: NTREX-128 (28 languages, sentences grouped three to a
   paragraph) and the English FakeNewsCorpus sample. An artifact counts as restored when the
   filter made exactly that edit (same span, the clean text back); any other edit is a false edit.
   1b. The blind cuts that fall inside a year (1900-2099), per language.
2. False joins on generated clean documents with numbers at line and paragraph edges
   (`edge_number_document`), through the default pipeline: the target is zero.
3. Clean text: every NTREX document (both layouts) through the three filters and the detector.
4. Throughput of each filter on clean NTREX text (the common case: cheap rejects).
"""

from __future__ import annotations

import argparse
import csv
import random
import re
import sys
import time
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

from cleantext import Pipeline
from cleantext.filters.base import Repair
from cleantext.filters.rejoin import RejoinLines, RejoinNumbers, RejoinWords, SplitNumber
from cleantext.fuzz.base import Corruptor
from cleantext.fuzz.rejoin import HardWrap, HyphenateWords, SplitNumbers, edge_number_document

DATA = Path(__file__).resolve().parent.parent.parent / "shared" / "data"


def ntrex_documents() -> list[tuple[str, list[str]]]:
    """``(lang, sentences)`` for every NTREX-128 document in every language."""
    source = DATA / "ntrex128"
    ids = (source / "DOCUMENT_IDS.tsv").read_text(encoding="utf-8").splitlines()
    docs: list[tuple[str, list[str]]] = []
    for path in sorted(source.glob("newstest2019-*.txt")):
        lang = path.stem.split(".")[-1]
        grouped: dict[str, list[str]] = {}
        for sentence, doc_id in zip(
            path.read_text(encoding="utf-8").split("\n"), ids, strict=False
        ):
            grouped.setdefault(doc_id, []).append(sentence)
        docs.extend((lang, sentences) for sentences in grouped.values())
    return docs


def paragraphs_layout(lang: str, sentences: list[str]) -> str:
    joiner = "" if lang in ("jpn", "zho_Hans") else " "
    groups = [joiner.join(sentences[i : i + 3]) for i in range(0, len(sentences), 3)]
    return "\n\n".join(groups)


def fakenews_documents() -> list[str]:
    csv.field_size_limit(sys.maxsize)
    path = DATA / "fakenewscorpus_sample" / "news_sample.csv"
    with path.open(encoding="utf-8", newline="") as handle:
        return [row["content"] for row in csv.DictReader(handle) if row["content"].strip()]


def recall(
    corruptor: Corruptor, flt: Repair, texts: Iterable[str], seed: int, examples: list[str]
) -> tuple[Counter[str], Counter[str], int, int, int]:
    """Restored and total artifacts by kind, false edits, exact round trips, corrupted docs.

    The first few false edits are appended to ``examples``. For number splits, artifacts that
    were not joined but that `SplitNumber` flags on the dirty text count as kind ``flagged``
    in the restored counter (not in the total).
    """
    rng = random.Random(seed)
    pipeline = Pipeline([flt])
    restored: Counter[str] = Counter()
    total: Counter[str] = Counter()
    false_edits = exact = corrupted = 0
    for clean in texts:
        if pipeline.run(clean).edits:
            continue  # the base text itself is changed: not a fair round trip
        dirty, artifacts = corruptor.corrupt(clean, rng)
        if not artifacts:
            continue
        corrupted += 1
        result = pipeline.run(dirty)
        wanted = {(a.start, a.end, a.clean): a for a in artifacts}
        for edit in result.edits:
            key = (edit.start, edit.end, edit.replacement)
            if key in wanted:
                restored[wanted[key].kind] += 1
            else:
                false_edits += 1
                if len(examples) < 8:
                    context = dirty[max(0, edit.start - 30) : edit.end + 20]
                    examples.append(f"{edit.rule}: {context!r} -> {edit.replacement!r}")
        total.update(a.kind for a in artifacts)
        if isinstance(flt, RejoinNumbers):
            joined = {(e.start, e.end) for e in result.edits}
            spans = [(f.start, f.end) for f in SplitNumber().flags(dirty)]
            restored["flagged"] += sum(
                (a.start, a.end) not in joined
                and any(s <= a.start and a.end <= e for s, e in spans)
                for a in artifacts
            )
        exact += result.text == clean
    return restored, total, false_edits, exact, corrupted


_YEAR_RE = re.compile(r"(?<![0-9.,])(?:19|20)[0-9]{2}(?![0-9]|[.,][0-9])")


def year_recall(
    docs: list[tuple[str, str]], seed: int
) -> tuple[Counter[str], Counter[str], int, list[str]]:
    """Blind `SplitNumbers` cuts that fall inside a year of 1900-2099, per language: (restored,
    total, false edits, a few misses). The corruptor is the blind one; only the scoring picks
    the year cuts out."""
    rng = random.Random(seed)
    pipeline = Pipeline([RejoinNumbers()])
    corruptor = SplitNumbers()
    restored: Counter[str] = Counter()
    total: Counter[str] = Counter()
    false_edits = 0
    misses: list[str] = []
    for lang, clean in docs:
        if pipeline.run(clean).edits:
            continue
        dirty, artifacts = corruptor.corrupt(clean, rng)
        if not artifacts:
            continue
        joined = {(e.start, e.end) for e in pipeline.run(dirty).edits}
        false_edits += len(joined - {(a.start, a.end) for a in artifacts})
        shift = 0
        for artifact in sorted(artifacts, key=lambda a: a.start):
            position = artifact.start - shift  # where the cut is in the clean text
            shift += artifact.end - artifact.start
            if not any(m.start() < position < m.end() for m in _YEAR_RE.finditer(clean)):
                continue
            total[lang] += 1
            if (artifact.start, artifact.end) in joined:
                restored[lang] += 1
            elif len(misses) < 12:
                misses.append(repr(dirty[max(0, artifact.start - 40) : artifact.end + 25]))
    return restored, total, false_edits, misses


def pct(part: int, whole: int) -> str:
    return f"{part}/{whole} = {100 * part / whole:.1f}%" if whole else "0/0"


def report_recall(name: str, result: tuple[Counter[str], Counter[str], int, int, int]) -> None:
    restored, total, false_edits, exact, corrupted = result
    flagged = restored.pop("flagged", 0)
    kinds = ", ".join(f"{k} {pct(restored[k], total[k])}" for k in sorted(total))
    if flagged:
        kinds += f"; not joined but flagged {pct(flagged, sum(total.values()))}"
    print(
        f"  {name}: recall {pct(sum(restored.values()), sum(total.values()))} ({kinds}); "
        f"exact round trips {pct(exact, corrupted)}; false edits {false_edits}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--docs", type=int, default=10_000, help="generated clean documents")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()

    ntrex = ntrex_documents()
    ntrex_paragraphs = [paragraphs_layout(lang, s) for lang, s in ntrex]
    ntrex_english = [paragraphs_layout(lang, s) for lang, s in ntrex if lang == "eng"]
    fakenews = fakenews_documents()
    langs = len({lang for lang, _ in ntrex})
    print(f"# rejoin evaluation (seed {args.seed})\n")
    print(f"NTREX-128: {len(ntrex)} documents in {langs} languages; FakeNews: {len(fakenews)}.\n")

    print("## 1. Round-trip recall (artifact restored by exactly the right edit)\n")
    setups: list[tuple[str, Corruptor, Repair]] = [
        ("SplitNumbers", SplitNumbers(), RejoinNumbers()),
        ("SplitNumbers supported_only", SplitNumbers(supported_only=True), RejoinNumbers()),
        ("HyphenateWords", HyphenateWords(), RejoinWords()),
        ("HyphenateWords supported_only", HyphenateWords(supported_only=True), RejoinWords()),
        ("HardWrap", HardWrap(), RejoinLines()),
        ("HardWrap supported_only", HardWrap(supported_only=True), RejoinLines()),
    ]
    corpora = [
        ("NTREX all languages", ntrex_paragraphs),
        ("NTREX English", ntrex_english),
        ("FakeNews (English)", fakenews),
    ]
    for corpus_name, texts in corpora:
        print(f"{corpus_name}:")
        for name, corruptor, flt in setups:
            examples: list[str] = []
            report_recall(name, recall(corruptor, flt, texts, args.seed, examples))
            for example in examples:
                print(f"    false edit: {example}")
        print()

    print("## 1b. Blind year splits (SplitNumbers cuts inside a year), NTREX per language\n")
    docs = [(lang, paragraphs_layout(lang, s)) for lang, s in ntrex]
    restored, total, false_edits, misses = year_recall(docs, args.seed)
    print(f"  all: {pct(sum(restored.values()), sum(total.values()))}; false edits {false_edits}")
    print("  " + ", ".join(f"{lang} {restored[lang]}/{total[lang]}" for lang in sorted(total)))
    for miss in misses:
        print(f"    missed: {miss}")
    print()

    print(f"## 2. False joins on {args.docs:,} generated clean documents (numbers at edges)\n")
    rng = random.Random(args.seed)
    default = Pipeline.default()
    lines = Pipeline([RejoinLines()])
    joins: Counter[str] = Counter()
    flags = flagged_docs = line_joins = 0
    examples: list[str] = []
    for _ in range(args.docs):
        doc = edge_number_document(rng)
        result = default.run(doc)
        for edit in result.edits:
            if edit.rule.startswith("rejoin"):
                joins[edit.rule] += 1
                if len(examples) < 10:
                    examples.append(repr(doc[max(0, edit.start - 50) : edit.end + 30]))
        mine = [f for f in result.flags if f.code == "split-number"]
        flags += len(mine)
        flagged_docs += bool(mine)
        line_joins += len(lines.run(doc).edits)
    print(f"  default pipeline: rejoin edits {sum(joins.values())} {dict(joins)}")
    print(f"  split-number flags: {flags} in {pct(flagged_docs, args.docs)} documents")
    print(f"  rejoin-lines (opt-in) edits: {line_joins}")
    for example in examples:
        print(f"    false join: {example}")
    print()

    print("## 3. Clean NTREX through rejoin-numbers, rejoin-words, rejoin-lines, split-number\n")
    every = Pipeline([RejoinNumbers(), RejoinWords(), RejoinLines(), SplitNumber()])
    layouts = {
        "one sentence per line": ["\n".join(s) for _, s in ntrex],
        "one sentence per paragraph": ["\n\n".join(s) for _, s in ntrex],
        "three sentences per paragraph": ntrex_paragraphs,
    }
    for layout, texts in layouts.items():
        changed = sum(bool(every.run(t).edits) for t in texts)
        flagged = sum(bool(every.run(t).flags) for t in texts)
        print(f"  {layout}: changed {changed}/{len(texts)}, flagged {flagged}/{len(texts)}")
    print()

    print("## 4. Throughput on clean text (NTREX, one sentence per line)\n")
    corpus = layouts["one sentence per line"]
    size = sum(len(t.encode("utf-8")) for t in corpus) / 1e6
    for flt in (RejoinNumbers(), RejoinWords(), RejoinLines()):
        start = time.perf_counter()
        for text in corpus:
            list(flt.changes(text))
        seconds = time.perf_counter() - start
        print(f"  {flt.name}: {size / seconds:,.0f} MB/s ({size:.1f} MB in {seconds:.2f} s)")
    start = time.perf_counter()
    for text in corpus:
        list(SplitNumber().flags(text))
    seconds = time.perf_counter() - start
    print(f"  split-number: {size / seconds:,.0f} MB/s")

    print("\n## 5. Real web text (FakeNews): every rejoin edit, for inspection\n")
    for text in fakenews:
        result = Pipeline([RejoinNumbers(), RejoinWords(), SplitNumber()]).run(text)
        for edit in result.edits:
            print(f"  {edit.rule}: {text[max(0, edit.start - 40) : edit.end + 20]!r}")
        for flag in result.flags:
            print(f"  flag: {result.text[max(0, flag.start - 40) : flag.end + 20]!r}")
    wrapped = sum(bool(Pipeline([RejoinLines()]).run(t).edits) for t in fakenews)
    print(f"  rejoin-lines would unwrap paragraphs in {wrapped}/{len(fakenews)} documents")


if __name__ == "__main__":
    main()
