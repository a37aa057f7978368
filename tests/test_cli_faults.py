"""Faults in a run of the ``cleantext`` command, injected for real in a subprocess.

Every fault must end the same way: one line naming the cause and the output or document, a
documented exit status, every output ending on the same whole record, and a last line giving the
``--skip-records`` value with which a second run writes exactly the rest.

Worker processes are killed by a wrapper script (`WRAPPER`) that patches `Pipeline.run` in the
command's process before it starts its workers (which fork from it): a document holding a marker
kills its own process. Nothing of this is in the package.
"""

from __future__ import annotations

import json
import os
import pickle
import pty
import random
import re
import resource
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from cleantext._io import Document, read_jsonl
from cleantext._parallel import BATCH_ITEMS, clean_in_order
from cleantext.corpus import BoilerplateLearner
from cleantext.model import Result
from cleantext.pipeline import Pipeline

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data"
CLEANTEXT = [sys.executable, "-m", "cleantext"]
WS = ["--only", "whitespace"]
RESUME_RE = re.compile(
    r"cleantext: (?:(?P<n>\d+) records? written, the last (?P<last>.+)|no (?:more )?record "
    r"written); to write the rest: --skip-records (?P<skip>\d+)"
)

WRAPPER = textwrap.dedent(
    """
    import os, signal, sys, time
    from cleantext import cli
    from cleantext.pipeline import Pipeline

    _run = Pipeline.run
    ONCE = os.environ.get("FAULT_ONCE")  # a file: the marker kills only the first time

    def run(self, text, *args, **kwargs):
        if "KILLME" in text and not (ONCE and os.path.exists(ONCE)):
            if ONCE:
                open(ONCE, "w").close()
            if "SLOW" in text:
                time.sleep(0.5)
            os.kill(os.getpid(), signal.SIGKILL)
        return _run(self, text, *args, **kwargs)

    Pipeline.run = run
    raise SystemExit(cli.main())
    """
)


@pytest.fixture
def wrapped(tmp_path: Path) -> list[str]:
    script = tmp_path / "faulty_cli.py"
    script.write_text(WRAPPER)
    return [sys.executable, str(script)]


def jsonl(records: list[dict[str, object]]) -> bytes:
    return b"".join(json.dumps(r).encode() + b"\n" for r in records)


def numbered(
    count: int, marker: int | None = None, word: str = "KILLME"
) -> list[dict[str, object]]:
    """``count`` records that `--only whitespace` changes (trailing spaces), one a marker."""
    # A stray control character in some: a dropped span for --rejects.
    records: list[dict[str, object]] = [
        {"id": i, "text": f"doc {i}{chr(7) if i % 7 == 0 else ''}  "} for i in range(count)
    ]
    if marker is not None:
        records[marker]["text"] = f"{word} {marker}  "
    return records


def run(
    args: list[str | Path], stdin: bytes = b"", command: list[str] | None = None, **kwargs: object
) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [*(command or CLEANTEXT), *map(str, args)],
        input=stdin,
        capture_output=True,
        timeout=60,
        check=False,
        **kwargs,  # type: ignore[arg-type]
    )


def failure(stderr: bytes) -> tuple[str, int]:
    """The error line and the ``--skip-records`` value of a failed run's stderr (asserting
    there is no traceback and that these are its last two lines)."""
    err = stderr.decode()
    assert "Traceback" not in err, err
    *_, error, last = err.splitlines()
    assert error.startswith("cleantext: error: "), err
    match = RESUME_RE.fullmatch(last)
    assert match, last
    return error.removeprefix("cleantext: error: "), int(match["skip"])


def whole_lines(data: bytes) -> list[bytes]:
    assert not data or data.endswith(b"\n"), data[-80:]
    return data.splitlines(keepends=True)


# -- a corpus with edits, flags and dropped lines, from tests/data ----------------------------


def corpus() -> list[dict[str, object]]:
    records: list[dict[str, object]] = []
    for line in (DATA / "fakenews" / "fakenews.jsonl").read_text().splitlines():
        record = json.loads(line)
        records.append({"id": record["id"], "domain": record["domain"], "text": record["text"]})
    ntrex = (DATA / "ntrex128" / "ntrex128.jsonl").read_text().splitlines()
    for line in random.Random(0).sample(ntrex, 40):
        record = json.loads(line)
        records.append({"id": record["id"], "domain": "ntrex", "text": record["text"][:3000]})
    for case in json.loads((DATA / "ftfy" / "in-the-wild.json").read_text())[:30]:
        records.append({"id": case["label"], "domain": "ftfy", "text": case["original"]})
    random.Random(1).shuffle(records)
    return records


@pytest.fixture(scope="module")
def corpus_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("corpus") / "corpus.jsonl"
    path.write_bytes(jsonl(corpus()))
    return path


def outputs(tmp_path: Path, tag: str) -> tuple[Path, Path, list[str]]:
    report, rejects = tmp_path / f"{tag}.report", tmp_path / f"{tag}.rejects"
    return report, rejects, ["--report", str(report), "--rejects", str(rejects)]


@pytest.mark.parametrize(
    "mode", [[], ["--learn-boilerplate", "--boilerplate-min-count", "2"]], ids=["plain", "corpus"]
)
def test_jobs_two_writes_the_same_bytes_as_jobs_one(
    mode: list[str], corpus_file: Path, tmp_path: Path
) -> None:
    written = {}
    for jobs in ("1", "2"):
        report, rejects, books = outputs(tmp_path, jobs)
        proc = run(["--jsonl", "-j", jobs, *mode, *books, corpus_file])
        assert proc.returncode == 0, proc.stderr
        written[jobs] = (proc.stdout, report.read_bytes(), rejects.read_bytes())
    assert written["1"] == written["2"]
    out, report, rejects = written["1"]
    # The corpus exercises what -j must keep: edits, flags and dropped lines.
    books = [json.loads(line) for line in report.splitlines()]
    assert len(books) == len(out.splitlines())
    assert sum(bool(b["edits"]) for b in books) > 10
    assert sum(bool(b["flags"]) for b in books) > 3
    assert rejects.count(b'"kind":"span"') > 10
    if mode:
        assert b"site-boilerplate" in rejects


def documents() -> list[Document]:
    return [
        Document("c", i + 1, str(r["text"]), r, len(str(r["text"])))
        for i, r in enumerate(corpus()[:80])
    ]


def test_results_are_equal_in_every_process() -> None:
    docs = documents()
    pipeline = Pipeline.default()
    here = list(clean_in_order(pipeline, docs, jobs=1))
    there = list(clean_in_order(pipeline, docs, jobs=2))
    assert here == there
    for (doc, result), direct in zip(there, (pipeline.run(d.text) for d in docs), strict=True):
        assert isinstance(result, Result)
        assert result == direct
        assert result.original == doc.text
        assert pickle.loads(pickle.dumps(result)) == result
    assert any(isinstance(r, Result) and r.edits for _, r in there)


def test_corpus_mode_results_are_equal_in_every_process() -> None:
    docs = documents()
    learner = BoilerplateLearner(min_count=2)
    for doc in docs:
        assert doc.record is not None
        learner.add(doc.text, str(doc.record["domain"]))
    pipeline = learner.learned().pipeline(Pipeline.default())
    tagged = [
        Document(d.source, d.line, d.text, d.record, d.size, str(d.record["domain"]))
        for d in docs
        if d.record is not None
    ]
    here = [r for _, r in clean_in_order(pipeline, tagged, jobs=1)]
    there = [r for _, r in clean_in_order(pipeline, tagged, jobs=2)]
    assert here == there
    direct = [pipeline.run(d.text, source=d.origin) for d in tagged]
    assert there == direct
    assert any(isinstance(r, Result) and r.edits_by_rule("site-boilerplate") for r in there), (
        "the learned lines were not used"
    )


# -- worker processes killed ------------------------------------------------------------------


def assert_worker_death(
    proc: subprocess.CompletedProcess[bytes], records: list[dict[str, object]]
) -> int:
    assert proc.returncode == 70, proc.stderr
    error, skip = failure(proc.stderr)
    written = whole_lines(proc.stdout)
    assert len(written) == skip
    assert [json.loads(line)["id"] for line in written] == [r["id"] for r in records[:skip]]
    assert error == (
        f"<stdin>:{skip + 1} (id {skip}): a worker process died (killed, or out of memory?) "
        "on a batch starting here"
    )
    return skip


@pytest.mark.parametrize("marker", [0, 2 * BATCH_ITEMS + 5, 6 * BATCH_ITEMS - 1])
def test_worker_killed_while_results_are_awaited(wrapped: list[str], marker: int) -> None:
    # First record, a middle batch, and the very last record (the main process is then
    # draining its window, with nothing left to submit).
    records = numbered(6 * BATCH_ITEMS, marker)
    proc = run(["--jsonl", *WS, "-j", "2"], jsonl(records), wrapped)
    skip = assert_worker_death(proc, records)
    assert skip <= marker


def test_worker_killed_before_the_next_submit(wrapped: list[str]) -> None:
    # The first batch kills its worker while the main process waits for more input; the next
    # batch is then submitted to a broken pool.
    records = numbered(3 * BATCH_ITEMS, 0)
    data = jsonl(records)
    head = len(jsonl(records[:BATCH_ITEMS]))
    proc = subprocess.Popen(
        [*wrapped, "--jsonl", *WS, "-j", "2"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert proc.stdin is not None
    proc.stdin.write(data[:head])
    proc.stdin.flush()
    time.sleep(1.0)  # the worker is dead by now
    proc.stdin.write(data[head:])
    proc.stdin.close()
    assert proc.stdout is not None and proc.stderr is not None
    stdout, stderr = proc.stdout.read(), proc.stderr.read()
    completed = subprocess.CompletedProcess(proc.args, proc.wait(timeout=60), stdout, stderr)
    assert assert_worker_death(completed, records) == 0


def test_worker_killed_while_the_pool_shuts_down(wrapped: list[str]) -> None:
    # A broken record stops the run (exit 65) while a later batch, already running, kills its
    # worker: the pool shuts down without a traceback or a hang, and the cause stays the record.
    records = numbered(4 * BATCH_ITEMS, 2 * BATCH_ITEMS, word="SLOW KILLME")
    data = jsonl(records[: BATCH_ITEMS + 3]) + b"{broken\n" + jsonl(records[BATCH_ITEMS + 3 :])
    proc = run(["--jsonl", *WS, "-j", "2"], data, wrapped)
    assert proc.returncode == 65
    assert proc.stderr.decode() == (
        f"cleantext: error: <stdin>:{BATCH_ITEMS + 4}: invalid JSON: Expecting property name "
        "enclosed in double quotes at column 2\n"
    )
    ids = [json.loads(line)["id"] for line in whole_lines(proc.stdout)]
    assert ids == list(range(BATCH_ITEMS + 3))


def test_resume_after_a_worker_death(wrapped: list[str], tmp_path: Path) -> None:
    records = numbered(5 * BATCH_ITEMS, 3 * BATCH_ITEMS + 7)
    full = run(["--jsonl", *WS], jsonl(records))
    env = {**os.environ, "FAULT_ONCE": str(tmp_path / "killed")}
    first = run(["--jsonl", *WS, "-j", "2"], jsonl(records), wrapped, env=env)
    skip = assert_worker_death(first, records)
    rest = run(
        ["--jsonl", *WS, "-j", "2", "--skip-records", str(skip)], jsonl(records), wrapped, env=env
    )
    assert rest.returncode == 0, rest.stderr
    assert first.stdout + rest.stdout == full.stdout


def test_workers_do_not_outlive_a_killed_main_process(tmp_path: Path) -> None:
    big = tmp_path / "big.jsonl"
    big.write_bytes(jsonl(numbered(20_000)))
    proc = subprocess.Popen(
        [*CLEANTEXT, "--jsonl", *WS, "-j", "2", str(big)],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
    )
    assert proc.stdout is not None
    assert proc.stdout.readline()  # running, and soon blocked on the pipe we do not read
    workers = children(proc.pid)
    assert len(workers) == 2
    proc.kill()
    proc.wait(timeout=10)
    deadline = time.monotonic() + 10
    while any(alive(pid) for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not any(alive(pid) for pid in workers)
    proc.stdout.close()


def children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                found.append(int(entry.name))
    return found


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


# -- outputs that cannot be written -----------------------------------------------------------


@pytest.mark.parametrize("jobs", ["1", "2"])
@pytest.mark.parametrize("output", ["stdout", "--report", "--rejects"])
def test_full_disk(output: str, jobs: str, tmp_path: Path) -> None:
    # The failing output, and another one that must stay empty (nothing half-written).
    other = "--report" if output == "--rejects" else "--rejects"
    books = [other, str(tmp_path / "other")]
    if output != "stdout":
        books += [output, "/dev/full"]
    with open("/dev/full" if output == "stdout" else tmp_path / "out", "wb") as out:
        proc = subprocess.run(
            [*CLEANTEXT, "--jsonl", *WS, "-j", jobs, *books],
            input=jsonl(numbered(3 * BATCH_ITEMS)),
            stdout=out,
            stderr=subprocess.PIPE,
            timeout=60,
            check=False,
        )
    assert proc.returncode == 74
    error, skip = failure(proc.stderr)
    name = "standard output" if output == "stdout" else f"{output} /dev/full"
    assert error == f"{name}: No space left on device"
    assert skip == 0
    assert (tmp_path / "other").read_bytes() == b""
    if output != "stdout":
        assert (tmp_path / "out").read_bytes() == b""


def limited(size: int) -> object:
    """A ``preexec_fn`` limiting the size of every file the command writes (``ulimit -f``)."""

    def limit() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (size, size))

    return limit


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_disk_full_mid_run_leaves_whole_records_and_resumes(jobs: str, tmp_path: Path) -> None:
    corpus_file = tmp_path / "in.jsonl"
    corpus_file.write_bytes(jsonl(numbered(8000)))
    full_report, full_rejects, books = outputs(tmp_path, "full")
    full = run(["--jsonl", *WS, *books, corpus_file])
    assert full.returncode == 0
    report, rejects, books = outputs(tmp_path, "cut")
    out = tmp_path / "cut.out"
    with out.open("wb") as handle:
        first = subprocess.run(
            [*CLEANTEXT, "--jsonl", *WS, "-j", jobs, *books, str(corpus_file)],
            stdout=handle,
            stderr=subprocess.PIPE,
            # Every file the run writes is limited; the report, the largest, fails first.
            preexec_fn=limited(full_report.stat().st_size // 2),
            timeout=60,
            check=False,
        )
    assert first.returncode == 74
    error, skip = failure(first.stderr)
    assert error.endswith(": File too large")
    assert 0 < skip < len(full.stdout.splitlines())
    # Every output holds the same whole records: the first `skip` of the full run.
    assert whole_lines(out.read_bytes()) == full.stdout.splitlines(keepends=True)[:skip]
    assert [json.loads(line)["line"] for line in whole_lines(report.read_bytes())] == list(
        range(1, skip + 1)
    )
    assert all(json.loads(line)["line"] <= skip for line in whole_lines(rejects.read_bytes()))
    with out.open("ab") as handle:
        rest = subprocess.run(
            [
                *CLEANTEXT,
                "--jsonl",
                *WS,
                "-j",
                jobs,
                *books,
                "--skip-records",
                str(skip),
                corpus_file,
            ],
            stdout=handle,
            stderr=subprocess.PIPE,
            timeout=60,
            check=False,
        )
    assert rest.returncode == 0, rest.stderr
    assert out.read_bytes() == full.stdout
    assert report.read_bytes() == full_report.read_bytes()
    assert rejects.read_bytes() == full_rejects.read_bytes()


def test_io_error_on_standard_output(tmp_path: Path) -> None:
    # A terminal that went away: writing to it fails with EIO.
    master, slave = pty.openpty()
    proc = subprocess.Popen(
        [*CLEANTEXT, "--jsonl", *WS],
        stdin=subprocess.PIPE,
        stdout=slave,
        stderr=subprocess.PIPE,
    )
    os.close(slave)
    assert proc.stdin is not None
    proc.stdin.write(jsonl(numbered(2)))
    proc.stdin.flush()
    assert os.read(master, 1000).count(b"\n") >= 1  # a terminal gets each record at once
    os.close(master)
    proc.stdin.write(jsonl(numbered(100)))
    proc.stdin.close()
    assert proc.stderr is not None
    stderr = proc.stderr.read()
    assert proc.wait(timeout=60) == 74
    error, skip = failure(stderr)
    assert error == "standard output: Input/output error"
    assert skip >= 1


@pytest.mark.parametrize("path", ["missing/dir/report", "a-directory", "a-file/report"])
def test_unwritable_report(path: str, tmp_path: Path) -> None:
    (tmp_path / "a-directory").mkdir()
    (tmp_path / "a-file").write_text("")
    proc = run(["--report", tmp_path / path], b"text\n")
    assert proc.returncode == 73
    assert proc.stdout == b""
    [line] = proc.stderr.decode().splitlines()
    reason = {"missing": "No such file or directory", "a-directory": "Is a directory"}
    expected = reason.get(path.split("/")[0], "Not a directory")
    assert line == f"cleantext: error: cannot write --report {tmp_path / path}: {expected}"


def test_closed_standard_output() -> None:
    proc = subprocess.Popen(
        [*CLEANTEXT, "--jsonl", *WS],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert proc.stdout is not None and proc.stdin is not None
    proc.stdout.close()
    proc.stdin.write(jsonl(numbered(10)))
    proc.stdin.close()
    assert proc.stderr is not None
    stderr = proc.stderr.read()
    assert proc.wait(timeout=60) == 141
    assert failure(stderr) == ("standard output: closed by its reader", 0)


# -- signals ----------------------------------------------------------------------------------


@pytest.mark.parametrize("jobs", ["1", "2"])
@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM, signal.SIGHUP])
def test_signal_stops_on_a_whole_record_and_resumes(signum: int, jobs: str, tmp_path: Path) -> None:
    records = numbered(6 * BATCH_ITEMS)
    data = jsonl(records)
    full = run(["--jsonl", *WS], data)
    report, _, books = outputs(tmp_path, "cut")
    out = tmp_path / "out"
    with out.open("wb") as handle:
        proc = subprocess.Popen(
            [*CLEANTEXT, "--jsonl", *WS, "-j", jobs, "--explain", *books],
            stdin=subprocess.PIPE,
            stdout=handle,
            stderr=subprocess.PIPE,
            start_new_session=True,
        )
        assert proc.stdin is not None and proc.stderr is not None
        half = len(jsonl(records[: 5 * BATCH_ITEMS]))
        proc.stdin.write(data[:half])  # ... and the rest later: the run is in the middle
        proc.stdin.flush()
        assert proc.stderr.readline().startswith(b"== <stdin>:1 ")
        os.killpg(proc.pid, signum)  # to the whole group, as a terminal or a scheduler does
        stderr = proc.stderr.read()
        status = proc.wait(timeout=60)
        proc.stdin.close()
    assert status == 128 + signum
    error, skip = failure(stderr)
    assert error == f"stopped by {signal.Signals(signum).name}"
    assert 0 < skip < len(records)
    assert whole_lines(out.read_bytes()) == full.stdout.splitlines(keepends=True)[:skip]
    with out.open("ab") as handle:
        rest = subprocess.run(
            [*CLEANTEXT, "--jsonl", *WS, "-j", jobs, *books, "--skip-records", str(skip)],
            input=data,
            stdout=handle,
            stderr=subprocess.PIPE,
            timeout=60,
            check=False,
        )
    assert rest.returncode == 0, rest.stderr
    assert out.read_bytes() == full.stdout
    lines = [json.loads(line)["line"] for line in whole_lines(report.read_bytes())]
    assert lines == list(range(1, len(records) + 1))


def test_debug_shows_the_traceback(wrapped: list[str]) -> None:
    proc = run(["--jsonl", *WS, "--debug", "-j", "2", "/dev/null"], command=wrapped)
    assert proc.returncode == 0
    proc = run(["--jsonl", *WS, "--debug", "--report", "/dev/full"], jsonl(numbered(3)))
    assert proc.returncode == 74
    err = proc.stderr.decode()
    assert "Traceback" in err and "OSError" in err
    assert RESUME_RE.fullmatch(err.splitlines()[-1])


def test_skip_records_keeps_line_numbers_and_offsets(tmp_path: Path) -> None:
    path = tmp_path / "c.jsonl"
    path.write_bytes(jsonl(numbered(3)) + b'{"text": "bad \xff"}\n')
    items = list(read_jsonl([str(path)], "text", "strict", skip=2))
    assert [getattr(item, "line", None) for item in items] == [3, 4]
    proc = run(["--jsonl", *WS, "--skip-records", "2", path])
    assert proc.returncode == 65
    offset = len(jsonl(numbered(3))) + len(b'{"text": "bad ')
    assert f"c.jsonl:4: byte 0xff at offset {offset} " in proc.stderr.decode()


def test_skip_records_counts_files_in_plain_mode(tmp_path: Path) -> None:
    names = []
    for i in range(3):
        (tmp_path / f"{i}.txt").write_text(f"file {i}\n")
        names.append(tmp_path / f"{i}.txt")
    proc = run([*WS, "--skip-records", "2", *names])
    assert (proc.returncode, proc.stdout) == (0, b"file 2\n")


def test_every_exit_status_is_documented() -> None:
    from cleantext import cli
    from cleantext._stop import STOP_SIGNALS

    statuses = {value for name, value in vars(cli).items() if name.startswith("EXIT_")}
    statuses |= {128 + signum for signum in STOP_SIGNALS}
    table = (ROOT / "docs" / "cli.md").read_text().split("## Errors and exit codes")[1]
    documented = {int(m) for m in re.findall(r"^\| (\d+) \|", table, flags=re.M)}
    assert documented == statuses
    epilog = cli.build_parser().epilog or ""
    assert all(str(status) in epilog for status in statuses - {129, 143}), epilog


def test_started_with_a_closed_stream() -> None:
    command = " ".join([*map(str, CLEANTEXT), "--jsonl"])
    proc = subprocess.run(
        ["sh", "-c", f"exec {command} >&-"], input=b"{}", capture_output=True, check=False
    )
    assert (proc.returncode, proc.stderr) == (
        74,
        b"cleantext: error: standard output: Bad file descriptor\n",
    )
    proc = subprocess.run(["sh", "-c", f"exec {command} <&-"], capture_output=True, check=False)
    assert (proc.returncode, proc.stderr) == (
        66,
        b"cleantext: error: <stdin>: Bad file descriptor\n",
    )
