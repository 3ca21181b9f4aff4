"""newstally.read.figure_charts: figures over time against a reference, and who reported what."""

from __future__ import annotations

import pandas as pd
import pytest
from hostile import HOSTILE_NAME, assert_markup_escaped

from newstally.read import chart_style, figure_charts, figure_downloads, reporter_chart

COLUMNS = [
    "figure_id",
    "article_id",
    "text",
    "value",
    "low",
    "high",
    "qualifier",
    "unit",
    "category",
    "sentence",
    "speaker_id",
    "speaker",
    "source",
    "title",
    "published",
    "reported_by",
]


def _points(rows):
    frame = pd.DataFrame(rows, columns=COLUMNS)
    frame["published"] = pd.to_datetime(frame["published"])
    return frame


POINTS = _points(
    [
        (
            "a:f0",
            "a",
            "11,000",
            11000,
            11000,
            11000,
            "exact",
            "people",
            "killed",
            "",
            "moh",
            "MoH",
            "R",
            "t",
            "2023-11-20",
            "MoH",
        ),
        (
            "b:f0",
            "b",
            "more than 28,500",
            28500,
            28500,
            None,
            "more_than",
            "people",
            "killed",
            "",
            None,
            None,
            "AJ",
            "t",
            "2024-02-14",
            "AJ",
        ),
        (
            "b:f1",
            "b",
            "5,000-7,000 rockets",
            6000,
            5000,
            7000,
            "exact",
            "rockets",
            "projectiles",
            "",
            None,
            None,
            "AJ",
            "t",
            "2024-02-14",
            "AJ",
        ),
    ]
)
REFERENCE = pd.DataFrame(
    {
        "date": pd.to_datetime(["2023-11-20", "2024-02-14", "2026-01-01"]),
        "series": ["killed_cum"] * 3,
        "value": [13000.0, 28500.0, 70000.0],
    }
)
MAPPING = {"killed_cum": "killed"}


def _displaced(units):
    """Figures of "displaced", one per unit in ``units``: counts in millions, shares below 100."""
    values = {"people": 1_900_000, "families": 20_000, "percent": 85, "USD": 5_000_000}
    return _points(
        [
            (
                f"d:f{i}",
                "d",
                f"{values[unit]:,} {unit}",
                values[unit],
                values[unit],
                values[unit],
                "exact",
                unit,
                "displaced",
                "",
                None,
                None,
                "AJ",
                "t",
                f"2024-01-{i + 1:02d}",
                "AJ",
            )
            for i, unit in enumerate(units)
        ]
    )


def _many(values, category="killed", unit="people"):
    return _points(
        [
            (
                f"x:{i}",
                "x",
                str(v),
                v,
                None,
                None,
                "exact",
                unit,
                category,
                "",
                None,
                None,
                "S",
                "t",
                f"2024-01-{1 + i % 28:02d}",
                "S",
            )
            for i, v in enumerate(values)
        ]
    )


def test_figure_charts_over_time_draws_ranges_and_a_named_reference():
    fig = figure_charts.figures_over_time(POINTS, REFERENCE, MAPPING, reference_name="Gaza Ministry of Health")
    names = [trace.name for trace in fig.data]
    assert names == ["Gaza Ministry of Health: killed, cumulative", "killed", "projectiles"]
    reference = fig.data[0]
    assert len(reference.x) == 2  # the 2026 value lies far beyond the reported figures
    assert reference.line.dash == chart_style.REFERENCE_DASH
    projectiles = fig.data[2]
    assert list(projectiles.error_y.array) == [1000] and list(projectiles.error_y.arrayminus) == [1000]
    killed = fig.data[1]
    assert killed.error_y.visible is False  # no range among them ("more than" has no upper end): no bars
    assert list(killed.marker.symbol) == ["circle", "triangle-up"]
    assert [row[1] for row in killed.customdata] == ["a:f0", "b:f0"]


def test_figure_charts_each_series_has_its_own_colour_and_marker():
    points = pd.concat([POINTS, _displaced(["percent"]).assign(category="killed")], ignore_index=True)
    fig = figure_charts.figures_over_time(points, REFERENCE, MAPPING)
    series = {t.name: t for t in fig.data if t.mode == "markers"}
    assert set(series) == {"killed", "killed (%)", "projectiles"}
    colours = [t.marker.color for t in series.values()]
    assert len(set(colours)) == 3 and all(c in chart_style.SERIES_COLORS for c in colours)
    assert all(not s.endswith("-open") for s in series["killed"].marker.symbol)
    assert all(s.endswith("-open") for s in series["killed (%)"].marker.symbol)
    assert all(chart_style.contrast(c, "#ffffff") >= 3 for c in colours)


def test_figure_charts_reference_keeps_to_the_counts_axis():
    points = pd.concat([POINTS, _displaced(["percent"]).assign(category="killed")], ignore_index=True)
    fig = figure_charts.figures_over_time(points, REFERENCE, MAPPING)
    axes = {trace.name: trace.yaxis for trace in fig.data}
    assert list(axes) == ["reference: killed, cumulative", "killed", "killed (%)", "projectiles"]
    assert axes["reference: killed, cumulative"] == axes["killed"] != axes["killed (%)"]


def test_figure_charts_axis_fits_the_reference_not_a_misread_million():
    """The issue's view: the bulk in the tens of thousands, a few misread millions, the reference
    at 34,000: the axis must reach the reference and leave the millions above it."""
    values = [20, 100, 1_139, 5_000, 12_000, 20_000, 30_000, 33_000] * 20 + [200_000, 2_300_000, 2e9]
    reference = pd.DataFrame(
        {
            "date": pd.to_datetime(["2024-01-01", "2024-01-28"]),
            "series": ["killed_cum"] * 2,
            "value": [22_000.0, 34_000.0],
        }
    )
    fig = figure_charts.figures_over_time(_many(values), reference, MAPPING)
    top = fig.layout.yaxis.range[1]
    assert 34_000 <= top <= 60_000
    assert fig.layout.yaxis.tickformat == ",~r"


def test_figure_charts_axis_spread_of_all_the_figures_wins_over_the_sample():
    sample = _many([10, 20, 30])
    spread = pd.DataFrame(
        [
            {
                "category": "killed",
                "measure": "count",
                "figures": 900,
                "median": 20,
                "p95": 800,
                "smallest_positive": 1,
                "largest": 5_000,
                "bulk": 900,
            }
        ]
    )
    fig = figure_charts.figures_over_time(sample, spread=spread)
    assert fig.layout.yaxis.range[1] >= 900


@pytest.mark.parametrize("values, dtick", [([0.2, 1, 1], 1), ([3, 5, 2], 1), ([8, 9], 2), ([0, 120], None)])
def test_figure_charts_small_counts_get_whole_number_ticks(values, dtick):
    fig = figure_charts.figures_over_time(_many(values))
    assert fig.layout.yaxis.dtick == dtick


def test_figure_charts_log_scale_shows_every_figure():
    fig = figure_charts.figures_over_time(_many([1, 10, 100, 2e9]), log=True)
    axis = fig.layout.yaxis
    assert axis.type == "log" and 10 ** axis.range[1] >= 2e9 and 10 ** axis.range[0] <= 1
    assert "1bn" in axis.ticktext and "(log scale)" in axis.title.text


def test_figure_charts_percentages_on_their_own_axis():
    fig = figure_charts.figures_over_time(_displaced(["people", "percent", "families", "people"]))
    counts, shares = fig.data
    assert counts.name == "displaced" and list(counts.y) == [1_900_000, 20_000, 1_900_000]
    assert shares.name == "displaced (%)" and list(shares.y) == [85]
    share_axis = fig.layout[shares.yaxis.replace("y", "yaxis")]
    assert share_axis.ticksuffix == "%" and share_axis.title.text == "percent" and share_axis.range[1] == 100
    assert fig.layout[counts.yaxis.replace("y", "yaxis")].range[1] > 1_900_000
    assert [a.text for a in fig.layout.annotations] == ["displaced: counts", "displaced: percentages"]
    assert [row[0] for row in shares.customdata] == ["displaced"]  # a click still filters by the category


def test_figure_charts_each_currency_has_its_own_axis():
    money = _displaced(["USD", "USD", "USD"]).assign(category="money")
    money.loc[1, "unit"] = "EUR"  # the more frequent currency comes first
    fig = figure_charts.figures_over_time(money)
    assert [t.name for t in fig.data] == ["money (USD)", "money (EUR)"] and fig.data[0].yaxis != fig.data[1].yaxis
    assert fig.layout.yaxis.title.text == "USD"


def test_figure_charts_over_time_rows_are_the_plotted_rows_with_their_measure():
    points = pd.concat([_displaced(["people", "percent"]), POINTS], ignore_index=True)
    plotted = figure_charts.over_time_rows(points, max_panels=2)  # killed counts, then displaced counts
    assert set(zip(plotted["category"], plotted["measure"])) == {("killed", "count"), ("displaced", "count")}
    fig = figure_charts.figures_over_time(plotted)
    assert sum(len(t.y) for t in fig.data) == len(plotted)
    assert plotted.attrs["left_out"] == [("displaced", "percent", 1), ("projectiles", "count", 1)]
    note = figure_charts.over_time_note(plotted)
    assert "Not drawn" in note and "displaced (1 percentage)" in note


def test_figure_charts_download_holds_every_figure_and_the_reference():
    rows = figure_downloads.over_time_download(figure_charts.over_time_rows(POINTS), REFERENCE, MAPPING, "MoH")
    figures, reference = rows[rows["record"] == "figure"], rows[rows["record"] == "reference"]
    assert len(figures) == 3 and list(reference["value"]) == [13000.0, 28500.0]
    assert set(reference["series"]) == {"MoH: killed, cumulative"} and set(reference["category"]) == {"killed"}
    assert list(rows.columns[:6]) == ["record", "date", "category", "measure", "series", "value"]


@pytest.mark.parametrize(
    "tops, expected",
    [
        ({}, 33_000),
        ({"killed": 34_000}, 34_000),
        ({"killed": 10_000}, 15_000),
    ],
)
def test_figure_charts_axis_tops(tops, expected):
    spread = pd.DataFrame(
        [
            {
                "category": "killed",
                "measure": "count",
                "figures": 100,
                "median": 1000,
                "p95": 30_000,
                "smallest_positive": 1,
                "largest": 2e9,
                "bulk": 33_000,
            },
            {
                "category": "killed",
                "measure": "percent",
                "figures": 5,
                "median": 50,
                "p95": 90,
                "smallest_positive": 1,
                "largest": 93,
                "bulk": 93,
            },
        ]
    )
    axis = figure_charts.axis_tops(spread, tops)
    assert expected <= axis["killed", "count"] <= expected * 1.1
    assert axis["killed", "percent"] == 100


# --- who reported what ---------------------------------------------------------------------------


def _reporters(rows):
    return pd.DataFrame(
        rows,
        columns=[
            "reported_by",
            "reporter_type",
            "reporter_id",
            "figures",
            "lowest",
            "median",
            "highest",
            "first",
            "last",
        ],
    )


REPORTERS = _reporters(
    [
        ("Al Jazeera English", "source", "Al Jazeera English", 5524, 0, 80, 2e9, None, None),
        ("MoH", "speaker", "moh", 108, 1, 260, 33_137, None, None),
    ]
)
REPORTED = POINTS[POINTS["category"] == "killed"].assign(
    reporter_type=["speaker", "source"],
    reporter_id=["moh", "Al Jazeera English"],
    reported_by=["MoH", "Al Jazeera English"],
)


def test_figure_charts_every_reporter_gets_a_row_however_many_figures_the_first_gave():
    fig = reporter_chart.reporter_comparison(REPORTED, REPORTERS, "killed")
    assert list(fig.layout.yaxis.categoryarray) == ["MoH (108)", "Al Jazeera English (5,524)"]
    spans, medians, points = fig.data
    assert list(medians.x) == [80, 260]
    assert [list(row[:2]) for row in points.customdata] == [["speaker", "moh"], ["source", "Al Jazeera English"]]


def test_figure_charts_reporter_axis_spans_every_figure():
    fig = reporter_chart.reporter_comparison(REPORTED, REPORTERS, "killed")
    axis = fig.layout.xaxis
    assert axis.type == "log" and 10 ** axis.range[1] >= 2e9 and 10 ** axis.range[0] <= 1
    narrow = REPORTERS.assign(lowest=[10, 20], highest=[900, 1000])
    linear = reporter_chart.reporter_comparison(REPORTED, narrow, "killed").layout.xaxis
    assert linear.type != "log" and linear.range[0] == 0 and linear.range[1] >= 1000


@pytest.mark.parametrize(
    "measure, suffix, axis, hover",
    [
        ("count", "", "killed (log scale)", "%{x:,.0f}"),
        ("percent", "%", "killed (percentages)", "%{x:,.2~f}%"),
        ("USD", "", "killed (USD) (log scale)", "%{x:,.2~f} USD"),
    ],
)
def test_figure_charts_reporter_comparison_names_its_measure(measure, suffix, axis, hover):
    fig = reporter_chart.reporter_comparison(REPORTED, REPORTERS, "killed", measure)
    assert (fig.layout.xaxis.ticksuffix or "") == suffix
    assert fig.layout.xaxis.title.text == axis and hover in fig.data[2].hovertemplate


@pytest.mark.parametrize(
    "builder, args",
    [
        (figure_charts.figures_over_time, ()),
        (reporter_chart.reporter_comparison, (pd.DataFrame(), "killed")),
    ],
)
def test_figure_charts_empty_data_gives_a_message_not_an_error(builder, args):
    fig = builder(pd.DataFrame(), *args)
    assert fig.layout.annotations and "No" in fig.layout.annotations[0].text


@pytest.mark.parametrize(
    "figure",
    [
        lambda: reporter_chart.reporter_comparison(
            REPORTED.assign(reported_by=HOSTILE_NAME), REPORTERS.assign(reported_by=HOSTILE_NAME), "killed"
        ),
        lambda: figure_charts.figures_over_time(
            POINTS.assign(reported_by=HOSTILE_NAME, title=HOSTILE_NAME, text=HOSTILE_NAME),
            REFERENCE,
            MAPPING,
            reference_name=HOSTILE_NAME,
        ),
    ],
)
def test_figure_charts_names_from_articles_are_escaped(figure):
    assert_markup_escaped(figure())


def test_figure_charts_reporter_lines_start_on_a_log_axis_even_from_zero():
    fig = reporter_chart.reporter_comparison(REPORTED, REPORTERS, "killed")
    spans = fig.data[0]
    assert min(x for x in spans.x if x is not None) == 1  # Al Jazeera English's 0 starts at the axis' left end
