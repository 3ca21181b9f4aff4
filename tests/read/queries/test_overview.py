"""newstally.read.queries.overview on the demo store: totals, categories, activity."""

from __future__ import annotations

from datetime import date

import pytest

from newstally.read.filters import Filters
from newstally.read.queries.overview import activity_over_time, figures_by_category, totals


@pytest.mark.parametrize(
    "filters, expected",
    [
        (Filters(), {"articles": 4, "figures": 6, "statements": 5, "speakers": 3}),
        (Filters(speakers=("maria-zakharova",)), {"articles": 2, "figures": 1, "statements": 2, "speakers": 1}),
        (Filters(countries=("Russia",)), {"articles": 3, "figures": 2, "statements": 4, "speakers": 2}),
        (Filters(orgs=("Kremlin",)), {"articles": 2, "figures": 1, "statements": 2, "speakers": 1}),
        (Filters(sources=("Reuters",)), {"articles": 1, "figures": 2, "statements": 2, "speakers": 2}),
        (Filters(categories=("killed",)), {"articles": 2, "figures": 2, "statements": 4, "speakers": 3}),
        (Filters(categories=("duration",)), {"articles": 1, "figures": 1, "statements": 1, "speakers": 1}),
        (Filters(date_from=date(2024, 1, 1)), {"articles": 1, "figures": 2, "statements": 2, "speakers": 2}),
        (Filters(date_to=date(2023, 10, 31)), {"articles": 1, "figures": 1, "statements": 1, "speakers": 1}),
        (Filters(text="gaza"), {"articles": 2, "figures": 4, "statements": 2, "speakers": 1}),
        (Filters(speakers=("nobody",)), {"articles": 0, "figures": 0, "statements": 0, "speakers": 0}),
    ],
)
def test_overview_totals_follow_filters(demo_con, filters, expected):
    assert totals(demo_con, filters) == expected


def test_overview_figures_by_category_most_first(demo_con):
    frame = figures_by_category(demo_con, Filters())
    assert frame.iloc[0].tolist() == ["killed", 2]


def test_overview_activity_over_time_by_period(demo_con):
    frame = activity_over_time(demo_con, Filters())
    assert frame.attrs["bucket"] == "week"
    assert frame["articles"].sum() == 3 and frame["statements"].sum() == 5
    # weeks start on Monday: 14 February 2024 is a Wednesday
    assert list(frame["period"].dt.date) == [date(2023, 10, 9), date(2023, 11, 20), date(2024, 2, 12)]


def test_overview_corpus_summary_for_captions(demo_con):
    from newstally.read.queries.overview import corpus_summary

    summary = corpus_summary(demo_con, n_sources=2)
    assert summary["articles"] == 4 and summary["n_sources"] == 3
    assert summary["sources"] == ["Al Jazeera", "=cmd|' /C calc'!A0"]
    assert str(summary["first"])[:10] == "2023-10-09" and str(summary["last"])[:10] == "2024-02-14"
