"""``cleantext fuzz`` and ``cleantext score``: make dirty text with ground truth, score a cleaner.

``cleantext fuzz [FILE...]`` reads clean text (each FILE one document, ``-`` for standard input,
or JSONL with ``--jsonl``) or, with no FILE, the clean multilingual sample shipped with the
package, and writes one JSONL record per corrupted copy: ``{"id", "clean", "dirty",
"artifacts"}``. ``cleantext score FILE`` runs a cleaner on each record's ``dirty`` text and
prints, per family, the artifacts repaired, flagged and missed, the harm done and the
throughput. See ``docs/fuzzing.md``.
"""

from __future__ import annotations

import argparse
import importlib
import json
import shlex
import signal
import subprocess
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from importlib import resources
from typing import IO, Any

from cleantext.fuzz import Artifact, corrupt, describe, names
from cleantext.fuzz.score import FlagSpan, Tally, Timer, judge

EXIT_OK = 0
EXIT_USAGE = 2
EXIT_DATAERR = 65
EXIT_NOINPUT = 66
EXIT_SOFTWARE = 70
EXIT_PIPE = 141

SAMPLE = "ntrex_sample.jsonl"


class CliError(Exception):
    """A clean, one-line error for the user, with its exit status."""

    def __init__(self, message: str, status: int) -> None:
        super().__init__(message)
        self.status = status


# -- reading ------------------------------------------------------------------------------------


def _open(path: str) -> IO[str]:
    if path == "-":
        return sys.stdin
    try:
        return open(path, encoding="utf-8")
    except OSError as error:
        raise CliError(f"cannot read {path}: {error.strerror}", EXIT_NOINPUT) from None


def _jsonl(path: str, stream: IO[str]) -> Iterator[tuple[int, dict[str, Any]]]:
    """``(line number, record)`` of each non-blank line; a clear error on a broken one."""
    try:
        for number, line in enumerate(stream, 1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as error:
                raise CliError(
                    f"{path}:{number}: not a JSON record ({error.msg} at column {error.colno})",
                    EXIT_DATAERR,
                ) from None
            if not isinstance(record, dict):
                raise CliError(f"{path}:{number}: not a JSON object", EXIT_DATAERR)
            yield number, record
    except UnicodeDecodeError as error:
        raise CliError(
            f"{path}: not UTF-8 text (byte {error.start} of a block: {error.reason})", EXIT_DATAERR
        ) from None


def _documents(args: argparse.Namespace) -> Iterator[tuple[str, str]]:
    """``(id, clean text)`` of every input document."""
    if not args.files:
        sample = resources.files("cleantext.data").joinpath(SAMPLE)
        with sample.open(encoding="utf-8") as stream:
            for _, record in _jsonl(SAMPLE, stream):
                yield str(record["id"]), str(record["text"])
        return
    for path in args.files:
        stream = _open(path)
        try:
            if args.jsonl:
                for number, record in _jsonl(path, stream):
                    text = record.get(args.field)
                    if not isinstance(text, str):
                        raise CliError(
                            f"{path}:{number}: no text field {args.field!r}", EXIT_DATAERR
                        )
                    yield str(record.get("id", f"{path}:{number}")), text
            else:
                try:
                    yield path, stream.read()
                except UnicodeDecodeError as error:
                    raise CliError(
                        f"{path}: not UTF-8 text ({error.reason})", EXIT_DATAERR
                    ) from None
        finally:
            if stream is not sys.stdin:
                stream.close()


# -- fuzz ---------------------------------------------------------------------------------------


def _families(value: str | None) -> list[str] | None:
    if value is None:
        return None
    wanted = [name.strip() for name in value.split(",") if name.strip()]
    unknown = [name for name in wanted if name not in names()]
    if unknown or not wanted:
        raise CliError(
            f"unknown family {', '.join(unknown) or repr(value)}; known: {', '.join(names())} "
            "(see cleantext fuzz --list)",
            EXIT_USAGE,
        )
    return wanted


def _fuzz_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="cleantext fuzz",
        description="Corrupt clean text with known defects; write JSONL records "
        '{"id", "clean", "dirty", "artifacts"}. With no FILE, uses the multilingual sample '
        "shipped with cleantext (NTREX-128, CC BY-SA 4.0).",
    )
    parser.add_argument("files", nargs="*", metavar="FILE", help="clean text; '-' is stdin")
    parser.add_argument("--jsonl", action="store_true", help="inputs are JSONL records")
    parser.add_argument("--field", default="text", help="the text field of --jsonl (text)")
    parser.add_argument("--families", help="comma-separated corruptors (default: all default)")
    parser.add_argument("--mode", choices=("blind", "supported"), default="blind")
    parser.add_argument("--rate", type=float, help="each corruptor's chance per opportunity")
    parser.add_argument("--layers", type=int, default=2, help="families per copy (2; 0 = all)")
    parser.add_argument("--clean-share", type=float, default=0.1, help="copies left clean (0.1)")
    parser.add_argument("--copies", type=int, default=1, help="copies of each document (1)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--list", action="store_true", help="list the corruptors and exit")
    return parser


def fuzz(argv: Sequence[str], out: IO[str]) -> int:
    parser = _fuzz_parser()
    args = parser.parse_args(argv)
    if args.list:
        for name, line in describe().items():
            out.write(f"{name:<27} {line}\n")
        return EXIT_OK
    families = _families(args.families)
    if args.copies < 1 or args.layers < 0 or not 0 <= args.clean_share <= 1:
        raise CliError("--copies must be >= 1, --layers >= 0, --clean-share in [0, 1]", EXIT_USAGE)
    import random

    written = 0
    for doc_id, text in _documents(args):
        if not text.strip():
            continue
        for copy in range(args.copies):
            key = f"{args.seed}/{doc_id}/{copy}"
            record_id = doc_id if args.copies == 1 else f"{doc_id}#{copy}"
            if random.Random(f"{key}/clean").random() < args.clean_share:
                chosen: list[str] | None = []
            else:
                chosen = families
            result = corrupt(
                text,
                chosen,
                rate=args.rate,
                seed=key,
                mode=args.mode,
                layers=args.layers or None,
            )
            record = {"id": record_id, **result.to_dict()}
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
            written += 1
    if not written:
        raise CliError("no text to corrupt in the input", EXIT_DATAERR)
    return EXIT_OK


# -- cleaners -----------------------------------------------------------------------------------

Cleaner = Callable[[str, str], tuple[str, list[FlagSpan]]]


def _flag_spans(flags: Any) -> list[FlagSpan]:
    spans: list[FlagSpan] = []
    for flag in flags or ():
        if isinstance(flag, dict):
            spans.append(FlagSpan(int(flag["start"]), int(flag["end"]), str(flag["code"])))
        else:
            spans.append(FlagSpan(int(flag.start), int(flag.end), str(flag.code)))
    return spans


def _from_value(value: Any) -> tuple[str, list[FlagSpan]]:
    """A cleaner's return value: a str, a ``(text, flags)`` pair, or an object with ``.text``."""
    if isinstance(value, str):
        return value, []
    if isinstance(value, tuple) and len(value) == 2 and isinstance(value[0], str):
        return value[0], _flag_spans(value[1])
    text = getattr(value, "text", None)
    if isinstance(text, str):
        return text, _flag_spans(getattr(value, "flags", ()))
    raise TypeError(f"returned {type(value).__name__}, not str, (str, flags) or a Result")


@contextmanager
def _deadline(seconds: float | None, record_id: str) -> Iterator[None]:
    """Interrupt an in-process cleaner that runs longer than ``seconds`` (main thread, Unix)."""
    if not seconds or not hasattr(signal, "SIGALRM"):
        yield
        return

    def expire(signum: int, frame: object) -> None:
        raise CliError(
            f"the cleaner timed out after {seconds:g} s on record {record_id}", EXIT_SOFTWARE
        )

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _callable_cleaner(spec: str, timeout: float | None) -> Cleaner:
    module_name, _, function_name = spec.partition(":")
    if not module_name or not function_name:
        raise CliError(f"--callable wants module:function, not {spec!r}", EXIT_USAGE)
    try:
        function = getattr(importlib.import_module(module_name), function_name)
    except (ImportError, AttributeError) as error:
        raise CliError(f"cannot load {spec}: {error}", EXIT_USAGE) from None

    def clean(text: str, record_id: str) -> tuple[str, list[FlagSpan]]:
        try:
            with _deadline(timeout, record_id):
                return _from_value(function(text))
        except CliError:
            raise
        except Exception as error:  # a user's cleaner may raise anything; report it cleanly
            raise CliError(
                f"{spec} failed on record {record_id}: {type(error).__name__}: {error}",
                EXIT_SOFTWARE,
            ) from None

    return clean


def _cleantext_cleaner() -> Cleaner:
    import cleantext

    def clean(text: str, record_id: str) -> tuple[str, list[FlagSpan]]:
        result = cleantext.run(text)
        return result.text, _flag_spans(result.flags)

    return clean


def _last_line(data: bytes) -> str:
    lines = data.decode("utf-8", "replace").strip().splitlines()
    return lines[-1][:200] if lines else "no message"


def _command_cleaner(command: str, timeout: float | None) -> Cleaner:
    def clean(text: str, record_id: str) -> tuple[str, list[FlagSpan]]:
        try:
            done = subprocess.run(
                command, shell=True, input=text.encode("utf-8"), capture_output=True,
                timeout=timeout, check=False,
            )  # fmt: skip
        except subprocess.TimeoutExpired:
            raise CliError(
                f"the command {command!r} timed out after {timeout:g} s on record {record_id}",
                EXIT_SOFTWARE,
            ) from None
        if done.returncode != 0:
            raise CliError(
                f"the command {command!r} failed on record {record_id} (exit "
                f"{done.returncode}): {_last_line(done.stderr)}",
                EXIT_SOFTWARE,
            )
        try:
            return done.stdout.decode("utf-8"), []
        except UnicodeDecodeError:
            raise CliError(
                f"the command {command!r} wrote non-UTF-8 output for record {record_id}",
                EXIT_SOFTWARE,
            ) from None

    return clean


def _run_jsonl_command(
    command: str, records: list[dict[str, Any]], timeout: float | None
) -> list[tuple[str, list[FlagSpan]]]:
    """Send every record as ``{"id", "text"}`` to one process; read one record back for each."""
    payload = "".join(
        json.dumps({"id": r["id"], "text": r["dirty"]}, ensure_ascii=False) + "\n" for r in records
    ).encode("utf-8")
    try:
        done = subprocess.run(
            command, shell=True, input=payload, capture_output=True, timeout=timeout, check=False
        )
    except subprocess.TimeoutExpired:
        raise CliError(
            f"the command {command!r} timed out after {timeout:g} s", EXIT_SOFTWARE
        ) from None
    if done.returncode != 0:
        raise CliError(
            f"the command {command!r} failed (exit {done.returncode}): {_last_line(done.stderr)}",
            EXIT_SOFTWARE,
        )
    outputs: list[tuple[str, list[FlagSpan]]] = []
    for number, line in enumerate(done.stdout.decode("utf-8", "replace").split("\n"), 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
            outputs.append((str(record["text"]), _flag_spans(record.get("flags"))))
        except (json.JSONDecodeError, KeyError, TypeError, ValueError):
            raise CliError(
                f"the command {command!r} wrote a bad record on output line {number} "
                '(want JSON with "text", optionally "flags")',
                EXIT_SOFTWARE,
            ) from None
    if len(outputs) != len(records):
        raise CliError(
            f"the command {command!r} wrote {len(outputs)} records for {len(records)}",
            EXIT_SOFTWARE,
        )
    return outputs


# -- score --------------------------------------------------------------------------------------


def _score_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="cleantext score",
        description="Score a cleaner on the records of `cleantext fuzz`: per family, artifacts "
        "repaired, flagged and missed; harm (characters changed outside every artifact, clean "
        "records changed); throughput. The cleaner is cleantext unless one is given.",
    )
    parser.add_argument("file", metavar="FILE", help="records of cleantext fuzz; '-' is stdin")
    who = parser.add_mutually_exclusive_group()
    who.add_argument("--cmd", help="a shell command: one document on stdin, clean text out")
    who.add_argument("--cmd-jsonl", help='a shell command mapping {"id","text"} JSONL to JSONL')
    who.add_argument("--callable", help="module:function taking a str, returning str or Result")
    parser.add_argument("--timeout", type=float, help="seconds per document (--cmd-jsonl: all)")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    return parser


def _check_record(path: str, number: int, record: dict[str, Any]) -> list[Artifact]:
    if not isinstance(record.get("dirty"), str) or not isinstance(record.get("clean"), str):
        raise CliError(f'{path}:{number}: a record needs "dirty" and "clean" text', EXIT_DATAERR)
    try:
        artifacts = [Artifact.from_dict(a) for a in record.get("artifacts", [])]
    except (KeyError, TypeError, ValueError) as error:
        raise CliError(f"{path}:{number}: a bad artifact ({error})", EXIT_DATAERR) from None
    record.setdefault("id", f"{path}:{number}")
    return artifacts


def score(argv: Sequence[str], out: IO[str]) -> int:
    args = _score_parser().parse_args(argv)
    if args.timeout is not None and args.timeout <= 0:
        raise CliError("--timeout must be a positive number of seconds", EXIT_USAGE)
    stream = _open(args.file)
    try:
        loaded = [(n, r, _check_record(args.file, n, r)) for n, r in _jsonl(args.file, stream)]
    finally:
        if stream is not sys.stdin:
            stream.close()
    if not loaded:
        raise CliError(f"no records in {args.file} (make some with: cleantext fuzz)", EXIT_DATAERR)
    tally = Tally()
    tally.dirty_bytes = sum(len(r["dirty"].encode("utf-8")) for _, r, _ in loaded)
    if args.cmd_jsonl:
        with Timer(tally):
            outputs = _run_jsonl_command(args.cmd_jsonl, [r for _, r, _ in loaded], args.timeout)
    else:
        if args.cmd:
            if not shlex.split(args.cmd):
                raise CliError("--cmd is empty", EXIT_USAGE)
            cleaner = _command_cleaner(args.cmd, args.timeout)
        elif args.callable:
            cleaner = _callable_cleaner(args.callable, args.timeout)
        else:
            cleaner = _cleantext_cleaner()
        outputs = []
        for _, record, _ in loaded:
            with Timer(tally):
                outputs.append(cleaner(record["dirty"], str(record["id"])))
    for (_, record, artifacts), (text, flags) in zip(loaded, outputs, strict=True):
        judgement = judge(record["dirty"], artifacts, text, flags)
        tally.add(artifacts, judgement, changed_clean=text != record["clean"])
    out.write(json.dumps(tally.to_dict()) + "\n" if args.json else tally.table() + "\n")
    return EXIT_OK


def main(argv: Sequence[str]) -> int:
    """Run ``fuzz`` or ``score`` (``argv[0]``); returns the exit status."""
    command, rest = argv[0], list(argv[1:])
    run = fuzz if command == "fuzz" else score
    try:
        status = run(rest, sys.stdout)
        sys.stdout.flush()
        return status
    except CliError as error:
        sys.stderr.write(f"cleantext {command}: {error}\n")
        return error.status
    except BrokenPipeError:
        return EXIT_PIPE
    except KeyboardInterrupt:
        return 130
