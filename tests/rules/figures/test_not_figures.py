"""Numbers that are not figures (newstally.rules.figures.not_figures and the checks of extract):
years, dates, names, scores, idioms. Negatives expect nothing."""

from __future__ import annotations

import pytest

from newstally.rules.figures.extract import extract_figures


@pytest.mark.parametrize(
    "sentence",
    [
        "The borders of 1967 remain disputed.",
        "The attack came on Oct. 7.",
        "The attack came on October 7.",
        "It happened on 7 October.",
        "It was signed on November 25, 2023.",
        "The patrol was hit at 12:00 pm.",
        "They met at 3:45 a.m. on Monday.",
        "It was the second front.",
        "This is the 11th day of the war.",
        "Under Article 99 of the Charter.",
        "The council adopted Resolution 2728.",
        "The US sent F-16 jets.",
        "The G7 met.",
        "Leaders of the Group of Seven met on Monday.",
        "The Big Three said nothing.",
        "COVID-19 spread.",
        "Call +1 202 555 0123 for details.",
        "See page 12 for details.",
        "It was one of the world's busiest routes.",
        "It was a one-off.",
        "Shati is the third-largest camp.",
        "They support a two-state solution.",
        "The S&P 500 fell.",
        "The score was 3-1.",
        "From 2014 to 2017 nothing changed.",
        "The 1990s were calm.",
        "It happened 24/7 and on 9/11.",
        "A baker's dozen.",
        "It happened in the ’48 and ’67 wars.",
        "The 2015 knife attack shocked the town.",
        "He was born in 1948.",
        "They remain in the northern half of Gaza.",
        "Around one wrist was a zip tie.",
        "Zero tolerance is the policy.",
        "No one came.",
    ],
)
def test_not_figures_non_figures(sentence):
    assert extract_figures(sentence) == []


@pytest.mark.parametrize(
    "sentence, values",
    [
        ("It cost $US55,931,000 ($A82,615,680) in 2019.", [55_931_000, 82_615_680]),
        ("Horsepower went from 240 to 273.", [256.5]),
        ("The toll rose from 200 people to 240 people.", [200, 240]),
        ("The death toll has climbed from 1,200 to 1,450.", [1200, 1450]),
        ("Monthly rents range from 1,000 to 1,500 dollars.", [1250]),
        ("They voted 87 to 26 against it.", [87, 26]),
        ("The toll rose to 1,200 and more than 2,700 people were wounded.", [1200, 2700]),
        ("Properties at 49 Zorro Ranch Road were sold.", []),
        ("Only 9 of Gaza's 36 hospitals work.", [9, 36]),
        # a capitalised number word is a count at a sentence's start or after a lower-case word
        ("Seven people were killed. On Monday, Three more died.", [7, 3]),
        ("Sign up to the newsletter at 7am BST\n\nTwo soldiers were captured.", [2]),
    ],
)
def test_not_figures_numbers_in_context(sentence, values):
    assert [f.value for f in extract_figures(sentence)] == values


@pytest.mark.parametrize(
    "sentence, values",
    [
        ("The carrier bought three new 787 Dreamliner jets.", [3]),
        ("The firm shipped 300 Tesla cars.", [300]),
    ],
)
def test_not_figures_model_number_after_a_count(sentence, values):
    assert [f.value for f in extract_figures(sentence)] == values
