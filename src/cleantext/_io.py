"""Input and output for the ``cleantext`` command: decoding, JSONL records, safe encoding.

Nothing here knows about filters. Readers turn bytes into a stream of items in input order:
a `Document` to clean, a `Blank` JSONL line to copy, or a `Problem` (undecodable bytes, a broken
record, an unreadable file) that the command either stops on or sets aside (``--skip-bad``).
Readers never raise on bad data: a problem is an item in the stream, so that everything before it
is still written, in order, even when documents are cleaned in other processes.

Writers never raise on what a `str` may hold. Lone surrogates (from JSON ``"\\ud800"`` escapes or
from ``--errors surrogateescape``) cannot be encoded as UTF-8; the error handlers registered here
write them back as the raw bytes they came from (``surrogateescape`` mode), as ``\\uXXXX`` escapes
(JSON) or as U+FFFD (plain text).
"""

from __future__ import annotations

import codecs
import errno
import json
import os
import stat
import sys
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any, BinaryIO

#: How ``cleantext`` names standard input in ids and messages.
STDIN = "<stdin>"

#: ``--errors`` choices: the codec error handlers used to decode input.
DECODE_ERRORS = ("strict", "replace", "surrogateescape")


@dataclass(frozen=True, slots=True)
class Document:
    """One document to clean: a whole plain file, or one JSONL record's field.

    ``line`` is the record's 1-based line number (None for a plain file); ``record`` the parsed
    JSONL record (None for a plain file); ``size`` the number of input bytes it came from;
    ``origin`` where the document comes from for corpus mode (a record's ``domain``), given to
    the pipeline beside the text (``Pipeline.run(text, source=origin)``).
    """

    source: str
    line: int | None
    text: str
    record: dict[str, Any] | None
    size: int
    origin: str | None = None

    @property
    def id(self) -> Any:
        """The record's ``id`` field if it has one, else its line number; a plain file's name."""
        if self.record is not None and "id" in self.record:
            return self.record["id"]
        return self.source if self.line is None else self.line


@dataclass(frozen=True, slots=True)
class Blank:
    """A JSONL line holding only whitespace: copied to the output as an empty line."""

    source: str
    line: int
    size: int


@dataclass(frozen=True, slots=True)
class Problem:
    """Input that cannot be cleaned. ``message`` is the one-line error (without the program name).

    ``reason`` is a stable code: ``undecodable``, ``invalid-json``, ``not-an-object``,
    ``missing-field``, ``field-not-string`` (bad data) or ``unreadable`` (an I/O error).
    ``raw`` is the offending JSONL line (decoded with surrogateescape, so that
    ``raw.encode("utf-8", "surrogateescape")`` gives its exact bytes back), or None when the
    problem cannot be set aside (a plain file, an unreadable file).
    """

    source: str
    line: int | None
    reason: str
    message: str
    raw: str | None
    size: int
    id: Any = None


Item = Document | Blank | Problem


def undecodable_message(where: str, data: bytes, error: UnicodeDecodeError, base: int = 0) -> str:
    """The one-line message for bytes that are not UTF-8, naming the first bad byte.

    ``where`` is ``FILE:LINE``; ``data`` is the chunk that failed to decode and ``base`` its
    offset in the file, so that the offset in the message is the byte's offset in the file.
    """
    offset = base + error.start
    return (
        f"{where}: byte 0x{data[error.start]:02x} at offset {offset} is not valid UTF-8 "
        "(use --errors replace or --errors surrogateescape to go on)"
    )


def read_plain(paths: Iterable[str], errors: str, skip: int = 0) -> Iterator[Document | Problem]:
    """Each file (``-`` is standard input) as one whole `Document`, in order; the first ``skip``
    files are passed over unread (``--skip-records``)."""
    for number, path in enumerate(paths):
        if number < skip:
            continue
        source = STDIN if path == "-" else path
        try:
            data = _read_all(path)
        except OSError as exc:
            yield Problem(source, None, "unreadable", _os_message(source, exc), None, 0)
            continue
        try:
            text = data.decode("utf-8", errors)
        except UnicodeDecodeError as exc:
            line = data.count(b"\n", 0, exc.start) + 1
            message = undecodable_message(f"{source}:{line}", data, exc)
            yield Problem(source, line, "undecodable", message, None, len(data))
            continue
        yield Document(source, None, text, None, len(data))


def read_jsonl(paths: Iterable[str], field: str, errors: str, skip: int = 0) -> Iterator[Item]:
    """Every line of every JSONL file as an item, streamed: one line in memory at a time.

    The first ``skip`` lines of the input (all files together) are passed over without being
    decoded (``--skip-records``); the items after them keep their line numbers and offsets.
    """
    for path in paths:
        source = STDIN if path == "-" else path
        try:
            handle = sys.stdin.buffer if path == "-" else open(path, "rb")  # noqa: SIM115
        except OSError as exc:
            yield Problem(source, None, "unreadable", _os_message(source, exc), None, 0)
            continue
        try:
            skipped, offset = 0, 0
            while skipped < skip:
                data = handle.readline()
                if not data:
                    break
                skipped += 1
                offset += len(data)
            skip -= skipped
            yield from _jsonl_items(handle, source, field, errors, skipped + 1, offset)
        except OSError as exc:
            yield Problem(source, None, "unreadable", _os_message(source, exc), None, 0)
        finally:
            if handle is not sys.stdin.buffer:
                handle.close()


def _jsonl_items(
    handle: BinaryIO, source: str, field: str, errors: str, first: int, offset: int
) -> Iterator[Item]:
    for number, data in enumerate(handle, start=first):
        size = len(data)
        where = f"{source}:{number}"
        try:
            line = data.decode("utf-8", errors)
        except UnicodeDecodeError as exc:
            raw = data.decode("utf-8", "surrogateescape")
            message = undecodable_message(where, data, exc, offset)
            yield Problem(source, number, "undecodable", message, _chomp(raw), size, number)
            offset += size
            continue
        offset += size
        if number == 1 and line.startswith("\ufeff"):
            line = line[1:]  # a byte-order mark is not part of the first record
        line = _chomp(line)
        if not line.strip():
            yield Blank(source, number, size)
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            message = f"{where}: invalid JSON: {exc.msg} at column {exc.pos + 1}"
            yield Problem(source, number, "invalid-json", message, line, size, number)
            continue
        except RecursionError:
            message = f"{where}: invalid JSON: nested too deeply"
            yield Problem(source, number, "invalid-json", message, line, size, number)
            continue
        if not isinstance(record, dict):
            kind = _json_type(record)
            message = f"{where}: the record is {kind}, not a JSON object"
            yield Problem(source, number, "not-an-object", message, line, size, number)
            continue
        record_id = record.get("id", number)
        if field not in record:
            message = f"{where}: the record has no field {field!r} (choose another with --field)"
            yield Problem(source, number, "missing-field", message, line, size, record_id)
            continue
        value = record[field]
        if not isinstance(value, str):
            message = f"{where}: field {field!r} is {_json_type(value)}, not a string"
            yield Problem(source, number, "field-not-string", message, line, size, record_id)
            continue
        yield Document(source, number, value, record, size)


def _read_all(path: str) -> bytes:
    if path == "-":
        return sys.stdin.buffer.read()
    with open(path, "rb") as handle:
        return handle.read()


def _chomp(line: str) -> str:
    return line.removesuffix("\n").removesuffix("\r")


def _json_type(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, list):
        return "an array"
    if isinstance(value, dict):
        return "an object"
    return "a string"


def _os_message(source: str, exc: OSError) -> str:
    return f"{source}: {exc.strerror or exc}"


def check_readable(path: str) -> str | None:
    """Why ``path`` cannot be read as an input file, or None (checked before any output)."""
    if path == "-":
        return None if sys.stdin is not None else f"{STDIN}: Bad file descriptor"
    if not os.path.exists(path):
        return f"{path}: No such file or directory"
    if os.path.isdir(path):
        return f"{path}: Is a directory"
    if not os.access(path, os.R_OK):
        return f"{path}: Permission denied"
    return None


# -- writing ----------------------------------------------------------------------------------

_REPLACEMENT = "\ufffd".encode()


def _escaped_bytes(char: str) -> bytes | None:
    """The byte ``surrogateescape`` decoding turned into ``char``, or None."""
    code = ord(char)
    return bytes([code - 0xDC00]) if 0xDC80 <= code <= 0xDCFF else None


def _text_replace(exc: UnicodeError) -> tuple[bytes, int]:
    assert isinstance(exc, UnicodeEncodeError)
    return _REPLACEMENT * (exc.end - exc.start), exc.end


def _text_bytes(exc: UnicodeError) -> tuple[bytes, int]:
    assert isinstance(exc, UnicodeEncodeError)
    chunk = exc.object[exc.start : exc.end]
    return b"".join(_escaped_bytes(c) or _REPLACEMENT for c in chunk), exc.end


def _json_escape(exc: UnicodeError) -> tuple[bytes, int]:
    assert isinstance(exc, UnicodeEncodeError)
    chunk = exc.object[exc.start : exc.end]
    return "".join(f"\\u{ord(c):04x}" for c in chunk).encode("ascii"), exc.end


def _json_bytes(exc: UnicodeError) -> tuple[bytes, int]:
    assert isinstance(exc, UnicodeEncodeError)
    chunk = exc.object[exc.start : exc.end]
    return (
        b"".join(_escaped_bytes(c) or f"\\u{ord(c):04x}".encode("ascii") for c in chunk),
        exc.end,
    )


# Lone surrogates only appear inside JSON strings, where a ``\uXXXX`` escape is valid JSON that
# reads back as the same string; in plain text there is no escape, so U+FFFD stands in for them.
codecs.register_error("cleantext.text", _text_replace)
codecs.register_error("cleantext.text-bytes", _text_bytes)
codecs.register_error("cleantext.json", _json_escape)
codecs.register_error("cleantext.json-bytes", _json_bytes)


def encode_text(text: str, keep_bytes: bool) -> bytes:
    """UTF-8 bytes of ``text``; lone surrogates become the bytes they escaped (``keep_bytes``)
    or U+FFFD, so that writing never fails."""
    return text.encode("utf-8", "cleantext.text-bytes" if keep_bytes else "cleantext.text")


def encode_json(value: Any, keep_bytes: bool = False) -> bytes:
    """One compact JSON line (``ensure_ascii=False``) as UTF-8, ending with a newline.

    Lone surrogates become ``\\uXXXX`` escapes, or with ``keep_bytes`` the raw bytes that
    ``surrogateescape`` decoding turned into them (so undecodable input bytes round-trip).
    """
    line = json.dumps(value, ensure_ascii=False, separators=(",", ":")) + "\n"
    return line.encode("utf-8", "cleantext.json-bytes" if keep_bytes else "cleantext.json")


# -- output streams written in whole records --------------------------------------------------


class OutputError(Exception):
    """Writing to an output failed (a full disk, an I/O error, a closed pipe).

    ``name`` names the output for the user (``standard output``, ``--report FILE``).
    """

    def __init__(self, name: str, error: OSError) -> None:
        super().__init__(f"{name}: {error.strerror or error}")
        self.name = name
        self.error = error

    @property
    def closed(self) -> bool:
        """The reader of a pipe went away (``| head``)."""
        return self.error.errno == errno.EPIPE


class Sink:
    """One output, buffered here and written with ``os.write`` only by `Outputs.commit`.

    Nothing else writes to the file descriptor, so the bytes in the file are always the committed
    records followed by at most one failed flush, which `rollback` cuts off again when the output
    is a regular file (``ftruncate`` to the last commit). A pipe or a device cannot be cut back.
    """

    __slots__ = ("checkpoint", "chunks", "fd", "name", "position", "seekable", "size")

    def __init__(self, name: str, fd: int) -> None:
        self.name = name
        self.fd = fd
        self.chunks: list[bytes] = []
        self.size = 0
        self.seekable = False
        self.position = 0
        try:
            if stat.S_ISREG(os.fstat(fd).st_mode):
                self.position = os.lseek(fd, 0, os.SEEK_END if _appends(fd) else os.SEEK_CUR)
                self.seekable = True
        except OSError:
            pass
        self.checkpoint = self.position

    def write(self, data: bytes) -> None:
        self.chunks.append(data)
        self.size += len(data)

    def flush(self) -> None:
        """Write what is buffered; raises `OSError` (the buffer is then lost)."""
        if not self.chunks:
            return
        data = self.chunks[0] if len(self.chunks) == 1 else b"".join(self.chunks)
        self.chunks.clear()
        self.size = 0
        view = memoryview(data)
        done = 0
        while done < len(view):
            done += os.write(self.fd, view[done:])
        self.position += len(data)

    def rollback(self) -> None:
        """Forget the buffer and cut the file back to the last commit, when it can be."""
        self.chunks.clear()
        self.size = 0
        # Always: a failed flush may have written part of its buffer without counting it.
        if self.seekable:
            try:
                os.ftruncate(self.fd, self.checkpoint)
                os.lseek(self.fd, self.checkpoint, os.SEEK_SET)
                self.position = self.checkpoint
            except OSError:
                pass


def _appends(fd: int) -> bool:
    try:
        import fcntl

        return bool(fcntl.fcntl(fd, fcntl.F_GETFL) & os.O_APPEND)
    except (ImportError, OSError):
        return False


class Outputs:
    """Every output of a run, committed together, always at a record boundary.

    The caller writes each input record's bytes to the sinks, then calls `end_record`; every
    ``limit`` bytes (or at every record, with ``limit=0``) the buffers are written out. Regular
    files are written first and standard output (usually a pipe, which cannot be cut back) last;
    when one write fails, every output that can be is cut back to the previous commit, so that
    all of them hold the same whole records and `records` says how many.
    """

    def __init__(self, sinks: Sequence[Sink], limit: int = 1 << 18) -> None:
        # Stable sort: seekable files first, the others in the order given (stdout last).
        self.sinks = sorted(sinks, key=lambda sink: not sink.seekable)
        self.limit = limit
        self.pending = 0
        self.pending_last: Any = None
        #: How many records every output holds, and the last of them (whatever the caller
        #: passed to `end_record`).
        self.records = 0
        self.last: Any = None

    def end_record(self, record: Any) -> None:
        self.pending += 1
        self.pending_last = record
        if self.limit == 0 or sum(sink.size for sink in self.sinks) >= self.limit:
            self.commit()

    def commit(self) -> None:
        """Write every buffered record out; raises `OutputError` after cutting back."""
        for sink in self.sinks:
            try:
                sink.flush()
            except OSError as exc:
                for other in self.sinks:
                    other.rollback()
                self.pending, self.pending_last = 0, None
                raise OutputError(sink.name, exc) from exc
        for sink in self.sinks:
            sink.checkpoint = sink.position
        if self.pending:
            self.records += self.pending
            self.last = self.pending_last
            self.pending, self.pending_last = 0, None

    def discard(self) -> None:
        """Forget what is buffered (after a failure, nothing more is written)."""
        for sink in self.sinks:
            sink.chunks.clear()
            sink.size = 0
        self.pending, self.pending_last = 0, None
