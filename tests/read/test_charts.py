"""newstally.read.charts: DataFrames in, plotly figures out, with customdata a click can filter by."""
from __future__ import annotations

import json
from datetime import date

import pandas as pd
import plotly.graph_objects as go
import pytest

from newstally.contract.vocabulary import CATEGORY_COLORS
from newstally.read import charts


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
    assert bar.marker.color[1] == CATEGORY_COLORS["killed"]


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


def _displaced(units):
    """Figures of "displaced", one per unit in ``units``: counts in millions, shares below 100."""
    values = {"people": 1_900_000, "families": 20_000, "percent": 85, "USD": 5_000_000}
    return _points([(f"d:f{i}", "d", f"{values[unit]:,} {unit}", values[unit], values[unit], values[unit], "exact",
                     unit, "displaced", "", None, None, "AJ", "t", f"2024-01-{i + 1:02d}", "AJ")
                    for i, unit in enumerate(units)])


def test_charts_figures_over_time_never_puts_percentages_on_the_counts_axis():
    fig = charts.figures_over_time(_displaced(["people", "percent", "families", "people"]))
    counts, shares = fig.data
    assert counts.name == "displaced" and list(counts.y) == [1_900_000, 20_000, 1_900_000]
    assert shares.name == "displaced (%)" and list(shares.y) == [85]
    assert counts.yaxis != shares.yaxis
    share_axis = fig.layout[shares.yaxis.replace("y", "yaxis")]
    assert share_axis.ticksuffix == "%" and share_axis.title.text == "percent" and share_axis.range[1] == 100
    assert fig.layout[counts.yaxis.replace("y", "yaxis")].range[1] > 1_900_000
    titles = [a.text for a in fig.layout.annotations]
    assert titles == ["displaced: counts", "displaced: percentages"]
    assert "%" in shares.hovertemplate
    assert [row[0] for row in shares.customdata] == ["displaced"]  # a click still filters by the category
    assert charts.clicked_values([{"customdata": list(shares.customdata[0])}]) == ["displaced"]


def test_charts_figures_over_time_keeps_the_reference_on_the_counts_axis():
    points = pd.concat([POINTS, _displaced(["percent"]).assign(category="killed")], ignore_index=True)
    fig = charts.figures_over_time(points, REFERENCE, {"killed_cum": "killed"})
    axes = {trace.name: trace.yaxis for trace in fig.data}
    assert list(axes) == ["reference: killed_cum", "killed", "killed (%)", "projectiles"]
    assert axes["reference: killed_cum"] == axes["killed"] != axes["killed (%)"]


def test_charts_figures_over_time_gives_each_currency_its_own_axis():
    money = _displaced(["USD", "USD", "USD"]).assign(category="money")
    money.loc[1, "unit"] = "EUR"  # the more frequent currency comes first
    fig = charts.figures_over_time(money)
    assert [t.name for t in fig.data] == ["money (USD)", "money (EUR)"] and fig.data[0].yaxis != fig.data[1].yaxis
    assert fig.layout.yaxis.title.text == "USD"


def test_charts_over_time_rows_are_the_plotted_rows_with_their_measure():
    points = pd.concat([_displaced(["people", "percent"]), POINTS], ignore_index=True)
    plotted = charts.over_time_rows(points, max_panels=2)  # killed counts, then displaced counts
    assert set(zip(plotted["category"], plotted["measure"])) == {("killed", "count"), ("displaced", "count")}
    fig = charts.figures_over_time(plotted)
    assert sum(len(t.y) for t in fig.data) == len(plotted)
    assert plotted.attrs["left_out"] == [("displaced", "percent", 1), ("projectiles", "count", 1)]
    note = charts.over_time_note(plotted)
    assert "Not drawn" in note and "displaced (1 percentage)" in note


@pytest.mark.parametrize("units, expected", [
    (["people", "people"], ""),
    (["people", "percent", "percent"], "displaced: 1 count, 2 percentages"),
])
def test_charts_over_time_note_counts_each_measure(units, expected):
    note = charts.over_time_note(charts.over_time_rows(_displaced(units)))
    assert (expected in note) if expected else note == ""


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


@pytest.mark.parametrize("measure, suffix, axis, hover", [
    ("count", "", "killed", "%{x:,.0f}"),
    ("percent", "%", "killed (percentages)", "%{x:,.2~f}%"),
    ("USD", "", "killed (USD)", "%{x:,.2~f} USD"),
])
def test_charts_reporter_comparison_names_its_measure(measure, suffix, axis, hover):
    fig = charts.reporter_comparison(POINTS[POINTS["category"] == "killed"], "killed", measure)
    assert (fig.layout.xaxis.ticksuffix or "") == suffix
    assert fig.layout.xaxis.title.text == axis and hover in fig.data[0].hovertemplate


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
