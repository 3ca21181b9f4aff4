"""The dashboard's answers hold up, in a real browser (Playwright, Debian's chromium): views answer
for the whole selection, downloads carry all the data and say where it comes from, tables page
through everything, the corpus page asks before replacing, the reader goes back, text reads.

One server on a crowded store (``browsing.build_crowded_store``: the issue's shapes, small);
screenshots go to tests/artifacts/. Skipped when /usr/bin/chromium is missing.
"""

from __future__ import annotations

import io
import re
import shutil
from pathlib import Path

import pandas as pd
import pytest
from browsing import (
    CHROMIUM,
    CONTRAST,
    LONG_STATEMENT,
    build_crowded_store,
    chart_data,
    column_index,
    eventually,
    open_page,
    screenshot,
    select_row,
    serving,
    settle,
    table_cells,
)

pytestmark = pytest.mark.browser
OVER_TIME = "figures?category=killed&dates=2023-10-07&dates=2024-04-18"


@pytest.fixture(scope="module")
def crowded(tmp_path_factory) -> Path:
    if not Path(CHROMIUM).exists():
        pytest.skip(f"{CHROMIUM} is missing: install Debian's chromium (apt-get install chromium) to run browser tests")
    return build_crowded_store(tmp_path_factory.mktemp("crowded") / "crowded.duckdb")


@pytest.fixture(scope="module")
def server(crowded):
    with serving(crowded) as url:
        yield url


def _download(page, button: str, index: int = 0) -> Path:
    with page.expect_download(timeout=120_000) as download:
        page.get_by_role("button", name=button, exact=True).nth(index).click()
    return Path(download.value.path())


def _button(page, name: str):
    """The page's own button ``name`` (not a date picker's or a grid's)."""
    return page.locator('[data-testid="stMainBlockContainer"] [data-testid^="stBaseButton"]', has_text=name).first


def _captions(page) -> str:
    return " ".join(page.locator('[data-testid="stCaptionContainer"]').all_inner_texts())


# --- views answer for the whole selection ------------------------------------------------------------


def test_browser_who_reported_what_gives_every_reporter_a_row(page, server):
    """The issue: a 1,000-row cap sorted by name was filled by one source, so no speaker appeared,
    and the axis cut the largest figures off."""
    open_page(page, f"{server}/figures?view=Who+reported+what&category=killed")
    screenshot(page, "answers-who-reported-what")
    drawn = chart_data(page)
    rows = drawn["traces"][1]["y"]  # the medians: one per reporter
    assert "Big Source (1,000)" in rows and {f"Speaker {n}" for n in ("One", "Two", "Three", "Four", "Five")} <= {
        re.sub(r" \(\d+\)$", "", row) for row in rows
    }
    axis = drawn["axes"]["xaxis"]
    assert axis["type"] == "log" and 10 ** axis["range"][1] >= 2_300_000 and 10 ** axis["range"][0] <= 3
    assert "up to 60 of each row's figures" in _captions(page)


def _every_figure(page) -> None:
    """Turns off "Only figures comparable with the reference": the crowded store's tolls name no
    place, so the chart would keep none of them against the Gaza series."""
    page.get_by_text("Only figures comparable with the reference").click()
    settle(page)


def test_browser_over_time_axis_fits_the_reference_and_series_read_apart(page, server):
    open_page(page, f"{server}/{OVER_TIME}")
    _every_figure(page)
    screenshot(page, "answers-over-time-killed")
    drawn = chart_data(page)
    reference = next(t for t in drawn["traces"] if t["mode"] == "lines")
    assert reference["name"] == "Gaza Ministry of Health: killed, cumulative" and reference["dash"] == "dash"
    top = drawn["axes"]["yaxis"]["range"][1]
    assert max(reference["y"]) <= top <= 1.6 * max(reference["y"])  # the reference fills the panel
    series = {t["name"]: t for t in drawn["traces"] if t["mode"] == "markers"}
    assert series["killed"]["color"] != series["killed (%)"]["color"]
    assert all(s.endswith("-open") for s in series["killed (%)"]["symbol"])
    assert not any(s.endswith("-open") for s in series["killed"]["symbol"])
    assert "Above the axis of killed: 3 figures, the largest 2,300,000" in _captions(page)
    ticks = drawn["axes"]["yaxis"]["tickvals"]
    assert ticks and all(re.fullmatch(r"[\d,]+", t) for t in ticks)  # whole numbers, thousands separated


def test_browser_small_counts_get_whole_number_ticks(page, server):
    open_page(page, f"{server}/figures?category=killed&speaker=Speaker+One")
    page.get_by_text("Reference series").click()
    page.get_by_text("Show the reference").click()
    settle(page)
    screenshot(page, "answers-over-time-small-counts")
    ticks = chart_data(page)["axes"]["yaxis"]["tickvals"]
    assert ticks == [str(n) for n in range(len(ticks))]  # 0, 1, 2, ...: never 0.2, 0.4


def test_browser_chart_downloads_carry_all_the_data_and_where_it_comes_from(page, server, crowded):
    from newstally.build.store import read

    open_page(page, f"{server}/{OVER_TIME}")
    _every_figure(page)
    assert "Drawing an even sample of" in _captions(page)
    text = _download(page, "CSV").read_text(encoding="utf-8")
    comments = [line for line in text.splitlines() if line.startswith("# ")]
    assert comments[0] == "# Source: crowded.duckdb: 240 articles from Big Source, Other Wire, 2023-10-07 to 2024-04-23"
    assert comments[1] == "# Filters: category killed; published up to 2024-04-18"  # the store starts on 2023-10-07
    assert any(line.startswith("# Points: an even sample of") for line in comments)
    rows = pd.read_csv(io.StringIO(text), comment="#")
    expected = int(
        read(
            crowded,
            "SELECT count(*) FROM figures JOIN articles USING (article_id) WHERE category = "
            "'killed' AND published BETWEEN '2023-10-07' AND '2024-04-18'",
        ).iloc[0, 0]
    )
    assert (rows["record"] == "figure").sum() == expected  # every figure, not the drawn sample
    assert (rows["record"] == "reference").sum() > 100
    assert _download(page, "PNG").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    svg = _download(page, "SVG").read_text(encoding="utf-8")
    assert "Filters: category killed; published up to 2024-04-18" in svg and "Source: crowded.duckdb" in svg
    assert "Made with newstally on" in svg


# --- co-quotation -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "profile, first, company, absent",
    [
        ("Speaker One", "Speaker One", {"Speaker Two", "Speaker Three"}, "Speaker Four"),
        ("Speaker Four", "Speaker Four", {"Speaker Five"}, "Speaker One"),
    ],
)
def test_browser_co_quotation_centres_on_the_chosen_speaker(page, server, profile, first, company, absent):
    open_page(page, f"{server}/speakers?profile={profile}&view=Quoted+alongside")
    grid = chart_data(page, index=0)
    names = [re.sub(r"</?b>", "", n) for n in grid["traces"][0]["y"]]
    assert grid["traces"][0]["type"] == "heatmap"
    assert names[0] == first and company <= set(names) and absent not in names
    screenshot(page, f"answers-co-quotation-{profile.lower().replace(' ', '-')}")


def test_browser_co_quotation_grid_reads_at_a_narrow_width(browser, server):
    context = browser.new_context(viewport={"width": 760, "height": 1000})
    page = context.new_page()
    try:
        open_page(page, f"{server}/speakers?profile=Speaker+One&view=Quoted+alongside")
        screenshot(page, "answers-co-quotation-narrow")
        grid = chart_data(page, index=0)
        assert grid["traces"][0]["type"] == "heatmap"  # cells tile the grid: they cannot overlap at any size
    finally:
        context.close()


# --- tables -------------------------------------------------------------------------------------------


def test_browser_tables_page_through_everything(page, server):
    open_page(page, f"{server}/statements")
    assert "Statements 1–100 of 1,321." in _captions(page)
    first = table_cells(page, column_index(page, "text"))[:3]
    _button(page, "Next").click()
    settle(page)
    assert eventually(lambda: "Statements 101–200 of 1,321." in _captions(page), True)
    # the caption can change before the grid has redrawn its rows
    assert eventually(lambda: table_cells(page, column_index(page, "text"))[:3] != first, True)
    cues = table_cells(page, column_index(page, "cue"))
    assert "" in cues and "None" not in cues  # empty cells are empty
    screenshot(page, "answers-statements-page-2")
    assert page.get_by_role("button", name="CSV of all 1,321 statements").is_visible()


def test_browser_long_text_reads_in_full_in_place(page, server):
    open_page(page, f"{server}/statements?q=ceasefire+talks")
    select_row(page, 0)
    assert page.locator('[data-testid="stMarkdownContainer"]', has_text=LONG_STATEMENT).first.is_visible()
    screenshot(page, "answers-statement-in-full")


def test_browser_numbers_read_whole(page, server):
    """A large value far down a page of small ones: its column is as wide as its longest number (the
    grid sizes a column by its first rows, which cut "2,300,000" to "300,000")."""
    open_page(page, f"{server}/figures?view=Table&category=killed&dates=2024-02-15&dates=2024-02-29")
    assert "2300000" not in table_cells(page, column_index(page, "value"))  # not among the first rows drawn
    page.locator('[data-testid="stDataFrame"]').first.hover()
    found = False
    for _ in range(30):  # scroll the grid down to the row
        page.mouse.wheel(0, 200)
        page.wait_for_timeout(400)
        if "2300000" in table_cells(page, column_index(page, "value")):
            found = True
            break
    screenshot(page, "answers-figures-table-large-value")
    assert found


def test_browser_counts_are_true(page, server):
    open_page(page, f"{server}/speakers?view=All+speakers")
    assert "Speakers 1–100 of 725." in _captions(page)


# --- corpus page ---------------------------------------------------------------------------------------


def test_browser_an_upload_asks_before_replacing_and_warns_of_rejected_inputs(page, crowded, tmp_path):
    store = tmp_path / "mine.duckdb"
    shutil.copy(crowded, store)
    upload = tmp_path / "ukraine.txt"
    upload.write_text("Kyiv said 12 people were killed in the strike.\n", encoding="utf-8")
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    with serving(store) as url:
        open_page(page, f"{url}/corpus")
        assert page.get_by_role("radio", name="the uploads only").is_checked()
        page.locator('[data-testid="stFileUploader"] input[type="file"]').set_input_files([str(upload), str(empty)])
        page.wait_for_function(
            "() => Array.from(document.querySelectorAll('button'))"
            ".some(b => b.innerText.includes('Build the store') && !b.disabled)",
            timeout=30_000,
        )
        settle(page)
        page.get_by_role("button", name="Build the store").click()
        settle(page)
        warning = page.locator('[data-testid="stAlertContentWarning"]').first
        assert "The store holds 240 articles" in warning.inner_text()
        assert "crowded" not in page.url
        page.get_by_role("button", name="Replace the store").click()
        page.wait_for_selector("text=of the inputs could not be read", timeout=120_000)
        settle(page)
        screenshot(page, "answers-corpus-rejected")
        built = page.locator('[data-testid="stAlertContentWarning"]').first
        assert "1 of the inputs could not be read" in built.inner_text()
        assert built.locator("a").get_attribute("href") == "#rejected-inputs"
        assert page.locator('[data-testid="stAlertContentSuccess"]').count() == 0
        assert "1 articles" in page.locator('[data-testid="stText"]').all_inner_texts()[-1]  # the upload alone
        assert page.evaluate(CONTRAST) == []


# --- the reader ---------------------------------------------------------------------------------------


def test_browser_reader_goes_back_where_the_user_came_from(page, server):
    open_page(page, f"{server}/figures?view=Table&category=killed")
    select_row(page, 0)
    page.get_by_role("button", name="Read it in the article").click()
    page.wait_for_function("() => location.search.includes('article=')")
    settle(page)
    assert "back=figures" in page.url and "category=killed" in page.url
    page.get_by_role("button", name="Back to Figures (Table)").click()
    page.wait_for_function("() => location.pathname.endsWith('/figures')")
    settle(page)
    screenshot(page, "answers-reader-back")
    assert "view=Table" in page.url and "category=killed" in page.url and "article=" not in page.url
    assert page.locator('[data-testid="stDataFrame"]').first.is_visible()


# --- accessibility -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "path",
    [
        "",
        OVER_TIME,
        "figures?view=Who+reported+what&category=killed",
        "figures?view=Table",
        "speakers",
        "speakers?view=Quoted+alongside",
        "speakers?view=All+speakers",
        "statements",
        "articles",
        "corpus",
        "articles?article=a000",
    ],
)
def test_browser_all_text_reads_at_wcag_aa_contrast(page, server, path):
    open_page(page, f"{server}/{path}")
    assert page.evaluate(CONTRAST) == []


@pytest.mark.parametrize("path", ["", OVER_TIME, "speakers", "speakers?view=Quoted+alongside"])
def test_browser_every_chart_has_a_text_alternative(page, server, path):
    open_page(page, f"{server}/{path}")
    charts = page.locator('[data-testid="stPlotlyChart"]').count()
    summaries = [
        t
        for t in page.locator('[data-testid="stCaptionContainer"]').all_inner_texts()
        if re.match(r"^[^.]{3,80}\. .{20,}", t)
    ]
    assert charts and len(summaries) >= charts


def _focus_walk(page, presses: int) -> list[str]:
    """What the Tab key reaches, in order: each control's label or text."""
    seen = []
    for _ in range(presses):
        page.keyboard.press("Tab")
        seen.append(
            page.evaluate(
                "() => { const e = document.activeElement; return (e.getAttribute('aria-label') "
                "|| e.innerText || e.getAttribute('placeholder') || e.tagName).trim(); }"
            )
        )
    return seen


def test_browser_keyboard_reaches_every_control(page, server):
    open_page(page, f"{server}/statements")
    reached = _focus_walk(page, 60)
    assert {"Speaker", "Organisation", "Source", "Figure category", "Search statements"} <= set(reached)
    assert any("Next" in r for r in reached) and any("CSV of all 1,321 statements" in r for r in reached)
    page.keyboard.press("Escape")  # the date picker the walk opened
    _button(page, "Next").focus()
    page.keyboard.press("Enter")
    settle(page)
    assert eventually(lambda: "Statements 101–200 of 1,321." in _captions(page), True)
    open_page(page, f"{server}/{OVER_TIME}")
    reached = " | ".join(_focus_walk(page, 80))
    assert all(name in reached for name in ("PNG", "SVG", "HTML", "CSV", "Categories to chart", "log"))
