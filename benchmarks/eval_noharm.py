"""Do no harm beyond news: what the default pipeline does to the clean corpus of tests/data/noharm.

Every document there is clean, human-written text (manual pages, software messages, the UDHR,
the Debian Reference, literature) in 80 languages and 25 scripts, so every edit is harm unless
tests/data/noharm/allow.json lists it as a known defect of the source, and every flag is a false
positive. Reported per language, per source, per edit rule and per flag code:

- edits (and the characters they touch), documents changed, allowed edits;
- flags, and flags per 1,000 sentences (sentences counted by ``tests.helpers.count_sentences``:
  per line, its sentence-final marks, plus one if the line does not end with one);
- idempotence failures: documents where ``run(run(x).text).text != run(x).text``.

    python benchmarks/eval_noharm.py                 # tables on stdout
    python benchmarks/eval_noharm.py --json out.json --examples 3
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.helpers import count_sentences, noharm_allowed, noharm_documents

from cleantext import Pipeline


def _allowed_keys() -> set[tuple[str, str, str]]:
    return {(a["id"], a["rule"], a["original"]) for a in noharm_allowed()}


def evaluate(examples: int = 0) -> dict[str, Any]:
    """Run the default pipeline over the corpus; return the counts (see the module docstring)."""
    pipeline = Pipeline.default()
    allowed = _allowed_keys()
    per_lang: dict[str, Counter[str]] = defaultdict(Counter)
    per_source: dict[str, Counter[str]] = defaultdict(Counter)
    rules: dict[str, Counter[str]] = defaultdict(Counter)
    codes: dict[str, Counter[str]] = defaultdict(Counter)
    rule_langs: dict[str, set[str]] = defaultdict(set)
    code_langs: dict[str, set[str]] = defaultdict(set)
    shown: dict[str, list[dict[str, str]]] = defaultdict(list)
    not_idempotent: list[str] = []
    failing: list[str] = []
    started = time.process_time()
    total_bytes = 0
    for doc in noharm_documents():
        text, lang = doc["text"], doc["lang"]
        source = doc["id"].split("/")[0]
        sentences = count_sentences(text)
        total_bytes += len(text.encode("utf-8"))
        result = pipeline.run(text)
        harmful = [e for e in result.edits if (doc["id"], e.rule, e.original) not in allowed]
        for bucket in (per_lang[lang], per_source[source], per_lang["ALL"]):
            bucket["docs"] += 1
            bucket["sentences"] += sentences
            bucket["edits"] += len(harmful)
            bucket["allowed"] += len(result.edits) - len(harmful)
            bucket["chars"] += sum(len(e.original) + len(e.replacement) for e in harmful)
            bucket["changed"] += bool(harmful)
            bucket["flags"] += len(result.flags)
        for edit in harmful:
            rules[edit.rule]["edits"] += 1
            rules[edit.rule][f"doc:{doc['id']}"] = 1
            rule_langs[edit.rule].add(lang)
            if len(shown[edit.rule]) < examples:
                before = text[max(0, edit.start - 30) : edit.end + 30]
                shown[edit.rule].append(
                    {"id": doc["id"], "original": edit.original, "replacement": edit.replacement,
                     "context": before}
                )  # fmt: skip
        for flag in result.flags:
            codes[flag.code]["flags"] += 1
            codes[flag.code][f"doc:{doc['id']}"] = 1
            code_langs[flag.code].add(lang)
            if len(shown[flag.code]) < examples:
                shown[flag.code].append(
                    {"id": doc["id"], "flagged": result.text[flag.start : flag.end],
                     "message": flag.message}
                )  # fmt: skip
        if harmful or result.flags:
            failing.append(doc["id"])
        if pipeline.run(result.text).text != result.text:
            not_idempotent.append(doc["id"])
            per_lang[lang]["not_idempotent"] += 1
            per_lang["ALL"]["not_idempotent"] += 1
    seconds = time.process_time() - started
    all_sentences = per_lang["ALL"]["sentences"]

    def summary(counter: Counter[str], key: str, langs: set[str]) -> dict[str, Any]:
        docs = sorted(k[4:] for k in counter if k.startswith("doc:"))
        out: dict[str, Any] = {key: counter[key], "docs": len(docs), "languages": sorted(langs)}
        if key == "flags":
            out["per_1000_sentences"] = round(1000 * counter[key] / all_sentences, 2)
        out["documents"] = docs
        return out

    return {
        "corpus": {"documents": per_lang["ALL"]["docs"], "bytes": total_bytes,
                   "sentences": all_sentences, "cpu_seconds": round(seconds, 1)},
        "languages": {k: dict(v) for k, v in sorted(per_lang.items())},
        "sources": {k: dict(v) for k, v in sorted(per_source.items())},
        "rules": {r: summary(c, "edits", rule_langs[r]) for r, c in sorted(rules.items())},
        "flag_codes": {f: summary(c, "flags", code_langs[f]) for f, c in sorted(codes.items())},
        "not_idempotent": not_idempotent,
        "failing_documents": failing,
        "examples": dict(shown),
    }  # fmt: skip


def per_1000(flags: int, sentences: int) -> str:
    return f"{1000 * flags / sentences:.1f}" if sentences else "-"


def print_tables(report: dict[str, Any]) -> None:
    corpus = report["corpus"]
    print(
        f"{corpus['documents']} documents, {corpus['bytes'] / 1e6:.2f} MB, "
        f"{corpus['sentences']} sentences, {corpus['cpu_seconds']} s CPU\n"
    )
    header = "| {:<8} | {:>4} | {:>6} | {:>5} | {:>7} | {:>5} | {:>6} | {:>6} | {:>5} |"

    def line(name: str, c: dict[str, int]) -> str:
        flags = c.get("flags", 0)
        numbers = [c.get(k, 0) for k in ("edits", "changed")] + [flags]
        rest = [c.get("allowed", 0), c.get("not_idempotent", 0)]
        return header.format(
            name, c["docs"], c["sentences"], *numbers, per_1000(flags, c["sentences"]), *rest
        )

    for title, table in (("language", report["languages"]), ("source", report["sources"])):
        names = ("docs", "sent.", "edits", "changed", "flags", "/1000", "allow", "idem")
        print(header.format(title, *names))
        print("|" + "---|" * 9)
        for name, c in table.items():
            if name != "ALL":
                print(line(name, c))
        if "ALL" in table:
            print(line("ALL", table["ALL"]))
        print()
    print("| edit rule | edits | docs | languages |\n|---|---:|---:|---|")
    for rule, s in report["rules"].items():
        print(f"| `{rule}` | {s['edits']} | {s['docs']} | {' '.join(s['languages'])} |")
    print(
        "\n| flag code | flags | per 1,000 sentences | docs | languages |\n|---|---:|---:|---:|---|"
    )
    for code, s in report["flag_codes"].items():
        langs = " ".join(s["languages"])
        print(f"| `{code}` | {s['flags']} | {s['per_1000_sentences']} | {s['docs']} | {langs} |")
    print(f"\nnot idempotent: {len(report['not_idempotent'])} {report['not_idempotent'][:10]}")
    for name, items in report["examples"].items():
        print(f"\n{name}:")
        for item in items:
            print("   ", json.dumps(item, ensure_ascii=False)[:300])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--json", type=Path, help="also write the report as JSON here")
    parser.add_argument("--examples", type=int, default=0, help="examples shown per rule/code")
    args = parser.parse_args()
    report = evaluate(args.examples)
    print_tables(report)
    if args.json:
        args.json.write_text(json.dumps(report, ensure_ascii=False, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
