"""Publication dates in the shapes news data comes in, normalised to "YYYY-MM-DD".

Read: ISO dates and timestamps ("2023-10-09", "2022-08-01T16:23:25Z" — the date as written,
not shifted to UTC), year-first with slashes or dots ("2022/06/23"), compact "20231009",
English month names ("October 9, 2023", "9 Oct 2023", "Mon, 09 Oct 2023 14:00:00 GMT",
"9th of October 2023"). Day and month in numbers before the year ("09/10/2023") are read only
when one of them is over 12; otherwise the order is unknown and the date is left empty rather
than guessed. Anything else — and any impossible date — becomes "", never a rejection: an
article without a date is still an article.
"""

from __future__ import annotations

import datetime as _dt
import re

_MONTHS = {
    "january": 1,
    "february": 2,
    "march": 3,
    "april": 4,
    "may": 5,
    "june": 6,
    "july": 7,
    "august": 8,
    "september": 9,
    "october": 10,
    "november": 11,
    "december": 12,
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "sept": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
_MONTH = "(" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"

_YEAR_FIRST = re.compile(r"(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?![\d])")
_COMPACT = re.compile(r"(\d{4})(\d{2})(\d{2})(?:T[\d:.]*(?:Z|[+-]\d{2}:?\d{2})?)?")
_NUMBERS_YEAR_LAST = re.compile(r"(\d{1,2})([-/.])(\d{1,2})\2(\d{4})(?![\d])")
_DAY_MONTH_YEAR = re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?(?:\s+of)?[\s\-]+{_MONTH}[\s,\-]+(\d{{4}})\b")
_MONTH_DAY_YEAR = re.compile(rf"\b{_MONTH}\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})\b")


def iso_date(value: object) -> str:
    """``value`` as "YYYY-MM-DD", or "" when it is not a date this module can read for certain."""
    if not isinstance(value, str):
        return ""
    text = value.strip()
    if not text:
        return ""
    year_first = _YEAR_FIRST.match(text)
    if year_first:
        return _checked(year_first.group(1), year_first.group(3), year_first.group(4))
    compact = _COMPACT.fullmatch(text)
    if compact:
        return _checked(*compact.groups())
    year_last = _NUMBERS_YEAR_LAST.match(text)
    if year_last:
        return _day_month_ordered(year_last.group(1), year_last.group(3), year_last.group(4))
    lowered = text.lower()
    day_month = _DAY_MONTH_YEAR.search(lowered)
    if day_month:
        day, month, year = day_month.groups()
        return _checked(year, _MONTHS[month], day)
    month_day = _MONTH_DAY_YEAR.search(lowered)
    if month_day:
        month, day, year = month_day.groups()
        return _checked(year, _MONTHS[month], day)
    return ""


def _day_month_ordered(first: str, second: str, year: str) -> str:
    a, b = int(first), int(second)
    if a > 12 >= b:
        return _checked(year, b, a)
    if b > 12 >= a:
        return _checked(year, a, b)
    if a == b:
        return _checked(year, a, b)
    return ""  # 09/10/2023: 9 October or September 10 — refuse rather than guess


def _checked(year: str | int, month: str | int, day: str | int) -> str:
    try:
        return _dt.date(int(year), int(month), int(day)).isoformat()
    except ValueError:
        return ""
