"""The ``cleantext`` command (placeholder until the full CLI lands)."""

from __future__ import annotations

import sys

from cleantext import clean


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    for path in args or ["-"]:
        data = sys.stdin.read() if path == "-" else open(path, encoding="utf-8").read()
        sys.stdout.write(clean(data))
    return 0
