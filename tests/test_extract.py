"""The whole extraction of one article: total on any text, spans valid, figures tied to statements."""
from __future__ import annotations

import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newstally.rules import extract, extractor_version
from newstally.contract.records import Article
from newstally.build.rows import article_rows

NEWS_ALPHABET = st.sampled_from(list('abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.,;:-%$"\'“”‘’()\n')
                                + ["said", " more than ", " killed ", "1,000", " according to ", "Ministry", " he "])


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(st.text(max_size=400), st.lists(NEWS_ALPHABET, max_size=120).map("".join)))
def test_extract_never_raises_and_every_span_is_the_text(text):
    result = extract(text)
    keys = {s.key for s in result.speakers}
    for record in (*result.figures, *result.statements):
        assert 0 <= record.start <= record.end <= len(text)
        assert text[record.start:record.end] == record.text
    for figure in result.figures:
        if figure.low is not None:
            assert figure.low <= figure.value
        if figure.high is not None:
            assert figure.value <= figure.high
    for statement in result.statements:
        assert statement.speaker_key == "" or statement.speaker_key in keys


@pytest.mark.parametrize("text, figure_text, speaker_name", [
    ('"We counted 3,000 trucks at the border," the ministry spokesman Omar Haddad said.', "3,000 trucks", "Omar Haddad"),
    ("According to the Health Ministry, 240 people were killed on Tuesday.", "240 people", "Health Ministry"),
])
def test_extract_figure_inside_a_statement_carries_its_statement(text, figure_text, speaker_name):
    article = Article(article_id="a", text=text)
    result = extract(text)
    rows = article_rows(article, result, extractor_version())
    figure = next(r for r in rows.figures if figure_text in r.text)
    assert figure.statement_id is not None, "the figure should point to the statement it sits in"
    statement = next(r for r in rows.statements if r.statement_id == figure.statement_id)
    mention = next(r for r in rows.mentions if r.mention_id == statement.mention_id)
    assert speaker_name in mention.name


@pytest.mark.parametrize("text", [
    "7" * 1_000_000,
    '"' * 1_000_000,
    "“" * 300_000 + "”" * 300_000,
    "!?.,;:" * 200_000,
    "The agency said 5 people were displaced. " * 25_000,
], ids=["digits", "straight-quotes", "curly-quotes", "punctuation", "dense-sentences"])
def test_extract_is_bounded_on_pathological_text(text):
    started = time.perf_counter()
    extract(text)
    assert time.perf_counter() - started < 20, "extraction of ~1 MB must finish in bounded time"
