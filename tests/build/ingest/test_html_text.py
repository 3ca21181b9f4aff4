"""HTML pages (newstally.build.ingest.html_text): the main text and the page's metadata, no markup."""

from __future__ import annotations

import pytest
from conftest import shared
from ingest_files import one, write

from newstally.build.ingest.html_text import page
from newstally.contract.records import Rejected


def test_ingest_hostile_html_keeps_no_markup_or_script():
    article = one(shared("corpus", "bad", "hostile.html"))
    assert article.text == ('The spokesman said 30 trucks entered on Monday.\n"We will not stop," said the commander.')
    assert article.title == "Hostile page"
    for markup in ("<", ">", "alert", "pwned", "onerror", "script"):
        assert markup not in article.text


def test_ingest_html_picks_main_text_and_metadata(tmp_path):
    html = (
        "<!doctype html><html><head><title>Site | Page</title>"
        '<meta property="og:title" content="Aid &amp; trucks">'
        '<meta property="article:published_time" content="2023-10-21T09:00:00Z">'
        '<meta property="og:site_name" content="Example News">'
        '<link rel="canonical" href="https://example.org/aid"></head><body>'
        "<header><h1>Menu heading</h1></header><nav>Home | World</nav>"
        "<main><h2>Aid</h2><p>Twenty&nbsp;trucks   entered<br>on Saturday.</p>"
        "<aside>Read more</aside><ul><li>One</li><li>Two</li></ul></main>"
        "<footer>© Example</footer><style>p {}</style></body></html>"
    )
    article = one(write(tmp_path / "aid.html", html))
    assert article.text == "Aid\nTwenty\u00a0trucks entered\non Saturday.\nOne\nTwo"
    assert (article.title, article.published, article.source, article.url) == (
        "Aid & trucks",
        "2023-10-21",
        "Example News",
        "https://example.org/aid",
    )


@pytest.mark.parametrize(
    "html, text, title",
    [
        ("<html><body><div>Menu</div><article><p>Kept.</p></article><p>Also not</p></body></html>", "Kept.", ""),
        (
            "<body><h1>Headline</h1><p>Body text</p><time datetime='2023-01-02'>x</time></body>",
            "Headline\nBody text\nx",
            "Headline",
        ),
        ("<html><head><title>T</title><body><p>No closed head.</p>", "No closed head.", "T"),
        ("plain words &lt;b&gt; and <b>bold</b>", "plain words <b> and bold", ""),
    ],
)
def test_ingest_html_fallbacks(html, text, title):
    found = page(html)
    assert (found.text, found.title) == (text, title)


@pytest.mark.parametrize(
    "html",
    [
        "<html><body><nav>Home</nav><script>x()</script></body></html>",
        "\x0b",  # white space str.split keeps as a character: still no text
        "<p>\u00a0\u2003</p>",
    ],
)
def test_ingest_html_without_text_is_rejected(tmp_path, html):
    record = one(write(tmp_path / "nav.htm", html))
    assert isinstance(record, Rejected)
    assert record.reason.startswith("no readable text in the page")
