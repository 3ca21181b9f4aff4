"""newstally.read.charts: DataFrames in, plotly figures out, with customdata a click can filter by."""

from __future__ import annotations

from datetime import date

import pandas as pd
import plotly.graph_objects as go
import pytest
from hostile import HOSTILE_NAME, assert_markup_escaped

from newstally.contract.vocabulary import CATEGORY_COLORS
from newstally.read import chart_style, charts


@pytest.mark.parametrize(
    "points, column, expected",
    [
        ([{"customdata": ["killed", "x"]}], 0, ["killed"]),
        ([{"customdata": ["killed", "x"]}, {"customdata": ["killed", "y"]}], 0, ["killed"]),
        ([{"customdata": ["killed", "x"]}, {"customdata": ["injured", "y"]}], 1, ["x", "y"]),
        ([{"customdata": "aid"}], 0, ["aid"]),
        ([{"x": 1}], 0, []),
        ([{"customdata": [None]}, {"customdata": [""]}], 0, []),
        (None, 0, []),
    ],
)
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


def test_charts_speaker_timeline_stacks_kinds():
    frame = pd.DataFrame({"period": [date(2024, 1, 1)] * 2, "kind": ["direct", "indirect"], "statements": [2, 1]})
    fig = charts.speaker_timeline(frame, "Maria Zakharova")
    assert {t.name for t in fig.data} == {"direct", "indirect"} and fig.layout.barmode == "stack"


@pytest.mark.parametrize(
    "available, chosen, expected",
    [
        (["other", "killed", "money", "injured"], (), ["killed", "injured"]),
        (["other", "killed"], ("other",), ["other"]),
        (["money", "other"], (), ["money", "other"]),
        ([], (), []),
    ],
)
def test_charts_default_categories(available, chosen, expected):
    assert charts.default_categories(available, chosen) == expected


@pytest.mark.parametrize("category", ["killed", "unknown-category"])
def test_charts_category_color_is_hex(category):
    assert charts.category_color(category).startswith("#")


def _co_quoted(centre=("a",)):
    speakers = pd.DataFrame(
        {
            "speaker_id": ["a", "b", "c"],
            "name": ["A", "B", "C"],
            "articles": [5, 3, 2],
            "centre": [s in centre for s in "abc"],
            "with_centre": [0, 2, 1],
        }
    )
    pairs = pd.DataFrame({"a_id": ["a", "b", "a", "c"], "b_id": ["b", "a", "c", "a"], "articles": [2, 2, 1, 1]})
    return pairs, speakers


def test_charts_co_quotation_grid_centres_on_the_chosen_speaker():
    fig = charts.co_quotation_grid(*_co_quoted())
    heat, cells = fig.data
    assert list(heat.y) == ["<b>A</b>", "B", "C"] and list(heat.x) == list(heat.y)
    shown = [[None if pd.isna(v) else v for v in row] for row in heat.z]
    assert shown == [[None, 2, 1], [2, None, None], [1, None, None]]  # the diagonal is left out
    assert [list(c[:2]) for c in cells.customdata] == [["a", "b"], ["a", "c"], ["b", "a"], ["c", "a"]]
    assert list(cells.text) == ["2", "1", "2", "1"]


@pytest.mark.parametrize("top, dtick", [(1, 1), (6, 1), (40, None)])
def test_charts_co_quotation_grid_counts_whole_articles(top, dtick):
    pairs, speakers = _co_quoted()
    fig = charts.co_quotation_grid(pairs.assign(articles=[top, top, 1, 1]), speakers)
    heat = fig.data[0]
    assert heat.zmin == 0 and heat.zmax == top and heat.colorbar.dtick == dtick and heat.colorbar.tickformat == ",d"


def test_charts_co_quotation_grid_tiles_its_cells_at_any_size():
    fig = charts.co_quotation_grid(*_co_quoted())
    assert isinstance(fig.data[0], go.Heatmap) and fig.data[0].xgap == 2
    assert fig.layout.yaxis.scaleanchor == "x"  # square cells, whatever the width
    assert all(opacity == 0 for opacity in [fig.data[1].marker.opacity, fig.data[1].selected.marker.opacity])


def test_charts_co_quotation_grid_text_reads_on_every_shade():
    pairs, speakers = _co_quoted()
    fig = charts.co_quotation_grid(pairs.assign(articles=[40, 40, 1, 1]), speakers)
    for text_colour, count in zip(fig.data[1].textfont.color, fig.data[1].customdata):
        shade = chart_style.scale_color(chart_style.COUNT_SCALE, count[2] / 40)
        assert chart_style.contrast(text_colour, shade) >= 4.5


@pytest.mark.parametrize(
    "builder, args",
    [
        (charts.category_bars, ()),
        (charts.speaker_bars, ()),
        (charts.activity_timeline, ()),
        (charts.speaker_timeline, ("X",)),
        (charts.co_quotation_grid, (pd.DataFrame(),)),
    ],
)
def test_charts_empty_data_gives_a_message_not_an_error(builder, args):
    fig = builder(pd.DataFrame(), *args)
    assert fig.layout.annotations and "No" in fig.layout.annotations[0].text


@pytest.mark.parametrize(
    "figure",
    [
        lambda: charts.category_bars(pd.DataFrame({"category": ["killed"], "figures": [3]})),
        lambda: charts.activity_timeline(
            pd.DataFrame({"period": [date(2024, 1, 1)], "articles": [1], "statements": [2]})
        ),
        lambda: charts.co_quotation_grid(*_co_quoted()),
    ],
)
def test_charts_text_is_dark_on_white(figure):
    fig = figure()
    assert chart_style.contrast(fig.layout.font.color, "#ffffff") >= 4.5
    for axis in (fig.layout.xaxis, fig.layout.yaxis):
        assert chart_style.contrast(axis.tickfont.color, "#ffffff") >= 4.5


@pytest.mark.parametrize(
    "frame, dtick",
    [
        (pd.DataFrame({"category": ["killed"], "figures": [1]}), 1),
        (pd.DataFrame({"category": ["killed", "aid"], "figures": [3, 5]}), 1),
        (pd.DataFrame({"category": ["killed"], "figures": [4000]}), None),
    ],
)
def test_charts_count_axes_have_whole_number_ticks(frame, dtick):
    fig = charts.category_bars(frame)
    assert fig.layout.xaxis.dtick == dtick and fig.layout.xaxis.range[0] == 0


@pytest.mark.parametrize(
    "figure",
    [
        lambda: charts.speaker_bars(pd.DataFrame({"speaker_id": ["x"], "speaker": [HOSTILE_NAME], "statements": [1]})),
        lambda: charts.speaker_timeline(
            pd.DataFrame({"period": [date(2024, 1, 1)], "kind": ["direct"], "statements": [1]}), HOSTILE_NAME
        ),
        lambda: charts.co_quotation_grid(_co_quoted()[0], _co_quoted()[1].assign(name=HOSTILE_NAME)),
    ],
)
def test_charts_names_from_articles_are_escaped(figure):
    assert_markup_escaped(figure())
