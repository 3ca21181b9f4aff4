"""newstally.build.rows: one article's records in, the named rows of every per-article table out."""

from __future__ import annotations

from datetime import date

import pytest

from newstally.build.rows import ArticleRows, article_rows, metadata
from newstally.contract.records import Article, Extraction, Figure, Speaker, Statement
from newstally.contract.schema import PER_ARTICLE_TABLES, ROWS
from newstally.rules import extract, extractor_version

TEXT = '"We counted 3,000 trucks," Omar Haddad said. Later 12 more came.'
EXTRACTION = Extraction(
    figures=(
        Figure(12, 24, "3,000 trucks", 3000.0, 3000.0, 3000.0, "exact", "trucks", "aid", TEXT[:44], "number+noun"),
        Figure(51, 58, "12 more", 12.0, 12.0, 12.0, "exact", "", "other", "Later 12 more came.", "number+bare"),
    ),
    statements=(Statement(1, 25, "We counted 3,000 trucks,", "direct", "said", "p0", "quote-then-cue"),),
    speakers=(Speaker("p0", "Omar Haddad", "person", aliases=("Haddad",)),),
)


def test_rows_name_every_per_article_table():
    rows = article_rows(Article("a1", TEXT), EXTRACTION, "v1")
    assert ArticleRows._fields == PER_ARTICLE_TABLES
    for table, table_rows in rows._asdict().items():
        assert all(type(row) is ROWS[table] for row in table_rows), table


@pytest.mark.parametrize("figure, statement_id", [(0, "a1:s0"), (1, None)], ids=["inside", "outside"])
def test_rows_figure_carries_the_statement_it_sits_in(figure, statement_id):
    rows = article_rows(Article("a1", TEXT), EXTRACTION, "v1")
    assert rows.figures[figure].statement_id == statement_id


def test_rows_statement_points_to_its_mention_with_counts():
    rows = article_rows(Article("a1", TEXT), EXTRACTION, "v1")
    assert rows.statements[0].mention_id == rows.mentions[0].mention_id == "a1:p0"
    assert rows.mentions[0].n_statements == 1 and rows.mentions[0].aliases == ["Haddad"]


@pytest.mark.parametrize(
    "published, stored, iso",
    [
        ("2024-02-14", date(2024, 2, 14), "2024-02-14"),
        ("", None, ""),
        ("not a date", None, ""),
    ],
)
def test_rows_article_dates(published, stored, iso):
    article = Article("a1", TEXT, published=published)
    assert article_rows(article, Extraction(), "v1").articles[0].published == stored
    assert metadata(article).published == iso


@pytest.mark.parametrize(
    "text, figure_text, speaker_name",
    [
        (
            '"We counted 3,000 trucks at the border," the ministry spokesman Omar Haddad said.',
            "3,000 trucks",
            "Omar Haddad",
        ),
        ("According to the Health Ministry, 240 people were killed on Tuesday.", "240 people", "Health Ministry"),
    ],
)
def test_rows_of_an_extraction_tie_a_figure_to_its_statement_and_speaker(text, figure_text, speaker_name):
    article = Article(article_id="a", text=text)
    result = extract(text)
    rows = article_rows(article, result, extractor_version())
    figure = next(r for r in rows.figures if figure_text in r.text)
    assert figure.statement_id is not None, "the figure should point to the statement it sits in"
    statement = next(r for r in rows.statements if r.statement_id == figure.statement_id)
    mention = next(r for r in rows.mentions if r.mention_id == statement.mention_id)
    assert speaker_name in mention.name
