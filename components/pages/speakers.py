"""Speakers: a profile (their statements over time, the figures they gave), who is quoted
alongside whom, and the table of every speaker, one tab each."""

from dataclasses import replace
from urllib.parse import urlencode

import streamlit as st

from components import chart, grids, profile, sidebar
from components.data import load
from newstally.read import chart_text, charts
from newstally.read.queries.co_quotation import co_quotation, named_pairs
from newstally.read.queries.figures import figure_list
from newstally.read.queries.speakers import speaker_activity, speaker_list, speaker_table, unnamed_sources

PICKED_FROM = 500  # the most quoted speakers the profile picker offers (and any the sidebar picks)

st.title("Speakers")
current = sidebar.current()
quoted = load(speaker_list, current, PICKED_FROM)
unnamed, n_unnamed = load(unnamed_sources, current)
if n_unnamed:
    st.caption(
        f"Counted apart from the speakers: {n_unnamed:,} statements by unnamed sources, whom the articles "
        f"only describe (such as “{unnamed['description'].iloc[0]}”). Pick “{sidebar.UNNAMED_LABEL}” in the "
        "speaker filter to see them."
    )
    with st.expander("Unnamed sources: the descriptions the articles give"):
        st.dataframe(unnamed, hide_index=True, key="unnamed-sources-table")
if quoted.empty:
    sidebar.stop_with_nothing_to_show(current, "speaker", "speakers")

speaker_id = profile.pick(quoted, current, key="profile")
# only the open tab is computed and drawn (and the tab is kept in the URL): a page that drew all
# three took a second and more to show in the browser
profile_tab, company_tab, table_tab = st.tabs(
    ["Profile", "Quoted alongside", "All speakers"], key="view", bind="query-params", on_change="rerun"
)

with profile_tab:
    if profile_tab.open:
        profile.render(speaker_id, key="speaker-profile")
        own = replace(current, speakers=(speaker_id,), orgs=(), countries=())
        left, right = st.columns(2)
        with left:
            activity = load(speaker_activity, current, speaker_id)
            chart.render(
                chart.built(charts.speaker_timeline, activity, profile.name_of(speaker_id)),
                activity,
                f"statements-by-{speaker_id}-over-time",
                key="speaker-activity",
                on_click=chart.filter_by_period(activity.attrs.get("bucket", "week")),
                summary=chart_text.speaker_timeline(activity, profile.name_of(speaker_id)),
                filters=own,
                hint="Click a bar to narrow the dates to that period.",
            )
        with right:
            st.subheader("Figures they gave")
            grids.paged(
                figure_list,
                own,
                columns=["published", "text", "value", "category", "title"],
                key="speaker-figures",
                span="figure_id",
                what="figures",
                back="speakers?" + urlencode({"profile": profile.name_of(speaker_id)}),
                name=f"figures-given-by-{speaker_id}",
                empty="No figure is attributed to this speaker under these filters.",
            )

with company_tab:
    if company_tab.open:
        centre = tuple(dict.fromkeys((speaker_id, *current.speakers)))
        st.caption(
            "Who is quoted in the same articles as the chosen speaker (and any picked in the sidebar), under "
            "the source, date, category and search filters: the chosen ones first, in bold, then those quoted "
            "most often with them. Each square counts the articles quoting both speakers."
        )
        top_n = st.slider("Speakers quoted alongside", 3, 30, 12, key="co-quoted-n")
        pairs, around = load(co_quotation, current.without("speakers", "orgs", "countries"), centre, top_n)
        chart.render(
            chart.built(charts.co_quotation_grid, pairs, around),
            named_pairs(pairs, around),
            f"speakers-quoted-with-{speaker_id}",
            key="speaker-co-quoted",
            on_click=chart.filter_by_pair("speaker"),
            summary=chart_text.co_quotation(pairs, around),
            filters=current.without("speakers", "orgs", "countries"),
            notes=[f"Around: {', '.join(around.loc[around['centre'], 'name'])}."] if len(around) else [],
            hint="Click a square to filter by both speakers.",
        )

with table_tab:
    if table_tab.open:
        st.caption("Every speaker quoted under the filters, with their role, organisation and country.")
        grids.paged(
            speaker_table,
            current,
            columns=["name", "type", "role", "org", "country", "statements", "articles"],
            key="speakers-table",
            what="speakers",
            span="none",
            name="speakers",
        )
