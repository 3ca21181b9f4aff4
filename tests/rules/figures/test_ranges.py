"""Ranges (newstally.rules.figures.ranges): one figure from two numbers, or two figures."""

from __future__ import annotations

import pytest
from extracted import one_figure

from newstally.rules.figures.extract import extract_figures


@pytest.mark.parametrize(
    "sentence, value, low, high, qualifier",
    [
        ("They fired 5,000-7,000 rockets.", 6000, 5000, 7000, "exact"),
        ("They fired over 5,000-7,000 rockets.", 6000, 5000, 7000, "more_than"),
        ("They fired 5,000 to 7,000 rockets.", 6000, 5000, 7000, "exact"),
        ("Between 10 and 20 people were hurt.", 15, 10, 20, "exact"),
        ("It takes two or three days.", 2, 2, 3, "approximately"),  # of two alternatives, the first: no midpoint
        ("There are 1 to 2 thousand people.", 1500, 1000, 2000, "exact"),
        ("The fine is $3 billion to $5 billion.", 4e9, 3e9, 5e9, "exact"),
        ("Tens if not hundreds of thousands of casualties are feared.", 20_000, 20_000, 200_000, "approximately"),
    ],
)
def test_ranges_ranges(sentence, value, low, high, qualifier):
    figure = one_figure(sentence)
    assert (figure.value, figure.low, figure.high, figure.qualifier) == (value, low, high, qualifier)
    assert figure.rule.startswith("range:")


@pytest.mark.parametrize(
    "sentence, values",
    [
        ("Output rose from 40 tonnes to 55 tonnes.", [40, 55]),  # a change names two levels
        ("Attendance grew from 120 people in 2019 to 300 in 2023.", [120, 300]),
        ("Speeds went from 8 kilometres per hour to 12.", [10]),
        ("Mileage climbed from 30 mpg overall to 34.", [30, 34]),
        ("Staff was cut from 40 people to 25 people.", [40, 25]),
        ("They moved from 200 homes that belonged to 30 families.", [200, 30]),
    ],
)
def test_ranges_from_to_spans(sentence, values):
    """ "from X <unit> to Y" is one span, after a verb of change too; a fall names the old and the new figure."""
    assert [f.value for f in extract_figures(sentence)] == values
