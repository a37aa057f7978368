"""The ``cleantext`` command: clean files, standard input or a JSONL corpus in a shell pipe.

Thin on purpose: it parses the options, streams the input (`cleantext._io`), runs the pipeline
(`cleantext._parallel`, in order, optionally in worker processes) and writes what the library
returns. It knows nothing about any particular filter. See ``docs/cli.md``.

Exit codes follow sysexits(3) where a convention exists: 0 ok, 1 flags raised with ``--check``,
2 usage, 65 bad input data, 66 an input file cannot be read, 70 internal error (a filter crashed,
a worker process died), 73 an output file cannot be created, 74 an output cannot be written (full
disk, I/O error), 128 + N stopped by signal N (130 SIGINT, 129 SIGHUP, 143 SIGTERM, 141 the
output pipe was closed). A failure is one line on stderr, never a traceback (``--debug`` shows
it); after a run has begun, a second line says how many records every output holds, whole, and
the ``--skip-records`` value that writes the rest.
"""

from __future__ import annotations

import argparse
import contextlib
import dataclasses
import os
import sys
import traceback
from collections import Counter
from collections.abc import Iterator, Sequence
from typing import Any

from cleantext import __version__, filters
from cleantext._display import PROGRESS_BYTES, PROGRESS_RECORDS, Progress, explain, is_tty
from cleantext._io import (
    DECODE_ERRORS,
    Blank,
    Document,
    Item,
    OutputError,
    Outputs,
    Problem,
    Sink,
    check_readable,
    encode_json,
    encode_text,
    read_jsonl,
    read_plain,
)
from cleantext._parallel import Crash, clean_in_order
from cleantext._stop import Signals, Stopped
from cleantext.corpus import BoilerplateLearner
from cleantext.model import Result
from cleantext.pipeline import DEFAULT_FILTERS, Pipeline

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_USAGE = 2
EXIT_DATAERR = 65
EXIT_NOINPUT = 66
EXIT_SOFTWARE = 70
EXIT_CANTCREAT = 73
EXIT_IOERR = 74
EXIT_INTERRUPTED = 130  # 128 + SIGINT; every signal that stops a run gives 128 + its number
EXIT_PIPE = 141  # 128 + SIGPIPE: what `cat` reports when its reader goes away

__all__ = ["PROGRESS_BYTES", "PROGRESS_RECORDS", "build_parser", "explain", "main"]


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
            "66 unreadable input file, 70 internal error or a worker died, 73 cannot create an "
            "output file, 74 cannot write an output (disk full, I/O error), 128+N stopped by "
            "signal N (130 Ctrl-C, 143 SIGTERM, 141 output pipe closed). After a failure the "
            "last line on stderr gives the --skip-records value that writes the rest. "
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
    fmt.add_argument(
        "--skip-records",
        type=_count,
        default=0,
        metavar="N",
        help="pass over the first N input records (JSONL lines, or files) and append to --report "
        "and --rejects: after a failure, the last line on stderr gives N, and the run with it "
        "(output appended with >>) writes exactly the rest",
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
        "--debug",
        action="store_true",
        help="on a failure, also print the Python traceback (for a bug report)",
    )
    parser.add_argument(
        "--help-docs",
        action="store_true",
        help="print the full reference (every option, every filter and its documentation), exit",
    )
    parser.add_argument("--version", action="version", version=f"cleantext {__version__}")
    return parser


def _count(value: str) -> int:
    try:
        count = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {value!r}") from None
    if count < 0:
        raise argparse.ArgumentTypeError("must be 0 or more")
    return count


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
    arguments = sys.argv[1:] if argv is None else list(argv)
    if arguments[:1] in (["fuzz"], ["score"]):  # subcommands; a file named fuzz is ./fuzz
        from cleantext import fuzzcli

        return fuzzcli.main(arguments)
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.list_filters:
        return _guard_pipe(_list_filters)
    if args.help_docs:
        from cleantext._docs import help_docs

        return _guard_pipe(lambda: _write(help_docs(parser)))
    _check_usage(parser, args)
    signals = Signals()
    signals.install()
    try:
        return _start(parser, args, signals)
    except Stopped as stop:  # before the run began: nothing was written
        return _fail(f"{stop} before any record was written", stop.status)
    except Exception as exc:  # a bug: one line, and the traceback only when asked for
        if args.debug:
            traceback.print_exc()
        return _fail(_internal(exc), EXIT_SOFTWARE)


def _start(parser: argparse.ArgumentParser, args: argparse.Namespace, signals: Signals) -> int:
    pipeline = _build_pipeline(parser, args)
    if args.learn_boilerplate:
        pipeline = _learn_boilerplate(args, pipeline, signals)
    for path in args.files:
        problem = check_readable(path)
        if problem:
            return _fail(problem, EXIT_NOINPUT)
    if sys.stdout is None:  # started with standard output closed (`cleantext >&-`)
        return _fail("standard output: Bad file descriptor", EXIT_IOERR)
    # A resumed run continues the books of the run it resumes.
    mode = "ab" if args.skip_records else "wb"
    with contextlib.ExitStack() as stack:
        sinks: dict[str, Sink] = {}
        for option in ("report", "rejects"):
            path = getattr(args, option)
            if path is not None:
                try:
                    handle = stack.enter_context(open(path, mode))
                except OSError as exc:
                    return _fail(f"cannot write --{option} {path}: {exc.strerror}", EXIT_CANTCREAT)
                sinks[option] = Sink(f"--{option} {path}", handle.fileno())
        out = Sink("standard output", sys.stdout.fileno())
        run = _Run(args, pipeline, signals, out, sinks.get("report"), sinks.get("rejects"))
        return run.execute()


def _internal(exc: BaseException) -> str:
    if isinstance(exc, MemoryError):
        return "out of memory"
    return f"internal error, please report it: {type(exc).__name__}: {exc}"


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
        if option == "skip":
            # Skipping a filter the pipeline does not have leaves nothing to do.
            present = [name for name in names if name in pipeline.names()]
            pipeline = pipeline.without(*present) if present else pipeline
        else:
            # Opt-in filters join in their registry place, the default pipeline's order.
            pipeline = pipeline.only(*names)
    return pipeline


def _learn_boilerplate(args: argparse.Namespace, pipeline: Pipeline, signals: Signals) -> Pipeline:
    """The first pass of corpus mode: learn each source's repeated lines from the files."""
    learner = BoilerplateLearner(
        min_count=args.boilerplate_min_count, min_share=args.boilerplate_min_share
    )
    for item in signals.reading(read_jsonl(args.files, args.field, args.errors)):
        source = _source_of(item, args.source_field)
        if source is not None:
            learner.add(item.text, source)  # type: ignore[union-attr]
    # Unreadable records are reported by the second pass, where they stop or are set aside.
    return learner.learned().pipeline(pipeline)


def _source_of(item: Item, field: str) -> str | None:
    if not isinstance(item, Document) or item.record is None:
        return None
    value = item.record.get(field)
    return None if value is None else str(value)


def _with_sources(items: Iterator[Item], field: str) -> Iterator[Item]:
    """Documents with their source (for corpus mode's site-boilerplate filter) beside them."""
    for item in items:
        source = _source_of(item, field)
        if source is not None:
            assert isinstance(item, Document)
            item = dataclasses.replace(item, origin=source)
        yield item


def _list_filters() -> int:
    rows = []
    for name in filters.names():
        default = "default" if name in DEFAULT_FILTERS else "-"
        rows.append((name, filters.kind(name), default, filters.describe(name)))
    width = max((len(row[0]) for row in rows), default=0)
    for name, kind, default, description in rows:
        sys.stdout.write(f"{name:<{width}}  {kind:<8}  {default:<7}  {description}\n")
    sys.stdout.flush()
    return EXIT_OK


class _Run:
    """One run of the command over its inputs: writes the output, the books and the verdict.

    Each input record's output line, report line and rejects lines are buffered together and
    committed together (`Outputs`), so that every output always ends on the same whole record;
    a failure says how many there are (`_stop`).
    """

    def __init__(
        self,
        args: argparse.Namespace,
        pipeline: Pipeline,
        signals: Signals,
        out: Sink,
        report: Sink | None,
        rejects: Sink | None,
    ) -> None:
        self.args = args
        self.pipeline = pipeline
        self.signals = signals
        self.out = out
        self.report = report
        self.rejects = rejects
        # On a terminal each document shows as soon as it is clean; in a pipe, output is buffered.
        self.outputs = Outputs(
            [sink for sink in (report, rejects, out) if sink is not None],
            limit=0 if is_tty(sys.stdout) else 1 << 18,
        )
        self.keep_bytes = args.errors == "surrogateescape"
        self.flagged = False
        self.documents = 0
        self.flagged_documents = 0
        self.codes: Counter[str] = Counter()  # documents flagged, per flag code
        self.set_aside = 0

    def execute(self) -> int:
        args = self.args
        skip = args.skip_records
        items = (
            read_jsonl(args.files, args.field, args.errors, skip)
            if args.jsonl
            else read_plain(args.files, args.errors, skip)
        )
        if args.learn_boilerplate:
            items = _with_sources(items, args.source_field)
        items = self.signals.reading(items)
        progress = Progress(args.files, enabled=not args.explain and is_tty(sys.stderr))
        status = EXIT_OK
        try:
            with contextlib.closing(clean_in_order(self.pipeline, items, args.jobs)) as outcomes:
                for item, outcome in outcomes:
                    progress.update(item)
                    status = self._handle(item, outcome)
                    if status != EXIT_OK:
                        break
                    self.outputs.end_record(item)
                    self.signals.check()
            self.outputs.commit()
        except Stopped as stop:
            progress.close()
            return self._stopped(stop)
        except OutputError as error:
            progress.close()
            self.outputs.discard()
            return self._output_failed(error)
        except Exception as exc:
            progress.close()
            return self._failed(_internal(exc), EXIT_SOFTWARE, exc)
        progress.close()
        if self.set_aside:
            _warn(
                f"{self.set_aside} record{'s' if self.set_aside != 1 else ''} set aside in "
                f"{args.rejects}"
            )
        if status == EXIT_OK and args.check:
            _stderr(self._check_summary())
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
            self.outputs.commit()
            return _fail(
                item.message, EXIT_NOINPUT if item.reason == "unreadable" else EXIT_DATAERR
            )
        if isinstance(outcome, Crash):
            self.outputs.commit()
            if self.args.debug and outcome.traceback:
                _stderr(outcome.traceback)
            return self._failed(f"{_label(item)}: {outcome.message}", EXIT_SOFTWARE)
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
            _stderr(explain(_label(item), result))
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

    # -- failures: one line for the cause, one for how far the run got ---------------------------

    def _stopped(self, stop: Stopped) -> int:
        try:
            self.outputs.commit()  # what was cleaned before the signal, whole records
        except OutputError:
            self.outputs.discard()
        return self._failed(f"{stop}", stop.status, stop)

    def _output_failed(self, error: OutputError) -> int:
        if self.signals.received is not None:  # a signal came first (Ctrl-C, then `| head` left)
            return self._failed(f"{Stopped(self.signals.received)}", 128 + self.signals.received)
        if error.closed and error.name == self.out.name:
            return self._failed(f"{error.name}: closed by its reader", EXIT_PIPE, error)
        return self._failed(str(error), EXIT_IOERR, error)

    def _failed(self, message: str, status: int, exc: BaseException | None = None) -> int:
        if self.args.debug and exc is not None:
            _stderr("".join(traceback.format_exception(exc)))
        _fail(message, status)
        done = self.args.skip_records + self.outputs.records
        if self.outputs.last is None:
            where = "no record written" if not self.args.skip_records else "no more records written"
            _stderr(f"cleantext: {where}; to write the rest: --skip-records {done}\n")
        else:
            last = _label(self.outputs.last)
            _stderr(
                f"cleantext: {done} record{'s' if done != 1 else ''} written, the last {last}; "
                f"to write the rest: --skip-records {done}\n"
            )
        return status


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


def _label(item: Item) -> str:
    if item.line is None:
        return item.source
    label = f"{item.source}:{item.line}"
    if isinstance(item, Document) and item.record is not None and "id" in item.record:
        label += f" (id {encode_json(item.record['id']).decode().strip()})"
    return label


def _guard_pipe(action: Any) -> int:
    """Run ``action`` (which writes to sys.stdout); a closed output pipe stops it quietly."""
    try:
        status: int = action()
        sys.stdout.flush()
        return status
    except BrokenPipeError:
        _settle_streams()
        return EXIT_PIPE


def _settle_streams() -> None:
    """Flush stdout and stderr; point a closed one at /dev/null, so that the interpreter's final
    flush cannot fail again. A stream that still works keeps its data."""
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except OSError:
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, stream.fileno())
            os.close(devnull)


def _stderr(text: str) -> None:
    """Write to stderr; a closed or failing stderr (a hung-up terminal) loses the text only."""
    try:
        sys.stderr.write(text)
        sys.stderr.flush()
    except (OSError, ValueError):
        with contextlib.suppress(OSError, ValueError):
            _settle_streams()


def _write(text: str) -> int:
    sys.stdout.write(text)
    return EXIT_OK


def _warn(message: str) -> None:
    _stderr(f"cleantext: warning: {message}\n")


def _fail(message: str, status: int) -> int:
    _stderr(f"cleantext: error: {message}\n")
    return status
