"""newstally.read.reference: loading a reference series and comparing reported figures with it."""

from __future__ import annotations

import importlib.util
import json

import pandas as pd
import pytest
from conftest import ROOT, shared

from newstally.read.reference import (
    BUNDLED,
    ReferenceError,
    discrepancies,
    load_reference,
    reference_on,
    series_categories,
)

REFERENCE = load_reference(
    b"date,series,value\n2024-01-01,killed_cum,100\n2024-01-03,killed_cum,200\n2024-01-01,injured_cum,1000\n"
)


def test_reference_bundled_file_loads():
    frame = load_reference(BUNDLED)
    assert list(frame.columns) == ["date", "series", "value", "place"]
    assert set(frame["place"]) == {"Gaza"}  # the bundled series count in Gaza
    assert set(frame["series"]) == {"killed_cum", "injured_cum"}
    assert frame["value"].is_monotonic_increasing or len(frame) > 100


@pytest.mark.parametrize(
    "content, message",
    [
        (b"day,what,count\n2024-01-01,x,1\n", "no column date, series, value"),
        (b"date,series,value\nnot a date,x,1\n2024-01-01,x,many\n", "no row"),
        (b"", "could not read"),
    ],
)
def test_reference_bad_csv_says_what_is_expected(content, message):
    with pytest.raises(ReferenceError, match=message):
        load_reference(content)


def test_reference_accepts_odd_cases_and_thousands_separators():
    frame = load_reference(b'Date,Series,Value\n2024-01-01, displaced ,"1,200"\n')
    assert frame.iloc[0].tolist() == [pd.Timestamp("2024-01-01"), "displaced", 1200.0, ""]  # "": any place


def test_reference_series_categories():
    assert series_categories(
        load_reference(b"date,series,value\n2024-01-01,killed_cum,1\n2024-01-01,displaced,2\n")
    ) == {"displaced": "displaced", "killed_cum": "killed"}


@pytest.mark.parametrize(
    "day, expected",
    [
        ("2023-12-31", None),  # before the series starts
        ("2024-01-01", 100.0),
        ("2024-01-02", 100.0),  # the latest value on or before the day
        ("2024-01-03", 200.0),
        ("2024-02-01", None),  # more than a week after the last report
    ],
)
def test_reference_value_on_a_day(day, expected):
    value = reference_on(REFERENCE, "killed_cum", pd.Series(pd.to_datetime([day]))).iloc[0]
    assert (pd.isna(value) and expected is None) or value == expected


def _figures(rows, **columns):
    """Figures of the whole population, counted since the series' start, unless ``columns`` say else."""
    counts_over = dict(place="Gaza", subgroup="", scope="cumulative", since=None, unit="people") | columns
    return pd.DataFrame(rows, columns=["figure_id", "value", "low", "high", "category", "published"]).assign(
        published=lambda f: pd.to_datetime(f["published"]), **counts_over
    )


@pytest.mark.parametrize(
    "row, tolerance, listed",
    [
        (("f", 100, 100, 100, "killed", "2024-01-01"), 0.1, False),  # equal
        (("f", 109, 109, 109, "killed", "2024-01-01"), 0.1, False),  # within 10%
        (("f", 150, 150, 150, "killed", "2024-01-01"), 0.1, True),
        (("f", 150, 150, 150, "killed", "2024-01-01"), 0.6, False),
        (("f", 80, 80, None, "killed", "2024-01-01"), 0.1, False),  # "more than 80": 100 agrees
        (("f", 150, 150, None, "killed", "2024-01-01"), 0.1, True),  # "more than 150": 100 does not
        (("f", 150, None, 150, "killed", "2024-01-01"), 0.1, False),  # "up to 150"
        (("f", 150, 90, 210, "killed", "2024-01-01"), 0.1, False),  # a range holding the reference
        (("f", 150, 150, 150, "injured", "2024-01-01"), 0.1, True),  # 150 against 1000 injured
        (("f", 150, 150, 150, "displaced", "2024-01-01"), 0.1, False),  # no reference series for it
        (("f", 150, 150, 150, "killed", "2023-06-01"), 0.1, False),  # no reference that day
    ],
)
def test_reference_discrepancies(row, tolerance, listed):
    found = discrepancies(_figures([row]), REFERENCE, tolerance)
    assert (len(found) == 1) is listed
    if listed:
        assert {"series", "reference", "difference"} <= set(found.columns)


GAZA_REFERENCE = load_reference(
    b"date,series,value,place\n2024-01-01,killed_cum,100,Gaza\n"
    b"2024-01-02,killed_cum,120,Gaza\n2024-01-05,killed_cum,200,Gaza\n"
)


@pytest.mark.parametrize(
    "columns, listed",
    [
        ({}, True),
        ({"place": "Israel"}, False),  # deaths in another place are no count of the series
        ({"place": ""}, False),  # nor a count whose place the text does not say
        ({"subgroup": "children"}, False),  # a part of the population
        ({"scope": "event"}, False),  # one strike's dead
        ({"scope": ""}, False),
        ({"since": "2024-01-02"}, True),  # within two days of the series' start
        ({"since": "2024-03-01"}, False),  # a count from another start
        ({"unit": "percent"}, False),  # a share
        ({"rule": "vague:thousands+noun"}, False),  # an order of magnitude, no toll
        ({"rule": "number+noun+clause:parse"}, True),
    ],
)
def test_reference_discrepancies_compare_like_with_like(columns, listed):
    found = discrepancies(_figures([("f", 150, 150, 150, "killed", "2024-01-01")], **columns), GAZA_REFERENCE, 0.1)
    assert (len(found) == 1) is listed


@pytest.mark.parametrize(
    "value, published, listed",
    [
        (120, "2024-01-05", False),  # the count of the days before publication (a report quotes the latest it had)
        (100, "2024-01-02", False),
        (150, "2024-01-02", True),
        (200, "2024-01-05", False),
        (90, "2024-01-09", True),  # more than three days old: 200 that day
    ],
)
def test_reference_discrepancies_allow_a_few_days_lag(value, published, listed):
    found = discrepancies(_figures([("f", value, value, value, "killed", published)]), GAZA_REFERENCE, 0.1)
    assert (len(found) == 1) is listed


def test_reference_discrepancies_largest_first():
    found = discrepancies(
        _figures([("a", 150, 150, 150, "killed", "2024-01-01"), ("b", 900, 900, 900, "killed", "2024-01-01")]),
        REFERENCE,
        0.1,
    )
    assert list(found["figure_id"]) == ["b", "a"] and found["difference"].iloc[0] == pytest.approx(8.0)


def test_reference_discrepancies_of_nothing_is_empty():
    assert discrepancies(_figures([]), REFERENCE).empty
    assert discrepancies(_figures([("a", 1, 1, 1, "killed", "2024-01-01")]), REFERENCE.iloc[0:0]).empty


def test_reference_derive_script_reproduces_the_bundled_file(tmp_path):
    source = shared("reference", "gaza_casualties_daily.json")
    spec = importlib.util.spec_from_file_location("derive", ROOT / "data" / "reference" / "derive.py")
    derive = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(derive)
    target = tmp_path / "out.csv"
    assert derive.main([str(source), str(target)]) == 0
    assert target.read_text() == BUNDLED.read_text()
    reports = json.loads(source.read_text())
    assert len(load_reference(target)) == sum(r.get("killed_cum") is not None for r in reports) + sum(
        r.get("injured_cum") is not None for r in reports
    )
