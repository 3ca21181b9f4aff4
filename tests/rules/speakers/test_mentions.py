"""Speaker phrases (newstally.rules.speakers.mentions): what a phrase and its appositive name."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    "phrase, appositive, expected",
    [
        ("Palestinian lawyer and analyst Rana Aziz", "", ("Rana Aziz", "Palestinian lawyer and analyst", "")),
        (
            "Al Jazeera’s senior political analyst Rana Aziz",
            "",
            ("Rana Aziz", "senior political analyst", "Al Jazeera"),
        ),
        # a portfolio after "Minister of" is no part of the name
        (
            "Palestinian Minister of Foreign Affairs Rana Aziz",
            "",
            ("Rana Aziz", "Palestinian Minister of Foreign Affairs", ""),
        ),
        (
            "US Department of State spokesperson Tom Hale",
            "",
            ("Tom Hale", "US Department of State spokesperson", "US Department of State"),
        ),
        ("Houthi spokesperson Tom Hale", "", ("Tom Hale", "Houthi spokesperson", "Houthis")),
        # a word in capitals is not an acronym that names an organisation
        ("NEW Israeli Defence Minister Tom Hale", "", ("Tom Hale", "NEW Israeli Defence Minister", "")),
        ("Hamas", "the Foreign Ministry spokeswoman", ("Hamas", "Foreign Ministry spokeswoman", "Hamas")),
        ("Hamas", "amid protests against the continuing bombardment", ("Hamas", "", "Hamas")),
        ("Hamas", "and around 240 others taken captive", ("Hamas", "", "Hamas")),
        ("Hamas", "including more than 4", ("Hamas", "", "Hamas")),
        ("Hamas", "among other organisations", ("Hamas", "", "Hamas")),
        ("Hamas", "famine is spreading with incredible speed", ("Hamas", "", "Hamas")),
        (
            "Hamas",
            "a researcher with the group that monitors the strip",
            ("Hamas", "researcher with the group that monitors the strip", "Hamas"),
        ),
    ],
)
def test_mentions_phrase_role_and_organisation(phrase, appositive, expected):
    from newstally.rules.speakers.mentions import parse
    from newstally.rules.speakers.words import TOKEN

    mention = parse(TOKEN.findall(phrase), appositive, phrase)
    assert (mention.name, mention.role, mention.org) == expected


@pytest.mark.parametrize(
    "phrase, kind, name",
    [
        # a name after a group's "in" or "from" is where they are, not who speaks
        ("Health officials in the Vandor Strip", "description", "Health officials in the Vandor Strip"),
        ("People in Port Vale", "description", "People in Port Vale"),
        ("Palestinians from the besieged Vandor Strip", "description", "Palestinians from the besieged Vandor Strip"),
        # ... but a person or an organisation keeps its name, which may hold its place
        ("Ann Lee", "person", "Ann Lee"),
        ("Vandor Interim Force in Lebanon", "organization", "Vandor Interim Force in Lebanon"),
    ],
)
def test_mentions_a_group_in_a_place(phrase, kind, name):
    from newstally.rules.speakers.mentions import parse
    from newstally.rules.speakers.words import TOKEN

    mention = parse(TOKEN.findall(phrase), "", phrase)
    assert (mention.type, mention.name) == (kind, name)
