"""The dashboard's filters and the SQL conditions they become.

``Filters`` is what the sidebar holds; the ``*_conditions`` functions turn it into SQL conditions
(with ``?`` parameters appended to ``params``) on the aliases the queries use: ``a`` for
articles, ``st`` for statements, ``fi`` for figures. See ``newstally.read.queries`` for what each
filter narrows. A text search becomes a filter on the rows ``search`` found (the
``matched_*`` relations a query wrapped in ``search.searching`` has registered).
"""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from datetime import date
from typing import Any

from .reference import ComparableSeries, comparable_with
from .search import MATCHED_ARTICLES, MATCHED_FIGURES, MATCHED_STATEMENTS


@dataclass(frozen=True)
class Filters:
    """The sidebar's filters; empty means "no restriction". Hashable, so it keys caches."""

    speakers: tuple[str, ...] = ()  # speaker_id values
    orgs: tuple[str, ...] = ()
    countries: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    categories: tuple[str, ...] = ()
    date_from: date | None = None
    date_to: date | None = None
    text: str = ""
    # figures comparable with these reference series (``reference.comparable_series``): set by a
    # chart drawn against a reference, never by the sidebar
    comparable_with: tuple[ComparableSeries, ...] = ()

    def is_empty(self) -> bool:
        """True when no filter restricts anything."""
        return all(not getattr(self, f.name) for f in fields(self))

    @property
    def by_speaker(self) -> bool:
        return bool(self.speakers or self.orgs or self.countries)

    def without(self, *names: str) -> Filters:
        """These filters with ``names`` cleared (e.g. the category chart ignores the category filter)."""
        cleared: dict[str, Any] = {
            n: type(getattr(self, n))() if n not in ("date_from", "date_to") else None for n in names
        }
        return replace(self, **cleared)


def in_list(column: str, values: tuple[str, ...], params: list) -> str:
    params.extend(values)
    return f"{column} IN ({', '.join('?' * len(values))})"


def _source_and_date(f: Filters, params: list, alias: str = "a") -> list[str]:
    """The source and date filters as conditions on the articles under ``alias``."""
    conditions = []
    if f.sources:
        conditions.append(in_list(f"{alias}.source", f.sources, params))
    if f.date_from:
        conditions.append(f"{alias}.published >= ?")
        params.append(f.date_from)
    if f.date_to:
        conditions.append(f"{alias}.published <= ?")
        params.append(f.date_to)
    return conditions


# The speaker filter's value for the statements of unnamed sources: a description the article
# gives ("officials", "a source close to the group"), which has no speakers row. No speaker_id has
# brackets, so it never names a speaker.
UNNAMED = "(unnamed)"


def _speakers_or_unnamed(f: Filters, params: list, alias: str, unnamed: str) -> str:
    """The condition that the speaker_id of ``alias`` passes the speaker filters, or, when the
    filter holds ``UNNAMED``, that the row is an unnamed source's (the SQL ``unnamed``)."""
    named = replace(f, speakers=tuple(s for s in f.speakers if s != UNNAMED))
    parts = [f"{alias}.speaker_id IN " + speaker_set(named, params)] if named.by_speaker else []
    if UNNAMED in f.speakers:
        parts.append(unnamed)
    return "(" + " OR ".join(parts) + ")"


def speaker_set(f: Filters, params: list) -> str:
    """A subquery of the speaker_ids the speaker, organisation and country filters allow."""
    conditions = []
    if f.speakers:
        conditions.append(in_list("speaker_id", f.speakers, params))
    if f.orgs:
        conditions.append(in_list("org", f.orgs, params))
    if f.countries:
        conditions.append(in_list("country", f.countries, params))
    return "(SELECT speaker_id FROM speakers WHERE " + " AND ".join(conditions) + ")"


def articles_join(f: Filters) -> str:
    """The join to ``articles a`` that a count over figures or statements needs only when ``f``
    filters by source or date (on a large store the join costs more than the count)."""
    return "JOIN articles a USING (article_id)" if (f.sources or f.date_from or f.date_to) else ""


def where_clause(conditions: list[str]) -> str:
    return ("WHERE " + " AND ".join(conditions)) if conditions else ""


def statement_conditions(f: Filters, params: list) -> list[str]:
    conditions = _source_and_date(f, params)
    if f.by_speaker:
        conditions.append(_speakers_or_unnamed(f, params, "st", "st.unnamed"))
    if f.categories:
        conditions.append(articles_reporting(f.categories, params, "st"))
    if f.text.strip():
        conditions.append(f"st.rowid IN (SELECT row FROM {MATCHED_STATEMENTS})")
    return conditions


def articles_reporting(categories: tuple[str, ...], params: list, alias: str) -> str:
    """The condition that the article of ``alias`` reports a figure of one of ``categories``."""
    return (
        f"{alias}.article_id IN (SELECT article_id FROM article_categories WHERE "
        + in_list("category", categories, params)
        + ")"
    )


def quotations(f: Filters, params: list) -> str:
    """A subquery of the statements under ``f`` counted per article and speaker: columns
    article_id, speaker_id (NULL for unattributed statements and unnamed sources), unnamed and
    n_statements. It reads the ``article_speakers`` lookup, a third the size of ``statements``,
    unless ``f`` searches the statements' text."""
    where = where_clause(statement_conditions(f, params))
    if f.text.strip():
        return (
            f"(SELECT st.article_id, st.speaker_id, st.unnamed, count(*) AS n_statements FROM statements st "
            f"{articles_join(f)} {where} GROUP BY 1, 2, 3)"
        )
    return (
        f"(SELECT st.article_id, st.speaker_id, st.unnamed, st.n_statements FROM article_speakers st "
        f"{articles_join(f)} {where})"
    )


def figure_conditions(f: Filters, params: list) -> list[str]:
    conditions = _source_and_date(f, params)
    if f.categories:
        conditions.append(in_list("fi.category", f.categories, params))
    if f.by_speaker:
        conditions.append(
            _speakers_or_unnamed(
                f, params, "fi", "fi.statement_id IN (SELECT statement_id FROM statements WHERE unnamed)"
            )
        )
    if f.text.strip():
        conditions.append(f"fi.rowid IN (SELECT row FROM {MATCHED_FIGURES})")
    if f.comparable_with:
        conditions.append(comparable_with(f.comparable_with, params))
    return conditions


def article_conditions(f: Filters, params: list) -> list[str]:
    """Conditions on ``articles a``: the article filters, and existence of matching statements/figures."""
    conditions = _source_and_date(f, params)
    if f.by_speaker:
        conditions.append(
            "a.article_id IN (SELECT article_id FROM article_speakers st WHERE "
            + _speakers_or_unnamed(f, params, "st", "st.unnamed")
            + ")"
        )
    if f.categories:
        conditions.append(articles_reporting(f.categories, params, "a"))
    if f.text.strip():
        conditions.append(f"a.rowid IN (SELECT row FROM {MATCHED_ARTICLES})")
    return conditions
