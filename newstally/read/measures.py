"""What a figure's value measures: a count of things, a share, or an amount of money or time.

Values of different measures are never drawn on one axis nor compared with one another: "85
percent of the population" is no count of displaced people, and a reference series of counts
says nothing of it. Which units measure is the contract's ``MEASURED_UNITS``.
"""
from __future__ import annotations

import pandas as pd

from newstally.contract.vocabulary import COUNT, MEASURED_UNITS, PERCENT


def figure_measures(points: pd.DataFrame) -> pd.Series:
    """What each figure of ``points`` measures: "percent" for a share, the unit for an amount of
    money or time ("USD", "years"), "count" for anything counted (people, rockets, trucks, or no
    unit at all)."""
    units = points["unit"].fillna("").astype(str) if "unit" in points else pd.Series("", index=points.index)
    return units.where(units.isin(MEASURED_UNITS), COUNT).rename("measure")


def measure_order(measures: pd.Series) -> list[str]:
    """The measures present in ``measures``, counts first, then shares, then the rest by name."""
    return sorted(set(measures), key=lambda m: (m != COUNT, m != PERCENT, m))


def measure_label(measure: str) -> str:
    """How a measure is named to a user: "counts", "percentages", or its unit ("USD", "years")."""
    return {COUNT: "counts", PERCENT: "percentages"}.get(measure, measure)
