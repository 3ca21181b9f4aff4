"""The words around a number (newstally.rules.figures.context): qualifiers, the counted noun,
"one" as a count or a pronoun, category cues."""

from __future__ import annotations

import pytest
from extracted import one_figure

from newstally.rules.figures.extract import extract_figures


@pytest.mark.parametrize(
    "sentence, qualifier, low, high",
    [
        ("Israel killed more than 28,500 people.", "more_than", 28500, None),
        ("At least 47 people were killed.", "more_than", 47, None),
        ("Over 5,000 rockets were fired.", "more_than", 5000, None),
        ("Upwards of 300 people died.", "more_than", 300, None),
        ("The death toll has surpassed 1,500.", "more_than", 1500, None),
        ("About 1,400 people were killed.", "approximately", 1400, 1400),
        ("Roughly 10,000 peacekeepers serve there.", "approximately", 10000, 10000),
        ("Some 240 people are held hostage.", "approximately", 240, 240),
        ("Nearly 130 Israelis are still held.", "approximately", 130, 130),
        ("An estimated 1.7 million people are displaced.", "approximately", 1_700_000, 1_700_000),
        ("Fewer than 20 trucks entered.", "less_than", None, 20),
        ("Detention can last up to six months.", "less_than", None, 6),
        ("Israel on Thursday revised up to 203 the number of hostages.", "exact", 203, 203),
        ("Five trucks entered.", "exact", 5, 5),
    ],
)
def test_context_qualifiers(sentence, qualifier, low, high):
    figure = one_figure(sentence)
    assert (figure.qualifier, figure.low, figure.high) == (qualifier, low, high)


@pytest.mark.parametrize(
    "sentence, unit",
    [
        ("Israel has killed 5,000 Palestinian civilians.", "people"),
        ("Six Israeli soldiers were killed.", "soldiers"),
        ("Police held one Palestinian reporter.", "journalists"),
        ("The US sent two aircraft carrier strike groups.", "groups"),
        ("The two men haven't spoken since.", "people"),
        ("The army shot down two more drones.", "drones"),
        ("Israel was among the top six offenders.", "offenders"),
        ("A group of three US senators wrote to Meta.", "senators"),
        ("Iran launched 380 investigations between October and May.", "investigations"),
    ],
)
def test_context_units_skip_adjectives(sentence, unit):
    assert one_figure(sentence).unit == unit


@pytest.mark.parametrize(
    "sentence, text, unit",
    [
        ("We have one plan that covers everything.", "one plan", "plan"),
        ("One bidder offered more.", "One bidder", "bidder"),
        ("Police questioned one young driver.", "one young driver", "driver"),
        ("The firm sold one ice cream brand last year.", "one ice cream brand", "brand"),
    ],
)
def test_context_one_counts_a_plain_noun(sentence, text, unit):
    figure = one_figure(sentence)
    assert (figure.text, figure.value, figure.unit) == (text, 1, unit)


@pytest.mark.parametrize(
    "sentence",
    [
        "Not one complaint was filed.",
        "They help one another.",
        "One could argue the opposite.",
        "One hit the roof of a school.",
        "One asked him why.",
        "The only one left was closed.",
        "It won the Formula One title.",
        "For one thing, prices rose.",
        "She is one of the best.",
        "Each one costs more.",
        "The number one reason is cost.",
    ],
)
def test_context_one_as_pronoun_or_idiom_is_no_figure(sentence):
    assert extract_figures(sentence) == []


def test_context_every_category_word_of_the_lexicon_is_a_cue():
    from newstally.rules import lexicon
    from newstally.rules.figures.context import CUE

    for row in lexicon.rows("figure_categories"):
        assert CUE.fullmatch(row["word"]), row


def test_context_conversion_in_brackets_shares_qualifier():
    first, second = extract_figures("It lies about 2,000 km (1,240 miles) away.")
    assert first.qualifier == second.qualifier == "approximately"
