"""Corruptor for the `moses` filter: real Moses tokenization, as an MT pipeline leaves it.

`MosesTokenize` runs the Moses tokenizer (sacremoses, the Python port of Moses'
``tokenizer.perl``) over every line of a text and forgets to detokenize it: ``It &apos;s a long
@-@ awaited test , is n't it ?``. sacremoses is needed only here, for tests and fuzzing; it is in
the ``test`` extra, not a runtime dependency of cleantext.

The artifacts are the tokenized lines (kind ``moses``), with the clean line as ground truth.
A tokenizer loses information (``AT&T`` and ``AT & T`` tokenize alike), so `moses` can invert it
only where the clean text has no such ambiguity; `inverse_is_defined` names the known cases.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, ClassVar

import regex

from cleantext.fuzz.base import Artifact

# Clean text that tokenizes like other clean text, so no detokenizer can know which it was: an
# ampersand inside a word (``AT&T`` -> ``AT & T``, like ``Marks & Spencer``); a slash, ``@``
# or ``#`` inside a token (``A/B`` -> ``A / B``); a straight quote at a word's edge next to a
# contraction (``'em``); no-break, thin and zero-width spaces and runs of spaces, which the
# tokenizer turns into one space (French ``«\u00a0Oui\u00a0»``, ``25\u00a0cm``); a combining
# accent on a Latin letter (``Kapita\u0308n``), which it splits off; and a comma with no space
# after it (``Nashville,Tennessee``), which it sets apart.
_AMBIGUOUS_RE = regex.compile(
    r"\w[&/@#]\w|\w'\w+'|\s'[a-z]|[\u00a0\u2000-\u200b\u202f]|[ \t]{2}|\p{M}(?<=\p{Latin}\p{M})"
    r"|[,;][^\W\d_]"
)


def inverse_is_defined(text: str) -> bool:
    """Whether a detokenizer can give ``text`` back from its tokenized form (see module doc)."""
    return _AMBIGUOUS_RE.search(text) is None


@lru_cache(maxsize=8)
def _tokenizer(lang: str) -> Any:
    try:
        from sacremoses import MosesTokenizer  # type: ignore[import-untyped]
    except ImportError as error:  # pragma: no cover - depends on the environment
        raise ImportError(
            "the moses corruptor needs sacremoses: pip install 'cleantext-repair[test]'"
        ) from error
    return MosesTokenizer(lang=lang)


@dataclass(frozen=True, slots=True)
class MosesTokenize:
    """Moses-tokenize every line (sacremoses), with ground truth.

    ``lang`` picks the tokenizer's language rules (``en``, ``fr``, ``de``...); ``escape`` turns
    on its XML escapes (``&apos;``, ``&quot;``, ``&amp;``, ``&#91;``), ``aggressive_dash_splits``
    its ``@-@`` hyphen splits. ``rate`` is the chance that the text is tokenized at all (a
    pipeline tokenizes a whole document or none of it).
    """

    name: ClassVar[str] = "moses"

    lang: str = "en"
    escape: bool = True
    aggressive_dash_splits: bool = True
    rate: float = 1.0

    def corrupt(self, text: str, rng: random.Random) -> tuple[str, list[Artifact]]:
        if rng.random() >= self.rate:
            return text, []
        tokenizer = _tokenizer(self.lang)
        pieces: list[str] = []
        artifacts: list[Artifact] = []
        size = 0
        for index, line in enumerate(text.split("\n")):
            if index:
                pieces.append("\n")
                size += 1
            tokenized = str(
                tokenizer.tokenize(
                    line,
                    return_str=True,
                    escape=self.escape,
                    aggressive_dash_splits=self.aggressive_dash_splits,
                )
            ).strip()
            if line and not line.strip():
                tokenized = line  # a line of spaces has no tokens; the tokenizer would drop it
            if tokenized != line:
                artifacts.append(Artifact("moses", size, size + len(tokenized), line))
            pieces.append(tokenized)
            size += len(tokenized)
        return "".join(pieces), artifacts
