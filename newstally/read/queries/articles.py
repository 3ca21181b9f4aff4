"""The Articles page and the reader: the list of articles, one article with its figures and
statements, and the inputs a build rejected (the Corpus page)."""

from __future__ import annotations

import duckdb
import pandas as pd

from ..filters import Filters, article_conditions, where_clause
from ..search import searching
from .common import FIGURE_COLUMNS, FIGURE_FROM, STATEMENT_COLUMNS, TABLE_LIMIT, fetch_frame, fetch_int


@searching
def article_list(
    con: duckdb.DuckDBPyConnection, f: Filters, limit: int | None = TABLE_LIMIT, offset: int = 0
) -> tuple[pd.DataFrame, int]:
    """(up to ``limit`` articles under ``f`` after the first ``offset``, newest first, with their
    figure and statement counts (``limit=None``: all of them); the total count)."""
    params: list = []
    where = where_clause(article_conditions(f, params))
    total = fetch_int(con, f"SELECT count(*) FROM articles a {where}", params)
    sql = (
        f"WITH picked AS (SELECT a.* FROM articles a {where} "
        f"ORDER BY a.published DESC NULLS LAST, a.article_id LIMIT ? OFFSET ?) "
        f"SELECT p.article_id, p.title, p.source, p.published, p.n_words, p.url, "
        f"(SELECT count(*) FROM figures fi WHERE fi.article_id = p.article_id) AS figures, "
        f"(SELECT count(*) FROM statements st WHERE st.article_id = p.article_id) AS statements "
        f"FROM picked p ORDER BY p.published DESC NULLS LAST, p.article_id"
    )
    return fetch_frame(con, sql, params + [limit, offset]), total


def article(con: duckdb.DuckDBPyConnection, article_id: str) -> dict | None:
    """The article's row with its ``text``, or None when there is no such article."""
    frame = fetch_frame(
        con,
        "SELECT a.*, t.text FROM articles a LEFT JOIN texts t USING (article_id) WHERE a.article_id = ?",
        [article_id],
    )
    return None if frame.empty else frame.iloc[0].to_dict()


def article_figures(con: duckdb.DuckDBPyConnection, article_id: str) -> pd.DataFrame:
    """The figures of one article in text order, with the speaker's name."""
    return fetch_frame(
        con,
        f'SELECT fi.start, fi."end", {FIGURE_COLUMNS} {FIGURE_FROM} WHERE fi.article_id = ? ORDER BY fi.start',
        [article_id],
    )


def article_statements(con: duckdb.DuckDBPyConnection, article_id: str) -> pd.DataFrame:
    """The statements of one article in text order."""
    return fetch_frame(
        con,
        f'SELECT st.start, st."end", {STATEMENT_COLUMNS} FROM statements st '
        f"JOIN articles a USING (article_id) WHERE st.article_id = ? ORDER BY st.start",
        [article_id],
    )


def rejected(
    con: duckdb.DuckDBPyConnection, limit: int | None = TABLE_LIMIT, offset: int = 0
) -> tuple[pd.DataFrame, int]:
    """(up to ``limit`` rejected inputs with their reason after the first ``offset``; the total count)."""
    total = fetch_int(con, "SELECT count(*) FROM rejected", [])
    return fetch_frame(con, "SELECT path, reason FROM rejected ORDER BY path LIMIT ? OFFSET ?", [limit, offset]), total
