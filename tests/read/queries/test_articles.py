"""newstally.read.queries.articles on the demo store: the list and one article."""
from __future__ import annotations

from newstally.read.filters import Filters
from newstally.read.queries.articles import article, article_figures, article_list, article_statements


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
