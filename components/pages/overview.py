"""Overview: how much the store holds under the filters, and where to look next."""
import streamlit as st

from components import chart, sidebar
from components.data import load

st.title("Overview")
current = sidebar.current()
totals = load("totals", current)
for column, (label, count) in zip(st.columns(4), totals.items()):
    column.metric(label.capitalize(), f"{count:,}")

if totals["articles"] == 0:
    st.info("No article matches these filters. Loosen them in the sidebar, or press “Reset filters”."
            if not current.is_empty() else "The store has no articles yet: add some on the Corpus page.")
else:
    left, right = st.columns(2)
    with left:
        by_category = load("figures_by_category", current)
        chart.render(chart.built("category_bars", by_category), by_category, "figures-by-category",
                     key="overview-categories", on_click=chart.filter_by("category"),
                     hint="Click a bar to filter by its category.")
    with right:
        speakers = load("top_speakers", current, 15)
        chart.render(chart.built("speaker_bars", speakers), speakers, "most-quoted-speakers",
                     key="overview-speakers", on_click=chart.filter_by("speaker"),
                     hint="Click a bar to filter by that speaker.")
    activity = load("activity_over_time", current)
    bucket = activity.attrs.get("bucket", "week")
    chart.render(chart.built("activity_timeline", activity), activity, "articles-and-statements-over-time",
                 key="overview-activity", on_click=chart.filter_by_period(bucket),
                 hint=f"Click a bar to narrow the dates to that {bucket}.")
