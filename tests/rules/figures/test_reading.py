"""Reading one number (newstally.rules.figures.reading, numbers): digits, words, vague counts, shares,
money and powers of ten, sentence in, figures out."""

from __future__ import annotations

import pytest
from extracted import one_figure

from newstally.rules.figures.extract import extract_figures


@pytest.mark.parametrize(
    "sentence, value",
    [
        ("The strike killed 28,500 people.", 28500),
        ("Officials counted 28 500 people.", 28500),
        ("The index rose by 1.2 percent.", 1.2),
        ("They pledged $1.2m for the camps.", 1_200_000),
        ("The package is worth $5bn.", 5_000_000_000),
        ("The fund raised $3k.", 3000),
        ("Runners covered 3k.", 3000),
        ("The deal is worth 1.2m.", 1_200_000),
        ("The wall is 50m high.", 50),
        ("It can dip to minus-130 degrees.", -130),
        ("The balance fell to $-50.8bn.", -50_800_000_000),
        ("Gaza has 2.3 million residents.", 2_300_000),
        ("They fired seven rockets.", 7),
        ("There were forty-two trucks.", 42),
        ("Two hundred and fifty people marched.", 250),
        ("A hundred people gathered.", 100),
        ("The city has a million residents.", 1_000_000),
        ("Half a million people fled.", 500_000),
        ("The talks lasted two and a half years.", 2.5),
        ("Twenty trucks crossed.", 20),
        ("The fine was 1,200€.", 1200),
    ],
)
def test_reading_numbers(sentence, value):
    assert one_figure(sentence).value == pytest.approx(value)


@pytest.mark.parametrize(
    "sentence, value",
    [
        ("Dozens of people were killed.", 24),
        ("Hundreds of patients were trapped.", 200),
        ("Thousands of people marched.", 2000),
        ("Tens of thousands of people fled.", 20_000),
        ("Hundreds of thousands of people fled.", 200_000),
        ("The war cost billions of dollars.", 2_000_000_000),
        ("Scores of homes were destroyed.", 40),
    ],
)
def test_reading_vague_counts(sentence, value):
    figure = one_figure(sentence)
    assert (figure.value, figure.qualifier) == (pytest.approx(value), "approximately")
    assert figure.rule.startswith("vague:")


@pytest.mark.parametrize(
    "sentence, value, unit",
    [
        ("Israel pushed 85% of the population into displacement.", 85, "percent"),
        ("About 85 percent of homes are damaged.", 85, "percent"),
        ("Some 85 per cent of homes are damaged.", 85, "percent"),
        ("A third of those children were killed.", 33.33, "percent"),
        ("Two-thirds of the population fled.", 66.66, "percent"),
        ("More than half the population lives in poverty.", 50, "percent"),
        ("They live in less than half a square kilometre.", 0.5, "square kilometres"),
    ],
)
def test_reading_shares(sentence, value, unit):
    figure = one_figure(sentence)
    assert (figure.value, figure.unit) == (pytest.approx(value, abs=0.01), unit)


@pytest.mark.parametrize(
    "sentence, value, unit",
    [
        ("The US pledged $100m in aid.", 100_000_000, "USD"),
        ("The EU gave €50 million.", 50_000_000, "EUR"),
        ("Britain gave £2.5bn.", 2_500_000_000, "GBP"),
        ("The fine was 9 billion shekels.", 9_000_000_000, "ILS"),
        ("The budget was USD 40 million.", 40_000_000, "USD"),
        ("It is a million dollar house.", 1_000_000, "USD"),
    ],
)
def test_reading_money(sentence, value, unit):
    figure = one_figure(sentence)
    assert (figure.value, figure.unit, figure.category) == (value, unit, "money")


@pytest.mark.parametrize(
    "sentence, value, unit",
    [
        ("Light travels at 3 × 10⁸ metres per second.", 3e8, "metres"),
        ("The cell holds about 6 x 10^9 molecules.", 6e9, "molecules"),
        ("The particle weighs 1.7×10−27 kilograms.", 1.7e-27, "kg"),
    ],
)
def test_reading_powers_of_ten(sentence, value, unit):
    figure = one_figure(sentence)
    assert (figure.value, figure.unit) == (pytest.approx(value), unit)


@pytest.mark.parametrize(
    "sentence, values",
    [
        ("The deal was worth PS2.7m.", [2_700_000]),
        ("Tickets cost PS45 each.", [45]),
        ("He queued for a PS5 console.", []),
    ],
)
def test_reading_pound_sign_transliterated(sentence, values):
    """ASCII transliteration writes "£" as "PS" glued to the digits."""
    figures = extract_figures(sentence)
    assert [f.value for f in figures] == values
    assert all(f.unit == "GBP" for f in figures)
