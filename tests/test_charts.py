"""newstally.charts: DataFrames in, plotly figures out, with customdata a click can filter by."""
from __future__ import annotations

import json
from datetime import date

import numpy as np
import pandas as pd
import plotly.graph_objects as go
import pytest

from newstally import charts


def _points(rows):
    columns = ["figure_id", "article_id", "text", "value", "low", "high", "qualifier", "unit", "category",
               "sentence", "speaker_id", "speaker", "source", "title", "published", "reported_by"]
    frame = pd.DataFrame(rows, columns=columns)
    frame["published"] = pd.to_datetime(frame["published"])
    return frame


POINTS = _points([
    ("a:f0", "a", "11,000", 11000, 11000, 11000, "exact", "people", "killed", "", "moh", "MoH", "R", "t", "2023-11-20",
     "MoH"),
    ("b:f0", "b", "more than 28,500", 28500, 28500, None, "more_than", "people", "killed", "", None, None, "AJ", "t",
     "2024-02-14", "AJ"),
    ("b:f1", "b", "5,000-7,000 rockets", 6000, 5000, 7000, "exact", "rockets", "projectiles", "", None, None, "AJ",
     "t", "2024-02-14", "AJ"),
])
REFERENCE = pd.DataFrame({"date": pd.to_datetime(["2023-11-20", "2024-02-14", "2026-01-01"]),
                          "series": ["killed_cum"] * 3, "value": [13000.0, 28500.0, 70000.0]})


@pytest.mark.parametrize("points, column, expected", [
    ([{"customdata": ["killed", "x"]}], 0, ["killed"]),
    ([{"customdata": ["killed", "x"]}, {"customdata": ["killed", "y"]}], 0, ["killed"]),
    ([{"customdata": ["killed", "x"]}, {"customdata": ["injured", "y"]}], 1, ["x", "y"]),
    ([{"customdata": "aid"}], 0, ["aid"]),
    ([{"x": 1}], 0, []),
    ([{"customdata": [None]}, {"customdata": [""]}], 0, []),
    (None, 0, []),
])
def test_charts_clicked_values(points, column, expected):
    assert charts.clicked_values(points, column) == expected


def test_charts_category_bars_carry_the_category():
    fig = charts.category_bars(pd.DataFrame({"category": ["killed", "aid"], "figures": [5, 2]}))
    bar = fig.data[0]
    assert isinstance(fig, go.Figure) and list(bar.y) == ["aid", "killed"]
    assert [row[0] for row in bar.customdata] == ["aid", "killed"]
    assert bar.marker.color[1] == charts.CATEGORY_COLORS["killed"]


def test_charts_speaker_bars_carry_the_speaker_id():
    fig = charts.speaker_bars(pd.DataFrame({"speaker_id": ["a", "b"], "speaker": ["A", "B"], "statements": [3, 1]}))
    assert [row[0] for row in fig.data[0].customdata] == ["b", "a"]  # largest on top


def test_charts_activity_timeline_gives_period_starts():
    frame = pd.DataFrame({"period": [date(2024, 2, 12)], "articles": [1], "statements": [4]})
    frame.attrs["bucket"] = "week"
    fig = charts.activity_timeline(frame)
    assert len(fig.data) == 2 and fig.data[0].customdata[0][0] == "2024-02-12"
    assert "per week" in fig.layout.title.text


def test_charts_figures_over_time_draws_ranges_and_reference():
    fig = charts.figures_over_time(POINTS, REFERENCE, {"killed_cum": "killed"})
    names = [trace.name for trace in fig.data]
    assert names == ["reference: killed_cum", "killed", "projectiles"]
    reference = fig.data[0]
    assert len(reference.x) == 2  # the 2026 value lies far beyond the reported figures
    projectiles = fig.data[2]
    assert list(projectiles.error_y.array) == [1000] and list(projectiles.error_y.arrayminus) == [1000]
    killed = fig.data[1]
    assert list(killed.error_y.array) == [0, 0]  # "more than": no upper end
    assert list(killed.marker.symbol) == ["circle", "triangle-up"]
    assert [row[1] for row in killed.customdata] == ["a:f0", "b:f0"]


def test_charts_figures_over_time_keeps_outliers_from_flattening_the_rest():
    rows = [(f"x:{i}", "x", "n", 100 + i, None, None, "exact", "people", "killed", "", None, None, "S", "t",
             "2024-01-01", "S") for i in range(60)]
    rows.append(("x:big", "x", "billions", 2e9, None, None, "exact", "people", "killed", "", None, None, "S", "t",
                 "2024-01-02", "S"))
    fig = charts.figures_over_time(_points(rows))
    assert fig.layout.yaxis.range[1] < 1000


@pytest.mark.parametrize("builder, args", [
    (charts.category_bars, ()), (charts.speaker_bars, ()), (charts.activity_timeline, ()),
    (charts.figures_over_time, ()), (charts.reporter_comparison, ("killed",)), (charts.speaker_timeline, ("X",)),
    (charts.co_quotation_matrix, ()),
])
def test_charts_empty_data_gives_a_message_not_an_error(builder, args):
    fig = builder(pd.DataFrame(), *args)
    assert fig.layout.annotations and "No" in fig.layout.annotations[0].text


def test_charts_reporter_comparison_maps_clicks_to_speaker_or_source():
    fig = charts.reporter_comparison(POINTS[POINTS["category"] == "killed"], "killed")
    assert [list(row[:2]) for row in fig.data[0].customdata] == [["speaker", "moh"], ["source", "AJ"]]


def test_charts_speaker_timeline_stacks_kinds():
    frame = pd.DataFrame({"period": [date(2024, 1, 1)] * 2, "kind": ["direct", "indirect"], "statements": [2, 1]})
    fig = charts.speaker_timeline(frame, "Maria Zakharova")
    assert {t.name for t in fig.data} == {"direct", "indirect"} and fig.layout.barmode == "stack"


def test_charts_co_quotation_matrix_leaves_out_the_diagonal_and_clicks_give_both_ids():
    matrix = pd.DataFrame([[2, 1], [1, 3]], index=["A", "B"], columns=["A", "B"])
    matrix.attrs["ids"] = {"A": "a", "B": "b"}
    fig = charts.co_quotation_matrix(matrix)
    assert list(zip(fig.data[0].y, fig.data[0].x)) == [("A", "B"), ("B", "A")]
    assert list(fig.data[0].marker.color) == [1, 1]
    assert [list(c) for c in fig.data[0].customdata] == [["a", "b"], ["b", "a"]]


@pytest.mark.parametrize("available, chosen, expected", [
    (["other", "killed", "money", "injured"], (), ["killed", "injured"]),
    (["other", "killed"], ("other",), ["other"]),
    (["money", "other"], (), ["money", "other"]),
    ([], (), []),
])
def test_charts_default_categories(available, chosen, expected):
    assert charts.default_categories(available, chosen) == expected


@pytest.mark.parametrize("category", ["killed", "unknown-category"])
def test_charts_category_color_is_hex(category):
    assert charts.category_color(category).startswith("#")


HOSTILE_NAME = "<a href='javascript:alert(1)'>click</a><script>x</script>"


@pytest.mark.parametrize("figure", [
    lambda: charts.speaker_bars(pd.DataFrame({"speaker_id": ["x"], "speaker": [HOSTILE_NAME], "statements": [1]})),
    lambda: charts.speaker_timeline(pd.DataFrame({"period": [date(2024, 1, 1)], "kind": ["direct"],
                                                  "statements": [1]}), HOSTILE_NAME),
    lambda: charts.reporter_comparison(POINTS.assign(reported_by=HOSTILE_NAME, title=HOSTILE_NAME), "killed"),
    lambda: charts.figures_over_time(POINTS.assign(reported_by=HOSTILE_NAME, title=HOSTILE_NAME, text=HOSTILE_NAME)),
])
def test_charts_names_from_articles_are_escaped(figure):
    def strings(node):
        if isinstance(node, str):
            yield node
        elif isinstance(node, dict):
            for value in node.values():
                yield from strings(value)
        elif isinstance(node, list):
            for value in node:
                yield from strings(value)

    texts = list(strings(json.loads(figure().to_json())))
    assert not [t for t in texts if "<a" in t or "<script" in t]
    assert any("&lt;a href=" in t for t in texts)
