"""The patterns of the boilerplate family, built once from the tables in `_data`."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

import regex

from cleantext.filters.boilerplate import _data as data


class LazyPattern:
    """A pattern compiled on first use: importing the family costs no compile time.

    Compiling the family's few dozen alternations takes about 0.1 s; most processes that import
    cleantext run a handful of them, or none.
    """

    __slots__ = ("_compiled", "_flags", "_source")

    def __init__(self, source: str, flags: int = 0) -> None:
        self._source = source
        self._flags = flags
        self._compiled: regex.Pattern[str] | None = None

    @property
    def compiled(self) -> regex.Pattern[str]:
        if self._compiled is None:
            self._compiled = regex.compile(self._source, self._flags)
        return self._compiled

    def __reduce__(self) -> tuple[type[LazyPattern], tuple[str, int]]:
        return (LazyPattern, (self._source, self._flags))

    def match(self, string: str, pos: int = 0) -> regex.Match[str] | None:
        return self.compiled.match(string, pos)

    def fullmatch(
        self, string: str, pos: int = 0, endpos: int | None = None
    ) -> regex.Match[str] | None:
        if endpos is None:
            return self.compiled.fullmatch(string, pos)
        return self.compiled.fullmatch(string, pos, endpos)

    def search(self, string: str, pos: int = 0) -> regex.Match[str] | None:
        return self.compiled.search(string, pos)

    def finditer(self, string: str, pos: int = 0) -> Iterator[regex.Match[str]]:
        found: Iterator[regex.Match[str]] = self.compiled.finditer(string, pos)
        return found

    def findall(self, string: str) -> list[str]:
        found: list[str] = self.compiled.findall(string)
        return found

    def sub(self, repl: str, string: str) -> str:
        out: str = self.compiled.sub(repl, string)
        return out


def lazy(source: str, flags: int = 0) -> LazyPattern:
    return LazyPattern(source, flags)


def phrase_pattern(text: str) -> str:
    """A phrase as a pattern: words separated by any run of spaces."""
    return r"\s+".join(regex.escape(word) for word in text.split())


def alternation(phrases: Sequence[str] | frozenset[str]) -> str:
    # Longest first, so that "share this article" wins over "share" at the same position.
    return "|".join(phrase_pattern(p) for p in sorted(set(phrases), key=lambda p: (-len(p), p)))


FLAGS = regex.IGNORECASE | regex.VERSION0

# Characters that may separate or decorate furniture phrases on a line ("Share this: Reddit",
# "Facebook | Twitter", "Continue reading →", "« Read more »"). A line whose only other
# characters are these is furniture; any other letter or digit makes it prose.
GAP_RE = lazy(r"[\s:;,.…!?·•|/\\<>«»‹›→←⟶➔➜▶►▸\-–—_*#=~()\[\]{}'\"“”‘’„]*")

# One furniture phrase; the group name is its kind. The order settles ties at one position.
TOKEN_RE = lazy(
    r"(?<!\w)(?:"
    rf"(?P<like>like\s+this:\s*like\s+loading(?:\.\.\.|…)?|like\s+this:|like\s+loading(?:\.\.\.|…)?"
    r"|loading(?:\.\.\.|…))"
    rf"|(?P<advertisement>{alternation(data.ADVERTISEMENT)})"
    rf"|(?P<related>{alternation(data.RELATED)})"
    rf"|(?P<read_more>{alternation(data.READ_MORE)})"
    rf"|(?P<share>{alternation(data.SHARE)})"
    rf"|(?P<comments>{alternation(data.COMMENTS)})"
    rf"|(?P<ui>{alternation([p for p in data.UI_LINES if not p.startswith(('like', 'load'))])})"
    rf"|(?P<social>{alternation(data.SOCIAL_NAMES)})"
    r")(?!\w)",
    FLAGS,
)
NETWORK_RE = lazy(rf"(?<!\w)(?:{alternation(data.SOCIAL_NETWORKS)})(?!\w)", FLAGS)

URL = r"(?:(?:https?://|www\.)\S+|[\w-]+(?:\.[\w-]+)*\.[a-z]{2,6}(?:/\S*)?)"
URL_RE = lazy(rf"\s*{URL}\s*", FLAGS)
# Decoration a line may open or close with: bullets, arrows, brackets, colons.
HEAD = r"[\s«‹<←(\[|•*#>»›-]*"
TAIL = r"[\s:.…!?»›>→⟶➔➜←|/\-–—)\]]*"

SOURCE_RE = lazy(
    rf"{HEAD}(?:(?:{alternation(data.SOURCE_LINK)}){TAIL}"
    rf"|(?:{alternation(data.SOURCE_WORDS)})\s*:?\s*{URL}{TAIL})",
    FLAGS,
)

ALSO = (
    "read also", "also read", "lire aussi", "à lire aussi", "a lire aussi", "lesen sie auch",
    "lee también", "lea también", "leer también", "leia também", "leggi anche", "lees ook",
    "читайте также",
)  # fmt: skip
# "Read more @ Site.org", "Read more great articles here: https://...", "Continue reading: Title".
READ_MORE_ARG_RE = lazy(
    rf"{HEAD}(?:{alternation(data.READ_MORE)})"
    r"(?:\s+(?:great\s+)?(?:articles|posts|stories|news|reports))?"
    r"(?:\s*(?::|@|»|›|>|→|–|—|-)+\s*|\s+(?:at|on|here|via|from)\s*:?\s*)(?:here\s*:?\s*)?"
    r"(?P<arg>\S.*)",
    FLAGS,
)
# "Read Also <title>" and its translations: the prompt glued to the linked title.
ALSO_RE = lazy(rf"{HEAD}(?:{alternation(ALSO)})\s*[:\-–—»›>]?\s*(?P<arg>\S.*)", FLAGS)

SUBSCRIBE_RE = lazy(
    rf"{HEAD}(?:{alternation([p for p in data.SUBSCRIBE if not p.startswith('sign')])})"
    r"(?!\w)(?P<rest>.*)",
    FLAGS,
)
SIGN_UP_RE = lazy(
    rf"{HEAD}(?:{alternation([p for p in data.SUBSCRIBE if p.startswith('sign')])}){TAIL}",
    FLAGS,
)

# "Follow us on Twitter", "Like us on Facebook", "Follow @handle": one segment of a "|" list.
FOLLOW_SEGMENT_RE = lazy(
    rf"\s*(?:{alternation(data.FOLLOW)})(?!\w)[^|]{{0,80}}?"
    rf"(?:(?<!\w)(?:on|at|in|via|sur|auf|bei|en|em|no|na|su|op|в|на)\s+(?:the\s+)?"
    rf"(?:{alternation(data.SOCIAL_NETWORKS)})(?:\s*:?\s*{URL})?"
    rf"|@\w+|:\s*{URL})"
    r"[\s.!:]*",
    FLAGS,
)

FILED_RE = lazy(rf"{HEAD}(?:{alternation(data.FILED_UNDER)})\s*:\s*(?P<rest>\S.*)", FLAGS)

POSTED_WORDS = (
    "posted", "published", "written", "submitted", "publié", "publiée", "écrit", "veröffentlicht",
    "geschrieben", "publicado", "publicada", "escrito", "pubblicato", "scritto", "gepubliceerd",
    "geschreven", "опубликовано",
)  # fmt: skip
POSTED = "(?:" + "|".join(POSTED_WORDS) + ")"
BY = "(?:" + "|".join(data.BYLINE_WORDS) + ")"
POSTED_RE = lazy(
    rf"{HEAD}{POSTED}(?:\s+(?:on|at|in|le|am|el|em|il|op))?\s*(?P<when>[^|]{{0,50}}?)\s*"
    rf"(?<!\w){BY}\s+(?P<who>[^.,;!?|]{{1,50}}?)\s*(?:\|.*)?",
    FLAGS,
)
POSTED_BY_RE = lazy(
    rf"{HEAD}{POSTED}\s+{BY}\s+(?P<who>[^.,;!?|]{{1,50}}?)(?:\s+(?:on|at)\s+[^|]{{1,40}})?"
    r"\s*(?:\|.*)?",
    FLAGS,
)
POSTED_ON_RE = lazy(
    rf"{HEAD}{POSTED}(?:\s+(?:on|at|le|am|el|em|il|op))?\s*:?\s*(?=[^|]*\d)[\w ,./:-]{{1,40}}",
    FLAGS,
)

VISITS_RE = lazy(
    r"\(?\s*visited\s+[\d,.\s]*\d\s+times?\s*(?:,\s*[\d,.\s]*\d\s+visits?\s+today)?\s*\)?\.?",
    FLAGS,
)

COPYRIGHT_RE = lazy(
    # "(c) The Secretary shall:" is an enumeration; "(c)" counts only before a year.
    r"(?:copyright\s*(?:©|\(c\)|\d{4})|©|\(c\)\s*\d{4}).{0,120}",
    FLAGS,
)
RIGHTS_RE = lazy(rf"(?<!\w)(?:{alternation(data.ALL_RIGHTS_RESERVED)})(?!\w)", FLAGS)
TRAILING_COPYRIGHT_RE = lazy(r"[^.!?]{1,60}\s©", FLAGS)

# WordPress's feed footer, in the languages of its translations.
RSS_FOOTER_RE = lazy(
    r"(?:(?:the|this)\s+post\s+.{1,300}\s+appeared\s+first\s+on\s+.{1,120}"
    r"|l['’]article\s+.{1,300}\s+est\s+apparu\s+en\s+premier\s+sur\s+.{1,120}"
    r"|(?:der\s+beitrag|der\s+artikel)\s+.{1,300}\s+erschien\s+zuerst\s+auf\s+.{1,120}"
    r"|la\s+entrada\s+.{1,300}\s+se\s+publicó\s+primero\s+en\s+.{1,120}"
    r"|o\s+post\s+.{1,300}\s+apareceu\s+primeiro\s+em\s+.{1,120}"
    r"|l['’]articolo\s+.{1,300}\s+(?:sembra\s+essere\s+il\s+primo|è\s+apparso\s+prima)\s+su\s+.{1,120}"
    r"|het\s+bericht\s+.{1,300}\s+verscheen\s+eerst\s+op\s+.{1,120}"
    r"|(?:сообщение|запись)\s+.{1,300}\s+(?:появились|появилась)\s+сначала\s+на\s+.{1,120})",
    FLAGS,
)

IMAGE_CREDIT_RE = lazy(
    rf"{HEAD}(?:(?:{alternation(data.IMAGE_CREDIT)})\s*(?::|via|by|-|–|—)|credits?\s*:)"
    r"\s*(?P<rest>\S.*?)[\s)\]]*",
    FLAGS,
)

HOME = alternation(data.HOME_WORDS)
BREADCRUMB_RE = lazy(
    rf"{HEAD}(?:you\s+are\s+here\s*:?\s*)?(?:{HOME}|{alternation(data.MORE_HOME_WORDS)})\s*(?P<sep>::|>>|[/»›>|→])\s*(?P<rest>.*)",
    FLAGS,
)

CLICK_HERE_RE = lazy(
    r"[\s(\[]*(?:click\s+here|cliquez\s+ici|hier\s+klicken|haga\s+clic\s+aquí|haz\s+clic\s+aquí"
    r"|clique\s+aqui|clicca\s+qui|klik\s+hier|нажмите\s+здесь)(?!\w)(?P<rest>.*)",
    FLAGS,
)
# A short line that ends by pointing at a link: "More Reads by Lisa Haven! Click Here!".
CLICK_HERE_HINT_RE = lazy(r"(?:here|ici|klicken|aquí|aqui|qui|hier)\W*$", FLAGS)
CLICK_HERE_PHRASES = (
    "click here", "cliquez ici", "hier klicken", "clic aquí", "clique aqui", "clicca qui",
    "klik hier", "нажмите здесь",
)  # fmt: skip
ENDS_CLICK_HERE_RE = lazy(
    r".{1,140}?(?<!\w)(?:click\s+here(?:\s+now)?|cliquez\s+ici|hier\s+klicken|haga\s+clic\s+aquí"
    r"|haz\s+clic\s+aquí|clique\s+aqui|clicca\s+qui|klik\s+hier)[\s.!)\]]*",
    FLAGS,
)
# "[TWITTER]: http://twitter.com/site", "Facebook: https://facebook.com/site".
SOCIAL_LINK_RE = lazy(
    rf"[\[(]?\s*(?:{alternation(data.SOCIAL_NETWORKS)})\s*[\])]?\s*:?\s*{URL}"
    r"(?:\s*\([^)]{0,80}\))?\s*",
    FLAGS,
)
# A CMS author box: "Older articles by Jane Doe", "View all posts by jdoe", "RSS Feed for Jane".
AUTHOR_LINKS_RE = lazy(
    r"(?:(?:older|more|other|all|recent|latest|view\s+all|see\s+all)\s+"
    r"(?:articles|posts|stories|columns|entries)\s+(?:by|from)|rss\s+feed\s+for)"
    r"\s+[^.!?:;]{1,50}",
    FLAGS,
)
SENTENCE_BREAK_RE = lazy(r"[.!?]\s+\p{Lu}\p{Ll}")
WORD_RE = lazy(r"\w+")
URL_WORDS_RE = lazy(r"(?:https?://|www\.)\S+")
TITLE_KEY_RE = lazy(r"[\W_]+")
UNSPACED_RE = lazy(r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Thai}\p{Lao}\p{Khmer}\p{Myanmar}]")

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
    "share-block": "a share button on a line of its own, in a run of such buttons",
    "glued-share": "share button labels run together (Facebooktwittermail)",
    "promoted-headline": "a labelled promoted headline under the title (Headline: ...)",
    "rating": "a reader poll or rating widget (% of readers think this story is Fact)",
    "syndication": "a syndication footer (Delivered by <site>, <title> is a post from <site>)",
    "republish": "a republication notice (This content may be freely reproduced ...)",
    "author-box": "a contact line of an author box (Jim can be reached at: ...)",
    "prefix": "a link prompt glued before a content line (Continued below... <text>)",
    "suffix": "a link prompt glued after a content line (<text>.. Read more)",
}

TOKEN_RULE = {
    "like": "like-this",
    "advertisement": "advertisement",
    "related": "related",
    "read_more": "read-more",
    "share": "share",
    "comments": "comments",
    "ui": "ui",
}
COMMENT_COUNT_RE = lazy(
    r"\d+\s+(?:comments?|kommentare?|commentaires?|comentarios?|comentários?|commenti|commento"
    r"|reacties|reactie|комментари\w*)\W*",
    FLAGS,
)


def count_words(text: str) -> int:
    """Words, with a URL counted as one."""
    return len(WORD_RE.findall(URL_WORDS_RE.sub("url", text)))


def is_short_phrase(text: str, max_words: int) -> bool:
    """A title, a name or a list: few words and no sentence break inside."""
    return count_words(text) <= max_words and SENTENCE_BREAK_RE.search(text) is None


def furniture_rule(line: str) -> str | None:
    """The rule for a line made only of furniture phrases and separators, else None."""
    kinds: list[str] = []
    networks = 0
    pos = 0
    for match in TOKEN_RE.finditer(line):
        if GAP_RE.fullmatch(line, pos, match.start()) is None:
            return None
        kind = match.lastgroup
        assert kind is not None
        kinds.append(kind)
        if kind == "social" and NETWORK_RE.fullmatch(match.group()):
            networks += 1
        pos = match.end()
    if not kinds or GAP_RE.fullmatch(line, pos) is None:
        return None
    named = [kind for kind in kinds if kind != "social"]
    if not named:
        # A bar of names: "Facebook Twitter Email". One name alone may be a heading.
        return "share" if len(kinds) >= 2 and networks >= 1 else None
    if len(named) < len(kinds) and networks == 0 and named[0] not in ("share", "like"):
        return None  # "Read more Email" is not a share bar
    return TOKEN_RULE[named[0]]


def breadcrumb_strength(line: str) -> int:
    """2 for a navigation trail, 1 for a trail of one short section (``Home / Business``, a
    trail only at an edge of the page), 0 for anything else."""
    match = BREADCRUMB_RE.fullmatch(line)
    if match is None:
        return 0
    sep, rest = match.group("sep"), match.group("rest").strip()
    if not rest:
        return 2  # "HOME >"
    segments = [segment.strip() for segment in rest.split(sep)]
    if len(segments) < 2:
        # "Home / away records matter: ..." has one separator: prose. Guillemets and arrows
        # are not prose punctuation: "Início › Mundo" is a trail.
        if sep in "»›→" and is_short_phrase(rest, 6):
            return 2
        short = count_words(rest) <= 3 and not any(ch in rest for ch in ':;,.!?"“”')
        return 1 if short else 0
    # Every section name before the last is short; the last one may be a long title.
    short = all(segment and is_short_phrase(segment, 6) for segment in segments[:-1] if segment)
    return 2 if short else 0


def is_breadcrumb(line: str) -> bool:
    return breadcrumb_strength(line) == 2


# "By Jane Doe", "by Scott Creighton", "Von Max Muster": the author, not furniture.
BYLINE_RE = lazy(rf"{BY}\s+\S+(?:\s+\S+){{0,3}}$", FLAGS)


# -- the families added for real pages ------------------------------------------------------------

PROMO_RE = lazy(
    rf"{HEAD}(?:{alternation(data.PROMO_LABELS)})\s*[:|–—]\s*(?P<rest>\S.*)",
    FLAGS,
)
RATING_RE = lazy(rf"[\W\d]{{0,8}}(?:{'|'.join(data.RATING)})", FLAGS)
COMMENT_POLICY_RE = lazy(rf"{HEAD}(?:{'|'.join(data.COMMENT_POLICY)})", FLAGS)
REPUBLISH_RE = lazy(rf"(?<!\w)(?:{'|'.join(data.REPUBLISH)})", FLAGS)
SYNDICATION_RE = lazy(rf"{HEAD}(?:{'|'.join(data.SYNDICATION)})", FLAGS)
PURCHASE_RE = lazy(rf"{HEAD}(?:{'|'.join(data.PURCHASE)})(?!\w)(?P<rest>.*)", FLAGS)
AUTHOR_BOX_RE = lazy(rf"{HEAD}(?:{'|'.join(data.AUTHOR_BOX)})", FLAGS)

_BUTTONS = alternation([p for p in data.SOCIAL_NAMES if len(p) > 2 or p in ("vk", "ok")])
# Button labels run together by a scraper that dropped the markup: "Facebooktwittermail".
GLUED_SHARE_RE = lazy(rf"(?:{_BUTTONS}){{2,}}", FLAGS)
GLUED_SPLIT_RE = lazy(_BUTTONS, FLAGS)
# "Share on FacebookShare on TwitterShare on WhatsApp": prompts run together.
GLUED_PROMPTS_RE = lazy(
    rf"(?:(?:share|tweet|post|pin)\s+(?:on|to|it|this)(?:\s+(?:{_BUTTONS}))?\s*){{2,}}", FLAGS
)
# One share button on a line of its own: "Facebook", "[Twitter]", "Email".
BUTTON_RE = lazy(rf"{HEAD}(?:{alternation(data.SOCIAL_NAMES)}){TAIL}", FLAGS)

# A prompt glued before the content it introduces: "Continued below... In August 2013, ...".
PREFIX_RE = lazy(
    rf"[\s«‹<(\[|•*#>»›-]*(?:{alternation(data.CONTINUED)})"
    r"\s*(?:\.{2,}|…|:|→|»|›|>>|\||[—–]|-{1,2})[\s.…:]*(?=[\p{Lu}\p{Lt}\d\"“‘«])",
    FLAGS,
)
# A prompt glued after the teaser it closes: "... the government's..Read more", "...—More…".
SUFFIX_RE = lazy(
    r"(?<=[.!?…\"”’)\]]|\.\.)\s*(?:[—–|-]+\s*)?"
    rf"(?:{alternation([*data.GLUED_MORE, *data.SOURCE_LINK])})"
    r"\s*[.…»›→!:]*\s*$",
    FLAGS,
)
LATIN_LETTER_RE = lazy(r"\p{Script=Latin}")
# How a line is laid out as a section heading: short, no sentence-final punctuation.
HEADING_END = ".!?;,…。！？"
