"""The ``boilerplate`` filter: page furniture recognised by its wording and by its place."""

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
    AUTHOR_BOX_RE,
    AUTHOR_LINKS_RE,
    BUTTON_RE,
    CLICK_HERE_HINT_RE,
    CLICK_HERE_PHRASES,
    CLICK_HERE_RE,
    COMMENT_COUNT_RE,
    COMMENT_POLICY_RE,
    COPYRIGHT_RE,
    ENDS_CLICK_HERE_RE,
    FILED_RE,
    FOLLOW_SEGMENT_RE,
    GLUED_PROMPTS_RE,
    GLUED_SHARE_RE,
    GLUED_SPLIT_RE,
    IMAGE_CREDIT_RE,
    LATIN_LETTER_RE,
    NETWORK_RE,
    POSTED_BY_RE,
    POSTED_ON_RE,
    POSTED_RE,
    POSTED_WORDS,
    PREFIX_RE,
    PROMO_RE,
    PURCHASE_RE,
    RATING_RE,
    READ_MORE_ARG_RE,
    REPUBLISH_RE,
    RIGHTS_RE,
    RSS_FOOTER_RE,
    RULES,
    SIGN_UP_RE,
    SOCIAL_LINK_RE,
    SOURCE_RE,
    SUBSCRIBE_RE,
    SUFFIX_RE,
    SYNDICATION_RE,
    TRAILING_COPYRIGHT_RE,
    UNSPACED_RE,
    URL_RE,
    VISITS_RE,
    WORD_RE,
    breadcrumb_strength,
    count_words,
    furniture_rule,
    is_short_phrase,
)
from cleantext.filters.boilerplate.context import STRONG, TOP, WEAK, Row, decide, share_blocks
from cleantext.filters.registry import register
from cleantext.filters.scripts import function_word_language
from cleantext.model import Change
from cleantext.segment import Line, drop_lines

# -- one check per kind of line, dispatched on the line's first word -------------------------

#: A check gives the sub-rule and the level of evidence it needs (see `context`), or None.
Found = tuple[str, int]
Check = Callable[[str, int], "Found | None"]

#: Furniture kinds that a document may also use for itself, as a heading ("See also",
#: "Related", "AD", "Comments"): they need web-page evidence around them.
_WEAK_FURNITURE = frozenset({"advertisement", "related", "comments", "read-more"})


def _check_furniture(line: str, words: int) -> Found | None:
    if words > 20:
        return None
    rule = furniture_rule(line)
    if rule is None:
        return None
    return rule, WEAK if rule in _WEAK_FURNITURE else STRONG


def _check_source(line: str, words: int) -> Found | None:
    return ("source-link", STRONG) if words <= 12 and SOURCE_RE.fullmatch(line) else None


def _check_breadcrumb(line: str, words: int) -> Found | None:
    strength = breadcrumb_strength(line)
    return ("breadcrumb", STRONG if strength == 2 else WEAK) if strength else None


def _check_read_more(line: str, words: int) -> Found | None:
    if words > 25:
        return None
    match = READ_MORE_ARG_RE.fullmatch(line)
    if match is not None:
        arg = match.group("arg")
        if URL_RE.fullmatch(arg):
            return "read-more", STRONG
        sentence = arg.rstrip()[-1:] in ".;" and count_words(arg) >= 6
        if is_short_phrase(arg, 12) and not sentence:
            return "read-more", WEAK
    match = ALSO_RE.fullmatch(line)
    if match is not None:
        arg = match.group("arg").rstrip()
        # "Lesen Sie auch Abschnitt 6.3.8, ..." ends like a sentence: a cross-reference.
        if is_short_phrase(arg, 20) and arg[-1:] not in ".;,":
            return "read-more", WEAK
    return None


def _check_subscribe(line: str, words: int) -> Found | None:
    if words > 16:
        return None
    match = SUBSCRIBE_RE.fullmatch(line)
    if match is not None and is_short_phrase(match.group("rest"), 14):
        return "subscribe", STRONG
    return ("subscribe", STRONG) if SIGN_UP_RE.fullmatch(line) else None


def _check_follow(line: str, words: int) -> Found | None:
    if words > 16:
        return None
    if all(FOLLOW_SEGMENT_RE.fullmatch(part) for part in line.split("|")):
        return "social", STRONG
    return None


def _check_social_link(line: str, words: int) -> Found | None:
    return ("social", STRONG) if words <= 16 and SOCIAL_LINK_RE.fullmatch(line) else None


def _check_author_links(line: str, words: int) -> Found | None:
    return ("related", STRONG) if words <= 10 and AUTHOR_LINKS_RE.fullmatch(line) else None


def _check_visits(line: str, words: int) -> Found | None:
    return ("visits", STRONG) if words <= 10 and VISITS_RE.fullmatch(line) else None


def _check_comment_count(line: str, words: int) -> Found | None:
    return ("comments", WEAK) if words <= 4 and COMMENT_COUNT_RE.fullmatch(line) else None


def _check_posted(line: str, words: int) -> Found | None:
    if words > 16:
        return None
    if POSTED_BY_RE.fullmatch(line) or POSTED_ON_RE.fullmatch(line):
        return "posted-by", STRONG
    match = POSTED_RE.fullmatch(line)
    if match is not None and count_words(match.group("who")) <= 5:
        return "posted-by", STRONG
    return None


def _check_click_here(line: str, words: int) -> Found | None:
    if words > 16:
        return None
    match = CLICK_HERE_RE.fullmatch(line)
    if match is not None and is_short_phrase(match.group("rest"), 14):
        return "ui", STRONG
    return None


def _check_image_credit(line: str, words: int) -> Found | None:
    if words > 16:
        return None
    match = IMAGE_CREDIT_RE.fullmatch(line)
    if match and is_short_phrase(match.group("rest"), 10):
        return "image-credit", STRONG
    return None


def _check_copyright(line: str, words: int) -> Found | None:
    return ("copyright", WEAK) if words <= 16 and COPYRIGHT_RE.fullmatch(line) else None


def _check_filed(line: str, words: int) -> Found | None:
    return ("filed-under", WEAK) if words <= 80 and FILED_RE.fullmatch(line) else None


def _check_promo(line: str, words: int) -> Found | None:
    if words > 20:
        return None
    match = PROMO_RE.fullmatch(line)
    if match is None:
        return None
    rest = match.group("rest").rstrip()
    # A headline: a few words, no sentence inside it, no final period.
    # A headline: a few words, no sentence inside it (exclamations are headline style).
    if 3 <= count_words(rest) <= 16 and rest[-1] not in ".;," and not _PERIOD_BREAK_RE.search(rest):
        return "promoted-headline", TOP
    return None


def _check_rating(line: str, words: int) -> Found | None:
    return ("rating", STRONG) if words <= 24 and RATING_RE.match(line) else None


def _check_comment_policy(line: str, words: int) -> Found | None:
    return ("comments", STRONG) if words <= 90 and COMMENT_POLICY_RE.match(line) else None


def _check_syndication(line: str, words: int) -> Found | None:
    return ("syndication", WEAK) if words <= 40 and SYNDICATION_RE.fullmatch(line) else None


def _check_purchase(line: str, words: int) -> Found | None:
    if words > 20:
        return None
    match = PURCHASE_RE.fullmatch(line)
    if match is not None and is_short_phrase(match.group("rest"), 12):
        return "advertisement", STRONG
    return None


def _check_author_box(line: str, words: int) -> Found | None:
    return ("author-box", WEAK) if words <= 40 and AUTHOR_BOX_RE.fullmatch(line) else None


_FIRST_WORD_RE = regex.compile(r"[^\w©]*([\w©]+)")
_GLUED_JOIN_RE = regex.compile(r"\p{Ll}(?:Share|Tweet|Post|Pin)\s", regex.V0)
_PERIOD_BREAK_RE = regex.compile(r"\.\s+\p{Lu}")


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
        (_check_rating, ("of", "add", "rate", "was", "how", "des", "notez", "der", "artikel", "de",
                         "califica", "dos", "avalie", "dei", "vota", "читателей", "оцените")),
        (_check_source, (*data.SOURCE_LINK, *data.SOURCE_WORDS)),
        (_check_breadcrumb, (*data.HOME_WORDS, *data.MORE_HOME_WORDS, "you")),
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
        (_check_promo, data.PROMO_LABELS),
        (_check_comment_policy, ("please", "adhere", "read", "follow", "respect", "comment",
                                 "commenting", "comments", "let", "you", "les", "kommentare",
                                 "los", "os", "i", "комментарии")),
        (_check_syndication, ("delivered", "this", "to", "see", "cet", "dieser", "este",
                              "questo")),
        (_check_purchase, ("purchase", "buy", "order", "get", "make", "request", "download")),
        (_check_author_box, ("contact", "email", "e", "write", "you")),
    ]  # fmt: skip
    table: dict[str, list[Check]] = {}
    for check, phrases in openers:
        for phrase in phrases:
            checks = table.setdefault(_first_word(phrase), [])
            if check not in checks:
                checks.append(check)
    return {word: tuple(checks) for word, checks in table.items()}


_CHECKS = _dispatch()
_BUTTON_WORDS = frozenset(_first_word(name) for name in data.SOCIAL_NAMES)
_RIGHTS_WORDS = ("reserv", "réserv", "vorbehalten", "riservati", "voorbehouden", "защищены")
_RSS_WORDS = (
    "appeared first", "est apparu", "erschien zuerst", "se publicó primero", "apareceu primeiro",
    "sembra essere il primo", "è apparso prima", "verscheen eerst", "сначала на",
)  # fmt: skip
_REPUBLISH_WORDS = (
    "reproduc", "republish", "reprint", "repost", "encourage you to share", "permission",
    "nachdruck", "reproducción", "riproduzione", "перепечатка",
)  # fmt: skip
_ANYWHERE_WORDS = ("is a post from", "can be reached", "can be contacted")


@dataclass(frozen=True, slots=True)
class _Hints:
    """What a C-speed scan of the whole text says is worth a per-line look."""

    rights: bool  # "All rights reserved" or a translation may be somewhere
    copyright_sign: bool  # a "©" somewhere
    click_here: bool  # a line may end in "click here"
    rss: bool  # a feed footer may be somewhere
    republish: bool  # a republication notice may be somewhere
    anywhere: bool  # a syndication or author-box line that opens with a name

    @classmethod
    def of(cls, text: str) -> _Hints:
        # Substring tests on the case-folded text run at C speed (a regex with IGNORECASE
        # over the whole text costs ten times more).
        folded = text.casefold()
        return cls(
            any(word in folded for word in _RIGHTS_WORDS),
            "©" in text,
            any(phrase in folded for phrase in CLICK_HERE_PHRASES),
            any(phrase in folded for phrase in _RSS_WORDS),
            any(word in folded for word in _REPUBLISH_WORDS),
            any(phrase in folded for phrase in _ANYWHERE_WORDS),
        )


_ALL_HINTS = _Hints(True, True, True, True, True, True)


def _line_rule(line: str, hints: _Hints = _ALL_HINTS, first: str | None = None) -> Found | None:
    """The sub-rule a stripped line falls under and the evidence it needs, or None when it is
    (or may be) prose.

    Cheap first: a furniture line starts with one of a few hundred words, so a line is only
    matched against the patterns its first word can open; the few patterns that can match
    anywhere in a line run only when ``hints`` (one scan of the whole text) allow.
    """
    first = _first_word(line) if first is None else first
    checks = _CHECKS.get(first, ())
    if first.isdigit():
        checks = (*checks, _check_comment_count, _check_rating)
    words = -1
    if checks:
        words = count_words(line)
        for check in checks:
            found = check(line, words)
            if found is not None:
                return found
    if hints.rss and RSS_FOOTER_RE.fullmatch(line):
        words = count_words(line) if words < 0 else words
        if words <= 80:
            return "rss-footer", STRONG
    if hints.anywhere:
        words = count_words(line) if words < 0 else words
        found = _check_syndication(line, words) or _check_author_box(line, words)
        if found is not None:
            return found
    if hints.rights and _RIGHTS_HINT_RE.search(line) is not None:
        words = count_words(line) if words < 0 else words
        if words <= 30 and RIGHTS_RE.search(line):
            return "copyright", WEAK
    if hints.republish and REPUBLISH_RE.search(line) is not None:
        words = count_words(line) if words < 0 else words
        if words <= 80:
            return "republish", WEAK
    if hints.copyright_sign and line.endswith("©") and TRAILING_COPYRIGHT_RE.fullmatch(line):
        return "copyright", WEAK
    if hints.click_here and CLICK_HERE_HINT_RE.search(line, len(line) - 24) is not None:
        words = count_words(line) if words < 0 else words
        if words <= 16 and ENDS_CLICK_HERE_RE.fullmatch(line):
            return "ui", STRONG
    glued = " " not in line and len(line) <= 120 and GLUED_SHARE_RE.fullmatch(line)
    # Two labels with a network among them, or three of any share buttons ("TweetShareEmail").
    if glued and (NETWORK_RE.search(_spaced_buttons(line)) or _buttons(line) >= 3):
        return "glued-share", STRONG
    prompts = len(line) <= 200 and line[:5].casefold() in _PROMPT_OPENERS
    if prompts and _glued_prompt(line) and GLUED_PROMPTS_RE.fullmatch(line):
        return "glued-share", STRONG
    return None


_PROMPT_OPENERS = frozenset(("share", "tweet", "post ", "pin o", "pin t", "pin i"))


def _glued_prompt(line: str) -> bool:
    """Prompts that run into each other with no space between them: "...FacebookShare on"."""
    return _GLUED_JOIN_RE.search(line) is not None


def _buttons(line: str) -> int:
    return len(GLUED_SPLIT_RE.findall(line))


def _spaced_buttons(line: str) -> str:
    """``Facebooktwittermail`` -> ``Facebook twitter mail`` (for the network test)."""
    spaced: str = GLUED_SPLIT_RE.sub(r"\g<0> ", line)
    return spaced


_RIGHTS_HINT_RE = regex.compile("|".join(_RIGHTS_WORDS), regex.IGNORECASE)


_PREFIX_WORDS = frozenset(_first_word(phrase) for phrase in data.CONTINUED)
# The last words of glued suffixes: a line is only matched against `SUFFIX_RE` when it ends
# with one of them (one C-speed ``str.endswith``).
_SUFFIX_ENDS = tuple(
    sorted(
        {
            word.strip(".…»").casefold()
            for phrase in (*data.GLUED_MORE, *data.SOURCE_LINK)
            for word in phrase.split()[-2:]
        }
        - {""}
    )
)
_TRAIL = " .…»›→!:"


def _title_key(line: str) -> str:
    """A title's key: case-folded, spaces collapsed (a title repeats exactly, or not at all)."""
    return " ".join(line.casefold().split())


def _titleish(line: str) -> bool:
    """Could this line be a headline? Two words with letters or more (six letters in scripts
    without spaces), not too long, and not ending like a sentence or a verse line (headlines
    take no final period)."""
    if line[-1] in ".,;:。．।" or count_words(line) > 30:
        return False
    if sum(any(ch.isalpha() for ch in word) for word in WORD_RE.findall(line)) >= 2:
        return True
    return UNSPACED_RE.search(line) is not None and sum(ch.isalpha() for ch in line) >= 6


def _occurrences(text: str, key: str) -> int:
    """How many lines have this title key (only called when a title repeats: rare)."""
    return sum(_title_key(part) == key for part in text.split("\n") if part.strip())


def _rows(text: str, max_chars: int, hints: _Hints) -> list[Row]:
    """The non-blank lines of ``text``, each with the candidate rule its wording gives."""
    rows: list[Row] = []
    start = 0
    blank = True  # the previous line was blank (or there was none)
    for content in text.split("\n"):
        end = start + len(content)
        line_start, start = start, end + 1
        stripped = content.strip()
        if not stripped:
            if rows:
                rows[-1].before_blank = True
            blank = True
            continue
        row = Row(line_start, end, content, stripped, blank, False)
        blank = False
        if len(stripped) <= max_chars:
            first = _first_word(stripped)
            found = _line_rule(stripped, hints, first)
            if found is not None:
                row.rule, row.level = found
            elif first in _BUTTON_WORDS and len(stripped) <= 30:
                row.button = BUTTON_RE.fullmatch(stripped) is not None
        if row.rule is None and not row.button:
            # Glued prompts sit on long lines too (a paragraph that ends in "..Read more").
            row.glued = _first_word(stripped[:40]) in _PREFIX_WORDS or (
                stripped[-16:].rstrip(_TRAIL).casefold().endswith(_SUFFIX_ENDS)
            )
        rows.append(row)
    if rows:
        rows[-1].before_blank = True
    return rows


def _glued(row: Row) -> tuple[int, int, str] | None:
    """A residue prefix or suffix glued to a content line: ``(start, end, rule)`` in the text."""
    text = row.stripped
    if count_words(text) < 8:
        return None
    offset = row.start + (len(row.content) - len(row.content.lstrip()))
    match = PREFIX_RE.match(text)
    if match is not None and count_words(text[match.end() :]) >= 6:
        return offset, offset + match.end(), "prefix"
    match = SUFFIX_RE.search(text, max(0, len(text) - 40))
    if match is not None and match.start() > 0 and count_words(text[: match.start()]) >= 8:
        return offset + match.start(), offset + len(text), "suffix"
    return None


#: English wording of weak chrome: on a page whose function words are another language's, such
#: a line is the site's English chrome, not the author's heading (sites keep English chrome).
_ENGLISH_CHROME = frozenset(
    (
        "advertisement", "advertisements", "advertising", "ad", "ads", "sponsored",
        "sponsored content", "related", "related posts", "related articles", "related stories",
        "related news", "read more", "read more here", "continue reading", "keep reading",
        "read also", "also read", "see also", "comments", "comment", "leave a comment",
        "you may also like", "you might also like", "recommended", "more stories", "trending",
        "most popular", "tags", "share", "more", "full story",
    )
)  # fmt: skip


def _gapless(line: str) -> str:
    """A line case-folded, its decoration and separators trimmed: ``« Read more »`` -> ``read
    more``."""
    return " ".join(line.casefold().strip(" :;,.…!?·•|/\\<>«»‹›→←-–—_*#=~()[]{}'\"“”‘’„").split())


def _latin_page(text: str) -> bool:
    """Is most of the document's lettering Latin? (Counted on a bounded sample.)"""
    if text.isascii():
        return True
    sample = text[:4000]
    letters = sum(ch.isalpha() for ch in sample)
    latin = len(LATIN_LETTER_RE.findall(sample))
    return latin * 2 >= letters


_GLUED_REASONS = {
    "prefix": "a link prompt glued before the line's text",
    "suffix": "a link prompt glued after the line's text",
}


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

    Wording makes a line a candidate; its place decides (`context`): weak wording (``Related``,
    ``Advertisement``, ``Copyright ...``) goes only at an edge of the page, next to other
    chrome, on a page with a strong sign of scraping, or in Latin letters on a page in another
    script, and never as a heading or section of a document laid out in sections (``VOIR
    AUSSI``, ``AD``, a ``COPYRIGHT`` section). Share buttons on lines of their own go as a block;
    prompts glued to a content line (``Continued below... In August``) are stripped and the line
    stays (``prefix``, ``suffix``).

    Worst case: many short lines that each open with a dispatch word (``Share`` on every line);
    each meets a few anchored patterns of bounded length and the context pass is one walk over
    the lines, so the time is linear in the text.

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
        rows = _rows(text, self.max_line_chars, _Hints.of(text))
        share_blocks(rows)
        language: list[str | None] = []  # the page's language, found once when first asked

        def english_chrome(row: Row) -> bool:
            if _gapless(row.stripped) not in _ENGLISH_CHROME:
                return False
            if not language:
                language.append(function_word_language(text[:3000], min_hits=5))
            return language[0] not in (None, "en")

        fire = decide(rows, lambda: _latin_page(text), english_chrome)
        doomed: list[Line] = []
        reasons: list[str] = []
        rules: list[str] = []
        glued: list[Change] = []
        titles: dict[str, int] = {}  # title key -> row of its first copy
        position = 0  # positions count the lines that stay: a second run sees the same ones
        for k, row in enumerate(rows):
            rule = row.rule if fire[k] and row.rule not in self.disabled else None
            reason = RULES.get(rule, "") if rule else ""
            if rule is None and position < self.title_window and _titleish(row.stripped):
                key = _title_key(row.stripped)
                if key in titles and _occurrences(text, key) == 2:
                    # Exactly twice: a line that comes back more often is a refrain.
                    rule = "repeated-title"
                    reason = f"repeats the title ({rows[titles[key]].stripped[:60]})"
                elif position == 0:  # the title is the first line that stays
                    titles[key] = k
            if rule is None:
                position += 1
                if row.glued:
                    part = _glued(row)
                    if part is not None and part[2] not in self.disabled:
                        glued.append(
                            Change(part[0], part[1], "", f"{self.name}.{part[2]}",
                                   _GLUED_REASONS[part[2]])
                        )  # fmt: skip
                continue
            doomed.append(Line(row.start, row.end, min(row.end + 1, len(text)), row.content))
            reasons.append(reason)
            rules.append(f"{self.name}.{rule}")
        changes = drop_lines(text, doomed, rules, reasons) if doomed else []
        if glued:
            changes = sorted([*changes, *glued], key=lambda change: change.start)
        yield from changes
