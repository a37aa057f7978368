"""Running filters in order and keeping the books; the default pipeline; TOML configs.

Repair filters run in order, each on the previous one's output; the `Ledger` translates every
change back to the original input. Detectors then run on the final text, wherever they stand in
the list, so that every flag's span is in the output's coordinates.
"""

from __future__ import annotations

import dataclasses
import tomllib
from collections.abc import Iterable, Iterator, Mapping, Sequence
from os import PathLike
from pathlib import Path
from typing import Any, cast

from cleantext import filters
from cleantext.context import DocumentContext
from cleantext.filters.base import Detector, Filter, Repair
from cleantext.model import FilterError, Flag, Ledger, Result, check_changes

#: The default pipeline, in order. Repairs that normalize the layout come first, so that
#: line-based filters see ``\n`` line breaks; detectors run last on the output whatever their place.
DEFAULT_FILTERS: tuple[str, ...] = (
    "whitespace",
    "encoding",
    "entities",
    "moses",
    "spam-lines",
    "boilerplate",
    "rejoin-words",
    "rejoin-numbers",
    "split-number",
    "unbalanced-bracket",
    "missing-sentence-boundary",
    "repetition",
    "untranslated",
    "mixed-script-word",
    "tokenizer-spacing",
)


class Pipeline:
    """An ordered list of filters. Pure and picklable: it holds only the filter instances.

    >>> p = Pipeline.default()
    >>> p.clean("ok\\r\\n")
    'ok\\n'
    >>> p.without("whitespace").clean("ok\\r\\n")
    'ok\\r\\n'
    """

    __slots__ = ("filters",)

    def __init__(self, filters_: Iterable[Filter | str]) -> None:
        built: list[Filter] = []
        for item in filters_:
            flt = filters.get(item) if isinstance(item, str) else item
            if not isinstance(flt, (Repair, Detector)):
                raise TypeError(f"{flt!r} is neither a repair filter nor a detector")
            built.append(flt)
        self.filters: tuple[Filter, ...] = tuple(built)

    # -- construction -------------------------------------------------------------------------

    @classmethod
    def default(cls) -> Pipeline:
        """The default pipeline: every filter in `DEFAULT_FILTERS` with its default options."""
        return cls(DEFAULT_FILTERS)

    @classmethod
    def from_config(cls, config: str | PathLike[str] | Mapping[str, Any]) -> Pipeline:
        """Build from a TOML file (path) or an already-parsed mapping.

        The format is an ordered array of tables; keys other than ``name`` are options::

            [[filters]]
            name = "whitespace"

            [[filters]]
            name = "encoding"

        A config may instead start from the default and adjust it::

            base = "default"
            skip = ["encoding"]
            [options.whitespace]
        """
        data: Mapping[str, Any]
        if isinstance(config, Mapping):
            data = config
        else:
            with Path(config).open("rb") as handle:
                data = tomllib.load(handle)
        unknown = sorted(set(data) - {"filters", "base", "skip", "options"})
        if unknown:
            raise ValueError(f"unknown config key {unknown[0]!r}")
        # A string where a list belongs would otherwise be read character by character.
        if not isinstance(data.get("filters", []), list | tuple):
            raise ValueError("'filters' must be an array of tables ([[filters]] entries)")
        skip = data.get("skip", [])
        if not isinstance(skip, list | tuple) or not all(isinstance(n, str) for n in skip):
            raise ValueError(f"'skip' must be a list of filter names, not {skip!r}")
        tables = data.get("options", {})
        if not isinstance(tables, Mapping) or not all(
            isinstance(o, Mapping) for o in tables.values()
        ):
            raise ValueError("'options' must be a table of tables ([options.<filter>])")
        if "filters" in data:
            if "base" in data:
                raise ValueError("a config has either 'filters' or 'base', not both")
            built: list[Filter] = []
            for entry in data["filters"]:
                if not isinstance(entry, Mapping) or "name" not in entry:
                    raise ValueError(f"each [[filters]] entry needs a 'name': {entry!r}")
                options = {k: v for k, v in entry.items() if k != "name"}
                built.append(filters.get(str(entry["name"]), **options))
            pipeline = cls(built)
        else:
            base = data.get("base", "default")
            if base != "default":
                raise ValueError(f"unknown base pipeline {base!r}; only 'default' exists")
            pipeline = cls.default()
        for name in skip:
            pipeline = pipeline.without(name)
        for name, options in tables.items():
            pipeline = pipeline.configure(name, **options)
        return pipeline

    def names(self) -> list[str]:
        return [flt.name for flt in self.filters]

    def without(self, *names: str) -> Pipeline:
        """A copy without the named filters (an unknown name is an error: it is usually a typo)."""
        missing = sorted(set(names) - set(self.names()))
        if missing:
            raise KeyError(
                f"pipeline has no filter {missing[0]!r}; it has: {', '.join(self.names())}"
            )
        return Pipeline(flt for flt in self.filters if flt.name not in names)

    def only(self, *names: str) -> Pipeline:
        """A copy keeping only the named filters, in the pipeline's order."""
        missing = sorted(set(names) - set(self.names()))
        if missing:
            raise KeyError(
                f"pipeline has no filter {missing[0]!r}; it has: {', '.join(self.names())}"
            )
        return Pipeline(flt for flt in self.filters if flt.name in names)

    def configure(self, name: str, **options: Any) -> Pipeline:
        """A copy where filter ``name`` has ``options`` changed; other options keep their values."""
        if name not in self.names():
            raise KeyError(f"pipeline has no filter {name!r}; it has: {', '.join(self.names())}")
        rebuilt: list[Filter] = []
        for flt in self.filters:
            if flt.name == name:
                current = {f.name: getattr(flt, f.name) for f in dataclasses.fields(flt)}  # type: ignore[arg-type]
                current.update(options)
                flt = filters.get(name, **current)
            rebuilt.append(flt)
        return Pipeline(rebuilt)

    # -- running ------------------------------------------------------------------------------

    def run(self, text: str) -> Result:
        """Run every filter on ``text``; total on any `str`."""
        if not isinstance(text, str):
            raise TypeError(
                f"cleantext works on str, not {type(text).__name__}; decode bytes first"
            )
        ledger = Ledger(text)
        detectors: list[Detector] = []
        for flt in self.filters:
            # The kind was checked once in __init__; `cast`, not `isinstance`: a runtime Protocol
            # check per filter and document is measurable on the hot path.
            if hasattr(flt, "changes"):
                repair = cast(Repair, flt)
                current = ledger.text
                changes = check_changes(current, repair.changes(current), flt.name)
                for change in changes:
                    if change.rule != flt.name and not change.rule.startswith(flt.name + "."):
                        raise FilterError(
                            f"filter {flt.name!r} emitted rule {change.rule!r}; rules must be "
                            f"{flt.name!r} or start with {flt.name + '.'!r}"
                        )
                ledger.apply(changes)
            else:
                detectors.append(flt)
        output = ledger.text
        # Detectors share one lazily filled DocumentContext (scripts, language, sentences); the
        # result reports flags per 1,000 words for each detector family, and the language if a
        # detector needed it (nothing is computed for the result's sake alone).
        doc = DocumentContext(output)
        families: list[str] = []
        found: list[Flag] = []
        for detector in detectors:
            # A `ContextDetector` has ``flags_in`` and ``family`` (looked up directly: a runtime
            # Protocol check costs more than some detectors).
            flags_in = getattr(detector, "flags_in", None)
            if flags_in is not None:
                families.append(getattr(detector, "family", detector.name))
                proposed = flags_in(doc)
            else:
                proposed = detector.flags(output)
            for flag in proposed:
                if not 0 <= flag.start <= flag.end <= len(output):
                    raise FilterError(
                        f"detector {detector.name!r} flagged [{flag.start}:{flag.end}] outside a "
                        f"text of length {len(output)}"
                    )
                found.append(flag)
        found.sort(key=lambda f: (f.start, f.end, f.code))
        return Result(
            text=output,
            original=text,
            edits=ledger.edits(),
            flags=tuple(found),
            scores=doc.scores(found, families) if families or found else {},
            language=doc.known_language,
        )

    def clean(self, text: str) -> str:
        """Only the output text of `run`."""
        return self.run(text).text

    def run_many(self, texts: Iterable[str]) -> Iterator[Result]:
        """Lazily run over many texts, one `Result` per text, in order."""
        for text in texts:
            yield self.run(text)

    def __repr__(self) -> str:
        return f"Pipeline({list(self.filters)!r})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Pipeline) and self.filters == other.filters

    def __hash__(self) -> int:
        return hash(self.filters)

    def __getstate__(self) -> tuple[Filter, ...]:
        return self.filters

    def __setstate__(self, state: Sequence[Filter]) -> None:
        self.filters = tuple(state)
