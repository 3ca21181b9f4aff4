"""Which phrases name a speaker (newstally.rules.speakers.naming), and so may be an alias."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    "phrase, expected",
    [
        ("US President Joan Reyes", True),
        ("Israel’s Joan Reyes", True),
        ("the US president", True),
        ("a spokesperson for the armed group", True),
        ("ambassador to the United Nations", True),
        ("Human rights group Amnesty International", True),
        ("the 41-year-old", True),
        ("Reyes said Norway", False),
        ("The secretary of", False),
        ("Israel demolishes the homes of people", False),
        ("19 percent of residents", False),
        ("letter to Secretary of State Joan Reyes", False),
        ("2011 United Nations", False),
        ("Tensions around Norway", False),
    ],
)
def test_naming_alias_is_a_way_of_naming_the_speaker(phrase, expected):
    from newstally.rules.speakers.naming import names_speaker

    assert names_speaker(phrase) is expected
