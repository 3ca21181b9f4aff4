"""newstally.read.queries.statements on the demo store."""

from __future__ import annotations

from datetime import date

import pytest

from newstally.read.filters import Filters
from newstally.read.queries.statements import statement_list


@pytest.mark.parametrize("text", ["50%_off", "a\\b", "'; DROP TABLE articles; --"])
def test_statements_text_search_is_literal(demo_con, text):
    assert statement_list(demo_con, Filters(text=text))[1] == 0


def test_statements_list_filters_by_speaker_and_text(demo_con):
    frame, total = statement_list(demo_con, Filters(speakers=("maria-zakharova",), text="Gaza"))
    assert total == 2
    assert set(frame["speaker"]) == {"Maria Zakharova"}
    assert list(frame["published"].dt.date) == [date(2024, 2, 14), date(2023, 11, 20)]  # newest first
