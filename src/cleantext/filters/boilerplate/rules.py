"""The ``boilerplate`` filter: page furniture recognised by its wording, line by line."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import ClassVar

import regex

from cleantext.filters.base import Repair
from cleantext.filters.boilerplate import _data as data
from cleantext.filters.boilerplate._patterns import (
    ALSO,
    ALSO_RE,
    AUTHOR_LINKS_RE,
    CLICK_HERE_HINT_RE,
    CLICK_HERE_PHRASES,
    CLICK_HERE_RE,
    COMMENT_COUNT_RE,
    COPYRIGHT_RE,
    ENDS_CLICK_HERE_RE,
    FILED_RE,
    FOLLOW_SEGMENT_RE,
    IMAGE_CREDIT_RE,
    POSTED_BY_RE,
    POSTED_ON_RE,
    POSTED_RE,
    POSTED_WORDS,
    READ_MORE_ARG_RE,
    RIGHTS_RE,
    RSS_FOOTER_RE,
    RULES,
    SIGN_UP_RE,
    SOCIAL_LINK_RE,
    SOURCE_RE,
    SUBSCRIBE_RE,
    TITLE_KEY_RE,
    TRAILING_COPYRIGHT_RE,
    UNSPACED_RE,
    URL_RE,
    VISITS_RE,
    WORD_RE,
    count_words,
    furniture_rule,
    is_breadcrumb,
    is_short_phrase,
)
from cleantext.filters.registry import register
from cleantext.model import Change
from cleantext.segment import Line, drop_lines

# -- one check per kind of line, dispatched on the line's first word -------------------------

Check = Callable[[str, int], "str | None"]


def _check_furniture(line: str, words: int) -> str | None:
    return furniture_rule(line) if words <= 20 else None


def _check_source(line: str, words: int) -> str | None:
    return "source-link" if words <= 12 and SOURCE_RE.fullmatch(line) else None


def _check_breadcrumb(line: str, words: int) -> str | None:
    return "breadcrumb" if is_breadcrumb(line) else None


def _check_read_more(line: str, words: int) -> str | None:
    if words > 25:
        return None
    match = READ_MORE_ARG_RE.fullmatch(line)
    if match is not None:
        arg = match.group("arg")
        if URL_RE.fullmatch(arg) or is_short_phrase(arg, 12):
            return "read-more"
    match = ALSO_RE.fullmatch(line)
    if match is not None and is_short_phrase(match.group("arg"), 20):
        return "read-more"
    return None


def _check_subscribe(line: str, words: int) -> str | None:
    if words > 16:
        return None
    match = SUBSCRIBE_RE.fullmatch(line)
    if match is not None and is_short_phrase(match.group("rest"), 14):
        return "subscribe"
    return "subscribe" if SIGN_UP_RE.fullmatch(line) else None


def _check_follow(line: str, words: int) -> str | None:
    if words > 16:
        return None
    return "social" if all(FOLLOW_SEGMENT_RE.fullmatch(part) for part in line.split("|")) else None


def _check_social_link(line: str, words: int) -> str | None:
    return "social" if words <= 16 and SOCIAL_LINK_RE.fullmatch(line) else None


def _check_author_links(line: str, words: int) -> str | None:
    return "related" if words <= 10 and AUTHOR_LINKS_RE.fullmatch(line) else None


def _check_visits(line: str, words: int) -> str | None:
    return "visits" if words <= 10 and VISITS_RE.fullmatch(line) else None


def _check_comment_count(line: str, words: int) -> str | None:
    return "comments" if words <= 4 and COMMENT_COUNT_RE.fullmatch(line) else None


def _check_posted(line: str, words: int) -> str | None:
    if words > 16:
        return None
    if POSTED_BY_RE.fullmatch(line) or POSTED_ON_RE.fullmatch(line):
        return "posted-by"
    match = POSTED_RE.fullmatch(line)
    return "posted-by" if match is not None and count_words(match.group("who")) <= 5 else None


def _check_click_here(line: str, words: int) -> str | None:
    if words > 16:
        return None
    match = CLICK_HERE_RE.fullmatch(line)
    return "ui" if match is not None and is_short_phrase(match.group("rest"), 14) else None


def _check_image_credit(line: str, words: int) -> str | None:
    if words > 16:
        return None
    match = IMAGE_CREDIT_RE.fullmatch(line)
    return "image-credit" if match and is_short_phrase(match.group("rest"), 10) else None


def _check_copyright(line: str, words: int) -> str | None:
    return "copyright" if words <= 16 and COPYRIGHT_RE.fullmatch(line) else None


def _check_filed(line: str, words: int) -> str | None:
    return "filed-under" if words <= 80 and FILED_RE.fullmatch(line) else None


def _check_rss_footer(line: str, words: int) -> str | None:
    return "rss-footer" if words <= 80 and RSS_FOOTER_RE.fullmatch(line) else None


_FIRST_WORD_RE = regex.compile(r"[^\w©]*([\w©]+)")


def _first_word(text: str) -> str:
    match = _FIRST_WORD_RE.match(text)
    return match.group(1).casefold() if match else ""


def _dispatch() -> dict[str, tuple[Check, ...]]:
    """First word -> the checks that may match a line starting with it, in priority order."""
    openers: list[tuple[Check, Iterable[str]]] = [
        (
            _check_furniture,
            (
                *data.ADVERTISEMENT, *data.RELATED, *data.READ_MORE, *data.SHARE,
                *data.COMMENTS, *data.UI_LINES, *data.SOCIAL_NAMES,
            ),
        ),
        (_check_source, (*data.SOURCE_LINK, *data.SOURCE_WORDS)),
        (_check_breadcrumb, (*data.HOME_WORDS, "you")),
        (_check_read_more, (*data.READ_MORE, *ALSO)),
        (_check_subscribe, data.SUBSCRIBE),
        (_check_follow, data.FOLLOW),
        (_check_visits, ("visited",)),
        (_check_social_link, data.SOCIAL_NETWORKS),
        (_check_author_links, ("older", "more", "other", "all", "recent", "latest", "view", "see",
                               "rss")),
        (_check_posted, POSTED_WORDS),
        (_check_click_here, ("click", "cliquez", "hier", "haga", "haz", "clique", "clicca", "klik",
                             "нажмите")),
        (_check_image_credit, (*data.IMAGE_CREDIT, "credit", "credits")),
        (_check_copyright, ("copyright", "©", "c")),
        (_check_filed, data.FILED_UNDER),
        (_check_rss_footer, ("the", "this", "l", "der", "la", "o", "het", "сообщение", "запись")),
    ]  # fmt: skip
    table: dict[str, list[Check]] = {}
    for check, phrases in openers:
        for phrase in phrases:
            checks = table.setdefault(_first_word(phrase), [])
            if check not in checks:
                checks.append(check)
    return {word: tuple(checks) for word, checks in table.items()}


_CHECKS = _dispatch()
_RIGHTS_WORDS = ("reserv", "réserv", "vorbehalten", "riservati", "voorbehouden", "защищены")
_RIGHTS_HINT_RE = regex.compile("|".join(_RIGHTS_WORDS), regex.IGNORECASE)


@dataclass(frozen=True, slots=True)
class _Hints:
    """What a C-speed scan of the whole text says is worth a per-line look."""

    rights: bool  # "All rights reserved" or a translation may be somewhere
    copyright_sign: bool  # a "©" somewhere
    click_here: bool  # a line may end in "click here"

    @classmethod
    def of(cls, text: str) -> _Hints:
        # Substring tests on the case-folded text run at C speed (a regex with IGNORECASE
        # over the whole text costs ten times more).
        folded = text.casefold()
        return cls(
            any(word in folded for word in _RIGHTS_WORDS),
            "©" in text,
            any(phrase in folded for phrase in CLICK_HERE_PHRASES),
        )


_ALL_HINTS = _Hints(True, True, True)


def _line_rule(line: str, hints: _Hints = _ALL_HINTS) -> str | None:
    """The sub-rule a stripped line falls under, or None when it is (or may be) prose.

    Cheap first: a furniture line starts with one of a few hundred words, so a line is only
    matched against the patterns its first word can open; the few patterns that can match
    anywhere in a line run only when ``hints`` (one scan of the whole text) allow.
    """
    first = _first_word(line)
    checks = _CHECKS.get(first, ())
    if first.isdigit():
        checks = (*checks, _check_comment_count)
    words = -1
    if checks:
        words = count_words(line)
        for check in checks:
            rule = check(line, words)
            if rule is not None:
                return rule
    if hints.rights and _RIGHTS_HINT_RE.search(line) is not None:
        words = count_words(line) if words < 0 else words
        if words <= 30 and RIGHTS_RE.search(line):
            return "copyright"
    if hints.copyright_sign and line.endswith("©") and TRAILING_COPYRIGHT_RE.fullmatch(line):
        return "copyright"
    if hints.click_here and CLICK_HERE_HINT_RE.search(line, len(line) - 24) is not None:
        words = count_words(line) if words < 0 else words
        if words <= 16 and ENDS_CLICK_HERE_RE.fullmatch(line):
            return "ui"
    return None


def _title_key(line: str) -> str:
    key: str = TITLE_KEY_RE.sub(" ", line.casefold())
    return key.strip()


def _titleish(line: str) -> bool:
    """Could this line be a headline? Three words with letters or more (six letters in scripts
    without spaces), not too long, and not ending like a sentence or a verse line (headlines
    take no final period)."""
    if line[-1] in ".,;:。．।" or count_words(line) > 30:
        return False
    if sum(any(ch.isalpha() for ch in word) for word in WORD_RE.findall(line)) >= 3:
        return True
    return UNSPACED_RE.search(line) is not None and sum(ch.isalpha() for ch in line) >= 6


def _occurrences(text: str, key: str) -> int:
    """How many lines have this title key (only called when a title repeats: rare)."""
    return sum(_title_key(part) == key for part in text.split("\n") if part.strip())


@register
@dataclass(frozen=True, slots=True)
class Boilerplate(Repair):
    """Drop whole lines of page furniture: breadcrumbs, share bars, 'Source link', and the like.

    Fixes (sub-rules, see `RULES`): breadcrumbs (``Home / World / <title>``, ``Home » A »``,
    ``HOME >``); the title printed again among the first ``title_window`` lines (the first copy
    stays); ``Source link`` and ``Source: <URL>``; ``Read more``, ``Continue reading →``, ``Read
    also <title>``; ``Share this:`` and bars of social network names; ``Follow us on Twitter``;
    ``Subscribe ...``; ``Advertisement(s)``; ``Filed under: ...``; ``Posted on ... by ...``;
    ``Related``; ``Like this: Like Loading...``; ``(Visited N times, N visits today)``; copyright
    footers; WordPress's ``The post ... appeared first on ...``; image credits; comment counters;
    UI strings. English, French, German, Spanish, Portuguese, Italian, Dutch and Russian wording.

    Leaves alone: any line where the same words are part of a sentence (``The source link
    between the databases broke``, ``Home / away records matter: ...``, ``Click here to get more
    information`` inside a paragraph), citation lines (``[ Engadget ]``), bylines (``By Jane
    Doe``), ``Source: Reuters`` (a citation, unlike ``Source: <URL>``), captions, and every line
    longer than ``max_line_chars``. Lines one site repeats in every article are the job of
    `SiteBoilerplate` (corpus mode), not of this filter.

    >>> from cleantext import Pipeline
    >>> text = "Home / World / Title here\\n\\nTitle here\\n\\nBody text.\\n\\nSource link"
    >>> Pipeline([Boilerplate()]).clean(text)
    'Title here\\n\\nBody text.'
    """

    name: ClassVar[str] = "boilerplate"
    default: ClassVar[bool] = True

    #: How many non-blank lines from the top may repeat the title.
    title_window: int = 6
    #: Longer lines are prose and are not examined.
    max_line_chars: int = 400
    #: Sub-rules to switch off, e.g. ``("image-credit",)``.
    disabled: tuple[str, ...] = ()

    def changes(self, text: str) -> Iterator[Change]:
        if not text:
            return
        hints = _Hints.of(text)
        doomed: list[Line] = []
        reasons: list[str] = []
        rules: list[str] = []
        titles: dict[str, int] = {}  # title key -> line number of its first copy
        # Positions count the lines that stay, so that a second run sees the same positions.
        position = 0
        size = len(text)
        start = 0
        # str.split and offsets: cheaper than `segment.lines`, and Line objects are only made
        # for the lines that go.
        for number, content in enumerate(text.split("\n")):
            end = start + len(content)
            line_start, start = start, end + 1
            stripped = content.strip()
            if not stripped:
                continue
            rule: str | None = None
            reason = ""
            if len(stripped) <= self.max_line_chars:
                rule = _line_rule(stripped, hints)
                if rule is not None:
                    reason = RULES[rule]
                elif position < self.title_window and _titleish(stripped):
                    key = _title_key(stripped)
                    if key in titles and _occurrences(text, key) == 2:
                        # Exactly twice: a line that comes back more often is a refrain.
                        rule = "repeated-title"
                        reason = f"repeats line {titles[key] + 1} (the title)"
                    elif position < 2:  # the title is one of the first two lines that stay
                        titles[key] = number
            if rule is None or rule in self.disabled:
                position += 1
                continue
            doomed.append(Line(line_start, end, min(end + 1, size), content))
            reasons.append(reason)
            rules.append(f"{self.name}.{rule}")
        if doomed:
            yield from drop_lines(text, doomed, rules, reasons)
