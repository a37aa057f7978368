"""Scraper residue: whole lines of page furniture that are not the article.

Two filters live here:

* `Boilerplate` (``boilerplate``) knows what page furniture looks like in general: breadcrumbs,
  share bars, "Source link", "Read more", "Advertisement", copyright footers, a title printed
  twice, in English, French, German, Spanish, Portuguese, Italian, Dutch and Russian.
* `SiteBoilerplate` (``site-boilerplate``) knows the lines that one site repeats in many of its
  documents; its table of line hashes is learned from a corpus by `cleantext.corpus`.

Both drop whole lines only, through `segment.drop_lines`, and never touch a line that merely
*contains* furniture words: "The source link between the databases broke" is prose.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from hashlib import blake2b
from typing import ClassVar

import regex

from cleantext.filters import _boilerplate_data as data
from cleantext.model import Change
from cleantext.segment import Line, drop_lines, lines


def _phrase(text: str) -> str:
    """A phrase as a pattern: words separated by any run of spaces."""
    return r"\s+".join(regex.escape(word) for word in text.split())


def _alternation(phrases: Sequence[str] | frozenset[str]) -> str:
    # Longest first, so that "share this article" wins over "share" at the same position.
    return "|".join(_phrase(p) for p in sorted(set(phrases), key=lambda p: (-len(p), p)))


_FLAGS = regex.IGNORECASE | regex.VERSION0

# Characters that may separate or decorate furniture phrases on a line ("Share this: Reddit",
# "Facebook | Twitter", "Continue reading →", "« Read more »"). A line whose only other
# characters are these is furniture; any other letter or digit makes it prose.
_GAP_RE = regex.compile(r"[\s:;,.…!?·•|/\\<>«»‹›→←⟶➔➜▶►▸\-–—_*#=~()\[\]{}'\"“”‘’„]*")

# One furniture phrase; the group name is its kind. The order settles ties at one position.
_TOKEN_RE = regex.compile(
    r"(?<!\w)(?:"
    rf"(?P<like>like\s+this:\s*like\s+loading(?:\.\.\.|…)?|like\s+this:|like\s+loading(?:\.\.\.|…)?"
    r"|loading(?:\.\.\.|…))"
    rf"|(?P<advertisement>{_alternation(data.ADVERTISEMENT)})"
    rf"|(?P<related>{_alternation(data.RELATED)})"
    rf"|(?P<read_more>{_alternation(data.READ_MORE)})"
    rf"|(?P<share>{_alternation(data.SHARE)})"
    rf"|(?P<comments>{_alternation(data.COMMENTS)})"
    rf"|(?P<ui>{_alternation([p for p in data.UI_LINES if not p.startswith(('like', 'load'))])})"
    rf"|(?P<social>{_alternation(data.SOCIAL_NAMES)})"
    r")(?!\w)",
    _FLAGS,
)
_NETWORK_RE = regex.compile(rf"(?<!\w)(?:{_alternation(data.SOCIAL_NETWORKS)})(?!\w)", _FLAGS)

_URL = r"(?:(?:https?://|www\.)\S+|[\w-]+(?:\.[\w-]+)*\.[a-z]{2,6}(?:/\S*)?)"
_URL_RE = regex.compile(rf"\s*{_URL}\s*", _FLAGS)
# Decoration a line may open or close with: bullets, arrows, brackets, colons.
_HEAD = r"[\s«‹<←(\[|•*#>»›-]*"
_TAIL = r"[\s:.…!?»›>→⟶➔➜←|/\-–—)\]]*"

_SOURCE_RE = regex.compile(
    rf"{_HEAD}(?:(?:{_alternation(data.SOURCE_LINK)}){_TAIL}"
    rf"|(?:{_alternation(data.SOURCE_WORDS)})\s*:?\s*{_URL}{_TAIL})",
    _FLAGS,
)

_ALSO = (
    "read also", "also read", "lire aussi", "à lire aussi", "a lire aussi", "lesen sie auch",
    "lee también", "lea también", "leer también", "leia também", "leggi anche", "lees ook",
    "читайте также",
)  # fmt: skip
# "Read more @ Site.org", "Read more great articles here: https://...", "Continue reading: Title".
_READ_MORE_ARG_RE = regex.compile(
    rf"{_HEAD}(?:{_alternation(data.READ_MORE)})"
    r"(?:\s+(?:great\s+)?(?:articles|posts|stories|news|reports))?"
    r"(?:\s*(?::|@|»|›|>|→|–|—|-)+\s*|\s+(?:at|on|here|via|from)\s*:?\s*)(?:here\s*:?\s*)?"
    r"(?P<arg>\S.*)",
    _FLAGS,
)
# "Read Also <title>" and its translations: the prompt glued to the linked title.
_ALSO_RE = regex.compile(rf"{_HEAD}(?:{_alternation(_ALSO)})\s*[:\-–—»›>]?\s*(?P<arg>\S.*)", _FLAGS)

_SUBSCRIBE_RE = regex.compile(
    rf"{_HEAD}(?:{_alternation([p for p in data.SUBSCRIBE if not p.startswith('sign')])})"
    r"(?!\w)(?P<rest>.*)",
    _FLAGS,
)
_SIGN_UP_RE = regex.compile(
    rf"{_HEAD}(?:{_alternation([p for p in data.SUBSCRIBE if p.startswith('sign')])}){_TAIL}",
    _FLAGS,
)

# "Follow us on Twitter", "Like us on Facebook", "Follow @handle": one segment of a "|" list.
_FOLLOW_SEGMENT_RE = regex.compile(
    rf"\s*(?:{_alternation(data.FOLLOW)})(?!\w)[^|]{{0,80}}?"
    rf"(?:(?<!\w)(?:on|at|in|via|sur|auf|bei|en|em|no|na|su|op|в|на)\s+(?:the\s+)?"
    rf"(?:{_alternation(data.SOCIAL_NETWORKS)})(?:\s*:?\s*{_URL})?"
    rf"|@\w+|:\s*{_URL})"
    r"[\s.!:]*",
    _FLAGS,
)

_FILED_RE = regex.compile(
    rf"{_HEAD}(?:{_alternation(data.FILED_UNDER)})\s*:\s*(?P<rest>\S.*)", _FLAGS
)

_POSTED_WORDS = (
    "posted", "published", "written", "submitted", "publié", "publiée", "écrit", "veröffentlicht",
    "geschrieben", "publicado", "publicada", "escrito", "pubblicato", "scritto", "gepubliceerd",
    "geschreven", "опубликовано",
)  # fmt: skip
_POSTED = "(?:" + "|".join(_POSTED_WORDS) + ")"
_BY = r"(?:by|par|von|por|da|door|автор)"
_POSTED_RE = regex.compile(
    rf"{_HEAD}{_POSTED}(?:\s+(?:on|at|in|le|am|el|em|il|op))?\s*(?P<when>[^|]{{0,50}}?)\s*"
    rf"(?<!\w){_BY}\s+(?P<who>[^.,;!?|]{{1,50}}?)\s*(?:\|.*)?",
    _FLAGS,
)
_POSTED_BY_RE = regex.compile(
    rf"{_HEAD}{_POSTED}\s+{_BY}\s+(?P<who>[^.,;!?|]{{1,50}}?)(?:\s+(?:on|at)\s+[^|]{{1,40}})?"
    r"\s*(?:\|.*)?",
    _FLAGS,
)
_POSTED_ON_RE = regex.compile(
    rf"{_HEAD}{_POSTED}(?:\s+(?:on|at|le|am|el|em|il|op))?\s*:?\s*(?=[^|]*\d)[\w ,./:-]{{1,40}}",
    _FLAGS,
)

_VISITS_RE = regex.compile(
    r"\(?\s*visited\s+[\d,.\s]*\d\s+times?\s*(?:,\s*[\d,.\s]*\d\s+visits?\s+today)?\s*\)?\.?",
    _FLAGS,
)

_COPYRIGHT_RE = regex.compile(
    # "(c) The Secretary shall:" is an enumeration; "(c)" counts only before a year.
    r"(?:copyright\s*(?:©|\(c\)|\d{4})|©|\(c\)\s*\d{4}).{0,120}",
    _FLAGS,
)
_RIGHTS_RE = regex.compile(rf"(?<!\w)(?:{_alternation(data.ALL_RIGHTS_RESERVED)})(?!\w)", _FLAGS)
_TRAILING_COPYRIGHT_RE = regex.compile(r"[^.!?]{1,60}\s©", _FLAGS)

# WordPress's feed footer, in the languages of its translations.
_RSS_FOOTER_RE = regex.compile(
    r"(?:(?:the|this)\s+post\s+.{1,300}\s+appeared\s+first\s+on\s+.{1,120}"
    r"|l['’]article\s+.{1,300}\s+est\s+apparu\s+en\s+premier\s+sur\s+.{1,120}"
    r"|(?:der\s+beitrag|der\s+artikel)\s+.{1,300}\s+erschien\s+zuerst\s+auf\s+.{1,120}"
    r"|la\s+entrada\s+.{1,300}\s+se\s+publicó\s+primero\s+en\s+.{1,120}"
    r"|o\s+post\s+.{1,300}\s+apareceu\s+primeiro\s+em\s+.{1,120}"
    r"|l['’]articolo\s+.{1,300}\s+(?:sembra\s+essere\s+il\s+primo|è\s+apparso\s+prima)\s+su\s+.{1,120}"
    r"|het\s+bericht\s+.{1,300}\s+verscheen\s+eerst\s+op\s+.{1,120}"
    r"|(?:сообщение|запись)\s+.{1,300}\s+(?:появились|появилась)\s+сначала\s+на\s+.{1,120})",
    _FLAGS,
)

_IMAGE_CREDIT_RE = regex.compile(
    rf"{_HEAD}(?:(?:{_alternation(data.IMAGE_CREDIT)})\s*(?::|via|by|-|–|—)|credits?\s*:)"
    r"\s*(?P<rest>\S.*?)[\s)\]]*",
    _FLAGS,
)

_HOME = _alternation(data.HOME_WORDS)
_BREADCRUMB_RE = regex.compile(
    rf"{_HEAD}(?:you\s+are\s+here\s*:?\s*)?(?:{_HOME})\s*(?P<sep>::|>>|[/»›>|→])\s*(?P<rest>.*)",
    _FLAGS,
)

_CLICK_HERE_RE = regex.compile(
    r"[\s(\[]*(?:click\s+here|cliquez\s+ici|hier\s+klicken|haga\s+clic\s+aquí|haz\s+clic\s+aquí"
    r"|clique\s+aqui|clicca\s+qui|klik\s+hier|нажмите\s+здесь)(?!\w)(?P<rest>.*)",
    _FLAGS,
)
# A short line that ends by pointing at a link: "More Reads by Lisa Haven! Click Here!".
_CLICK_HERE_HINT_RE = regex.compile(r"(?:here|ici|klicken|aquí|aqui|qui|hier)\W*$", _FLAGS)
_CLICK_HERE_PHRASES = (
    "click here", "cliquez ici", "hier klicken", "clic aquí", "clique aqui", "clicca qui",
    "klik hier", "нажмите здесь",
)  # fmt: skip
_ENDS_CLICK_HERE_RE = regex.compile(
    r".{1,140}?(?<!\w)(?:click\s+here(?:\s+now)?|cliquez\s+ici|hier\s+klicken|haga\s+clic\s+aquí"
    r"|haz\s+clic\s+aquí|clique\s+aqui|clicca\s+qui|klik\s+hier)[\s.!)\]]*",
    _FLAGS,
)
# "[TWITTER]: http://twitter.com/site", "Facebook: https://facebook.com/site".
_SOCIAL_LINK_RE = regex.compile(
    rf"[\[(]?\s*(?:{_alternation(data.SOCIAL_NETWORKS)})\s*[\])]?\s*:?\s*{_URL}"
    r"(?:\s*\([^)]{0,80}\))?\s*",
    _FLAGS,
)
# A CMS author box: "Older articles by Jane Doe", "View all posts by jdoe", "RSS Feed for Jane".
_AUTHOR_LINKS_RE = regex.compile(
    r"(?:(?:older|more|other|all|recent|latest|view\s+all|see\s+all)\s+"
    r"(?:articles|posts|stories|columns|entries)\s+(?:by|from)|rss\s+feed\s+for)"
    r"\s+[^.!?:;]{1,50}",
    _FLAGS,
)
_SENTENCE_BREAK_RE = regex.compile(r"[.!?]\s+\p{Lu}\p{Ll}")
_WORD_RE = regex.compile(r"\w+")
_URL_WORDS_RE = regex.compile(r"(?:https?://|www\.)\S+")
_TITLE_KEY_RE = regex.compile(r"[\W_]+")
_UNSPACED_RE = regex.compile(
    r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Thai}\p{Lao}\p{Khmer}\p{Myanmar}]"
)

#: The sub-rules, for documentation and for `Boilerplate.disabled`.
RULES: dict[str, str] = {
    "breadcrumb": "a navigation trail (Home / Section / Title)",
    "repeated-title": "the title printed again among the first lines",
    "source-link": "a 'Source link' or 'Source: <URL>' footer",
    "read-more": "a link prompt (Read more, Continue reading, Read also ...)",
    "share": "a share prompt or a bar of social network names",
    "social": "a 'follow us on <network>' prompt",
    "subscribe": "a subscription or newsletter prompt",
    "advertisement": "an advertisement label",
    "filed-under": "a 'Filed under:' / 'Tags:' taxonomy line",
    "posted-by": "a CMS byline ('Posted on <date> by <user>')",
    "related": "a 'Related' heading",
    "like-this": "WordPress's 'Like this: Like Loading...'",
    "visits": "a page-view counter ('(Visited 12 times, 1 visits today)')",
    "copyright": "a copyright footer",
    "rss-footer": "a feed footer ('The post <title> appeared first on <site>.')",
    "image-credit": "an image credit line",
    "comments": "a comment prompt or counter",
    "ui": "a user-interface string (Watch on YouTube, Back to top, Click here)",
}

_TOKEN_RULE = {
    "like": "like-this",
    "advertisement": "advertisement",
    "related": "related",
    "read_more": "read-more",
    "share": "share",
    "comments": "comments",
    "ui": "ui",
}
_COMMENT_COUNT_RE = regex.compile(
    r"\d+\s+(?:comments?|kommentare?|commentaires?|comentarios?|comentários?|commenti|commento"
    r"|reacties|reactie|комментари\w*)\W*",
    _FLAGS,
)


def _words(text: str) -> int:
    """Words, with a URL counted as one."""
    return len(_WORD_RE.findall(_URL_WORDS_RE.sub("url", text)))


def _is_short_phrase(text: str, max_words: int) -> bool:
    """A title, a name or a list: few words and no sentence break inside."""
    return _words(text) <= max_words and _SENTENCE_BREAK_RE.search(text) is None


def _furniture_rule(line: str) -> str | None:
    """The rule for a line made only of furniture phrases and separators, else None."""
    kinds: list[str] = []
    networks = 0
    pos = 0
    for match in _TOKEN_RE.finditer(line):
        if _GAP_RE.fullmatch(line, pos, match.start()) is None:
            return None
        kind = match.lastgroup
        assert kind is not None
        kinds.append(kind)
        if kind == "social" and _NETWORK_RE.fullmatch(match.group()):
            networks += 1
        pos = match.end()
    if not kinds or _GAP_RE.fullmatch(line, pos) is None:
        return None
    named = [kind for kind in kinds if kind != "social"]
    if not named:
        # A bar of names: "Facebook Twitter Email". One name alone may be a heading.
        return "share" if len(kinds) >= 2 and networks >= 1 else None
    if len(named) < len(kinds) and networks == 0 and named[0] not in ("share", "like"):
        return None  # "Read more Email" is not a share bar
    return _TOKEN_RULE[named[0]]


def _breadcrumb(line: str) -> bool:
    match = _BREADCRUMB_RE.fullmatch(line)
    if match is None:
        return False
    sep, rest = match.group("sep"), match.group("rest").strip()
    if not rest:
        return True  # "HOME >"
    segments = [segment.strip() for segment in rest.split(sep)]
    if len(segments) < 2:
        # "Home / away records matter: ..." has one separator: prose. Guillemets and arrows
        # are not prose punctuation: "Início › Mundo" is a trail.
        return sep in "»›→" and _is_short_phrase(rest, 6)
    # Every section name before the last is short; the last one may be a long title.
    return all(segment and _is_short_phrase(segment, 6) for segment in segments[:-1] if segment)


# -- one check per kind of line, dispatched on the line's first word -------------------------

Check = Callable[[str, int], "str | None"]


def _check_furniture(line: str, words: int) -> str | None:
    return _furniture_rule(line) if words <= 20 else None


def _check_source(line: str, words: int) -> str | None:
    return "source-link" if words <= 12 and _SOURCE_RE.fullmatch(line) else None


def _check_breadcrumb(line: str, words: int) -> str | None:
    return "breadcrumb" if _breadcrumb(line) else None


def _check_read_more(line: str, words: int) -> str | None:
    if words > 25:
        return None
    match = _READ_MORE_ARG_RE.fullmatch(line)
    if match is not None:
        arg = match.group("arg")
        if _URL_RE.fullmatch(arg) or _is_short_phrase(arg, 12):
            return "read-more"
    match = _ALSO_RE.fullmatch(line)
    if match is not None and _is_short_phrase(match.group("arg"), 20):
        return "read-more"
    return None


def _check_subscribe(line: str, words: int) -> str | None:
    if words > 16:
        return None
    match = _SUBSCRIBE_RE.fullmatch(line)
    if match is not None and _is_short_phrase(match.group("rest"), 14):
        return "subscribe"
    return "subscribe" if _SIGN_UP_RE.fullmatch(line) else None


def _check_follow(line: str, words: int) -> str | None:
    if words > 16:
        return None
    return "social" if all(_FOLLOW_SEGMENT_RE.fullmatch(part) for part in line.split("|")) else None


def _check_social_link(line: str, words: int) -> str | None:
    return "social" if words <= 16 and _SOCIAL_LINK_RE.fullmatch(line) else None


def _check_author_links(line: str, words: int) -> str | None:
    return "related" if words <= 10 and _AUTHOR_LINKS_RE.fullmatch(line) else None


def _check_visits(line: str, words: int) -> str | None:
    return "visits" if words <= 10 and _VISITS_RE.fullmatch(line) else None


def _check_comment_count(line: str, words: int) -> str | None:
    return "comments" if words <= 4 and _COMMENT_COUNT_RE.fullmatch(line) else None


def _check_posted(line: str, words: int) -> str | None:
    if words > 16:
        return None
    if _POSTED_BY_RE.fullmatch(line) or _POSTED_ON_RE.fullmatch(line):
        return "posted-by"
    match = _POSTED_RE.fullmatch(line)
    return "posted-by" if match is not None and _words(match.group("who")) <= 5 else None


def _check_click_here(line: str, words: int) -> str | None:
    if words > 16:
        return None
    match = _CLICK_HERE_RE.fullmatch(line)
    return "ui" if match is not None and _is_short_phrase(match.group("rest"), 14) else None


def _check_image_credit(line: str, words: int) -> str | None:
    if words > 16:
        return None
    match = _IMAGE_CREDIT_RE.fullmatch(line)
    return "image-credit" if match and _is_short_phrase(match.group("rest"), 10) else None


def _check_copyright(line: str, words: int) -> str | None:
    return "copyright" if words <= 16 and _COPYRIGHT_RE.fullmatch(line) else None


def _check_filed(line: str, words: int) -> str | None:
    return "filed-under" if words <= 80 and _FILED_RE.fullmatch(line) else None


def _check_rss_footer(line: str, words: int) -> str | None:
    return "rss-footer" if words <= 80 and _RSS_FOOTER_RE.fullmatch(line) else None


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
        (_check_read_more, (*data.READ_MORE, *_ALSO)),
        (_check_subscribe, data.SUBSCRIBE),
        (_check_follow, data.FOLLOW),
        (_check_visits, ("visited",)),
        (_check_social_link, data.SOCIAL_NETWORKS),
        (_check_author_links, ("older", "more", "other", "all", "recent", "latest", "view", "see",
                               "rss")),
        (_check_posted, _POSTED_WORDS),
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
            any(phrase in folded for phrase in _CLICK_HERE_PHRASES),
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
        words = _words(line)
        for check in checks:
            rule = check(line, words)
            if rule is not None:
                return rule
    if hints.rights and _RIGHTS_HINT_RE.search(line) is not None:
        words = _words(line) if words < 0 else words
        if words <= 30 and _RIGHTS_RE.search(line):
            return "copyright"
    if hints.copyright_sign and line.endswith("©") and _TRAILING_COPYRIGHT_RE.fullmatch(line):
        return "copyright"
    if hints.click_here and _CLICK_HERE_HINT_RE.search(line, len(line) - 24) is not None:
        words = _words(line) if words < 0 else words
        if words <= 16 and _ENDS_CLICK_HERE_RE.fullmatch(line):
            return "ui"
    return None


def _title_key(line: str) -> str:
    key: str = _TITLE_KEY_RE.sub(" ", line.casefold())
    return key.strip()


def _titleish(line: str) -> bool:
    """Could this line be a headline? Three words with letters or more (six letters in scripts
    without spaces), not too long, and not ending like a sentence or a verse line (headlines
    take no final period)."""
    if line[-1] in ".,;:。．।" or _words(line) > 30:
        return False
    if sum(any(ch.isalpha() for ch in word) for word in _WORD_RE.findall(line)) >= 3:
        return True
    return _UNSPACED_RE.search(line) is not None and sum(ch.isalpha() for ch in line) >= 6


def _occurrences(text: str, key: str) -> int:
    """How many lines have this title key (only called when a title repeats: rare)."""
    return sum(_title_key(part) == key for part in text.split("\n") if part.strip())


@dataclass(frozen=True, slots=True)
class Boilerplate:
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


# -- corpus mode -----------------------------------------------------------------------------

_NORMALIZE_SPACE_RE = regex.compile(r"\s+")
_LETTER_RE = regex.compile(r"\p{L}")


def normalize_line(line: str) -> str:
    """The form a line is counted under in corpus mode: case-folded, spaces collapsed.

    Digits are kept: lines that differ only in their numbers ("Share price: 172p (up 0.9%)")
    are usually templated content, not furniture.

    >>> normalize_line("  Subscribe to  Canada Free Press for FREE ")
    'subscribe to canada free press for free'
    """
    spaced: str = _NORMALIZE_SPACE_RE.sub(" ", line.casefold())
    return spaced.strip()


def line_hash(source: str, normalized: str) -> int:
    """A 64-bit hash of a normalized line of one source (blake2b, stable across processes)."""
    digest = blake2b(f"{source}\x1f{normalized}".encode("utf-8", "surrogatepass"), digest_size=8)
    return int.from_bytes(digest.digest(), "big")


def countable(normalized: str, min_letters: int = 8) -> bool:
    """Whether corpus mode may learn this line: two words or more and enough letters.

    Short lines ("Conclusion", "Europe", "—") repeat across articles without being furniture.
    """
    return " " in normalized and len(_LETTER_RE.findall(normalized)) >= min_letters


@dataclass(frozen=True, slots=True)
class SiteBoilerplate:
    """Drop the lines one site repeats across many of its documents (learned in corpus mode).

    Configured with ``source`` (e.g. a domain) and ``hashes``: the 64-bit hashes (`line_hash`)
    of the normalized lines learned for that source by `cleantext.corpus.BoilerplateLearner`.
    Without hashes it does nothing, so it is not part of the default pipeline.

    Leaves alone: bylines (``By Jane Doe`` repeats on a one-author blog but is not furniture),
    lines too short to learn (see `countable`), and a whole document when more than
    ``max_drop_share`` of its lines (and more than two) would go, because such a document is
    most likely a copy of another one rather than a page of furniture.

    >>> learned = frozenset({line_hash("example.org", "buy our book now")})
    >>> flt = SiteBoilerplate("example.org", learned)
    >>> from cleantext import Pipeline
    >>> Pipeline([flt]).clean("Body text.\\n\\nBuy our book NOW")
    'Body text.'
    """

    name: ClassVar[str] = "site-boilerplate"

    source: str = ""
    hashes: frozenset[int] = field(default_factory=frozenset)
    #: Share of a document's non-blank lines above which nothing is dropped (a likely duplicate).
    max_drop_share: float = 0.5
    #: Minimum letters for a line to be learned and matched (see `countable`).
    min_letters: int = 8

    def __post_init__(self) -> None:
        # A config file gives a list; the filter must stay hashable and its lookups O(1).
        if not isinstance(self.hashes, frozenset):
            object.__setattr__(self, "hashes", frozenset(self.hashes))

    def changes(self, text: str) -> Iterator[Change]:
        if not self.hashes or not text:
            return
        nonblank = [line for line in lines(text) if not line.is_blank]
        doomed: list[Line] = []
        for line in nonblank:
            normalized = normalize_line(line.content)
            if not countable(normalized, self.min_letters) or _BYLINE_RE.match(normalized):
                continue
            if line_hash(self.source, normalized) in self.hashes:
                doomed.append(line)
        if not doomed:
            return
        if len(doomed) > 2 and len(doomed) > self.max_drop_share * len(nonblank):
            return
        reason = f"repeated across documents of {self.source}" if self.source else "repeated"
        yield from drop_lines(text, doomed, f"{self.name}.repeated-line", [reason] * len(doomed))


# "By Jane Doe", "by Scott Creighton", "Von Max Muster": the author, not furniture.
_BYLINE_RE = regex.compile(r"(?:by|von|par|por|di|door|автор)\s+\S+(?:\s+\S+){0,3}$", _FLAGS)
