"""The ``cleantext`` command: clean files, standard input or a JSONL corpus in a shell pipe.

Thin on purpose: it parses the options, streams the input (`cleantext._io`), runs the pipeline
(`cleantext._parallel`, in order, optionally in worker processes) and writes what the library
returns. It knows nothing about any particular filter. See ``docs/cli.md``.

Exit codes follow sysexits(3) where a convention exists: 0 ok, 1 flags raised with ``--check``,
2 usage, 65 bad input data, 66 an input file cannot be read, 70 internal error (a filter crashed),
73 an output file cannot be created, 130 interrupted, 141 the output pipe was closed.
"""

from __future__ import annotations

import argparse
import bisect
import contextlib
import dataclasses
import os
import sys
from collections import Counter
from collections.abc import Iterator, Sequence
from typing import IO, Any

from cleantext import __version__, filters
from cleantext._io import (
    DECODE_ERRORS,
    Blank,
    Document,
    Item,
    Problem,
    check_readable,
    encode_json,
    encode_text,
    read_jsonl,
    read_plain,
)
from cleantext._parallel import Crash, clean_in_order
from cleantext.corpus import BoilerplateLearner, sourced
from cleantext.model import Result
from cleantext.pipeline import DEFAULT_FILTERS, Pipeline

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_USAGE = 2
EXIT_DATAERR = 65
EXIT_NOINPUT = 66
EXIT_SOFTWARE = 70
EXIT_CANTCREAT = 73
EXIT_INTERRUPTED = 130
EXIT_PIPE = 141  # 128 + SIGPIPE: what `cat` reports when its reader goes away

#: The progress bar appears on a terminal once the input is known to be larger than this...
PROGRESS_BYTES = 1 << 20
#: ... or once this many records have been read (JSONL).
PROGRESS_RECORDS = 1000

_EXPLAIN_WIDTH = 200


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="cleantext",
        description=(
            "Repair text scraped from the web or sent through machine translation, and flag "
            "what cannot be safely repaired. Reads FILEs (or standard input) and writes the "
            "clean text to standard output."
        ),
        epilog=(
            "exit codes: 0 ok, 1 flags raised (with --check), 2 usage, 65 bad input data, "
            "66 unreadable input file, 70 internal error, 73 cannot create an output file. "
            "Full reference (options, every filter): cleantext --help-docs"
        ),
    )
    parser.add_argument(
        "files",
        nargs="*",
        metavar="FILE",
        help="input files, each one document (or a JSONL corpus with --jsonl); '-' or none "
        "reads standard input",
    )
    fmt = parser.add_argument_group("input and output")
    fmt.add_argument(
        "--jsonl",
        action="store_true",
        help="input is JSON Lines: clean one field of each record, keep the other fields and "
        "the record order",
    )
    fmt.add_argument(
        "--field",
        metavar="NAME",
        help="the record field to clean with --jsonl (default: text)",
    )
    fmt.add_argument(
        "--errors",
        choices=DECODE_ERRORS,
        default="strict",
        help="what to do with input bytes that are not UTF-8: stop with an error (strict, the "
        "default), replace them with U+FFFD, or carry them through unchanged (surrogateescape)",
    )
    fmt.add_argument(
        "--skip-bad",
        action="store_true",
        help="with --jsonl: write a record that cannot be read (broken JSON, undecodable bytes, "
        "missing field) to the --rejects file and go on, instead of stopping",
    )
    fmt.add_argument(
        "-j",
        "--jobs",
        type=_jobs,
        default=1,
        metavar="N",
        help="clean in N worker processes (0: one per CPU); the output order is kept",
    )

    books = parser.add_argument_group("what happened")
    books.add_argument(
        "--report",
        metavar="FILE",
        help="write one JSON line per document: id, edits, flags, scores",
    )
    books.add_argument(
        "--explain",
        action="store_true",
        help="print a readable account of every edit and flag on standard error",
    )
    books.add_argument(
        "--rejects",
        metavar="FILE",
        help="write every dropped span (and, with --jsonl, every record set aside) as JSON lines",
    )
    books.add_argument(
        "--check",
        action="store_true",
        help="exit with status 1 if any flag was raised in any document (output is still written)",
    )
    books.add_argument(
        "--max-mt-score",
        type=float,
        metavar="X",
        help="with --jsonl and --rejects: set aside records whose machine-translation score "
        "exceeds X (written to --rejects instead of standard output)",
    )

    pipe = parser.add_argument_group("filters")
    pipe.add_argument(
        "--config",
        metavar="FILE",
        help="build the pipeline from a TOML file instead of the default pipeline",
    )
    pipe.add_argument(
        "--only",
        metavar="NAMES",
        help="run only these filters of the pipeline (comma separated)",
    )
    pipe.add_argument(
        "--skip",
        metavar="NAMES",
        help="run the pipeline without these filters (comma separated)",
    )
    pipe.add_argument(
        "--list-filters",
        action="store_true",
        help="list every filter with what it does, and exit",
    )
    corpus = parser.add_argument_group("corpus mode (two passes over JSONL files)")
    corpus.add_argument(
        "--learn-boilerplate",
        action="store_true",
        help="with --jsonl: first count the lines each source repeats across its records, then "
        "drop the lines repeated in many of them (site furniture) while cleaning",
    )
    corpus.add_argument(
        "--source-field",
        metavar="NAME",
        help="the record field that names a record's source (default: domain)",
    )
    corpus.add_argument(
        "--boilerplate-min-count",
        type=int,
        metavar="N",
        help="a learned line occurs in at least N records of its source (default: 5)",
    )
    corpus.add_argument(
        "--boilerplate-min-share",
        type=float,
        metavar="X",
        help="... and in at least this share of them (default: 0.05)",
    )
    parser.add_argument(
        "--help-docs",
        action="store_true",
        help="print the full reference (every option, every filter and its documentation), exit",
    )
    parser.add_argument("--version", action="version", version=f"cleantext {__version__}")
    return parser


def _jobs(value: str) -> int:
    try:
        jobs = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {value!r}") from None
    if jobs < 0:
        raise argparse.ArgumentTypeError("must be 0 (one per CPU) or more")
    return jobs or os.cpu_count() or 1


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command; returns the exit status."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.list_filters:
        return _guard_pipe(_list_filters)
    if args.help_docs:
        from cleantext._docs import help_docs

        return _guard_pipe(lambda: _write(help_docs(parser)))
    _check_usage(parser, args)
    pipeline = _build_pipeline(parser, args)
    if args.learn_boilerplate:
        pipeline = _learn_boilerplate(args, pipeline)
    for path in args.files:
        problem = check_readable(path)
        if problem:
            return _fail(problem, EXIT_NOINPUT)
    with contextlib.ExitStack() as stack:
        sinks: dict[str, IO[bytes]] = {}
        for option, path in (("report", args.report), ("rejects", args.rejects)):
            if path is not None:
                try:
                    sinks[option] = stack.enter_context(open(path, "wb"))
                except OSError as exc:
                    return _fail(f"cannot write --{option} {path}: {exc.strerror}", EXIT_CANTCREAT)
        run = _Run(args, pipeline, sinks.get("report"), sinks.get("rejects"))
        return _guard_pipe(run.execute)


def _check_usage(parser: argparse.ArgumentParser, args: argparse.Namespace) -> None:
    if not args.jsonl:
        for flag, given in (
            ("--field", args.field is not None),
            ("--skip-bad", args.skip_bad),
            ("--max-mt-score", args.max_mt_score is not None),
        ):
            if given:
                parser.error(f"{flag} needs --jsonl")
    if args.skip_bad and args.rejects is None:
        parser.error("--skip-bad needs --rejects FILE: the records it sets aside go there")
    if args.max_mt_score is not None and args.rejects is None:
        parser.error("--max-mt-score needs --rejects FILE: the records it sets aside go there")
    corpus_options = {
        "--source-field": (args.source_field, "domain"),
        "--boilerplate-min-count": (args.boilerplate_min_count, 5),
        "--boilerplate-min-share": (args.boilerplate_min_share, 0.05),
    }
    for flag, (value, default) in corpus_options.items():
        if value is not None and not args.learn_boilerplate:
            parser.error(f"{flag} needs --learn-boilerplate")
        if value is None:
            setattr(args, flag[2:].replace("-", "_"), default)
    if args.learn_boilerplate:
        if not args.jsonl:
            parser.error("--learn-boilerplate needs --jsonl")
        for path in args.files or ["-"]:
            if path == "-" or not os.path.isfile(path):
                parser.error(
                    f"--learn-boilerplate reads its input twice, so it needs files, not "
                    f"{'standard input' if path == '-' else repr(path)}: save the input to a "
                    "file first"
                )
        if args.boilerplate_min_count < 1 or not 0 <= args.boilerplate_min_share <= 1:
            parser.error(
                "--boilerplate-min-count must be 1 or more, --boilerplate-min-share 0 to 1"
            )
    if args.field is None:
        args.field = "text"
    args.files = args.files or ["-"]


def _build_pipeline(parser: argparse.ArgumentParser, args: argparse.Namespace) -> Pipeline:
    if args.config is not None:
        try:
            pipeline = Pipeline.from_config(args.config)
        except OSError as exc:
            parser.error(f"--config {args.config}: {exc.strerror or exc}")
        except (ValueError, KeyError, TypeError) as exc:
            # KeyError quotes its message; the registry's messages are already sentences.
            message = exc.args[0] if exc.args else str(exc)
            parser.error(f"--config {args.config}: {message}")
    else:
        pipeline = Pipeline.default()
    known = filters.names()
    for option in ("only", "skip"):
        value = getattr(args, option)
        if value is None:
            continue
        names = [name.strip() for name in value.split(",") if name.strip()]
        if not names:
            parser.error(f"--{option} needs at least one filter name")
        for name in names:
            if name not in known:
                parser.error(
                    f"unknown filter {name!r} in --{option}; known filters: {', '.join(known)}"
                )
        present = [name for name in names if name in pipeline.names()]
        if option == "skip":
            # Skipping a filter the pipeline does not have leaves nothing to do.
            pipeline = pipeline.without(*present) if present else pipeline
        elif len(present) == len(names):
            pipeline = pipeline.only(*names)
        else:
            # An opt-in filter (not in the pipeline) joins with its default options; the
            # registry order, which is the order the default pipeline follows, decides.
            chosen = {flt.name: flt for flt in pipeline.filters if flt.name in names}
            pipeline = Pipeline(chosen.get(name, name) for name in known if name in names)
    return pipeline


def _learn_boilerplate(args: argparse.Namespace, pipeline: Pipeline) -> Pipeline:
    """The first pass of corpus mode: learn each source's repeated lines from the files."""
    learner = BoilerplateLearner(
        min_count=args.boilerplate_min_count, min_share=args.boilerplate_min_share
    )
    for item in read_jsonl(args.files, args.field, args.errors):
        source = _source_of(item, args.source_field)
        if source is not None:
            learner.add(item.text, source)  # type: ignore[union-attr]
    # Unreadable records are reported by the second pass, where they stop or are set aside.
    return learner.learned().router(pipeline)


def _source_of(item: Item, field: str) -> str | None:
    if not isinstance(item, Document) or item.record is None:
        return None
    value = item.record.get(field)
    return None if value is None else str(value)


def _with_sources(items: Iterator[Item], field: str) -> Iterator[Item]:
    """Documents whose text carries its source, for the corpus-mode router."""
    for item in items:
        source = _source_of(item, field)
        if source is not None:
            assert isinstance(item, Document)
            item = dataclasses.replace(item, text=sourced(item.text, source))
        yield item


def _list_filters() -> int:
    rows = []
    for name in filters.names():
        kind = "detector" if filters.is_detector(filters.get(name)) else "repair"
        default = "default" if name in DEFAULT_FILTERS else "-"
        rows.append((name, kind, default, filters.describe(name)))
    width = max((len(row[0]) for row in rows), default=0)
    for name, kind, default, description in rows:
        sys.stdout.write(f"{name:<{width}}  {kind:<8}  {default:<7}  {description}\n")
    sys.stdout.flush()
    return EXIT_OK


class _Run:
    """One run of the command over its inputs: writes the output, the books and the verdict."""

    def __init__(
        self,
        args: argparse.Namespace,
        pipeline: Pipeline,
        report: IO[bytes] | None,
        rejects: IO[bytes] | None,
    ) -> None:
        self.args = args
        self.pipeline = pipeline
        self.report = report
        self.rejects = rejects
        self.out = sys.stdout.buffer
        self.keep_bytes = args.errors == "surrogateescape"
        self.flagged = False
        self.documents = 0
        self.flagged_documents = 0
        self.codes: Counter[str] = Counter()  # documents flagged, per flag code
        self.set_aside = 0
        # On a terminal each document shows as soon as it is clean; in a pipe, output is buffered.
        self.interactive = _is_tty(sys.stdout)

    def execute(self) -> int:
        args = self.args
        items = (
            read_jsonl(args.files, args.field, args.errors)
            if args.jsonl
            else read_plain(args.files, args.errors)
        )
        if args.learn_boilerplate:
            items = _with_sources(items, args.source_field)
        progress = _Progress(args.files, enabled=not args.explain and _is_tty(sys.stderr))
        status = EXIT_OK
        with contextlib.closing(clean_in_order(self.pipeline, items, args.jobs)) as outcomes:
            for item, outcome in outcomes:
                progress.update(item)
                status = self._handle(item, outcome)
                if status != EXIT_OK:
                    break
                if self.interactive:
                    self.out.flush()
        progress.close()
        self.out.flush()
        if self.set_aside:
            _warn(
                f"{self.set_aside} record{'s' if self.set_aside != 1 else ''} set aside in "
                f"{args.rejects}"
            )
        if status == EXIT_OK and args.check:
            sys.stderr.write(self._check_summary())
            if self.flagged:
                return EXIT_FINDINGS
        return status

    def _check_summary(self) -> str:
        """``--check``'s one line: documents flagged out of documents, and the codes."""
        noun = "document" if self.documents == 1 else "documents"
        line = f"cleantext: {self.flagged_documents} of {self.documents} {noun} flagged"
        if self.codes:
            line += ": " + ", ".join(f"{code} {n}" for code, n in sorted(self.codes.items()))
        return line + "\n"

    def _handle(self, item: Item, outcome: Result | Crash | None) -> int:
        if isinstance(item, Blank):
            self.out.write(b"\n")
            return EXIT_OK
        if isinstance(item, Problem):
            if self.args.skip_bad and self.rejects is not None and item.raw is not None:
                self.rejects.write(encode_json(_bad_line(item)))
                self.set_aside += 1
                return EXIT_OK
            self.out.flush()
            return _fail(
                item.message, EXIT_NOINPUT if item.reason == "unreadable" else EXIT_DATAERR
            )
        if isinstance(outcome, Crash):
            self.out.flush()
            sys.stderr.write(outcome.traceback)
            return _fail(f"{_label(item)}: {outcome.message}", EXIT_SOFTWARE)
        assert isinstance(outcome, Result)
        result = outcome
        self.flagged = self.flagged or bool(result.flags)
        self.documents += 1
        if result.flags:
            self.flagged_documents += 1
            self.codes.update({flag.code for flag in result.flags})
        if self.report is not None:
            self.report.write(encode_json(_report_record(item, result)))
        if self.args.explain and (result.edits or result.flags):
            sys.stderr.write(explain(_label(item), result))
        if item.record is None:
            self._reject_spans(item, result)
            self.out.write(encode_text(result.text, self.keep_bytes))
            return EXIT_OK
        score = result.scores.get("mt", 0.0)
        limit = self.args.max_mt_score
        if limit is not None and self.rejects is not None and score > limit:
            self.rejects.write(
                encode_json(
                    {
                        **_where(item),
                        "kind": "record",
                        "reason": "mt-score",
                        "score": score,
                        "record": item.record,
                    }
                )
            )
            self.set_aside += 1
            return EXIT_OK
        self._reject_spans(item, result)
        cleaned = {**item.record, self.args.field: result.text}  # keeps the key order
        self.out.write(encode_json(cleaned, self.keep_bytes))
        return EXIT_OK

    def _reject_spans(self, item: Document, result: Result) -> None:
        if self.rejects is None:
            return
        for edit in result.dropped:
            record = {**_where(item), "kind": "span", **edit.to_dict()}
            del record["replacement"]  # always empty for a dropped span
            self.rejects.write(encode_json(record))


def _where(item: Document | Problem) -> dict[str, Any]:
    where: dict[str, Any] = {"id": item.id, "source": item.source}
    if item.line is not None:
        where["line"] = item.line
    return where


def _report_record(item: Document, result: Result) -> dict[str, Any]:
    record = _where(item)
    books = result.to_dict()
    del books["text"]
    record.update(books)
    return record


def _bad_line(item: Problem) -> dict[str, Any]:
    return {
        **_where(item),
        "kind": "line",
        "reason": item.reason,
        "error": item.message,
        "raw": item.raw,
    }


def _label(item: Document) -> str:
    if item.line is None:
        return item.source
    label = f"{item.source}:{item.line}"
    if item.record is not None and "id" in item.record:
        label += f" (id {encode_json(item.record['id']).decode().strip()})"
    return label


def explain(label: str, result: Result) -> str:
    """A readable account of a result's edits and flags (what ``--explain`` prints).

    Edits are located by line:column in the input, flags in the output (both 1-based).
    """
    edits, flags = len(result.edits), len(result.flags)
    lines = [
        f"== {label}: {edits} edit{'s' if edits != 1 else ''}, "
        f"{flags} flag{'s' if flags != 1 else ''} =="
    ]
    in_breaks = _breaks(result.original) if result.edits else []
    for edit in result.edits:
        line, col = _line_col(in_breaks, edit.start)
        head = f"{line}:{col} {edit.rule}"
        if edit.reason:
            head += f": {edit.reason}"
        if edit.merged:
            head += f" (after {', '.join(edit.merged)})"
        lines.extend((head, f"  - {_show(edit.original)}", f"  + {_show(edit.replacement)}"))
    out_breaks = _breaks(result.text) if result.flags else []
    for flag in result.flags:
        line, col = _line_col(out_breaks, flag.start)
        lines.append(
            f"{line}:{col} (output) flag {flag.code} [{flag.confidence:.2f}]: {flag.message}"
        )
        lines.append(f"  ! {_show(result.text[flag.start : flag.end])}")
    return "\n".join(lines) + "\n"


def _breaks(text: str) -> list[int]:
    breaks: list[int] = []
    index = text.find("\n")
    while index != -1:
        breaks.append(index)
        index = text.find("\n", index + 1)
    return breaks


def _line_col(breaks: list[int], pos: int) -> tuple[int, int]:
    line = bisect.bisect_left(breaks, pos)
    start = breaks[line - 1] + 1 if line else 0
    return line + 1, pos - start + 1


def _show(text: str) -> str:
    if len(text) <= _EXPLAIN_WIDTH:
        return repr(text)
    return f"{text[:_EXPLAIN_WIDTH]!r}... ({len(text) - _EXPLAIN_WIDTH} more characters)"


class _Progress:
    """A tqdm bar on standard error for large inputs on a terminal; otherwise nothing."""

    def __init__(self, paths: Sequence[str], enabled: bool) -> None:
        self.enabled = enabled
        self.bar: Any = None
        self.bytes = 0
        self.records = 0
        self.total: int | None = None
        if enabled and all(path != "-" and os.path.isfile(path) for path in paths):
            self.total = sum(os.path.getsize(path) for path in paths)

    def update(self, item: Item) -> None:
        if not self.enabled:
            return
        self.bytes += item.size
        self.records += 1
        if self.bar is None:
            large = (self.total or self.bytes) > PROGRESS_BYTES or self.records > PROGRESS_RECORDS
            if not large:
                return
            from tqdm import tqdm

            self.bar = tqdm(
                total=self.total,
                initial=self.bytes,
                unit="B",
                unit_scale=True,
                unit_divisor=1024,
                desc="cleantext",
                file=sys.stderr,
                leave=False,
                dynamic_ncols=True,
            )
            return
        self.bar.update(item.size)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()


def _is_tty(stream: IO[str]) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


def _guard_pipe(action: Any) -> int:
    """Run ``action``; when the reader of our output goes away (``| head``), stop quietly."""
    try:
        status: int = action()
        sys.stdout.flush()
        return status
    except BrokenPipeError:
        _settle_streams()
        return EXIT_PIPE
    except KeyboardInterrupt:
        _settle_streams()
        return EXIT_INTERRUPTED


def _settle_streams() -> None:
    """Flush stdout and stderr; point a closed one at /dev/null, so that the interpreter's final
    flush cannot fail again. A stream that still works keeps its data."""
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except BrokenPipeError:
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, stream.fileno())
            os.close(devnull)


def _write(text: str) -> int:
    sys.stdout.write(text)
    return EXIT_OK


def _warn(message: str) -> None:
    sys.stderr.write(f"cleantext: warning: {message}\n")


def _fail(message: str, status: int) -> int:
    sys.stderr.write(f"cleantext: error: {message}\n")
    return status
