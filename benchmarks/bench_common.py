"""What the ``bench*.py`` scripts share: the clock, the subjects, interleaved timing, children.

* **Clock**: the process's CPU time (`time.process_time`). The benchmark machine has 2 cores
  shared with other work; the CPU time of a single-threaded run hardly moves when other
  processes load the cores, wall time moved by 3x.
* **Subjects** (`subjects`): the default pipeline, every registered filter alone, ``ftfy.fix_text``
  with its defaults, and ftfy's non-normalizing configuration (`FTFY_NON_NORMALIZING`).
* **Interleaved passes** (`interleaved`): pass 1 of every subject, then pass 2 of every
  subject, ...; each figure is the median of its passes, so a slow minute of the machine falls
  on every subject alike instead of on one.
* **Children** (`run_child`): a measurement that may hang (a hostile input, a 10 MB document)
  runs in a subprocess with a timeout; the child prints one JSON line per finished step, and
  whatever it printed before the timeout is kept.
* **Where the time goes** (`filter_times`): every filter's ``changes_for``/``flags_in`` wrapped
  to add up CPU time by filter name during one pipeline run.
"""

from __future__ import annotations

import json
import os
import platform
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import ftfy

import cleantext
from cleantext import Pipeline, filters, langid
from cleantext.filters import registry

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
OUT = HERE / "out"

Runner = Callable[[str], object]

#: ftfy as datatrove's ``FTFYFormatter`` runs it (huggingface/datatrove,
#: ``src/datatrove/pipeline/formatters/ftfy.py``, its defaults): encoding fixes on, the fixes
#: that "enforce a specific text format" off (ligatures, character width, uncurling quotes,
#: line breaks) and no Unicode normalization.
FTFY_NON_NORMALIZING = ftfy.TextFixerConfig(
    unescape_html="auto",
    remove_terminal_escapes=True,
    fix_encoding=True,
    restore_byte_a0=True,
    replace_lossy_sequences=True,
    decode_inconsistent_utf8=True,
    fix_c1_controls=True,
    fix_latin_ligatures=False,
    fix_character_width=False,
    uncurl_quotes=False,
    fix_line_breaks=False,
    fix_surrogates=True,
    remove_control_chars=True,
    normalization=None,
)

DEFAULT = "cleantext default"
FTFY = "ftfy.fix_text"
FTFY_NN = "ftfy non-normalizing"


def clock() -> float:
    return time.process_time()


def ftfy_non_normalizing(text: str) -> str:
    return ftfy.fix_text(text, config=FTFY_NON_NORMALIZING)


def subjects(*, each_filter: bool = True, ftfy_too: bool = True) -> dict[str, Runner]:
    """Label -> runner; filters alone are labelled by their name, indented by two spaces."""
    runs: dict[str, Runner] = {DEFAULT: Pipeline.default().run}
    if ftfy_too:
        runs[FTFY] = ftfy.fix_text
        runs[FTFY_NN] = ftfy_non_normalizing
    if each_filter:
        for name in filters.names():
            runs[f"  {name}"] = Pipeline([name]).run
    return runs


def clear_caches() -> None:
    """Forget cached language answers, so that every timed pass does the same work."""
    if hasattr(langid.detect, "cache_clear"):
        langid.detect.cache_clear()


def mb(texts: Sequence[str]) -> float:
    """Megabytes (10^6 bytes) of UTF-8."""
    return sum(len(t.encode("utf-8", "surrogatepass")) for t in texts) / 1e6


def one_pass(run: Runner, texts: Sequence[str]) -> float:
    clear_caches()
    start = clock()
    for text in texts:
        run(text)
    return clock() - start


def interleaved(
    runs: Mapping[str, Runner],
    texts: Sequence[str],
    repeats: int,
    *,
    budget: float | None = None,
    report: Callable[[str, int, float], None] | None = None,
) -> dict[str, list[float]]:
    """CPU seconds of each pass of each subject, passes interleaved across subjects.

    A subject whose pass took longer than ``budget`` seconds is not run again (its one pass is
    its figure). ``report(label, pass_number, seconds)`` is called after every pass.
    """
    for run in runs.values():  # warm-up: imports, compiled patterns, langdetect's profiles
        run(texts[0][:2000] if texts else "")
    seconds: dict[str, list[float]] = {label: [] for label in runs}
    for number in range(repeats):
        for label, run in runs.items():
            if number and budget is not None and seconds[label][-1] > budget:
                continue
            taken = one_pass(run, texts)
            seconds[label].append(taken)
            if report is not None:
                report(label, number, taken)
    return seconds


def median(values: Sequence[float]) -> float:
    return statistics.median(values)


# -- children -----------------------------------------------------------------------------------


def emit(**record: Any) -> None:
    """A child's one JSON line of progress (flushed at once, so that a timeout keeps it)."""
    print(json.dumps(record), flush=True)


def run_child(args: Sequence[str], timeout: float) -> tuple[list[dict[str, Any]], str | None]:
    """Run ``python <args>`` niced, with a wall-clock timeout; its JSON lines and what went wrong.

    Returns the records printed before the end and ``None``, or ``"timeout"``, or the last line
    of the child's stderr when it failed.
    """
    command = [sys.executable, *args]
    env = {**os.environ, "PYTHONHASHSEED": "0"}
    problem: str | None = None
    try:
        done = subprocess.run(
            command, capture_output=True, text=True, timeout=timeout, env=env, cwd=ROOT
        )
        out = done.stdout
        if done.returncode:
            problem = (done.stderr.strip().splitlines() or [f"exit {done.returncode}"])[-1]
    except subprocess.TimeoutExpired as expired:
        raw = expired.stdout or b""
        out = raw.decode("utf-8", "replace") if isinstance(raw, bytes) else raw
        problem = "timeout"
    records = []
    for line in out.splitlines():
        if line.startswith("{"):
            records.append(json.loads(line))
    return records, problem


# -- where the time goes ------------------------------------------------------------------------


@contextmanager
def filter_times() -> Iterator[dict[str, float]]:
    """CPU seconds by filter name while the block runs (detectors: their flags, consumed).

    Facts of the shared `DocumentContext` (words, sentences, language) are computed by the
    first detector that asks, so they count in that detector's time.
    """
    totals: dict[str, float] = {}
    patched: list[tuple[type[Any], str, Any]] = []

    def timed_method(name: str, method: Any, consume: bool) -> Any:
        def wrapper(self: Any, *args: Any) -> Any:
            start = clock()
            try:
                result = method(self, *args)
                return list(result) if consume else result
            finally:
                totals[name] = totals.get(name, 0.0) + clock() - start

        return wrapper

    for cls in registry.classes():
        for attr, consume in (("changes_for", True), ("flags_in", True)):
            if hasattr(cls, attr):
                method = getattr(cls, attr)
                patched.append((cls, attr, cls.__dict__.get(attr)))
                setattr(cls, attr, timed_method(cls.name, method, consume))
    try:
        yield totals
    finally:
        for cls, attr, original in reversed(patched):
            if original is None:
                delattr(cls, attr)
            else:
                setattr(cls, attr, original)


# -- the report ---------------------------------------------------------------------------------


def machine() -> dict[str, Any]:
    return {
        "python": platform.python_version(),
        "platform": platform.platform(),
        "cores": os.cpu_count(),
        "load_average": [round(x, 2) for x in os.getloadavg()],
        "cleantext": cleantext.__version__,
        "ftfy": ftfy.__version__,
        "git": git_head(),
        "date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
    }


def git_head() -> str:
    try:
        done = subprocess.run(
            ["git", "log", "-1", "--format=%h %s"],
            capture_output=True,
            text=True,
            cwd=ROOT,
            check=False,
        )
    except OSError:
        return "unknown"
    return done.stdout.strip()[:72] or "unknown"


def write_report(name: str, report: Mapping[str, Any]) -> Path:
    OUT.mkdir(exist_ok=True)
    path = OUT / f"{name}.json"
    path.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return path


def read_report(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((OUT / f"{name}.json").read_text(encoding="utf-8"))
    return data
