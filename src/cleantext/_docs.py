"""Reference pages generated from what is installed: the filter registry and its docstrings,
the command's argument parser, and one real repair shown as a diff.

The documentation site builds its reference from these (``docs_hooks.py``), and
``cleantext --help-docs`` prints them, so the installed package documents itself.

>>> "## `whitespace`" in filter_reference()
True
"""

from __future__ import annotations

import argparse
import dataclasses
import html
import inspect
from typing import Any

from cleantext import filters
from cleantext.model import Result
from cleantext.pipeline import DEFAULT_FILTERS


def _docstring_markdown(doc: str) -> str:
    """A docstring as Markdown: doctest examples become ``pycon`` code blocks."""
    out: list[str] = []
    in_example = False
    for line in inspect.cleandoc(doc).splitlines():
        starts = line.lstrip().startswith(">>>")
        if starts and not in_example:
            out.append("```pycon")
            in_example = True
        elif in_example and not line.strip():
            out.append("```")
            in_example = False
        out.append(line.strip() if in_example else line)
    if in_example:
        out.append("```")
    return "\n".join(out)


def _default(field: dataclasses.Field[Any]) -> str:
    if field.default is not dataclasses.MISSING:
        return repr(field.default)
    if field.default_factory is not dataclasses.MISSING:
        return repr(field.default_factory())
    return "(required)"


def filter_reference() -> str:
    """Every registered filter, in registry order: kind, place in the default pipeline, options
    and its docstring."""
    lines = [
        "# Filter reference",
        "",
        "Generated from the filter registry (`cleantext.filters.names()`) and each filter's "
        "docstring. `cleantext --list-filters` prints the one-line summaries.",
        "",
        "| filter | kind | in the default pipeline | what it does |",
        "|---|---|---|---|",
    ]
    for name in filters.names():
        kind = "detector" if filters.is_detector(filters.get(name)) else "repair"
        default = "yes" if name in DEFAULT_FILTERS else "opt-in"
        summary = filters.describe(name).replace("|", "\\|")
        lines.append(f"| [`{name}`](#{name}) | {kind} | {default} | {summary} |")
    for name in filters.names():
        instance = filters.get(name)
        cls = type(instance)
        kind = "detector" if filters.is_detector(instance) else "repair filter"
        family = getattr(cls, "family", None)
        lines += ["", f"## `{name}`", ""]
        facts = [f"a {kind}", f"`{cls.__module__}.{cls.__qualname__}`"]
        if family:
            facts.append(f"family `{family}`")
        facts.append("in the default pipeline" if name in DEFAULT_FILTERS else "opt-in")
        lines += ["*" + ", ".join(facts) + "*", ""]
        fields: list[dataclasses.Field[Any]] = (
            [f for f in dataclasses.fields(cls) if f.init] if dataclasses.is_dataclass(cls) else []
        )
        if fields:
            lines += ["| option | default |", "|---|---|"]
            lines += [f"| `{f.name}` | `{_default(f)}` |" for f in fields]
            lines.append("")
        lines.append(_docstring_markdown(cls.__doc__ or "(no docstring)"))
    return "\n".join(lines) + "\n"


def cli_reference(parser: argparse.ArgumentParser) -> str:
    """The command's options, group by group, from its parser."""
    lines = [
        "# Command-line reference",
        "",
        "Generated from the argument parser of `cleantext` (`cleantext --help` prints the same).",
        "",
        "```text",
        parser.format_usage().strip(),
        "```",
        "",
        parser.description or "",
    ]
    for group in parser._action_groups:
        actions = [a for a in group._group_actions if a.help is not argparse.SUPPRESS]
        if not actions:
            continue
        lines += ["", f"## {group.title}", "", "| option | what it does |", "|---|---|"]
        for action in actions:
            if action.option_strings:
                metavar = "" if action.nargs == 0 else f" {action.metavar or action.dest.upper()}"
                names = ", ".join(f"`{s}{metavar}`" for s in action.option_strings)
            else:
                names = f"`{action.metavar or action.dest}`"
            text = (action.help or "").replace("%(prog)s", parser.prog).replace("%%", "%")
            if action.choices and not isinstance(action.choices, dict):
                text += " (one of: " + ", ".join(f"`{c}`" for c in action.choices) + ")"
            lines.append(f"| {names} | {html.escape(text, quote=False).replace('|', '&#124;')} |")
    if parser.epilog:
        lines += ["", parser.epilog]
    return "\n".join(lines) + "\n"


def diff_html(result: Result) -> str:
    """A result's edits inline in its input, as HTML: ``<del>`` what went, ``<ins>`` what came,
    each titled with its rule."""
    pieces: list[str] = ['<pre class="cleantext-diff">']
    position = 0
    original = result.original
    for edit in result.edits:
        pieces.append(html.escape(original[position : edit.start]))
        title = html.escape(edit.rule + (f": {edit.reason}" if edit.reason else ""), quote=True)
        if edit.original:
            pieces.append(f'<del title="{title}">{html.escape(_visible(edit.original))}</del>')
        if edit.replacement:
            pieces.append(f'<ins title="{title}">{html.escape(_visible(edit.replacement))}</ins>')
        position = edit.end
    pieces.append(html.escape(original[position:]))
    pieces.append("</pre>")
    return "".join(pieces)


def _visible(text: str) -> str:
    """Line breaks and spaces that an edit touches, made visible."""
    return text.replace("\r", "\\r").replace("\n", "\u21b5\n") if text.strip() == "" else text


def help_docs(parser: argparse.ArgumentParser) -> str:
    """What ``cleantext --help-docs`` prints: the command and filter references."""
    return cli_reference(parser) + "\n" + filter_reference()
