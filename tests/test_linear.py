"""Linear time on hostile input: the work at n and at 8n, compared in one process.

For every hostile pattern of ``benchmarks/bench_hostile.py`` (a run of ``&``, a run of ``Ã©``,
lines alternating between scripts, brackets, URL queries, lone surrogates, ...) and every
registered filter alone (default and opt-in; the pipeline's own books are in every run), the CPU
time of one run at ``SMALL`` characters is compared with one run at ``FACTOR`` times that, in
the same process:
linear time gives a ratio near 8, quadratic near 64. A test fails only when the ratio is above
``LIMIT`` (30) twice in a row, so a slow machine (slow at both sizes alike) cannot fail it and a
busy one (CPU time, minimum of several runs) hardly moves it. There is no absolute-time
assertion: the large run is stopped by a CPU-time alarm at ``LIMIT`` times the small run's
time, so a quadratic case fails fast instead of running for minutes. A small run too short to
show growth (under ``TARGET`` seconds) is repeated on a text four times longer, up to
``MAX_SMALL`` characters.

Cases that are superlinear today are marked ``xfail(strict=True)`` in `KNOWN_SUPERLINEAR`, with
the filter that is to blame: they keep the suite green, and the mark must go when the filter is
fixed (a strict xfail that passes fails the suite).

Run as a script to print the ratio of every case: ``python tests/test_linear.py [PATTERN...]``.
"""

from __future__ import annotations

import gc
import math
import os
import signal
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from types import FrameType

import pytest

from cleantext import Pipeline, filters

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
from bench_hostile import PATTERNS

SMALL = 4_000
MAX_SMALL = 64_000
FACTOR = 8
LIMIT = 30.0
TARGET = 0.005
SLACK = 0.05
#: Above this ratio (linear is about 8) the case is measured again at 4n: some filters turn
#: quadratic only past a length (a run of ``Ã©`` grows linearly up to 30,000 characters).
GREY = 10.0
#: The ratio at 4x that grows like `LIMIT` at `FACTOR`x: 4 ** (log LIMIT / log FACTOR), about 9.7.
STEP_LIMIT = 4 ** (math.log(LIMIT) / math.log(FACTOR))
SUBJECTS = filters.names()

#: (pattern, subject) -> why it is superlinear today (the filter to fix).
KNOWN_SUPERLINEAR: dict[tuple[str, str], str] = {
    ("foreign-lines", "untranslated"): "untranslated: O(sentences x stretches) candidates",
    ("mixed-language", "missing-sentence-boundary"): (
        "missing-sentence-boundary: superlinear on paragraphs in many languages"
    ),
}

#: Cases whose ratio comes out above `LIMIT` in some runs and below it in others on the shared
#: benchmark machine: not strict, so that the suite stays green (none today).
BORDERLINE: dict[tuple[str, str], str] = {}


class Superlinear(Exception):
    """The large run went past ``LIMIT`` times the small run's CPU time."""


@contextmanager
def cpu_alarm(seconds: float) -> Iterator[None]:
    """Raise `Superlinear` in this thread once the process has used ``seconds`` more CPU."""

    def ring(signum: int, frame: FrameType | None) -> None:
        raise Superlinear

    previous = signal.signal(signal.SIGPROF, ring)
    signal.setitimer(signal.ITIMER_PROF, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_PROF, 0)
        signal.signal(signal.SIGPROF, previous)


def cpu(run: Callable[[str], object], text: str, repeats: int) -> float:
    """Least CPU seconds of ``repeats`` runs (the least is the run the machine disturbed least)."""
    best = float("inf")
    # The cyclic garbage collector is off while timing: its passes cost in proportion to every
    # object the process holds (the test session's included), which is not the filter's work.
    gc.disable()
    try:
        for _ in range(repeats):
            start = time.process_time()
            run(text)
            best = min(best, time.process_time() - start)
    finally:
        gc.enable()
    return best


def growth(run: Callable[[str], object], make: Callable[[int], str]) -> tuple[float, int]:
    """(ratio of the CPU time at 8n to the time at n, n); ratio ``inf`` if the alarm rang.

    n starts at `SMALL` and grows fourfold (up to `MAX_SMALL`) while a run at n takes less than
    `TARGET` seconds (a ratio of timer noise says nothing); if that fourfold step already took
    more than `STEP_LIMIT` times the time (the growth `LIMIT` stands for, at 4x), the case
    fails there without a run at 8n. n also grows while the ratio is in the grey
    zone between `GREY` and `LIMIT`: a quadratic ratio climbs towards 64 as n grows (the
    linear part of the work matters less and less), a linear one falls back towards 8.
    """
    n = SMALL
    run(make(n)[:1000])  # warm-up: compiled patterns, lazily built tables
    t_before = 0.0
    while True:
        t_small = cpu(run, make(n), 2)
        if t_small < 0.05:  # a short run: one more, the least of three
            t_small = min(t_small, cpu(run, make(n), 1))
        if t_before >= TARGET / 4 and t_small / t_before > STEP_LIMIT:
            return float("inf"), n // 4  # 4x the text already took far more than 4x the time
        if t_small < TARGET and n < MAX_SMALL:
            n, t_before = n * 4, t_small
            continue
        repeats = 2 if t_small * FACTOR < 0.1 else 1
        large = make(n * FACTOR)  # built before the alarm is set: only the run is timed
        try:
            with cpu_alarm(repeats * LIMIT * t_small + SLACK):
                t_large = cpu(run, large, repeats)
        except Superlinear:
            return float("inf"), n
        ratio = t_large / t_small if t_small else 0.0
        if GREY < ratio <= LIMIT and n < MAX_SMALL:
            n *= 4
            continue
        return ratio, n


def runner(subject: str) -> Callable[[str], object]:
    return Pipeline([subject]).run


def cases() -> list[object]:
    return list(_cases())


def _cases() -> Iterator[object]:
    for pattern in PATTERNS:
        for subject in SUBJECTS:
            reason = KNOWN_SUPERLINEAR.get((pattern, subject))
            marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
            if (pattern, subject) in BORDERLINE:
                marks = [pytest.mark.xfail(strict=False, reason=BORDERLINE[(pattern, subject)])]
            yield pytest.param(pattern, subject, marks=marks, id=f"{pattern}-{subject}")


_TEXTS: dict[tuple[str, int], str] = {}


def maker(pattern: str) -> Callable[[int], str]:
    """The pattern's text at a size, kept while the same pattern is asked for."""

    def make(size: int) -> str:
        key = (pattern, size)
        if key not in _TEXTS:
            if any(p != pattern for p, _ in _TEXTS):
                _TEXTS.clear()
            _TEXTS[key] = PATTERNS[pattern][1](size)
        return _TEXTS[key]

    return make


@pytest.mark.parametrize(("pattern", "subject"), cases())
def test_time_grows_linearly(pattern: str, subject: str) -> None:
    run, make = runner(subject), maker(pattern)
    ratio, n = growth(run, make)
    if ratio > LIMIT:  # once more before failing: one disturbed run must not fail the suite
        ratio, n = growth(run, make)
    assert ratio <= LIMIT, (
        f"{subject} on {pattern}: {FACTOR}x the text ({n:,} -> {n * FACTOR:,} characters) "
        f"took {ratio:.0f}x the CPU time "
        f"(linear is about {FACTOR}, quadratic {FACTOR * FACTOR})"
    )


def test_guard_catches_quadratic_work() -> None:
    """The guard itself: a quadratic function fails it, a linear one passes."""

    def quadratic(s: str) -> int:
        return sum(1 for a in s for b in s if a == b)

    def linear(s: str) -> int:
        return sum(1 for c in s if c == "a")

    def text(n: int) -> str:
        return ("ab" * n)[:n]

    assert growth(quadratic, lambda n: text(n // 20))[0] > LIMIT
    assert growth(linear, text)[0] <= LIMIT


def test_known_superlinear_names_real_cases() -> None:
    for pattern, subject in [*KNOWN_SUPERLINEAR, *BORDERLINE]:
        assert pattern in PATTERNS and subject in SUBJECTS, (pattern, subject)


if __name__ == "__main__":
    chosen = sys.argv[1:] or list(PATTERNS)
    for pattern in chosen:
        for subject in SUBJECTS:
            start = time.process_time()
            ratio, n = growth(runner(subject), maker(pattern))
            spent = time.process_time() - start
            mark = "  SUPERLINEAR" if ratio > LIMIT else ""
            print(
                f"{pattern:<22} {subject:<28} ratio {ratio:7.1f}  n {n:>8,}"
                f"  case {spent:6.2f} s{mark}",
                flush=True,
            )


# Not yet reliable on a shared 2-core machine (load makes 8x ratios noisy; 4-16 min wall): run it
# with CLEANTEXT_LINEAR=1. Issue 10 stays open until it runs green by default.
pytestmark = pytest.mark.skipif(
    os.environ.get("CLEANTEXT_LINEAR") != "1", reason="set CLEANTEXT_LINEAR=1 (issue 10)"
)
