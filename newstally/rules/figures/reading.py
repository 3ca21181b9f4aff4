"""Reading one number where the scanner found it: digits or words, with magnitude, currency, percent.

``read_number`` turns a scanner match into a ``Reading`` (value, span, unit when the number
carries one) or says the number is not a figure and where scanning should resume.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from newstally.rules.lexicon import alternation, alternatives

from . import not_figures
from .context import CURRENCIES, NOUNS, UNIT_FACTORS, Noun
from .numbers import (
    DIGITS,
    FRACTION_WORDS,
    MAGNITUDES,
    SCALE_WORDS,
    VAGUE_WORDS,
    WORD_STARTS,
    WORDS,
    digits_value,
    fraction_value,
    vague_value,
    words_value,
)
from .words import FIGURE_WORDS

_DURATIONS = [w for w, noun in NOUNS.items() if noun.category == "duration" and " " not in w]
# "a single generator", "more than a decade": an article counts one only before these.
_ARTICLE_COUNTS = ["a single"] + [f"{article} {word}" for article in ("a", "an") for word in _DURATIONS]
# "a decade-long history", "a year-long siege": one of the unit, as a figure
_LONG = [f"{word}-long" for word in _DURATIONS]
_MULTIPLIERS = FIGURE_WORDS.multipliers
_WORD_STARTS = alternation(WORD_STARTS + _ARTICLE_COUNTS + _LONG + list(_MULTIPLIERS), fold_first=True)
SCANNER = re.compile(rf"(?P<digits>{DIGITS})|\b(?P<words>{_WORD_STARTS})\b")
# Searching digits and words apart is three times faster than searching SCANNER: a pattern that
# starts with one character class lets the engine skip ahead to the next candidate character.
_DIGITS_SCAN = re.compile(rf"(?P<digits>{DIGITS})")
_WORDS_SCAN = re.compile(rf"(?<![\w])(?P<words>{_WORD_STARTS})\b(?!-long\b)")
_VAGUE = re.compile(VAGUE_WORDS)
_FRACTION = re.compile(FRACTION_WORDS)
_SINGLE = re.compile(rf"[aA]\s+single\b|(?:[aA]n?)(?=\s+(?:{alternation(_DURATIONS)})\b(?!-))")
_WORDS = re.compile(WORDS)

_SYMBOLS = [t for t, (_, written) in CURRENCIES.items() if written == "symbol"]
_CODES = [t for t, (_, written) in CURRENCIES.items() if written == "code"]
_CURRENCY_WORDS = [t for t, (_, written) in CURRENCIES.items() if written == "word"]
_GLUED = [t for t, (_, written) in CURRENCIES.items() if written == "glued"]
_MONEY_WORDS = [t for t, (_, written) in CURRENCIES.items() if written == "money"]
_CURRENCY_UNITS = {" ".join(t.lower().split()): unit for t, (unit, _) in CURRENCIES.items()}
_CURRENCY_BEFORE = re.compile(
    rf"(?:(?:{alternation(_SYMBOLS)})\s?|\b(?:{alternation(_CODES)})\s?\s?|\b(?P<glued>{alternation(_GLUED)}))$"
)
_CURRENCY_AFTER = re.compile(
    rf"\s?(?:{alternation(_SYMBOLS)})(?![\w$])|\s+(?:of\s+)?((?:{alternation(_CODES + _CURRENCY_WORDS)}))\b"
)
_MONEY_AFTER = re.compile(
    rf"[^\S\n]+({alternation(_MONEY_WORDS)})[^\S\n]*\([^\S\n]*(?:{alternation(_SYMBOLS)}|"
    rf"(?:{alternation(_CODES)})\b)"
)
# "1.99×10^30", "6.02 x 10²³", "1.99×10−30" (a superscript flattened to a sign and digits): the
# exponent needs a mark (caret, superscript, sign), or "2 x 10 metres" would read as a power; two
# digits at most keep the value a float.
_SUPERSCRIPTS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹⁻−", "0123456789--")
_TIMES_TEN = re.compile(
    r"\s?[×x]\s?10(?:(?:\^|\*\*)([-−]?\d\d?)|(⁻?[⁰¹²³⁴⁵⁶⁷⁸⁹]{1,2})|([-−⁻]\d\d?))(?![\d.,⁰¹²³⁴⁵⁶⁷⁸⁹])"
)
_MAGNITUDE = re.compile(rf"({alternation(MAGNITUDES)})(?![A-Za-z])", re.IGNORECASE)
_SCALE = re.compile(rf"\s+({alternation(SCALE_WORDS)})\b", re.IGNORECASE)
# "7 bn roubles": an abbreviation that is no unit may stand apart ("k" is a kilometre there)
_SPACED = [m for m, (_, ambiguous) in MAGNITUDES.items() if not ambiguous and m != "k"]
_SPACED_MAGNITUDE = re.compile(rf"[^\S\n]({alternation(_SPACED)})(?![A-Za-z])")
_ATTACHED = re.compile(r"sq\s?[a-z]+|[A-Za-z°″µμ]+(?:/[A-Za-z]+)?")
_PERCENT = re.compile(rf"\s?%|\s*-?(?:{alternatives(FIGURE_WORDS.percent_words)})\b", re.IGNORECASE)
_AND_A_HALF = re.compile(r"\s+and\s+a\s+half\b", re.IGNORECASE)
_HYPHEN_NOUN = re.compile(r"-([A-Za-z]+)(-old)?\b")
_HALF_A = re.compile(rf"\s+an?\s+(?:({alternation(SCALE_WORDS)})\b|([a-z]+(?:\s+[a-z]+)?))", re.IGNORECASE)
_FRACTION_FOLLOWER = re.compile(rf"\s+(?:{alternatives(FIGURE_WORDS.fraction_followers)})\b", re.IGNORECASE)
_NOT_A_HALF_BEFORE = re.compile(rf"\b(?:{alternatives(FIGURE_WORDS.not_half_before)})\s+$", re.IGNORECASE)
_NEXT_WORD = re.compile(r"\s+([A-Za-z]+)")
_DOWN = re.compile(r"[^\S\n]+down\b")
_SMALL = [w for w, (v, part) in FIGURE_WORDS.number_words.items() if part == "unit" and 0 < v <= 2]
_SMALL_OR = re.compile(rf"[^\S\n]+or[^\S\n]+(?:{alternation(_SMALL)})\b", re.IGNORECASE)
_NEXT_WORDS = re.compile(r"[^\S\n]+([A-Za-z]+)(?:[^\S\n]+([a-z]+))?")
# a sign glued to the digits ("-1.4", "$-50.8bn", "minus-130"), not a dash between words or numbers
_MINUS = re.compile(r"(?:\b[Mm]inus[\s-]?|(?:(?<=[\s($])|^)(?<![A-Z]{2}\s)[-−])$")


class Reading(NamedTuple):
    """A number as read at one place: its span, value and what it carries with it."""

    start: int
    end: int
    value: float
    form: str  # how it is written: digits | words | vague | fraction | single
    scale: float = 1.0  # the magnitude word that ended it ("2 thousand"), for ranges like "1 to 2 thousand"
    unit: str = ""  # a currency code or "percent" when the number carries one
    noun: Noun | None = None  # a unit glued to it: "25km", "four-day", "50-year-old"
    year_like: bool = False  # "1967": a year unless a counted noun follows
    rule: str = ""


def candidates(text: str):
    """Every place a number may start, in text order (some inside others: the caller skips those)."""
    digits, words = _DIGITS_SCAN.finditer(text), _WORDS_SCAN.finditer(text)
    digit, word = next(digits, None), next(words, None)
    while digit is not None or word is not None:
        if word is None or (digit is not None and digit.start() <= word.start()):
            yield digit
            digit = next(digits, None)
        else:
            yield word
            word = next(words, None)


def read_number(text: str, match: re.Match, range_end: bool = False) -> tuple[Reading | None, int]:
    """The reading at ``match`` (or None when it is not a figure) and where scanning resumes.

    ``range_end``: the number closes a range ("7,000" in "5,000-7,000"), so the dash before it
    does not make it a code.
    """
    if match.lastgroup == "digits":
        return _read_digits(text, match, range_end)
    start = match.start()
    for pattern, read in ((_VAGUE, _read_vague), (_FRACTION, _read_fraction), (_WORDS, _read_words)):
        found = pattern.match(text, start)
        if found:
            reading, resume = read(text, found)
            if reading is not None or read is _read_words:
                return reading, resume
    word = match.group().lower()
    if word in _MULTIPLIERS:  # "a tripling of gas prices", "a sixfold rise"
        if _DOWN.match(text, match.end()):
            return None, match.end()  # "doubling down": an idiom
        return Reading(
            start, match.end(), _MULTIPLIERS[word], "words", noun=NOUNS["times"], rule="number-words:multiplier"
        ), match.end()
    if word.endswith("-long") and word[:-5] in NOUNS:
        unit, factor = UNIT_FACTORS.get(word[:-5], (None, 1.0))
        noun = NOUNS[word[:-5]] if unit is None else NOUNS[unit]
        return Reading(start, match.end(), factor, "single", noun=noun, rule="number-words:long"), match.end()
    single = _SINGLE.match(text, start)
    if single:
        # the reading is the article ("a", "a single"); the noun after it is read as the unit
        end = single.end() if single.group().lower().startswith("a single") else start + len(single.group().split()[0])
        return Reading(start, end, 1.0, "single", rule="number-words:a"), end
    if match.group()[:2].lower() in ("a ", "an"):
        return None, start + 1  # "a decade-long": the word after the article may start a figure
    return None, match.end()


def _read_digits(text: str, match: re.Match, range_end: bool) -> tuple[Reading | None, int]:
    start, end = match.span()
    phone_end = not_figures.phone_number_end(text, start)
    if phone_end is not None:
        return None, phone_end
    minus = None if range_end else _MINUS.search(text, max(0, start - 7), start)
    number_start = minus.start() if minus else start
    currency = _currency_before(text, number_start, match)
    if not_figures.is_date_or_time(text, start, end) or (
        not range_end
        and not currency
        and not minus
        and (not_figures.names_something(text, start, end) and not _PERCENT.match(text, end))
    ):
        return None, end
    if text.startswith(("/", "\\", ":"), end) or not_figures.numbers_something(text, end):
        return None, end
    value = digits_value(match.group())
    if value is None:
        return None, end
    reading = Reading(
        currency[1] if currency else number_start,
        end,
        -value if minus else value,
        "digits",
        unit=currency[0] if currency else "",
        rule="number",
    )
    glued = _glued_suffix(text, reading, bool(currency))
    if glued is None:
        return None, end
    reading = glued
    if reading.noun is None and reading.scale == 1.0:
        reading = reading._replace(year_like=not currency and not minus and not_figures.looks_like_year(match.group()))
    return _carried_unit(text, reading), reading.end


def _read_words(text: str, match: re.Match) -> tuple[Reading | None, int]:
    parsed = words_value(match.group())
    if parsed is None:
        return None, match.end()
    value, length = parsed
    end = match.start() + length
    if not_figures.in_a_name(text, match.start()):
        return None, end  # "the Group of Seven"
    if value <= 1:
        either = _SMALL_OR.match(text, end)
        if either:  # "one or two": as vague as "a few", no count
            return None, either.end()
    last_word = match.group()[:length].split()[-1].split("-")[-1].lower()
    scale = SCALE_WORDS.get(last_word, 1.0)
    reading = Reading(match.start(), end, value, "words", scale=scale, rule="number-words")
    hyphen = _HYPHEN_NOUN.match(text, end)
    if hyphen:
        compound = _hyphen_compound(reading, hyphen)
        if compound is None:
            return None, hyphen.end()
        reading = compound
    return _carried_unit(text, _and_a_half(text, reading)), end


def _read_vague(text: str, match: re.Match) -> tuple[Reading | None, int]:
    parsed = vague_value(match.group())
    if parsed is None:
        return None, match.end()
    value, scale = parsed
    label = " ".join(match.group().lower().split())
    reading = Reading(match.start(), match.end(), value, "vague", scale=scale, rule=f"vague:{label}")
    return _carried_unit(text, reading), match.end()


def _read_fraction(text: str, match: re.Match) -> tuple[Reading | None, int]:
    """ "a third of", "two-thirds of", "half the", "half a million", "half a square kilometre"."""
    start, end = match.span()
    words = match.group().lower().replace("-", " ").split()
    if text.startswith("-", end):
        return None, end  # "third-largest", "half-brother", "quarter-final"
    if words[-1] == "half":
        if len(words) == 1 and _NOT_A_HALF_BEFORE.search(text, max(0, start - 10), start):
            return None, end
        half_a = _HALF_A.match(text, end)
        if half_a and half_a.group(1):
            half_value = 0.5 * SCALE_WORDS[half_a.group(1).lower()]
            return Reading(start, half_a.end(), half_value, "words", rule="number-words:half"), half_a.end()
        noun = _noun_at(half_a.group(2)) if half_a else None
        if half_a and noun is not None:
            return Reading(start, half_a.end(), 0.5, "words", noun=noun, rule="number-words:half"), half_a.end()
    elif len(words) == 1:
        return None, end  # "third" alone is an ordinal
    if not _FRACTION_FOLLOWER.match(text, end, min(len(text), end + 8)):
        return None, end
    value = fraction_value(match.group())
    if value is None:
        return None, end
    return Reading(start, end, value, "fraction", unit="percent", rule=f"fraction:{words[-1]}"), end


def _noun_at(phrase: str) -> Noun | None:
    words = phrase.lower().split()
    return NOUNS.get(" ".join(words)) or NOUNS.get(words[0])


def _currency_before(text: str, start: int, digits: re.Match) -> tuple[str, int] | None:
    found = _CURRENCY_BEFORE.search(text, max(0, start - 6), start)
    if not found:
        return None
    if found.group("glued") and len(digits.group()) == 1 and not _MAGNITUDE.match(text, digits.end()):
        return None  # "PS5" is a games console; a price in pounds has more digits or a magnitude
    token = " ".join(found.group().strip().lower().split())
    return _CURRENCY_UNITS.get(token, "USD"), found.start()


def _glued_suffix(text: str, reading: Reading, has_currency: bool) -> Reading | None:
    """The reading with what is glued to its digits: "5bn", "1.2m", "25km", "50-metre"; None for "5G"."""
    end = reading.end
    power = _TIMES_TEN.match(text, end)
    if power:
        exponent = int((power.group(1) or power.group(2) or power.group(3)).translate(_SUPERSCRIPTS))
        return reading._replace(
            end=power.end(), value=float(f"{reading.value * 10.0**exponent:.12g}"), rule=reading.rule + "+power-of-ten"
        )
    magnitude = _MAGNITUDE.match(text, end)
    if magnitude:
        multiplier, ambiguous = MAGNITUDES[_magnitude_key(magnitude.group(1))]
        decimal = "." in text[reading.start : end]
        if has_currency or not ambiguous or decimal or _counted_noun_follows(text, magnitude.end()):
            return reading._replace(
                end=magnitude.end(),
                value=reading.value * multiplier,
                scale=multiplier,
                rule=reading.rule + "+magnitude",
            )
    spaced = _SPACED_MAGNITUDE.match(text, end)
    if spaced:  # "7 bn roubles"
        multiplier = MAGNITUDES[spaced.group(1)][0]
        return _and_a_half(
            text,
            reading._replace(
                end=spaced.end(), value=reading.value * multiplier, scale=multiplier, rule=reading.rule + "+magnitude"
            ),
        )
    glued = _ATTACHED.match(text, end)
    if glued:
        noun = NOUNS.get(glued.group().lower())
        if noun is None:
            return None
        return reading._replace(end=glued.end(), noun=noun, rule=reading.rule + "+glued-unit")
    scale = _SCALE.match(text, end)
    if scale:
        multiplier = SCALE_WORDS[scale.group(1).lower()]
        reading = reading._replace(
            end=scale.end(), value=reading.value * multiplier, scale=multiplier, rule=reading.rule + "+magnitude"
        )
    hyphen = _HYPHEN_NOUN.match(text, reading.end)
    if hyphen and not hyphen.group(1).isdigit():
        return _hyphen_compound(reading, hyphen)
    return _and_a_half(text, reading)


def _magnitude_key(suffix: str) -> str:
    return suffix if suffix in MAGNITUDES else suffix.lower()


def _counted_noun_follows(text: str, end: int) -> bool:
    """True when what follows "50m" makes the "m" a million: a counted noun ("2m people"), a noun of
    a unit or a currency ("5m tonnes", "1m rouble fine"), or a plural within two words ("10m border
    crossings", "160m cubic metres"); not a word of size ("25m tall") nor a singular noun ("a 25m tower")."""
    words = _NEXT_WORDS.match(text, end, end + 40)
    if words is None:
        return False
    for word in (w for w in words.groups() if w):
        lower = word.lower()
        noun = NOUNS.get(lower)
        if lower in _CURRENCY_UNITS or (noun is not None and noun.category != "duration" and noun.unit != "metres"):
            return True
        if word.islower() and len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
            return True
    return False


def _hyphen_compound(reading: Reading, hyphen: re.Match) -> Reading | None:
    """ "four-day truce", "50-year-old": the glued noun is the unit; "two-state" is not a figure."""
    noun = NOUNS.get(hyphen.group(1).lower())
    if noun is None:
        return None
    suffix = "+age" if hyphen.group(2) else "+hyphen-unit"
    return reading._replace(end=hyphen.end(), noun=noun, rule=reading.rule + suffix)


def _and_a_half(text: str, reading: Reading) -> Reading:
    half = _AND_A_HALF.match(text, reading.end)
    if not half:
        return reading
    return reading._replace(end=half.end(), value=reading.value + 0.5)


def _carried_unit(text: str, reading: Reading) -> Reading:
    """The reading with a percent sign or a currency after it: "85%", "5 percent", "1,200€", "5 million dollars"."""
    if reading.noun is not None or reading.unit:
        return reading
    percent = _PERCENT.match(text, reading.end)
    if percent:
        return reading._replace(end=percent.end(), unit="percent", year_like=False)
    money = _MONEY_AFTER.match(text, reading.end)
    if money:  # "42 million pounds ($53m)": pounds of money, as the conversion says
        return reading._replace(end=money.end(1), unit=_CURRENCY_UNITS[money.group(1).lower()], year_like=False)
    currency = _CURRENCY_AFTER.match(text, reading.end)
    if currency:
        token = " ".join((currency.group(1) or currency.group()).lower().split())
        return reading._replace(end=currency.end(), unit=_CURRENCY_UNITS.get(token, "USD"), year_like=False)
    return reading
