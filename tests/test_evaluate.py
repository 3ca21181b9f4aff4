"""The scoring of FORMAT.md: matching rules for figures and statements."""
from __future__ import annotations

import pandas as pd
import pytest

from newstally.evaluate import score

GOLD = [{
    "article_id": "a",
    "speakers": [{"name": "Maria Zakharova", "type": "person", "aliases": ["Zakharova"]}],
    "figures": [
        {"text": "more than 28,500 people", "value": 28500, "low": 28500, "high": None, "qualifier": "more_than",
         "unit": "people", "category": "killed", "category_alt": []},
        {"text": "5,000-7,000 rockets", "value": 6000, "low": 5000, "high": 7000, "qualifier": "exact",
         "unit": "rockets", "category": "projectiles", "category_alt": []},
        {"text": "two days", "value": 2, "low": 2, "high": 2, "qualifier": "exact", "unit": "days",
         "category": "duration", "category_alt": []},
    ],
    "statements": [
        {"speaker": "Maria Zakharova", "kind": "direct", "text": "we are extremely concerned about the situation", "optional": False},
        {"speaker": "Maria Zakharova", "kind": "indirect", "text": "the talks would resume next week", "optional": True},
    ],
}]


def _figures(*rows):
    return pd.DataFrame([dict(article_id="a", start=i, text="", **r) for i, r in enumerate(rows)])


def _statements(*rows):
    return pd.DataFrame([dict(article_id="a", start=i, **r) for i, r in enumerate(rows)])


@pytest.mark.parametrize("predicted, tp, key_tp", [
    # value within 0.5% matches; the range needs both ends
    ([dict(value=28600, low=28600, high=None, qualifier="more_than", category="killed"),
      dict(value=6000, low=5000, high=7000, qualifier="exact", category="projectiles"),
      dict(value=2, low=2, high=2, qualifier="exact", category="duration")], 3, 2),
    # a range's midpoint alone is not enough
    ([dict(value=6000, low=6000, high=6000, qualifier="exact", category="projectiles")], 0, 0),
    # a right value with the wrong category counts for figures, not key figures
    ([dict(value=28500, low=28500, high=None, qualifier="exact", category="injured")], 1, 0),
    # nothing predicted
    ([], 0, 0),
])
def test_evaluate_figures_match_by_value(predicted, tp, key_tp):
    report = score(GOLD, _figures(*predicted), _statements())
    assert (report.figures.tp, report.figures.n_pred, report.figures.n_gold) == (tp, len(predicted), 3)
    assert report.key_figures.tp == key_tp


def test_evaluate_figures_category_and_qualifier_accuracy():
    report = score(GOLD, _figures(dict(value=28500, low=28500, high=None, qualifier="exact", category="killed")), _statements())
    assert (report.category.right, report.category.total) == (1, 1)
    assert (report.qualifier.right, report.qualifier.total) == (0, 1)


@pytest.mark.parametrize("text, speaker, strict_tp, attributed", [
    ("we are extremely concerned about the situation", "Zakharova", 1, 1),  # alias counts
    ("We are extremely", "Maria Zakharova", 0, 0),  # 3 of 7 gold words: lenient only
    ("we are extremely concerned about the situation", "Peskov", 1, 0),  # detected, wrong speaker
    ("something else entirely", "Zakharova", 0, 0),
])
def test_evaluate_statements_overlap(text, speaker, strict_tp, attributed):
    report = score(GOLD, _figures(), _statements(dict(text=text, speaker=speaker)))
    assert report.detection_strict.tp == strict_tp
    assert report.attribution_strict.tp == attributed
    assert report.detection_strict.n_gold == 1  # the optional one is not counted


def test_evaluate_statements_optional_neither_rewarded_nor_punished():
    report = score(GOLD, _figures(), _statements(dict(text="the talks would resume next week", speaker="x")))
    assert (report.detection_strict.tp, report.detection_strict.n_pred, report.detection_strict.n_gold) == (0, 0, 1)


def test_evaluate_report_table_lists_layers():
    table = score(GOLD, _figures(), _statements()).table()
    assert "figures (key categories)" in table and "statements attribution (lenient)" in table
