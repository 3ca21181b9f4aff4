"""Quotation marks as real text has them (newstally.rules.statements.quotes): pairing per paragraph."""

from __future__ import annotations

import pytest
from extracted import statements_found

from newstally.rules.statements.extract import extract_statements
from newstally.rules.statements.quotes import quotes


@pytest.mark.parametrize(
    "text, expected",
    [
        # a curly opening mark used to close, then a new sentence right after it
        (
            "“We are worried,” Ivan Sokolov said. “It is serious.“Officials met on Monday.",
            [("We are worried,", "direct", "Ivan Sokolov"), ("It is serious.", "direct", "Ivan Sokolov")],
        ),
        # nested single quotes stay inside the double quote
        (
            "“They told us ‘leave now’ and we left,” said Omar Haddad.",
            [("They told us ‘leave now’ and we left,", "direct", "Omar Haddad")],
        ),
        # a stray opening mark between two sentences of one quote does not split it
        (
            "“We deserve respect,” Ivan Sokolov said. “That is a dangerous thing to do. “It evokes anger.”",
            [
                ("We deserve respect,", "direct", "Ivan Sokolov"),
                ("That is a dangerous thing to do. “It evokes anger.", "direct", "Ivan Sokolov"),
            ],
        ),
        # dotted initials end a sentence before a quote that opens with a capital, not before a phrase
        (
            "The model sold best in the U.S. “Forget the rest,” Ivan Sokolov said.",
            [("Forget the rest,", "direct", "Ivan Sokolov")],
        ),
        (
            "Ivan Sokolov blamed the U.S. “war on terror” for the crisis.",
            [("the U.S. “war on terror” for the crisis", "mixed", "Ivan Sokolov")],
        ),
    ],
)
def test_quotes_quote_marks_as_real_text_has_them(text, expected):
    assert statements_found(text) == expected


def test_quotes_quotes_never_pair_across_paragraphs():
    text = 'She said "the first part\nand the second part," then left.'
    for statement in extract_statements(text)[0]:
        assert "\n" not in statement.text


@pytest.mark.parametrize(
    "paragraph, expected",
    [
        ('a "b" c "d" e', [(2, 4), (8, 10)]),
        ("a “b” c", [(2, 4)]),
        ("a “b“c", [(2, 4)]),  # opening mark used to close
        ('a "b c', [(2, 6)]),  # never closed: runs to the paragraph end
    ],
)
def test_quotes_quote_pairing(paragraph, expected):
    assert [(q.open, q.close) for q in quotes(paragraph, 0, len(paragraph))] == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # narration that only introduces a quote with a colon goes on with the speaker before it
        (
            "“We will win,” Ivan Sokolov said. And then came the promise: “We will rebuild every house.”",
            [("We will win,", "direct", "Ivan Sokolov"), ("We will rebuild every house.", "direct", "Ivan Sokolov")],
        ),
        # negatives: the narration names someone else, or reads on without a colon
        (
            "“We will win,” Ivan Sokolov said. Then Omar Haddad had a reply: “We will see.”",
            [("We will win,", "direct", "Ivan Sokolov")],
        ),
        (
            "“We will win,” Ivan Sokolov said. The crowd sang “the march” all night.",
            [("We will win,", "direct", "Ivan Sokolov")],
        ),
    ],
)
def test_quotes_a_quote_introduced_by_a_colon_continues_the_speaker(text, expected):
    assert statements_found(text) == expected
