"""Readings that looked like figures and were not, or were another figure (issue 17): ranges across
"or", a change and its new level, units and currencies written onto the number, plain numbers,
durations, ages. Sentence in, (text, value, low, high, unit, category) of each figure out."""

from __future__ import annotations

import pytest

from newstally.rules import extract


def _figures(sentence: str) -> list[tuple]:
    return [(f.text, f.value, f.low, f.high, f.unit, f.category) for f in extract(sentence).figures]


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # "one or two" is as vague as "a few": no count, and no 1.5 of anything
        ("One or two, or several Hamas leaders were killed.", []),
        ("Only one or two trucks got through.", []),
        # two alternatives are one approximate figure, from the first to the second, not their midpoint
        ("The talks lasted six or seven hours.", [("six or seven hours", 6, 6, 7, "hours", "duration")]),
        ("Two or three people died.", [("Two or three people", 2, 2, 3, "people", "killed")]),
        # a real range keeps its midpoint
        ("They fired 5,000-7,000 rockets.", [("5,000-7,000 rockets", 6000, 5000, 7000, "rockets", "projectiles")]),
    ],
)
def test_false_readings_no_range_across_or(sentence, expected):
    assert _figures(sentence) == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        (
            "Inflation rose 1.5 percent to 9.1 percent.",
            [("1.5 percent", 1.5, 1.5, 1.5, "percent", "other"), ("9.1 percent", 9.1, 9.1, 9.1, "percent", "other")],
        ),
        (
            "Unemployment went from 2 percent to 4.9 percent.",
            [("2 percent", 2, 2, 2, "percent", "other"), ("4.9 percent", 4.9, 4.9, 4.9, "percent", "other")],
        ),
        (
            "The toll rose from 200 to 240.",
            [("200", 200, 200, 200, "people", "killed"), ("240", 240, 240, 240, "people", "killed")],
        ),
        # a span of shares stays one range
        (
            "Fees range from 1 per cent to 1.5 per cent.",
            [("1 per cent to 1.5 per cent", 1.25, 1, 1.5, "percent", "other")],
        ),
    ],
)
def test_false_readings_a_change_and_its_new_level_are_two_figures(sentence, expected):
    assert _figures(sentence) == expected


@pytest.mark.parametrize(
    "sentence, text, value, unit, category",
    [
        ("It costs Rs500 a month.", "Rs500", 500, "INR", "money"),
        ("The EU pledged €3bn.", "€3bn", 3e9, "EUR", "money"),
        ("The fund gave NZ$2m.", "NZ$2m", 2e6, "NZD", "money"),
        ("The bill came to EUR 500 million.", "EUR 500 million", 5e8, "EUR", "money"),
        ("Kyiv received 700m hryvnias.", "700m hryvnias", 7e8, "UAH", "money"),
        ("She was given a 1m rouble fine.", "1m rouble", 1e6, "RUB", "money"),
        ("The company was fined 7 bn roubles.", "7 bn roubles", 7e9, "RUB", "money"),
        ("The convoy was 40km long.", "40km", 40, "km", "other"),
        ("The plant produces 5GW.", "5GW", 5, "GW", "other"),
        ("The tower is 25m tall.", "25m", 25, "metres", "other"),
        # "m" before a unit, a currency or a plural noun is a million
        ("Ukraine could export 60m tonnes of grain.", "60m tonnes of grain", 6e7, "tonnes", "aid"),
        ("Flows fell to 33m cubic metres a day.", "33m cubic metres", 3.3e7, "cubic metres", "other"),
        ("There were 10m border crossings.", "10m border crossings", 1e7, "border crossings", "other"),
        # pounds are money where a conversion in brackets says so, a weight elsewhere
        ("He weighs 200 pounds.", "200 pounds", 200, "pounds", "other"),
    ],
)
def test_false_readings_units_and_currencies_on_the_number(sentence, text, value, unit, category):
    figures = extract(sentence).figures
    assert len(figures) == 1, [f.text for f in figures]
    f = figures[0]
    assert (f.text, f.value, f.unit, f.category) == (text, pytest.approx(value), unit, category)


@pytest.mark.parametrize(
    "sentence, expected",
    [
        (
            "Britain sold 42 million pounds ($53m) of arms.",
            [("42 million pounds", 42e6, "GBP", "money"), ("$53m", 53e6, "USD", "money")],
        ),
        ("The missile flew 120 miles (193km).", [("120 miles", 120, "miles", "other"), ("193km", 193, "km", "other")]),
    ],
)
def test_false_readings_conversions_in_brackets_are_figures_of_their_own(sentence, expected):
    assert [(f.text, f.value, f.unit, f.category) for f in extract(sentence).figures] == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("The 15 EU members agreed.", ["15 EU members"]),  # a count before a name-like noun stays
        ("The death toll has now reached 45.", ["45"]),  # a plain number at the sentence's end
        ("China holds 44 journalists, followed by Myanmar (43) and Belarus (28).", ["44 journalists", "43", "28"]),
        ("Hamas fired 20 rockets; three of them hit Ashkelon.", ["20 rockets", "three"]),  # "of them": a count back
        ("He wore the number 10 shirt for Real Madrid.", []),  # a shirt number
        ("Arsenal won 2-1 at home.", []),  # a score
        ("The S&P 500 fell.", []),  # a name
    ],
)
def test_false_readings_plain_numbers_on_purpose(sentence, expected):
    assert [f.text for f in extract(sentence).figures] == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("A one-week pause began on Friday.", [("one-week", 1, "weeks", "duration")]),
        ("Aid must arrive within a week.", [("a week", 1, "weeks", "duration")]),
        (
            "Five stations were hit in the space of an hour.",
            [("Five stations", 5, "stations", "other"), ("an hour", 1, "hours", "duration")],
        ),
        ("It would take a decade to rebuild the ports.", [("a decade", 10, "years", "duration")]),
        ("It would cost Britain a decade to recover.", [("a decade", 10, "years", "duration")]),
        ("The plant shut down over a week ago.", [("over a week", 1, "weeks", "duration")]),
        ("A month earlier, he had said so.", []),  # a point in time
        ("He left a fortnight ago.", []),
        ("The hospital needs 5,000 litres a day.", [("5,000 litres", 5000, "litres", "other")]),  # a rate
        ("One day, he will return.", []),
    ],
)
def test_false_readings_durations(sentence, expected):
    assert [(f.text, f.value, f.unit, f.category) for f in extract(sentence).figures] == expected


@pytest.mark.parametrize(
    "sentence, value",
    [
        ("Jane Example, 27, was captured.", 27),
        ("A 50-year-old man was shot.", 50),
    ],
)
def test_false_readings_ages_are_years_of_category_other(sentence, value):
    figures = extract(sentence).figures
    assert [(f.value, f.unit, f.category) for f in figures] == [(value, "years", "other")]


@pytest.mark.parametrize(
    "sentence, text, value, category",
    [
        ("About four out of every 100 people in Gaza have been injured.", "About four out of every 100", 4, "injured"),
        ("Seven in 10 voters back the deal.", "Seven in 10", 70, "people"),
        ("One in five children is malnourished.", "One in five", 20, "people"),
    ],
)
def test_false_readings_ratios_are_shares(sentence, text, value, category):
    figures = extract(sentence).figures
    assert [(f.text, f.value, f.unit, f.category) for f in figures] == [(text, value, "percent", category)]


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("A doubling or tripling is possible.", [("doubling or tripling", 2, 2, 3)]),
        ("It prompted a four- to sixfold rise in prices.", [("four- to sixfold", 5, 4, 6)]),
        ("Prices saw a tripling this year.", [("tripling", 3, 3, 3)]),
        ("The party is doubling down on it.", []),
    ],
)
def test_false_readings_multipliers_are_times(sentence, expected):
    assert [(f.text, f.value, f.low, f.high) for f in extract(sentence).figures if f.unit == "times"] == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("Nato forces use 155mm shells.", []),  # a calibre names a weapon
        ("The plan is to cut flows through Nord Stream 1 to 33m cubic metres a day.", ["33m cubic metres"]),
        ("The army of 700,000 plus 300,000 paramilitaries", ["700,000", "300,000 paramilitaries"]),  # "plus" adds
        ("It has a decade-long history.", ["decade-long"]),
    ],
)
def test_false_readings_names_calibres_and_sums(sentence, expected):
    assert [f.text for f in extract(sentence).figures] == expected
