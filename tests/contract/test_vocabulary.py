"""The contract's vocabularies: one category list, and every unit the rules give classified."""

from __future__ import annotations

import re
from typing import get_args

import pytest

from newstally.contract import vocabulary
from newstally.contract.vocabulary import CATEGORIES, CATEGORY_NAMES, KEY_CATEGORIES, MEASURED_UNITS, PERCENT, Category
from newstally.rules import lexicon


def test_vocabulary_category_type_lists_the_categories_of_the_file():
    assert get_args(Category) == CATEGORY_NAMES


def test_vocabulary_key_categories_are_all_but_money_duration_and_other():
    # ../shared/gold/FORMAT.md: "The key categories are all but money, duration and other."
    assert set(KEY_CATEGORIES) == set(CATEGORY_NAMES) - {"money", "duration", "other"}


@pytest.mark.parametrize("category", CATEGORIES, ids=lambda c: c.name)
def test_vocabulary_category_has_a_colour_and_a_meaning(category):
    assert re.fullmatch(r"#[0-9a-f]{6}", category.color) and category.meaning


@pytest.mark.parametrize("lexicon_file", ["figure_categories", "figure_units"])
def test_vocabulary_every_category_the_rules_give_is_a_category(lexicon_file):
    assert {row["category"] for row in lexicon.rows(lexicon_file)} <= set(CATEGORY_NAMES)


@pytest.mark.parametrize(
    "source, units",
    [
        ("figure_currencies.tsv", lambda: {row["unit"] for row in lexicon.rows("figure_currencies")}),
        (
            "figure_units.tsv money and duration",
            lambda: {row["unit"] for row in lexicon.rows("figure_units") if row["category"] in ("money", "duration")},
        ),
        ("figure_unit_factors.tsv", lambda: {row["unit"] for row in lexicon.rows("figure_unit_factors")}),
        ("shares", lambda: {PERCENT}),
    ],
    ids=lambda v: v if isinstance(v, str) else "",
)
def test_vocabulary_every_measuring_unit_of_the_rules_is_classified(source, units):
    assert units() - MEASURED_UNITS == set(), f"units of {source} missing from contract/measured_units.tsv"


@pytest.mark.parametrize(
    "name, values",
    [
        ("QUALIFIERS", ("exact", "approximately", "more_than", "less_than")),
        ("STATEMENT_KINDS", ("direct", "mixed", "indirect")),
        ("SPEAKER_TYPES", ("person", "organization")),
    ],
)
def test_vocabulary_literal_values_are_format_values(name, values):
    assert getattr(vocabulary, name) == values
