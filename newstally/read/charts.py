"""Chart builders: DataFrames from ``newstally.read.queries`` in, plotly ``go.Figure`` out.

Pure functions, no Streamlit. Every clickable trace carries ``customdata`` whose first column is
the value a click filters by (a category, a speaker_id, a period start, ...), so the dashboard
maps a selected point to a filter with ``clicked_values``.
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Mapping

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from newstally.contract.vocabulary import CATEGORY_COLORS, KEY_CATEGORIES, OTHER

from .chart_style import COUNT_SCALE, TEXT, count_ticks, nice_top, scale_color, series_color, styled, text_on


def default_categories(available: Iterable[str], chosen: Iterable[str] = (), n: int = 3) -> list[str]:
    """The categories to chart first: the ``chosen`` ones (the sidebar's), else the first ``n``
    key categories among ``available``, else the first ``n`` available."""
    available = list(available)
    picked = [c for c in chosen if c in available]
    if picked:
        return picked
    keys = [c for c in KEY_CATEGORIES if c in available]
    return (keys or available)[:n]


def label(value: object) -> str:
    """``value`` as text for a chart: plotly reads tags such as <a href> and <b> in labels and
    hover text, and names and titles come from articles, so they are escaped first."""
    return html.escape("" if value is None else str(value), quote=False)


def _labels(values: Iterable) -> list[str]:
    return [label(v) for v in values]


def category_color(category: str) -> str:
    """The colour of ``category`` (grey for one this module does not know)."""
    return CATEGORY_COLORS.get(category, CATEGORY_COLORS[OTHER])


def clicked_values(points: Iterable[Mapping], column: int = 0) -> list:
    """The ``customdata[column]`` of each selected point, in order, without repeats or blanks."""
    values = []
    for point in points or ():
        data = point.get("customdata")
        if isinstance(data, (list, tuple)) and len(data) > column:
            value = data[column]
        elif column == 0 and data is not None and not isinstance(data, (list, tuple)):
            value = data
        else:
            continue
        if value not in (None, "") and value not in values:
            values.append(value)
    return values


def empty_figure(message: str) -> go.Figure:
    """A blank chart that says ``message`` (used where a chart would otherwise be empty)."""
    fig = go.Figure()
    fig.add_annotation(
        text=label(message), showarrow=False, font=dict(size=15, color=TEXT), xref="paper", yref="paper", x=0.5, y=0.5
    )
    styled(fig, height=260)
    fig.update_xaxes(visible=False)
    fig.update_yaxes(visible=False)
    return fig


def category_bars(frame: pd.DataFrame, title: str = "Figures by category") -> go.Figure:
    """Horizontal bars of ``frame`` (category, figures); a click gives the category."""
    if frame.empty:
        return empty_figure("No figures match these filters")
    ordered = frame.sort_values("figures")
    return _bars(
        ordered,
        "figures",
        "category",
        "category",
        [category_color(c) for c in ordered["category"]],
        title,
        row_height=28,
    )


def speaker_bars(frame: pd.DataFrame, title: str = "Most quoted speakers") -> go.Figure:
    """Horizontal bars of ``frame`` (speaker_id, speaker, statements); a click gives the speaker_id."""
    if frame.empty:
        return empty_figure("No statements match these filters")
    return _bars(frame.iloc[::-1], "statements", "speaker", "speaker_id", series_color(0), title, row_height=26)


def _bars(
    ordered: pd.DataFrame, counted: str, named: str, clicked: str, color: str | list[str], title: str, row_height: int
) -> go.Figure:
    """One horizontal bar per row of ``ordered`` (bottom to top): its ``counted`` column by its
    ``named`` column; a click gives its ``clicked`` column."""
    fig = go.Figure(
        go.Bar(
            x=ordered[counted],
            y=_labels(ordered[named]),
            orientation="h",
            marker_color=color,
            customdata=ordered[[clicked]].to_numpy(),
            cliponaxis=False,
            hovertemplate=f"%{{y}}: %{{x:,}} {counted}<extra></extra>",
        )
    )
    top = nice_top(float(ordered[counted].max()))
    styled(fig, title=title, height=max(260, row_height * len(ordered) + 90))
    fig.update_xaxes(title_text=counted, range=[0, top], **count_ticks(top))
    fig.update_yaxes(title_text=None)
    return fig


def _period_axis(fig: go.Figure, bucket: str, counted: pd.Series) -> None:
    top = nice_top(float(counted.max()) if len(counted) else 1.0)
    fig.update_xaxes(tickformat="%Y-%m-%d" if bucket != "month" else "%b %Y", title_text=None)
    fig.update_yaxes(range=[0, top], **count_ticks(top))


def activity_timeline(frame: pd.DataFrame, title: str = "Articles and statements over time") -> go.Figure:
    """Bars of articles and statements per period of ``frame`` (period, articles, statements);
    a click gives the period's first day (ISO text)."""
    if frame.empty:
        return empty_figure("No dated articles match these filters")
    bucket = frame.attrs.get("bucket", "period")
    periods = pd.to_datetime(frame["period"])
    custom = np.array([[d.date().isoformat()] for d in periods], dtype=object)
    fig = go.Figure()
    for index, column in enumerate(("articles", "statements")):
        fig.add_trace(
            go.Bar(
                x=periods,
                y=frame[column],
                name=column,
                marker_color=series_color(index),
                customdata=custom,
                hovertemplate=f"{bucket} of %{{x|%Y-%m-%d}}: %{{y:,}} {column}<extra></extra>",
            )
        )
    styled(fig, title=f"{title} (per {bucket})", barmode="group", height=340)
    fig.update_yaxes(title_text="count")
    _period_axis(fig, bucket, frame[["articles", "statements"]].max(axis=1))
    return fig


def speaker_timeline(frame: pd.DataFrame, name: str) -> go.Figure:
    """Stacked bars of one speaker's statements per period and kind (``queries.speaker_activity``);
    a click gives the period's first day."""
    if frame.empty:
        return empty_figure(f"No dated statements by {name} match these filters")
    bucket = frame.attrs.get("bucket", "period")
    fig = go.Figure()
    for index, (kind, rows) in enumerate(frame.groupby("kind", sort=True)):
        periods = pd.to_datetime(rows["period"])
        fig.add_trace(
            go.Bar(
                x=periods,
                y=rows["statements"],
                name=kind,
                marker_color=series_color(index),
                customdata=np.array([[d.date().isoformat()] for d in periods], dtype=object),
                hovertemplate=f"{bucket} of %{{x|%Y-%m-%d}}: %{{y}} {kind}<extra></extra>",
            )
        )
    styled(fig, title=f"Statements by {label(name)} (per {bucket})", barmode="stack", height=320)
    fig.update_yaxes(title_text="statements")
    _period_axis(fig, bucket, frame.groupby("period")["statements"].sum())
    return fig


def _unique_names(speakers: pd.DataFrame) -> list[str]:
    """The speakers' names, escaped, a number added where two speakers share one."""
    seen: dict[str, int] = {}
    names = []
    for name in speakers["name"].fillna(speakers["speaker_id"]):
        seen[name] = seen.get(name, 0) + 1
        names.append(label(name if seen[name] == 1 else f"{name} ({seen[name]})"))
    return names


def co_quotation_grid(
    pairs: pd.DataFrame, speakers: pd.DataFrame, title: str = "Quoted in the same articles"
) -> go.Figure:
    """A heat grid of ``queries.co_quotation``: a row and a column per speaker (the chosen ones
    first, in bold), each cell the number of articles quoting both, written in the cell and
    shaded by it. The cells are a heatmap, so they tile the grid at any size; an invisible point
    over each cell carries the click: (row speaker_id, column speaker_id)."""
    if speakers.empty:
        return empty_figure("No speakers are quoted under these filters")
    if pairs.empty:
        return empty_figure("These speakers are never quoted in the same article as anyone shown")
    ids = list(speakers["speaker_id"])
    centre = set(speakers.loc[speakers["centre"], "speaker_id"])
    names = [f"<b>{n}</b>" if sid in centre else n for sid, n in zip(ids, _unique_names(speakers))]
    position = {sid: i for i, sid in enumerate(ids)}
    counts = np.zeros((len(ids), len(ids)))
    for a, b, n in pairs[["a_id", "b_id", "articles"]].itertuples(index=False):
        if a in position and b in position and a != b:
            counts[position[a], position[b]] = n
    z = np.where(counts > 0, counts, np.nan)
    top = max(1, int(counts.max()))
    fig = go.Figure(
        go.Heatmap(
            z=z,
            x=names,
            y=names,
            colorscale=COUNT_SCALE,
            zmin=0,
            zmax=top,
            xgap=2,
            ygap=2,
            hoverinfo="skip",
            colorbar=dict(
                title=dict(text="articles", font=dict(color=TEXT)),
                tickfont=dict(color=TEXT),
                tickformat=",d",
                **({"dtick": 1} if top <= 6 else {}),
            ),
        )
    )
    # the counts are written by a scatter over the cells: it carries the click (Streamlit reports
    # clicks on points, not on heatmap cells) and a text colour per cell that reads on its shade
    rows, cols = np.nonzero(counts)
    shades = [scale_color(COUNT_SCALE, counts[r, c] / top) for r, c in zip(rows, cols)]
    fig.add_trace(
        go.Scatter(
            x=[names[c] for c in cols],
            y=[names[r] for r in rows],
            mode="markers+text",
            showlegend=False,
            text=[f"{int(counts[r, c]):,}" for r, c in zip(rows, cols)],
            textposition="middle center",
            textfont=dict(color=[text_on(shade) for shade in shades], size=12),
            marker=dict(size=24, opacity=0, symbol="square"),
            selected=dict(marker=dict(opacity=0)),
            unselected=dict(marker=dict(opacity=0)),
            customdata=[[ids[r], ids[c], int(counts[r, c])] for r, c in zip(rows, cols)],
            hovertemplate="%{y} and %{x}: quoted together in %{customdata[2]:,} articles<extra></extra>",
        )
    )
    size = 38 * len(ids)
    longest = max(len(n) for n in speakers["name"].fillna(""))
    styled(
        fig,
        title=title,
        height=size + min(260, 60 + 6 * longest) + 40,
        margin=dict(l=10, r=10, t=60 + min(200, 6 * longest), b=10),
    )
    fig.update_xaxes(side="top", tickangle=-40, showgrid=False, categoryorder="array", categoryarray=names)
    fig.update_yaxes(
        autorange="reversed",
        showgrid=False,
        categoryorder="array",
        categoryarray=names,
        scaleanchor="x",
        constrain="domain",
    )
    fig.update_xaxes(constrain="domain")
    return fig
