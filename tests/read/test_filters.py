"""newstally.read.filters: the sidebar's filters as a value."""

from __future__ import annotations

from datetime import date

import pytest

from newstally.read.filters import Filters


@pytest.mark.parametrize(
    "filters, empty_",
    [
        (Filters(), True),
        (Filters(text=""), True),
        (Filters(text="x"), False),
        (Filters(date_from=date(2024, 1, 1)), False),
    ],
)
def test_filters_filters_is_empty(filters, empty_):
    assert filters.is_empty() is empty_


def test_filters_filters_without():
    f = Filters(categories=("killed",), speakers=("a",), date_from=date(2024, 1, 1))
    assert f.without("categories", "date_from") == Filters(speakers=("a",))
