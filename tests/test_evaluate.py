"""The scoring of FORMAT.md: matching rules for figures and statements."""

from __future__ import annotations

import pandas as pd
import pytest

from newstally.evaluate import score

GOLD = [
    {
        "article_id": "a",
        "speakers": [{"name": "Maria Zakharova", "type": "person", "aliases": ["Zakharova"]}],
        "figures": [
            {
                "text": "more than 28,500 people",
                "value": 28500,
                "low": 28500,
                "high": None,
                "qualifier": "more_than",
                "unit": "people",
                "category": "killed",
                "category_alt": [],
            },
            {
                "text": "5,000-7,000 rockets",
                "value": 6000,
                "low": 5000,
                "high": 7000,
                "qualifier": "exact",
                "unit": "rockets",
                "category": "projectiles",
                "category_alt": [],
            },
            {
                "text": "two days",
                "value": 2,
                "low": 2,
                "high": 2,
                "qualifier": "exact",
                "unit": "days",
                "category": "duration",
                "category_alt": [],
            },
        ],
        "statements": [
            {
                "speaker": "Maria Zakharova",
                "kind": "direct",
                "text": "we are extremely concerned about the situation",
                "optional": False,
            },
            {
                "speaker": "Maria Zakharova",
                "kind": "indirect",
                "text": "the talks would resume next week",
                "optional": True,
            },
        ],
    }
]


def _figures(*rows):
    return pd.DataFrame([dict(article_id="a", start=i, text="") | r for i, r in enumerate(rows)])


def _statements(*rows):
    return pd.DataFrame([dict(article_id="a", start=i, **r) for i, r in enumerate(rows)])


@pytest.mark.parametrize(
    "predicted, tp, key_tp",
    [
        # value within 0.5% matches; the range needs both ends
        (
            [
                dict(value=28600, low=28600, high=None, qualifier="more_than", category="killed"),
                dict(value=6000, low=5000, high=7000, qualifier="exact", category="projectiles"),
                dict(value=2, low=2, high=2, qualifier="exact", category="duration"),
            ],
            3,
            2,
        ),
        # a range's midpoint alone is not enough
        ([dict(value=6000, low=6000, high=6000, qualifier="exact", category="projectiles")], 0, 0),
        # a right value with the wrong category counts for figures, not key figures
        ([dict(value=28500, low=28500, high=None, qualifier="exact", category="injured")], 1, 0),
        # nothing predicted
        ([], 0, 0),
    ],
)
def test_evaluate_figures_match_by_value(predicted, tp, key_tp):
    report = score(GOLD, _figures(*predicted), _statements())
    assert (report.figures.tp, report.figures.n_pred, report.figures.n_gold) == (tp, len(predicted), 3)
    assert report.key_figures.tp == key_tp


def test_evaluate_figures_category_and_qualifier_accuracy():
    report = score(
        GOLD, _figures(dict(value=28500, low=28500, high=None, qualifier="exact", category="killed")), _statements()
    )
    assert (report.category.right, report.category.total) == (1, 1)
    assert (report.qualifier.right, report.qualifier.total) == (0, 1)


@pytest.mark.parametrize(
    "text, speaker, strict_tp, attributed",
    [
        ("we are extremely concerned about the situation", "Zakharova", 1, 1),  # alias counts
        ("We are extremely", "Maria Zakharova", 0, 0),  # 3 of 7 gold words: lenient only
        ("we are extremely concerned about the situation", "Peskov", 1, 0),  # detected, wrong speaker
        ("something else entirely", "Zakharova", 0, 0),
    ],
)
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


def _gold(*figures):
    return [
        {
            "article_id": "a",
            "figures": [
                dict(text="", qualifier="exact", unit="", category="other", category_alt=[]) | f for f in figures
            ],
        }
    ]


@pytest.mark.parametrize(
    "gold, predicted, tp",
    [
        # a percent and the same share as a fraction
        ([dict(value=0.333, low=0.333, high=0.333)], [dict(value=33.3, low=33.3, high=33.3, unit="percent")], 1),
        ([dict(value=33.3, low=33.3, high=33.3, unit="percent")], [dict(value=0.333, low=0.333, high=0.333)], 1),
        # a gold range and a single figure equal to one of its ends (a change read as two levels)
        (
            [dict(value=220, low=200, high=240)],
            [dict(value=200, low=200, high=200), dict(value=240, low=240, high=240)],
            1,
        ),
        # an approximate figure inside a gold range
        (
            [dict(value=5500, low=1000, high=10000)],
            [dict(value=2000, low=2000, high=2000, qualifier="approximately")],
            1,
        ),
        ([dict(value=5500, low=1000, high=10000)], [dict(value=2000, low=2000, high=2000)], 0),  # exact: not inside
        (
            [dict(value=5500, low=1000, high=10000)],
            [dict(value=20000, low=20000, high=20000, qualifier="approximately")],
            0,
        ),
        # no equivalence for a plain value
        ([dict(value=100, low=100, high=100)], [dict(value=120, low=120, high=120, qualifier="approximately")], 0),
    ],
)
def test_evaluate_figures_equivalences_for_other_conventions(gold, predicted, tp):
    report = score(
        _gold(*gold), _figures(*[dict(qualifier="exact", category="other") | p for p in predicted]), _statements()
    )
    assert report.figures.tp == tp


def test_evaluate_figures_exact_matches_are_paired_first():
    # in text order the 100.4 would take the first gold figure; the exact 100 is paired with it first
    gold = _gold(
        dict(text="100 trucks", value=100, low=100, high=100), dict(text="100.2", value=100.2, low=100.2, high=100.2)
    )
    predicted = _figures(
        dict(text="100.2", value=100.2, low=100.2, high=100.2, qualifier="exact", category="other"),
        dict(text="100 trucks", value=100, low=100, high=100, qualifier="exact", category="other"),
    )
    assert score(gold, predicted, _statements()).figures.tp == 2


def test_evaluate_figures_the_same_words_are_paired_first():
    gold = _gold(
        dict(text="four papers", value=4, low=4, high=4, category="other"),
        dict(text="four missiles", value=4, low=4, high=4, category="projectiles"),
    )
    predicted = _figures(
        dict(text="four missiles", value=4, low=4, high=4, qualifier="exact", category="projectiles"),
        dict(text="four papers", value=4, low=4, high=4, qualifier="exact", category="other"),
    )
    report = score(gold, predicted, _statements())
    assert (report.category.right, report.key_figures.tp) == (2, 1)


def test_evaluate_key_figures_count_right_predictions_and_found_gold_apart():
    # gold "people" accepting "other"; predicted "other": a key gold figure found, no key prediction made
    gold = _gold(
        dict(text="70% of respondents", value=70, low=70, high=70, category="people", category_alt=["other"]),
        dict(text="5 killed", value=5, low=5, high=5, category="killed"),
    )
    predicted = _figures(
        dict(text="70%", value=70, low=70, high=70, qualifier="exact", category="other"),
        dict(text="5", value=5, low=5, high=5, qualifier="exact", category="killed"),
    )
    key = score(gold, predicted, _statements()).key_figures
    assert (key.tp, key.right_predicted, key.n_pred, key.n_gold) == (2, 1, 1, 2)
    assert key.precision == 1.0 and key.recall == 1.0
