"""components.downloads: file names, and images only where Chromium is."""
from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest


@pytest.mark.parametrize("name, stem", [("Figures: killed over time", "figures-killed-over-time"),
                                        ("statements-by-maria-zakharova", "statements-by-maria-zakharova"),
                                        ("", "chart")])
def test_downloads_download_names_say_what_the_file_is(name, stem):
    from components.downloads import file_stem

    assert file_stem(name) == stem


def _chart_app():
    import pandas as pd

    from components import chart
    from newstally.read import charts

    frame = pd.DataFrame({"category": ["killed"], "figures": [2]})
    chart.render(charts.category_bars(frame), frame, "figures by category", key="c")


def test_downloads_without_chromium_images_give_way_to_a_note(monkeypatch):
    from components import downloads

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
