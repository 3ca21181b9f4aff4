"""Statements: who said what, searchable, each linked to its place in the article."""

import streamlit as st

from components import grids, sidebar
from newstally.read.queries.statements import statement_list

st.title("Statements")
current = sidebar.current()
st.caption(
    "Search with “Search statements” in the sidebar; narrow by speaker, organisation, country, "
    "source and dates there too. Select a row to read it in full, or use its “open” link to read it "
    "in its article."
)
grids.paged(
    statement_list,
    current,
    columns=["published", "speaker", "kind", "cue", "text", "title", "source"],
    key="statements-table",
    span="statement_id",
    what="statements",
    back="statements",
    name="statements",
    empty=sidebar.nothing_to_show(current, "statement", "statements"),
)
