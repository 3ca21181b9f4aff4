"""The tables, declared once: the store, the export and the dashboard all read this.

Each table is a tuple of (column, DuckDB type). The first five are the contract of DESIGN.md;
``mentions`` (each article's speakers before the corpus-wide merge) and ``texts`` (article text,
loaded only when an article is opened) are the store's own, and so are the two lookups of
``DERIVED``, which the store recomputes at the end of every build.
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
    "article_categories": (("article_id", "VARCHAR"), ("category", "VARCHAR"), ("n_figures", "INTEGER")),
    "article_speakers": (("article_id", "VARCHAR"), ("speaker_id", "VARCHAR"), ("n_statements", "INTEGER")),
}

# Lookups the dashboard filters and counts through instead of the large tables they summarise
# (on 100,000 articles: 350k rows instead of 0.9M figures, 570k instead of 1.1M statements).
# Each is the query that fills it; rows are sorted by the column filters pick on, so DuckDB skips
# whole blocks. article_speakers keeps unattributed statements under a NULL speaker_id, so
# statement totals can be counted from it too.
DERIVED: dict[str, str] = {
    "article_categories": "SELECT article_id, category, count(*) FROM figures WHERE category IS NOT NULL "
                          "GROUP BY ALL ORDER BY category, article_id",
    "article_speakers": "SELECT article_id, speaker_id, count(*) FROM statements GROUP BY ALL "
                        "ORDER BY speaker_id, article_id",
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
