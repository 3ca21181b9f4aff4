"""Dates as the articles write them (newstally.build.ingest.dates), normalised to ISO."""

from __future__ import annotations

import pytest

from newstally.build.ingest.dates import iso_date


@pytest.mark.parametrize(
    "value, expected",
    [
        ("2023-10-09", "2023-10-09"),
        ("2022-08-01T16:23:25Z", "2022-08-01"),
        ("2023-10-09T23:30:00-05:00", "2023-10-09"),
        ("2022/06/23", "2022-06-23"),
        ("20231009", "2023-10-09"),
        ("October 9, 2023", "2023-10-09"),
        ("Oct. 9, 2023", "2023-10-09"),
        ("9 Oct 2023", "2023-10-09"),
        ("9th of October 2023", "2023-10-09"),
        ("Mon, 09 Oct 2023 14:00:00 GMT", "2023-10-09"),
        ("13/10/2023", "2023-10-13"),
        ("10/13/2023", "2023-10-13"),
        ("09/10/2023", ""),  # day or month first: unknown, so not guessed
        ("2023-02-30", ""),
        ("yesterday", ""),
        ("2023", ""),
        ("", ""),
        (None, ""),
    ],
)
def test_ingest_dates_normalised(value, expected):
    assert iso_date(value) == expected
