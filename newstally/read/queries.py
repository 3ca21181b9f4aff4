"""What the dashboard asks of the store: filtered SQL over the tables, returning DataFrames.

Every function takes an open DuckDB connection (read-only is enough) and a ``Filters``; charts get
aggregated rows, tables get at most ``limit`` rows plus the total count, and article text is read
only by ``article``. Nothing here imports Streamlit, so every query is tested with plain pytest.

What each filter narrows:
- source and date range: articles, and through them every figure and statement;
- speaker, organisation, country: statements and figures by those speakers, and the articles
  that quote them;
- category: figures, and the articles (with their statements) that report one of that category;
- text: statements whose text contains it, figures whose sentence contains it, articles whose
  title or statements contain it (case-insensitive). The matching rows are found once per search
  (``newstally.search``); a caller that holds them passes ``matches=`` to any query taking filters.
"""
from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import duckdb
import pandas as pd

from .measures import measured_units
from .reference import daily
from .search import searching

from .filters import (Filters, article_filter_conditions, articles_join, figure_conditions, in_list,
                        quotations, statement_conditions, where_clause)

# Filters is re-exported: callers build filters and query them with one import.

TABLE_LIMIT = 500  # rows a table shows; the total is counted and shown beside it


def _frame(con: duckdb.DuckDBPyConnection, sql: str, params: list) -> pd.DataFrame:
    return con.execute(sql, params).df()


def _row(con: duckdb.DuckDBPyConnection, sql: str, params: list) -> tuple:
    # fetchall, not fetchone: a result left unread would keep the connection busy
    rows = con.execute(sql, params).fetchall()
    return rows[0] if rows else ()


def _scalar(con: duckdb.DuckDBPyConnection, sql: str, params: list) -> int:
    return int(_row(con, sql, params)[0] or 0)


# --- what the sidebar offers -------------------------------------------------------------------

def speaker_choices(con: duckdb.DuckDBPyConnection, limit: int = 1000) -> pd.DataFrame:
    """speaker_id, name, n_statements of the most quoted speakers (the sidebar's speaker options)."""
    return _frame(con, "SELECT speaker_id, name, n_statements FROM speakers "
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
    first, last = _row(con, "SELECT min(published), max(published) FROM articles", [])
    return first, last


# --- overview ----------------------------------------------------------------------------------

@searching
def totals(con: duckdb.DuckDBPyConnection, f: Filters) -> dict[str, int]:
    """Counts of articles, figures, statements and speakers under ``f``."""
    p_articles: list = []
    p_figures: list = []
    p_statements: list = []
    articles_sql = f"SELECT count(*) FROM articles a {where_clause(article_filter_conditions(f, p_articles))}"
    figures_sql = (f"SELECT count(*) FROM figures fi {articles_join(f)} "
                   f"{where_clause(figure_conditions(f, p_figures))}")
    statements_sql = f"SELECT sum(q.n_statements), count(DISTINCT q.speaker_id) FROM {quotations(f, p_statements)} q"
    n_statements, n_speakers = _row(con, statements_sql, p_statements)
    return {"articles": _scalar(con, articles_sql, p_articles), "figures": _scalar(con, figures_sql, p_figures),
            "statements": int(n_statements or 0), "speakers": int(n_speakers or 0)}


@searching
def figures_by_category(con: duckdb.DuckDBPyConnection, f: Filters) -> pd.DataFrame:
    """category, figures: how many figures of each category, most first."""
    params: list = []
    sql = (f"SELECT fi.category, count(*) AS figures FROM figures fi {articles_join(f)} "
           f"{where_clause(figure_conditions(f, params))} GROUP BY 1 ORDER BY 2 DESC, 1")
    return _frame(con, sql, params)


@searching
def top_speakers(con: duckdb.DuckDBPyConnection, f: Filters, n: int = 15) -> pd.DataFrame:
    """speaker_id, speaker, statements: the ``n`` speakers with most statements under ``f``."""
    params: list = []
    sql = (f"SELECT q.speaker_id, s.name AS speaker, sum(q.n_statements)::BIGINT AS statements "
           f"FROM {quotations(f, params)} q JOIN speakers s USING (speaker_id) "
           f"GROUP BY 1, 2 ORDER BY 3 DESC, 2 LIMIT ?")
    return _frame(con, sql, params + [n])


def time_bucket(first: date | None, last: date | None) -> str:
    """The period to count by so a timeline has a readable number of bars: day, week or month."""
    if first is None or last is None:
        return "week"
    span = (last - first).days
    return "day" if span <= 62 else "week" if span <= 730 else "month"


@searching
def activity_over_time(con: duckdb.DuckDBPyConnection, f: Filters) -> pd.DataFrame:
    """period (a date), articles, statements per period; articles without a date are left out."""
    p_articles: list = []
    p_statements: list = []
    a_conditions = article_filter_conditions(f, p_articles) + ["a.published IS NOT NULL"]
    sql = (f"WITH arts AS (SELECT a.published AS day, count(*) AS articles "
           f"FROM articles a {where_clause(a_conditions)} GROUP BY 1), "
           f"stats AS (SELECT a.published AS day, sum(q.n_statements) AS statements "
           f"FROM {quotations(f, p_statements)} q JOIN articles a USING (article_id) "
           f"WHERE a.published IS NOT NULL GROUP BY 1) "
           f"SELECT day, coalesce(arts.articles, 0) AS articles, coalesce(stats.statements, 0) AS statements "
           f"FROM arts FULL JOIN stats USING (day)")
    return _per_period(_frame(con, sql, p_articles + p_statements))


def _per_period(per_day: pd.DataFrame, keys: tuple[str, ...] = ()) -> pd.DataFrame:
    """Counts per ``day`` (and ``keys``) summed per period, sorted: a day, week (from Monday) or
    month, as ``time_bucket`` picks for the span of days; ``attrs["bucket"]`` says which.
    Counted per day in the store and bucketed here, the store is scanned once, not once more
    for the span."""
    days = pd.to_datetime(per_day["day"])
    bucket = time_bucket(days.min().date(), days.max().date()) if len(days) else "week"
    if bucket == "day":
        periods = days
    else:
        periods = days.dt.to_period("W-SUN" if bucket == "week" else "M").dt.start_time
    frame = (per_day.drop(columns="day").assign(period=periods.astype("datetime64[us]"))
             .groupby(["period", *keys], as_index=False).sum())
    frame = frame[["period", *keys, *[c for c in frame.columns if c != "period" and c not in keys]]]
    frame.attrs["bucket"] = bucket
    return frame.sort_values(["period", *keys], ignore_index=True)


def period_end(start: date, bucket: str) -> date:
    """The last day of the ``bucket`` (day, week, month) starting on ``start``."""
    if bucket == "day":
        return start
    if bucket == "week":
        return start + timedelta(days=6)
    next_month = (start.replace(day=28) + timedelta(days=4)).replace(day=1)
    return next_month - timedelta(days=1)


# --- figures -----------------------------------------------------------------------------------

_FIGURE_COLUMNS = """fi.figure_id, fi.article_id, fi.text, fi.value, fi.low, fi.high, fi.qualifier, fi.unit,
    fi.category, fi.speaker_id, s.name AS speaker, a.source, a.title, a.published,
    coalesce(s.name, nullif(a.source, ''), 'unattributed') AS reported_by"""
_FIGURE_FROM = "FROM figures fi JOIN articles a USING (article_id) LEFT JOIN speakers s USING (speaker_id)"


@searching
def figures_table(con: duckdb.DuckDBPyConnection, f: Filters, limit: int = TABLE_LIMIT) -> tuple[pd.DataFrame, int]:
    """(up to ``limit`` figures under ``f``, newest first, with speaker and article; the total count)."""
    params: list = []
    where = where_clause(figure_conditions(f, params))
    total = _scalar(con, f"SELECT count(*) FROM figures fi {articles_join(f)} {where}", params)
    sql = (f"SELECT {_FIGURE_COLUMNS} {_FIGURE_FROM} {where} "
           f"ORDER BY a.published DESC NULLS LAST, fi.article_id, fi.start LIMIT ?")
    return _frame(con, sql, params + [limit]), total


@searching
def figure_points(con: duckdb.DuckDBPyConnection, f: Filters, categories: tuple[str, ...],
                  per_category: int = 400) -> tuple[pd.DataFrame, int]:
    """(dated figures of ``categories`` under ``f`` for the over-time chart, at most
    ``per_category`` of each, sampled evenly and repeatably (by a hash of figure_id) when there
    are more, sorted by date; the total count of such figures)."""
    if not categories:
        return _frame(con, f"SELECT {_FIGURE_COLUMNS} {_FIGURE_FROM} LIMIT 0", []), 0
    params: list = []
    conditions = figure_conditions(replace(f, categories=tuple(categories)), params)
    where = where_clause(conditions + ["a.published IS NOT NULL", "fi.value IS NOT NULL"])
    total = _scalar(con, f"SELECT count(*) FROM figures fi JOIN articles a USING (article_id) {where}", params)
    # the sample is drawn on ids alone; only the picked rows are read again (by rowid, which
    # DuckDB looks up faster than a string id) for their columns
    sql = (f"WITH picked AS (SELECT fi.rowid AS figure_row FROM figures fi JOIN articles a USING (article_id) {where} "
           f"QUALIFY row_number() OVER (PARTITION BY fi.category ORDER BY hash(fi.figure_id)) <= ?) "
           f"SELECT {_FIGURE_COLUMNS} {_FIGURE_FROM} WHERE fi.rowid IN (SELECT figure_row FROM picked) "
           f"ORDER BY a.published, fi.value")
    return _frame(con, sql, params + [per_category]), total


@searching
def figures_by_reporter(con: duckdb.DuckDBPyConnection, f: Filters, category: str,
                        top_n: int = 15) -> pd.DataFrame:
    """The figures of ``category`` given by the ``top_n`` speakers or sources that gave most of them.

    Columns as ``figures_table``; ``reported_by`` is the speaker, else the article's source. At
    most 1,000 rows: a chart of more points says no more and draws slower.
    """
    params: list = []
    conditions = figure_conditions(f.without("categories"), params) + ["fi.category = ?", "fi.value IS NOT NULL"]
    params.append(category)
    where = where_clause(conditions)
    sql = (f"WITH rows AS (SELECT {_FIGURE_COLUMNS} {_FIGURE_FROM} {where}), "
           f"top AS (SELECT reported_by FROM rows GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT ?) "
           f"SELECT * FROM rows WHERE reported_by IN (SELECT reported_by FROM top) "
           f"ORDER BY reported_by, published NULLS LAST, value LIMIT 1000")
    return _frame(con, sql, params + [top_n])


@searching
def differing_figures(con: duckdb.DuckDBPyConnection, f: Filters, reference: pd.DataFrame, tolerance: float,
                      limit: int = TABLE_LIMIT) -> tuple[pd.DataFrame, int]:
    """(up to ``limit`` figures under ``f`` that differ from ``reference`` by more than
    ``tolerance``, largest difference first, with the columns series, reference and difference;
    the total count). The rule is ``newstally.reference.discrepancies``, run in DuckDB so a large
    store is compared without loading its figures; a category takes one reference series, and
    a category filter keeps the comparison to its own categories."""
    by_day = daily(reference) if len(reference) else pd.DataFrame(columns=["category"])
    compared = set(by_day["category"])
    categories = tuple(sorted(compared & set(f.categories) if f.categories else compared))
    if not categories:
        return _frame(con, f"SELECT {_FIGURE_COLUMNS}, NULL AS series, NULL::DOUBLE AS reference, "
                           f"NULL::DOUBLE AS difference {_FIGURE_FROM} LIMIT 0", []), 0
    con.register("reference_daily", by_day)
    params: list = []
    # the reference counts: a share or an amount of money or time is no count to compare with it
    where = where_clause(figure_conditions(replace(f, categories=categories), params)
                         + ["fi.value IS NOT NULL", "coalesce(fi.unit, '') NOT IN (SELECT unnest(?::VARCHAR[]))"])
    params.append(sorted(measured_units()))
    # The reference is joined on (category, day); the rows carry their columns through the
    # ranking (reading them again for the 500 shown would scan figures and articles once more).
    sql = (f"WITH differing AS (SELECT fi.figure_id, fi.article_id, fi.text, fi.value, fi.low, fi.high, "
           f"fi.qualifier, fi.unit, fi.category, fi.speaker_id, a.source, a.title, a.published, "
           f"r.series, r.reference, fi.value / r.reference - 1 AS difference "
           f"FROM figures fi JOIN articles a USING (article_id) "
           f"JOIN reference_daily r ON r.category = fi.category AND r.day = a.published {where} "
           f"AND r.reference > 0 AND (r.reference < coalesce(fi.low, '-inf'::DOUBLE) * (1 - ?) "
           f"OR r.reference > coalesce(fi.high, 'inf'::DOUBLE) * (1 + ?))), "
           f"shown AS (SELECT *, count(*) OVER () AS n_differing FROM differing "
           f"ORDER BY abs(difference) DESC, figure_id LIMIT ?) "
           f"SELECT d.figure_id, d.article_id, d.text, d.value, d.low, d.high, d.qualifier, d.unit, d.category, "
           f"d.speaker_id, s.name AS speaker, d.source, d.title, d.published, "
           f"coalesce(s.name, nullif(d.source, ''), 'unattributed') AS reported_by, "
           f"d.series, d.reference, d.difference, d.n_differing "
           f"FROM shown d LEFT JOIN speakers s USING (speaker_id) ORDER BY abs(d.difference) DESC, d.figure_id")
    params += [tolerance, tolerance, limit]
    try:
        frame = _frame(con, sql, params)
    finally:
        con.unregister("reference_daily")
    total = int(frame["n_differing"].iloc[0]) if len(frame) else 0
    return frame.drop(columns="n_differing"), total


# --- statements --------------------------------------------------------------------------------

_STATEMENT_COLUMNS = """st.statement_id, st.article_id, st.speaker_id, st.speaker, st.kind, st.cue, st.text,
    a.title, a.source, a.published"""


@searching
def statements_table(con: duckdb.DuckDBPyConnection, f: Filters,
                     limit: int = TABLE_LIMIT) -> tuple[pd.DataFrame, int]:
    """(up to ``limit`` statements under ``f``, newest first; the total count)."""
    counted: list = []
    total = _scalar(con, f"SELECT sum(q.n_statements) FROM {quotations(f, counted)} q", counted)
    params: list = []
    where = where_clause(statement_conditions(f, params))
    sql = (f"SELECT {_STATEMENT_COLUMNS} FROM statements st JOIN articles a USING (article_id) {where} "
           f"ORDER BY a.published DESC NULLS LAST, st.article_id, st.start LIMIT ?")
    return _frame(con, sql, params + [limit]), total


# --- speakers ----------------------------------------------------------------------------------

@searching
def speakers_table(con: duckdb.DuckDBPyConnection, f: Filters, limit: int = TABLE_LIMIT) -> pd.DataFrame:
    """The speakers quoted under ``f`` (speakers table columns, ``statements`` counted under ``f``)."""
    params: list = []
    sql = (f"WITH counted AS (SELECT q.speaker_id, sum(q.n_statements)::BIGINT AS statements, count(*) AS articles "
           f"FROM {quotations(f, params)} q WHERE q.speaker_id IS NOT NULL GROUP BY 1) "
           f"SELECT s.speaker_id, s.name, s.type, s.role, s.org, s.country, c.statements, c.articles "
           f"FROM counted c JOIN speakers s USING (speaker_id) ORDER BY c.statements DESC, s.name LIMIT ?")
    return _frame(con, sql, params + [limit])


def speaker_profile(con: duckdb.DuckDBPyConnection, speaker_id: str) -> dict | None:
    """The speakers row of ``speaker_id`` as a dict (aliases as a list), or None when there is none."""
    frame = _frame(con, "SELECT * FROM speakers WHERE speaker_id = ?", [speaker_id])
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
    sql = (f"SELECT a.published AS day, st.kind, count(*) AS statements "
           f"FROM statements st JOIN articles a USING (article_id) {where_clause(conditions)} GROUP BY 1, 2")
    return _per_period(_frame(con, sql, params), keys=("kind",))


@searching
def co_quoted(con: duckdb.DuckDBPyConnection, f: Filters, top_n: int = 15) -> pd.DataFrame:
    """A square frame: for the ``top_n`` most quoted speakers under ``f``, how many articles quote
    both the row's and the column's speaker (the diagonal: articles quoting the speaker at all).

    Index and columns are speaker names; ``attrs["ids"]`` maps each name to its speaker_id.
    """
    params: list = []
    sql = (f"WITH quoted AS (SELECT q.article_id, q.speaker_id FROM {quotations(f, params)} q "
           f"WHERE q.speaker_id IS NOT NULL), "
           f"top AS (SELECT speaker_id FROM quoted GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT ?), "
           # the top speakers' rows are picked once, before the self-join (three times faster)
           f"picked AS MATERIALIZED (SELECT * FROM quoted WHERE speaker_id IN (SELECT * FROM top)) "
           f"SELECT x.speaker_id AS a_id, y.speaker_id AS b_id, count(*) AS articles FROM picked x "
           f"JOIN picked y ON x.article_id = y.article_id GROUP BY 1, 2")
    pairs = _frame(con, sql, params + [top_n])
    if pairs.empty:
        return pd.DataFrame()
    alone = pairs[pairs["a_id"] == pairs["b_id"]].set_index("a_id")["articles"]  # articles quoting each at all
    ids = sorted(alone.index, key=lambda i: (-int(alone[i]), i))
    names = speaker_names(con, tuple(ids))
    labels = {i: names.get(i, i) for i in ids}
    matrix = pairs.pivot(index="a_id", columns="b_id", values="articles").reindex(index=ids, columns=ids)
    matrix = matrix.fillna(0).astype(int).rename(index=labels, columns=labels)
    matrix.attrs["ids"] = {labels[i]: i for i in ids}
    return matrix


# --- articles ----------------------------------------------------------------------------------

@searching
def articles_table(con: duckdb.DuckDBPyConnection, f: Filters, limit: int = TABLE_LIMIT) -> tuple[pd.DataFrame, int]:
    """(up to ``limit`` articles under ``f``, newest first, with their figure and statement counts;
    the total count)."""
    params: list = []
    where = where_clause(article_filter_conditions(f, params))
    total = _scalar(con, f"SELECT count(*) FROM articles a {where}", params)
    sql = (f"WITH picked AS (SELECT a.* FROM articles a {where} "
           f"ORDER BY a.published DESC NULLS LAST, a.article_id LIMIT ?) "
           f"SELECT p.article_id, p.title, p.source, p.published, p.n_words, p.url, "
           f"(SELECT count(*) FROM figures fi WHERE fi.article_id = p.article_id) AS figures, "
           f"(SELECT count(*) FROM statements st WHERE st.article_id = p.article_id) AS statements "
           f"FROM picked p ORDER BY p.published DESC NULLS LAST, p.article_id")
    return _frame(con, sql, params + [limit]), total


def article(con: duckdb.DuckDBPyConnection, article_id: str) -> dict | None:
    """The article's row with its ``text``, or None when there is no such article."""
    frame = _frame(con, "SELECT a.*, t.text FROM articles a LEFT JOIN texts t USING (article_id) "
                        "WHERE a.article_id = ?", [article_id])
    return None if frame.empty else frame.iloc[0].to_dict()


def article_figures(con: duckdb.DuckDBPyConnection, article_id: str) -> pd.DataFrame:
    """The figures of one article in text order, with the speaker's name."""
    return _frame(con, f"SELECT fi.start, fi.\"end\", {_FIGURE_COLUMNS} {_FIGURE_FROM} "
                       f"WHERE fi.article_id = ? ORDER BY fi.start", [article_id])


def article_statements(con: duckdb.DuckDBPyConnection, article_id: str) -> pd.DataFrame:
    """The statements of one article in text order."""
    return _frame(con, f"SELECT st.start, st.\"end\", {_STATEMENT_COLUMNS} FROM statements st "
                       f"JOIN articles a USING (article_id) WHERE st.article_id = ? ORDER BY st.start", [article_id])


def rejected(con: duckdb.DuckDBPyConnection, limit: int = TABLE_LIMIT) -> tuple[pd.DataFrame, int]:
    """(up to ``limit`` rejected inputs with their reason; the total count)."""
    total = _scalar(con, "SELECT count(*) FROM rejected", [])
    return _frame(con, "SELECT path, reason FROM rejected ORDER BY path LIMIT ?", [limit]), total
