"""The Statements page: the list of statements under the filters."""

from __future__ import annotations

import duckdb
import pandas as pd

from ..filters import Filters, quotations, statement_conditions, where_clause
from ..search import searching
from .common import STATEMENT_COLUMNS, TABLE_LIMIT, fetch_frame, fetch_int


@searching
def statement_list(
    con: duckdb.DuckDBPyConnection, f: Filters, limit: int | None = TABLE_LIMIT, offset: int = 0
) -> tuple[pd.DataFrame, int]:
    """(up to ``limit`` statements under ``f`` after the first ``offset``, newest first
    (``limit=None``: all of them); the total count)."""
    counted: list = []
    total = fetch_int(con, f"SELECT sum(q.n_statements) FROM {quotations(f, counted)} q", counted)
    params: list = []
    where = where_clause(statement_conditions(f, params))
    sql = (
        f"SELECT {STATEMENT_COLUMNS} FROM statements st JOIN articles a USING (article_id) {where} "
        f"ORDER BY a.published DESC NULLS LAST, st.article_id, st.start LIMIT ? OFFSET ?"
    )
    return fetch_frame(con, sql, params + [limit, offset]), total
