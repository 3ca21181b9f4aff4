"""The Figures page: the list of figures, the points over time, what each reporter gave, and the
figures that differ from a reference series."""

from __future__ import annotations

from dataclasses import replace

import duckdb
import pandas as pd

from newstally.contract.vocabulary import COUNT

from ..filters import Filters, articles_join, figure_conditions, where_clause
from ..measures import measure_sql
from ..reference import comparable_condition, daily
from ..search import searching
from .common import FIGURE_COLUMNS, FIGURE_FROM, TABLE_LIMIT, fetch_frame, fetch_int


@searching
def figure_list(
    con: duckdb.DuckDBPyConnection, f: Filters, limit: int | None = TABLE_LIMIT, offset: int = 0
) -> tuple[pd.DataFrame, int]:
    """(up to ``limit`` figures under ``f`` after the first ``offset``, newest first, with speaker
    and article (``limit=None``: all of them); the total count)."""
    params: list = []
    where = where_clause(figure_conditions(f, params))
    total = fetch_int(con, f"SELECT count(*) FROM figures fi {articles_join(f)} {where}", params)
    sql = (
        f"SELECT {FIGURE_COLUMNS} {FIGURE_FROM} {where} "
        f"ORDER BY a.published DESC NULLS LAST, fi.article_id, fi.start LIMIT ? OFFSET ?"
    )
    return fetch_frame(con, sql, params + [limit, offset]), total


@searching
def figure_points(
    con: duckdb.DuckDBPyConnection, f: Filters, categories: tuple[str, ...], per_category: int | None = 400
) -> tuple[pd.DataFrame, int]:
    """(dated figures of ``categories`` under ``f`` for the over-time chart, with a ``measure``
    column (``measures.figure_measures``), sorted by date; the total count of such figures).

    At most ``per_category`` figures of each category and measure (``None``: all), sampled
    evenly and repeatably (by a hash of figure_id) when there are more: the sample is drawn
    within each (category, measure), so a rare measure is never sampled away.
    """
    if not categories:
        frame = fetch_frame(con, f"SELECT {FIGURE_COLUMNS}, NULL::VARCHAR AS measure {FIGURE_FROM} LIMIT 0", [])
        return frame, 0
    params: list = []
    conditions = figure_conditions(replace(f, categories=tuple(categories)), params)
    where = where_clause(conditions + ["a.published IS NOT NULL", "fi.value IS NOT NULL"])
    total = fetch_int(con, f"SELECT count(*) FROM figures fi JOIN articles a USING (article_id) {where}", params)
    measure = measure_sql("fi.unit")
    # the sample is drawn on ids alone; only the picked rows are read again (by rowid, which
    # DuckDB looks up faster than a string id) for their columns
    picked = (
        f"SELECT fi.rowid AS figure_row, {measure} AS measure FROM figures fi JOIN articles a USING (article_id) "
        f"{where} QUALIFY row_number() OVER (PARTITION BY fi.category, {measure} ORDER BY hash(fi.figure_id)) "
        f"<= coalesce(?, 'infinity'::DOUBLE)"
    )
    sql = (
        f"WITH picked AS ({picked}) SELECT {FIGURE_COLUMNS}, p.measure {FIGURE_FROM} "
        f"JOIN picked p ON p.figure_row = fi.rowid ORDER BY a.published, fi.value, fi.figure_id"
    )
    return fetch_frame(con, sql, params + [per_category]), total


def _dated(f: Filters, categories: tuple[str, ...], params: list) -> str:
    """The dated figures with a value of ``categories`` under ``f``, with their ``measure``."""
    conditions = figure_conditions(replace(f, categories=tuple(categories)), params)
    where = where_clause(conditions + ["a.published IS NOT NULL", "fi.value IS NOT NULL"])
    return (
        f"SELECT fi.category, {measure_sql('fi.unit')} AS measure, fi.value, fi.high, fi.text, a.published "
        f"FROM figures fi JOIN articles a USING (article_id) {where}"
    )


@searching
def figure_spread(
    con: duckdb.DuckDBPyConnection, f: Filters, categories: tuple[str, ...], bulk_factor: float = 5.0
) -> pd.DataFrame:
    """How the dated figures of ``categories`` under ``f`` spread, per category and measure, over
    all of them (not a sample): figures, median, p95, smallest_positive, largest (of value and
    high) and bulk: the largest within ``bulk_factor`` times the 95th percentile, where an axis
    can stop without hiding more than a few misread "millions"."""
    if not categories:
        return pd.DataFrame(
            columns=["category", "measure", "figures", "median", "p95", "smallest_positive", "largest", "bulk"]
        )
    params: list = []
    sql = (
        f"WITH dated AS ({_dated(f, categories, params)}), "
        f"spread AS (SELECT category, measure, count(*) AS figures, median(value) AS median, "
        f"quantile_cont(greatest(value, coalesce(high, value)), 0.95) AS p95, "
        f"min(value) FILTER (WHERE value > 0) AS smallest_positive, "
        f"max(greatest(value, coalesce(high, value))) AS largest FROM dated GROUP BY 1, 2) "
        f"SELECT s.category, s.measure, s.figures, s.median, s.p95, s.smallest_positive, s.largest, "
        f"coalesce(max(greatest(d.value, coalesce(d.high, d.value))) FILTER "
        f"(WHERE greatest(d.value, coalesce(d.high, d.value)) <= ? * s.p95), s.largest) AS bulk "
        f"FROM spread s JOIN dated d USING (category, measure) GROUP BY 1, 2, 3, 4, 5, 6, 7 ORDER BY 1, 2"
    )
    return fetch_frame(con, sql, params + [bulk_factor])


@searching
def figures_above(con: duckdb.DuckDBPyConnection, f: Filters, tops: tuple[tuple[str, str, float], ...]) -> pd.DataFrame:
    """category, measure, figures, largest, text (the largest one's): the dated figures of each
    (category, measure, top) in ``tops`` under ``f`` whose value lies above ``top``."""
    if not tops:
        return pd.DataFrame(columns=["category", "measure", "figures", "largest", "text"])
    params: list = []
    dated = _dated(f, tuple(dict.fromkeys(c for c, _, _ in tops)), params)
    limits = pd.DataFrame(list(tops), columns=["category", "measure", "top"])
    con.register("axis_tops", limits)
    try:
        return fetch_frame(
            con,
            f"SELECT d.category, d.measure, count(*) AS figures, max(d.value) AS largest, "
            f"arg_max(d.text, d.value) AS text FROM ({dated}) d JOIN axis_tops t "
            f"USING (category, measure) WHERE d.value > t.top GROUP BY 1, 2 ORDER BY 1, 2",
            params,
        )
    finally:
        con.unregister("axis_tops")


def _reported(f: Filters, category: str, measure: str, params: list) -> str:
    """The figures of ``category`` and ``measure`` under ``f`` (its category filter aside), with
    who reported each: ``reporter_type`` ("speaker" or "source") and ``reporter_id`` (the
    speaker_id or the source)."""
    conditions = figure_conditions(f.without("categories"), params) + [
        "fi.category = ?",
        "fi.value IS NOT NULL",
        measure_sql("fi.unit") + " = ?",
    ]
    params += [category, measure]
    return (
        f"SELECT {FIGURE_COLUMNS}, "
        f"CASE WHEN fi.speaker_id IS NULL THEN 'source' ELSE 'speaker' END AS reporter_type, "
        f"coalesce(fi.speaker_id, a.source, '') AS reporter_id {FIGURE_FROM} {where_clause(conditions)}"
    )


@searching
def reporter_measures(con: duckdb.DuckDBPyConnection, f: Filters, category: str) -> dict[str, int]:
    """measure -> how many figures of ``category`` under ``f`` (its category filter aside) measure it."""
    params: list = []
    conditions = figure_conditions(f.without("categories"), params) + ["fi.category = ?", "fi.value IS NOT NULL"]
    params.append(category)
    rows = con.execute(
        f"SELECT {measure_sql('fi.unit')} AS measure, count(*) FROM figures fi {articles_join(f)} "
        f"{where_clause(conditions)} GROUP BY 1 ORDER BY 2 DESC, 1",
        params,
    ).fetchall()
    return dict(rows)


@searching
def figures_by_reporter(
    con: duckdb.DuckDBPyConnection,
    f: Filters,
    category: str,
    measure: str = COUNT,
    top_n: int = 15,
    per_reporter: int | None = 60,
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(the figures, the reporters): what the ``top_n`` speakers or sources that gave most figures
    of ``category`` in ``measure`` reported, under ``f`` (its category filter aside).

    The reporters are counted over every figure (``reported_by``, ``reporter_type``,
    ``reporter_id``, ``figures``, ``lowest``, ``median``, ``highest``, ``first``, ``last``; most
    figures first). The figures (columns as ``figure_list`` plus ``reporter_type`` and
    ``reporter_id``) are at most ``per_reporter`` of each reporter, sampled evenly and repeatably
    (``None``: all of them).
    """
    params: list = []
    rows = _reported(f, category, measure, params)
    sql = (
        f"WITH rows AS ({rows}), "
        f"top AS (SELECT reporter_type, reporter_id, any_value(reported_by) AS reported_by, count(*) AS figures, "
        f"min(coalesce(low, value)) AS lowest, median(value) AS median, max(coalesce(high, value)) AS highest, "
        f"min(published) AS first, max(published) AS last FROM rows GROUP BY 1, 2 "
        f"ORDER BY figures DESC, reported_by, reporter_id LIMIT ?) "
    )
    reporters = fetch_frame(
        con,
        sql + "SELECT reported_by, reporter_type, reporter_id, figures, lowest, median, "
        "highest, first, last FROM top ORDER BY figures DESC, reported_by, reporter_id",
        params + [top_n],
    )
    points = fetch_frame(
        con,
        sql + "SELECT rows.* FROM rows JOIN top USING (reporter_type, reporter_id) "
        "QUALIFY row_number() OVER (PARTITION BY reporter_type, reporter_id ORDER BY hash(figure_id)) "
        "<= coalesce(?, 'infinity'::DOUBLE) ORDER BY rows.reported_by, published NULLS LAST, value, "
        "figure_id",
        params + [top_n, per_reporter],
    )
    return points, reporters


# The columns of a row of the deviation table: the figure, where, whom and over which period it
# counts, who gave it, and the reference it is set against.
_DIFFERING_COLUMNS = (
    "figure_id, article_id, text, value, low, high, qualifier, unit, category, place, subgroup, "
    "scope, since, speaker_id"
)


@searching
def differing_figures(
    con: duckdb.DuckDBPyConnection,
    f: Filters,
    reference: pd.DataFrame,
    tolerance: float,
    limit: int | None = TABLE_LIMIT,
    offset: int = 0,
) -> tuple[pd.DataFrame, int]:
    """(up to ``limit`` figures under ``f`` comparable with ``reference`` that differ from it by
    more than ``tolerance``, largest difference first, with their place, subgroup, scope and since,
    and the columns series, reference and difference; the total count). The rule is
    ``newstally.read.reference.discrepancies``, run in DuckDB so a large store is compared without
    loading its figures; a category filter keeps the comparison to its own categories."""
    by_day = daily(reference) if len(reference) else pd.DataFrame(columns=["category"])
    compared = set(by_day["category"])
    categories = tuple(sorted(compared & set(f.categories) if f.categories else compared))
    if not categories:
        return fetch_frame(
            con,
            f"SELECT {_prefixed('fi')}, s.name AS speaker, a.source, a.title, a.published, "
            f"NULL AS reported_by, NULL AS series, NULL::DOUBLE AS reference, "
            f"NULL::DOUBLE AS difference {FIGURE_FROM} LIMIT 0",
            [],
        ), 0
    con.register("reference_daily", by_day)
    params: list = []
    where = where_clause(figure_conditions(replace(f, categories=categories), params))
    # A figure published on day D is set against the series from D - LAG_DAYS to D (reference_low
    # .. reference_high); the nearest end of that window is the reference it differs from. The
    # rows carry their columns through the ranking (reading them again for the 500 shown would
    # scan figures and articles once more). The figures are joined to their articles first
    # (MATERIALIZED): left to the optimizer, which knows nothing of the registered frame's size,
    # the reference was joined to the figures on category alone (hundreds of thousands of rows).
    sql = (
        f"WITH selected AS MATERIALIZED (SELECT fi.*, a.source, a.title, a.published "
        f"FROM figures fi JOIN articles a USING (article_id) {where}), "
        f"joined AS (SELECT {_prefixed('fi')}, fi.source, fi.title, fi.published, r.series, "
        f"r.reference_low, r.reference_high FROM selected fi "
        f"JOIN reference_daily r ON r.day = fi.published AND {comparable_condition()} "
        f"AND r.reference_low > 0), "
        f"differing AS (SELECT * EXCLUDE (reference_low, reference_high), "
        f"CASE WHEN reference_high < coalesce(low, '-inf'::DOUBLE) * (1 - ?) THEN reference_high "
        f"ELSE reference_low END AS reference FROM joined "
        f"WHERE reference_high < coalesce(low, '-inf'::DOUBLE) * (1 - ?) "
        f"OR reference_low > coalesce(high, 'inf'::DOUBLE) * (1 + ?)), "
        f"shown AS (SELECT *, value / reference - 1 AS difference, count(*) OVER () AS n_differing "
        f"FROM differing ORDER BY abs(value / reference - 1) DESC, figure_id LIMIT ? OFFSET ?) "
        f"SELECT {_prefixed('d')}, s.name AS speaker, d.source, d.title, d.published, "
        f"coalesce(s.name, nullif(d.source, ''), 'unattributed') AS reported_by, "
        f"d.series, d.reference, d.difference, d.n_differing "
        f"FROM shown d LEFT JOIN speakers s USING (speaker_id) ORDER BY abs(d.difference) DESC, d.figure_id"
    )
    params += [tolerance, tolerance, tolerance, limit, offset]
    try:
        frame = fetch_frame(con, sql, params)
    finally:
        con.unregister("reference_daily")
    total = int(frame["n_differing"].iloc[0]) if len(frame) else 0
    return frame.drop(columns="n_differing"), total


def _prefixed(alias: str) -> str:
    return ", ".join(f"{alias}.{c.strip()}" for c in _DIFFERING_COLUMNS.split(","))
