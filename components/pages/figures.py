"""Figures: every reported number, how they moved over time against a reference, and who
reported what for the same category."""
import streamlit as st

from components import chart, filters, reference_picker, tables
from components.data import differing, load
from newstally import charts
from newstally.reference import series_categories

st.title("Figures")
current = filters.current()
figures, total = load("figures_table", current)
if total == 0:
    st.info("No figure matches these filters. Loosen them in the sidebar, or press “Reset filters”."
            if not current.is_empty() else "The store has no figures yet: add articles on the Corpus page.")
    st.stop()

available = list(load("figures_by_category", current)["category"])
over_time, comparison, table = st.tabs(["Over time", "Who reported what", "Table"])

with over_time:
    reference, reference_name = reference_picker.render(key="figures-reference")
    charted = st.multiselect("Categories to chart", available, key="chart-categories",
                             default=charts.default_categories(available, current.categories))
    points, dated = load("figure_points", current, tuple(charted))
    if dated > len(points):
        st.caption(f"Drawing {len(points):,} of {dated:,} dated figures (an even sample of each category).")
    over_time_chart = chart.built("figures_over_time", points, reference,
                                  series_categories(reference) if len(reference) else {})
    chart.render(over_time_chart, points, "figures-" + "-".join(charted or ["none"]) + "-over-time",
                 key="figures-over-time", on_click=chart.filter_by("category"),
                 hint="Ranges are drawn from low to high; ▲ more than, ▼ less than, ◆ approximately. "
                      "Click a point to keep only its category; double-click the chart to see every point.")
    st.subheader("Reported figures that differ from the reference")
    tolerance = st.slider("Differ by more than", 0, 100, 10, step=5, format="%d%%", key="tolerance",
                          help="A figure is listed when its value (or its range) is further than this share "
                               "from the reference on its publication date.")
    listed = differing(current, reference, tolerance / 100)
    if reference.empty:
        st.info("Turn on a reference series above to compare the reported figures with it.")
    elif listed.empty:
        st.info(f"No reported figure differs from {reference_name} by more than {tolerance}%.")
    else:
        tables.render(listed.head(500), len(listed), ["published", "category", "text", "value", "reference",
                                                      "difference", "reported_by", "title"],
                      key="figures-differing", span="figure_id", what="differing figures")

with comparison:
    categories = list(dict.fromkeys(charts.default_categories(available, current.categories, n=len(available))
                                    + available))
    picked = st.selectbox("Category", categories, key="compare")
    by_reporter = load("figures_by_reporter", current, picked, 15)
    chart.render(chart.built("reporter_comparison", by_reporter, picked), by_reporter,
                 f"figures-{picked}-by-speaker-or-source", key="figures-by-reporter",
                 on_click=chart.filter_by_reporter(),
                 hint="Each row is a speaker or, when no speaker is known, the article's source. "
                      "Click a point to filter by it.")

with table:
    tables.render(figures, total, ["published", "value", "low", "high", "qualifier", "unit", "category", "text",
                                   "reported_by", "title", "source", "article_id"],
                  key="figures-table", span="figure_id", what="figures")
