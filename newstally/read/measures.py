"""What a figure's value measures: a count of things, a share, or an amount of money or time.

Values of different measures are never drawn on one axis nor compared with one another: "85
percent of the population" is no count of displaced people, and a reference series of counts
says nothing of it.
"""
from __future__ import annotations

from functools import lru_cache

import pandas as pd

from newstally.rules import lexicon

COUNT = "count"
PERCENT = "percent"  # the unit of a share, as FORMAT.md names it


@lru_cache(maxsize=1)
def measured_units() -> frozenset[str]:
    """The units that measure rather than count: a share, currencies, time, and the units read as
    a multiple of them (read from the lexicon, which the extractor names its units from)."""
    currencies = {row["unit"] for row in lexicon.rows("figure_currencies")}
    amounts = {row["unit"] for row in lexicon.rows("figure_units") if row["category"] in ("money", "duration")}
    multiples = {row["unit"] for row in lexicon.rows("figure_unit_factors")}
    return frozenset(currencies | amounts | multiples | {PERCENT}) - {""}


def figure_measures(points: pd.DataFrame) -> pd.Series:
    """What each figure of ``points`` measures: "percent" for a share, the unit for an amount of
    money or time ("USD", "years"), "count" for anything counted (people, rockets, trucks, or no
    unit at all)."""
    units = points["unit"].fillna("").astype(str) if "unit" in points else pd.Series("", index=points.index)
    return units.where(units.isin(measured_units()), COUNT).rename("measure")


def measure_order(measures: pd.Series) -> list[str]:
    """The measures present in ``measures``, counts first, then shares, then the rest by name."""
    return sorted(set(measures), key=lambda m: (m != COUNT, m != PERCENT, m))


def measure_label(measure: str) -> str:
    """How a measure is named to a user: "counts", "percentages", or its unit ("USD", "years")."""
    return {COUNT: "counts", PERCENT: "percentages"}.get(measure, measure)
