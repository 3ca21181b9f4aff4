"""A chart on a page: the plotly figure, its text alternative, click-to-filter, and its download
buttons (files that say where they come from)."""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence
from datetime import date
from typing import ParamSpec

import plotly.graph_objects as go
import streamlit as st

from newstally.read.charts import clicked_values
from newstally.read.filters import Filters
from newstally.read.queries.periods import period_end

from . import downloads, sidebar
from .grids import plain

P = ParamSpec("P")


# One figure object shared by every session, not a copy per read (cache_data pickles): plotly
# unpickles a figure by building and validating it again, as slow as building it. Nothing changes
# a figure once built (st.plotly_chart reads it; downloads caption a copy).
@st.cache_resource(max_entries=128, show_spinner=False)
def _built(name: str, _builder: Callable[..., go.Figure], *args, **kwargs) -> go.Figure:
    # keyed by the builder's name, not the function (its leading underscore keeps it out of the key)
    return _builder(*args, **kwargs)


def built(builder: Callable[P, go.Figure], *args: P.args, **kwargs: P.kwargs) -> go.Figure:
    """``builder(*args, **kwargs)`` (a chart of ``newstally.read.charts``), cached by its name and
    inputs: plotly's validation of a figure of a thousand points costs a tenth of a second or
    more, which a rerun or another visitor need not pay again. The figure is shared: never change it."""
    return _built(f"{builder.__module__}.{builder.__qualname__}", builder, *args, **kwargs)


def _selected_points(key: str) -> list[dict]:
    event = st.session_state.get(key)
    try:
        return list(event["selection"]["points"]) if event is not None else []
    except (KeyError, TypeError):
        return []


def filter_by(
    filter_key: str, column: int = 0, transform: Callable[[list], list] | None = None
) -> Callable[[list], None]:
    """A click handler setting the sidebar filter ``filter_key`` to the clicked points'
    ``customdata[column]`` (passed through ``transform`` when given)."""

    def handle(points: list) -> None:
        values = clicked_values(points, column)
        if values:
            sidebar.apply(filter_key, transform(values) if transform else values)

    return handle


def filter_by_pair(filter_key: str) -> Callable[[list], None]:
    """A click handler for a matrix cell: sets ``filter_key`` to both values of the clicked pair
    (``customdata[0]`` and ``customdata[1]``)."""

    def handle(points: list) -> None:
        values = list(dict.fromkeys(clicked_values(points, 0) + clicked_values(points, 1)))
        if values:
            sidebar.apply(filter_key, values)

    return handle


def filter_by_period(bucket: str) -> Callable[[list], None]:
    """A click handler narrowing the date filter to the clicked period (a day, week or month)."""

    def to_range(values: list) -> list:
        start = date.fromisoformat(str(values[0]))
        return [start, period_end(start, bucket)]

    return filter_by("dates", transform=to_range)


def filter_by_reporter() -> Callable[[list], None]:
    """A click handler for ``reporter_chart.reporter_comparison``: filters by the speaker, or by the
    source when the figure has no speaker (``customdata``: reporter_type, reporter_id, ...)."""

    def handle(points: list) -> None:
        pairs = [p.get("customdata") for p in points if len(p.get("customdata") or ()) >= 2]
        if pairs and pairs[0][1]:
            by, value = pairs[0][0], pairs[0][1]
            sidebar.apply("speaker" if by == "speaker" else "source", [value])

    return handle


def render(
    figure: go.Figure,
    data: downloads.Data,
    name: str,
    key: str,
    on_click: Callable[[list], None] | None = None,
    hint: str | None = None,
    summary: str = "",
    filters: Filters | None = None,
    notes: Sequence[str] = (),
) -> None:
    """Draws ``figure``, its one-line ``summary`` (the chart's text alternative) and its download
    buttons (files named after ``name``, captioned with ``filters`` and ``notes``; the CSV holds
    ``data``, or what the function ``data`` returns when the user asks for it). With
    ``on_click``, clicking points calls it with the selected points (before the page reruns)."""
    # plotly's own image button saves the chart without its source and filters: the buttons below do
    config = {"displaylogo": False, "modeBarButtonsToRemove": ["toImage"]}
    if on_click is None:
        st.plotly_chart(figure, key=key, config=config, theme=None)
    else:
        st.plotly_chart(
            figure,
            key=key,
            on_select=lambda: on_click(_selected_points(key)),
            selection_mode="points",
            config=config,
            theme=None,
        )
    text = figure.layout.title.text or name
    if summary:
        st.caption(f"**{_plain(text)}.** {_plain(summary)}")
    if hint:
        st.caption(hint)
    if callable(data) or not data.empty:
        downloads.render(figure, data, name, key=f"{key}-download", caption=downloads.caption(filters, notes))


def _plain(text: str) -> str:
    # a chart title is escaped for plotly; titles and summaries name speakers and sources: shown
    # as text, never as Markdown
    return plain(html.unescape(text))
