"""The tables, declared once: the store, the export and the dashboard all read this.

Each table is a tuple of (column, DuckDB type). The first five are the contract of DESIGN.md;
``mentions`` (each article's speakers before the corpus-wide merge) and ``texts`` (article text,
loaded only when an article is opened) are the store's own.
"""
from __future__ import annotations

TABLES: dict[str, tuple[tuple[str, str], ...]] = {
    "articles": (
        ("article_id", "VARCHAR"), ("title", "VARCHAR"), ("source", "VARCHAR"), ("url", "VARCHAR"),
        ("published", "DATE"), ("n_words", "INTEGER"), ("content_hash", "VARCHAR"), ("path", "VARCHAR"),
        ("extractor_version", "VARCHAR"),
    ),
    "figures": (
        ("figure_id", "VARCHAR"), ("article_id", "VARCHAR"), ("start", "INTEGER"), ("end", "INTEGER"),
        ("text", "VARCHAR"), ("value", "DOUBLE"), ("low", "DOUBLE"), ("high", "DOUBLE"),
        ("qualifier", "VARCHAR"), ("unit", "VARCHAR"), ("category", "VARCHAR"), ("sentence", "VARCHAR"),
        ("statement_id", "VARCHAR"), ("speaker_id", "VARCHAR"), ("rule", "VARCHAR"),
    ),
    "statements": (
        ("statement_id", "VARCHAR"), ("article_id", "VARCHAR"), ("speaker_id", "VARCHAR"),
        ("speaker", "VARCHAR"), ("kind", "VARCHAR"), ("cue", "VARCHAR"), ("text", "VARCHAR"),
        ("start", "INTEGER"), ("end", "INTEGER"), ("mention_id", "VARCHAR"), ("rule", "VARCHAR"),
    ),
    "speakers": (
        ("speaker_id", "VARCHAR"), ("name", "VARCHAR"), ("type", "VARCHAR"), ("role", "VARCHAR"),
        ("org", "VARCHAR"), ("country", "VARCHAR"), ("aliases", "VARCHAR[]"),
        ("n_statements", "INTEGER"), ("n_articles", "INTEGER"),
    ),
    "rejected": (("path", "VARCHAR"), ("reason", "VARCHAR")),
    "mentions": (
        ("mention_id", "VARCHAR"), ("article_id", "VARCHAR"), ("name", "VARCHAR"), ("type", "VARCHAR"),
        ("role", "VARCHAR"), ("org", "VARCHAR"), ("country", "VARCHAR"), ("aliases", "VARCHAR[]"),
        ("n_statements", "INTEGER"), ("speaker_id", "VARCHAR"),
    ),
    "texts": (("article_id", "VARCHAR"), ("text", "VARCHAR")),
}

# The tables a user sees and exports, in the order DESIGN.md lists them.
PUBLIC_TABLES = ("articles", "figures", "statements", "speakers", "rejected")

# Tables written per article: a rebuild copies them for unchanged articles.
PER_ARTICLE_TABLES = ("articles", "texts", "figures", "statements", "mentions")


def columns(table: str) -> list[str]:
    """The column names of ``table``, in order."""
    return [name for name, _ in TABLES[table]]


def create_sql(table: str) -> str:
    """``CREATE TABLE`` for ``table``."""
    cols = ", ".join(f'"{name}" {kind}' for name, kind in TABLES[table])
    return f"CREATE TABLE {table} ({cols})"
