"""Build the benchmark corpus: deterministic news-like documents of 2-10 KB, in four kinds.

* ``english`` — clean English news: the NTREX-128 English source (WMT newstest2019).
* ``multilingual`` — clean news in the 27 NTREX translations (14 scripts), an equal share each.
* ``dirty`` — clean English and multilingual documents run through 1-3 corruptors of
  `cleantext.fuzz`, found by walking the package, so a corruptor added later is used with no
  change here (corruptors that need arguments are skipped).
* ``web`` — real scraped English news (the FakeNewsCorpus sample), when it is present.

NTREX comes from ``../shared/data/ntrex128`` when present, else from the subset in
``tests/data/ntrex128`` (smaller). Sentences become paragraphs of 1-3 sentences separated by a
blank line; paragraphs fill a document up to a size drawn between 2 and 10 KB (UTF-8 bytes).
Everything is drawn from one seeded `random.Random`, so the same seed gives the same bytes.

Usage (from the repository root)::

    .venv/bin/python benchmarks/build_corpus.py [--seed 0] [--out benchmarks/out/corpus]

Writes ``<kind>.jsonl`` (records: id, kind, lang, text) and ``manifest.json``.
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from cleantext.fuzz import default_corruptors

ROOT = Path(__file__).resolve().parent.parent
#: The session's shared data, beside the checkout (``/work/main``) or two levels up from a
#: worktree (``/work/wt/<name>``).
SHARED = next(
    (p / "shared" / "data" for p in (ROOT.parent, ROOT.parent.parent) if (p / "shared").is_dir()),
    ROOT.parent / "shared" / "data",
)
NTREX_FULL = SHARED / "ntrex128"
NTREX_SUBSET = ROOT / "tests" / "data" / "ntrex128" / "ntrex128.jsonl"
FAKENEWS = SHARED / "fakenewscorpus_sample" / "news_sample.csv"
OUT = ROOT / "benchmarks" / "out" / "corpus"

MIN_BYTES = 2_000
MAX_BYTES = 10_240
#: Bytes of clean text per NTREX translation (27 of them) and of real web text.
PER_LANGUAGE_BYTES = 24_000
WEB_BYTES = 400_000
KINDS = ("english", "multilingual", "dirty", "web")


# -- sources ------------------------------------------------------------------------------------


def ntrex_sentences() -> dict[str, list[str]]:
    """Sentences per language code, in document order (full NTREX, else the test subset)."""
    by_language: dict[str, list[str]] = {}
    if (NTREX_FULL / "DOCUMENT_IDS.tsv").exists():
        for path in sorted(NTREX_FULL.glob("newstest2019-*.txt")):
            lang = path.stem.split(".")[-1]
            text = path.read_text(encoding="utf-8")
            by_language[lang] = [s for s in text.split("\n") if s.strip()]
        return by_language
    with NTREX_SUBSET.open(encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            sentences = [s for s in record["text"].split("\n") if s.strip()]
            by_language.setdefault(record["lang"], []).extend(sentences)
    return by_language


def web_articles() -> list[str]:
    """Scraped article texts (``content`` column) of the FakeNewsCorpus sample, if present."""
    if not FAKENEWS.exists():
        return []
    csv.field_size_limit(1 << 30)
    with FAKENEWS.open(encoding="utf-8", newline="") as handle:
        return [row["content"] for row in csv.DictReader(handle) if row["content"].strip()]


# -- documents ----------------------------------------------------------------------------------


def paragraphs(sentences: Iterable[str], rng: random.Random) -> Iterator[str]:
    """Group sentences into paragraphs of 1-3 sentences (CJK and Thai joined without a space)."""
    pending: list[str] = []
    size = rng.randint(1, 3)
    for sentence in sentences:
        pending.append(sentence.strip())
        if len(pending) == size:
            yield _join(pending)
            pending, size = [], rng.randint(1, 3)
    if pending:
        yield _join(pending)


def _join(sentences: list[str]) -> str:
    spaced = not all(s[-1:] in "。！？" for s in sentences)
    return (" " if spaced else "").join(sentences)


def documents(parts: Iterable[str], rng: random.Random, budget: int) -> list[str]:
    """Fill documents of 2-10 KB with ``parts`` (paragraphs) until ``budget`` bytes are used."""
    docs: list[str] = []
    current: list[str] = []
    size = 0
    target = rng.randint(MIN_BYTES, MAX_BYTES)
    used = 0
    for part in parts:
        length = len(part.encode("utf-8")) + 2
        if length > MAX_BYTES:
            continue
        if current and size + length > MAX_BYTES:
            docs.append("\n\n".join(current) + "\n")
            used += size
            current, size, target = [], 0, rng.randint(MIN_BYTES, MAX_BYTES)
        current.append(part)
        size += length
        if size >= target:
            docs.append("\n\n".join(current) + "\n")
            used += size
            current, size, target = [], 0, rng.randint(MIN_BYTES, MAX_BYTES)
        if used >= budget:
            break
    if size >= MIN_BYTES:
        docs.append("\n\n".join(current) + "\n")
    return docs


# -- corruptors ---------------------------------------------------------------------------------


def discover_corruptors() -> list[Any]:
    """An instance (default options) of every corruptor class in the `cleantext.fuzz` modules."""
    return list(default_corruptors())


def corrupt(text: str, corruptors: list[Any], rng: random.Random, used: dict[str, int]) -> str:
    """Apply 1-3 corruptors, drawn by ``rng``, one after the other."""
    for corruptor in rng.sample(corruptors, k=min(len(corruptors), rng.randint(1, 3))):
        label = type(corruptor).__name__
        try:
            text, artifacts = corruptor.corrupt(text, rng)
        except Exception as error:  # a corruptor bug must not stop the benchmark
            print(f"warning: {label} raised {error!r}; skipped", file=sys.stderr)
            continue
        used[label] = used.get(label, 0) + len(artifacts)
    return text


# -- main ---------------------------------------------------------------------------------------


def build(seed: int = 0, out: Path = OUT) -> dict[str, Any]:
    """Build the corpus into ``out``; returns the manifest (also written as manifest.json)."""
    rng = random.Random(seed)
    sentences = ntrex_sentences()
    english_key = next((k for k in sentences if k.startswith("eng")), "eng")
    corpus: dict[str, list[dict[str, str]]] = {kind: [] for kind in KINDS}

    for number, text in enumerate(
        documents(paragraphs(sentences.get(english_key, []), rng), rng, 10**9)
    ):
        corpus["english"].append({"id": f"english/{number}", "lang": "eng", "text": text})
    for lang in sorted(sentences):
        if lang == english_key:
            continue
        docs = documents(paragraphs(sentences[lang], rng), rng, PER_LANGUAGE_BYTES)
        for number, text in enumerate(docs):
            corpus["multilingual"].append({"id": f"{lang}/{number}", "lang": lang, "text": text})

    corruptors = discover_corruptors()
    used: dict[str, int] = {}
    # Dirty: every English document and as many multilingual ones, corrupted.
    pool = corpus["english"] + rng.sample(
        corpus["multilingual"], k=min(len(corpus["english"]), len(corpus["multilingual"]))
    )
    for record in pool:
        dirty = corrupt(record["text"], corruptors, rng, used)
        corpus["dirty"].append(
            {"id": f"dirty/{record['id']}", "lang": record["lang"], "text": dirty}
        )

    web = [a for a in web_articles() if MIN_BYTES <= len(a.encode("utf-8")) <= MAX_BYTES]
    size = 0
    for number, text in enumerate(web):
        if size >= WEB_BYTES:
            break
        corpus["web"].append({"id": f"web/{number}", "lang": "eng", "text": text})
        size += len(text.encode("utf-8"))

    out.mkdir(parents=True, exist_ok=True)
    manifest: dict[str, Any] = {
        "seed": seed,
        "ntrex": str(NTREX_FULL if (NTREX_FULL / "DOCUMENT_IDS.tsv").exists() else NTREX_SUBSET),
        "corruptors": dict(sorted(used.items())),
        "kinds": {},
    }
    for kind, records in corpus.items():
        with (out / f"{kind}.jsonl").open("w", encoding="utf-8") as handle:
            for record in records:
                handle.write(json.dumps({"kind": kind, **record}, ensure_ascii=False) + "\n")
        manifest["kinds"][kind] = {
            "documents": len(records),
            "bytes": sum(len(r["text"].encode("utf-8")) for r in records),
        }
    (out / "manifest.json").write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
    return manifest


def load(kind: str, out: Path = OUT) -> list[str]:
    """The texts of one kind (build the corpus first)."""
    with (out / f"{kind}.jsonl").open(encoding="utf-8") as handle:
        return [json.loads(line)["text"] for line in handle]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    manifest = build(args.seed, args.out)
    print(json.dumps(manifest, indent=2))


if __name__ == "__main__":
    main()
