"""newstally.read.chart_style: readable text, told-apart colours, whole-number ticks, captions."""

from __future__ import annotations

import plotly.graph_objects as go
import pytest

from newstally.read import chart_style


@pytest.mark.parametrize(
    "one, other, expected", [("#ffffff", "#000000", 21.0), ("#777777", "#ffffff", 4.48), ("#31333f", "#ffffff", 12.53)]
)
def test_chart_style_contrast(one, other, expected):
    assert chart_style.contrast(one, other) == pytest.approx(expected, abs=0.05)


def test_chart_style_text_and_series_colours_read_on_white():
    assert chart_style.contrast(chart_style.TEXT, "#ffffff") >= 4.5
    assert chart_style.contrast(chart_style.MUTED_TEXT, "#ffffff") >= 4.5
    assert len(set(chart_style.SERIES_COLORS)) == len(chart_style.SERIES_COLORS)
    assert all(chart_style.contrast(c, "#ffffff") >= 3 for c in chart_style.SERIES_COLORS)


@pytest.mark.parametrize("top, dtick", [(0.5, 1), (1, 1), (6, 1), (9, 2), (11, None), (50_000, None)])
def test_chart_style_count_ticks_are_whole_numbers(top, dtick):
    assert chart_style.count_ticks(top).get("dtick") == dtick


@pytest.mark.parametrize("value, expected", [(0, 1.0), (1, 1.1), (34_000, 37_000), (97, 110), (2e9, 2.2e9)])
def test_chart_style_nice_top_is_a_little_above(value, expected):
    assert chart_style.nice_top(value) == pytest.approx(expected)


@pytest.mark.parametrize("value, text", [(1, "1"), (500, "500"), (1_000, "1k"), (2_500_000, "2.5M"), (1e9, "1bn")])
def test_chart_style_short_numbers(value, text):
    assert chart_style.short_number(value) == text


def test_chart_style_log_axis_reaches_both_ends():
    axis = chart_style.log_axis(0.5, 2e9)
    assert axis["type"] == "log" and 10 ** axis["range"][0] < 0.5 and 10 ** axis["range"][1] > 2e9
    assert axis["ticktext"][0] == "0.1" and axis["ticktext"][-1] == "10bn"


def test_chart_style_caption_goes_under_the_plot_escaped():
    fig = go.Figure(go.Bar(x=[1], y=[2]))
    fig.update_layout(height=400)
    lines = [
        "Source: store.duckdb: 2 articles from <b>Reuters</b>",
        "Filters: none",
        "Made with newstally on 2024-05-01",
    ]
    captioned = chart_style.with_caption(fig, lines)
    note = captioned.layout.annotations[-1]
    assert note.yref == "paper" and note.y == 0 and note.yanchor == "top" and note.yshift < 0
    assert "&lt;b&gt;Reuters&lt;/b&gt;" in note.text and note.text.count("<br>") == 2
    assert captioned.layout.height > 400 and captioned.layout.margin.b >= 58 + 3 * chart_style.CAPTION_LINE_PX
    assert not fig.layout.annotations  # the page's figure is left as it was
    assert chart_style.with_caption(fig, []) is fig


@pytest.mark.parametrize("share, expected", [(0, "#eef4fb"), (1, "#6baed6"), (0.5, "#a9cde8")])
def test_chart_style_scale_color(share, expected):
    assert chart_style.scale_color(chart_style.COUNT_SCALE, share) == expected
