"""The search box: which rows contain the searched text, found once per search.

Text search is the one filter no lookup can answer: it reads every statement and every figure
sentence (on 100,000 articles, 280 MB of text). ``text_matches`` reads them once and returns the
matching rows; every query of a page then filters by those rows (a join on row numbers) instead
of reading the text again. ``searching`` wraps a query so it finds the matches itself when its
caller has none to give.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar, cast

import duckdb
import numpy as np
import pandas as pd

# The relations a query filters by when the filters search text (see ``filters``).
MATCHED_STATEMENTS = "matched_statements"
MATCHED_FIGURES = "matched_figures"
MATCHED_ARTICLES = "matched_articles"

_REGEX_SPECIAL = re.compile(r"([\\.^$|?*+()\[\]{}])")


def contains_text(column: str, text: str, params: list) -> str:
    """The condition that ``column`` contains ``text`` literally, ignoring case. It runs as a
    case-insensitive RE2 match on the escaped text: on a large store about twice as fast as
    ILIKE, which lower-cases every row first."""
    params.append(_REGEX_SPECIAL.sub(r"\\\1", text.strip()))
    return f"regexp_matches({column}, ?, 'i')"


@dataclass(frozen=True)
class TextMatches:
    """Row numbers (DuckDB rowids, fixed for a store file) of the statements whose text and the
    figures whose sentence contain the searched text, and of the articles whose title or one of
    whose statements does."""

    statements: np.ndarray
    figures: np.ndarray
    articles: np.ndarray

    def relations(self) -> dict[str, pd.DataFrame]:
        """The matches as one-column frames (``row``), by the relation name queries read them as."""
        return {
            MATCHED_STATEMENTS: pd.DataFrame({"row": self.statements}),
            MATCHED_FIGURES: pd.DataFrame({"row": self.figures}),
            MATCHED_ARTICLES: pd.DataFrame({"row": self.articles}),
        }


def text_matches(con: duckdb.DuckDBPyConnection, text: str) -> TextMatches:
    """The rows that contain ``text`` (literally, ignoring case): one pass over each text column."""
    statements = _rows(con, "SELECT st.rowid AS row FROM statements st WHERE {}", "st.text", text)
    figures = _rows(con, "SELECT fi.rowid AS row FROM figures fi WHERE {}", "fi.sentence", text)
    con.register("_statement_rows", pd.DataFrame({"row": statements}))
    try:
        articles = _rows(
            con,
            "SELECT a.rowid AS row FROM articles a WHERE {} OR a.article_id IN "
            "(SELECT st.article_id FROM statements st WHERE st.rowid IN "
            "(SELECT row FROM _statement_rows))",
            "a.title",
            text,
        )
    finally:
        con.unregister("_statement_rows")
    return TextMatches(statements, figures, articles)


def _rows(con: duckdb.DuckDBPyConnection, sql: str, column: str, text: str) -> np.ndarray:
    params: list = []
    condition = contains_text(column, text, params)
    return cast(np.ndarray, con.execute(sql.format(condition), params).fetchnumpy()["row"].astype(np.int64))


Query = TypeVar("Query", bound=Callable)


def searching(query: Query) -> Query:
    """Wraps ``query(con, f, ...)``: when ``f`` searches text, the matches (the keyword
    ``matches``, or found here) are registered on ``con`` for the query's conditions to read."""

    @functools.wraps(query)
    def run(con: duckdb.DuckDBPyConnection, f, *args, matches: TextMatches | None = None, **kwargs):
        if not f.text.strip():
            return query(con, f, *args, **kwargs)
        found = matches if matches is not None else text_matches(con, f.text)
        relations = found.relations()
        for name, frame in relations.items():
            con.register(name, frame)
        try:
            return query(con, f, *args, **kwargs)
        finally:
            for name in relations:
                con.unregister(name)

    return run  # type: ignore[return-value]  # same signature as query, plus the keyword matches
