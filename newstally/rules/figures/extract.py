"""Figures: every number that counts or measures something (see ../shared/gold/FORMAT.md).

One regex scan finds number candidates (digits, number words, vague counts, fractions);
``figures_read`` reads each one (or rejects it: years, dates, names); this module joins ranges,
adds the qualifier, finds what is counted and gives the figure its category.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from newstally.contract.records import Figure
from newstally.rules.lexicon import alternation, alternatives

from .context import (PEOPLE_CATEGORIES, PHRASE_ENDS, UNIT_FACTORS, Noun, category_cue, counted_noun, cue_after,
                      one_counts, qualifier_after, qualifier_before)
from .numbers import NUMBER_WORDS
from .reading import SCANNER, Reading, candidates, read_number
from .words import FIGURE_WORDS

# A bare number ("followed by Myanmar (43)") counts what the figure just before it counted,
# when that figure is this close.
_ANAPHORA_REACH = 400
_SENTENCE_REACH = 400
_OPENING_REACH = 30
_SHARE_REACH = 25

_RANGE_LINK = re.compile(r"\s*[-–—]\s*|\s+(to|or|and|if\s+not|or\s+even)\s+", re.IGNORECASE)
_BETWEEN_BEFORE = re.compile(r"\bbetween\s+$", re.IGNORECASE)
_CHANGE_VERBS = alternation(FIGURE_WORDS.change_verbs)
_CHANGE_BEFORE = re.compile(rf"\b(?:{_CHANGE_VERBS})\s+$", re.IGNORECASE)
_FROM_BEFORE = re.compile(r"\bfrom\s+(?:[a-z]+\s+){0,2}$", re.IGNORECASE)
# "the toll rose from 200 to 240" reports an old and a new level, not a range: a midpoint of 220
# would be a toll nobody gave.
_CHANGE_FROM_BEFORE = re.compile(rf"\b(?:{_CHANGE_VERBS})\s+(?:[a-z]+\s+){{0,2}}from\s+(?:[a-z]+\s+){{0,2}}$",
                                 re.IGNORECASE)
# "from 21 mpg combined to 23", "from 20 miles per gallon in 2008 to 29 mpg": a "per" phrase, a word
# and a year may follow the unit before the "to" that ends the range
_TO = re.compile(r"(?:[^\S\n]+per[^\S\n]+[a-z]+)?(?:[^\S\n]+([a-z]+))?(?:[^\S\n]+in[^\S\n]+\d{4})?"
                 r"[^\S\n]+to[^\S\n]+")
_CURRENCY_SIGN = re.compile(r"(?:US\s?)?[$€£]")
_SCORE_AFTER = re.compile(r"\s*[-–]\s*\d")
_ONE_OF = re.compile(r"\s+of\b", re.IGNORECASE)
# "Name, 32, suffered", "a man aged 22", "her father, who is 70": a bare number that is an age
_AGE_BEFORE = re.compile(rf"[A-Z][a-z]+,\s*$|\b(?i:{alternatives(FIGURE_WORDS.age_before)})\s+$")
_AGE_AFTER = re.compile(rf"\s*[,.;)]|\s+(?:{alternatives(FIGURE_WORDS.age_after)})\b")
_FULL_STOP = r"[.!?][\"”’)]*\s+(?=[\"“‘(]?[A-Z0-9])"
_SENTENCE_END = re.compile(rf"{_FULL_STOP}|\n+")
# The last sentence end in a window: the greedy ".*" makes the engine try from the right.
_LAST_SENTENCE_END = re.compile(rf".*(?:{_FULL_STOP}|\n)", re.DOTALL)
# "in 1967", "the 1967 borders", "mid-2015": a year, unless a counted noun follows
_YEAR_LEAD = re.compile(rf"\b(?:{alternatives(FIGURE_WORDS.year_lead)})[\s-]+$", re.IGNORECASE)
_SHARE_OF = re.compile(r"[^\S\n]+(?:of|the)\b")
_OF_THEM = re.compile(rf"\s+of\s+(?:{alternatives(FIGURE_WORDS.anaphors)})\b", re.IGNORECASE)
_OPEN_PAREN = re.compile(r"\s*\(\s*$")
# what may stand between two figures of one list: "1,873 children and 1,023 women", "77 fighters
# and 14 civilians", "68 media workers have been killed – 61 of them Palestinian, four Israeli"
_LIST_LINKS = alternatives(FIGURE_WORDS.list_links, space=" ")
_LIST_GAP = re.compile(r"[^.;:!?]{0,60}?(?:,|" + "|".join(rf"\b{link}\b" for link in _LIST_LINKS.split("|"))
                       + rf"|[–—])\s*(?:(?:{_LIST_LINKS})\s+)?", re.IGNORECASE)
# a model number: a name word follows the digits, and a count comes before them ("two new 737 Max jets")
_MODEL_AFTER = re.compile(r"[^\S\n]+[A-Z][A-Za-z]*(?<!s)\b(?![’'])")
_COUNT_WORDS = [w for w, (_, part) in NUMBER_WORDS.items() if part in ("unit", "tens")]
_COUNT_BEFORE = re.compile(rf"(?:\b(?:{alternation(_COUNT_WORDS)})|\d)((?:[^\S\n]+[a-z]+){{0,2}})[^\S\n]+$",
                           re.IGNORECASE)
# a capitalised word glued before a bare number, not the first word of a sentence ("the S&P 500")
_NAME_BEFORE = re.compile(r"(?<=[^\s.!?:\"“] )[A-Z][\w&’'.\-]*\s$")
_NAME_AFTER = re.compile(r"\s[A-Z]")


@dataclass(frozen=True)
class _Previous:
    """A figure already read, for the figures after it (bare numbers, conversions in brackets)."""

    end: int
    unit: str
    category: str
    qualifier: str


def extract_figures(text: str) -> list[Figure]:
    """The figures of ``text`` in text order."""
    figures: list[Figure] = []
    last_count: _Previous | None = None  # the last figure that counted people or things
    last_figure: _Previous | None = None
    pos = 0
    for match in candidates(text):
        if match.start() < pos:
            continue
        reading, resume = read_number(text, match)
        pos = max(resume, match.end())
        if reading is None:
            continue
        figure = _figure(text, reading, last_count, last_figure)
        if figure is None:
            continue
        pos = max(pos, figure.end)
        figures.append(figure)
        last_figure = _Previous(figure.end, figure.unit, figure.category, figure.qualifier)
        if figure.category not in ("money", "duration") and figure.unit not in ("", "percent"):
            last_count = last_figure
    return figures


def _figure(text: str, reading: Reading, last_count: _Previous | None, last_figure: _Previous | None) -> Figure | None:
    """The figure that ``reading`` opens (a range, a qualifier and the counted noun included), or None."""
    low_reading, high_reading, link = _range(text, reading)
    if link == "skip":
        return None
    first, last = low_reading, high_reading or low_reading
    start, end = first.start, last.end
    qualifier = "approximately" if first.form == "vague" or last.form == "vague" else "exact"
    if high_reading is not None:
        between = _BETWEEN_BEFORE.search(text, max(0, start - 10), start)
        start = between.start() if between else start
        if link.startswith(("or", "if")):
            qualifier = "approximately"
    before = qualifier_before(text, start)
    if before is not None and last_figure is not None and before[1] < last_figure.end:
        before = None  # the words belong to the figure before
    after = qualifier_after(text, end) if before is None else None
    if before is not None:
        qualifier, start = before
    elif after is not None:
        qualifier, end = after
    elif last_figure is not None and _OPEN_PAREN.fullmatch(text, last_figure.end, start):
        qualifier = last_figure.qualifier  # "about 2,000 km (1,240 miles)": the conversion is as vague
    carried_unit = last.unit or first.unit
    noun, unit, noun_end = counted_noun(text, last.end) if last.noun is None and first.noun is None else (
        last.noun or first.noun, (last.noun or first.noun).unit, end)
    plain_one = None
    if (noun is None and not carried_unit and high_reading is None and before is None and after is None
            and first.form == "words" and first.value == 1):
        plain_one = one_counts(text, first.start, first.end)
        if plain_one is not None:
            unit, noun_end = plain_one
    phrase_end = noun_end  # the counted noun, or the "of the population" a share is taken of
    if carried_unit:
        noun_end = end
    if high_reading is None:
        high_reading = _range_after_noun(text, first, noun_end)
        if high_reading is not None:
            right_noun_end = counted_noun(text, high_reading.end)[2]
            last, link, noun_end = high_reading, "to", max(noun_end, high_reading.end, right_noun_end)
    bare = noun is None and not unit and not carried_unit
    qualified = before is not None or after is not None
    if not _is_figure(text, first, last, noun, noun_end, bare, qualified,
                      qualified and qualifier in ("more_than", "less_than"), plain_one is not None):
        return None
    if high_reading is None:
        value = first.value
        low = None if qualifier == "less_than" else value
        high = None if qualifier == "more_than" else value
    else:
        low, high = first.value, last.value
        value = (low + high) / 2
    factor = UNIT_FACTORS.get(text[last.end:noun_end].strip().lower()) if noun is not None else None
    if factor is not None:
        unit = factor[0]
        value, low, high = (x * factor[1] if x is not None else None for x in (value, low, high))
    end = max(end, noun_end)
    if last_figure is not None and start < last_figure.end:
        start = last_figure.end  # a sign between two numbers ("0$ 0") belongs to the first
    sentence_start, sentence_end = _sentence_bounds(text, start, end)
    unit, category, source = _unit_and_category(text, start, max(end, phrase_end), sentence_start, sentence_end,
                                                first, last, carried_unit, noun, unit, last_count)
    if high_reading is not None:
        base = "range:between" if text.startswith(("between", "Between"), start) else f"range:{link.split()[0]}"
    else:
        base = first.rule
    rule = f"{base}+{source}"
    return Figure(start=start, end=end, text=text[start:end], value=value, low=low, high=high,
                  qualifier=qualifier, unit=unit, category=category,
                  sentence=text[sentence_start:sentence_end].strip(), rule=rule)


def _range(text: str, left: Reading) -> tuple[Reading, Reading | None, str | None]:
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
    if word == "and" and not _BETWEEN_BEFORE.search(text, max(0, left.start - 10), left.start):
        return left, None, None
    if word == "to" and (_CHANGE_BEFORE.search(text, max(0, left.start - 12), left.start)
                         or _CHANGE_FROM_BEFORE.search(text, max(0, left.start - 60), left.start)):
        return left, None, None
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
    low_reading = Reading(left.start, left.end, low, left.form, left.scale, left.unit or right.unit,
                          left.noun, False, left.rule)
    high_reading = Reading(right.start, right.end, right.value, right.form, right.scale,
                           right.unit or left.unit, right.noun, False, right.rule)
    return low_reading, high_reading, " ".join(word.split())


def _range_after_noun(text: str, left: Reading, noun_end: int) -> Reading | None:
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


def _is_figure(text: str, first: Reading, last: Reading, noun: Noun | None, noun_end: int, bare: bool,
               qualified: bool, bounded: bool, plain_one: bool) -> bool:
    """False for what reads as a number but is not a figure here: a year, "one of", "a week" alone,
    a bare number inside a name or an address ("S&P 500", "Galaxy Note 20", "49 Zorro Ranch Road"),
    a model number after a count ("two new 737 Max jets")."""
    if first.year_like and last is first:
        # "1,967 people" has a comma; "in 1967", "the 1967 borders", "a 2015 knife attack" are years
        if _YEAR_LEAD.search(text, max(0, first.start - 12), first.start):
            return False
        return (noun is not None and noun.category not in ("other", "duration")
                and text[first.end:noun_end].rstrip().endswith("s"))
    if bare and not qualified and first.form == "digits" and not cue_after(text, last.end) and (
            _NAME_BEFORE.search(text, max(0, first.start - 30), first.start) or _NAME_AFTER.match(text, last.end)):
        return False
    if first.form in ("words", "single") and first.value <= 1 and last is first:
        # "one" and "zero" are idioms more often than counts ("one of", "no one", "zero tolerance")
        if first.form == "words" and _ONE_OF.match(text, first.end):
            return False
        if noun is None:
            return bounded or plain_one
        return bounded or noun.category != "duration"
    if (first.form == "digits" and last is first and not qualified and not first.unit and first.noun is None
            and _MODEL_AFTER.match(text, first.end) and _counted_before(text, first.start)):
        return False
    return True


def _counted_before(text: str, start: int) -> bool:
    """True when a count stands right before ``start``, with at most two adjectives between ("two new")."""
    match = _COUNT_BEFORE.search(text, max(0, start - 40), start)
    return match is not None and not any(w.lower() in PHRASE_ENDS for w in match.group(1).split())


def _unit_and_category(text: str, start: int, end: int, sentence_start: int, sentence_end: int,
                       first: Reading, last: Reading, carried_unit: str, noun: Noun | None, unit: str,
                       previous: _Previous | None) -> tuple[str, str, str]:
    """(unit, category, source) of a figure: from its currency or noun, else its clause, else the figure
    before; ``source`` names which of these decided, for the figure's rule."""

    def cue(allowed: frozenset[str]) -> str | None:
        return category_cue(text, start, end, sentence_start, sentence_end, allowed)

    near = previous if previous is not None and start - previous.end <= _ANAPHORA_REACH else None
    same_sentence = near if near is not None and near.end > sentence_start else None
    # a bare number refers to the figure before it in its sentence, or in the sentence before
    # when it opens its own ("83 reporters have been killed. At least 67 were Palestinians")
    referent = same_sentence or (near if start - sentence_start <= _OPENING_REACH else None)
    refers_back = _OF_THEM.match(text, first.end, min(len(text), first.end + 20)) is not None
    if carried_unit and carried_unit != "percent":
        return carried_unit, "money", "money"
    if carried_unit == "percent":
        # a share takes the category of what it is a share of ("85% of the population" pushed into
        # displacement); "1,255 (22 percent)" is a share of the figure before it
        if not _SHARE_OF.match(text, last.end):
            if near is not None and _OPEN_PAREN.fullmatch(text, near.end, start):
                return "percent", near.category, "percent+anaphora"
            return "percent", "other", "percent"
        if near is not None and refers_back:
            return "percent", near.category, "percent+anaphora"
        if noun is None or noun.category not in ("people", "military"):
            # only the words of the share itself: "of those killed", "of the bodies"
            found = category_cue(text, start, end, start, min(sentence_end, end + _SHARE_REACH), PEOPLE_CATEGORIES)
            return "percent", found or "other", "percent+noun"
        found = cue(PEOPLE_CATEGORIES)
        return "percent", found or "people", "percent+clause" if found else "percent+noun"
    if noun is not None:
        if noun.category == "duration":
            return unit, "duration", "duration"
        found = cue(noun.clause) if noun.clause else None
        if found:
            return unit, found, "noun+clause"
        in_list = near is not None and (refers_back or _LIST_GAP.fullmatch(text, near.end, start))
        listed_after = near if in_list else None
        if PEOPLE_CATEGORIES <= noun.clause and listed_after and listed_after.category in PEOPLE_CATEGORIES:
            return unit, listed_after.category, "noun+list"
        return unit, noun.category, "noun"
    if unit:
        return unit, "other", "noun"
    if _AGE_BEFORE.search(text, max(0, start - 30), start) and _AGE_AFTER.match(text, end) and first.value < 120:
        return "years", "duration", "age"
    found = cue(PEOPLE_CATEGORIES | {referent.category} if referent is not None else PEOPLE_CATEGORIES)
    if referent is not None:
        return referent.unit, found or referent.category, "anaphora"
    if found or cue_after(text, end):
        return "people", found or "people", "clause"
    return "", "other", "bare"


def _sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence around ``text[start:end]``, looked for no further than _SENTENCE_REACH either way."""
    lo = max(0, start - _SENTENCE_REACH)
    before = _LAST_SENTENCE_END.match(text, lo, min(len(text), start + 3))
    sentence_start = before.end() if before is not None and before.end() <= start else lo
    after = _SENTENCE_END.search(text, end, min(len(text), end + _SENTENCE_REACH))
    sentence_end = after.start() + 1 if after else min(len(text), end + _SENTENCE_REACH)
    return sentence_start, sentence_end
