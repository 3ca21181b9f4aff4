"""Untrusted text as Markdown source: nothing in it renders as markup, and it shows as written."""

from __future__ import annotations

import re
import string

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newstally.read.markdown_text import literal_markdown


def _unescaped(source: str) -> str:
    return re.sub(r"\\([" + re.escape(string.punctuation) + "])", r"\1", source)


@pytest.mark.parametrize(
    "title",
    [
        "![img](https://example.org/x.png)",
        "[click](javascript:alert(1))",
        "**bold** _it_ `code`",
        "# heading",
        "1. list",
        "- item",
        "> quote",
        "<script>alert(1)</script>",
        "$x^2$",
        ":red[colour]",
        "a | b | c",
        "<https://example.org>",
        "&amp;",
        "line\nbreak",
    ],
)
def test_literal_markdown_leaves_no_markup_to_render(title):
    source = literal_markdown(title)
    assert "\n" not in source
    assert not re.search(
        r"(?<!\\)[" + re.escape(string.punctuation.replace("\\", "")) + "]", source.replace("\\\\", "")
    ), source
    assert _unescaped(source) == title.replace("\n", " ")


@settings(max_examples=500, deadline=None)
@given(st.text())
def test_literal_markdown_shows_the_text_as_written(text):
    source = literal_markdown(text)
    assert _unescaped(source) == re.sub(r"[\r\n\u2028\u2029]+", " ", text)
