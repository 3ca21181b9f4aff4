"""One pure function per table: records in, rows out.

``article_tables`` turns one article and its extraction into the rows of every per-article table
(the unit a worker returns and the store caches). The corpus-wide tables (speakers, and the
speaker columns that depend on them) are derived after all articles by ``pipeline``
(the merge of ``newstally.rules.speakers.merge``).
"""
from __future__ import annotations

import hashlib
from bisect import bisect_right
from datetime import date

from newstally.contract.records import Article, Extraction
from newstally.contract.schema import PER_ARTICLE_TABLES


def content_hash(text: str) -> str:
    """The cache key of an article's text (metadata changes do not force a re-extraction)."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:32]


def _date(value: str) -> date | None:
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        return None


def metadata(article: Article) -> tuple:
    """(title, source, url, published as ISO text or "", path): what a rebuild compares to decide
    whether an unchanged article's row needs writing again."""
    published = _date(article.published)
    return (article.title, article.source, article.url, published.isoformat() if published else "", article.path)


def articles(article: Article, version: str) -> list[tuple]:
    return [(article.article_id, article.title, article.source, article.url, _date(article.published),
             len(article.text.split()), content_hash(article.text), article.path, version)]


def texts(article: Article) -> list[tuple]:
    return [(article.article_id, article.text)]


def statements(article: Article, extraction: Extraction) -> list[tuple]:
    aid = article.article_id
    return [(f"{aid}:s{n}", aid, None, None, s.kind, s.cue, s.text, s.start, s.end,
             f"{aid}:{s.speaker_key}" if s.speaker_key else None, s.rule)
            for n, s in enumerate(extraction.statements)]


def figures(article: Article, extraction: Extraction) -> list[tuple]:
    """Figure rows; a figure inside a statement's span carries that statement (the innermost one;
    its speaker is set corpus-wide later, from the statement)."""
    aid = article.article_id
    container = _containing_statement(extraction)
    rows = []
    for n, f in enumerate(extraction.figures):
        k = container(f.start, f.end)
        statement_id = None if k is None else f"{aid}:s{k}"
        rows.append((f"{aid}:f{n}", aid, f.start, f.end, f.text, f.value, f.low, f.high, f.qualifier, f.unit,
                     f.category, f.sentence, statement_id, None, f.rule))
    return rows


def _containing_statement(extraction: Extraction):
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


def mentions(article: Article, extraction: Extraction) -> list[tuple]:
    aid = article.article_id
    counts: dict[str, int] = {}
    for s in extraction.statements:
        counts[s.speaker_key] = counts.get(s.speaker_key, 0) + 1
    return [(f"{aid}:{sp.key}", aid, sp.name, sp.type, sp.role, sp.org, sp.country, list(sp.aliases),
             counts.get(sp.key, 0), None)
            for sp in extraction.speakers]


def article_tables(article: Article, extraction: Extraction, version: str) -> dict[str, list[tuple]]:
    """The rows of every per-article table for one article, in schema column order."""
    out = {
        "articles": articles(article, version),
        "texts": texts(article),
        "figures": figures(article, extraction),
        "statements": statements(article, extraction),
        "mentions": mentions(article, extraction),
    }
    assert tuple(out) == PER_ARTICLE_TABLES
    return out
