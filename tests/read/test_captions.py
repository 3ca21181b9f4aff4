"""newstally.read.captions: where a download comes from, in words."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from newstally.read.captions import caption_lines, commented, corpus_text, filters_text
from newstally.read.filters import Filters


@pytest.mark.parametrize(
    "filters, expected",
    [
        (Filters(), "none"),
        (
            Filters(categories=("killed",), date_from=date(2023, 10, 7), date_to=date(2024, 4, 18)),
            "category killed; published 2023-10-07 to 2024-04-18",
        ),
        (Filters(speakers=("maria-zakharova", "nobody-known")), "speaker Maria Zakharova, nobody-known"),
        (Filters(date_to=date(2024, 1, 1), text=" Gaza "), "published up to 2024-01-01; search “Gaza”"),
        (Filters(date_from=date(2024, 1, 1)), "published from 2024-01-01"),
        (Filters(sources=tuple(f"s{i}" for i in range(9))), "source s0, s1, s2, s3, s4, s5 and 3 more"),
    ],
)
def test_captions_filters_in_words(filters, expected):
    assert filters_text(filters, {"maria-zakharova": "Maria Zakharova"}) == expected


@pytest.mark.parametrize(
    "summary, expected",
    [
        (
            {
                "articles": 4316,
                "sources": ["Al Jazeera English"],
                "n_sources": 1,
                "first": date(2021, 5, 5),
                "last": pd.Timestamp("2024-04-18"),
            },
            "aj.duckdb: 4,316 articles from Al Jazeera English, 2021-05-05 to 2024-04-18",
        ),
        (
            {"articles": 3, "sources": ["A", "B"], "n_sources": 5, "first": None, "last": None},
            "aj.duckdb: 3 articles from A, B and 3 more sources",
        ),
        ({"articles": 0, "sources": [], "n_sources": 0, "first": None, "last": None}, "aj.duckdb: 0 articles"),
    ],
)
def test_captions_corpus_in_words(summary, expected):
    assert corpus_text("aj.duckdb", summary) == expected


def test_captions_lines_and_csv_comments():
    lines = caption_lines("aj.duckdb: 2 articles", "none", date(2024, 5, 1), ["", "Points: a sample\nof 5."])
    assert lines == [
        "Source: aj.duckdb: 2 articles",
        "Filters: none",
        "Points: a sample\nof 5.",
        "Made with newstally on 2024-05-01",
    ]
    assert commented(lines).splitlines() == [
        "# Source: aj.duckdb: 2 articles",
        "# Filters: none",
        "# Points: a sample of 5.",
        "# Made with newstally on 2024-05-01",
    ]
