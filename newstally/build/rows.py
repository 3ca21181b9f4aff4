"""One pure function per table: records in, rows out.

``article_rows`` turns one article and its extraction into the rows of every per-article table
(the unit a worker returns and the store caches), each a row type of ``newstally.contract.schema``.
The corpus-wide tables (speakers, and the speaker columns that depend on them) are derived after
all articles by ``pipeline`` (the merge of ``newstally.rules.speakers.merge``).
"""

from __future__ import annotations

import hashlib
from bisect import bisect_right
from collections.abc import Callable
from datetime import date
from typing import NamedTuple

from newstally.contract.records import Article, Extraction
from newstally.contract.schema import ArticleRow, FigureRow, MentionRow, StatementRow, TextRow


class ArticleMetadata(NamedTuple):
    """What a rebuild compares to decide whether an unchanged article's row needs writing again."""

    title: str
    source: str
    url: str
    published: str  # ISO date, or "" when unknown or unreadable
    path: str


class ArticleRows(NamedTuple):
    """The rows of every per-article table for one article (fields named as the tables)."""

    articles: list[ArticleRow]
    texts: list[TextRow]
    figures: list[FigureRow]
    statements: list[StatementRow]
    mentions: list[MentionRow]


def content_hash(text: str) -> str:
    """The cache key of an article's text (metadata changes do not force a re-extraction)."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:32]


def _date(value: str) -> date | None:
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        return None


def _since(value: str, published: str) -> date | None:
    """The start of a cumulative count: an ISO date, or "--MM-DD" (the text gave no year) completed
    with the year that puts it last on or before the publication date; None when unknown."""
    if not value.startswith("--"):
        return _date(value)
    day = _date(published)
    if day is None:
        return None
    for year in (day.year, day.year - 1):
        start = _date(f"{year}-{value[2:]}")
        if start is not None and start <= day:
            return start
    return None


def metadata(article: Article) -> ArticleMetadata:
    """The metadata of ``article`` as the store holds it (the date as ISO text, "" when unreadable)."""
    published = _date(article.published)
    return ArticleMetadata(
        article.title, article.source, article.url, published.isoformat() if published else "", article.path
    )


def articles(article: Article, version: str) -> list[ArticleRow]:
    return [
        ArticleRow(
            article.article_id,
            article.title,
            article.source,
            article.url,
            _date(article.published),
            len(article.text.split()),
            content_hash(article.text),
            article.path,
            version,
        )
    ]


def texts(article: Article) -> list[TextRow]:
    return [TextRow(article.article_id, article.text)]


def statements(article: Article, extraction: Extraction) -> list[StatementRow]:
    aid = article.article_id
    return [
        StatementRow(
            statement_id=f"{aid}:s{n}",
            article_id=aid,
            speaker_id=None,
            speaker=None,
            unnamed=False,
            kind=s.kind,
            cue=s.cue,
            text=s.text,
            start=s.start,
            end=s.end,
            mention_id=f"{aid}:{s.speaker_key}" if s.speaker_key else None,
            rule=s.rule,
        )
        for n, s in enumerate(extraction.statements)
    ]


def figures(article: Article, extraction: Extraction) -> list[FigureRow]:
    """Figure rows; a figure inside a statement's span carries that statement (the innermost one;
    its speaker is set corpus-wide later, from the statement)."""
    aid = article.article_id
    container = _containing_statement(extraction)
    rows = []
    for n, f in enumerate(extraction.figures):
        k = container(f.start, f.end)
        rows.append(
            FigureRow(
                figure_id=f"{aid}:f{n}",
                article_id=aid,
                start=f.start,
                end=f.end,
                text=f.text,
                value=f.value,
                low=f.low,
                high=f.high,
                qualifier=f.qualifier,
                unit=f.unit,
                category=f.category,
                place=f.place,
                subgroup=f.subgroup,
                scope=f.scope,
                since=_since(f.since, article.published),
                sentence=f.sentence,
                statement_id=None if k is None else f"{aid}:s{k}",
                speaker_id=None,
                rule=f.rule,
            )
        )
    return rows


def _containing_statement(extraction: Extraction) -> Callable[[int, int], int | None]:
    """A function (start, end) -> index of the innermost statement spanning it, or None.

    Statements are sorted by start with a running maximum of their ends, so a lookup walks back
    only over statements that can still contain the span: linear for a whole article, where a
    scan of every statement per figure is quadratic (250,000 figures in one 10 MB line).
    """
    spans = sorted((s.start, s.end, n) for n, s in enumerate(extraction.statements))
    starts = [start for start, _, _ in spans]
    reach, furthest = [], -1
    for _, end, _ in spans:
        furthest = max(furthest, end)
        reach.append(furthest)

    def lookup(start: int, end: int) -> int | None:
        best = None
        k = bisect_right(starts, start) - 1
        while k >= 0 and reach[k] >= end:
            s_start, s_end, n = spans[k]
            if s_end >= end and (best is None or s_end - s_start < best[0]):
                best = (s_end - s_start, n)
            k -= 1
        return None if best is None else best[1]

    return lookup


def mentions(article: Article, extraction: Extraction) -> list[MentionRow]:
    aid = article.article_id
    counts: dict[str, int] = {}
    for s in extraction.statements:
        counts[s.speaker_key] = counts.get(s.speaker_key, 0) + 1
    return [
        MentionRow(
            mention_id=f"{aid}:{sp.key}",
            article_id=aid,
            name=sp.name,
            type=sp.type,
            role=sp.role,
            org=sp.org,
            country=sp.country,
            aliases=list(sp.aliases),
            n_statements=counts.get(sp.key, 0),
            named=sp.named,
            speaker_id=None,
        )
        for sp in extraction.speakers
    ]


def article_rows(article: Article, extraction: Extraction, version: str) -> ArticleRows:
    """The rows of every per-article table for one article."""
    return ArticleRows(
        articles=articles(article, version),
        texts=texts(article),
        figures=figures(article, extraction),
        statements=statements(article, extraction),
        mentions=mentions(article, extraction),
    )
