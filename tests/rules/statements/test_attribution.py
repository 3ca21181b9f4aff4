"""Attribution (newstally.rules.statements.attribution): a quote's cue and the speaker phrase it takes,
before or after the quote."""

from __future__ import annotations

import pytest
from extracted import statements_found

from newstally.rules.statements.extract import extract_statements


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "“We are worried,” Kremlin spokesman Ivan Sokolov told reporters.",
            [("We are worried,", "direct", "Ivan Sokolov")],
        ),
        ('"We are worried," Ivan Sokolov said.', [("We are worried,", "direct", "Ivan Sokolov")]),
        (
            "“We reject violence on both sides,” said Omar Haddad, who once served as a minister.",
            [("We reject violence on both sides,", "direct", "Omar Haddad")],
        ),
        (
            "“The talks failed,” says Nina Berg, a researcher at Lund University.",
            [("The talks failed,", "direct", "Nina Berg")],
        ),
        ('Nina Berg said: "The talks failed."', [("The talks failed.", "direct", "Nina Berg")]),
        ("Nina Berg agrees: “The talks failed.”", [("The talks failed.", "direct", "Nina Berg")]),
        (
            '"The talks failed. Nobody came," Nina Berg said.',
            [("The talks failed. Nobody came,", "direct", "Nina Berg")],
        ),
        (
            '"Parts of it were damaged," the ministry said, "and the rest is closed."',
            [("Parts of it were damaged,", "direct", "ministry"), ("and the rest is closed.", "direct", "ministry")],
        ),
    ],
)
def test_attribution_direct_quotes_with_their_attribution(text, expected):
    assert statements_found(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "“Nobody makes money here,” shipping giant Acme said in January.",
            [("Nobody makes money here,", "direct", "Acme")],
        ),
        (
            "“Nobody makes money here,” points out Omar Haddad, who runs the shop.",
            [("Nobody makes money here,", "direct", "Omar Haddad")],
        ),
        ("Nina Berg pointed out that the talks had failed.", [("the talks had failed", "indirect", "Nina Berg")]),
        # the noun after a determiner is no cue: "the report said" is the report speaking (whose, unsaid)
        ("“Nobody makes money here,” the report said.", [("Nobody makes money here,", "direct", "")]),
        # negatives: "point out" without "that" shows, it does not report; a preposition is no modifier
        ("Officials pointed out the damaged building to reporters.", []),
        ("The words “nobody makes money here” in a social media post went viral.", []),
    ],
)
def test_attribution_speaker_after_the_quote(text, expected):
    assert statements_found(text) == expected


@pytest.mark.parametrize(
    "text, name",
    [
        ("Israel, meanwhile, said it would continue the offensive.", "Israel"),
        ("Hamas, for its part, said the talks had failed.", "Hamas"),
    ],
)
def test_attribution_discourse_adverbial_is_no_role(text, name):
    _, speakers = extract_statements(text)
    assert [(s.role, name in s.name) for s in speakers] == [("", True)]
