"""Which reference series the Figures page draws: the bundled Gaza Ministry of Health counts, or a
CSV (date, series, value) the user uploads."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from newstally.read.reference import BUNDLED, ReferenceError, load_reference

_NONE = (pd.DataFrame(columns=["date", "series", "value"]), "no reference", "")


@st.cache_data(max_entries=8, show_spinner=False)
def _bundled(version: float) -> pd.DataFrame:
    return load_reference(BUNDLED)


@st.cache_data(max_entries=8, show_spinner=False)
def _uploaded(content: bytes) -> pd.DataFrame:
    return load_reference(content)


def render(key: str = "reference") -> tuple[pd.DataFrame, str, str]:
    """Draws the reference picker; returns (the reference, a phrase naming it, the short name a
    chart's legend gives it). The reference is empty when the user turned it off, or when an
    upload cannot be read (the error is shown)."""
    with st.expander("Reference series", icon=":material/show_chart:"):
        st.caption(
            "Drawn under the reported figures of the same category. Bundled: daily cumulative killed and "
            "injured reported by the Gaza Ministry of Health (Tech for Palestine, public domain). "
            "Bring your own: a CSV with the columns date (YYYY-MM-DD), series, value; a series "
            "named like a category (e.g. displaced) is drawn under that category."
        )
        shown = st.toggle("Show the reference", value=True, key=f"{key}-shown")
        upload = st.file_uploader("Your reference CSV", type=["csv"], key=f"{key}-upload")
    if not shown:
        return _NONE
    if upload is not None:
        try:
            return _uploaded(upload.getvalue()), f"your reference ({upload.name})", "your reference"
        except ReferenceError as err:
            st.error(f"Your reference CSV cannot be used: {err}")
            return _NONE
    try:
        return (
            _bundled(BUNDLED.stat().st_mtime),
            "the Gaza Ministry of Health's daily counts",
            "Gaza Ministry of Health",
        )
    except (OSError, ReferenceError) as err:
        st.warning(f"The bundled reference could not be read ({err}).")
        return _NONE
