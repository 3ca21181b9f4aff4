"""extract_figures (newstally.rules.figures.extract): spans and rules of whole figures, properties on
any text, and hostile inputs that must finish."""

from __future__ import annotations

import pytest
from extracted import one_figure
from hostile import FIGURE_INPUTS, FINISHES_WITHIN, timed
from hypothesis import given, settings
from hypothesis import strategies as st

from newstally.rules.figures.extract import extract_figures


@pytest.mark.parametrize(
    "sentence, texts",
    [
        ("Israel killed more than 28,500 people since Oct. 7, 2023.", ["more than 28,500 people"]),
        ("About 2,000 km (1,240 miles) away.", ["About 2,000 km", "1,240 miles"]),
    ],
)
def test_figures_text_spans(sentence, texts):
    assert [f.text for f in extract_figures(sentence)] == texts


def test_figures_rule_and_sentence_explain_the_row():
    figure = one_figure("Gaza is small. Israel killed more than 28,500 people. Talks go on.")
    assert figure.rule == "number+noun+clause"
    assert figure.sentence == "Israel killed more than 28,500 people."


_NEWS_TOKENS = list("0123456789 ,.-–%$€£:/()") + [
    " million",
    " more than ",
    " between ",
    " and ",
    " to ",
    " people",
    " killed",
    " dozens of ",
    " a third of ",
    " half ",
    " two ",
    " hundred ",
    " October ",
    " at least ",
    " up to ",
    "bn",
    "k",
    " per cent",
    " years",
    " or ",
    " if not ",
    " tens",
    " of thousands",
    " a ",
    " single ",
    " decade",
    "-year-old",
    " Article ",
]


_NEWSY = st.lists(st.sampled_from(_NEWS_TOKENS), max_size=40).map("".join)


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(max_size=200), _NEWSY))
def test_figures_never_raise_and_offsets_hold(text):
    for figure in extract_figures(text):
        assert text[figure.start : figure.end] == figure.text


@settings(max_examples=300, deadline=None)
@given(_NEWSY)
def test_figures_come_in_text_order_without_overlap(text):
    figures = extract_figures(text)
    for before, after in zip(figures, figures[1:]):
        assert before.end <= after.start


@settings(max_examples=300, deadline=None)
@given(_NEWSY)
def test_figures_bounds_are_ordered(text):
    for figure in extract_figures(text):
        if figure.low is not None:
            assert figure.low <= figure.value
        if figure.high is not None:
            assert figure.value <= figure.high


@pytest.mark.parametrize("name", list(FIGURE_INPUTS))
def test_figures_hostile_input_finishes(name):
    assert timed(extract_figures, FIGURE_INPUTS[name]())[1] < FINISHES_WITHIN
