"""What the entities and moses repairs share: quote characters, elisions, and re-attaching a
quote that a tokenizer set apart with spaces (``" word "`` -> ``"word"``)."""

from __future__ import annotations

from collections.abc import Sequence

import regex


def _words(spaced: str) -> frozenset[str]:
    return frozenset(spaced.split())


QUOTES_SINGLE = frozenset("'‘’‚")
QUOTES_DOUBLE = frozenset('"“”„')
#: The quote characters `attach_quotes` places (guillemets are not among them: French sets
#: them apart with spaces on purpose).
QUOTES = QUOTES_SINGLE | QUOTES_DOUBLE
QUOTE_CHAR_RE = regex.compile("[" + regex.escape("".join(sorted(QUOTES))) + "]")
APOSTROPHES = frozenset("'’")
# What follows an apostrophe in a contraction, and the elided words that end in one.
CONTRACTION_SUFFIXES = frozenset({"s", "t", "d", "m", "ll", "re", "ve"})
ELISIONS = _words(
    """
    l d j m n s t c o qu jusqu lorsqu puisqu quoiqu quelqu presqu aujourd prud entr
    dell nell all dall sull coll quell quest nessun qualcun ciascun alcun bell sant tutt senz
    anch com dov cos buon grand mezz nient quant tant un
    """
)
# Words cut short with an apostrophe, which joins the word before it: un po’, mo’.
TRUNCATIONS = _words("po mo pò de")
NON_LATIN_LETTER_RE = regex.compile(r"[^\W\d_\p{Latin}]{2}")
VOWELS_AND_H = frozenset("aeiouhàâäéèêëîïôöùûüyœæ")
QUOTE_OPENERS = frozenset("([{<")
QUOTE_CLOSERS_AFTER = frozenset(".,;:!?)]}>…")


UNSPACED_RE = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}\u3000-\u303f\uff00-\uffef]")


def is_unspaced(char: str | None) -> bool:
    """A character of a script written without spaces between words (Chinese, Japanese)."""
    return char is not None and UNSPACED_RE.match(char) is not None


def uses_low_nine_quotes(text: str) -> bool:
    """Whether ``text`` opens quotations with ``„`` or ``‚`` (German, Polish, Czech...)."""
    return "„" in text or "‚" in text


def space_runs(text: str, start: int, end: int, low: int, high: int) -> tuple[int, int]:
    """Extend ``[start, end)`` over the ASCII spaces on both sides, within ``[low, high)``."""
    while start > low and text[start - 1] == " ":
        start -= 1
    while end < high and text[end] == " ":
        end += 1
    return start, end


def attach_quotes(
    text: str,
    quotes: Sequence[tuple[int, int, str, bool]],
    line_start: int,
    line_end: int,
    *,
    low_nine_style: bool = False,
) -> list[tuple[int, int]]:
    """Where quotes belong on a line: the span each one's change should replace.

    ``quotes`` are every quote of the line ``text[line_start:line_end]``, in order, as
    ``(start, end, char, set_apart)``: ``text[start:end]`` is the quote as written (a character
    or an entity), ``set_apart`` tells that a tokenizer put spaces around it. Quotes written in
    place take part in the pairing but keep their span. A set-apart apostrophe between a word and
    a contraction suffix (``it ' s``, ``didn ' t``) or after an elided word before a vowel
    (``l ' homme``) closes up on both sides. The other quotes of each kind (single, double) pair
    up in order: the context decides where it is clear (line start, a space or an opening
    bracket before: opening; line end, a space or punctuation after: closing), and they
    alternate where it is not; an opening quote joins the next word, a closing one the previous
    word. An odd single quote after a word in ``s`` (``players ' union``), or after an elided or
    truncated word (``po ’ sta``), joins that word only. With ``low_nine_style`` (the text opens
    quotations with ``„`` or ``‚``), ``“`` and ``‘`` close. The spaces on the outer side of a
    quote are the author's and stay, and a quote that touches a letter or digit on its outer side
    takes no space back (it would end up glued between two words: ``product"schreef``).

    >>> t = "say ' no ' , it ' s"
    >>> qs = [(4, 5, "'", True), (9, 10, "'", True), (16, 17, "'", True)]
    >>> [t[a:b] for a, b in attach_quotes(t, qs, 0, 19)]
    ["' ", " '", " ' "]
    """
    spans = [(start, end) for start, end, _, _ in quotes]
    left_ws: list[int] = []
    right_ws: list[int] = []
    floor = line_start
    for k, (start, end, _, set_apart) in enumerate(quotes):
        ceiling = quotes[k + 1][0] if k + 1 < len(quotes) else line_end
        low, high = space_runs(text, start, end, floor, ceiling) if set_apart else (start, end)
        left_ws.append(low)
        right_ws.append(high)
        floor = end

    def left_char(k: int) -> str | None:
        return text[left_ws[k] - 1] if left_ws[k] > line_start else None

    def right_char(k: int) -> str | None:
        return text[right_ws[k]] if right_ws[k] < line_end else None

    def left_word(k: int) -> str:
        end = start = left_ws[k]
        while start > line_start and text[start - 1].isalpha():
            start -= 1
        if k and start == right_ws[k - 1] and k - 1 in closed_up:
            return "'" + text[start:end]  # the suffix of a contraction just closed up: it 's
        return text[start:end]

    def right_word(k: int) -> str:
        start = end = right_ws[k]
        while end < line_end and text[end].isalpha():
            end += 1
        return text[start:end]

    pending: dict[str, list[int]] = {"single": [], "double": []}
    closed_up: set[int] = set()
    for k, (_, _, char, set_apart) in enumerate(quotes):
        if char in APOSTROPHES and set_apart:
            before, after = left_word(k), right_word(k)
            following = right_char(k) or ""
            # Elision drops a vowel before a vowel, an h or a number: l'homme, dell'80%.
            elided = before.lower() in ELISIONS and (
                after[:1].lower() in VOWELS_AND_H or (not after and following.isdigit())
            )
            # Ukrainian and Belarusian write an apostrophe inside words: п'ять, прем’єр.
            inside = bool(before and after and NON_LATIN_LETTER_RE.match(before[-1] + after[0]))
            if (before and after and after.lower() in CONTRACTION_SUFFIXES) or elided or inside:
                spans[k] = (left_ws[k], right_ws[k])
                closed_up.add(k)
                continue
        elif char in APOSTROPHES:
            prev, nxt = left_char(k), right_char(k)
            if prev is not None and prev.isalpha() and (nxt is None or not nxt.isalnum()):
                word = left_word(k).lower()
                if word[-1:] == "s" or word in ELISIONS or word in TRUNCATIONS:
                    continue  # players’ union, un po’: an apostrophe, not a quote
            if prev is not None and prev.isalpha() and nxt is not None and nxt.isalpha():
                continue  # don't, l’homme: inside a word
        pending["single" if char in QUOTES_SINGLE else "double"].append(k)

    singles = pending["single"]
    if len(singles) % 2 == 1:
        for k in singles:
            before = left_word(k)
            if (
                quotes[k][3]
                and quotes[k][2] in APOSTROPHES
                and (before[-1:] in ("s", "S") or before.lower() in ELISIONS | TRUNCATIONS)
                and right_word(k)
            ):
                spans[k] = (left_ws[k], quotes[k][1])  # players' union, un po’ sta
                singles.remove(k)
                break

    for group in pending.values():
        is_open = False
        for k in group:
            prev, nxt = left_char(k), right_char(k)
            # Low-9 quotes open in every language that uses them (German, Polish, Czech...).
            # Low-9 quotes open in every language that writes them, and there the high ones
            # close („so“, ‚so‘: German, Polish, Czech...); a colon announces a quotation.
            char = quotes[k][2]
            low_nine = char in "„‚"
            high_closes = low_nine_style and char in "“‘"
            opens = not high_closes and (
                low_nine or prev is None or prev in QUOTE_OPENERS or prev == ":" or prev.isspace()
            )
            closes = high_closes or (
                not low_nine and (nxt is None or nxt in QUOTE_CLOSERS_AFTER or nxt.isspace())
            )
            if opens and not closes:
                is_open = True
            elif closes and not opens:
                is_open = False
            else:
                is_open = not is_open
            if not quotes[k][3]:
                continue  # written in place: it only tells the pairing where we are
            if is_unspaced(prev) and is_unspaced(nxt):
                spans[k] = (left_ws[k], right_ws[k])  # Chinese and Japanese use no spaces
            elif is_open:
                if nxt is not None and not _alnum_at(text, quotes[k][0] - 1, line_start, line_end):
                    spans[k] = (quotes[k][0], right_ws[k])
            elif prev is not None and not _alnum_at(text, quotes[k][1], line_start, line_end):
                spans[k] = (left_ws[k], quotes[k][1])
    return spans


def _alnum_at(text: str, position: int, line_start: int, line_end: int) -> bool:
    """Whether a letter or digit stands at ``position`` of the line. A quote already touching
    one on its outer side (``product" schreef``) is misjudged: taking its inner spaces would
    glue it between two words (``product"schreef``), so it stays as it is."""
    return line_start <= position < line_end and text[position].isalnum()
