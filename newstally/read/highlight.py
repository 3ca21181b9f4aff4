"""Article text -> HTML with figures and statements marked, safe to hand to the browser.

Article text is untrusted input: every piece of it goes through ``html.escape`` before any markup
is added, and the only markup added is built here from fixed tags, class names made of
``[a-z0-9-]`` and escaped labels. This is the one producer of HTML the dashboard renders with
``unsafe_allow_html=True``.

Spans may nest (a figure inside a quote) or overlap; the text is cut at every span boundary and
each piece is wrapped in the marks of every span covering it, so the result is always well formed.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Literal

_UNSAFE_CLASS_CHARS = re.compile(r"[^a-z0-9-]+")
DEFAULT_FIGURE_COLOR = "#9e9e9e"


@dataclass(frozen=True)
class Span:
    """A stretch of the article to mark: the figure or the statement ``record`` names."""

    start: int
    end: int
    record: Literal["figure", "statement"]
    span_id: str  # figure_id or statement_id
    label: str = ""  # category of a figure, speaker of a statement
    title: str = ""  # hover text


def css_class(value: str) -> str:
    """``value`` reduced to a safe CSS class fragment (lower case letters, digits, hyphens)."""
    return _UNSAFE_CLASS_CHARS.sub("-", value.lower()).strip("-") or "none"


def anchor_id(record: str, span_id: str) -> str:
    """The HTML id the reader gives a span, so a link can point at it (ids are made safe)."""
    return f"nt-{record}-{css_class(span_id)}"


def _open(span: Span, first_piece: bool, focus: str | None, colors: Mapping[str, str]) -> str:
    classes = [f"nt-{span.record}"]
    if span.record == "figure":
        classes.append(f"nt-cat-{css_class(span.label)}")
    if focus is not None and span.span_id == focus:
        classes.append("nt-focus")
    attrs = f'class="{" ".join(classes)}"'
    if span.title:
        attrs += f' title="{html.escape(span.title, quote=True)}"'
    if first_piece:
        attrs += f' id="{anchor_id(span.record, span.span_id)}"'
    if span.record == "figure":
        color = colors.get(span.label, DEFAULT_FIGURE_COLOR)
        if re.fullmatch(r"#[0-9a-fA-F]{3,8}", color):  # colours come from code, checked anyway
            attrs += f' style="background:{color}33;border-bottom:2px solid {color}"'
        return f"<mark {attrs}>"
    return f"<span {attrs}>"


def _close(span: Span) -> str:
    return "</mark>" if span.record == "figure" else "</span>"


def _speaker_badge(span: Span) -> str:
    label = span.label or "unattributed"
    return f'<span class="nt-speaker">{html.escape(label)}</span>'


def highlighted_html(
    text: str, spans: Iterable[Span], focus: str | None = None, colors: Mapping[str, str] | None = None
) -> str:
    """``text`` escaped, with each span marked; paragraphs (blank-line or newline separated)
    become ``<p>``. Spans outside the text or empty are ignored. ``focus`` (a span_id) gets the
    class ``nt-focus``; each statement starts with a badge naming its speaker."""
    colors = colors or {}
    size = len(text)
    usable = sorted(
        (s for s in spans if 0 <= s.start < s.end <= size),
        key=lambda s: (s.start, -(s.end - s.start), s.record != "statement"),
    )
    cuts = sorted({0, size, *(s.start for s in usable), *(s.end for s in usable)})
    opened: set[str] = set()
    out: list[str] = []
    for left, right in zip(cuts, cuts[1:]):
        covering = [s for s in usable if s.start <= left and right <= s.end]
        # statements outside figures, then longer spans outside shorter ones
        covering.sort(key=lambda s: (s.record != "statement", -(s.end - s.start)))
        piece = html.escape(text[left:right])
        for span in covering:
            if span.record == "statement" and span.start == left:
                out.append(_speaker_badge(span))
        opening = []
        for span in covering:
            key = f"{span.record}:{span.span_id}"
            opening.append(_open(span, key not in opened, focus, colors))
            opened.add(key)
        out.append("".join(opening) + piece + "".join(_close(s) for s in reversed(covering)))
    return _paragraphs("".join(out))


def _paragraphs(marked: str) -> str:
    # newlines are text, never markup, so splitting the escaped string on them is safe; a mark
    # that spans a paragraph break is closed and reopened by the browser's parser, harmlessly
    parts = [p.strip() for p in re.split(r"\n\s*\n|\n", marked) if p.strip()]
    return "".join(f"<p>{p}</p>" for p in parts) or "<p></p>"


def figure_spans(figures: Iterable[Mapping]) -> list[Span]:
    """Spans of figure rows (start, end, figure_id, category, text, value, reported_by)."""
    return [
        Span(
            int(f["start"]),
            int(f["end"]),
            "figure",
            str(f["figure_id"]),
            str(f.get("category") or ""),
            f"{f.get('category') or 'figure'}: {f.get('text', '')} ({f.get('reported_by') or 'unattributed'})",
        )
        for f in figures
    ]


def statement_spans(statements: Iterable[Mapping]) -> list[Span]:
    """Spans of statement rows (start, end, statement_id, speaker, kind, cue)."""
    return [
        Span(
            int(s["start"]),
            int(s["end"]),
            "statement",
            str(s["statement_id"]),
            str(s.get("speaker") or ""),
            f"{s.get('kind') or ''} statement, cue: {s.get('cue') or ''}",
        )
        for s in statements
    ]


READER_CSS = """
<style>
.nt-reader { line-height: 1.7; font-size: 1.02rem; max-width: 52rem; }
.nt-reader mark { color: inherit; padding: 0 .1em; border-radius: .2em; }
.nt-statement { background: rgba(120, 144, 156, .12); border-radius: .2em; }
.nt-speaker { font-size: .72rem; font-weight: 600; background: #455a64; color: #fff; border-radius: .6em;
  padding: .05em .5em; margin-right: .3em; white-space: nowrap; }
.nt-focus { outline: 3px solid #ff6d00; outline-offset: 1px; }
</style>
"""


def reader_html(
    text: str, spans: Iterable[Span], focus: str | None = None, colors: Mapping[str, str] | None = None
) -> str:
    """The reader's whole HTML block: fixed styles, then ``highlighted_html`` in a container."""
    return READER_CSS + f'<div class="nt-reader">{highlighted_html(text, spans, focus, colors)}</div>'
