"""Shared fixtures: paths to the sample and shared corpora, and a store built from the seed articles."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import duckdb
import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SAMPLE = ROOT / "data" / "articles"


def pytest_configure(config):
    # No test may touch the repository's own store (a user's data/newstally.duckdb): a dashboard
    # run that names no store, or outlives a test's monkeypatch, gets this throwaway one.
    os.environ["NEWSTALLY_STORE"] = str(Path(tempfile.mkdtemp(prefix="newstally-tests-")) / "default.duckdb")


def shared(*parts: str) -> Path:
    """A path under ../shared, skipping the test when this checkout has no shared folder beside it."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is not here (../shared sits beside the repository in CI and dev sessions)")
    return path


@pytest.fixture(scope="session")
def seed_store(tmp_path_factory) -> Path:
    """A store built from the bundled sample articles (read it, do not write it)."""
    from newstally.build.pipeline import build

    store = tmp_path_factory.mktemp("seed") / "seed.duckdb"
    build([SAMPLE], store)
    return store


@pytest.fixture
def sample_copy(tmp_path) -> Path:
    """A writable copy of the sample articles folder."""
    target = tmp_path / "articles"
    shutil.copytree(SAMPLE, target)
    return target


# --- the dashboard's fixtures ------------------------------------------------------------------

DEMO_TEXTS = {
    "a1": (
        'Kremlin spokesman Dmitry Peskov said: "We are extremely concerned." Fighting went on for more than 48 hours.'
    ),
    "a2": (
        "Maria Zakharova said the war in Gaza must stop. The Gaza Health Ministry said 11,000 people "
        "were killed and 27,000 injured."
    ),
    "a3": (
        '"More than 28,500 people were killed in Gaza," Zakharova stressed. Peskov said between 5,000 '
        "and 7,000 rockets were fired."
    ),
    "a4": "<script>alert(1)</script> The spokesman said <img src=x onerror=alert(1)> 30 trucks entered.",
}


def _span(article: str, text: str) -> tuple[int, int]:
    start = DEMO_TEXTS[article].index(text)
    return start, start + len(text)


# place, subgroup, scope and since of the demo figures that have them
_DEMO_COUNTS_OVER = {
    "a2:f0": ("Gaza", "", "cumulative", None),
    "a2:f1": ("Gaza", "", "cumulative", None),
    "a3:f0": ("Gaza", "", "cumulative", None),
}


def build_demo_store(path: Path) -> Path:
    """A small store with known rows (three speakers, four articles, one of them hostile), written
    directly through the store so dashboard tests do not depend on extraction quality."""
    from datetime import date

    from newstally.build.store import write_meta, writing

    articles = [
        ("a1", "Kremlin is concerned", "Al Jazeera", "", date(2023, 10, 9)),
        ("a2", "Gaza toll rises", "Reuters", "", date(2023, 11, 20)),
        ("a3", "Moscow on Gaza", "Al Jazeera", "", date(2024, 2, 14)),
        ("a4", "<script>alert('title')</script>", "=cmd|' /C calc'!A0", "", None),
    ]
    statements = [
        ("a1:s0", "a1", "dmitry-peskov", "Dmitry Peskov", "direct", "said", "We are extremely concerned."),
        ("a2:s0", "a2", "maria-zakharova", "Maria Zakharova", "indirect", "said", "the war in Gaza must stop"),
        (
            "a2:s1",
            "a2",
            "gaza-health-ministry",
            "Gaza Health Ministry",
            "indirect",
            "said",
            "11,000 people were killed and 27,000 injured",
        ),
        (
            "a3:s0",
            "a3",
            "maria-zakharova",
            "Maria Zakharova",
            "direct",
            "stressed",
            "More than 28,500 people were killed in Gaza,",
        ),
        (
            "a3:s1",
            "a3",
            "dmitry-peskov",
            "Dmitry Peskov",
            "indirect",
            "said",
            "between 5,000 and 7,000 rockets were fired",
        ),
    ]
    figures = [
        ("a1:f0", "a1", "more than 48 hours", 48, 48, None, "more_than", "hours", "duration", None, None),
        (
            "a2:f0",
            "a2",
            "11,000 people",
            11000,
            11000,
            11000,
            "exact",
            "people",
            "killed",
            "a2:s1",
            "gaza-health-ministry",
        ),
        ("a2:f1", "a2", "27,000", 27000, 27000, 27000, "exact", "people", "injured", "a2:s1", "gaza-health-ministry"),
        (
            "a3:f0",
            "a3",
            "More than 28,500 people",
            28500,
            28500,
            None,
            "more_than",
            "people",
            "killed",
            "a3:s0",
            "maria-zakharova",
        ),
        (
            "a3:f1",
            "a3",
            "between 5,000 and 7,000 rockets",
            6000,
            5000,
            7000,
            "exact",
            "rockets",
            "projectiles",
            "a3:s1",
            "dmitry-peskov",
        ),
        ("a4:f0", "a4", "30 trucks", 30, 30, 30, "exact", "trucks", "aid", None, None),
    ]
    speakers = [
        ("dmitry-peskov", "Dmitry Peskov", "person", "Kremlin spokesman", "Kremlin", "Russia", ["Peskov"], 2, 2),
        (
            "maria-zakharova",
            "Maria Zakharova",
            "person",
            "Foreign Ministry spokeswoman",
            "Russian Foreign Ministry",
            "Russia",
            ["Zakharova"],
            2,
            2,
        ),
        (
            "gaza-health-ministry",
            "Gaza Health Ministry",
            "organization",
            "",
            "Gaza Health Ministry",
            "Palestine",
            [],
            1,
            1,
        ),
    ]
    with writing(path, fresh=True) as writer:
        writer.insert(
            "articles",
            [
                (aid, title, source, url, published, len(DEMO_TEXTS[aid].split()), aid, f"{aid}.txt", "demo")
                for aid, title, source, url, published in articles
            ],
        )
        writer.insert("texts", [(aid, text) for aid, text in DEMO_TEXTS.items()])
        writer.insert(
            "statements",
            [
                (sid, aid, spk, name, False, kind, cue, text, *_span(aid, text), None, "demo")
                for sid, aid, spk, name, kind, cue, text in statements
            ],
        )
        writer.insert(
            "figures",
            [
                (
                    fid,
                    aid,
                    *_span(aid, text),
                    text,
                    value,
                    low,
                    high,
                    qual,
                    unit,
                    cat,
                    *_DEMO_COUNTS_OVER.get(fid, ("", "", "", None)),
                    DEMO_TEXTS[aid],
                    sid,
                    spk,
                    "demo",
                )
                for fid, aid, text, value, low, high, qual, unit, cat, sid, spk in figures
            ],
        )
        writer.insert("speakers", speakers)
        writer.insert("rejected", [("bad/empty.txt", "the file is empty; there is nothing to read")])
        write_meta(writer, extractor_version="demo")
    return path


@pytest.fixture(scope="session")
def demo_store(tmp_path_factory) -> Path:
    """A store with known rows for the dashboard's queries and pages (read it, do not write it)."""
    return build_demo_store(tmp_path_factory.mktemp("demo") / "demo.duckdb")


@pytest.fixture(scope="module")
def demo_con(demo_store):
    """A read-only connection to the demo store, for the query tests."""
    connection = duckdb.connect(str(demo_store), read_only=True)
    yield connection
    connection.close()


@pytest.fixture(scope="module")
def empty_con(empty_store):
    """A read-only connection to the empty store."""
    connection = duckdb.connect(str(empty_store), read_only=True)
    yield connection
    connection.close()


@pytest.fixture(scope="session")
def empty_store(tmp_path_factory) -> Path:
    """A store with every table and no rows."""
    from newstally.build.store import write_meta, writing

    path = tmp_path_factory.mktemp("empty") / "empty.duckdb"
    with writing(path, fresh=True) as writer:
        write_meta(writer, extractor_version="demo")
    return path
