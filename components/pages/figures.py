"""Figures: every reported number, how they moved over time against a reference, who reported
what for the same category, and the table of them all."""

from dataclasses import replace

import pandas as pd
import streamlit as st

from components import chart, grids, reference_picker, sidebar
from components.data import fetch, load
from newstally.contract.vocabulary import COUNT
from newstally.read import chart_text, charts, figure_charts, figure_downloads, reporter_chart
from newstally.read.measures import measure_label, measure_order
from newstally.read.queries import figures as queries
from newstally.read.queries.overview import figures_by_category
from newstally.read.reference import comparable_series, series_categories

REPORTERS = 15  # rows of "who reported what"
PER_REPORTER = 60  # points drawn per row (an even sample); the line and median use every figure

st.title("Figures")
current = sidebar.current()
by_category = load(figures_by_category, current)
if by_category.empty:
    sidebar.stop_with_nothing_to_show(current, "figure", "figures")
available = list(by_category["category"])

# only the open tab is computed (and the tab is kept in the URL): each runs queries that take a
# while on a large store
over_time, comparison, table = st.tabs(
    ["Over time", "Who reported what", "Table"], key="view", bind="query-params", on_change="rerun"
)

with over_time:
    if over_time.open:
        reference, reference_name, reference_short = reference_picker.render(key="figures-reference")
        left, right = st.columns([4, 1])
        charted = left.multiselect(
            "Categories to chart",
            available,
            key="chart-categories",
            default=charts.default_categories(available, current.categories),
        )
        scale = right.radio(
            "Scale",
            ["linear", "log"],
            horizontal=True,
            key="over-time-scale",
            help="A log scale shows every figure, from a handful to millions, on one axis.",
        )
        drawn = current
        if len(reference) and st.toggle(
            "Only figures comparable with the reference",
            value=True,
            key="comparable-only",
            help="Of the reference's category and place, counting everyone (no subgroup such as children), "
            "as a running total since the series' start: a local or partial toll says nothing against it.",
        ):
            drawn = replace(current, comparable_with=comparable_series(reference))
        points, dated = load(queries.figure_points, drawn, tuple(charted))
        if drawn is not current and not dated:
            # a corpus of another place or war: the reference counts none of its figures
            st.caption(f"No figure here is comparable with {reference_name}: every figure is drawn.")
            drawn = current
            points, dated = load(queries.figure_points, drawn, tuple(charted))
        sample = (
            f"an even sample of {len(points):,} of the {dated:,} dated figures (within each category and measure)"
            if dated > len(points)
            else ""
        )
        mapping = series_categories(reference) if len(reference) else {}
        plotted = figure_charts.over_time_rows(points)
        # the axes fit every figure of the selection, not only those drawn
        spread = load(queries.figure_spread, drawn, tuple(charted))
        dates = pd.to_datetime(plotted["published"]) if len(plotted) else pd.Series(dtype="datetime64[ns]")
        tops = figure_charts.reference_tops(reference, mapping, dates, charted)
        log = scale == "log"
        axis = figure_charts.axis_tops(spread, tops)
        above = (
            load(queries.figures_above, drawn, tuple((c, m, t) for (c, m), t in axis.items()))
            if not log
            else spread.iloc[0:0]
        )
        if sample:
            st.caption(f"Drawing {sample}; the axes and the CSV take in all of them.")
        chosen = tuple(charted)
        short = reference_short or "reference"
        chart.render(
            chart.built(
                figure_charts.figures_over_time,
                plotted,
                reference,
                mapping,
                reference_name=short,
                log=log,
                spread=spread,
            ),
            lambda: figure_downloads.over_time_download(
                fetch(queries.figure_points, drawn, chosen, None)[0], reference, mapping, short
            ),
            "figures-" + "-".join(charted or ["none"]) + "-over-time",
            key="figures-over-time",
            on_click=chart.filter_by("category"),
            summary=chart_text.over_time(plotted, dated, spread, tops, above, short),
            filters=replace(drawn, categories=chosen),
            notes=[f"Points: {sample}." if sample else "", f"Reference: {reference_name}." if tops else ""],
            hint="Ranges are drawn from low to high; ▲ more than, ▼ less than, ◆ approximately; hollow "
            "markers are percentages or amounts. Click a point to keep only its category; "
            "double-click the chart to see every point.",
        )
        for row in above.to_dict("records"):
            many = "s" if row["figures"] != 1 else ""
            st.caption(
                f"Above the axis of {figure_charts.series_name(row['category'], row['measure'])}: "
                f"{row['figures']:,} figure{many}, the largest {row['largest']:,.0f} "
                f"(“{grids.plain(row['text'])}”). Choose the log scale to see them."
            )
        if note := figure_charts.over_time_note(plotted):
            st.caption(note)
        st.subheader("Reported figures that differ from the reference")
        tolerance = st.slider(
            "Differ by more than",
            0,
            100,
            10,
            step=5,
            format="%d%%",
            key="tolerance",
            help="A figure is listed when its value (or its range) is further than this share "
            "from the reference on its publication date.",
        )
        if reference.empty:
            st.info("Turn on a reference series above to compare the reported figures with it.")
        else:
            grids.paged(
                queries.differing_figures,
                current,
                reference,
                tolerance / 100,
                columns=[
                    "published",
                    "category",
                    "place",
                    "subgroup",
                    "scope",
                    "since",
                    "text",
                    "value",
                    "reference",
                    "difference",
                    "reported_by",
                    "title",
                ],
                key="figures-differing",
                span="figure_id",
                what="differing figures",
                back="figures",
                name="figures-differing-from-the-reference",
                empty=f"No reported figure differs from {reference_name} by more than {tolerance}%.",
            )

with comparison:
    if comparison.open:
        categories = list(
            dict.fromkeys(charts.default_categories(available, current.categories, n=len(available)) + available)
        )
        picked = st.selectbox("Category", categories, key="compare")
        measures = load(queries.reporter_measures, current, picked)
        offered = measure_order(pd.Series(list(measures), dtype=object))
        measure = (
            st.radio(
                "Measure",
                offered,
                horizontal=True,
                key="compare-measure",
                format_func=measure_label,
                help="Counts, shares and amounts are never drawn on one axis.",
            )
            if len(offered) > 1
            else (offered[0] if offered else COUNT)
        )
        points, reporters = load(queries.figures_by_reporter, current, picked, measure, REPORTERS, PER_REPORTER)
        in_all = int(measures.get(measure, 0))
        st.caption(
            f"The {len(reporters):,} speakers or sources that gave most of the {in_all:,} {picked} "
            f"{measure_label(measure)}, one row each (with how many they gave). The grey line spans all their "
            f"figures and the black bar marks their median; up to {PER_REPORTER} of each row's figures are "
            f"drawn as points, an even sample. The CSV holds every figure of these rows."
        )
        chart.render(
            chart.built(reporter_chart.reporter_comparison, points, reporters, picked, measure),
            lambda: fetch(queries.figures_by_reporter, current, picked, measure, REPORTERS, None)[0],
            f"figures-{picked}-by-speaker-or-source",
            key="figures-by-reporter",
            on_click=chart.filter_by_reporter(),
            summary=chart_text.reporters(reporters, picked, measure),
            filters=replace(current, categories=(picked,)),
            notes=[
                f"Points: up to {PER_REPORTER} figures of each speaker or source (an even sample); "
                f"lines and medians use all of them."
            ],
            hint="Each row is a speaker or, when no speaker is known, the article's source. "
            "Click a point to filter by it.",
        )

with table:
    if table.open:
        grids.paged(
            queries.figure_list,
            current,
            columns=[
                "published",
                "value",
                "low",
                "high",
                "qualifier",
                "unit",
                "category",
                "text",
                "reported_by",
                "title",
                "source",
            ],
            key="figures-table",
            span="figure_id",
            what="figures",
            back="figures?view=Table",
            name="figures",
        )
