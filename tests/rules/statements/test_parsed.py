"""Statements read over the dependency parse (newstally.rules.statements: parsed, phrases, combined,
according): each construction the parse reads, sentence -> (text, kind, speaker), negatives included.
The whole extraction runs (``newstally.rules.extract``), so the parse is the one a build uses."""

from __future__ import annotations

import pytest

from newstally.rules import extract
from newstally.rules.syntax import MODEL

pytestmark = pytest.mark.skipif(not (MODEL / "meta.json").is_file(), reason="no parser model (make model)")


def found(text: str) -> list[tuple[str, str, str]]:
    """(statement text, kind, speaker name) in text order."""
    result = extract(text)
    names = {s.key: s.name for s in result.speakers}
    return [(s.text, s.kind, names.get(s.speaker_key, "")) for s in result.statements]


def rules(text: str) -> list[str]:
    return [s.rule for s in extract(text).statements]


@pytest.mark.parametrize(
    "text, expected",
    [
        # the clause is the cue's complement, up to a participle a comma opens: that is the narration's
        (
            "The army said it would close the border crossing, cutting off supplies to the north.",
            [("it would close the border crossing", "indirect", "army")],
        ),
        # a conjoined cue reports a clause of its own, in the first cue's speaker's name
        (
            "Ivan Sokolov added that the army was ready and said that the talks would resume on Monday.",
            [
                ("the army was ready", "indirect", "Ivan Sokolov"),
                ("the talks would resume on Monday", "indirect", "Ivan Sokolov"),
            ],
        ),
        # "and that CLAUSE" is a second statement
        (
            "Nina Berg said the port was closed and that the ships had left.",
            [("the port was closed", "indirect", "Nina Berg"), ("the ships had left", "indirect", "Nina Berg")],
        ),
        # a cue in a subordinate clause reports no further than its own clause
        (
            "Fuel prices rose last week after the government said it would cut the subsidy, pushing up the cost of bread.",
            [("it would cut the subsidy", "indirect", "government")],
        ),
        # a cue in a relative clause reports no further than its own clause
        ("The bridge, which engineers said was unsafe, will close in May.", [("was unsafe", "indirect", "engineers")]),
        # the cue's adjuncts before the clause are not the clause
        (
            "The company said in a statement the plant would reopen next week.",
            [("the plant would reopen next week", "indirect", "company")],
        ),
    ],
)
def test_parsed_clause_is_the_cues_complement(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "The talks will resume next week, the regional council said in a statement.",
            [("The talks will resume next week", "indirect", "regional council")],
        ),
        (
            "Two schools were damaged in the shelling, the mayor of the coastal town said.",
            [("Two schools were damaged in the shelling", "indirect", "mayor of the coastal town")],
        ),
        # the name of the speaker without where it is
        (
            "The wounded were taken to the central hospital, the Ministry of Health in the northern province said.",
            [("The wounded were taken to the central hospital", "indirect", "Ministry of Health")],
        ),
        (
            "The ferry will not sail on Sunday, Omar Haddad, the harbour master, told reporters.",
            [("The ferry will not sail on Sunday", "indirect", "Omar Haddad")],
        ),
    ],
)
def test_parsed_clause_before_its_cue(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize(
    "text, speaker",
    [
        ("The senators said they were worried about the vote.", "senators"),
        ("Shelter residents said the beds were full every night.", "Shelter residents"),
        ("Some voters say the mayor has lost their trust.", "Some voters"),
        # the subject's whole phrase, and nothing more: not a neighbouring name, nor a time before it
        ("Last week a senior army commander said the offensive would continue.", "a senior army commander"),
        ("On Friday the transport minister, Lena Park, said the bridge would reopen.", "Lena Park"),
        # an apposition the parse broke: the phrase that opens the sentence speaks, the rest describes it
        ("The mayor, a former teacher, said the bridge would reopen.", "mayor"),
        ("A fisherman, a resident of the harbour, said the bridge would reopen.", "A fisherman"),
        # a name with its cue set between commas inside the clause speaks, not the noun before it
        ("The board, Lee said, had failed to act.", "Lee"),
        ("Police, Lee says, have no policies for such cases.", "Lee"),
        # a name the tokenizer split at its hyphen is one name, with the words written before it
        ("Reporter Mira al-Hadi said the bridge would reopen.", "Mira al-Hadi"),
        ("Spokesman Karim Abu-Nasr told reporters the bridge would reopen.", "Karim Abu-Nasr"),
        ("The self-styled mayor said the bridge would reopen.", "self-styled mayor"),
    ],
)
def test_parsed_speaker_is_the_cues_subject(text, speaker):
    assert [s for _, _, s in found(text)] == [speaker]


@pytest.mark.parametrize("listener", ["police", "the court", "detectives", "investigators", "a local newspaper"])
def test_parsed_told_any_listener(listener):
    text = f"Omar Haddad told {listener} that he had never seen the letter."
    assert found(text) == [("he had never seen the letter", "indirect", "Omar Haddad")]


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "The arena has two rinks, according to the city council, and the smaller rink will close next year.",
            [
                ("The arena has two rinks", "indirect", "city council"),
                ("the smaller rink will close next year", "indirect", "city council"),
            ],
        ),
        (
            "The bridge will reopen in May, according to officials cited by a local newspaper.",
            [("The bridge will reopen in May", "indirect", "officials")],
        ),
        # "according to" the parse hung inside the source's phrase is no part of its name
        (
            "In Lakeside, 795 adults remain dependent on income assistance as of late September, according to "
            "the province's Department of Community Services.",
            [
                (
                    "In Lakeside, 795 adults remain dependent on income assistance as of late September",
                    "indirect",
                    "province's Department of Community Services",
                )
            ],
        ),
    ],
)
def test_parsed_according_to_anywhere(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "They added yet another goal early in the third period.",
        "The index added 0.4 per cent on Friday.",
        "His claims were rejected by the court on Monday.",
        "Police would not say how many people were arrested.",
        "READ MORE: Taxes will rise next year, the finance ministry says",
        "Adrienne Vale is a journalist who writes about civic affairs.",
    ],
)
def test_parsed_cue_in_another_sense_is_no_statement(text):
    assert found(text) == []


def test_parsed_noun_cue_is_not_the_speaker():
    # "state" in "the state department" is a noun, not a cue
    assert found("The state department said it was aware of the video.") == [
        ("it was aware of the video", "indirect", "State Department")
    ]


@pytest.mark.parametrize(
    "text, expected",
    [
        # an attribution after a quote whose phrase the word rules cannot read
        (
            "“There is no point pretending,” the minister for economic and energy affairs said.",
            [("There is no point pretending,", "direct", "minister for economic and energy affairs")],
        ),
        # a lead-in cue whose subject is a long description
        (
            "On the radio, a fisherman with more than twenty years at sea added: “Nobody called us.”",
            [("Nobody called us.", "direct", "a fisherman")],
        ),
        # a reported clause before a second cue that introduces a quote
        (
            "Ivan Sokolov said there would “hopefully never” be a shortage, but added: “We cannot rule it out.”",
            [
                ("there would “hopefully never” be a shortage", "mixed", "Ivan Sokolov"),
                ("We cannot rule it out.", "direct", "Ivan Sokolov"),
            ],
        ),
    ],
)
def test_parsed_quotes_attributed_by_the_parse(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a speaker attributed after its clause is who "he" is in the next paragraph
        (
            "Ivan Sokolov said the talks had failed.\n"
            "The ferry will not sail on Sunday, Omar Haddad, the harbour master, told reporters.\n"
            "“We are not ready,” he said.",
            [
                ("the talks had failed", "indirect", "Ivan Sokolov"),
                ("The ferry will not sail on Sunday", "indirect", "Omar Haddad"),
                ("We are not ready,", "direct", "Omar Haddad"),
            ],
        ),
        # a quote with no cue continues the speaker of the statement before it
        (
            "The port will reopen on Monday, Nina Berg, the harbour master, said.\n“Nobody called us.”",
            [("The port will reopen on Monday", "indirect", "Nina Berg"), ("Nobody called us.", "direct", "Nina Berg")],
        ),
    ],
)
def test_parsed_attribution_updates_who_he_is(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize(
    "narration", ["It is a plan that Nina Berg found worrying.", "The union leader, Nina Berg, agreed with the plan."]
)
def test_parsed_narration_subject_is_who_he_is_next(narration):
    # a person the narration makes a subject (no statement of theirs) is who "she" is in the next quote
    text = f"Ivan Sokolov said the port would reopen.\n{narration}\n“We are ready,” she said."
    assert found(text)[-1] == ("We are ready,", "direct", "Nina Berg")


def test_parsed_rules_name_themselves():
    assert rules("Two schools were damaged in the shelling, the mayor of the coastal town said.") == ["parsed-before"]
    # the word rules cut the clause before "and that" themselves; the parse names the clause it adds
    assert rules("Nina Berg said the port was closed and that the ships had left.") == ["reported", "parsed"]
    assert rules("Ivan Sokolov added that the army was ready and said that the talks would resume on Monday.") == [
        "parsed-clause",
        "parsed-conjoined",
    ]


@pytest.mark.parametrize(
    "text, expected",
    [
        # a concession a comma opens after the reported clause is the narration's
        (
            "Ivo Lind said the soldiers would be treated in line with international norms, though several"
            " senior politicians demanded a trial.",
            [("the soldiers would be treated in line with international norms", "indirect", "Ivo Lind")],
        ),
        (
            "The Norvian government said it would supply rockets to Estland, although Moscow had threatened"
            " to bomb fresh targets.",
            [("it would supply rockets to Estland", "indirect", "Norvian government")],
        ),
        # where the words were said, a comma before it, is the narration's too
        (
            "Lakeside Watch has said the army is endangering civilians by basing itself in homes, in a report"
            " rejected by the government.",
            [("the army is endangering civilians by basing itself in homes", "indirect", "Lakeside Watch")],
        ),
        # with no comma, the concession is part of what was said
        (
            "Ivo Lind said prices rose although wages fell.",
            [("prices rose although wages fell", "indirect", "Ivo Lind")],
        ),
    ],
)
def test_parsed_clause_ends_before_a_concession_or_the_document(text, expected):
    assert found(text) == expected
