"""Counting by period: a timeline counts per day in the store and sums the days here into days,
weeks or months, whichever gives a readable number of bars."""

from __future__ import annotations

from datetime import date, timedelta

import pandas as pd


def time_bucket(first: date | None, last: date | None) -> str:
    """The period to count by so a timeline has a readable number of bars: day, week or month."""
    if first is None or last is None:
        return "week"
    span = (last - first).days
    return "day" if span <= 62 else "week" if span <= 730 else "month"


def per_period(per_day: pd.DataFrame, keys: tuple[str, ...] = ()) -> pd.DataFrame:
    """Counts per ``day`` (and ``keys``) summed per period, sorted: a day, week (from Monday) or
    month, as ``time_bucket`` picks for the span of days; ``attrs["bucket"]`` says which.
    Counted per day in the store and bucketed here, the store is scanned once, not once more
    for the span."""
    days = pd.to_datetime(per_day["day"])
    bucket = time_bucket(days.min().date(), days.max().date()) if len(days) else "week"
    if bucket == "day":
        periods = days
    else:
        periods = days.dt.to_period("W-SUN" if bucket == "week" else "M").dt.start_time
    frame = (
        per_day.drop(columns="day")
        .assign(period=periods.astype("datetime64[us]"))
        .groupby(["period", *keys], as_index=False)
        .sum()
    )
    frame = frame[["period", *keys, *[c for c in frame.columns if c != "period" and c not in keys]]]
    frame.attrs["bucket"] = bucket
    return frame.sort_values(["period", *keys], ignore_index=True)


def period_end(start: date, bucket: str) -> date:
    """The last day of the ``bucket`` (day, week, month) starting on ``start``."""
    if bucket == "day":
        return start
    if bucket == "week":
        return start + timedelta(days=6)
    next_month = (start.replace(day=28) + timedelta(days=4)).replace(day=1)
    return next_month - timedelta(days=1)
