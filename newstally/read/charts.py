"""Chart builders: DataFrames from ``newstally.read.queries`` in, plotly ``go.Figure`` out.

Pure functions, no Streamlit. Every clickable trace carries ``customdata`` whose first column is
the value a click filters by (a category, a speaker_id, a period start, ...), so the dashboard
maps a selected point to a filter with ``clicked_values``.
"""
from __future__ import annotations

import html
from typing import Iterable, Mapping

import numpy as np
import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from newstally.contract.vocabulary import CATEGORY_COLORS, COUNT, KEY_CATEGORIES, OTHER, PERCENT

from .measures import figure_measures, measure_label

_QUALIFIER_SYMBOLS = {"exact": "circle", "approximately": "diamond", "more_than": "triangle-up",
                      "less_than": "triangle-down"}
REFERENCE_COLOR = "#9e9e9e"
# the legend sits right of the plot, where it cannot cover the title or the data
_LAYOUT = dict(margin=dict(l=10, r=10, t=60, b=10), template="plotly_white", hovermode="closest",
               legend=dict(yanchor="top", y=1, xanchor="left", x=1.01))
_REFERENCE_MARGIN = pd.Timedelta(days=14)  # how far the reference line runs beyond the reported figures


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
    fig.add_annotation(text=message, showarrow=False, font=dict(size=14), xref="paper", yref="paper", x=.5, y=.5)
    fig.update_layout(xaxis_visible=False, yaxis_visible=False, **_LAYOUT)
    return fig


def category_bars(frame: pd.DataFrame, title: str = "Figures by category") -> go.Figure:
    """Horizontal bars of ``frame`` (category, figures); a click gives the category."""
    if frame.empty:
        return empty_figure("No figures match these filters")
    ordered = frame.sort_values("figures")
    return _bars(ordered, "figures", "category", "category", [category_color(c) for c in ordered["category"]],
                 title, row_height=28)


def speaker_bars(frame: pd.DataFrame, title: str = "Most quoted speakers") -> go.Figure:
    """Horizontal bars of ``frame`` (speaker_id, speaker, statements); a click gives the speaker_id."""
    if frame.empty:
        return empty_figure("No statements match these filters")
    return _bars(frame.iloc[::-1], "statements", "speaker", "speaker_id", "#455a64", title, row_height=26)


def _bars(ordered: pd.DataFrame, counted: str, named: str, clicked: str, color: str | list[str], title: str,
          row_height: int) -> go.Figure:
    """One horizontal bar per row of ``ordered`` (bottom to top): its ``counted`` column by its
    ``named`` column; a click gives its ``clicked`` column."""
    fig = go.Figure(go.Bar(
        x=ordered[counted], y=_labels(ordered[named]), orientation="h", marker_color=color,
        customdata=ordered[[clicked]].to_numpy(),
        hovertemplate=f"%{{y}}: %{{x:,}} {counted}<extra></extra>"))
    fig.update_layout(title=title, xaxis_title=counted, yaxis_title=None,
                      height=max(260, row_height * len(ordered) + 90), **_LAYOUT)
    return fig


def activity_timeline(frame: pd.DataFrame, title: str = "Articles and statements over time") -> go.Figure:
    """Bars of articles and statements per period of ``frame`` (period, articles, statements);
    a click gives the period's first day (ISO text)."""
    if frame.empty:
        return empty_figure("No dated articles match these filters")
    bucket = frame.attrs.get("bucket", "period")
    periods = pd.to_datetime(frame["period"])
    custom = np.array([[d.date().isoformat()] for d in periods], dtype=object)
    fig = go.Figure()
    for column, color in (("articles", "#1565c0"), ("statements", "#90a4ae")):
        fig.add_trace(go.Bar(x=periods, y=frame[column], name=column, marker_color=color, customdata=custom,
                             hovertemplate=f"{bucket} of %{{x|%Y-%m-%d}}: %{{y:,}} {column}<extra></extra>"))
    fig.update_xaxes(tickformat="%Y-%m-%d" if bucket != "month" else "%b %Y")
    fig.update_layout(title=f"{title} (per {bucket})", barmode="group", xaxis_title=None, yaxis_title="count",
                      height=340, **_LAYOUT)
    return fig


def _error_arrays(points: pd.DataFrame) -> tuple[np.ndarray, np.ndarray]:
    value = points["value"].astype(float).to_numpy()
    high = points["high"].astype(float).to_numpy()
    low = points["low"].astype(float).to_numpy()
    plus = np.where(np.isnan(high), 0.0, np.clip(high - value, 0, None))
    minus = np.where(np.isnan(low), 0.0, np.clip(value - low, 0, None))
    return plus, minus


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
    ordered = sorted(sizes.index, key=lambda cm: (rank.get(cm[0], len(rank)), -per_category[cm[0]], cm[0],
                                                  measure_rank.get(cm[1], 2), -sizes[cm]))
    return ordered[:max_panels], ordered[max_panels:]


def over_time_rows(points: pd.DataFrame, max_panels: int = 8) -> pd.DataFrame:
    """The rows of ``points`` that ``figures_over_time`` draws (a panel per category and measure,
    at most ``max_panels``), with a ``measure`` column (see ``figure_measures``); what a chart's
    CSV download should hold. ``attrs["left_out"]`` lists the (category, measure) panels beyond
    ``max_panels`` and how many figures each holds."""
    if points.empty:
        return points
    rows = points.assign(measure=figure_measures(points))
    drawn, left_out = _panels(rows, max_panels)
    keep = pd.MultiIndex.from_frame(rows[["category", "measure"]]).isin(drawn)
    plotted = rows[keep]
    plotted.attrs["left_out"] = [(c, m, int(((rows["category"] == c) & (rows["measure"] == m)).sum()))
                                 for c, m in left_out]
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
    note = ("Percentages and amounts of money or time are drawn in panels of their own, never on a count's "
            "axis (" + "; ".join(parts) + ")." if parts else "")
    left_out = plotted.attrs.get("left_out") or []
    if left_out:
        note += (" Not drawn (too many panels; chart fewer categories): "
                 + ", ".join(f"{c} ({_measure_words(m, n)})" for c, m, n in left_out) + ".")
    return note.strip()


def _value_format(measure: str, axis: str = "y") -> str:
    """The hover format of a value of ``measure`` on ``axis``: "1,200", "85%" or "5,000,000 USD"."""
    if measure == COUNT:
        return f"%{{{axis}:,.0f}}"
    return f"%{{{axis}:,.2~f}}" + ("%" if measure == PERCENT else f" {label(measure)}")


def _figure_trace(points: pd.DataFrame, name: str, color: str, measure: str = COUNT,
                  dates: str = "published") -> go.Scatter:
    plus, minus = _error_arrays(points)
    value = _value_format(measure)
    return go.Scatter(
        x=pd.to_datetime(points[dates]), y=points["value"], mode="markers", name=name,
        marker=dict(color=color, size=9, symbol=[_QUALIFIER_SYMBOLS.get(q, "circle") for q in points["qualifier"]],
                    line=dict(width=1, color="white")),
        error_y=dict(type="data", array=plus, arrayminus=minus, symmetric=False, thickness=1.2, width=3),
        customdata=points[["category", "figure_id", "article_id"]].to_numpy(),
        text=_hover_text(points), hovertemplate=f"%{{x|%Y-%m-%d}}: {value}<br>%{{text}}<extra></extra>")


def _robust_top(points: pd.DataFrame) -> float:
    """An upper y limit that keeps the bulk of the figures readable: one absurd value (a
    misread "billions") would otherwise flatten every other point. Double-click shows all."""
    values = pd.concat([points["value"], points["high"]]).dropna().astype(float)
    if values.empty:
        return 1.0
    top = values.quantile(.98) if len(values) >= 50 else values.max()
    return float(top) * 1.1 or 1.0


def _panel_title(category: str, measure: str, alone: bool) -> str:
    if alone and measure == COUNT:
        return label(category)
    return label(f"{category}: " + {COUNT: "counts", PERCENT: "percentages"}.get(measure, measure))


def _y_axis(panel: pd.DataFrame, measure: str) -> dict:
    """The y-axis of one panel: from 0, a share on 0-100% unless a value goes beyond."""
    top = _robust_top(panel)
    if measure == PERCENT:
        return dict(range=[0, 100 if top <= 110 else top], ticksuffix="%", title_text="percent")
    return dict(range=[0, top], tickformat="~s", title_text="count" if measure == COUNT else label(measure))


def figures_over_time(points: pd.DataFrame, reference: pd.DataFrame | None = None,
                      series_category: Mapping[str, str] | None = None, max_panels: int = 8,
                      title: str = "Reported figures over time") -> go.Figure:
    """One panel per category and measure (at most ``max_panels``; key categories first, see
    ``over_time_rows``) of the figures in ``points`` (rows of ``queries.figure_points``) by
    publication date: a category's counts, its percentages (a y-axis in %) and its amounts of
    money or time (a y-axis per unit) are never drawn on one axis. Ranges are error bars from
    low to high, the marker says the qualifier (triangle up: more than, down: less than,
    diamond: approximately). ``reference`` (date, series, value) is drawn in the counts panel
    of the category ``series_category`` maps its series to. A click gives the category,
    figure_id and article_id."""
    if points.empty:
        return empty_figure("No dated figures match these filters")
    plotted = points if "measure" in points else over_time_rows(points, max_panels)
    panels, _ = _panels(plotted, max_panels)
    measures_of = plotted.groupby("category")["measure"].nunique()
    # a share or an amount gets a lower panel than a count: it is there to be read apart, not to dominate
    heights = [1.0 if measure == COUNT else .7 for _, measure in panels]
    height = 120 + int(230 * sum(heights))
    # the gap between panels stays ~70 px (room for the next panel's title) however many there are
    gap = min(70 / height, 1 / (len(panels) - 1)) if len(panels) > 1 else 0
    fig = make_subplots(rows=len(panels), cols=1, shared_xaxes=True, row_heights=heights, vertical_spacing=gap,
                        subplot_titles=[_panel_title(c, m, measures_of[c] == 1) for c, m in panels])
    dates = pd.to_datetime(plotted["published"])
    if reference is not None and not reference.empty:
        when = pd.to_datetime(reference["date"])
        reference = reference[(when >= dates.min() - _REFERENCE_MARGIN) & (when <= dates.max() + _REFERENCE_MARGIN)]
    for row, (category, measure) in enumerate(panels, start=1):
        panel = plotted[(plotted["category"] == category) & (plotted["measure"] == measure)]
        if measure == COUNT and reference is not None and not reference.empty:
            for series, cat in (series_category or {}).items():
                line = reference[reference["series"] == series]
                if cat == category and not line.empty:
                    fig.add_trace(go.Scatter(
                        x=pd.to_datetime(line["date"]), y=line["value"], mode="lines", name=f"reference: {series}",
                        line=dict(color=REFERENCE_COLOR, width=2), hovertemplate="%{x|%Y-%m-%d}: %{y:,.0f} "
                        f"({series})<extra>reference</extra>"), row=row, col=1)
        name = category if measure == COUNT else f"{category} ({'%' if measure == PERCENT else measure})"
        fig.add_trace(_figure_trace(panel, label(name), category_color(category), measure), row=row, col=1)
        fig.update_yaxes(**_y_axis(panel, measure), title_font_size=11, row=row, col=1)
    fig.update_layout(title=title, height=height, **_LAYOUT)
    return fig


def reporter_comparison(frame: pd.DataFrame, category: str, measure: str = COUNT) -> go.Figure:
    """What each speaker or source reported for ``category``: one row per ``reported_by``, a point
    per figure (ranges as error bars), all of one ``measure`` (``measures``: the caller
    picks the rows). A click gives ("speaker", speaker_id) or ("source", name)."""
    if frame.empty:
        return empty_figure(f"No {category} figures match these filters")
    plus, minus = _error_arrays(frame)
    by = np.where(frame["speaker_id"].notna(), "speaker", "source")
    keys = np.where(frame["speaker_id"].notna(), frame["speaker_id"].astype(str),
                    frame["source"].fillna("").astype(str))
    order = _labels(frame.groupby("reported_by")["value"].max().sort_values().index)
    fig = go.Figure(go.Scatter(
        x=frame["value"], y=_labels(frame["reported_by"]), mode="markers",
        marker=dict(color=category_color(category), size=10, opacity=.8,
                    symbol=[_QUALIFIER_SYMBOLS.get(q, "circle") for q in frame["qualifier"]]),
        error_x=dict(type="data", array=plus, arrayminus=minus, symmetric=False, thickness=1.2, width=3),
        customdata=np.column_stack([by, keys, frame["figure_id"].astype(str)]),
        text=[f"{p:%Y-%m-%d}" if pd.notna(p) else "no date" for p in pd.to_datetime(frame["published"])],
        hovertemplate=f"%{{y}}: {_value_format(measure, 'x')} (%{{text}})<extra></extra>"))
    fig.update_yaxes(categoryorder="array", categoryarray=order)
    fig.update_xaxes(tickformat="~s", range=[0, _robust_top(frame)], ticksuffix="%" if measure == PERCENT else "")
    axis = label(category) if measure == COUNT else f"{label(category)} ({measure_label(measure)})"
    fig.update_layout(title=f"{label(category)}: what each speaker or source reported", xaxis_title=axis,
                      height=max(280, 32 * len(order) + 110), **_LAYOUT)
    return fig


def speaker_timeline(frame: pd.DataFrame, name: str) -> go.Figure:
    """Stacked bars of one speaker's statements per period and kind (``queries.speaker_activity``);
    a click gives the period's first day."""
    if frame.empty:
        return empty_figure(f"No dated statements by {name} match these filters")
    bucket = frame.attrs.get("bucket", "period")
    fig = go.Figure()
    colors = {"direct": "#37474f", "mixed": "#78909c", "indirect": "#b0bec5"}
    for kind, rows in frame.groupby("kind", sort=True):
        periods = pd.to_datetime(rows["period"])
        fig.add_trace(go.Bar(x=periods, y=rows["statements"], name=kind, marker_color=colors.get(kind, "#90a4ae"),
                             customdata=np.array([[d.date().isoformat()] for d in periods], dtype=object),
                             hovertemplate=f"{bucket} of %{{x|%Y-%m-%d}}: %{{y}} {kind}<extra></extra>"))
    fig.update_xaxes(tickformat="%Y-%m-%d" if bucket != "month" else "%b %Y")
    fig.update_layout(title=f"Statements by {label(name)} (per {bucket})", barmode="stack", height=320, **_LAYOUT)
    return fig


def co_quotation_matrix(matrix: pd.DataFrame) -> go.Figure:
    """The matrix of ``queries.co_quoted`` as squares sized and coloured by the articles quoting
    both speakers (a scatter, not a heatmap: Streamlit reports clicks on points, not on heatmap
    cells); a click gives the row speaker's id and the column speaker's id. The diagonal (a
    speaker with themselves) is left out."""
    if matrix.empty:
        return empty_figure("No speakers are quoted under these filters")
    ids = matrix.attrs.get("ids", {})
    cells = [(r, c, int(matrix.loc[r, c])) for r in matrix.index for c in matrix.columns
             if r != c and matrix.loc[r, c] > 0]
    if not cells:
        return empty_figure("These speakers are never quoted in the same article")
    rows, cols, counts = zip(*cells)
    top = max(counts)
    fig = go.Figure(go.Scatter(
        x=_labels(cols), y=_labels(rows), mode="markers",
        marker=dict(symbol="square", size=[10 + 16 * (n / top) ** 0.5 for n in counts], color=list(counts),
                    colorscale="Blues", cmin=0, showscale=True, colorbar=dict(title="articles"),
                    line=dict(width=0.5, color="#90a4ae")),
        customdata=[[ids.get(r, r), ids.get(c, c)] for r, c in zip(rows, cols)],
        hovertemplate="%{y} and %{x}: %{marker.color} articles<extra></extra>"))
    order = _labels(matrix.index)
    fig.update_xaxes(categoryorder="array", categoryarray=order, tickangle=-45)
    fig.update_yaxes(categoryorder="array", categoryarray=order, autorange="reversed")
    size = max(360, 30 * len(matrix) + 160)
    fig.update_layout(title="Quoted in the same articles", height=size, **_LAYOUT)
    return fig
