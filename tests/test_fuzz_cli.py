"""``cleantext fuzz`` and ``cleantext score``, run for real in subprocesses, and their errors."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

CLEANTEXT = [sys.executable, "-m", "cleantext"]


def run(*args: str, stdin: str = "", cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*CLEANTEXT, *args], input=stdin, capture_output=True, text=True, cwd=cwd, check=False,
        timeout=300,
    )  # fmt: skip


@pytest.fixture(scope="module")
def records(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("fuzz") / "records.jsonl"
    done = run("fuzz", "--seed", "4")
    assert done.returncode == 0, done.stderr
    path.write_text(done.stdout, encoding="utf-8")
    return path


def _score(*args: str) -> dict[str, object]:
    done = run("score", *args, "--json")
    assert done.returncode == 0, done.stderr
    result: dict[str, object] = json.loads(done.stdout)
    return result


def test_fuzz_writes_records_with_ground_truth(records: Path) -> None:
    lines = records.read_text(encoding="utf-8").split("\n")
    rows = [json.loads(line) for line in lines if line]
    assert len(rows) == 112  # the shipped sample, one copy each
    assert {"id", "clean", "dirty", "artifacts"} <= set(rows[0])
    assert any(not r["artifacts"] for r in rows) and any(r["artifacts"] for r in rows)
    artifact = next(a for r in rows for a in r["artifacts"])
    assert {"family", "kind", "expect", "code", "dirty", "clean", "clean_text"} <= set(artifact)


def test_identity_repairs_nothing_and_harms_nothing(records: Path) -> None:
    """The round trip through a shell pipe: cleantext fuzz | cleantext score --cmd cat."""
    pipe = subprocess.run(
        f"{sys.executable} -m cleantext fuzz --seed 9 --copies 2 | "
        f"{sys.executable} -m cleantext score - --cmd cat --json",
        shell=True, capture_output=True, text=True, check=False, timeout=300,
    )  # fmt: skip
    assert pipe.returncode == 0, pipe.stderr
    result = json.loads(pipe.stdout)
    families = result["families"]
    assert sum(f["total"] for f in families.values()) > 100
    assert all(f["repaired"] == 0 and f["flagged"] == 0 for f in families.values())
    assert result["harm"]["chars"] == 0 and result["harm"]["clean_records_changed"] == 0


def test_cleantext_as_a_command_and_in_process_agree(tmp_path: Path) -> None:
    source = tmp_path / "clean.jsonl"
    source.write_text(
        json.dumps({"id": "a", "text": "The café opened in 2014.\n\nIt closed in 2019."}) + "\n"
        + json.dumps({"id": "b", "text": "Le pont a rouvert.\n\nPrès de 4500 personnes."})
        + "\n",
        encoding="utf-8",
    )  # fmt: skip
    made = run("fuzz", "--jsonl", str(source), "--families", "whitespace,encoding", "--copies",
               "3", "--layers", "0", "--clean-share", "0")  # fmt: skip
    assert made.returncode == 0, made.stderr
    fuzzed = tmp_path / "fuzzed.jsonl"
    fuzzed.write_text(made.stdout, encoding="utf-8")
    as_command = _score(str(fuzzed), "--cmd", f"{sys.executable} -m cleantext")
    in_process = _score(str(fuzzed))
    # The same repairs; only the library run can report flags.
    repaired = {name: f["repaired"] for name, f in as_command["families"].items()}  # type: ignore[union-attr]
    assert repaired == {name: f["repaired"] for name, f in in_process["families"].items()}  # type: ignore[union-attr]
    assert all(f["flagged"] == 0 for f in as_command["families"].values())  # type: ignore[union-attr]
    whitespace = in_process["families"]["whitespace"]  # type: ignore[index]
    assert whitespace["repaired"] > 0


def test_a_callable_and_a_jsonl_command(records: Path) -> None:
    ftfy = _score(str(records), "--callable", "ftfy:fix_text")
    assert ftfy["families"]["encoding"]["repaired"] > 0  # type: ignore[index]
    echo = (
        f'{sys.executable} -c "import json,sys; '
        "[print(json.dumps({'text': json.loads(l)['text']})) for l in sys.stdin]\""
    )
    identity = _score(str(records), "--cmd-jsonl", echo)
    assert all(f["repaired"] == 0 for f in identity["families"].values())  # type: ignore[union-attr]


def test_table_output(records: Path) -> None:
    done = run("score", str(records), "--cmd", "cat")
    assert done.returncode == 0
    assert done.stdout.startswith("family") and "harm: 0 characters" in done.stdout


def test_list_names_the_corruptors() -> None:
    done = run("fuzz", "--list")
    assert "rejoin-numbers" in done.stdout and "opt-in" in done.stdout


@pytest.mark.parametrize(
    ("args", "stdin", "status", "message"),
    [
        (["score", "-"], "", 65, "no records in -"),
        (["score", "-"], '{"dirty": "x", "clean": "x"}\n{broken\n', 65, "-:2: not a JSON record"),
        (["score", "-"], '{"dirty": 3}\n', 65, '-:1: a record needs "dirty" and "clean"'),
        (["score", "missing.jsonl"], "", 66, "cannot read missing.jsonl"),
        (["fuzz", "--families", "nope"], "", 2, "unknown family nope"),
        (["fuzz", "-"], "", 65, "no text to corrupt"),
        (["fuzz", "--jsonl", "-"], "{not json\n", 65, "-:1: not a JSON record"),
        (["fuzz", "--jsonl", "-"], '{"body": "x"}\n', 65, "-:1: no text field 'text'"),
    ],
)
def test_bad_input_gets_one_clear_line(
    args: list[str], stdin: str, status: int, message: str, tmp_path: Path
) -> None:
    done = run(*args, stdin=stdin, cwd=tmp_path)
    assert done.returncode == status
    assert message in done.stderr and "Traceback" not in done.stderr
    assert done.stderr.count("\n") == 1


@pytest.mark.parametrize(
    ("cmd", "extra", "message"),
    [
        ("echo boom >&2; exit 3", [], "failed on record"),
        ("sleep 30", ["--timeout", "0.5"], "timed out after 0.5 s"),
    ],
)
def test_a_crashing_or_hanging_command(
    cmd: str, extra: list[str], message: str, records: Path
) -> None:
    done = run("score", str(records), "--cmd", cmd, *extra)
    assert done.returncode == 70
    assert message in done.stderr and "Traceback" not in done.stderr
    if "exit 3" in cmd:
        assert "(exit 3): boom" in done.stderr


def test_a_file_named_fuzz_is_still_readable(tmp_path: Path) -> None:
    (tmp_path / "fuzz").write_text("Clean text.\r\n", encoding="utf-8")
    done = run("./fuzz", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stdout == "Clean text.\n"
