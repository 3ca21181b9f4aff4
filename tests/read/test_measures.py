"""newstally.read.measures: what a figure's value measures, and the order measures are offered in."""

from __future__ import annotations

import pandas as pd
import pytest

from newstally.read.measures import figure_measures, measure_order


@pytest.mark.parametrize(
    "unit, category, expected",
    [
        ("people", "killed", "count"),
        ("families", "displaced", "count"),
        ("", "other", "count"),
        (None, "killed", "count"),
        ("percent", "displaced", "percent"),
        ("USD", "money", "USD"),
        ("ILS", "money", "ILS"),
        ("years", "duration", "years"),
    ],
)
def test_measures_figure_measures(unit, category, expected):
    frame = pd.DataFrame({"unit": [unit], "category": [category]})
    assert list(figure_measures(frame)) == [expected]


@pytest.mark.parametrize(
    "units, order",
    [
        (["people", "percent", None, "USD"], ["count", "percent", "USD"]),
        (["percent"], ["percent"]),
        ([], []),
    ],
)
def test_measures_are_offered_counts_first(units, order):
    assert measure_order(figure_measures(pd.DataFrame({"unit": units}, dtype=object))) == order
