"""Build ``fakenews.jsonl``: 239 FakeNewsCorpus documents with every line labelled by hand.

Run from the repository root: ``python tests/data/fakenews/labels.py``. It reads the shared sample
(``news_sample.csv`` of ``shared/data/fakenewscorpus_sample``, found in a parent directory of the
repository), keeps one row per distinct ``content`` (250 rows, 239 distinct texts; the rows that
repeat a text are listed in the record's ``duplicates``), in the order of `LABELS`, and writes one
JSON record per document:

- ``id``, ``domain``, ``title``, ``text`` (the ``content`` column, verbatim);
- ``labels``, aligned with ``text.split("\n")``: ``null`` for a blank line, else ``"content"`` or
  ``"residue"`` (residue and spam lines; the binary label the tests have always read);
- ``classes``, aligned the same way: ``null``, ``"content"`` or the residue class of the line (the
  keys of `CLASSES`);
- ``glued``: content lines that start or end with residue, as ``{"line", "side", "class",
  "text"}`` with ``side`` ``"prefix"`` or ``"suffix"`` and ``text`` the residue part, an exact
  prefix or suffix of the line with its surrounding whitespace stripped. The line is labelled
  ``content``: a filter should strip the part, not drop the line;
- ``notes``: line number -> the call made on a borderline line; ``duplicates``: other row ids.

Every label below was set by reading the line (see SOURCE.md for the rules); no filter of this
library was run to choose one. `LABELS` maps a document id to its residue lines as
``"<line> <class>; <first>-<last> <class>; ..."`` with 0-based line numbers in
``text.split("\n")``; a range covers the non-blank lines in it. Lines not listed are content.
"""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path

HERE = Path(__file__).parent
SAMPLE = Path("shared") / "data" / "fakenewscorpus_sample" / "news_sample.csv"


def shared_sample() -> Path:
    """The shared sample: ``shared/data/...`` beside the repository or any directory above it."""
    for parent in HERE.resolve().parents:
        if (parent / SAMPLE).exists():
            return parent / SAMPLE
    return HERE.resolve().parents[3] / SAMPLE


#: Residue classes, so recall can be reported per class. ``breadcrumb`` and
#: ``spam-other-script`` are kept for other labelled sets: no line of this sample is either.
CLASSES: dict[str, str] = {
    "breadcrumb": "a navigation trail (`Home / Business`)",
    "nav": "links and markers of the page's navigation: 'Continue reading', 'Read more', "
    "'READ MORE', 'CONTINUE READING:', 'Continued below...', '[…]', '—More…', 'View this article'",
    "share": "share, like and follow prompts and buttons, social-link lists",
    "subscribe": "subscribe and newsletter prompts, mailing-list invitations",
    "source-link": "'Source: <URL>', an empty 'Source:', the bare URL or site name of the original "
    "article in a syndication footer",
    "syndication": "syndication footers: 'The post X appeared first on Y.', 'Delivered by ...', "
    "'This article has been contributed by ...', 'Read more great articles here: ...', the "
    "name or home page of the blog the post was copied from",
    "legal": "copyright, republication and disclaimer notices",
    "rating": "the '% of readers think this story is Fact' widget",
    "promo": "promotion by the site or the poster: promoted headlines the site inserts "
    "('Headline: Bitcoin & Blockchain ...'), site taglines and self-promotion, donation "
    "requests, book and video-site pitches, a page that is only a promotional sidebar",
    "ad": "advertisements and the 'Advertisement(s)' label, calls to buy in press releases "
    "('Purchase a copy of this report @ ...', 'Get a PDF Sample ...')",
    "related": "related-post lists and their headings ('Related Posts:', 'Read Also <title>', "
    "'More Critical Reads ...', 'Also by <author>:')",
    "author-box": "CMS author boxes ('RSS Feed for ...', 'Older articles by ...', contact "
    "blocks, the image alt text of an author photo); author bios written as prose are content",
    "comments": "comment policies, comment prompts of the CMS, comment counts",
    "post-meta": "post metadata: 'Posted on by ...', 'Filed under: ... | 10 Comments »', "
    "'Tags: ...', 'This article was posted: <date>', a byline cut to the bare word 'By'",
    "credit": "an image credit line without a caption",
    "widget": "text of page widgets: 'Expand | Collapse', 'Watch on YouTube', 'Download "
    "Podcast', 'See an error in this article?'",
    "repeated-title": "a second copy of the title line (the first copy is content)",
    "template": "a page that is only site chrome: an error template, the site's header words, a "
    "category listing, a meta description, CMS template code",
    "spam-other-script": "a spam line in another script than the article",
}

# id -> residue lines. Documents without residue have an empty string.
LABELS: dict[str, str] = {
    "21902": "0 post-meta; 12 syndication",
    "8600": "2 credit",
    "30562": "",
    "32995": "",
    "32957": "",
    "3009": "",
    "141": "",
    "1920": "",
    "3448": "2 promo; 30 syndication; 32 source-link",
    "29553": "2 promo; 6 source-link",
    "23561": (
        "2 rating; 4 promo; 18 credit; 28 credit; 30 syndication; 32 promo; 34 promo; 36 "
        "source-link"
    ),
    "7820": "2 rating; 4 promo; 6 promo",
    "20749": "0 promo",
    "26829": "2 rating; 4 promo; 70 source-link",
    "23081": "2 rating; 4 promo; 36 syndication; 38 source-link",
    "18811": "2 promo; 14 syndication; 16 source-link",
    "13433": "2 rating; 4 promo; 16 related; 18 subscribe; 20 share",
    "22567": "2 promo; 12 source-link",
    "37351": "2 rating; 4 promo; 8 widget; 10 syndication; 12 legal; 16 legal; 18 source-link",
    "35815": "2 rating; 4 promo; 32 syndication; 34 source-link",
    "35379": "",
    "1771": "2 promo; 82 source-link",
    "31019": "0 promo",
    "24915": "2 rating; 4 promo; 8 source-link",
    "29683": "2 promo; 8 source-link",
    "15564": "0 promo; 70 related; 72 promo; 74 promo; 76 share",
    "39259": "2 promo; 36 nav; 38 source-link",
    "15568": "0 promo; 38 related; 40 promo; 42 promo; 44 share",
    "13022": "2 promo; 24 source-link; 26 syndication",
    "12071": "2 promo; 6 nav; 8 source-link",
    "17495": "2 promo; 26 source-link",
    "17100": "2 promo; 28 syndication; 30 source-link",
    "24401": "2 rating; 4 promo; 22 source-link",
    "33591": "2 rating; 4 promo; 102 syndication; 104 legal; 110 source-link",
    "26929": "2 rating; 4 promo; 8 ad; 12 ad",
    "33458": "2 rating; 4 promo; 16 source-link",
    "33402": "0 promo; 8 nav; 10 subscribe; 12 share; 14 share; 16 subscribe; 18 nav",
    "19445": "2 promo; 16 nav; 18-28 share",
    "791": "14 credit",
    "899": "",
    "2350": "",
    "36296": "",
    "3399": "",
    "5524": "0 subscribe; 2 promo; 48 comments",
    "8751": "0 subscribe",
    "5590": "0 subscribe; 14 comments",
    "2928": "0 subscribe; 14 share; 16 comments",
    "9757": "0 subscribe",
    "5934": "",
    "1422": "0 subscribe; 20 legal; 22 author-box; 26 author-box; 28 comments",
    "1685": "14 ad; 28 ad; 30 ad; 32 ad; 34 widget",
    "2363": "0 widget",
    "37771": "0 template; 2 template; 4 template",
    "700": "0 template",
    "6509": "",
    "14508": "",
    "28369": "0-16 promo",
    "27893": "",
    "36475": "",
    "36471": "",
    "26554": "",
    "19639": "",
    "29669": "",
    "37134": "",
    "9272": "",
    "9101": "",
    "12075": "",
    "13437": "",
    "10186": "",
    "12544": "",
    "26150": "",
    "19866": "",
    "17604": "0 post-meta; 24 nav; 26 ad; 28 post-meta",
    "20411": "0 post-meta; 14 nav; 16 ad; 18 post-meta",
    "38549": "",
    "38736": "",
    "38616": "",
    # -- the 162 documents added in the second pass, by domain then id --
    "26536": "2 credit",
    "1058": "",
    "32950": "22 credit",
    "33533": "",
    "34197": "",
    "768": "",
    "256": "2 rating; 4 promo",
    "1376": "0 author-box",
    "1411": "2 promo; 148 nav; 150 source-link",
    "1570": "2 promo; 76 source-link; 78 syndication",
    "3251": "0 promo",
    "4263": "0 template; 2 template; 4 template; 6 template",
    "5337": "2 promo; 36 source-link; 38 syndication",
    "5512": "2 rating; 4 promo; 42 related; 44 subscribe",
    "5568": "2 rating; 4 promo; 26 syndication; 28 source-link",
    "5827": "2 promo; 10 nav; 12 syndication; 14 source-link",
    "6045": "2 promo; 14 promo; 20 related; 22 source-link",
    "6375": "2 rating; 4 promo; 38 related; 40 subscribe",
    "6493": "2 promo; 18 source-link",
    "7167": "0 widget; 82 source-link",
    "7283": "",
    "8164": "2 promo; 48 source-link",
    "8694": "2 promo; 86 source-link; 152 source-link",
    "9403": "",
    "10657": "2 rating; 4 promo",
    "11001": "0 template; 2 template",
    "11131": "2 promo; 40 source-link; 42 syndication; 44 author-box",
    "11328": "2 promo; 10 widget; 40 source-link",
    "11727": "2 rating; 4 promo; 14 source-link",
    "12665": "2 promo; 22 source-link; 24 syndication",
    "12666": "2 promo; 48 ad; 50 source-link",
    "13153": "2 rating; 4 promo; 42 source-link",
    "13335": "2 rating; 4 promo; 14 source-link",
    "13842": "2 promo; 22 source-link",
    "14153": "0 promo; 22 promo; 24 share",
    "14973": "2 rating; 4 promo; 14 source-link",
    "15462": "34 credit; 48 credit",
    "15468": "0 promo",
    "15920": "2 rating; 4 promo; 24-30 share; 42-58 share; 60 source-link",
    "16068": "0 promo; 12 credit",
    "16721": "2 rating; 4 promo; 258 syndication; 260 source-link",
    "17247": "2 rating; 4 promo; 8 source-link",
    "17497": "2 promo; 12 source-link",
    "17798": "2 rating; 4 promo; 18 source-link",
    "18269": "2 promo; 16 credit; 18 source-link",
    "18428": "2 rating; 4 promo; 38 source-link",
    "18953": "2 promo; 16 nav; 18 related",
    "19146": "2 rating; 4 promo; 6 repeated-title; 76 source-link",
    "19547": "2 promo; 10 promo; 18 ad; 20 promo; 26 syndication; 28 source-link",
    "19582": (
        "2 promo; 4 promo; 28 share; 30 author-box; 32 comments; 34 share; 36 comments; "
        "44 legal; 46 post-meta; 48 source-link"
    ),
    "19688": "2 rating; 4 promo; 12-20 promo; 24-28 promo",
    "20034": "2 promo; 36 source-link",
    "20071": "2 promo; 8-12 promo",
    "20360": (
        "2 promo; 4 promo; 38 share; 40 author-box; 42 comments; 44 share; 46 comments; "
        "54 legal; 56 post-meta; 58 source-link"
    ),
    "20631": "2 promo",
    "21037": "2 promo",
    "21093": "2 promo",
    "21140": "0 promo",
    "21203": "2 promo",
    "21458": "2 rating; 4 promo; 26 syndication; 28 source-link",
    "21862": "2 promo; 68 source-link",
    "22078": "2 rating; 4 promo; 18 source-link",
    "22228": "2 promo; 184 source-link",
    "22530": "0 promo; 2 promo; 4 source-link",
    "22541": "2 promo; 12 source-link",
    "22768": "2 promo; 44 legal; 48 subscribe",
    "22794": "2 promo; 44 syndication; 46 source-link",
    "23066": (
        "2 promo; 162 legal; 164 subscribe; 168 subscribe; 172-178 promo; 180 legal; 182 "
        "source-link"
    ),
    "23303": "2 promo; 78 source-link",
    "23341": "2 promo; 28 source-link",
    "23376": "",
    "23396": "2 promo; 64 source-link",
    "23970": "",
    "23972": "2 promo; 28 syndication; 30 source-link",
    "23985": "2 promo; 44 source-link; 46 syndication; 48 source-link",
    "24036": "0 promo",
    "24398": "2 rating; 4 promo; 6 repeated-title; 152 related; 154 related; 156 nav",
    "24418": "0 promo",
    "24937": "2 promo; 6 source-link",
    "24998": "2 promo; 10 ad; 16 ad; 72 ad",
    "25191": "2 rating; 4 promo; 12 ad; 44 ad; 66 ad",
    "25273": "2 promo; 22-30 related; 32 syndication; 34 legal; 38 promo; 40 source-link",
    "25286": "2 rating; 4 promo; 10 ad; 42 ad; 60 ad; 118 ad",
    "25791": "2 rating; 4 promo; 58 syndication; 60 source-link",
    "25897": "2 promo; 4 repeated-title; 32 syndication; 34 source-link",
    "26057": (
        "2 rating; 4 promo; 20 post-meta; 22 post-meta; 24 related; 26 template; 28 "
        "template; 30 source-link; 32 source-link"
    ),
    "26562": "2 promo; 24 syndication; 26 source-link",
    "26616": "2 promo; 76 syndication; 78 source-link",
    "27128": "2 rating; 4 promo; 12 ad; 28 ad; 50 ad; 52-58 related; 78 share",
    "27309": "2 rating; 4 promo; 12 source-link",
    "27701": "2 rating; 4 promo; 26 syndication; 28 source-link",
    "27786": "2 promo; 14 syndication; 16 source-link",
    "27885": "2 promo; 6 source-link",
    "28303": "0 promo; 58 source-link; 60 related",
    "28983": "2 promo; 34 source-link",
    "29286": "2 promo; 18 nav",
    "29832": "2 promo; 56 source-link",
    "30453": "2 promo; 4 promo; 6 repeated-title; 22 promo; 24 source-link",
    "31398": "2 rating; 4 promo; 58 syndication; 60 promo; 62 source-link",
    "33526": "2 promo; 14 syndication; 16 source-link",
    "33698": "2 promo; 6 source-link",
    "33782": "2 promo; 52 source-link",
    "34422": "2 rating; 4 promo; 8 ad; 14 ad; 20 ad; 46 ad",
    "34573": "2 rating; 4 promo; 10 syndication; 12 legal; 16 legal; 18 source-link",
    "34827": "2 promo; 22 syndication; 24 source-link",
    "35136": "",
    "35661": "2 rating; 4 promo; 110 nav; 112 syndication; 114 source-link",
    "35845": "2 promo; 24 syndication; 26 source-link",
    "36244": "2 rating; 4 promo; 54 syndication; 56 source-link",
    "36314": "2 rating; 4 promo; 10 legal; 12 source-link",
    "36741": "",
    "36979": "2 rating; 4 promo; 26 syndication; 28 source-link",
    "37031": "2 rating; 4 promo; 34 syndication; 36 legal; 40 source-link",
    "37277": "2 promo; 12 legal; 14 source-link",
    "37365": "2 promo; 14 syndication; 16 legal; 20 legal; 22 source-link",
    "37409": "2 promo; 14 legal; 16 source-link",
    "37647": "2 rating; 4 promo; 8 promo; 34-42 author-box; 44 source-link",
    "38042": "2 promo; 30 legal; 32 source-link",
    "38572": "2 promo; 6 nav",
    "39134": "0 template; 2 template; 4 template",
    "39468": "2 promo; 6 credit",
    "2736": "0 subscribe; 22 comments",
    "2780": "0 subscribe; 8 comments",
    "3160": "0 subscribe; 18 comments",
    "3391": "0 subscribe; 8 comments",
    "5064": "",
    "5967": "",
    "6207": "",
    "7242": "",
    "7895": "0 subscribe; 14 comments",
    "8308": "",
    "9320": "",
    "11239": "0 subscribe; 14 comments",
    "11504": "",
    "11741": "6 author-box",
    "11896": "",
    "11960": "0 subscribe; 16 author-box; 18 author-box; 20 comments",
    "1664": "",
    "2033": "",
    "27272": "",
    "28544": "",
    "35900": "92 source-link",
    "38330": "",
    "27373": "",
    "29626": "",
    "8792": "",
    "9659": "",
    "10417": "",
    "11593": "22 promo",
    "13331": "",
    "13711": "",
    "14967": "",
    "15029": "",
    "15730": "",
    "15764": "",
    "39208": "",
    "18225": "0 post-meta; 10 nav; 12 ad; 14-32 share; 34 post-meta",
    "38652": "",
    "39477": "",
    "39550": "6 promo; 8 promo",
    "39558": "",
    "19984": "2 rating; 4 promo",
}

GLUED: dict[tuple[str, int], tuple[tuple[str, str, str], ...]] = {
    ("27885", 4): (
        ("prefix", "syndication", "Natural Blaze.com"),
        (
            "suffix",
            "promo",
            "“Blazing a path to natural health and wellness. Get natural health news, remedies "
            "and tips at naturalblaze.com”",
        ),
    ),
    ("33698", 4): (("suffix", "nav", "[…]"),),
    ("2736", 14): (("prefix", "nav", "Continued below..."),),
    ("2736", 18): (("prefix", "nav", "Continued below..."),),
    ("3391", 4): (("suffix", "nav", "—More…"),),
    ("1422", 14): (("prefix", "nav", "Continued below..."),),
    ("1422", 18): (("prefix", "nav", "Continued below..."),),
    ("1920", 0): (("suffix", "nav", "[…]"),),
    ("2350", 2): (("suffix", "nav", "Read more"),),
    ("3399", 2): (("suffix", "nav", "—More…"),),
    ("9757", 12): (("prefix", "nav", "Continued below..."),),
    ("11960", 12): (("prefix", "nav", "Continued below..."),),
    ("19639", 0): (("suffix", "nav", "Read More"),),
    ("19639", 4): (("suffix", "nav", "Read More"),),
    ("29553", 4): (("suffix", "nav", "[…]"),),
}

NOTES: dict[tuple[str, int], str] = {
    ("21902", 0): "residue: a byline cut to the bare word 'By'",
    ("21902", 6): "content: a lone '.' (lines without letters are layout, labelled content)",
    ("8600", 2): "residue: photo credit of an image that is not there",
    ("23561", 18): "residue: image credit line",
    ("23561", 26): "content: separator line",
    ("23561", 32): "residue: site promotion ('redOrbit.com' + next line)",
    ("20749", 0): "residue: the whole extracted text is a promoted headline the site repeats",
    ("31019", 0): "residue: the whole extracted text is a promoted headline the site repeats",
    ("22567", 10): "content: 'Courtesy of ...' credits the press release (borderline)",
    ("37351", 14): "content: 'Contributed by <author>' is an author credit (borderline)",
    ("33591", 106): "content: 'Contributed by <author>' is an author credit (borderline)",
    ("35379", 74): "content: author bio written with the article",
    ("35379", 114): "content: 'End of <title>' marker written by the author (borderline)",
    ("13022", 24): "residue: bare URL of the original article in the syndication footer",
    ("33458", 14): "content: affiliate disclosure written by the author (borderline)",
    ("15564", 74): "residue: promoted video title the site repeats under articles",
    ("2350", 2): "content: an archive teaser ending in '..Read more' (the line is mostly text)",
    ("9757", 12): "content: 'Continued below...' glued to a content paragraph",
    ("1422", 14): "content: 'Continued below...' glued to a content paragraph",
    ("1685", 0): "content: image caption",
    ("2363", 0): "residue: 'Expand | Collapse' widget text with the photo credit",
    ("37771", 0): "residue: the page is a CMS error template",
    ("700", 0): "residue: truncated meta description (repeats the title and the first paragraph)",
    ("28369", 0): "residue: the page is only the site's 'Recommended Resources' sidebar",
    ("19639", 6): "content: author box on an archive page (borderline)",
    ("17604", 10): "content: separator line",
    ("18428", 16): (
        "content: 'Facebook' is a section heading here (how to download your Facebook "
        "data), not a share button"
    ),
    ("18428", 20): "content: 'Twitter' is a section heading here",
    ("19688", 14): "promo: the pitch for the 'Exclusive Un-Censored Video Site' spans lines 12-20",
    ("19688", 24): "promo: the poster's evangelism footer repeated under every post (24-28)",
    ("16721", 8): "content: the author's own invitation to comment, written in the post",
    ("19688", 22): "content: zero-width spaces only (layout)",
    ("19582", 4): "promo: the blog's tagline printed above every post",
    ("10657", 160): "content: the link label the author points to ('click below')",
    ("22530", 4): "source-link: 'Source: corbettreport' printed above the article",
    ("22768", 50): "content: the author's bio continued (workshops), borderline promo",
    ("23066", 172): "promo: donation button and book promotion (172-178)",
    ("23303", 78): "source-link: an empty 'Source:' footer",
    ("24398", 6): (
        "repeated-title: the title printed again as the article's heading; the first copy "
        "(line 0) is content, as SOURCE.md says"
    ),
    ("24398", 154): "related: the poster's 'Related:' item with a link",
    ("24398", 156): "nav: '- See more at:' link appended by a share widget",
    ("24998", 10): (
        "ad: market-report call to action ('Complete report available @', 'Purchase a "
        "copy'); the press release's own 'About Us' and contact lines are content"
    ),
    ("25273", 38): (
        "promo: the syndicating site's tagline ('When it hits the fan, don't say we "
        "didn't warn you')"
    ),
    ("23985", 46): "syndication: the reposting blog's bare home-page URL",
    ("26057", 26): (
        "template: an HTML comment of the CMS template ('this is where we need to show "
        "the related articles')"
    ),
    ("27128", 60): (
        "content: the press release's 'About' and contact lines; 'Follow us on LinkedIn' "
        "(78) is share"
    ),
    ("28303", 22): "content: image caption with its credit",
    ("27885", 4): (
        "content: the teaser, between the syndicating site's name and its tagline (both "
        "glued residue)"
    ),
    ("37647", 8): "promo: the author's PayPal donation request",
    ("37647", 34): "author-box: the author's 'CONTACT ME' block printed under every post (34-42)",
    ("39134", 0): (
        "template: the site's header words ('press', 'Before It's News ©', 'people powered news ®')"
    ),
    ("5064", 0): (
        "content: the page is an author archive (bio and list of the author's articles), "
        "kept as content like 19639"
    ),
    ("2780", 6): "content: the press release's 'About' paragraph of the issuing society",
    ("11741", 0): (
        "content: the page is an author archive; only the mashed author-box line (6) is residue"
    ),
}


def residue_lines(spec: str, parts: list[str]) -> dict[int, str]:
    """Parse one `LABELS` value into ``{line number: class}``."""
    lines: dict[int, str] = {}
    for item in filter(None, (piece.strip() for piece in spec.split(";"))):
        where, cls = item.split()
        assert cls in CLASSES, item
        first, _, last = where.partition("-")
        if last:
            span = [i for i in range(int(first), int(last) + 1) if parts[i].strip()]
        else:
            span = [int(first)]
        for i in span:
            assert parts[i].strip() and i not in lines, (item, i)
            lines[i] = cls
    return lines


def record(doc_id: str, row: dict[str, str], duplicates: list[str]) -> dict[str, object]:
    text = row["content"]
    parts = text.split("\n")
    residue = residue_lines(LABELS[doc_id], parts)
    classes = [
        None if not part.strip() else residue.get(i, "content") for i, part in enumerate(parts)
    ]
    glued = []
    for (gid, i), pieces in GLUED.items():
        if gid != doc_id:
            continue
        line = parts[i].strip()
        assert classes[i] == "content", (doc_id, i)
        for side, cls, residue_text in pieces:
            assert cls in CLASSES and side in ("prefix", "suffix"), (doc_id, i)
            fits = (line.startswith if side == "prefix" else line.endswith)(residue_text)
            assert fits and len(residue_text) < len(line), (doc_id, i, residue_text)
            glued.append({"line": i, "side": side, "class": cls, "text": residue_text})
    notes = {str(i): note for (nid, i), note in NOTES.items() if nid == doc_id}
    return {
        "id": doc_id,
        "domain": row["domain"],
        "title": row["title"],
        "text": text,
        "labels": [c if c in (None, "content") else "residue" for c in classes],
        "classes": classes,
        "glued": glued,
        "notes": notes,
        "duplicates": duplicates,
    }


def build(source: Path | None = None, target: Path = HERE / "fakenews.jsonl") -> None:
    csv.field_size_limit(sys.maxsize)
    with (source or shared_sample()).open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    by_id = {row["id"]: row for row in rows}
    assert len(set(LABELS)) == len(LABELS) == len({r["content"] for r in rows}), len(LABELS)
    assert {gid for gid, _ in GLUED} <= set(LABELS) and {nid for nid, _ in NOTES} <= set(LABELS)
    with target.open("w", encoding="utf-8") as out:
        for doc_id in LABELS:
            text = by_id[doc_id]["content"]
            duplicates = [r["id"] for r in rows if r["content"] == text and r["id"] != doc_id]
            line = json.dumps(record(doc_id, by_id[doc_id], duplicates), ensure_ascii=False)
            out.write(line + "\n")


if __name__ == "__main__":
    build()
