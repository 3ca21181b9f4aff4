"""components.chart: a click on a chart becomes a sidebar filter."""

from __future__ import annotations

from datetime import date

import pytest
from streamlit.testing.v1 import AppTest


def _click_app(handler: str, points: list, bucket: str = "week"):
    """A one-button app: pressing it calls ``chart.<handler>`` with ``points``, as a chart click does."""
    import streamlit as st

    from components import chart

    make = {
        "filter_by_category": lambda: chart.filter_by("category"),
        "filter_by_speaker": lambda: chart.filter_by("speaker"),
        "filter_by_period": lambda: chart.filter_by_period(bucket),
        "filter_by_reporter": chart.filter_by_reporter,
        "filter_by_pair": lambda: chart.filter_by_pair("speaker"),
    }[handler]
    st.button("click", key="click", on_click=make(), args=(points,))
    st.write(repr({k: st.session_state.get(k) for k in ("category", "speaker", "source", "dates")}))


@pytest.mark.parametrize(
    "handler, points, bucket, expected",
    [
        ("filter_by_category", [{"customdata": ["killed", "a:f0", "a"]}], "week", {"category": ["killed"]}),
        ("filter_by_speaker", [{"customdata": ["dmitry-peskov"]}], "week", {"speaker": ["dmitry-peskov"]}),
        (
            "filter_by_period",
            [{"customdata": ["2024-02-12"]}],
            "week",
            {"dates": (date(2024, 2, 12), date(2024, 2, 18))},
        ),
        (
            "filter_by_period",
            [{"customdata": ["2024-02-01"]}],
            "month",
            {"dates": (date(2024, 2, 1), date(2024, 2, 29))},
        ),
        (
            "filter_by_reporter",
            [{"customdata": ["speaker", "maria-zakharova", "a3:f0"]}],
            "week",
            {"speaker": ["maria-zakharova"]},
        ),
        ("filter_by_reporter", [{"customdata": ["source", "Al Jazeera", "a1:f0"]}], "week", {"source": ["Al Jazeera"]}),
        ("filter_by_category", [{"x": 1}], "week", {}),
        (
            "filter_by_pair",
            [{"customdata": ["maria-zakharova", "dmitry-peskov"]}],
            "week",
            {"speaker": ["maria-zakharova", "dmitry-peskov"]},
        ),
    ],
)
def test_chart_clicks_become_filters(handler, points, bucket, expected):
    at = AppTest.from_function(_click_app, args=(handler, points, bucket), default_timeout=30)
    at.run()
    at.button(key="click").click().run()
    assert not at.exception, at.exception
    state = {k: at.session_state[k] for k in ("category", "speaker", "source", "dates") if k in at.session_state}
    assert state == expected
