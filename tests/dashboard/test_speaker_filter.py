"""The speaker filter: unnamed sources as one choice, and the Speakers page counting them apart
(AppTest on a small made-up corpus built as a user would)."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import ROOT
from streamlit.testing.v1 import AppTest

from newstally.read.filters import UNNAMED

ARTICLES = {
    "a1": "Foreign Minister Nina Berg said the talks had failed. Officials said the road was closed.",
    "a2": "A source close to the group said the talks had failed. Nina Berg said the border would reopen.",
}


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    from newstally.build.pipeline import build

    folder = tmp_path_factory.mktemp("corpus")
    for name, text in ARTICLES.items():
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    build([folder], folder.parent / "unnamed.duckdb")
    return folder.parent / "unnamed.duckdb"


def app(store: Path, monkeypatch, page: str) -> AppTest:
    monkeypatch.setenv("NEWSTALLY_STORE", str(store))
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60)
    at.switch_page(f"components/pages/{page}.py")
    at.run()
    assert not at.exception, at.exception
    return at


def test_speaker_filter_offers_unnamed_sources_and_filters_by_them(store, monkeypatch):
    at = app(store, monkeypatch, "statements")
    speaker = at.sidebar.multiselect(key="speaker")
    assert UNNAMED in speaker.options or "Unnamed sources" in speaker.options
    speaker.set_value([UNNAMED]).run()
    assert not at.exception
    assert set(at.dataframe[0].value["speaker"]) == {"Officials", "A source close to the group"}


def test_speaker_filter_speakers_page_counts_unnamed_sources_apart(store, monkeypatch):
    at = app(store, monkeypatch, "speakers")
    captions = " ".join(str(c.value) for c in at.caption)
    assert "2 statements by unnamed sources" in captions
