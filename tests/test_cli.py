"""The ``cleantext`` command, run for real in a subprocess (``python -m cleantext``).

Exact outputs are asserted with ``--only whitespace`` where possible, so that these tests keep
testing the command (not the filters) while other filters join the default pipeline.
Flags, scores and crashes come from a wrapper that patches `Pipeline.run` (see `WRAPPER`), so
that the command is tested whatever filter raises them; one test also runs the real detectors.
"""

from __future__ import annotations

import fcntl
import json
import os
import pty
import signal
import struct
import subprocess
import sys
import termios
import textwrap
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

import cleantext
from cleantext import cli, filters
from cleantext._io import Document, Problem, read_jsonl
from cleantext._parallel import BATCH_ITEMS, clean_in_order
from cleantext.cli import PROGRESS_RECORDS
from cleantext.pipeline import DEFAULT_FILTERS, Pipeline

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_57bc97d0d5dad970.txt"
WS = ["--only", "whitespace"]


def run(
    *args: str | Path,
    stdin: bytes = b"",
    cwd: Path | None = None,
    command: list[str] | None = None,
) -> subprocess.CompletedProcess[bytes]:
    """Run the command with ``args``; stdout and stderr are captured as bytes."""
    base = command or [sys.executable, "-m", "cleantext"]
    return subprocess.run(
        [*base, *map(str, args)],
        input=stdin,
        capture_output=True,
        cwd=cwd,
        timeout=120,
        check=False,
    )


def error_line(proc: subprocess.CompletedProcess[bytes]) -> str:
    """The single line the command wrote on stderr (asserting it is one line, no traceback)."""
    err = proc.stderr.decode()
    assert "Traceback" not in err
    assert err.count("\n") == 1, err
    return err.rstrip("\n")


def jsonl(*records: object) -> bytes:
    return b"".join(json.dumps(r).encode() + b"\n" for r in records)


def lines_of(data: bytes) -> list[dict[str, object]]:
    return [json.loads(line) for line in data.decode().splitlines()]


# -- plain text ---------------------------------------------------------------------------------


def test_stdin_to_stdout() -> None:
    proc = run(*WS, stdin=b"Hello world.  \r\nSecond line.\r\n")
    assert proc.returncode == 0
    assert proc.stdout == b"Hello world.\nSecond line.\n"
    assert proc.stderr == b""


def test_default_pipeline_repairs_mojibake() -> None:
    proc = run(stdin="The caf\u00c3\u00a9 is open.  \n".encode())
    assert proc.returncode == 0
    assert proc.stdout.decode() == "The café is open.\n"


def test_files_each_one_document_in_order(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes(b"\n\nfirst  \n")
    (tmp_path / "b.txt").write_bytes(b"second\r\n")
    proc = run(*WS, "a.txt", "-", "b.txt", stdin=b"middle \n", cwd=tmp_path)
    assert proc.returncode == 0
    # Each file is cleaned on its own: leading blank lines go at the start of a.txt only.
    assert proc.stdout == b"first\nmiddle\nsecond\n"


def test_clean_text_passes_unchanged() -> None:
    text = "Один. Два.\nمرحبا بالعالم\n中文文本。\nहिन्दी पाठ\nزبان فارسی\u200cها\n".encode()
    proc = run(*WS, stdin=text)
    assert proc.stdout == text


def test_seed_document_exits_zero() -> None:
    proc = run(SEED)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.decode().strip()
    assert b"Traceback" not in proc.stderr


# -- JSONL --------------------------------------------------------------------------------------


def test_jsonl_keeps_other_fields_and_order() -> None:
    records = [
        {"z": 1, "text": "a  \r\n", "meta": {"b": [1, None, True]}, "id": "x"},
        {"text": "Grüße \n", "lang": "de", "n": 2.5},
        {"id": 3, "text": "clean"},
    ]
    proc = run("--jsonl", *WS, stdin=jsonl(*records))
    assert proc.returncode == 0
    out = proc.stdout.decode()
    assert out.count("\n") == 3
    got = lines_of(proc.stdout)
    assert [list(r) for r in got] == [list(r) for r in records]  # key order kept
    assert got[0] == {**records[0], "text": "a\n"}
    assert got[1] == {**records[1], "text": "Grüße\n"}
    assert got[2] == records[2]
    # Compact JSON, non-ASCII written as is.
    assert out.splitlines()[1] == '{"text":"Grüße\\n","lang":"de","n":2.5}'


def test_jsonl_field_option() -> None:
    proc = run("--jsonl", "--field", "body", *WS, stdin=jsonl({"text": "a  ", "body": "b  "}))
    assert proc.returncode == 0
    assert lines_of(proc.stdout) == [{"text": "a  ", "body": "b"}]


def test_jsonl_blank_lines_are_kept_as_blank_lines() -> None:
    proc = run("--jsonl", *WS, stdin=b'{"text":"a"}\n\n  \n{"text":"b"}')
    assert proc.returncode == 0
    assert proc.stdout == b'{"text":"a"}\n\n\n{"text":"b"}\n'


def test_jsonl_byte_order_mark_on_first_line() -> None:
    proc = run("--jsonl", *WS, stdin=b'\xef\xbb\xbf{"text":"a"}\n')
    assert (proc.returncode, proc.stdout) == (0, b'{"text":"a"}\n')


# -- report, rejects, explain ------------------------------------------------------------------


def test_report_schema_plain(tmp_path: Path) -> None:
    (tmp_path / "doc.txt").write_bytes(b"\n\nbody  \n")
    proc = run(*WS, "--report", "r.jsonl", "doc.txt", cwd=tmp_path)
    assert proc.returncode == 0
    [report] = lines_of((tmp_path / "r.jsonl").read_bytes())
    assert list(report) == ["id", "source", "edits", "flags", "scores"]
    assert report["id"] == report["source"] == "doc.txt"
    assert report["flags"] == [] and report["scores"] == {}
    edits = report["edits"]
    assert isinstance(edits, list)
    assert [(e["start"], e["end"], e["original"], e["replacement"]) for e in edits] == [
        (0, 2, "\n\n", ""),
        (6, 9, "  \n", "\n"),
    ]
    assert all(
        set(e) >= {"start", "end", "original", "replacement", "rule", "reason"} for e in edits
    )
    assert all(e["rule"].startswith("whitespace") for e in edits)


def test_report_one_line_per_record_with_id_or_line(tmp_path: Path) -> None:
    data = jsonl({"id": "doc-1", "text": "a"}, {"text": "b  "}) + b"\n" + jsonl({"text": "c"})
    proc = run("--jsonl", *WS, "--report", tmp_path / "r.jsonl", stdin=data)
    assert proc.returncode == 0
    reports = lines_of((tmp_path / "r.jsonl").read_bytes())
    assert [(r["id"], r["line"], r["source"]) for r in reports] == [
        ("doc-1", 1, "<stdin>"),
        (2, 2, "<stdin>"),
        (4, 4, "<stdin>"),
    ]
    assert [len(r["edits"]) for r in reports] == [0, 1, 0]
    assert all("text" not in r for r in reports)


def test_rejects_every_dropped_span(tmp_path: Path) -> None:
    data = jsonl({"id": "k", "text": "\n\nzero\u200bwidth", "other": 1})
    proc = run("--jsonl", *WS, "--rejects", tmp_path / "rej.jsonl", stdin=data)
    assert proc.returncode == 0
    assert lines_of(proc.stdout) == [{"id": "k", "text": "zerowidth", "other": 1}]
    rejects = lines_of((tmp_path / "rej.jsonl").read_bytes())
    assert [
        (r["kind"], r["id"], r["line"], r["start"], r["end"], r["original"]) for r in rejects
    ] == [
        ("span", "k", 1, 0, 2, "\n\n"),
        ("span", "k", 1, 6, 7, "\u200b"),
    ]
    assert all(r["rule"].startswith("whitespace") and r["reason"] for r in rejects)
    assert all("replacement" not in r for r in rejects)


def test_rejects_plain_file(tmp_path: Path) -> None:
    (tmp_path / "d.txt").write_text("a\x00b\n")
    proc = run(*WS, "--rejects", "rej.jsonl", "d.txt", cwd=tmp_path)
    assert proc.returncode == 0
    [reject] = lines_of((tmp_path / "rej.jsonl").read_bytes())
    assert (reject["id"], reject["original"], reject["start"]) == ("d.txt", "\x00", 1)


def test_explain_on_stderr() -> None:
    proc = run(*WS, "--explain", stdin=b"ok\nline two  \nend\n\n\n")
    assert proc.returncode == 0
    assert proc.stdout == b"ok\nline two\nend\n"
    err = proc.stderr.decode().splitlines()
    assert err[0] == "== <stdin>: 2 edits, 0 flags =="
    assert err[1].startswith("2:9 whitespace")  # line 2, column 9 of the input
    assert err[2:4] == ["  - '  '", "  + ''"]
    assert err[4].startswith("3:4 whitespace")
    assert err[5:7] == ["  - '\\n\\n\\n'", "  + '\\n'"]
    assert len(err) == 7


def test_explain_is_silent_on_clean_documents() -> None:
    proc = run("--jsonl", *WS, "--explain", stdin=jsonl({"text": "clean"}, {"text": "x  "}))
    assert proc.stderr.decode().splitlines()[0] == "== <stdin>:2: 1 edit, 0 flags =="


# -- choosing filters ---------------------------------------------------------------------------


def test_skip_and_only() -> None:
    text = "caf\u00c3\u00a9  \n".encode()
    assert run("--skip", "whitespace", stdin=text).stdout == "café  \n".encode()
    assert run("--only", "whitespace", stdin=text).stdout == "caf\u00c3\u00a9\n".encode()
    both = run("--only", "whitespace,encoding", "--skip", "encoding", stdin=text)
    assert both.stdout == "caf\u00c3\u00a9\n".encode()


def test_unknown_filter_name_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    proc = run("--skip", "whitespace,no-such-filter", stdin=b"x")
    assert proc.returncode == 2
    last = proc.stderr.decode().splitlines()[-1]
    assert last.startswith("cleantext: error: unknown filter 'no-such-filter' in --skip; known")
    assert all(name in last for name in filters.names())
    last = usage_error(["--only", "no-such-filter"], capsys)
    assert last.startswith("cleantext: error: unknown filter 'no-such-filter' in --only; known")


def test_only_and_skip_with_an_opt_in_filter() -> None:
    opt_in = [name for name in filters.names() if name not in DEFAULT_FILTERS]
    if not opt_in:
        pytest.skip("every filter is in the default pipeline")
    parser = cli.build_parser()

    def names(*args: str) -> list[str]:
        parsed = parser.parse_args(list(args))
        return cli._build_pipeline(parser, parsed).names()

    # Registry order, whatever the order on the command line.
    assert names("--only", f"{opt_in[0]},whitespace") == ["whitespace", opt_in[0]]
    assert names("--skip", opt_in[0]) == list(DEFAULT_FILTERS)


def test_list_filters() -> None:
    proc = run("--list-filters")
    assert proc.returncode == 0
    rows = proc.stdout.decode().splitlines()
    assert [row.split()[0] for row in rows] == filters.names()
    for row, name in zip(rows, filters.names(), strict=True):
        assert filters.describe(name) in row


def test_version() -> None:
    proc = run("--version")
    assert (proc.returncode, proc.stdout.decode()) == (0, f"cleantext {cleantext.__version__}\n")


def test_config(tmp_path: Path) -> None:
    (tmp_path / "only-ws.toml").write_text('[[filters]]\nname = "whitespace"\n')
    text = "caf\u00c3\u00a9  \n".encode()
    proc = run("--config", tmp_path / "only-ws.toml", stdin=text)
    assert (proc.returncode, proc.stdout) == (0, "caf\u00c3\u00a9\n".encode())


def usage_error(args: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    """Run `cli.main` in this process (argparse exits before any input is read); the last
    line of stderr after checking the exit status is 2. The real command is covered by
    `test_unknown_filter_name_is_a_usage_error`."""
    with pytest.raises(SystemExit) as exit_:
        cli.main(args)
    assert exit_.value.code == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err
    return err.splitlines()[-1]


@pytest.mark.parametrize(
    "content",
    ['[[filters]]\nname = "nope"\n', "not toml [", '[[filters]]\nname = "whitespace"\nbogus = 1\n'],
)
def test_bad_config_is_a_usage_error(
    tmp_path: Path, content: str, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "bad.toml").write_text(content)
    last = usage_error(["--config", str(tmp_path / "bad.toml")], capsys)
    assert last.startswith(f"cleantext: error: --config {tmp_path / 'bad.toml'}: ")


def test_missing_config_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    last = usage_error(["--config", str(tmp_path / "none.toml")], capsys)
    assert last.endswith("none.toml: No such file or directory")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--field", "body"], "--field needs --jsonl"),
        (["--skip-bad", "--rejects", "r"], "--skip-bad needs --jsonl"),
        (["--jsonl", "--skip-bad"], "--skip-bad needs --rejects FILE"),
        (["--jsonl", "--max-mt-score", "1"], "--max-mt-score needs --rejects FILE"),
        (["--errors", "ignore"], "argument --errors: invalid choice"),
        (["-j", "-1"], "argument -j/--jobs: must be 0"),
        (["--only", " , "], "--only needs at least one filter name"),
    ],
)
def test_usage_errors(args: list[str], message: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert usage_error(args, capsys).startswith(f"cleantext: error: {message}")


# -- parallel -----------------------------------------------------------------------------------


def test_jobs_keep_order_and_output(tmp_path: Path) -> None:
    # More records than two batches per worker, so that results come back out of order.
    records = [
        {"id": i, "text": f"record {i}  \r\n" + "caf\u00c3\u00a9 " * (i % 7) + "\n\n\n\nend"}
        for i in range(5 * BATCH_ITEMS + 3)
    ]
    data = jsonl(*records)
    one = run("--jsonl", "--report", tmp_path / "r1", "-j", "1", stdin=data)
    two = run("--jsonl", "--report", tmp_path / "r2", "-j", "2", stdin=data)
    assert one.returncode == two.returncode == 0
    assert two.stdout == one.stdout
    assert [r["id"] for r in lines_of(two.stdout)] == list(range(len(records)))
    assert (tmp_path / "r2").read_bytes() == (tmp_path / "r1").read_bytes()


def test_jobs_plain_files(tmp_path: Path) -> None:
    names = []
    for i in range(5):
        (tmp_path / f"{i}.txt").write_text(f"file {i}  \n")
        names.append(f"{i}.txt")
    proc = run(*WS, "-j", "2", *names, cwd=tmp_path)
    assert proc.stdout.decode() == "".join(f"file {i}\n" for i in range(5))


def test_parallel_reads_the_input_lazily() -> None:
    pulled = 0

    def items() -> Iterator[Document]:
        nonlocal pulled
        for i in range(100 * BATCH_ITEMS):
            pulled += 1
            yield Document("<test>", i + 1, f"doc {i}", {"text": f"doc {i}"}, 8)

    outcomes = clean_in_order(Pipeline(["whitespace"]), items(), jobs=2)
    first, _ = next(outcomes)
    assert isinstance(first, Document) and first.line == 1
    # At most 2 * jobs batches in flight, plus the one being read.
    assert pulled <= (2 * 2 + 1) * BATCH_ITEMS
    outcomes.close()


def test_jsonl_reader_is_lazy(tmp_path: Path) -> None:
    path = tmp_path / "c.jsonl"
    path.write_bytes(jsonl({"text": "a"}) + b"not json\n" + jsonl({"text": "b"}))
    items = read_jsonl([str(path)], "text", "strict")
    first = next(items)
    assert isinstance(first, Document) and first.text == "a"
    second = next(items)
    assert isinstance(second, Problem) and second.reason == "invalid-json"
    assert second.raw == "not json"


# -- flags, scores, crashes (through a wrapper that patches Pipeline.run) ------------------------

WRAPPER = textwrap.dedent(
    """
    import dataclasses, os, sys
    from cleantext import cli
    from cleantext.model import Flag
    from cleantext.pipeline import DEFAULT_FILTERS, Pipeline

    _run = Pipeline.run

    def run(self, text, *, source=None):
        if "CRASH" in text:
            raise RuntimeError("boom")
        if "DIE" in text:
            os._exit(3)
        result = _run(self, text, source=source)
        marks = [i for i, c in enumerate(result.text) if c == "#"]
        flags = tuple(Flag(i, i + 1, "test.hash", "a hash sign", 0.5) for i in marks)
        return dataclasses.replace(result, flags=flags, scores={"mt": float(len(marks))})

    Pipeline.run = run
    raise SystemExit(cli.main())
    """
)


@pytest.fixture
def wrapped(tmp_path: Path) -> list[str]:
    script = tmp_path / "wrapped_cli.py"
    script.write_text(WRAPPER)
    return [sys.executable, str(script)]


def test_check_exit_code(wrapped: list[str]) -> None:
    clean = run("--check", *WS, stdin=b"no marks\n", command=wrapped)
    assert (clean.returncode, clean.stdout) == (0, b"no marks\n")
    flagged = run("--check", *WS, stdin=b"one # mark\n", command=wrapped)
    assert (flagged.returncode, flagged.stdout) == (1, b"one # mark\n")
    unchecked = run(*WS, stdin=b"one # mark\n", command=wrapped)
    assert unchecked.returncode == 0


def test_flags_in_report_and_explain(wrapped: list[str], tmp_path: Path) -> None:
    proc = run(
        "--jsonl",
        *WS,
        "--explain",
        "--report",
        tmp_path / "r",
        command=wrapped,
        stdin=jsonl({"text": "a\nb #"}),
    )
    assert proc.returncode == 0
    [report] = lines_of((tmp_path / "r").read_bytes())
    assert report["flags"] == [
        {"start": 4, "end": 5, "code": "test.hash", "message": "a hash sign", "confidence": 0.5}
    ]
    assert report["scores"] == {"mt": 1.0}
    err = proc.stderr.decode().splitlines()
    assert err[1] == "2:3 (output) flag test.hash [0.50]: a hash sign"


def test_max_mt_score_sets_records_aside(wrapped: list[str], tmp_path: Path) -> None:
    records = [{"id": 1, "text": "fine"}, {"id": 2, "text": "# # #  "}, {"id": 3, "text": "#"}]
    proc = run(
        "--jsonl",
        *WS,
        "--max-mt-score",
        "1",
        "--rejects",
        tmp_path / "rej",
        stdin=jsonl(*records),
        command=wrapped,
    )
    assert proc.returncode == 0
    assert [r["id"] for r in lines_of(proc.stdout)] == [1, 3]
    rejects = lines_of((tmp_path / "rej").read_bytes())
    assert rejects == [
        {
            "id": 2,
            "source": "<stdin>",
            "line": 2,
            "kind": "record",
            "reason": "mt-score",
            "score": 3.0,
            "record": records[1],
        }
    ]
    assert "1 record set aside" in proc.stderr.decode()


def test_check_and_mt_score_with_the_real_detectors(tmp_path: Path) -> None:
    if "unbalanced-bracket" not in filters.names():
        pytest.skip("the MT detectors are not registered")
    flagged = {"id": "f", "text": "We were taking a chance ] here, they said."}
    clean = {"id": "c", "text": "We were taking a chance here, they said."}
    only = ["--only", "unbalanced-bracket"]
    proc = run("--check", *only, stdin=flagged["text"].encode())
    assert (proc.returncode, proc.stdout.decode()) == (1, flagged["text"])
    assert run("--check", *only, stdin=clean["text"].encode()).returncode == 0
    rejects = tmp_path / "rej"
    proc = run(
        "--jsonl", *only, "--max-mt-score", "1", "--rejects", rejects, stdin=jsonl(flagged, clean)
    )
    assert proc.returncode == 0
    assert lines_of(proc.stdout) == [clean]
    [reject] = lines_of(rejects.read_bytes())
    assert (reject["kind"], reject["id"], reject["record"]) == ("record", "f", flagged)
    assert isinstance(reject["score"], float) and reject["score"] > 1


def test_filter_crash_is_reported_with_the_document(wrapped: list[str]) -> None:
    proc = run("--jsonl", *WS, stdin=jsonl({"text": "ok"}, {"text": "CRASH"}), command=wrapped)
    assert proc.returncode == 70
    assert proc.stdout == b'{"text":"ok"}\n'
    assert "Traceback" not in proc.stderr.decode()  # only with --debug
    assert proc.stderr.decode().splitlines() == [
        "cleantext: error: <stdin>:2: internal error, please report it: RuntimeError: boom",
        "cleantext: 1 record written, the last <stdin>:1; to write the rest: --skip-records 1",
    ]


def test_worker_death_is_an_error_not_a_hang(wrapped: list[str], tmp_path: Path) -> None:
    records = [{"text": f"doc {i}"} for i in range(3 * BATCH_ITEMS)]
    records[2 * BATCH_ITEMS]["text"] = "DIE"
    proc = run("--jsonl", *WS, "-j", "2", stdin=jsonl(*records), command=wrapped)
    assert proc.returncode == 70
    # A dead worker fails every batch in flight, so the output may stop a batch earlier; it
    # is always whole records in order, and the error names the line where it stopped.
    written = lines_of(proc.stdout)
    assert written == records[: len(written)]
    assert len(written) in (0, BATCH_ITEMS, 2 * BATCH_ITEMS)
    n = len(written)
    assert "Traceback" not in proc.stderr.decode()
    assert proc.stderr.decode().splitlines()[0] == (
        f"cleantext: error: <stdin>:{n + 1}: a worker process died "
        "(killed, or out of memory?) on a batch starting here"
    )


# -- bad input ----------------------------------------------------------------------------------


def test_undecodable_bytes_strict(tmp_path: Path) -> None:
    (tmp_path / "bad.txt").write_bytes(b"ok\nbad \xff byte\n")
    proc = run("bad.txt", cwd=tmp_path)
    assert proc.returncode == 65
    assert proc.stdout == b""
    assert error_line(proc) == (
        "cleantext: error: bad.txt:2: byte 0xff at offset 7 is not valid UTF-8 "
        "(use --errors replace or --errors surrogateescape to go on)"
    )


def test_undecodable_bytes_strict_jsonl_keeps_what_came_before(tmp_path: Path) -> None:
    data = jsonl({"text": "one"}) + b'{"text":"t\xc3wo"}\n' + jsonl({"text": "three"})
    (tmp_path / "c.jsonl").write_bytes(data)
    proc = run("--jsonl", *WS, "c.jsonl", cwd=tmp_path)
    assert proc.returncode == 65
    assert proc.stdout == b'{"text":"one"}\n'
    offset = data.index(b"\xc3")
    assert error_line(proc) == (
        f"cleantext: error: c.jsonl:2: byte 0xc3 at offset {offset} is not valid UTF-8 "
        "(use --errors replace or --errors surrogateescape to go on)"
    )


def test_undecodable_bytes_replace() -> None:
    proc = run(*WS, "--errors", "replace", stdin=b"a\xffb\n")
    assert (proc.returncode, proc.stdout.decode()) == (0, "a\ufffdb\n")


def test_undecodable_bytes_surrogateescape_round_trip() -> None:
    proc = run(*WS, "--errors", "surrogateescape", stdin=b"a\xff\xfeb  \n")
    assert (proc.returncode, proc.stdout) == (0, b"a\xff\xfeb\n")
    data = b'{"text":"t\xe9  ","other":"\xff"}\n'
    proc = run("--jsonl", *WS, "--errors", "surrogateescape", stdin=data)
    assert (proc.returncode, proc.stdout) == (0, b'{"text":"t\xe9","other":"\xff"}\n')


def test_undecodable_bytes_surrogateescape_default_pipeline_valid_output() -> None:
    proc = run("--errors", "surrogateescape", stdin=b"caf\xe9 ok\n")
    assert proc.returncode == 0
    proc.stdout.decode("utf-8")  # whatever the filters did, the output can be written


def test_broken_jsonl_stops_with_one_line(tmp_path: Path) -> None:
    data = jsonl({"text": "a"}) + b'{"text": "b"\n' + jsonl({"text": "c"})
    proc = run("--jsonl", *WS, stdin=data)
    assert proc.returncode == 65
    assert proc.stdout == b'{"text":"a"}\n'
    assert error_line(proc) == (
        "cleantext: error: <stdin>:2: invalid JSON: Expecting ',' delimiter at column 13"
    )


def test_broken_jsonl_skip_bad_goes_on(tmp_path: Path) -> None:
    broken = b'{"text": "b"'
    undecodable = b'{"text": "\xff"}'
    data = (
        jsonl({"text": "a"})
        + broken
        + b"\n"
        + undecodable
        + b"\n"
        + b"[1]\n"
        + jsonl({"id": "m", "body": "no text"}, {"text": 5}, {"text": "z"})
    )
    proc = run("--jsonl", *WS, "--skip-bad", "--rejects", tmp_path / "rej", stdin=data)
    assert proc.returncode == 0
    assert lines_of(proc.stdout) == [{"text": "a"}, {"text": "z"}]
    assert error_line(proc) == f"cleantext: warning: 5 records set aside in {tmp_path / 'rej'}"
    rejects = lines_of((tmp_path / "rej").read_bytes())
    assert [(r["kind"], r["line"], r["id"], r["reason"]) for r in rejects] == [
        ("line", 2, 2, "invalid-json"),
        ("line", 3, 3, "undecodable"),
        ("line", 4, 4, "not-an-object"),
        ("line", 5, "m", "missing-field"),
        ("line", 6, 6, "field-not-string"),
    ]
    # Each bad line is kept unchanged, byte for byte.
    raws = [str(r["raw"]).encode("utf-8", "surrogateescape") for r in rejects]
    assert raws == data.splitlines()[1:6]
    assert all(str(r["error"]).startswith(f"<stdin>:{r['line']}: ") for r in rejects)


def test_bad_record_stops_the_run() -> None:
    proc = run("--jsonl", stdin=jsonl({"text": "a"}, {"body": "x"}, {"text": "c"}))
    assert (proc.returncode, proc.stdout) == (65, b'{"text":"a"}\n')
    assert error_line(proc) == (
        "cleantext: error: <stdin>:2: the record has no field 'text' (choose another with --field)"
    )


@pytest.mark.parametrize(
    ("record", "message"),
    [
        (b'{"text": null}', "f:1: field 'text' is null, not a string"),
        (b'{"text": ["a"]}', "f:1: field 'text' is an array, not a string"),
        (b'"just a string"', "f:1: the record is a string, not a JSON object"),
        (b"12", "f:1: the record is a number, not a JSON object"),
        (b'{"text": "a"', "f:1: invalid JSON: Expecting ',' delimiter at column 13"),
        (b"[" * 100_000, "f:1: invalid JSON: nested too deeply"),
    ],
)
def test_bad_record_messages(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, record: bytes, message: str
) -> None:
    (tmp_path / "f").write_bytes(record + b"\n")
    monkeypatch.chdir(tmp_path)
    [problem] = read_jsonl(["f"], "text", "strict")
    assert isinstance(problem, Problem)
    assert problem.message == message


@pytest.mark.parametrize("mode", [[], ["--jsonl"]])
def test_empty_input(mode: list[str]) -> None:
    proc = run(*mode, stdin=b"")
    assert (proc.returncode, proc.stdout, proc.stderr) == (0, b"", b"")


def test_ten_megabyte_line_without_newline(tmp_path: Path) -> None:
    # 10.8 MB, no line break anywhere (and no trailing space, which makes `whitespace` scan it all)
    line = "lorem ipsum dolor " * 600_000 + "end"
    (tmp_path / "long.txt").write_text(line)
    proc = run(*WS, "long.txt", cwd=tmp_path)
    assert proc.returncode == 0
    assert proc.stdout.decode() == line
    (tmp_path / "long.jsonl").write_text(json.dumps({"text": line}))  # no final newline either
    proc = run("--jsonl", *WS, "long.jsonl", cwd=tmp_path)
    assert proc.returncode == 0
    assert lines_of(proc.stdout) == [{"text": line}]


def test_lone_surrogates_from_json_escapes() -> None:
    data = b'{"text": "a\\ud800b", "other": "\\udfff", "pair": "\\ud83d\\ude00"}\n'
    proc = run("--jsonl", stdin=data)
    assert proc.returncode == 0
    out = proc.stdout.decode("utf-8")  # valid UTF-8
    [record] = lines_of(proc.stdout)
    assert record["text"] == "a\ufffdb"
    assert record["other"] == "\udfff"  # not cleaned, so kept: written as a JSON escape
    assert record["pair"] == "😀"
    assert "\\udfff" in out
    # A pipeline that leaves the surrogate alone still writes valid output.
    proc = run("--jsonl", *WS, stdin=data)
    assert proc.returncode == 0
    assert lines_of(proc.stdout)[0]["text"] == "a\ud800b"


def test_nul_bytes() -> None:
    proc = run(stdin=b"a\x00b\x00\n")
    assert proc.returncode == 0
    proc.stdout.decode("utf-8")
    proc = run("--jsonl", stdin=b'{"text":"a\\u0000b","k\\u0000":"\\u0000"}\n')
    assert proc.returncode == 0
    [record] = lines_of(proc.stdout)
    assert record["k\x00"] == "\x00"


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_broken_pipe(jobs: str, tmp_path: Path) -> None:
    big = tmp_path / "big.jsonl"
    big.write_bytes(jsonl(*({"id": i, "text": "x" * 200} for i in range(20_000))))  # 4.5 MB
    with big.open("rb") as stdin:
        proc = subprocess.Popen(
            [sys.executable, "-m", "cleantext", "--jsonl", *WS, "-j", jobs],
            stdin=stdin,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        assert proc.stdout is not None and proc.stderr is not None
        first = proc.stdout.readline()
        proc.stdout.close()  # the reader goes away, like `| head -1`
        err = proc.stderr.read()
        status = proc.wait(timeout=120)
    assert json.loads(first) == {"id": 0, "text": "x" * 200}
    assert status == 141
    assert err.decode().splitlines()[0] == "cleantext: error: standard output: closed by its reader"


def test_interrupt_stops_quietly(tmp_path: Path) -> None:
    big = tmp_path / "big.jsonl"
    big.write_bytes(jsonl(*({"id": i, "text": "x" * 200} for i in range(20_000))))
    proc = subprocess.Popen(
        [sys.executable, "-m", "cleantext", "--jsonl", *WS, "-j", "2", str(big)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )
    assert proc.stdout is not None and proc.stderr is not None
    assert proc.stdout.readline()  # it is running (and blocked on the full pipe)
    os.killpg(proc.pid, signal.SIGINT)  # Ctrl-C reaches the whole process group
    proc.stdout.close()
    err = proc.stderr.read()
    assert proc.wait(timeout=120) == 130
    assert err.decode().splitlines()[0] == "cleantext: error: stopped by SIGINT"


def test_unreadable_input_and_output(tmp_path: Path) -> None:
    proc = run("missing.txt", cwd=tmp_path)
    assert proc.returncode == 66
    assert error_line(proc) == "cleantext: error: missing.txt: No such file or directory"
    proc = run("--report", tmp_path / "no" / "dir" / "r", stdin=b"x")
    assert proc.returncode == 73
    assert error_line(proc).startswith("cleantext: error: cannot write --report ")


# -- progress bar -------------------------------------------------------------------------------


def _stderr_through_a_terminal(args: list[str], stdin: Path) -> bytes:
    """What the command writes on stderr when stderr is a terminal (a pseudo-terminal)."""
    master, slave = pty.openpty()
    # A new pseudo-terminal has no size, and tqdm draws nothing on a terminal without rows.
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    chunks: list[bytes] = []

    def read() -> None:
        while True:
            try:
                chunk = os.read(master, 65536)
            except OSError:  # EIO: every writer of the terminal is gone
                return
            if not chunk:
                return
            chunks.append(chunk)

    reader = threading.Thread(target=read)
    reader.start()
    try:
        with stdin.open("rb") as handle:
            status = subprocess.run(
                [sys.executable, "-m", "cleantext", *args],
                stdin=handle,
                stdout=subprocess.DEVNULL,
                stderr=slave,
                timeout=120,
                check=False,
            ).returncode
    finally:
        os.close(slave)  # only now: Linux drops unread output once the last writer is gone
        reader.join(timeout=10)
        os.close(master)
    assert status == 0, b"".join(chunks)
    return b"".join(chunks)


def test_progress_bar_only_on_a_terminal_with_large_input(tmp_path: Path) -> None:
    many = tmp_path / "many.jsonl"
    many.write_bytes(jsonl(*({"text": "a"} for _ in range(PROGRESS_RECORDS + 1))))
    few = tmp_path / "few.jsonl"
    few.write_bytes(jsonl({"text": "a"}))
    assert b"cleantext" in _stderr_through_a_terminal(["--jsonl", *WS], many)
    assert _stderr_through_a_terminal(["--jsonl", *WS], few) == b""
    # The same large input with stderr a pipe (as in CI): nothing.
    assert run("--jsonl", *WS, many).stderr == b""
