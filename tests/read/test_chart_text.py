"""newstally.read.chart_text: each chart in one line, its text alternative."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from newstally.read import chart_text


def test_chart_text_category_bars_names_the_largest():
    frame = pd.DataFrame({"category": ["aid", "killed", "injured", "other"], "figures": [2, 50, 10, 1]})
    assert chart_text.category_bars(frame) == (
        "63 figures in 4 categories; most: killed (50), injured (10), aid (2) and 1 more."
    )


def test_chart_text_activity_says_the_span_and_the_busiest_period():
    frame = pd.DataFrame(
        {"period": pd.to_datetime(["2024-01-01", "2024-01-08"]), "articles": [3, 9], "statements": [10, 4]}
    )
    frame.attrs["bucket"] = "week"
    assert chart_text.activity(frame) == (
        "12 articles and 14 statements per week from 2024-01-01 to 2024-01-08; "
        "most articles (9) in the week of 2024-01-08."
    )


def test_chart_text_speaker_timeline_counts_kinds():
    frame = pd.DataFrame({"period": [date(2024, 1, 1)] * 2, "kind": ["direct", "indirect"], "statements": [2, 1]})
    text = chart_text.speaker_timeline(frame, "A. Speaker")
    assert text.startswith("3 statements by A. Speaker (2 direct, 1 indirect)")


def test_chart_text_over_time_speaks_of_all_the_figures_not_the_sample():
    plotted = pd.DataFrame(
        {
            "category": ["killed"] * 2,
            "measure": ["count"] * 2,
            "value": [10.0, 30.0],
            "published": pd.to_datetime(["2024-01-01", "2024-02-01"]),
        }
    )
    spread = pd.DataFrame([{"category": "killed", "measure": "count", "figures": 900, "median": 1139.0}])
    above = pd.DataFrame([{"category": "killed", "measure": "count", "figures": 12, "largest": 2e9}])
    text = chart_text.over_time(plotted, 900, spread, {"killed": 34_568.0}, above, "Gaza Ministry of Health")
    assert text.startswith(
        "2 of 900 dated figures drawn. killed: 900 figures from 2024-01-01 to 2024-02-01, median 1,139."
    )
    assert "Gaza Ministry of Health for killed reaches 34,568." in text
    assert "Above the axis: 12 figures, the largest 2,000,000,000" in text


def test_chart_text_co_quotation_names_the_chosen_and_their_company():
    speakers = pd.DataFrame(
        {
            "speaker_id": ["a", "b"],
            "name": ["A", "B"],
            "articles": [5, 3],
            "centre": [True, False],
            "with_centre": [0, 2],
        }
    )
    expected = "Quoted in the same articles as A most often: B (2 articles)."
    assert chart_text.co_quotation(pd.DataFrame(), speakers) == expected


@pytest.mark.parametrize(
    "summary",
    [
        lambda: chart_text.category_bars(pd.DataFrame()),
        lambda: chart_text.speaker_bars(pd.DataFrame()),
        lambda: chart_text.activity(pd.DataFrame()),
        lambda: chart_text.reporters(pd.DataFrame(), "killed", "count"),
        lambda: chart_text.co_quotation(pd.DataFrame(), pd.DataFrame()),
    ],
)
def test_chart_text_empty_charts_say_so(summary):
    assert summary().startswith("No ")
