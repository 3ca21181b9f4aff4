"""The Speakers page: who is quoted, a speaker's profile and activity, and who is quoted with whom."""

from __future__ import annotations

from dataclasses import replace

import duckdb
import pandas as pd

from ..filters import Filters, articles_join, quotations, statement_conditions, where_clause
from ..search import TextMatches, searching
from .common import TABLE_LIMIT, fetch_frame, fetch_int
from .periods import per_period


@searching
def speaker_list(
    con: duckdb.DuckDBPyConnection, f: Filters, limit: int | None = TABLE_LIMIT, offset: int = 0
) -> pd.DataFrame:
    """The speakers quoted under ``f`` (speakers table columns, ``statements`` counted under ``f``)."""
    params: list = []
    sql = (
        f"WITH counted AS (SELECT q.speaker_id, sum(q.n_statements)::BIGINT AS statements, count(*) AS articles "
        f"FROM {quotations(f, params)} q WHERE q.speaker_id IS NOT NULL GROUP BY 1) "
        f"SELECT s.speaker_id, s.name, s.type, s.role, s.org, s.country, c.statements, c.articles, "
        f"count(*) OVER () AS n_quoted "
        f"FROM counted c JOIN speakers s USING (speaker_id) ORDER BY c.statements DESC, s.name LIMIT ? OFFSET ?"
    )
    return fetch_frame(con, sql, params + [limit, offset])


def speaker_table(
    con: duckdb.DuckDBPyConnection,
    f: Filters,
    limit: int | None = TABLE_LIMIT,
    offset: int = 0,
    matches: TextMatches | None = None,
) -> tuple[pd.DataFrame, int]:
    """(a page of ``speaker_list``; how many speakers are quoted under ``f`` in all)."""
    frame = speaker_list(con, f, limit, offset, matches=matches)  # type: ignore[call-arg]  # see search.searching
    total = int(frame["n_quoted"].iloc[0]) if len(frame) else 0
    return frame.drop(columns="n_quoted"), total


@searching
def unnamed_sources(con: duckdb.DuckDBPyConnection, f: Filters, limit: int = TABLE_LIMIT) -> tuple[pd.DataFrame, int]:
    """(description, statements, articles of up to ``limit`` unnamed sources quoted under ``f``, the
    most quoted first; the number of their statements). An unnamed source is a description the
    article gives ("officials") with no speakers row."""
    params: list = []
    conditions = statement_conditions(f, params) + ["st.unnamed"]
    sql = (
        f"SELECT min(st.speaker) AS description, count(*) AS statements, count(DISTINCT st.article_id) AS articles "
        f"FROM statements st {articles_join(f)} {where_clause(conditions)} GROUP BY lower(st.speaker) "
        f"ORDER BY statements DESC, description LIMIT ?"
    )
    frame = fetch_frame(con, sql, params + [limit])
    counted: list = []
    total = fetch_int(con, f"SELECT sum(q.n_statements) FROM {quotations(f, counted)} q WHERE q.unnamed", counted)
    return frame, total


def speaker_profile(con: duckdb.DuckDBPyConnection, speaker_id: str) -> dict | None:
    """The speakers row of ``speaker_id`` as a dict (aliases as a list), or None when there is none."""
    frame = fetch_frame(con, "SELECT * FROM speakers WHERE speaker_id = ?", [speaker_id])
    if frame.empty:
        return None
    row = frame.iloc[0].to_dict()
    aliases = row.get("aliases")
    row["aliases"] = [] if aliases is None else [str(a) for a in list(aliases)]
    return row


@searching
def speaker_activity(con: duckdb.DuckDBPyConnection, f: Filters, speaker_id: str) -> pd.DataFrame:
    """period, kind, statements: the statements of ``speaker_id`` under ``f`` per period and kind."""
    scoped = replace(f, speakers=(speaker_id,), orgs=(), countries=())
    params: list = []
    conditions = statement_conditions(scoped, params) + ["a.published IS NOT NULL"]
    sql = (
        f"SELECT a.published AS day, st.kind, count(*) AS statements "
        f"FROM statements st JOIN articles a USING (article_id) {where_clause(conditions)} GROUP BY 1, 2"
    )
    return per_period(fetch_frame(con, sql, params), keys=("kind",))
