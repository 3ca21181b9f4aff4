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


def measure_sql(unit_column: str) -> str:
    """The SQL expression of what a figure measures, as ``figure_measures`` says it, for the unit
    in ``unit_column``. The measuring units are written into it as literals (they come from the
    contract's data file, quotes escaped), so it can stand anywhere in a query without a parameter."""
    units = ", ".join("'" + unit.replace("'", "''") + "'" for unit in sorted(MEASURED_UNITS))
    return f"CASE WHEN coalesce({unit_column}, '') IN ({units}) THEN {unit_column} ELSE '{COUNT}' END"
