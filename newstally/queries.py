"""What the dashboard asks of the store: filtered SQL over the tables, returning DataFrames.

Every function takes an open DuckDB connection (read-only is enough) and a ``Filters``; charts get
aggregated rows, tables get at most ``limit`` rows plus the total count, and article text is read
only by ``article``. Nothing here imports Streamlit, so every query is tested with plain pytest.

What each filter narrows:
- source and date range: articles, and through them every figure and statement;
- speaker, organisation, country: statements and figures by those speakers, and the articles
  that quote them;
- category: figures, and the articles (with their statements) that report one of that category;
- text: statements whose text contains it, figures whose sentence contains it, articles whose
  title or statements contain it (case-insensitive).
"""
from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import duckdb
import pandas as pd

from .reference import series_categories

from .filtering import (Filters, article_filter_conditions, articles_join, figure_conditions, in_list,
                        statement_conditions, where_clause)

# Filters is re-exported: callers build filters and query them with one import.

TABLE_LIMIT = 500  # rows a table shows; the total is counted and shown beside it


def _frame(con: duckdb.DuckDBPyConnection, sql: str, params: list) -> pd.DataFrame:
    return con.execute(sql, params).df()


def _scalar(con: duckdb.DuckDBPyConnection, sql: str, params: list) -> int:
    return int(con.execute(sql, params).fetchone()[0] or 0)


# --- what the sidebar offers -------------------------------------------------------------------

def speaker_choices(con: duckdb.DuckDBPyConnection, limit: int = 1000) -> pd.DataFrame:
    """speaker_id, name, n_statements of the most quoted speakers (the sidebar's speaker options)."""
    return _frame(con, "SELECT speaker_id, name, n_statements FROM speakers "
                       "ORDER BY n_statements DESC, name LIMIT ?", [limit])


def speaker_names(con: duckdb.DuckDBPyConnection, speaker_ids: tuple[str, ...]) -> dict[str, str]:
    """speaker_id -> display name for ``speaker_ids`` that exist."""
    if not speaker_ids:
        return {}
    params: list = []
    rows = con.execute(f"SELECT speaker_id, name FROM speakers WHERE {in_list('speaker_id', speaker_ids, params)}",
                       params).fetchall()
    return dict(rows)


def speaker_ids(con: duckdb.DuckDBPyConnection, names: tuple[str, ...]) -> dict[str, str]:
    """name -> speaker_id for those of ``names`` a speaker has (ignoring case): a shared link and a
    typed name give speakers by name, not id."""
    if not names:
        return {}
    params: list = []
    lowered = tuple(dict.fromkeys(n.strip().lower() for n in names))
    rows = con.execute(f"SELECT lower(name), min(speaker_id) FROM speakers "
                       f"WHERE {in_list('lower(name)', lowered, params)} GROUP BY 1", params).fetchall()
    found = dict(rows)
    return {n: found[n.strip().lower()] for n in names if n.strip().lower() in found}


def distinct_values(con: duckdb.DuckDBPyConnection) -> dict[str, list[str]]:
    """The non-empty values the organisation, country, source and category filters can take."""
    queries = {
        "orgs": "SELECT DISTINCT org FROM speakers WHERE coalesce(org, '') <> '' ORDER BY 1",
        "countries": "SELECT DISTINCT country FROM speakers WHERE coalesce(country, '') <> '' ORDER BY 1",
        "sources": "SELECT DISTINCT source FROM articles WHERE coalesce(source, '') <> '' ORDER BY 1",
        "categories": "SELECT category FROM figures WHERE coalesce(category, '') <> '' "
                      "GROUP BY 1 ORDER BY count(*) DESC",
    }
    return {name: [row[0] for row in con.execute(sql).fetchall()] for name, sql in queries.items()}


def date_bounds(con: duckdb.DuckDBPyConnection) -> tuple[date | None, date | None]:
    """The first and last publication date in the store (None, None when no article has one)."""
    first, last = con.execute("SELECT min(published), max(published) FROM articles").fetchone()
    return first, last


# --- overview ----------------------------------------------------------------------------------

def totals(con: duckdb.DuckDBPyConnection, f: Filters) -> dict[str, int]:
    """Counts of articles, figures, statements and speakers under ``f``."""
    p_articles: list = []
    p_figures: list = []
    p_statements: list = []
    articles_sql = f"SELECT count(*) FROM articles a {where_clause(article_filter_conditions(f, p_articles))}"
    figures_sql = (f"SELECT count(*) FROM figures fi {articles_join(f)} "
                   f"{where_clause(figure_conditions(f, p_figures))}")
    statements_sql = (f"SELECT count(*), count(DISTINCT st.speaker_id) FROM statements st "
                      f"{articles_join(f)} {where_clause(statement_conditions(f, p_statements))}")
    n_statements, n_speakers = con.execute(statements_sql, p_statements).fetchone()
    return {"articles": _scalar(con, articles_sql, p_articles), "figures": _scalar(con, figures_sql, p_figures),
            "statements": int(n_statements or 0), "speakers": int(n_speakers or 0)}


def figures_by_category(con: duckdb.DuckDBPyConnection, f: Filters) -> pd.DataFrame:
    """category, figures: how many figures of each category, most first."""
    params: list = []
    sql = (f"SELECT fi.category, count(*) AS figures FROM figures fi {articles_join(f)} "
           f"{where_clause(figure_conditions(f, params))} GROUP BY 1 ORDER BY 2 DESC, 1")
    return _frame(con, sql, params)


def top_speakers(con: duckdb.DuckDBPyConnection, f: Filters, n: int = 15) -> pd.DataFrame:
    """speaker_id, speaker, statements: the ``n`` speakers with most statements under ``f``."""
    params: list = []
    conditions = statement_conditions(f, params) + ["st.speaker_id IS NOT NULL"]
    sql = (f"SELECT st.speaker_id, any_value(st.speaker) AS speaker, count(*) AS statements "
           f"FROM statements st {articles_join(f)} {where_clause(conditions)} "
           f"GROUP BY 1 ORDER BY 3 DESC, 2 LIMIT ?")
    return _frame(con, sql, params + [n])


def time_bucket(first: date | None, last: date | None) -> str:
    """The period to count by so a timeline has a readable number of bars: day, week or month."""
    if first is None or last is None:
        return "week"
    span = (last - first).days
    return "day" if span <= 62 else "week" if span <= 730 else "month"


def activity_over_time(con: duckdb.DuckDBPyConnection, f: Filters) -> pd.DataFrame:
    """period (a date), articles, statements per period; articles without a date are left out."""
    p_articles: list = []
    p_statements: list = []
    a_conditions = article_filter_conditions(f, p_articles) + ["a.published IS NOT NULL"]
    s_conditions = statement_conditions(f, p_statements) + ["a.published IS NOT NULL"]
    first, last = con.execute(f"SELECT min(a.published), max(a.published) FROM articles a {where_clause(a_conditions)}",
                              p_articles).fetchone()
    bucket = time_bucket(first, last)
    sql = (f"WITH arts AS (SELECT date_trunc('{bucket}', a.published)::DATE AS period, count(*) AS articles "
           f"FROM articles a {where_clause(a_conditions)} GROUP BY 1), "
           f"stats AS (SELECT date_trunc('{bucket}', a.published)::DATE AS period, count(*) AS statements "
           f"FROM statements st JOIN articles a USING (article_id) {where_clause(s_conditions)} GROUP BY 1) "
           f"SELECT period, coalesce(arts.articles, 0) AS articles, coalesce(stats.statements, 0) AS statements "
           f"FROM arts FULL JOIN stats USING (period) ORDER BY period")
    frame = _frame(con, sql, p_articles + p_statements)
    frame.attrs["bucket"] = bucket
    return frame


def period_end(start: date, bucket: str) -> date:
    """The last day of the ``bucket`` (day, week, month) starting on ``start``."""
    if bucket == "day":
        return start
    if bucket == "week":
        return start + timedelta(days=6)
    next_month = (start.replace(day=28) + timedelta(days=4)).replace(day=1)
    return next_month - timedelta(days=1)


# --- figures -----------------------------------------------------------------------------------

_FIGURE_COLUMNS = """fi.figure_id, fi.article_id, fi.text, fi.value, fi.low, fi.high, fi.qualifier, fi.unit,
    fi.category, fi.speaker_id, s.name AS speaker, a.source, a.title, a.published,
    coalesce(s.name, nullif(a.source, ''), 'unattributed') AS reported_by"""
_FIGURE_FROM = "FROM figures fi JOIN articles a USING (article_id) LEFT JOIN speakers s USING (speaker_id)"


def figures_table(con: duckdb.DuckDBPyConnection, f: Filters, limit: int = TABLE_LIMIT) -> tuple[pd.DataFrame, int]:
    """(up to ``limit`` figures under ``f``, newest first, with speaker and article; the total count)."""
    params: list = []
    where = where_clause(figure_conditions(f, params))
    total = _scalar(con, f"SELECT count(*) FROM figures fi {articles_join(f)} {where}", params)
    sql = (f"SELECT {_FIGURE_COLUMNS} {_FIGURE_FROM} {where} "
           f"ORDER BY a.published DESC NULLS LAST, fi.article_id, fi.start LIMIT ?")
    return _frame(con, sql, params + [limit]), total


def figure_points(con: duckdb.DuckDBPyConnection, f: Filters, categories: tuple[str, ...],
                  per_category: int = 400) -> tuple[pd.DataFrame, int]:
    """(dated figures of ``categories`` under ``f`` for the over-time chart, at most
    ``per_category`` of each, sampled evenly and repeatably (by a hash of figure_id) when there
    are more, sorted by date; the total count of such figures)."""
    if not categories:
        return _frame(con, f"SELECT {_FIGURE_COLUMNS} {_FIGURE_FROM} LIMIT 0", []), 0
    params: list = []
    conditions = figure_conditions(replace(f, categories=tuple(categories)), params)
    where = where_clause(conditions + ["a.published IS NOT NULL", "fi.value IS NOT NULL"])
    total = _scalar(con, f"SELECT count(*) FROM figures fi JOIN articles a USING (article_id) {where}", params)
    # the sample is drawn on ids alone; only the picked rows are joined for their columns
    sql = (f"WITH picked AS (SELECT fi.figure_id FROM figures fi JOIN articles a USING (article_id) {where} "
           f"QUALIFY row_number() OVER (PARTITION BY fi.category ORDER BY hash(fi.figure_id)) <= ?) "
           f"SELECT {_FIGURE_COLUMNS} {_FIGURE_FROM} WHERE fi.figure_id IN (SELECT figure_id FROM picked) "
           f"ORDER BY a.published, fi.value")
    return _frame(con, sql, params + [per_category]), total


def figures_by_reporter(con: duckdb.DuckDBPyConnection, f: Filters, category: str,
                        top_n: int = 15) -> pd.DataFrame:
    """The figures of ``category`` given by the ``top_n`` speakers or sources that gave most of them.

    Columns as ``figures_table``; ``reported_by`` is the speaker, else the article's source. At
    most 1,000 rows: a chart of more points says no more and draws slower.
    """
    params: list = []
    conditions = figure_conditions(f.without("categories"), params) + ["fi.category = ?", "fi.value IS NOT NULL"]
    params.append(category)
    where = where_clause(conditions)
    sql = (f"WITH rows AS (SELECT {_FIGURE_COLUMNS} {_FIGURE_FROM} {where}), "
           f"top AS (SELECT reported_by FROM rows GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT ?) "
           f"SELECT * FROM rows WHERE reported_by IN (SELECT reported_by FROM top) "
           f"ORDER BY reported_by, published NULLS LAST, value LIMIT 1000")
    return _frame(con, sql, params + [top_n])


def differing_figures(con: duckdb.DuckDBPyConnection, f: Filters, reference: pd.DataFrame, tolerance: float,
                      limit: int = TABLE_LIMIT) -> tuple[pd.DataFrame, int]:
    """(up to ``limit`` figures under ``f`` that differ from ``reference`` by more than
    ``tolerance``, largest difference first, with the columns series, reference and difference;
    the total count). The rule is ``newstally.reference.discrepancies``, run in DuckDB so a large
    store is compared without loading its figures; a category takes one reference series."""
    columns = ("date", "series", "value")
    if reference.empty:
        return _frame(con, f"SELECT {_FIGURE_COLUMNS}, NULL AS series, NULL::DOUBLE AS reference, "
                           f"NULL::DOUBLE AS difference {_FIGURE_FROM} LIMIT 0", []), 0
    series = reference[list(columns)].assign(category=reference["series"].map(series_categories(reference)))
    con.register("reference_series", series)
    params: list = []
    conditions = figure_conditions(replace(f, categories=tuple(sorted(set(series["category"])))), params)
    where = where_clause(conditions + ["a.published IS NOT NULL", "fi.value IS NOT NULL"])
    # The comparison runs on the few columns it needs; only the rows shown are joined for the rest.
    sql = (f"WITH candidates AS (SELECT fi.figure_id, fi.category, a.published, fi.value, fi.low, fi.high "
           f"FROM figures fi JOIN articles a USING (article_id) {where}), "
           f"matched AS (SELECT c.*, r.series, r.value AS reference, r.date AS reference_date FROM candidates c "
           f"ASOF JOIN reference_series r ON c.category = r.category AND c.published >= r.date), "
           f"differing AS (SELECT figure_id, series, reference, value / reference - 1 AS difference FROM matched "
           f"WHERE reference > 0 AND date_diff('day', reference_date::DATE, published) <= 7 "
           f"AND (reference < coalesce(low, '-inf'::DOUBLE) * (1 - ?) "
           f"OR reference > coalesce(high, 'inf'::DOUBLE) * (1 + ?))), "
           f"shown AS (SELECT *, count(*) OVER () AS n_differing FROM differing "
           f"ORDER BY abs(difference) DESC, figure_id LIMIT ?) "
           f"SELECT {_FIGURE_COLUMNS}, d.series, d.reference, d.difference, d.n_differing "
           f"FROM shown d JOIN figures fi USING (figure_id) JOIN articles a USING (article_id) "
           f"LEFT JOIN speakers s ON s.speaker_id = fi.speaker_id "
           f"ORDER BY abs(d.difference) DESC, fi.figure_id")
    params += [tolerance, tolerance, limit]
    try:
        frame = _frame(con, sql, params)
    finally:
        con.unregister("reference_series")
    total = int(frame["n_differing"].iloc[0]) if len(frame) else 0
    return frame.drop(columns="n_differing"), total


# --- statements --------------------------------------------------------------------------------

_STATEMENT_COLUMNS = """st.statement_id, st.article_id, st.speaker_id, st.speaker, st.kind, st.cue, st.text,
    a.title, a.source, a.published"""


def statements_table(con: duckdb.DuckDBPyConnection, f: Filters,
                     limit: int = TABLE_LIMIT) -> tuple[pd.DataFrame, int]:
    """(up to ``limit`` statements under ``f``, newest first; the total count)."""
    params: list = []
    where = where_clause(statement_conditions(f, params))
    total = _scalar(con, f"SELECT count(*) FROM statements st {articles_join(f)} {where}", params)
    sql = (f"SELECT {_STATEMENT_COLUMNS} FROM statements st JOIN articles a USING (article_id) {where} "
           f"ORDER BY a.published DESC NULLS LAST, st.article_id, st.start LIMIT ?")
    return _frame(con, sql, params + [limit]), total


# --- speakers ----------------------------------------------------------------------------------

def speakers_table(con: duckdb.DuckDBPyConnection, f: Filters, limit: int = TABLE_LIMIT) -> pd.DataFrame:
    """The speakers quoted under ``f`` (speakers table columns, ``statements`` counted under ``f``)."""
    params: list = []
    where = where_clause(statement_conditions(f, params) + ["st.speaker_id IS NOT NULL"])
    sql = (f"WITH counted AS (SELECT st.speaker_id, count(*) AS statements, count(DISTINCT st.article_id) AS articles "
           f"FROM statements st {articles_join(f)} {where} GROUP BY 1) "
           f"SELECT s.speaker_id, s.name, s.type, s.role, s.org, s.country, c.statements, c.articles "
           f"FROM counted c JOIN speakers s USING (speaker_id) ORDER BY c.statements DESC, s.name LIMIT ?")
    return _frame(con, sql, params + [limit])


def speaker_profile(con: duckdb.DuckDBPyConnection, speaker_id: str) -> dict | None:
    """The speakers row of ``speaker_id`` as a dict (aliases as a list), or None when there is none."""
    frame = _frame(con, "SELECT * FROM speakers WHERE speaker_id = ?", [speaker_id])
    if frame.empty:
        return None
    row = frame.iloc[0].to_dict()
    aliases = row.get("aliases")
    row["aliases"] = [] if aliases is None else [str(a) for a in list(aliases)]
    return row


def speaker_activity(con: duckdb.DuckDBPyConnection, f: Filters, speaker_id: str) -> pd.DataFrame:
    """period, kind, statements: the statements of ``speaker_id`` under ``f`` per period and kind."""
    scoped = replace(f, speakers=(speaker_id,), orgs=(), countries=())
    params: list = []
    conditions = statement_conditions(scoped, params) + ["a.published IS NOT NULL"]
    first, last = con.execute(f"SELECT min(a.published), max(a.published) FROM statements st "
                              f"JOIN articles a USING (article_id) {where_clause(conditions)}", params).fetchone()
    bucket = time_bucket(first, last)
    sql = (f"SELECT date_trunc('{bucket}', a.published)::DATE AS period, st.kind, count(*) AS statements "
           f"FROM statements st JOIN articles a USING (article_id) {where_clause(conditions)} "
           f"GROUP BY 1, 2 ORDER BY 1, 2")
    frame = _frame(con, sql, params)
    frame.attrs["bucket"] = bucket
    return frame


def co_quoted(con: duckdb.DuckDBPyConnection, f: Filters, top_n: int = 15) -> pd.DataFrame:
    """A square frame: for the ``top_n`` most quoted speakers under ``f``, how many articles quote
    both the row's and the column's speaker (the diagonal: articles quoting the speaker at all).

    Index and columns are speaker names; ``attrs["ids"]`` maps each name to its speaker_id.
    """
    params: list = []
    where = where_clause(statement_conditions(f, params) + ["st.speaker_id IS NOT NULL"])
    sql = (f"WITH quoted AS (SELECT DISTINCT st.article_id, st.speaker_id FROM statements st "
           f"{articles_join(f)} {where}), "
           f"top AS (SELECT speaker_id FROM quoted GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT ?) "
           f"SELECT x.speaker_id AS a_id, y.speaker_id AS b_id, count(*) AS articles FROM quoted x "
           f"JOIN quoted y ON x.article_id = y.article_id "
           f"WHERE x.speaker_id IN (SELECT * FROM top) AND y.speaker_id IN (SELECT * FROM top) GROUP BY 1, 2")
    pairs = _frame(con, sql, params + [top_n])
    if pairs.empty:
        return pd.DataFrame()
    alone = pairs[pairs["a_id"] == pairs["b_id"]].set_index("a_id")["articles"]  # articles quoting each at all
    ids = sorted(alone.index, key=lambda i: (-int(alone[i]), i))
    names = speaker_names(con, tuple(ids))
    labels = {i: names.get(i, i) for i in ids}
    matrix = pairs.pivot(index="a_id", columns="b_id", values="articles").reindex(index=ids, columns=ids)
    matrix = matrix.fillna(0).astype(int).rename(index=labels, columns=labels)
    matrix.attrs["ids"] = {labels[i]: i for i in ids}
    return matrix


# --- articles ----------------------------------------------------------------------------------

def articles_table(con: duckdb.DuckDBPyConnection, f: Filters, limit: int = TABLE_LIMIT) -> tuple[pd.DataFrame, int]:
    """(up to ``limit`` articles under ``f``, newest first, with their figure and statement counts;
    the total count)."""
    params: list = []
    where = where_clause(article_filter_conditions(f, params))
    total = _scalar(con, f"SELECT count(*) FROM articles a {where}", params)
    sql = (f"WITH picked AS (SELECT a.* FROM articles a {where} "
           f"ORDER BY a.published DESC NULLS LAST, a.article_id LIMIT ?) "
           f"SELECT p.article_id, p.title, p.source, p.published, p.n_words, p.url, "
           f"(SELECT count(*) FROM figures fi WHERE fi.article_id = p.article_id) AS figures, "
           f"(SELECT count(*) FROM statements st WHERE st.article_id = p.article_id) AS statements "
           f"FROM picked p ORDER BY p.published DESC NULLS LAST, p.article_id")
    return _frame(con, sql, params + [limit]), total


def article(con: duckdb.DuckDBPyConnection, article_id: str) -> dict | None:
    """The article's row with its ``text``, or None when there is no such article."""
    frame = _frame(con, "SELECT a.*, t.text FROM articles a LEFT JOIN texts t USING (article_id) "
                        "WHERE a.article_id = ?", [article_id])
    return None if frame.empty else frame.iloc[0].to_dict()


def article_figures(con: duckdb.DuckDBPyConnection, article_id: str) -> pd.DataFrame:
    """The figures of one article in text order, with the speaker's name."""
    return _frame(con, f"SELECT fi.start, fi.\"end\", {_FIGURE_COLUMNS} {_FIGURE_FROM} "
                       f"WHERE fi.article_id = ? ORDER BY fi.start", [article_id])


def article_statements(con: duckdb.DuckDBPyConnection, article_id: str) -> pd.DataFrame:
    """The statements of one article in text order."""
    return _frame(con, f"SELECT st.start, st.\"end\", {_STATEMENT_COLUMNS} FROM statements st "
                       f"JOIN articles a USING (article_id) WHERE st.article_id = ? ORDER BY st.start", [article_id])


def rejected(con: duckdb.DuckDBPyConnection, limit: int = TABLE_LIMIT) -> tuple[pd.DataFrame, int]:
    """(up to ``limit`` rejected inputs with their reason; the total count)."""
    total = _scalar(con, "SELECT count(*) FROM rejected", [])
    return _frame(con, "SELECT path, reason FROM rejected ORDER BY path LIMIT ?", [limit]), total
