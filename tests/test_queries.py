"""newstally.read.queries on a store with known rows (the ``demo_store`` fixture of conftest.py)."""
from __future__ import annotations

from datetime import date

import duckdb
import pytest

from newstally.read import queries
from newstally.read.queries import Filters


@pytest.fixture(scope="module")
def con(demo_store):
    connection = duckdb.connect(str(demo_store), read_only=True)
    yield connection
    connection.close()


@pytest.fixture(scope="module")
def empty(empty_store):
    connection = duckdb.connect(str(empty_store), read_only=True)
    yield connection
    connection.close()


@pytest.mark.parametrize("filters, expected", [
    (Filters(), {"articles": 4, "figures": 6, "statements": 5, "speakers": 3}),
    (Filters(speakers=("maria-zakharova",)), {"articles": 2, "figures": 1, "statements": 2, "speakers": 1}),
    (Filters(countries=("Russia",)), {"articles": 3, "figures": 2, "statements": 4, "speakers": 2}),
    (Filters(orgs=("Kremlin",)), {"articles": 2, "figures": 1, "statements": 2, "speakers": 1}),
    (Filters(sources=("Reuters",)), {"articles": 1, "figures": 2, "statements": 2, "speakers": 2}),
    (Filters(categories=("killed",)), {"articles": 2, "figures": 2, "statements": 4, "speakers": 3}),
    (Filters(categories=("duration",)), {"articles": 1, "figures": 1, "statements": 1, "speakers": 1}),
    (Filters(date_from=date(2024, 1, 1)), {"articles": 1, "figures": 2, "statements": 2, "speakers": 2}),
    (Filters(date_to=date(2023, 10, 31)), {"articles": 1, "figures": 1, "statements": 1, "speakers": 1}),
    (Filters(text="gaza"), {"articles": 2, "figures": 4, "statements": 2, "speakers": 1}),
    (Filters(speakers=("nobody",)), {"articles": 0, "figures": 0, "statements": 0, "speakers": 0}),
])
def test_queries_totals_follow_filters(con, filters, expected):
    assert queries.totals(con, filters) == expected


@pytest.mark.parametrize("text", ["50%_off", "a\\b", "'; DROP TABLE articles; --"])
def test_queries_text_search_is_literal(con, text):
    assert queries.statements_table(con, Filters(text=text))[1] == 0


def test_queries_statements_table_filters_by_speaker_and_text(con):
    frame, total = queries.statements_table(con, Filters(speakers=("maria-zakharova",), text="Gaza"))
    assert total == 2
    assert set(frame["speaker"]) == {"Maria Zakharova"}
    assert list(frame["published"].dt.date) == [date(2024, 2, 14), date(2023, 11, 20)]  # newest first


@pytest.mark.parametrize("limit", [1, 2])
def test_queries_tables_limit_rows_but_count_all(con, limit):
    frame, total = queries.figures_table(con, Filters(), limit=limit)
    assert len(frame) == limit and total == 6


def test_queries_figures_table_names_who_reported(con):
    frame, _ = queries.figures_table(con, Filters())
    by_id = frame.set_index("figure_id")["reported_by"].to_dict()
    assert by_id["a2:f0"] == "Gaza Health Ministry"  # the statement's speaker
    assert by_id["a1:f0"] == "Al Jazeera"  # no speaker: the article's source


def test_queries_figure_points_only_dated_and_chosen_categories(con):
    points, total = queries.figure_points(con, Filters(), ("killed", "injured", "aid"))
    assert total == 3  # the aid figure's article has no date
    assert set(points["category"]) == {"killed", "injured"}
    assert list(points["published"]) == sorted(points["published"])


def test_queries_figure_points_samples_per_category(con):
    points, total = queries.figure_points(con, Filters(), ("killed",), per_category=1)
    assert len(points) == 1 and total == 2


def test_queries_figure_points_without_categories_is_empty(con):
    points, total = queries.figure_points(con, Filters(), ())
    assert points.empty and total == 0


def test_queries_figures_by_reporter_ignores_the_category_filter(con):
    frame = queries.figures_by_reporter(con, Filters(categories=("aid",)), "killed")
    assert set(frame["reported_by"]) == {"Gaza Health Ministry", "Maria Zakharova"}


def test_queries_figures_by_category_most_first(con):
    frame = queries.figures_by_category(con, Filters())
    assert frame.iloc[0].tolist() == ["killed", 2]


def test_queries_activity_over_time_by_period(con):
    frame = queries.activity_over_time(con, Filters())
    assert frame.attrs["bucket"] == "week"
    assert frame["articles"].sum() == 3 and frame["statements"].sum() == 5
    # weeks start on Monday: 14 February 2024 is a Wednesday
    assert list(frame["period"].dt.date) == [date(2023, 10, 9), date(2023, 11, 20), date(2024, 2, 12)]


@pytest.mark.parametrize("days, bucket, periods", [
    (["2024-01-03", "2024-01-03", "2024-01-20"], "day", ["2024-01-03", "2024-01-20"]),
    (["2023-01-01", "2023-01-02", "2024-01-07"], "week", ["2022-12-26", "2023-01-02", "2024-01-01"]),
    (["2017-01-31", "2017-01-01", "2024-02-29"], "month", ["2017-01-01", "2024-02-01"]),
])
def test_queries_counts_per_day_are_summed_per_period(days, bucket, periods):
    import pandas as pd

    per_day = pd.DataFrame({"day": pd.to_datetime(days), "kind": "direct", "statements": 1})
    frame = queries._per_period(per_day, keys=("kind",))
    assert frame.attrs["bucket"] == bucket
    assert [d.isoformat() for d in frame["period"].dt.date] == periods
    assert frame["statements"].sum() == len(days) and list(frame.columns) == ["period", "kind", "statements"]


@pytest.mark.parametrize("first, last, bucket", [
    (date(2024, 1, 1), date(2024, 1, 20), "day"),
    (date(2023, 1, 1), date(2024, 1, 1), "week"),
    (date(2017, 1, 1), date(2024, 1, 1), "month"),
    (None, None, "week"),
])
def test_queries_time_bucket(first, last, bucket):
    assert queries.time_bucket(first, last) == bucket


@pytest.mark.parametrize("start, bucket, end", [
    (date(2024, 2, 12), "day", date(2024, 2, 12)),
    (date(2024, 2, 12), "week", date(2024, 2, 18)),
    (date(2024, 2, 1), "month", date(2024, 2, 29)),
    (date(2023, 12, 1), "month", date(2023, 12, 31)),
])
def test_queries_period_end(start, bucket, end):
    assert queries.period_end(start, bucket) == end


def test_queries_speaker_profile_and_activity(con):
    profile = queries.speaker_profile(con, "maria-zakharova")
    assert profile["org"] == "Russian Foreign Ministry" and profile["aliases"] == ["Zakharova"]
    assert queries.speaker_profile(con, "nobody") is None
    activity = queries.speaker_activity(con, Filters(), "maria-zakharova")
    assert activity["statements"].sum() == 2 and set(activity["kind"]) == {"direct", "indirect"}


def test_queries_co_quoted_counts_shared_articles(con):
    matrix = queries.co_quoted(con, Filters(), top_n=3)
    assert matrix.loc["Maria Zakharova", "Dmitry Peskov"] == 1
    assert matrix.loc["Maria Zakharova", "Gaza Health Ministry"] == 1
    assert matrix.loc["Dmitry Peskov", "Gaza Health Ministry"] == 0
    assert matrix.attrs["ids"]["Maria Zakharova"] == "maria-zakharova"


def test_queries_articles_table_counts_and_filters(con):
    frame, total = queries.articles_table(con, Filters(categories=("killed",)))
    assert total == 2 and set(frame["article_id"]) == {"a2", "a3"}
    assert frame.set_index("article_id").loc["a3", "figures"] == 2


def test_queries_article_reads_text_only_when_asked(con):
    article = queries.article(con, "a4")
    assert article["text"].startswith("<script>")
    assert queries.article(con, "missing") is None
    assert list(queries.article_figures(con, "a3")["figure_id"]) == ["a3:f0", "a3:f1"]
    assert list(queries.article_statements(con, "a2")["statement_id"]) == ["a2:s0", "a2:s1"]


def test_queries_sidebar_choices(con):
    values = queries.distinct_values(con)
    assert values["countries"] == ["Palestine", "Russia"]
    assert values["categories"][0] == "killed"
    assert queries.date_bounds(con) == (date(2023, 10, 9), date(2024, 2, 14))
    assert queries.speaker_names(con, ("dmitry-peskov", "nobody")) == {"dmitry-peskov": "Dmitry Peskov"}


@pytest.mark.parametrize("name, args", [
    ("totals", (Filters(),)), ("figures_by_category", (Filters(),)), ("top_speakers", (Filters(),)),
    ("activity_over_time", (Filters(),)), ("figures_table", (Filters(),)), ("statements_table", (Filters(),)),
    ("speakers_table", (Filters(),)), ("co_quoted", (Filters(),)), ("articles_table", (Filters(),)),
    ("rejected", ()), ("speaker_choices", ()), ("distinct_values", ()), ("date_bounds", ()),
    ("figure_points", (Filters(), ("killed",))), ("figures_by_reporter", (Filters(), "killed")),
])
def test_queries_empty_store_gives_empty_results(empty, name, args):
    result = getattr(queries, name)(empty, *args)
    if isinstance(result, tuple) and len(result) == 2 and isinstance(result[1], int):
        assert result[1] == 0 and result[0].empty
    elif isinstance(result, dict):
        assert not any(result.values())
    elif isinstance(result, tuple):
        assert result == (None, None)
    else:
        assert result.empty


@pytest.mark.parametrize("filters, empty_", [(Filters(), True), (Filters(text=""), True), (Filters(text="x"), False),
                                              (Filters(date_from=date(2024, 1, 1)), False)])
def test_queries_filters_is_empty(filters, empty_):
    assert filters.is_empty() is empty_


def test_queries_filters_without():
    f = Filters(categories=("killed",), speakers=("a",), date_from=date(2024, 1, 1))
    assert f.without("categories", "date_from") == Filters(speakers=("a",))


@pytest.mark.parametrize("names, expected", [
    (("Maria Zakharova",), {"Maria Zakharova": "maria-zakharova"}),
    (("maria zakharova ",), {"maria zakharova ": "maria-zakharova"}),
    (("Nobody",), {}),
    ((), {}),
])
def test_queries_speaker_ids_by_name(con, names, expected):
    assert queries.speaker_ids(con, names) == expected


@pytest.mark.parametrize("tolerance", [0.0, 0.05, 0.15, 0.5])
def test_queries_differing_figures_follow_the_reference_rule(con, tolerance):
    from newstally.read.reference import discrepancies, load_reference

    reference = load_reference(b"date,series,value\n2023-11-19,killed_cum,13300\n2023-11-20,injured_cum,31000\n"
                               b"2024-02-13,killed_cum,28000\n2024-02-14,projectiles,3000\n")
    points, _ = queries.figure_points(con, Filters(), ("killed", "injured", "projectiles"), per_category=10_000)
    expected = discrepancies(points, reference, tolerance)
    frame, total = queries.differing_figures(con, Filters(), reference, tolerance)
    assert total == len(expected)
    assert sorted(frame["figure_id"]) == sorted(expected["figure_id"])
    if total:
        by_id = frame.set_index("figure_id")
        for row in expected.itertuples():
            assert by_id.loc[row.figure_id, "reference"] == row.reference
            assert by_id.loc[row.figure_id, "difference"] == pytest.approx(row.difference)


def test_queries_differing_figures_respect_filters_and_limit(con):
    from newstally.read.reference import load_reference

    reference = load_reference(b"date,series,value\n2023-11-15,killed_cum,1\n2023-11-15,injured_cum,1\n")
    assert queries.differing_figures(con, Filters(), reference, 0.1)[1] == 2
    assert queries.differing_figures(con, Filters(sources=("Al Jazeera",)), reference, 0.1)[1] == 0
    frame, total = queries.differing_figures(con, Filters(), reference, 0.1, limit=1)
    assert len(frame) == 1 and total == 2 and frame["figure_id"].iloc[0] == "a2:f1"  # 27,000 vs 1 is the largest
    assert queries.differing_figures(con, Filters(categories=("injured",)), reference, 0.1)[1] == 1
    assert queries.differing_figures(con, Filters(categories=("aid",)), reference, 0.1)[1] == 0
    empty, none = queries.differing_figures(con, Filters(), reference.iloc[0:0], 0.1)
    assert empty.empty and none == 0 and "difference" in empty.columns


@pytest.mark.parametrize("filters", [Filters(), Filters(text="Gaza"), Filters(text="e"), Filters(categories=("killed",)),
                                     Filters(sources=("Reuters",), text="killed")])
def test_queries_speaker_counts_agree_with_the_statements_table(con, filters):
    """Speaker counts come from a per-article lookup, or from statements when text is searched:
    either way they are the counts of the statements the Statements page lists."""
    listed, total = queries.statements_table(con, filters)
    speakers = queries.speakers_table(con, filters)
    attributed = listed.dropna(subset=["speaker_id"])
    assert dict(zip(speakers["speaker_id"], speakers["statements"])) == attributed["speaker_id"].value_counts().to_dict()
    assert dict(zip(speakers["speaker_id"], speakers["articles"])) == \
        attributed.groupby("speaker_id")["article_id"].nunique().to_dict()
    assert queries.totals(con, filters)["statements"] == total == len(listed)
    top = queries.top_speakers(con, filters)
    assert top["statements"].sum() == len(attributed)


@pytest.mark.parametrize("name, args", [("totals", ()), ("statements_table", ()), ("figures_table", ()),
                                        ("articles_table", ()), ("speakers_table", ()), ("top_speakers", ())])
def test_queries_a_search_found_once_serves_every_query(con, name, args):
    """The dashboard finds a search's rows once and hands them to each query of the page."""
    from newstally.read.search import text_matches

    searched = Filters(text="gaza")
    matches = text_matches(con, searched.text)
    assert len(matches.statements) == 2 and len(matches.articles) == 2
    given = getattr(queries, name)(con, searched, *args, matches=matches)
    found = getattr(queries, name)(con, searched, *args)
    assert str(given) == str(found)
    assert "matched_statements" not in {r[0] for r in con.execute("SHOW TABLES").fetchall()}  # nothing left behind


def test_queries_differing_figures_compare_counts_only(tmp_path):
    """A share ("85 percent") is no count: the reference of counts is not compared with it."""
    from newstally.read.reference import load_reference
    from newstally.build.store import write_meta, writing

    with writing(tmp_path / "s.duckdb", fresh=True) as writer:
        writer.insert("articles", [("a1", "t", "s", "", date(2024, 1, 10), 9, "h", "a1.txt", "v")])
        writer.insert("figures", [
            (f"a1:f{i}", "a1", 0, 1, text, value, value, value, "exact", unit, "killed", text, None, None, "r")
            for i, (text, value, unit) in enumerate([("85 percent", 85.0, "percent"), ("2,000 people", 2000.0, "people"),
                                                      ("$5m", 5e6, "USD")])])
        write_meta(writer, extractor_version="v")
    reference = load_reference(b"date,series,value\n2024-01-09,killed_cum,24000\n")
    with duckdb.connect(str(tmp_path / "s.duckdb"), read_only=True) as store:
        frame, total = queries.differing_figures(store, Filters(), reference, 0.1)
    assert total == 1 and list(frame["figure_id"]) == ["a1:f1"]
