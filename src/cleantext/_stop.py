"""Stopping the ``cleantext`` command at a record boundary when it is sent a signal.

SIGINT (Ctrl-C), SIGTERM (``kill``, a job scheduler) and SIGHUP (a closed terminal) end the run
the same way: the records already cleaned are written whole, one line says what happened and how
far the run got, and the exit status is 128 + the signal number, as a shell reports it.
"""

from __future__ import annotations

import os
import signal
from collections.abc import Iterable, Iterator
from types import FrameType
from typing import TypeVar

#: The signals that stop a run (worker processes ignore them: the main process decides).
STOP_SIGNALS = (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)

T = TypeVar("T")


class Stopped(Exception):
    """The run was sent ``signum``."""

    def __init__(self, signum: int) -> None:
        self.signum = signum
        super().__init__(f"stopped by {self.name}")

    @property
    def name(self) -> str:
        return signal.Signals(self.signum).name

    @property
    def status(self) -> int:
        return 128 + self.signum


class Signals:
    """The command's handler for `STOP_SIGNALS`.

    While the command waits for input (inside `reading`) the handler raises `Stopped` at once:
    reading can block for ever on a quiet pipe, and nothing is half-written then. Anywhere else
    (cleaning, writing a record) it only notes the signal, and the run stops at the next record
    boundary (`check`). A second signal ends the process at once, as if it were not handled, for
    the case where something blocks (a stuck reader of the output, a hung worker).
    """

    def __init__(self) -> None:
        self.received: int | None = None
        self._waiting = False

    def install(self) -> None:
        for signum in STOP_SIGNALS:
            signal.signal(signum, self._handle)
        # A file over the size limit (``ulimit -f``) is an output error (EFBIG) that the run
        # reports like a full disk, not a signal that kills it without a word.
        if hasattr(signal, "SIGXFSZ"):
            signal.signal(signal.SIGXFSZ, signal.SIG_IGN)

    def _handle(self, signum: int, frame: FrameType | None) -> None:
        if self.received is not None:
            signal.signal(signum, signal.SIG_DFL)
            os.kill(os.getpid(), signum)
            return
        self.received = signum
        if self._waiting:
            raise Stopped(signum)

    def check(self) -> None:
        """Raise `Stopped` if a signal has come."""
        if self.received is not None:
            raise Stopped(self.received)

    def reading(self, items: Iterable[T]) -> Iterator[T]:
        """``items``, pulled one by one with the handler free to raise while each is read."""
        iterator = iter(items)
        while True:
            self._waiting = True
            try:
                self.check()
                item = next(iterator)
            except StopIteration:
                return
            finally:
                self._waiting = False
            yield item
