"""The hostile table: inputs shaped to hit a filter's worst case, at 100 KB and 1 MB.

Each pattern (`PATTERNS`) is a function ``make(n) -> str`` that returns about ``n`` characters of
one hostile shape (a run of ``&``, a run of ``Ã©``, lines alternating between two scripts, ...),
made of varied pieces where the shape allows, so that no cache hides the work. For every pattern
and size the default pipeline (plus the opt-in filters with ``--all-filters``) runs in its own
subprocess with a timeout, so that one hang does not stop the table; the child reports the CPU
time of the run, and at the smaller size which filter took the time. The 1 MB / 100 KB time
ratio is 10 for linear time and 100 for quadratic.

The same patterns drive ``tests/test_linear.py`` (at smaller sizes, filter by filter).

Usage (from the repository root)::

    nice .venv/bin/python benchmarks/bench_hostile.py [--sizes 100000 1000000] [--timeout 60]
    .venv/bin/python benchmarks/bench_hostile.py --table    # reprint the last run
"""

from __future__ import annotations

import argparse
import itertools
import json
import random
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

HERE = Path(__file__).resolve().parent
NTREX_SUBSET = HERE.parent / "tests" / "data" / "ntrex128" / "ntrex128.jsonl"

Maker = Callable[[int], str]


def _sentences(lang: str) -> list[str]:
    """NTREX sentences of one language from the test subset (committed, so always present)."""
    found: list[str] = []
    with NTREX_SUBSET.open(encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            if record["lang"] == lang:
                found.extend(s.strip() for s in record["text"].split("\n") if s.strip())
    return found


def _fill(pieces: Iterator[str], n: int, sep: str = "") -> str:
    """Join pieces until ``n`` characters, then cut to ``n``."""
    out: list[str] = []
    size = 0
    for piece in pieces:
        out.append(piece)
        size += len(piece) + len(sep)
        if size >= n:
            break
    # No trailing whitespace: a cut that ends in a space would give one size an edit (and its
    # books) that the other size lacks.
    return sep.join(out)[:n].rstrip()


def _numbered(template: str) -> Callable[[int], str]:
    """``template`` with ``{i}`` (and ``{j}``) filled by a counter: varied, same shape."""

    def make(n: int) -> str:
        return _fill((template.format(i=i, j=i * 7 % 1000) for i in itertools.count()), n)

    return make


def amp_run(n: int) -> str:
    return "&" * n


def amp_hash_run(n: int) -> str:
    return ("& # " * (n // 4 + 1))[:n]


def split_entities(n: int) -> str:
    # ``&#39;`` split by an MT tokenizer, densely, with words between.
    return _numbered("it & # 39 ; s {i} & amp ; & quot ; x{j} & # x27 ; ")(n)


def amp_chain(n: int) -> str:
    return "&" + ("amp;" * (n // 4 + 1))[: n - 1]


def mojibake_run(n: int) -> str:
    return ("Ã©" * (n // 2 + 1))[:n]


def mojibake_words(n: int) -> str:
    return _numbered("cafÃ© {i} dÃ©jÃ  vu â€œquotedâ€\x9d naÃ¯ve ")(n)


def alternating_scripts(n: int) -> str:
    english, russian = _sentences("eng"), _sentences("rus")
    pairs = zip(itertools.cycle(english), itertools.cycle(russian))
    return _fill((f"{a}\n{b}" for a, b in pairs), n, "\n")


def foreign_lines(n: int) -> str:
    # Mostly English, one Russian line in four: every fourth line is an untranslated candidate.
    english, russian = itertools.cycle(_sentences("eng")), itertools.cycle(_sentences("rus"))
    return _fill(
        (f"{next(english)}\n{next(english)}\n{next(english)}\n{r}" for r in russian), n, "\n"
    )


def alternating_words(n: int) -> str:
    # Two scripts word by word inside one line: every word is a script change.
    words = itertools.cycle(["the", "время", "house", "город", "water", "мир", "light", "дом"])
    return _fill((f"{w}{i % 10}" for i, w in enumerate(words)), n, " ")


def mixed_language_paragraphs(n: int) -> str:
    langs = ["eng", "rus", "deu", "jpn", "arb", "hin", "fra", "kor", "tha", "spa"]
    streams = [itertools.cycle(_sentences(lang)) for lang in langs]
    return _fill((next(s) for s in itertools.cycle(streams)), n, "\n\n")


def brackets(n: int) -> str:
    return ("[[[( {{«" * (n // 8 + 1))[:n]


def brackets_words(n: int) -> str:
    return _numbered("([x{i}] {{ «a» ( b{j} ] ) [ ")(n)


def url_queries(n: int) -> str:
    return _numbered("https://example.com/search?q=a{i}&lang=en&page={j}&sort=asc&x=1 ")(n)


def lone_surrogates(n: int) -> str:
    return _numbered("text {i}\ud800 more\udfff words \udc80x{j} ")(n)


def long_line(n: int) -> str:
    return _fill(itertools.cycle(_sentences("eng")), n, " ")


def long_word(n: int) -> str:
    return "a" * n


def flag_dense(n: int) -> str:
    # Many candidates for every detector: split numbers, stray brackets, lost sentence
    # boundaries, repeated words, mixed-script words, tokenizer spacing, unpaired quotes.
    return _numbered(
        "taking a chance ] mistakes In the past {i} the the the said 201\n\n4 "
        "pаypal {j} don 't ( see \" it ' s @-@ "
    )(n)


def repeated_tokens(n: int) -> str:
    return ("word " * (n // 5 + 1))[:n]


def repeated_line(n: int) -> str:
    return ("The same title line of an article\n" * (n // 34 + 1))[:n]


def boilerplate_lines(n: int) -> str:
    lines = [
        "Source link",
        "Share this:",
        "Click to share on Twitter",
        "Read more",
        "Advertisement",
    ]
    return _fill((f"{line}\ntext {i}" for i, line in enumerate(itertools.cycle(lines))), n, "\n")


def split_numbers(n: int) -> str:
    return _numbered("in 201 4 and 1 000 000 or 3 . 5 and {i} , {j} ")(n)


def digits_run(n: int) -> str:
    return "1" * n


def hyphen_splits(n: int) -> str:
    return _numbered("exam- ple infor-\nmation wo rd {i} con- tinued ")(n)


def whitespace_runs(n: int) -> str:
    return ((" " * 50 + "\n" * 20 + "\t\u00a0\u200b" * 10 + "x") * (n // 101 + 1))[:n]


def newline_run(n: int) -> str:
    return "\n" * n


def quotes_run(n: int) -> str:
    return ("\"'" * (n // 2 + 1))[:n]


def zero_width(n: int) -> str:
    return ("a\u200b" * (n // 2 + 1))[:n]


def combining_marks(n: int) -> str:
    return "e" + "\u0301" * (n - 1)


def control_chars(n: int) -> str:
    rng = random.Random(0)
    return "".join(chr(rng.choice([*range(0, 32), *range(0x7F, 0xA0)])) for _ in range(n))


#: name -> (what it is, maker). The order is the table's order.
PATTERNS: dict[str, tuple[str, Maker]] = {
    "amp-run": ("a run of `&`", amp_run),
    "amp-hash-run": ("`& # ` repeated", amp_hash_run),
    "split-entities": ("`& # 39 ;`, `& amp ;` densely, words between", split_entities),
    "amp-chain": ("`&amp;amp;amp;...`", amp_chain),
    "mojibake-run": ("a run of `Ã©`", mojibake_run),
    "mojibake-words": ("mojibake in every word", mojibake_words),
    "alternating-scripts": ("lines alternating English / Russian", alternating_scripts),
    "foreign-lines": ("English lines, every fourth one Russian", foreign_lines),
    "alternating-words": ("words alternating Latin / Cyrillic in one line", alternating_words),
    "mixed-language": ("paragraphs in 10 languages in turn", mixed_language_paragraphs),
    "brackets": ("`[[[( {{«` repeated", brackets),
    "brackets-words": ("brackets and guillemets among words", brackets_words),
    "url-queries": ("URL query strings with `&`", url_queries),
    "lone-surrogates": ("lone surrogates among words", lone_surrogates),
    "long-line": ("English prose on one line", long_line),
    "long-word": ("one word (`a` repeated)", long_word),
    "flag-dense": ("candidates for every detector", flag_dense),
    "repeated-tokens": ("`word ` repeated", repeated_tokens),
    "repeated-line": ("one line repeated", repeated_line),
    "boilerplate-lines": ("boilerplate lines between text lines", boilerplate_lines),
    "split-numbers": ("split numbers `201 4`, `3 . 5`", split_numbers),
    "digits-run": ("a run of `1`", digits_run),
    "hyphen-splits": ("words split by hyphens and spaces", hyphen_splits),
    "whitespace-runs": ("runs of spaces, newlines, NBSP, ZWSP", whitespace_runs),
    "newline-run": ("a run of line breaks", newline_run),
    "quotes-run": ("`\"'` repeated", quotes_run),
    "zero-width": ("`a` and U+200B alternating", zero_width),
    "combining-marks": ("one letter with a run of combining accents", combining_marks),
    "control-chars": ("C0 and C1 control characters", control_chars),
}


# -- the child: one pattern, one size ---------------------------------------------------------


def child(pattern: str, size: int, all_filters: bool, attribute: bool) -> None:
    from bench_common import clock, emit, filter_times
    from cleantext import Pipeline, filters

    text = PATTERNS[pattern][1](size)
    pipeline = Pipeline.default()
    if all_filters:
        pipeline = Pipeline.from_names(filters.names())
    pipeline.run(text[:1000])  # warm-up
    start = clock()
    if attribute:
        with filter_times() as totals:
            result = pipeline.run(text)
    else:
        result = pipeline.run(text)
    seconds = clock() - start
    emit(
        pattern=pattern,
        size=size,
        bytes=len(text.encode("utf-8", "surrogatepass")),
        seconds=seconds,
        edits=len(result.edits),
        flags=len(result.flags),
        filters=dict(sorted(totals.items(), key=lambda kv: -kv[1])) if attribute else {},
    )


# -- the parent: the table ---------------------------------------------------------------------


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", nargs=2, type=int, default=[100_000, 1_000_000])
    parser.add_argument("--timeout", type=float, default=60.0, help="seconds per child (wall)")
    parser.add_argument("--patterns", nargs="+", default=list(PATTERNS))
    parser.add_argument("--all-filters", action="store_true", help="opt-in filters too")
    parser.add_argument("--table", action="store_true", help="reprint the last run's table")
    parser.add_argument("--child", nargs=2, metavar=("PATTERN", "SIZE"), help=argparse.SUPPRESS)
    parser.add_argument("--attribute", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    sys.path.insert(0, str(HERE))
    from bench_common import machine, read_report, run_child, write_report

    name = "hostile-all" if args.all_filters else "hostile"
    if args.child:
        child(args.child[0], int(args.child[1]), args.all_filters, args.attribute)
        return
    if args.table:
        print(table(read_report(name)))
        return
    rows = []
    for pattern in args.patterns:
        row: dict[str, object] = {"pattern": pattern, "what": PATTERNS[pattern][0]}
        for index, size in enumerate(args.sizes):
            command = [str(Path(__file__)), "--child", pattern, str(size)]
            if args.all_filters:
                command.append("--all-filters")
            if index == 0:
                command.append("--attribute")
            records, problem = run_child(command, args.timeout)
            key = "small" if index == 0 else "large"
            row[key] = records[-1] if records else None
            row[f"{key}_problem"] = problem
        print(line(row, args.timeout), file=sys.stderr, flush=True)
        rows.append(row)
    report = {
        "machine": machine(),
        "sizes": args.sizes,
        "timeout": args.timeout,
        "pipeline": "default + opt-in filters" if args.all_filters else "default",
        "rows": rows,
    }
    write_report(name, report)
    print(table(report))


def _cell(row: dict[str, object], key: str, timeout: float) -> tuple[str, float | None]:
    record = row.get(key)
    if isinstance(record, dict):
        seconds = float(record["seconds"])
        return f"{seconds:.3f}", seconds
    problem = row.get(f"{key}_problem")
    if problem == "timeout":
        return f"> {timeout:.0f} (timeout)", None
    return f"failed: {problem}", None


def line(row: dict[str, object], timeout: float) -> str:
    small, _ = _cell(row, "small", timeout)
    large, _ = _cell(row, "large", timeout)
    return f"{row['pattern']:<22} {small:>18} {large:>18}"


def table(report: dict[str, object]) -> str:
    small_size, large_size = report["sizes"]  # type: ignore[misc]
    timeout = float(report["timeout"])  # type: ignore[arg-type]
    ratio_expected = large_size / small_size
    lines = [
        f"Pipeline: {report['pipeline']}; CPU seconds of one run in a fresh process "
        f"(timeout {timeout:.0f} s wall); ratio {ratio_expected:.0f} is linear.",
        "",
        f"| pattern | {small_size // 1000:,} KB s | {large_size // 1000:,} KB s | ratio "
        f"| slowest filter at {small_size // 1000:,} KB (share) |",
        "|---|---:|---:|---:|---|",
    ]
    for row in report["rows"]:  # type: ignore[attr-defined]
        small, t_small = _cell(row, "small", timeout)
        large, t_large = _cell(row, "large", timeout)
        if t_small and t_large is not None:
            ratio = f"{t_large / t_small:.1f}"
        elif t_small and t_large is None and row.get("large_problem") == "timeout":
            ratio = f"> {timeout / t_small:.0f}"
        else:
            ratio = "–"
        slowest = "–"
        record = row.get("small")
        if isinstance(record, dict) and record["filters"] and record["seconds"] > 0:
            top, spent = next(iter(record["filters"].items()))
            slowest = f"`{top}` ({spent / record['seconds']:.0%})"
        mark = ""
        if t_large is None or t_large > 2 or (t_small and t_large / t_small > 15):
            mark = " **over target**"
        lines.append(
            f"| `{row['pattern']}` {row['what']} | {small} | {large} | {ratio}{mark} | {slowest} |"
        )
    return "\n".join(lines)


if __name__ == "__main__":
    main()
