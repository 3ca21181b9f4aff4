"""Overview: how much the store holds under the filters, and where to look next."""

import streamlit as st

from components import chart, sidebar
from components.data import load
from newstally.read import chart_text, charts
from newstally.read.queries.overview import activity_over_time, figures_by_category, top_speakers, totals

st.title("Overview")
current = sidebar.current()
counts = load(totals, current)
for column, (label, count) in zip(st.columns(4), counts.items()):
    column.metric(label.capitalize(), f"{count:,}")

if counts["articles"] == 0:
    sidebar.stop_with_nothing_to_show(current, "article", "articles")

left, right = st.columns(2)
with left:
    by_category = load(figures_by_category, current)
    chart.render(
        chart.built(charts.category_bars, by_category),
        by_category,
        "figures-by-category",
        key="overview-categories",
        on_click=chart.filter_by("category"),
        summary=chart_text.category_bars(by_category),
        hint="Click a bar to filter by its category.",
    )
with right:
    speakers = load(top_speakers, current, 15)
    chart.render(
        chart.built(charts.speaker_bars, speakers),
        speakers,
        "most-quoted-speakers",
        key="overview-speakers",
        on_click=chart.filter_by("speaker"),
        summary=chart_text.speaker_bars(speakers),
        hint="Click a bar to filter by that speaker.",
    )
activity = load(activity_over_time, current)
bucket = activity.attrs.get("bucket", "week")
chart.render(
    chart.built(charts.activity_timeline, activity),
    activity,
    "articles-and-statements-over-time",
    key="overview-activity",
    on_click=chart.filter_by_period(bucket),
    summary=chart_text.activity(activity),
    hint=f"Click a bar to narrow the dates to that {bucket}.",
)
