"""Download buttons for a chart: PNG, SVG, interactive HTML, and its data as CSV.

Every file says where it comes from: images and the HTML page carry a caption under the plot
(source corpus, filters, date), the CSV the same lines as ``# `` comments above its header; the
CSV holds the full data behind the chart, not the sample it draws.

Files are made only when the user clicks (``st.download_button`` with a callable), so drawing a
page exports nothing. PNG and SVG go through kaleido and the system Chromium, started on the first
image a user asks for (not when a page is drawn: a browser starting up would slow every page on a
small server) and reused for every later image; where Chromium is missing those two buttons give
way to a note on how to enable them.
"""

from __future__ import annotations

import atexit
import shutil
import warnings
from collections.abc import Callable, Sequence
from datetime import date
from functools import partial

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from newstally.build.export import csv_bytes
from newstally.read.captions import caption_lines, commented, corpus_text, filters_text
from newstally.read.chart_style import with_caption
from newstally.read.filters import Filters
from newstally.read.queries.choices import speaker_names
from newstally.read.queries.overview import corpus_summary

from . import sidebar
from .data import load, store_path

# The data behind a chart: a frame, or a function that reads it when the user asks for the file.
Data = pd.DataFrame | Callable[[], pd.DataFrame]

CHROMIUM_CANDIDATES = ("chromium", "chromium-browser", "google-chrome", "/usr/bin/chromium")
ENABLE_IMAGES = "PNG and SVG downloads need Chromium on the server: `apt-get install chromium`."


def caption(filters: Filters | None = None, notes: Sequence[str] = ()) -> tuple[str, ...]:
    """The lines a download carries: the store's corpus, ``filters`` in words (the sidebar's when
    None), ``notes`` (what was sampled or left out) and today's date."""
    shown = sidebar.current() if filters is None else filters
    names = load(speaker_names, shown.speakers) if shown.speakers else {}
    corpus = corpus_text(store_path().name, load(corpus_summary))
    return tuple(caption_lines(corpus, filters_text(shown, names), date.today(), notes))


def chromium_path() -> str | None:
    """The browser kaleido can drive, or None when this machine has none."""
    for name in CHROMIUM_CANDIDATES:
        found = shutil.which(name)
        if found:
            return found
    return None


@st.cache_resource(show_spinner=False)
def image_exporter() -> bool:
    """Starts kaleido's long-lived browser once per server process; False when that fails."""
    if chromium_path() is None:
        return False
    try:
        import kaleido

        kaleido.start_sync_server(silence_warnings=True)
        atexit.register(kaleido.stop_sync_server, silence_warnings=True)  # close the browser with the server
    except Exception:  # noqa: BLE001 - no browser means no images, never a broken page
        return False
    return True


def image_bytes(figure: go.Figure, fmt: str, caption: tuple[str, ...] = ()) -> bytes:
    """``figure`` as PNG or SVG bytes, with ``caption`` under the plot, through the shared kaleido
    browser (started by the first call)."""
    figure = with_caption(figure, list(caption))
    height = max(500, int(figure.layout.height or 500))
    image_exporter()
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # plotly warns that per-call options are ignored by a server
            return figure.to_image(format=fmt, width=1200, height=height, scale=2 if fmt == "png" else 1)
    except Exception:
        # the browser died or cannot start: the next image starts it again
        image_exporter.clear()
        raise


def html_bytes(figure: go.Figure, caption: tuple[str, ...] = ()) -> bytes:
    """``figure`` as a standalone interactive HTML page with ``caption`` under the plot (plotly.js
    inlined: it opens offline)."""
    return with_caption(figure, list(caption)).to_html(include_plotlyjs=True, full_html=True).encode("utf-8")


def data_csv(data: Data, caption: tuple[str, ...] = ()) -> bytes:
    """``data`` (read now if it is a function) as CSV, formulas neutralised, under ``caption`` as
    ``# `` comment lines."""
    frame = data() if callable(data) else data
    return commented(caption).encode("utf-8") + csv_bytes(frame)


def file_stem(name: str) -> str:
    """``name`` as a file name stem: lower case words joined by hyphens."""
    words = "".join(c.lower() if c.isalnum() else " " for c in name).split()
    return "-".join(words) or "chart"


def csv_button(
    data: Data,
    name: str,
    key: str,
    caption: tuple[str, ...] = (),
    label: str = "CSV",
    help: str = "The data behind this chart",
    container=None,
) -> None:
    """A button that downloads ``data`` as ``<name>.csv`` with ``caption`` above the header."""
    (container or st).download_button(
        label,
        partial(data_csv, data, caption),
        f"{file_stem(name)}.csv",
        "text/csv",
        key=key,
        on_click="ignore",
        icon=":material/table:",
        help=help,
    )


def render(figure: go.Figure, data: Data, name: str, key: str, caption: tuple[str, ...] = ()) -> None:
    """A row of download buttons for ``figure`` and its ``data``, named ``<name>.<ext>``; every
    file carries ``caption`` (the source corpus, the filters, the date)."""
    stem = file_stem(name)
    images = chromium_path() is not None
    columns = st.columns(4 if images else 3)
    if images:
        columns[0].download_button(
            "PNG",
            partial(image_bytes, figure, "png", caption),
            f"{stem}.png",
            "image/png",
            key=f"{key}-png",
            on_click="ignore",
            icon=":material/image:",
        )
        columns[1].download_button(
            "SVG",
            partial(image_bytes, figure, "svg", caption),
            f"{stem}.svg",
            "image/svg+xml",
            key=f"{key}-svg",
            on_click="ignore",
            icon=":material/draw:",
        )
    rest = columns[2:] if images else columns
    rest[0].download_button(
        "HTML",
        partial(html_bytes, figure, caption),
        f"{stem}.html",
        "text/html",
        key=f"{key}-html",
        on_click="ignore",
        icon=":material/language:",
    )
    csv_button(
        data,
        name,
        f"{key}-csv",
        caption,
        container=rest[1],
        help="All the data behind this chart (not only the points drawn), with its source and filters",
    )
    if not images:
        rest[2].caption(ENABLE_IMAGES)
