"""The main text and metadata of a web page, read by the linear-time tokenizer of ``html_tokens``.

The text is the page's <article> (all of them, in order), else its <main>, else its <body>,
without scripts, styles, navigation, headers, footers, asides and other page furniture.
Paragraphs and other blocks become lines joined by "\\n", runs of spaces collapse as a browser
would show them, and character references are decoded. No markup survives into the text.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from . import html_tokens

# Page furniture, and elements whose content is code or not text at all.
_SKIPPED = frozenset(
    {
        "script",
        "style",
        "nav",
        "header",
        "footer",
        "aside",
        "noscript",
        "template",
        "svg",
        "iframe",
        "form",
        "button",
        "select",
        "textarea",
        "canvas",
        "object",
        "head",
        "math",
    }
)
_BLOCKS = frozenset(
    {
        "p",
        "div",
        "br",
        "li",
        "ul",
        "ol",
        "dl",
        "dt",
        "dd",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "tr",
        "table",
        "blockquote",
        "section",
        "article",
        "main",
        "pre",
        "figure",
        "figcaption",
        "hr",
        "address",
        "details",
        "summary",
        "body",
        "caption",
        "center",
    }
)
_CELLS = frozenset({"td", "th"})
_VOID = frozenset(
    {
        "area",
        "base",
        "br",
        "col",
        "embed",
        "hr",
        "img",
        "input",
        "link",
        "meta",
        "param",
        "source",
        "track",
        "wbr",
    }
)
_CONTAINERS = ("article", "main", "body")
_PUBLISHED_META = frozenset(
    {
        "article:published_time",
        "og:published_time",
        "datepublished",
        "date",
        "pubdate",
        "publishdate",
        "publish_date",
        "dc.date",
        "dc.date.issued",
        "dcterms.created",
        "sailthru.date",
        "parsely-pub-date",
    }
)
_HTML_SPACE = re.compile(r"[ \t\n\r\f]+")
_BREAK = "\0"  # marks a block boundary among the text pieces; NULs never reach the parser
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-]+)""", re.IGNORECASE)


@dataclass(frozen=True)
class Page:
    """What a web page holds for newstally; any field may be ""."""

    text: str
    title: str
    published: str  # as the page writes it, not yet normalised
    source: str
    url: str


def declared_charset(head: bytes) -> str | None:
    """The encoding a ``<meta charset>`` in the first bytes of a page declares, or None."""
    found = _CHARSET.search(head[:4096])
    return found.group(1).decode("ascii").lower() if found else None


def page(html: str) -> Page:
    """The main text, title, publication date, site name and address of the page ``html``."""
    parser = _PageParser()
    html_tokens.feed(parser, html.replace(_BREAK, ""))
    return parser.result()


class _PageParser:
    """The handler ``html_tokens.feed`` calls; every call costs the same however deep the page
    nests, so 100,000 stray end tags cost 100,000 steps, not 100,000 times the depth."""

    def __init__(self) -> None:
        self._open: list[str] = []
        self._n_open: Counter[str] = Counter()  # of self._open, for lookups that do not walk it
        self._skipping = 0  # open elements of _SKIPPED
        self._depth = dict.fromkeys(_CONTAINERS, 0)
        self._pieces: dict[str, list[str]] = {name: [] for name in _CONTAINERS}
        self._in_title = 0
        self._in_h1 = 0
        self._title: list[str] = []
        self._h1: list[str] = []
        self._meta: dict[str, str] = {}
        self._time = ""
        self._canonical = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "body" and self._n_open["head"]:
            self.handle_endtag("head")  # an unclosed <head> must not hide the whole page
        self._note_attributes(tag, dict(attrs))
        self._boundary(tag)
        if tag in _VOID:
            return
        self._open.append(tag)
        self._n_open[tag] += 1
        self._entered(tag, +1)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._note_attributes(tag, dict(attrs))
        self._boundary(tag)

    def handle_endtag(self, tag: str) -> None:
        if not self._n_open[tag]:
            self._boundary(tag)  # a stray </p> still ends a paragraph
            return
        while self._open:
            closed = self._open.pop()
            self._n_open[closed] -= 1
            self._entered(closed, -1)
            if closed == tag:
                break
        self._boundary(tag)

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self._title.append(data)
        if self._in_h1 and not self._open_in("script", "style"):
            self._h1.append(data)
        if self._skipping:
            return
        self._pieces["body"].append(data)  # pages without a <body> tag are all body
        for name in ("article", "main"):
            if self._depth[name]:
                self._pieces[name].append(data)

    def result(self) -> Page:
        text = ""
        for name in _CONTAINERS:
            text = _lines("".join(self._pieces[name]))
            if text:
                break
        title = self._meta.get("og:title") or _line("".join(self._h1)) or _line("".join(self._title))
        published = self._meta.get("published") or self._time
        return Page(
            text=text,
            title=_line(title),
            published=published.strip(),
            source=_line(self._meta.get("og:site_name", "")),
            url=(self._canonical or self._meta.get("og:url", "")).strip(),
        )

    def _entered(self, tag: str, step: int) -> None:
        if tag in _SKIPPED:
            self._skipping += step
        if tag in self._depth:
            self._depth[tag] += step
        if tag == "title":
            self._in_title += step
        if tag == "h1":
            self._in_h1 += step

    def _boundary(self, tag: str) -> None:
        if tag in _BLOCKS:
            marker = _BREAK
        elif tag in _CELLS:
            marker = " "
        else:
            return
        for name in _CONTAINERS:
            if name == "body" or self._depth[name]:
                self._pieces[name].append(marker)

    def _open_in(self, *tags: str) -> bool:
        return any(self._n_open[tag] for tag in tags)

    def _note_attributes(self, tag: str, attrs: dict[str, str | None]) -> None:
        if tag == "meta":
            key = (attrs.get("property") or attrs.get("name") or attrs.get("itemprop") or "").lower()
            content = attrs.get("content") or ""
            if key in _PUBLISHED_META and content and "published" not in self._meta:
                self._meta["published"] = content
            elif key in ("og:title", "og:site_name", "og:url") and content:
                self._meta.setdefault(key, content)
        elif tag == "link" and "canonical" in (attrs.get("rel") or "").lower().split():
            self._canonical = self._canonical or (attrs.get("href") or "")
        elif tag == "time" and not self._time:
            self._time = attrs.get("datetime") or ""
        elif attrs.get("itemprop") == "datePublished" and "published" not in self._meta:
            value = attrs.get("datetime") or attrs.get("content")
            if value:
                self._meta["published"] = value


def _lines(raw: str) -> str:
    lines = (_line(line) for line in raw.split(_BREAK))
    return "\n".join(line for line in lines if line)


def _line(raw: str) -> str:
    # HTML collapses ASCII white space only: a no-break space is content ("1\u00a0200") and stays.
    return _HTML_SPACE.sub(" ", raw).strip(" ")
