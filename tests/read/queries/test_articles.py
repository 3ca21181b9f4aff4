"""newstally.read.queries.articles on the demo store: the list and one article."""

from __future__ import annotations

import pytest

from newstally.read.filters import Filters
from newstally.read.queries.articles import article, article_figures, article_list, article_statements, rejected
from newstally.read.queries.statements import statement_list


def test_articles_list_counts_and_filters(demo_con):
    frame, total = article_list(demo_con, Filters(categories=("killed",)))
    assert total == 2 and set(frame["article_id"]) == {"a2", "a3"}
    assert frame.set_index("article_id").loc["a3", "figures"] == 2


def test_articles_article_reads_text_only_when_asked(demo_con):
    opened = article(demo_con, "a4")
    assert opened["text"].startswith("<script>")
    assert article(demo_con, "missing") is None
    assert list(article_figures(demo_con, "a3")["figure_id"]) == ["a3:f0", "a3:f1"]
    assert list(article_statements(demo_con, "a2")["statement_id"]) == ["a2:s0", "a2:s1"]


@pytest.mark.parametrize("query", [article_list, statement_list])
def test_articles_lists_page_through_every_row(demo_con, query):
    everything, total = query(demo_con, Filters(), limit=None)
    pages = [query(demo_con, Filters(), limit=3, offset=offset)[0] for offset in (0, 3, 6)]
    assert len(everything) == total and [len(p) for p in pages] == [3, total - 3, 0]
    key = everything.columns[0]
    assert list(pages[0][key]) + list(pages[1][key]) == list(everything[key])


def test_articles_rejected_pages(demo_con):
    assert rejected(demo_con, limit=0)[1] == 1
    assert list(rejected(demo_con, limit=1, offset=0)[0]["path"]) == ["bad/empty.txt"]
    assert rejected(demo_con, limit=1, offset=1)[0].empty
