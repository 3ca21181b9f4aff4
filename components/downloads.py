"""Download buttons for a chart: PNG, SVG, interactive HTML, and its data as CSV.

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
from functools import partial

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from newstally.build.export import csv_bytes

CHROMIUM_CANDIDATES = ("chromium", "chromium-browser", "google-chrome", "/usr/bin/chromium")
ENABLE_IMAGES = "PNG and SVG downloads need Chromium on the server: `apt-get install chromium`."


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


def image_bytes(figure: go.Figure, fmt: str) -> bytes:
    """``figure`` as PNG or SVG bytes through the shared kaleido browser (started by the first call)."""
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


def html_bytes(figure: go.Figure) -> bytes:
    """``figure`` as a standalone interactive HTML page (plotly.js inlined: it opens offline)."""
    return figure.to_html(include_plotlyjs=True, full_html=True).encode("utf-8")


def file_stem(name: str) -> str:
    """``name`` as a file name stem: lower case words joined by hyphens."""
    words = "".join(c.lower() if c.isalnum() else " " for c in name).split()
    return "-".join(words) or "chart"


def render(figure: go.Figure, data: pd.DataFrame, name: str, key: str) -> None:
    """A row of download buttons for ``figure`` and its ``data``, named ``<name>.<ext>``."""
    stem = file_stem(name)
    images = chromium_path() is not None
    columns = st.columns(4 if images else 3)
    if images:
        columns[0].download_button("PNG", partial(image_bytes, figure, "png"), f"{stem}.png", "image/png",
                                   key=f"{key}-png", on_click="ignore", icon=":material/image:")
        columns[1].download_button("SVG", partial(image_bytes, figure, "svg"), f"{stem}.svg", "image/svg+xml",
                                   key=f"{key}-svg", on_click="ignore", icon=":material/draw:")
    rest = columns[2:] if images else columns
    rest[0].download_button("HTML", partial(html_bytes, figure), f"{stem}.html", "text/html",
                            key=f"{key}-html", on_click="ignore", icon=":material/language:")
    rest[1].download_button("CSV", partial(csv_bytes, data), f"{stem}.csv", "text/csv",
                            key=f"{key}-csv", on_click="ignore", icon=":material/table:",
                            help="The data behind this chart")
    if not images:
        rest[2].caption(ENABLE_IMAGES)
