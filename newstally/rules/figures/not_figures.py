"""Numbers that are not figures: years, dates, times of day, ordinals, identifiers, phone numbers.

Each test looks at a bounded window around the number, so the cost per number is constant.
"""

from __future__ import annotations

import re

from newstally.rules.lexicon import alternation

from .words import FIGURE_WORDS

_MONTHS = alternation(FIGURE_WORDS.months)
_MONTH_BEFORE = re.compile(rf"\b(?:{_MONTHS})\.?\s+$")
_MONTH_AFTER = re.compile(rf"(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{_MONTHS})\b")
_IDENTIFIER_BEFORE = re.compile(rf"(?<![\w])(?:{alternation(FIGURE_WORDS.identifier_words)})\s*#?\s*$", re.IGNORECASE)
# "F-16", "G7", "COVID-19", "A4": letters glued to the number (or by a hyphen) make a name.
_CODE_BEFORE = re.compile(r"(?<!\$)(?<!\$[A-Z])[A-Za-z]-?$|[A-Z]{2}\s-$|[#№]$|\d-$")
_TIME_AFTER = re.compile(
    r"(?::\d\d|\.\d\d\s*[ap]\.?m\b)|\s*(?:[ap]\.?m\.?|o['’]clock|GMT|UTC|hrs\b)(?![A-Za-z])", re.IGNORECASE
)
_TIME_BEFORE = re.compile(r"\d[:.]$")
_SLASH_OR_CODE_AFTER = re.compile(r"[/\\:]\d|\.\d+\.\d|\d")
_ORDINAL_AFTER = re.compile(r"(?:st|nd|rd|th)\b", re.IGNORECASE)
_PHONE = re.compile(r"\+?\(?\d{1,4}\)?(?:[\s.\-]\d{2,4}){2,}")
_PHONE_STRICT = re.compile(r"\+\d|\(\d{2,4}\)\s?\d|\d{3}[.\-]\d{3}[.\-]\d{4}")
_YEAR = re.compile(r"(?:1\d|2[01])\d\d")


def is_date_or_time(text: str, start: int, end: int) -> bool:
    """True when the number at ``text[start:end]`` is part of a date or a time of day."""
    before = text[max(0, start - 12) : start]
    after = text[end : end + 14]
    return bool(
        _MONTH_BEFORE.search(before)
        or _MONTH_AFTER.match(after)
        or _TIME_AFTER.match(after)
        or _TIME_BEFORE.search(before)
    )


def names_something(text: str, start: int, end: int) -> bool:
    """True when the words before a number make it a name or a year: "Article 99", "F-16", "G7", "’67"."""
    before = text[max(0, start - 16) : start]
    if before.endswith(("’", "'")) and end - start == 2:
        return True
    return bool(_CODE_BEFORE.search(before) or _IDENTIFIER_BEFORE.search(before))


# a capitalised word right before, or "of" after one: "Group of Seven", "the Chicago Seven"
_NAME_BEFORE = re.compile(r"\b[A-Z][\w’'-]*[^\S\n]+(?:of[^\S\n]+(?:the[^\S\n]+)?)?$")


def in_a_name(text: str, start: int) -> bool:
    """True when a capitalised number word at ``start`` belongs to a name ("Group of Seven", "the
    Big Three"): a capitalised word stands right before it. At a sentence's start it is a count."""
    return text[start : start + 1].isupper() and bool(_NAME_BEFORE.search(text, max(0, start - 40), start))


def numbers_something(text: str, end: int) -> bool:
    """True when what follows a number makes it a code or a rank: "9/11", "24/7", "1.2.3", "7th"."""
    after = text[end : end + 8]
    return bool(_SLASH_OR_CODE_AFTER.match(after) or _ORDINAL_AFTER.match(after))


def phone_number_end(text: str, start: int) -> int | None:
    """Where a phone number starting at (or just before) ``start`` ends, or None if there is none."""
    begin = max(0, start - 2)
    match = _PHONE.search(text, begin, min(len(text), start + 30))
    if match is None or match.start() > start or match.end() <= start:
        return None
    if not _PHONE_STRICT.search(match.group()):
        return None
    return match.end()


def looks_like_year(token: str) -> bool:
    """True for a bare four-digit number between 1000 and 2199 ("1967"), which reads as a year."""
    return bool(_YEAR.fullmatch(token))
