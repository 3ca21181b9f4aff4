"""The Overview page: totals, figures by category, the most quoted speakers, activity over time."""

from __future__ import annotations

import duckdb
import pandas as pd

from ..filters import Filters, article_conditions, articles_join, figure_conditions, quotations, where_clause
from ..search import searching
from .common import fetch_frame, fetch_int, fetch_row
from .periods import per_period


@searching
def totals(con: duckdb.DuckDBPyConnection, f: Filters) -> dict[str, int]:
    """Counts of articles, figures, statements and speakers under ``f``."""
    p_articles: list = []
    p_figures: list = []
    p_statements: list = []
    articles_sql = f"SELECT count(*) FROM articles a {where_clause(article_conditions(f, p_articles))}"
    figures_sql = f"SELECT count(*) FROM figures fi {articles_join(f)} {where_clause(figure_conditions(f, p_figures))}"
    statements_sql = f"SELECT sum(q.n_statements), count(DISTINCT q.speaker_id) FROM {quotations(f, p_statements)} q"
    n_statements, n_speakers = fetch_row(con, statements_sql, p_statements)
    return {
        "articles": fetch_int(con, articles_sql, p_articles),
        "figures": fetch_int(con, figures_sql, p_figures),
        "statements": int(n_statements or 0),
        "speakers": int(n_speakers or 0),
    }


@searching
def figures_by_category(con: duckdb.DuckDBPyConnection, f: Filters) -> pd.DataFrame:
    """category, figures: how many figures of each category, most first."""
    params: list = []
    sql = (
        f"SELECT fi.category, count(*) AS figures FROM figures fi {articles_join(f)} "
        f"{where_clause(figure_conditions(f, params))} GROUP BY 1 ORDER BY 2 DESC, 1"
    )
    return fetch_frame(con, sql, params)


@searching
def top_speakers(con: duckdb.DuckDBPyConnection, f: Filters, n: int = 15) -> pd.DataFrame:
    """speaker_id, speaker, statements: the ``n`` speakers with most statements under ``f``."""
    params: list = []
    sql = (
        f"SELECT q.speaker_id, s.name AS speaker, sum(q.n_statements)::BIGINT AS statements "
        f"FROM {quotations(f, params)} q JOIN speakers s USING (speaker_id) "
        f"GROUP BY 1, 2 ORDER BY 3 DESC, 2 LIMIT ?"
    )
    return fetch_frame(con, sql, params + [n])


@searching
def activity_over_time(con: duckdb.DuckDBPyConnection, f: Filters) -> pd.DataFrame:
    """period (a date), articles, statements per period; articles without a date are left out."""
    p_articles: list = []
    p_statements: list = []
    a_conditions = article_conditions(f, p_articles) + ["a.published IS NOT NULL"]
    sql = (
        f"WITH arts AS (SELECT a.published AS day, count(*) AS articles "
        f"FROM articles a {where_clause(a_conditions)} GROUP BY 1), "
        f"stats AS (SELECT a.published AS day, sum(q.n_statements) AS statements "
        f"FROM {quotations(f, p_statements)} q JOIN articles a USING (article_id) "
        f"WHERE a.published IS NOT NULL GROUP BY 1) "
        f"SELECT day, coalesce(arts.articles, 0) AS articles, coalesce(stats.statements, 0) AS statements "
        f"FROM arts FULL JOIN stats USING (day)"
    )
    return per_period(fetch_frame(con, sql, p_articles + p_statements))


def corpus_summary(con: duckdb.DuckDBPyConnection, n_sources: int = 3) -> dict:
    """What the store holds, for a caption: articles, the ``n_sources`` sources with most articles
    (``sources``), how many sources in all (``n_sources``), the first and last publication date."""
    articles, first, last, sources = fetch_row(
        con, "SELECT count(*), min(published), max(published), count(DISTINCT nullif(source, '')) FROM articles", []
    )
    top = fetch_frame(
        con,
        "SELECT source FROM articles WHERE coalesce(source, '') <> '' GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT ?",
        [n_sources],
    )
    return {
        "articles": int(articles or 0),
        "first": first,
        "last": last,
        "n_sources": int(sources or 0),
        "sources": list(top["source"]),
    }
