"""HTML split into start tags, end tags and text, in one pass whose time is linear in its length.

The standard library's ``html.parser`` gives up on a construct it cannot close (``<a b`` with no
``>``, ``<!--`` with no ``-->``), emits its ``<`` as text and searches again from the next
character: a page of such fragments takes time that grows with the square of its length (160 KB
of ``<a b`` took minutes). This tokenizer follows the HTML standard instead: a tag, comment or
declaration that is still open at the end of the page runs to the end and is dropped, so no
character is looked at more than a few times.

It calls the handler methods of ``html.parser.HTMLParser`` (``handle_starttag(tag, attrs)``,
``handle_startendtag``, ``handle_endtag``, ``handle_data``) with the same arguments for the same
well-formed markup: tag and attribute names in lower case, attribute values with character
references decoded (None for an attribute without a value), text with character references
decoded, and the content of <script> and <style> as raw text. Comments, doctypes, CDATA sections
and processing instructions are skipped.
"""

from __future__ import annotations

import re
from html import unescape
from typing import Protocol

_SPACE = "\t\n\f\r "
# Where markup may begin: "<" followed by a letter, "!", "?" or "/"; any other "<" is text.
_MARKUP = re.compile(r"<[a-zA-Z!?/]")
_TAG_NAME = re.compile(rf"[a-zA-Z][^{_SPACE}/>]*")
_BETWEEN_ATTRIBUTES = re.compile(rf"[{_SPACE}/]*")
_ATTRIBUTE_NAME = re.compile(rf"[^{_SPACE}/>][^{_SPACE}/=>]*")
_EQUALS = re.compile(rf"[{_SPACE}]*=[{_SPACE}]*")
_UNQUOTED_VALUE = re.compile(rf"[^{_SPACE}>]*")
# Elements whose content is raw text up to their end tag (as html.parser treats them).
_RAW_TEXT_END = {tag: re.compile(rf"</{tag}(?=[{_SPACE}/>]|\Z)", re.IGNORECASE) for tag in ("script", "style")}


class Handler(Protocol):
    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None: ...
    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None: ...
    def handle_endtag(self, tag: str) -> None: ...
    def handle_data(self, data: str) -> None: ...


def feed(handler: Handler, html: str) -> None:
    """Calls ``handler`` for each tag and piece of text of the whole page ``html``, in order."""
    position, end = 0, len(html)
    while position < end:
        found = _MARKUP.search(html, position)
        if found is None:
            _text(handler, html[position:])
            return
        start = found.start()
        if start > position:
            _text(handler, html[position:start])
        kind = html[start + 1]
        if kind == "!":
            position = _declaration_end(html, start)
        elif kind == "?":
            position = _closing_bracket(html, start + 2)
        elif kind == "/":
            position = _end_tag(handler, html, start)
        else:
            position = _start_tag(handler, html, start)


def _text(handler: Handler, text: str) -> None:
    handler.handle_data(unescape(text) if "&" in text else text)


def _closing_bracket(html: str, start: int) -> int:
    """The position after the next ">" from ``start``; the end of the page when there is none."""
    found = html.find(">", start)
    return len(html) if found < 0 else found + 1


def _declaration_end(html: str, start: int) -> int:
    # <!-- comment -->, <![CDATA[ ... ]]>, <!DOCTYPE ...> and any other <! ... >
    for empty in ("<!-->", "<!--->"):  # empty comments, closed early
        if html.startswith(empty, start):
            return start + len(empty)
    if html.startswith("<!--", start):
        found = html.find("-->", start + 4)
        return len(html) if found < 0 else found + 3
    if html.startswith("<![CDATA[", start):
        found = html.find("]]>", start + 9)
        return len(html) if found < 0 else found + 3
    return _closing_bracket(html, start + 2)


def _start_tag(handler: Handler, html: str, start: int) -> int:
    name = _TAG_NAME.match(html, start + 1)
    assert name is not None  # feed() saw a letter after the "<"
    tag = name.group().lower()
    attrs, position, self_closing = _attributes(html, name.end())
    if position < 0:
        return len(html)  # the page ends inside the tag: it is dropped
    if self_closing:
        handler.handle_startendtag(tag, attrs)
        return position
    handler.handle_starttag(tag, attrs)
    raw_end = _RAW_TEXT_END.get(tag)
    if raw_end is None:
        return position
    closing = raw_end.search(html, position)
    if closing is None:
        return len(html)  # never closed: the rest of the page is script, and is dropped
    if closing.start() > position:
        handler.handle_data(html[position : closing.start()])
    return closing.start()


def _end_tag(handler: Handler, html: str, start: int) -> int:
    after = start + 2
    if after >= len(html):
        _text(handler, html[start:])
        return len(html)
    if html[after] == ">":
        return after + 1  # "</>" is nothing
    name = _TAG_NAME.match(html, after)
    if name is None:
        return _closing_bracket(html, after)  # "</ ...>" and the like: a comment, in effect
    _, position, _ = _attributes(html, name.end())
    if position < 0:
        return len(html)
    handler.handle_endtag(name.group().lower())
    return position


def _attributes(html: str, position: int) -> tuple[list[tuple[str, str | None]], int, bool]:
    """(attributes, position after the tag's ">", whether it ended with "/>") of the tag whose
    name ends at ``position``; the position is -1 when the page ends inside the tag.

    Every step consumes at least one character or ends the tag: a quoted value with no closing
    quote runs to the end of the page, as in a browser.
    """
    attrs: list[tuple[str, str | None]] = []
    end = len(html)
    while True:
        gap = _BETWEEN_ATTRIBUTES.match(html, position)
        assert gap is not None  # the pattern matches the empty string
        position = gap.end()
        if position >= end:
            return attrs, -1, False
        if html[position] == ">":
            return attrs, position + 1, position > gap.start() and html[position - 1] == "/"
        name = _ATTRIBUTE_NAME.match(html, position)
        assert name is not None  # the character here is no space, "/" or ">" (gap and the checks above)
        position = name.end()
        value: str | None = None
        equals = _EQUALS.match(html, position)
        if equals:
            position = equals.end()
            if position < end and html[position] in "\"'":
                closing = html.find(html[position], position + 1)
                if closing < 0:
                    return attrs, -1, False
                value = html[position + 1 : closing]
                position = closing + 1
            else:
                unquoted = _UNQUOTED_VALUE.match(html, position)
                assert unquoted is not None  # the pattern matches the empty string
                value = unquoted.group()
                position = unquoted.end()
            if "&" in value:
                value = unescape(value)
        attrs.append((name.group().lower(), value))
