"""Strings a store can hold: no lone surrogates in text, paths or reasons.

Python strings may hold UTF-16 surrogate code points that no UTF-8 file can: a JSON escape such
as ``"\\ud800"`` makes one, and so does a file name that is not valid UTF-8 (the operating system
hands its bytes over as ``\\udcXX``, "surrogateescape"). Written to the store they fail the whole
write, so every record leaves ingest through ``clean_record``:

- in text, titles and other fields a lone surrogate becomes U+FFFD, the replacement character,
  one character for one, so figure offsets into the text stay right;
- in paths, ids and reasons a byte of a non-UTF-8 file name is shown as ``\\xff`` (as ``ls -b``
  shows it), so the name stays recognisable and distinct.
"""

from __future__ import annotations

import re
from dataclasses import replace

from newstally.contract.records import Article, Rejected

_SURROGATE = re.compile("[\ud800-\udfff]")
REPLACEMENT = "\ufffd"


def valid_text(text: str) -> str:
    """``text`` with each lone surrogate replaced by U+FFFD (same length, so offsets hold)."""
    if _is_valid(text):
        return text
    return _SURROGATE.sub(REPLACEMENT, text)


def printable_path(path: str) -> str:
    """``path`` with the undecodable bytes of a file name as ``\\xNN`` and any other surrogate as U+FFFD."""
    if _is_valid(path):
        return path
    return _SURROGATE.sub(_shown_byte, path)


def _is_valid(text: str) -> bool:
    # Encoding is the fastest test there is (a regex search costs several times more).
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def clean_record(record: Article | Rejected) -> Article | Rejected:
    """``record`` with every string one the store can hold (see the module's notes)."""
    if isinstance(record, Rejected):
        path, reason = printable_path(record.path), printable_path(record.reason)
        if (path, reason) == (record.path, record.reason):
            return record
        return Rejected(path, reason)
    cleaned = {
        "article_id": printable_path(record.article_id),
        "path": printable_path(record.path),
        "text": valid_text(record.text),
        "title": valid_text(record.title),
        "source": valid_text(record.source),
        "url": valid_text(record.url),
        "published": valid_text(record.published),
    }
    changed = {name: value for name, value in cleaned.items() if value is not getattr(record, name)}
    return replace(record, **changed) if changed else record


def _shown_byte(found: re.Match) -> str:
    code = ord(found.group())
    # surrogateescape maps an undecodable byte 0x80-0xFF to U+DC80-U+DCFF
    return f"\\x{code - 0xDC00:02x}" if 0xDC80 <= code <= 0xDCFF else REPLACEMENT
