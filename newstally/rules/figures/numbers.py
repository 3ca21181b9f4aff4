"""Reading numbers written in news English: digits, number words, vague counts and fractions.

The vocabularies (number words, magnitude abbreviations, vague counts, fractions) live in
``newstally/rules/lexicon/figure_*.tsv``; this module turns them into precompiled patterns and into the
values a reader would quote ("28,500" -> 28500, "forty-two" -> 42, "2.3 million" -> 2300000,
"tens of thousands" -> 20000, "a third" -> 33.33 percent).
"""

from __future__ import annotations

import re

from newstally.rules.lexicon import alternation

from .words import FIGURE_WORDS

# A number longer than this many digits is an identifier (a phone or account number, a hash),
# and beyond it float parsing would lose the point of counting anything.
MAX_DIGITS = 15


NUMBER_WORDS = FIGURE_WORDS.number_words
SCALE_WORDS = {w: v for w, (v, part) in NUMBER_WORDS.items() if part == "scale"}
MAGNITUDES = FIGURE_WORDS.magnitudes
VAGUE = FIGURE_WORDS.vague
FRACTIONS = FIGURE_WORDS.fractions

_COUNTING_WORDS = [w for w, (_, part) in NUMBER_WORDS.items() if part in ("unit", "tens", "hundred", "scale")]
_MULTIPLIER_WORDS = [w for w, (_, part) in NUMBER_WORDS.items() if part in ("hundred", "scale")]

# Digits: "28,500", "28 500" (grouped by thin or plain spaces), "1.2", ".5". The pattern starts
# with a digit so the engine can skip to the next digit quickly; the look-behind after the first
# digit refuses numbers glued to a word or a dot, except a currency such as "$US55,931,000" or
# "NIS10,000", "PS2.7m", "Rs500" (two or three letters: the reader keeps it only if they are a currency).
# Possessive quantifiers keep a megabyte of digits a single linear match.
DIGITS = (
    r"\d(?:(?<![\w.,/:]\d)|(?<=\$[A-Z]\d)|(?<=\$[A-Z][A-Z]\d)|(?<=\b[A-Z]{3}\d)|(?<=\b[A-Z]{2}\d)|(?<=\b[A-Z][a-z]\d))"
    r"(?:\d{0,2}(?:,\d{3})++(?!\d)|\d{0,2}(?:[ \u00a0\u202f]\d{3})++(?![\d,])|\d*+)(?:\.\d++)?"
    r"|\.(?<![\w.,/:]\.)\d++"
)
# Number words: "seven", "forty-two", "two hundred and fifty", "a million", "a dozen".
_WORD = alternation(_COUNTING_WORDS)
WORDS = (
    rf"(?:[aA]n?\s+(?:{alternation(_MULTIPLIER_WORDS)})|(?:{alternation(_COUNTING_WORDS, fold_first=True)}))"
    rf"(?:(?:[\s\-]+|\s+and\s+)(?:{_WORD}))*+\b"
)
# Vague counts: "dozens", "tens of thousands", "several hundred".
VAGUE_WORDS = rf"(?:{alternation(VAGUE, fold_first=True)})(?:\s+of\s+(?:{alternation(SCALE_WORDS)})s)?\b"
# Fractions: "a third", "two-thirds", "half" (checked for context by the caller).
_FRACTION_COUNTS = [w for w, (v, part) in NUMBER_WORDS.items() if part in ("unit", "article") and 0 < v < 10]
FRACTION_WORDS = (
    rf"(?:(?:{alternation(_FRACTION_COUNTS, fold_first=True)})[\s\-]+)?(?:{alternation(FRACTIONS, fold_first=True)})\b"
)
# Where a word-number can start; the scanner looks for these, then tells the forms apart.
WORD_STARTS = (
    list(_COUNTING_WORDS)
    + list(VAGUE)
    + list(FRACTIONS)
    + [f"{article} {word}" for article in ("a", "an") for word in list(_MULTIPLIER_WORDS) + list(FRACTIONS)]
)

_WORD_SPLIT = re.compile(r"[\s\-]+")
_LETTERS = re.compile(r"[A-Za-z]+")
_WORD_JOIN = re.compile(r"[\s\-]+(?:and\s+)?")
_SCALE_OF = re.compile(rf"\s+of\s+({alternation(SCALE_WORDS)})s\b", re.IGNORECASE)


def digits_value(text: str) -> float | None:
    """The value of a digits token ("28,500", "28 500", "1.2"), or None when it is too long to be a count."""
    plain = "".join(text.split()).replace(",", "")
    if len(plain.replace(".", "")) > MAX_DIGITS:
        return None
    try:
        return float(plain)
    except ValueError:
        return None


def words_value(text: str) -> tuple[float, int] | None:
    """The value of the longest well-formed number-word run at the start of ``text``, and its length.

    "two hundred and fifty" -> (250, 21); "forty-two" -> (42, 9); "one two" -> (1, 3): a second
    unit word cannot follow a unit, so the run stops there.
    """
    total, current, last_part, end = 0.0, 0.0, "", 0
    for match in _LETTERS.finditer(text):
        if end and not _WORD_JOIN.fullmatch(text, end, match.start()):
            break
        word = match.group().lower()
        if word == "and" and last_part in ("hundred", "scale"):
            continue
        value, part = NUMBER_WORDS.get(word, (None, ""))
        if value is None:
            break
        if part == "article":
            if last_part:
                break
            current = 1.0
        elif part == "unit":
            if last_part in ("unit", "article") or (last_part == "tens" and value >= 10):
                break
            current += value
        elif part == "tens":
            if last_part in ("unit", "tens", "article"):
                break
            current += value
        elif part == "hundred":
            if last_part in ("hundred", ""):
                break  # "dozen" or "hundred" alone is not a number
            current = (current or 1.0) * value
        else:  # scale
            if not last_part:
                break
            total += (current or 1.0) * value
            current = 0.0
        last_part, end = part, match.end()
    if not last_part or last_part == "article":
        return None
    return total + current, end


def vague_value(text: str) -> tuple[float, float] | None:
    """The typical value of a vague count and the magnitude it ends with, or None.

    "dozens" -> (24, 1); "tens of thousands" -> (20000, 1000): the magnitude lets a range such as
    "tens if not hundreds of thousands" scale its low end too.
    """
    scale = _SCALE_OF.search(text)
    head = text[: scale.start()] if scale else text
    value = VAGUE.get(" ".join(head.lower().split()))
    if value is None:
        return None
    multiplier = SCALE_WORDS[scale.group(1).lower()] if scale else 1.0
    return value * multiplier, multiplier


def fraction_value(text: str) -> float | None:
    """A fraction as a percentage: "a third" 33.33, "two-thirds" 66.67, "half" 50."""
    parts = _WORD_SPLIT.split(text.strip().lower())
    share = FRACTIONS.get(parts[-1])
    if share is None:
        return None
    count = 1.0
    if len(parts) > 1:
        word_value = NUMBER_WORDS.get(parts[0], (None, ""))[0]
        count = word_value if word_value is not None else 1.0
    return round(count * share, 2)
