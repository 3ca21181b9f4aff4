"""What every query of newstally.read.queries does alike: an empty store, a search found once."""

from __future__ import annotations

import pytest

from newstally.read.filters import Filters
from newstally.read.queries.articles import article_list, rejected
from newstally.read.queries.choices import date_bounds, distinct_values, speaker_choices
from newstally.read.queries.co_quotation import co_quotation
from newstally.read.queries.figures import (
    figure_list,
    figure_points,
    figure_spread,
    figures_above,
    figures_by_reporter,
    reporter_measures,
)
from newstally.read.queries.overview import (
    activity_over_time,
    corpus_summary,
    figures_by_category,
    top_speakers,
    totals,
)
from newstally.read.queries.speakers import speaker_list, speaker_table
from newstally.read.queries.statements import statement_list


def _name(value):
    return getattr(value, "__name__", "")


@pytest.mark.parametrize(
    "query, args",
    [
        (totals, (Filters(),)),
        (figures_by_category, (Filters(),)),
        (top_speakers, (Filters(),)),
        (activity_over_time, (Filters(),)),
        (figure_list, (Filters(),)),
        (statement_list, (Filters(),)),
        (speaker_list, (Filters(),)),
        (co_quotation, (Filters(), ("a",))),
        (article_list, (Filters(),)),
        (rejected, ()),
        (speaker_choices, ()),
        (distinct_values, ()),
        (date_bounds, ()),
        (figure_points, (Filters(), ("killed",))),
        (figures_by_reporter, (Filters(), "killed")),
        (speaker_table, (Filters(),)),
        (figure_spread, (Filters(), ("killed",))),
        (reporter_measures, (Filters(), "killed")),
        (figures_above, (Filters(), (("killed", "count", 1.0),))),
        (corpus_summary, ()),
    ],
    ids=_name,
)
def test_queries_empty_store_gives_empty_results(empty_con, query, args):
    result = query(empty_con, *args)
    if isinstance(result, tuple) and len(result) == 2 and isinstance(result[1], int):
        assert result[1] == 0 and result[0].empty
    elif isinstance(result, dict):
        assert not any(result.values())
    elif isinstance(result, tuple) and all(hasattr(part, "empty") for part in result):
        assert all(part.empty for part in result)
    elif isinstance(result, tuple):
        assert result == (None, None)
    else:
        assert result.empty


@pytest.mark.parametrize(
    "query", [totals, statement_list, figure_list, article_list, speaker_list, top_speakers, speaker_table], ids=_name
)
def test_queries_a_search_found_once_serves_every_query(demo_con, query):
    """The dashboard finds a search's rows once and hands them to each query of the page."""
    from newstally.read.search import text_matches

    searched = Filters(text="gaza")
    matches = text_matches(demo_con, searched.text)
    assert len(matches.statements) == 2 and len(matches.articles) == 2
    given = query(demo_con, searched, matches=matches)
    found = query(demo_con, searched)
    assert str(given) == str(found)
    assert "matched_statements" not in {r[0] for r in demo_con.execute("SHOW TABLES").fetchall()}  # nothing left behind
