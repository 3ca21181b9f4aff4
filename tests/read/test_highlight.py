"""newstally.read.highlight: untrusted article text in, escaped HTML with marked spans out."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest

from newstally.read.highlight import (
    Span,
    anchor_id,
    css_class,
    figure_spans,
    highlighted_html,
    reader_html,
    statement_spans,
)

HOSTILE = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    '"><svg onload=alert(1)>',
    "<style>body{display:none}</style>",
    '<a href="javascript:alert(1)">click</a>',
    "&lt;script&gt; already escaped",
]
ALLOWED_TAGS = {"p", "mark", "span", "div", "style"}


class _Tags(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def _tags(markup: str) -> list[tuple[str, dict]]:
    parser = _Tags()
    parser.feed(markup)
    return parser.tags


@pytest.mark.parametrize("text", HOSTILE)
def test_highlight_hostile_text_is_escaped(text):
    out = highlighted_html(text, [])
    assert "<script" not in out and "<img" not in out and "<svg" not in out and "<a " not in out
    assert {tag for tag, _ in _tags(out)} <= {"p"}


@pytest.mark.parametrize("text", HOSTILE)
def test_highlight_hostile_text_inside_spans_is_escaped(text):
    full = f"He said {text} and 30 trucks"
    start = full.index(text)
    spans = [
        Span(start, start + len(text), "statement", "s0", label="<b>Evil</b> speaker", title='"onmouseover=x'),
        Span(full.index("30"), full.index("30") + 9, "figure", "f0", label='aid"><script>', title="<i>"),
    ]
    out = highlighted_html(full, spans)
    assert "<script" not in out and "<b>" not in out and "<i>" not in out
    for tag, attrs in _tags(out):
        assert tag in ALLOWED_TAGS
        assert set(attrs) <= {"class", "id", "title", "style"}
        assert not any(name.startswith("on") for name in attrs)
    assert "&lt;b&gt;Evil&lt;/b&gt; speaker" in out


def test_highlight_marks_figures_inside_statements():
    text = 'Zakharova said "28,500 people were killed" on Wednesday.'
    quote = text.index("28,500")
    spans = [
        Span(quote, quote + len("28,500 people were killed"), "statement", "a:s0", "Maria Zakharova"),
        Span(quote, quote + len("28,500 people"), "figure", "a:f0", "killed"),
    ]
    out = highlighted_html(text, spans, colors={"killed": "#c62828"})
    assert '<span class="nt-speaker">Maria Zakharova</span>' in out
    assert re.search(
        r'<span class="nt-statement"[^>]*id="nt-statement-a-s0"><mark class="nt-figure nt-cat-killed"'
        r'[^>]*id="nt-figure-a-f0"[^>]*>28,500 people</mark></span>',
        out,
    )
    assert "#c62828" in out


@pytest.mark.parametrize(
    "spans",
    [
        [Span(0, 5, "figure", "f0", "killed"), Span(3, 9, "figure", "f1", "injured")],  # overlapping
        [Span(0, 20, "statement", "s0", "A"), Span(5, 9, "figure", "f0", "aid"), Span(8, 12, "statement", "s1", "B")],
    ],
)
def test_highlight_overlapping_spans_stay_well_formed(spans):
    text = "abcdefghijklmnopqrstuvwxyz"
    out = highlighted_html(text, spans)
    assert re.sub(r"<[^>]+>", "", out).replace("A", "", 1).replace("B", "", 1) == text
    depth = 0
    for tag in re.findall(r"</?(?:mark|span)", out):
        depth += -1 if tag.startswith("</") else 1
        assert depth >= 0
    assert depth == 0


@pytest.mark.parametrize(
    "span",
    [Span(-1, 3, "figure", "x"), Span(5, 3, "figure", "x"), Span(0, 99, "figure", "x"), Span(2, 2, "figure", "x")],
)
def test_highlight_ignores_spans_outside_the_text(span):
    assert highlighted_html("short", [span]) == "<p>short</p>"


def test_highlight_focus_gets_its_class_once_and_an_id():
    out = highlighted_html("one two three", [Span(4, 7, "figure", "a:f1", "aid")], focus="a:f1")
    assert out.count("nt-focus") == 1 and 'id="nt-figure-a-f1"' in out


def test_highlight_paragraphs():
    assert highlighted_html("first\n\nsecond\nthird", []) == "<p>first</p><p>second</p><p>third</p>"


@pytest.mark.parametrize("value, expected", [("killed", "killed"), ("A b/c", "a-b-c"), ('"><x', "x"), ("", "none")])
def test_highlight_css_class(value, expected):
    assert css_class(value) == expected


def test_highlight_anchor_id_is_safe():
    assert anchor_id("figure", "art<1>:f0") == "nt-figure-art-1-f0"


def test_highlight_spans_from_rows():
    figures = figure_spans(
        [{"start": 1, "end": 3, "figure_id": "f", "category": "aid", "text": "30", "reported_by": None}]
    )
    statements = statement_spans(
        [{"start": 0, "end": 5, "statement_id": "s", "speaker": None, "kind": "direct", "cue": "said"}]
    )
    assert figures[0].record == "figure" and figures[0].label == "aid"
    assert statements[0].label == "" and "said" in statements[0].title


def test_highlight_reader_html_wraps_in_container():
    out = reader_html("<script>x</script>", [])
    assert out.count("<style>") == 1 and '<div class="nt-reader"><p>&lt;script&gt;x&lt;/script&gt;</p></div>' in out
