"""Running filters in order and keeping the books; the default pipeline; TOML configs.

Repair filters run in order, each on the previous one's output; the `Ledger` translates every
change back to the original input. Detectors then run on the final text, wherever they stand in
the list, so that every flag's span is in the output's coordinates. Which filters exist, their
kind, their order and which of them the default pipeline holds are declared by the filters
themselves and read from the registry (`cleantext.filters.registry`).
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

#: The default pipeline's filter names, in order (derived from the registry: each filter class
#: says whether it is a default member, its module's place says where it runs).
DEFAULT_FILTERS: tuple[str, ...] = tuple(filters.default_names())


def _owned(code: str, name: str) -> bool:
    """Whether a rule or flag code follows the convention ``name`` or ``name.<reason>``."""
    return code == name or (code.startswith(name) and code[len(name)] == ".")


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
                raise TypeError(
                    f"{flt!r} is neither a repair nor a detector: derive it from "
                    "cleantext.filters.Repair or cleantext.filters.Detector"
                )
            built.append(flt)
        self.filters: tuple[Filter, ...] = tuple(built)

    # -- construction -------------------------------------------------------------------------

    @classmethod
    def default(cls) -> Pipeline:
        """The default pipeline: every filter in `DEFAULT_FILTERS` with its default options."""
        return cls(DEFAULT_FILTERS)

    @classmethod
    def from_names(cls, names: Iterable[str]) -> Pipeline:
        """The named filters with their default options, in the registry's order (the order
        the default pipeline keeps), whatever order ``names`` has."""
        chosen = set(names)
        for name in chosen:
            filters.filter_class(name)  # KeyError naming the known filters
        return cls(name for name in filters.names() if name in chosen)

    @classmethod
    def from_config(cls, config: str | PathLike[str] | Mapping[str, Any]) -> Pipeline:
        """Build from a TOML file (path) or an already-parsed mapping.

        The format is an ordered array of tables; keys other than ``name`` are options::

            [[filters]]
            name = "whitespace"

            [[filters]]
            name = "encoding"

        A config may instead start from the default and adjust it (``add`` takes opt-in filters,
        your own included, into their registry place)::

            base = "default"
            skip = ["encoding"]
            add = ["rejoin-lines"]
            [options.whitespace]
        """
        data: Mapping[str, Any]
        if isinstance(config, Mapping):
            data = config
        else:
            with Path(config).open("rb") as handle:
                data = tomllib.load(handle)
        unknown = sorted(set(data) - {"filters", "base", "skip", "add", "options"})
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
        add = data.get("add", [])
        if not isinstance(add, list | tuple) or not all(isinstance(n, str) for n in add):
            raise ValueError(f"'add' must be a list of filter names, not {add!r}")
        if "filters" in data:
            if "base" in data or add:
                raise ValueError("a config has either 'filters' or 'base' (and 'add'), not both")
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
            pipeline = cls.default().with_(*add)
        for name in skip:
            pipeline = pipeline.without(name)
        for name, options in tables.items():
            pipeline = pipeline.configure(name, **options)
        return pipeline

    def names(self) -> list[str]:
        return [flt.name for flt in self.filters]

    def _check_present(self, names: Iterable[str]) -> None:
        missing = sorted(set(names) - set(self.names()))
        if missing:
            raise KeyError(
                f"pipeline has no filter {missing[0]!r}; it has: {', '.join(self.names())}"
            )

    def without(self, *names: str) -> Pipeline:
        """A copy without the named filters (an unknown name is an error: it is usually a typo)."""
        self._check_present(names)
        return Pipeline(flt for flt in self.filters if flt.name not in names)

    def only(self, *names: str) -> Pipeline:
        """A copy keeping only the named filters, in the pipeline's order. A registered filter
        the pipeline lacks (an opt-in one) joins with its default options in its registry
        place; a name neither here nor registered is an error (`KeyError`)."""
        present = set(self.names())
        absent = [name for name in names if name not in present]
        for name in absent:
            filters.filter_class(name)  # KeyError naming the known filters
        kept = Pipeline(flt for flt in self.filters if flt.name in names)
        return kept.with_(*absent) if absent else kept

    def with_(self, *added: Filter | str) -> Pipeline:
        """A copy with more filters (instances, or names with default options). One whose name
        the pipeline has replaces that filter in place; a new one goes after the last filter
        that comes before it in the registry's order (first if none does; last if it is not
        registered). The others keep their order."""
        result = list(self.filters)
        rank = {name: i for i, name in enumerate(filters.names())}
        unranked = len(rank)
        for item in added:
            flt = filters.get(item) if isinstance(item, str) else item
            names = [f.name for f in result]
            if flt.name in names:
                result[names.index(flt.name)] = flt
                continue
            mine = rank.get(flt.name, unranked)
            place = 0
            for i, other in enumerate(result):
                if rank.get(other.name, unranked) <= mine:
                    place = i + 1
            result.insert(place, flt)
        return Pipeline(result)

    def configure(self, name: str, **options: Any) -> Pipeline:
        """A copy where filter ``name`` has ``options`` changed; other options keep their values.

        Works on any dataclass filter, a user's own instance included (`dataclasses.replace`).
        """
        self._check_present([name])
        rebuilt: list[Filter] = []
        for flt in self.filters:
            if flt.name == name:
                filters.check_options(type(flt), options)
                flt = dataclasses.replace(flt, **options)  # type: ignore[type-var]
            rebuilt.append(flt)
        return Pipeline(rebuilt)

    # -- running ------------------------------------------------------------------------------

    def run(self, text: str, *, source: str | None = None) -> Result:
        """Run every filter on ``text``; total on any `str`.

        ``source`` is where the document comes from (a site, a file): metadata beside the text,
        read only by filters whose repair depends on it (``site-boilerplate`` in corpus mode).
        """
        if not isinstance(text, str):
            raise TypeError(
                f"cleantext works on str, not {type(text).__name__}; decode bytes first"
            )
        ledger = Ledger(text)
        detectors: list[Detector] = []
        for flt in self.filters:
            if not isinstance(flt, Repair):
                detectors.append(cast(Detector, flt))  # __init__ admits only the two kinds
                continue
            current = ledger.text
            changes = check_changes(current, flt.changes_for(current, source), flt.name)
            for change in changes:
                if not _owned(change.rule, flt.name):
                    raise FilterError(
                        f"filter {flt.name!r} emitted rule {change.rule!r}; rules must be "
                        f"{flt.name!r} or start with {flt.name + '.'!r}"
                    )
            ledger.apply(changes)
        output = ledger.text
        if not detectors:
            return Result(text=output, original=text, edits=ledger.edits())
        # Detectors share one lazily filled DocumentContext (scripts, language, sentences); the
        # result reports flags per 1,000 words for each detector family that ran, and the
        # language if a detector needed it (nothing is computed for the result's sake alone).
        doc = DocumentContext(output)
        by_family: dict[str, list[Flag]] = {}
        found: list[Flag] = []
        for detector in detectors:
            family = by_family.setdefault(detector.family, [])
            for flag in detector.flags_in(doc):
                if not 0 <= flag.start <= flag.end <= len(output):
                    raise FilterError(
                        f"detector {detector.name!r} flagged [{flag.start}:{flag.end}] outside a "
                        f"text of length {len(output)}"
                    )
                if not _owned(flag.code, detector.name):
                    raise FilterError(
                        f"detector {detector.name!r} raised code {flag.code!r}; codes must be "
                        f"{detector.name!r} or start with {detector.name + '.'!r}"
                    )
                family.append(flag)
                found.append(flag)
        found.sort(key=lambda f: (f.start, f.end, f.code))
        return Result(
            text=output,
            original=text,
            edits=ledger.edits(),
            flags=tuple(found),
            scores=doc.scores(by_family),
            language=doc.known_language,
        )

    def clean(self, text: str) -> str:
        """Only the output text of `run`."""
        return self.run(text).text

    def run_many(
        self, texts: Iterable[str], sources: Iterable[str | None] | None = None
    ) -> Iterator[Result]:
        """Lazily run over many texts (with their sources, if given), one `Result` each, in
        order."""
        if sources is None:
            for text in texts:
                yield self.run(text)
            return
        for text, source in zip(texts, sources, strict=True):
            yield self.run(text, source=source)

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
