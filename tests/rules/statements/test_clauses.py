"""Reported speech (newstally.rules.statements.clauses): the clause a cue reports, where it stops,
and the participle that adds a second one."""

from __future__ import annotations

import pytest
from extracted import statements_found


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Ivan Sokolov said the status quo was no longer viable.",
            [("the status quo was no longer viable", "indirect", "Ivan Sokolov")],
        ),
        (
            "Ivan Sokolov said that the talks would resume on Monday.",
            [("the talks would resume on Monday", "indirect", "Ivan Sokolov")],
        ),
        (
            "Omar Haddad told Ivan Sokolov that he agreed about the need for calm.",
            [("he agreed about the need for calm", "indirect", "Omar Haddad")],
        ),
        (
            "The talks will resume next week, Ivan Sokolov said.",
            [("The talks will resume next week", "indirect", "Ivan Sokolov")],
        ),
        (
            "According to the United Nations, more than 500 trucks are waiting at the border.",
            [("more than 500 trucks are waiting at the border", "indirect", "United Nations")],
        ),
        (
            "More than 500 trucks are waiting at the border, according to the United Nations.",
            [("More than 500 trucks are waiting at the border", "indirect", "United Nations")],
        ),
        (
            "Nina Berg, the director of the Lund Peace Institute, said the ceasefire was holding.",
            [("the ceasefire was holding", "indirect", "Nina Berg")],
        ),
        (
            "Foreign Minister Ivan Sokolov warned that the conflict could spread.",
            [("the conflict could spread", "indirect", "Ivan Sokolov")],
        ),
        (
            "The Kremlin has expressed concern about the fighting, saying that the situation could escalate.",
            [("the situation could escalate", "indirect", "Kremlin")],
        ),
        (
            "The army said it would soon go on the offensive.",
            [("it would soon go on the offensive", "indirect", "army")],
        ),
    ],
)
def test_clauses_reported_speech_keeps_the_clause_without_the_cue(text, expected):
    assert statements_found(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            'Nina Berg said Moscow is "closely following" the developments.',
            [('Moscow is "closely following" the developments', "mixed", "Nina Berg")],
        ),
        (
            'The plan is "a dangerous scenario," Ivan Sokolov told a briefing.',
            [('The plan is "a dangerous scenario,"', "mixed", "Ivan Sokolov")],
        ),
        (
            'Russia is "alarmed by the plans for the city, spokeswoman Nina Berg said on Wednesday.',
            [('Russia is "alarmed by the plans for the city', "mixed", "Nina Berg")],
        ),
    ],
)
def test_clauses_scare_quotes_make_one_mixed_statement(text, expected):
    assert statements_found(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a reporting participle after a quote's attribution reports a clause of its own
        (
            "“We are ready,” Nina Berg told reporters, adding that the army had moved.",
            [("We are ready,", "direct", "Nina Berg"), ("the army had moved", "indirect", "Nina Berg")],
        ),
        (
            "“The road is closed,” the ministry said on Sunday, noting that “nobody can leave” the city.",
            [("The road is closed,", "direct", "ministry"), ("“nobody can leave” the city", "mixed", "ministry")],
        ),
        (
            '"It does say that," Nina Berg confirmed, adding that "nobody told us."',
            [("It does say that,", "direct", "Nina Berg"), ("nobody told us.", "direct", "Nina Berg")],
        ),
        (
            "Each charge carries a penalty of 30 years, Ivan Sokolov said, adding that more charges are possible.",
            [
                ("Each charge carries a penalty of 30 years", "indirect", "Ivan Sokolov"),
                ("more charges are possible", "indirect", "Ivan Sokolov"),
            ],
        ),
        # an introducing participle still takes the quote after it
        (
            '"We are ready," Nina Berg said, adding: "The talks failed."',
            [("We are ready,", "direct", "Nina Berg"), ("The talks failed.", "direct", "Nina Berg")],
        ),
        # negative: a participle that reports nothing
        ('"We are ready," Nina Berg said, speaking to reporters in Oslo.', [("We are ready,", "direct", "Nina Berg")]),
    ],
)
def test_clauses_participle_after_the_attribution(text, expected):
    assert statements_found(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # "and said" / "but said" / "and called for" share the sentence's subject
        (
            "The army destroyed the bridge and said the operation was over.",
            [("the operation was over", "indirect", "army")],
        ),
        ("Nina Berg condemned the attack and called for an inquiry.", [("an inquiry", "indirect", "Nina Berg")]),
        (
            'In a statement, the Lund Peace Institute gave no details but said "the talks will go on."',
            [("the talks will go on.", "direct", "Lund Peace Institute")],
        ),
        # negative: a passive "and told" has no speaker of its own
        ("Omar Haddad had been diagnosed with cancer and told he had months to live — that day, it ended.", []),
    ],
)
def test_clauses_cue_joined_to_the_sentence_subject(text, expected):
    assert statements_found(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Foreign Minister Ivan Sokolov said Thursday one of the plans could save money.",
            [("one of the plans could save money", "indirect", "Ivan Sokolov")],
        ),
        (
            "The ministry stressed Friday that a final decision had not been made.",
            [("a final decision had not been made", "indirect", "ministry")],
        ),
    ],
)
def test_clauses_bare_day_after_the_cue(text, expected):
    assert statements_found(text) == expected


def test_clauses_paired_dashes_are_an_aside_not_a_clause_end():
    text = "Nina Berg said the relationship between young people — especially students — and police needs work."
    assert statements_found(text) == [
        ("the relationship between young people — especially students — and police needs work", "indirect", "Nina Berg")
    ]
    single = "Nina Berg said the road was closed — a move that angered residents."
    assert statements_found(single) == [("the road was closed", "indirect", "Nina Berg")]


@pytest.mark.parametrize(
    "text, expected",
    [
        # "said A and that B": two statements of the one speaker
        (
            "The ministry said on Monday that the bridge was closed, and that it hoped to reopen it soon.",
            [
                ("the bridge was closed", "indirect", "ministry"),
                ("it hoped to reopen it soon", "indirect", "ministry"),
            ],
        ),
        (
            "Ivan Sokolov said the convoy had turned back and that Northern Forces “still do not listen”.",
            [
                ("the convoy had turned back", "indirect", "Ivan Sokolov"),
                ("Northern Forces “still do not listen”", "mixed", "Ivan Sokolov"),
            ],
        ),
        # negatives: "that" as a determiner, and an "and that" inside a quote
        (
            "Omar Haddad said he admired the courage and that beauty of the valley.",
            [("he admired the courage and that beauty of the valley", "indirect", "Omar Haddad")],
        ),
        (
            "Omar Haddad said the plan was “late and that the money is gone”.",
            [("the plan was “late and that the money is gone”", "mixed", "Omar Haddad")],
        ),
    ],
)
def test_clauses_and_that_splits_two_reported_clauses(text, expected):
    assert statements_found(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # "according to" data from someone: who issued it is the source
        (
            "According to the latest figures from the Lakeside Health Authority, the waiting list has doubled.",
            [("the waiting list has doubled", "indirect", "Lakeside Health Authority")],
        ),
        (
            "According to data compiled by the United Nations, more than 300 trucks entered the city.",
            [("more than 300 trucks entered the city", "indirect", "United Nations")],
        ),
        # an aside between dashes after the source, then the clause
        (
            "According to the Harbour Institute — which surveyed 2,000 households — most families cut spending.",
            [("most families cut spending", "indirect", "Harbour Institute")],
        ),
        # a person who issued it, with the role after the name
        (
            "According to a statement released by Ana Diab, co-director of the Lakeside Trust, members of the "
            "council are discussing the plan.",
            [("members of the council are discussing the plan", "indirect", "Ana Diab")],
        ),
        (
            "According to a statement by Ana Diab, the council will meet.",
            [("the council will meet", "indirect", "Ana Diab")],
        ),
        # no role after the name: the phrase between commas is the clause's
        (
            "According to data compiled by UNWRA, between 2009 and 2022, at least 800 homes were demolished.",
            [("between 2009 and 2022, at least 800 homes were demolished", "indirect", "UNWRA")],
        ),
        # negative: no comma nor aside after the source: no opening "according to"
        ("According to the plan drawn up by the council the road will close.", []),
    ],
)
def test_clauses_according_to_data_from_a_source(text, expected):
    assert statements_found(text) == expected
