"""Figures: every reported number, how they moved over time against a reference, who reported
what for the same category, and the table of them all."""
import streamlit as st

from components import chart, grids, reference_picker, sidebar
from components.data import load
from newstally.contract.vocabulary import COUNT
from newstally.read import charts
from newstally.read.measures import figure_measures, measure_label, measure_order
from newstally.read.queries.figures import differing_figures, figure_list, figure_points, figures_by_reporter
from newstally.read.queries.overview import figures_by_category
from newstally.read.reference import series_categories

st.title("Figures")
current = sidebar.current()
by_category = load(figures_by_category, current)
if by_category.empty:
    sidebar.stop_with_nothing_to_show(current, "figure", "figures")
available = list(by_category["category"])

# only the open tab is computed (and the tab is kept in the URL): each runs queries that take a
# while on a large store
over_time, comparison, table = st.tabs(["Over time", "Who reported what", "Table"], key="view",
                                       bind="query-params", on_change="rerun")

with over_time:
    if over_time.open:
        reference, reference_name = reference_picker.render(key="figures-reference")
        charted = st.multiselect("Categories to chart", available, key="chart-categories",
                                 default=charts.default_categories(available, current.categories))
        points, dated = load(figure_points, current, tuple(charted))
        if dated > len(points):
            st.caption(f"Drawing {len(points):,} of {dated:,} dated figures (an even sample of each category).")
        mapping = series_categories(reference) if len(reference) else {}
        plotted = charts.over_time_rows(points)
        chart.render(chart.built(charts.figures_over_time, plotted, reference, mapping), plotted,
                     "figures-" + "-".join(charted or ["none"]) + "-over-time", key="figures-over-time",
                     on_click=chart.filter_by("category"),
                     hint="Ranges are drawn from low to high; ▲ more than, ▼ less than, ◆ approximately. "
                          "Click a point to keep only its category; double-click the chart to see every point.")
        if note := charts.over_time_note(plotted):
            st.caption(note)
        st.subheader("Reported figures that differ from the reference")
        tolerance = st.slider("Differ by more than", 0, 100, 10, step=5, format="%d%%", key="tolerance",
                              help="A figure is listed when its value (or its range) is further than this share "
                                   "from the reference on its publication date.")
        if reference.empty:
            st.info("Turn on a reference series above to compare the reported figures with it.")
        else:
            listed, listed_total = load(differing_figures, current, reference, tolerance / 100)
            grids.render(listed, listed_total, ["published", "category", "place", "subgroup", "scope", "since",
                                                 "text", "value", "reference", "difference", "reported_by", "title"],
                          key="figures-differing", span="figure_id", what="differing figures",
                          empty=f"No reported figure differs from {reference_name} by more than {tolerance}%.")

with comparison:
    if comparison.open:
        categories = list(dict.fromkeys(charts.default_categories(available, current.categories,
                                                                  n=len(available)) + available))
        picked = st.selectbox("Category", categories, key="compare")
        by_reporter = load(figures_by_reporter, current, picked, 15)
        measures = figure_measures(by_reporter)
        offered = measure_order(measures)
        measure = st.radio("Measure", offered, horizontal=True, key="compare-measure", format_func=measure_label,
                           help="Counts, shares and amounts are never drawn on one axis.") \
            if len(offered) > 1 else (offered[0] if offered else COUNT)
        by_reporter = by_reporter[measures == measure]
        chart.render(chart.built(charts.reporter_comparison, by_reporter, picked, measure), by_reporter,
                     f"figures-{picked}-by-speaker-or-source", key="figures-by-reporter",
                     on_click=chart.filter_by_reporter(),
                     hint="Each row is a speaker or, when no speaker is known, the article's source. "
                          "Click a point to filter by it.")

with table:
    if table.open:
        figures, total = load(figure_list, current)
        grids.render(figures, total, ["published", "value", "low", "high", "qualifier", "unit", "category",
                                       "text", "reported_by", "title", "source", "article_id"],
                      key="figures-table", span="figure_id", what="figures")
