"""Quotation marks as real text has them: paired per paragraph, and the sentences around them.

Pairing never runs across a paragraph (a line). Straight and curly double marks are paired by
state rather than by shape, because news text often closes a quote with an opening mark
(``these days.“Russia``); a quote left open runs to the end of its paragraph. Single marks are
not paired: inside a double quote they are nested quotes, elsewhere mostly apostrophes.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

from .words import STATEMENT_WORDS

# Two single closing marks (or apostrophes) stand for a double one in some typesetting: ’’
_DOUBLE_MARK = re.compile(r"’’|''|[\"“”„«»]")
_OPENING_ONLY = frozenset("“„«")
_CLOSING_ONLY = frozenset("”»")
_PARAGRAPH = re.compile(r"[^\n]+")
# A sentence ends at . ! ? (and any closing marks after it) followed by a space, or directly by
# a capital when a closing mark was there (``days.“Russia``).
_SENTENCE_END = re.compile(r"[.!?…]+(?P<marks>[\"“”’)\]]*)(?P<space>\s*)")
_WORD_BEFORE = re.compile(r"([A-Za-z][\w.]*)$")


@dataclass(frozen=True)
class Quote:
    """One quoted span: ``open`` is the index of its opening mark; ``close`` of its closing mark,
    or the paragraph end when the quote was never closed (``closed`` is then False)."""

    open: int
    close: int  # the last character of the closing mark
    closed: bool
    width: int = 1  # of the closing mark: 2 for ’’

    @property
    def inner(self) -> tuple[int, int]:
        return self.open + 1, self.close + 1 - self.width


def paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of every non-empty line of ``text``."""
    return [m.span() for m in _PARAGRAPH.finditer(text) if not m.group().isspace()]


def quotes(text: str, start: int, end: int) -> list[Quote]:
    """The quotes of the paragraph ``text[start:end]``, in order; empty quotes are dropped."""
    found: list[Quote] = []
    opened = -1
    for m in _DOUBLE_MARK.finditer(text, start, end):
        i = m.start()
        mark = m.group() if len(m.group()) == 1 else "”"
        before = text[i - 1] if i > start else " "
        after = text[m.end()] if m.end() < end else " "
        if len(m.group()) == 2 and (opened < 0 or before.isspace()):
            continue  # '' opening or standing alone is not a quote mark
        if opened < 0:
            if mark in _CLOSING_ONLY and not before.isspace():
                continue  # a closing mark with no opening one: nothing to pair
            opened = i
            continue
        if mark in _OPENING_ONLY and before.isspace() and not after.isspace():
            if _closes_later(text, m.end(), end) and text[: i - 1].rstrip().endswith((".", "!", "?")):
                continue  # “A. “B.”: a stray opening mark between two sentences of one quote
            # A new quote opens while the last was never closed: the last ends before this one.
            _keep(found, text, Quote(opened, i - 1, False))
            opened = i
            continue
        _keep(found, text, Quote(opened, m.end() - 1, True, len(m.group())))
        opened = -1
    if opened >= 0:
        stop = end
        while stop > opened + 1 and text[stop - 1].isspace():
            stop -= 1
        _keep(found, text, Quote(opened, stop, False))
    return found


def _closes_later(text: str, start: int, end: int) -> bool:
    """Whether the next quote mark after ``start`` closes (so one closing mark ends both openings)."""
    nxt = _DOUBLE_MARK.search(text, start, end)
    return nxt is not None and (len(nxt.group()) == 2 or nxt.group() not in _OPENING_ONLY) and nxt.group() != '"'


def _keep(found: list[Quote], text: str, quote: Quote) -> None:
    a, b = quote.inner
    if b - a > 0 and _has_letter(text, a, b):
        found.append(quote)


_LETTER = re.compile(r"[^\W\d_]")


def _has_letter(text: str, start: int, end: int) -> bool:
    return _LETTER.search(text, start, end) is not None


def sentences(text: str, start: int, end: int, quoted: list[Quote]) -> list[tuple[int, int]]:
    """(start, end) of the sentences of a paragraph; a sentence never ends inside a quote."""
    opens = [q.open for q in quoted]
    abbreviations = STATEMENT_WORDS.abbreviations
    out: list[tuple[int, int]] = []
    begin = start
    for m in _SENTENCE_END.finditer(text, start, end):
        cut = m.start("space")
        nxt = m.end()
        if nxt >= end:
            break
        if not m.group("space") and not m.group("marks"):
            continue
        follower = text[nxt]
        if not (follower.isupper() or follower.isdigit() or follower in "\"“‘'(["):
            continue
        marks_at = m.start("marks")
        j = bisect_left(opens, marks_at)
        if j < len(opens) and opens[j] < cut:
            cut = nxt = opens[j]  # ``rule.“We demand``: the mark opens the next sentence
        k = bisect_left(opens, cut) - 1
        if k >= 0 and quoted[k].close >= cut:
            continue  # inside a quote
        if not m.group("marks") and m.group().startswith("."):
            word = _WORD_BEFORE.search(text, max(start, m.start() - 40), m.start())
            if word and (word.group(1).lower() in abbreviations or len(word.group(1).split(".")[-1]) == 1):
                # "... in the U.S. “Forget about it,” she said": dotted initials, then a quote that opens
                # with a capital, end a sentence
                if not ("." in word.group(1) and follower in '"“' and text[nxt + 1 : nxt + 2].isupper()):
                    continue
        out.append((begin, cut))
        begin = nxt
    if begin < end:
        out.append((begin, end))
    return out


_WORD = re.compile(r"\w+")


def introduces(text: str, start: int, stop: int) -> bool:
    """Whether the narration ``text[start:stop]`` before a quote only introduces it ("And here was the
    big reveal: "...""): it ends with a colon and names no one (no capitalised word after its first)."""
    lead = text[start:stop].rstrip()
    return lead.endswith(":") and not any(w[:1].isupper() for w in _WORD.findall(lead)[1:])
