"""What every query shares: running SQL into a DataFrame, a row or a number, and the columns the
figure and statement lists show."""

from __future__ import annotations

import duckdb
import pandas as pd

# Rows a table shows per page (Datasette's page size); the total is counted and shown beside it.
# Pages of 500 were sent and drawn for rows below the fold, on every visit to a table.
TABLE_LIMIT = 100


def fetch_frame(con: duckdb.DuckDBPyConnection, sql: str, params: list) -> pd.DataFrame:
    return con.execute(sql, params).df()


def fetch_row(con: duckdb.DuckDBPyConnection, sql: str, params: list) -> tuple:
    # fetchall, not fetchone: a result left unread would keep the connection busy
    rows = con.execute(sql, params).fetchall()
    return rows[0] if rows else ()


def fetch_int(con: duckdb.DuckDBPyConnection, sql: str, params: list) -> int:
    return int(fetch_row(con, sql, params)[0] or 0)


# The columns of a figure list: the figure, who reported it and its article.
FIGURE_COLUMNS = """fi.figure_id, fi.article_id, fi.text, fi.value, fi.low, fi.high, fi.qualifier, fi.unit,
    fi.category, fi.speaker_id, s.name AS speaker, a.source, a.title, a.published,
    coalesce(s.name, nullif(a.source, ''), 'unattributed') AS reported_by"""
FIGURE_FROM = "FROM figures fi JOIN articles a USING (article_id) LEFT JOIN speakers s USING (speaker_id)"

# The columns of a statement list: the statement and its article.
STATEMENT_COLUMNS = """st.statement_id, st.article_id, st.speaker_id, st.speaker, st.kind, st.cue, st.text,
    a.title, a.source, a.published"""
