"""The Figures page: the list of figures, the points over time, what each reporter gave, and the
figures that differ from a reference series."""
from __future__ import annotations

from dataclasses import replace

import duckdb
import pandas as pd

from ..filters import Filters, articles_join, figure_conditions, where_clause
from ..reference import comparable_condition, daily
from ..search import searching
from .common import FIGURE_COLUMNS, FIGURE_FROM, TABLE_LIMIT, fetch_frame, fetch_int


@searching
def figure_list(con: duckdb.DuckDBPyConnection, f: Filters, limit: int = TABLE_LIMIT) -> tuple[pd.DataFrame, int]:
    """(up to ``limit`` figures under ``f``, newest first, with speaker and article; the total count)."""
    params: list = []
    where = where_clause(figure_conditions(f, params))
    total = fetch_int(con, f"SELECT count(*) FROM figures fi {articles_join(f)} {where}", params)
    sql = (f"SELECT {FIGURE_COLUMNS} {FIGURE_FROM} {where} "
           f"ORDER BY a.published DESC NULLS LAST, fi.article_id, fi.start LIMIT ?")
    return fetch_frame(con, sql, params + [limit]), total


@searching
def figure_points(con: duckdb.DuckDBPyConnection, f: Filters, categories: tuple[str, ...],
                  per_category: int = 400) -> tuple[pd.DataFrame, int]:
    """(dated figures of ``categories`` under ``f`` for the over-time chart, at most
    ``per_category`` of each, sampled evenly and repeatably (by a hash of figure_id) when there
    are more, sorted by date; the total count of such figures)."""
    if not categories:
        return fetch_frame(con, f"SELECT {FIGURE_COLUMNS} {FIGURE_FROM} LIMIT 0", []), 0
    params: list = []
    conditions = figure_conditions(replace(f, categories=tuple(categories)), params)
    where = where_clause(conditions + ["a.published IS NOT NULL", "fi.value IS NOT NULL"])
    total = fetch_int(con, f"SELECT count(*) FROM figures fi JOIN articles a USING (article_id) {where}", params)
    # the sample is drawn on ids alone; only the picked rows are read again (by rowid, which
    # DuckDB looks up faster than a string id) for their columns
    sql = (f"WITH picked AS (SELECT fi.rowid AS figure_row FROM figures fi JOIN articles a USING (article_id) {where} "
           f"QUALIFY row_number() OVER (PARTITION BY fi.category ORDER BY hash(fi.figure_id)) <= ?) "
           f"SELECT {FIGURE_COLUMNS} {FIGURE_FROM} WHERE fi.rowid IN (SELECT figure_row FROM picked) "
           f"ORDER BY a.published, fi.value")
    return fetch_frame(con, sql, params + [per_category]), total


@searching
def figures_by_reporter(con: duckdb.DuckDBPyConnection, f: Filters, category: str,
                        top_n: int = 15) -> pd.DataFrame:
    """The figures of ``category`` given by the ``top_n`` speakers or sources that gave most of them.

    Columns as ``figure_list``; ``reported_by`` is the speaker, else the article's source. At
    most 1,000 rows: a chart of more points says no more and draws slower.
    """
    params: list = []
    conditions = figure_conditions(f.without("categories"), params) + ["fi.category = ?", "fi.value IS NOT NULL"]
    params.append(category)
    where = where_clause(conditions)
    sql = (f"WITH rows AS (SELECT {FIGURE_COLUMNS} {FIGURE_FROM} {where}), "
           f"top AS (SELECT reported_by FROM rows GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT ?) "
           f"SELECT * FROM rows WHERE reported_by IN (SELECT reported_by FROM top) "
           f"ORDER BY reported_by, published NULLS LAST, value LIMIT 1000")
    return fetch_frame(con, sql, params + [top_n])


@searching
def comparable_points(con: duckdb.DuckDBPyConnection, f: Filters, reference: pd.DataFrame,
                      per_category: int = 400) -> tuple[pd.DataFrame, int]:
    """(dated figures under ``f`` comparable with a series of ``reference`` (the rule of
    ``newstally.read.reference.comparable_condition``: the series' category and place, the whole
    population, a running total from the series' start, a count) for the over-time chart drawn
    against the reference, with the columns of ``figure_points``, at most ``per_category`` of each
    category sampled as there; the total count of such figures)."""
    by_day = daily(reference) if len(reference) else pd.DataFrame()
    categories = tuple(sorted(set(by_day["category"]) & set(f.categories) if f.categories and len(by_day)
                              else set(by_day.get("category", ()))))
    if not categories:
        return fetch_frame(con, f"SELECT {FIGURE_COLUMNS} {FIGURE_FROM} LIMIT 0", []), 0
    series = by_day.drop_duplicates("series").drop(columns=["day", "reference", "reference_low", "reference_high"])
    con.register("reference_series", series)
    params: list = []
    conditions = figure_conditions(replace(f, categories=categories), params)
    where = where_clause(conditions + ["a.published IS NOT NULL",
                                       f"EXISTS (SELECT 1 FROM reference_series r WHERE {comparable_condition()})"])
    try:
        total = fetch_int(con, f"SELECT count(*) FROM figures fi JOIN articles a USING (article_id) {where}", params)
        sql = (f"WITH picked AS (SELECT fi.rowid AS figure_row FROM figures fi JOIN articles a USING (article_id) "
               f"{where} QUALIFY row_number() OVER (PARTITION BY fi.category ORDER BY hash(fi.figure_id)) <= ?) "
               f"SELECT {FIGURE_COLUMNS} {FIGURE_FROM} WHERE fi.rowid IN (SELECT figure_row FROM picked) "
               f"ORDER BY a.published, fi.value")
        frame = fetch_frame(con, sql, params + [per_category])
    finally:
        con.unregister("reference_series")
    return frame, total


# The columns of a row of the deviation table: the figure, where, whom and over which period it
# counts, who gave it, and the reference it is set against.
_DIFFERING_COLUMNS = ("figure_id, article_id, text, value, low, high, qualifier, unit, category, place, subgroup, "
                      "scope, since, speaker_id")


@searching
def differing_figures(con: duckdb.DuckDBPyConnection, f: Filters, reference: pd.DataFrame, tolerance: float,
                      limit: int = TABLE_LIMIT) -> tuple[pd.DataFrame, int]:
    """(up to ``limit`` figures under ``f`` comparable with ``reference`` that differ from it by
    more than ``tolerance``, largest difference first, with their place, subgroup, scope and since,
    and the columns series, reference and difference; the total count). The rule is
    ``newstally.read.reference.discrepancies``, run in DuckDB so a large store is compared without
    loading its figures; a category filter keeps the comparison to its own categories."""
    by_day = daily(reference) if len(reference) else pd.DataFrame(columns=["category"])
    compared = set(by_day["category"])
    categories = tuple(sorted(compared & set(f.categories) if f.categories else compared))
    if not categories:
        return fetch_frame(con, f"SELECT {_prefixed('fi')}, s.name AS speaker, a.source, a.title, a.published, "
                           f"NULL AS reported_by, NULL AS series, NULL::DOUBLE AS reference, "
                           f"NULL::DOUBLE AS difference {FIGURE_FROM} LIMIT 0", []), 0
    con.register("reference_daily", by_day)
    params: list = []
    where = where_clause(figure_conditions(replace(f, categories=categories), params))
    # A figure published on day D is set against the series from D - LAG_DAYS to D (reference_low
    # .. reference_high); the nearest end of that window is the reference it differs from. The
    # rows carry their columns through the ranking (reading them again for the 500 shown would
    # scan figures and articles once more).
    sql = (f"WITH joined AS (SELECT {_prefixed('fi')}, a.source, a.title, a.published, r.series, "
           f"r.reference_low, r.reference_high FROM figures fi JOIN articles a USING (article_id) "
           f"JOIN reference_daily r ON r.day = a.published AND {comparable_condition()} {where} "
           f"AND r.reference_low > 0), "
           f"differing AS (SELECT * EXCLUDE (reference_low, reference_high), "
           f"CASE WHEN reference_high < coalesce(low, '-inf'::DOUBLE) * (1 - ?) THEN reference_high "
           f"ELSE reference_low END AS reference FROM joined "
           f"WHERE reference_high < coalesce(low, '-inf'::DOUBLE) * (1 - ?) "
           f"OR reference_low > coalesce(high, 'inf'::DOUBLE) * (1 + ?)), "
           f"shown AS (SELECT *, value / reference - 1 AS difference, count(*) OVER () AS n_differing "
           f"FROM differing ORDER BY abs(value / reference - 1) DESC, figure_id LIMIT ?) "
           f"SELECT {_prefixed('d')}, s.name AS speaker, d.source, d.title, d.published, "
           f"coalesce(s.name, nullif(d.source, ''), 'unattributed') AS reported_by, "
           f"d.series, d.reference, d.difference, d.n_differing "
           f"FROM shown d LEFT JOIN speakers s USING (speaker_id) ORDER BY abs(d.difference) DESC, d.figure_id")
    params += [tolerance, tolerance, tolerance, limit]
    try:
        frame = fetch_frame(con, sql, params)
    finally:
        con.unregister("reference_daily")
    total = int(frame["n_differing"].iloc[0]) if len(frame) else 0
    return frame.drop(columns="n_differing"), total


def _prefixed(alias: str) -> str:
    return ", ".join(f"{alias}.{c.strip()}" for c in _DIFFERING_COLUMNS.split(","))
