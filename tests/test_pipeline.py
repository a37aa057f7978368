"""The pipeline: building it, configuring it, running it, and holding filters to the contract."""

from __future__ import annotations

import dataclasses
import doctest
import itertools
import pickle
import re
import tomllib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, ClassVar

import pytest
from tests.helpers import assert_books_balance

import cleantext
from cleantext import DEFAULT_FILTERS, Change, FilterError, Flag, Pipeline, filters
from cleantext.filters import Detector, Repair
from cleantext.filters.whitespace import Whitespace

DIRTY = "Caf\u00c3\u00a9 au lait  \r\n\r\n\r\n\u200bSecond paragraph.\t\r\n"
DOCS = Path(__file__).parent.parent / "docs"


def _option_filter(count: int = 1, among: Iterable[str] = ()) -> tuple[str, dict[str, Any]]:
    """A registered filter with at least ``count`` numeric options, and those options' defaults.

    Chosen from the registry (or from ``among``) so that these tests do not depend on one
    family's options.
    """
    for name in among or filters.names():
        numeric = {
            f.name: f.default
            for f in dataclasses.fields(type(filters.get(name)))  # type: ignore[arg-type]
            if type(f.default) in (int, float)
        }
        if len(numeric) >= count:
            return name, numeric
    pytest.skip(f"no registered filter has {count} numeric options")


# -- building ----------------------------------------------------------------------------------


def test_by_name_or_instance() -> None:
    assert Pipeline(["whitespace"]) == Pipeline([Whitespace()])
    assert Pipeline(["whitespace", "encoding"]).names() == ["whitespace", "encoding"]


def test_rejects_what_is_not_a_filter() -> None:
    with pytest.raises(TypeError, match="neither a repair nor a detector"):
        Pipeline([object()])  # type: ignore[list-item]
    with pytest.raises(KeyError, match="no-such-filter"):
        Pipeline(["no-such-filter"])


def test_default_is_the_default_filters_in_order() -> None:
    assert Pipeline.default().names() == list(DEFAULT_FILTERS)
    assert set(DEFAULT_FILTERS) <= set(filters.names())


def test_run_rejects_bytes() -> None:
    with pytest.raises(TypeError, match="decode bytes first"):
        Pipeline.default().run(b"text")  # type: ignore[arg-type]


# -- configs -------------------------------------------------------------------------------------


def test_config_filters_form_from_a_file(tmp_path: Path) -> None:
    name, options = _option_filter()
    option, default = next(iter(options.items()))
    path = tmp_path / "pipeline.toml"
    path.write_text(
        f'[[filters]]\nname = "whitespace"\n\n'
        f'[[filters]]\nname = "{name}"\n{option} = {default + 1}\n'
    )
    for config in (path, str(path)):
        pipeline = Pipeline.from_config(config)
        assert pipeline.names() == ["whitespace", name]
        assert getattr(pipeline.filters[1], option) == default + 1


def test_config_base_skip_options_form() -> None:
    name, options = _option_filter(among=DEFAULT_FILTERS)
    option, default = next(iter(options.items()))
    skipped = next(n for n in DEFAULT_FILTERS if n != name)
    pipeline = Pipeline.from_config(
        {"base": "default", "skip": [skipped], "options": {name: {option: default + 1}}}
    )
    assert pipeline.names() == [n for n in DEFAULT_FILTERS if n != skipped]
    configured = pipeline.filters[pipeline.names().index(name)]
    assert getattr(configured, option) == default + 1
    assert Pipeline.from_config({}) == Pipeline.default()


@pytest.mark.parametrize(
    ("config", "error", "message"),
    [
        ({"filter": []}, ValueError, "unknown config key 'filter'"),
        ({"filters": [], "base": "default"}, ValueError, "either 'filters' or 'base'"),
        ({"filters": [{"options": 1}]}, ValueError, "needs a 'name'"),
        ({"base": "strict"}, ValueError, "unknown base pipeline 'strict'"),
        ({"filters": [{"name": "no-such"}]}, KeyError, "unknown filter 'no-such'"),
        ({"filters": [{"name": "whitespace", "bogus": 1}]}, TypeError, "no option 'bogus'"),
        ({"skip": ["no-such"]}, KeyError, "no filter 'no-such'"),
        ({"options": {"whitespace": {"bogus": 1}}}, TypeError, "no option 'bogus'"),
        ({"filters": "whitespace"}, ValueError, "'filters' must be an array of tables"),
        ({"skip": "encoding"}, ValueError, "'skip' must be a list of filter names"),
        ({"options": {"whitespace": 1}}, ValueError, "'options' must be a table of tables"),
    ],
)
def test_bad_configs_raise_clear_errors(
    config: dict[str, Any], error: type[Exception], message: str
) -> None:
    with pytest.raises(error, match=re.escape(message)):
        Pipeline.from_config(config)


def test_bad_toml_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "bad.toml"
    path.write_text('[[filters]]\nname = "whitespace\n')
    with pytest.raises(ValueError, match="line 2"):
        Pipeline.from_config(path)


# -- without / only / configure ------------------------------------------------------------------


def test_without_and_only() -> None:
    pipeline = Pipeline(["whitespace", "encoding", "entities"])
    assert pipeline.without("encoding").names() == ["whitespace", "entities"]
    assert pipeline.without("encoding", "whitespace").names() == ["entities"]
    # `only` keeps the pipeline's order, not the argument's.
    assert pipeline.only("entities", "whitespace").names() == ["whitespace", "entities"]
    assert pipeline.names() == ["whitespace", "encoding", "entities"]  # copies, not in place
    with pytest.raises(KeyError, match="no filter 'encodnig'"):
        pipeline.without("encodnig")
    with pytest.raises(KeyError, match="unknown filter 'encodnig'"):
        pipeline.only("encodnig")
    # An opt-in filter joins in its registry place, after the pipeline's own filters here.
    assert pipeline.only("rejoin-lines", "whitespace").names() == ["whitespace", "rejoin-lines"]


def test_configure_changes_one_option_and_keeps_the_others() -> None:
    name, options = _option_filter(count=2)
    (first, first_default), (second, second_default) = list(options.items())[:2]
    pipeline = Pipeline([name]).configure(name, **{first: first_default * 2 + 1})
    assert getattr(pipeline.filters[0], first) == first_default * 2 + 1
    assert getattr(pipeline.filters[0], second) == second_default


def test_configure_errors_name_what_is_wrong() -> None:
    with pytest.raises(TypeError, match="no option 'bogus'"):
        Pipeline.default().configure("whitespace", bogus=1)
    with pytest.raises(KeyError, match="no filter 'nope'"):
        Pipeline.default().configure("nope", x=1)


# -- running -------------------------------------------------------------------------------------


def test_run_and_clean() -> None:
    pipeline = Pipeline(["whitespace", "encoding"])
    result = pipeline.run(DIRTY)
    assert result.text == "Café au lait\n\nSecond paragraph.\n"
    assert pipeline.clean(DIRTY) == result.text
    assert {e.rule for e in result.edits} >= {"encoding.mojibake", "whitespace.blank-lines"}
    assert_books_balance(result)


def test_run_many_is_lazy() -> None:
    consumed = 0

    def endless() -> Iterator[str]:
        nonlocal consumed
        for i in itertools.count():
            consumed += 1
            yield f"document {i}  \r\n"

    results = Pipeline(["whitespace"]).run_many(endless())
    assert consumed == 0
    first = list(itertools.islice(results, 3))
    assert [r.text for r in first] == ["document 0\n", "document 1\n", "document 2\n"]
    assert consumed == 3


def test_pickle_round_trip_gives_the_same_results() -> None:
    pipeline = Pipeline.default().configure("whitespace")
    copy = pickle.loads(pickle.dumps(pipeline))
    assert copy == pipeline and hash(copy) == hash(pipeline)
    assert copy.run(DIRTY) == pipeline.run(DIRTY)


def test_module_api_uses_the_default_pipeline() -> None:
    assert cleantext.run(DIRTY) == Pipeline.default().run(DIRTY)
    assert cleantext.clean(DIRTY) == Pipeline.default().clean(DIRTY)
    assert cleantext.clean("ok  \r\n") == "ok\n"


# -- the contract: bad filters are caught and named ----------------------------------------------


@dataclass(frozen=True, slots=True)
class Scripted(Repair):
    """A repair filter that proposes whatever it is told to (for testing the pipeline)."""

    name: ClassVar[str] = "scripted"
    proposed: tuple[Change, ...] = ()

    def changes(self, text: str) -> Iterable[Change]:
        return self.proposed


@dataclass(frozen=True, slots=True)
class FlagAll(Detector):
    """A detector that flags every occurrence of ``char``, or the span it is told to."""

    name: ClassVar[str] = "flag-all"
    family: ClassVar[str] = "test"
    char: str = "x"
    span: tuple[int, int] | None = None

    def flags(self, text: str) -> Iterator[Flag]:
        if self.span is not None:
            yield Flag(*self.span, "flag-all.span", "told to")
        for i, ch in enumerate(text):
            if ch == self.char:
                yield Flag(i, i + 1, "flag-all.char", f"a {ch!r}")


@pytest.mark.parametrize(
    ("proposed", "message"),
    [
        ((Change(0, 3, "x", "scripted"), Change(2, 4, "y", "scripted")), "overlapping"),
        ((Change(1, 1, "x", "scripted"), Change(1, 1, "y", "scripted")), "overlapping"),
        ((Change(0, 99, "", "scripted"),), "out-of-range"),
        ((Change(-1, 1, "", "scripted"),), "out-of-range"),
        ((Change(0, 1, "", "other"),), "emitted rule 'other'"),
        ((Change(0, 1, "", "scripted-x"),), "emitted rule 'scripted-x'"),
    ],
    ids=["overlap", "two-insertions", "past-end", "negative", "foreign-rule", "prefix-trap"],
)
def test_a_bad_repair_raises_filter_error_naming_it(
    proposed: tuple[Change, ...], message: str
) -> None:
    with pytest.raises(FilterError, match=f"'scripted'.*{message}|{message}.*'scripted'"):
        Pipeline([Scripted(proposed)]).run("abcdef")


def test_sub_rules_are_accepted() -> None:
    result = Pipeline([Scripted((Change(0, 1, "A", "scripted.upper"),))]).run("abc")
    assert result.text == "Abc" and result.edits[0].rule == "scripted.upper"


@pytest.mark.parametrize("span", [(0, 99), (-1, 0), (3, 2)])
def test_a_flag_out_of_range_raises_filter_error_naming_the_detector(
    span: tuple[int, int],
) -> None:
    with pytest.raises(FilterError, match="'flag-all'"):
        Pipeline([FlagAll(span=span)]).run("abcdef")


def test_detectors_run_on_the_final_text() -> None:
    # The detector stands first, but sees the output of the repair after it.
    result = Pipeline([FlagAll(), "whitespace"]).run("\r\n\r\n\u200bx\r\nx")
    assert result.text == "x\nx"
    assert [(f.start, f.end, f.code) for f in result.flags] == [
        (0, 1, "flag-all.char"),
        (2, 3, "flag-all.char"),
    ]


# -- the example filters of docs/model.md work as the page says ----------------------------------


def _model_page_blocks() -> list[str]:
    return re.findall(r"```python\n(.*?)```", (DOCS / "model.md").read_text(), re.S)


def test_model_page_doctests() -> None:
    session = "".join(block for block in _model_page_blocks() if block.startswith(">>>"))
    parser = doctest.DocTestParser()
    test = parser.get_doctest(session, {}, "docs/model.md", str(DOCS / "model.md"), 0)
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    runner.run(test)
    assert runner.summarize(verbose=False).failed == 0


def test_model_page_example_filters() -> None:
    namespace: dict[str, Any] = {}
    for block in _model_page_blocks():
        if "class " in block:
            exec(compile(block, str(DOCS / "model.md"), "exec"), namespace)
    ascii_quotes, long_line = namespace["AsciiQuotes"], namespace["LongLine"]

    # Its docstring's doctest holds.
    runner = doctest.DocTestRunner()
    for test in doctest.DocTestFinder().find(ascii_quotes, "AsciiQuotes", globs=namespace):
        runner.run(test)
    assert runner.summarize(verbose=False).failed == 0

    text = "„Gut“, sagte er.  \n“It’s here,” " + "x" * 30 + "\nok"
    pipeline = Pipeline(["whitespace", ascii_quotes(singles=False), long_line(max_chars=30)])
    result = pipeline.run(text)
    assert result.text == '„Gut", sagte er.\n"It’s here," ' + "x" * 30 + "\nok"
    assert [e.rule for e in result.edits] == [
        "ascii-quotes",
        "whitespace.trailing-space",
        "ascii-quotes",
        "ascii-quotes",
    ]
    assert [(f.start, f.code) for f in result.flags] == [(17, "long-line")]
    assert_books_balance(result)
    assert list(ascii_quotes().changes("plain 'ASCII' \"text\"")) == []


def test_getting_started_page_doctests() -> None:
    page = DOCS / "getting-started.md"
    session = "".join(re.findall(r"```python\n(>>>.*?)```", page.read_text(), re.S))
    test = doctest.DocTestParser().get_doctest(session, {}, page.name, str(page), 0)
    runner = doctest.DocTestRunner()
    runner.run(test)
    assert len(test.examples) > 5 and runner.summarize(verbose=False).failed == 0


def test_getting_started_page_configs_build() -> None:
    configs = re.findall(r"```toml\n(.*?)```", (DOCS / "getting-started.md").read_text(), re.S)
    assert len(configs) == 2
    for config in configs:
        assert Pipeline.from_config(tomllib.loads(config)).names()
