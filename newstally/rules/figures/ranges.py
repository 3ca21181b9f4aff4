"""Ranges: two numbers that give one figure ("5,000-7,000", "between 10 and 20", "two or three",
"from 252 miles to 287 miles"), told apart from two figures ("rose from 200 to 240") and from
scores and codes that are no figure at all ("2-1", "2014-2017")."""

from __future__ import annotations

import re

from newstally.rules.lexicon import alternation

from .context import PHRASE_ENDS
from .reading import SCANNER, Reading, read_number
from .words import FIGURE_WORDS

# "four- to sixfold": a hyphen left hanging before the link
_RANGE_LINK = re.compile(r"-?\s+(to|or|and|if\s+not|or\s+even)\s+|\s*[-–—]\s*", re.IGNORECASE)
BETWEEN_BEFORE = re.compile(r"\bbetween\s+$", re.IGNORECASE)
_CHANGE_VERBS = alternation(FIGURE_WORDS.change_verbs)
_CHANGE_BEFORE = re.compile(rf"\b(?:{_CHANGE_VERBS})\s+$", re.IGNORECASE)
_FROM_BEFORE = re.compile(r"\bfrom\s+(?:[a-z]+\s+){0,2}$", re.IGNORECASE)
# "the toll rose from 200 to 240" reports an old and a new level, not a range: a midpoint of 220
# would be a toll nobody gave.
_CHANGE_FROM_BEFORE = re.compile(
    rf"\b(?:{_CHANGE_VERBS})\s+(?:[a-z]+\s+){{0,2}}from\s+(?:[a-z]+\s+){{0,2}}$", re.IGNORECASE
)
# "from 21 mpg combined to 23", "from 20 miles per gallon in 2008 to 29 mpg": a "per" phrase, a word
# and a year may follow the unit before the "to" that ends the range
_TO = re.compile(
    r"(?:[^\S\n]+per[^\S\n]+[a-z]+)?(?:[^\S\n]+([a-z]+))?(?:[^\S\n]+in[^\S\n]+\d{4})?"
    r"[^\S\n]+to[^\S\n]+"
)
_SPAN_FROM_BEFORE = re.compile(rf"\b(?:{alternation(FIGURE_WORDS.span_words)})[^\S\n]+from[^\S\n]+$", re.IGNORECASE)
_CURRENCY_SIGN = re.compile(r"(?:US\s?)?[$€£]")
_SCORE_AFTER = re.compile(r"\s*[-–]\s*\d")


def range_from(text: str, left: Reading) -> tuple[Reading, Reading | None, str | None]:
    """(low, high, link word) when ``left`` opens a range ("5,000-7,000", "between 10 and 20",
    "two or three", "tens if not hundreds of thousands"); (left, None, None) otherwise, and
    link "skip" for a score or code ("2-1", "2014-2017") that is no figure at all."""
    if left.form in ("fraction", "single"):
        return left, None, None
    link = _RANGE_LINK.match(text, left.end, min(len(text), left.end + 12))
    if link is None:
        return left, None, None
    word = (link.group(1) or "dash").lower()
    dash = word == "dash"
    if word == "and" and not BETWEEN_BEFORE.search(text, max(0, left.start - 10), left.start):
        return left, None, None
    if word == "to" and (
        _CHANGE_BEFORE.search(text, max(0, left.start - 12), left.start)
        or _CHANGE_FROM_BEFORE.search(text, max(0, left.start - 60), left.start)
    ):
        return left, None, None
    if (
        word == "to"
        and left.unit == "percent"
        and _FROM_BEFORE.search(text, max(0, left.start - 20), left.start)
        and not _SPAN_FROM_BEFORE.search(text, max(0, left.start - 40), left.start)
    ):
        return left, None, None  # "from 2 percent to 4.9 percent": a share is a level, two levels are a change
    right_start = link.end()
    sign = _CURRENCY_SIGN.match(text, right_start)
    match = SCANNER.match(text, sign.end() if sign else right_start)
    right = read_number(text, match, range_end=True)[0] if match else None
    if right is None or right.form in ("fraction", "single"):
        return left, None, ("skip" if dash and _SCORE_AFTER.match(text, left.end) and left.form == "digits" else None)
    low = left.value
    if right.scale > 1 and left.scale == 1 and left.value * right.scale <= right.value:
        low = left.value * right.scale
    if left.year_like and right.year_like:
        return left, None, "skip"
    if not low < right.value:
        return left, None, ("skip" if dash else None)
    low_reading = Reading(
        left.start, left.end, low, left.form, left.scale, left.unit or right.unit, left.noun, False, left.rule
    )
    high_reading = Reading(
        right.start,
        right.end,
        right.value,
        right.form,
        right.scale,
        right.unit or left.unit,
        right.noun,
        False,
        right.rule,
    )
    return low_reading, high_reading, " ".join(word.split())


def range_after_noun(text: str, left: Reading, noun_end: int) -> Reading | None:
    """The high end of "from 252 miles to 287 miles", or None: "from X <noun> to Y" reads as one
    span, as "from 200 to 240" does, except after a verb of change ("rose from 200 people to 240"
    names the old level and the new one)."""
    if noun_end <= left.end or not _FROM_BEFORE.search(text, max(0, left.start - 20), left.start):
        return None
    if _CHANGE_FROM_BEFORE.search(text, max(0, left.start - 60), left.start):
        return None
    link = _TO.match(text, noun_end, min(len(text), noun_end + 30))
    if link is not None and link.group(1) and link.group(1) in PHRASE_ENDS:
        link = None  # "from 200 people who went to 30 towns"
    match = SCANNER.match(text, link.end()) if link else None
    right = read_number(text, match, range_end=True)[0] if match else None
    # a fall without a listed verb ("cut from 11 to four employees") names two figures too
    if right is None or right.form != left.form or not left.value < right.value:
        return None
    return right
