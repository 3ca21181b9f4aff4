"""newstally.read.queries.periods: days summed into days, weeks or months."""

from __future__ import annotations

from datetime import date

import pytest

from newstally.read.queries.periods import per_period, period_end, time_bucket


@pytest.mark.parametrize(
    "days, bucket, periods",
    [
        (["2024-01-03", "2024-01-03", "2024-01-20"], "day", ["2024-01-03", "2024-01-20"]),
        (["2023-01-01", "2023-01-02", "2024-01-07"], "week", ["2022-12-26", "2023-01-02", "2024-01-01"]),
        (["2017-01-31", "2017-01-01", "2024-02-29"], "month", ["2017-01-01", "2024-02-01"]),
    ],
)
def test_periods_counts_per_day_are_summed_per_period(days, bucket, periods):
    import pandas as pd

    per_day = pd.DataFrame({"day": pd.to_datetime(days), "kind": "direct", "statements": 1})
    frame = per_period(per_day, keys=("kind",))
    assert frame.attrs["bucket"] == bucket
    assert [d.isoformat() for d in frame["period"].dt.date] == periods
    assert frame["statements"].sum() == len(days) and list(frame.columns) == ["period", "kind", "statements"]


@pytest.mark.parametrize(
    "first, last, bucket",
    [
        (date(2024, 1, 1), date(2024, 1, 20), "day"),
        (date(2023, 1, 1), date(2024, 1, 1), "week"),
        (date(2017, 1, 1), date(2024, 1, 1), "month"),
        (None, None, "week"),
    ],
)
def test_periods_time_bucket(first, last, bucket):
    assert time_bucket(first, last) == bucket


@pytest.mark.parametrize(
    "start, bucket, end",
    [
        (date(2024, 2, 12), "day", date(2024, 2, 12)),
        (date(2024, 2, 12), "week", date(2024, 2, 18)),
        (date(2024, 2, 1), "month", date(2024, 2, 29)),
        (date(2023, 12, 1), "month", date(2023, 12, 31)),
    ],
)
def test_periods_period_end(start, bucket, end):
    assert period_end(start, bucket) == end
