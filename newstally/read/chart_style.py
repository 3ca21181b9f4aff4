"""How every chart looks: text that reads (WCAG AA contrast on white), colours a colour-blind
reader tells apart, a marker per series, count axes with whole-number ticks, and the caption a
downloaded image carries.

Pure plotly, no Streamlit: the builders of ``charts`` and ``figure_charts`` use these, so a chart
looks the same on the page, in a PNG and in an HTML download.
"""

from __future__ import annotations

import html
import math
from collections.abc import Iterable

import plotly.graph_objects as go

# Streamlit's body text colour: 12.5:1 on white. Axis labels, tick labels, titles, legends and
# annotations all use it (plotly's and Streamlit's defaults are greys of 3.7:1 and lower).
TEXT = "#31333f"
# Secondary text (panel titles, the caption of a download): 8.4:1 on white.
MUTED_TEXT = "#4a4d57"
GRID = "#e6e6ea"
FONT = "Source Sans Pro, Source Sans 3, Helvetica, Arial, Liberation Sans, DejaVu Sans, sans-serif"
# Okabe & Ito's palette, told apart with any colour vision; its yellow is left out (1.4:1 on white),
# and each colour has 3:1 or more against white (WCAG's contrast for graphical objects).
SERIES_COLORS = ("#0072b2", "#d55e00", "#009e73", "#cc79a7", "#7a5195", "#8c6d00", "#3d3d3d", "#2b8cbe")
# The reference is a dark dashed line: neither a hue of the series nor mistaken for one.
REFERENCE_COLOR = "#3d3d3d"
REFERENCE_DASH = "dash"
# A series' markers: filled for counts, hollow for anything else (shares, money, time), so two
# series of one category read apart in grey print too.
FILLED, HOLLOW = "", "-open"
# Sequential scale for counts, white to mid blue: dark text reads on every shade of it (5:1 or more),
# and each cell's count is written in it, so no value rests on the shade alone.
COUNT_SCALE = [[0.0, "#eef4fb"], [0.5, "#a9cde8"], [1.0, "#6baed6"]]

# Legends sit right of the plot, where they cannot cover the title or the data.
LAYOUT = dict(
    template="plotly_white",
    hovermode="closest",
    font=dict(family=FONT, color=TEXT, size=13),
    title=dict(font=dict(color=TEXT, size=16)),
    margin=dict(l=10, r=10, t=60, b=10),
    legend=dict(yanchor="top", y=1, xanchor="left", x=1.01, font=dict(color=TEXT)),
    hoverlabel=dict(font=dict(family=FONT, color=TEXT), bgcolor="white"),
)
AXIS = dict(
    tickfont=dict(color=TEXT),
    title_font=dict(color=TEXT),
    gridcolor=GRID,
    linecolor=TEXT,
    zerolinecolor="#c8c8cf",
    automargin=True,
)
CAPTION_LINE_PX = 18  # the height of one caption line under a downloaded chart


def _rgb(color: str) -> tuple[float, float, float]:
    color = color.lstrip("#")
    red, green, blue = (int(color[i : i + 2], 16) / 255 for i in (0, 2, 4))
    return red, green, blue


def luminance(color: str) -> float:
    """The relative luminance of a ``#rrggbb`` colour (WCAG 2)."""
    channels = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in _rgb(color)]
    return 0.2126 * channels[0] + 0.7152 * channels[1] + 0.0722 * channels[2]


def contrast(one: str, other: str) -> float:
    """The WCAG contrast ratio of two ``#rrggbb`` colours (1 to 21)."""
    high, low = sorted((luminance(one), luminance(other)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def scale_color(scale: list[list], share: float) -> str:
    """The colour of ``scale`` (plotly's [[position, "#rrggbb"], ...]) at ``share`` (0 to 1)."""
    share = min(max(share, 0.0), 1.0)
    for (left, low), (right, high) in zip(scale, scale[1:]):
        if share <= right:
            t = (share - left) / (right - left) if right > left else 0.0
            mixed = [a + (b - a) * t for a, b in zip(_rgb(low), _rgb(high))]
            return "#" + "".join(f"{round(c * 255):02x}" for c in mixed)
    return scale[-1][1]


def text_on(background: str) -> str:
    """The text colour that reads best on ``background``: the body text colour or white."""
    return TEXT if contrast(TEXT, background) >= contrast("#ffffff", background) else "#ffffff"


def styled(fig: go.Figure, **layout) -> go.Figure:
    """``fig`` with the dashboard's layout (and ``layout`` on top) and readable axes."""
    fig.update_layout(**{**LAYOUT, **layout})
    fig.update_xaxes(**AXIS)
    fig.update_yaxes(**AXIS)
    return fig


def series_color(index: int) -> str:
    """The colour of the ``index``-th series of a chart."""
    return SERIES_COLORS[index % len(SERIES_COLORS)]


def marker_symbol(shape: str, fill: str = FILLED) -> str:
    """A plotly symbol: ``shape`` ("circle", "triangle-up", ...) filled or hollow."""
    return shape + fill


def count_ticks(top: float) -> dict:
    """Axis settings for counts up to ``top``: whole-number ticks (never 0.2, 0.4 people), in
    thousands separators below a million and SI prefixes (1.2M) above."""
    settings: dict = {"tickformat": ",~r" if top < 1e6 else "~s", "rangemode": "tozero"}
    if top <= 10:
        settings["dtick"] = 1 if top <= 6 else 2
    return settings


def short_number(value: float) -> str:
    """A round number as a tick says it: 500, 10k, 2.5M, 1bn."""
    for size, suffix in ((1e9, "bn"), (1e6, "M"), (1e3, "k")):
        if abs(value) >= size:
            return f"{value / size:,.3g}{suffix}"
    return f"{value:,.3g}"


def log_axis(low: float, high: float) -> dict:
    """A log axis from ``low`` to ``high`` (both > 0) with a tick at each power of ten, written
    short (1, 10, 100, 1k, ... 1bn): full numbers would run into each other."""
    low, high = max(low, 1e-9), max(high, low * 10)
    first, last = math.floor(math.log10(low)), math.ceil(math.log10(high))
    ticks = [10.0**e for e in range(first, last + 1)]
    return dict(
        type="log",
        range=[math.log10(low) - 0.15, math.log10(high) + 0.15],
        tickmode="array",
        tickvals=ticks,
        ticktext=[short_number(t) for t in ticks],
    )


def nice_top(value: float) -> float:
    """An upper bound a little above ``value``, rounded up to a tenth of its power of ten
    (34,000 -> 37,000; 97 -> 110)."""
    if not value or value <= 0 or math.isnan(value):
        return 1.0
    padded = value * 1.06
    step = 10 ** math.floor(math.log10(padded)) / 10
    return math.ceil(padded / step) * step


def caption_text(lines: Iterable[str]) -> str:
    """``lines`` as the text of a plotly annotation: escaped (they name sources and speakers),
    one per line."""
    return "<br>".join(html.escape(" ".join(str(line).split()), quote=False) for line in lines if line)


def with_caption(fig: go.Figure, lines: list[str], below_plot_px: int = 58) -> go.Figure:
    """A copy of ``fig`` with ``lines`` (source corpus, filters, date) written under the plot, as a
    downloaded image or page carries them; ``below_plot_px`` is the room the x-axis labels and
    title take under the plot. The figure grows so the plot keeps its size."""
    if not lines:
        return fig
    out = go.Figure(fig)
    block = CAPTION_LINE_PX * len(lines) + 12
    margin = out.layout.margin
    bottom = max(margin.b if margin and margin.b is not None else 10, below_plot_px) + block
    out.update_layout(height=int(out.layout.height or 450) + block, margin=dict(b=bottom))
    out.add_annotation(
        text=caption_text(lines),
        xref="paper",
        yref="paper",
        x=0,
        y=0,
        xanchor="left",
        yanchor="top",
        yshift=-below_plot_px,
        showarrow=False,
        align="left",
        font=dict(size=12, color=MUTED_TEXT),
    )
    return out
