"""newstally.read.queries.choices: what the sidebar offers."""

from __future__ import annotations

from datetime import date

import pytest

from newstally.read.queries.choices import date_bounds, distinct_values, speaker_ids, speaker_names


def test_choices_sidebar_choices(demo_con):
    values = distinct_values(demo_con)
    assert values["countries"] == ["Palestine", "Russia"]
    assert values["categories"][0] == "killed"
    assert date_bounds(demo_con) == (date(2023, 10, 9), date(2024, 2, 14))
    assert speaker_names(demo_con, ("dmitry-peskov", "nobody")) == {"dmitry-peskov": "Dmitry Peskov"}


@pytest.mark.parametrize(
    "names, expected",
    [
        (("Maria Zakharova",), {"Maria Zakharova": "maria-zakharova"}),
        (("maria zakharova ",), {"maria zakharova ": "maria-zakharova"}),
        (("Nobody",), {}),
        ((), {}),
    ],
)
def test_choices_speaker_ids_by_name(demo_con, names, expected):
    assert speaker_ids(demo_con, names) == expected
