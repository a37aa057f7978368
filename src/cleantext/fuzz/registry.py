"""Corruptors by name, and `corrupt`: several families layered on one text, exact ground truth.

Every corruptor is registered under the name of the filter family it exercises (``encoding``,
``rejoin-numbers``, ``unbalanced-bracket``...), with two implementations: ``blind`` (the default:
defects where real scrapers and MT put them, `cleantext.fuzz.blind`) and ``supported`` (defects
that carry the evidence the filter documents, for property tests). An entry also says what a
cleaner is expected to do with its artifacts (``repair``, or ``flag`` with a flag code) and
whether it needs an extra that may be missing (then `available` is false and `corrupt` skips it).

Classes are imported only when a corruptor is built, so importing `cleantext.fuzz` needs nothing
beyond the base install (no hypothesis, no sacremoses).
"""

from __future__ import annotations

import dataclasses
import importlib
import importlib.util
import random
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, ClassVar

from cleantext.fuzz.base import Artifact, Corruptor, Outcome, layer

#: A class to build: ``(module, class name, default options)``.
Spec = tuple[str, str, Mapping[str, Any]]
MODES: tuple[str, ...] = ("blind", "supported")


@dataclass(frozen=True, slots=True)
class Entry:
    """One registered corruptor.

    ``stage`` orders the layers the way the defects arise (translation, then tokenization,
    escaping, extraction, storage, layout); ``requires`` names the modules it needs, ``extra``
    the pip extra that installs them.
    """

    name: str
    stage: int
    blind: Spec | tuple[Spec, ...]
    supported: Spec | tuple[Spec, ...]
    expect: Outcome = "repair"
    code: str | None = None
    default: bool = True
    requires: tuple[str, ...] = ()
    extra: str | None = None
    summary: str = ""


@dataclass(frozen=True, slots=True)
class OneOf:
    """A corruptor that hands each text to one of ``members``, drawn at random."""

    name: ClassVar[str] = "one-of"
    members: tuple[Corruptor, ...] = field(default_factory=tuple)

    def corrupt(self, text: str, rng: random.Random) -> tuple[str, list[Artifact]]:
        return rng.choice(self.members).corrupt(text, rng)


_REGISTRY: dict[str, Entry] = {}
_B = "cleantext.fuzz.blind"
_NONE: Mapping[str, Any] = {}
_SUPPORTED: Mapping[str, Any] = {"supported_only": True}


def register(entry: Entry) -> Entry:
    """Add (or replace) a corruptor under ``entry.name``."""
    _REGISTRY[entry.name] = entry
    return entry


def _mt(name: str, cls: str, summary: str) -> Entry:
    mod = "cleantext.fuzz.mt"
    return Entry(name, 10, (mod, cls, _NONE), (mod, cls, _SUPPORTED), "flag", name, summary=summary)


for _entry in (
    _mt("unbalanced-bracket", "StrayBracket", "a bracket without its partner"),
    _mt("missing-sentence-boundary", "DropBoundary", "two sentences run together"),
    _mt("repetition", "LoopNgram", "an MT decoding loop repeats words"),
    _mt("untranslated", "SpliceSentence", "a sentence in another language"),
    _mt("mixed-script-word", "Homoglyphs", "homoglyphs of another script inside a word"),
    _mt("tokenizer-spacing", "TokenizeSpacing", "a space before punctuation"),
    _mt("unpaired-quote", "DropClosingQuote", "a quote without its closing quote"),
    Entry(
        "moses",
        20,
        (f"{_B}.moses", "MosesMarkers", _NONE),
        (f"{_B}.moses", "MosesMarkers", _NONE),
        summary="@-@ @,@ @.@ markers",
    ),
    Entry(
        "moses-tokenize",
        20,
        ("cleantext.fuzz.moses", "MosesTokenize", _NONE),
        ("cleantext.fuzz.moses", "MosesTokenize", _NONE),
        requires=("sacremoses",),
        extra="fuzz",
        summary="a whole text Moses-tokenized and never detokenized",
    ),
    Entry(
        "entities",
        30,
        (f"{_B}.entities", "HtmlEntities", _NONE),
        (
            ("cleantext.fuzz.entities", "TokenizedEntities", _NONE),
            ("cleantext.fuzz.entities", "EscapedEntities", _NONE),
        ),
        summary="HTML entities, escaped twice or MT-tokenized (& # 39 ;)",
    ),
    Entry(
        "rejoin-numbers",
        40,
        (f"{_B}.rejoin", "SplitNumbers", _NONE),
        ("cleantext.fuzz.rejoin", "SplitNumbers", _SUPPORTED),
        code="split-number",
        summary="numbers and years split by a line or paragraph break",
    ),
    Entry(
        "rejoin-words",
        40,
        (f"{_B}.rejoin", "SplitWords", _NONE),
        ("cleantext.fuzz.rejoin", "HyphenateWords", _SUPPORTED),
        summary="words split by a line or paragraph break, hyphenated or not",
    ),
    Entry(
        "rejoin-lines",
        40,
        ("cleantext.fuzz.rejoin", "HardWrap", _NONE),
        ("cleantext.fuzz.rejoin", "HardWrap", _NONE),
        default=False,
        summary="paragraphs hard-wrapped (its filter is opt-in)",
    ),
    Entry(
        "spam-lines",
        50,
        (f"{_B}.spam", "OtherScriptSpam", _NONE),
        ("cleantext.fuzz.scripts", "OtherScriptSpam", _NONE),
        summary="ad lines in another script at the top or bottom",
    ),
    Entry(
        "boilerplate",
        50,
        (f"{_B}.residue", "ResidueLines", _NONE),
        (
            ("cleantext.fuzz.boilerplate", "ResidueLines", _NONE),
            ("cleantext.fuzz.boilerplate", "Breadcrumbs", _NONE),
            ("cleantext.fuzz.boilerplate", "RepeatedTitle", _NONE),
        ),
        summary="breadcrumbs, share blocks, source links, residue glued to a line",
    ),
    Entry(
        "encoding",
        60,
        (f"{_B}.encoding", "Mojibake", _NONE),
        (
            ("cleantext.fuzz.encoding", "Mojibake", _NONE),
            ("cleantext.fuzz.encoding", "C1Controls", _NONE),
        ),
        summary="mojibake of several codecs over a word, sentence, line or page",
    ),
    Entry(
        "whitespace",
        70,
        ("cleantext.fuzz.whitespace", "WhitespaceNoise", _NONE),
        ("cleantext.fuzz.whitespace", "WhitespaceNoise", _NONE),
        summary="CRLF, trailing spaces, extra blank lines, invisible characters",
    ),
):
    register(_entry)


def names() -> tuple[str, ...]:
    """Every registered corruptor, in layering order (see `describe` for what each needs)."""
    return tuple(e.name for e in entries())


def entries() -> list[Entry]:
    return sorted(_REGISTRY.values(), key=lambda e: e.stage)


def entry(name: str) -> Entry:
    try:
        return _REGISTRY[name]
    except KeyError:
        known = ", ".join(names())
        raise KeyError(f"unknown corruptor {name!r}; known: {known}") from None


def available(name: str) -> bool:
    """Whether everything ``name`` needs is installed."""
    try:
        return all(importlib.util.find_spec(m) is not None for m in entry(name).requires)
    except (ImportError, ValueError):  # a finder that refuses the module (or a broken one)
        return False


def describe() -> dict[str, str]:
    """``name -> one line``: what it makes, and whether it is default, opt-in or unavailable."""
    lines: dict[str, str] = {}
    for e in entries():
        status = "default" if e.default else "opt-in"
        if not available(e.name):
            needs = ", ".join(e.requires)
            status = f"unavailable: needs {needs} (pip install 'cleantext-repair[{e.extra}]')"
        outcome = f"flag {e.code}" if e.expect == "flag" else "repair"
        lines[e.name] = f"{e.summary} [{outcome}; {status}]"
    return lines


def _build(spec: Spec, options: Mapping[str, Any]) -> Corruptor:
    module, cls_name, defaults = spec
    cls = getattr(importlib.import_module(module), cls_name)
    known = {f.name for f in dataclasses.fields(cls)} if dataclasses.is_dataclass(cls) else set()
    merged = {**defaults, **{k: v for k, v in options.items() if k in known}}
    instance: Corruptor = cls(**merged)
    return instance


def get(name: str, *, mode: str = "blind", **options: Any) -> Corruptor:
    """A corruptor by name. ``mode`` is ``blind`` (default) or ``supported``.

    ``options`` set the corruptor's fields (``rate``, ``max_cuts``...); those it does not have are
    ignored, so one ``rate`` can be passed to all. Raises `KeyError` for an unknown name,
    `ValueError` for an unknown mode and `ImportError` when an extra it needs is missing.
    """
    if mode not in MODES:
        raise ValueError(f"mode must be one of {', '.join(MODES)}, not {mode!r}")
    e = entry(name)
    if not available(name):
        needs = ", ".join(e.requires)
        raise ImportError(f"{name} needs {needs}: pip install 'cleantext-repair[{e.extra}]'")
    spec = e.blind if mode == "blind" else e.supported
    if isinstance(spec[0], str):
        return _build(spec, options)
    return OneOf(tuple(_build(s, options) for s in spec))


def resolve(families: Iterable[str] | None) -> list[Entry]:
    """The entries to run, in layering order: the default available ones when ``families`` is None.

    An unknown name raises `KeyError`; a named one whose extra is missing is skipped.
    """
    if families is None:
        return [e for e in entries() if e.default and available(e.name)]
    wanted = {entry(name).name for name in families}
    return [e for e in entries() if e.name in wanted and available(e.name)]


@dataclass(frozen=True, slots=True)
class Corrupted:
    """A corrupted text: the clean text, the dirty text and its artifacts (sorted by position)."""

    clean: str
    dirty: str
    artifacts: tuple[Artifact, ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            "clean": self.clean,
            "dirty": self.dirty,
            "artifacts": [a.to_dict() for a in self.artifacts],
        }


def corrupt(
    text: str,
    families: Sequence[str] | None = None,
    *,
    rate: float | None = None,
    seed: int | str = 0,
    mode: str = "blind",
    layers: int | None = None,
) -> Corrupted:
    """Corrupt ``text`` with each of ``families`` (all default ones when None), layered.

    ``rate`` is passed to every corruptor that has a ``rate`` option (its chance per opportunity);
    ``layers``, when set, picks that many of the families at random instead of all of them.
    The same ``seed`` gives the same result in any process (no use of `hash`).

    >>> c = corrupt("Built in 1998 by hand.", ["rejoin-numbers"], seed=1)
    >>> from cleantext.fuzz.base import undo
    >>> undo(c.dirty, c.artifacts) == c.clean, c.artifacts[0].family, c.artifacts[0].code
    (True, 'rejoin-numbers', 'split-number')
    """
    selected = resolve(families)
    if layers is not None and layers < len(selected):
        picker = random.Random(f"{seed}\x1fpick")
        keep = {e.name for e in picker.sample(selected, max(0, layers))}
        selected = [e for e in selected if e.name in keep]
    options: dict[str, Any] = {} if rate is None else {"rate": rate}
    dirty = text
    artifacts: list[Artifact] = []
    for e in selected:
        rng = random.Random(f"{seed}\x1f{e.name}")
        dirty, artifacts = layer(dirty, artifacts, get(e.name, mode=mode, **options), rng)
        artifacts = [
            a if a.family else dataclasses.replace(
                a, family=e.name, expect=e.expect, code=e.code,
                kind=e.code if e.expect == "flag" and e.code else a.kind,
            )
            for a in artifacts
        ]  # fmt: skip
    return Corrupted(text, dirty, tuple(artifacts))
