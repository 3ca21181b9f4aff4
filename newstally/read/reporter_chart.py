"""The Figures page's "who reported what": what each speaker or source reported of a category,
one row per reporter (``queries.figures_by_reporter`` in, a plotly figure out). Figures that span
several orders of magnitude are drawn on a log axis; a click on a point carries its reporter."""

from __future__ import annotations

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from newstally.contract.vocabulary import COUNT, PERCENT

from . import chart_style as style
from .charts import empty_figure, label
from .figure_charts import error_arrays, qualifier_symbols, ranges, value_format
from .measures import measure_label

LOG_SPAN = 200  # figures spanning more than this factor are compared on a log axis


def reporter_axis_is_log(reporters: pd.DataFrame, measure: str) -> bool:
    """True when the figures of ``reporters`` span more than ``LOG_SPAN`` times (e.g. 3 killed in
    one strike and 33,000 in all): a linear axis would squeeze most of them against zero."""
    if reporters.empty or measure == PERCENT:
        return False
    positive = reporters["lowest"].where(reporters["lowest"] > 0).dropna()
    low = float(positive.min()) if len(positive) else 1.0
    return float(reporters["highest"].max()) / max(low, 1e-9) > LOG_SPAN


def reporter_comparison(
    points: pd.DataFrame, reporters: pd.DataFrame, category: str, measure: str = COUNT
) -> go.Figure:
    """What each speaker or source reported for ``category`` (``queries.figures_by_reporter``):
    one row per reporter, most figures on top, a line from their lowest to their highest figure,
    a bar at their median (both over every figure they gave) and their sampled figures as points
    (ranges as error bars). A click on a point gives (reporter_type, reporter_id, figure_id)."""
    if reporters.empty:
        return empty_figure(f"No {category} figures match these filters")
    rows = reporters.to_dict("records")
    names = {(r["reporter_type"], r["reporter_id"]): label(f"{r['reported_by']} ({r['figures']:,})") for r in rows}
    shown = [names[(r["reporter_type"], r["reporter_id"])] for r in rows]
    order = shown[::-1]
    log = reporter_axis_is_log(reporters, measure)
    positive = reporters["lowest"].where(reporters["lowest"] > 0).dropna()
    floor = float(positive.min()) if len(positive) else 1.0  # a log axis has no 0: lines start at its left end
    fig = go.Figure()
    span_x: list = []
    span_y: list = []
    for r in rows:
        span_x += [max(float(r["lowest"]), floor) if log else r["lowest"], r["highest"], None]
        span_y += [names[(r["reporter_type"], r["reporter_id"])]] * 2 + [None]
    fig.add_trace(
        go.Scatter(
            x=span_x,
            y=span_y,
            mode="lines",
            name="lowest to highest (all their figures)",
            line=dict(color="#8a8d96", width=6),
            hoverinfo="skip",
            cliponaxis=False,
        )
    )
    fig.add_trace(
        go.Scatter(
            x=reporters["median"],
            y=shown,
            mode="markers",
            name="median (all their figures)",
            cliponaxis=False,
            marker=dict(symbol="line-ns", size=18, line=dict(width=3, color="#1f1f24")),
            customdata=reporters[["figures", "lowest", "highest"]].to_numpy(),
            hovertemplate=f"%{{y}}: median {value_format(measure, 'x')}, from %{{customdata[1]:,.0f}} to "
            f"%{{customdata[2]:,.0f}} over %{{customdata[0]:,}} figures<extra></extra>",
        )
    )
    if not points.empty:
        drawn = points[points["value"] > 0] if log else points
        plus, minus = error_arrays(drawn)
        fig.add_trace(
            go.Scatter(
                x=drawn["value"],
                y=[
                    names.get((t, i), label(n))
                    for t, i, n in zip(drawn["reporter_type"], drawn["reporter_id"], drawn["reported_by"])
                ],
                mode="markers",
                name="figures (sample)",
                cliponaxis=False,
                marker=dict(
                    color=style.series_color(0),
                    size=9,
                    opacity=0.75,
                    symbol=qualifier_symbols(drawn),
                    line=dict(width=0.5, color="white"),
                ),
                error_x=ranges(plus, minus),
                customdata=np.column_stack(
                    [drawn["reporter_type"], drawn["reporter_id"], drawn["figure_id"].astype(str)]
                ),
                text=[f"{p:%Y-%m-%d}" if pd.notna(p) else "no date" for p in pd.to_datetime(drawn["published"])],
                hovertemplate=f"%{{y}}: {value_format(measure, 'x')} (%{{text}})<extra></extra>",
            )
        )
    axis = label(category) if measure == COUNT else f"{label(category)} ({measure_label(measure)})"
    if log:
        x_axis = dict(**style.log_axis(floor, float(reporters["highest"].max())), title_text=f"{axis} (log scale)")
    else:
        top = style.nice_top(float(reporters["highest"].max()))
        x_axis = dict(
            range=[0, top],
            title_text=axis,
            ticksuffix="%" if measure == PERCENT else "",
            **(style.count_ticks(top) if measure == COUNT else {}),
        )
    style.styled(
        fig,
        title=f"{label(category)}: what each speaker or source reported",
        margin=dict(l=20, r=20, t=90, b=10),
        height=max(300, 34 * len(order) + 150),
        legend=dict(orientation="h", yanchor="bottom", y=1.0, xanchor="left", x=0),
    )
    fig.update_xaxes(**x_axis)
    fig.update_yaxes(categoryorder="array", categoryarray=order)
    return fig
