"""A figure's unit and category (newstally.rules.figures.category): from its noun, its clause, a
list, the figure before, or an age."""

from __future__ import annotations

import pytest
from extracted import one_figure

from newstally.rules.figures.extract import extract_figures


@pytest.mark.parametrize(
    "sentence, value, unit",
    [
        ("Fighting went on for more than 48 hours.", 48, "hours"),
        ("He served for seven years.", 7, "years"),
        ("A four-day truce began.", 4, "days"),
        ("The siege lasted more than a decade.", 10, "years"),
        ("It lasted over a week.", 1, "weeks"),
    ],
)
def test_category_durations(sentence, value, unit):
    figure = one_figure(sentence)
    assert (figure.value, figure.unit, figure.category) == (value, unit, "duration")


@pytest.mark.parametrize(
    "sentence, unit, category",
    [
        ("The offensive has killed more than 28,500 people.", "people", "killed"),
        ("At least 31 people, most of them women and children, were killed.", "people", "killed"),
        ("The death toll rose to 240.", "people", "killed"),
        ("More than 6,000 others have been wounded.", "people", "injured"),
        ("More than a million residents who fled to Rafah are trapped.", "people", "displaced"),
        ("Israel has pushed 85% of the population into displacement.", "percent", "displaced"),
        ("Around 240 others were taken captive.", "people", "hostages"),
        ("There were 17 Palestinian reporters held in Israeli jails.", "journalists", "detained"),
        ("Police arrested 50 protesters.", "people", "detained"),
        ("About 1,000 people are missing.", "people", "missing"),
        ("Hamas fired 5,000 rockets.", "rockets", "projectiles"),
        ("The army carried out five strikes.", "strikes", "strikes"),
        ("The army bombed at least three refugee camps.", "camps", "strikes"),
        ("The US sent two aircraft carriers.", "aircraft carriers", "military"),
        ("Israel called up 300,000 reservists.", "reservists", "military"),
        ("Twenty trucks of aid crossed.", "trucks", "aid"),
        ("Gaza has 2.3 million residents.", "people", "people"),
        ("5,000 Palestinian civilians live there.", "people", "people"),
        ("The two sides met.", "sides", "other"),
        ("The ship was 25km off the coast.", "km", "other"),
    ],
)
def test_category_categories(sentence, unit, category):
    figure = one_figure(sentence)
    assert (figure.unit, figure.category) == (unit, category)


@pytest.mark.parametrize(
    "sentence, category",
    [
        (
            "Cross-border fire has killed 109 people, including 77 fighters and 14 civilians, three of them journalists.",
            ["killed", "killed", "killed", "killed"],
        ),
        ("China has 44 journalists in jail, followed by Myanmar (43) and Belarus (28).", ["detained"] * 3),
        ("Israel killed 1,200 people and wounded 5,000 others.", ["killed", "injured"]),
        ("It cost 0$ 0.", ["money", "money"]),
    ],
)
def test_category_categories_carry_over_in_lists(sentence, category):
    assert [f.category for f in extract_figures(sentence)] == category


@pytest.mark.parametrize(
    "text, categories",
    [
        (
            "83 reporters have been killed since the start of the war. At least 67 were Palestinians.",
            ["killed", "killed"],
        ),
        (
            "Hezbollah fired dozens of rockets, the army said, adding that 12 were intercepted.",
            ["projectiles", "projectiles"],
        ),
        ("Of those killed, at least 1,255 (22 percent) were children.", ["killed", "killed"]),
        ("Nearly half of those killed were civilians.", ["killed"]),
        ("More than half the deaths occurred in the first month.", ["killed"]),
        ("About 80 percent of the population has been displaced.", ["displaced"]),
        ("Exports fell by 4.2 percent.", ["other"]),
    ],
)
def test_category_categories_of_bare_numbers_and_shares(text, categories):
    assert [f.category for f in extract_figures(text)] == categories


@pytest.mark.parametrize(
    "sentence, value",
    [
        ("Ms Example, 32, suffered multiple wounds.", 32),
        ("A man, aged 22, was shot.", 22),
        ("Her father, who is 70, was arrested.", 70),
    ],
)
def test_category_ages(sentence, value):
    figure = one_figure(sentence)
    assert (figure.value, figure.unit, figure.category, figure.rule) == (value, "years", "other", "number+age")
