"""Figures: every number that counts or measures something (see docs/conventions.md).

One regex scan finds number candidates (digits, number words, vague counts, fractions);
``reading`` reads each one (or rejects it: years, dates, names); this module joins a range
(``ranges``), adds the qualifier, finds what is counted and has ``category`` give the figure its
unit and category.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import NamedTuple, cast

from newstally.contract.records import Figure
from newstally.contract.vocabulary import PEOPLE_CATEGORIES, Category, Qualifier
from newstally.rules.lexicon import alternation, alternatives
from newstally.rules.syntax import NO_SYNTAX, Syntax

from .category import LIST_GAP, OPEN_PAREN, Counted, Place, Previous, more_of_the_same, unit_and_category
from .clause import own_clause
from .context import PHRASE_ENDS, UNIT_FACTORS, counted_noun, cue_after, one_counts, qualifier_after, qualifier_before
from .numbers import NUMBER_WORDS
from .ranges import BETWEEN_BEFORE, range_after_noun, range_from
from .reading import SCANNER, Reading, candidates, read_number
from .scope import Span, article_place, counts_over
from .words import FIGURE_WORDS

_SENTENCE_REACH = 400
_ONE_OF = re.compile(r"\s+of\b", re.IGNORECASE)
_FULL_STOP = r"[.!?][\"”’)]*\s+(?=[\"“‘(]?[A-Z0-9])"
_SENTENCE_END = re.compile(rf"{_FULL_STOP}|\n+")
# The last sentence end in a window: the greedy ".*" makes the engine try from the right.
_LAST_SENTENCE_END = re.compile(rf".*(?:{_FULL_STOP}|\n)", re.DOTALL)
# "in 1967", "the 1967 borders", "mid-2015": a year, unless a counted noun follows
_YEAR_LEAD = re.compile(rf"\b(?:{alternatives(FIGURE_WORDS.year_lead)})[\s-]+$", re.IGNORECASE)
# a model number: a name word follows the digits, and a count comes before them ("two new 737 Max jets")
_MODEL_AFTER = re.compile(r"[^\S\n]+[A-Z][A-Za-z]*(?<!s)\b(?![’'])")
_COUNT_WORDS = [w for w, (_, part) in NUMBER_WORDS.items() if part in ("unit", "tens")]
_COUNT_BEFORE = re.compile(
    rf"(?:\b(?:{alternation(_COUNT_WORDS)})|\d)((?:[^\S\n]+[a-z]+){{0,2}})[^\S\n]+$", re.IGNORECASE
)
# a capitalised word glued before a bare number, not the first word of a sentence ("the S&P 500")
_NAME_BEFORE = re.compile(r"(?<=[^\s.!?:\"“] )[A-Z][\w&’'.\-]*\s$")
_NAME_AFTER = re.compile(r"\s[A-Z]")
_RATIO = re.compile(r"[^\S\n]+(?:out[^\S\n]+of|in)[^\S\n]+(?:every[^\S\n]+)?(?=\d|[a-z])")
_STRENGTH = re.compile(rf"-(?:{alternatives(FIGURE_WORDS.strength_words)})$", re.IGNORECASE)
# "155mm shells", "a 155 mm howitzer": a calibre names a weapon
_CALIBRE = re.compile(rf"[^\S\n]+(?:{alternatives(FIGURE_WORDS.calibre_nouns)})\b", re.IGNORECASE)
_TIME_RELATIVE = re.compile(rf"[^\S\n]+(?:{alternatives(FIGURE_WORDS.time_relative)})\b", re.IGNORECASE)
_WORD_BEFORE = re.compile(r"\b([A-Za-z]+)[^\S\n]+$")


class _Qualified(NamedTuple):
    """A figure's qualifier and the span its words stretch the figure to."""

    qualifier: str
    start: int
    end: int
    by_words: bool  # words before or after the number say it ("more than 5", "5 or more")

    @property
    def bounded(self) -> bool:
        """Words set a bound: "more than one", "up to one"."""
        return self.by_words and self.qualifier in ("more_than", "less_than")


def extract_figures(text: str, syntax: Syntax = NO_SYNTAX) -> list[Figure]:
    """The figures of ``text`` in text order; ``syntax`` is the parse of the sentences that have
    one (``newstally.rules.extract`` makes it)."""
    figures: list[Figure] = []
    main_place: list[str] = []  # the article's main place, found when a figure first needs it
    last_count: Previous | None = None  # the last figure that counted people or things
    last_figure: Previous | None = None
    pos = 0
    for match in candidates(text):
        if match.start() < pos:
            continue
        reading, resume = read_number(text, match)
        pos = max(resume, match.end())
        if reading is None:
            continue
        figure = _figure(text, reading, last_count, last_figure, syntax, main_place)
        if figure is None:
            continue
        pos = max(pos, figure.end)
        figures.append(figure)
        if (
            not figure.subgroup
            and last_count is not None
            and last_count.subgroup
            and (
                (
                    figure.category == last_count.category
                    and figure.value < last_count.value
                    and LIST_GAP.fullmatch(text, last_count.end, figure.start)
                )
                or more_of_the_same(text, last_count.end, figure.start, figure.end)
            )
        ):
            # "64 reporters – 56 Palestinians, four Israelis": a breakdown of the journalists
            figure = replace(figure, subgroup=last_count.subgroup)
            figures[-1] = figure
        last_figure = Previous(
            figure.end, figure.unit, figure.category, figure.qualifier, figure.value, figure.subgroup
        )
        if figure.category not in ("money", "duration") and figure.unit not in ("", "percent"):
            last_count = last_figure
    return figures


def _figure(
    text: str,
    reading: Reading,
    last_count: Previous | None,
    last_figure: Previous | None,
    syntax: Syntax,
    main_place: list[str],
) -> Figure | None:
    """The figure that ``reading`` opens (a range, a qualifier and the counted noun included), or None."""
    reading = _ratio(text, reading) or reading
    named = (
        reading.form == "digits"
        and not reading.unit
        and _NAME_BEFORE.search(text, max(0, reading.start - 30), reading.start)
    )
    # "Nord Stream 1 to 33m cubic metres": a name's number opens no range
    first, high, link = range_from(text, reading) if not named else (reading, None, None)
    if link == "skip":
        return None
    last = high or first
    qualified = _qualified(text, first, last, link if high is not None else None, last_figure)
    counted = _counted(text, first, last, qualified, ranged=high is not None)
    if high is None:
        high = range_after_noun(text, first, counted.end)
        if high is not None:  # "from 252 miles to 287 miles"
            last, link = high, "to"
            counted = counted._replace(end=max(counted.end, high.end, counted_noun(text, high.end)[2]))
    if not _is_figure(text, first, last, counted, qualified):
        return None
    either = high is not None and link is not None and link.startswith(("or", "if"))
    value, low, high_value, unit = _values(text, first, last, high is not None, either, qualified.qualifier, counted)
    end = max(qualified.end, counted.end)
    start = qualified.start
    if last_figure is not None and start < last_figure.end:
        start = last_figure.end  # a sign between two numbers ("0$ 0") belongs to the first
    sentence_start, sentence_end = _sentence_bounds(text, start, end)
    clause = own_clause(syntax, _number_at(text, last)) if syntax is not NO_SYNTAX else None
    place = Place(start, max(end, counted.phrase_end), sentence_start, sentence_end, clause, last.value)
    unit, category, source = unit_and_category(text, place, first, last, counted._replace(unit=unit), last_count)
    if high is not None:
        assert link is not None  # a high end always comes with the word that links it
        base = "range:between" if text.startswith(("between", "Between"), start) else f"range:{link.split()[0]}"
    else:
        base = first.rule
    if category in PEOPLE_CATEGORIES and not main_place:
        main_place.append(article_place(text))
    span = Span(start, end, place.end, sentence_start, sentence_end, counted.bare)
    over = counts_over(text, span, syntax, clause, category, main_place[0] if main_place else "")
    return Figure(
        start=start,
        end=end,
        text=text[start:end],
        value=value,
        low=low,
        high=high_value,
        # values of the vocabulary: the qualifier lexicon names only those four, and tests/contract
        # checks the categories of the lexicons
        qualifier=cast(Qualifier, qualified.qualifier),
        unit=unit,
        category=cast(Category, category),
        sentence=text[sentence_start:sentence_end].strip(),
        rule=f"{base}+{source}",
        place=over.place,
        subgroup=over.subgroup,
        scope=over.scope,
        since=over.since,
    )


def _ratio(text: str, reading: Reading) -> Reading | None:
    """ "seven in 10", "four out of every 100": a share, in percent (70, 4), or None."""
    if reading.unit or reading.noun is not None or reading.form not in ("digits", "words"):
        return None
    link = _RATIO.match(text, reading.end)
    match = SCANNER.match(text, link.end()) if link else None
    whole = read_number(text, match, range_end=True)[0] if match else None
    if whole is None or whole.unit or whole.noun is not None or whole.year_like or not 0 < reading.value < whole.value:
        return None
    return reading._replace(
        end=whole.end, value=round(100 * reading.value / whole.value, 2), unit="percent", rule=reading.rule + "+ratio"
    )


def _number_at(text: str, reading: Reading) -> int:
    """Where the number of ``reading`` itself starts (past a currency sign): the word the parse reads."""
    for pos in range(reading.start, reading.end):
        if text[pos].isalnum():
            return pos
    return reading.start


def _qualified(text: str, first: Reading, last: Reading, link: str | None, last_figure: Previous | None) -> _Qualified:
    """The qualifier of the number (or range, joined by ``link``) from ``first`` to ``last``: "between"
    before a range, the words before or after it, or the figure before when this one is its
    conversion in brackets ("about 2,000 km (1,240 miles)")."""
    start, end = first.start, last.end
    qualifier = "approximately" if first.form == "vague" or last.form == "vague" else "exact"
    if link is not None:
        between = BETWEEN_BEFORE.search(text, max(0, start - 10), start)
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
    elif last_figure is not None and OPEN_PAREN.fullmatch(text, last_figure.end, start):
        qualifier = last_figure.qualifier  # "about 2,000 km (1,240 miles)": the conversion is as vague
    return _Qualified(qualifier, start, end, before is not None or after is not None)


def _counted(text: str, first: Reading, last: Reading, qualified: _Qualified, ranged: bool) -> Counted:
    """What the number from ``first`` to ``last`` counts: a noun glued to it ("25km"), the noun phrase
    after it, or, for a plain "one", the noun it counts ("one solution")."""
    carried = last.unit or first.unit
    glued = last.noun or first.noun
    if (
        glued is not None
        and text[last.end - 1 : last.end + 0].isalpha()
        and _STRENGTH.search(text, last.start, last.end)
    ):
        after = counted_noun(text, last.end)  # "a 125,000-strong army": the army's troops
        if after[0] is not None:
            return Counted(after[0], after[1], carried, after[2], after[2], False)
    noun, unit, noun_end = counted_noun(text, last.end) if glued is None else (glued, glued.unit, qualified.end)
    plain_one = None
    if (
        noun is None
        and not carried
        and not ranged
        and not qualified.by_words
        and first.form == "words"
        and first.value == 1
    ):
        plain_one = one_counts(text, first.start, first.end)
        if plain_one is not None:
            unit, noun_end = plain_one
    # a unit the number carries ends the figure there; a share's "of the population" still says what it is of
    end = qualified.end if carried else noun_end
    return Counted(noun, unit, carried, end, noun_end, plain_one is not None)


def _values(
    text: str, first: Reading, last: Reading, ranged: bool, either: bool, qualifier: str, counted: Counted
) -> tuple[float, float | None, float | None, str]:
    """(value, low, high, unit): a range's midpoint and ends (of two alternatives, "six or seven
    hours", the first: a midpoint nobody said), a bound's one end, in the unit a factor noun turns
    the count into ("two decades" is 20 years)."""
    if not ranged:
        value = first.value
        low = None if qualifier == "less_than" else value
        high = None if qualifier == "more_than" else value
    else:
        low, high = first.value, last.value
        value = low if either else (low + high) / 2
    factor = UNIT_FACTORS.get(text[last.end : counted.end].strip().lower()) if counted.noun is not None else None
    if factor is None:
        return value, low, high, counted.unit
    scaled = (x * factor[1] if x is not None else None for x in (value, low, high))
    return *scaled, factor[0]  # type: ignore[return-value]  # a generator of three: mypy cannot count it


def _is_figure(text: str, first: Reading, last: Reading, counted: Counted, qualified: _Qualified) -> bool:
    """False for what reads as a number but is not a figure here: a year, "one of", "a week" alone,
    a bare number inside a name or an address ("S&P 500", "Galaxy Note 20", "49 Zorro Ranch Road"),
    a model number after a count ("two new 737 Max jets")."""
    noun = counted.noun
    if counted.unit == "mm" and _CALIBRE.match(text, counted.end):
        return False
    if first.year_like and last is first:
        # "1,967 people" has a comma; "in 1967", "the 1967 borders", "a 2015 knife attack" are years
        if _YEAR_LEAD.search(text, max(0, first.start - 12), first.start):
            return False
        return (
            noun is not None
            and noun.category not in ("other", "duration")
            and text[first.end : counted.end].rstrip().endswith("s")
        )
    if (
        counted.bare
        and not qualified.by_words
        and first.form == "digits"
        and not cue_after(text, last.end)
        and (_NAME_BEFORE.search(text, max(0, first.start - 30), first.start) or _NAME_AFTER.match(text, last.end))
    ):
        return False
    if first.form in ("words", "single") and first.value <= 1 and last is first:
        # "one" and "zero" are idioms more often than counts ("one of", "no one", "zero tolerance")
        if first.form == "words" and _ONE_OF.match(text, first.end):
            return False
        if noun is None:
            return qualified.bounded or counted.plain_one
        if qualified.bounded or noun.category != "duration" or first.noun is not None:
            return True  # "one-week pause": a length glued to its noun
        return _lasts(text, first.start, counted.end)
    if (
        first.form == "digits"
        and last is first
        and not qualified.by_words
        and not first.unit
        and first.noun is None
        and _MODEL_AFTER.match(text, first.end)
        and _counted_before(text, first.start)
    ):
        return False
    return True


def _lasts(text: str, start: int, end: int) -> bool:
    """True when "a week" at ``text[start:end]`` is a length of time ("within a week", "in the space of
    an hour", "require Ukraine a decade"), not a rate ("5,000 litres a day"), a point in time ("a
    month earlier") or an idiom."""
    if _TIME_RELATIVE.match(text, end):
        return False
    before = _WORD_BEFORE.search(text, max(0, start - 30), start)
    if before is None:
        return False
    word = before.group(1)
    opens = text[max(0, before.start() - 3) : before.start()].rstrip()[-1:] in ("", ".", "!", "?", '"', "“", "\n")
    return word.lower() in FIGURE_WORDS.duration_leads or (word[0].isupper() and not opens)


def _counted_before(text: str, start: int) -> bool:
    """True when a count stands right before ``start``, with at most two adjectives between ("two new")."""
    match = _COUNT_BEFORE.search(text, max(0, start - 40), start)
    return match is not None and not any(w.lower() in PHRASE_ENDS for w in match.group(1).split())


def _sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence around ``text[start:end]``, looked for no further than _SENTENCE_REACH either way."""
    lo = max(0, start - _SENTENCE_REACH)
    before = _LAST_SENTENCE_END.match(text, lo, min(len(text), start + 3))
    sentence_start = before.end() if before is not None and before.end() <= start else lo
    after = _SENTENCE_END.search(text, end, min(len(text), end + _SENTENCE_REACH))
    sentence_end = after.start() + 1 if after else min(len(text), end + _SENTENCE_REACH)
    return sentence_start, sentence_end
