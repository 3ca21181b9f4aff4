"""newstally.read.queries.articles on the demo store: the list and one article."""
from __future__ import annotations

from newstally.read.filters import Filters
from newstally.read.queries.articles import article, article_figures, article_list, article_statements


def test_articles_articles_table_counts_and_filters(con):
    frame, total = article_list(con, Filters(categories=("killed",)))
    assert total == 2 and set(frame["article_id"]) == {"a2", "a3"}
    assert frame.set_index("article_id").loc["a3", "figures"] == 2


def test_articles_article_reads_text_only_when_asked(con):
    opened = article(con, "a4")
    assert opened["text"].startswith("<script>")
    assert article(con, "missing") is None
    assert list(article_figures(con, "a3")["figure_id"]) == ["a3:f0", "a3:f1"]
    assert list(article_statements(con, "a2")["statement_id"]) == ["a2:s0", "a2:s1"]
