"""newstally.read.queries.figures on the demo store: lists, points, reporters, differences."""
from __future__ import annotations

from datetime import date

import duckdb
import pytest

from newstally.read.filters import Filters
from newstally.read.queries.figures import (
    comparable_points,
    differing_figures,
    figure_list,
    figure_points,
    figures_by_reporter,
)


@pytest.mark.parametrize("limit", [1, 2])
def test_figures_list_limits_rows_but_counts_all(demo_con, limit):
    frame, total = figure_list(demo_con, Filters(), limit=limit)
    assert len(frame) == limit and total == 6


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


def test_figures_points_without_categories_is_empty(demo_con):
    points, total = figure_points(demo_con, Filters(), ())
    assert points.empty and total == 0


def test_figures_by_reporter_ignores_the_category_filter(demo_con):
    frame = figures_by_reporter(demo_con, Filters(categories=("aid",)), "killed")
    assert set(frame["reported_by"]) == {"Gaza Health Ministry", "Maria Zakharova"}


@pytest.mark.parametrize("tolerance", [0.0, 0.05, 0.15, 0.5])
def test_figures_differing_follow_the_reference_rule(demo_con, tolerance):
    from newstally.read.reference import discrepancies, load_reference

    reference = load_reference(b"date,series,value\n2023-11-19,killed_cum,13300\n2023-11-20,injured_cum,31000\n"
                               b"2024-02-13,killed_cum,28000\n2024-02-14,projectiles,3000\n")
    rows = demo_con.execute("SELECT fi.*, a.published FROM figures fi JOIN articles a USING (article_id) "
                            "WHERE a.published IS NOT NULL").df()
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
        writer.insert("figures", [
            (f"a1:f{i}", "a1", 0, 1, text, value, value, value, "exact", unit, "killed", "", "", "cumulative", None,
             text, None, None, "r")
            for i, (text, value, unit) in enumerate([("85 percent", 85.0, "percent"), ("2,000 people", 2000.0, "people"),
                                                      ("$5m", 5e6, "USD")])])
        write_meta(writer, extractor_version="v")
    reference = load_reference(b"date,series,value\n2024-01-09,killed_cum,24000\n")
    with duckdb.connect(str(tmp_path / "s.duckdb"), read_only=True) as store:
        frame, total = differing_figures(store, Filters(), reference, 0.1)
    assert total == 1 and list(frame["figure_id"]) == ["a1:f1"]


@pytest.mark.parametrize("reference, expected", [
    (b"date,series,value,place\n2023-11-19,killed_cum,1,Gaza\n", {"a2:f0", "a3:f0"}),
    (b"date,series,value,place\n2023-11-19,killed_cum,1,Gaza\n2023-11-19,injured_cum,1,Gaza\n",
     {"a2:f0", "a2:f1", "a3:f0"}),
    (b"date,series,value,place\n2023-11-19,killed_cum,1,Israel\n", set()),  # no count placed in Israel
    (b"date,series,value\n2023-11-19,projectiles,1\n", {"a3:f1"}),  # not cumulative: any scope
])
def test_figures_comparable_points_are_those_the_reference_counts(demo_con, reference, expected):
    from newstally.read.reference import load_reference

    points, total = comparable_points(demo_con, Filters(), load_reference(reference))
    assert set(points["figure_id"]) == expected and total == len(expected)


def test_figures_differing_show_where_whom_and_when(demo_con):
    from newstally.read.reference import load_reference

    reference = load_reference(b"date,series,value,place\n2023-11-15,killed_cum,1,Gaza\n")
    frame, _ = differing_figures(demo_con, Filters(), reference, 0.1)
    assert {"place", "subgroup", "scope", "since"} <= set(frame.columns)
    assert frame.set_index("figure_id").loc["a2:f0", ["place", "scope"]].tolist() == ["Gaza", "cumulative"]
