"""A speaker's profile: who they are (name, role, organisation, country, other names) and how
often they are quoted. Every value comes from articles, so it is shown as plain text."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from newstally.read.filters import UNNAMED, Filters
from newstally.read.queries.choices import speaker_names
from newstally.read.queries.speakers import speaker_profile

from .data import load
from .grids import plain


def name_of(speaker_id: str) -> str:
    """The display name of ``speaker_id`` (the id itself when the store has no such speaker)."""
    return load(speaker_names, (speaker_id,)).get(speaker_id, speaker_id)


def pick(quoted: pd.DataFrame, current: Filters, key: str = "profile") -> str:
    """A selectbox of the speakers in ``quoted`` (kept in the URL as ``?profile=``); defaults to the
    first speaker of the sidebar filter, else the most quoted. Returns the chosen speaker_id."""
    options = list(dict.fromkeys([s for s in current.speakers if s != UNNAMED] + list(quoted["speaker_id"])))
    names = dict(zip(quoted["speaker_id"], quoted["name"]))
    names.update(load(speaker_names, tuple(s for s in options if s not in names)))
    if st.session_state.get(key) not in options:
        st.session_state.pop(key, None)  # a speaker the new filters leave out: fall back to the default
    return st.selectbox(
        "Profile of", options, index=0, key=key, bind="query-params", format_func=lambda sid: names.get(sid, sid)
    )


def render(speaker_id: str, key: str = "speaker-profile") -> None:
    """Shows the profile of ``speaker_id``."""
    row = load(speaker_profile, speaker_id)
    if row is None:
        st.warning(f"There is no speaker {plain(speaker_id)} in this store.")
        return
    st.header(plain(row["name"]))
    facts = {
        "type": row.get("type"),
        "role": row.get("role"),
        "organisation": row.get("org"),
        "country": row.get("country"),
        "also called": ", ".join(row.get("aliases") or []),
    }
    left, right = st.columns([3, 2])
    with left:
        st.dataframe(
            pd.DataFrame({"": list(facts), "value": [v or "—" for v in facts.values()]}),
            hide_index=True,
            key=f"{key}-facts",
        )
    with right:
        a, b = st.columns(2)
        a.metric("Statements (all)", f"{int(row.get('n_statements') or 0):,}")
        b.metric("Articles (all)", f"{int(row.get('n_articles') or 0):,}")
