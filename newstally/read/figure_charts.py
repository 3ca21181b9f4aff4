"""The Figures page's chart over time: reported figures against a reference series, and the
point marks it shares with ``reporter_chart``. DataFrames of ``queries.figures`` in, plotly
figures out.

Values of different measures (counts, shares, money, time: ``measures``) are never drawn on one
axis. Axes fit what is drawn: a count axis reaches the reference and the bulk of the figures,
and says how many lie beyond it. Every trace carries ``customdata`` a click filters by.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import numpy as np
import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from newstally.contract.vocabulary import COUNT, KEY_CATEGORIES, PERCENT

from . import chart_style as style
from .charts import empty_figure, label
from .measures import figure_measures

QUALIFIER_SHAPES = {
    "exact": "circle",
    "approximately": "diamond",
    "more_than": "triangle-up",
    "less_than": "triangle-down",
}
REFERENCE_MARGIN = pd.Timedelta(days=14)  # how far the reference line runs beyond the reported figures
BULK_FACTOR = 10  # a count axis reaches the largest figure within this many times the 90th percentile


def series_label(series: str, reference_name: str = "reference") -> str:
    """A reference series as a legend names it: "Gaza Ministry of Health: killed, cumulative"."""
    words = series.replace("_cum", ", cumulative").replace("_", " ").strip()
    return f"{reference_name}: {words}"


def qualifier_symbols(points: pd.DataFrame, fill: str = style.FILLED) -> list[str]:
    return [style.marker_symbol(QUALIFIER_SHAPES.get(q, "circle"), fill) for q in points["qualifier"]]


def error_arrays(points: pd.DataFrame) -> tuple[np.ndarray, np.ndarray]:
    value = points["value"].astype(float).to_numpy()
    high = points["high"].astype(float).to_numpy()
    low = points["low"].astype(float).to_numpy()
    plus = np.where(np.isnan(high), 0.0, np.clip(high - value, 0, None))
    minus = np.where(np.isnan(low), 0.0, np.clip(value - low, 0, None))
    return plus, minus


def ranges(plus: np.ndarray, minus: np.ndarray, color: str | None = None) -> dict:
    """Error bars from low to high; none at all when no figure is a range (a browser draws a bar
    for every point otherwise, however short)."""
    if not (plus.any() or minus.any()):
        return dict(visible=False)
    return dict(
        type="data",
        array=plus,
        arrayminus=minus,
        symmetric=False,
        thickness=1.2,
        width=3,
        **({"color": color} if color else {}),
    )


def _hover_text(points: pd.DataFrame) -> list[str]:
    def one(row) -> str:
        by = row.get("reported_by") or "unattributed"
        title = row.get("title") or row.get("article_id")
        return f"{label(row['text'])} ({label(row.get('qualifier'))})<br>by {label(by)}<br>{label(title)}"

    return [one(row) for row in points.to_dict("records")]


def _panels(points: pd.DataFrame, max_panels: int) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """(the (category, measure) panels to draw, key categories first and each category's counts
    before its percentages and amounts; those left out beyond ``max_panels``)."""
    sizes = points.groupby(["category", "measure"]).size()
    per_category = points["category"].value_counts()
    rank = {c: i for i, c in enumerate(KEY_CATEGORIES)}
    measure_rank = {COUNT: 0, PERCENT: 1}
    ordered = sorted(
        sizes.index,
        key=lambda cm: (
            rank.get(cm[0], len(rank)),
            -per_category[cm[0]],
            cm[0],
            measure_rank.get(cm[1], 2),
            -sizes[cm],
        ),
    )
    return ordered[:max_panels], ordered[max_panels:]


def over_time_rows(points: pd.DataFrame, max_panels: int = 8) -> pd.DataFrame:
    """The rows of ``points`` that ``figures_over_time`` draws (a panel per category and measure,
    at most ``max_panels``), with a ``measure`` column (see ``figure_measures``).
    ``attrs["left_out"]`` lists the (category, measure) panels beyond ``max_panels`` and how many
    figures each holds."""
    if points.empty:
        return points
    rows = points.assign(measure=figure_measures(points))
    drawn, left_out = _panels(rows, max_panels)
    keep = pd.MultiIndex.from_frame(rows[["category", "measure"]]).isin(drawn)
    plotted = rows[keep]
    plotted.attrs["left_out"] = [
        (c, m, int(((rows["category"] == c) & (rows["measure"] == m)).sum())) for c, m in left_out
    ]
    return plotted


def _measure_words(measure: str, n: int) -> str:
    if measure == COUNT:
        return f"{n:,} count" + ("s" if n != 1 else "")
    if measure == PERCENT:
        return f"{n:,} percentage" + ("s" if n != 1 else "")
    return f"{n:,} in {measure}"


def over_time_note(plotted: pd.DataFrame) -> str:
    """A line for under the chart of ``over_time_rows``: how many figures of each measure each
    category has when a category has more than one (they are drawn on separate axes), and
    which panels were left out; "" when there is nothing to say."""
    if plotted.empty or "measure" not in plotted:
        return ""
    parts = []
    panels, _ = _panels(plotted, len(plotted))
    sizes = plotted.groupby(["category", "measure"]).size()
    for category in dict.fromkeys(c for c, _ in panels):
        measures = [m for c, m in panels if c == category]
        if len(measures) > 1:
            parts.append(f"{category}: " + ", ".join(_measure_words(m, sizes[category, m]) for m in measures))
    note = (
        "Percentages and amounts of money or time are drawn in panels of their own, never on a count's "
        "axis (" + "; ".join(parts) + ")."
        if parts
        else ""
    )
    left_out = plotted.attrs.get("left_out") or []
    if left_out:
        note += (
            " Not drawn (too many panels; chart fewer categories): "
            + ", ".join(f"{c} ({_measure_words(m, n)})" for c, m, n in left_out)
            + "."
        )
    return note.strip()


def value_format(measure: str, axis: str = "y") -> str:
    """The hover format of a value of ``measure`` on ``axis``: "1,200", "85%" or "5,000,000 USD"."""
    if measure == COUNT:
        return f"%{{{axis}:,.0f}}"
    return f"%{{{axis}:,.2~f}}" + ("%" if measure == PERCENT else f" {label(measure)}")


def series_name(category: str, measure: str) -> str:
    """A panel's series as the legend names it: "killed", "killed (%)", "aid (USD)"."""
    return category if measure == COUNT else f"{category} ({'%' if measure == PERCENT else measure})"


def spread_of(points: pd.DataFrame, bulk_factor: float = BULK_FACTOR) -> pd.DataFrame:
    """``queries.figure_spread`` computed from ``points`` themselves (rows with a ``measure``):
    for a chart drawn without the spread of the whole selection."""
    rows = []
    for (category, measure), panel in points.groupby(["category", "measure"]):
        values = pd.concat([panel["value"], panel["high"]], axis=1).max(axis=1).astype(float)
        p95 = float(values.quantile(0.95))
        positive = panel["value"][panel["value"] > 0]
        rows.append(
            {
                "category": category,
                "measure": measure,
                "figures": len(panel),
                "median": float(panel["value"].median()),
                "p95": p95,
                "smallest_positive": float(positive.min()) if len(positive) else None,
                "largest": float(values.max()),
                "bulk": float(values[values <= bulk_factor * p95].max())
                if (values <= bulk_factor * p95).any()
                else float(values.max()),
            }
        )
    return pd.DataFrame(
        rows, columns=["category", "measure", "figures", "median", "p95", "smallest_positive", "largest", "bulk"]
    )


def axis_tops(spread: pd.DataFrame, reference_top: Mapping[str, float] | None = None) -> dict[tuple[str, str], float]:
    """(category, measure) -> the top of its panel's linear axis, from the ``spread`` of all the
    figures (``queries.figure_spread``): a share's axis ends at 100% unless a value goes beyond;
    a count's axis reaches the bulk of the figures, and the reference drawn in its panel (which
    then fills at least two thirds of the height: the bulk counts only up to 1.5 times it)."""
    tops: dict[tuple[str, str], float] = {}
    for row in spread.to_dict("records"):
        panel = (str(row["category"]), str(row["measure"]))
        if panel[1] == PERCENT:
            tops[panel] = 100.0 if row["largest"] <= 100 else style.nice_top(float(row["largest"]))
            continue
        top = float(row["bulk"])
        reference = (reference_top or {}).get(panel[0], 0.0) if panel[1] == COUNT else 0.0
        if reference:
            top = max(reference, min(top, 1.5 * reference))
        tops[panel] = style.nice_top(top)
    return tops


def reference_lines(
    reference: pd.DataFrame | None, series_category: Mapping[str, str] | None, dates: pd.Series
) -> dict[str, list[tuple[str, pd.DataFrame]]]:
    """category -> [(series, its rows within the drawn dates)]."""
    if reference is None or reference.empty or not series_category or dates.empty:
        return {}
    when = pd.to_datetime(reference["date"])
    near = reference[(when >= dates.min() - REFERENCE_MARGIN) & (when <= dates.max() + REFERENCE_MARGIN)]
    lines: dict[str, list[tuple[str, pd.DataFrame]]] = {}
    for series, category in series_category.items():
        rows = near[near["series"] == series]
        if not rows.empty:
            lines.setdefault(category, []).append((series, rows))
    return lines


def reference_tops(
    reference: pd.DataFrame | None,
    series_category: Mapping[str, str] | None,
    dates: pd.Series,
    categories: Iterable[str],
) -> dict[str, float]:
    """category -> the largest reference value drawn in the counts panel of each of ``categories``."""
    wanted = set(categories)
    return {
        category: max(float(rows["value"].max()) for _, rows in lines)
        for category, lines in reference_lines(reference, series_category, dates).items()
        if category in wanted
    }


def _figure_trace(points: pd.DataFrame, name: str, color: str, measure: str, fill: str) -> go.Scatter:
    plus, minus = error_arrays(points)
    hollow = fill == style.HOLLOW
    return go.Scatter(
        x=pd.to_datetime(points["published"]),
        y=points["value"],
        mode="markers",
        name=name,
        marker=dict(
            color=color,
            size=9,
            symbol=qualifier_symbols(points, fill),
            line=dict(width=1.5 if hollow else 1, color=color if hollow else "white"),
        ),
        error_y=ranges(plus, minus, color),
        customdata=points[["category", "figure_id", "article_id"]].to_numpy(),
        text=_hover_text(points),
        hovertemplate=f"%{{x|%Y-%m-%d}}: {value_format(measure)}<br>%{{text}}<extra></extra>",
    )


def _panel_title(category: str, measure: str, alone: bool) -> str:
    if alone and measure == COUNT:
        return label(category)
    return label(f"{category}: " + {COUNT: "counts", PERCENT: "percentages"}.get(measure, measure))


def _y_axis(spread: Mapping, measure: str, top: float, reference_top: float, log: bool) -> dict:
    """The y-axis of one panel: counts from 0 to ``top`` in whole numbers, a share on 0-100% unless
    a value goes beyond, or a log axis over every value and the reference."""
    if log and measure != PERCENT:
        low = float(spread["smallest_positive"]) if pd.notna(spread["smallest_positive"]) else 1.0
        high = max(float(spread["largest"]), reference_top, low * 10)
        return dict(
            **style.log_axis(low, high), title_text=("count" if measure == COUNT else label(measure)) + " (log scale)"
        )
    if measure == PERCENT:
        return dict(range=[0, top], ticksuffix="%", title_text="percent")
    return dict(range=[0, top], title_text="count" if measure == COUNT else label(measure), **style.count_ticks(top))


def figures_over_time(
    points: pd.DataFrame,
    reference: pd.DataFrame | None = None,
    series_category: Mapping[str, str] | None = None,
    max_panels: int = 8,
    title: str = "Reported figures over time",
    reference_name: str = "reference",
    log: bool = False,
    spread: pd.DataFrame | None = None,
) -> go.Figure:
    """One panel per category and measure (at most ``max_panels``; key categories first, see
    ``over_time_rows``) of the figures in ``points`` (rows of ``queries.figure_points``) by
    publication date. Each series has its own colour and marker fill (hollow for shares and
    amounts); ranges are error bars from low to high and the marker's shape says the qualifier
    (triangle up: more than, down: less than, diamond: approximately). ``reference`` (date,
    series, value) is drawn, dashed, in the counts panel of the category ``series_category`` maps
    its series to, and named after ``reference_name``. The axes fit the ``spread`` of all the
    figures (``queries.figure_spread``; the drawn points' own when None): see ``axis_tops``, or
    with ``log`` a log axis over every value. A click gives the category, figure_id and article_id."""
    if points.empty:
        return empty_figure("No dated figures match these filters")
    plotted = points if "measure" in points else over_time_rows(points, max_panels)
    panels, _ = _panels(plotted, max_panels)
    measures_of = plotted.groupby("category")["measure"].nunique()
    # a share or an amount gets a lower panel than a count: it is there to be read apart, not to dominate
    heights = [1.0 if measure == COUNT else 0.7 for _, measure in panels]
    height = 120 + int(230 * sum(heights))
    # the gap between panels stays ~70 px (room for the next panel's title) however many there are
    gap = min(70 / height, 1 / (len(panels) - 1)) if len(panels) > 1 else 0
    fig = make_subplots(
        rows=len(panels),
        cols=1,
        shared_xaxes=True,
        row_heights=heights,
        vertical_spacing=gap,
        subplot_titles=[_panel_title(c, m, measures_of[c] == 1) for c, m in panels],
    )
    dates = pd.to_datetime(plotted["published"])
    lines = reference_lines(reference, series_category, dates)
    spread = spread_of(plotted) if spread is None or spread.empty else spread
    tops = axis_tops(spread, reference_tops(reference, series_category, dates, plotted["category"]))
    by_panel = {(r["category"], r["measure"]): r for r in spread.to_dict("records")}
    for row, (category, measure) in enumerate(panels, start=1):
        panel = plotted[(plotted["category"] == category) & (plotted["measure"] == measure)]
        reference_top = 0.0
        if measure == COUNT:
            for series, rows in lines.get(category, []):
                reference_top = max(reference_top, float(rows["value"].max()))
                fig.add_trace(
                    go.Scatter(
                        x=pd.to_datetime(rows["date"]),
                        y=rows["value"],
                        mode="lines",
                        name=label(series_label(series, reference_name)),
                        line=dict(color=style.REFERENCE_COLOR, width=2, dash=style.REFERENCE_DASH),
                        hovertemplate=f"%{{x|%Y-%m-%d}}: %{{y:,.0f}}"
                        f"<extra>{label(series_label(series, reference_name))}</extra>",
                    ),
                    row=row,
                    col=1,
                )
        fill = style.FILLED if measure == COUNT else style.HOLLOW
        fig.add_trace(
            _figure_trace(panel, label(series_name(category, measure)), style.series_color(row - 1), measure, fill),
            row=row,
            col=1,
        )
        stats = by_panel.get((category, measure)) or spread_of(panel).to_dict("records")[0]
        top = tops.get((category, measure)) or axis_tops(spread_of(panel), {category: reference_top})[category, measure]
        fig.update_yaxes(**_y_axis(stats, measure, top, reference_top, log), title_font_size=12, row=row, col=1)
    # the legend goes under the title, across: at the right it would squeeze the panels
    style.styled(
        fig,
        title=title,
        height=height + 40,
        margin=dict(l=10, r=10, t=110, b=10),
        legend=dict(
            orientation="h",
            yref="container",
            y=1 - 52 / (height + 40),
            yanchor="top",
            x=0,
            xanchor="left",
            font=dict(color=style.TEXT),
        ),
    )
    for annotation in fig.layout.annotations:  # the panel titles
        annotation.font = dict(color=style.MUTED_TEXT, size=14)
    return fig
