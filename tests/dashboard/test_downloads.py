"""components.downloads: file names, and images only where Chromium is."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest


@pytest.mark.parametrize(
    "name, stem",
    [
        ("Figures: killed over time", "figures-killed-over-time"),
        ("statements-by-maria-zakharova", "statements-by-maria-zakharova"),
        ("", "chart"),
    ],
)
def test_downloads_download_names_say_what_the_file_is(name, stem):
    from components.downloads import file_stem

    assert file_stem(name) == stem


def _chart_app():
    import pandas as pd

    from components import chart
    from newstally.read import charts

    frame = pd.DataFrame({"category": ["killed"], "figures": [2]})
    chart.render(charts.category_bars(frame), frame, "figures by category", key="c")


def test_downloads_without_chromium_images_give_way_to_a_note(monkeypatch, demo_store):
    from components import downloads

    monkeypatch.setenv("NEWSTALLY_STORE", str(demo_store))
    monkeypatch.setattr(downloads, "chromium_path", lambda: None)
    downloads.image_exporter.clear()
    try:
        at = AppTest.from_function(_chart_app, default_timeout=30)
        at.run()
        assert not at.exception, at.exception
        assert [b.label for b in at.get("download_button")] == ["HTML", "CSV"]
        assert "apt-get install chromium" in " ".join(c.value for c in at.caption)
    finally:
        downloads.image_exporter.clear()


def test_downloads_image_bytes_are_real_images():
    import pandas as pd

    from components import downloads
    from newstally.read import charts

    if downloads.chromium_path() is None:
        pytest.skip("no Chromium: PNG and SVG export is off, as the page says")
    figure = charts.category_bars(pd.DataFrame({"category": ["killed"], "figures": [2]}))
    downloads.image_exporter()
    assert downloads.image_bytes(figure, "png")[:8] == b"\x89PNG\r\n\x1a\n"
    assert b"<svg" in downloads.image_bytes(figure, "svg")[:200]
    page = downloads.html_bytes(figure)
    assert page.lower().startswith(b"<!doctype html>") and b"plotly" in page


def test_downloads_csv_carries_every_row_under_its_source_and_filters():
    import io

    import pandas as pd

    from components.downloads import data_csv

    rows = pd.DataFrame({"text": ["=cmd|' /C calc'!A0", "11,000 people"], "value": [1.0, 11000.0]})
    lines = ("Source: demo.duckdb: 4 articles", "Filters: category killed", "Made with newstally on 2024-05-01")
    made = data_csv(lambda: rows, lines).decode()
    assert made.splitlines()[:3] == [f"# {line}" for line in lines]
    back = pd.read_csv(io.StringIO(made), comment="#")
    assert len(back) == 2 and back["text"].iloc[0].startswith("'=")  # formulas stay neutralised


def test_downloads_images_carry_the_caption():
    import pandas as pd

    from components import downloads
    from newstally.read import charts

    if downloads.chromium_path() is None:
        pytest.skip("no Chromium: PNG and SVG export is off, as the page says")
    figure = charts.category_bars(pd.DataFrame({"category": ["killed"], "figures": [2]}))
    caption = ("Source: demo.duckdb: 4 articles", "Filters: category killed")
    svg = downloads.image_bytes(figure, "svg", caption).decode()
    assert "Filters: category killed" in svg and "Source: demo.duckdb" in svg
    assert b"Filters: category killed" in downloads.html_bytes(figure, caption)
