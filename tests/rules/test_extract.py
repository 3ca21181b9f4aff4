"""The whole extraction of one article (newstally.rules.extract): total on any text, spans valid,
and hostile inputs that must finish."""

from __future__ import annotations

import pytest
from hostile import EXTRACT_INPUTS, FINISHES_WITHIN, timed
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newstally.rules import extract

NEWS_ALPHABET = st.sampled_from(
    list("abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.,;:-%$\"'“”‘’()\n")
    + ["said", " more than ", " killed ", "1,000", " according to ", "Ministry", " he "]
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(st.text(max_size=400), st.lists(NEWS_ALPHABET, max_size=120).map("".join)))
def test_extract_never_raises_and_every_span_is_the_text(text):
    result = extract(text)
    keys = {s.key for s in result.speakers}
    for record in (*result.figures, *result.statements):
        assert 0 <= record.start <= record.end <= len(text)
        assert text[record.start : record.end] == record.text
    for figure in result.figures:
        if figure.low is not None:
            assert figure.low <= figure.value
        if figure.high is not None:
            assert figure.value <= figure.high
    for statement in result.statements:
        assert statement.speaker_key == "" or statement.speaker_key in keys


@pytest.mark.parametrize("name", list(EXTRACT_INPUTS))
def test_extract_hostile_input_finishes(name):
    assert timed(extract, EXTRACT_INPUTS[name]())[1] < FINISHES_WITHIN
