"""Which clauses a cue reports, read over the parse (newstally.rules.statements.reports): a cue set
in the middle of its sentence, a cue the parse conjoined to the clause it closes, a naming cue with
or without a quote; sentence -> (text, kind, speaker), negatives included. Names are made up."""

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


@pytest.mark.parametrize(
    "text, expected",
    [
        # "CLAUSE, X said, CLAUSE": what stands on both sides of the cue is reported
        (
            "It is on the mayor’s watch, Dana Holt said, that the city is facing a housing crisis.",
            [
                ("It is on the mayor’s watch", "indirect", "Dana Holt"),
                ("the city is facing a housing crisis", "indirect", "Dana Holt"),
            ],
        ),
        (
            "Paying the fees can be almost impossible for some families, Mira Osei said, especially those "
            "who arrived last year.",
            [
                ("Paying the fees can be almost impossible for some families", "indirect", "Mira Osei"),
                ("especially those who arrived last year", "indirect", "Mira Osei"),
            ],
        ),
        # a subordinate clause before the cue is the narration's, and so is a clause with a cue of its own
        (
            "While some critics say the council should not pay a middle man, Tomas Lindqvist says the "
            "scheme makes everyone work harder.",
            [
                ("the council should not pay a middle man", "indirect", "critics"),
                ("the scheme makes everyone work harder", "indirect", "Tomas Lindqvist"),
            ],
        ),
        (
            "But when the police are involved, he said, it is hard to know what the child was told.",
            [("it is hard to know what the child was told", "indirect", "")],
        ),
        # "Following the vote, X announced to members that ...": no aside, the clause after the cue only
        (
            "Following the announcement of a ceasefire, the envoy of Ruritania announced to member states that "
            "it will fund the rebuilding.",
            [("it will fund the rebuilding", "indirect", "envoy of Ruritania")],
        ),
    ],
)
def test_reports_both_sides_of_a_cue_in_mid_sentence(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # "CLAUSE, the minister, X, said ADJUNCT": the clause before, not the adjunct after
        (
            "The country hopes to train a new army to retake the occupied territory, the defence minister, "
            "Piet Harlan, said over the weekend.",
            [
                (
                    "The country hopes to train a new army to retake the occupied territory",
                    "indirect",
                    "Piet Harlan",
                )
            ],
        ),
        # a word of the clause the parse hangs on the cue does not end the clause
        (
            "The wounded were taken to the Nasser Medical Complex in Khan el-Ahmar, the Ministry of Health "
            "in the enclave said in a statement.",
            [
                (
                    "The wounded were taken to the Nasser Medical Complex in Khan el-Ahmar",
                    "indirect",
                    "Ministry of Health",
                )
            ],
        ),
        # a participle after the reported clause is the narration's, whatever verb the parse hangs it on
        (
            "Fuel prices rose last week after the government said it would cut the subsidy, pushing up "
            "the cost of bread.",
            [("it would cut the subsidy", "indirect", "government")],
        ),
        # negatives: a verb joined by "and" reports what follows it; "said nothing" reports nothing
        (
            "The minister visited the port and said the ships would sail.",
            [("the ships would sail", "indirect", "minister")],
        ),
        ("Police arrived at the scene, the officers said nothing.", []),
    ],
)
def test_reports_the_clause_before_a_cue_the_parse_conjoined(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a naming cue reports what it names, when a quote says it is the speaker's words
        (
            "The Red Crescent, a relief agency, on Thursday called the escalation “abhorrent”.",
            [("the escalation “abhorrent”", "mixed", "Red Crescent")],
        ),
        (
            "The regulator described the settlement as a “package of remedies and relief” for investors.",
            [("the settlement as a “package of remedies and relief” for investors", "mixed", "regulator")],
        ),
        # negative: "called" in another sense
        ("The mayor called the meeting to order.", []),
    ],
)
def test_reports_what_a_naming_cue_names_with_a_quote(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # without a quote, a naming cue with a subject reports what it names: an object and what it
        # is called, an object "as" what it is, or the relative word's name
        ("Ilse Varga called the plan a mistake.", [("the plan a mistake", "indirect", "Ilse Varga")]),
        ("Critics called the plan unfair.", [("the plan unfair", "indirect", "Critics")]),
        ("Rivals have described him as a populist.", [("him as a populist", "indirect", "Rivals")]),
        (
            "The council did not name the contractor but described the delay as a serious breach.",
            [("the delay as a serious breach", "indirect", "council")],
        ),
        (
            "Police described the theft as a carjacking and said the driver was unhurt.",
            [
                ("the theft as a carjacking", "indirect", "police"),
                ("the driver was unhurt", "indirect", "police"),
            ],
        ),
        (
            "Her concern lies in what Ada Moss calls the slow erosion of local news.",
            [("the slow erosion of local news", "indirect", "Ada Moss")],
        ),
        (
            "What the minister called a routine check turned into a raid.",
            [("a routine check", "indirect", "minister")],
        ),
        # negatives: "called" in another sense, a passive, a name given, "as" opening a clause
        ("Police called the suspect on Friday.", []),
        ("Police called the suspect last week.", []),
        ("The union called him to testify.", []),
        ("He was called a traitor by his rivals.", []),
        ("Residents call it the Harbour Mosque, after a local saint.", []),
        ("Crowds marked what residents call the Catastrophe, which recalls the flood of 1953.", []),
        ("She described the scene as she left the building.", []),
        ("Omar Reyes described the attack.", []),
    ],
)
def test_reports_what_a_naming_cue_names_without_a_quote(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # ", who told ...": the relative word stands for the noun before the comma, never a speaker itself
        (
            "He was criticised by the American rower Lena Ortiz, who told Hansen he was helping the wrong side.",
            [("he was helping the wrong side", "indirect", "Lena Ortiz")],
        ),
        (
            "The plan was rejected by the council, which said it would cost too much.",
            [("it would cost too much", "indirect", "council")],
        ),
    ],
)
def test_reports_a_relative_cue_speaks_for_its_antecedent(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a person named in an apposition before the main verb is who "he" in that sentence is
        (
            "“We will hold the line,” Maria Lund said. The deputy commander of the Azov unit, Capt Pavel "
            "Drozd, released a video on Thursday in which he said he had not surrendered.",
            [("We will hold the line,", "direct", "Maria Lund"), ("he had not surrendered", "indirect", "Pavel Drozd")],
        ),
        # negative: with no such apposition, "he" is still the speaker before
        (
            "“We will hold the line,” Ivan Lund said. The unit released a video on Thursday in which he said "
            "it had not surrendered.",
            [("We will hold the line,", "direct", "Ivan Lund"), ("it had not surrendered", "indirect", "Ivan Lund")],
        ),
    ],
)
def test_reports_an_apposition_before_the_verb_is_who_he_is(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # "Asked ..., X said": the clause before the cue is the question put to the speaker
        ("Questioned about the cost of the new arena, the mayor said in an interview: we will pay.", []),
        (
            "Pressed on whether the plant would close, the manager, Olaf Brandt, said it would stay open.",
            [("it would stay open", "indirect", "Olaf Brandt")],
        ),
        # a clause that is a statement stays one
        (
            "The plant will stay open until the end of the year, the manager, Olaf Brandt, said.",
            [("The plant will stay open until the end of the year", "indirect", "Olaf Brandt")],
        ),
    ],
)
def test_reports_the_question_put_to_a_speaker_is_not_a_statement(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a relative clause the parse takes for a second subject is not the speaker
        (
            "The research group, which closely monitors the fighting, said the army was running out of shells.",
            [("the army was running out of shells", "indirect", "research group")],
        ),
        # ", with X warning that ...": X speaks, and the clause before ends at the comma
        (
            "Moldavia told the allies to stop sending arms, with the ambassador warning that the deliveries "
            "were inflaming the conflict.",
            [
                ("stop sending arms", "indirect", "Moldavia"),
                ("the deliveries were inflaming the conflict", "indirect", "ambassador"),
            ],
        ),
        # "it" after an institution (a presidency) is that institution
        (
            "Shelling continued over the weekend, the Ruritanian presidency said on Sunday. It said that four "
            "missiles had hit the port.",
            [
                ("Shelling continued over the weekend", "indirect", "Ruritanian presidency"),
                ("four missiles had hit the port", "indirect", "Ruritanian presidency"),
            ],
        ),
    ],
)
def test_reports_who_speaks_in_a_crowded_sentence(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # "X has told Y it will ..., the governor said": the governor reports the whole clause
        (
            "Moldavia has told the region it will block the import of most goods by rail, the regional "
            "governor said on Friday.",
            [
                (
                    "Moldavia has told the region it will block the import of most goods by rail",
                    "indirect",
                    "regional governor",
                )
            ],
        ),
        # "X has started ... and warned that ..., Y said": the warning is Y's report too
        (
            "Borland has moved troops to the border and warned that an attack could come within days, "
            "Moldavia said on Wednesday.",
            [
                ("Borland has moved troops to the border", "indirect", "Moldavia"),
                ("an attack could come within days", "indirect", "Moldavia"),
            ],
        ),
        # a channel after the clause leaves the inner speaker speaking
        (
            "Anna Kessler, the owner of the chain, said 200 jobs would go this year, Reuters reported.",
            [("200 jobs would go this year", "indirect", "Anna Kessler")],
        ),
        # a denial after the clause is no report of it
        (
            "Ruritania has accused Borland of arming the rebels – a charge Borland has denied.",
            [("Borland of arming the rebels", "indirect", "Ruritania")],
        ),
    ],
)
def test_reports_a_cue_after_a_clause_with_a_cue_of_its_own(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # "CLAUSE, as X noted": X reports the clause the "as" clause hangs on, on either side
        (
            "The reforms will take years, as the minister noted in a speech on Monday.",
            [("The reforms will take years", "indirect", "minister")],
        ),
        (
            "Nevertheless, as Tomas Lind mentioned, there are encouraging signs.",
            [("there are encouraging signs", "indirect", "Tomas Lind")],
        ),
        # negatives: "as" with an object is a time ("as she said goodbye"); "mentioned" a noun is no statement
        ("As Lena Ortiz said goodbye, the crowd cheered.", []),
        ("She mentioned the war twice.", []),
    ],
)
def test_reports_as_x_said(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a colon ends the narration: the quote after it is direct, not mixed
        (
            "The mayor had one message for the crowd: “We will rebuild,” Lena Ortiz said.",
            [("We will rebuild,", "direct", "Lena Ortiz")],
        ),
        # narration that runs into the quote makes it mixed
        (
            "The plan is “dead in the water”, Lena Ortiz said.",
            [("The plan is “dead in the water”", "mixed", "Lena Ortiz")],
        ),
    ],
)
def test_reports_a_colon_before_a_quote_ends_the_narration(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a person the narration introduces with an age is who "he" is next
        (
            "“My knee is better,” Doug Varga says. The classes also helped Toronto accountant Emil Brandt, 50. "
            "“I had a gym membership, but this helped me,” he says.",
            [
                ("My knee is better,", "direct", "Doug Varga"),
                ("I had a gym membership, but this helped me,", "direct", "Emil Brandt"),
            ],
        ),
        # negative: a number after a comma that is no age introduces no one
        (
            "“My knee is better,” Doug Varga says. The class costs $50, 20 more than last year. "
            "“I had a gym membership,” he says.",
            [("My knee is better,", "direct", "Doug Varga"), ("I had a gym membership,", "direct", "Doug Varga")],
        ),
    ],
)
def test_reports_a_person_introduced_with_an_age_is_who_he_is(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a participle after its clause reports what follows it, never the clause before it
        (
            "On Friday, the federation chairman Ivo Marek wrote to the world body – the sport’s governing "
            "body – urging it to “take action against athletes who break the rules”.",
            [("it to “take action against athletes who break the rules”", "mixed", "Ivo Marek")],
        ),
    ],
)
def test_reports_a_participle_reports_what_follows_it(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a cue the parse hung on the clause after it, or split off from it, reports that clause
        ("Tomas Lind noted the two are very close.", [("the two are very close", "indirect", "Tomas Lind")]),
        (
            "Tomas Lind noted the two are very close, which made the split even harder.",
            [("the two are very close, which made the split even harder", "indirect", "Tomas Lind")],
        ),
        # negatives: a subordinate clause before the main one, a cue with an object
        ("When Tomas Lind arrived, the doors were closed.", []),
        ("Tomas Lind noted the date, and the doors were closed.", []),
    ],
)
def test_reports_the_clause_a_cue_was_misparsed_onto(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # what a listener is told, reminded or advised to do, even when the parse hangs the "to" clause
        # on the cue as an adjunct
        (
            "Lakeside Water reminded customers to boil their water, saying tests were under way.",
            [
                ("boil their water", "indirect", "Lakeside Water"),
                ("tests were under way", "indirect", "Lakeside Water"),
            ],
        ),
        (
            "The league advises that the rookie may very well break out next season.",
            [("the rookie may very well break out next season", "indirect", "league")],
        ),
        (
            "Lakeside Power advised people never to use a portable generator or outdoor barbecue indoors, and "
            "never to store fuel inside.",
            [
                (
                    "never to use a portable generator or outdoor barbecue indoors, and never to store fuel inside",
                    "indirect",
                    "Lakeside Power",
                )
            ],
        ),
        # negatives: a listener with no "to" clause, advice on a matter
        ("The mayor reminded customers of the deadline.", []),
        ("The firm advised the government on the sale.", []),
    ],
)
def test_reports_what_a_listener_is_told_to_do(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a comparison with what someone says, or a quantity said about a topic, reports nothing
        (
            "A claim that the costs are lower than the agency says they are could make the plan more attractive.",
            [],
        ),
        ("The short video says much about the spirit of the car.", []),
        # "than" that does not open the cue's clause: the cue reports as usual
        (
            "The coalition became more uncertain than ever once Ilse Varga stated her party would leave the talks.",
            [("her party would leave the talks", "indirect", "Ilse Varga")],
        ),
        ("Ilse Varga said nothing about the deal.", []),
        # but a clause that opens with such a word is reported
        (
            "Ilse Varga says everything about the plan is wrong.",
            [("everything about the plan is wrong", "indirect", "Ilse Varga")],
        ),
    ],
)
def test_reports_nothing_said_in_a_comparison_or_about_a_topic(text, expected):
    assert found(text) == expected
