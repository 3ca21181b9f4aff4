"""newstally.read.queries.figures on the demo store: lists, points, reporters, differences."""

from __future__ import annotations

from datetime import date

import duckdb
import pytest

from newstally.read.filters import Filters
from newstally.read.queries.figures import (
    differing_figures,
    figure_list,
    figure_points,
    figure_spread,
    figures_above,
    figures_by_reporter,
    reporter_measures,
)


@pytest.mark.parametrize("limit", [1, 2])
def test_figures_list_limits_rows_but_counts_all(demo_con, limit):
    frame, total = figure_list(demo_con, Filters(), limit=limit)
    assert len(frame) == limit and total == 6


def test_figures_list_pages_cover_every_row_once(demo_con):
    everything, total = figure_list(demo_con, Filters(), limit=None)
    pages = [figure_list(demo_con, Filters(), limit=4, offset=offset)[0] for offset in (0, 4)]
    assert len(everything) == total == 6 and [len(p) for p in pages] == [4, 2]
    assert list(pages[0]["figure_id"]) + list(pages[1]["figure_id"]) == list(everything["figure_id"])


def test_figures_list_names_who_reported(demo_con):
    frame, _ = figure_list(demo_con, Filters())
    by_id = frame.set_index("figure_id")["reported_by"].to_dict()
    assert by_id["a2:f0"] == "Gaza Health Ministry"  # the statement's speaker
    assert by_id["a1:f0"] == "Al Jazeera"  # no speaker: the article's source


def test_figures_points_only_dated_and_chosen_categories(demo_con):
    points, total = figure_points(demo_con, Filters(), ("killed", "injured", "aid"))
    assert total == 3  # the aid figure's article has no date
    assert set(points["category"]) == {"killed", "injured"}
    assert list(points["published"]) == sorted(points["published"])


def test_figures_points_samples_per_category(demo_con):
    points, total = figure_points(demo_con, Filters(), ("killed",), per_category=1)
    assert len(points) == 1 and total == 2
    everything, _ = figure_points(demo_con, Filters(), ("killed",), per_category=None)
    assert len(everything) == 2 and set(everything["measure"]) == {"count"}


def test_figures_points_sample_within_each_measure(measures_con):
    """A rare measure is never sampled away by a common one of the same category."""
    points, total = figure_points(measures_con, Filters(), ("killed",), per_category=1)
    assert total == 26 and sorted(points["measure"]) == ["USD", "count", "percent"]


def test_figures_spread_is_over_every_figure(measures_con):
    spread = figure_spread(measures_con, Filters(), ("killed",)).set_index("measure")
    assert spread.loc["count", "figures"] == 24 and spread.loc["count", "largest"] == 2e9
    assert spread.loc["count", "bulk"] < 2e9  # a misread "billions" is no part of the bulk
    assert spread.loc["percent", "largest"] == 85
    above = figures_above(measures_con, Filters(), (("killed", "count", 50_000.0), ("killed", "percent", 100.0)))
    assert above.to_dict("records") == [
        {"category": "killed", "measure": "count", "figures": 1, "largest": 2e9, "text": "billions"}
    ]


@pytest.mark.parametrize("unit", ["people", "", None, "percent", "USD", "years"])
def test_figures_measure_in_sql_agrees_with_the_pandas_rule(demo_con, unit):
    import pandas as pd

    from newstally.read.measures import figure_measures, measure_sql

    in_sql = demo_con.execute(f"SELECT {measure_sql('u')} FROM (SELECT ?::VARCHAR AS u)", [unit]).fetchone()[0]
    assert in_sql == figure_measures(pd.DataFrame({"unit": [unit]}, dtype=object)).iloc[0]


def test_figures_points_without_categories_is_empty(demo_con):
    points, total = figure_points(demo_con, Filters(), ())
    assert points.empty and total == 0


def test_figures_by_reporter_ignores_the_category_filter(demo_con):
    points, reporters = figures_by_reporter(demo_con, Filters(categories=("aid",)), "killed")
    assert set(points["reported_by"]) == set(reporters["reported_by"]) == {"Gaza Health Ministry", "Maria Zakharova"}
    assert reporter_measures(demo_con, Filters(categories=("aid",)), "killed") == {"count": 2}


def test_figures_by_reporter_gives_every_reporter_a_row_however_many_the_first_gave(many_con):
    """The issue's view: one source gave thousands of figures; a cap on rows sorted by name left no
    room for any speaker. Reporters are counted first; each gets at most ``per_reporter`` points."""
    points, reporters = figures_by_reporter(many_con, Filters(), "killed", top_n=3, per_reporter=5)
    assert list(reporters["reported_by"]) == ["Big Source", "Speaker One", "Speaker Two"]
    assert list(reporters["figures"]) == [1200, 3, 2]
    assert reporters.set_index("reported_by").loc["Big Source", "highest"] == 1199
    assert points.groupby("reported_by").size().to_dict() == {"Big Source": 5, "Speaker One": 3, "Speaker Two": 2}
    everything, _ = figures_by_reporter(many_con, Filters(), "killed", top_n=3, per_reporter=None)
    assert len(everything) == 1205
    assert set(points["reporter_type"]) == {"source", "speaker"}


@pytest.mark.parametrize("tolerance", [0.0, 0.05, 0.15, 0.5])
def test_figures_differing_follow_the_reference_rule(demo_con, tolerance):
    from newstally.read.reference import discrepancies, load_reference

    reference = load_reference(
        b"date,series,value\n2023-11-19,killed_cum,13300\n2023-11-20,injured_cum,31000\n"
        b"2024-02-13,killed_cum,28000\n2024-02-14,projectiles,3000\n"
    )
    rows = demo_con.execute(
        "SELECT fi.*, a.published FROM figures fi JOIN articles a USING (article_id) WHERE a.published IS NOT NULL"
    ).df()
    expected = discrepancies(rows, reference, tolerance)
    frame, total = differing_figures(demo_con, Filters(), reference, tolerance)
    assert total == len(expected)
    assert sorted(frame["figure_id"]) == sorted(expected["figure_id"])
    if total:
        by_id = frame.set_index("figure_id")
        for row in expected.itertuples():
            assert by_id.loc[row.figure_id, "reference"] == row.reference
            assert by_id.loc[row.figure_id, "difference"] == pytest.approx(row.difference)


def test_figures_differing_respect_filters_and_limit(demo_con):
    from newstally.read.reference import load_reference

    reference = load_reference(b"date,series,value\n2023-11-15,killed_cum,1\n2023-11-15,injured_cum,1\n")
    assert differing_figures(demo_con, Filters(), reference, 0.1)[1] == 2
    assert differing_figures(demo_con, Filters(sources=("Al Jazeera",)), reference, 0.1)[1] == 0
    frame, total = differing_figures(demo_con, Filters(), reference, 0.1, limit=1)
    assert len(frame) == 1 and total == 2 and frame["figure_id"].iloc[0] == "a2:f1"  # 27,000 vs 1 is the largest
    assert differing_figures(demo_con, Filters(categories=("injured",)), reference, 0.1)[1] == 1
    assert differing_figures(demo_con, Filters(categories=("aid",)), reference, 0.1)[1] == 0
    nothing, none = differing_figures(demo_con, Filters(), reference.iloc[0:0], 0.1)
    assert nothing.empty and none == 0 and "difference" in nothing.columns


def test_figures_differing_compare_counts_only(tmp_path):
    """A share ("85 percent") is no count: the reference of counts is not compared with it."""
    from newstally.build.store import write_meta, writing
    from newstally.read.reference import load_reference

    with writing(tmp_path / "s.duckdb", fresh=True) as writer:
        writer.insert("articles", [("a1", "t", "s", "", date(2024, 1, 10), 9, "h", "a1.txt", "v")])
        writer.insert(
            "figures",
            [
                (
                    f"a1:f{i}",
                    "a1",
                    0,
                    1,
                    text,
                    value,
                    value,
                    value,
                    "exact",
                    unit,
                    "killed",
                    "",
                    "",
                    "cumulative",
                    None,
                    text,
                    None,
                    None,
                    "r",
                )
                for i, (text, value, unit) in enumerate(
                    [("85 percent", 85.0, "percent"), ("2,000 people", 2000.0, "people"), ("$5m", 5e6, "USD")]
                )
            ],
        )
        write_meta(writer, extractor_version="v")
    reference = load_reference(b"date,series,value\n2024-01-09,killed_cum,24000\n")
    with duckdb.connect(str(tmp_path / "s.duckdb"), read_only=True) as store:
        frame, total = differing_figures(store, Filters(), reference, 0.1)
    assert total == 1 and list(frame["figure_id"]) == ["a1:f1"]


@pytest.mark.parametrize(
    "reference, expected",
    [
        (b"date,series,value,place\n2023-11-19,killed_cum,1,Gaza\n", {"a2:f0", "a3:f0"}),
        (
            b"date,series,value,place\n2023-11-19,killed_cum,1,Gaza\n2023-11-19,injured_cum,1,Gaza\n",
            {"a2:f0", "a2:f1", "a3:f0"},
        ),
        (b"date,series,value,place\n2023-11-19,killed_cum,1,Israel\n", set()),  # no count placed in Israel
        (b"date,series,value\n2023-11-19,projectiles,1\n", {"a3:f1"}),  # not cumulative: any scope
    ],
)
def test_figures_comparable_with_a_reference_are_those_it_counts(demo_con, reference, expected):
    from newstally.read.reference import comparable_series, load_reference, series_info

    series = load_reference(reference)
    categories = tuple(series_info(series)["category"])
    points, total = figure_points(demo_con, Filters(comparable_with=comparable_series(series)), categories)
    assert set(points["figure_id"]) == expected and total == len(expected)


def test_figures_differing_show_where_whom_and_when(demo_con):
    from newstally.read.reference import load_reference

    reference = load_reference(b"date,series,value,place\n2023-11-15,killed_cum,1,Gaza\n")
    frame, _ = differing_figures(demo_con, Filters(), reference, 0.1)
    assert {"place", "subgroup", "scope", "since"} <= set(frame.columns)
    assert frame.set_index("figure_id").loc["a2:f0", ["place", "scope"]].tolist() == ["Gaza", "cumulative"]


def _store(path, figures, speakers=()):
    """A store of one dated article per figure row (figure_id, text, value, unit, speaker_id, source)."""
    from newstally.build.store import write_meta, writing

    with writing(path, fresh=True) as writer:
        writer.insert(
            "articles",
            [
                (f"a{i}", "t", source, "", date(2024, 1, 1 + i % 28), 9, f"h{i}", f"a{i}.txt", "v")
                for i, (_, _, _, _, _, source) in enumerate(figures)
            ],
        )
        writer.insert(
            "figures",
            [
                (
                    fid,
                    f"a{i}",
                    0,
                    1,
                    text,
                    value,
                    value,
                    value,
                    "exact",
                    unit,
                    "killed",
                    "",
                    "",
                    "",
                    None,
                    text,
                    None,
                    speaker,
                    "r",
                )
                for i, (fid, text, value, unit, speaker, _) in enumerate(figures)
            ],
        )
        writer.insert("speakers", list(speakers))
        write_meta(writer, extractor_version="v")
    return duckdb.connect(str(path), read_only=True)


@pytest.fixture(scope="module")
def measures_con(tmp_path_factory):
    rows = [
        ("f0", "30 people", 30.0, "people", None, "s"),
        ("f1", "1,000", 1000.0, "", None, "s"),
        ("f2", "2,000 people", 2000.0, "people", None, "s"),
        ("f3", "billions", 2e9, "people", None, "s"),
        ("f4", "85 percent", 85.0, "percent", None, "s"),
        ("f5", "$5m", 5e6, "USD", None, "s"),
    ]
    rows += [(f"g{i}", f"{100 * i} people", 100.0 * i, "people", None, "s") for i in range(1, 21)]
    with _store(tmp_path_factory.mktemp("measures") / "s.duckdb", rows) as con:
        yield con


@pytest.fixture(scope="module")
def many_con(tmp_path_factory):
    rows = [(f"big{i}", str(i), float(i), "people", None, "Big Source") for i in range(1200)]
    rows += [(f"one{i}", "5", 5.0, "people", "speaker-one", "Big Source") for i in range(3)]
    rows += [(f"two{i}", "7", 7.0, "people", "speaker-two", "Big Source") for i in range(2)]
    speakers = [
        ("speaker-one", "Speaker One", "person", "", "", "", [], 3, 3),
        ("speaker-two", "Speaker Two", "person", "", "", "", [], 2, 2),
    ]
    with _store(tmp_path_factory.mktemp("many") / "s.duckdb", rows, speakers) as con:
        yield con


def test_figures_over_time_against_a_reference_keep_only_what_it_counts(demo_con):
    """The chart drawn against a reference: its points, its axes and its download read the same
    comparable figures, and the caption says so."""
    from newstally.read.captions import filters_text
    from newstally.read.reference import comparable_series, load_reference

    # the store's killed figures count in Gaza: none is comparable with a series placed in Israel
    reference = load_reference(b"date,series,value,place\n2023-11-19,killed_cum,1,Israel\n")
    comparable = Filters(comparable_with=comparable_series(reference))
    charted = ("killed", "injured", "aid", "projectiles", "people")
    everything, n_all = figure_points(demo_con, Filters(), charted)
    kept, n_kept = figure_points(demo_con, comparable, charted)
    assert 0 < n_kept < n_all and set(kept["figure_id"]) < set(everything["figure_id"])
    assert set(kept["figure_id"]) == set(everything.loc[everything["category"] != "killed", "figure_id"])
    assert int(figure_spread(demo_con, comparable, charted)["figures"].sum()) == n_kept
    assert "of killed in Israel, only figures comparable with the reference" in filters_text(comparable)
