"""The Figures page: the list of figures, the points over time, what each reporter gave, and the
figures that differ from a reference series."""
from __future__ import annotations

from dataclasses import replace

import duckdb
import pandas as pd

from newstally.contract.vocabulary import MEASURED_UNITS

from ..filters import Filters, articles_join, figure_conditions, where_clause
from ..reference import daily
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
def differing_figures(con: duckdb.DuckDBPyConnection, f: Filters, reference: pd.DataFrame, tolerance: float,
                      limit: int = TABLE_LIMIT) -> tuple[pd.DataFrame, int]:
    """(up to ``limit`` figures under ``f`` that differ from ``reference`` by more than
    ``tolerance``, largest difference first, with the columns series, reference and difference;
    the total count). The rule is ``newstally.read.reference.discrepancies``, run in DuckDB so a large
    store is compared without loading its figures; a category takes one reference series, and
    a category filter keeps the comparison to its own categories."""
    by_day = daily(reference) if len(reference) else pd.DataFrame(columns=["category"])
    compared = set(by_day["category"])
    categories = tuple(sorted(compared & set(f.categories) if f.categories else compared))
    if not categories:
        return fetch_frame(con, f"SELECT {FIGURE_COLUMNS}, NULL AS series, NULL::DOUBLE AS reference, "
                           f"NULL::DOUBLE AS difference {FIGURE_FROM} LIMIT 0", []), 0
    con.register("reference_daily", by_day)
    params: list = []
    # the reference counts: a share or an amount of money or time is no count to compare with it
    where = where_clause(figure_conditions(replace(f, categories=categories), params)
                         + ["fi.value IS NOT NULL", "coalesce(fi.unit, '') NOT IN (SELECT unnest(?::VARCHAR[]))"])
    params.append(sorted(MEASURED_UNITS))
    # The reference is joined on (category, day); the rows carry their columns through the
    # ranking (reading them again for the 500 shown would scan figures and articles once more).
    sql = (f"WITH differing AS (SELECT fi.figure_id, fi.article_id, fi.text, fi.value, fi.low, fi.high, "
           f"fi.qualifier, fi.unit, fi.category, fi.speaker_id, a.source, a.title, a.published, "
           f"r.series, r.reference, fi.value / r.reference - 1 AS difference "
           f"FROM figures fi JOIN articles a USING (article_id) "
           f"JOIN reference_daily r ON r.category = fi.category AND r.day = a.published {where} "
           f"AND r.reference > 0 AND (r.reference < coalesce(fi.low, '-inf'::DOUBLE) * (1 - ?) "
           f"OR r.reference > coalesce(fi.high, 'inf'::DOUBLE) * (1 + ?))), "
           f"shown AS (SELECT *, count(*) OVER () AS n_differing FROM differing "
           f"ORDER BY abs(difference) DESC, figure_id LIMIT ?) "
           f"SELECT d.figure_id, d.article_id, d.text, d.value, d.low, d.high, d.qualifier, d.unit, d.category, "
           f"d.speaker_id, s.name AS speaker, d.source, d.title, d.published, "
           f"coalesce(s.name, nullif(d.source, ''), 'unattributed') AS reported_by, "
           f"d.series, d.reference, d.difference, d.n_differing "
           f"FROM shown d LEFT JOIN speakers s USING (speaker_id) ORDER BY abs(d.difference) DESC, d.figure_id")
    params += [tolerance, tolerance, limit]
    try:
        frame = fetch_frame(con, sql, params)
    finally:
        con.unregister("reference_daily")
    total = int(frame["n_differing"].iloc[0]) if len(frame) else 0
    return frame.drop(columns="n_differing"), total
