"""The tables, declared once: each is a row type, and the store, the export and the dashboard all
read its columns and their DuckDB types from it.

A row is a NamedTuple in column order: the build hands rows between its stages by name
(``figure.statement_id``), and the store writes them as they are. The first five tables are the
contract of DESIGN.md; ``mentions`` (each article's speakers before the corpus-wide merge) and
``texts`` (article text, loaded only when an article is opened) are the store's own, and so are
the two lookups of ``DERIVED``, which the store recomputes at the end of every build.
"""

from __future__ import annotations

import types
from datetime import date
from functools import cache
from typing import Any, Literal, NamedTuple, Union, get_args, get_origin, get_type_hints

from .vocabulary import Category, Qualifier, Scope, SpeakerType, StatementKind


class ArticleRow(NamedTuple):
    article_id: str
    title: str
    source: str
    url: str
    published: date | None
    n_words: int
    content_hash: str  # the cache key of the text: a rebuild re-extracts only when it changes
    path: str
    extractor_version: str  # the rules the rows were made with: a rebuild re-extracts when it changes


class FigureRow(NamedTuple):
    figure_id: str
    article_id: str
    start: int  # text[start:end] is the figure's text
    end: int
    text: str
    value: float
    low: float | None
    high: float | None
    qualifier: Qualifier
    unit: str
    category: Category
    place: str  # the territory it counts in, "" when the text does not say
    subgroup: str  # who among the counted, "" for everyone
    scope: Scope  # cumulative | event | "" when unclear
    since: date | None  # the start of a cumulative count, when the text gives it
    sentence: str
    statement_id: str | None  # the innermost statement whose span holds the figure
    speaker_id: str | None  # that statement's speaker, set by the corpus-wide merge
    rule: str  # the pattern that produced it


class StatementRow(NamedTuple):
    statement_id: str
    article_id: str
    speaker_id: str | None  # set by the corpus-wide merge
    speaker: str | None  # the speaker's display name, set with it; an unnamed source's description
    unnamed: bool  # the speaker is an unnamed source: a description the article gives, no speakers row
    kind: StatementKind
    cue: str
    text: str
    start: int
    end: int
    mention_id: str | None  # the article's speaker the statement points to
    rule: str


class SpeakerRow(NamedTuple):
    speaker_id: str
    name: str
    type: SpeakerType
    role: str
    org: str
    country: str
    aliases: list[str]
    n_statements: int
    n_articles: int


class RejectedRow(NamedTuple):
    path: str
    reason: str  # what was expected, what came, and how to fix it


class MentionRow(NamedTuple):
    """A speaker as one article names them, before the corpus-wide merge gives it a speaker_id."""

    mention_id: str
    article_id: str
    name: str
    type: SpeakerType
    role: str
    org: str
    country: str
    aliases: list[str]
    n_statements: int
    named: bool  # False: a description with no name (an unnamed source), which joins no speakers row
    speaker_id: str | None


class TextRow(NamedTuple):
    article_id: str
    text: str


class ArticleCategoryRow(NamedTuple):
    article_id: str
    category: Category
    n_figures: int


class ArticleSpeakerRow(NamedTuple):
    article_id: str
    speaker_id: str | None  # NULL for the article's unattributed statements and unnamed sources
    unnamed: bool  # the statements counted are by unnamed sources
    n_statements: int


# Every table of the store, by name, in the order it is created (each a NamedTuple class).
ROWS: dict[str, Any] = {
    "articles": ArticleRow,
    "figures": FigureRow,
    "statements": StatementRow,
    "speakers": SpeakerRow,
    "rejected": RejectedRow,
    "mentions": MentionRow,
    "texts": TextRow,
    "article_categories": ArticleCategoryRow,
    "article_speakers": ArticleSpeakerRow,
}
TABLES = tuple(ROWS)

# Lookups the dashboard filters and counts through instead of the large tables they summarise
# (on 100,000 articles: 350k rows instead of 0.9M figures, 570k instead of 1.1M statements).
# Each is the query that fills it; rows are sorted by the column filters pick on, so DuckDB skips
# whole blocks. article_speakers keeps unattributed statements and unnamed sources under a NULL
# speaker_id (told apart by ``unnamed``), so statement totals can be counted from it too.
DERIVED: dict[str, str] = {
    "article_categories": "SELECT article_id, category, count(*) FROM figures WHERE category IS NOT NULL "
    "GROUP BY ALL ORDER BY category, article_id",
    "article_speakers": "SELECT article_id, speaker_id, coalesce(unnamed, false), count(*) FROM statements "
    "GROUP BY ALL ORDER BY speaker_id, article_id",
}

# The tables a user sees and exports, in the order DESIGN.md lists them.
PUBLIC_TABLES = ("articles", "figures", "statements", "speakers", "rejected")

# Tables written per article: a rebuild copies them for unchanged articles.
PER_ARTICLE_TABLES = ("articles", "texts", "figures", "statements", "mentions")

# Python type of a field -> the DuckDB type of its column
_SQL_TYPES: dict[object, str] = {
    str: "VARCHAR",
    int: "INTEGER",
    float: "DOUBLE",
    date: "DATE",
    bool: "BOOLEAN",
    list[str]: "VARCHAR[]",
}


def _sql_type(hint: object) -> str:
    if get_origin(hint) in (Union, types.UnionType):  # "X | None": a column may hold NULL anyway
        (hint,) = [a for a in get_args(hint) if a is not type(None)]
    if get_origin(hint) is Literal:  # a vocabulary is text
        hint = type(get_args(hint)[0])
    return _SQL_TYPES[hint]


def columns(table: str) -> list[str]:
    """The column names of ``table``, in order."""
    return list(ROWS[table]._fields)


@cache
def sql_types(table: str) -> tuple[tuple[str, str], ...]:
    """(column, DuckDB type) of every column of ``table``, in order."""
    hints = get_type_hints(ROWS[table])
    return tuple((name, _sql_type(hints[name])) for name in ROWS[table]._fields)


def create_sql(table: str) -> str:
    """``CREATE TABLE`` for ``table``."""
    cols = ", ".join(f'"{name}" {sql_type}' for name, sql_type in sql_types(table))
    return f"CREATE TABLE {table} ({cols})"
