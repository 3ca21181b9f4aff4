"""Which encodings a web page may declare for itself.

A ``<meta charset>`` names any of Python's codecs, and some of those are not text encodings of the
web at all: ``punycode`` and ``idna`` encode host names, ``utf-7`` and ``unicode_escape`` turn
plain bytes into lone surrogates that no store can hold, and ``rot13`` or ``hex`` are not even
codecs of bytes to text. A page may only choose among the encodings browsers know (the WHATWG
Encoding Standard's), ASCII-compatible ones only: a page whose ``<meta>`` could be read as ASCII
is not UTF-16, whatever it says. Any other declaration is ignored and the usual detection
(``text.decoded_text``) reads the page.
"""

from __future__ import annotations

import codecs

# Python's own names (codecs.lookup(label).name) of the encodings a page may declare.
_WEB_ENCODINGS = frozenset(
    {
        "utf-8",
        "ascii",
        "cp866",
        "koi8-r",
        "koi8-u",
        "mac-roman",
        "mac-cyrillic",
        "tis-620",
        "cp874",
        "gbk",
        "gb2312",
        "gb18030",
        "big5",
        "big5hkscs",
        "cp950",
        "euc_jp",
        "iso2022_jp",
        "shift_jis",
        "cp932",
        "euc_kr",
        "cp949",
        *(f"iso8859-{n}" for n in range(1, 17) if n != 12),
        *(f"cp{n}" for n in range(1250, 1259)),
    }
)
# Labels browsers know that Python spells differently.
_WEB_LABELS = {
    "windows-874": "cp874",
    "x-mac-cyrillic": "mac-cyrillic",
    "windows-31j": "cp932",
    "x-sjis": "shift_jis",
    "x-gbk": "gbk",
}


def web_charset(declared: str | None) -> str | None:
    """The Python codec for the encoding a page declared, or None when the declaration is to be
    ignored (absent, unknown, or not an ASCII-compatible text encoding of the web)."""
    if not declared:
        return None
    label = declared.strip().lower()
    try:
        name = codecs.lookup(_WEB_LABELS.get(label, label)).name
    except LookupError:
        return None
    return name if name in _WEB_ENCODINGS else None
