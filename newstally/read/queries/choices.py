"""What the sidebar offers: speakers to pick, the values of the other filters, the date range."""
from __future__ import annotations

from datetime import date

import duckdb
import pandas as pd

from ..filters import in_list
from .common import fetch_frame, fetch_row


def speaker_choices(con: duckdb.DuckDBPyConnection, limit: int = 1000) -> pd.DataFrame:
    """speaker_id, name, n_statements of the most quoted speakers (the sidebar's speaker options)."""
    return fetch_frame(con, "SELECT speaker_id, name, n_statements FROM speakers "
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
        "categories": "SELECT category FROM article_categories WHERE category <> '' "
                      "GROUP BY 1 ORDER BY sum(n_figures) DESC, 1",
    }
    return {name: [row[0] for row in con.execute(sql).fetchall()] for name, sql in queries.items()}


def date_bounds(con: duckdb.DuckDBPyConnection) -> tuple[date | None, date | None]:
    """The first and last publication date in the store (None, None when no article has one)."""
    first, last = fetch_row(con, "SELECT min(published), max(published) FROM articles", [])
    return first, last
