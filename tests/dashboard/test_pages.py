"""The dashboard's pages through Streamlit's AppTest: filters change what is shown, downloads are
offered, and empty stores or filters that match nothing give a message, never a traceback."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import ROOT
from streamlit.testing.v1 import AppTest

PAGES = ("overview", "figures", "speakers", "statements", "articles", "corpus")
EMPTY_MESSAGE = ("No ", "no ", "has no", "yet")


def app(store: Path, monkeypatch, page: str | None = None, params: dict | None = None) -> AppTest:
    """The dashboard on ``store``, run once on ``page`` with ``params`` in the URL."""
    monkeypatch.setenv("NEWSTALLY_STORE", str(store))
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60)
    for name, value in (params or {}).items():
        at.query_params[name] = value
    if page:
        at.switch_page(f"components/pages/{page}.py")
    at.run()
    assert not at.exception, at.exception
    return at


def _infos(at: AppTest) -> str:
    return " ".join(str(e.value) for e in at.info)


def _labels(at: AppTest) -> list[str]:
    return [b.label for b in at.get("download_button")]


@pytest.mark.parametrize("page", PAGES)
def test_dashboard_every_page_renders_on_the_seed_store(seed_store, monkeypatch, page):
    at = app(seed_store, monkeypatch, page)
    assert at.title or at.subheader


@pytest.mark.parametrize("page", PAGES)
def test_dashboard_every_page_renders_on_an_empty_store(empty_store, monkeypatch, page):
    at = app(empty_store, monkeypatch, page)
    if page != "corpus":
        assert any(word in _infos(at) for word in EMPTY_MESSAGE)


@pytest.mark.parametrize("page", ["overview", "figures", "speakers", "statements", "articles"])
def test_dashboard_filter_matching_nothing_says_so(demo_store, monkeypatch, page):
    at = app(demo_store, monkeypatch, page)
    at.sidebar.text_input(key="q").input("no statement says this").run()
    assert not at.exception
    assert "No " in _infos(at) and "filters" in _infos(at)


def test_dashboard_overview_counts_follow_the_speaker_filter(demo_store, monkeypatch):
    at = app(demo_store, monkeypatch)
    assert [m.value for m in at.metric] == ["4", "6", "5", "3"]
    at.sidebar.multiselect(key="speaker").set_value(["maria-zakharova"]).run()
    assert [m.value for m in at.metric] == ["2", "1", "2", "1"]
    assert not at.sidebar.button(key="filters-reset").disabled


def test_dashboard_reset_clears_the_filters(demo_store, monkeypatch):
    at = app(demo_store, monkeypatch)
    at.sidebar.multiselect(key="category").set_value(["killed"]).run()
    assert at.metric[1].value == "2"
    at.sidebar.button(key="filters-reset").click().run()
    assert at.metric[1].value == "6" and at.sidebar.multiselect(key="category").value == []


def test_dashboard_overview_offers_every_download(demo_store, monkeypatch):
    at = app(demo_store, monkeypatch)
    labels = _labels(at)
    assert labels.count("HTML") == 3 and labels.count("CSV") == 3
    assert labels.count("PNG") == labels.count("SVG") and labels.count("PNG") in (0, 3)
    assert len(at.get("plotly_chart")) == 3


def test_dashboard_statements_filter_by_speaker_and_search(demo_store, monkeypatch):
    at = app(demo_store, monkeypatch, "statements")
    assert len(at.dataframe[0].value) == 5
    at.sidebar.multiselect(key="speaker").set_value(["maria-zakharova", "dmitry-peskov"]).run()
    assert set(at.dataframe[0].value["speaker"]) == {"Maria Zakharova", "Dmitry Peskov"}
    at.sidebar.text_input(key="q").input("Gaza").run()
    shown = at.dataframe[0].value
    assert set(shown["speaker"]) == {"Maria Zakharova"} and len(shown) == 2
    assert all(link.startswith("articles?article=") and "statement=" in link for link in shown["open"])


def _figures_tab(store, monkeypatch, tab: str) -> AppTest:
    """The Figures page with ``tab`` open (only the open tab is drawn)."""
    monkeypatch.setenv("NEWSTALLY_STORE", str(store))
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60)
    at.session_state["view"] = tab
    at.switch_page("components/pages/figures.py").run()
    assert not at.exception, at.exception
    return at


@pytest.mark.parametrize(
    "tab, charts_drawn, compare_shown", [("Over time", 1, False), ("Who reported what", 1, True), ("Table", 0, False)]
)
def test_dashboard_figures_draws_only_the_open_tab(demo_store, monkeypatch, tab, charts_drawn, compare_shown):
    at = _figures_tab(demo_store, monkeypatch, tab)
    assert len(at.get("plotly_chart")) == charts_drawn
    assert bool(at.get_by_key("compare")) if compare_shown else not at.selectbox
    if charts_drawn:
        assert {"HTML", "CSV"} <= set(_labels(at))


def test_dashboard_figures_over_time_draws_percentages_on_their_own_axis(seed_store, monkeypatch):
    # the seed articles give "displaced" a count and a share ("85% of the territory's population")
    monkeypatch.setenv("NEWSTALLY_STORE", str(seed_store))
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60)
    at.session_state["view"] = "Over time"
    at.session_state["chart-categories"] = ["displaced"]
    at.switch_page("components/pages/figures.py").run()
    assert not at.exception, at.exception
    spec = json.loads(at.get("plotly_chart")[0].proto.spec)
    axes = {trace["name"]: trace.get("yaxis", "y") for trace in spec["data"]}
    assert axes["displaced"] != axes["displaced (%)"]
    assert spec["layout"][axes["displaced (%)"].replace("y", "yaxis")]["ticksuffix"] == "%"
    assert any("displaced: 1 count, 1 percentage" in c.value for c in at.caption)


def test_dashboard_figures_page_table_links_to_the_reader(demo_store, monkeypatch):
    at = _figures_tab(demo_store, monkeypatch, "Table")
    table = at.dataframe[-1].value
    assert len(table) == 6
    assert any(
        link.startswith("articles?article=a3&figure=a3%3Af0&back=figures%3Fview%3DTable") for link in table["open"]
    )


def test_dashboard_figures_category_filter(demo_store, monkeypatch):
    at = app(demo_store, monkeypatch, "figures")
    at.sidebar.multiselect(key="category").set_value(["projectiles"]).run()
    assert at.multiselect(key="chart-categories").value == ["projectiles"]
    at = _figures_tab(demo_store, monkeypatch, "Table")
    at.sidebar.multiselect(key="category").set_value(["projectiles"]).run()
    assert set(at.dataframe[-1].value["category"]) == {"projectiles"}


def test_dashboard_figures_lists_differences_from_the_reference(demo_store, monkeypatch):
    at = app(demo_store, monkeypatch, "figures")
    at.slider(key="tolerance").set_value(5).run()
    differing = [d.value for d in at.dataframe if "reference" in d.value.columns]
    assert differing and set(differing[0]["figure_id"]) == {"a2:f0", "a2:f1"}  # 11,000 vs 13,300; 27,000 vs 31,000
    at.slider(key="tolerance").set_value(50).run()
    assert "differs" in _infos(at)


def test_dashboard_speakers_profile(demo_store, monkeypatch):
    at = app(demo_store, monkeypatch, "speakers")
    at.selectbox(key="profile").set_value("maria-zakharova").run()
    assert at.header[0].value == "Maria Zakharova"
    facts = at.dataframe[0].value
    assert "Russian Foreign Ministry" in set(facts["value"]) and "Zakharova" in set(facts["value"])
    assert "PNG" in _labels(at) or "HTML" in _labels(at)


def test_dashboard_speakers_follow_the_sidebar(demo_store, monkeypatch):
    at = app(demo_store, monkeypatch, "speakers")
    at.sidebar.multiselect(key="speaker").set_value(["gaza-health-ministry"]).run()
    assert at.header[0].value == "Gaza Health Ministry"


def test_dashboard_reader_escapes_hostile_article(demo_store, monkeypatch):
    at = app(demo_store, monkeypatch, "articles", {"article": "a4", "figure": "a4:f0"})
    bodies = [e.proto.body for e in at.get("html")]
    article = next(b for b in bodies if "nt-reader" in b and "<div" in b)
    assert "<script>" not in article and "&lt;script&gt;alert(1)&lt;/script&gt;" in article
    assert "<img" not in article and "&lt;img src=x onerror=alert(1)&gt;" in article
    assert 'class="nt-figure nt-cat-aid nt-focus"' in article
    scripts = [e for e in at.get("html") if e.proto.unsafe_allow_javascript]
    assert all("nt-figure-a4-f0" in e.proto.body and "alert" not in e.proto.body for e in scripts)
    # every punctuation character escaped: shown as text, not markup
    assert at.subheader[0].value == "\\<script\\>alert\\(\\'title\\'\\)\\<\\/script\\>"


def test_dashboard_reader_marks_a_statement(demo_store, monkeypatch):
    at = app(demo_store, monkeypatch, "articles", {"article": "a3", "statement": "a3:s1"})
    article = next(e.proto.body for e in at.get("html") if "nt-reader" in e.proto.body and "<div" in e.proto.body)
    assert 'class="nt-statement nt-focus"' in article and "Dmitry Peskov" in article
    assert "Marked statement" in _infos(at)


def test_dashboard_reader_unknown_article(demo_store, monkeypatch):
    at = app(demo_store, monkeypatch, "articles", {"article": "nope"})
    assert "no article" in " ".join(w.value for w in at.warning)


def test_dashboard_articles_list(demo_store, monkeypatch):
    at = app(demo_store, monkeypatch, "articles")
    assert len(at.dataframe[0].value) == 4
    at.sidebar.multiselect(key="source").set_value(["Reuters"]).run()
    assert list(at.dataframe[0].value["article_id"]) == ["a2"]


def test_dashboard_corpus_page(demo_store, monkeypatch):
    at = app(demo_store, monkeypatch, "corpus")
    assert at.get("file_uploader")
    assert _labels(at) == ["CSV of all 1 rejected inputs", "All tables as CSV (zip)", "All tables as Parquet (zip)"]
    assert at.radio(key="corpus-with-sample").value == "the uploads only"  # an upload builds a store of its own
    rejected = at.dataframe[0].value
    assert list(rejected["path"]) == ["bad/empty.txt"]
    assert at.button(key="corpus-build").disabled  # nothing uploaded yet


def test_dashboard_builds_a_missing_store_from_the_sample(tmp_path, monkeypatch):
    store = tmp_path / "fresh.duckdb"
    at = app(store, monkeypatch)
    assert store.is_file()
    assert at.metric[0].value == "2"


def test_dashboard_unreadable_store_is_an_error_not_a_traceback(tmp_path, monkeypatch):
    store = tmp_path / "broken.duckdb"
    store.write_bytes(b"this is not a database")
    at = app(store, monkeypatch)
    assert at.error and "rebuild" in at.error[0].value


def test_dashboard_reads_a_rebuilt_store_not_the_old_one(tmp_path, monkeypatch):
    from conftest import SAMPLE, build_demo_store

    from newstally.build.pipeline import build

    store = build_demo_store(tmp_path / "store.duckdb")
    at = app(store, monkeypatch)
    assert at.metric[0].value == "4"
    build([SAMPLE], store, fresh=True)  # replaces the file while the dashboard holds it open
    at.run()
    assert at.metric[0].value == "2"


def test_dashboard_a_typed_speaker_name_filters_by_that_speaker(demo_store, monkeypatch):
    at = app(demo_store, monkeypatch, "statements")
    at.sidebar.multiselect(key="speaker").set_value(["gaza health ministry"]).run()
    assert set(at.dataframe[0].value["speaker"]) == {"Gaza Health Ministry"}


def test_dashboard_reader_back_to_the_list(demo_store, monkeypatch):
    at = app(demo_store, monkeypatch, "articles", {"article": "a3"})
    at.button(key="articles-back").click().run()
    assert not at.exception
    assert at.title[0].value == "Articles" and "article" not in at.query_params


def test_dashboard_tables_page_through_the_whole_result(demo_store, monkeypatch):
    from components import grids

    monkeypatch.setattr(grids, "TABLE_LIMIT", 2)
    at = app(demo_store, monkeypatch, "statements")
    first = list(at.dataframe[0].value["statement_id"])
    assert len(first) == 2 and any("Statements 1–2 of 5" in c.value for c in at.caption)
    at.button(key="statements-table-page-next").click().run()
    second = list(at.dataframe[0].value["statement_id"])
    assert len(second) == 2 and not set(first) & set(second)
    assert at.number_input(key="statements-table-page").value == 2
    at.number_input(key="statements-table-page").set_value(3).run()
    assert len(at.dataframe[0].value) == 1 and at.button(key="statements-table-page-next").disabled
    at.sidebar.text_input(key="q").input("Gaza").run()  # other filters: back to the first page
    assert at.session_state["statements-table-page"] == 1 and len(at.dataframe[0].value) == 2
    assert "CSV of all 2 statements" in _labels(at)


def test_dashboard_tables_show_empty_cells_empty(demo_store, monkeypatch):
    at = app(demo_store, monkeypatch, "figures", {"view": "Table"})
    shown = at.dataframe[-1].value
    assert not any(value is None for value in shown["speaker"]) and "" in set(shown["speaker"])


@pytest.mark.parametrize(
    "view, chart_types, tables",
    [
        (None, ["bar"], 2),  # the profile's facts and the figures they gave
        ("Quoted alongside", ["heatmap"], 0),
        ("All speakers", [], 1),
    ],
)
def test_dashboard_speakers_draw_only_the_open_tab(demo_store, monkeypatch, view, chart_types, tables):
    at = app(demo_store, monkeypatch, "speakers", {"view": view} if view else {})
    assert [json.loads(c.proto.spec)["data"][0]["type"] for c in at.get("plotly_chart")] == chart_types
    assert len(at.dataframe) == tables


def test_dashboard_speakers_count_every_speaker_and_centre_the_company(demo_store, monkeypatch):
    at = app(demo_store, monkeypatch, "speakers", {"view": "All speakers"})
    assert any("Speakers: 3, all shown." in c.value for c in at.caption)
    at = app(demo_store, monkeypatch, "speakers", {"view": "Quoted alongside"})
    at.selectbox(key="profile").set_value("gaza-health-ministry").run()
    spec = json.loads(at.get("plotly_chart")[-1].proto.spec)
    assert spec["data"][0]["y"] == ["<b>Gaza Health Ministry</b>", "Maria Zakharova"]
    at.selectbox(key="profile").set_value("dmitry-peskov").run()
    spec = json.loads(at.get("plotly_chart")[-1].proto.spec)
    assert spec["data"][0]["y"] == ["<b>Dmitry Peskov</b>", "Maria Zakharova"]


@pytest.mark.parametrize(
    "back, label, title",
    [
        ("figures?view=Table", "Back to Figures (Table)", "Figures"),
        ("statements", "Back to Statements", "Statements"),
        (None, "Back to the list", "Articles"),
        ("https://example.com/x", "Back to the list", "Articles"),
    ],
)
def test_dashboard_reader_goes_back_where_the_user_came_from(demo_store, monkeypatch, back, label, title):
    params = {"article": "a3", **({"back": back} if back else {})}
    at = app(demo_store, monkeypatch, "articles", params)
    assert at.button(key="articles-back").label == label
    at.button(key="articles-back").click().run()
    assert not at.exception and at.title[0].value == title


def test_dashboard_every_chart_has_a_text_alternative(demo_store, monkeypatch):
    at = app(demo_store, monkeypatch)
    summaries = [c.value for c in at.caption if c.value.startswith("**")]
    assert len(summaries) == len(at.get("plotly_chart")) == 3
    assert summaries[0].startswith("**Figures by category.** 6 figures in 5 categories")


@pytest.mark.parametrize(
    "values, label, wide_enough_for",
    [
        ([3, 12, 2_300_000], "value", "2,300,000"),
        ([0.223, 5], "high", "0.223"),
        ([], "low", "low"),
        ([1, 2], "statements", "statements"),
    ],
)
def test_dashboard_number_columns_are_as_wide_as_their_longest_number(values, label, wide_enough_for):
    import pandas as pd

    from components.grids import number_width

    assert number_width(pd.Series(values, dtype=float), label) >= 8 * len(wide_enough_for) + 20


def _damaged_copy(store: Path, tmp_path: Path, how: str) -> Path:
    """A copy of ``store`` cut in half or with a flipped bit in every block of its second half."""
    data = bytearray(store.read_bytes())
    if how == "truncated":
        data = data[: len(data) // 2]
    elif how == "bit-flipped":
        for at in range(len(data) // 2, len(data), 4096):
            data[at] ^= 0x10
    else:  # not a store at all
        data = bytearray(b"this is no database\n" * 100)
    damaged = tmp_path / "store.duckdb"
    damaged.write_bytes(bytes(data))
    return damaged


@pytest.mark.parametrize("how", ["truncated", "bit-flipped", "garbage"])
def test_dashboard_damaged_store_says_so_and_builds_it_anew(seed_store, tmp_path, monkeypatch, how):
    store = _damaged_copy(seed_store, tmp_path, how)
    monkeypatch.setenv("NEWSTALLY_STORE", str(store))
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=120)
    at.run()
    assert not at.exception, at.exception
    errors = " ".join(str(e.value) for e in at.error)
    assert "cannot read its store" in errors and "newstally build" in errors
    rebuild = [b for b in at.button if "sample articles" in b.label]
    assert rebuild, [b.label for b in at.button]
    rebuild[0].click().run()
    assert not at.exception, at.exception
    assert not at.error, [e.value for e in at.error]
    assert at.title


def test_dashboard_corpus_page_refuses_files_it_cannot_build(seed_store, monkeypatch):
    from components.corpus import refused_uploads

    class Upload:
        def __init__(self, name: str, size: int):
            self.name, self.size = name, size

    refused = refused_uploads([Upload("a.jsonl", 10), Upload("b.exe", 10), Upload("c.txt", 10**12)])
    assert [name for name, _ in refused] == ["b.exe", "c.txt"]
    assert "newstally reads" in refused[0][1] and "limit" in refused[1][1]


@pytest.mark.parametrize(
    ("values", "shown"),
    [
        ([2_000_000.0, None, 0.25], ["2,000,000", "", "0.25"]),  # a gap is empty, not "None"
        ([1.0, float("nan")], ["1", ""]),
        ([12_500.5, 3.0], None),  # no gap: the frame as it is, the column's format writes it
    ],
)
def test_dashboard_number_cells_with_gaps_read_empty(values, shown):
    import pandas as pd

    from components.grids import shown_frame

    out = shown_frame(pd.DataFrame({"high": pd.Series(values, dtype=float), "text": ["a"] * len(values)}))
    if shown is None:
        assert isinstance(out, pd.DataFrame) and list(out["high"]) == values
        return
    ctx = out._translate(False, False)  # the text the Styler gives each cell, as the grid reads it
    column = [c["display_value"] for row in ctx["body"] for c in row if c.get("id", "").endswith("col0")]
    assert column == shown
    assert list(out.data["high"].sort_values().index) == [
        i for i in pd.Series(values).sort_values(na_position="first").index
    ]


def test_dashboard_date_cells_with_gaps_read_empty():
    import pandas as pd

    from components.grids import shown_frame

    since = pd.to_datetime(pd.Series(["2023-10-07", None, "2022-02-24"]))
    out = shown_frame(pd.DataFrame({"since": since, "text": ["a", "b", "c"]}))
    assert list(out["since"]) == ["2023-10-07", "", "2022-02-24"]


def test_dashboard_over_time_with_nothing_the_reference_counts_draws_every_figure(tmp_path, monkeypatch):
    # the crowded store's tolls name no place: the Gaza series counts none of them, and the chart
    # drawn against it says so and shows them all rather than nothing
    from browsing import build_crowded_store

    monkeypatch.setenv("NEWSTALLY_STORE", str(build_crowded_store(tmp_path / "crowded.duckdb")))
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60)
    at.session_state["view"] = "Over time"
    at.session_state["chart-categories"] = ["killed"]
    at.switch_page("components/pages/figures.py").run()
    assert not at.exception, at.exception
    assert any("every figure is drawn" in c.value for c in at.caption)
    spec = json.loads(at.get("plotly_chart")[0].proto.spec)
    assert any(t["name"] == "killed" for t in spec["data"])
