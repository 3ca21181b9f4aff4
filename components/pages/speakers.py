"""Speakers: a profile, their statements over time, the figures they gave, and who is quoted
alongside whom."""
from dataclasses import replace

import streamlit as st

from components import chart, grids, profile, sidebar
from components.data import load
from newstally.read import charts
from newstally.read.queries.figures import figure_list
from newstally.read.queries.speakers import co_quoted, speaker_activity, speaker_list, unnamed_sources

st.title("Speakers")
current = sidebar.current()
quoted = load(speaker_list, current)
unnamed, n_unnamed = load(unnamed_sources, current)
if n_unnamed:
    st.caption(f"Counted apart from the speakers: {n_unnamed:,} statements by unnamed sources, whom the articles "
               f"only describe (such as “{unnamed['description'].iloc[0]}”). Pick “{sidebar.UNNAMED_LABEL}” in the "
               "speaker filter to see them.")
    with st.expander("Unnamed sources: the descriptions the articles give"):
        st.dataframe(unnamed, hide_index=True, key="unnamed-sources-table")
if quoted.empty:
    sidebar.stop_with_nothing_to_show(current, "speaker", "speakers")

speaker_id = profile.pick(quoted, current, key="profile")
profile.render(speaker_id, key="speaker-profile")
own = replace(current, speakers=(speaker_id,), orgs=(), countries=())
left, right = st.columns(2)
with left:
    activity = load(speaker_activity, current, speaker_id)
    chart.render(chart.built(charts.speaker_timeline, activity, profile.name_of(speaker_id)), activity,
                 f"statements-by-{speaker_id}-over-time", key="speaker-activity",
                 on_click=chart.filter_by_period(activity.attrs.get("bucket", "week")),
                 hint="Click a bar to narrow the dates to that period.")
with right:
    st.subheader("Figures they gave")
    given, given_total = load(figure_list, own)
    grids.render(given, given_total, ["published", "text", "value", "category", "title"], key="speaker-figures",
                  span="figure_id", what="figures",
                  empty="No figure is attributed to this speaker under these filters.")

st.subheader("Quoted alongside")
st.caption("The most quoted speakers under the source, date, category and search filters (the speaker filters are "
           "left out here, so their company shows), and in how many articles each pair is quoted together.")
top_n = st.slider("Speakers in the matrix", 5, 40, 15, key="co-quoted-n")
matrix = load(co_quoted, current.without("speakers", "orgs", "countries"), top_n)
chart.render(chart.built(charts.co_quotation_matrix, matrix), matrix.reset_index(names="speaker"),
             "speakers-quoted-in-the-same-articles", key="speaker-co-quoted", on_click=chart.filter_by_pair("speaker"),
             hint="Click a square to filter by both speakers.")
with st.expander(f"All {len(quoted):,} speakers quoted under these filters"):
    st.dataframe(quoted, hide_index=True, key="speakers-table")
