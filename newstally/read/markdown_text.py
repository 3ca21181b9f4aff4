"""Untrusted text (titles, names, sources) made safe to put into Markdown: shown as written, never
as a link, an image, emphasis, a heading, a list, a table, HTML, math or a colour directive.

CommonMark lets any ASCII punctuation character be escaped with a backslash and shown as itself,
so every such character is escaped: a title ``![img](https://example.org/x.png)`` shows those
characters instead of loading the image. Streamlit's additions are covered by the same escapes
(``$`` math, ``:red[...]`` directives), except its emoji shortcodes: ``:fire:`` is matched in the
rendered text, after escapes are resolved, so it still shows as an emoji (harmless; use
``st.text`` where even that matters).
"""

from __future__ import annotations

import re
import string

_PUNCTUATION = re.compile("[" + re.escape(string.punctuation) + "]")
# Line breaks would let a later line start a heading, list or table of its own.
_LINE_BREAKS = re.compile(r"[\r\n\u2028\u2029]+")


def literal_markdown(text: str) -> str:
    """``text`` as Markdown source that renders as ``text`` itself, on one line."""
    return _PUNCTUATION.sub(r"\\\g<0>", _LINE_BREAKS.sub(" ", text))
