"""extract_statements (newstally.rules.statements.extract): statements across sentences and
paragraphs, embedded posts, negatives, properties on any text and hostile inputs that must finish."""

from __future__ import annotations

import pytest
from extracted import statements_found
from hostile import FINISHES_WITHIN, STATEMENT_INPUTS, timed
from hypothesis import given, settings
from hypothesis import strategies as st

from newstally.rules.statements.extract import extract_statements


def test_statements_quote_continues_in_the_next_paragraph():
    text = "“We were not warned,” Omar Haddad told reporters.\n“Nobody called us.”"
    assert statements_found(text) == [
        ("We were not warned,", "direct", "Omar Haddad"),
        ("Nobody called us.", "direct", "Omar Haddad"),
    ]


def test_statements_quote_introduced_by_the_sentence_before():
    text = "Omar Haddad said in a statement:\n“Nobody called us.”"
    assert [t for t, _, _ in statements_found(text)] == ["Nobody called us."]


def test_statements_keep_cue_and_rule():
    (statement,), _ = extract_statements("“We are worried,” Ivan Sokolov said.")
    assert (statement.cue, statement.rule) == ("said", "quote-then-cue")


@pytest.mark.parametrize(
    "text",
    [
        "",
        "The weather was fine on Monday.",
        'The so-called "resistance axis" has grown.',
        "He said.",
        "Omar Haddad walked home after the meeting.",
        "The report, which was released on Monday, covers ten years.",
        "“\n”",
    ],
)
def test_statements_negatives_give_nothing(text):
    assert extract_statements(text)[0] == []


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "“We were not warned,” Omar Haddad said.\n"
            "Crews are working to restore power. pic.twitter.com/Ab12Cd — Lund Power (@lundpower) December 22, 2018\n"
            "“Nobody called us,” he said.",
            [
                ("We were not warned,", "direct", "Omar Haddad"),
                ("Crews are working to restore power.", "direct", "Lund Power"),
                ("Nobody called us,", "direct", "Omar Haddad"),
            ],
        ),
        # negatives: a handle with no date is no embedded post; nor is a signature with no name
        ("Crews are working to restore power — Lund Power (@lundpower) for updates.", []),
        ("Crews are working to restore power. — (@lundpower) December 22, 2018", []),
    ],
)
def test_statements_embedded_post_is_its_authors_statement(text, expected):
    assert statements_found(text) == expected


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            list("ab AB.,:;\"“”‘’'\n—") + ["said", "Nina Berg", " she ", "told", "according to", "that", " the army "]
        ),
        max_size=120,
    ).map("".join)
)
def test_statements_property_spans_are_valid(text):
    statements, speakers = extract_statements(text)
    keys = {s.key for s in speakers}
    for s in statements:
        assert 0 <= s.start <= s.end <= len(text)
        assert text[s.start : s.end] == s.text
        assert s.speaker_key == "" or s.speaker_key in keys
        assert s.kind in ("direct", "mixed", "indirect")


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=400))
def test_statements_property_never_raises(text):
    extract_statements(text)


@pytest.mark.parametrize("name", list(STATEMENT_INPUTS))
def test_statements_hostile_input_finishes(name):
    assert timed(extract_statements, STATEMENT_INPUTS[name]())[1] < FINISHES_WITHIN


@pytest.mark.parametrize(
    "text, expected",
    [
        # a pull quote: the words without quote marks, then the person (and role) who said them
        (
            "Ola Berg said the storm was bad.\n\nIt is very bad for our seniors if they have no backup at all."
            " Ola Berg, Lakeside mayor\n\nCrews worked all night.",
            [
                ("the storm was bad", "indirect", "Ola Berg"),
                ("It is very bad for our seniors if they have no backup at all.", "direct", "Ola Berg"),
            ],
        ),
        (
            "Mia Lund met him in May.\n\nI am not happy I have cancer, but I am thankful for what it brought me."
            " Mia Lund\n\nThey married a year later.",
            [("I am not happy I have cancer, but I am thankful for what it brought me.", "direct", "Mia Lund")],
        ),
        # a photo caption speaks in the third person, and a credit names no one in the story
        ("Mia Lund came.\n\nRescuers searched the rubble of the hotel on Sunday morning. Mia Lund\n\nMore came.", []),
        ("Canada.\n\nWe searched the rubble of the hotel on Sunday morning. Environment Canada\n\nMore.", []),
        ("Crews came.\n\nWe searched the rubble of the hotel on Sunday morning. Related Articles\n\nMore.", []),
        # a transcript's lead-in to the next speaker
        (
            "Ivo Lind spoke.\n\nSo our family has a key demand: an inquiry. Here’s Ivo Lind, the minister:\n\nMore.",
            [],
        ),
    ],
)
def test_statements_pull_quote_is_its_signers_statement(text, expected):
    assert statements_found(text) == expected


_BEFORE = "“We are fine,” said Tom Barker, a lawyer. "


@pytest.mark.parametrize(
    "text, expected",
    [
        # a person named in apposition in a sentence's opening is who the next "he"/"she" may be
        (
            _BEFORE + "Director, research at consulting firm Obelix, Marta Quill, agreed with this finding.\n"
            "“We believe it is the same group,” she confirmed.",
            "Marta Quill",
        ),
        (
            _BEFORE + "In a statement made by the Ruritanian prime minister, Marta Quill, at the summit on "
            "Friday, she said: “There is a war.”",
            "Marta Quill",
        ),
        # negatives: a name joined to others, a name after a verb or a pronoun, a list of names
        (_BEFORE + "The minister, Ann Lee, and the mayor met on Friday. “We are sure,” he said.", "Tom Barker"),
        (_BEFORE + "He visited the minister, Ann Lee, on Friday. “We are sure,” he said.", "Tom Barker"),
        (_BEFORE + "She saw the minister, Ann Lee, on Friday. “We are sure,” he said.", "Tom Barker"),
        (_BEFORE + "Later he called the minister, Ann Lee, twice. “We are sure,” he said.", "Tom Barker"),
    ],
)
def test_statements_apposition_in_the_opening_is_who_he_may_be(text, expected):
    assert statements_found(text)[-1][2] == expected
