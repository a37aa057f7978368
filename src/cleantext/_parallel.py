"""Cleaning a stream of documents in input order, here or in worker processes (``-j N``).

The stream stays a stream: with N workers at most ``2 * N`` batches are in flight, each of at
most `BATCH_ITEMS` documents or `BATCH_CHARS` characters, so memory does not grow with the input.
(``Pool.imap`` would read the whole input ahead into its task queue.)
"""

from __future__ import annotations

import contextlib
import os
import signal
import sys
import traceback
from collections import deque
from collections.abc import Generator, Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from cleantext._io import Document, Item, Problem
from cleantext._stop import STOP_SIGNALS
from cleantext.model import Result
from cleantext.pipeline import Pipeline

if TYPE_CHECKING:
    from concurrent.futures import Future

BATCH_ITEMS = 64
BATCH_CHARS = 1 << 20
WORKER_DIED = "a worker process died (killed, or out of memory?) on a batch starting here"


@dataclass(frozen=True, slots=True)
class Crash:
    """Cleaning a document failed: a filter raised (a bug in cleantext), or its worker died.

    ``message`` is one line for the user; ``traceback`` the formatted traceback, if any.
    """

    message: str
    traceback: str = ""


Outcome = Result | Crash


def clean_in_order(
    pipeline: Pipeline, items: Iterable[Item], jobs: int = 1
) -> Generator[tuple[Item, Outcome | None], None, None]:
    """Each item with the outcome of cleaning it (None for items that are not documents).

    Items come out in input order whatever ``jobs`` is. Reading is lazy: the input is pulled
    only as far as the bounded window of work in flight.
    """
    if jobs <= 1:
        for item in items:
            yield (
                item,
                _run(pipeline, item.text, item.origin) if isinstance(item, Document) else None,
            )
        return
    # Imported here: multiprocessing costs a noticeable part of the start-up time.
    from concurrent.futures import Future, ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    # Not multiprocessing.Pool: when a worker dies (killed, out of memory) a Pool waits forever
    # for its task, while the executor fails the task with BrokenProcessPool.
    executor = ProcessPoolExecutor(jobs, initializer=_init_worker, initargs=(os.getpid(),))
    try:
        window: deque[tuple[list[Item], Future[list[Outcome]]]] = deque()
        for batch in _batches(items):
            texts = [(item.text, item.origin) for item in batch if isinstance(item, Document)]
            try:
                future = executor.submit(_run_batch, pipeline, texts)
            except BrokenProcessPool as exc:
                # A worker died since the last submit: this batch fails like those in flight
                # (the batches before it that finished keep their results).
                future = Future()
                future.set_exception(exc)
            window.append((batch, future))
            if len(window) >= 2 * jobs:
                yield from _collect(window.popleft())
        while window:
            yield from _collect(window.popleft())
    finally:
        # On an early stop (fatal error, broken pipe, a signal) the batches not yet started are
        # dropped; the few that are running finish first. A worker that dies now changes nothing:
        # every result that was wanted is in (or the run is already stopping).
        with contextlib.suppress(BrokenProcessPool):
            executor.shutdown(wait=True, cancel_futures=True)


def _batches(items: Iterable[Item]) -> Iterator[list[Item]]:
    batch: list[Item] = []
    chars = 0
    for item in items:
        batch.append(item)
        if isinstance(item, Document):
            chars += len(item.text)
        # A problem ends its batch, so that reading does not run on far past a fatal error.
        if len(batch) >= BATCH_ITEMS or chars >= BATCH_CHARS or isinstance(item, Problem):
            yield batch
            batch, chars = [], 0
    if batch:
        yield batch


def _collect(
    entry: tuple[list[Item], Future[list[Outcome]]],
) -> Iterator[tuple[Item, Outcome | None]]:
    from concurrent.futures.process import BrokenProcessPool

    batch, pending = entry
    try:
        outcomes = iter(pending.result())
    except BrokenProcessPool:
        died = Crash(WORKER_DIED)
        outcomes = iter([died] * len(batch))
    for item in batch:
        yield item, next(outcomes) if isinstance(item, Document) else None


def _init_worker(parent: int) -> None:
    # Ctrl-C, a closed terminal or ``kill -- -PGID`` reach the whole process group: only the main
    # process handles them (it stops at a record boundary, then shuts the pool down), so that one
    # signal does not print a traceback per worker nor lose the batches that are nearly done.
    for signum in STOP_SIGNALS:
        signal.signal(signum, signal.SIG_IGN)
    _die_with_parent(parent)


def _die_with_parent(parent: int) -> None:
    """On Linux, have the kernel kill this worker if the main process dies (``kill -9``): an
    orphaned worker would otherwise wait on its task queue for ever."""
    if not sys.platform.startswith("linux"):
        return
    import ctypes

    with contextlib.suppress(OSError, AttributeError):
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
        if os.getppid() != parent:  # the parent died before prctl took effect
            os._exit(1)


_PR_SET_PDEATHSIG = 1


def _run(pipeline: Pipeline, text: str, source: str | None) -> Outcome:
    try:
        return pipeline.run(text, source=source)
    except Exception as exc:
        message = f"internal error, please report it: {type(exc).__name__}: {exc}"
        return Crash(message, traceback.format_exc())


def _run_batch(pipeline: Pipeline, texts: list[tuple[str, str | None]]) -> list[Outcome]:
    """Runs in a worker. The pipeline travels with each batch: it is a few small dataclasses.

    The results go back whole, ``original`` included, so that a `Result` is the same in every
    process (an unchanged text is its own original: pickle sends that string once).
    """
    return [_run(pipeline, text, source) for text, source in texts]
